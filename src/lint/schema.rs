//! The plan schema (`schemas/plan.schema.json`): compiled once, its errors
//! turned into findings that name the field, say what was expected and point
//! at the offending node.

use crate::document::Lookup;
use crate::document::{pointer_child, Document};
use crate::finding::{Finding, Fix, Severity};
use crate::i18n::{self, t};
use crate::lint::words::{fluent_args, listed, or_list, tidy};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;
use std::sync::OnceLock;

/// The schema text, as shipped in `schemas/`.
pub const PLAN_SCHEMA: &str = include_str!("../../schemas/plan.schema.json");

/// The rule definition schema (rule packs are checked against it).
pub const RULE_SCHEMA: &str = include_str!("../../schemas/rule.schema.json");

/// The config file schema (`.planlint.yaml` is checked against it).
pub const CONFIG_SCHEMA: &str = include_str!("../../schemas/config.schema.json");

/// Where the release publishes a schema of `schemas/` (`plan.schema.json`):
/// the file at the release's tag, so a modeline keeps pointing at the
/// schema of the planlint that wrote it.
pub fn published_url(file: &str) -> String {
    format!(
        "https://raw.githubusercontent.com/planlint/planlint/v{}/schemas/{file}",
        env!("CARGO_PKG_VERSION")
    )
}

/// A JSON Schema compiled for validating documents with spans.
pub struct CompiledSchema {
    schema: Value,
    validator: Validator,
    /// What the document is called in messages ("the plan", "the rule").
    root: Root,
}

/// What a whole document checked against a schema is, as messages name it.
#[derive(Debug, Clone, Copy)]
enum Root {
    /// A value a rule's `schema` function checks.
    Value,
    Plan,
    Rule,
    Config,
}

impl Root {
    fn name(self) -> String {
        match self {
            Root::Value => t!("lint-values-schema-root-value"),
            Root::Plan => t!("lint-values-place-plan"),
            Root::Rule => t!("lint-values-schema-root-rule"),
            Root::Config => t!("lint-values-schema-root-config"),
        }
    }
}

impl CompiledSchema {
    /// Compiles a schema shipped with planlint. They are part of the binary
    /// and tested, so failing here is a bug in planlint.
    #[allow(clippy::expect_used)]
    fn builtin(text: &str, root: Root) -> CompiledSchema {
        let schema: Value = serde_json::from_str(text).expect("shipped schema is valid JSON");
        let mut compiled = CompiledSchema::new(schema).expect("shipped schema compiles");
        compiled.root = root;
        compiled
    }

    /// Compiles a user's schema (the `schema` function), naming what is wrong.
    pub fn new(schema: Value) -> Result<CompiledSchema, String> {
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|error| t!("lint-values-schema-invalid", error = error.to_string()))?;
        Ok(CompiledSchema {
            schema,
            validator,
            root: Root::Value,
        })
    }

    /// Findings for `document`, in document order of their spans.
    pub fn check(&self, document: &Document) -> Vec<Finding> {
        self.check_at(document, "")
    }

    /// Findings for `value`, a version of `document`'s value with the same
    /// shape where it matters (spans are looked up in `document`).
    pub fn check_value(&self, value: &Value, document: &Document) -> Vec<Finding> {
        self.findings_of(value, document, "")
    }

    /// Findings for the node at `pointer` of `document` (one rule of a
    /// rule pack file), in document order of their spans.
    pub fn check_at(&self, document: &Document, pointer: &str) -> Vec<Finding> {
        let Some(node) = document.value.lookup(pointer) else {
            return Vec::new();
        };
        self.findings_of(node, document, pointer)
    }

    /// Findings for `node`, found at `pointer` of `document`.
    fn findings_of(&self, node: &Value, document: &Document, pointer: &str) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .validator
            .iter_errors(node)
            .flat_map(|error| findings_for(&error, document, pointer, &self.schema, self.root))
            .collect();
        findings.sort_by_key(|finding| (finding.span.start, finding.span.end));
        findings.dedup();
        findings
    }

    /// Violations of a single value (no spans), as messages keyed by the
    /// pointer below `value` where they occur.
    pub fn violations(&self, value: &Value) -> Vec<(String, String)> {
        self.validator
            .iter_errors(value)
            .map(|error| (error.instance_path().as_str().to_owned(), error.to_string()))
            .collect()
    }
}

