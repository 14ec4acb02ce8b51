//! Real invocations of the `planlint` binary: exit codes, stdin, --output,
//! config errors, init, explain.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn planlint() -> Command {
    let mut command = crate::planlint_in_english();
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_ACTIONS");
    command
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const CLEAN: &str = "examples/clean.plan.yaml";

#[test]
fn a_clean_plan_exits_zero() {
    let output = planlint()
        .args(["check", CLEAN, "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "No problems in 1 file.\n");
}

#[test]
fn findings_exit_one_and_every_seed_rule_fires_on_the_examples() {
    let output = planlint()
        .args(["check", "examples/", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for rule in [
        "undefined-target-customer",
        "vague-goal",
        "missing-deadline",
        "cac-exceeds-ltv",
        "weak-positioning",
    ] {
        assert!(
            text.contains(&format!("error[{rule}]")),
            "{rule} did not fire:\n{text}"
        );
    }
    assert!(text.trim_end().ends_with("in 10 files"), "{text}");
}

#[test]
fn a_missing_path_is_a_tool_error_but_other_files_are_still_checked() {
    let output = planlint()
        .args(["check", "no/such.plan.yaml", CLEAN])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read no/such.plan.yaml: no such file or directory"),
        "{}",
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(!text.contains("No problems"), "{text}");
    assert!(
        text.contains("1 file checked without findings; 1 path could not be checked (see below)."),
        "{text}"
    );
}

#[test]
fn a_file_that_does_not_parse_is_a_finding_and_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.plan.yaml");
    fs::write(&broken, "version: 1\nname: [unclosed\n").unwrap();
    fs::copy(CLEAN, dir.path().join("good.plan.yaml")).unwrap();
    let output = planlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "the good file is still reported");
    assert_eq!(files[0]["path"], "broken.plan.yaml");
    assert_eq!(files[0]["findings"][0]["rule"], "parse-error");
    assert_eq!(files[1]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn stdin_with_a_filename() {
    let plan = fs::read_to_string("examples/missing-deadline.plan.yaml").unwrap();
    let output = planlint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "plans/spring.plan.yaml",
            "--color",
            "never",
        ])
        .write_stdin(plan)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("plans/spring.plan.yaml"), "{text}");
    assert!(text.contains("error[missing-deadline]"), "{text}");

    let clean = fs::read_to_string(CLEAN).unwrap();
    let output = planlint()
        .args(["check", "-"])
        .write_stdin(clean)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn output_goes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let output = planlint()
        .args([
            "check",
            "examples/vague-goal.plan.yaml",
            "--format",
            "json",
            "--output",
        ])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["files"][0]["findings"][0]["rule"], "vague-goal");
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn fail_on_and_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(".planlint.yaml"),
        "rules:\n  missing-deadline: warning\n",
    )
    .unwrap();
    let plan = dir.path().join("a.plan.yaml");
    fs::copy("examples/missing-deadline.plan.yaml", &plan).unwrap();
    let run = |extra: &[&str]| {
        planlint()
            .current_dir(dir.path())
            .args(["check", "a.plan.yaml"])
            .args(extra)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run(&[]), Some(0), "a warning does not fail by default");
    assert_eq!(run(&["--fail-on", "warning"]), Some(1));
    assert_eq!(run(&["--fail-on", "info"]), Some(1));
    assert_eq!(run(&["--fail-on", "warning", "--exit-zero"]), Some(0));
}

