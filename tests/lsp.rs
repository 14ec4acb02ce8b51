//! `planlint lsp` spoken to as an editor would: framed JSON-RPC over stdio.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planlint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The next message with this method (or the response with this id).
    fn expect(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(20))
                .expect("the server answers");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn diagnostics(&self) -> Value {
        self.expect(|m| m["method"] == "textDocument/publishDiagnostics")["params"].clone()
    }
}

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
    let published = client.diagnostics();
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
    let published = client.diagnostics();
    assert!(published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["code"] != "missing-deadline"));

    // Broken YAML is a parse-error diagnostic, not a crash.
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": "goals: [\n"}]}}));
    let published = client.diagnostics();
    assert_eq!(published["diagnostics"][0]["code"], "parse-error");

    client.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    client.expect(|m| m["id"] == 2);
    client.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let status = client.child.wait().unwrap();
    assert!(status.success());
}

/// Starts a session in `dir`, opens `plan` and returns the diagnostics
/// published for it, with the time they took.
fn diagnostics_for(dir: &std::path::Path, plan: &str) -> (Vec<Value>, Duration) {
    let mut client = Client::start(dir);
    let root = format!("file://{}", dir.display());
    client.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": root, "capabilities": {}}}));
    client.expect(|m| m["id"] == 1);
    client.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let started = std::time::Instant::now();
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": format!("{root}/a.plan.yaml"), "languageId": "yaml", "version": 1, "text": plan}}}));
    let published = client.diagnostics();
    let took = started.elapsed();
    client.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    client.expect(|m| m["id"] == 2);
    client.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert!(client.child.wait().unwrap().success(), "the server survives");
    (published["diagnostics"].as_array().unwrap().clone(), took)
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
        let (diagnostics, took) = diagnostics_for(dir.path(), &plan);
        let matching: Vec<&Value> = diagnostics
            .iter()
            .filter(|d| d["message"].as_str().unwrap_or_default().contains(expected))
            .collect();
        assert_eq!(matching.len(), count, "{expected}: {diagnostics:?}");
        assert!(took < Duration::from_secs(2), "{expected}: took {took:?}");
    }
}
