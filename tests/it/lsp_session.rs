//! An editor session as the issue describes it: a plan with a vague goal, a
//! misspelled key and LTV given by its parts; hover, code actions,
//! completion, inlay hints, a config change on disk and a burst of edits.

use crate::lsp_client::{workspace, Client};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The bundled clean plan (LTV = 3200 x 0.45 x 0.5 x 3 = 2,160) with a
/// vague goal and a misspelled `deadline`.
fn plan() -> String {
    let clean =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clean.plan.yaml")).unwrap();
    clean
        .replacen(
            "  - id: new-customers\n    statement: Win 550 first-time buyers by the end of July\n    metric: first-time orders\n    baseline: 460\n    target: 550\n    unit: customers\n",
            "  - id: awareness\n    statement: Increase awareness\n",
            1,
        )
        .replacen("    deadline: 2026-06-30", "    dealine: 2026-06-30   # agreed with Zhao", 1)
}

fn position_of(text: &str, needle: &str) -> Value {
    let offset = text.find(needle).unwrap();
    let line = text[..offset].matches('\n').count();
    let column = text[..offset].rsplit('\n').next().unwrap().encode_utf16().count();
    json!({"line": line, "character": column})
}

fn codes(published: &Value) -> Vec<String> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn an_editor_session() {
    let (dir, root) = workspace();
    std::fs::write(
        dir.path().join(".planlint.yaml"),
        "rules:\n  missing-sponsor: info\n",
    )
    .unwrap();
    let mut client = Client::start(dir.path());
    let answer = client.initialize(&root);
    let capabilities = &answer["result"]["capabilities"];
    for provider in [
        "hoverProvider",
        "codeActionProvider",
        "completionProvider",
        "documentSymbolProvider",
        "inlayHintProvider",
    ] {
        assert!(!capabilities[provider].is_null(), "{provider} is advertised");
    }

    let uri = format!("{root}/spring.plan.yaml");
    let text = plan();
    client.open(&uri, &text);
    let published = client.diagnostics_for(&uri);
    assert_eq!(published["version"], 1);
    let vague = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "vague-goal")
        .expect("the vague goal is reported")
        .clone();
    assert!(vague["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("#vague-goal"));
    assert!(
        !vague["message"].as_str().unwrap().contains("help:"),
        "help is not glued into the message"
    );
    assert!(codes(&published).contains(&"schema".to_owned()));

    // Hover on the vague goal: the rule explained.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(&text, "Increase awareness")}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("vague-goal") && shown.contains("**Why:**") && shown.contains("**Source:**"),
        "{shown}"
    );
    // Hover on a field: its description; on unit economics: the numbers.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(&text, "lifetime_years")}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("`lifetime_years`") && shown.contains("LTV: 2,160"),
        "{shown}"
    );

    // Code actions on the misspelled key: the rename first, and suppressions.
    let at = position_of(&text, "dealine");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let rename = actions
        .iter()
        .find(|a| a["title"] == "rename `dealine` to `deadline`")
        .expect("the rename quick fix");
    assert_eq!(rename["kind"], "quickfix");
    assert_eq!(rename["isPreferred"], true);
    let edit = &rename["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "deadline");
    assert_eq!(edit["range"]["start"], at);
    assert!(actions.iter().any(|a| a["title"]
        .as_str()
        .unwrap()
        .starts_with("Suppress `schema` on this line")
        && a["edit"]["changes"][&uri][0]["newText"]
            .as_str()
            .unwrap()
            .contains("planlint-disable-next-line schema -- reason")));
    assert!(actions
        .iter()
        .any(|a| a["title"] == "Suppress `schema` in this file"));

    // Completion on a new top-level line: the plan's fields.
    let typed = format!("{text}\n");
    let end_line = typed.matches('\n').count();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typed}]}),
    );
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": end_line, "character": 0}}),
    );
    let items = completion["result"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().filter_map(|item| item["label"].as_str()).collect();
    for field in ["goals", "budget", "unit_economics", "channels", "positioning"] {
        assert!(labels.contains(&field), "{field} offered: {labels:?}");
    }
    assert!(items
        .iter()
        .all(|item| item["documentation"]["value"].is_string()));

    // Inlay hints: what planlint derives, beside its inputs.
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": end_line + 1, "character": 0}}}),
    );
    let labels: Vec<&str> = hints["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["label"].as_str())
        .collect();
    assert!(labels.contains(&"LTV 2,160"), "{labels:?}");
    assert!(labels.iter().any(|l| l.starts_with("LTV/CAC 4.5")), "{labels:?}");
    assert!(labels.contains(&"20% of budget"), "{labels:?}");
    assert!(labels.contains(&"marginal CAC 400"), "{labels:?}");

    // Document symbols: sections, with goals and channels by name.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let goals = symbols["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "goals")
        .unwrap()
        .clone();
    assert!(goals["children"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["name"] == "revenue"));

    // A config change on disk, with nothing said by the editor: applied.
    std::fs::write(dir.path().join(".planlint.yaml"), "rules:\n  vague-goal: off\n").unwrap();
    let applied = client.expect_within(Duration::from_secs(5), |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && !codes(&m["params"]).contains(&"vague-goal".to_owned())
    });
    assert!(
        applied.is_some(),
        "the config change is applied without a restart"
    );

    // A broken config: shown in the config file at its place.
    let config_uri = format!("{root}/.planlint.yaml");
    std::fs::write(dir.path().join(".planlint.yaml"), "rules:\n  vauge-goal: off\n").unwrap();
    let broken = client
        .expect_within(Duration::from_secs(5), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == config_uri
        })
        .expect("the config's error is published on the config");
    let diagnostic = &broken["params"]["diagnostics"][0];
    assert_eq!(diagnostic["range"]["start"], json!({"line": 1, "character": 2}));
    assert!(diagnostic["message"].as_str().unwrap().contains("vague-goal"));
    std::fs::write(dir.path().join(".planlint.yaml"), "rules: {}\n").unwrap();
    let mended = client.expect_within(Duration::from_secs(5), |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == config_uri
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(
        mended.is_some(),
        "the config's diagnostics are cleared when it is mended"
    );

    assert_eq!(client.finish(), 0);
}

