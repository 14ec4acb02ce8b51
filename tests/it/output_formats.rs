//! Every output format on ONE shared set of findings, built by hand: every
//! severity, a multi-line span, a finding at the document root (pointer "",
//! span 0..0), a related location, a rule the options do not list, and
//! non-ASCII text before a span on its line (so character columns differ
//! from byte columns). Then the CI formats' contracts: escaping, the
//! annotation cap, fingerprints that survive moved lines, the GitHub Actions
//! defaults of the CLI.

use assert_cmd::Command;
use planlint::document::Span;
use planlint::finding::{FileReport, Finding, Related, Severity};
use planlint::output::{self, github, Format, Options, RuleInfo};
use serde_json::Value;
use std::sync::Arc;

const SPRING: &str = "\
version: 1
name: 春季新品发布 Spring launch
goals:
  - {id: 品牌, statement: Increase awareness}
  - id: sales
    statement: Sell 100% more rings
    target: 100
  - id: sales
    statement: Win 50 stores
budget:
  total: 300000
";

const BROKEN: &str = "{\"version\": 1,\n  \"name\": \"Q3\"\n  \"goals\": []\n}\n";

/// The byte span of the `nth` (0-based) occurrence of `needle` in `text`.
fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the fixture"))
        .0;
    Span::new(start, start + needle.len())
}

fn finding(rule: &str, severity: Severity, message: &str, pointer: &str, span: Span) -> Finding {
    Finding {
        rule: rule.into(),
        severity,
        message: message.into(),
        help: None,
        pointer: pointer.into(),
        span,
        label: "here".into(),
        related: Vec::new(),
        fix: None,
        choices: Vec::new(),
        remedies: Vec::new(),
    }
}

/// The shared set of findings: three files, sorted by path.
fn reports() -> Vec<FileReport> {
    let goal_1_start = span_of(SPRING, "id: sales", 0).start;
    let goal_1_end = span_of(SPRING, "  - id: sales", 1).start;
    let spring = vec![
        Finding {
            help: Some("name the leader who backs the plan: `sponsor: NAME`".into()),
            ..finding(
                "missing-sponsor",
                Severity::Info,
                "the plan names no sponsor",
                "",
                Span::new(0, 0),
            )
        },
        Finding {
            help: Some("state the number and what it counts".into()),
            ..finding(
                "vague-goal",
                Severity::Error,
                "goal `品牌` is a vague aspiration (\"increase awareness\") with no number in it",
                "/goals/0/statement",
                span_of(SPRING, "Increase awareness", 0),
            )
        },
        finding(
            "goal-without-owner",
            Severity::Warning,
            "goal `sales` has no owner",
            "/goals/1",
            Span::new(goal_1_start, goal_1_end),
        ),
        Finding {
            related: vec![Related {
                span: span_of(SPRING, "sales", 0),
                message: "first defined here".into(),
            }],
            ..finding(
                "duplicate-goal-id",
                Severity::Error,
                "goal id `sales` is used twice: ids must be unique, 100% of the time <always> & \"ever\"",
                "/goals/2/id",
                span_of(SPRING, "sales", 1),
            )
        },
        finding(
            "schema",
            Severity::Warning,
            "`total` must be a string,\nnot the number 300000\u{7}",
            "/budget/total",
            span_of(SPRING, "300000", 0),
        ),
    ];
    let broken = vec![finding(
        "parse-error",
        Severity::Error,
        "expected ',' or '}' at line 3, column 3",
        "",
        span_of(BROKEN, "\"goals\"", 0),
    )];
    vec![
        FileReport {
            path: "plans/clean.plan.yaml".into(),
            source: Arc::from("version: 1\n"),
            findings: Vec::new(),
            reread: None,
        },
        FileReport {
            path: "plans/q3, final: v2.plan.json".into(),
            source: Arc::from(BROKEN),
            findings: broken,
            reread: None,
        },
        FileReport {
            path: "plans/spring.plan.yaml".into(),
            source: Arc::from(SPRING),
            findings: spring,
            reread: None,
        },
    ]
}

fn info(id: &str, severity: Severity, summary: &str, help: Option<&str>, docs: bool) -> RuleInfo {
    RuleInfo {
        id: id.into(),
        severity,
        summary: summary.into(),
        description: format!("Why {id} matters.\n\nSource: the planlint fixture"),
        help: help.map(Into::into),
        url: docs.then(|| format!("https://github.com/planlint/planlint/blob/main/docs/rules.md#{id}")),
    }
}

