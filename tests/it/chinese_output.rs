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
fn english_words(line: &str, rule_ids: &BTreeSet<String>) -> Vec<String> {
    let mut text = line.to_owned();
    // Quoted and code text is the plan's own, or a field name.
    for (open, close) in [("`", "`"), ("「", "」"), ("\"", "\""), ("“", "”"), ("‘", "’")] {
        text = strip_between(&text, open, close);
    }
    text.split(|c: char| c.is_whitespace() || "()（）[]【】,，:：;；。、".contains(c))
        .filter(|word| !word.starts_with("http") && !word.contains('/') && !word.contains(".plan."))
        .filter(|word| !rule_ids.contains(*word))
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
/// plan are left out, the labels under them kept.
fn own_lines(output: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for line in output.lines() {
        let trimmed = line.trim_start();
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
    let mut rule_ids: BTreeSet<String> = planlint::registry::builtin()
        .iter()
        .map(|rule| rule.id.clone())
        .collect();
    rule_ids.extend(["schema", "parse-error", "rule-error", "unreadable-value"].map(String::from));
    let mut left = Vec::new();
    for line in own_lines(&text) {
        let words = english_words(&line, &rule_ids);
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
