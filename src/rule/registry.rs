//! The built-in rules: `rules/*.yaml`, embedded in the binary.

use crate::document::{load, LineIndex, LoadLimits};
use crate::rule::RuleDef;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// Where a built-in rule or meta-rule is documented.
pub fn docs_url(id: &str) -> String {
    format!("https://github.com/planlint/planlint/blob/main/docs/rules.md#{id}")
}

/// Parses one rule definition from YAML text.
pub fn parse_rule(text: &str) -> Result<RuleDef, String> {
    let document = load(text, &LoadLimits::default()).map_err(|error| {
        let position = LineIndex::new(text).position(text, error.span.start);
        format!(
            "line {}, column {}: {}",
            position.line, position.column, error.message
        )
    })?;
    let rule: RuleDef = serde_json::from_value(document.value).map_err(|error| error.to_string())?;
    if let Some((pointer, problem)) = rule.validate().into_iter().next() {
        return Err(format!("at `{pointer}`: {problem}"));
    }
    Ok(rule)
}

fn parsed() -> &'static Result<Vec<RuleDef>, String> {
    static RULES: OnceLock<Result<Vec<RuleDef>, String>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = BUILTIN_RULE_FILES
            .iter()
            .map(|(file, text)| {
                let rule = parse_rule(text).map_err(|error| format!("rules/{file}: {error}"))?;
                if format!("{}.yaml", rule.id) != *file {
                    return Err(format!(
                        "rules/{file} defines `{}`: name the file after the id",
                        rule.id
                    ));
                }
                Ok(rule)
            })
            .collect::<Result<Vec<_>, String>>()?;
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(rules)
    })
}

/// The built-in rules, sorted by id, parsed once.
///
/// They are embedded and tested, so they always parse; the front ends call
/// [`check_builtin`] once at start so that a broken build says so instead of
/// running without rules.
pub fn builtin() -> &'static [RuleDef] {
    parsed().as_ref().map(Vec::as_slice).unwrap_or_default()
}

/// The built-in rule `id`, if there is one.
pub fn builtin_rule(id: &str) -> Option<&'static RuleDef> {
    builtin().iter().find(|rule| rule.id == id)
}

/// Why the built-in rules could not be read: a bug in planlint.
pub fn check_builtin() -> Result<(), String> {
    parsed().as_ref().map(|_| ()).map_err(Clone::clone)
}
