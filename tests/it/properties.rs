//! Properties of the whole pipeline (load -> schema -> derive -> all
//! built-in rules -> JSON output), on generated input:
//!
//! - arbitrary text and bytes never panic, and every finding's span lies in
//!   the text shown, on character boundaries;
//! - generated plans (random sections, goals, channels and spend tiers,
//!   numbers from negative to huge, strings with multibyte characters),
//!   written as YAML block style, YAML flow style and JSON, load to the
//!   value they were made from, and every finding points at a node of the
//!   loaded document whose value span is the finding's span;
//! - the JSON report parses back and never says NaN or infinity, and the
//!   derived metrics are never NaN.
//!
//! `PLANLINT_PROPTEST_CASES=N` runs N cases per property instead of the
//! defaults.

use planlint::document::{load, LoadLimits};
use planlint::output::{self, Format, Options};
use planlint::Settings;
use planlint::{registry, FileReport, Linter};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{Map, Value};
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let rules = registry::builtin();
        Linter::new(rules, &Settings::default()).expect("the built-in rules compile")
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

// ---------------------------------------------------------------------------
// Checks on a report
// ---------------------------------------------------------------------------

/// Every finding's span (and related spans) lies inside the report's text,
/// on character boundaries.
fn spans_in_text(report: &FileReport) -> Result<(), TestCaseError> {
    let text = &*report.source;
    for finding in &report.findings {
        let spans = std::iter::once(finding.span).chain(finding.related.iter().map(|r| r.span));
        for span in spans {
            prop_assert!(
                span.start <= span.end && span.end <= text.len(),
                "{} span {span:?} outside a {}-byte text",
                finding.rule,
                text.len()
            );
            prop_assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{} span {span:?} splits a character",
                finding.rule
            );
        }
    }
    Ok(())
}

