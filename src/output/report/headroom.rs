//! Headroom: for each money verdict of the report, how far the key number
//! can move before the verdict flips ("CAC can rise 35% before LTV/CAC
//! falls below 3"), or how far it must move to pass; and for each channel
//! with spend tiers, how much more it can take before its marginal CAC
//! passes LTV.

use crate::i18n::t;
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

/// The money verdicts CAC is judged by.
#[derive(Clone, Copy)]
enum Judged {
    LtvCac,
    CacLtv,
    Payback,
}

/// The verdict in words: `LTV/CAC at least 3`.
fn verdict_text(judged: Judged, limit: &str) -> String {
    match judged {
        Judged::LtvCac => t!("report-headroom-ltv-cac", limit = limit),
        Judged::CacLtv => t!("report-headroom-cac-ltv", limit = limit),
        Judged::Payback => t!("report-headroom-payback", limit = limit),
    }
}

/// How far CAC can rise before the verdict flips, or must fall for it to
/// pass: `percent` of CAC, to `cac`.
fn room_text(judged: Judged, passes: bool, percent: String, cac: String, limit: &str) -> String {
    match (judged, passes) {
        (Judged::LtvCac, true) => {
            t!(
                "report-headroom-ltv-cac-room",
                percent = percent,
                cac = cac,
                limit = limit
            )
        }
        (Judged::LtvCac, false) => {
            t!(
                "report-headroom-ltv-cac-short",
                percent = percent,
                cac = cac,
                limit = limit
            )
        }
        (Judged::CacLtv, true) => {
            t!(
                "report-headroom-cac-ltv-room",
                percent = percent,
                cac = cac,
                limit = limit
            )
        }
        (Judged::CacLtv, false) => {
            t!(
                "report-headroom-cac-ltv-short",
                percent = percent,
                cac = cac,
                limit = limit
            )
        }
        (Judged::Payback, true) => {
            t!(
                "report-headroom-payback-room",
                percent = percent,
                cac = cac,
                limit = limit
            )
        }
        (Judged::Payback, false) => {
            t!(
                "report-headroom-payback-short",
                percent = percent,
                cac = cac,
                limit = limit
            )
        }
    }
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
        let shown = match *key {
            // With its unit: "12 months", "1 month".
            "payback_months" => crate::lint::metric_catalog::Unit::Months.format(limit, None),
            _ => format_number(limit),
        };
        let (judged, cac_max) = match (*key, ue.ltv, ue.monthly_margin_per_customer) {
            ("ltv_cac_ratio", Some(ltv), _) if limit > 0.0 => (Judged::LtvCac, ltv / limit),
            ("cac_ltv_ratio", Some(ltv), _) => (Judged::CacLtv, ltv * limit),
            ("payback_months", _, Some(monthly)) => (Judged::Payback, monthly * limit),
            _ => continue,
        };
        let passes = cac <= cac_max * (1.0 + 1e-9);
        let room = room_text(judged, passes, percent(cac, cac_max), view.money(cac_max), &shown);
        rows.push(HeadroomRow {
            verdict: t!(
                "report-headroom-verdict",
                verdict = verdict_text(judged, &shown),
                rule = threshold.rule.as_str()
            ),
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
            verdict: t!("report-headroom-budget"),
            passes,
            room: if passes {
                t!("report-headroom-budget-room", amount = view.money(remaining))
            } else {
                t!("report-headroom-budget-short", amount = view.money(-remaining))
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
        let name = channel.name.as_str();
        rows.push(HeadroomRow {
            verdict: t!("report-headroom-channel", channel = name, rule = rule.as_str()),
            passes,
            room: if passes {
                t!(
                    "report-headroom-channel-room",
                    channel = name,
                    amount = view.money(room)
                )
            } else {
                t!(
                    "report-headroom-channel-past",
                    channel = name,
                    amount = view.money(-room),
                    turn = view.money(turn.from_spend)
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
