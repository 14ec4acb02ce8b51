//! Remedies: every numeric rule's findings say which number to change and
//! to what, computed from the plan; applying a remedy's value (as
//! `planlint metrics --set` does) resolves the finding, and a value a little
//! short of it does not.

use assert_cmd::Command;
use planlint::finding::Remedy;
use planlint::lint::what_if;
use planlint::{registry, Finding, Linter, Settings};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// The check functions that compare a number (or date) with a limit.
const NUMERIC_FUNCTIONS: &[&str] = &[
    "metric",
    "marginal-cac",
    "channel-return",
    "date-range",
    "at-least",
];

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        Linter::new(registry::builtin(), &Settings::default()).expect("the built-in rules compile")
    })
}

fn findings_of(plan: &Value) -> Vec<Finding> {
    let text = serde_json::to_string_pretty(plan).unwrap();
    linter().lint("what-if.plan.json", &text).findings
}

fn still_there(plan: &Value, finding: &Finding) -> bool {
    findings_of(plan)
        .iter()
        .any(|after| after.rule == finding.rule && after.pointer == finding.pointer)
}

/// `plan` with `field` set to `value`, read as `--set field=value` reads it.
fn with(plan: &Value, field: &str, value: &Value) -> Value {
    let text = match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let setting = what_if::parse(plan, &format!("{field}={text}"))
        .unwrap_or_else(|error| panic!("--set {field}={text}: {error:?}"));
    what_if::apply(plan, &[setting])
}

/// A value a little short of the remedy's: moved back towards the current
/// value by more than the remedy's rounding.
fn short_of(remedy: &Remedy) -> Option<Value> {
    let (current, value) = (remedy.current.as_f64()?, remedy.value.as_f64()?);
    let change = value - current;
    if change == 0.0 {
        return None;
    }
    let step = if value.abs() >= 100.0 {
        1.0
    } else if value.abs() >= 10.0 {
        0.1
    } else if value.abs() >= 1.0 {
        0.01
    } else {
        0.001
    };
    let back = (change.abs() * 0.02).max(step) * change.signum();
    Some(json!(value - back))
}

/// Checks every remedy of every finding of `plan`; returns how many.
fn check_remedies(plan: &Value, context: &str) -> Result<usize, String> {
    let mut checked = 0;
    for finding in findings_of(plan)
        .iter()
        .filter(|finding| !finding.remedies.is_empty())
    {
        for remedy in &finding.remedies {
            let fixed = with(plan, &remedy.field, &remedy.value);
            if still_there(&fixed, finding) {
                return Err(format!(
                    "{context}: {} = {} does not resolve {} at {} ({})",
                    remedy.field, remedy.value, finding.rule, finding.pointer, remedy.words
                ));
            }
            if let Some(short) = short_of(remedy) {
                if !still_there(&with(plan, &remedy.field, &short), finding) {
                    return Err(format!(
                        "{context}: {} = {short}, short of {}, already resolves {}",
                        remedy.field, remedy.value, finding.rule
                    ));
                }
            }
            checked += 1;
        }
    }
    Ok(checked)
}

fn example(text: &str) -> Value {
    planlint::document::load(text, &planlint::document::LoadLimits::default())
        .unwrap()
        .value
}

#[test]
fn no_numeric_rule_is_without_a_remedy() {
    let mut numeric = Vec::new();
    let mut without = Vec::new();
    for rule in registry::builtin() {
        let functions: Vec<&str> = rule
            .check
            .as_slice()
            .iter()
            .map(|check| check.function.as_str())
            .collect();
        if !functions
            .iter()
            .any(|function| NUMERIC_FUNCTIONS.contains(function))
        {
            continue;
        }
        numeric.push(rule.id.clone());
        for text in &rule.examples.fails {
            let findings = findings_of(&example(text));
            let own: Vec<&Finding> = findings
                .iter()
                .filter(|finding| finding.rule == rule.id)
                .collect();
            assert!(!own.is_empty(), "{}: its failing example does not fail", rule.id);
            if own.iter().any(|finding| finding.remedies.is_empty()) {
                without.push(rule.id.clone());
            }
        }
    }
    for expected in [
        "cac-exceeds-ltv",
        "low-ltv-cac-ratio",
        "cac-payback-too-long",
        "budget-overrun",
        "marginal-cac-exceeds-ltv",
        "unprofitable-channel",
        "deadline-outside-period",
    ] {
        assert!(
            numeric.iter().any(|id| id == expected),
            "{expected} is not found numeric: {numeric:?}"
        );
    }
    without.dedup();
    assert_eq!(without, Vec::<String>::new(), "numeric rules without a remedy");
}