/// Whole words of `text` (letters only), for "does it say NaN".
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The JSON report parses back and says neither NaN nor infinity (unless
/// the plan itself does).
fn json_report_is_sound(report: &FileReport, input: &str) -> Result<(), TestCaseError> {
    let mut out = Vec::new();
    output::write(
        Format::Json,
        std::slice::from_ref(report),
        Options::plain(),
        &mut out,
    )
    .map_err(|error| TestCaseError::fail(format!("JSON output failed: {error}")))?;
    let text = String::from_utf8(out).map_err(|_| TestCaseError::fail("JSON output is not UTF-8"))?;
    let parsed: Result<Value, _> = serde_json::from_str(&text);
    prop_assert!(
        parsed.is_ok(),
        "the JSON report does not parse: {:?}\n{text}",
        parsed.err()
    );
    let said = |word: &str| words(&text).any(|w| w.eq_ignore_ascii_case(word));
    let given = |word: &str| words(input).any(|w| w.eq_ignore_ascii_case(word));
    for word in ["NaN", "inf", "infinity"] {
        prop_assert!(!said(word) || given(word), "the report says {word}:\n{text}");
    }
    Ok(())
}

/// The derived metrics hold no NaN or infinity: serialised, a non-finite
/// number would become `null`, and no metric is null otherwise.
fn metrics_are_finite(plan: &Value) -> Result<(), TestCaseError> {
    fn no_null(value: &Value, at: &str) -> Result<(), TestCaseError> {
        match value {
            Value::Null => Err(TestCaseError::fail(format!("metric {at} is not a finite number"))),
            Value::Array(items) => {
                (items.iter().enumerate()).try_for_each(|(i, v)| no_null(v, &format!("{at}/{i}")))
            }
            Value::Object(map) => map.iter().try_for_each(|(k, v)| no_null(v, &format!("{at}/{k}"))),
            _ => Ok(()),
        }
    }
    no_null(&planlint::derive::derive(plan).to_value(), "")
}

/// Lints `text` and checks what holds for any input.
fn lint_any_text(text: &str) -> Result<FileReport, TestCaseError> {
    let report = linter().lint("any.plan.yaml", text);
    prop_assert_eq!(&*report.source, text);
    spans_in_text(&report)?;
    json_report_is_sound(&report, text)?;
    Ok(report)
}

// ---------------------------------------------------------------------------
// Arbitrary input
// ---------------------------------------------------------------------------

/// Text made of YAML's punctuation, keys of a plan, numbers and multibyte
/// characters: far more likely to get deep into the loader than random
/// Unicode.
fn yamlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("- ".to_owned()),
        Just(": ".to_owned()),
        Just("\n".to_owned()),
        Just("\n  ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\t".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(", ".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("!!str ".to_owned()),
        Just("? ".to_owned()),
        Just("| ".to_owned()),
        Just(">- ".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("# ".to_owned()),
        Just("---\n".to_owned()),
        Just("...\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just(".nan".to_owned()),
        Just("1e400".to_owned()),
        Just("2026-02-30".to_owned()),
        Just("# planlint-disable-next-line vague-goal\n".to_owned()),
        Just("# planlint-disable-file\n".to_owned()),
        prop::sample::select(vec![
            "version",
            "name",
            "goals",
            "budget",
            "total",
            "channels",
            "spend_tiers",
            "spend",
            "new_customers",
            "unit_economics",
            "cac",
            "ltv",
            "deadline",
            "target",
            "period",
        ])
        .prop_map(str::to_owned),
        (-1_000_000i64..1_000_000).prop_map(|n| n.to_string()),
        "[a-z中文é😀 ]{1,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        lint_any_text(&text)?;
    }

    #[test]
    fn yaml_like_text_never_panics(text in yamlish()) {
        lint_any_text(&text)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let report = linter().lint_bytes("any.plan.yaml", &bytes);
        spans_in_text(&report)?;
        json_report_is_sound(&report, &String::from_utf8_lossy(&bytes))?;
    }
}

// ---------------------------------------------------------------------------
// Generated plans
// ---------------------------------------------------------------------------

/// Numbers a plan may hold: zero, negative, fractional, huge, tiny.
fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => Just(Value::from(0)),
        5 => (-100i64..10_000).prop_map(Value::from),
        2 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        3 => (0.0f64..1.0).prop_map(Value::from),
        2 => (-1e9f64..1e9).prop_map(Value::from),
        2 => prop::sample::select(vec![1e300, -1e300, f64::MAX, f64::MIN_POSITIVE, 5e-324, -0.0, 1e15])
            .prop_map(Value::from),
    ]
    .boxed()
}

/// Strings: plain words, multibyte, YAML-significant punctuation, empty.
fn text() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => "[A-Za-z][a-z0-9 ]{0,14}[a-z]",
        2 => "[a-zé中文日本😀 ]{1,10}",
        2 => "[a-z :#,'\"\\[\\]{}&*!|>%@`-]{0,12}",
        1 => Just(String::new()),
        1 => "[0-9]{1,3}%",
        1 => "(yes|no|null|true|~|on|1.5|0x1F|-)",
        1 => "\\PC{0,8}",
    ]
    .prop_map(Value::String)
    .boxed()
}

/// Dates, a few of them impossible.
fn date() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])",
        1 => Just("2026-02-30".to_owned()),
        1 => Just("2026-13-01".to_owned()),
    ]
    .prop_map(Value::String)
    .boxed()
}

fn texts(max: usize) -> BoxedStrategy<Value> {
    prop::collection::vec(text(), 0..max)
        .prop_map(Value::Array)
        .boxed()
}

/// A mapping of the fields that were drawn (`None`: field left out).
fn object(fields: Vec<(&'static str, Option<Value>)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .filter_map(|(key, value)| value.map(|value| (key.to_owned(), value)))
            .collect::<Map<String, Value>>(),
    )
}

fn maybe<S: Strategy<Value = Value> + 'static>(strategy: S) -> BoxedStrategy<Option<Value>> {
    prop::option::weighted(0.7, strategy).boxed()
}

fn goal() -> BoxedStrategy<Value> {
    (
        maybe(text()),
        maybe(text()),
        maybe(text()),
        maybe(number()),
        maybe(prop_oneof![number(), text()]),
        maybe(text()),
        maybe(date()),
        maybe(text()),
    )
        .prop_map(
            |(id, statement, metric, baseline, target, unit, deadline, owner)| {
                object(vec![
                    ("id", id),
                    ("statement", statement),
                    ("metric", metric),
                    ("baseline", baseline),
                    ("target", target),
                    ("unit", unit),
                    ("deadline", deadline),
                    ("owner", owner),
                ])
            },
        )
        .boxed()
}

