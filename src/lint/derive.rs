//! Derived values, computed once per plan: unit economics, budget use and
//! channel returns. Rules and `planlint metrics` read these; nothing else
//! repeats the arithmetic.
//!
//! A value that cannot be computed (missing input, wrong type, division by
//! zero) is absent, never NaN or infinite.

use crate::i18n::t;
use crate::numbers::format_number;
use serde::Serialize;
use serde_json::Value;

/// Dotted names of the scalar metrics rules may test with `metric`.
pub const METRIC_NAMES: &[&str] = &[
    "unit_economics.cac",
    "unit_economics.ltv",
    "unit_economics.cac_ltv_ratio",
    "unit_economics.ltv_cac_ratio",
    "unit_economics.profit_per_customer",
    "unit_economics.monthly_margin_per_customer",
    "unit_economics.payback_months",
    "budget.total",
    "budget.channels",
    "budget.items",
    "budget.planned",
    "budget.remaining",
];

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    pub unit_economics: UnitEconomics,
    pub budget: BudgetUse,
    pub channels: Vec<ChannelMetrics>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UnitEconomics {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cac: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ltv: Option<f64>,
    /// How LTV was obtained, as words for messages ("" when given), in the
    /// language of the run: said right after the LTV's amount.
    pub ltv_basis: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cac_ltv_ratio: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ltv_cac_ratio: Option<f64>,
    /// LTV minus CAC: what one customer earns after paying for itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profit_per_customer: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_margin_per_customer: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payback_months: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BudgetUse {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// Sum of channel budgets; `None` when one of them cannot be read (a
    /// partial sum would be a number nobody wrote).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channels: Option<f64>,
    /// Sum of budget items (costs that are not channel spend), likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ChannelMetrics {
    pub name: String,
    pub pointer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// Share of the total budget, 0..1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_share: Option<f64>,
    /// Test revenue per unit of test spend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test_return: Option<f64>,
    pub tiers: Vec<TierMetrics>,
}

/// One step of a channel's spend curve, from the previous tier (or zero).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TierMetrics {
    pub pointer: String,
    pub from_spend: f64,
    pub to_spend: f64,
    pub spend_added: f64,
    pub customers_added: f64,
    /// Spend added per customer added; absent when no customer was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marginal_cac: Option<f64>,
}

impl Metrics {
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// A finite number at `key`, if there is one.
fn number(node: Option<&Value>, key: &str) -> Option<f64> {
    node?.get(key)?.as_f64().filter(|n| n.is_finite())
}

/// `a / b`, absent unless both exist, `b` is not zero and the result is finite.
fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    let (a, b) = (a?, b?);
    if b == 0.0 {
        return None;
    }
    Some(a / b).filter(|r| r.is_finite())
}

fn finite(value: f64) -> Option<f64> {
    Some(value).filter(|v| v.is_finite())
}

pub fn derive(plan: &Value) -> Metrics {
    let budget = budget_use(plan);
    Metrics {
        unit_economics: unit_economics(plan.get("unit_economics")),
        channels: channels(plan, budget.total),
        budget,
    }
}

fn unit_economics(section: Option<&Value>) -> UnitEconomics {
    let cac = number(section, "cac");
    let order_value = number(section, "average_order_value");
    let gross_margin = number(section, "gross_margin");
    let purchases_per_year = number(section, "purchases_per_year");
    let lifetime_years = number(section, "lifetime_years");

    let yearly_margin = match (order_value, gross_margin, purchases_per_year) {
        (Some(v), Some(m), Some(p)) => finite(v * m * p),
        _ => None,
    };
    let (ltv, ltv_basis) = match (number(section, "ltv"), yearly_margin, lifetime_years) {
        (Some(ltv), _, _) => (Some(ltv), String::new()),
        (None, Some(yearly), Some(years)) => (
            finite(yearly * years),
            t!(
                "lint-rules-ltv-basis",
                order_value = format_number(order_value.unwrap_or_default()),
                margin = format_number(gross_margin.unwrap_or_default()),
                purchases = format_number(purchases_per_year.unwrap_or_default()),
                years = format_number(years)
            ),
        ),
        _ => (None, String::new()),
    };
    // Monthly margin from the parts when given, else spread LTV over its lifetime.
    let monthly_margin = yearly_margin
        .map(|yearly| yearly / 12.0)
        .or_else(|| ratio(ltv, lifetime_years.map(|years| years * 12.0)));
    UnitEconomics {
        cac,
        ltv,
        ltv_basis,
        cac_ltv_ratio: ratio(cac, ltv),
        ltv_cac_ratio: ratio(ltv, cac),
        profit_per_customer: match (ltv, cac) {
            (Some(ltv), Some(cac)) => finite(ltv - cac),
            _ => None,
        },
        monthly_margin_per_customer: monthly_margin,
        payback_months: ratio(cac, monthly_margin),
    }
}

