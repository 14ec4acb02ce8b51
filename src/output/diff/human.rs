//! The diff as aligned text for a terminal.

use super::{show, show_difference, ListedFinding, PlanDiff, Presence};
use crate::output::width::{pad_left, pad_right};
use std::fmt::Write as _;
use std::io::{self, Write};

pub fn write(diff: &PlanDiff, out: &mut dyn Write) -> io::Result<()> {
    let currency = diff.currency.as_deref();
    let mut text = format!(
        "{} -> {}\n\nUnit economics and budget\n",
        diff.old_label, diff.new_label
    );
    for change in &diff.numbers {
        let before = show(change.before, change.unit, currency);
        let after = show(change.after, change.unit, currency);
        let line = if change.changed() {
            format!(
                "  {} {} -> {} {}",
                pad_right(change.label, 22),
                pad_left(&before, 16),
                pad_right(&after, 16),
                show_difference(change, currency)
            )
        } else {
            format!(
                "  {} {}    (unchanged)",
                pad_right(change.label, 22),
                pad_left(&before, 16)
            )
        };
        let _ = writeln!(text, "{}", line.trim_end());
    }

    let changed: Vec<_> = diff.channels.iter().filter(|channel| channel.changed()).collect();
    text.push_str("\nChannels\n");
    if changed.is_empty() {
        text.push_str("  no channel changed\n");
    }
    for channel in changed {
        let note = match channel.presence {
            Presence::Both => "",
            Presence::Added => " (added)",
            Presence::Removed => " (removed)",
        };
        let _ = writeln!(text, "  {}{note}", channel.name);
        for change in channel.numbers.iter().filter(|change| change.changed()) {
            let line = format!(
                "    {} {} -> {} {}",
                pad_right(change.label, 24),
                pad_left(&show(change.before, change.unit, currency), 14),
                pad_right(&show(change.after, change.unit, currency), 14),
                show_difference(change, currency)
            );
            let _ = writeln!(text, "{}", line.trim_end());
        }
    }

    section(&mut text, "Findings introduced", &diff.introduced);
    section(&mut text, "Findings resolved", &diff.resolved);
    if !diff.changed.is_empty() {
        let _ = writeln!(text, "\nFindings changed ({})", diff.changed.len());
        for (before, after) in &diff.changed {
            let _ = writeln!(text, "  {}", heading(after));
            let _ = writeln!(text, "    was: {}", before.message);
            let _ = writeln!(text, "    now: {}", after.message);
        }
    }
    let _ = writeln!(
        text,
        "\n{} introduced, {} resolved, {} changed",
        diff.introduced.len(),
        diff.resolved.len(),
        diff.changed.len()
    );
    out.write_all(text.as_bytes())
}

fn heading(finding: &ListedFinding) -> String {
    format!(
        "{}[{}] {}:{}:{}",
        finding.severity, finding.rule, finding.path, finding.line, finding.column
    )
}

fn section(text: &mut String, title: &str, findings: &[ListedFinding]) {
    let _ = writeln!(text, "\n{title} ({})", findings.len());
    for finding in findings {
        let _ = writeln!(text, "  {}", heading(finding));
        let _ = writeln!(text, "    {}", finding.message);
    }
}
