//! `planlint explain RULE`: everything about one rule or meta-rule, as text.

use crate::i18n::t;
use crate::rule::definition::BUILT_IN_LIST;
use crate::rule::{Entry, OptionType};
use std::fmt::Write as _;

pub fn render(entry: Entry<'_>) -> String {
    let mut out = String::new();
    let severity = crate::rule::catalog::severity_word(entry.severity());
    let title = t!("rule-explain-title", rule = entry.id(), severity = severity);
    let _ = writeln!(out, "{title}\n");
    let _ = writeln!(out, "{}\n", entry.summary());
    if let Some(file) = entry.defined_in() {
        let _ = writeln!(out, "{}\n", t!("rule-explain-defined-in", file = file));
    }
    let _ = writeln!(out, "{}\n{}", t!("rule-why"), indent(&or_not_given(entry.why())));
    let _ = writeln!(
        out,
        "\n{}\n{}",
        t!("rule-source"),
        indent(&or_not_given(entry.source()))
    );
    options(&mut out, entry);
    if let Some(rule) = entry.example_rule() {
        let _ = writeln!(
            out,
            "\n{}\n{}",
            t!("rule-explain-with-rule"),
            indent(rule.trim_end())
        );
    }
    let (fails, passes) = entry.examples();
    if fails.is_empty() && passes.is_empty() {
        let _ = writeln!(
            out,
            "\n{}\n  {}",
            t!("rule-explain-examples"),
            t!("rule-explain-no-examples")
        );
    }
    for fails in fails {
        let _ = writeln!(out, "\n{}\n{}", t!("rule-fails"), indent(fails.trim_end()));
    }
    for passes in passes {
        let _ = writeln!(out, "\n{}\n{}", t!("rule-passes"), indent(passes.trim_end()));
    }
    if entry.switchable() {
        let _ = writeln!(
            out,
            "\n{}\n{}",
            t!("rule-explain-configure"),
            indent(config_snippet(entry).trim_end())
        );
    } else {
        let _ = writeln!(out, "\n{}", t!("rule-always-reported"));
    }
    if let Some(url) = entry.docs_url() {
        let _ = writeln!(out, "\n{}", t!("rule-explain-docs", url = url));
    }
    out
}

/// The options, one a line with its type, default, range and meaning.
fn options(out: &mut String, entry: Entry<'_>) {
    let _ = writeln!(out, "\n{}", t!("rule-options"));
    if entry.options().is_empty() {
        let _ = writeln!(out, "  {}", t!("rule-explain-no-options"));
        return;
    }
    for (name, option) in entry.options() {
        let range = option.range();
        let kind = option.kind.name();
        let default = option.default.to_string();
        let description = option.description.trim();
        let line = if range.is_empty() {
            t!(
                "rule-explain-option",
                option = name.as_str(),
                kind = kind,
                default = default,
                description = description
            )
        } else {
            t!(
                "rule-explain-option-range",
                option = name.as_str(),
                kind = kind,
                default = default,
                range = range,
                description = description
            )
        };
        let _ = writeln!(out, "  {line}");
    }
}

/// A `.planlint.yaml` excerpt that sets the rule's severity and every
/// option: numbers and the like at their default, lists extended (a list
/// holding `"..."` keeps the built-in items and adds the others).
pub fn config_snippet(entry: Entry<'_>) -> String {
    let id = entry.id();
    if entry.options().is_empty() {
        return format!("rules:\n  {id}: warning\n");
    }
    let mut out = format!("rules:\n  {id}:\n    severity: warning\n    options:\n");
    for (name, option) in entry.options() {
        let value = match option.kind {
            OptionType::StringList => format!(
                "[\"{BUILT_IN_LIST}\", \"{}\"]   # {}",
                t!("rule-snippet-your-own"),
                t!("rule-snippet-keeps-built-in", marker = BUILT_IN_LIST)
            ),
            _ => format!("{}   # {}", option.default, t!("rule-snippet-default")),
        };
        let _ = writeln!(out, "      {name}: {value}");
    }
    out
}

fn or_not_given(text: &str) -> String {
    if text.is_empty() {
        t!("rule-explain-not-given")
    } else {
        text.to_owned()
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("  {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
