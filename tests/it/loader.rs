//! Loading plans: values, spans by JSON pointer, limits and errors.

use std::time::{Duration, Instant};

use planlint::document::*;
use proptest::prelude::*;
use serde_json::{json, Value};

/// The last reference token of a JSON pointer, unescaped per RFC 6901
/// (`"/a/x~1y"` -> `"x/y"`); `None` for the root.
fn pointer_last_segment(pointer: &str) -> Option<String> {
    let slash = pointer.rfind('/')?;
    Some(pointer[slash + 1..].replace("~1", "/").replace("~0", "~"))
}

#[test]
fn last_segment_unescapes() {
    assert_eq!(pointer_last_segment("/a/x~1y~0"), Some("x/y~".to_owned()));
    assert_eq!(pointer_last_segment("/a/~01"), Some("~1".to_owned()));
    assert_eq!(pointer_last_segment(""), None);
}

fn load_ok(text: &str) -> Document {
    match load(text, &LoadLimits::default()) {
        Ok(doc) => doc,
        Err(e) => panic!("load failed: {e:?}\n{text}"),
    }
}

fn load_err(text: &str) -> LoadError {
    match load(text, &LoadLimits::default()) {
        Ok(doc) => panic!("expected an error, got {}", doc.value),
        Err(e) => e,
    }
}

/// (line, column) of a byte offset.
fn lc(text: &str, offset: usize) -> (usize, usize) {
    let p = LineIndex::new(text).position(text, offset);
    (p.line, p.column)
}

fn value_span(doc: &Document, pointer: &str) -> Span {
    doc.spans(pointer)
        .unwrap_or_else(|| panic!("no spans for {pointer:?}"))
        .value
}

fn key_span(doc: &Document, pointer: &str) -> Span {
    doc.spans(pointer)
        .unwrap_or_else(|| panic!("no spans for {pointer:?}"))
        .key
        .unwrap_or_else(|| panic!("no key span for {pointer:?}"))
}

fn slice(text: &str, span: Span) -> &str {
    &text[span.start..span.end]
}

/// Value text, start (line, col) and end (line, col) of a node.
fn located(text: &str, doc: &Document, pointer: &str) -> (String, (usize, usize), (usize, usize)) {
    let span = value_span(doc, pointer);
    (
        slice(text, span).to_owned(),
        lc(text, span.start),
        lc(text, span.end),
    )
}

fn s(text: &str) -> String {
    text.to_owned()
}

const BLOCK_PLAN: &str = "\
version: 1
name: Spring launch
goals:
  - title: Grow signups
    deadline: 2026-03-01
    budget: 1500.50

  # trailing comment
channels: [email, social]
";

#[test]
fn yaml_block_style_positions() {
    let text = BLOCK_PLAN;
    let doc = load_ok(text);
    assert_eq!(
        doc.value,
        json!({
            "version": 1,
            "name": "Spring launch",
            "goals": [{"title": "Grow signups", "deadline": "2026-03-01", "budget": 1500.5}],
            "channels": ["email", "social"],
        })
    );
    assert_eq!(lc(text, key_span(&doc, "/version").start), (1, 1));
    assert_eq!(located(text, &doc, "/version"), (s("1"), (1, 10), (1, 11)));
    assert_eq!(
        located(text, &doc, "/name"),
        (s("Spring launch"), (2, 7), (2, 20))
    );
    assert_eq!(lc(text, key_span(&doc, "/goals/0/deadline").start), (5, 5));
    assert_eq!(
        located(text, &doc, "/goals/0/deadline"),
        (s("2026-03-01"), (5, 15), (5, 25))
    );
    assert_eq!(
        located(text, &doc, "/goals/0/budget"),
        (s("1500.50"), (6, 13), (6, 20))
    );
    // Block collections: from the first dash/key to the end of the last
    // value, not over the blank line and comment that follow.
    assert_eq!(
        located(text, &doc, "/goals/0"),
        (
            s("title: Grow signups\n    deadline: 2026-03-01\n    budget: 1500.50"),
            (4, 5),
            (6, 20)
        )
    );
    assert_eq!(lc(text, value_span(&doc, "/goals").start), (4, 3));
    assert_eq!(lc(text, value_span(&doc, "/goals").end), (6, 20));
    assert_eq!(
        located(text, &doc, "/channels"),
        (s("[email, social]"), (9, 11), (9, 26))
    );
    assert_eq!(
        located(text, &doc, "/channels/1"),
        (s("social"), (9, 19), (9, 25))
    );
    assert_eq!(doc.spans("/goals/0").map(|s| s.key), Some(None));
    assert_eq!(doc.spans("").map(|s| s.key), Some(None));
    // The root: from the first key to the end of the last value.
    let root = value_span(&doc, "");
    assert_eq!(root, Span::new(0, text.len() - 1));
    assert_eq!(doc.len(), 11);
}