#[test]
fn every_remedy_on_the_rules_examples_resolves_its_finding_and_a_little_less_does_not() {
    let mut checked = 0;
    for rule in registry::builtin() {
        for text in &rule.examples.fails {
            checked += check_remedies(&example(text), &rule.id).unwrap_or_else(|problem| panic!("{problem}"));
        }
    }
    assert!(checked >= 10, "only {checked} remedies checked");
}

#[test]
fn the_studio_is_told_cac_270_and_each_ltv_lever() {
    let text = std::fs::read_to_string("examples/cac-exceeds-ltv.plan.yaml").unwrap();
    let findings = linter().lint("cac-exceeds-ltv.plan.yaml", &text).findings;
    let finding = findings
        .iter()
        .find(|finding| finding.rule == "cac-exceeds-ltv")
        .unwrap();
    let value = |field: &str| {
        finding
            .remedies
            .iter()
            .find(|remedy| remedy.field == field)
            .map(|remedy| remedy.value.clone())
    };
    assert_eq!(value("unit_economics.cac"), Some(json!(270)));
    assert_eq!(value("unit_economics.average_order_value"), Some(json!(105)));
    assert_eq!(value("unit_economics.purchases_per_year"), Some(json!(14)));
    assert_eq!(value("unit_economics.gross_margin"), Some(json!(0.584)));
    assert_eq!(value("unit_economics.lifetime_years"), Some(json!(0.5834)));
    let help = finding.help.as_deref().unwrap();
    for said in [
        "CAC 270 EUR",
        "45 EUR or 14.3% lower",
        "average order value 105 EUR",
        "14 purchases a year",
        "gross margin 0.584",
        "7 months",
    ] {
        assert!(help.contains(said), "help lacks {said:?}: {help}");
    }
    let titles: Vec<&str> = finding
        .choices
        .iter()
        .map(|choice| choice.title.as_str())
        .collect();
    assert!(titles.contains(&"Set CAC to 270 (break-even)"), "{titles:?}");
    assert!(finding.fix.is_none(), "a remedy is a choice, never a certain fix");
}

fn planlint() -> Command {
    crate::planlint_in_english()
}