/// The rules that "ran": `duplicate-goal-id` is missing on purpose, and
/// `missing-budget` ran without firing.
fn rules() -> Vec<RuleInfo> {
    vec![
        info(
            "goal-without-owner",
            Severity::Warning,
            "Every goal has one accountable owner.",
            Some("add `owner:`"),
            true,
        ),
        info(
            "missing-budget",
            Severity::Error,
            "State the total budget.",
            None,
            true,
        ),
        info(
            "missing-sponsor",
            Severity::Info,
            "Name the leader who backs the plan.",
            None,
            true,
        ),
        info(
            "parse-error",
            Severity::Error,
            "The file is valid YAML or JSON.",
            None,
            false,
        ),
        info(
            "schema",
            Severity::Error,
            "The plan follows the plan format.",
            None,
            false,
        ),
        info(
            "vague-goal",
            Severity::Error,
            "Every goal needs a number to hit, not a vague aspiration.",
            Some("state the number"),
            true,
        ),
    ]
}

fn render(format: Format) -> String {
    render_failing_on(format, planlint::Severity::Error)
}

fn render_failing_on(format: Format, fail_on: planlint::Severity) -> String {
    let rules = rules();
    let options = Options {
        color: false,
        rules: &rules,
        fail_on,
        unchecked: 0,
    };
    let mut out = Vec::new();
    output::write(format, &reports(), options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn human() {
    insta::assert_snapshot!(render(Format::Human));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(Format::Json));
}

#[test]
fn sarif() {
    let text = render(Format::Sarif);
    insta::assert_snapshot!(text);
}

#[test]
fn github_annotations() {
    insta::assert_snapshot!(render(Format::Github));
}

#[test]
fn junit() {
    insta::assert_snapshot!(render(Format::Junit));
}

#[test]
fn gitlab() {
    insta::assert_snapshot!(render(Format::Gitlab));
}

#[test]
fn rdjson() {
    insta::assert_snapshot!(render(Format::Rdjson));
}

#[test]
fn github_step_summary_with_links() {
    let rules = rules();
    let options = Options {
        color: false,
        rules: &rules,
        fail_on: planlint::Severity::Error,
        unchecked: 0,
    };
    insta::assert_snapshot!(github::step_summary(
        &reports(),
        options,
        Some("https://github.com/acme/plans/blob/0123abc")
    ));
}

#[test]
fn github_step_summary_without_links() {
    let text = github::step_summary(&reports(), Options::plain(), None);
    assert!(
        text.contains("| plans/spring.plan.yaml:4 | error | `vague-goal` |"),
        "{text}"
    );
    assert!(!text.contains("https://"), "{text}");
    let clean = github::step_summary(&reports()[..1], Options::plain(), None);
    assert_eq!(clean, "## planlint\n\nNo problems in 1 file.\n\n");
}

// ---- SARIF: the structure GitHub code scanning relies on ----

#[test]
fn sarif_results_point_at_their_rules_and_regions_are_valid() {
    let log: Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "planlint");
    assert_eq!(driver["version"], output::TOOL_VERSION);
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|rule| rule["id"].as_str().unwrap()).collect();
    // Every rule that ran, in order, then the unlisted rule a finding named.
    assert_eq!(
        ids,
        [
            "goal-without-owner",
            "missing-budget",
            "missing-sponsor",
            "parse-error",
            "schema",
            "vague-goal",
            "duplicate-goal-id"
        ]
    );
    assert_eq!(rules[0]["name"], "GoalWithoutOwner");
    assert_eq!(rules[4]["id"], "schema");
    assert!(
        rules[4].get("name").is_none(),
        "a name that repeats the id is left out"
    );
    assert_eq!(rules[2]["defaultConfiguration"]["level"], "note");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &location["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key} in {result}");
        }
        assert!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64())
                <= (region["endLine"].as_u64(), region["endColumn"].as_u64())
        );
        let fingerprint = result["partialFingerprints"]["planlint/v1"].as_str().unwrap();
        assert_eq!(fingerprint.len(), 18, "{fingerprint}");
    }
    // The finding at the document root, at 0..0.
    let root = &results[1];
    assert_eq!(root["ruleId"], "missing-sponsor");
    assert_eq!(root["level"], "note");
    let region = &root["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ),
        (&Value::from(1), &Value::from(1), &Value::from(1), &Value::from(1))
    );
    // Characters, not bytes: `  - {id: 品牌, statement: ` is 24 characters, 28 bytes.
    let vague = &results[2]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&vague["startLine"], &vague["startColumn"]),
        (&Value::from(4), &Value::from(25))
    );
    // The related location, and the path as a URI reference.
    assert_eq!(
        results[4]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "plans/q3%2C%20final%3A%20v2.plan.json"
    );
}

