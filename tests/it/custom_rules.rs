//! Users' own rules end to end: rule packs, CEL, overrides, suppressions,
//! baselines, and clear errors for every kind of bad input.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn planlint(dir: &Path) -> Command {
    let mut command = crate::planlint_in_english();
    command
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .env_remove("NO_COLOR");
    command
}

fn house_rules() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/house-rules"))
}

/// (path, rule, pointer) of every finding.
fn findings(report: &Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for finding in file["findings"].as_array().unwrap() {
            out.push((
                file["path"].as_str().unwrap().to_owned(),
                finding["rule"].as_str().unwrap().to_owned(),
                finding["pointer"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out
}

fn json_check(dir: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let output = planlint(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let report = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code(), report, stderr)
}

fn triple(path: &str, rule: &str, pointer: &str) -> (String, String, String) {
    (path.into(), rule.into(), pointer.into())
}

#[test]
fn the_house_rules_example_end_to_end() {
    let (code, report, stderr) = json_check(house_rules(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        findings(&report),
        vec![
            // The suppressed goal (/goals/1/metric) is gone; the pilot override waives the
            // sponsor and the legal review.
            triple(
                "plans/spring.plan.yaml",
                "acme/approved-metrics",
                "/goals/2/metric"
            ),
            triple("plans/spring.plan.yaml", "acme/channel-cap", "/channels/0/budget"),
        ]
    );
    let message = report["files"][1]["findings"][1]["message"].as_str().unwrap();
    assert_eq!(
        message,
        "channel `WeChat` gets 130,000 CNY, more than 0.4 of the 300,000 budget"
    );
    assert_eq!(
        report["files"][1]["findings"][1]["severity"], "error",
        "the config raised it from warning"
    );

    let tests = planlint(house_rules()).arg("test-rules").output().unwrap();
    assert_eq!(tests.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&tests.stdout).ends_with("3 passed, 0 failed\n"));

    let rules = planlint(house_rules()).arg("rules").output().unwrap();
    assert!(String::from_utf8_lossy(&rules.stdout).contains("acme/channel-cap"));
    let explain = planlint(house_rules())
        .args(["explain", "acme/channel-cap"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&explain.stdout);
    assert!(text.contains("max_share (number, default 0.4, 0 to 1)"), "{text}");
    assert!(text.contains("ACME marketing handbook"), "{text}");
    assert!(
        !text.contains("Docs:"),
        "no dead link into planlint's docs: {text}"
    );
}

/// A scratch repository: a `.planlint.yaml`, rule files, plans.
fn scratch(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

const CAP_RULE: &str = r#"
id: channel-cap
severity: warning
summary: No channel over its cap.
why: House policy.
source: Handbook.
given: $.channels[*]
check:
  field: budget
  function: expr
  options: {expression: "this <= 100"}
message: "channel `{label}` spends {budget}"
help: spend less
examples:
  fails: "channels: [{name: a, budget: 500}]"
  passes: "channels: [{name: a, budget: 50}]"
"#;

fn clean_plan() -> String {
    fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clean.plan.yaml")).unwrap()
}

#[test]
fn overrides_change_severity_per_folder_last_match_wins() {
    // A goal with no number anywhere: judged as a whole, it is vague.
    let vague = clean_plan()
        .replace(
            "statement: Win 550 first-time buyers by the end of July",
            "statement: Grow sales",
        )
        .replace("    baseline: 460\n    target: 550\n", "");
    let dir = scratch(&[
        (
            ".planlint.yaml",
            "overrides:\n  - files: ['drafts/**']\n    rules: {vague-goal: warning}\n  - files: ['drafts/final/**']\n    rules: {vague-goal: error}\n",
        ),
        ("plans/a.plan.yaml", &vague),
        ("drafts/b.plan.yaml", &vague),
        ("drafts/final/c.plan.yaml", &vague),
    ]);
    let (_, report, stderr) = json_check(dir.path(), &[]);
    let severities: Vec<(&str, &str)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            (
                file["path"].as_str().unwrap(),
                file["findings"][0]["severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        severities,
        vec![
            ("drafts/b.plan.yaml", "warning"),
            ("drafts/final/c.plan.yaml", "error"),
            ("plans/a.plan.yaml", "error")
        ],
        "{stderr}"
    );
}

#[test]
fn extends_a_shared_config_file() {
    let dir = scratch(&[
        (
            "shared/base.yaml",
            "extends: strict\nrules: {missing-sponsor: off}\n",
        ),
        (
            ".planlint.yaml",
            "extends: [./shared/base.yaml]\nrules: {too-many-goals: {options: {max: 2}}}\n",
        ),
        (
            "a.plan.yaml",
            &clean_plan().replace("sponsor: Wang Jun, CEO\n", ""),
        ),
    ]);
    let (code, report, stderr) = json_check(dir.path(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    // missing-sponsor is off (base); too-many-goals is an error (strict) with max 2 (own).
    assert_eq!(
        findings(&report),
        vec![triple("a.plan.yaml", "too-many-goals", "/goals")]
    );
    assert_eq!(report["files"][0]["findings"][0]["severity"], "error");
    assert_eq!(
        report["files"][0]["findings"][0]["message"],
        "the plan has 3 goals, more than 2 to focus on"
    );
}

#[test]
fn suppressions_silence_with_a_reason_and_report_their_mistakes() {
    let plan = clean_plan()
        .replace(
            "  - id: new-customers\n    statement: Win 550 first-time buyers by the end of July\n",
            "  # planlint-disable-next-line vague-goal -- the CEO's wording, agreed in the kickoff\n  - id: new-customers\n    # planlint-disable-next-line vague-goal -- the CEO's wording, agreed in the kickoff\n    statement: Grow sales\n",
        )
        .replace("    baseline: 460\n    target: 550\n", "")
        .replace(
            "sponsor: Wang Jun, CEO\n",
            "# planlint-disable-file missing-sponsor\n# planlint-disable-next-line vauge-goal\n# planlint-disable-next-line missing-deadline -- nothing to hide here\nname2: x\n",
        )
        .replace("name2: x\n", "");
    let dir = scratch(&[("a.plan.yaml", &plan)]);
    let (code, report, stderr) = json_check(dir.path(), &[]);
    assert_eq!(code, Some(0), "warnings only: {stderr}");
    let found = findings(&report);
    assert_eq!(
        found,
        vec![
            triple("a.plan.yaml", "invalid-suppression", ""),
            triple("a.plan.yaml", "unused-suppression", "")
        ],
    );
    let invalid = &report["files"][0]["findings"][0];
    assert_eq!(
        invalid["message"],
        "`vauge-goal` is not a rule id, so nothing is suppressed"
    );
    assert_eq!(invalid["help"], "did you mean `vague-goal`?");
    let unused = &report["files"][0]["findings"][1];
    assert_eq!(
        unused["message"],
        "`missing-deadline` reports nothing on the next line: this suppression is unused"
    );
    let text = fs::read_to_string(dir.path().join("a.plan.yaml")).unwrap();
    let start = unused["start"]["offset"].as_u64().unwrap() as usize;
    let end = unused["end"]["offset"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "missing-deadline");
}

#[test]
fn a_baseline_survives_edits_that_move_lines_and_shows_only_new_findings() {
    let broken = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/vague-goal.plan.yaml"
    ))
    .unwrap();
    let dir = scratch(&[("a.plan.yaml", &broken)]);
    let write = planlint(dir.path())
        .args(["check", "--write-baseline", "baseline.json"])
        .output()
        .unwrap();
    assert_eq!(write.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&write.stderr).contains("Recorded 2 findings in baseline.json"));

    // Unrelated edit: three lines inserted at the top move every finding down.
    fs::write(
        dir.path().join("a.plan.yaml"),
        format!("# moved\n# down\n# three lines\n{broken}"),
    )
    .unwrap();
    let (code, report, _) = json_check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, Some(0));
    assert_eq!(findings(&report), vec![]);

    // A new problem is reported; the recorded ones stay hidden.
    let worse = broken.replacen("    deadline: 2026-06-30\n", "", 1);
    fs::write(dir.path().join("a.plan.yaml"), worse).unwrap();
    let (code, report, _) = json_check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, Some(1));
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "missing-deadline");

    let bad = planlint(dir.path())
        .args(["check", "--baseline", "nope.json"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// Runs `check` in a scratch repo and returns stderr, asserting exit 2.
fn tool_error(files: &[(&str, &str)]) -> String {
    let mut all = vec![("a.plan.yaml", "version: 1\nname: x\n")];
    all.extend_from_slice(files);
    let dir = scratch(&all);
    let output = planlint(dir.path())
        .args(["check", "--color", "never"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    stderr
}

fn pack_with(rule: &str) -> String {
    tool_error(&[(".planlint.yaml", "rule_packs: [acme]\n"), ("acme/r.yaml", rule)])
}

#[test]
fn bad_user_rules_are_clear_errors_pointing_into_the_file() {
    let jsonpath = pack_with(&CAP_RULE.replace("given: $.channels[*]", "given: $.channels[*"));
    assert!(jsonpath.contains("invalid JSONPath `$.channels[*`"), "{jsonpath}");
    assert!(jsonpath.contains("acme/r.yaml:7:8"), "{jsonpath}");

    let regex = pack_with(&CAP_RULE.replace(
        "  function: expr\n  options: {expression: \"this <= 100\"}",
        "  function: pattern\n  options: {match: \"([a-z\"}",
    ));
    assert!(regex.contains("invalid regex in `match`"), "{regex}");
    assert!(regex.contains("acme/r.yaml:11:"), "{regex}");

    let cel = pack_with(&CAP_RULE.replace("this <= 100", "this <= "));
    assert!(cel.contains("invalid CEL expression `this <= `"), "{cel}");

    let function = pack_with(&CAP_RULE.replace("function: expr", "function: exprr"));
    assert!(function.contains("`check.function` must be one of"), "{function}");
    assert!(function.contains("did you mean `expr`?"), "{function}");
    assert!(function.contains("acme/r.yaml:10:"), "{function}");

    let unknown_key = pack_with(&CAP_RULE.replace("help: spend less", "hlep: spend less"));
    assert!(unknown_key.contains("unknown field `hlep`"), "{unknown_key}");
    assert!(unknown_key.contains("did you mean `help`?"), "{unknown_key}");

    let bad_yaml = pack_with("id: [\n");
    assert!(bad_yaml.contains("acme/r.yaml"), "{bad_yaml}");
}

#[test]
fn bad_packs_and_options_in_config_are_clear_errors() {
    let missing = tool_error(&[(".planlint.yaml", "rule_packs: [nowhere/]\n")]);
    assert!(missing.contains("no such rule file or folder"), "{missing}");
    assert!(missing.contains(".planlint.yaml:1:14"), "{missing}");

    let option = tool_error(&[
        (
            ".planlint.yaml",
            "rule_packs: [acme]\nrules:\n  acme/channel-cap: {options: {cap: high}}\n",
        ),
        (
            "acme/channel-cap.yaml",
            &CAP_RULE.replace(
                "examples:",
                "options:\n  cap: {type: number, default: 100, description: The cap.}\nexamples:",
            ),
        ),
    ]);
    assert!(
        option.contains("option `cap` of `acme/channel-cap` must be a number"),
        "{option}"
    );

    let unknown = tool_error(&[
        (
            ".planlint.yaml",
            "rule_packs: [acme]\nrules: {acme/chanel-cap: off}\n",
        ),
        ("acme/channel-cap.yaml", CAP_RULE),
    ]);
    assert!(unknown.contains("unknown rule id `acme/chanel-cap`"), "{unknown}");
    assert!(unknown.contains("did you mean `acme/channel-cap`?"), "{unknown}");

    let cycle = tool_error(&[
        (".planlint.yaml", "extends: [./other.yaml]\n"),
        ("other.yaml", "extends: [./.planlint.yaml]\n"),
    ]);
    assert!(cycle.contains("extends itself"), "{cycle}");
}

#[test]
fn the_custom_rules_guide_examples_run() {
    let guide = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/custom-rules.md")).unwrap();
    let mut tested = 0;
    for block in guide.split("```yaml\n").skip(1) {
        let body = block.split("```").next().unwrap();
        let Some(first_line) = body.lines().next() else {
            continue;
        };
        let Some(file) = first_line.strip_prefix("# rule file: ") else {
            continue;
        };
        // `# rule file: NAME (what it shows)`
        let file = file.split_whitespace().next().unwrap_or(file);
        let dir = scratch(&[
            (".planlint.yaml", "rule_packs: [house]\n"),
            (&format!("house/{file}"), body),
        ]);
        let output = planlint(dir.path()).arg("test-rules").output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{file}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        tested += 1;
    }
    assert!(tested >= 4, "the guide's rule examples were found ({tested})");
}

/// Runs `args` in `dir` and returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = planlint(dir).args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A new user's first pack, as written from the first lines of the guide:
/// no documentation fields, an integer compared with a decimal share,
/// integer arithmetic, a file at the repository root naming its pack, and a
/// suppression by the pack's id.
#[test]
fn a_first_pack_fires_exactly_where_it_should() {
    let pack = r#"
pack: acme
rules:
  - id: channel-cap
    given: $.channels[*]
    check: {field: budget, function: expr, options: {expression: "this <= plan.budget.total * 0.4"}}
    message: "channel `{label}` takes more than 40% of the budget"
  - id: round-budget
    given: $.channels[*]
    check: {field: budget, function: expr, options: {expression: "this * 10 <= plan.budget.total * 4 && this % 1000 == 0"}}
    message: "channel `{label}` is over its cap or not in whole thousands"
"#;
    let plan = "version: 1\nname: x\nbudget: {total: 100000}\nchannels:\n  - {name: WeChat, budget: 60000}\n  - {name: Weibo, budget: 40000}\n  # planlint-disable-next-line acme/round-budget -- agreed with finance\n  - {name: Email, budget: 500}\n";
    let dir = scratch(&[
        (
            ".planlint.yaml",
            "rule_packs: [house-rules.yaml]\nrules: {missing-goals: off, missing-budget: off}\n",
        ),
        ("house-rules.yaml", pack),
        ("a.plan.yaml", plan),
    ]);
    let (code, report, stderr) = json_check(dir.path(), &[]);
    let pack_findings: Vec<_> = findings(&report)
        .into_iter()
        .filter(|(_, rule, _)| rule.starts_with("acme/") || rule == "rule-error")
        .collect();
    assert_eq!(
        pack_findings,
        vec![
            triple("a.plan.yaml", "acme/channel-cap", "/channels/0/budget"),
            triple("a.plan.yaml", "acme/round-budget", "/channels/0/budget"),
        ],
        "{stderr}"
    );
    assert_ne!(code, Some(2), "no rule error: {stderr}");
    assert!(report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["rule"].as_str().unwrap_or_default().starts_with("acme/"))
        .all(|finding| finding["severity"] == "warning"));
}

#[test]
fn a_rule_that_cannot_be_evaluated_is_named_with_cels_reason() {
    let rule = "id: cap\ngiven: $.channels[*]\ncheck: {field: budget, function: expr, options: {expression: \"this <= plan.budget.totl\"}}\nmessage: too much\nexamples:\n  fails: \"budget: {total: 10}\\nchannels: [{name: a, budget: 50}]\"\n";
    let dir = scratch(&[
        (".planlint.yaml", "rule_packs: [acme]\n"),
        ("acme/cap.yaml", rule),
        (
            "a.plan.yaml",
            "version: 1\nname: x\nbudget: {total: 10}\nchannels: [{name: a, budget: 5}]\n",
        ),
    ]);
    let (code, report, stderr) = json_check(dir.path(), &[]);
    assert_eq!(
        code,
        Some(2),
        "a rule error fails the run like a broken config: {stderr}"
    );
    let error = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["rule"] == "rule-error")
        .expect("rule-error is reported")
        .clone();
    assert_eq!(error["pointer"], "/channels/0/budget");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("`acme/cap` (acme/cap.yaml:3)"), "{message}");
    assert!(message.contains("totl"), "CEL's own reason: {message}");

    let (code, stdout, _) = run(dir.path(), &["test-rules"]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("the failing example cannot be evaluated at `/channels/0/budget`"),
        "{stdout}"
    );
    assert!(stdout.contains("totl"), "{stdout}");
}

#[test]
fn test_rules_says_why_an_example_does_not_fire() {
    let rule = |given: &str, message: &str| {
        let id = given.len() + message.len();
        format!("id: r{id}\ngiven: {given}\ncheck: {{field: owner, function: defined}}\nmessage: \"{message}\"\nexamples:\n  fails: [\"channels: [{{name: a}}]\", \"channels: [{{name: b}}]\"]\n  passes: \"channels: [{{name: a, owner: Li}}]\"\n")
    };
    let dir = scratch(&[
        (".planlint.yaml", "rule_packs: [acme]\n"),
        ("acme/typo.yaml", &rule("$.chanels[*]", "no owner")),
        ("acme/good.yaml", &rule("$.channels[*]", "{label} has no owner")),
        (
            "acme/ltv.yaml",
            &rule("$.channels[*]", "{label} has no owner ({unit_economics.ltv})"),
        ),
        (
            "acme/bare.yaml",
            "id: bare\ngiven: $\ncheck: {function: defined, field: name}\nmessage: no name\n",
        ),
    ]);
    let (code, stdout, stderr) = run(dir.path(), &["test-rules"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.contains("ok      acme/r33\n"), "{stdout}");
    assert!(
        stdout.contains("failing example 2 does not make the rule fire: `given` selects nothing"),
        "{stdout}"
    );
    assert!(
        stdout.contains("write `{metrics.unit_economics.ltv}`"),
        "{stdout}"
    );
    assert!(stdout.contains("without examples: acme/bare"), "{stdout}");
}

#[test]
fn every_problem_in_a_rule_file_is_reported_at_once() {
    let pack = "pack: acme\nrules:\n  - id: one\n    given: $.goals[*\n    check: {function: defined}\n    message: x\n  - id: two\n    check: {function: defined}\n    message: y\n  - id: three\n    given: $\n    check: {function: expr, options: {expression: \"this <\"}}\n    message: z\n  - id: four\n    given: $\n    chek: {function: defined}\n    message: w\n";
    let stderr = tool_error(&[
        (".planlint.yaml", "rule_packs: [rules.yaml]\n"),
        ("rules.yaml", pack),
    ]);
    assert!(stderr.contains("invalid JSONPath"), "{stderr}");
    assert!(stderr.contains("rules.yaml:4:"), "{stderr}");
    assert!(stderr.contains("has no `given`"), "{stderr}");
    assert!(stderr.contains("invalid CEL expression"), "{stderr}");
    assert!(stderr.contains("unknown field `chek`"), "{stderr}");
}

#[test]
fn pack_names_never_depend_on_the_checkout_directory() {
    let rule = "id: r\ngiven: $\ncheck: {field: x-owner, function: defined}\nmessage: no owner\n";
    // A file at the root names its pack, in the file or in the config.
    let unnamed = tool_error(&[(".planlint.yaml", "rule_packs: [r.yaml]\n"), ("r.yaml", rule)]);
    assert!(unnamed.contains("this rule file has no pack name"), "{unnamed}");
    for (config, file) in [
        ("rule_packs: [{path: r.yaml, pack: acme}]\n", rule.to_owned()),
        ("rule_packs: [r.yaml]\n", format!("pack: acme\n{rule}")),
        ("rule_packs: [rules/acme]\n", rule.to_owned()),
    ] {
        let path = if config.contains("rules/acme") {
            "rules/acme/r.yaml"
        } else {
            "r.yaml"
        };
        let dir = scratch(&[(".planlint.yaml", config), (path, &file)]);
        let (_, stdout, stderr) = run(dir.path(), &["rules"]);
        assert!(stdout.contains("acme/r "), "{config}: {stdout}{stderr}");
    }
    // A pack's `docs_url` is what explain links to; without one, no link.
    let dir = scratch(&[
        (".planlint.yaml", "rule_packs: [r.yaml]\n"),
        (
            "r.yaml",
            &format!(
                "pack: acme\ndocs_url: https://wiki.example/acme\nrules:\n  - {}",
                rule.trim_end().replace('\n', "\n    ")
            ),
        ),
    ]);
    let (_, stdout, stderr) = run(dir.path(), &["explain", "acme/r"]);
    assert!(
        stdout.contains("Docs: https://wiki.example/acme"),
        "{stdout}{stderr}"
    );
    assert!(stdout.contains("Why\n  not given"), "{stdout}");
}

#[test]
fn options_outside_their_range_are_refused_where_the_config_sets_them() {
    let rule = CAP_RULE.replace(
        "examples:",
        "options:\n  max_share: {type: number, default: 0.4, minimum: 0, maximum: 1}\nexamples:",
    );
    let stderr = tool_error(&[
        (
            ".planlint.yaml",
            "rule_packs: [acme]\nrules:\n  acme/channel-cap: {options: {max_share: 40}}\n",
        ),
        ("acme/channel-cap.yaml", &rule),
    ]);
    assert!(
        stderr.contains("option `max_share` of `acme/channel-cap` must be at most 1, not 40"),
        "{stderr}"
    );
    assert!(stderr.contains(".planlint.yaml:3:"), "{stderr}");
}

/// Rules from a pull request that would overflow the stack, run for minutes
/// or fill the memory: each ends fast with a message naming the rule.
#[test]
fn hostile_rules_end_quickly_with_a_clear_message() {
    let goals: String = (0..1000)
        .map(|i| format!("  - {{id: g{i}, statement: Sell {i} rings, target: {i}}}\n"))
        .collect();
    let plan = format!("version: 1\nname: x\ngoals:\n{goals}");
    let expression_rule = |expression: &str| {
        format!("id: r\ngiven: $\ncheck: {{function: expr, options: {{expression: \"{expression}\"}}}}\nmessage: no\n")
    };
    let long_sum = vec!["this.version"; 10_000].join(" + ") + " > 0";
    let deep_path = format!("$[?{}@.a{}]", "(".repeat(5000), ")".repeat(5000));
    let cases = [
        (expression_rule(&long_sum), "bytes long, over the limit of"),
        (
            expression_rule(&(vec!["a"; 400].join("+") + ">0")),
            "operators, over the limit of",
        ),
        (
            format!("id: r\ngiven: \"{deep_path}\"\ncheck: {{function: defined}}\nmessage: no\n"),
            "over the limit",
        ),
        (
            expression_rule(
                "plan.goals.all(a, plan.goals.all(b, plan.goals.all(c, a.target + b.target >= c.target)))",
            ),
            "the expression would take about",
        ),
        (
            expression_rule("size(plan.goals.map(a, plan.goals.map(b, plan.goals.map(c, c)))) > 0"),
            "the expression would take about",
        ),
    ];
    for (rule, expected) in cases {
        let dir = scratch(&[
            (".planlint.yaml", "rule_packs: [acme]\n"),
            ("acme/r.yaml", &rule),
            ("a.plan.yaml", &plan),
        ]);
        let started = std::time::Instant::now();
        let (code, stdout, stderr) = run(dir.path(), &["check", "--format", "json"]);
        let took = started.elapsed();
        assert_eq!(code, Some(2), "{expected}: {stderr}");
        assert!(
            stdout.contains(expected) || stderr.contains(expected),
            "{expected}: {stdout}{stderr}"
        );
        assert!(
            stdout.contains("acme/r") || stderr.contains("acme/r.yaml"),
            "names the rule: {stdout}{stderr}"
        );
        assert!(
            took < std::time::Duration::from_secs(2),
            "{expected}: took {took:?}"
        );
    }
}