/// 300 edits of a 200 KB plan as fast as the pipe takes them: the last
/// version's diagnostics come soon after, and few older ones are linted.
#[test]
fn a_burst_of_edits_lints_the_newest_version() {
    let (_dir, root) = workspace();
    let mut client = Client::start(_dir.path());
    client.initialize(&root);
    let uri = format!("{root}/big.plan.yaml");
    let text = plan();
    let mut goals = String::from("\n# more goals\n");
    let mut index = 0;
    while text.len() + goals.len() < 200_000 {
        goals.push_str(&format!(
            "  - id: extra-{index}\n    statement: Win {index} more customers in Suzhou by the end of May\n    target: {index}\n    deadline: 2026-05-31\n    owner: Li Na\n"
        ));
        index += 1;
    }
    let big = text.replacen("\nbudget:\n", &format!("{goals}\nbudget:\n"), 1);
    assert!(big.len() >= 200_000);
    client.open(&uri, &big);
    client.diagnostics_for(&uri);

    let last = 301;
    for version in 2..=last {
        let edited = big.replacen("# more goals", &format!("# more goals, edit {version}"), 1);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}),
        );
    }
    let typing_stopped = Instant::now();
    let publishes = std::cell::Cell::new(0);
    let newest = client.expect(|m| {
        let published = m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
        publishes.set(publishes.get() + usize::from(published));
        published && m["params"]["version"] == last
    });
    let waited = typing_stopped.elapsed();
    eprintln!(
        "last version's diagnostics {} ms after the last edit",
        waited.as_millis()
    );
    assert!(waited < Duration::from_secs(2), "took {waited:?}");
    assert!(codes(&newest["params"]).contains(&"vague-goal".to_owned()));
    eprintln!("{} publishes for 300 edits", publishes.get());
    assert!(publishes.get() < 30, "{} versions linted of 300", publishes.get());
    assert_eq!(client.finish(), 0);
}

