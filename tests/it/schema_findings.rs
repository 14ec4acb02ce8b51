//! Schema findings name the field, say what was expected and point at the
//! offending node: the key for an unknown key, the mapping for a missing one.

use planlint::Settings;
use planlint::{registry, Finding, Linter};

fn schema_findings(text: &str) -> Vec<(Finding, String)> {
    findings_of("schema", text)
}

fn findings_of(rule: &str, text: &str) -> Vec<(Finding, String)> {
    let linter = Linter::new(registry::builtin(), &Settings::default()).unwrap();
    linter
        .lint("t.plan.yaml", text)
        .findings
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| {
            let underlined = text[finding.span.start..finding.span.end].to_owned();
            (finding, underlined)
        })
        .collect()
}

#[test]
fn an_unknown_key_is_underlined_with_a_suggestion() {
    let found = schema_findings("version: 1\nname: x\ngoals:\n  - id: g\n    dedline: 2026-01-01\n");
    assert_eq!(found.len(), 1, "{found:?}");
    let (finding, underlined) = &found[0];
    assert_eq!(underlined, "dedline");
    assert_eq!(finding.pointer, "/goals/0/dedline");
    assert_eq!(finding.message, "unknown field `dedline` in goal 1 `g`");
    assert_eq!(finding.help.as_deref(), Some("did you mean `deadline`?"));
}

