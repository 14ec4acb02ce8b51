//! The remedies check functions attach to their violations: from the plan's
//! own numbers, the value of one field that would meet the rule, each lever
//! on its own with the others unchanged (see [`crate::finding::remedy`]).

use super::api::Context;
use crate::finding::remedy::{number, round_to, round_towards};
use crate::finding::Remedy;
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
    let reason = if lever.reason.is_empty() {
        String::new()
    } else {
        format!(" ({})", lever.reason)
    };
    Remedy {
        field: field_name(context.plan, &lever.pointer),
        current: context
            .plan
            .pointer(&lever.pointer)
            .cloned()
            .unwrap_or(Value::Null),
        action: format!("Set {} to {shown}{reason}", lever.label),
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
        .pointer(pointer)
        .and_then(Value::as_f64)
        .filter(|n| n.is_finite())
}

fn metric(context: Context<'_>, pointer: &str) -> Option<f64> {
    context
        .metrics
        .pointer(pointer)
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
                "break-even".to_owned()
            } else {
                format!("{} profit per customer", money(context, limit))
            };
            ltv_levers(context, cac, ltv, ltv - limit, cac + limit, &reason)
        }
        ("unit_economics.ltv_cac_ratio", Some(cac), Some(ltv)) if limit > 0.0 => {
            let reason = format!("LTV/CAC {}", format_number(limit));
            ltv_levers(context, cac, ltv, ltv / limit, cac * limit, &reason)
        }
        ("unit_economics.cac_ltv_ratio", Some(cac), Some(ltv)) if limit > 0.0 => {
            let reason = format!("CAC/LTV {}", format_number(limit));
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
                label: "CAC".into(),
                unit: currency_unit(context),
                value: number(target),
                words: format!(
                    "CAC {} ({reason}: {} or {}% lower than {})",
                    money(context, target),
                    money(context, lower),
                    format_number((lower / cac * 1000.0).round() / 10.0),
                    money(context, cac)
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
    let reason = format!("payback {} months", format_number(limit));
    let mut out = Vec::new();
    let target = round_towards(limit * monthly, false);
    if target > 0.0 {
        out.push(remedy(
            context,
            Lever {
                pointer: "/unit_economics/cac".into(),
                label: "CAC".into(),
                unit: currency_unit(context),
                value: number(target),
                words: format!(
                    "CAC {} ({reason}, {} lower)",
                    money(context, target),
                    money(context, cac - target)
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
                "LTV",
                target,
                format!("LTV {}", money(context, target)),
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
        "average order value",
        order_value,
        format!("average order value {}", money(context, order_value)),
        reason,
    ));
    let purchases = round_towards(purchases * scale, true);
    out.push(lever(
        context,
        "purchases_per_year",
        "purchases a year",
        purchases,
        format!("{} purchases a year", format_number_exact(purchases)),
        reason,
    ));
    let margin = round_to(margin * scale, 3, true);
    if margin <= 1.0 {
        out.push(lever(
            context,
            "gross_margin",
            "gross margin",
            margin,
            format!("gross margin {}", format_number_exact(margin)),
            reason,
        ));
    }
    if let (Some(years), PartsOf::Ltv) = (lifetime, of) {
        let target = round_to(years * scale, 4, true);
        let months = (target * 120.0).round() / 10.0;
        out.push(lever(
            context,
            "lifetime_years",
            "lifetime in years",
            target,
            format!(
                "customers staying {} months (`lifetime_years: {}`)",
                format_number(months),
                format_number_exact(target)
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

fn lever(
    context: Context<'_>,
    key: &str,
    label: &'static str,
    target: f64,
    words: String,
    reason: &str,
) -> Remedy {
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
            label: label.to_owned(),
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
    let summed = if lines.first().is_some_and(|line| line.2 < excess) {
        format!(" ({})", lines_summing_to(context, &lines, excess))
    } else {
        String::new()
    };
    let raised = round_towards(planned + reserve, true);
    let mut out = vec![remedy(
        context,
        Lever {
            pointer: "/budget/total".into(),
            label: "the budget total".into(),
            unit: currency_unit(context),
            value: number(raised),
            words: format!(
                "cut {} from channels or items{summed}, or raise `budget.total` to {}",
                money(context, excess),
                money(context, raised)
            ),
            reason: "covers the plan".into(),
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
                label: format!("the amount of {name}"),
                unit: currency_unit(context),
                value: number(cut),
                words: format!(
                    "cut {name} from {} to {}",
                    money(context, amount),
                    money(context, cut)
                ),
                reason: format!("{} less", money(context, amount - cut)),
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
            lines.push((pointer, format!("channel `{}`", name(channel, index)), amount));
        }
    }
    let items = list(context.plan.get("budget").and_then(|budget| budget.get("items")));
    for (index, item) in items.iter().enumerate() {
        if let Some(amount) = item.get("amount").and_then(Value::as_f64) {
            let pointer = format!("/budget/items/{index}/amount");
            lines.push((pointer, format!("budget item `{}`", name(item, index)), amount));
        }
    }
    lines
}

/// The largest `lines` (sorted, largest first) cut until `excess` is met:
/// "channel `A` to 0 and budget item `B` from 50,000 to 20,000".
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
            format!("{name} to 0")
        } else {
            format!(
                "{name} from {} to {}",
                money(context, *amount),
                money(context, amount - cut)
            )
        });
    }
    format!("e.g. {}", cuts.join(" and "))
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
    let name = context
        .plan
        .pointer(channel)
        .and_then(crate::lint::place::item_name)
        .unwrap_or("this channel")
        .to_owned();
    let next = match marginal {
        Some(marginal) => format!(
            "the next tier's customers cost {} each, over LTV {}",
            money(context, marginal),
            money(context, ltv)
        ),
        None => "the next tier brings no new customers".to_owned(),
    };
    vec![remedy(
        context,
        Lever {
            pointer: format!("{channel}/budget"),
            label: format!("the budget of channel `{name}`"),
            unit: currency_unit(context),
            value: number(stop_at),
            words: format!(
                "stop channel `{name}` at {} of spend: {next}",
                money(context, stop_at)
            ),
            reason: "last profitable tier".into(),
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
    let name = context
        .plan
        .pointer(channel)
        .and_then(crate::lint::place::item_name)
        .unwrap_or("this channel")
        .to_owned();
    let needed = round_towards(test_budget * min_return, true);
    let test_size = round_towards(test_budget, false);
    vec![
        remedy(
            context,
            Lever {
                pointer: format!("{channel}/test/revenue"),
                label: format!("the test revenue of channel `{name}`"),
                unit: currency_unit(context),
                value: number(needed),
                words: format!(
                    "a test of channel `{name}` that brings in {} on its {} budget (a return of {})",
                    money(context, needed),
                    money(context, test_budget),
                    format_number(min_return)
                ),
                reason: format!("return {}", format_number(min_return)),
            },
        ),
        remedy(
            context,
            Lever {
                pointer: format!("{channel}/budget"),
                label: format!("the budget of channel `{name}`"),
                unit: currency_unit(context),
                value: number(test_size),
                words: format!(
                    "keep channel `{name}` at its test budget of {} until a new test pays",
                    money(context, test_size)
                ),
                reason: "test size".into(),
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
    let side = if after { "or earlier" } else { "or later" };
    let mut out = vec![remedy(
        context,
        Lever {
            pointer: pointer.to_owned(),
            label: place.clone(),
            unit: "date".into(),
            value: Value::from(bound),
            words: format!("{place} on {bound} {side}"),
            reason: "inside the plan period".into(),
        },
    )];
    if pointer.starts_with("/goals/") {
        let (edge, label) = if after {
            ("end", "`period.end`")
        } else {
            ("start", "`period.start`")
        };
        out.push(remedy(
            context,
            Lever {
                pointer: bound_pointer.to_owned(),
                label: label.to_owned(),
                unit: "date".into(),
                value: Value::from(date),
                words: format!("a plan period that {edge}s on {date}"),
                reason: "covers the deadline".into(),
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
            words: format!(
                "{place} at {} or less, which needs no {excuses}",
                money(context, value)
            ),
            reason: format!("needs no {excuses}"),
        },
    )]
}
