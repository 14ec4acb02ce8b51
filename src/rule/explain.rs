//! `planlint explain RULE`: everything about one rule or meta-rule, as text.

use crate::rule::definition::BUILT_IN_LIST;
use crate::rule::{Entry, OptionType};
use std::fmt::Write as _;

pub fn render(entry: Entry<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({} by default)\n", entry.id(), entry.severity());
    let _ = writeln!(out, "{}\n", entry.summary());
    if let Some(file) = entry.defined_in() {
        let _ = writeln!(out, "Defined in {file}\n");
    }
    let _ = writeln!(out, "Why\n{}", indent(or_not_given(entry.why())));
    let _ = writeln!(out, "\nSource\n{}", indent(or_not_given(entry.source())));
    if entry.options().is_empty() {
        let _ = writeln!(out, "\nOptions\n  none");
    } else {
        let _ = writeln!(out, "\nOptions");
        for (name, option) in entry.options() {
            let range = option.range();
            let range = if range.is_empty() {
                String::new()
            } else {
                format!(", {range}")
            };
            let _ = writeln!(
                out,
                "  {name} ({}, default {}{range}): {}",
                option.kind.name(),
                option.default,
                option.description.trim()
            );
        }
    }
    if let Some(rule) = entry.example_rule() {
        let _ = writeln!(out, "\nWith the rule\n{}", indent(rule.trim_end()));
    }
    let (fails, passes) = entry.examples();
    if fails.is_empty() && passes.is_empty() {
        let _ = writeln!(out, "\nExamples\n  none given");
    }
    for fails in fails {
        let _ = writeln!(out, "\nFails\n{}", indent(fails.trim_end()));
    }
    for passes in passes {
        let _ = writeln!(out, "\nPasses\n{}", indent(passes.trim_end()));
    }
    if entry.switchable() {
        let _ = writeln!(
            out,
            "\nConfigure in .planlint.yaml\n{}",
            indent(config_snippet(entry).trim_end())
        );
    } else {
        let _ = writeln!(out, "\nAlways reported: it cannot be switched off.");
    }
    if let Some(url) = entry.docs_url() {
        let _ = writeln!(out, "\nDocs: {url}");
    }
    out
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
            OptionType::StringList => {
                format!("[\"{BUILT_IN_LIST}\", \"your own\"]   # \"{BUILT_IN_LIST}\" keeps the built-in list")
            }
            _ => format!("{}   # the default", option.default),
        };
        let _ = writeln!(out, "      {name}: {value}");
    }
    out
}

fn or_not_given(text: &str) -> &str {
    if text.is_empty() {
        "not given"
    } else {
        text
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
