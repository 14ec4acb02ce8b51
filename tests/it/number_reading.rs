//! Properties of how planlint reads what people write (issue 22):
//!
//! - the strict JSON loader never panics, gives spans inside the text, and on
//!   any JSON value (compact or pretty) returns that value, each node's span
//!   holding exactly the node's text;
//! - a trailing comma anywhere is an error on its line;
//! - a number written with thousands separators, in flow (`{spend: 1,234}`)
//!   or block style, is either read as exactly that number or reported at
//!   its place; it never passes as a different number.
//!
//! `PLANLINT_PROPTEST_CASES=N` runs N cases per property.

use planlint::document::{load, load_json, LoadLimits};
use planlint::lint::normalize::normalize;
use planlint::Settings;
use planlint::{registry, Linter};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        Linter::new(registry::builtin(), &Settings::default()).expect("built-in rules compile")
    })
}

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PLANLINT_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1.0e300f64..1.0e300).prop_map(Value::from),
        "[a-z \"\\\\/\u{e9}\u{4e2d}\u{1f600}\t\n\u{1}]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z~/\u{e9}]{0,6}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn the_json_loader_never_panics_and_spans_stay_in_the_text(text in "[\\[\\]{}\",:0-9a-z \n.eE+\\-\\\\/]{0,64}") {
        match load_json(&text, &LoadLimits::default()) {
            Ok(document) => {
                for (pointer, spans) in document.iter() {
                    prop_assert!(spans.value.end <= text.len(), "{pointer}");
                    prop_assert!(text.is_char_boundary(spans.value.start) && text.is_char_boundary(spans.value.end), "{pointer}");
                }
                // What the strict loader accepts, serde_json accepts too.
                prop_assert!(serde_json::from_str::<Value>(&text).is_ok(), "{text:?}");
            }
            Err(error) => prop_assert!(error.span.end <= text.len() && error.span.start <= error.span.end),
        }
    }

    #[test]
    fn any_json_value_loads_to_itself_with_exact_spans(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let document = load_json(&text, &LoadLimits::default()).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(&document.value, &value);
        for (pointer, spans) in document.iter() {
            let slice = &text[spans.value.start..spans.value.end];
            let reparsed: Value = serde_json::from_str(slice).map_err(|e| TestCaseError::fail(format!("{pointer}: {slice:?}: {e}")))?;
            let expected = value.pointer(&pointer).cloned().unwrap_or(Value::Null);
            if expected.is_f64() {
                // serde_json's own float reading may differ in the last bit:
                // the text itself is the judge.
                prop_assert_eq!(slice.parse::<f64>().ok(), expected.as_f64(), "{}", pointer);
            } else {
                prop_assert_eq!(reparsed, expected, "{}", pointer);
            }
        }
    }

    #[test]
    fn a_trailing_comma_is_an_error_on_its_line(value in json_value()) {
        let text = serde_json::to_string_pretty(&value).unwrap();
        // Before the last closing bracket of a non-empty container.
        let Some(close) = text.rfind(['}', ']']) else { return Ok(()) };
        let before = text[..close].trim_end();
        prop_assume!(!before.ends_with('[') && !before.ends_with('{'));
        let broken = format!("{before},{}", &text[before.len()..]);
        let error = load_json(&broken, &LoadLimits::default()).err();
        prop_assert!(error.is_some(), "{broken}");
        let error = error.unwrap_or_else(|| unreachable!());
        prop_assert!(error.message.contains("trailing comma"), "{}", error.message);
        // At the comma itself, on the line where it was written.
        prop_assert_eq!(&broken[error.span.start..error.span.end], ",");
        prop_assert_eq!(error.span.start, before.len());
    }

    #[test]
    fn numbers_with_separators_are_read_exactly_or_reported(
        number in 0u64..100_000_000_000,
        cents in prop::option::of(0u32..100),
        flow in any::<bool>(),
        grouping in prop_oneof![Just(3usize), Just(3usize), 1usize..6],
        european in any::<bool>(),
    ) {
        // European style: a dot between thousands, a comma before the cents.
        let (separator, point) = if european { (".", ",") } else { (",", ".") };
        let grouping = if european { 3 } else { grouping };
        let digits = number.to_string();
        // Digits grouped from the right by `grouping` (3 is the usual way).
        let mut groups = Vec::new();
        let mut end = digits.len();
        while end > grouping {
            groups.push(&digits[end - grouping..end]);
            end -= grouping;
        }
        groups.push(&digits[..end]);
        groups.reverse();
        let mut written = groups.join(separator);
        if let Some(cents) = cents {
            written.push_str(&format!("{point}{cents:02}"));
        }
        let tier = if flow {
            format!("      - {{spend: {written}, new_customers: 80}}\n")
        } else {
            format!("      - spend: {written}\n        new_customers: 80\n")
        };
        let text = format!(
            "version: 1\nname: Test\ncurrency: USD\nchannels:\n  - name: Ads\n    type: search\n    spend_tiers:\n{tier}"
        );
        let document = load(&text, &LoadLimits::default()).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        let normalized = normalize(&document.value);
        let meant = normalized.meant(&document.value).pointer("/channels/0/spend_tiers/0/spend").cloned();
        let exact: f64 = format!("{digits}.{:02}", cents.unwrap_or(0)).parse().unwrap_or(f64::NAN);
        let pointer = "/channels/0/spend_tiers/0/spend";
        let report = linter().lint("t.plan.yaml", &text);
        let reported = report.findings.iter().any(|f| f.pointer == pointer && text[f.span.start..f.span.end] == written);
        // The other field is never disturbed by the separators.
        let customers = normalized.meant(&document.value).pointer("/channels/0/spend_tiers/0/new_customers").cloned();
        prop_assert_eq!(customers, Some(Value::from(80)), "{}", text);
        match meant.as_ref().and_then(Value::as_f64) {
            // Read exactly: written with a separator, it is still named at
            // its place (a matter of form, with the plain number as the fix).
            Some(read) if read == exact => {
                if written.contains([',', '.']) && written.len() > 3 && !(cents.is_some() && groups.len() == 1) {
                    prop_assert!(reported, "no finding at {written}: {:?}", report.findings);
                }
            }
            // Read otherwise (`12.345` as twelve point three four five), or
            // not at all: named at its place.
            _ => prop_assert!(reported, "{written} read as {meant:?} and not reported: {:?}", report.findings),
        }
    }
}