#[test]
fn metrics_set_resolves_each_example_finding_by_its_remedy() {
    let mut checked = 0;
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().into_owned();
        if !name.ends_with(".plan.yaml") && !name.ends_with(".plan.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for finding in linter().lint(&name, &text).findings {
            for remedy in &finding.remedies {
                let value = match &remedy.value {
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                let output = planlint()
                    .args(["metrics", &name, "--format", "json", "--set"])
                    .arg(format!("{}={value}", remedy.field))
                    .output()
                    .unwrap();
                assert!(
                    output.status.success(),
                    "{}",
                    String::from_utf8_lossy(&output.stderr)
                );
                let diff: Value = serde_json::from_slice(&output.stdout).unwrap();
                let resolved = diff["findings"]["resolved"].as_array().unwrap();
                assert!(
                    resolved.iter().any(|gone| gone["rule"] == finding.rule.as_str()
                        && gone["pointer"] == finding.pointer.as_str()),
                    "{name}: --set {}={value} leaves {} at {}",
                    remedy.field,
                    finding.rule,
                    finding.pointer
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 5, "only {checked} remedies checked");
}

#[test]
fn metrics_set_cac_shows_the_new_ratio_and_the_resolved_finding() {
    let output = planlint()
        .args([
            "metrics",
            "examples/cac-exceeds-ltv.plan.yaml",
            "--set",
            "cac=250",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let diff: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diff["metrics"]["cac"]["before"], json!(315.0));
    assert_eq!(diff["metrics"]["cac"]["after"], json!(250.0));
    assert_eq!(diff["metrics"]["ltv"]["after"], json!(270.0));
    let resolved = diff["findings"]["resolved"].as_array().unwrap();
    assert!(
        resolved
            .iter()
            .any(|finding| finding["rule"] == "cac-exceeds-ltv"),
        "{diff}"
    );
    let human = planlint()
        .args([
            "metrics",
            "examples/cac-exceeds-ltv.plan.yaml",
            "--set",
            "cac=250",
        ])
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("315 EUR -> 250 EUR") && human.contains("Findings resolved (1)"),
        "{human}"
    );
}

#[test]
fn bad_keys_and_values_exit_2_naming_the_key_with_a_suggestion() {
    for (set, said, suggested) in [
        ("cak=250", "`cak`", "did you mean `cac`?"),
        (
            "channels.Instagramm.budget=1",
            "`Instagramm`",
            "channels.Instagram.budget",
        ),
        ("cac=cheap", "`cheap` is not a number", "--set cac=250"),
        (
            "payback_months=6",
            "`payback_months`",
            "set one of the numbers it comes from",
        ),
        ("unit_economics.churn=0.1", "no `churn`", "`unit_economics` has"),
    ] {
        let output = planlint()
            .args(["metrics", "examples/cac-exceeds-ltv.plan.yaml", "--set", set])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{set}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(said) && stderr.contains(suggested),
            "{set}: {stderr}"
        );
    }
}

/// Plans with arbitrary unit economics, budgets and channel tests.
fn plan() -> impl Strategy<Value = Value> {
    let money = || 1u32..5000;
    (
        (money(), 5u32..500, 5u32..95, 1u32..40, 1u32..60, any::<bool>()),
        (money(), money(), money(), 100u32..4000, 0u32..4000),
        (1u32..12, 1u32..28),
    )
        .prop_map(|((cac, aov, margin, purchases, months, given), (total, item, channel, test, revenue), (month, day))| {
            let unit_economics = if given {
                json!({"cac": cac, "ltv": aov * 10, "lifetime_years": f64::from(months) / 12.0})
            } else {
                json!({"cac": cac, "average_order_value": aov, "gross_margin": f64::from(margin) / 100.0,
                    "purchases_per_year": purchases, "lifetime_years": f64::from(months) / 12.0})
            };
            json!({
                "currency": "EUR",
                "period": {"start": "2026-03-01", "end": "2026-08-31"},
                "goals": [{"id": "revenue", "statement": "Reach 100 orders", "target": 100,
                    "deadline": format!("2026-{month:02}-{day:02}")}],
                "unit_economics": unit_economics,
                "budget": {"total": total * 10, "items": [{"name": "Salaries", "amount": item * 10}]},
                "channels": [{"name": "Douyin", "type": "social", "budget": channel * 10,
                    "test": {"budget": test, "revenue": revenue},
                    "spend_tiers": [{"spend": 1000, "new_customers": 20}, {"spend": 2000, "new_customers": 25}]}],
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn any_remedy_resolves_its_finding_and_a_little_less_does_not(plan in plan()) {
        check_remedies(&plan, "generated plan").map_err(TestCaseError::fail)?;
    }
}

#[test]
fn the_report_shows_how_far_each_money_verdict_is_from_flipping() {
    let output = planlint()
        .args([
            "report",
            "--format",
            "markdown",
            "examples/scaling-channels.plan.yaml",
            "examples/cac-exceeds-ltv.plan.yaml",
        ])
        .output()
        .unwrap();
    assert!(output.status.success() || output.status.code() == Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(report.matches("### Headroom").count(), 2, "{report}");
    for row in [
        // LTV 2,160 / 3 = 720, half as much again as CAC 480.
        "| LTV/CAC at least 3 (low-ltv-cac-ratio) | ok | CAC can rise 50% (to 720 CNY) before LTV/CAC falls below 3 |",
        // The fourth tier turns at 40,000; WeChat plans 60,000.
        "`WeChat` plans 20,000 CNY past 40,000 CNY, where its marginal CAC passes LTV",
        // 315 -> 270 is 14.3% less.
        "| CAC/LTV at most 1 (cac-exceeds-ltv) | **fails** | CAC must fall 14.3% (to 270 EUR) for CAC/LTV to come down to 1 |",
        "6,000 EUR more can be planned before the total is exceeded",
    ] {
        assert!(report.contains(row), "missing {row:?} in:\n{report}");
    }
    let html = planlint()
        .args([
            "report",
            "--format",
            "html",
            "examples/scaling-channels.plan.yaml",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&html.stdout).contains("<h3>Headroom</h3>"));
}

/// A user's pack words its own remedy, with the computed values as
/// `{remedy.FIELD}` placeholders; the structured remedies come with it.
#[test]
fn a_pack_rule_words_its_remedy_with_computed_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".planlint.yaml"), "rule_packs: [acme]\n").unwrap();
    std::fs::create_dir(dir.path().join("acme")).unwrap();
    std::fs::write(
        dir.path().join("acme/payback.yaml"),
        r#"
id: fast-payback
severity: warning
summary: Earn a customer back within 6 months.
given: $.unit_economics
check:
  field: cac
  function: metric
  options: {metric: unit_economics.payback_months, max: 6}
message: "CAC {cac} takes {value} months to earn back"
remedy: "the board wants CAC at {remedy.unit_economics.cac} {currency} or less"
help: "ask finance before raising prices"
"#,
    )
    .unwrap();
    let plan = std::fs::read_to_string("examples/cac-exceeds-ltv.plan.yaml").unwrap();
    std::fs::write(dir.path().join("studio.plan.yaml"), plan).unwrap();
    let output = planlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "studio.plan.yaml"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let finding = findings
        .iter()
        .find(|finding| finding["rule"] == "acme/fast-payback")
        .unwrap_or_else(|| panic!("{report}"));
    // Monthly margin 90 x 0.5 x 12 / 12 = 45; 6 months of it is 270.
    assert_eq!(
        finding["help"],
        "from this plan's numbers: the board wants CAC at 270 EUR or less; ask finance before raising prices"
    );
    assert_eq!(finding["remedies"][0]["value"], json!(270));
}

#[test]
fn sarif_and_github_carry_the_remedy() {
    let run = |format: &str| {
        let output = planlint()
            .args(["check", "--format", format, "examples/cac-exceeds-ltv.plan.yaml"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "cac-exceeds-ltv");
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .contains("CAC 270 EUR (break-even"));
    assert_eq!(result["properties"]["remedies"][0]["value"], json!(270));
    assert_eq!(
        result["properties"]["remedies"][1]["field"],
        "unit_economics.average_order_value"
    );
    let github = run("github");
    assert!(
        github.contains("help: from this plan's numbers: CAC 270 EUR"),
        "{github}"
    );
    assert!(
        github.contains("average order value 105 EUR, or 14 purchases a year"),
        "{github}"
    );
}

#[test]
fn a_cut_no_single_line_can_take_names_the_lines_that_sum_to_it() {
    let plan = json!({"currency": "CNY",
        "budget": {"total": 100000, "items": [{"name": "Salaries", "amount": 40000}]},
        "channels": [{"name": "Douyin", "budget": 50000}, {"name": "WeChat", "budget": 45000},
            {"name": "Weibo", "budget": 45000}]});
    let findings = findings_of(&plan);
    let overrun = findings
        .iter()
        .find(|finding| finding.rule == "budget-overrun")
        .unwrap();
    let help = overrun.help.as_deref().unwrap();
    // 180,000 planned against 100,000: 80,000 = Douyin's 50,000 and 30,000 of WeChat's.
    assert!(
        help.contains("cut 80,000 CNY from channels or items (e.g. channel `Douyin` to 0 and channel `WeChat` from 45,000 CNY to 15,000 CNY), or raise `budget.total` to 180,000 CNY"),
        "{help}"
    );
    assert_eq!(
        overrun.remedies.len(),
        1,
        "no single line can take the cut: only the total is a lever"
    );
}

#[test]
fn a_setting_that_adds_a_field_still_places_findings_in_the_file() {
    // The studio derives LTV from its parts: `ltv` is a new field.
    let output = planlint()
        .args([
            "metrics",
            "examples/cac-exceeds-ltv.plan.yaml",
            "--set",
            "ltv=400",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let diff: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diff["metrics"]["ltv"]["after"], json!(400.0));
    let resolved = &diff["findings"]["resolved"][0];
    assert_eq!(resolved["rule"], "cac-exceeds-ltv");
    // `cac: 315` is on line 86 of the file.
    assert_eq!(
        (resolved["line"].clone(), resolved["column"].clone()),
        (json!(86), json!(8))
    );
    assert_eq!(diff["findings"]["introduced"][0]["line"], json!(86));
}
