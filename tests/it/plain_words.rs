//! Every word planlint says to a marketer is a marketer's word: no parser or
//! data-format jargon ("mapping", "sequence", "scalar", "canonical",
//! "schema"), no "seed N" for a source a reader cannot find, and no 0-based
//! index (`goals[0]`). Checked over the whole catalog's texts (as the docs
//! and `explain` show them) and over every message the corpus produces.

use planlint::rule::catalog;
use planlint::{registry, Linter, Settings};
use regex::Regex;
use std::path::Path;

fn jargon() -> Regex {
    Regex::new(r"(?i)\b(mappings?|sequences?|scalars?|canonical|schemas?|seeds?)\b|\w\[\d+\]").unwrap()
}

/// `text` without the places a rule id is named as an id (ids are stable
/// names users type, not words of the message).
fn without_ids(text: &str) -> String {
    let mut out = text.to_owned();
    let mut ids: Vec<&str> = catalog::entries(registry::builtin())
        .iter()
        .map(|entry| entry.id())
        .collect();
    // Longest first, so `non-canonical-value` goes before any shorter id.
    ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
    for id in ids {
        if id.contains('-') {
            out = out.replace(id, "ID");
        } else {
            for form in [
                format!("`{id}`"),
                format!("#{id}"),
                format!("## {id}\n"),
                format!("  {id}: "),
            ] {
                out = out.replace(&form, "ID");
            }
        }
    }
    out
}

fn offending(text: &str) -> Vec<String> {
    let cleaned = without_ids(text);
    jargon()
        .find_iter(&cleaned)
        .map(|found| {
            let start = cleaned[..found.start()].rfind('\n').map_or(0, |i| i + 1);
            let end = cleaned[found.end()..]
                .find('\n')
                .map_or(cleaned.len(), |i| found.end() + i);
            format!("{:?} in: {}", found.as_str(), &cleaned[start..end])
        })
        .collect()
}

#[test]
fn the_catalog_speaks_plainly() {
    let entries = catalog::entries(registry::builtin());
    let mut found = offending(&planlint::rule::docs::rules_markdown(&entries));
    for rule in registry::builtin() {
        let mut texts = vec![rule.message.clone()];
        texts.extend(rule.help.clone());
        for check in rule.check.as_slice() {
            texts.extend(check.message.clone());
            texts.extend(check.help.clone());
        }
        for text in texts {
            found.extend(offending(&text).into_iter().map(|f| format!("{}: {f}", rule.id)));
        }
    }
    assert!(found.is_empty(), "jargon in the catalog:\n{}", found.join("\n"));
}

/// `planlint explain ID` for every rule, as a user reads it in the terminal.
#[test]
fn every_explain_page_speaks_plainly() {
    let mut found = Vec::new();
    let entries = catalog::entries(registry::builtin());
    for entry in &entries {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_planlint"))
            .args(["explain", entry.id()])
            .current_dir(std::env::temp_dir())
            .output()
            .unwrap();
        let page = String::from_utf8(output.stdout).unwrap();
        assert!(
            output.status.success() && page.contains(entry.summary()),
            "explain {}: {page}",
            entry.id()
        );
        // The page opens with the rule's id, as a heading.
        let text = page.strip_prefix(entry.id()).unwrap_or(&page);
        found.extend(
            offending(text)
                .into_iter()
                .map(|f| format!("{}: {f}", entry.id())),
        );
    }
    assert!(entries.len() > 30, "every rule is explained ({})", entries.len());
    assert!(found.is_empty(), "jargon in explain:\n{}", found.join("\n"));
}

#[test]
fn the_corpus_messages_speak_plainly() {
    let linter = Linter::new(registry::builtin(), &Settings::default()).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut found = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains(".plan.") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for finding in linter.lint(&name, &text).findings {
            seen += 1;
            let mut words = vec![finding.message.clone(), finding.label.clone()];
            words.extend(finding.help.as_deref().map(str::to_owned));
            words.extend(finding.fix.as_ref().map(|fix| fix.title.clone()));
            words.extend(finding.related.iter().map(|related| related.message.clone()));
            for word in words {
                found.extend(
                    offending(&word)
                        .into_iter()
                        .map(|f| format!("{name} {}: {f}", finding.rule)),
                );
            }
        }
    }
    assert!(seen > 100, "the corpus gives findings to read ({seen})");
    assert!(found.is_empty(), "jargon in messages:\n{}", found.join("\n"));
}

#[test]
fn the_check_itself_catches_jargon() {
    assert_eq!(offending("`goals[0].deadline` must be a mapping").len(), 2);
    assert_eq!(offending("Source: Seed 000, fulcrum 2").len(), 1);
    assert!(offending("`deadline` of goal 1 `awareness`; see `schema` and non-canonical-value").is_empty());
}