fn channel() -> BoxedStrategy<Value> {
    let test = (maybe(number()), maybe(number()), maybe(number()), maybe(number())).prop_map(
        |(budget, revenue, exposure, conversion_rate)| {
            object(vec![
                ("budget", budget),
                ("revenue", revenue),
                ("exposure", exposure),
                ("conversion_rate", conversion_rate),
            ])
        },
    );
    let tier = (maybe(number()), maybe(number()))
        .prop_map(|(spend, new_customers)| object(vec![("spend", spend), ("new_customers", new_customers)]));
    (
        maybe(text()),
        maybe(
            prop::sample::select(vec!["seo", "content", "social", "search_ads", "email", "events"])
                .prop_map(Value::from),
        ),
        maybe(number()),
        maybe(texts(3)),
        maybe(test),
        maybe(prop::collection::vec(tier, 0..4).prop_map(Value::Array)),
    )
        .prop_map(|(name, kind, budget, metrics, test, spend_tiers)| {
            object(vec![
                ("name", name),
                ("type", kind),
                ("budget", budget),
                ("metrics", metrics),
                ("test", test),
                ("spend_tiers", spend_tiers),
            ])
        })
        .boxed()
}

fn named(with: &'static str) -> BoxedStrategy<Value> {
    (maybe(text()), maybe(text()))
        .prop_map(move |(name, other)| object(vec![("name", name), (with, other)]))
        .boxed()
}

fn situation() -> BoxedStrategy<Value> {
    (
        maybe(texts(3)),
        maybe(texts(3)),
        maybe(texts(3)),
        maybe(texts(3)),
        maybe(prop::collection::vec(named("note"), 0..3).prop_map(Value::Array)),
    )
        .prop_map(|(strengths, weaknesses, opportunities, threats, competitors)| {
            object(vec![
                ("strengths", strengths),
                ("weaknesses", weaknesses),
                ("opportunities", opportunities),
                ("threats", threats),
                ("competitors", competitors),
            ])
        })
        .boxed()
}

fn segment() -> BoxedStrategy<Value> {
    (
        maybe(text()),
        maybe(texts(3)),
        maybe(texts(3)),
        maybe(text()),
        maybe(number()),
    )
        .prop_map(|(name, characteristics, needs, buying_habits, size)| {
            object(vec![
                ("name", name),
                ("characteristics", characteristics),
                ("needs", needs),
                ("buying_habits", buying_habits),
                ("size", size),
            ])
        })
        .boxed()
}

fn unit_economics() -> BoxedStrategy<Value> {
    (
        maybe(number()),
        maybe(number()),
        maybe(number()),
        maybe(number()),
        maybe(number()),
        maybe(number()),
    )
        .prop_map(|(cac, ltv, aov, margin, purchases, years)| {
            object(vec![
                ("cac", cac),
                ("ltv", ltv),
                ("average_order_value", aov),
                ("gross_margin", margin),
                ("purchases_per_year", purchases),
                ("lifetime_years", years),
            ])
        })
        .boxed()
}

fn positioning() -> BoxedStrategy<Value> {
    (
        maybe(text()),
        maybe((-2i64..5).prop_map(Value::from)),
        maybe(text()),
        maybe(texts(3)),
    )
        .prop_map(|(category, rank, statement, competitors)| {
            object(vec![
                ("category", category),
                ("rank", rank),
                ("statement", statement),
                ("competitors", competitors),
            ])
        })
        .boxed()
}

fn budget() -> BoxedStrategy<Value> {
    let item = (maybe(text()), maybe(number()))
        .prop_map(|(name, amount)| object(vec![("name", name), ("amount", amount)]));
    (
        maybe(number()),
        maybe(prop::collection::vec(item, 0..3).prop_map(Value::Array)),
    )
        .prop_map(|(total, items)| object(vec![("total", total), ("items", items)]))
        .boxed()
}

