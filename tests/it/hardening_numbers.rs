//! Exact numbers end to end (hardening round 3): amounts whose sum would
//! overflow and out-of-range rule options each get a message at their
//! place, never a silent pass or an "internal error".

use std::fs;

const CLEAN: &str = include_str!("../../examples/clean.plan.yaml");

fn planlint(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let output = crate::planlint_in_english()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Two channel budgets of 1.5e308 add up to infinity: each is reported at
/// its place as over the largest amount planlint adds exactly.
#[test]
fn amounts_too_large_to_add_are_named_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    let plan = "version: 1\nname: Overflow\ncurrency: CNY\nbudget:\n  total: 100000\nchannels:\n  \
                - {name: A, type: social, budget: 1.5e308}\n  - {name: B, type: social, budget: 1.5e308}\n";
    fs::write(dir.path().join("a.plan.yaml"), plan).unwrap();
    let (code, stdout, stderr) = planlint(dir.path(), &["check", "a.plan.yaml", "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let pointers: Vec<&str> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| {
            finding["message"]
                .as_str()
                .unwrap_or_default()
                .contains("at most")
        })
        .filter_map(|finding| finding["pointer"].as_str())
        .collect();
    assert_eq!(pointers, ["/channels/0/budget", "/channels/1/budget"], "{stdout}");
}

/// A negative `max` for a rule is an error in the config, at its line.
#[test]
fn an_out_of_range_option_is_named_in_the_config() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join("a.plan.yaml"), CLEAN).unwrap();
    fs::write(
        dir.path().join(".planlint.yaml"),
        "rules:\n  too-many-goals:\n    options:\n      max: -1\n",
    )
    .unwrap();
    let (code, _, stderr) = planlint(dir.path(), &["check", "a.plan.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("option `max` of `too-many-goals` must be at least 1, not -1"),
        "{stderr}"
    );
    assert!(stderr.contains(".planlint.yaml:4:12"), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
}
