//! Headroom: for each money verdict of the report, how far the key number
//! can move before the verdict flips ("CAC can rise 35% before LTV/CAC
//! falls below 3"), or how far it must move to pass; and for each channel
//! with spend tiers, how much more it can take before its marginal CAC
//! passes LTV.

use crate::numbers::format_number;
use crate::output::plan_view::PlanView;

/// One line of the headroom table.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadroomRow {
    /// The verdict, with its rule (`LTV/CAC at least 3 (low-ltv-cac-ratio)`).
    pub verdict: String,
    /// Whether the plan passes it now.
    pub passes: bool,
    /// The room, in words.
    pub room: String,
}

fn percent(from: f64, to: f64) -> String {
    let share = ((to - from) / from * 100.0).abs();
    format!("{}%", format_number((share * 10.0).round() / 10.0))
}

/// CAC's room under `cac_max`, said against the verdict `flips`.
fn cac_room(view: &PlanView, cac: f64, cac_max: f64, flips: &str, reaches: &str) -> (bool, String) {
    let passes = cac <= cac_max * (1.0 + 1e-9);
    let room = if passes {
        format!(
            "CAC can rise {} (to {}) before {flips}",
            percent(cac, cac_max),
            view.money(cac_max)
        )
    } else {
        format!(
            "CAC must fall {} (to {}) for {reaches}",
            percent(cac, cac_max),
            view.money(cac_max)
        )
    };
    (passes, room)
}

/// The unit economics verdicts, from the limits in force.
fn economics(view: &PlanView) -> Vec<HeadroomRow> {
    let ue = &view.metrics.unit_economics;
    let Some(cac) = ue.cac.filter(|cac| *cac > 0.0) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for (key, threshold) in &view.thresholds.limits {
        let limit = threshold.value;
        let shown = format_number(limit);
        let (verdict, cac_max, flips, reaches) = match (*key, ue.ltv, ue.monthly_margin_per_customer) {
            ("ltv_cac_ratio", Some(ltv), _) if limit > 0.0 => (
                format!("LTV/CAC at least {shown}"),
                ltv / limit,
                format!("LTV/CAC falls below {shown}"),
                format!("LTV/CAC to reach {shown}"),
            ),
            ("cac_ltv_ratio", Some(ltv), _) => (
                format!("CAC/LTV at most {shown}"),
                ltv * limit,
                format!("CAC/LTV passes {shown} (every customer loses money)"),
                format!("CAC/LTV to come down to {shown}"),
            ),
            ("payback_months", _, Some(monthly)) => (
                format!("CAC payback at most {shown} months"),
                monthly * limit,
                format!("the payback passes {shown} months"),
                format!("the payback to come within {shown} months"),
            ),
            _ => continue,
        };
        let (passes, room) = cac_room(view, cac, cac_max, &flips, &reaches);
        rows.push(HeadroomRow {
            verdict: format!("{verdict} ({})", threshold.rule),
            passes,
            room,
        });
    }
    rows
}

/// The budget, and each channel whose spend tiers turn past LTV.
fn spend(view: &PlanView) -> Vec<HeadroomRow> {
    let mut rows = Vec::new();
    let budget = &view.metrics.budget;
    if let (Some(remaining), Some(_)) = (budget.remaining, budget.total) {
        let passes = remaining >= 0.0;
        rows.push(HeadroomRow {
            verdict: "channel budgets and other costs within the budget total (budget-overrun)".into(),
            passes,
            room: if passes {
                format!(
                    "{} more can be planned before the total is exceeded",
                    view.money(remaining)
                )
            } else {
                format!(
                    "{} must be cut, or the total raised by as much",
                    view.money(-remaining)
                )
            },
        });
    }
    let (Some(ltv), Some(rule)) = (
        view.metrics.unit_economics.ltv,
        &view.thresholds.marginal_cac_rule,
    ) else {
        return rows;
    };
    for channel in &view.metrics.channels {
        let Some(turn) = channel.tiers.iter().find(|tier| {
            tier.marginal_cac
                .map_or(tier.spend_added > 0.0, |marginal| marginal > ltv)
        }) else {
            continue;
        };
        let spent = channel.budget.unwrap_or(turn.to_spend);
        let room = turn.from_spend - spent;
        let passes = room >= 0.0;
        rows.push(HeadroomRow {
            verdict: format!(
                "`{}` short of the turn of its marginal cost ({rule})",
                channel.name
            ),
            passes,
            room: if passes {
                format!(
                    "`{}` can take {} more before its marginal CAC passes LTV",
                    channel.name,
                    view.money(room)
                )
            } else {
                format!(
                    "`{}` plans {} past {}, where its marginal CAC passes LTV",
                    channel.name,
                    view.money(-room),
                    view.money(turn.from_spend)
                )
            },
        });
    }
    rows
}

/// Every headroom row of the plan.
pub fn rows(view: &PlanView) -> Vec<HeadroomRow> {
    let mut rows = economics(view);
    rows.extend(spend(view));
    rows
}