fn smaller_sections() -> BoxedStrategy<Vec<(&'static str, Option<Value>)>> {
    (
        maybe(
            (maybe(date()), maybe(date()))
                .prop_map(|(start, end)| object(vec![("start", start), ("end", end)])),
        ),
        maybe(prop::sample::select(vec!["CNY", "USD", "EUR", "usd", ""]).prop_map(Value::from)),
        maybe(text()),
        maybe(
            (maybe(text()), maybe(text()), maybe(number()), maybe(texts(3))).prop_map(
                |(name, description, price, features)| {
                    object(vec![
                        ("name", name),
                        ("description", description),
                        ("price", price),
                        ("features", features),
                    ])
                },
            ),
        ),
        maybe(prop::collection::vec(named("metric"), 0..4).prop_map(|stages| {
            Value::Array(
                stages
                    .into_iter()
                    .map(|stage| match stage {
                        Value::Object(mut map) => {
                            if let Some(name) = map.remove("name") {
                                map.insert("stage".into(), name);
                            }
                            Value::Object(map)
                        }
                        other => other,
                    })
                    .collect(),
            )
        })),
        maybe(
            prop::collection::vec(
                (maybe(text()), maybe(text()), maybe(text())).prop_map(|(role, owner, kpi)| {
                    object(vec![("role", role), ("owner", owner), ("kpi", kpi)])
                }),
                0..3,
            )
            .prop_map(Value::Array),
        ),
        maybe(
            (maybe(texts(3)), maybe(text())).prop_map(|(methods, guarantee)| {
                object(vec![("methods", methods), ("guarantee", guarantee)])
            }),
        ),
        maybe(
            (maybe(text()), maybe(texts(3)), maybe(texts(2))).prop_map(|(cadence, metrics, methods)| {
                object(vec![
                    ("cadence", cadence),
                    ("metrics", metrics),
                    ("methods", methods),
                ])
            }),
        ),
    )
        .prop_map(
            |(period, currency, mission, product, funnel, team, payment, evaluation)| {
                vec![
                    ("period", period),
                    ("currency", currency),
                    ("mission", mission),
                    ("product", product),
                    ("funnel", funnel),
                    ("team", team),
                    ("payment", payment),
                    ("evaluation", evaluation),
                ]
            },
        )
        .boxed()
}

/// A plan: `version` and `name` almost always, any subset of the sections,
/// and now and then an `x-` key that needs pointer escaping.
fn plan() -> BoxedStrategy<Value> {
    (
        prop::option::weighted(0.95, Just(Value::from(1))),
        prop::option::weighted(0.95, text()),
        maybe(text()),
        maybe(text()),
        maybe(situation()),
        maybe(prop::collection::vec(segment(), 0..3).prop_map(Value::Array)),
        maybe(positioning()),
        maybe(prop::collection::vec(goal(), 0..7).prop_map(Value::Array)),
        maybe(budget()),
        maybe(unit_economics()),
        maybe(prop::collection::vec(channel(), 0..5).prop_map(Value::Array)),
        (smaller_sections(), prop::option::weighted(0.2, text())),
    )
        .prop_map(
            |(
                version,
                name,
                owner,
                sponsor,
                situation,
                customers,
                positioning,
                goals,
                budget,
                unit,
                channels,
                (rest, extra),
            )| {
                let mut fields = vec![
                    ("version", version),
                    ("name", name),
                    ("owner", owner),
                    ("sponsor", sponsor),
                    ("situation", situation),
                    ("target_customers", customers),
                    ("positioning", positioning),
                    ("goals", goals),
                    ("budget", budget),
                    ("unit_economics", unit),
                    ("channels", channels),
                    ("x-notes/a~b 备注", extra),
                ];
                fields.extend(rest);
                object(fields)
            },
        )
        .boxed()
}

/// A string YAML reads back as the same string without quotes.
fn plain_safe(text: &str) -> bool {
    let reserved = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
    let mut chars = text.chars();
    let first_ok = chars.next().is_some_and(char::is_alphabetic);
    let last_ok = text.chars().last().is_some_and(char::is_alphanumeric);
    first_ok
        && last_ok
        && text.chars().all(|c| c.is_alphanumeric() || c == ' ')
        && !text.contains("  ")
        && !reserved.contains(&text.to_ascii_lowercase().as_str())
}