#[test]
fn tight_block_mapping_span() {
    let text = "outer:\n  inner:\n    a: 1\n    b: two\n\n\n# note\n  # indented note\nnext: 3\n";
    let doc = load_ok(text);
    let inner = value_span(&doc, "/outer/inner");
    assert_eq!(slice(text, inner), "a: 1\n    b: two");
    assert_eq!(lc(text, inner.end), (4, 11));
    let outer = value_span(&doc, "/outer");
    assert_eq!(slice(text, outer), "inner:\n    a: 1\n    b: two");
    let root = value_span(&doc, "");
    assert_eq!(slice(text, root), &text[..text.len() - 1]);
    // A sequence of mappings ending in an empty value.
    let text = "list:\n- a: 1\n  b:\n\nz: 0\n";
    let doc = load_ok(text);
    assert_eq!(slice(text, value_span(&doc, "/list")), "- a: 1\n  b:");
    assert_eq!(value_span(&doc, "/list/0/b"), Span::new(17, 17));
    assert_eq!(doc.value["list"][0]["b"], Value::Null);
    // Empty values without a `:` sit right after their key.
    let text = "a: 1\n? b\n\n";
    let doc = load_ok(text);
    assert_eq!(value_span(&doc, "/b"), Span::new(8, 8));
    assert_eq!(slice(text, value_span(&doc, "")), "a: 1\n? b");
    let text = "{a, b: }";
    let doc = load_ok(text);
    assert_eq!(value_span(&doc, "/a"), Span::new(2, 2));
    assert_eq!(value_span(&doc, "/b"), Span::new(6, 6));
    // Flow collections end at their bracket, even after a trailing comma.
    let text = "x: {\"a\": [1, 2, ], \"b\": 1, }\n";
    let doc = load_ok(text);
    assert_eq!(
        slice(text, value_span(&doc, "/x")),
        "{\"a\": [1, 2, ], \"b\": 1, }"
    );
    assert_eq!(slice(text, value_span(&doc, "/x/a")), "[1, 2, ]");
    // Sequences at their key's indentation start at the dash too.
    let text = "key:\n- - a\n  - b\n- c\nanchored: &x\n- d\n";
    let doc = load_ok(text);
    assert_eq!(slice(text, value_span(&doc, "/key")), "- - a\n  - b\n- c");
    assert_eq!(slice(text, value_span(&doc, "/key/0")), "- a\n  - b");
    assert_eq!(slice(text, value_span(&doc, "/anchored")), "- d");
}

#[test]
fn flow_style_positions() {
    let text = "{version: 1, name: 'Launch', goals: [{title: a, deadline: 2026-03-01}], tags: []}";
    let doc = load_ok(text);
    assert_eq!(located(text, &doc, "/name"), (s("'Launch'"), (1, 20), (1, 28)));
    assert_eq!(lc(text, key_span(&doc, "/goals/0/deadline").start), (1, 49));
    assert_eq!(
        located(text, &doc, "/goals/0/deadline"),
        (s("2026-03-01"), (1, 59), (1, 69))
    );
    assert_eq!(
        located(text, &doc, "/goals/0"),
        (s("{title: a, deadline: 2026-03-01}"), (1, 38), (1, 70))
    );
    assert_eq!(located(text, &doc, "/tags"), (s("[]"), (1, 79), (1, 81)));
    assert_eq!(value_span(&doc, ""), Span::new(0, text.len()));
}

#[test]
fn json_positions() {
    let text = r#"{
  "version": 1,
  "name": "Launch \"Q2\"",
  "goals": [
    {"title": "a", "deadline": "2026-03-01", "budget": -2.5e3}
  ],
  "owner": null
}
"#;
    let doc = load_ok(text);
    assert_eq!(
        doc.value,
        json!({
            "version": 1,
            "name": "Launch \"Q2\"",
            "goals": [{"title": "a", "deadline": "2026-03-01", "budget": -2500.0}],
            "owner": null,
        })
    );
    assert_eq!(slice(text, key_span(&doc, "/name")), "\"name\"");
    assert_eq!(
        located(text, &doc, "/name"),
        (s("\"Launch \\\"Q2\\\"\""), (3, 11), (3, 26))
    );
    assert_eq!(lc(text, key_span(&doc, "/goals/0/deadline").start), (5, 20));
    assert_eq!(
        located(text, &doc, "/goals/0/deadline"),
        (s("\"2026-03-01\""), (5, 32), (5, 44))
    );
    assert_eq!(
        located(text, &doc, "/goals/0/budget"),
        (s("-2.5e3"), (5, 56), (5, 62))
    );
    assert_eq!(lc(text, value_span(&doc, "/goals").start), (4, 12));
    assert_eq!(lc(text, value_span(&doc, "/goals").end), (6, 4));
    assert_eq!(located(text, &doc, "/owner"), (s("null"), (7, 12), (7, 16)));
    assert_eq!(slice(text, value_span(&doc, "")), text.trim_end());
}

#[test]
fn multibyte_text_before_nodes() {
    let text = "name: 春季发布 🚀\ngoals:\n  - title: \"增长 😀\"\n    deadline: 2026-03-01\n名前: 中文\n";
    let doc = load_ok(text);
    assert_eq!(doc.value["name"], json!("春季发布 🚀"));
    assert_eq!(located(text, &doc, "/name"), (s("春季发布 🚀"), (1, 7), (1, 13)));
    assert_eq!(
        located(text, &doc, "/goals/0/title"),
        (s("\"增长 😀\""), (3, 12), (3, 18))
    );
    assert_eq!(lc(text, key_span(&doc, "/goals/0/deadline").start), (4, 5));
    assert_eq!(
        located(text, &doc, "/goals/0/deadline"),
        (s("2026-03-01"), (4, 15), (4, 25))
    );
    assert_eq!(slice(text, key_span(&doc, "/名前")), "名前");
    assert_eq!(located(text, &doc, "/名前"), (s("中文"), (5, 5), (5, 7)));
    // A flow document with multibyte keys on one line.
    let text = "{\"é\": [\"ü\", {\"ß\": 1}]}";
    let doc = load_ok(text);
    assert_eq!(located(text, &doc, "/é/1/ß"), (s("1"), (1, 19), (1, 20)));
    assert_eq!(located(text, &doc, "/é/1"), (s("{\"ß\": 1}"), (1, 13), (1, 21)));
}

