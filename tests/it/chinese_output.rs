//! In Chinese, the human output of the whole corpus has no English left
//! in it: every message, label, help and summary line is Chinese, apart
//! from what is never translated (rule ids, field names and plan values in
//! quotes or backticks, file names, links, and abbreviations that Chinese
//! marketers use as they are).

use std::collections::BTreeSet;
use std::path::Path;

/// Words Chinese marketing texts use as they are.
const KEPT_AS_THEY_ARE: &[&str] = &[
    "CAC", "LTV", "ROI", "KPI", "SMART", "SWOT", "OKR", "JSON", "YAML", "SARIF", "URL", "Git", "ISO",
    "planlint", "No", "Q1", "Q2", "Q3", "Q4",
];

/// The words of a line that are not Chinese and not one of the kinds of
/// text that stay as written.
fn english_words(line: &str, kept: &BTreeSet<String>) -> Vec<String> {
    let mut text = line.to_owned();
    // Quoted and code text is the plan's own, or a field name.
    for (open, close) in [("`", "`"), ("「", "」"), ("\"", "\""), ("“", "”"), ("‘", "’")] {
        text = strip_between(&text, open, close);
    }
    text.split(|c: char| c.is_whitespace() || "()（）[]【】,，:：;；。、".contains(c))
        .filter(|word| !word.starts_with("http") && !word.contains('/'))
        // File names: `a.plan.yaml`, `.planlint.yaml`.
        .filter(|word| ![".yaml", ".yml", ".json"].iter().any(|ext| word.ends_with(ext)))
        .filter(|word| !kept.contains(*word) && *word != "YYYY-MM-DD")
        .flat_map(|word| {
            word.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|part| part.len() >= 2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|word| !KEPT_AS_THEY_ARE.contains(&word.as_str()))
        // Currency codes (CNY, USD) and units written in capitals.
        .filter(|word| !(word.len() == 3 && word.chars().all(|c| c.is_ascii_uppercase())))
        .collect()
}

fn strip_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        let after = &rest[start + open.len()..];
        match after.find(close) {
            Some(end) => rest = &after[end + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The lines of human output that planlint wrote itself: excerpts of the
/// plan are left out, the labels under them kept, and a help wrapped over
/// several lines joined into one (a code span may be cut by the wrapping).
fn own_lines(output: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut in_help = false;
    for line in output.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if in_help && indent >= 8 && !trimmed.is_empty() {
            if let Some(last) = lines.last_mut() {
                last.push_str(trimmed);
                continue;
            }
        }
        in_help = indent == 2 && !trimmed.starts_with(['×', '⚠', '☞', '╭', '│', '·']);
        let is_excerpt = trimmed.starts_with(|c: char| c.is_ascii_digit()) && trimmed.contains(" │")
            || trimmed.starts_with('│')
            || trimmed.starts_with('╭')
            || trimmed.starts_with("╰────");
        if trimmed.starts_with('·') {
            if let Some((_, label)) = trimmed.split_once("── ") {
                lines.push(label.to_owned());
            }
        } else if !is_excerpt && !trimmed.is_empty() {
            lines.push(trimmed.to_owned());
        }
    }
    lines
}

#[test]
fn the_chinese_human_output_of_the_corpus_has_no_english_left() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = crate::planlint_in_english()
        .current_dir(root)
        .args(["check", "--lang", "zh", "--color", "never", "tests/corpus"])
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    // Rule ids, and the plan's field names and fixed values: a contract
    // with every tool that reads a plan, never translated.
    let mut kept: BTreeSet<String> = planlint::registry::builtin()
        .iter()
        .map(|rule| rule.id.clone())
        .collect();
    kept.extend(["schema", "parse-error", "rule-error", "non-canonical-value"].map(String::from));
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schemas/plan.schema.json")).unwrap();
    plan_words(&schema, &mut kept);
    let mut left = Vec::new();
    for line in own_lines(&text) {
        let words = english_words(&line, &kept);
        if !words.is_empty() {
            left.push(format!("{words:?} in: {line}"));
        }
    }
    left.sort();
    left.dedup();
    assert!(
        left.is_empty(),
        "{} lines of the Chinese output still have English words:\n{}",
        left.len(),
        left.join("\n")
    );
}

/// Every field name and every fixed value (`enum`) the plan format has.
fn plan_words(schema: &serde_json::Value, out: &mut BTreeSet<String>) {
    match schema {
        serde_json::Value::Object(map) => {
            if let Some(properties) = map.get("properties").and_then(|p| p.as_object()) {
                out.extend(properties.keys().cloned());
            }
            for value in map.get("enum").and_then(|e| e.as_array()).into_iter().flatten() {
                out.extend(value.as_str().map(str::to_owned));
            }
            map.values().for_each(|value| plan_words(value, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|value| plan_words(value, out)),
        _ => {}
    }
}

#[test]
fn english_words_are_found_and_what_stays_as_written_is_not() {
    let ids = BTreeSet::from(["vague-goal".to_owned()]);
    assert_eq!(
        english_words("目标 `awareness` 没有数字 [vague-goal]", &ids),
        Vec::<String>::new()
    );
    assert_eq!(
        english_words("获客成本 CAC 高于 LTV（CNY）", &ids),
        Vec::<String>::new()
    );
    assert_eq!(
        english_words("goal 「让更多人知道我们」 is vague", &ids),
        vec!["goal", "is", "vague"]
    );
}
