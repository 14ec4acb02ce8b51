//! Every derived number a person reads, declared once: its key for
//! scripts, its label, its unit, where it is read from in [`Metrics`], how it
//! is written, what it means and what counts as healthy. The metrics table,
//! the report, the diff, hover and inlay hints all render from here, so a
//! label is changed (or translated) in this one file.

use crate::lint::derive::{ChannelMetrics, Metrics};
use crate::numbers::{format_money, format_number};

/// How a number reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// An amount in the plan's currency.
    Money,
    /// A plain ratio (`4.5`).
    Ratio,
    /// A number of months.
    Months,
    /// A share 0..1, shown as a percentage.
    Share,
}

impl Unit {
    /// `value` in this unit: `480 CNY` (`480` without a currency), `4.5`,
    /// `8 months`, `20%`.
    pub fn format(self, value: f64, currency: Option<&str>) -> String {
        match self {
            Unit::Money => format_money(value, currency),
            Unit::Ratio => format_number(value),
            Unit::Months => format!("{} {MONTHS}", format_number(value)),
            Unit::Share => format!("{}%", format_number(value * 100.0)),
        }
    }

    /// `value` in this unit, or `-` when it could not be computed.
    pub fn format_or_dash(self, value: Option<f64>, currency: Option<&str>) -> String {
        value.map_or_else(|| UNKNOWN.to_owned(), |value| self.format(value, currency))
    }
}

/// What a number unknown to planlint is shown as.
pub const UNKNOWN: &str = "-";

/// The word after a number of months.
pub const MONTHS: &str = "months";

/// Which part of the plan a number describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    UnitEconomics,
    Budget,
}

impl Section {
    pub fn heading(self) -> &'static str {
        match self {
            Section::UnitEconomics => "Unit economics",
            Section::Budget => "Budget",
        }
    }
}

/// Which way a number must stay of its rule's limit to be healthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    AtLeast,
    AtMost,
}

impl Direction {
    pub fn words(self) -> &'static str {
        match self {
            Direction::AtLeast => "at least",
            Direction::AtMost => "at most",
        }
    }

    /// Whether `value` is on the healthy side of `limit`.
    pub fn holds(self, value: f64, limit: f64) -> bool {
        match self {
            Direction::AtLeast => value >= limit,
            Direction::AtMost => value <= limit,
        }
    }
}

/// Where a rule's limit on a number comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LimitValue {
    /// The rule's definition (CAC/LTV above 1 loses money).
    Fixed(f64),
    /// The rule's number option of this name, as configured.
    Option(&'static str),
}

/// The rule that holds a number to a limit: what counts as healthy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    pub rule: &'static str,
    pub value: LimitValue,
    pub direction: Direction,
}

/// One number of the whole plan.
#[derive(Debug, Clone, Copy)]
pub struct PlanMetric {
    /// The name scripts read (`cac`, `budget_total`).
    pub key: &'static str,
    /// The name people read (`CAC`, `Total budget`).
    pub label: &'static str,
    /// The name under its section's heading (`Total` under `Budget`).
    pub short_label: &'static str,
    pub section: Section,
    pub unit: Unit,
    pub read: fn(&Metrics) -> Option<f64>,
    /// What the metrics table says beside it: how healthy reads, or how it
    /// is computed.
    pub note: &'static str,
    /// What it means, where a report explains it (else the note).
    pub meaning: Option<&'static str>,
    pub limit: Option<Limit>,
}

impl PlanMetric {
    pub fn value(&self, metrics: &Metrics) -> Option<f64> {
        (self.read)(metrics)
    }

    /// The number in `metrics`, in its unit (`-` when unknown).
    pub fn show(&self, metrics: &Metrics, currency: Option<&str>) -> String {
        self.unit.format_or_dash(self.value(metrics), currency)
    }

    /// What a report says of it: its meaning, else its note.
    pub fn explanation(&self) -> &'static str {
        self.meaning.unwrap_or(self.note)
    }
}

pub const CAC: PlanMetric = PlanMetric {
    key: "cac",
    label: "CAC",
    short_label: "CAC",
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.cac,
    note: "",
    meaning: Some("cost to win one customer"),
    limit: None,
};

pub const LTV: PlanMetric = PlanMetric {
    key: "ltv",
    label: "LTV",
    short_label: "LTV",
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.ltv,
    // How LTV was obtained is the plan's own (see `ltv_basis`).
    note: "",
    meaning: Some("as given in the plan"),
    limit: None,
};

