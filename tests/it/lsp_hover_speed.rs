//! The language server answers from the analysis it keeps per buffer
//! version: 100 hovers, inlay hints and symbols on a 200 KB plan never
//! parse it again. Timed on the binary this test run built.

use crate::lsp_client::{workspace, Client};
use serde_json::json;
use std::time::{Duration, Instant};

/// A plan of about 200 KB: a few hundred channels with spend tiers.
fn large_plan() -> String {
    let mut text = String::from(
        "version: 1\nname: 大型计划\ncurrency: CNY\nperiod: {start: 2026-01-01, end: 2026-12-31}\n\
         unit_economics: {cac: 200, average_order_value: 300, gross_margin: 0.4, purchases_per_year: 2, lifetime_years: 3}\n\
         budget:\n  total: 90000000\nchannels:\n",
    );
    let mut n = 0;
    while text.len() < 200_000 {
        text.push_str(&format!(
            "  - name: 渠道 {n}\n    budget: {budget}\n    test: {{budget: 1000, revenue: {revenue}}}\n    spend_tiers:\n      - {{spend: 10000, new_customers: 50}}\n      - {{spend: 20000, new_customers: 80}}\n",
            budget = 10_000 + n * 10,
            revenue = 1_500 + n,
        ));
        n += 1;
    }
    text
}

/// The duration of `count` requests of `method` at line `line`, after the
/// first answer (which may wait for the buffer's lint).
fn time_requests(client: &mut Client, method: &str, params: serde_json::Value, count: usize) -> Duration {
    let first = client.request(method, params.clone());
    assert!(first.get("error").is_none(), "{first}");
    let started = Instant::now();
    for _ in 0..count {
        let answer = client.request(method, params.clone());
        assert!(answer.get("error").is_none(), "{answer}");
    }
    started.elapsed()
}

#[test]
fn hundred_hovers_on_a_large_plan_answer_from_the_kept_analysis() {
    let (dir, root) = workspace();
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let uri = format!("{root}/large.plan.yaml");
    let text = large_plan();
    assert!(text.len() >= 200_000);
    client.open(&uri, &text);
    client.diagnostics_for(&uri);
    let lines = text.lines().count() as u32;
    let hover = json!({"textDocument": {"uri": uri}, "position": {"line": lines - 3, "character": 8}});
    let hovers = time_requests(&mut client, "textDocument/hover", hover.clone(), 100);
    let answer = client.request("textDocument/hover", hover);
    assert!(
        answer["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|text| text.contains("Derived by planlint")),
        "{answer}"
    );
    let hints = json!({"textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}});
    let inlay = time_requests(&mut client, "textDocument/inlayHint", hints, 10);
    let symbols = time_requests(
        &mut client,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
        10,
    );
    eprintln!("100 hovers: {hovers:?}; 10 inlay hints: {inlay:?}; 10 symbol lists: {symbols:?}");
    // The target is 100 ms for 100 hovers in a release build; this test
    // runs the unoptimised binary, so it allows several times that. A
    // parse per hover takes seconds here.
    assert!(hovers < Duration::from_millis(600), "100 hovers took {hovers:?}");
    assert_eq!(client.finish(), 0);
}