/// `init`'s starter plan with every number of four or more digits written
/// with thousands separators, in block style and with the tests and spend
/// tiers in flow style (`{spend: 10,000, new_customers: 140}`): each such
/// number is read exactly (the plan as read equals the plan without
/// separators, so `metrics` shows what was written) and named at its place.
#[test]
fn the_starter_plan_with_separators_is_read_exactly_and_named() {
    let template = include_str!("../../src/cli/init.plan.yaml");
    let tiers = regex::Regex::new(r"- spend: (\d+)\n\s+new_customers: (\d+)").unwrap();
    let tests = regex::Regex::new(
        r"test:\n\s+budget: (\d+)\n\s+revenue: (\d+)\n\s+exposure: (\d+)\n\s+conversion_rate: ([\d.]+)",
    )
    .unwrap();
    let flow = tiers.replace_all(template, "- {spend: $1, new_customers: $2}");
    let flow = tests
        .replace_all(
            &flow,
            "test: {budget: $1, revenue: $2, exposure: $3, conversion_rate: $4}",
        )
        .into_owned();
    assert!(flow.contains("- {spend: 10000, new_customers: 140}"), "{flow}");
    let big = regex::Regex::new(r": (\d{4,})([,}\s])").unwrap();
    let meant = |text: &str| {
        let document = load(text, &LoadLimits::default()).unwrap();
        normalize(&document.value).meant(&document.value).clone()
    };
    for original in [template.to_owned(), flow] {
        let mut separated = String::new();
        let mut places = Vec::new();
        let mut last = 0;
        for found in big.captures_iter(&original) {
            let digits = found.get(1).unwrap();
            let value: u64 = digits.as_str().parse().unwrap();
            // Years in dates are not numbers; 2026 is no amount in the template.
            if value == 2026 {
                continue;
            }
            separated.push_str(&original[last..digits.start()]);
            let grouped = grouped(digits.as_str());
            places.push((separated.len(), grouped.clone()));
            separated.push_str(&grouped);
            last = digits.end();
        }
        separated.push_str(&original[last..]);
        assert!(places.len() >= 15, "only {} numbers rewritten", places.len());
        assert_eq!(
            meant(&separated),
            meant(&original),
            "read differently:\n{separated}"
        );
        let report = linter().lint("starter.plan.yaml", &separated);
        for (at, written) in &places {
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.span.start == *at && &separated[f.span.start..f.span.end] == written),
                "{written} at byte {at} is not named: {:?}",
                report.findings
            );
        }
        // Nothing else: no unknown `000` fields, no rule misled.
        let others: Vec<_> = report
            .findings
            .iter()
            .filter(|f| !places.iter().any(|(at, _)| *at == f.span.start))
            .collect();
        assert!(others.is_empty(), "{others:?}");
    }
}

