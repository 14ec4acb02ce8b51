//! Every built-in rule's own examples: `fails` must make it fire at the
//! `fails_at` nodes, `passes` must not. Driven from the rule files, so a new
//! rule is tested by adding its file.

use planlint::document::{load, LoadLimits};
use planlint::{registry, selftest, Linter};

#[test]
fn every_rule_fires_on_its_failing_example_and_not_on_its_passing_one() {
    let rules = registry::builtin();
    assert!(
        rules.len() >= 29,
        "expected the whole catalog, found {}",
        rules.len()
    );
    let mut problems = Vec::new();
    for rule in rules {
        problems.extend(
            selftest::check_examples(rule)
                .into_iter()
                .map(|problem| format!("{}: {problem}", rule.id)),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_finding_underlines_exactly_the_node_its_pointer_names() {
    for rule in registry::builtin() {
        let text = &rule.examples.fails[0];
        let document = load(text, &LoadLimits::default()).unwrap();
        let report = Linter::for_rule(rule).unwrap().lint("fails.plan.yaml", text);
        for finding in &report.findings {
            // A finding about the whole plan underlines it from its first byte.
            let node = document
                .spans(&finding.pointer)
                .map(|node| match finding.pointer.as_str() {
                    "" => planlint::document::Span::new(0, node.value.end),
                    _ => node.value,
                });
            assert_eq!(
                Some(finding.span),
                node,
                "{}: pointer {:?} and span disagree",
                rule.id,
                finding.pointer
            );
        }
    }
}
