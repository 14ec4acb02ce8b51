//! Schema findings name the field, say what was expected and point at the
//! offending node: the key for an unknown key, the mapping for a missing one.

use planlint::Settings;
use planlint::{registry, Finding, Linter};

fn schema_findings(text: &str) -> Vec<(Finding, String)> {
    let linter = Linter::new(registry::builtin(), &Settings::default()).unwrap();
    linter
        .lint("t.plan.yaml", text)
        .findings
        .into_iter()
        .filter(|finding| finding.rule == "schema")
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
    assert_eq!(finding.message, "unknown field `dedline` in `goals[0]`");
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
            ("`positioning.rank` is written as \"first\": the plan format wants 1", "first"),
            (
                "`channels[0].type` must be one of \"search\", \"social\", \"display\", \"video\", \"email\", \"affiliate\", \"seo\", \"content\", \"marketplace\", \"offline\", \"other\", found \"tv\"",
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
    assert_eq!(found[0].0.message, "the plan must be a mapping, found a list");
}