/// `1234567` -> `1,234,567`.
fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `planlint init NAME.plan.json` writes strict JSON that passes clean; the
/// same file with a trailing comma, a comment or YAML in it exits 2 with a
/// parse error at its line, in `check` and in `metrics`.
#[test]
fn init_writes_json_for_a_json_name_and_broken_json_exits_2_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let output = crate::planlint_in_english()
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    assert_eq!(run(&["init", "q4.plan.json"]).0, Some(0));
    let written = std::fs::read_to_string(dir.path().join("q4.plan.json")).unwrap();
    let value: Value = serde_json::from_str(&written).expect("init wrote JSON");
    assert_eq!(value["version"], 1);
    // python3 -m json.tool is what a user would try; run it where there is one.
    if let Ok(output) = std::process::Command::new("python3")
        .args(["-m", "json.tool", "q4.plan.json"])
        .current_dir(dir.path())
        .output()
    {
        assert!(output.status.success(), "json.tool refused it");
    }
    assert_eq!(
        run(&["check", "q4.plan.json"]),
        (Some(0), "No problems in 1 file.\n".to_owned())
    );
    let line_of = |needle: &str, text: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    let period_end = written.find("\"end\": \"2026-06-30\"").unwrap() + "\"end\": \"2026-06-30\"".len();
    let trailing = format!("{},{}", &written[..period_end], &written[period_end..]);
    let commented = written.replacen("  \"currency\"", "  // money is in USD\n  \"currency\"", 1);
    let yaml = include_str!("../../src/cli/init.plan.yaml").to_owned();
    for (name, text, line) in [
        (
            "trailing.plan.json",
            &trailing,
            line_of("2026-06-30\",", &trailing),
        ),
        ("comment.plan.json", &commented, line_of("// money", &commented)),
        ("yaml.plan.json", &yaml, 1),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
        let (code, json) = run(&["check", name, "--format", "json"]);
        assert_eq!(code, Some(2), "{name}: {json}");
        let report: Value = serde_json::from_str(&json).unwrap();
        let finding = &report["files"][0]["findings"][0];
        assert_eq!(finding["rule"], "parse-error", "{name}");
        assert_eq!(finding["start"]["line"], line as u64, "{name}: {finding}");
        // `metrics` reads the plan as `check` does: no numbers from a
        // broken JSON file read as YAML.
        assert_eq!(run(&["metrics", name]).0, Some(2), "metrics {name}");
    }
}

