//! The diff as JSON, for scripts.

use super::{ChannelChange, ListedFinding, NumberChange, PlanDiff, Presence};
use serde_json::{json, Map, Value};
use std::io::{self, Write};

pub fn write(diff: &PlanDiff, out: &mut dyn Write) -> io::Result<()> {
    let value = json!({
        "version": 1,
        "old": diff.old_label,
        "new": diff.new_label,
        "currency": diff.currency,
        "metrics": numbers(&diff.numbers),
        "channels": diff.channels.iter().map(channel).collect::<Vec<_>>(),
        "findings": {
            "introduced": diff.introduced.iter().map(finding).collect::<Vec<_>>(),
            "resolved": diff.resolved.iter().map(finding).collect::<Vec<_>>(),
            "changed": diff.changed.iter().map(|(before, after)| json!({
                "before": finding(before),
                "after": finding(after),
            })).collect::<Vec<_>>(),
        },
        "summary": {
            "introduced": diff.introduced.len(),
            "resolved": diff.resolved.len(),
            "changed": diff.changed.len(),
        },
    });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::other)?;
    writeln!(out)
}

/// `{"cac": {"before": 480, "after": 2500, "change": 2020}, ...}`; an
/// unknown value is `null`.
fn numbers(changes: &[NumberChange]) -> Value {
    let mut map = Map::new();
    for change in changes {
        map.insert(
            change.key.to_owned(),
            json!({
                "before": change.before,
                "after": change.after,
                "change": change.difference(),
                "changed": change.changed(),
            }),
        );
    }
    Value::Object(map)
}

fn channel(change: &ChannelChange) -> Value {
    let presence = match change.presence {
        Presence::Both => "both",
        Presence::Added => "added",
        Presence::Removed => "removed",
    };
    json!({"name": change.name, "presence": presence, "metrics": numbers(&change.numbers)})
}

fn finding(finding: &ListedFinding) -> Value {
    json!({
        "path": finding.path,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "help": finding.help,
        "pointer": finding.pointer,
        "line": finding.line,
        "column": finding.column,
    })
}
