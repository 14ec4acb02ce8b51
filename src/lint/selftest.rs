//! Running a rule's own examples: each failing one must make it fire (at the
//! `fails_at` nodes, when given), each passing one must not, and neither may
//! make it fail to evaluate. When an example misbehaves, says why: CEL's
//! reason, a `given` that selects nothing. Used by the test suite for the
//! built-ins and by `planlint test-rules` for users' packs.

use crate::document::{load, LoadLimits};
use crate::finding::Finding;
use crate::i18n::t;
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
    for (index, text) in examples.fails.iter().enumerate() {
        let name = if examples.fails.len() == 1 {
            t!("lint-rules-example-failing")
        } else {
            t!(
                "lint-rules-example-failing-nth",
                ordinal = (index + 1).to_string()
            )
        };
        let document = match load(text, &LoadLimits::default()) {
            Ok(document) => document,
            Err(error) => {
                problems.push(t!(
                    "lint-rules-example-does-not-parse",
                    example = name.as_str(),
                    error = error.message
                ));
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
                problems.push(t!("lint-rules-example-selects-nothing", example = name.as_str()));
            } else {
                problems.push(t!("lint-rules-example-passes", example = name.as_str()));
            }
        }
        if !examples.fails_at.is_empty() && !fired.is_empty() {
            let mut pointers: Vec<&str> = fired.iter().map(|finding| finding.pointer.as_str()).collect();
            pointers.dedup();
            if pointers != examples.fails_at {
                problems.push(t!(
                    "lint-rules-example-flagged-elsewhere",
                    example = name.as_str(),
                    found = format!("{pointers:?}"),
                    expected = format!("{:?}", examples.fails_at)
                ));
            }
        }
    }
    for (index, text) in examples.passes.iter().enumerate() {
        let name = if examples.passes.len() == 1 {
            t!("lint-rules-example-passing")
        } else {
            t!(
                "lint-rules-example-passing-nth",
                ordinal = (index + 1).to_string()
            )
        };
        if let Err(error) = load(text, &LoadLimits::default()) {
            problems.push(t!(
                "lint-rules-example-does-not-parse",
                example = name.as_str(),
                error = error.message
            ));
            continue;
        }
        let findings = linter.lint("passes", text).findings;
        problems.extend(rule_errors(&name, &findings));
        for finding in findings.iter().filter(|finding| finding.rule == rule.id) {
            problems.push(t!(
                "lint-rules-example-flagged",
                example = name.as_str(),
                pointer = finding.pointer.as_str(),
                message = finding.message.as_str()
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
            // The reason is what the rule-error message says last.
            let marker = t!("lint-rules-rule-error-reason-marker");
            let reason = finding
                .message
                .split_once(marker.as_str())
                .map_or(finding.message.as_str(), |(_, reason)| reason);
            t!(
                "lint-rules-example-cannot-be-evaluated",
                example = name,
                pointer = finding.pointer.as_str(),
                reason = reason
            )
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
            Some(metric) if !METRIC_NAMES.contains(&metric) => {
                Some(t!("lint-rules-placeholder-no-metric", name = name))
            }
            Some(_) => None,
            None if METRIC_NAMES.contains(&name) && !rule.options.contains_key(name) => {
                Some(t!("lint-rules-placeholder-plan-field", name = name))
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};

    /// test-rules finds CEL's reason in a rule-error message by the words
    /// said just before it, in every language.
    #[test]
    fn the_reason_of_a_rule_error_is_found_in_every_language() {
        for lang in Lang::ALL {
            let _lang = scoped(lang);
            let message = t!(
                "lint-rules-rule-error",
                rule = "acme/cap",
                place = "acme/cap.yaml:3",
                reason = "no such key: totl"
            );
            let marker = t!("lint-rules-rule-error-reason-marker");
            assert_eq!(
                message.split_once(marker.as_str()).map(|(_, reason)| reason),
                Some("no such key: totl"),
                "{lang}: {message}"
            );
        }
    }

    #[test]
    fn placeholder_problems_are_said_in_chinese() {
        let _zh = scoped(Lang::Zh);
        let rule = crate::rule::registry::parse_rule(
            "id: r\ngiven: $\ncheck: {function: defined, field: x}\nmessage: \"{unit_economics.ltv} {metrics.nope}\"\n",
        )
        .unwrap();
        assert_eq!(
            placeholder_problems(&rule),
            [
                "占位符 `{unit_economics.ltv}` 读取的是方案自己的字段，而方案可以不写这个字段、由 planlint 推算：请写成 `{metrics.unit_economics.ltv}`",
                "占位符 `{metrics.nope}` 不是任何推算出的数字：`planlint metrics --format json` 会把它们都列出来",
            ]
        );
    }
}
