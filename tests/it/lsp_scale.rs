//! The language server with 3,000 open plans and a `.planlint.yaml` that
//! does not load: the config's problem is published on the config once
//! (not once per plan linted), every plan says its config could not be
//! read, and hovers sent right after the opens and then every 100 ms are
//! answered while the plans are still being linted. The time it takes in a release build is in
//! `cargo bench --bench lsp_scale`; this test checks counts and order, with
//! a bound on time generous enough for any machine.

use crate::lsp_client::{workspace, Client};
use crate::lsp_many_plans::{plan_uri, publishes_within, session};
use serde_json::json;
use std::time::{Duration, Instant};

const PLANS: usize = 3000;

#[test]
fn a_broken_config_is_published_once_and_requests_are_answered_among_3000_plans() {
    let (dir, root) = workspace();
    let config_uri = format!("{root}/.planlint.yaml");
    let mut client = Client::start(dir.path());
    let seen = session(&mut client, dir.path(), &root, PLANS, Duration::from_secs(120));
    eprintln!("{seen:?}");
    assert!(
        seen.hover < Duration::from_secs(5),
        "the hover after the opens took {} (plans linted: {}, config published {} times)",
        if seen.hover == Duration::MAX {
            "longer than the session".to_owned()
        } else {
            format!("{:?}", seen.hover)
        },
        seen.plan_publishes,
        seen.config_publishes,
    );
    assert!(
        seen.plans_before_hover < PLANS,
        "the hover waited for every plan to be linted"
    );
    assert!(
        seen.slowest_hover < Duration::from_secs(5),
        "a hover while the plans were linted took {:?}",
        seen.slowest_hover
    );
    assert_eq!(seen.plan_publishes, PLANS, "each plan is linted once");
    assert_eq!(
        seen.plans_blaming_the_config, PLANS,
        "each plan has one diagnostic, pointing at its config"
    );
    assert_eq!(seen.config_publishes, 1, "the config's problem is published once");
    let diagnostic = &seen.config_diagnostics[0];
    assert_eq!(diagnostic["range"]["start"], json!({"line": 1, "character": 2}));
    assert!(diagnostic["message"].as_str().unwrap().contains("vague-goal"));
    // Nothing more is published while nothing changes.
    assert_eq!(
        publishes_within(&client, &config_uri, Duration::from_millis(2500)),
        0
    );

    // The config mended on disk: its diagnostics are cleared once, and a
    // hover is answered while the 3,000 plans are linted again.
    std::fs::write(dir.path().join(".planlint.yaml"), "rules:\n  vague-goal: off\n").unwrap();
    let cleared = client
        .expect_within(Duration::from_secs(10), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == config_uri
        })
        .expect("the mended config's diagnostics are cleared");
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    let asked = Instant::now();
    let hovered = plan_uri(&root, PLANS / 2);
    let answer = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": hovered}, "position": {"line": 1, "character": 8}}),
    );
    let waited = asked.elapsed();
    assert!(answer.get("error").is_none(), "{answer}");
    assert!(
        waited < Duration::from_secs(5),
        "the hover after the config change took {waited:?}"
    );
    let relinted = client.expect_within(Duration::from_secs(120), |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == plan_uri(&root, PLANS - 1).as_str()
    });
    let relinted = relinted.expect("the plans are linted again with the mended config");
    let diagnostics = relinted["params"]["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .all(|d| d["code"].is_string() && d["code"] != "vague-goal"),
        "findings only, under the mended config: {diagnostics:?}"
    );
    assert_eq!(
        publishes_within(&client, &config_uri, Duration::from_millis(1500)),
        0
    );
    assert_eq!(client.finish(), 0);
}

/// A config that does not load is read once, not per lint; a config file
/// that appears nearer the plans is still seen, with nothing said by the
/// editor, and their diagnostics follow it.
#[test]
fn a_config_added_beside_plans_under_a_broken_one_is_seen() {
    let (dir, root) = workspace();
    let mut client = Client::start(dir.path());
    let seen = session(&mut client, dir.path(), &root, 3, Duration::from_secs(20));
    assert_eq!(seen.plans_blaming_the_config, 3);
    std::fs::write(
        dir.path().join("plans/.planlint.yaml"),
        "rules:\n  vague-goal: off\n",
    )
    .unwrap();
    let first = plan_uri(&root, 0);
    let relinted = client
        .expect_within(Duration::from_secs(10), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == first.as_str()
        })
        .expect("the plan is linted again under the new config");
    let diagnostics = relinted["params"]["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .all(|d| d["code"].is_string() && d["code"] != "vague-goal"),
        "{diagnostics:?}"
    );
    assert_eq!(client.finish(), 0);
}
