//! The plan schema (`schemas/plan.schema.json`): compiled once, its errors
//! turned into findings that name the field, say what was expected and point
//! at the offending node.

use crate::document::{pointer_child, Document};
use crate::finding::{Finding, Fix, Severity};
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
    root_name: &'static str,
}

impl CompiledSchema {
    /// Compiles a schema shipped with planlint. They are part of the binary
    /// and tested, so failing here is a bug in planlint.
    #[allow(clippy::expect_used)]
    fn builtin(text: &str, root_name: &'static str) -> CompiledSchema {
        let schema: Value = serde_json::from_str(text).expect("shipped schema is valid JSON");
        let mut compiled = CompiledSchema::new(schema).expect("shipped schema compiles");
        compiled.root_name = root_name;
        compiled
    }

    /// Compiles a user's schema (the `schema` function), naming what is wrong.
    pub fn new(schema: Value) -> Result<CompiledSchema, String> {
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|error| format!("invalid JSON Schema: {error}"))?;
        Ok(CompiledSchema {
            schema,
            validator,
            root_name: "the value",
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
        let Some(node) = document.value.pointer(pointer) else {
            return Vec::new();
        };
        self.findings_of(node, document, pointer)
    }

    /// Findings for `node`, found at `pointer` of `document`.
    fn findings_of(&self, node: &Value, document: &Document, pointer: &str) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .validator
            .iter_errors(node)
            .flat_map(|error| findings_for(&error, document, pointer, &self.schema, self.root_name))
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
    COMPILED.get_or_init(|| CompiledSchema::builtin(PLAN_SCHEMA, "the plan"))
}

/// The rule definition schema.
pub fn rule_schema() -> &'static CompiledSchema {
    static COMPILED: OnceLock<CompiledSchema> = OnceLock::new();
    COMPILED.get_or_init(|| CompiledSchema::builtin(RULE_SCHEMA, "the rule"))
}

/// The config file schema.
pub fn config_schema() -> &'static CompiledSchema {
    static COMPILED: OnceLock<CompiledSchema> = OnceLock::new();
    COMPILED.get_or_init(|| CompiledSchema::builtin(CONFIG_SCHEMA, "the config"))
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
    root_name: &'e str,
    /// The JSON pointer of the offending node.
    pointer: String,
    /// How the node is named in messages.
    field: String,
}

impl ErrorSite<'_, '_> {
    /// A finding at `pointer` (an unknown key is underlined itself,
    /// anything else at its value).
    fn finding(&self, pointer: String, message: String, label: &str, help: Option<String>) -> Finding {
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
            message,
            help: help.map(std::sync::Arc::from),
            pointer,
            span,
            label: label.into(),
            related: Vec::new(),
            fix: None,
            choices: Vec::new(),
            remedies: Vec::new(),
        }
    }

    /// A finding at the offending node itself.
    fn here(&self, message: String, label: &str, help: Option<String>) -> Vec<Finding> {
        vec![self.finding(self.pointer.clone(), message, label, help)]
    }
}

