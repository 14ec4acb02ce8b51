//! `planlint lsp` spoken to as an editor would: framed JSON-RPC over stdio.

use crate::lsp_client::Client;
use serde_json::{json, Value};
use std::time::Duration;

#[test]
fn diagnostics_follow_the_unsaved_buffer() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let mut client = Client::start(dir.path());
    let root = format!("file://{}", dir.path().display());
    client.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": root, "capabilities": {}}}));
    let initialized = client.expect(|m| m["id"] == 1);
    assert_eq!(
        initialized["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(initialized["result"]["serverInfo"]["name"], "planlint");
    client.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));

    let uri = format!("{root}/spring.plan.yaml");
    // Chinese text before the goal: UTF-16 columns differ from bytes.
    let text = "version: 1\nname: 春季计划\ngoals:\n  - {id: g, statement: 提高知名度, target: 100}\n";
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}));
    let published = client.diagnostics_for(&uri);
    assert_eq!(published["uri"], uri);
    let deadline = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "missing-deadline")
        .expect("missing-deadline is reported")
        .clone();
    assert_eq!(deadline["severity"], 1);
    assert_eq!(deadline["source"], "planlint");
    assert_eq!(deadline["range"]["start"], json!({"line": 3, "character": 4}));
    assert_eq!(deadline["range"]["end"], json!({"line": 3, "character": 42}));

    // Typing the deadline in: the finding goes away without saving.
    let fixed = text.replace("target: 100}", "target: 100, deadline: 2026-06-30}");
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}}));
    let published = client.diagnostics_for(&uri);
    assert!(published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["code"] != "missing-deadline"));

    // Broken YAML is a parse-error diagnostic, not a crash.
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": "goals: [\n"}]}}));
    let published = client.diagnostics_for(&uri);
    assert_eq!(published["diagnostics"][0]["code"], "parse-error");

    assert_eq!(client.finish(), 0);
}

/// Starts a session in `dir`, opens `plan` and returns how many published
/// diagnostics (in the plan, the config or the rule file) say `expected`,
/// and the time they took.
fn diagnostics_saying(dir: &std::path::Path, plan: &str, expected: &str) -> (usize, Duration) {
    let mut client = Client::start(dir);
    let root = format!("file://{}", dir.display());
    client.initialize(&root);
    let started = std::time::Instant::now();
    client.open(&format!("{root}/a.plan.yaml"), plan);
    let says = |diagnostic: &Value| {
        diagnostic["message"]
            .as_str()
            .unwrap_or_default()
            .contains(expected)
    };
    let published = client.expect(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|all| all.iter().any(says))
    });
    let took = started.elapsed();
    let count = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| says(d))
        .count();
    assert_eq!(client.finish(), 0, "the server survives");
    (count, took)
}

/// Hostile pack rules in the editor: a runaway expression is a rule-error
/// diagnostic and one too large to parse a config diagnostic, each in well
/// under 2 s, and the server lives on.
#[test]
fn hostile_rules_are_diagnostics_not_crashes() {
    let goals: String = (0..1000)
        .map(|i| format!("  - {{id: g{i}, statement: Sell {i} rings, target: {i}}}\n"))
        .collect();
    let plan = format!("version: 1\nname: x\ngoals:\n{goals}");
    let rule = |id: &str, expression: &str| {
        format!("  - id: {id}\n    given: $\n    check: {{function: expr, options: {{expression: \"{expression}\"}}}}\n    message: no\n")
    };
    let runaway = format!(
        "pack: acme\nrules:\n{}{}",
        rule(
            "cubic",
            "plan.goals.all(a, plan.goals.all(b, plan.goals.all(c, a.target <= c.target + b.target)))"
        ),
        rule(
            "explode",
            "size(plan.goals.map(a, plan.goals.map(b, plan.goals.map(c, c)))) > 0"
        ),
    );
    let long_sum = format!(
        "pack: acme\nrules:\n{}",
        rule("sum", &(vec!["this.version"; 10_000].join(" + ") + " > 0"))
    );
    let deep_path = format!(
        "pack: acme\nrules:\n  - id: deep\n    given: \"$[?{}@.a{}]\"\n    check: {{function: defined}}\n    message: no\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    for (pack, expected, count) in [
        (runaway, "the expression would take about", 2),
        (long_sum, "over the limit of", 1),
        (deep_path, "over the limit of", 1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".planlint.yaml"), "rule_packs: [rules.yaml]\n").unwrap();
        std::fs::write(dir.path().join("rules.yaml"), pack).unwrap();
        let (matching, took) = diagnostics_saying(dir.path(), &plan, expected);
        assert_eq!(matching, count, "{expected}");
        assert!(took < Duration::from_secs(2), "{expected}: took {took:?}");
    }
}
