//! The rule definition format, built-in (`rules/<id>.yaml`) or a user's (a
//! rule pack). Only `id`, `check`, `given` (on the rule or each check) and
//! `message` are required; the documentation fields are recommended, and
//! required of the built-in rules by their tests.

use crate::document::Document;
use crate::finding::Severity;
use crate::i18n::{t, Text};
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

/// A rule as written in `rules/<id>.yaml` or a rule pack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    /// `warning` when not given.
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// One line: what the rule wants ("" when not given).
    #[serde(default)]
    pub summary: Text,
    /// Why a plan needs this, in plain words ("" when not given).
    #[serde(default)]
    pub why: Text,
    /// Where the idea comes from ("" when not given).
    #[serde(default)]
    pub source: Text,
    /// RFC 9535 JSONPath(s) selecting the nodes every check looks at.
    #[serde(default)]
    pub given: Option<OneOrMany<String>>,
    pub check: OneOrMany<CheckDef>,
    /// Message template; `{name}` is filled from the check's values.
    pub message: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// The remedy in words (a template like `help`); the values computed
    /// from the plan are `{remedy.FIELD}` (`{remedy.unit_economics.cac}`).
    /// Said before the help, in place of the remedies' own words.
    #[serde(default)]
    pub remedy: Option<Text>,
    /// Options users may set in config, with their types and defaults.
    #[serde(default)]
    pub options: BTreeMap<String, OptionDef>,
    /// Plans it must flag and plans it must accept (none when not given).
    #[serde(default)]
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
    pub document: Arc<Document>,
    /// Pointer of the rule in the file's document: "" for a file holding
    /// one rule, `/rules/2` for the third of a pack file's rules.
    pub pointer: String,
    /// The pack's documentation, when it gives one (`docs_url:`).
    pub docs_url: Option<String>,
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
    pub message: Option<Text>,
    /// Overrides the rule's help for what this check finds.
    #[serde(default)]
    pub help: Option<Text>,
}

fn default_severity() -> Severity {
    Severity::Warning
}

/// A typed option with its default, and optionally the values it may take.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    #[serde(rename = "type")]
    pub kind: OptionType,
    pub default: Value,
    #[serde(default)]
    pub description: Text,
    /// Smallest value a number option may take.
    #[serde(default)]
    pub minimum: Option<f64>,
    /// Largest value a number option may take.
    #[serde(default)]
    pub maximum: Option<f64>,
    /// The only values the option may take.
    #[serde(default, rename = "enum")]
    pub allowed: Option<Vec<Value>>,
}

/// In a list option's configured value, the item that stands for the
/// built-in list: `first_stages: ["...", discover]` adds `discover` to it.
pub const BUILT_IN_LIST: &str = "...";

impl OptionDef {
    /// The value a rule runs with when the config sets `value`: a list
    /// holding [`BUILT_IN_LIST`] has the default list in its place.
    pub fn configured(&self, value: &Value) -> Value {
        let (Some(items), Some(defaults)) = (value.as_array(), self.default.as_array()) else {
            return value.clone();
        };
        if self.kind != OptionType::StringList || !items.iter().any(|item| item == BUILT_IN_LIST) {
            return value.clone();
        }
        let mut out: Vec<Value> = Vec::new();
        for item in items {
            let expanded = if item == BUILT_IN_LIST {
                defaults.as_slice()
            } else {
                std::slice::from_ref(item)
            };
            for one in expanded {
                if !out.contains(one) {
                    out.push(one.clone());
                }
            }
        }
        Value::Array(out)
    }

    /// Why `value` is not acceptable for this option, if it is not.
    pub fn refusal(&self, value: &Value) -> Option<String> {
        if !self.kind.accepts(value) {
            return Some(t!("rule-option-must-be", kind = self.kind.as_expected()));
        }
        let number = value.as_f64();
        if let (Some(number), Some(minimum)) = (number, self.minimum) {
            if number < minimum {
                return Some(t!(
                    "rule-option-at-least-not",
                    minimum = minimum.to_string(),
                    value = value.to_string()
                ));
            }
        }
        if let (Some(number), Some(maximum)) = (number, self.maximum) {
            if number > maximum {
                return Some(t!(
                    "rule-option-at-most-not",
                    maximum = maximum.to_string(),
                    value = value.to_string()
                ));
            }
        }
        if let Some(allowed) = &self.allowed {
            let items: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            if let Some(wrong) = items.into_iter().find(|item| !allowed.contains(item)) {
                let names: Vec<String> = allowed.iter().map(Value::to_string).collect();
                return Some(t!(
                    "rule-option-one-of-not",
                    values = names.join(&t!("rule-list-separator")),
                    value = wrong.to_string()
                ));
            }
        }
        None
    }

    /// The range or values allowed, for docs ("" when any value of the type is).
    pub fn range(&self) -> String {
        match (&self.allowed, self.minimum, self.maximum) {
            (Some(allowed), _, _) => {
                let names: Vec<String> = allowed.iter().map(Value::to_string).collect();
                t!(
                    "rule-range-one-of",
                    values = names.join(&t!("rule-list-separator"))
                )
            }
            (None, Some(minimum), Some(maximum)) => t!(
                "rule-range-between",
                minimum = minimum.to_string(),
                maximum = maximum.to_string()
            ),
            (None, Some(minimum), None) => t!("rule-range-at-least", minimum = minimum.to_string()),
            (None, None, Some(maximum)) => t!("rule-range-at-most", maximum = maximum.to_string()),
            (None, None, None) => String::new(),
        }
    }
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
    /// The type in words, in the run's language (`list of strings`).
    pub fn name(self) -> String {
        match self {
            OptionType::Integer => t!("rule-type-integer"),
            OptionType::Number => t!("rule-type-number"),
            OptionType::String => t!("rule-type-string"),
            OptionType::Boolean => t!("rule-type-boolean"),
            OptionType::StringList => t!("rule-type-string-list"),
            OptionType::NumberMap => t!("rule-type-number-map"),
        }
    }