#[test]
fn crlf_files() {
    let text = "version: 1\r\nname: x\r\ngoals:\r\n  - deadline: 2026-03-01\r\n    note: |\r\n      two\r\n      lines\r\n\r\nlast: \"q\"\r\n";
    let doc = load_ok(text);
    assert_eq!(doc.value["goals"][0]["note"], json!("two\nlines\n"));
    assert_eq!(located(text, &doc, "/name"), (s("x"), (2, 7), (2, 8)));
    assert_eq!(lc(text, key_span(&doc, "/goals/0/deadline").start), (4, 5));
    assert_eq!(
        located(text, &doc, "/goals/0/deadline"),
        (s("2026-03-01"), (4, 15), (4, 25))
    );
    assert_eq!(
        located(text, &doc, "/goals/0/note"),
        (s("|\r\n      two\r\n      lines"), (5, 11), (7, 12))
    );
    assert_eq!(
        slice(text, value_span(&doc, "/goals")),
        "- deadline: 2026-03-01\r\n    note: |\r\n      two\r\n      lines"
    );
    assert_eq!(located(text, &doc, "/last"), (s("\"q\""), (9, 7), (9, 10)));
}

#[test]
fn bom_files() {
    let text = "\u{feff}version: 1\nname: \"Ünïcode\"\nlist: [a, b]\n";
    let doc = load_ok(text);
    assert_eq!(key_span(&doc, "/version"), Span::new(3, 10));
    assert_eq!(value_span(&doc, "/version"), Span::new(12, 13));
    assert_eq!(located(text, &doc, "/name"), (s("\"Ünïcode\""), (2, 7), (2, 16)));
    assert_eq!(located(text, &doc, "/list/1"), (s("b"), (3, 11), (3, 12)));
    assert_eq!(value_span(&doc, "").start, 3);
    // BOM + JSON + CRLF.
    let text = "\u{feff}{\r\n  \"a\": [1,\r\n 2]\r\n}";
    let doc = load_ok(text);
    assert_eq!(located(text, &doc, "/a/1"), (s("2"), (3, 2), (3, 3)));
    assert_eq!(value_span(&doc, ""), Span::new(3, text.len()));
    // Errors are placed in the original text too.
    let text = "\u{feff}a: 1\na: 2\n";
    let e = load_err(text);
    assert_eq!(e.span, Span::new(8, 9));
    assert_eq!(e.related[0].span, Span::new(3, 4));
}

#[test]
fn scalar_spans_are_tight() {
    let text = "a: 'it''s'   # note\nb: \"x\\\"y\" # q\nc: &anchor !!str tagged\nd: *anchor\ne: >-\n  folded\n  text\n\n\nf: plain\n  multi line\ng: \"multi\n  line\"\n";
    let doc = load_ok(text);
    assert_eq!(slice(text, value_span(&doc, "/a")), "'it''s'");
    assert_eq!(slice(text, value_span(&doc, "/b")), "\"x\\\"y\"");
    assert_eq!(slice(text, value_span(&doc, "/c")), "tagged");
    assert_eq!(slice(text, value_span(&doc, "/d")), "*anchor");
    assert_eq!(slice(text, value_span(&doc, "/e")), ">-\n  folded\n  text");
    assert_eq!(slice(text, value_span(&doc, "/f")), "plain\n  multi line");
    assert_eq!(slice(text, value_span(&doc, "/g")), "\"multi\n  line\"");
    assert_eq!(doc.value["d"], json!("tagged"));
    assert_eq!(doc.value["e"], json!("folded text"));
}

/// YAML merge keys: the merged entries are in the value (the mapping's own
/// keys win, then the first source), `<<` is not, and a merged value's span
/// is where it is written.
#[test]
fn merge_keys_take_entries_and_their_spans() {
    let text = "base: &b {owner: Li, deadline: 2026-06-30}\nextra: &e {owner: Wang, metric: orders}\ngoals:\n  - <<: *b\n    id: a\n  - <<: [*e, *b]\n    id: b\n    deadline: 2026-09-30\n  - id: c\n    <<: {owner: Zhao}\n";
    let doc = load_ok(text);
    assert_eq!(
        doc.value["goals"],
        json!([
            {"id": "a", "owner": "Li", "deadline": "2026-06-30"},
            {"id": "b", "owner": "Wang", "metric": "orders", "deadline": "2026-09-30"},
            {"id": "c", "owner": "Zhao"},
        ])
    );
    assert_eq!(slice(text, value_span(&doc, "/goals/0/owner")), "Li");
    assert_eq!(lc(text, value_span(&doc, "/goals/0/deadline").start), (1, 32));
    assert_eq!(slice(text, value_span(&doc, "/goals/1/owner")), "Wang");
    assert_eq!(slice(text, value_span(&doc, "/goals/1/metric")), "orders");
    assert_eq!(lc(text, value_span(&doc, "/goals/1/deadline").start), (8, 15));
    assert_eq!(slice(text, value_span(&doc, "/goals/2/owner")), "Zhao");

    let bad = load_err("base: &b [1, 2]\ngoal:\n  <<: *b\n  id: a\n");
    assert!(
        bad.message.contains("`<<` merges groups of fields"),
        "{}",
        bad.message
    );
}

