//! Every rule's own examples: `fails` must make it fire, `passes` must not.
//! Driven from the rule files, so a new rule is tested by adding its file.

use planlint::document::{load, LineIndex, LoadLimits};
use planlint::registry;
use planlint::Linter;

#[test]
fn every_rule_fires_on_its_failing_example_and_not_on_its_passing_one() {
    let rules = registry::builtin().expect("built-in rules parse");
    assert!(rules.len() >= 5, "expected the seed rules, found {}", rules.len());
    for rule in rules {
        let linter = Linter::for_rule(rule).unwrap_or_else(|error| panic!("{error}"));

        let fails = linter.lint("fails.plan.yaml", &rule.examples.fails);
        let fired: Vec<_> = fails.findings.iter().filter(|f| f.rule == rule.id).collect();
        assert!(
            !fired.is_empty(),
            "{}: failing example did not fire; findings: {:?}",
            rule.id,
            fails.findings
        );
        assert!(
            fails.findings.iter().all(|f| f.rule == rule.id),
            "{}: failing example produced other findings: {:?}",
            rule.id,
            fails.findings
        );
        let mut pointers: Vec<&str> = fired.iter().map(|f| f.pointer.as_str()).collect();
        pointers.dedup();
        assert_eq!(
            pointers, rule.examples.fails_at,
            "{}: flagged at the wrong nodes",
            rule.id
        );
        let document = load(&rule.examples.fails, &LoadLimits::default()).expect("example parses");
        for finding in fired {
            assert!(
                !finding.message.contains('{'),
                "{}: unfilled placeholder in {:?}",
                rule.id,
                finding.message
            );
            assert!(
                finding.span.end <= rule.examples.fails.len(),
                "{}: span out of the text",
                rule.id
            );
            let node = document.spans(&finding.pointer);
            assert!(
                node.is_some(),
                "{}: pointer {:?} names no node",
                rule.id,
                finding.pointer
            );
            assert_eq!(
                Some(finding.span),
                node.map(|node| node.value),
                "{}: the span is the node its pointer names",
                rule.id
            );
            let start =
                LineIndex::new(&rule.examples.fails).position(&rule.examples.fails, finding.span.start);
            assert!(start.line >= 1 && start.column >= 1);
        }

        let passes = linter.lint("passes.plan.yaml", &rule.examples.passes);
        assert!(
            passes.findings.is_empty(),
            "{}: passing example has findings: {:?}",
            rule.id,
            passes.findings
        );
    }
}
