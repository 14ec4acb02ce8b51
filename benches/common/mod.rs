//! Hostile and large inputs, built in memory: shared by `benches/hostile.rs`
//! and `tests/it/hostile_input.rs` (included there with `#[path]`), so the
//! benchmark measures exactly what the tests check.

#![allow(dead_code)]

use std::fmt::Write as _;

/// The complete example plan every generated plan starts from.
pub const CLEAN_PLAN: &str = include_str!("../../examples/clean.plan.yaml");

/// One goal as a flow mapping on its own line (about 120 bytes).
fn goal_line(out: &mut String, index: usize) {
    let _ = writeln!(
        out,
        "  - {{id: goal-{index:06}, statement: Win {} first-time buyers by July, target: {}, \
         deadline: 2026-07-31, owner: Chen Hao}}",
        550 + index,
        550 + index
    );
}

/// The clean example plan, split around its goals: (text before the goals'
/// items, text after them).
fn split_plan() -> (&'static str, &'static str) {
    let (head, rest) = CLEAN_PLAN.split_once("\ngoals:\n").unwrap_or((CLEAN_PLAN, ""));
    let tail = rest.find("\nbudget:\n").map_or("", |at| &rest[at..]);
    (head, tail)
}

/// The clean example plan with its goals replaced by `goals` generated
/// ones. About 120 bytes per goal plus 6 KB.
pub fn plan_with_goals(goals: usize) -> String {
    let (head, tail) = split_plan();
    let mut out = String::with_capacity(head.len() + tail.len() + goals * 124 + 16);
    out.push_str(head);
    out.push_str("\ngoals:\n");
    for index in 0..goals {
        goal_line(&mut out, index);
    }
    out.push_str(tail);
    out
}

/// A plan of at least `bytes` bytes: the clean plan with as many generated
/// goals as it takes. Returns the plan and its number of goals.
pub fn plan_of_size(bytes: usize) -> (String, usize) {
    let (head, tail) = split_plan();
    let mut out = String::with_capacity(bytes + 256);
    out.push_str(head);
    out.push_str("\ngoals:\n");
    let mut goals = 0;
    while out.len() + tail.len() < bytes {
        goal_line(&mut out, goals);
        goals += 1;
    }
    out.push_str(tail);
    (out, goals)
}

/// A plan on one line of about `bytes` bytes: a flow mapping whose `name`
/// is a number (a schema finding at line 1, column 22) and whose `x-blob`
/// is a huge string.
pub fn long_line(bytes: usize) -> String {
    let head = "{version: 1, name: 42, owner: Li Na, x-blob: \"";
    let blob = bytes.saturating_sub(head.len() + 3);
    let mut out = String::with_capacity(bytes + 1);
    out.push_str(head);
    out.extend(std::iter::repeat_n('x', blob));
    out.push_str("\"}\n");
    out
}

/// `depth` nested block sequences: `- - - ... - x`.
pub fn deep_block(depth: usize) -> String {
    let mut out = "- ".repeat(depth);
    out.push_str("x\n");
    out
}

/// `depth` nested flow sequences: `[[[...]]]` (YAML).
pub fn deep_flow(depth: usize) -> String {
    let mut out = "[".repeat(depth);
    out.push_str(&"]".repeat(depth));
    out.push('\n');
    out
}

/// `depth` nested JSON arrays inside a plan object, for a `.plan.json` file.
pub fn deep_json(depth: usize) -> String {
    let mut out = String::from("{\"version\": 1, \"name\": \"deep\", \"x-deep\": ");
    out.push_str(&"[".repeat(depth));
    out.push_str(&"]".repeat(depth));
    out.push_str("}\n");
    out
}

/// Billion laughs: ten levels of anchors, each aliasing the previous nine
/// times (10^9 nodes if expanded), in a plan's `x-` fields.
pub fn billion_laughs() -> String {
    let mut out = String::from(
        "version: 1\nname: laughs\nx-lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for level in 1..10 {
        let previous = format!("*lol{}", level - 1);
        let items = [previous.as_str(); 9].join(", ");
        let _ = writeln!(out, "x-lol{level}: &lol{level} [{items}]");
    }
    out
}
