//! `planlint diff`: what a change does to a plan, for the people who
//! approve it: each derived number before and after, each channel's budget,
//! test return and marginal CAC, and the findings the change introduced,
//! resolved or changed (matched by fingerprint, so moved lines are no
//! change).

mod human;
mod json;
mod markdown;

use crate::finding::matching::compare;
use crate::finding::{Finding, Severity};
use crate::lint::derive::{ChannelMetrics, Metrics};
pub use crate::lint::metric_catalog::Unit;
use crate::lint::metric_catalog::{CHANNEL_DIFF, MONTHLY_MARGIN, PLAN_METRICS};
use crate::output::plan_view::PlanView;
use std::io::{self, Write};

/// One number before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberChange {
    /// The name scripts read (`cac`, `budget_total`).
    pub key: &'static str,
    /// The name people read (`CAC`, `Total budget`).
    pub label: &'static str,
    pub unit: Unit,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl NumberChange {
    /// After minus before, when both are known.
    pub fn difference(&self) -> Option<f64> {
        Some(self.after? - self.before?).filter(|d| d.is_finite())
    }

    pub fn changed(&self) -> bool {
        match (self.before, self.after) {
            (Some(before), Some(after)) => (after - before).abs() > 1e-9 * before.abs().max(1.0),
            (None, None) => false,
            _ => true,
        }
    }
}

/// Whether a channel is in both versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Both,
    Added,
    Removed,
}

/// One channel's numbers before and after, matched by name.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelChange {
    pub name: String,
    pub presence: Presence,
    pub numbers: Vec<NumberChange>,
}

impl ChannelChange {
    pub fn changed(&self) -> bool {
        self.presence != Presence::Both || self.numbers.iter().any(NumberChange::changed)
    }
}

/// A finding as the diff lists it, with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedFinding {
    pub path: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub pointer: String,
    pub line: usize,
    pub column: usize,
}

/// What changed between two versions of a plan.
#[derive(Debug, Clone)]
pub struct PlanDiff {
    /// What the versions are called (`origin/main:plans/a.plan.yaml`, a path).
    pub old_label: String,
    pub new_label: String,
    pub currency: Option<String>,
    pub numbers: Vec<NumberChange>,
    pub channels: Vec<ChannelChange>,
    pub introduced: Vec<ListedFinding>,
    pub resolved: Vec<ListedFinding>,
    /// (before, after): the same rule at the same node, with a new message.
    pub changed: Vec<(ListedFinding, ListedFinding)>,
    /// The budget split of the new version, as a Mermaid pie, for Markdown.
    pub budget_pie: Option<String>,
}

/// The formats `planlint diff --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Aligned text for a terminal.
    Human,
    /// Tables (and the budget chart) for a pull request comment or job summary.
    Markdown,
    /// For scripts.
    Json,
}

/// Compares two versions of one plan.
pub fn diff(old: &PlanView, new: &PlanView, old_label: &str, new_label: &str) -> PlanDiff {
    let comparison = compare(&old.report.findings, &new.report.findings);
    let old_listed = listed(old);
    let new_listed = listed(new);
    let pick = |list: &[ListedFinding], index: usize| list.get(index).cloned();
    PlanDiff {
        old_label: old_label.to_owned(),
        new_label: new_label.to_owned(),
        currency: new.currency.clone().or_else(|| old.currency.clone()),
        numbers: plan_numbers(&old.metrics, &new.metrics),
        channels: channel_changes(&old.metrics.channels, &new.metrics.channels),
        introduced: comparison
            .introduced
            .iter()
            .filter_map(|index| pick(&new_listed, *index))
            .collect(),
        resolved: comparison
            .resolved
            .iter()
            .filter_map(|index| pick(&old_listed, *index))
            .collect(),
        changed: comparison
            .changed
            .iter()
            .filter_map(|(before, after)| Some((pick(&old_listed, *before)?, pick(&new_listed, *after)?)))
            .collect(),
        budget_pie: crate::output::report::budget_pie(new),
    }
}