/// A date that reads two ways gets one quick fix per reading, neither
/// preferred (the writer picks); no edit is offered as certain.
#[test]
fn a_date_that_reads_two_ways_offers_both_readings() {
    let (dir, root) = workspace();
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let uri = format!("{root}/dates.plan.yaml");
    let clean =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clean.plan.yaml")).unwrap();
    let text = clean.replacen("deadline: 2026-07-31", "deadline: 05/06/2026", 1);
    assert_ne!(text, clean);
    client.open(&uri, &text);
    let published = client.diagnostics_for(&uri);
    assert!(codes(&published).contains(&"schema".to_owned()));
    let at = position_of(&text, "05/06/2026");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let readings: Vec<(&str, &Value)> = actions
        .iter()
        .filter(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("write \"05/06/2026\" as")
        })
        .map(|a| {
            (
                a["title"].as_str().unwrap(),
                &a["edit"]["changes"][&uri][0]["newText"],
            )
        })
        .collect();
    assert_eq!(
        readings,
        vec![
            (
                "write \"05/06/2026\" as 2026-06-05 (day first)",
                &json!("\"2026-06-05\"")
            ),
            (
                "write \"05/06/2026\" as 2026-05-06 (month first)",
                &json!("\"2026-05-06\"")
            ),
        ],
        "{actions:?}"
    );
    assert!(
        actions.iter().all(|a| a["isPreferred"] != true),
        "a guess is offered as the preferred fix: {actions:?}"
    );
}

/// A finding with numbers offers each remedy as a quick fix, none
/// preferred: CAC at break-even and each part of LTV on its own.
#[test]
fn remedies_are_offered_as_quick_fixes_never_preferred() {
    let (dir, root) = workspace();
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let uri = format!("{root}/studio.plan.yaml");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/cac-exceeds-ltv.plan.yaml"
    ))
    .unwrap();
    client.open(&uri, &text);
    assert!(codes(&client.diagnostics_for(&uri)).contains(&"cac-exceeds-ltv".to_owned()));
    // On the value: `cac: ` is five characters.
    let mut at = position_of(&text, "cac: 315");
    at["character"] = json!(at["character"].as_u64().unwrap() + 5);
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let set: Vec<(&str, &Value)> = actions
        .iter()
        .filter(|a| a["title"].as_str().unwrap().starts_with("Set "))
        .map(|a| {
            (
                a["title"].as_str().unwrap(),
                &a["edit"]["changes"][&uri][0]["newText"],
            )
        })
        .collect();
    for (title, new_text) in [
        ("Set CAC to 270 (break-even)", "270"),
        ("Set average order value to 105 (break-even)", "105"),
        ("Set purchases a year to 14 (break-even)", "14"),
        ("Set gross margin to 0.584 (break-even)", "0.584"),
        ("Set lifetime in years to 0.5834 (break-even)", "0.5834"),
    ] {
        assert!(
            set.contains(&(title, &json!(new_text))),
            "{title} missing: {set:?}"
        );
    }
    assert!(
        actions
            .iter()
            .filter(|a| a["title"].as_str().unwrap().starts_with("Set "))
            .all(|a| a["isPreferred"] != true),
        "a remedy is offered as the preferred fix: {actions:?}"
    );
    assert_eq!(client.finish(), 0);
}

/// `text` with one LSP edit (UTF-16 positions) applied.
fn apply_edit(text: &str, edit: &Value) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let column = position["character"].as_u64().unwrap() as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        let mut at = line_start;
        for c in text[line_start..].chars() {
            if units >= column || c == '\n' {
                break;
            }
            units += c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    let start = offset(&edit["range"]["start"]);
    let end = offset(&edit["range"]["end"]);
    format!(
        "{}{}{}",
        &text[..start],
        edit["newText"].as_str().unwrap(),
        &text[end..]
    )
}

