//! `planlint lsp` spoken to as an editor would: framed JSON-RPC over stdio.

mod lsp_client;

use lsp_client::Client;
use serde_json::json;

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