/// Writes `diff` in `format`.
pub fn write(format: DiffFormat, diff: &PlanDiff, out: &mut dyn Write) -> io::Result<()> {
    match format {
        DiffFormat::Human => human::write(diff, out),
        DiffFormat::Markdown => markdown::write(diff, out),
        DiffFormat::Json => json::write(diff, out),
    }
}

fn listed(view: &PlanView) -> Vec<ListedFinding> {
    let regions = crate::output::regions(&view.report);
    view.report
        .findings
        .iter()
        .zip(regions)
        .map(|(finding, region): (&Finding, _)| ListedFinding {
            path: view.report.path.clone(),
            rule: finding.rule.clone(),
            severity: finding.severity,
            message: finding.message.clone(),
            help: finding.help.as_deref().map(str::to_owned),
            pointer: finding.pointer.clone(),
            line: region.start_line,
            column: region.start_column,
        })
        .collect()
}

/// Every number of the metric catalog before and after (the monthly
/// margin is compared through the payback it explains).
fn plan_numbers(old: &Metrics, new: &Metrics) -> Vec<NumberChange> {
    PLAN_METRICS
        .iter()
        .filter(|metric| metric.key != MONTHLY_MARGIN.key)
        .map(|metric| NumberChange {
            key: metric.key,
            label: metric.label.get(),
            unit: metric.unit,
            before: metric.value(old),
            after: metric.value(new),
        })
        .collect()
}

/// Channels matched by name: the new version's order, then removed ones.
fn channel_changes(old: &[ChannelMetrics], new: &[ChannelMetrics]) -> Vec<ChannelChange> {
    let find = |list: &[ChannelMetrics], name: &str| list.iter().find(|c| c.name == name).cloned();
    let mut changes: Vec<ChannelChange> = new
        .iter()
        .map(|channel| {
            let before = find(old, &channel.name);
            let presence = if before.is_some() {
                Presence::Both
            } else {
                Presence::Added
            };
            channel_change(&channel.name, presence, before.as_ref(), Some(channel))
        })
        .collect();
    for channel in old.iter().filter(|channel| find(new, &channel.name).is_none()) {
        changes.push(channel_change(
            &channel.name,
            Presence::Removed,
            Some(channel),
            None,
        ));
    }
    changes
}

fn channel_change(
    name: &str,
    presence: Presence,
    before: Option<&ChannelMetrics>,
    after: Option<&ChannelMetrics>,
) -> ChannelChange {
    ChannelChange {
        name: name.to_owned(),
        presence,
        numbers: CHANNEL_DIFF
            .iter()
            .map(|metric| NumberChange {
                key: metric.key,
                label: metric.label.get(),
                unit: metric.unit,
                before: before.and_then(|channel| metric.value(channel)),
                after: after.and_then(|channel| metric.value(channel)),
            })
            .collect(),
    }
}

/// A number in its unit: `480 CNY`, `4.5`, `8 months`; `-` when unknown.
pub fn show(value: Option<f64>, unit: Unit, currency: Option<&str>) -> String {
    unit.format_or_dash(value, currency)
}

/// The difference with its sign, and the relative change when it means
/// something: `+2,020 CNY (+420.8%)`; empty when there is none.
pub fn show_difference(change: &NumberChange, currency: Option<&str>) -> String {
    let Some(difference) = change.difference().filter(|_| change.changed()) else {
        return String::new();
    };
    let sign = if difference > 0.0 { "+" } else { "" };
    let amount = show(Some(difference), change.unit, currency);
    let relative = change
        .before
        .filter(|before| *before != 0.0)
        .map(|before| difference / before.abs() * 100.0)
        .filter(|percent| percent.is_finite())
        .map(|percent| {
            let sign = if percent > 0.0 { "+" } else { "" };
            format!(" ({sign}{:.1}%)", percent)
        })
        .unwrap_or_default();
    format!("{sign}{amount}{relative}")
}