fn is_date(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// A scalar or key in YAML: plain when that reads back the same, else
/// double-quoted (JSON's string syntax is valid YAML).
fn yaml_scalar(value: &Value) -> String {
    match value {
        Value::String(text) if plain_safe(text) || is_date(text) => text.clone(),
        other => other.to_string(),
    }
}

fn yaml_key(key: &str) -> String {
    yaml_scalar(&Value::String(key.to_owned()))
}

/// Block style: nested mappings indented by two, list items as `- `,
/// empty collections as `{}` / `[]`.
fn yaml_block(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, item) in map {
                out.push_str(&pad);
                out.push_str(&yaml_key(key));
                out.push(':');
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        out.push('\n');
                        yaml_block(item, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push('\n');
                        yaml_block(item, indent + 2, out);
                    }
                    scalar => {
                        out.push(' ');
                        out.push_str(&yaml_inline(scalar));
                        out.push('\n');
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        // `- first: x` then the other keys under it.
                        let mut nested = String::new();
                        yaml_block(item, indent + 2, &mut nested);
                        out.push_str(&pad);
                        out.push_str("- ");
                        out.push_str(&nested[indent + 2..]);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&pad);
                        out.push_str("-\n");
                        yaml_block(item, indent + 2, out);
                    }
                    scalar => {
                        out.push_str(&pad);
                        out.push_str("- ");
                        out.push_str(&yaml_inline(scalar));
                        out.push('\n');
                    }
                }
            }
        }
        scalar => {
            out.push_str(&pad);
            out.push_str(&yaml_inline(scalar));
            out.push('\n');
        }
    }
}

/// Flow style: `{key: value, list: [a, b]}`; with `wrap`, one entry a line.
fn yaml_inline_with(value: &Value, wrap: bool) -> String {
    let separator = if wrap { ",\n  " } else { ", " };
    match value {
        Value::Object(map) => {
            let entries: Vec<String> = map
                .iter()
                .map(|(key, item)| format!("{}: {}", yaml_key(key), yaml_inline_with(item, wrap)))
                .collect();
            format!("{{{}}}", entries.join(separator))
        }
        Value::Array(items) => {
            let entries: Vec<String> = items.iter().map(|item| yaml_inline_with(item, wrap)).collect();
            format!("[{}]", entries.join(separator))
        }
        scalar => yaml_scalar(scalar),
    }
}

fn yaml_inline(value: &Value) -> String {
    yaml_inline_with(value, false)
}

/// The ways a plan is written.
#[derive(Debug, Clone, Copy)]
enum Style {
    Block,
    Flow,
    FlowWrapped,
    Json,
    JsonPretty,
}

fn write_plan(plan: &Value, style: Style) -> String {
    match style {
        Style::Block => {
            let mut out = String::new();
            yaml_block(plan, 0, &mut out);
            out
        }
        Style::Flow => yaml_inline_with(plan, false) + "\n",
        Style::FlowWrapped => yaml_inline_with(plan, true) + "\n",
        Style::Json => plan.to_string(),
        Style::JsonPretty => serde_json::to_string_pretty(plan).unwrap_or_default(),
    }
}

/// Equal as plan data: numbers by value (a 20-digit integer may load as a
/// float), everything else exactly.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| same(value, other)))
        }
        _ => a == b,
    }
}