/// The plan schema, compiled on first use and shared by all threads.
pub fn plan_schema() -> &'static CompiledSchema {
    static COMPILED: OnceLock<CompiledSchema> = OnceLock::new();
    COMPILED.get_or_init(|| CompiledSchema::builtin(PLAN_SCHEMA, Root::Plan))
}

/// The rule definition schema.
pub fn rule_schema() -> &'static CompiledSchema {
    static COMPILED: OnceLock<CompiledSchema> = OnceLock::new();
    COMPILED.get_or_init(|| CompiledSchema::builtin(RULE_SCHEMA, Root::Rule))
}

/// The config file schema.
pub fn config_schema() -> &'static CompiledSchema {
    static COMPILED: OnceLock<CompiledSchema> = OnceLock::new();
    COMPILED.get_or_init(|| CompiledSchema::builtin(CONFIG_SCHEMA, Root::Config))
}

/// Schema findings for a plan as written (`value`, nulls removed).
pub fn check(value: &Value, document: &Document) -> Vec<Finding> {
    plan_schema().check_value(value, document)
}

/// What every finding of one validation error shares.
struct ErrorSite<'e, 'd> {
    error: &'e ValidationError<'e>,
    document: &'d Document,
    prefix: &'e str,
    schema: &'e Value,
    root: Root,
    /// The JSON pointer of the offending node.
    pointer: String,
    /// How the node is named in messages.
    field: String,
}

impl ErrorSite<'_, '_> {
    /// A finding at `pointer` (an unknown key is underlined itself,
    /// anything else at its value).
    fn finding(&self, pointer: String, message: String, label: String, help: Option<String>) -> Finding {
        let span = if matches!(
            self.error.kind(),
            ValidationErrorKind::AdditionalProperties { .. }
                | ValidationErrorKind::UnevaluatedProperties { .. }
        ) {
            self.document.key_or_value_span(&pointer)
        } else {
            self.document.pointer_span(&pointer)
        };
        Finding {
            rule: crate::rule::meta::SCHEMA.into(),
            severity: Severity::Error,
            message: tidy(message),
            help: help.map(|help| std::sync::Arc::from(tidy(help))),
            pointer,
            span,
            label,
            related: Vec::new(),
            fix: None,
            choices: Vec::new(),
            remedies: Vec::new(),
        }
    }

    /// The placeholders the messages about this error share: `field`
    /// (the place) and `found` (the value as written).
    fn args<'a>(&self) -> i18n::Args<'a> {
        fluent_args!(field = self.field.clone(), found = short(self.error.instance()))
    }

    /// A finding at the offending node itself.
    fn here(&self, message: String, label: String, help: Option<String>) -> Vec<Finding> {
        vec![self.finding(self.pointer.clone(), message, label, help)]
    }
}

/// A certain fix: the one close match, written plain (the engine keeps
/// the quoting the scalar was written with).
fn with_fix(mut found: Finding, title: String, meant: &str) -> Finding {
    found.fix = Some(Box::new(Fix {
        title,
        span: found.span,
        replacement: meant.to_owned(),
    }));
    found
}

/// Findings for one validation error of the node at `prefix`.
fn findings_for(
    error: &ValidationError<'_>,
    document: &Document,
    prefix: &str,
    schema: &Value,
    root: Root,
) -> Vec<Finding> {
    let pointer = format!("{prefix}{}", error.instance_path().as_str());
    let field = if pointer.is_empty() {
        root.name()
    } else {
        crate::lint::place::describe(&pointer, &document.value)
    };
    let site = ErrorSite {
        error,
        document,
        prefix,
        schema,
        root,
        pointer,
        field,
    };
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => unknown_fields(&site, unexpected),
        ValidationErrorKind::Required { property } => missing_field(&site, property),
        ValidationErrorKind::Type { kind } => wrong_type(&site, kind),
        ValidationErrorKind::Enum { options } => not_allowed(&site, options),
        ValidationErrorKind::Constant { expected_value } => not_the_constant(&site, expected_value),
        ValidationErrorKind::Format { format } if format == "date" => not_a_date(&site),
        ValidationErrorKind::Pattern { .. } => not_the_pattern(&site),
        ValidationErrorKind::MinItems { limit } => too_few_items(&site, *limit),
        ValidationErrorKind::Minimum { limit } | ValidationErrorKind::ExclusiveMinimum { limit } => {
            out_of_range(&site, Bound::Least, limit)
        }
        ValidationErrorKind::Maximum { limit } | ValidationErrorKind::ExclusiveMaximum { limit } => {
            out_of_range(&site, Bound::Most, limit)
        }
        ValidationErrorKind::MinLength { limit: 1 } => site.here(
            i18n::message("lint-values-schema-empty", Some(&site.args())),
            t!("lint-values-schema-empty-label"),
            None,
        ),
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            meant_alternative(&site, context)
        }
        _ => other_error(&site),
    }
}