/// A certain fix: the one close match, written plain (the engine keeps
/// the quoting the scalar was written with).
fn with_fix(mut found: Finding, written: &str, meant: &str, what: &str) -> Finding {
    found.fix = Some(Box::new(Fix {
        title: format!("{what} `{written}` to `{meant}`"),
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
    root_name: &str,
) -> Vec<Finding> {
    let pointer = format!("{prefix}{}", error.instance_path().as_str());
    let field = if pointer.is_empty() {
        root_name.to_owned()
    } else {
        crate::lint::place::describe(&pointer, &document.value)
    };
    let site = ErrorSite {
        error,
        document,
        prefix,
        schema,
        root_name,
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
            out_of_range(&site, "at least", limit, "too small")
        }
        ValidationErrorKind::Maximum { limit } | ValidationErrorKind::ExclusiveMaximum { limit } => {
            out_of_range(&site, "at most", limit, "too large")
        }
        ValidationErrorKind::MinLength { limit: 1 } => {
            site.here(format!("{} must not be empty", site.field), "empty", None)
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            meant_alternative(&site, context)
        }
        _ => other_error(&site),
    }
}

/// A value that must be exactly one thing (`version: 1`).
fn not_the_constant(site: &ErrorSite<'_, '_>, expected: &Value) -> Vec<Finding> {
    site.here(
        format!(
            "{} must be {}, found {}",
            site.field,
            short(expected),
            short(site.error.instance())
        ),
        "not the expected value",
        None,
    )
}

/// Text where a calendar date belongs, or a date that does not exist.
fn not_a_date(site: &ErrorSite<'_, '_>) -> Vec<Finding> {
    site.here(
        format!(
            "{} must be a real calendar date as YYYY-MM-DD, found {}",
            site.field,
            short(site.error.instance())
        ),
        "not a valid date",
        Some("write dates as year-month-day, e.g. 2026-08-31".into()),
    )
}

/// Text that is not in the form a field's values take (`currency: rmb`),
/// with the examples the plan format gives for it.
fn not_the_pattern(site: &ErrorSite<'_, '_>) -> Vec<Finding> {
    let examples = examples_for(site.schema, site.error.schema_path().as_str());
    let help = (!examples.is_empty()).then(|| format!("write it like {}", or_list(&examples)));
    site.here(
        format!(
            "{} is not written as the plan format expects, found {}",
            site.field,
            short(site.error.instance())
        ),
        "not in the expected form",
        help,
    )
}

/// A list with fewer items than it needs.
fn too_few_items(site: &ErrorSite<'_, '_>, limit: u64) -> Vec<Finding> {
    let noun = if limit == 1 { "item" } else { "items" };
    site.here(
        format!("{} must list at least {limit} {noun}", site.field),
        "too few items",
        None,
    )
}

/// Any other way a value breaks the plan format, in the validator's words.
fn other_error(site: &ErrorSite<'_, '_>) -> Vec<Finding> {
    site.here(
        format!("{} is not written as the plan format expects", site.field),
        "here",
        Some(format!("the plan format says: {}", site.error)),
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
            let help = match crate::suggest::closest(key, known.iter().map(String::as_str)) {
                Some(suggestion) => Some(format!("did you mean `{suggestion}`?")),
                None if known.is_empty() => None,
                None if allows_extensions(site.schema, keyword_path) => Some(format!(
                    "known fields here: {}; your own fields may start with `x-`",
                    known.join(", ")
                )),
                None => Some(format!("known fields here: {}", known.join(", "))),
            };
            let found = site.finding(
                pointer_child(&site.pointer, key),
                format!("unknown field `{key}` in {}", site.field),
                "unknown field",
                help,
            );
            // Renaming onto a key already there would make a duplicate:
            // then it is for the writer to decide.
            let rename = crate::suggest::only_close(key, known.iter().map(String::as_str))
                .filter(|meant| instance.get(*meant).is_none());
            match rename {
                Some(meant) => with_fix(found, key, meant, "rename"),
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
    site.here(
        format!("{} is missing the required field `{name}`", site.field),
        "it lacks this field",
        Some(format!("add `{name}:` here")),
    )
}

/// A value of the wrong kind (text where a number belongs ...).
fn wrong_type(site: &ErrorSite<'_, '_>, kind: &TypeKind) -> Vec<Finding> {
    let expected = match kind {
        TypeKind::Single(single) => type_name(&single.to_string()).to_owned(),
        TypeKind::Multiple(set) => set
            .iter()
            .map(|t| type_name(&t.to_string()).to_owned())
            .collect::<Vec<_>>()
            .join(" or "),
    };
    site.here(
        format!(
            "{} must be {expected}, found {}",
            site.field,
            describe(site.error.instance())
        ),
        "wrong kind of value",
        None,
    )
}

/// A value outside an enumeration, with the one close match as its fix.
fn not_allowed(site: &ErrorSite<'_, '_>, options: &Value) -> Vec<Finding> {
    let instance = site.error.instance();
    let allowed = options
        .as_array()
        .map(|values| values.iter().map(short).collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    let names = || options.as_array().into_iter().flatten().filter_map(Value::as_str);
    let help = instance
        .as_str()
        .and_then(|typo| crate::suggest::closest(typo, names()))
        .map(|suggestion| format!("did you mean `{suggestion}`?"));
    let found = site.finding(
        site.pointer.clone(),
        format!(
            "{} must be one of {allowed}, found {}",
            site.field,
            short(instance)
        ),
        "not an allowed value",
        help,
    );
    let close = instance
        .as_str()
        .and_then(|typo| Some(typo).zip(crate::suggest::only_close(typo, names())));
    match close {
        Some((typo, meant)) => vec![with_fix(found, typo, meant, "change")],
        None => vec![found],
    }
}

/// A number below a minimum or above a maximum.
fn out_of_range(site: &ErrorSite<'_, '_>, bound: &str, limit: &Value, label: &str) -> Vec<Finding> {
    site.here(
        format!(
            "{} must be {bound} {}, found {}",
            site.field,
            short(limit),
            short(site.error.instance())
        ),
        label,
        None,
    )
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
            .flat_map(|inner| findings_for(inner, site.document, site.prefix, site.schema, site.root_name))
            .collect(),
        None => site.here(
            format!(
                "{} is not written in any of the forms the plan format allows, found {}",
                site.field,
                describe(error.instance())
            ),
            "here",
            alternatives(context).map(|kinds| format!("write it as {kinds}")),
        ),
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
                    let name = type_name(&name).to_owned();
                    if !kinds.contains(&name) {
                        kinds.push(name);
                    }
                }
            }
        }
    }
    (!kinds.is_empty()).then(|| or_list(&kinds))
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The `examples` the schema gives beside the keyword at `keyword_path`.
fn examples_for(schema: &Value, keyword_path: &str) -> Vec<String> {
    let parent = keyword_path.rsplit_once('/').map_or("", |(parent, _)| parent);
    schema
        .pointer(parent)
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

pub(crate) fn type_name(json_type: &str) -> &str {
    match json_type {
        "object" => "a group of fields",
        "array" => "a list",
        "string" => "text",
        "number" => "a number",
        "integer" => "a whole number",
        "boolean" => "true or false",
        "null" => "empty",
        other => other,
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".into(),
        Value::Bool(_) => format!("{value}"),
        Value::Number(_) => format!("the number {value}"),
        Value::String(_) => format!("the text {}", short(value)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a group of fields".into(),
    }
}

/// A value shown in a message, cut short if long.
fn short(value: &Value) -> String {
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
        .pointer(parent)
        .and_then(|node| node.get("patternProperties"))
        .and_then(|p| p.get("^x-"))
        .is_some()
}

/// The property names the schema allows where `additionalProperties` failed.
fn known_properties(schema: &Value, keyword_path: &str) -> Vec<String> {
    let parent = keyword_path.rsplit_once('/').map_or("", |(parent, _)| parent);
    schema
        .pointer(parent)
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
}
