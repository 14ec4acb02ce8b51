//! The language server answers from the analysis it keeps per buffer
//! version: `cargo bench --bench lsp_hover` opens a 200 KB plan in the
//! release binary, then times 100 hovers, 10 inlay-hint and 10 symbol
//! requests on it, then re-lints after edits: of one value (read in place)
//! and of a new line (parsed again). The target is 100 hovers in under
//! 100 ms in all (a parse per hover took about 1.5 s). Under `cargo test
//! --benches` (unoptimised) the times are printed, not held to the target.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A plan of about 200 KB: a few hundred channels with a test and tiers.
fn large_plan() -> String {
    let mut text = String::from(
        "version: 1\nname: 大型计划\ncurrency: CNY\nperiod: {start: 2026-01-01, end: 2026-12-31}\n\
         unit_economics: {cac: 200, average_order_value: 300, gross_margin: 0.4, purchases_per_year: 2, lifetime_years: 3}\n\
         budget:\n  total: 90000000\nchannels:\n",
    );
    let mut n = 0;
    while text.len() < 200_000 {
        text.push_str(&format!(
            "  - name: 渠道 {n}\n    budget: {}\n    test: {{budget: 1000, revenue: {}}}\n    spend_tiers:\n      \
             - {{spend: 10000, new_customers: 50}}\n      - {{spend: 20000, new_customers: 80}}\n",
            10_000 + n * 10,
            1_500 + n,
        ));
        n += 1;
    }
    text
}

struct Session {
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next_id: i64,
}

impl Session {
    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.output.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message["id"] == id && message.get("method").is_none() {
                assert!(message.get("error").is_none(), "{message}");
                return message;
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// `count` requests after a first one (which may wait for the lint).
    fn time(&mut self, method: &str, params: &Value, count: usize) -> Duration {
        self.request(method, params.clone());
        let started = Instant::now();
        for _ in 0..count {
            self.request(method, params.clone());
        }
        started.elapsed()
    }
}

impl Session {
    /// Median time from sending an edit of the whole buffer to holding
    /// the diagnostics of the new version (a pull request lints at once,
    /// without waiting for the edits to pause).
    /// `edit` makes the text of each version from the first one.
    fn relint(
        &mut self,
        uri: &str,
        text: &str,
        versions: std::ops::Range<i32>,
        edit: impl Fn(&str, i32) -> String,
    ) -> Duration {
        let mut times = Vec::new();
        for version in versions {
            let edited = edit(text, version);
            let started = Instant::now();
            self.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}),
            );
            let answer = self.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
            times.push(started.elapsed());
            assert!(answer["result"]["items"].is_array(), "{answer}");
        }
        times.sort_unstable();
        times[times.len() / 2]
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_planlint"))
        .arg("lsp")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut session = Session {
        input: child.stdin.take().unwrap(),
        output: BufReader::new(child.stdout.take().unwrap()),
        next_id: 0,
    };
    let root = format!("file://{}", dir.path().display());
    session.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}}),
    );
    session.notify("initialized", json!({}));
    let uri = format!("{root}/large.plan.yaml");
    let text = large_plan();
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
    );
    let lines = u32::try_from(text.lines().count()).unwrap();
    let hover = json!({"textDocument": {"uri": uri}, "position": {"line": lines - 3, "character": 8}});
    let everything = json!({"textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}});
    let hovers = session.time("textDocument/hover", &hover, 100);
    let hints = session.time("textDocument/inlayHint", &everything, 10);
    let symbols = session.time(
        "textDocument/documentSymbol",
        &json!({"textDocument": {"uri": uri}}),
        10,
    );
    // A different first budget each time, so no analysis is reused: an
    // edit inside one value, which is not parsed again.
    let value_edit = |text: &str, version: i32| {
        text.replacen("total: 90000000", &format!("total: {}", 90_000_000 + version), 1)
    };
    let relints = session.relint(&uri, &text, 2..22, value_edit);
    // A new line each time (a comment): the whole text is parsed again.
    let line_edit =
        |text: &str, version: i32| text.replacen("channels:\n", &format!("# edit {version}\nchannels:\n"), 1);
    let parsed_relints = session.relint(&uri, &text, 22..42, line_edit);
    println!(
        "{} KB plan: 100 hovers {hovers:.1?} ({:.2?} each), 10 inlay-hint requests {hints:.1?}, 10 symbol requests {symbols:.1?}",
        text.len() / 1000,
        hovers / 100,
    );
    println!(
        "re-lint after an edit (change, then pull its diagnostics), median of 20: \
         {relints:.1?} for a value edited in place, {parsed_relints:.1?} for a new line (parsed)"
    );
    session.request("shutdown", Value::Null);
    session.notify("exit", Value::Null);
    let _ = child.wait();
    if !cfg!(debug_assertions) {
        assert!(
            hovers < Duration::from_millis(100),
            "100 hovers took {hovers:?}, over 100 ms"
        );
    }
}