/// A value that must be exactly one thing (`version: 1`).
fn not_the_constant(site: &ErrorSite<'_, '_>, expected: &Value) -> Vec<Finding> {
    let mut args = site.args();
    args.set("expected", short(expected));
    site.here(
        i18n::message("lint-values-schema-must-be", Some(&args)),
        t!("lint-values-schema-constant-label"),
        None,
    )
}

/// Text where a calendar date belongs, or a date that does not exist.
fn not_a_date(site: &ErrorSite<'_, '_>) -> Vec<Finding> {
    site.here(
        i18n::message("lint-values-schema-date", Some(&site.args())),
        t!("lint-values-schema-date-label"),
        Some(t!("lint-values-schema-date-help")),
    )
}

/// Text that is not in the form a field's values take (`currency: rmb`),
/// with the examples the plan format gives for it.
fn not_the_pattern(site: &ErrorSite<'_, '_>) -> Vec<Finding> {
    let examples = examples_for(site.schema, site.error.schema_path().as_str());
    let help = (!examples.is_empty()).then(|| {
        let examples = or_list(&examples);
        t!("lint-values-schema-pattern-help", examples = examples)
    });
    site.here(
        i18n::message("lint-values-schema-pattern", Some(&site.args())),
        t!("lint-values-schema-pattern-label"),
        help,
    )
}

/// A list with fewer items than it needs.
fn too_few_items(site: &ErrorSite<'_, '_>, limit: u64) -> Vec<Finding> {
    let mut args = site.args();
    args.set("limit", limit);
    site.here(
        i18n::message("lint-values-schema-min-items", Some(&args)),
        t!("lint-values-schema-min-items-label"),
        None,
    )
}

/// Any other way a value breaks the plan format, in the validator's words.
fn other_error(site: &ErrorSite<'_, '_>) -> Vec<Finding> {
    let error = site.error.to_string();
    site.here(
        i18n::message("lint-values-schema-other", Some(&site.args())),
        t!("lint-values-schema-here-label"),
        Some(t!("lint-values-schema-other-help", error = error)),
    )
}

/// Keys the object does not allow, each with the closest known name.
fn unknown_fields(site: &ErrorSite<'_, '_>, unexpected: &[String]) -> Vec<Finding> {
    let keyword_path = site.error.schema_path().as_str();
    let known = known_properties(site.schema, keyword_path);
    let instance = site.error.instance();
    unexpected
        .iter()
        .map(|key| {
            let listed = listed(&known);
            let help = match crate::suggest::closest(key, known.iter().map(String::as_str)) {
                Some(suggestion) => Some(did_you_mean(suggestion)),
                None if known.is_empty() => None,
                None if allows_extensions(site.schema, keyword_path) => {
                    Some(t!("lint-values-schema-known-fields-x", known = listed))
                }
                None => Some(t!("lint-values-schema-known-fields", known = listed)),
            };
            let mut args = site.args();
            args.set("key", key.as_str());
            let found = site.finding(
                pointer_child(&site.pointer, key),
                i18n::message("lint-values-schema-unknown", Some(&args)),
                t!("lint-values-schema-unknown-label"),
                help,
            );
            // Renaming onto a key already there would make a duplicate:
            // then it is for the writer to decide.
            let rename = crate::suggest::only_close(key, known.iter().map(String::as_str))
                .filter(|meant| instance.get(*meant).is_none());
            match rename {
                Some(meant) => with_fix(found, fix_title(Fixing::Rename, key, meant), meant),
                None => found,
            }
        })
        .collect()
}

