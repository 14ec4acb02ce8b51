//! Every derived number a person reads, declared once: its key for
//! scripts, its label, its unit, where it is read from in [`Metrics`], how it
//! is written, what it means and what counts as healthy. The metrics table,
//! the report, the diff, hover and inlay hints all render from here, so a
//! label is changed in this one file; its words are in the message catalog
//! (`locales/*/lint-rules.ftl`, `lint-rules-metric-...`), read in the
//! language of the run ([`Words`]).

use crate::i18n::{t, Lang};
use crate::lint::derive::{ChannelMetrics, Metrics};
use crate::numbers::{format_money, format_number};
use std::collections::HashMap;
use std::fmt;
use std::sync::{LazyLock, Mutex, PoisonError};

/// A label, unit or note as people read it, made from the message catalog
/// in the language of the run whenever it is read: `{}` in a format
/// string, `&*words` or [`Words::get`] where a `&str` is wanted.
#[derive(Clone, Copy)]
pub struct Words(fn() -> String);

impl Words {
    /// No words (an empty text).
    pub const NONE: Words = Words(String::new);

    /// The text in the language of the run. Each text is made once per
    /// language and kept (a few dozen short strings).
    pub fn get(self) -> &'static str {
        static MADE: LazyLock<Mutex<HashMap<(Lang, usize), &'static str>>> =
            LazyLock::new(|| Mutex::new(HashMap::new()));
        let key = (crate::i18n::language(), self.0 as usize);
        let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
        made.entry(key)
            .or_insert_with(|| Box::leak((self.0)().into_boxed_str()))
    }
}

/// Words fill a message's placeholder as their text in the run's language.
impl<'a> From<Words> for fluent_bundle::FluentValue<'a> {
    fn from(words: Words) -> Self {
        words.get().into()
    }
}

impl Default for Words {
    fn default() -> Self {
        Words::NONE
    }
}

impl std::ops::Deref for Words {
    type Target = str;
    fn deref(&self) -> &str {
        self.get()
    }
}

impl AsRef<str> for Words {
    fn as_ref(&self) -> &str {
        self.get()
    }
}

impl fmt::Display for Words {
    /// Pads like a `&str` (`{:>12}` in a table).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.get())
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.get(), f)
    }
}

impl From<Words> for String {
    fn from(words: Words) -> String {
        words.get().to_owned()
    }
}

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
            // "1 month", never "1 months".
            Unit::Months if format_number(value) == "1" => t!("lint-rules-unit-month"),
            Unit::Months => t!("lint-rules-unit-months", months = format_number(value)),
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

/// Which part of the plan a number describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    UnitEconomics,
    Budget,
}

impl Section {
    pub fn heading(self) -> &'static str {
        match self {
            Section::UnitEconomics => Words(|| t!("lint-rules-section-unit-economics")).get(),
            Section::Budget => Words(|| t!("lint-rules-section-budget")).get(),
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
            Direction::AtLeast => Words(|| t!("lint-rules-direction-at-least")).get(),
            Direction::AtMost => Words(|| t!("lint-rules-direction-at-most")).get(),
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
    pub label: Words,
    /// The name under its section's heading (`Total` under `Budget`).
    pub short_label: Words,
    pub section: Section,
    pub unit: Unit,
    pub read: fn(&Metrics) -> Option<f64>,
    /// What the metrics table says beside it: how healthy reads, or how it
    /// is computed.
    pub note: Words,
    /// What it means, where a report explains it (else the note).
    pub meaning: Option<Words>,
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
        self.meaning.unwrap_or(self.note).get()
    }
}

pub const CAC: PlanMetric = PlanMetric {
    key: "cac",
    label: Words(|| t!("lint-rules-metric-cac-label")),
    short_label: Words(|| t!("lint-rules-metric-cac-label")),
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.cac,
    note: Words::NONE,
    meaning: Some(Words(|| t!("lint-rules-metric-cac-meaning"))),
    limit: None,
};

pub const LTV: PlanMetric = PlanMetric {
    key: "ltv",
    label: Words(|| t!("lint-rules-metric-ltv-label")),
    short_label: Words(|| t!("lint-rules-metric-ltv-label")),
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.ltv,
    // How LTV was obtained is the plan's own (see `ltv_basis`).
    note: Words::NONE,
    meaning: Some(Words(|| t!("lint-rules-metric-ltv-meaning"))),
    limit: None,
};

pub const LTV_CAC: PlanMetric = PlanMetric {
    key: "ltv_cac_ratio",
    label: Words(|| t!("lint-rules-metric-ltv-cac-ratio-label")),
    short_label: Words(|| t!("lint-rules-metric-ltv-cac-ratio-label")),
    section: Section::UnitEconomics,
    unit: Unit::Ratio,
    read: |m| m.unit_economics.ltv_cac_ratio,
    note: Words(|| t!("lint-rules-metric-ltv-cac-ratio-note")),
    meaning: Some(Words(|| t!("lint-rules-metric-ltv-cac-ratio-meaning"))),
    limit: Some(Limit {
        rule: "low-ltv-cac-ratio",
        value: LimitValue::Option("min_ratio"),
        direction: Direction::AtLeast,
    }),
};