#[test]
fn aliases_copy_values_and_spans() {
    let text = "base: &b\n  channel: email\n  spend: [1, 2]\ncopy: *b\nlist:\n  - *b\n";
    let doc = load_ok(text);
    let base = json!({"channel": "email", "spend": [1, 2]});
    assert_eq!(doc.value["copy"], base);
    assert_eq!(doc.value["list"][0], base);
    assert_eq!(slice(text, value_span(&doc, "/copy")), "*b");
    assert_eq!(slice(text, key_span(&doc, "/copy")), "copy");
    assert_eq!(slice(text, value_span(&doc, "/list/0")), "*b");
    // Descendants of a copy point at the anchored nodes.
    assert_eq!(doc.spans("/copy/spend/1"), doc.spans("/base/spend/1"));
    assert_eq!(doc.spans("/list/0/channel"), doc.spans("/base/channel"));
    assert_eq!(slice(text, value_span(&doc, "/list/0/spend/0")), "1");
    // Scalar anchors, also as keys.
    let doc = load_ok("k: &k name\nv: *k\n*k : 3\n");
    assert_eq!(doc.value, json!({"k": "name", "v": "name", "name": 3}));
}

#[test]
fn duplicate_keys() {
    let text = "name: a\nversion: 1\nname: b\n";
    let e = load_err(text);
    assert_eq!(e.message, "duplicate key `name`");
    assert_eq!(e.label, "duplicate key");
    assert_eq!(e.span, Span::new(19, 23));
    assert_eq!(lc(text, e.span.start), (3, 1));
    assert_eq!(
        e.related,
        vec![Label {
            span: Span::new(0, 4),
            message: "first defined here".to_owned(),
        }]
    );
    // Nested, flow, quoted variants of the same key.
    let text = "goals:\n  - {title: x, \"title\": y}\n";
    let e = load_err(text);
    assert_eq!(e.message, "duplicate key `title`");
    assert_eq!(slice(text, e.span), "\"title\"");
    assert_eq!(slice(text, e.related[0].span), "title");
    assert_eq!(lc(text, e.related[0].span.start), (2, 6));
    // Same key in different mappings is fine.
    load_ok("a: {x: 1}\nb: {x: 1}\n");
}

#[test]
fn non_scalar_keys() {
    let e = load_err("? [a]\n: b\n");
    assert_eq!(e.message, "a field name must be plain text, not a list");
    assert_eq!(e.span, Span::new(2, 3));
    let e = load_err("{{a: 1}: b}");
    assert_eq!(
        e.message,
        "a field name must be plain text, not a group of fields"
    );
    assert_eq!(e.span, Span::new(1, 2));
    // Scalar keys of any kind become strings.
    let doc = load_ok("1: x\ntrue: y\n~: z\n'q': w\n");
    assert_eq!(doc.value, json!({"1": "x", "true": "y", "~": "z", "q": "w"}));
}

fn nested_block(depth: usize) -> String {
    let mut text = "- ".repeat(depth);
    text.push_str("x\n");
    text
}

