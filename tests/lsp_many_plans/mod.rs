//! Thousands of open plans under a config that does not load: shared by
//! `tests/it/lsp_scale.rs` and `benches/lsp_scale.rs` (included there with
//! `#[path]`), so the benchmark times exactly what the test checks.

#![allow(dead_code)]

use crate::lsp_client::Client;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// A config with a misspelled rule: it does not load.
pub const BROKEN_CONFIG: &str = "rules:\n  vauge-goal: off\n";

/// A small plan with a vague goal, varied by `n`.
pub fn plan(n: usize) -> String {
    format!(
        "version: 1\nname: Plan {n}\nowner: Li Na\ncurrency: CNY\nperiod: {{start: 2026-01-01, end: 2026-12-31}}\n\
         product: {{name: Product {n}, price: {price}}}\n\
         unit_economics: {{cac: {cac}, average_order_value: 300, gross_margin: 0.4, purchases_per_year: 2, lifetime_years: 3}}\n\
         budget:\n  total: {total}\n\
         goals:\n  - id: awareness\n    statement: Increase awareness\n  - id: buyers\n    statement: Win {n} new buyers\n    target: {n}\n    deadline: 2026-09-30\n\
         channels:\n  - name: Search\n    budget: 30000\n",
        price = 200 + n % 2000,
        cac = 100 + n % 700,
        total = 100_000 + (n % 50) * 1000,
    )
}

pub fn plan_uri(root: &str, n: usize) -> String {
    format!("{root}/plans/p{n:05}.plan.yaml")
}

/// How often a hover is sent while the plans are being linted.
pub const HOVER_EVERY: Duration = Duration::from_millis(100);

/// What a session saw after the opens: how long hovers took, how often
/// each file had diagnostics published, and in what order.
#[derive(Debug)]
pub struct Seen {
    /// The hover sent right after the opens: from its sending to its answer.
    pub hover: Duration,
    /// The slowest of all hovers (one every [`HOVER_EVERY`] until every
    /// plan is linted).
    pub slowest_hover: Duration,
    /// Hovers answered before every plan was linted.
    pub hovers_while_linting: usize,
    /// Plans with diagnostics published before the first hover's answer.
    pub plans_before_hover: usize,
    /// Publishes on the config file, in all.
    pub config_publishes: usize,
    /// The config's diagnostics as last published.
    pub config_diagnostics: Value,
    /// Publishes on plans, in all (each plan once).
    pub plan_publishes: usize,
    /// Plans whose one diagnostic points at the config as the cause.
    pub plans_blaming_the_config: usize,
    /// From the first hover's sending to the last plan's diagnostics.
    pub all_linted: Duration,
}

/// Writes `.planlint.yaml` (broken) in `dir`, opens `plans` plans in
/// `dir/plans` as fast as the pipe takes them, sends a hover on the first
/// at once and another every [`HOVER_EVERY`] after its answer, on plans
/// across the list, until (at most `limit`) every plan has diagnostics.
pub fn session(client: &mut Client, dir: &Path, root: &str, plans: usize, limit: Duration) -> Seen {
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    std::fs::write(dir.join(".planlint.yaml"), BROKEN_CONFIG).unwrap();
    let config_uri = format!("{root}/.planlint.yaml");
    client.initialize(root);
    for n in 0..plans {
        client.open(&plan_uri(root, n), &plan(n));
    }
    let started = Instant::now();
    let mut hovers_sent = 0;
    let mut send_hover = |client: &mut Client| {
        let n = (hovers_sent * 997) % plans;
        hovers_sent += 1;
        client.send(
            json!({"jsonrpc": "2.0", "id": format!("hover-{hovers_sent}"), "method": "textDocument/hover",
            "params": {"textDocument": {"uri": plan_uri(root, n)}, "position": {"line": 1, "character": 8}}}),
        );
        Instant::now()
    };
    let mut asked = Some(send_hover(client));
    let mut answered_at = started;
    let mut seen = Seen {
        hover: Duration::MAX,
        slowest_hover: Duration::ZERO,
        hovers_while_linting: 0,
        plans_before_hover: 0,
        config_publishes: 0,
        config_diagnostics: Value::Null,
        plan_publishes: 0,
        plans_blaming_the_config: 0,
        all_linted: Duration::MAX,
    };
    let mut linted: HashSet<String> = HashSet::new();
    let deadline = started + limit;
    while linted.len() < plans || asked.is_some() {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            break;
        };
        if asked.is_none() && linted.len() < plans && answered_at.elapsed() >= HOVER_EVERY {
            asked = Some(send_hover(client));
        }
        let Some(message) = client.expect_within(left.min(Duration::from_millis(10)), |_| true) else {
            continue;
        };
        if message["id"].as_str().is_some_and(|id| id.starts_with("hover-")) {
            assert!(message.get("error").is_none(), "{message}");
            let took = asked.take().map_or(Duration::ZERO, |at| at.elapsed());
            answered_at = Instant::now();
            if seen.hover == Duration::MAX {
                seen.hover = took;
                seen.plans_before_hover = linted.len();
            }
            seen.slowest_hover = seen.slowest_hover.max(took);
            seen.hovers_while_linting += usize::from(linted.len() < plans);
            continue;
        }
        if message["method"] != "textDocument/publishDiagnostics" {
            continue;
        }
        let params = &message["params"];
        let uri = params["uri"].as_str().unwrap_or_default().to_owned();
        if uri == config_uri {
            seen.config_publishes += 1;
            seen.config_diagnostics = params["diagnostics"].clone();
        } else {
            seen.plan_publishes += 1;
            let diagnostics = params["diagnostics"].as_array().cloned().unwrap_or_default();
            let blames_config = diagnostics.len() == 1
                && diagnostics[0]["relatedInformation"][0]["location"]["uri"] == config_uri.as_str();
            seen.plans_blaming_the_config += usize::from(blames_config);
            linted.insert(uri);
            if linted.len() == plans {
                seen.all_linted = started.elapsed();
            }
        }
    }
    if let Some(at) = asked {
        // Never answered within the session.
        seen.slowest_hover = seen.slowest_hover.max(at.elapsed());
        if seen.hover == Duration::MAX {
            seen.hover = at.elapsed();
        }
    }
    seen
}

/// Counts publishes on `uri` for `time` (nothing else is expected then).
pub fn publishes_within(client: &Client, uri: &str, time: Duration) -> usize {
    let mut count = 0;
    let until = Instant::now() + time;
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match client.expect_within(left, |_| true) {
            Some(message) => {
                count += usize::from(
                    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri,
                )
            }
            None => break,
        }
    }
    count
}
