//! Running a rule's own examples: each failing one must make it fire (at the
//! `fails_at` nodes, when given), each passing one must not, and neither may
//! make it fail to evaluate. When an example misbehaves, says why: CEL's
//! reason, a `given` that selects nothing. Used by the test suite for the
//! built-ins and by `planlint test-rules` for users' packs.

use crate::document::{load, LoadLimits};
use crate::finding::Finding;
use crate::lint::derive::METRIC_NAMES;
use crate::lint::engine::Linter;
use crate::rule::meta::RULE_ERROR;
use crate::rule::RuleDef;

/// What running a rule's examples found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// What is wrong; empty when the examples behave.
    pub problems: Vec<String>,
    /// The rule has no examples, so nothing was run.
    pub untested: bool,
}

/// What is wrong with `rule`'s examples; empty when they behave.
pub fn check_examples(rule: &RuleDef) -> Vec<String> {
    run_examples(rule).problems
}

/// Runs `rule`'s examples and checks its message templates.
pub fn run_examples(rule: &RuleDef) -> Outcome {
    let linter = match Linter::for_rule(rule) {
        Ok(linter) => linter,
        Err(error) => {
            return Outcome {
                problems: error.each().map(|each| each.message.clone()).collect(),
                untested: false,
            }
        }
    };
    let mut problems = placeholder_problems(rule);
    let examples = &rule.examples;
    let numbered = |kind: &str, index: usize, count: usize| {
        if count == 1 {
            format!("the {kind} example")
        } else {
            format!("{kind} example {}", index + 1)
        }
    };
    for (index, text) in examples.fails.iter().enumerate() {
        let name = numbered("failing", index, examples.fails.len());
        let document = match load(text, &LoadLimits::default()) {
            Ok(document) => document,
            Err(error) => {
                problems.push(format!("{name} does not parse: {}", error.message));
                continue;
            }
        };
        let findings = linter.lint("fails", text).findings;
        problems.extend(rule_errors(&name, &findings));
        let fired: Vec<&Finding> = findings
            .iter()
            .filter(|finding| finding.rule == rule.id)
            .collect();
        if fired.is_empty() && !findings.iter().any(|finding| finding.rule == RULE_ERROR) {
            if linter.selects_nothing(&document) {
                problems.push(format!(
                    "{name} does not make the rule fire: `given` selects nothing in it (check the JSONPath and the example's field names)"
                ));
            } else {
                problems.push(format!(
                    "{name} does not make the rule fire: every node `given` selects passes the check"
                ));
            }
        }
        if !examples.fails_at.is_empty() && !fired.is_empty() {
            let mut pointers: Vec<&str> = fired.iter().map(|finding| finding.pointer.as_str()).collect();
            pointers.dedup();
            if pointers != examples.fails_at {
                problems.push(format!(
                    "{name} is flagged at {pointers:?}, expected {:?}",
                    examples.fails_at
                ));
            }
        }
    }
    for (index, text) in examples.passes.iter().enumerate() {
        let name = numbered("passing", index, examples.passes.len());
        if let Err(error) = load(text, &LoadLimits::default()) {
            problems.push(format!("{name} does not parse: {}", error.message));
            continue;
        }
        let findings = linter.lint("passes", text).findings;
        problems.extend(rule_errors(&name, &findings));
        for finding in findings.iter().filter(|finding| finding.rule == rule.id) {
            problems.push(format!(
                "{name} is flagged at `{}`: {}",
                finding.pointer, finding.message
            ));
        }
    }
    Outcome {
        problems,
        untested: examples.fails.is_empty(),
    }
}

/// The rule could not be evaluated on an example: CEL's reason, and where.
fn rule_errors(name: &str, findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|finding| finding.rule == RULE_ERROR)
        .map(|finding| {
            let reason = finding
                .message
                .split_once("cannot be evaluated here: ")
                .map_or(finding.message.as_str(), |(_, reason)| reason);
            format!("{name} cannot be evaluated at `{}`: {reason}", finding.pointer)
        })
        .collect()
}

/// Placeholders a real plan could leave unfilled although the examples
/// fill them: a plan field that is also a derived number (a plan may give
/// `unit_economics.ltv` or let planlint derive it), or a derived number
/// that does not exist.
fn placeholder_problems(rule: &RuleDef) -> Vec<String> {
    let mut templates: Vec<&str> = vec![&rule.message];
    templates.extend(rule.help.as_deref());
    for check in rule.check.as_slice() {
        templates.extend(check.message.as_deref());
        templates.extend(check.help.as_deref());
    }
    let mut problems = Vec::new();
    for name in templates.into_iter().flat_map(placeholders) {
        let problem = match name.strip_prefix("metrics.") {
            Some(metric) if !METRIC_NAMES.contains(&metric) => Some(format!(
                "the placeholder `{{{name}}}` names no derived number: `planlint metrics --format json` lists them"
            )),
            Some(_) => None,
            None if METRIC_NAMES.contains(&name) && !rule.options.contains_key(name) => Some(format!(
                "the placeholder `{{{name}}}` reads the plan's own field, which a plan may leave out when planlint derives the number: write `{{metrics.{name}}}`"
            )),
            None => None,
        };
        if let Some(problem) = problem {
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
    }
    problems
}

/// The `{name}` placeholders of a template.
fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
                {
                    names.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}