#[test]
fn extension_keys_are_allowed_anywhere() {
    let found =
        schema_findings("version: 1\nname: x\nx-team: growth\ngoals:\n  - id: g\n    x-jira: MKT-1\n");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_missing_required_key_points_at_the_mapping_that_lacks_it() {
    let text = "# header\nversion: 1\nowner: Li\n";
    let found = schema_findings(text);
    assert_eq!(found.len(), 1, "{found:?}");
    let (finding, underlined) = &found[0];
    assert_eq!(finding.message, "the plan is missing the required field `name`");
    assert_eq!(finding.pointer, "");
    assert_eq!(underlined, "version: 1\nowner: Li");
}

#[test]
fn wrong_types_bad_dates_and_ranges_name_the_field() {
    let text = "version: 1\nname: x\nperiod: {start: 2026-02-30, end: 2026-08-31}\n\
                budget: {total: -5}\npositioning: {rank: first}\nchannels: [{name: a, type: tv}]\n";
    let found = schema_findings(text);
    let messages: Vec<(&str, &str)> = found
        .iter()
        .map(|(f, u)| (f.message.as_str(), u.as_str()))
        .collect();
    assert_eq!(
        messages,
        vec![
            ("`period.start` must be a real calendar date as YYYY-MM-DD, found \"2026-02-30\"", "2026-02-30"),
            ("`budget.total` must be at least 0, found -5", "-5"),
            (
                "`type` of channel 1 `a` must be one of \"search\", \"social\", \"display\", \"video\", \"email\", \"affiliate\", \"seo\", \"content\", \"marketplace\", \"offline\", \"other\", found \"tv\"",
                "tv"
            ),
        ]
    );
}

#[test]
fn json_plans_get_the_same_findings_with_spans() {
    let text = "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"budgte\": {\"total\": 5}\n}\n";
    let found = schema_findings(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "\"budgte\"");
    assert_eq!(found[0].0.help.as_deref(), Some("did you mean `budget`?"));
}

#[test]
fn a_root_that_is_not_a_mapping() {
    let found = schema_findings("- just\n- a list\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0.message,
        "the plan must be a group of fields, found a list"
    );
}

/// A JSON export writes `null` for what it leaves empty: absent, not a
/// schema error per null. A required field that is null is still missing.
#[test]
fn nulls_in_optional_fields_are_absent() {
    let text = r#"{"version": 1, "name": "Export", "sponsor": null, "payment": null,
      "goals": [{"id": "g", "statement": "Sell 100 rings", "target": 100, "baseline": null, "owner": null}]}"#;
    assert_eq!(schema_findings(text), Vec::new());
    let required = schema_findings(r#"{"version": 1, "name": null}"#);
    assert_eq!(required.len(), 1, "{required:?}");
    assert_eq!(
        required[0].0.message,
        "the plan is missing the required field `name`"
    );
}

/// A value written in a person's way and read exactly is a matter of form:
/// a warning of its own rule with the plain form as the fix, and the
/// currency its sign names when the plan does not say it (then no fix:
/// the bare number would lose what the sign said).
#[test]
fn values_as_written_get_their_plain_form() {
    let text = "version: 1\nname: x\nproduct: {price: \"¥3,200\"}\nunit_economics: {gross_margin: \"12%\"}\npositioning: {rank: 第二}\n";
    assert_eq!(
        schema_findings(text),
        Vec::new(),
        "values read exactly are not broken"
    );
    let found = findings_of("non-canonical-value", text);
    let messages: Vec<(&str, Option<&str>, &str, bool)> = found
        .iter()
        .map(|(finding, underlined)| {
            (
                finding.message.as_str(),
                finding.help.as_deref(),
                underlined.as_str(),
                finding.fix.is_some(),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            (
                "`product.price` is written as \"¥3,200\", which planlint reads as 3200",
                Some("write `price: 3200` and set `currency: CNY` (the plan's money is all in one currency)"),
                "\"¥3,200\"",
                false,
            ),
            (
                "`unit_economics.gross_margin` is written as \"12%\", which planlint reads as 0.12",
                Some("write `gross_margin: 0.12` so that every tool reading the plan understands it"),
                "\"12%\"",
                true,
            ),
            (
                "`positioning.rank` is written as \"第二\", which planlint reads as 2",
                Some("write `rank: 2` so that every tool reading the plan understands it"),
                "第二",
                true,
            ),
        ]
    );
    assert!(found
        .iter()
        .all(|(f, _)| f.severity == planlint::Severity::Warning));
}

/// `¥` is the yen's sign as much as the yuan's: in a JPY plan "¥4,800" is
/// 4800 yen, and writing 4800 is a certain fix.
#[test]
fn the_yen_sign_is_the_plans_currency_in_a_yen_plan() {
    let found = findings_of(
        "non-canonical-value",
        "version: 1\nname: x\ncurrency: JPY\nproduct: {price: \"¥4,800\"}\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.fix.is_some(), "{found:?}");
    assert_eq!(
        found[0].0.help.as_deref(),
        Some("write `price: 4800` so that every tool reading the plan understands it")
    );
}

/// The plan format checks the value as read: a margin written "145%" is
/// read exactly (form) and is still more than the whole price (substance).
#[test]
fn the_value_as_read_is_checked() {
    let text = "version: 1\nname: x\nunit_economics: {gross_margin: \"145%\"}\n";
    let found = schema_findings(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0.message,
        "`unit_economics.gross_margin` must be at most 1, found 1.45"
    );
    assert_eq!(findings_of("non-canonical-value", text).len(), 1);
}

/// A deadline that is not a date at all is a missing deadline: one
/// finding, at the value, not three (plan format, missing deadline and the
/// period check that could not run).
#[test]
fn an_unreadable_deadline_is_one_missing_deadline() {
    let text = "version: 1\nname: x\nperiod: {start: 2026-01-01, end: 2026-06-30}\ngoals:\n  - {id: g, statement: Sell 100 rings, target: 100, deadline: ASAP, owner: Li}\n";
    let linter = Linter::new(registry::builtin(), &Settings::default()).unwrap();
    let at_deadline: Vec<(String, String)> = linter
        .lint("t.plan.yaml", text)
        .findings
        .into_iter()
        .filter(|finding| finding.pointer == "/goals/0/deadline")
        .map(|finding| (finding.rule, finding.message))
        .collect();
    assert_eq!(
        at_deadline,
        [(
            "missing-deadline".to_owned(),
            "goal `g` has no deadline: \"ASAP\" is not a date".to_owned()
        )]
    );
}

/// A value not in its field's form says how to write it, with the plan
/// format's own examples, never the pattern it was checked against.
#[test]
fn a_currency_written_wrongly_says_how_to_write_it() {
    let found = schema_findings("version: 1\nname: x\ncurrency: rmb\n");
    assert_eq!(found.len(), 1, "{found:?}");
    let (finding, underlined) = &found[0];
    assert_eq!(underlined, "rmb");
    assert_eq!(
        finding.message,
        "`currency` is not written as the plan format expects, found \"rmb\""
    );
    assert_eq!(finding.help.as_deref(), Some("write it like CNY, USD or EUR"));
}
