//! `planlint explain RULE`: everything about one rule or meta-rule, as text.

use crate::rule::Entry;
use std::fmt::Write as _;

pub fn render(entry: Entry<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({} by default)\n", entry.id(), entry.severity());
    let _ = writeln!(out, "{}\n", entry.summary());
    let _ = writeln!(out, "Why\n{}", indent(entry.why()));
    let _ = writeln!(out, "\nSource\n{}", indent(entry.source()));
    if entry.options().is_empty() {
        let _ = writeln!(out, "\nOptions\n  none");
    } else {
        let _ = writeln!(out, "\nOptions");
        for (name, option) in entry.options() {
            let _ = writeln!(
                out,
                "  {name} ({}, default {}): {}",
                option.kind.name(),
                option.default,
                option.description.trim()
            );
        }
    }
    let (fails, passes) = entry.examples();
    let _ = writeln!(out, "\nFails\n{}", indent(fails.trim_end()));
    let _ = writeln!(out, "\nPasses\n{}", indent(passes.trim_end()));
    if entry.switchable() {
        let _ = writeln!(
            out,
            "\nConfigure in .planlint.yaml\n  rules:\n    {}: warning",
            entry.id()
        );
    } else {
        let _ = writeln!(out, "\nAlways reported: it cannot be switched off.");
    }
    if let Some(url) = entry.docs_url() {
        let _ = writeln!(out, "\nDocs: {url}");
    }
    out
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