pub const CAC_LTV: PlanMetric = PlanMetric {
    key: "cac_ltv_ratio",
    label: Words(|| t!("lint-rules-metric-cac-ltv-ratio-label")),
    short_label: Words(|| t!("lint-rules-metric-cac-ltv-ratio-label")),
    section: Section::UnitEconomics,
    unit: Unit::Ratio,
    read: |m| m.unit_economics.cac_ltv_ratio,
    note: Words(|| t!("lint-rules-metric-cac-ltv-ratio-note")),
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
    label: Words(|| t!("lint-rules-metric-profit-per-customer-label")),
    short_label: Words(|| t!("lint-rules-metric-profit-per-customer-label")),
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.profit_per_customer,
    note: Words(|| t!("lint-rules-metric-profit-per-customer-note")),
    meaning: None,
    limit: None,
};

pub const MONTHLY_MARGIN: PlanMetric = PlanMetric {
    key: "monthly_margin_per_customer",
    label: Words(|| t!("lint-rules-metric-monthly-margin-per-customer-label")),
    short_label: Words(|| t!("lint-rules-metric-monthly-margin-per-customer-label")),
    section: Section::UnitEconomics,
    unit: Unit::Money,
    read: |m| m.unit_economics.monthly_margin_per_customer,
    note: Words(|| t!("lint-rules-metric-monthly-margin-per-customer-note")),
    meaning: None,
    limit: None,
};

pub const PAYBACK: PlanMetric = PlanMetric {
    key: "payback_months",
    label: Words(|| t!("lint-rules-metric-payback-months-label")),
    short_label: Words(|| t!("lint-rules-metric-payback-months-label")),
    section: Section::UnitEconomics,
    unit: Unit::Months,
    read: |m| m.unit_economics.payback_months,
    note: Words::NONE,
    meaning: None,
    limit: Some(Limit {
        rule: "cac-payback-too-long",
        value: LimitValue::Option("max_months"),
        direction: Direction::AtMost,
    }),
};

pub const BUDGET_TOTAL: PlanMetric = PlanMetric {
    key: "budget_total",
    label: Words(|| t!("lint-rules-metric-budget-total-label")),
    short_label: Words(|| t!("lint-rules-metric-budget-total-short-label")),
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.total,
    note: Words::NONE,
    meaning: None,
    limit: None,
};

pub const BUDGET_PLANNED: PlanMetric = PlanMetric {
    key: "budget_planned",
    label: Words(|| t!("lint-rules-metric-budget-planned-label")),
    short_label: Words(|| t!("lint-rules-metric-budget-planned-short-label")),
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.planned,
    note: Words::NONE,
    meaning: None,
    limit: None,
};

pub const BUDGET_CHANNELS: PlanMetric = PlanMetric {
    key: "budget_channels",
    label: Words(|| t!("lint-rules-metric-budget-channels-label")),
    short_label: Words(|| t!("lint-rules-metric-budget-channels-short-label")),
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.channels,
    note: Words::NONE,
    meaning: None,
    limit: None,
};

pub const BUDGET_OTHER_COSTS: PlanMetric = PlanMetric {
    key: "budget_other_costs",
    label: Words(|| t!("lint-rules-metric-budget-other-costs-label")),
    short_label: Words(|| t!("lint-rules-metric-budget-other-costs-label")),
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.items,
    note: Words::NONE,
    meaning: None,
    limit: None,
};

pub const BUDGET_REMAINING: PlanMetric = PlanMetric {
    key: "budget_remaining",
    label: Words(|| t!("lint-rules-metric-budget-remaining-label")),
    short_label: Words(|| t!("lint-rules-metric-budget-remaining-label")),
    section: Section::Budget,
    unit: Unit::Money,
    read: |m| m.budget.remaining,
    note: Words::NONE,
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
    pub label: Words,
    pub unit: Unit,
    pub read: fn(&ChannelMetrics) -> Option<f64>,
    /// What it means, where there is room to say so.
    pub meaning: Option<Words>,
}

impl ChannelMetric {
    pub fn value(&self, channel: &ChannelMetrics) -> Option<f64> {
        (self.read)(channel)
    }
}

pub const CHANNEL_BUDGET: ChannelMetric = ChannelMetric {
    key: "budget",
    label: Words(|| t!("lint-rules-metric-budget-label")),
    unit: Unit::Money,
    read: |c| c.budget,
    meaning: None,
};

