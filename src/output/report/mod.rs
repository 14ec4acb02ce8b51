//! `planlint report`: one page for the people who approve a plan, per run:
//! findings by severity, unit economics against the rules' thresholds, the
//! budget split, channel returns and marginal CAC, the funnel.
//!
//! Two renderings of the same content: a self-contained HTML page (inline
//! CSS and SVG, nothing fetched, printable) and Markdown with Mermaid
//! charts (wikis, PR comments, job summaries). This module holds what both
//! show; each file renders it once.

mod charts;
pub mod headroom;
mod html;
mod markdown;
pub(crate) mod mermaid;
mod svg;

use crate::finding::{Finding, Severity};
use crate::i18n::t;
use crate::lint::metric_catalog::{
    Direction, PlanMetric, Section, BUDGET_OTHER_COSTS, BUDGET_REMAINING, LTV, MONTHLY_MARGIN, PAYBACK,
    PLAN_METRICS,
};
pub(crate) use crate::output::metrics::tier_range;
use crate::output::plan_view::PlanView;
use std::io::{self, Write};

pub use html::write as write_html;
pub(crate) use markdown::budget_pie;
pub use markdown::write as write_markdown;

/// What one slice of the budget is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// The channel at this index.
    Channel(usize),
    OtherCosts,
    Remaining,
    /// Planned spend beyond the total.
    Overrun,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetPart {
    pub label: String,
    pub amount: f64,
    /// Of the total budget, when there is one.
    pub share: Option<f64>,
    pub kind: PartKind,
}

/// The budget's slices: each channel with a budget, the other costs, and
/// what remains (or the overrun, when the plan spends more than it has).
pub fn budget_parts(view: &PlanView) -> Vec<BudgetPart> {
    let budget = &view.metrics.budget;
    let share = |amount: f64| {
        budget
            .total
            .filter(|total| *total > 0.0)
            .map(|total| amount / total)
    };
    let mut parts: Vec<BudgetPart> = view
        .metrics
        .channels
        .iter()
        .enumerate()
        .filter_map(|(index, channel)| {
            let amount = channel.budget.filter(|amount| *amount > 0.0)?;
            Some(BudgetPart {
                label: channel.name.clone(),
                amount,
                share: share(amount),
                kind: PartKind::Channel(index),
            })
        })
        .collect();
    if let Some(items) = budget.items.filter(|items| *items > 0.0) {
        parts.push(BudgetPart {
            label: BUDGET_OTHER_COSTS.label.into(),
            amount: items,
            share: share(items),
            kind: PartKind::OtherCosts,
        });
    }
    match budget.remaining {
        Some(remaining) if remaining > 0.0 => parts.push(BudgetPart {
            label: BUDGET_REMAINING.label.into(),
            amount: remaining,
            share: share(remaining),
            kind: PartKind::Remaining,
        }),
        Some(remaining) if remaining < 0.0 => parts.push(BudgetPart {
            label: t!("report-over-the-total"),
            amount: -remaining,
            share: share(-remaining),
            kind: PartKind::Overrun,
        }),
        _ => {}
    }
    parts
}

/// How a number stands against its rule's threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Passes,
    Fails,
    /// No threshold, or the number is unknown.
    NotJudged,
}

impl Verdict {
    /// What the report says: `ok`, `fails` (in the run's language).
    pub fn word(self) -> String {
        match self {
            Verdict::Passes => t!("report-verdict-ok"),
            Verdict::Fails => t!("report-verdict-fails"),
            Verdict::NotJudged => String::new(),
        }
    }

    /// The page's style class: `ok`, `fails`.
    pub fn class(self) -> &'static str {
        match self {
            Verdict::Passes => "ok",
            Verdict::Fails => "fails",
            Verdict::NotJudged => "",
        }
    }

    pub fn of(passes: bool) -> Verdict {
        if passes {
            Verdict::Passes
        } else {
            Verdict::Fails
        }
    }
}

/// One line of the unit economics table.
#[derive(Debug, Clone, PartialEq)]
pub struct EconomicsRow {
    pub label: &'static str,
    /// `-` when it cannot be computed.
    pub value: String,
    /// How it was derived, or what it means.
    pub note: String,
    /// The rule's threshold in words (`at least 3 (low-ltv-cac-ratio)`).
    pub threshold: String,
    pub verdict: Verdict,
}

/// The unit economics of the metric catalog (the monthly margin is said
/// with the payback it explains), each with the threshold a rule holds it to.
pub fn economics_rows(view: &PlanView) -> Vec<EconomicsRow> {
    let currency = view.currency.as_deref();
    PLAN_METRICS
        .iter()
        .filter(|metric| metric.section == Section::UnitEconomics && metric.key != MONTHLY_MARGIN.key)
        .map(|metric| {
            let value = metric.value(&view.metrics);
            let limit = metric.limit.zip(view.thresholds.limits.get(metric.key));
            EconomicsRow {
                label: metric.label.get(),
                value: metric.unit.format_or_dash(value, currency),
                note: economics_note(view, metric),
                threshold: limit.map_or_else(String::new, |(limit, threshold)| {
                    let value = metric.unit.format(threshold.value, None);
                    let rule = threshold.rule.as_str();
                    match limit.direction {
                        Direction::AtLeast => t!("report-threshold-at-least", value = value, rule = rule),
                        Direction::AtMost => t!("report-threshold-at-most", value = value, rule = rule),
                    }
                }),
                verdict: match (value, limit) {
                    (Some(value), Some((limit, threshold)))
                        if limit.direction.holds(value, threshold.value) =>
                    {
                        Verdict::Passes
                    }
                    (Some(_), Some(_)) => Verdict::Fails,
                    _ => Verdict::NotJudged,
                },
            }
        })
        .collect()
}

/// What the report says beside a number: how LTV was derived, the margin a
/// payback is earned at, else what the catalog says it means.
fn economics_note(view: &PlanView, metric: &PlanMetric) -> String {
    let ue = &view.metrics.unit_economics;
    if metric.key == LTV.key {
        let basis = ue.ltv_basis.trim();
        if ue.ltv.is_some() && basis.is_empty() {
            return metric.explanation().to_owned();
        }
        return basis.trim_start_matches('(').trim_end_matches(')').to_owned();
    }
    if metric.key == PAYBACK.key {
        return ue
            .monthly_margin_per_customer
            .map(|margin| t!("report-payback-margin", margin = view.money(margin)))
            .unwrap_or_default();
    }
    metric.explanation().to_owned()
}

/// The indices of a plan's findings grouped by severity, worst first, in
/// file order within each group.
pub fn by_severity(findings: &[Finding]) -> Vec<(Severity, Vec<usize>)> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .map(|severity| {
            let group: Vec<usize> = (0..findings.len())
                .filter(|index| findings[*index].severity == severity)
                .collect();
            (severity, group)
        })
        .filter(|(_, group)| !group.is_empty())
        .collect()
}

/// The line and column where each finding starts, in order.
pub fn places(view: &PlanView) -> Vec<(usize, usize)> {
    crate::output::regions(&view.report)
        .into_iter()
        .map(|region| (region.start_line, region.start_column))
        .collect()
}

/// The report in `format`.
pub fn write(format: ReportFormat, views: &[PlanView], out: &mut dyn Write) -> io::Result<()> {
    match format {
        ReportFormat::Html => write_html(views, out),
        ReportFormat::Markdown => write_markdown(views, out),
    }
}

/// The formats `planlint report --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained page: inline CSS and SVG charts, nothing fetched.
    Html,
    /// Markdown with Mermaid charts, for wikis and pull request comments.
    Markdown,
}