pub const LTV_CAC: PlanMetric = PlanMetric {
    key: "ltv_cac_ratio",
    label: "LTV/CAC",
    short_label: "LTV/CAC",
    section: Section::UnitEconomics,
    unit: Unit::Ratio,
    read: |m| m.unit_economics.ltv_cac_ratio,
    note: "healthy at 3 or more",
    meaning: Some("what a customer is worth per unit spent to win one"),
    limit: Some(Limit {
        rule: "low-ltv-cac-ratio",
        value: LimitValue::Option("min_ratio"),
        direction: Direction::AtLeast,
    }),
};

pub const CAC_LTV: PlanMetric = PlanMetric {
    key: "cac_ltv_ratio",
    label: "CAC/LTV",
    short_label: "CAC/LTV",
    section: Section::UnitEconomics,
    unit: Unit::Ratio,
    read: |m| m.unit_economics.cac_ltv_ratio,
    note: "above 1 loses money on every customer",
    meaning: None,
    // cac-exceeds-ltv has no option: CAC/LTV above 1 is its definition.
    limit: Some(Limit {
        rule: "cac-exceeds-ltv",
        value: LimitValue::Fixed(1.0),
        direction: Direction::AtMost,
    }),
};

pub const PROFIT_PER_CUSTOMER: PlanMetric = PlanMetric {
    key: "profit_per_customer",
    label: "Profit per customer",
    short_label: "Profit per customer",
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.profit_per_customer,
    note: "LTV - CAC",
    meaning: None,
    limit: None,
};

pub const MONTHLY_MARGIN: PlanMetric = PlanMetric {
    key: "monthly_margin_per_customer",
    label: "Gross margin a month",
    short_label: "Gross margin a month",
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.monthly_margin_per_customer,
    note: "per customer",
    meaning: None,
    limit: None,
};

pub const PAYBACK: PlanMetric = PlanMetric {
    key: "payback_months",
    label: "CAC payback",
    short_label: "CAC payback",
    section: Section::UnitEconomics,
    unit: Unit::Months,
    read: |m| m.unit_economics.payback_months,
    note: "",
    meaning: None,
    limit: Some(Limit {
        rule: "cac-payback-too-long",
        value: LimitValue::Option("max_months"),
        direction: Direction::AtMost,
    }),
};

pub const BUDGET_TOTAL: PlanMetric = PlanMetric {
    key: "budget_total",
    label: "Total budget",
    short_label: "Total",
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.total,
    note: "",
    meaning: None,
    limit: None,
};

pub const BUDGET_PLANNED: PlanMetric = PlanMetric {
    key: "budget_planned",
    label: "Planned spend",
    short_label: "Planned",
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.planned,
    note: "",
    meaning: None,
    limit: None,
};

pub const BUDGET_CHANNELS: PlanMetric = PlanMetric {
    key: "budget_channels",
    label: "Channel spend",
    short_label: "Channels",
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.channels,
    note: "",
    meaning: None,
    limit: None,
};

pub const BUDGET_OTHER_COSTS: PlanMetric = PlanMetric {
    key: "budget_other_costs",
    label: "Other costs",
    short_label: "Other costs",
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.items,
    note: "",
    meaning: None,
    limit: None,
};

pub const BUDGET_REMAINING: PlanMetric = PlanMetric {
    key: "budget_remaining",
    label: "Remaining",
    short_label: "Remaining",
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.remaining,
    note: "",
    meaning: None,
    limit: None,
};

/// The numbers of a whole plan, in the order people read them.
pub const PLAN_METRICS: &[PlanMetric] = &[
    CAC,
    LTV,
    LTV_CAC,
    CAC_LTV,
    PAYBACK,
    PROFIT_PER_CUSTOMER,
    MONTHLY_MARGIN,
    BUDGET_TOTAL,
    BUDGET_PLANNED,
    BUDGET_CHANNELS,
    BUDGET_OTHER_COSTS,
    BUDGET_REMAINING,
];

/// The plan metric called `key`.
pub fn plan_metric(key: &str) -> Option<&'static PlanMetric> {
    PLAN_METRICS.iter().find(|metric| metric.key == key)
}

/// One number of each channel.
#[derive(Debug, Clone, Copy)]
pub struct ChannelMetric {
    pub key: &'static str,
    /// The name people read, in a sentence or a column (`test return`).
    pub label: &'static str,
    pub unit: Unit,
    pub read: fn(&ChannelMetrics) -> Option<f64>,
    /// What it means, where there is room to say so.
    pub meaning: Option<&'static str>,
}

impl ChannelMetric {
    pub fn value(&self, channel: &ChannelMetrics) -> Option<f64> {
        (self.read)(channel)
    }
}

pub const CHANNEL_BUDGET: ChannelMetric = ChannelMetric {
    key: "budget",
    label: "budget",
    unit: Unit::Money,
    read: |c| c.budget,
    meaning: None,
};

