//! Rules made ready to run: options resolved, JSONPaths parsed, functions
//! compiled. Everything a rule definition can get wrong is found here,
//! before any plan is read.

use crate::error::UserError;
use crate::finding::Severity;
use crate::i18n::t;
use crate::lint::functions::{self, Check};
use crate::lint::selector::Selector;
use crate::rule::{option_placeholders, option_reference, OneOrMany, RuleDef};
use serde_json::{Map, Value};
use serde_json_path::JsonPath;

/// A rule ready to run.
pub(crate) struct CompiledRule {
    pub id: String,
    pub severity: Severity,
    /// Rule option values, available to message templates.
    pub option_vars: Vec<(String, String)>,
    /// Rule option values as configured, for reports that state thresholds.
    pub options: Map<String, Value>,
    pub checks: Vec<CompiledCheck>,
}

pub(crate) struct CompiledCheck {
    pub paths: Vec<Selector>,
    pub field: Option<String>,
    pub function: Box<dyn Check>,
    pub message: String,
    /// Shared by every finding when it holds no placeholder.
    pub help: Option<std::sync::Arc<str>>,
    /// The rule's remedy template, when it words its own.
    pub remedy: Option<String>,
    /// The rule file and line of this check (`acme/rules.yaml:12`), for
    /// errors found while running it.
    pub defined_at: DefinedAt,
}

/// Where a check is defined, turned into `file:line` only when an error
/// shows it: a line index of a large pack built for each of its checks
/// made loading a pack of 10,000 rules quadratic.
pub(crate) struct DefinedAt {
    origin: Option<std::sync::Arc<crate::rule::RuleOrigin>>,
    /// The check's pointer within its rule.
    pointer: String,
    rule_id: String,
}

impl std::fmt::Display for DefinedAt {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.origin {
            Some(origin) => {
                let span = origin
                    .document
                    .pointer_span(&format!("{}{}", origin.pointer, self.pointer));
                let line = crate::document::LineIndex::new(&origin.source)
                    .position(&origin.source, span.start)
                    .line;
                write!(formatter, "{}:{line}", origin.path)
            }
            None => write!(formatter, "rules/{}.yaml", self.rule_id),
        }
    }
}

/// Why a rule could not be compiled, and where in its definition.
pub(crate) struct CompileError {
    /// Pointer into the rule's YAML document.
    pointer: String,
    message: String,
}

impl CompileError {
    pub fn into_user_error(self, rule: &RuleDef) -> UserError {
        match &rule.origin {
            Some(origin) => UserError::new(t!(
                "lint-rules-rule-does-not-compile",
                file = origin.path.as_str(),
                rule = rule.id.as_str(),
                reason = self.message.as_str()
            ))
            .at(
                &origin.path,
                &origin.source,
                origin
                    .document
                    .pointer_span(&format!("{}{}", origin.pointer, self.pointer)),
                t!("lint-rules-label-here"),
            ),
            None => UserError::new(t!(
                "lint-rules-built-in-rule-does-not-compile",
                rule = rule.id.as_str(),
                reason = self.message.as_str()
            )),
        }
    }
}

