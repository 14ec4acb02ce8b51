//! The diff as Markdown, for a pull request comment or a job summary:
//! the numbers that moved, the channels that changed, the findings
//! introduced and resolved, and the new budget split as a chart.

use super::{show, show_difference, ListedFinding, PlanDiff, Presence};
use crate::i18n::t;
use crate::output::markdown::{cell, code, message, text};
use std::fmt::Write as _;
use std::io::{self, Write};

pub fn write(diff: &PlanDiff, out: &mut dyn Write) -> io::Result<()> {
    let currency = diff.currency.as_deref().map(text);
    let currency = currency.as_deref();
    let mut md = format!(
        "{}\n\n{} → {}\n\n",
        t!("output-diff-md-title", plan = code(&diff.new_label)),
        code(&diff.old_label),
        code(&diff.new_label)
    );
    let _ = writeln!(
        md,
        "{}\n",
        t!(
            "output-diff-md-totals",
            introduced = diff.introduced.len(),
            resolved = diff.resolved.len(),
            changed = diff.changed.len()
        )
    );
    let _ = writeln!(
        md,
        "### {}\n\n{}\n| --- | ---: | ---: | ---: |",
        t!("output-diff-numbers"),
        t!("output-diff-md-numbers-header")
    );
    for change in &diff.numbers {
        let label = if change.changed() {
            format!("**{}**", change.label)
        } else {
            change.label.to_owned()
        };
        let _ = writeln!(
            md,
            "| {label} | {} | {} | {} |",
            show(change.before, change.unit, currency),
            show(change.after, change.unit, currency),
            show_difference(change, currency)
        );
    }
    md.push('\n');
    channels(&mut md, diff, currency);
    let introduced = t!("output-diff-introduced", count = diff.introduced.len());
    table(&mut md, &introduced, &diff.introduced);
    let resolved = t!("output-diff-resolved", count = diff.resolved.len());
    table(&mut md, &resolved, &diff.resolved);
    if !diff.changed.is_empty() {
        let _ = writeln!(
            md,
            "### {}\n\n{}\n| --- | --- | --- | --- |",
            t!("output-diff-md-changed"),
            t!("output-diff-md-changed-header")
        );
        for (before, after) in &diff.changed {
            let _ = writeln!(
                md,
                "| {}:{} | {} | {} | {} |",
                cell(&after.path),
                after.line,
                code(&after.rule),
                message(&before.message),
                message(&after.message)
            );
        }
        md.push('\n');
    }
    if let Some(pie) = &diff.budget_pie {
        let _ = writeln!(md, "### {}\n\n{pie}", t!("output-diff-md-budget-after"));
    }
    out.write_all(md.as_bytes())
}

/// The channels that changed, a row per number that moved.
fn channels(md: &mut String, diff: &PlanDiff, currency: Option<&str>) {
    let changed: Vec<_> = diff.channels.iter().filter(|channel| channel.changed()).collect();
    let _ = writeln!(md, "### {}\n", t!("output-diff-channels"));
    if changed.is_empty() {
        let _ = writeln!(md, "{}\n", t!("output-diff-md-no-channel-changed"));
        return;
    }
    let _ = writeln!(
        md,
        "{}\n| --- | --- | ---: | ---: | ---: |",
        t!("output-diff-md-channels-header")
    );
    for channel in changed {
        let name = cell(&channel.name);
        let name = match channel.presence {
            Presence::Both => name,
            Presence::Added => t!("output-diff-channel-added", channel = name),
            Presence::Removed => t!("output-diff-channel-removed", channel = name),
        };
        for change in channel.numbers.iter().filter(|change| change.changed()) {
            let _ = writeln!(
                md,
                "| {name} | {} | {} | {} | {} |",
                change.label,
                show(change.before, change.unit, currency),
                show(change.after, change.unit, currency),
                show_difference(change, currency)
            );
        }
    }
    md.push('\n');
}

/// The findings introduced or resolved, as a table under `title`.
fn table(md: &mut String, title: &str, findings: &[ListedFinding]) {
    let _ = writeln!(md, "### {title}\n");
    if findings.is_empty() {
        let _ = writeln!(md, "{}\n", t!("output-diff-md-none"));
        return;
    }
    let _ = writeln!(
        md,
        "{}\n| --- | --- | --- | --- |",
        t!("output-diff-md-findings-header")
    );
    for finding in findings {
        let _ = writeln!(
            md,
            "| {} | {}:{}:{} | {} | {} |",
            crate::output::severity_word(finding.severity),
            cell(&finding.path),
            finding.line,
            finding.column,
            code(&finding.rule),
            message(&finding.message)
        );
    }
    md.push('\n');
}