pub const CHANNEL_SHARE: ChannelMetric = ChannelMetric {
    key: "budget_share",
    label: "share",
    unit: Unit::Share,
    read: |c| c.budget_share,
    meaning: Some("of budget"),
};

pub const CHANNEL_TEST_RETURN: ChannelMetric = ChannelMetric {
    key: "test_return",
    label: "test return",
    unit: Unit::Ratio,
    read: |c| c.test_return,
    meaning: Some("revenue per unit spent"),
};

/// The cost of the last customers the planned spend buys: the marginal CAC
/// of the highest tier.
pub const CHANNEL_TOP_MARGINAL_CAC: ChannelMetric = ChannelMetric {
    key: "marginal_cac",
    label: "marginal CAC (top tier)",
    unit: Unit::Money,
    read: |c| c.tiers.last()?.marginal_cac,
    meaning: None,
};

/// The marginal CAC of one spend tier, and of each tier in a list.
pub const MARGINAL_CAC: &str = "marginal CAC";
pub const MARGINAL_CAC_BY_TIER: &str = "marginal CAC by spend tier";

/// What a spend tier that won no customer shows instead of its CAC.
pub const NO_NEW_CUSTOMERS: &str = "no new customers";

/// The numbers each channel's row shows, in order.
pub const CHANNEL_COLUMNS: &[ChannelMetric] = &[CHANNEL_BUDGET, CHANNEL_SHARE, CHANNEL_TEST_RETURN];

/// The numbers the diff compares per channel.
pub const CHANNEL_DIFF: &[ChannelMetric] = &[CHANNEL_BUDGET, CHANNEL_TEST_RETURN, CHANNEL_TOP_MARGINAL_CAC];

/// The heading of the derived numbers where a plan's own are shown (hover).
pub const DERIVED_BY_PLANLINT: &str = "Derived by planlint";

/// `label` with its first letter upper-case, for a heading or a table
/// column (`test return` -> `Test return`).
pub fn capitalized(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A tier's spend range, `20,000-40,000`.
pub fn tier_range(from: f64, to: f64) -> String {
    format!("{}-{}", format_number(from), format_number(to))
}

/// A channel's marginal CAC per spend tier on one line (`0-20,000: 400,
/// 20,000-40,000: 500`); `None` when it gives no tiers.
pub fn tiers_text(channel: &ChannelMetrics) -> Option<String> {
    let tiers: Vec<String> = channel
        .tiers
        .iter()
        .map(|tier| {
            let cac = tier
                .marginal_cac
                .map_or_else(|| NO_NEW_CUSTOMERS.into(), format_number);
            format!("{}: {cac}", tier_range(tier.from_spend, tier.to_spend))
        })
        .collect();
    (!tiers.is_empty()).then(|| tiers.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_labels_are_unique() {
        let mut keys: Vec<&str> = PLAN_METRICS.iter().map(|metric| metric.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), PLAN_METRICS.len());
        let mut labels: Vec<&str> = PLAN_METRICS.iter().map(|metric| metric.label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), PLAN_METRICS.len());
    }

    #[test]
    fn units_read_as_people_write_them() {
        assert_eq!(Unit::Money.format(480.0, Some("CNY")), "480 CNY");
        assert_eq!(Unit::Money.format(480.0, None), "480");
        assert_eq!(Unit::Months.format(8.0, None), "8 months");
        assert_eq!(Unit::Share.format(0.2, None), "20%");
        assert_eq!(Unit::Ratio.format_or_dash(None, None), "-");
    }

    #[test]
    fn every_plan_metric_reads_its_number() {
        let metrics = Metrics {
            unit_economics: crate::lint::derive::UnitEconomics {
                cac: Some(1.0),
                ltv: Some(2.0),
                ltv_cac_ratio: Some(3.0),
                cac_ltv_ratio: Some(4.0),
                profit_per_customer: Some(5.0),
                monthly_margin_per_customer: Some(6.0),
                payback_months: Some(7.0),
                ltv_basis: String::new(),
            },
            budget: crate::lint::derive::BudgetUse {
                total: Some(8.0),
                channels: Some(9.0),
                items: Some(10.0),
                planned: Some(11.0),
                remaining: Some(12.0),
            },
            channels: Vec::new(),
        };
        let mut read: Vec<f64> = PLAN_METRICS
            .iter()
            .filter_map(|metric| metric.value(&metrics))
            .collect();
        read.sort_by(f64::total_cmp);
        assert_eq!(read, (1..=12).map(f64::from).collect::<Vec<_>>());
    }
}
