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

/// Findings for one validation error of the node at `prefix`.
fn findings_for(
    error: &ValidationError<'_>,
    document: &Document,
    prefix: &str,
    schema: &Value,
    root_name: &str,
) -> Vec<Finding> {
    let pointer = format!("{prefix}{}", error.instance_path().as_str());
    let instance = error.instance();
    let field = if pointer.is_empty() {
        root_name.to_owned()
    } else {
        display_path(&pointer)
    };
    let finding = |pointer: String, message: String, label: &str, help: Option<String>| {
        // An unknown key is underlined itself; anything else at its value.
        let span = if matches!(
            error.kind(),
            ValidationErrorKind::AdditionalProperties { .. }
                | ValidationErrorKind::UnevaluatedProperties { .. }
        ) {
            document.key_or_value_span(&pointer)
        } else {
            document.pointer_span(&pointer)
        };
        Finding {
            rule: crate::rule::meta::SCHEMA.into(),
            severity: Severity::Error,
            message,
            help,
            pointer,
            span,
            label: label.into(),
            related: Vec::new(),
            fix: None,
            choices: Vec::new(),
        }
    };
    // A certain fix: the one close match, written plain (the engine keeps
    // the quoting the scalar was written with).
    let with_fix = |mut found: Finding, written: &str, meant: &str, what: &str| {
        found.fix = Some(Fix {
            title: format!("{what} `{written}` to `{meant}`"),
            span: found.span,
            replacement: meant.to_owned(),
        });
        found
    };
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let known = known_properties(schema, error.schema_path().as_str());
            unexpected
                .iter()
                .map(|key| {
                    let help = match crate::suggest::closest(key, known.iter().map(String::as_str)) {
                        Some(suggestion) => Some(format!("did you mean `{suggestion}`?")),
                        None if known.is_empty() => None,
                        None if allows_extensions(schema, error.schema_path().as_str()) => Some(format!(
                            "known fields here: {}; your own fields may start with `x-`",
                            known.join(", ")
                        )),
                        None => Some(format!("known fields here: {}", known.join(", "))),
                    };
                    let found = finding(
                        pointer_child(&pointer, key),
                        format!("unknown field `{key}` in {field}"),
                        "unknown field",
                        help,
                    );
                    // Renaming onto a key the mapping already has would
                    // make a duplicate: then it is for the writer to decide.
                    let rename = crate::suggest::only_close(key, known.iter().map(String::as_str))
                        .filter(|meant| instance.get(*meant).is_none());
                    match rename {
                        Some(meant) => with_fix(found, key, meant, "rename"),
                        None => found,
                    }
                })
                .collect()
        }
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| property.to_string());
            vec![finding(
                pointer,
                format!("{field} is missing the required field `{name}`"),
                "this lacks it",
                None,
            )]
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(single) => type_name(&single.to_string()).to_owned(),
                TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| type_name(&t.to_string()).to_owned())
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            vec![finding(
                pointer,
                format!("{field} must be {expected}, found {}", describe(instance)),
                "wrong type",
                None,
            )]
        }
        ValidationErrorKind::Enum { options } => {
            let allowed = options
                .as_array()
                .map(|values| values.iter().map(short).collect::<Vec<_>>().join(", "))
                .unwrap_or_default();
            let names = options.as_array().into_iter().flatten().filter_map(Value::as_str);
            let help = instance
                .as_str()
                .and_then(|typo| crate::suggest::closest(typo, names))
                .map(|suggestion| format!("did you mean `{suggestion}`?"));
            let found = finding(
                pointer,
                format!("{field} must be one of {allowed}, found {}", short(instance)),
                "not an allowed value",
                help,
            );
            let names = options.as_array().into_iter().flatten().filter_map(Value::as_str);
            match instance.as_str().zip(
                instance
                    .as_str()
                    .and_then(|typo| crate::suggest::only_close(typo, names)),
            ) {
                Some((typo, meant)) => vec![with_fix(found, typo, meant, "change")],
                None => vec![found],
            }
        }
        ValidationErrorKind::Constant { expected_value } => vec![finding(
            pointer,
            format!(
                "{field} must be {}, found {}",
                short(expected_value),
                short(instance)
            ),
            "not the expected value",
            None,
        )],
        ValidationErrorKind::Format { format } if format == "date" => vec![finding(
            pointer,
            format!(
                "{field} must be a real calendar date as YYYY-MM-DD, found {}",
                short(instance)
            ),
            "not a valid date",
            Some("write dates as ISO 8601, e.g. 2026-08-31".into()),
        )],
        ValidationErrorKind::Minimum { limit } | ValidationErrorKind::ExclusiveMinimum { limit } => {
            vec![finding(
                pointer,
                format!(
                    "{field} must be at least {}, found {}",
                    short(limit),
                    short(instance)
                ),
                "too small",
                None,
            )]
        }
        ValidationErrorKind::Maximum { limit } | ValidationErrorKind::ExclusiveMaximum { limit } => {
            vec![finding(
                pointer,
                format!(
                    "{field} must be at most {}, found {}",
                    short(limit),
                    short(instance)
                ),
                "too large",
                None,
            )]
        }
        ValidationErrorKind::MinLength { limit: 1 } => vec![finding(
            pointer,
            format!("{field} must not be empty"),
            "empty",
            None,
        )],
        // "Not valid under any of": report the errors of the alternative the
        // value was meant to be (the one it has the right type for).
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
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
                    .flat_map(|inner| findings_for(inner, document, prefix, schema, root_name))
                    .collect(),
                None => vec![finding(
                    pointer,
                    format!("{field} has the wrong shape: {error}"),
                    "here",
                    None,
                )],
            }
        }
        _ => vec![finding(pointer, format!("{field}: {error}"), "here", None)],
    }
}