/// Compiles `rule` to run at `severity` with the configured `options`;
/// on failure, every problem found in it.
pub(crate) fn compile_rule(
    rule: &RuleDef,
    severity: Severity,
    options: &Map<String, Value>,
) -> Result<CompiledRule, Vec<CompileError>> {
    let several = matches!(rule.check, OneOrMany::Many(_));
    let (checks, errors): (Vec<_>, Vec<_>) = rule
        .check
        .as_slice()
        .iter()
        .enumerate()
        .map(|(index, check)| {
            let check_pointer = if several {
                format!("/check/{index}")
            } else {
                "/check".to_owned()
            };
            let (given, given_pointer) = match &check.given {
                Some(given) => (given.as_slice(), format!("{check_pointer}/given")),
                None => (
                    rule.given.as_ref().map(OneOrMany::as_slice).unwrap_or_default(),
                    "/given".to_owned(),
                ),
            };
            let paths = given
                .iter()
                .map(|path| {
                    let invalid = |message: String| CompileError {
                        pointer: given_pointer.clone(),
                        message,
                    };
                    let path = substitute_options(path, options).map_err(invalid)?;
                    crate::lint::cel::check_json_path(&path).map_err(invalid)?;
                    Selector::new(&path, parse_json_path).map_err(invalid)
                })
                .collect::<Result<Vec<_>, _>>()?;
            // `$options.NAME` arguments take the configured option value.
            let arguments: Map<String, Value> = check
                .options
                .iter()
                .map(|(key, value)| (key.clone(), resolve_options(value, options)))
                .collect();
            let function = functions::compile(&check.function, &arguments).map_err(|error| CompileError {
                pointer: if error.unknown_function {
                    format!("{check_pointer}/function")
                } else {
                    format!("{check_pointer}/options")
                },
                message: t!(
                    "lint-rules-function-error",
                    function = check.function.as_str(),
                    reason = error.message
                ),
            })?;
            Ok(CompiledCheck {
                paths,
                field: check.field.clone(),
                function,
                // Texts are taken in the language of the run: the language
                // is chosen before any linter is built.
                message: check.message.as_ref().unwrap_or(&rule.message).to_string(),
                help: check
                    .help
                    .as_ref()
                    .or(rule.help.as_ref())
                    .map(|help| &**help)
                    .map(std::sync::Arc::from),
                remedy: rule.remedy.as_ref().map(ToString::to_string),
                defined_at: DefinedAt {
                    origin: rule.origin.clone(),
                    pointer: check_pointer.clone(),
                    rule_id: rule.id.clone(),
                },
            })
        })
        .partition(Result::is_ok);
    if !errors.is_empty() {
        return Err(errors.into_iter().filter_map(Result::err).collect());
    }
    let checks = checks.into_iter().filter_map(Result::ok).collect();
    let option_vars = options
        .iter()
        .map(|(name, value)| (name.clone(), crate::numbers::display_value(value)))
        .collect();
    Ok(CompiledRule {
        id: rule.id.clone(),
        severity,
        option_vars,
        options: options.clone(),
        checks,
    })
}

/// `value` with every `$options.NAME` string, at any depth, replaced by the
/// configured option value.
fn resolve_options(value: &Value, options: &Map<String, Value>) -> Value {
    match value {
        Value::String(_) => option_reference(value)
            .and_then(|name| options.get(name))
            .unwrap_or(value)
            .clone(),
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| resolve_options(item, options)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, item)| (key.clone(), resolve_options(item, options)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A `given` path parsed by the RFC 9535 engine, or why it cannot be.
fn parse_json_path(path: &str) -> Result<JsonPath, String> {
    JsonPath::parse(path).map_err(|error| {
        t!(
            "lint-rules-invalid-json-path",
            path = path,
            error = error.to_string()
        )
    })
}

/// Puts configured option values into a JSONPath: in
/// `$.channels[?@.budget > $options.test_threshold]` the option becomes a
/// JSON literal, which is also a JSONPath literal.
fn substitute_options(path: &str, options: &Map<String, Value>) -> Result<String, String> {
    let mut out = String::with_capacity(path.len());
    let mut copied = 0;
    for (range, name) in option_placeholders(path) {
        let value = options
            .get(name)
            .ok_or_else(|| t!("lint-rules-json-path-unknown-option", path = path, option = name))?;
        if !(value.is_number() || value.is_string() || value.is_boolean()) {
            return Err(t!("lint-rules-json-path-option-not-single", option = name));
        }
        out.push_str(&path[copied..range.start]);
        out.push_str(&value.to_string());
        copied = range.end;
    }
    out.push_str(&path[copied..]);
    Ok(out)
}
