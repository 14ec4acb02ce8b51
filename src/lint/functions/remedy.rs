//! The remedies check functions attach to their violations: from the plan's
//! own numbers, the value of one field that would meet the rule, each lever
//! on its own with the others unchanged (see [`crate::finding::remedy`]).

use super::api::Context;
use crate::document::Lookup;
use crate::finding::remedy::{number, round_to, round_towards};
use crate::finding::Remedy;
use crate::i18n::t;
use crate::numbers::{format_money, format_number};
use serde_json::Value;

/// What a lever is called, its unit, and how its value reads.
struct Lever {
    pointer: String,
    label: String,
    unit: String,
    value: Value,
    words: String,
    /// Said after the value in the quick fix's title (`break-even`).
    reason: String,
}

fn remedy(context: Context<'_>, lever: Lever) -> Remedy {
    let shown = match &lever.value {
        Value::Number(value) => format_number_exact(value.as_f64().unwrap_or_default()),
        other => crate::numbers::display_value(other),
    };
    let action = if lever.reason.is_empty() {
        t!(
            "lint-rules-remedy-action",
            label = lever.label.as_str(),
            value = shown
        )
    } else {
        t!(
            "lint-rules-remedy-action-because",
            label = lever.label.as_str(),
            value = shown,
            reason = lever.reason.as_str()
        )
    };
    Remedy {
        field: field_name(context.plan, &lever.pointer),
        current: context
            .plan
            .lookup(&lever.pointer)
            .cloned()
            .unwrap_or(Value::Null),
        action,
        pointer: lever.pointer,
        label: lever.label,
        value: lever.value,
        unit: lever.unit,
        words: lever.words,
    }
}

/// The name `--set` takes for `pointer`: list items by their id or name
/// (`channels.Douyin.budget`), or `#N` (1-based) when they have none.
pub fn field_name(plan: &Value, pointer: &str) -> String {
    let mut node = Some(plan);
    let mut parts = Vec::new();
    for token in pointer.split('/').skip(1) {
        let key = crate::document::unescape_token(token).into_owned();
        let item = match (node, key.parse::<usize>()) {
            (Some(Value::Array(items)), Ok(index)) => Some(
                items
                    .get(index)
                    .and_then(crate::lint::place::item_name)
                    .map_or_else(|| format!("#{}", index + 1), str::to_owned),
            ),
            _ => None,
        };
        node = node.and_then(|node| match node {
            Value::Array(items) => key.parse::<usize>().ok().and_then(|index| items.get(index)),
            other => other.get(&key),
        });
        parts.push(item.unwrap_or(key));
    }
    parts.join(".")
}

/// The name of the channel at `pointer`, or "this channel".
fn channel_name(context: Context<'_>, pointer: &str) -> String {
    context
        .plan
        .lookup(pointer)
        .and_then(crate::lint::place::item_name)
        .map_or_else(|| t!("lint-rules-this-channel"), str::to_owned)
}

fn money(context: Context<'_>, amount: f64) -> String {
    format_money(amount, context.plan.get("currency").and_then(Value::as_str))
}

fn currency_unit(context: Context<'_>) -> String {
    context
        .plan
        .get("currency")
        .and_then(Value::as_str)
        .unwrap_or("money")
        .to_owned()
}

fn plan_number(context: Context<'_>, pointer: &str) -> Option<f64> {
    context
        .plan
        .lookup(pointer)
        .and_then(Value::as_f64)
        .filter(|n| n.is_finite())
}

fn metric(context: Context<'_>, pointer: &str) -> Option<f64> {
    context
        .metrics
        .sections()
        .lookup(pointer)
        .and_then(Value::as_f64)
        .filter(|n| n.is_finite())
}