/// How a place in the plan is named in messages, counting items from 1 as
/// people do: `/goals/1/deadline` -> "`deadline` of goal 2",
/// `/channels/0/spend_tiers/2/spend` -> "`spend` of spend tier 3 of channel 1",
/// `/budget/total` -> "`budget.total`"; the root reads "the plan".
pub fn display_path(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the plan".into();
    }
    // Field names since the last list item, and the items on the way down.
    let mut fields: Vec<String> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        match segment.parse::<u64>() {
            Ok(index) if segment.bytes().all(|b| b.is_ascii_digit()) => {
                let number = index.saturating_add(1);
                let item = match fields.last().and_then(|list| item_noun(list)) {
                    Some(noun) => format!("{noun} {number}"),
                    None if fields.is_empty() => format!("item {number}"),
                    None => format!("item {number} of `{}`", fields.join(".")),
                };
                items.push(item);
                fields.clear();
            }
            _ => fields.push(segment),
        }
    }
    let mut name = if fields.is_empty() {
        String::new()
    } else {
        format!("`{}`", fields.join("."))
    };
    for item in items.iter().rev() {
        if name.is_empty() {
            name.clone_from(item);
        } else {
            name = format!("{name} of {item}");
        }
    }
    name
}

/// What one item of a list of the plan format is called.
fn item_noun(list: &str) -> Option<&'static str> {
    Some(match list {
        "goals" => "goal",
        "channels" => "channel",
        "spend_tiers" => "spend tier",
        "target_customers" => "target customer",
        "team" => "team role",
        "funnel" => "funnel stage",
        "items" => "budget item",
        "competitors" => "competitor",
        "features" => "feature",
        "characteristics" => "characteristic",
        "needs" => "need",
        "metrics" => "metric",
        "strengths" => "strength",
        "weaknesses" => "weakness",
        "opportunities" => "opportunity",
        "threats" => "threat",
        _ => return None,
    })
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
        assert_eq!(display_path("/goals/1"), "goal 2");
        assert_eq!(
            display_path("/channels/0/spend_tiers/2/spend"),
            "`spend` of spend tier 3 of channel 1"
        );
        assert_eq!(
            display_path("/channels/1/test/conversion_rate"),
            "`test.conversion_rate` of channel 2"
        );
        assert_eq!(display_path("/budget/total"), "`budget.total`");
        assert_eq!(display_path("/x-notes/0/who"), "`who` of item 1 of `x-notes`");
        assert_eq!(display_path("/x~1y"), "`x/y`");
    }
}