fn nested_flow(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn nested_json(depth: usize) -> String {
    format!("{}1{}", "{\"a\": ".repeat(depth), "}".repeat(depth))
}

fn assert_depth_error(text: &str, expect_at: usize) {
    let e = load_err(text);
    assert_eq!(e.message, "nesting deeper than 128 levels");
    assert_eq!(e.span.start, expect_at, "depth error position");
    assert!(e.span.len() == 1);
}

#[test]
fn depth_cap() {
    // 128 levels load; the 129th container is the error.
    let doc = load_ok(&nested_block(128));
    assert_eq!(doc.len(), 129);
    assert_depth_error(&nested_block(129), 256);
    load_ok(&nested_flow(128));
    assert_depth_error(&nested_flow(129), 128);
    assert_depth_error(&nested_flow(300), 128);
    load_ok(&nested_json(128));
    assert_depth_error(&nested_json(129), 128 * 6);
    assert_depth_error(&nested_json(400), 128 * 6);
    // Multi-line nesting.
    let text = "[\n".repeat(200);
    assert_depth_error(&text, 128 * 2);
    // A custom limit.
    let limits = LoadLimits {
        max_depth: 2,
        ..LoadLimits::default()
    };
    let e = load("a:\n  b:\n    c: 1\n", &limits).unwrap_err();
    assert_eq!(e.message, "nesting deeper than 2 levels");
    assert_eq!(e.span, Span::new(12, 13));
    assert!(load("a:\n  b: 1\n", &limits).is_ok());
}

#[test]
fn depth_cap_200k_is_fast() {
    let inputs = [
        nested_block(200_000),
        nested_flow(200_000),
        nested_json(200_000),
        "[\n".repeat(200_000),
        format!("{}x", "- ".repeat(200_000)),
    ];
    for text in &inputs {
        let started = Instant::now();
        let e = load_err(text);
        let took = started.elapsed();
        assert_eq!(e.message, "nesting deeper than 128 levels");
        assert!(took < Duration::from_millis(500), "took {took:?}");
    }
}

#[test]
fn depth_counts_alias_copies() {
    let deep = format!(
        "a: &a {}\nb: {}*a{}\n",
        nested_flow(100),
        "[".repeat(40),
        "]".repeat(40)
    );
    let e = load_err(&deep);
    assert_eq!(e.message, "nesting deeper than 128 levels");
    assert_eq!(slice(&deep, e.span), "*a");
}

#[test]
fn billion_laughs() {
    let text = "\
a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
";
    let started = Instant::now();
    let e = load_err(text);
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(
        e.message,
        "alias expansion exceeds 100000 nodes (possible alias bomb)"
    );
    assert_eq!(e.span.len(), 2);
    assert_eq!(&text[e.span.start..e.span.start + 1], "*");
    assert_eq!(lc(text, e.span.start).0, 6);
    // One huge string aliased many times trips the byte budget.
    let big = "x".repeat(1 << 20);
    let text = format!("a: &a {big}\nb: [{}]\n", vec!["*a"; 20].join(", "));
    let e = load_err(&text);
    assert_eq!(
        e.message,
        "alias expansion exceeds 16777216 bytes (possible alias bomb)"
    );
    // Aliased keys count too.
    let limits = LoadLimits {
        max_alias_bytes: 10,
        ..LoadLimits::default()
    };
    let text = "a: &k abcdef\nb: {*k : 1}\nc: {*k : 2}\n";
    let e = load(text, &limits).unwrap_err();
    assert_eq!(
        e.message,
        "alias expansion exceeds 10 bytes (possible alias bomb)"
    );
    assert_eq!(
        e.span,
        Span::new(text.rfind("*k").unwrap(), text.rfind("*k").unwrap() + 2)
    );
    // A few aliases are fine.
    let doc = load_ok("a: &a [1, 2]\nb: [*a, *a]\n");
    assert_eq!(doc.value["b"], json!([[1, 2], [1, 2]]));
}

#[test]
fn long_keys_above_many_nodes_load() {
    // Spans are found by walking a pointer, not stored under every node's
    // full pointer: 100 nested 1,000-byte keys above 10,000 items once meant
    // a gigabyte of pointer text.
    let key = "k".repeat(1000);
    let mut text = String::new();
    for depth in 0..100 {
        text.push_str(&format!("{:indent$}{key}:\n", "", indent = depth));
    }
    text.push_str(&format!("{:100}- 1\n", "").repeat(10_000));
    let doc = load_ok(&text);
    assert_eq!(doc.len(), 10_101);
    let deepest = format!("/{key}").repeat(100);
    assert_eq!(slice(&text, value_span(&doc, &format!("{deepest}/9999"))), "1");
    assert_eq!(slice(&text, key_span(&doc, &deepest)), key);
}

#[test]
fn undefined_and_recursive_aliases() {
    let text = "a: 1\nb: *missing\n";
    let e = load_err(text);
    assert_eq!(
        e.message,
        "undefined alias `*missing`: no anchor `&missing` is defined before it"
    );
    assert_eq!(slice(text, e.span), "*missing");
    let text = "a: &a [1, *a]\n";
    let e = load_err(text);
    assert_eq!(slice(text, e.span), "*a");
    assert!(e.message.contains("refers to a node that contains it"));
}

#[test]
fn multiple_documents() {
    let text = "name: a\n---\nname: b\n";
    let e = load_err(text);
    assert_eq!(
        e.message,
        "multiple YAML documents in one file; a plan file holds one document"
    );
    assert_eq!(e.span, Span::new(8, 11));
    let text = "---\na: 1\n...\n---\n[b]\n";
    let e = load_err(text);
    assert_eq!(slice(text, e.span), "---");
    assert_eq!(lc(text, e.span.start), (4, 1));
    // A document started implicitly after `...`.
    let text = "a: 1\n...\nb: 2\n";
    let e = load_err(text);
    assert_eq!(e.span, Span::new(9, 10));
    // Empty documents around the real one are ignored.
    assert_eq!(load_ok("---\nname: a\n---\n").value, json!({"name": "a"}));
    assert_eq!(load_ok("---\n---\nname: a\n").value, json!({"name": "a"}));
}

#[test]
fn empty_files() {
    for text in [
        "",
        "   \n\n",
        "# just a comment\n# another\n",
        "---\n",
        "--- # c\n...\n",
        "\u{feff}",
    ] {
        let e = load_err(text);
        assert_eq!(
            e.message, "the file is empty: a plan needs at least `version` and `name`",
            "{text:?}"
        );
        assert_eq!(e.span, Span::new(0, 0));
    }
    // A document holding only null is not empty.
    assert_eq!(load_ok("~\n").value, Value::Null);
}

#[test]
fn non_finite_numbers() {
    for (text, shown) in [
        ("budget: .nan\n", ".nan"),
        ("budget: .inf\n", ".inf"),
        ("budget: -.Inf\n", "-.Inf"),
        ("budget: 1e400\n", "1e400"),
        ("budget: !!float .NaN\n", ".NaN"),
    ] {
        let e = load_err(text);
        assert_eq!(
            e.message,
            format!("`{shown}` is not a finite number; planlint needs plain finite numbers")
        );
        assert_eq!(slice(text, e.span), shown);
    }
    // JSON too.
    let e = load_err("{\"budget\": 1e999}");
    assert_eq!(e.span, Span::new(11, 16));
}

#[test]
fn huge_integers() {
    let doc = load_ok(
        "n: 1234567890123456789012345678901234567890\nm: 18446744073709551615\nk: -9223372036854775808\n",
    );
    assert!(doc.value["n"].is_f64());
    assert_eq!(doc.value["n"].as_f64(), Some(1.2345678901234568e39));
    assert_eq!(doc.value["m"].as_u64(), Some(u64::MAX));
    assert_eq!(doc.value["k"].as_i64(), Some(i64::MIN));
}

#[test]
fn invalid_utf8() {
    let bytes = b"name: plan\nx: \xff\xfe\n";
    let e = decode(bytes).unwrap_err();
    assert_eq!(
        e.message,
        "invalid UTF-8 at byte 14: planlint reads plans as UTF-8 text"
    );
    assert_eq!(e.span, Span::new(14, 15));
    let e = decode(b"ab\xe4\xb8").unwrap_err();
    assert_eq!(e.span, Span::new(2, 3));
    assert_eq!(decode("名前: ok".as_bytes()), Ok("名前: ok"));
}

#[test]
fn scalar_typing_table() {
    let text = "\
int: 42
neg: -17
plus: +3
octal: 0o17
hex: 0xff
float: 3.25
exp: 1e3
dot: .5
t: true
T: True
f: FALSE
n1: null
n2: ~
n3:
n4: NULL
quoted_int: '42'
quoted_bool: \"true\"
quoted_null: 'null'
date: 2026-03-01
time: 12:30
version: 1.2.3
yes: yes
literal: |
  42
tagged_str: !!str 42
tagged_int: !!int \"7\"
tagged_bool: !!bool 'false'
tagged_null: !!null ''
custom: !thing 5
";
    let doc = load_ok(text);
    assert_eq!(
        doc.value,
        json!({
            "int": 42, "neg": -17, "plus": 3, "octal": 15, "hex": 255,
            "float": 3.25, "exp": 1000.0, "dot": 0.5,
            "t": true, "T": true, "f": false,
            "n1": null, "n2": null, "n3": null, "n4": null,
            "quoted_int": "42", "quoted_bool": "true", "quoted_null": "null",
            "date": "2026-03-01", "time": "12:30", "version": "1.2.3", "yes": "yes",
            "literal": "42\n",
            "tagged_str": "42", "tagged_int": 7, "tagged_bool": false, "tagged_null": null,
            "custom": 5,
        })
    );
    assert!(doc.value["int"].is_i64());
    assert!(doc.value["exp"].is_f64());
    assert_eq!(
        value_span(&doc, "/n3"),
        Span::new(text.find("n3:").unwrap() + 3, text.find("n3:").unwrap() + 3)
    );
}

#[test]
fn parser_errors() {
    let text = "a: [1, 2\nb: 3\n";
    let e = load_err(text);
    assert_eq!(e.label, "here");
    assert!(e.span.end <= text.len());
    assert!(!e.message.is_empty());
    // Tabs used for indentation.
    let text = "goals:\n\t- a\n";
    let e = load_err(text);
    assert!(
        e.message.starts_with("tabs cannot be used for indentation"),
        "{}",
        e.message
    );
    assert_eq!(e.span, Span::new(7, 8));
    // Error positions are byte offsets after multibyte text.
    let text = "名前: \"x\" y\n";
    let e = load_err(text);
    assert!(e.span.start >= "名前: \"x\"".len(), "{e:?}");
    assert!(text.is_char_boundary(e.span.start));
    assert!(text.is_char_boundary(e.span.end));
}

#[test]
fn document_span_helpers() {
    let text = "goals:\n  - title: a\n";
    let doc = load_ok(text);
    assert_eq!(slice(text, doc.pointer_span("/goals/0/title")), "a");
    assert_eq!(slice(text, doc.key_or_value_span("/goals/0/title")), "title");
    assert_eq!(slice(text, doc.key_or_value_span("/goals/0")), "title: a");
    // Missing pointers fall back to the nearest ancestor's value.
    assert_eq!(slice(text, doc.pointer_span("/goals/0/deadline")), "title: a");
    assert_eq!(
        slice(text, doc.key_or_value_span("/goals/0/deadline")),
        "title: a"
    );
    assert_eq!(slice(text, doc.pointer_span("/budget")), "goals:\n  - title: a");
    assert_eq!(pointer_child("/goals", "a/b~"), "/goals/a~1b~0");
}

/// Everything a load gives: the value and every node's spans, or the error.
fn summary(loaded: Result<Document, LoadError>) -> Result<(Value, Vec<(String, NodeSpans)>), LoadError> {
    loaded.map(|doc| (doc.value.clone(), doc.iter().collect()))
}

fn check_spans(text: &str, doc: &Document) {
    for (pointer, spans) in doc.iter() {
        for span in std::iter::once(spans.value).chain(spans.key) {
            assert!(span.start <= span.end, "{pointer:?} {span:?}");
            assert!(span.end <= text.len(), "{pointer:?} {span:?}");
            assert!(text.is_char_boundary(span.start), "{pointer:?} {span:?}");
            assert!(text.is_char_boundary(span.end), "{pointer:?} {span:?}");
        }
    }
}

fn check_error(text: &str, e: &LoadError) {
    assert!(!e.message.starts_with("internal error"), "{e:?} for {text:?}");
    for span in std::iter::once(e.span).chain(e.related.iter().map(|l| l.span)) {
        assert!(span.start <= span.end && span.end <= text.len(), "{e:?}");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{e:?}"
        );
    }
}