fn config_error(config: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".planlint.yaml"), config).unwrap();
    fs::copy(CLEAN, dir.path().join("a.plan.yaml")).unwrap();
    let output = planlint()
        .current_dir(dir.path())
        .args(["check", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    stderr(&output)
}

#[test]
fn config_errors_point_into_the_config_file() {
    let unknown_key = config_error("rules: {}\nincldue: [x]\n");
    assert!(
        unknown_key.contains("unknown field `incldue` in the config")
            && unknown_key.contains("did you mean `include`?"),
        "{unknown_key}"
    );
    assert!(unknown_key.contains(".planlint.yaml:2:1"), "{unknown_key}");

    let unknown_rule = config_error("rules:\n  vauge-goal: off\n");
    assert!(
        unknown_rule.contains("unknown rule id `vauge-goal`"),
        "{unknown_rule}"
    );
    assert!(
        unknown_rule.contains("did you mean `vague-goal`?"),
        "{unknown_rule}"
    );
    assert!(unknown_rule.contains(".planlint.yaml:2:3"), "{unknown_rule}");

    let bad_option = config_error("rules:\n  vague-goal:\n    options: {extra_phrases: 3}\n");
    assert!(
        bad_option.contains("option `extra_phrases` of `vague-goal` must be a list of texts"),
        "{bad_option}"
    );

    let unknown_option = config_error("rules:\n  vague-goal: {options: {phrasess: []}}\n");
    assert!(
        unknown_option.contains("unknown option `phrasess`"),
        "{unknown_option}"
    );

    let bad_severity = config_error("rules:\n  vague-goal: loud\n");
    assert!(
        bad_severity
            .contains(r#"`rules.vague-goal` must be one of "off", "info", "warning", "error", found "loud""#),
        "{bad_severity}"
    );

    let bad_yaml = config_error("rules: [\n");
    assert!(bad_yaml.contains(".planlint.yaml"), "{bad_yaml}");
}

#[test]
fn config_turns_rules_off_and_extends_options() {
    let dir = tempfile::tempdir().unwrap();
    // A goal with no number anywhere: always "no numeric target"; its
    // statement is vague only by the team's own phrase.
    let plan = fs::read_to_string(CLEAN)
        .unwrap()
        .replace(
            "statement: Win 550 first-time buyers by the end of July",
            "statement: Delight customers",
        )
        .replace("    baseline: 460\n    target: 550\n", "");
    fs::write(dir.path().join("a.plan.yaml"), plan).unwrap();
    let vague_goal_pointers = || {
        let output = planlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|finding| finding["rule"] == "vague-goal")
            .map(|finding| finding["pointer"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        vague_goal_pointers(),
        ["/goals/1"],
        "not vague by the built-in list"
    );

    fs::write(
        dir.path().join(".planlint.yaml"),
        "rules:\n  vague-goal:\n    options: {extra_phrases: [delight customers]}\n",
    )
    .unwrap();
    assert_eq!(vague_goal_pointers(), ["/goals/1", "/goals/1/statement"]);
    let run = || {
        planlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .output()
            .unwrap()
    };

    fs::write(dir.path().join(".planlint.yaml"), "rules:\n  vague-goal: off\n").unwrap();
    fs::write(
        dir.path().join("b.plan.yaml"),
        fs::read_to_string("examples/vague-goal.plan.yaml").unwrap(),
    )
    .unwrap();
    assert_eq!(run().status.code(), Some(0));
}

#[test]
fn explicit_config_and_include_exclude() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("plans/archive")).unwrap();
    fs::copy(
        "examples/vague-goal.plan.yaml",
        dir.path().join("plans/archive/old.plan.yaml"),
    )
    .unwrap();
    fs::copy(CLEAN, dir.path().join("plans/new.plan.yaml")).unwrap();
    fs::write(dir.path().join("lint.yaml"), "exclude: ['plans/archive/**']\n").unwrap();
    let output = planlint()
        .current_dir(dir.path())
        .args(["check", "plans", "--config", "lint.yaml", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "No problems in 1 file.\n");
}

#[test]
fn rules_lists_every_rule() {
    let output = planlint().arg("rules").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for rule in [
        "undefined-target-customer",
        "vague-goal",
        "missing-deadline",
        "cac-exceeds-ltv",
        "weak-positioning",
    ] {
        assert!(
            text.lines()
                .any(|line| line.starts_with(rule) && line.contains("error")),
            "{rule}:\n{text}"
        );
    }
}

#[test]
fn explain_shows_why_options_and_examples() {
    let output = planlint().args(["explain", "vague-goal"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for part in [
        "vague-goal (error by default)",
        "Why",
        "Source",
        "Doran",
        "extra_phrases (list of strings, default [])",
        "Fails",
        "Passes",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }

    let unknown = planlint().args(["explain", "vague-goals"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown rule id `vague-goals`"));
    assert!(stderr(&unknown).contains("did you mean `vague-goal`?"));
}

#[test]
fn init_writes_a_clean_plan_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let output = planlint()
        .current_dir(dir.path())
        .args(["init", "spring.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(Path::new(&dir.path().join("spring.plan.yaml")).is_file());

    let check = planlint()
        .current_dir(dir.path())
        .args(["check", "spring.plan.yaml", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    fs::write(dir.path().join("spring.plan.yaml"), "mine").unwrap();
    let again = planlint()
        .current_dir(dir.path())
        .args(["init", "spring.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(
        fs::read_to_string(dir.path().join("spring.plan.yaml")).unwrap(),
        "mine"
    );
}

/// `init --lang zh` writes the plan commented in Chinese, and it passes
/// clean; `lang: zh` in the config and `LANG=zh_CN.UTF-8` choose it too.
#[test]
fn init_in_chinese_writes_a_clean_chinese_commented_plan() {
    let dir = tempfile::tempdir().unwrap();
    let output = planlint()
        .current_dir(dir.path())
        .args(["init", "--lang", "zh", "spring.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = fs::read_to_string(dir.path().join("spring.plan.yaml")).unwrap();
    assert!(
        written.contains("# 目标客户") || written.contains("目标客户"),
        "{written}"
    );
    assert_eq!(written, include_str!("../../src/cli/init.zh.plan.yaml"));
    let check = planlint()
        .current_dir(dir.path())
        .args(["check", "spring.plan.yaml", "--color", "never", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    fs::write(dir.path().join(".planlint.yaml"), "lang: zh\n").unwrap();
    let by_config = planlint()
        .current_dir(dir.path())
        .args(["init", "autumn.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(by_config.status.code(), Some(0), "{}", stderr(&by_config));
    assert_eq!(
        fs::read_to_string(dir.path().join("autumn.plan.yaml")).unwrap(),
        written
    );
    fs::remove_file(dir.path().join(".planlint.yaml")).unwrap();

    let by_environment = planlint()
        .current_dir(dir.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["init", "winter.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(
        by_environment.status.code(),
        Some(0),
        "{}",
        stderr(&by_environment)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("winter.plan.yaml")).unwrap(),
        written
    );

    let unknown = planlint().args(["check", "--lang", "fr", "."]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("planlint speaks `en`"),
        "{}",
        stderr(&unknown)
    );
}

/// No modeline by default (the YAML extension and planlint's server would
/// both report schema problems); `--schema-modeline` asks for one.
#[test]
fn init_writes_the_schema_modeline_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let plain = planlint()
        .current_dir(dir.path())
        .args(["init", "plain.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let text = fs::read_to_string(dir.path().join("plain.plan.yaml")).unwrap();
    assert!(!text.contains("yaml-language-server"), "{text}");

    let asked = planlint()
        .current_dir(dir.path())
        .args(["init", "--schema-modeline", "modeline.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(asked.status.code(), Some(0), "{}", stderr(&asked));
    let text = fs::read_to_string(dir.path().join("modeline.plan.yaml")).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("# yaml-language-server: $schema=https://")
            && first.ends_with("/schemas/plan.schema.json"),
        "{first}"
    );
    let check = planlint()
        .current_dir(dir.path())
        .args(["check", "modeline.plan.yaml", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn bad_flags_exit_two() {
    let output = planlint().args(["check", "--format", "xml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = planlint().args(["check", "--fail-on", "never"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let always = planlint()
        .args(["check", "examples/vague-goal.plan.yaml", "--color", "always"])
        .output()
        .unwrap();
    assert!(stdout(&always).contains('\u{1b}'));
    let never = planlint()
        .args(["check", "examples/vague-goal.plan.yaml", "--color", "never"])
        .output()
        .unwrap();
    assert!(!stdout(&never).contains('\u{1b}'));
    let auto = planlint()
        .args(["check", "examples/vague-goal.plan.yaml"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&auto).contains('\u{1b}'));
}

#[test]
fn metrics_of_the_clean_plan_match_the_hand_computed_numbers() {
    // By hand: LTV = 3200 x 0.45 x 0.5 x 3 = 2160; LTV/CAC = 2160 / 480 = 4.5;
    // monthly margin = 3200 x 0.45 x 0.5 / 12 = 60; payback = 480 / 60 = 8 months;
    // channels 60k+40k+30k+20k+5k = 155,000, items 110,000, planned 265,000 of 300,000.
    // WeChat tiers: 20000/50 = 400, 20000/40 = 500, 20000/30 = 666.67; test 6400/2000 = 3.2.
    let output = planlint()
        .args(["metrics", CLEAN, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let metrics = &report["metrics"];
    let number = |pointer: &str| metrics.pointer(pointer).and_then(|v| v.as_f64()).unwrap();
    assert_eq!(report["currency"], "CNY");
    assert_eq!(number("/unit_economics/ltv"), 2160.0);
    assert_eq!(number("/unit_economics/ltv_cac_ratio"), 4.5);
    assert_eq!(number("/unit_economics/monthly_margin_per_customer"), 60.0);
    assert_eq!(number("/unit_economics/payback_months"), 8.0);
    assert_eq!(number("/budget/channels"), 155000.0);
    assert_eq!(number("/budget/items"), 110000.0);
    assert_eq!(number("/budget/planned"), 265000.0);
    assert_eq!(number("/budget/remaining"), 35000.0);
    assert_eq!(metrics["channels"][0]["name"], "WeChat");
    assert_eq!(number("/channels/0/test_return"), 3.2);
    assert_eq!(number("/channels/0/tiers/0/marginal_cac"), 400.0);
    assert_eq!(number("/channels/0/tiers/1/marginal_cac"), 500.0);
    assert!((number("/channels/0/tiers/2/marginal_cac") - 2000.0 / 3.0).abs() < 1e-9);

    let table = planlint().args(["metrics", CLEAN]).output().unwrap();
    let text = stdout(&table);
    assert!(
        text.contains("LTV                             2,160 CNY"),
        "{text}"
    );
    assert!(
        text.contains("CAC payback                      8 months"),
        "{text}"
    );
    assert!(
        text.contains("0-20,000: 400, 20,000-40,000: 500, 40,000-60,000: 667"),
        "{text}"
    );
}

#[test]
fn metrics_of_a_broken_file_is_a_tool_error() {
    let output = planlint()
        .arg("metrics")
        .arg("-")
        .write_stdin("a: [")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("<stdin>"), "{}", stderr(&output));
}

#[test]
fn the_strict_preset_turns_warnings_into_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "examples/scaling-channels.plan.yaml",
        dir.path().join("a.plan.yaml"),
    )
    .unwrap();
    let run = || {
        let output = planlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        (output.status.code(), report["summary"].clone())
    };
    let (code, summary) = run();
    assert_eq!(code, Some(0));
    assert_eq!(
        (summary["errors"].as_u64(), summary["warnings"].as_u64()),
        (Some(0), Some(3))
    );

    fs::write(dir.path().join(".planlint.yaml"), "extends: strict\n").unwrap();
    let (code, summary) = run();
    assert_eq!(code, Some(1));
    assert_eq!(
        (summary["errors"].as_u64(), summary["warnings"].as_u64()),
        (Some(3), Some(0))
    );

    fs::write(
        dir.path().join(".planlint.yaml"),
        "extends: strict\nrules:\n  untested-channel: warning\n",
    )
    .unwrap();
    let (_, summary) = run();
    assert_eq!(
        (summary["errors"].as_u64(), summary["warnings"].as_u64()),
        (Some(2), Some(1))
    );

    let bad = config_error("extends: lenient\n");
    assert!(
        bad.contains(r#"`extends` must be one of "recommended", "strict", found "lenient""#),
        "{bad}"
    );
    assert!(bad.contains("presets: recommended, strict"), "{bad}");
}

#[test]
fn rules_as_markdown_is_the_docs_page() {
    let output = planlint()
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), fs::read_to_string("docs/rules.md").unwrap());
    let json = planlint().args(["rules", "--format", "json"]).output().unwrap();
    let list: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let too_many = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "too-many-goals")
        .unwrap();
    assert_eq!(too_many["options"]["max"], 5);
}

#[test]
#[cfg(unix)]
fn devices_users_point_planlint_at_are_refused_unread() {
    let output = planlint().args(["metrics", "/dev/zero"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("plan /dev/zero is not a regular file (a device, FIFO or socket): not read"),
        "{}",
        stderr(&output)
    );
}

/// Meta-rules are catalog entries: explained, listed, and configured like
/// rules (`parse-error` excepted, with a message saying why).
#[test]
fn meta_rules_are_explained_listed_and_configurable() {
    for id in [
        "parse-error",
        "schema",
        "invalid-suppression",
        "unused-suppression",
    ] {
        let output = planlint().args(["explain", id]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "explain {id}: {}", stderr(&output));
        let text = stdout(&output);
        for part in ["by default)", "Why", "Source", "Fails", "Passes", "Docs: "] {
            assert!(text.contains(part), "explain {id}: missing {part:?} in:\n{text}");
        }
    }
    let parse_error = stdout(&planlint().args(["explain", "parse-error"]).output().unwrap());
    assert!(parse_error.contains("cannot be switched off"), "{parse_error}");

    let listed = planlint().args(["rules", "--format", "json"]).output().unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let metas: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .filter(|rule| rule["kind"] == "meta")
        .filter_map(|rule| rule["id"].as_str())
        .collect();
    assert_eq!(
        metas,
        [
            "invalid-suppression",
            "non-canonical-value",
            "parse-error",
            "rule-error",
            "schema",
            "unused-suppression"
        ]
    );

    // `unused-suppression: off` is accepted and honoured.
    let dir = tempfile::tempdir().unwrap();
    let plan = fs::read_to_string(CLEAN).unwrap()
        + "# planlint-disable-next-line missing-goals -- silences nothing\nx-note: added\n";
    fs::write(dir.path().join("a.plan.yaml"), plan).unwrap();
    let check = |config: &str| {
        fs::write(dir.path().join(".planlint.yaml"), config).unwrap();
        planlint()
            .current_dir(dir.path())
            .args(["check", "a.plan.yaml", "--format", "json"])
            .output()
            .unwrap()
    };
    let on = check("rules: {}\n");
    assert!(stdout(&on).contains("\"unused-suppression\""), "{}", stdout(&on));
    let off = check("rules:\n  unused-suppression: off\n");
    assert_eq!(off.status.code(), Some(0), "{}", stderr(&off));
    assert!(!stdout(&off).contains("unused-suppression"), "{}", stdout(&off));

    let refused = config_error("rules:\n  parse-error: off\n");
    assert!(
        refused.contains("`parse-error` cannot be configured: it is always reported"),
        "{refused}"
    );
}

/// A plan whose only findings are forms planlint reads exactly passes by
/// default, the summary counts what `--fix` repairs, and `--fix` does.
#[test]
fn a_plan_with_only_forms_passes_and_says_what_fix_repairs() {
    let dir = tempfile::tempdir().unwrap();
    let plan = fs::read_to_string(CLEAN)
        .unwrap()
        .replacen("  price: 3200", "  price: \"¥3,200\"", 1)
        .replacen("  rank: 1", "  rank: 第一", 1);
    let path = dir.path().join("forms.plan.yaml");
    fs::write(&path, &plan).unwrap();
    let output = planlint().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(text.contains("non-canonical-value"), "{text}");
    assert!(
        text.contains("0 errors, 2 warnings in 1 file; 2 of them can be fixed with `planlint check --fix`"),
        "{text}"
    );
    let json = planlint()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json.status.code(), Some(0), "{}", stdout(&json));
    assert_eq!(report["summary"]["fixable"], 2);
    let github = planlint()
        .args(["check", "--format", "github"])
        .arg(&path)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert_eq!(github.status.code(), Some(0), "{}", stdout(&github));
    let log = stdout(&github);
    assert_eq!(log.matches("::warning ").count(), 2, "{log}");
    assert!(
        log.contains(
            "planlint: 0 errors, 2 warnings in 1 file; 2 of them can be fixed with `planlint check --fix`"
        ),
        "{log}"
    );
    // `--fix` writes only inside the repository it runs in.
    let fixed = planlint()
        .current_dir(dir.path())
        .args(["check", "--fix", "forms.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(fixed.status.code(), Some(0), "{}", stdout(&fixed));
    let after = fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("  price: 3200\n") && after.contains("  rank: 1\n"),
        "{after}"
    );
    let again = stdout(&planlint().arg("check").arg(&path).output().unwrap());
    assert!(!again.contains("non-canonical-value"), "{again}");
}

/// A list option that holds "..." keeps the built-in list and adds to it;
/// one without replaces it.
#[test]
fn a_list_option_extends_the_built_in_list() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "version: 1\nname: Open day\nfunnel:\n  - {stage: 探店, metric: visitors}\n  - {stage: buy, metric: orders}\n";
    fs::write(dir.path().join("a.plan.yaml"), plan).unwrap();
    let fires = |config: &str| {
        fs::write(dir.path().join(".planlint.yaml"), config).unwrap();
        let output = planlint()
            .current_dir(dir.path())
            .args(["check", "a.plan.yaml", "--format", "json"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "missing-conversion-path")
            .count()
    };
    assert_eq!(fires("rules: {}\n"), 1, "探店 is not a built-in first stage");
    assert_eq!(
        fires("rules:\n  missing-conversion-path:\n    options:\n      first_stages: [\"...\", 探店]\n"),
        0
    );
    // Without "...", the list replaces the built-in one: `buy` is still a
    // built-in last stage, `contact` no longer a first stage.
    fs::write(dir.path().join("a.plan.yaml"), plan.replace("探店", "contact")).unwrap();
    assert_eq!(
        fires("rules:\n  missing-conversion-path:\n    options:\n      first_stages: [探店]\n"),
        1
    );
}

/// Channel names in Chinese or with an emoji take two columns a character:
/// the metrics table still lines up on screen.
#[test]
fn the_metrics_table_aligns_wide_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.plan.yaml");
    fs::write(
        &path,
        "version: 1\nname: x\ncurrency: CNY\nbudget: {total: 100000}\nchannels:\n  - {name: 抖音, budget: 30000}\n  - {name: WeChat, budget: 20000}\n  - {name: 小红书🔥, budget: 1000}\n",
    )
    .unwrap();
    let output = planlint().arg("metrics").arg(&path).output().unwrap();
    let text = stdout(&output);
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|line| *line != "Channels")
        .skip(1)
        .take(4)
        .collect();
    assert_eq!(rows.len(), 4, "{text}");
    // Where the budget column (the second word of a row) ends, in screen
    // columns; the names here have no spaces.
    let budget_end = |row: &str| {
        let second = row.split_whitespace().nth(1).unwrap_or_default();
        let end = row.find(second).map_or(0, |start| start + second.len());
        planlint::output::width::display_width(&row[..end])
    };
    let ends: Vec<usize> = rows.iter().map(|row| budget_end(row)).collect();
    assert!(ends.iter().all(|end| *end == ends[0]), "{ends:?} in:\n{text}");
}

/// A file that could not be read is said on stderr; stdout does not claim
/// "No problems" just before it.
#[test]
fn an_unreadable_file_is_not_reported_as_no_problems() {
    let output = planlint()
        .args(["check", CLEAN, "tests/does-not-exist.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!stdout(&output).contains("No problems"), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("does-not-exist.plan.yaml"),
        "{}",
        stderr(&output)
    );
}

/// The GitHub log line does not say "no problems" either when a path could
/// not be checked.
#[test]
fn github_output_does_not_claim_no_problems_over_an_unreadable_file() {
    let output = planlint()
        .args([
            "check",
            "--format",
            "github",
            CLEAN,
            "tests/does-not-exist.plan.yaml",
        ])
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(!text.contains("no problems"), "{text}");
    assert!(
        text.contains("planlint: 1 file checked without findings; 1 path could not be checked"),
        "{text}"
    );
}
