//! The rule definition format: one YAML file per rule, built-in or a user's.

use crate::document::Document;
use crate::finding::Severity;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One or several of a thing, written either way in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(many) => many,
        }
    }
}

/// A rule as written in `rules/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    pub severity: Severity,
    /// One line: what the rule wants.
    pub summary: String,
    /// Why a plan needs this, in plain words.
    pub why: String,
    /// Where the idea comes from (seed article and step, or a named reference).
    pub source: String,
    /// RFC 9535 JSONPath(s) selecting the nodes every check looks at.
    #[serde(default)]
    pub given: Option<OneOrMany<String>>,
    pub check: OneOrMany<CheckDef>,
    /// Message template; `{name}` is filled from the check's values.
    pub message: String,
    #[serde(default)]
    pub help: Option<String>,
    /// Options users may set in config, with their types and defaults.
    #[serde(default)]
    pub options: BTreeMap<String, OptionDef>,
    pub examples: Examples,
    /// Where a user's rule was read from; `None` for built-ins.
    #[serde(skip)]
    pub origin: Option<Arc<RuleOrigin>>,
}

/// The file a user rule came from, kept to point errors into it.
#[derive(Debug)]
pub struct RuleOrigin {
    pub path: String,
    pub source: Arc<str>,
    pub document: Document,
}

/// One test applied to the selected nodes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    /// Overrides the rule's `given` for this check.
    #[serde(default)]
    pub given: Option<OneOrMany<String>>,
    /// Test this key of each selected mapping instead of the node itself.
    #[serde(default)]
    pub field: Option<String>,
    /// The function's name (see `src/functions/`).
    pub function: String,
    /// The function's arguments. A string `$options.NAME` stands for the
    /// rule option NAME as configured.
    #[serde(default)]
    pub options: Map<String, Value>,
    /// Overrides the rule's message for what this check finds.
    #[serde(default)]
    pub message: Option<String>,
    /// Overrides the rule's help for what this check finds.
    #[serde(default)]
    pub help: Option<String>,
}

/// A typed option with its default.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    #[serde(rename = "type")]
    pub kind: OptionType,
    pub default: Value,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptionType {
    Integer,
    Number,
    String,
    Boolean,
    StringList,
    /// A mapping of names (currency codes) to numbers.
    NumberMap,
}

impl OptionType {
    pub fn name(self) -> &'static str {
        match self {
            OptionType::Integer => "integer",
            OptionType::Number => "number",
            OptionType::String => "string",
            OptionType::Boolean => "boolean",
            OptionType::StringList => "list of strings",
            OptionType::NumberMap => "mapping of names to numbers",
        }
    }

    /// Does `value` have this type?
    pub fn accepts(self, value: &Value) -> bool {
        match self {
            OptionType::Integer => value.is_i64() || value.is_u64(),
            OptionType::Number => value.is_number(),
            OptionType::String => value.is_string(),
            OptionType::Boolean => value.is_boolean(),
            OptionType::StringList => value
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string)),
            OptionType::NumberMap => value
                .as_object()
                .is_some_and(|entries| entries.values().all(Value::is_number)),
        }
    }
}

/// A plan fragment the rule must flag, and one it must accept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    pub fails: String,
    pub passes: String,
    /// Pointers of the nodes the failing example must be flagged at.
    #[serde(default)]
    pub fails_at: Vec<String>,
}

impl RuleDef {
    /// Checks that the definition is coherent on its own: kebab-case id,
    /// defaults of the declared types, `$options.` references that exist.
    pub fn validate(&self) -> Result<(), String> {
        let local_id = self.id.rsplit('/').next().unwrap_or_default();
        if !is_kebab_case(local_id) {
            return Err(format!("rule id `{}` is not kebab-case", self.id));
        }
        for (name, option) in &self.options {
            if !option.kind.accepts(&option.default) {
                return Err(format!(
                    "option `{name}`: default {} is not a {}",
                    option.default,
                    option.kind.name()
                ));
            }
        }
        for check in self.check.as_slice() {
            for value in check.options.values() {
                for name in option_references(value) {
                    if !self.options.contains_key(name) {
                        return Err(format!(
                            "check option refers to `$options.{name}`, which the rule does not declare"
                        ));
                    }
                }
            }
            let given = check.given.as_ref().or(self.given.as_ref());
            for path in given.map(OneOrMany::as_slice).unwrap_or_default() {
                for (_, name) in option_placeholders(path) {
                    if !self.options.contains_key(name) {
                        return Err(format!(
                            "`{path}` refers to `$options.{name}`, which the rule does not declare"
                        ));
                    }
                }
            }
            if check.given.is_none() && self.given.is_none() {
                return Err("a check has no `given` and the rule has none either".into());
            }
        }
        Ok(())
    }

    /// The option values with defaults, for display.
    pub fn default_options(&self) -> Map<String, Value> {
        self.options
            .iter()
            .map(|(name, option)| (name.clone(), option.default.clone()))
            .collect()
    }
}

/// Every `$options.NAME` in `value`, at any depth.
pub fn option_references(value: &Value) -> Vec<&str> {
    match value {
        Value::Array(items) => items.iter().flat_map(option_references).collect(),
        Value::Object(map) => map.values().flat_map(option_references).collect(),
        other => option_reference(other).into_iter().collect(),
    }
}

/// Every `$options.NAME` inside a JSONPath: its byte range and the name.
pub fn option_placeholders(path: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    const MARK: &str = "$options.";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = path[from..].find(MARK) {
        let start = from + at;
        let name_start = start + MARK.len();
        let name_len = path[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(path.len() - name_start);
        let end = name_start + name_len;
        found.push((start..end, &path[name_start..end]));
        from = end;
    }
    found
}

/// `$options.NAME` -> `NAME`.
pub fn option_reference(value: &Value) -> Option<&str> {
    value.as_str()?.strip_prefix("$options.")
}

pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
