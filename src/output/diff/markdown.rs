//! The diff as Markdown, for a pull request comment or a job summary:
//! the numbers that moved, the channels that changed, the findings
//! introduced and resolved, and the new budget split as a chart.

use super::{show, show_difference, ListedFinding, PlanDiff, Presence};
use crate::output::markdown::{cell, code, message, text};
use std::fmt::Write as _;
use std::io::{self, Write};

pub fn write(diff: &PlanDiff, out: &mut dyn Write) -> io::Result<()> {
    let currency = diff.currency.as_deref().map(text);
    let currency = currency.as_deref();
    let mut md = format!(
        "## Plan diff: {}\n\n{} → {}\n\n",
        code(&diff.new_label),
        code(&diff.old_label),
        code(&diff.new_label)
    );
    let _ = writeln!(
        md,
        "**{} introduced, {} resolved, {} changed** findings.\n",
        diff.introduced.len(),
        diff.resolved.len(),
        diff.changed.len()
    );
    md.push_str(
        "### Unit economics and budget\n\n| | Before | After | Change |\n| --- | ---: | ---: | ---: |\n",
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

    let changed: Vec<_> = diff.channels.iter().filter(|channel| channel.changed()).collect();
    md.push_str("### Channels\n\n");
    if changed.is_empty() {
        md.push_str("No channel changed.\n\n");
    } else {
        md.push_str("| Channel | | Before | After | Change |\n| --- | --- | ---: | ---: | ---: |\n");
        for channel in changed {
            let name = match channel.presence {
                Presence::Both => cell(&channel.name),
                Presence::Added => format!("{} (added)", cell(&channel.name)),
                Presence::Removed => format!("{} (removed)", cell(&channel.name)),
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

    table(&mut md, "Findings introduced", &diff.introduced);
    table(&mut md, "Findings resolved", &diff.resolved);
    if !diff.changed.is_empty() {
        md.push_str("### Findings changed\n\n| Place | Rule | Before | After |\n| --- | --- | --- | --- |\n");
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
        let _ = writeln!(md, "### Budget after the change\n\n{pie}");
    }
    out.write_all(md.as_bytes())
}

fn table(md: &mut String, title: &str, findings: &[ListedFinding]) {
    let _ = writeln!(md, "### {title} ({})\n", findings.len());
    if findings.is_empty() {
        md.push_str("None.\n\n");
        return;
    }
    md.push_str("| Severity | Place | Rule | Message |\n| --- | --- | --- | --- |\n");
    for finding in findings {
        let _ = writeln!(
            md,
            "| {} | {}:{}:{} | {} | {} |",
            finding.severity,
            cell(&finding.path),
            finding.line,
            finding.column,
            code(&finding.rule),
            message(&finding.message)
        );
    }
    md.push('\n');
}
