//! The language server on hostile or careless input, through a real stdio
//! session: lengths it must not trust, bodies that are not JSON, a buffer
//! over `max_file_size`, `exit` without `shutdown`, configs that extend a
//! chain twice over.

use crate::lsp_client::{workspace, Client};
use serde_json::{json, Value};
use std::time::Duration;

/// Peak resident memory of the server, in kB.
fn peak_memory_kb(client: &Client) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", client.child.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_length_is_not_trusted() {
    for length in [
        "2000000000",
        "18446744073709551615",
        "1000000000000",
        "-5",
        "lots",
    ] {
        let (dir, _) = workspace();
        let mut client = Client::start(dir.path());
        client.send_raw(format!("Content-Length: {length}\r\n\r\n{{\"jsonrpc\":").as_bytes());
        let refused = client.expect(|m| m["error"].is_object());
        assert_eq!(refused["id"], Value::Null);
        assert_eq!(refused["error"]["code"], -32600, "{length}: {refused}");
        std::thread::sleep(Duration::from_millis(200));
        let peak = peak_memory_kb(&client);
        assert!(peak < 200_000, "{length}: {peak} kB");
        // The server ends at once, its input still open: 1, and no panic
        // (101) or abort.
        let waited = std::time::Instant::now();
        assert_eq!(client.wait(), 1, "{length}");
        assert!(
            waited.elapsed() < Duration::from_secs(5),
            "{length}: the server waited"
        );
    }
}

/// A frame that cannot be taken is named on stderr, and the server ends
/// without waiting for more input.
#[test]
fn bad_framing_is_said_on_stderr_and_ends_the_server() {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    for header in [
        "Content-Length: 18446744073709551615\r\n\r\n",
        "Content-Length: 1000000000000\r\n\r\n{",
        "Content-Type: json\r\n\r\n",
        "Content-Length: twelve\r\n\r\n",
    ] {
        let (dir, _) = workspace();
        let mut child = Command::new(env!("CARGO_BIN_EXE_planlint"))
            .arg("lsp")
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(header.as_bytes()).unwrap();
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{header:?}: the server kept waiting"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        drop(stdin);
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        assert_eq!(status.code(), Some(1), "{header:?}");
        assert!(
            stderr.contains("planlint lsp: ") && stderr.contains("stopping"),
            "{header:?}: {stderr}"
        );
    }
}

#[test]
fn bad_json_is_answered_and_reading_goes_on() {
    let (dir, root) = workspace();
    let mut client = Client::start(dir.path());
    client.send_raw(b"Content-Length: 9\r\n\r\n{\"id\": 1,");
    let answer = client.expect(|m| m["error"].is_object());
    assert_eq!(answer["error"]["code"], -32700);
    assert_eq!(answer["id"], Value::Null);
    client.send(json!({"jsonrpc": "2.0", "id": 7, "method": 3}));
    let answer = client.expect(|m| m["error"].is_object());
    assert_eq!(answer["error"]["code"], -32600);
    assert_eq!(answer["id"], 7);
    // Before initialize, requests are refused; then the session works.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    let initialized = client.initialize(&root);
    assert_eq!(initialized["result"]["serverInfo"]["name"], "planlint");
    let unknown = client.request("workspace/symbol", json!({"query": ""}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad_params = client.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(bad_params["error"]["code"], -32602);
    // Notifications the server does not act on, or whose parameters it
    // cannot read, get no answer and leave the session working.
    client.notify("$/setTrace", json!({"value": "off"}));
    client.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    client.notify("textDocument/didOpen", json!({"nonsense": true}));
    let after = client.request("workspace/symbol", json!({"query": ""}));
    assert_eq!(after["error"]["code"], -32601);
    assert_eq!(client.finish(), 0);
}

#[test]
fn exit_without_shutdown_is_an_error() {
    let (dir, root) = workspace();
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait(), 1);
}

#[test]
fn a_buffer_over_max_file_size_is_not_linted() {
    let (dir, root) = workspace();
    std::fs::write(dir.path().join(".planlint.yaml"), "max_file_size: 100000\n").unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let uri = format!("{root}/huge.plan.yaml");
    let mut text = String::from("version: 1\nname: Huge\ngoals:\n");
    while text.len() < 250_000 {
        text.push_str("  - {id: g, statement: Increase awareness}\n");
    }
    client.open(&uri, &text);
    let published = client.diagnostics_for(&uri);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{published}");
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("over the 100000-byte limit"));
    assert_eq!(client.finish(), 0);
}

/// Each config extends the next one twice: the server loads them through
/// the same config set as `planlint check`, and answers.
#[test]
fn configs_extending_a_chain_twice_do_not_hang_the_server() {
    let (dir, root) = workspace();
    let depth = 10;
    for level in 0..depth {
        let body = if level + 1 < depth {
            format!(
                "extends: [./c{next}.planlint.yaml, ./c{next}.planlint.yaml]\n",
                next = level + 1
            )
        } else {
            "rules:\n  missing-sponsor: off\n".to_owned()
        };
        std::fs::write(dir.path().join(format!("c{level}.planlint.yaml")), body).unwrap();
    }
    std::fs::write(
        dir.path().join(".planlint.yaml"),
        "extends: [./c0.planlint.yaml]\n",
    )
    .unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let uri = format!("{root}/a.plan.yaml");
    client.open(&uri, "version: 1\nname: A\n");
    let published = client
        .expect_within(Duration::from_secs(10), |m| {
            m["method"] == "textDocument/publishDiagnostics"
        })
        .expect("diagnostics within 10 s");
    assert!(published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["code"] != "missing-sponsor"));
    assert_eq!(client.finish(), 0);
}
