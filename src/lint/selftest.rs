//! Running a rule's own examples: the failing one must make it fire (at the
//! `fails_at` nodes, when given), the passing one must not. Used by the test
//! suite for the built-ins and by `planlint test-rules` for users' packs.

use crate::document::{load, LoadLimits};
use crate::lint::engine::Linter;
use crate::rule::RuleDef;

/// What is wrong with `rule`'s examples; empty when they behave.
pub fn check_examples(rule: &RuleDef) -> Vec<String> {
    let linter = match Linter::for_rule(rule) {
        Ok(linter) => linter,
        Err(error) => return vec![error.message],
    };
    let mut problems = Vec::new();
    let examples = &rule.examples;
    if let Err(error) = load(&examples.fails, &LoadLimits::default()) {
        problems.push(format!("the failing example does not parse: {}", error.message));
    }
    if let Err(error) = load(&examples.passes, &LoadLimits::default()) {
        problems.push(format!("the passing example does not parse: {}", error.message));
    }
    if !problems.is_empty() {
        return problems;
    }

    let fails = linter.lint("fails", &examples.fails);
    let fired: Vec<_> = fails
        .findings
        .iter()
        .filter(|finding| finding.rule == rule.id)
        .collect();
    if fired.is_empty() {
        problems.push("the failing example does not make the rule fire".into());
    }
    for finding in &fired {
        if finding.message.contains('{') {
            problems.push(format!("a placeholder is left unfilled in {:?}", finding.message));
        }
    }
    if !examples.fails_at.is_empty() {
        let mut pointers: Vec<&str> = fired.iter().map(|finding| finding.pointer.as_str()).collect();
        pointers.dedup();
        if pointers != examples.fails_at {
            problems.push(format!(
                "the failing example is flagged at {pointers:?}, expected {:?}",
                examples.fails_at
            ));
        }
    }
    let passes = linter.lint("passes", &examples.passes);
    for finding in passes.findings.iter().filter(|finding| finding.rule == rule.id) {
        problems.push(format!(
            "the passing example is flagged at `{}`: {}",
            finding.pointer, finding.message
        ));
    }
    problems
}
