//! The language server speaks the editor's language: `locale` in
//! `initialize` chooses it (without `--lang`), for the rules' diagnostics
//! and for the server's own texts: hover, quick fix titles (issue 25).

use crate::lsp_client::{workspace, Client};
use serde_json::{json, Value};

/// The bundled clean plan with a goal that is only an aspiration.
fn plan() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clean.plan.yaml"))
        .unwrap()
        .replacen(
            "  - id: new-customers\n    statement: Win 550 first-time buyers by the end of July\n    metric: first-time orders\n    baseline: 460\n    target: 550\n    unit: customers\n",
            "  - id: awareness\n    statement: 提高知名度\n",
            1,
        )
}

fn position_of(text: &str, needle: &str) -> Value {
    let offset = text.find(needle).unwrap();
    let line = text[..offset].matches('\n').count();
    let column = text[..offset].rsplit('\n').next().unwrap().encode_utf16().count();
    json!({"line": line, "character": column})
}

/// What a session whose editor says `locale` shows for the vague goal:
/// its diagnostic's message, the hover on it, and the code actions' titles
/// and texts there.
struct Shown {
    messages: Vec<String>,
    hover: String,
    titles: Vec<String>,
    inserted: Vec<String>,
}

fn session(locale: &str) -> Shown {
    session_with(locale, &[])
}

/// As [`session`], the server started with `args`.
fn session_with(locale: &str, args: &[&str]) -> Shown {
    let (dir, root) = workspace();
    let mut client = Client::start_with(dir.path(), args);
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}, "locale": locale}),
    );
    client.notify("initialized", json!({}));
    let uri = format!("{root}/spring.plan.yaml");
    let text = plan();
    client.open(&uri, &text);
    let published = client.diagnostics_for(&uri);
    let messages: Vec<String> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "vague-goal")
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect();
    assert!(!messages.is_empty(), "the vague goal is reported: {published}");
    let at = position_of(&text, "提高知名度");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at}),
    );
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().unwrap();
    let shown = Shown {
        messages,
        hover: hover["result"]["contents"]["value"].as_str().unwrap().to_owned(),
        titles: actions
            .iter()
            .map(|a| a["title"].as_str().unwrap().to_owned())
            .collect(),
        inserted: actions
            .iter()
            .filter_map(|a| a["edit"]["changes"][&uri][0]["newText"].as_str())
            .map(str::to_owned)
            .collect(),
    };
    assert_eq!(client.finish(), 0);
    shown
}

#[test]
fn an_editor_in_chinese_gets_chinese_diagnostics_hover_and_quick_fixes() {
    let shown = session("zh-CN");
    assert!(
        shown
            .messages
            .contains(&"目标 `awareness` 只是一句含糊的愿望（「提高知名度」），里面没有数字".to_owned()),
        "{:?}",
        shown.messages
    );
    let hover = &shown.hover;
    assert!(
        hover.starts_with("**vague-goal**（错误）：目标 `awareness` "),
        "{hover}"
    );
    for part in [
        "**怎么改**：写明数字以及它计的是什么",
        "每个目标都要有一个要达到的数字",
        "**为什么重要**：「让更多人知道我们」",
        "**出处**：《网络营销方案的五个支点》",
        "[文档](",
    ] {
        assert!(hover.contains(part), "{part} in {hover}");
    }
    for english in ["**Why:**", "**Source:**", "**Fix:**", "[Docs]"] {
        assert!(!hover.contains(english), "{english} in {hover}");
    }
    assert!(
        shown.titles.contains(&"在这一行忽略 `vague-goal`".to_owned()),
        "{:?}",
        shown.titles
    );
    assert!(
        shown.titles.contains(&"在整个文件中忽略 `vague-goal`".to_owned()),
        "{:?}",
        shown.titles
    );
    assert!(
        shown
            .inserted
            .iter()
            .any(|text| text.ends_with("# planlint-disable-next-line vague-goal -- 原因\n")),
        "{:?}",
        shown.inserted
    );
}

#[test]
fn an_editor_in_english_stays_english() {
    let shown = session("en");
    assert!(
        shown.messages.contains(
            &"goal `awareness` is a vague aspiration (\"提高知名度\") with no number in it".to_owned()
        ),
        "{:?}",
        shown.messages
    );
    let hover = &shown.hover;
    assert!(
        hover.starts_with("**vague-goal** (error): goal `awareness` "),
        "{hover}"
    );
    for part in ["**Fix:** state the number", "**Why:**", "**Source:**", "[Docs]("] {
        assert!(hover.contains(part), "{part} in {hover}");
    }
    assert!(shown
        .titles
        .contains(&"Suppress `vague-goal` on this line".to_owned()));
    assert!(shown
        .inserted
        .iter()
        .any(|text| text.ends_with("# planlint-disable-next-line vague-goal -- reason\n")));
}

/// `--lang` wins over the editor's locale.
#[test]
fn lang_on_the_command_line_wins_over_the_editors_locale() {
    let shown = session_with("en", &["--lang", "zh"]);
    assert!(
        shown.hover.starts_with("**vague-goal**（错误）："),
        "{}",
        shown.hover
    );
    assert!(shown.titles.contains(&"在这一行忽略 `vague-goal`".to_owned()));
    let shown = session_with("zh-CN", &["--lang", "en"]);
    assert!(
        shown.hover.starts_with("**vague-goal** (error): "),
        "{}",
        shown.hover
    );
}
