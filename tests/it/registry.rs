//! The rule registry itself: ids, documentation and options are complete
//! and consistent, and the generated docs are current.

use planlint::registry;
use planlint::rule::meta::META_RULES;
use planlint::rule::{catalog, is_kebab_case, option_placeholders, option_references};
use planlint::{Linter, Settings};
use std::collections::BTreeSet;

#[test]
fn ids_are_unique_sorted_and_kebab_case() {
    registry::check_builtin().unwrap();
    let rules = registry::builtin();
    let ids: Vec<&str> = rules.iter().map(|rule| rule.id.as_str()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids");
    assert_eq!(ids, unique.into_iter().collect::<Vec<_>>(), "sorted by id");
    for id in &ids {
        assert!(is_kebab_case(id), "{id}");
        assert!(
            !META_RULES.iter().any(|meta| meta.id == *id),
            "{id} is a meta-rule's id"
        );
    }
}

#[test]
fn the_catalog_is_complete() {
    let rules = registry::builtin();
    let ids: BTreeSet<&str> = rules.iter().map(|rule| rule.id.as_str()).collect();
    let catalog = [
        "undefined-target-customer",
        "vague-goal",
        "missing-deadline",
        "cac-exceeds-ltv",
        "weak-positioning",
        "missing-goals",
        "relative-goal-without-baseline",
        "deadline-outside-period",
        "goal-without-owner",
        "too-many-goals",
        "target-customer-without-needs",
        "missing-competitors",
        "missing-swot",
        "missing-budget",
        "budget-overrun",
        "missing-unit-economics",
        "low-ltv-cac-ratio",
        "cac-payback-too-long",
        "untested-channel",
        "unprofitable-channel",
        "marginal-cac-exceeds-ltv",
        "channel-without-metrics",
        "single-channel",
        "no-long-tail-channel",
        "missing-conversion-path",
        "unowned-team-role",
        "missing-sponsor",
        "high-value-without-payment-guarantee",
        "missing-evaluation",
    ];
    assert_eq!(ids, catalog.into_iter().collect::<BTreeSet<_>>());
}

#[test]
fn every_rule_is_documented() {
    for rule in registry::builtin() {
        let id = &rule.id;
        assert!(rule.summary.ends_with('.'), "{id}: summary is one sentence");
        assert!(rule.why.trim().len() > 100, "{id}: why explains");
        assert!(!rule.source.trim().is_empty(), "{id}: source");
        assert!(!rule.summary.is_empty() && !rule.why.is_empty(), "{id}");
        assert!(
            !rule.examples.fails.is_empty() && !rule.examples.passes.is_empty(),
            "{id}: failing and passing examples"
        );
        assert!(
            rule.examples
                .fails
                .iter()
                .chain(&rule.examples.passes)
                .all(|example| !example.trim().is_empty()),
            "{id}"
        );
        assert!(
            !rule.examples.fails_at.is_empty(),
            "{id}: fails_at names the flagged nodes"
        );
        for check in rule.check.as_slice() {
            assert!(
                check.help.is_some() || rule.help.is_some(),
                "{id}: every finding comes with help"
            );
        }
    }
}

/// Pack rules may leave out the documentation fields; the built-in ones
/// must give every one of them, severity included.
#[test]
fn built_in_rule_files_give_every_field() {
    for (file, text) in registry::BUILTIN_RULE_FILES {
        for key in [
            "id", "severity", "summary", "why", "source", "check", "message", "examples",
        ] {
            assert!(
                text.lines().any(|line| line.starts_with(&format!("{key}:"))),
                "rules/{file} has no `{key}`"
            );
        }
    }
}

#[test]
fn every_option_is_documented_and_used() {
    for rule in registry::builtin() {
        assert_eq!(rule.validate(), vec![], "{}", rule.id);
        let mut used = BTreeSet::new();
        for check in rule.check.as_slice() {
            used.extend(
                check
                    .options
                    .values()
                    .flat_map(option_references)
                    .map(str::to_owned),
            );
            let given = check.given.as_ref().or(rule.given.as_ref());
            for path in given.map(|g| g.as_slice()).unwrap_or_default() {
                for (_, name) in option_placeholders(path) {
                    used.insert(name.to_owned());
                }
            }
        }
        for (name, option) in &rule.options {
            assert!(
                !option.description.trim().is_empty(),
                "{}: option {name} has no description",
                rule.id
            );
            assert!(
                used.contains(name),
                "{}: option {name} is declared but no check uses it",
                rule.id
            );
            // A number out of range is then named at its place in the
            // config, never found later by the function as an internal error.
            let numeric = matches!(
                option.kind,
                planlint::rule::OptionType::Number | planlint::rule::OptionType::Integer
            );
            assert!(
                !numeric || option.minimum.is_some(),
                "{}: numeric option {name} declares no minimum",
                rule.id
            );
        }
    }
}

#[test]
fn generated_docs_are_current() {
    let expected = planlint::rule::docs::rules_markdown(&catalog::entries(registry::builtin()));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is stale: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

/// Meta-rules are catalog entries: documented, sorted among the rules, and
/// their examples behave under the full pipeline (schema, rules and
/// suppressions), as a rule's do.
#[test]
fn every_meta_rule_is_documented_and_its_examples_behave() {
    let ids: Vec<&str> = META_RULES.iter().map(|meta| meta.id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "META_RULES is sorted by id");
    for meta in META_RULES {
        let id = meta.id;
        // A meta-rule about users' rules runs its examples with one.
        let mut rules = registry::builtin().to_vec();
        if let Some(text) = meta.with_rule {
            let mut rule = registry::parse_rule(text).unwrap();
            rule.id = format!("house/{}", rule.id);
            rules.push(rule);
        }
        let linter = Linter::new(&rules, &Settings::default()).unwrap();
        assert!(is_kebab_case(id), "{id}");
        assert!(meta.summary.ends_with('.'), "{id}: summary is one sentence");
        assert!(meta.why.len() > 100, "{id}: why explains");
        assert!(!meta.source.is_empty(), "{id}: source");
        let fired = |text: &str| {
            linter
                .lint("example.plan.yaml", text)
                .findings
                .iter()
                .any(|finding| finding.rule == id)
        };
        assert!(
            fired(meta.fails),
            "{id}: the failing example does not make it fire"
        );
        assert!(!fired(meta.passes), "{id}: the passing example makes it fire");
    }
    let entries = catalog::entries(registry::builtin());
    assert_eq!(entries.len(), registry::builtin().len() + META_RULES.len());
    for meta in META_RULES {
        assert!(
            catalog::find(registry::builtin(), meta.id).is_some(),
            "{}",
            meta.id
        );
    }
}

/// Rules that read words or values as people write them show, in
/// `planlint explain`, a Chinese example beside the English one.
#[test]
fn language_rules_show_chinese_examples() {
    let cjk = |text: &String| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for id in [
        "vague-goal",
        "relative-goal-without-baseline",
        "missing-conversion-path",
        "goal-without-owner",
        "unowned-team-role",
        "missing-sponsor",
        "undefined-target-customer",
        "high-value-without-payment-guarantee",
        "weak-positioning",
        "cac-exceeds-ltv",
        "budget-overrun",
        "deadline-outside-period",
    ] {
        let rule = registry::builtin().iter().find(|rule| rule.id == id).unwrap();
        assert!(
            rule.examples.fails.iter().any(cjk),
            "{id}: no Chinese failing example"
        );
        assert!(
            rule.examples.passes.iter().any(cjk),
            "{id}: no Chinese passing example"
        );
        assert!(
            rule.examples.fails.iter().any(|example| !cjk(example)),
            "{id}: keep an English failing example"
        );
    }
}