fn yamlish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "b",
        "é",
        "中",
        "😀",
        ":",
        ": ",
        "- ",
        "? ",
        "\n",
        "\r\n",
        "\r",
        " ",
        "  ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        "\"",
        "\\",
        "#",
        "&a ",
        "*a",
        "!!str ",
        "!t ",
        "|",
        ">-",
        "---\n",
        "...\n",
        "%YAML 1.2\n",
        "~",
        "1",
        "-1.5",
        ".nan",
        "0x1F",
        "\u{feff}",
        "key: value\n",
        "  - item\n",
        "\"q\": 1",
        "&x [1]",
        "*x",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
}

/// Printable text (YAML refuses some characters JSON allows, such as DEL).
const TEXT: &str = "[a-zA-Z0-9 _\\-\"\\\\/é中😀\t\n.:#&*!|>'\\[\\]{},~]{0,8}";

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        TEXT.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(TEXT, inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Every span of a JSON document holds exactly the JSON of its node.
fn check_json_spans(text: &str, want: &Value) {
    let doc = load_ok(text);
    assert_eq!(&doc.value, want, "{text}");
    for (pointer, spans) in doc.iter() {
        let node: Value = serde_json::from_str(slice(text, spans.value))
            .unwrap_or_else(|e| panic!("{pointer:?}: {e} in {:?}", slice(text, spans.value)));
        assert_eq!(Some(&node), want.pointer(&pointer), "{pointer:?}");
        if let Some(key) = spans.key {
            let key: String = serde_json::from_str(slice(text, key)).unwrap();
            assert_eq!(Some(key), pointer_last_segment(&pointer), "{pointer:?}");
        }
    }
}

/// A block-style YAML rendering of `value`, scalars written as JSON, with
/// comments and blank lines between entries when `noisy`.
fn emit_block(value: &Value, indent: usize, noisy: bool, out: &mut String) {
    let newline = |out: &mut String, indent: usize| {
        if noisy {
            out.push_str("  # note\n\n# comment\n");
        } else {
            out.push('\n');
        }
        out.push_str(&" ".repeat(indent));
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (i, (key, child)) in map.iter().enumerate() {
                if i > 0 {
                    newline(out, indent);
                }
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                match child {
                    Value::Object(m) if !m.is_empty() => {
                        out.push('\n');
                        out.push_str(&" ".repeat(indent + 2));
                        emit_block(child, indent + 2, noisy, out);
                    }
                    // Sequences at the key's indentation.
                    Value::Array(a) if !a.is_empty() => {
                        out.push('\n');
                        out.push_str(&" ".repeat(indent));
                        emit_block(child, indent, noisy, out);
                    }
                    _ => {
                        out.push(' ');
                        emit_block(child, indent, noisy, out);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, child) in items.iter().enumerate() {
                if i > 0 {
                    newline(out, indent);
                }
                out.push_str("- ");
                emit_block(child, indent + 2, noisy, out);
            }
        }
        scalar => out.push_str(&serde_json::to_string(scalar).unwrap()),
    }
}

/// Every span of a block YAML document holds its node: scalars parse as
/// JSON, collections load (re-indented to their column) as YAML.
fn check_block_spans(text: &str, want: &Value) {
    let doc = load_ok(text);
    assert_eq!(&doc.value, want, "{text}");
    let index = LineIndex::new(text);
    for (pointer, spans) in doc.iter() {
        let node = want.pointer(&pointer).unwrap();
        let part = slice(text, spans.value);
        let got: Value = match node {
            Value::Object(m) if !m.is_empty() => {
                let column = index.position(text, spans.value.start).column;
                load_ok(&format!("{}{part}", " ".repeat(column - 1))).value
            }
            Value::Array(a) if !a.is_empty() => {
                let column = index.position(text, spans.value.start).column;
                load_ok(&format!("{}{part}", " ".repeat(column - 1))).value
            }
            _ => serde_json::from_str(part).unwrap_or_else(|e| panic!("{pointer:?}: {e} in {part:?}")),
        };
        assert_eq!(&got, node, "{pointer:?} {part:?}\n{text}");
        assert!(!part.ends_with(char::is_whitespace), "{pointer:?} {part:?}");
        if let Some(key) = spans.key {
            let key: String = serde_json::from_str(slice(text, key)).unwrap();
            assert_eq!(Some(key), pointer_last_segment(&pointer), "{pointer:?}");
        }
    }
}

proptest! {
    // LOADER_FUZZ_CASES=100000 for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("LOADER_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn json_spans_hold_their_nodes(value in json_value()) {
        check_json_spans(&serde_json::to_string(&value).unwrap(), &value);
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        check_json_spans(&pretty, &value);
        check_json_spans(&format!("\u{feff}{}", pretty.replace('\n', "\r\n")), &value);
    }

    #[test]
    fn block_yaml_spans_hold_their_nodes(value in json_value(), noisy in any::<bool>()) {
        let mut text = String::new();
        emit_block(&value, 0, noisy, &mut text);
        text.push_str("\n\n# end\n");
        check_block_spans(&text, &value);
        let crlf = text.replace('\n', "\r\n");
        check_block_spans(&crlf, &value);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        match load(&text, &LoadLimits::default()) {
            Ok(doc) => check_spans(&text, &doc),
            Err(e) => check_error(&text, &e),
        }
    }

    #[test]
    fn yaml_like_strings_never_panic(text in yamlish()) {
        match load(&text, &LoadLimits::default()) {
            Ok(doc) => check_spans(&text, &doc),
            Err(e) => check_error(&text, &e),
        }
    }

    #[test]
    fn parsing_on_a_thread_changes_nothing(text in yamlish()) {
        let threaded = LoadLimits { parse_on_thread_from: 0, ..LoadLimits::default() };
        let inline = LoadLimits { parse_on_thread_from: usize::MAX, ..LoadLimits::default() };
        prop_assert_eq!(summary(load(&text, &threaded)), summary(load(&text, &inline)));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match decode(&bytes) {
            Ok(text) => match load(text, &LoadLimits::default()) {
                Ok(doc) => check_spans(text, &doc),
                Err(e) => check_error(text, &e),
            },
            Err(e) => {
                prop_assert!(e.span.start < bytes.len());
                prop_assert_eq!(e.span.len(), 1);
            }
        }
    }
}

/// ~10 MB, 100,000 entries: run with
/// `cargo test --release --test loader -- --ignored --nocapture`.
#[test]
#[ignore]
fn big_file_loads_fast() {
    let mut text = String::with_capacity(11 << 20);
    text.push_str("version: 1\nname: big\nentries:\n");
    let filler = "lorem ipsum dolor sit amet ".repeat(3);
    for i in 0..100_000 {
        text.push_str(&format!("  key_{i:06}: \"{i} {filler}\"\n"));
    }
    assert!(text.len() > 10_000_000, "{}", text.len());
    let started = Instant::now();
    let doc = load_ok(&text);
    let took = started.elapsed();
    println!("{} bytes, {} nodes: {took:?}", text.len(), doc.len());
    assert_eq!(doc.value["entries"].as_object().map(|m| m.len()), Some(100_000));
    let span = value_span(&doc, "/entries/key_099999");
    assert!(slice(&text, span).starts_with("\"99999 lorem"));
    // And the same with multibyte text, in JSON.
    let mut json_text = String::with_capacity(11 << 20);
    json_text.push_str("{\"entries\": {");
    for i in 0..100_000 {
        if i > 0 {
            json_text.push_str(",\n");
        }
        json_text.push_str(&format!("\"clé_{i}\": [\"中文 {filler}\", {i}]"));
    }
    json_text.push_str("}}");
    let started = Instant::now();
    let doc = load_ok(&json_text);
    println!(
        "{} bytes JSON, {} nodes: {:?}",
        json_text.len(),
        doc.len(),
        started.elapsed()
    );
    let span = value_span(&doc, "/entries/clé_99999/1");
    assert_eq!(slice(&json_text, span), "99999");
    for (text, depth) in [
        (nested_block(200_000), "block"),
        (nested_flow(200_000), "flow"),
        (nested_json(200_000), "json"),
    ] {
        let started = Instant::now();
        let _ = load(&text, &LoadLimits::default());
        println!("200k-deep {depth}: {:?}", started.elapsed());
    }
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
fn large_files_parse_on_a_thread_of_their_own_with_the_same_results() {
    // From 256 KiB on, saphyr parses on its own thread while the tree is
    // built: the builder may stop early, the parser may fail late.
    let filler = "  - 1\n".repeat(50_000);
    let text = format!("list:\n{filler}");
    let doc = load_ok(&text);
    assert_eq!(doc.value["list"].as_array().map(Vec::len), Some(50_000));
    assert_eq!(slice(&text, value_span(&doc, "/list/49999")), "1");
    assert_eq!(value_span(&doc, "/list/49999").end, text.len() - 1);

    let early = format!("a: 1\na: 2\nlist:\n{filler}");
    let e = load(&early, &LoadLimits::default()).unwrap_err();
    assert!(e.message.starts_with("duplicate key"), "{e:?}");
    assert_eq!(e.span, Span::new(5, 6));

    let late = format!("list:\n{filler}next: [1, 2\n");
    let e = load(&late, &LoadLimits::default()).unwrap_err();
    assert!(e.span.start > filler.len(), "{e:?}");
}

/// `planlint --lang zh check NAME` on a plan whose text is `text`: the
/// exit code and what it printed.
fn check_plan_in_chinese(name: &str, text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let output = crate::planlint_in_english()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["--lang", "zh", "check", name])
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), printed)
}