    /// The type as a phrase that completes "must be" and "expected" (`an
    /// integer`, `a list of texts`): English needs its article.
    pub fn as_expected(self) -> String {
        match self {
            OptionType::Integer => t!("rule-type-expected-integer"),
            OptionType::Number => t!("rule-type-expected-number"),
            OptionType::String => t!("rule-type-expected-string"),
            OptionType::Boolean => t!("rule-type-expected-boolean"),
            OptionType::StringList => t!("rule-type-expected-string-list"),
            OptionType::NumberMap => t!("rule-type-expected-number-map"),
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

/// Plan fragments the rule must flag, and ones it must accept: one or a
/// list of each.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "ExamplesAsWritten")]
pub struct Examples {
    pub fails: Vec<String>,
    pub passes: Vec<String>,
    /// Pointers of the nodes every failing example must be flagged at.
    pub fails_at: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExamplesAsWritten {
    #[serde(default)]
    fails: Option<OneOrMany<String>>,
    #[serde(default)]
    passes: Option<OneOrMany<String>>,
    #[serde(default)]
    fails_at: Vec<String>,
}

impl From<ExamplesAsWritten> for Examples {
    fn from(written: ExamplesAsWritten) -> Self {
        let list = |examples: Option<OneOrMany<String>>| {
            examples
                .map(|examples| examples.as_slice().to_vec())
                .unwrap_or_default()
        };
        Examples {
            fails: list(written.fails),
            passes: list(written.passes),
            fails_at: written.fails_at,
        }
    }
}

impl Examples {
    pub fn is_empty(&self) -> bool {
        self.fails.is_empty() && self.passes.is_empty()
    }
}

/// A mistake in a rule definition: the pointer (within the rule) of the
/// place, and what is wrong there.
pub type Problem = (String, String);

impl RuleDef {
    /// Checks that the definition is coherent on its own: kebab-case id,
    /// defaults of the declared types and ranges, `$options.` references
    /// that exist, a `given` for every check. Returns every problem found.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let local_id = self.id.rsplit('/').next().unwrap_or_default();
        if !is_kebab_case(local_id) {
            problems.push(("/id".to_owned(), t!("rule-problem-id", rule = self.id.as_str())));
        }
        for (name, option) in &self.options {
            if let Some(refusal) = option.refusal(&option.default) {
                problems.push((
                    format!("/options/{name}/default"),
                    t!("rule-problem-default", option = name.as_str(), refusal = refusal),
                ));
            }
        }
        let several = matches!(self.check, OneOrMany::Many(_));
        for (index, check) in self.check.as_slice().iter().enumerate() {
            let at = if several {
                format!("/check/{index}")
            } else {
                "/check".to_owned()
            };
            for value in check.options.values() {
                for name in option_references(value) {
                    if !self.options.contains_key(name) {
                        problems.push((
                            format!("{at}/options"),
                            t!("rule-problem-check-option", option = name),
                        ));
                    }
                }
            }
            let given = check.given.as_ref().or(self.given.as_ref());
            for path in given.map(OneOrMany::as_slice).unwrap_or_default() {
                for (_, name) in option_placeholders(path) {
                    if !self.options.contains_key(name) {
                        problems.push((
                            if check.given.is_some() {
                                format!("{at}/given")
                            } else {
                                "/given".to_owned()
                            },
                            t!("rule-problem-given-option", path = path.as_str(), option = name),
                        ));
                    }
                }
            }
            if check.given.is_none() && self.given.is_none() {
                problems.push((at, t!("rule-problem-no-given")));
            }
        }
        problems
    }

    /// The file that defines this rule (`None` for a built-in): the same
    /// id from the same file is one definition reached twice.
    pub fn defined_in(&self) -> Option<&str> {
        self.origin.as_ref().map(|origin| origin.path.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn option(kind: &str, extra: Value) -> OptionDef {
        let mut def = json!({"type": kind, "default": 3});
        def.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        serde_json::from_value(def).unwrap()
    }

    #[test]
    fn option_types_ranges_and_refusals_in_both_languages() {
        let ratio = option("number", json!({"minimum": 1, "maximum": 10}));
        let one_of = option("integer", json!({"enum": [3, 6]}));
        assert_eq!(ratio.range(), "1 to 10");
        assert_eq!(ratio.refusal(&json!(0.5)).unwrap(), "must be at least 1, not 0.5");
        assert_eq!(ratio.refusal(&json!("x")).unwrap(), "must be a number");
        assert_eq!(one_of.refusal(&json!(4)).unwrap(), "must be one of 3, 6, not 4");
        // English needs the right article, and words a marketer reads.
        assert_eq!(one_of.refusal(&json!("x")).unwrap(), "must be an integer");
        assert_eq!(
            option("boolean", json!({})).refusal(&json!(1)).unwrap(),
            "must be true or false"
        );
        assert_eq!(
            option("string-list", json!({})).refusal(&json!(1)).unwrap(),
            "must be a list of texts"
        );
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(ratio.range(), "1 到 10");
        assert_eq!(ratio.refusal(&json!(0.5)).unwrap(), "必须至少为 1，而不是 0.5");
        assert_eq!(ratio.refusal(&json!(11)).unwrap(), "必须至多为 10，而不是 11");
        assert_eq!(ratio.refusal(&json!("x")).unwrap(), "必须是数字");
        assert_eq!(one_of.range(), "取 3、6 之一");
        assert_eq!(OptionType::StringList.name(), "文字列表");
    }
}