// ---- GitHub annotations: escaping and the annotation cap ----

#[test]
fn annotations_escape_messages_and_properties() {
    let text = render(Format::Github);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        7,
        "one line per finding and the summary line:\n{text}"
    );
    assert!(lines[0].starts_with("::error file=plans/q3%2C final%3A v2.plan.json,line=3,col=3,endLine=3,"));
    assert!(
        lines[4].ends_with("::goal id `sales` is used twice: ids must be unique, 100%25 of the time <always> & \"ever\"%0Anote: first defined here (line 5, column 9)"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].contains("::`total` must be a string,%0Anot the number"),
        "{}",
        lines[5]
    );
    // The multi-line finding gets lines only: the runner drops columns when lines differ.
    assert_eq!(
        lines[3],
        "::warning file=plans/spring.plan.yaml,line=5,endLine=7,title=planlint(goal-without-owner)::goal `sales` has no owner"
    );
    assert!(lines[1].starts_with("::notice file=plans/spring.plan.yaml,line=1,col=1,endLine=1,endColumn=1,"));
    assert_eq!(lines[6], "planlint: 3 errors, 2 warnings, 1 info in 3 files");
    assert_eq!(github::escape_data("100%\r\n"), "100%25%0D%0A");
    assert_eq!(github::escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
}

fn many(warnings: usize, errors: usize) -> Vec<FileReport> {
    let source = "x\n".repeat(warnings + errors + 1);
    let mut findings: Vec<Finding> = (0..warnings)
        .map(|i| {
            finding(
                "goal-without-owner",
                Severity::Warning,
                &format!("goal {i} has no owner"),
                &format!("/goals/{i}"),
                Span::new(2 * i, 2 * i + 1),
            )
        })
        .collect();
    findings.extend((0..errors).map(|i| {
        finding(
            "vague-goal",
            Severity::Error,
            "vague",
            &format!("/goals/{i}/statement"),
            Span::new(0, 1),
        )
    }));
    vec![FileReport {
        path: "plans/big.plan.yaml".into(),
        source: Arc::from(source.as_str()),
        findings,
        reread: None,
    }]
}

#[test]
fn the_summary_says_when_github_caps_annotations() {
    let text = github::step_summary(&many(23, 3), Options::plain(), None);
    assert!(
        text.contains("GitHub shows the first 10 of 23 warnings as annotations; all are listed below."),
        "{text}"
    );
    assert!(!text.contains("of 3 errors"), "{text}");
    assert_eq!(
        text.matches("| warning | `goal-without-owner` |").count(),
        23,
        "{text}"
    );
    assert!(text.contains("| `goal-without-owner` | warning | 23 |"), "{text}");

    // At the cap exactly: no note.
    let text = github::step_summary(&many(10, 10), Options::plain(), None);
    assert!(!text.contains("GitHub shows"), "{text}");
}

/// GitHub drops a step summary over 1 MiB whole: the tables stop within
/// the budget, a note says how many findings they list and where the rest
/// are, and the rules that fired still count every finding.
#[test]
fn a_step_summary_stays_under_github_s_limit() {
    let text = github::step_summary(&many(30_000, 3), Options::plain(), None);
    assert!(text.len() <= github::STEP_SUMMARY_BUDGET, "{} bytes", text.len());
    let listed = text.matches("| warning | `goal-without-owner` |").count()
        + text.matches("| error | `vague-goal` |").count();
    assert!(listed > 5_000 && listed < 30_003, "{listed}");
    assert!(
        text.contains(&format!(
            "The tables below list the first {listed} of 30003 findings"
        )),
        "{}",
        &text[..2000]
    );
    assert!(text.contains("all are in this step's log"), "{}", &text[..2000]);
    assert!(!text.contains("all are listed below"), "{}", &text[..2000]);
    assert!(text.contains("| `goal-without-owner` | warning | 30000 |"));
    assert!(text.contains("| `vague-goal` | error | 3 |"));

    // Under the budget nothing is cut.
    let text = github::step_summary(&many(2_000, 3), Options::plain(), None);
    assert!(!text.contains("The tables below list"), "{}", &text[..2000]);
    assert_eq!(text.matches("| warning | `goal-without-owner` |").count(), 2_000);
}