pub const CHANNEL_SHARE: ChannelMetric = ChannelMetric {
    key: "budget_share",
    label: Words(|| t!("lint-rules-metric-budget-share-label")),
    unit: Unit::Share,
    read: |c| c.budget_share,
    meaning: Some(Words(|| t!("lint-rules-metric-budget-share-meaning"))),
};

pub const CHANNEL_TEST_RETURN: ChannelMetric = ChannelMetric {
    key: "test_return",
    label: Words(|| t!("lint-rules-metric-test-return-label")),
    unit: Unit::Ratio,
    read: |c| c.test_return,
    meaning: Some(Words(|| t!("lint-rules-metric-test-return-meaning"))),
};

/// The cost of the last customers the planned spend buys: the marginal CAC
/// of the highest tier.
pub const CHANNEL_TOP_MARGINAL_CAC: ChannelMetric = ChannelMetric {
    key: "marginal_cac",
    label: Words(|| t!("lint-rules-metric-marginal-cac-label")),
    unit: Unit::Money,
    read: |c| c.tiers.last()?.marginal_cac,
    meaning: None,
};

/// The marginal CAC of one spend tier, and of each tier in a list.
pub const MARGINAL_CAC: Words = Words(|| t!("lint-rules-marginal-cac"));
pub const MARGINAL_CAC_BY_TIER: Words = Words(|| t!("lint-rules-marginal-cac-by-tier"));

/// What a spend tier that won no customer shows instead of its CAC.
pub const NO_NEW_CUSTOMERS: Words = Words(|| t!("lint-rules-no-new-customers"));

/// The numbers each channel's row shows, in order.
pub const CHANNEL_COLUMNS: &[ChannelMetric] = &[CHANNEL_BUDGET, CHANNEL_SHARE, CHANNEL_TEST_RETURN];

/// The numbers the diff compares per channel.
pub const CHANNEL_DIFF: &[ChannelMetric] = &[CHANNEL_BUDGET, CHANNEL_TEST_RETURN, CHANNEL_TOP_MARGINAL_CAC];

/// The heading of the derived numbers where a plan's own are shown (hover).
pub const DERIVED_BY_PLANLINT: Words = Words(|| t!("lint-rules-derived-by-planlint"));

/// `label` with its first letter upper-case, for a heading or a table
/// column (`test return` -> `Test return`).
pub fn capitalized(label: impl AsRef<str>) -> String {
    let mut chars = label.as_ref().chars();
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
            t!(
                "lint-rules-tier-cac",
                range = tier_range(tier.from_spend, tier.to_spend),
                cac = cac
            )
        })
        .collect();
    (!tiers.is_empty()).then(|| tiers.join(&t!("lint-rules-tier-separator")))
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
        let mut labels: Vec<&str> = PLAN_METRICS.iter().map(|metric| metric.label.get()).collect();
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
    fn labels_units_and_notes_speak_the_language_of_the_run() {
        assert_eq!(BUDGET_TOTAL.label.get(), "Total budget");
        assert_eq!(Unit::Months.format(1.0, None), "1 month");
        assert_eq!(Unit::Months.format(1.5, None), "1.5 months");
        assert_eq!(Unit::Months.format(12.0, None), "12 months");
        assert_eq!(format!("[{:>8}]", CHANNEL_SHARE.label), "[   share]");
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(CAC.label.get(), "获客成本");
        assert_eq!(LTV.label.to_string(), "客户终身价值");
        assert_eq!(&*PAYBACK.label, "回本周期");
        assert_eq!(BUDGET_TOTAL.short_label.get(), "总额");
        assert_eq!(LTV_CAC.note.get(), "3 或以上为健康");
        assert_eq!(CAC.explanation(), "赢得一位客户的成本");
        assert_eq!(Section::UnitEconomics.heading(), "单位经济模型");
        assert_eq!(Direction::AtMost.words(), "不超过");
        assert_eq!(Unit::Months.format(8.0, None), "8 个月");
        assert_eq!(Unit::Months.format(1.0, None), "1 个月");
        assert_eq!(capitalized(CHANNEL_TEST_RETURN.label), "测试回报");
        assert_eq!(format!("{MARGINAL_CAC_BY_TIER}"), "各投入档位的边际获客成本");
        let channel = ChannelMetrics {
            tiers: vec![
                crate::lint::derive::TierMetrics {
                    from_spend: 0.0,
                    to_spend: 20000.0,
                    marginal_cac: Some(400.0),
                    ..Default::default()
                },
                crate::lint::derive::TierMetrics {
                    from_spend: 20000.0,
                    to_spend: 40000.0,
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        assert_eq!(
            tiers_text(&channel).as_deref(),
            Some("0-20,000：400，20,000-40,000：没有新客户")
        );
        // Labels stay distinct in every language.
        let mut labels: Vec<&str> = PLAN_METRICS.iter().map(|metric| metric.label.get()).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), PLAN_METRICS.len());
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
