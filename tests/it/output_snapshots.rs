//! Snapshots of each output format for the bundled examples: what users
//! and editors actually receive.

fn check_examples(format: &str) -> String {
    let output = crate::planlint_in_english()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("GITHUB_ACTIONS")
        .args(["check", "examples/", "--color", "never", "--format", format])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn human_output() {
    insta::assert_snapshot!(check_examples("human"));
}

#[test]
fn json_output() {
    let text = check_examples("json");
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["summary"]["files"], 10);
    insta::assert_snapshot!(text);
}