fn list<'a>(node: Option<&'a Value>, key: &str) -> &'a [Value] {
    node.and_then(|n| n.get(key))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

fn budget_use(plan: &Value) -> BudgetUse {
    let section = plan.get("budget");
    let total = number(section, "total");
    let items: f64 = list(section, "items")
        .iter()
        .filter_map(|item| number(Some(item), "amount"))
        .sum();
    let channels: f64 = list(Some(plan), "channels")
        .iter()
        .filter_map(|channel| number(Some(channel), "budget"))
        .sum();
    // A spend written so that it cannot be read makes the sums incomplete:
    // they and what remains are then unknown, never a wrong number.
    let unreadable = |node: &Value, key: &str| node.get(key).is_some_and(|value| !value.is_number());
    // An empty sum is -0.0 in Rust; nothing planned is 0.
    let (items, channels) = (items + 0.0, channels + 0.0);
    let items = finite(items).filter(|_| {
        !list(section, "items")
            .iter()
            .any(|item| unreadable(item, "amount"))
    });
    let channels = finite(channels).filter(|_| {
        !list(Some(plan), "channels")
            .iter()
            .any(|channel| unreadable(channel, "budget"))
    });
    let planned = items
        .zip(channels)
        .and_then(|(items, channels)| finite(items + channels));
    BudgetUse {
        total,
        channels,
        items,
        planned,
        remaining: total
            .zip(planned)
            .and_then(|(total, planned)| finite(total - planned)),
    }
}

fn channels(plan: &Value, total_budget: Option<f64>) -> Vec<ChannelMetrics> {
    list(Some(plan), "channels")
        .iter()
        .enumerate()
        .map(|(index, channel)| {
            let pointer = format!("/channels/{index}");
            let budget = number(Some(channel), "budget");
            let test = channel.get("test");
            ChannelMetrics {
                name: channel
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .unwrap_or_else(|| t!("lint-rules-unnamed-channel", ordinal = (index + 1).to_string())),
                budget,
                budget_share: ratio(budget, total_budget),
                test_return: ratio(number(test, "revenue"), number(test, "budget")),
                tiers: tiers(channel, &pointer),
                pointer,
            }
        })
        .collect()
}

