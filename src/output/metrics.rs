//! `planlint metrics`: a plan's derived numbers as a table a marketing lead
//! can read at a glance, or as JSON.

use crate::lint::derive::{ChannelMetrics, Metrics};
use crate::numbers::{format_money, format_number};
use crate::output::width::{display_width, pad_left, pad_right};
use serde_json::json;
use std::fmt::Write as _;
use std::io::{self, Write};

/// A plan value that could not be read, so the numbers built on it are
/// missing or leave it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Where it is, in a marketer's words (`amount` of budget item 2 `Ads`).
    pub field: String,
    pub written: String,
    /// What it should be ("a number").
    pub noun: &'static str,
}

/// `metrics` as an aligned text table; `currency` labels money. Values in
/// `unread` are listed after it: `-` above then has its reason.
pub fn write_table(
    metrics: &Metrics,
    currency: Option<&str>,
    unread: &[Unread],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut text = String::new();
    unit_economics_rows(&mut text, metrics, currency);
    budget_rows(&mut text, metrics, currency);
    channel_rows(&mut text, metrics);
    unread_rows(&mut text, unread);
    out.write_all(text.as_bytes())
}

fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "-".into())
}

/// A share as a percentage with at most one decimal (`37.5%`, `40%`).
fn percent(share: Option<f64>) -> Option<String> {
    share.map(|s| format!("{:.1}", s * 100.0).trim_end_matches(".0").to_owned() + "%")
}

/// One labelled row: label, value aligned right, a note.
fn row(text: &mut String, label: &str, value: String, note: &str) {
    let line = format!("  {} {}  {note}", pad_right(label, 24), pad_left(&value, 16));
    let _ = writeln!(text, "{}", line.trim_end());
}

fn unit_economics_rows(text: &mut String, metrics: &Metrics, currency: Option<&str>) {
    let money = |value: f64| format_money(value, currency);
    let ue = &metrics.unit_economics;
    text.push_str("Unit economics\n");
    row(text, "CAC", or_dash(ue.cac.map(money)), "");
    row(text, "LTV", or_dash(ue.ltv.map(money)), ue.ltv_basis.trim());
    row(
        text,
        "LTV/CAC",
        or_dash(ue.ltv_cac_ratio.map(format_number)),
        "healthy at 3 or more",
    );
    row(
        text,
        "CAC/LTV",
        or_dash(ue.cac_ltv_ratio.map(format_number)),
        "above 1 loses money on every customer",
    );
    row(
        text,
        "Profit per customer",
        or_dash(ue.profit_per_customer.map(money)),
        "LTV - CAC",
    );
    row(
        text,
        "Gross margin a month",
        or_dash(ue.monthly_margin_per_customer.map(money)),
        "per customer",
    );
    row(
        text,
        "CAC payback",
        or_dash(ue.payback_months.map(|m| format!("{} months", format_number(m)))),
        "",
    );
}

fn budget_rows(text: &mut String, metrics: &Metrics, currency: Option<&str>) {
    let money = |value: f64| format_money(value, currency);
    let budget = &metrics.budget;
    let share = |part: f64| {
        budget
            .total
            .filter(|total| *total > 0.0)
            .map(|total| part / total)
    };
    text.push_str("\nBudget\n");
    row(text, "Total", or_dash(budget.total.map(money)), "");
    for (label, amount) in [
        ("Channels", budget.channels),
        ("Other costs", budget.items),
        ("Planned", budget.planned),
    ] {
        row(text, label, money(amount), &or_dash(percent(share(amount))));
    }
    row(text, "Remaining", or_dash(budget.remaining.map(money)), "");
}

/// The channels as columns, the name column as wide as the widest name
/// on screen.
fn channel_rows(text: &mut String, metrics: &Metrics) {
    if metrics.channels.is_empty() {
        return;
    }
    let width = metrics
        .channels
        .iter()
        .map(|c| display_width(&c.name))
        .max()
        .unwrap_or(7)
        .max(7);
    text.push_str("\nChannels\n");
    let _ = writeln!(
        text,
        "  {} {:>12} {:>6} {:>12}  marginal CAC by spend tier",
        pad_right("channel", width),
        "budget",
        "share",
        "test return"
    );
    for channel in &metrics.channels {
        let tiers = tiers_text(channel);
        let _ = writeln!(
            text,
            "  {} {:>12} {:>6} {:>12}  {}",
            pad_right(&channel.name, width),
            or_dash(channel.budget.map(format_number)),
            or_dash(percent(channel.budget_share)),
            or_dash(channel.test_return.map(format_number)),
            or_dash(tiers),
        );
    }
}

fn unread_rows(text: &mut String, unread: &[Unread]) {
    if unread.is_empty() {
        return;
    }
    text.push_str("\nNot read (numbers that need these are shown as - or leave them out)\n");
    for value in unread {
        let _ = writeln!(
            text,
            "  {} is {:?}, which is not {}",
            value.field, value.written, value.noun
        );
    }
}

/// A tier's spend range, `20,000-40,000`.
pub(crate) fn tier_range(from: f64, to: f64) -> String {
    format!("{}-{}", format_number(from), format_number(to))
}

/// A channel's marginal CAC per spend tier on one line (`0-20,000: 400,
/// 20,000-40,000: 500`); `None` when it gives no tiers.
pub(crate) fn tiers_text(channel: &ChannelMetrics) -> Option<String> {
    let tiers: Vec<String> = channel
        .tiers
        .iter()
        .map(|tier| {
            let cac = tier
                .marginal_cac
                .map_or_else(|| "no new customers".into(), format_number);
            format!("{}: {cac}", tier_range(tier.from_spend, tier.to_spend))
        })
        .collect();
    (!tiers.is_empty()).then(|| tiers.join(", "))
}

/// `metrics` as JSON: the derived values, with the plan's currency, and the
/// values that could not be read.
pub fn write_json(
    metrics: &Metrics,
    currency: Option<&str>,
    unread: &[Unread],
    out: &mut dyn Write,
) -> io::Result<()> {
    let unread: Vec<_> = unread
        .iter()
        .map(|value| json!({"field": value.field, "written": value.written, "expected": value.noun}))
        .collect();
    let value =
        json!({ "version": 1, "currency": currency, "metrics": metrics.to_value(), "unread": unread });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::other)?;
    writeln!(out)
}
