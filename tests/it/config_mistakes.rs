//! Every mistake in a `.planlint.yaml` is named in one run, each at its
//! place: a wrong severity (the schema's), an unknown rule id and an
//! invalid glob are three errors, not one per run.

use crate::lsp_client::Client;

const CONFIG: &str =
    "rules:\n  vauge-goal: warning\n  missing-deadline: loud\ninclude: [\"plans/[*.yaml\"]\n";

fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".planlint.yaml"), CONFIG).unwrap();
    std::fs::write(dir.path().join("a.plan.yaml"), "version: 1\nname: x\n").unwrap();
    dir
}

#[test]
fn three_independent_mistakes_are_three_errors_in_one_run() {
    let dir = repository();
    let output = crate::planlint_in_english()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (place, says) in [
        (".planlint.yaml:2:3", "unknown rule id `vauge-goal`"),
        (".planlint.yaml:3:21", "`rules.missing-deadline` must be one of"),
        (".planlint.yaml:4:11", "invalid glob"),
    ] {
        assert!(stderr.contains(place), "{place} in {stderr}");
        assert!(stderr.contains(says), "{says} in {stderr}");
    }
    assert!(stderr.contains("did you mean `vague-goal`?"), "{stderr}");
}

#[test]
fn the_language_server_shows_each_mistake_at_its_place() {
    let dir = repository();
    let root = format!("file://{}", dir.path().display());
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let plan = format!("{root}/a.plan.yaml");
    client.open(&plan, "version: 1\nname: x\n");
    let config = format!("{root}/.planlint.yaml");
    let published =
        client.expect(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == config);
    let lines: Vec<u64> = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|diagnostic| diagnostic["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, [1, 2, 3], "{published}");
    let messages: Vec<&str> = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|diagnostic| diagnostic["message"].as_str())
        .collect();
    assert!(messages.iter().any(|m| m.contains("vauge-goal")), "{messages:?}");
    assert_eq!(client.finish(), 0);
}