fn check_plan(plan: &Value, style: Style) -> Result<(), TestCaseError> {
    let text = write_plan(plan, style);
    let document = load(&text, &LoadLimits::default())
        .map_err(|error| TestCaseError::fail(format!("{style:?} plan does not load: {error:?}\n{text}")))?;
    prop_assert!(
        same(&document.value, plan),
        "{style:?} plan loads as something else:\n{text}\nloaded: {}",
        document.value
    );
    metrics_are_finite(&document.value)?;

    let report = linter().lint("generated.plan.yaml", &text);
    spans_in_text(&report)?;
    json_report_is_sound(&report, &text)?;
    for finding in &report.findings {
        prop_assert_ne!(&finding.rule, "parse-error", "{:?}\n{}", finding, text);
        let spans = document.spans(&finding.pointer);
        prop_assert!(
            spans.is_some(),
            "{} points at `{}`, which is not in the document\n{}",
            finding.rule,
            finding.pointer,
            text
        );
        let value = spans.map(|spans| spans.value);
        prop_assert_eq!(
            value,
            Some(finding.span),
            "{} at `{}`: span {:?} is not its node's value span {:?}\n{}",
            &finding.rule,
            &finding.pointer,
            finding.span,
            value,
            text
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(96))]

    #[test]
    fn generated_plans_in_every_style(plan in plan()) {
        for style in [Style::Block, Style::Flow, Style::FlowWrapped, Style::Json, Style::JsonPretty] {
            check_plan(&plan, style)?;
        }
    }

    /// A generated plan, then cut short or with a piece of it repeated:
    /// what a half-written or badly merged plan looks like.
    #[test]
    fn broken_plans_never_panic(
        plan in plan(),
        block in any::<bool>(),
        cut in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        length in 0usize..40,
    ) {
        let text = write_plan(&plan, if block { Style::Block } else { Style::JsonPretty });
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let cut = boundaries[cut.index(boundaries.len())];
        lint_any_text(&text[..cut])?;
        let from = boundaries[from.index(boundaries.len())];
        let to = boundaries.iter().copied().find(|&i| i >= from + length).unwrap_or(text.len());
        let spliced = format!("{}{}{}", &text[..to], &text[from..to], &text[to..]);
        lint_any_text(&spliced)?;
    }
}

#[test]
fn the_examples_keep_every_property() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("examples/") {
        let path = entry.expect("an entry").path();
        if !planlint::project::discover::is_plan_file_name(&path) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("an example");
        let value = load(&text, &LoadLimits::default())
            .expect("an example loads")
            .value;
        for style in [Style::Block, Style::Flow, Style::Json] {
            check_plan(&value, style).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        }
        let report = lint_any_text(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert!(
            !report.findings.iter().any(|f| f.rule == "parse-error"),
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} examples");
}

/// Load errors must point inside the text on character boundaries. Found by
/// `cargo fuzz run load` (minimised: fuzz/seeds/load/alias-span-after-directive.yaml):
/// after a `%` directive line holding a multibyte character, the
/// undefined-alias error starts one character late, inside `é` (9..10 in
/// `%é\n---\n*éé`, where `*` is at 8), and names the alias `*`.
#[test]
fn load_error_spans_stay_on_character_boundaries() {
    for text in [
        "*éé",
        "a: *é",
        "%é\n---\n*éé",
        "%\u{fffd}\n---\n*\u{fffd}\u{fffd}",
    ] {
        match load(text, &LoadLimits::default()) {
            Ok(document) => panic!("{text:?} loaded as {}", document.value),
            Err(error) => {
                let span = error.span;
                assert!(
                    span.end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end),
                    "{text:?}: {} at {span:?}",
                    error.message
                );
            }
        }
    }
}

/// Spans after a `%` directive holding a multibyte character are one byte
/// late: `version` in `%é\n---\nversion: 1\n` is reported at 9..16 instead
/// of 8..15, and a multibyte key right after splits a character. (The
/// undefined-alias error was fixed on its own; the shift is general.)
#[test]
fn spans_after_a_multibyte_directive_are_exact() {
    let text = "%é\n---\nversion: 1\n";
    let document = load(text, &LoadLimits::default()).expect("loads");
    let spans = document.spans("/version").expect("spans of /version");
    let key = spans.key.map(|span| &text[span.start..span.end]);
    assert_eq!(
        (key, &text[spans.value.start..spans.value.end]),
        (Some("version"), "1")
    );

    let text = "%é\n---\néé: 1\n";
    let document = load(text, &LoadLimits::default()).expect("loads");
    let spans = document.spans("/éé").expect("spans of /éé");
    let key = spans.key.expect("a key span");
    assert!(
        text.is_char_boundary(key.start) && text.is_char_boundary(key.end),
        "{key:?}"
    );
    assert_eq!(&text[key.start..key.end], "éé");
}
