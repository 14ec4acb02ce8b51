//! A language server client for tests: runs `planlint lsp`, frames JSON-RPC
//! over its stdio as an editor does, and collects what it sends.

#![allow(dead_code)] // each test file uses part of it

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

pub struct Client {
    pub child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    pub fn start(dir: &Path) -> Client {
        Client::start_binary(Path::new(env!("CARGO_BIN_EXE_planlint")), dir)
    }

    /// Runs `binary lsp` in `dir` (a benchmark may time another build).
    pub fn start_binary(binary: &Path, dir: &Path) -> Client {
        Client::start_binary_with(binary, dir, &[])
    }

    /// Runs `planlint lsp ARGS` in `dir` (`--lang zh`).
    pub fn start_with(dir: &Path, args: &[&str]) -> Client {
        Client::start_binary_with(Path::new(env!("CARGO_BIN_EXE_planlint")), dir, args)
    }

    fn start_binary_with(binary: &Path, dir: &Path, args: &[&str]) -> Client {
        let mut child = Command::new(binary)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .arg("lsp")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
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
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            next_id: 100,
        }
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.expect(|m| m["id"] == id && m.get("method").is_none())
    }

    /// Closes the server's input, as an editor that went away.
    pub fn close_input(&mut self) {
        self.stdin.take();
    }

    /// The next message that `wanted` accepts.
    pub fn expect(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        self.expect_within(Duration::from_secs(20), wanted)
            .expect("the server answers")
    }

    pub fn expect_within(&self, limit: Duration, wanted: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let message = self.messages.recv_timeout(left).ok()?;
            if wanted(&message) {
                return Some(message);
            }
        }
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics_for(&self, uri: &str) -> Value {
        self.expect(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
            ["params"]
            .clone()
    }

    pub fn initialize(&mut self, root: &str) -> Value {
        let answer = self.request(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": {}}),
        );
        self.notify("initialized", json!({}));
        answer
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        );
    }

    /// `shutdown` then `exit`; the server's exit code.
    pub fn finish(mut self) -> i32 {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    pub fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A folder that is a repository root (configs are not looked for above it).
pub fn workspace() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let root = format!("file://{}", dir.path().display());
    (dir, root)
}