/// Marginal CAC of each spend step, measured from the tier before it (the
/// first tier from zero spend and zero customers). A tier that cannot be
/// read leaves out both steps that touch it: the step after it is never
/// measured from an older tier, which would show a step nobody wrote.
fn tiers(channel: &Value, channel_pointer: &str) -> Vec<TierMetrics> {
    let mut previous = Some((0.0, 0.0));
    let mut out = Vec::new();
    for (index, tier) in list(Some(channel), "spend_tiers").iter().enumerate() {
        let (Some(spend), Some(customers)) =
            (number(Some(tier), "spend"), number(Some(tier), "new_customers"))
        else {
            previous = None;
            continue;
        };
        let Some(previous_tier) = previous.replace((spend, customers)) else {
            continue;
        };
        // Differences of huge numbers can overflow: such a step cannot be measured.
        let (Some(spend_added), Some(customers_added)) = (
            finite(spend - previous_tier.0),
            finite(customers - previous_tier.1),
        ) else {
            continue;
        };
        out.push(TierMetrics {
            pointer: format!("{channel_pointer}/spend_tiers/{index}"),
            from_spend: previous_tier.0,
            to_spend: spend,
            spend_added,
            customers_added,
            marginal_cac: if customers_added > 0.0 {
                ratio(Some(spend_added), Some(customers_added))
            } else {
                None
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `METRIC_NAMES` is every number a fully populated `Metrics` gives for
    /// unit economics and the budget, by its serialized name.
    #[test]
    fn metric_names_are_the_serialized_numbers() {
        let full = Metrics {
            unit_economics: UnitEconomics {
                cac: Some(1.0),
                ltv: Some(1.0),
                ltv_basis: String::new(),
                cac_ltv_ratio: Some(1.0),
                ltv_cac_ratio: Some(1.0),
                profit_per_customer: Some(1.0),
                monthly_margin_per_customer: Some(1.0),
                payback_months: Some(1.0),
            },
            budget: BudgetUse {
                total: Some(1.0),
                channels: Some(1.0),
                items: Some(1.0),
                planned: Some(1.0),
                remaining: Some(1.0),
            },
            channels: Vec::new(),
        }
        .to_value();
        let mut serialized = Vec::new();
        for section in ["unit_economics", "budget"] {
            for (name, value) in full[section].as_object().unwrap() {
                if value.is_number() {
                    serialized.push(format!("{section}.{name}"));
                }
            }
        }
        let mut names: Vec<String> = METRIC_NAMES.iter().map(|name| (*name).to_owned()).collect();
        serialized.sort();
        names.sort();
        assert_eq!(names, serialized);
    }
    use serde_json::json;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn ltv_from_its_parts_and_the_ratios() {
        // 3200 x 0.45 x 0.5 = 720 a year; x 3 years = 2160. 720 / 12 = 60 a month.
        let plan = json!({"unit_economics": {"cac": 540, "average_order_value": 3200,
            "gross_margin": 0.45, "purchases_per_year": 0.5, "lifetime_years": 3}});
        let ue = derive(&plan).unit_economics;
        assert!(close(ue.ltv, 2160.0));
        assert!(close(ue.cac_ltv_ratio, 0.25));
        assert!(close(ue.ltv_cac_ratio, 4.0));
        assert!(close(ue.monthly_margin_per_customer, 60.0));
        assert!(close(ue.payback_months, 9.0));
        assert!(close(ue.profit_per_customer, 1620.0));
        assert!(ue.ltv_basis.contains("3,200"), "{}", ue.ltv_basis);
    }

    /// `{ltv_basis}` follows the LTV amount in the Chinese message
    /// (客户终身价值 2,160（客单价 ...）).
    #[test]
    fn the_ltv_basis_and_unnamed_channels_speak_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let plan = json!({"unit_economics": {"cac": 540, "average_order_value": 3200,
            "gross_margin": 0.45, "purchases_per_year": 0.5, "lifetime_years": 3},
            "channels": [{"budget": 100}]});
        let metrics = derive(&plan);
        assert_eq!(
            metrics.unit_economics.ltv_basis,
            "（客单价 3,200 × 毛利率 0.45 × 每年购买 0.5 次 × 3 年）"
        );
        assert_eq!(metrics.channels[0].name, "第 1 个渠道");
    }

    #[test]
    fn given_ltv_wins_and_payback_spreads_it_over_the_lifetime() {
        let plan = json!({"unit_economics": {"cac": 180, "ltv": 900, "lifetime_years": 3}});
        let ue = derive(&plan).unit_economics;
        assert!(close(ue.ltv, 900.0));
        assert_eq!(ue.ltv_basis, "");
        assert!(close(ue.monthly_margin_per_customer, 25.0));
        assert!(close(ue.payback_months, 7.2));
    }

    #[test]
    fn zeros_and_missing_parts_leave_values_absent() {
        let plan = json!({"unit_economics": {"cac": 0, "ltv": 0}});
        let ue = derive(&plan).unit_economics;
        assert_eq!(ue.cac_ltv_ratio, None);
        assert_eq!(ue.ltv_cac_ratio, None);
        assert!(close(ue.profit_per_customer, 0.0));
        assert_eq!(ue.payback_months, None);

        let partial = json!({"unit_economics": {"cac": 100, "average_order_value": 50}});
        let ue = derive(&partial).unit_economics;
        assert_eq!(ue.ltv, None);
        assert_eq!(ue.cac_ltv_ratio, None);

        let wrong_types = json!({"unit_economics": {"cac": "lots", "ltv": [1]}, "channels": "x"});
        let metrics = derive(&wrong_types);
        assert_eq!(metrics.unit_economics, UnitEconomics::default());
        assert!(metrics.channels.is_empty());
        // Nothing planned is zero planned (not -0), and no total: nothing remains to say.
        let budget = metrics.budget;
        assert_eq!((budget.total, budget.remaining), (None, None));
        for sum in [budget.channels, budget.items, budget.planned] {
            assert!(
                sum.is_some_and(|sum| sum == 0.0 && sum.is_sign_positive()),
                "{sum:?}"
            );
        }
    }

    #[test]
    fn zero_ltv_with_a_cost_is_a_loss() {
        let ue = derive(&json!({"unit_economics": {"cac": 50, "ltv": 0}})).unit_economics;
        assert!(close(ue.profit_per_customer, -50.0));
    }

    #[test]
    fn absurd_values_never_become_infinite() {
        let plan = json!({"unit_economics": {"cac": 1e308, "average_order_value": 1e308,
            "gross_margin": 1e308, "purchases_per_year": 10, "lifetime_years": 1e308}});
        let value = derive(&plan).to_value();
        let text = serde_json::to_string(&value).unwrap();
        assert!(!text.contains("null"), "{text}");
        assert_eq!(derive(&plan).unit_economics.ltv, None);
    }

    #[test]
    fn a_tier_that_cannot_be_read_leaves_out_both_steps_around_it() {
        let plan = json!({"channels": [{"spend_tiers": [
            {"spend": 5000, "new_customers": 80},
            {"spend": 10000, "new_customers": "many"},
            {"spend": 15000, "new_customers": 180},
            {"spend": 20000, "new_customers": 200}
        ]}]});
        let steps: Vec<_> = derive(&plan).channels[0]
            .tiers
            .iter()
            .map(|t| (t.from_spend, t.to_spend, t.marginal_cac))
            .collect();
        assert_eq!(
            steps,
            [(0.0, 5000.0, Some(62.5)), (15000.0, 20000.0, Some(250.0))]
        );
    }

    #[test]
    fn a_budget_that_cannot_be_read_leaves_its_sum_unknown() {
        let plan = json!({
            "budget": {"total": 50000, "items": [{"name": "Fees", "amount": 17000}]},
            "channels": [{"budget": 12000}, {"budget": "lots"}]
        });
        let budget = derive(&plan).budget;
        assert_eq!(budget.items, Some(17000.0));
        assert_eq!(
            (budget.channels, budget.planned, budget.remaining),
            (None, None, None)
        );
    }

    #[test]
    fn a_tier_step_that_overflows_is_left_out() {
        let plan = json!({"channels": [{"spend_tiers": [
            {"spend": -1.5e308, "new_customers": 1},
            {"spend": 1.5e308, "new_customers": 2},
            {"spend": 1.6e308, "new_customers": 3}
        ]}]});
        let tiers = &derive(&plan).channels[0].tiers;
        assert_eq!(tiers.len(), 2, "{tiers:?}");
        assert!(tiers
            .iter()
            .all(|t| t.spend_added.is_finite() && t.customers_added.is_finite()));
        assert_eq!(tiers[1].from_spend, 1.5e308);
    }

    #[test]
    fn budget_and_channels() {
        let plan = json!({
            "budget": {"total": 300000, "items": [{"name": "salaries", "amount": 90000}]},
            "channels": [
                {"name": "WeChat", "budget": 60000, "test": {"budget": 1000, "revenue": 3000},
                 "spend_tiers": [{"spend": 20000, "new_customers": 150},
                                 {"spend": 40000, "new_customers": 240},
                                 {"spend": 60000, "new_customers": 280},
                                 {"spend": 70000, "new_customers": 280}]},
                {"budget": 40000, "test": {"budget": 0, "revenue": 10}}
            ]
        });
        let metrics = derive(&plan);
        assert_eq!(metrics.budget.planned, Some(190000.0));
        assert_eq!(metrics.budget.remaining, Some(110000.0));
        let wechat = &metrics.channels[0];
        assert!(close(wechat.test_return, 3.0));
        assert!(close(wechat.budget_share, 0.2));
        let marginal: Vec<_> = wechat.tiers.iter().map(|t| t.marginal_cac).collect();
        assert!(close(marginal[0], 20000.0 / 150.0));
        assert!(close(marginal[1], 20000.0 / 90.0));
        assert!(close(marginal[2], 500.0));
        assert_eq!(marginal[3], None);
        assert_eq!(metrics.channels[1].name, "channel 2");
        assert_eq!(metrics.channels[1].test_return, None);
    }
}
