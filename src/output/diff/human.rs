//! The diff as aligned text for a terminal.

use super::{show, show_difference, ListedFinding, PlanDiff, Presence};
use crate::i18n::t;
use crate::output::width::{pad_left, pad_right};
use std::fmt::Write as _;
use std::io::{self, Write};

pub fn write(diff: &PlanDiff, out: &mut dyn Write) -> io::Result<()> {
    let currency = diff.currency.as_deref();
    let mut text = format!(
        "{}\n\n{}\n",
        t!(
            "output-diff-versions",
            old = diff.old_label.as_str(),
            new = diff.new_label.as_str()
        ),
        t!("output-diff-numbers")
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
                "  {} {}    {}",
                pad_right(change.label, 22),
                pad_left(&before, 16),
                t!("output-diff-unchanged")
            )
        };
        let _ = writeln!(text, "{}", line.trim_end());
    }

    let changed: Vec<_> = diff.channels.iter().filter(|channel| channel.changed()).collect();
    let _ = writeln!(text, "\n{}", t!("output-diff-channels"));
    if changed.is_empty() {
        let _ = writeln!(text, "  {}", t!("output-diff-no-channel-changed"));
    }
    for channel in changed {
        let name = channel.name.as_str();
        let line = match channel.presence {
            Presence::Both => name.to_owned(),
            Presence::Added => t!("output-diff-channel-added", channel = name),
            Presence::Removed => t!("output-diff-channel-removed", channel = name),
        };
        let _ = writeln!(text, "  {line}");
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

    let introduced = t!("output-diff-introduced", count = diff.introduced.len());
    section(&mut text, &introduced, &diff.introduced);
    let resolved = t!("output-diff-resolved", count = diff.resolved.len());
    section(&mut text, &resolved, &diff.resolved);
    if !diff.changed.is_empty() {
        let _ = writeln!(
            text,
            "\n{}",
            t!("output-diff-changed", count = diff.changed.len())
        );
        for (before, after) in &diff.changed {
            let _ = writeln!(text, "  {}", heading(after));
            let _ = writeln!(
                text,
                "    {}",
                t!("output-diff-was", message = before.message.as_str())
            );
            let _ = writeln!(
                text,
                "    {}",
                t!("output-diff-now", message = after.message.as_str())
            );
        }
    }
    let _ = writeln!(
        text,
        "\n{}",
        t!(
            "output-diff-totals",
            introduced = diff.introduced.len(),
            resolved = diff.resolved.len(),
            changed = diff.changed.len()
        )
    );
    out.write_all(text.as_bytes())
}

fn heading(finding: &ListedFinding) -> String {
    format!(
        "{} {}:{}:{}",
        crate::output::severity_and_rule(finding.severity, &finding.rule),
        finding.path,
        finding.line,
        finding.column
    )
}

/// A list of findings under its title (with its count).
fn section(text: &mut String, title: &str, findings: &[ListedFinding]) {
    let _ = writeln!(text, "\n{title}");
    for finding in findings {
        let _ = writeln!(text, "  {}", heading(finding));
        let _ = writeln!(text, "    {}", finding.message);
    }
}