/// Remedies for a `metric` check on `name` that broke `limit`.
pub(super) fn for_metric(context: Context<'_>, name: &str, limit: f64) -> Vec<Remedy> {
    let cac = metric(context, "/unit_economics/cac");
    let ltv = metric(context, "/unit_economics/ltv");
    let monthly = metric(context, "/unit_economics/monthly_margin_per_customer");
    match (name, cac, ltv) {
        ("budget.remaining", _, _) => budget(context, limit),
        ("unit_economics.profit_per_customer", Some(cac), Some(ltv)) => {
            let reason = if limit == 0.0 {
                t!("lint-rules-remedy-break-even")
            } else {
                t!(
                    "lint-rules-remedy-profit-per-customer",
                    amount = money(context, limit)
                )
            };
            ltv_levers(context, cac, ltv, ltv - limit, cac + limit, &reason)
        }
        ("unit_economics.ltv_cac_ratio", Some(cac), Some(ltv)) if limit > 0.0 => {
            let reason = t!("lint-rules-remedy-ltv-cac", ratio = format_number(limit));
            ltv_levers(context, cac, ltv, ltv / limit, cac * limit, &reason)
        }
        ("unit_economics.cac_ltv_ratio", Some(cac), Some(ltv)) if limit > 0.0 => {
            let reason = t!("lint-rules-remedy-cac-ltv", ratio = format_number(limit));
            ltv_levers(context, cac, ltv, ltv * limit, cac / limit, &reason)
        }
        ("unit_economics.payback_months", Some(cac), _) if limit > 0.0 => match monthly {
            Some(monthly) => payback_levers(context, cac, monthly, limit),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// CAC down to `cac_max`, or LTV (or one of its parts) up to `ltv_needed`.
fn ltv_levers(
    context: Context<'_>,
    cac: f64,
    ltv: f64,
    cac_max: f64,
    ltv_needed: f64,
    reason: &str,
) -> Vec<Remedy> {
    let mut out = Vec::new();
    if cac_max > 0.0 {
        let target = round_towards(cac_max, false);
        let lower = cac - target;
        out.push(remedy(
            context,
            Lever {
                pointer: "/unit_economics/cac".into(),
                label: t!("lint-rules-lever-cac"),
                unit: currency_unit(context),
                value: number(target),
                words: t!(
                    "lint-rules-remedy-cac-lower",
                    cac = money(context, target),
                    reason = reason,
                    lower = money(context, lower),
                    percent = format_number((lower / cac * 1000.0).round() / 10.0),
                    current = money(context, cac)
                ),
                reason: reason.to_owned(),
            },
        ));
    }
    if ltv > 0.0 {
        out.extend(part_levers(context, ltv_needed / ltv, reason, PartsOf::Ltv));
    }
    out
}

/// Payback within `limit` months: CAC down, or the monthly margin up
/// through one of its parts.
fn payback_levers(context: Context<'_>, cac: f64, monthly: f64, limit: f64) -> Vec<Remedy> {
    let months = crate::lint::metric_catalog::Unit::Months.format(limit, None);
    let reason = t!("lint-rules-remedy-payback", months = months);
    let mut out = Vec::new();
    let target = round_towards(limit * monthly, false);
    if target > 0.0 {
        out.push(remedy(
            context,
            Lever {
                pointer: "/unit_economics/cac".into(),
                label: t!("lint-rules-lever-cac"),
                unit: currency_unit(context),
                value: number(target),
                words: t!(
                    "lint-rules-remedy-cac-payback",
                    cac = money(context, target),
                    reason = reason.as_str(),
                    lower = money(context, cac - target)
                ),
                reason: reason.clone(),
            },
        ));
    }
    if monthly > 0.0 {
        out.extend(part_levers(
            context,
            cac / limit / monthly,
            &reason,
            PartsOf::MonthlyMargin,
        ));
    }
    out
}

/// Which number the parts are scaled to raise.
#[derive(Clone, Copy, PartialEq)]
enum PartsOf {
    Ltv,
    MonthlyMargin,
}

/// Each part of LTV (or of the monthly margin) scaled by `scale`, alone;
/// a given LTV when the plan states it rather than its parts.
fn part_levers(context: Context<'_>, scale: f64, reason: &str, of: PartsOf) -> Vec<Remedy> {
    let given_ltv = plan_number(context, "/unit_economics/ltv");
    let parts = ["average_order_value", "gross_margin", "purchases_per_year"]
        .map(|key| plan_number(context, &format!("/unit_economics/{key}")));
    let lifetime = plan_number(context, "/unit_economics/lifetime_years");
    let from_parts = parts.iter().all(Option::is_some);
    let mut out = Vec::new();
    let use_ltv = match of {
        PartsOf::Ltv => given_ltv.is_some(),
        PartsOf::MonthlyMargin => !from_parts,
    };
    if use_ltv {
        if let Some(ltv) = given_ltv.filter(|_| scale.is_finite() && scale > 0.0) {
            let target = round_towards(ltv * scale, true);
            out.push(lever(
                context,
                "ltv",
                t!("lint-rules-lever-ltv"),
                target,
                t!("lint-rules-remedy-ltv", amount = money(context, target)),
                reason,
            ));
        }
        return out;
    }
    if !from_parts || !scale.is_finite() || scale <= 0.0 {
        return out;
    }
    let [order_value, margin, purchases] = parts.map(Option::unwrap_or_default);
    let order_value = round_towards(order_value * scale, true);
    out.push(lever(
        context,
        "average_order_value",
        t!("lint-rules-lever-average-order-value"),
        order_value,
        t!(
            "lint-rules-remedy-average-order-value",
            amount = money(context, order_value)
        ),
        reason,
    ));
    let purchases = round_towards(purchases * scale, true);
    out.push(lever(
        context,
        "purchases_per_year",
        t!("lint-rules-lever-purchases-per-year"),
        purchases,
        t!(
            "lint-rules-remedy-purchases-per-year",
            purchases = format_number_exact(purchases)
        ),
        reason,
    ));
    let margin = round_to(margin * scale, 3, true);
    if margin <= 1.0 {
        out.push(lever(
            context,
            "gross_margin",
            t!("lint-rules-lever-gross-margin"),
            margin,
            t!(
                "lint-rules-remedy-gross-margin",
                margin = format_number_exact(margin)
            ),
            reason,
        ));
    }
    if let (Some(years), PartsOf::Ltv) = (lifetime, of) {
        let target = round_to(years * scale, 4, true);
        let months = (target * 120.0).round() / 10.0;
        out.push(lever(
            context,
            "lifetime_years",
            t!("lint-rules-lever-lifetime-years"),
            target,
            t!(
                "lint-rules-remedy-lifetime-years",
                months = format_number(months),
                years = format_number_exact(target)
            ),
            reason,
        ));
    }
    out
}

/// A small number with all its decimals (`0.584`, not `0.58`).
fn format_number_exact(value: f64) -> String {
    if value.abs() >= 100.0 {
        format_number(value)
    } else {
        number(value).to_string()
    }
}

fn lever(context: Context<'_>, key: &str, label: String, target: f64, words: String, reason: &str) -> Remedy {
    let unit = match key {
        "average_order_value" | "ltv" => currency_unit(context),
        "gross_margin" => "share of revenue".into(),
        "purchases_per_year" => "purchases a year".into(),
        _ => "years".into(),
    };
    remedy(
        context,
        Lever {
            pointer: format!("/unit_economics/{key}"),
            label,
            unit,
            value: number(target),
            words,
            reason: reason.to_owned(),
        },
    )
}

/// Remedies for a budget that plans more than its total (less `reserve`):
/// the total that covers it, or one line cut by the excess.
fn budget(context: Context<'_>, reserve: f64) -> Vec<Remedy> {
    let (Some(total), Some(planned)) = (
        metric(context, "/budget/total"),
        metric(context, "/budget/planned"),
    ) else {
        return Vec::new();
    };
    let excess = planned + reserve - total;
    if excess <= 0.0 {
        return Vec::new();
    }
    let mut lines = budget_lines(context);
    lines.sort_by(|a, b| b.2.total_cmp(&a.2));
    // No one line can take the whole cut: the largest ones that sum to it.
    let excess_text = money(context, excess);
    let raised = round_towards(planned + reserve, true);
    let raised_text = money(context, raised);
    let words = if lines.first().is_some_and(|line| line.2 < excess) {
        t!(
            "lint-rules-remedy-budget-cut-for-example",
            excess = excess_text,
            example = lines_summing_to(context, &lines, excess),
            total = raised_text
        )
    } else {
        t!(
            "lint-rules-remedy-budget-cut",
            excess = excess_text,
            total = raised_text
        )
    };
    let mut out = vec![remedy(
        context,
        Lever {
            pointer: "/budget/total".into(),
            label: t!("lint-rules-lever-budget-total"),
            unit: currency_unit(context),
            value: number(raised),
            words,
            reason: t!("lint-rules-remedy-covers-the-plan"),
        },
    )];
    lines.retain(|(_, _, amount)| *amount >= excess);
    lines.sort_by(|a, b| b.2.total_cmp(&a.2));
    for (pointer, name, amount) in lines.into_iter().take(3) {
        let cut = round_towards(amount - excess, false).max(0.0);
        out.push(remedy(
            context,
            Lever {
                pointer,
                label: t!("lint-rules-lever-amount-of", line = name.as_str()),
                unit: currency_unit(context),
                value: number(cut),
                words: t!(
                    "lint-rules-remedy-cut-line",
                    line = name.as_str(),
                    from = money(context, amount),
                    to = money(context, cut)
                ),
                reason: t!("lint-rules-remedy-less", amount = money(context, amount - cut)),
            },
        ));
    }
    out
}

/// Each channel budget and budget item: its pointer, its name in words and
/// its amount.
fn budget_lines(context: Context<'_>) -> Vec<(String, String, f64)> {
    let mut lines = Vec::new();
    let list = |node: Option<&Value>| node.and_then(Value::as_array).cloned().unwrap_or_default();
    let name = |item: &Value, index: usize| {
        crate::lint::place::item_name(item).map_or_else(|| format!("#{}", index + 1), str::to_owned)
    };
    for (index, channel) in list(context.plan.get("channels")).iter().enumerate() {
        if let Some(amount) = channel.get("budget").and_then(Value::as_f64) {
            let pointer = format!("/channels/{index}/budget");
            lines.push((
                pointer,
                t!("lint-rules-line-channel", name = name(channel, index)),
                amount,
            ));
        }
    }
    let items = list(context.plan.get("budget").and_then(|budget| budget.get("items")));
    for (index, item) in items.iter().enumerate() {
        if let Some(amount) = item.get("amount").and_then(Value::as_f64) {
            let pointer = format!("/budget/items/{index}/amount");
            lines.push((
                pointer,
                t!("lint-rules-line-budget-item", name = name(item, index)),
                amount,
            ));
        }
    }
    lines
}

/// The largest `lines` (sorted, largest first) cut until `excess` is met:
/// "channel `A` to 0 and budget item `B` from 50,000 to 20,000" (said
/// after "e.g.").
fn lines_summing_to(context: Context<'_>, lines: &[(String, String, f64)], excess: f64) -> String {
    let mut left = excess;
    let mut cuts = Vec::new();
    for (_, name, amount) in lines.iter().filter(|line| line.2 > 0.0) {
        if left <= 0.0 {
            break;
        }
        let cut = amount.min(left);
        left -= cut;
        cuts.push(if cut >= *amount {
            t!("lint-rules-remedy-line-to-zero", line = name.as_str())
        } else {
            t!(
                "lint-rules-remedy-line-from-to",
                line = name.as_str(),
                from = money(context, *amount),
                to = money(context, amount - cut)
            )
        });
    }
    cuts.join(&t!("lint-rules-and-separator"))
}

/// A channel scaled past the turn of its marginal cost: stop at the tier
/// `stop_at`, where the next tier's customers cost `marginal` each.
pub(super) fn stop_scaling(
    context: Context<'_>,
    channel: &str,
    stop_at: f64,
    marginal: Option<f64>,
    ltv: f64,
) -> Vec<Remedy> {
    let name = channel_name(context, channel);
    let words = match marginal {
        Some(marginal) => t!(
            "lint-rules-remedy-stop-scaling",
            channel = name.as_str(),
            spend = money(context, stop_at),
            cost = money(context, marginal),
            ltv = money(context, ltv)
        ),
        None => t!(
            "lint-rules-remedy-stop-scaling-no-customers",
            channel = name.as_str(),
            spend = money(context, stop_at)
        ),
    };
    vec![remedy(
        context,
        Lever {
            pointer: format!("{channel}/budget"),
            label: t!("lint-rules-lever-channel-budget", channel = name.as_str()),
            unit: currency_unit(context),
            value: number(stop_at),
            words,
            reason: t!("lint-rules-remedy-last-profitable-tier"),
        },
    )]
}

/// A channel whose test returned under `min_return`: the test revenue that
/// would reach it, or a budget kept at the test's size.
pub(super) fn channel_return(
    context: Context<'_>,
    channel: &str,
    test_budget: f64,
    min_return: f64,
) -> Vec<Remedy> {
    let name = channel_name(context, channel);
    let needed = round_towards(test_budget * min_return, true);
    let test_size = round_towards(test_budget, false);
    vec![
        remedy(
            context,
            Lever {
                pointer: format!("{channel}/test/revenue"),
                label: t!("lint-rules-lever-test-revenue", channel = name.as_str()),
                unit: currency_unit(context),
                value: number(needed),
                words: t!(
                    "lint-rules-remedy-test-revenue",
                    channel = name.as_str(),
                    revenue = money(context, needed),
                    budget = money(context, test_budget),
                    ratio = format_number(min_return)
                ),
                reason: t!("lint-rules-remedy-return", ratio = format_number(min_return)),
            },
        ),
        remedy(
            context,
            Lever {
                pointer: format!("{channel}/budget"),
                label: t!("lint-rules-lever-channel-budget", channel = name.as_str()),
                unit: currency_unit(context),
                value: number(test_size),
                words: t!(
                    "lint-rules-remedy-keep-test-budget",
                    channel = name.as_str(),
                    budget = money(context, test_size)
                ),
                reason: t!("lint-rules-remedy-test-size"),
            },
        ),
    ]
}

/// A date outside `bound`: the date itself moved to the bound, or, for a
/// goal, the period stretched to the date.
pub(super) fn date(
    context: Context<'_>,
    pointer: &str,
    date: &str,
    bound: &str,
    bound_pointer: &str,
    after: bool,
) -> Vec<Remedy> {
    let place = crate::lint::place::describe(pointer, context.plan);
    let words = if after {
        t!(
            "lint-rules-remedy-date-or-earlier",
            place = place.as_str(),
            date = bound
        )
    } else {
        t!(
            "lint-rules-remedy-date-or-later",
            place = place.as_str(),
            date = bound
        )
    };
    let mut out = vec![remedy(
        context,
        Lever {
            pointer: pointer.to_owned(),
            label: place,
            unit: "date".into(),
            value: Value::from(bound),
            words,
            reason: t!("lint-rules-remedy-inside-the-period"),
        },
    )];
    if pointer.starts_with("/goals/") {
        let (words, label) = if after {
            (
                t!("lint-rules-remedy-period-ends", date = date),
                t!("lint-rules-lever-period-end"),
            )
        } else {
            (
                t!("lint-rules-remedy-period-starts", date = date),
                t!("lint-rules-lever-period-start"),
            )
        };
        out.push(remedy(
            context,
            Lever {
                pointer: bound_pointer.to_owned(),
                label,
                unit: "date".into(),
                value: Value::from(date),
                words,
                reason: t!("lint-rules-remedy-covers-the-deadline"),
            },
        ));
    }
    out
}

/// An amount at or over `threshold` that needs one of `excuses`: the
/// largest amount that needs none.
pub(super) fn below_threshold(
    context: Context<'_>,
    pointer: &str,
    threshold: f64,
    strictly: bool,
    excuses: &str,
) -> Vec<Remedy> {
    let step = if threshold.abs() >= 100.0 { 1.0 } else { 0.01 };
    let value = if strictly { threshold } else { threshold - step };
    if value < 0.0 {
        return Vec::new();
    }
    let place = crate::lint::place::describe(pointer, context.plan);
    vec![remedy(
        context,
        Lever {
            pointer: pointer.to_owned(),
            label: place.clone(),
            unit: currency_unit(context),
            value: number(value),
            words: t!(
                "lint-rules-remedy-below-threshold",
                place = place.as_str(),
                amount = money(context, value),
                excuses = excuses
            ),
            reason: t!("lint-rules-remedy-needs-no", excuses = excuses),
        },
    )]
}