/// A field written twice, in a JSON plan and in a YAML plan: named in
/// Chinese at the second, with the first shown too.
#[test]
fn a_field_given_twice_is_named_in_chinese_in_json_and_yaml() {
    let (code, printed) = check_plan_in_chinese(
        "spring.plan.json",
        "{\n  \"version\": 1,\n  \"name\": \"春季\",\n  \"name\": \"夏季\"\n}\n",
    );
    assert_eq!(code, Some(2), "{printed}");
    assert!(printed.contains("spring.plan.json:4:3"), "{printed}");
    assert!(printed.contains("字段 `name` 在这里又写了一次"), "{printed}");
    assert!(printed.contains("第一次写在这里"), "{printed}");

    let (code, printed) = check_plan_in_chinese("spring.plan.yaml", "version: 1\nname: 春季\nname: 夏季\n");
    assert_eq!(code, Some(2), "{printed}");
    assert!(printed.contains("spring.plan.yaml:3:1"), "{printed}");
    assert!(printed.contains("字段 `name` 写了两次"), "{printed}");
    assert!(printed.contains("第一次写在这里"), "{printed}");
    assert!(!printed.contains("duplicate key"), "{printed}");
}

/// The loaders' errors in Chinese: the same place and the same parser
/// words as in English, only the message and labels differ.
#[test]
fn loader_errors_in_chinese_keep_their_place() {
    use planlint::i18n::{scoped, Lang};
    let cases: [(&str, bool, &str); 5] = [
        ("{\"a\": 1,}", true, "最后一项之后多了一个逗号"),
        ("{\"a\": \"x\ny\"}", true, "文本中有换行"),
        ("a: [1, 2\n", false, "列表却没有闭合"),
        ("a: &x [*x]\n", false, "别名 `*x` 引用了包含它自己的内容"),
        ("a: !!float abc\n", false, "`abc` 标注为 !!float，但不是数字"),
    ];
    for (text, json, words) in cases {
        let load_in = |lang| {
            let _lang = scoped(lang);
            let loaded = if json {
                load_json(text, &LoadLimits::default())
            } else {
                load(text, &LoadLimits::default())
            };
            loaded.err().unwrap_or_else(|| panic!("{text:?} loaded"))
        };
        let (english, chinese) = (load_in(Lang::En), load_in(Lang::Zh));
        assert!(chinese.message.contains(words), "{text:?}: {}", chinese.message);
        assert_ne!(chinese.message, english.message, "{text:?}");
        assert_eq!(
            (chinese.span, chinese.parser),
            (english.span, english.parser),
            "{text:?}"
        );
    }
}