#[test]
fn the_step_summary_is_appended_never_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("summary.md");
    std::fs::write(&file, "# An earlier step\n\n").unwrap();
    let environment = github::Environment {
        step_summary: Some(file.clone()),
        blob_base: None,
    };
    for reports in [&reports()[..], &reports()[..1]] {
        let markdown = github::step_summary(reports, Options::plain(), None);
        environment.append_markdown(&markdown).unwrap();
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# An earlier step\n\n## planlint\n\n**3 errors"),
        "{text}"
    );
    assert!(
        text.ends_with("## planlint\n\nNo problems in 1 file.\n\n"),
        "{text}"
    );
}

// ---- JUnit ----

#[test]
fn junit_escapes_xml_and_counts_files() {
    let text = render_failing_on(Format::Junit, planlint::Severity::Info);
    assert!(text.contains(r#"<testsuite name="planlint" tests="3" failures="2" errors="0" skipped="0">"#));
    assert_eq!(text.matches("<testcase ").count(), 3);
    assert_eq!(text.matches("<failure ").count(), 6);
    assert!(text.contains(
        r#"<testcase name="plans/clean.plan.yaml" classname="planlint" file="plans/clean.plan.yaml"/>"#
    ));
    assert!(
        text.contains("100% of the time &lt;always&gt; &amp; &quot;ever&quot;\">"),
        "{text}"
    );
    assert!(
        text.contains("string,&#10;not the number 300000\u{FFFD}\">"),
        "{text}"
    );
    assert!(!text.contains('\u{7}'));
}

/// A finding below `--fail-on` does not fail its test case: the test
/// report is red exactly when the check is.
#[test]
fn junit_fails_only_at_the_fail_level() {
    let text = render(Format::Junit);
    assert!(text.contains(r#"failures="2""#), "{text}");
    assert!(!text.contains(r#"<failure type="goal-without-owner""#), "{text}");
    assert!(
        text.contains("<system-out>plans/spring.plan.yaml:1:1 info missing-sponsor"),
        "{text}"
    );
    let warnings = render_failing_on(Format::Junit, planlint::Severity::Warning);
    assert!(
        warnings.contains(r#"<failure type="goal-without-owner""#),
        "{warnings}"
    );
    assert!(
        !warnings.contains("warning goal-without-owner goal `sales` has no owner\n"),
        "{warnings}"
    );
}

// ---- Fingerprints survive moved lines (through the real binary) ----

fn planlint() -> Command {
    let mut command = crate::planlint_in_english();
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("NO_COLOR");
    command
}

/// (ruleId, startLine, fingerprint) of every SARIF result, and the GitLab
/// fingerprints, for a plan with this text.
fn fingerprinted(dir: &std::path::Path, text: &str) -> (Vec<(String, u64, String)>, Vec<String>) {
    let plan = dir.join("plan.plan.yaml");
    std::fs::write(&plan, text).unwrap();
    let run = |format: &str| {
        let output = planlint()
            .current_dir(dir)
            .args(["check", "plan.plan.yaml", "--format", format])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice::<Value>(&output.stdout).unwrap()
    };
    let sarif = run("sarif");
    let results = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| {
            (
                result["ruleId"].as_str().unwrap().to_owned(),
                result["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
                result["partialFingerprints"]["planlint/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    let gitlab = run("gitlab")
        .as_array()
        .unwrap()
        .iter()
        .map(|issue| issue["fingerprint"].as_str().unwrap().to_owned())
        .collect();
    (results, gitlab)
}

#[test]
fn fingerprints_do_not_change_when_lines_are_inserted_above() {
    let original = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/vague-goal.plan.yaml"
    ))
    .unwrap();
    let mut moved = String::from("# A comment\n# and another,\n\n# then a blank line above them all\n");
    moved.push_str(&original);
    let dir = tempfile::tempdir().unwrap();
    let (before, gitlab_before) = fingerprinted(dir.path(), &original);
    let (after, gitlab_after) = fingerprinted(dir.path(), &moved);
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for ((rule, line, fingerprint), (rule_after, line_after, fingerprint_after)) in before.iter().zip(&after)
    {
        assert_eq!(rule, rule_after);
        assert_eq!(line + 4, *line_after, "{rule} moved down four lines");
        assert_eq!(
            fingerprint, fingerprint_after,
            "{rule}: the fingerprint must not move with it"
        );
    }
    assert_eq!(gitlab_before, gitlab_after);
    let unique: std::collections::BTreeSet<&String> = gitlab_before.iter().collect();
    assert_eq!(
        unique.len(),
        gitlab_before.len(),
        "GitLab fingerprints are unique"
    );
}

// ---- The CLI in GitHub Actions ----

#[test]
fn github_actions_gets_annotations_and_a_step_summary_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("step-summary.md");
    std::fs::write(&summary, "earlier\n").unwrap();
    let output = planlint()
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_REPOSITORY", "acme/plans")
        .env("GITHUB_SHA", "0123abc")
        .args(["check", "examples/vague-goal.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("::error file=examples/vague-goal.plan.yaml,line="),
        "{stdout}"
    );
    let markdown = std::fs::read_to_string(&summary).unwrap();
    assert!(markdown.starts_with("earlier\n## planlint\n"), "{markdown}");
    assert!(
        markdown.contains("](https://github.com/acme/plans/blob/0123abc/examples/vague-goal.plan.yaml#L"),
        "{markdown}"
    );

    // An explicit --format wins, and only the github format writes the summary.
    std::fs::write(&summary, "").unwrap();
    let output = planlint()
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args([
            "check",
            "examples/vague-goal.plan.yaml",
            "--format",
            "json",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stdout).unwrap().starts_with('{'));
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), "");
}

/// The github format is written a plan at a time: the annotations of
/// several plans and the step summary of the whole run, each plan's
/// findings under its own heading in the order the plans are reported,
/// and a path that could not be checked keeps the summary from saying
/// "no problems".
#[test]
fn github_actions_streams_several_plans_into_one_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("step-summary.md");
    let output = planlint()
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args([
            "check",
            "examples/vague-goal.plan.yaml",
            "examples/cac-exceeds-ltv.plan.yaml",
            "examples/clean.plan.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let first = stdout.find("file=examples/cac-exceeds-ltv.plan.yaml").unwrap();
    let second = stdout.find("file=examples/vague-goal.plan.yaml").unwrap();
    assert!(first < second, "{stdout}");
    assert!(
        stdout.lines().last().unwrap().starts_with("planlint: "),
        "{stdout}"
    );
    let markdown = std::fs::read_to_string(&summary).unwrap();
    let heading = |plan: &str| {
        markdown
            .find(&format!("### `examples/{plan}`"))
            .unwrap_or(usize::MAX)
    };
    assert!(
        heading("cac-exceeds-ltv.plan.yaml") < heading("vague-goal.plan.yaml"),
        "{markdown}"
    );
    assert_eq!(
        heading("clean.plan.yaml"),
        usize::MAX,
        "a clean plan has no table: {markdown}"
    );
    let rules = markdown.find("### Rules that fired").unwrap();
    assert!(markdown[rules..].contains("`vague-goal`"), "{markdown}");
    assert!(markdown[rules..].contains("`cac-exceeds-ltv`"), "{markdown}");

    std::fs::write(&summary, "").unwrap();
    let output = planlint()
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "examples/clean.plan.yaml", "examples/no-such.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let markdown = std::fs::read_to_string(&summary).unwrap();
    for said in [stdout.as_str(), markdown.as_str()] {
        assert!(said.contains("could not be checked"), "{said}");
        assert!(!said.contains("no problems"), "{said}");
    }
}

#[test]
fn every_format_renders_a_clean_run() {
    for format in ["sarif", "github", "junit", "gitlab", "rdjson"] {
        let output = planlint()
            .args(["check", "examples/clean.plan.yaml", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}");
        let text = String::from_utf8(output.stdout).unwrap();
        match format {
            "github" => assert_eq!(text, "planlint: no problems in 1 file\n"),
            "junit" => assert!(text.contains(r#"tests="1" failures="0""#), "{text}"),
            "gitlab" => assert_eq!(text.trim(), "[]"),
            _ => {
                let value: Value = serde_json::from_str(&text).unwrap();
                assert!(value.is_object(), "{format}: {text}");
            }
        }
    }
}