/// A date that reads two ways (`05/04/2026`: 5 April or 4 May) is named with
/// both readings and offered as two edits for the writer to pick; `--fix`
/// applies neither. A day-first date with one reading (`30/06/2026`) is read
/// and `--fix` writes it as YYYY-MM-DD.
#[test]
fn a_date_that_reads_two_ways_is_offered_both_ways_and_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let output = crate::planlint_in_english()
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    let starter = include_str!("../../src/cli/init.plan.yaml");
    let plan = starter
        .replacen("deadline: 2026-06-30", "deadline: 30/06/2026", 1)
        .replacen("deadline: 2026-05-31", "deadline: 05/04/2026", 1);
    assert_ne!(plan, starter);
    std::fs::write(dir.path().join("dates.plan.yaml"), &plan).unwrap();
    let (code, json) = run(&["check", "dates.plan.yaml", "--format", "json"]);
    assert_eq!(code, Some(1), "{json}");
    let report: Value = serde_json::from_str(&json).unwrap();
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let at = |pointer: &str| -> Vec<&Value> {
        findings
            .iter()
            .filter(|finding| finding["pointer"] == pointer && finding["rule"] == "schema")
            .collect()
    };
    let two_ways = at("/goals/1/deadline");
    assert_eq!(two_ways.len(), 1, "{json}");
    let message = two_ways[0]["message"].as_str().unwrap();
    assert!(
        message.contains("2026-04-05") && message.contains("2026-05-04"),
        "{message}"
    );
    assert!(message.contains("of goal 2"), "{message}");
    assert!(
        two_ways[0].get("fix").is_none(),
        "a guess offered as certain: {json}"
    );
    let choices: Vec<&str> = two_ways[0]["choices"]
        .as_array()
        .expect("both readings offered")
        .iter()
        .map(|choice| choice["replacement"].as_str().unwrap())
        .collect();
    assert_eq!(choices.len(), 2, "{json}");
    assert!(
        choices[0].contains("2026-04-05") && choices[1].contains("2026-05-04"),
        "{choices:?}"
    );
    // The date that reads one way only is read: no rule says it could not check it.
    let one_way = findings
        .iter()
        .filter(|finding| finding["pointer"] == "/goals/0/deadline")
        .collect::<Vec<_>>();
    assert_eq!(one_way.len(), 1, "{json}");
    assert_eq!(one_way[0]["rule"], "non-canonical-value");
    assert!(one_way[0]["fix"]["replacement"]
        .as_str()
        .unwrap()
        .contains("2026-06-30"));

    run(&["check", "dates.plan.yaml", "--fix"]);
    let fixed = std::fs::read_to_string(dir.path().join("dates.plan.yaml")).unwrap();
    assert!(
        fixed.contains("deadline: 05/04/2026"),
        "the two-way date was changed:\n{fixed}"
    );
    assert!(
        !fixed.contains("30/06/2026"),
        "the one-way date was not fixed:\n{fixed}"
    );
    assert!(fixed.contains("2026-06-30"));
}

/// A rank planlint cannot read (`first-ish`) is named as unreadable by the
/// positioning rule, not judged "neither No.1 nor No.2"; a rank it reads
/// (第二) passes.
#[test]
fn an_unreadable_rank_is_named_not_judged() {
    let template = include_str!("../../src/cli/init.plan.yaml");
    let rank = |written: &str| {
        let plan = template.replacen("  rank: 1 ", &format!("  rank: {written} "), 1);
        assert_ne!(plan, template);
        linter()
            .lint("rank.plan.yaml", &plan)
            .findings
            .into_iter()
            .filter(|f| f.rule == "weak-positioning")
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rank("first-ish"),
        ["`positioning.rank` is \"first-ish\", which is not a rank such as 1 or 2: this rule could not check it"]
    );
    assert_eq!(rank("第二"), Vec::<String>::new());
    assert_eq!(
        rank("3"),
        ["rank 3 is neither No.1 nor No.2: customers remember the leader and its challenger"]
    );
}