/// JSON has no comments: a JSON plan (here with a byte-order mark, which
/// hides its opening brace from a look at the first character) is offered
/// no `# planlint-disable` comment, and every edit offered leaves it JSON.
#[test]
fn a_json_plan_gets_no_yaml_comment_actions() {
    let (_dir, root) = workspace();
    let mut client = Client::start(_dir.path());
    client.initialize(&root);
    let uri = format!("{root}/spring.plan.json");
    let text = "\u{feff}{\n  \"version\": 1,\n  \"name\": \"Spring launch\",\n  \"owner\": \"Li Na\",\n  \"currency\": \"CNY\",\n  \
        \"period\": {\"start\": \"2026-03-01\", \"end\": \"2026-08-31\"},\n  \"goals\": [\n    \
        {\"id\": \"awareness\", \"statement\": \"Increase awareness\", \"dealine\": \"2026-06-30\"}\n  ]\n}\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    );
    let published = client.diagnostics_for(&uri);
    let found = codes(&published);
    assert!(
        found.contains(&"vague-goal".to_owned()) && found.contains(&"schema".to_owned()),
        "{found:?}"
    );
    let lines = text.matches('\n').count();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}},
            "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    eprintln!(
        "offered: {:?}",
        actions.iter().map(|a| a["title"].clone()).collect::<Vec<_>>()
    );
    for action in &actions {
        for edit in action["edit"]["changes"][&uri].as_array().unwrap() {
            let new_text = edit["newText"].as_str().unwrap();
            assert!(!new_text.contains('#'), "a comment offered in JSON: {action}");
            let fixed = apply_edit(text, edit);
            assert!(
                serde_json::from_str::<Value>(fixed.trim_start_matches('\u{feff}')).is_ok(),
                "{action} leaves the plan not JSON:\n{fixed}"
            );
        }
    }
    assert_eq!(client.finish(), 0);
}

/// Edits inside one value are read without a parse (the previous version's
/// document with the value read again): after each, the diagnostics pulled
/// for the buffer are exactly those of the same text opened afresh in a
/// second buffer, which is parsed. The edits make findings appear (CAC
/// above LTV, a budget planned past its total), make a value unreadable,
/// rename in Chinese, and end with edits that must be parsed (a new line,
/// a comma inside `{...}`).
#[test]
fn an_edit_inside_a_value_gives_what_a_fresh_parse_gives() {
    let (dir, root) = workspace();
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let uri = format!("{root}/edited.plan.yaml");
    let mut text = plan();
    client.open(&uri, &text);
    client.diagnostics_for(&uri);
    let pull = |client: &mut Client, uri: &str| {
        let answer = client.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
        let items = answer["result"]["items"].clone();
        items.to_string().replace(uri, "URI")
    };
    let edits = [
        ("  cac: 480", "  cac: 4800"),
        ("  total: 300000", "  total: 3000"),
        ("  cac: 4800", "  cac: 48O0"),
        ("  - name: WeChat", "  - name: 微信 公众号"),
        ("    budget: 60000", "    budget: 60000 yuan"),
        ("  cac: 48O0", "  cac: 480"),
        ("  total: 3000", "  total: 300000\n  reserve: 1000"),
        (
            "test: {budget: 2000, revenue: 6400",
            "test: {budget: 2,000, revenue: 6400",
        ),
    ];
    for (version, (from, to)) in (2..).zip(edits) {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
        let edited = pull(&mut client, &uri);
        let fresh_uri = format!("{root}/fresh-{version}.plan.yaml");
        client.open(&fresh_uri, &text);
        let fresh = pull(&mut client, &fresh_uri);
        assert_eq!(edited, fresh, "after {from} -> {to}");
        assert_ne!(edited, "[]", "after {from} -> {to}");
    }
    assert_eq!(client.finish(), 0);
}
