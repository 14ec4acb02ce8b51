//! `planlint explain RULE`: everything about one rule, as text.

use crate::registry::docs_url;
use crate::rule::RuleDef;
use std::fmt::Write as _;

pub fn render(rule: &RuleDef) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({} by default)\n", rule.id, rule.severity);
    let _ = writeln!(out, "{}\n", rule.summary);
    let _ = writeln!(out, "Why\n{}", indent(rule.why.trim()));
    let _ = writeln!(out, "\nSource\n{}", indent(rule.source.trim()));
    if rule.options.is_empty() {
        let _ = writeln!(out, "\nOptions\n  none");
    } else {
        let _ = writeln!(out, "\nOptions");
        for (name, option) in &rule.options {
            let _ = writeln!(
                out,
                "  {name} ({}, default {}): {}",
                option.kind.name(),
                option.default,
                option.description.trim()
            );
        }
    }
    let _ = writeln!(out, "\nFails\n{}", indent(rule.examples.fails.trim_end()));
    let _ = writeln!(out, "\nPasses\n{}", indent(rule.examples.passes.trim_end()));
    let _ = writeln!(
        out,
        "\nConfigure in .planlint.yaml\n  rules:\n    {}: warning",
        rule.id
    );
    let _ = writeln!(out, "\nDocs: {}", docs_url(&rule.id));
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