/// A required field that is absent.
fn missing_field(site: &ErrorSite<'_, '_>, property: &Value) -> Vec<Finding> {
    let name = property
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| property.to_string());
    let mut args = site.args();
    args.set("name", name.as_str());
    site.here(
        i18n::message("lint-values-schema-missing", Some(&args)),
        t!("lint-values-schema-missing-label"),
        Some(i18n::message("lint-values-schema-missing-help", Some(&args))),
    )
}

/// A value of the wrong kind (text where a number belongs ...).
fn wrong_type(site: &ErrorSite<'_, '_>, kind: &TypeKind) -> Vec<Finding> {
    let expected = match kind {
        TypeKind::Single(single) => type_name(&single.to_string()),
        TypeKind::Multiple(set) => either(set.iter().map(|each| type_name(&each.to_string()))),
    };
    let mut args = site.args();
    args.set("expected", expected);
    args.set("found", describe(site.error.instance()));
    site.here(
        i18n::message("lint-values-schema-must-be", Some(&args)),
        t!("lint-values-schema-wrong-type-label"),
        None,
    )
}

/// A value outside an enumeration, with the one close match as its fix.
fn not_allowed(site: &ErrorSite<'_, '_>, options: &Value) -> Vec<Finding> {
    let instance = site.error.instance();
    let allowed = options
        .as_array()
        .map(|values| listed(&values.iter().map(short).collect::<Vec<_>>()))
        .unwrap_or_default();
    let names = || options.as_array().into_iter().flatten().filter_map(Value::as_str);
    let help = instance
        .as_str()
        .and_then(|typo| crate::suggest::closest(typo, names()))
        .map(did_you_mean);
    let mut args = site.args();
    args.set("allowed", allowed);
    let found = site.finding(
        site.pointer.clone(),
        i18n::message("lint-values-schema-one-of", Some(&args)),
        t!("lint-values-schema-one-of-label"),
        help,
    );
    let close = instance
        .as_str()
        .and_then(|typo| Some(typo).zip(crate::suggest::only_close(typo, names())));
    match close {
        Some((typo, meant)) => vec![with_fix(found, fix_title(Fixing::Change, typo, meant), meant)],
        None => vec![found],
    }
}

/// How a fix corrects a name: a key is renamed, a value changed.
#[derive(Clone, Copy)]
enum Fixing {
    Rename,
    Change,
}

/// "rename `dedline` to `deadline`".
fn fix_title(fixing: Fixing, written: &str, meant: &str) -> String {
    let args = fluent_args!(written = written, meant = meant);
    match fixing {
        Fixing::Rename => i18n::message("lint-values-schema-fix-rename", Some(&args)),
        Fixing::Change => i18n::message("lint-values-schema-fix-change", Some(&args)),
    }
}

/// Which end of its range a number passed.
#[derive(Clone, Copy)]
enum Bound {
    Least,
    Most,
}

/// A number below a minimum or above a maximum.
fn out_of_range(site: &ErrorSite<'_, '_>, bound: Bound, limit: &Value) -> Vec<Finding> {
    let mut args = site.args();
    args.set("limit", short(limit));
    let (message, label) = match bound {
        Bound::Least => (
            i18n::message("lint-values-schema-at-least", Some(&args)),
            t!("lint-values-schema-at-least-label"),
        ),
        Bound::Most => (
            i18n::message("lint-values-schema-at-most", Some(&args)),
            t!("lint-values-schema-at-most-label"),
        ),
    };
    site.here(message, label, None)
}

/// "did you mean `deadline`?"
fn did_you_mean(suggestion: &str) -> String {
    t!("lint-values-did-you-mean", suggestion = suggestion)
}

/// "a number or text" (in Chinese 数字或文本): every name, each but the
/// last followed by "or".
fn either(names: impl Iterator<Item = String>) -> String {
    names
        .reduce(|first, second| t!("lint-values-or", first = first, second = second))
        .map(tidy)
        .unwrap_or_default()
}

