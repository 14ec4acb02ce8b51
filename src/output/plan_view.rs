//! What the report and the diff show of one plan, as plain data: its
//! findings, the numbers derived from it, its funnel, and the thresholds the
//! rules judge those numbers by. The front end fills it in; the formats
//! only read it.

use crate::finding::FileReport;
use crate::lint::derive::Metrics;
use crate::output::metrics::Unread;
use std::collections::BTreeMap;

/// One plan, as a report shows it.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub report: FileReport,
    /// The plan's `name`, when it has one.
    pub title: Option<String>,
    pub metrics: Metrics,
    pub currency: Option<String>,
    pub funnel: Vec<FunnelStage>,
    pub thresholds: Thresholds,
    pub unread: Vec<Unread>,
}

/// One stage of the conversion path and what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelStage {
    pub stage: String,
    pub metric: Option<String>,
}

/// A limit a rule holds a number to, and the rule's id.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub value: f64,
    pub rule: String,
}

/// The limits in force for this plan; a limit is absent when its rule is
/// switched off.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thresholds {
    /// The limit of each number the rules judge, by its key in the metric
    /// catalog (`ltv_cac_ratio`).
    pub limits: BTreeMap<&'static str, Threshold>,
    /// Marginal CAC of a spend tier at most LTV: the rule that says where to
    /// stop scaling a channel.
    pub marginal_cac_rule: Option<String>,
}

impl PlanView {
    /// The plan's display name: its `name`, else its path.
    pub fn heading(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.report.path)
    }

    pub fn money(&self, amount: f64) -> String {
        crate::numbers::format_money(amount, self.currency.as_deref())
    }
}