/// "Not valid under any of": the errors of the alternative the value was
/// meant to be (the one it has the right type for).
fn meant_alternative(site: &ErrorSite<'_, '_>, context: &[Vec<ValidationError<'_>>]) -> Vec<Finding> {
    let error = site.error;
    let meant = context.iter().find(|branch| {
        !branch.is_empty()
            && !branch.iter().any(|e| {
                matches!(e.kind(), ValidationErrorKind::Type { .. })
                    && e.instance_path().as_str() == error.instance_path().as_str()
            })
    });
    match meant {
        Some(branch) => branch
            .iter()
            .flat_map(|inner| findings_for(inner, site.document, site.prefix, site.schema, site.root))
            .collect(),
        None => {
            let mut args = site.args();
            args.set("found", describe(error.instance()));
            let help =
                alternatives(context).map(|kinds| t!("lint-values-schema-no-form-help", kinds = kinds));
            site.here(
                i18n::message("lint-values-schema-no-form", Some(&args)),
                t!("lint-values-schema-here-label"),
                help,
            )
        }
    }
}

/// The kinds of value the alternatives of a "one of" accept ("a number
/// or text"), when each says what kind it wants.
fn alternatives(context: &[Vec<ValidationError<'_>>]) -> Option<String> {
    let mut kinds: Vec<String> = Vec::new();
    for branch in context {
        for error in branch {
            if let ValidationErrorKind::Type { kind } = error.kind() {
                let names: Vec<String> = match kind {
                    TypeKind::Single(single) => vec![single.to_string()],
                    TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
                };
                for name in names {
                    let name = type_name(&name);
                    if !kinds.contains(&name) {
                        kinds.push(name);
                    }
                }
            }
        }
    }
    (!kinds.is_empty()).then(|| or_list(&kinds))
}

/// The `examples` the schema gives beside the keyword at `keyword_path`.
fn examples_for(schema: &Value, keyword_path: &str) -> Vec<String> {
    let parent = keyword_path.rsplit_once('/').map_or("", |(parent, _)| parent);
    schema
        .lookup(parent)
        .and_then(|node| node.get("examples"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// `/goals/0/deadline` -> "`deadline` of goal 1"; the root reads "the
/// plan". Items are counted from 1; with the plan at hand, use
/// [`crate::lint::place::describe`] to name them too.
pub fn display_path(pointer: &str) -> String {
    crate::lint::place::describe(pointer, &Value::Null)
}

/// What a JSON type is called in messages ("a list", "text"); a type
/// the plan format does not use keeps its name.
pub(crate) fn type_name(json_type: &str) -> String {
    match json_type {
        "object" => t!("lint-values-type-object"),
        "array" => t!("lint-values-type-array"),
        "string" => t!("lint-values-type-string"),
        "number" => t!("lint-values-type-number"),
        "integer" => t!("lint-values-type-integer"),
        "boolean" => t!("lint-values-type-boolean"),
        "null" => t!("lint-values-type-null"),
        other => other.to_owned(),
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => t!("lint-values-found-nothing"),
        Value::Bool(_) => format!("{value}"),
        Value::Number(_) => t!("lint-values-found-number", value = value.to_string()),
        Value::String(_) => t!("lint-values-found-text", text = short(value)),
        Value::Array(_) => type_name("array"),
        Value::Object(_) => type_name("object"),
    }
}

/// A value shown in a message, cut short if long: as JSON writes it, but
/// text in Chinese between 「」.
fn short(value: &Value) -> String {
    if let (Value::String(text), crate::i18n::Lang::Zh) = (value, crate::i18n::language()) {
        return if text.chars().count() > 58 {
            format!("「{}…」", text.chars().take(57).collect::<String>())
        } else {
            format!("「{text}」")
        };
    }
    let text = value.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

/// Whether the object schema where `additionalProperties` failed allows `x-` keys.
fn allows_extensions(schema: &Value, keyword_path: &str) -> bool {
    let parent = keyword_path.rsplit_once('/').map_or("", |(parent, _)| parent);
    schema
        .lookup(parent)
        .and_then(|node| node.get("patternProperties"))
        .and_then(|p| p.get("^x-"))
        .is_some()
}

/// The property names the schema allows where `additionalProperties` failed.
fn known_properties(schema: &Value, keyword_path: &str) -> Vec<String> {
    let parent = keyword_path.rsplit_once('/').map_or("", |(parent, _)| parent);
    schema
        .lookup(parent)
        .and_then(|node| node.get("properties"))
        .and_then(Value::as_object)
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_yaml() {
        assert_eq!(display_path(""), "the plan");
        assert_eq!(display_path("/goals/0/deadline"), "`deadline` of goal 1");
        assert_eq!(display_path("/x~1y"), "`x/y`");
    }

    fn messages_in_chinese(text: &str) -> Vec<(String, Option<String>, String)> {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let document = crate::document::load(text, &crate::document::LoadLimits::default()).unwrap();
        plan_schema()
            .check(&document)
            .into_iter()
            .map(|found| {
                (
                    found.message,
                    found.help.map(|help| help.to_string()),
                    found.label,
                )
            })
            .collect()
    }

    /// The plan format's findings in Chinese: places by the item's name, the
    /// plan's text between 「」, lists with 、 and no spaces left between
    /// Chinese words.
    #[test]
    fn findings_speak_chinese() {
        let text = "version: 2\ncurrency: rmb\nbudget: {total: -5}\ngoals:\n  - id: 营收\n    dedline: 2026-06-30\n    target: [1]\nchannels:\n  - {name: 抖音, type: socal}\n";
        let found = messages_in_chinese(text);
        let expected = [
            (
                "计划缺少必填字段 `name`",
                Some("在这里加上 `name:`"),
                "缺少这个字段",
            ),
            ("`version` 必须是 1，实际是 2", None, "不是要求的值"),
            (
                "`currency` 的写法不符合计划格式，实际是「rmb」",
                Some("照这样写：CNY、USD 或 EUR"),
                "写法不对",
            ),
            ("`budget.total` 不能小于 0，实际是 -5", None, "太小"),
            (
                "第 1 个目标 `营收` 里有未知字段 `dedline`",
                Some("是不是想写 `deadline`？"),
                "未知字段",
            ),
            (
                "第 1 个目标 `营收` 的 `target` 必须是数字或文本，实际是列表",
                None,
                "值的类型不对",
            ),
        ];
        for (message, help, label) in expected {
            assert!(
                found
                    .iter()
                    .any(|(m, h, l)| m == message && h.as_deref() == help && l == label),
                "{message}: {found:#?}"
            );
        }
        let channel = found.iter().find(|(m, _, _)| m.contains("`type`")).unwrap();
        assert!(
            channel
                .0
                .starts_with("第 1 个渠道 `抖音` 的 `type` 必须是「search」、「social」、"),
            "{channel:?}"
        );
        assert!(channel.0.ends_with("之一，实际是「socal」"), "{channel:?}");
        let root = messages_in_chinese("- 只是\n- 一个列表\n");
        assert_eq!(root[0].0, "计划必须是一组字段，实际是列表");
        let text_root = messages_in_chinese("你好\n");
        assert_eq!(text_root[0].0, "计划必须是一组字段，实际是文本「你好」");
    }

    #[test]
    fn fixes_name_the_change_in_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let text = "version: 1\nname: x\nchannels:\n  - {name: a, type: socal}\ngoals:\n  - {id: g, dedline: 2026-01-01}\n";
        let document = crate::document::load(text, &crate::document::LoadLimits::default()).unwrap();
        let titles: Vec<String> = plan_schema()
            .check(&document)
            .into_iter()
            .filter_map(|found| found.fix.map(|fix| fix.title))
            .collect();
        assert_eq!(
            titles,
            ["把 `socal` 改为 `social`", "把 `dedline` 改名为 `deadline`"]
        );
        assert_eq!(display_path("/goals/0/deadline"), "第 1 个目标的 `deadline`");
    }

    /// A user's schema names the whole value "the value"; the number of
    /// items a list lacks chooses the English plural.
    #[test]
    fn too_few_items_in_both_languages() {
        let compiled = CompiledSchema::new(serde_json::json!({
            "type": "object",
            "properties": {"tags": {"type": "array", "minItems": 2}, "ids": {"type": "array", "minItems": 1}}
        }))
        .unwrap();
        let document =
            crate::document::load("tags: [a]\nids: []\n", &crate::document::LoadLimits::default()).unwrap();
        let messages = || -> Vec<String> {
            let mut found: Vec<String> = compiled.check(&document).into_iter().map(|f| f.message).collect();
            found.sort();
            found
        };
        assert_eq!(
            messages(),
            [
                "`ids` must list at least 1 item",
                "`tags` must list at least 2 items"
            ]
        );
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(messages(), ["`ids` 至少要列出 1 项", "`tags` 至少要列出 2 项"]);
        let error = CompiledSchema::new(serde_json::json!({"type": 5})).err().unwrap();
        assert!(
            error.starts_with("`schema` 不是有效的 JSON 结构定义："),
            "{error}"
        );
    }
}
