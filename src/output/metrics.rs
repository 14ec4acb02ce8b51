//! `planlint metrics`: a plan's derived numbers as a table a marketing lead
//! can read at a glance, or as JSON.

use crate::i18n::t;
use crate::lint::derive::{ChannelMetrics, Metrics};
pub(crate) use crate::lint::metric_catalog::{tier_range, tiers_text};
use crate::lint::metric_catalog::{
    ChannelMetric, Section, Unit, BUDGET_REMAINING, BUDGET_TOTAL, CHANNEL_BUDGET, CHANNEL_SHARE,
    CHANNEL_TEST_RETURN, LTV, MARGINAL_CAC_BY_TIER, PLAN_METRICS, UNKNOWN,
};
use crate::output::width::{display_width, pad_left, pad_right};
use serde_json::json;
use std::fmt::Write as _;
use std::io::{self, Write};

/// A plan value that could not be read, so the numbers built on it are
/// missing or leave it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Where it is, as users read a field (`budget.items[1].amount`).
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
    section_rows(&mut text, metrics, currency, Section::UnitEconomics);
    text.push('\n');
    section_rows(&mut text, metrics, currency, Section::Budget);
    channel_rows(&mut text, &metrics.channels);
    if !unread.is_empty() {
        let _ = writeln!(text, "\n{}", t!("output-metrics-not-read"));
        for value in unread {
            let line = t!(
                "output-metrics-not-read-value",
                field = value.field.as_str(),
                written = quoted(&value.written),
                noun = value.noun
            );
            let _ = writeln!(text, "  {line}");
        }
    }
    out.write_all(text.as_bytes())
}

/// A value as the plan wrote it, quoted for a sentence: `"9万"` in
/// English (escaped as Rust debug output escapes it), 「9万」 in Chinese.
pub(crate) fn quoted(value: &str) -> String {
    let escaped = format!("{value:?}");
    let inner = escaped
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or(&escaped);
    t!("output-quoted", value = inner)
}

/// One table row: label, value, and what to know about it.
fn row(text: &mut String, label: &str, value: &str, note: &str) {
    // Padded by display width: a Chinese label takes two columns a character.
    let line = format!("  {} {}  {note}", pad_right(label, 24), pad_left(value, 16));
    let _ = writeln!(text, "{}", line.trim_end());
}

/// The heading and rows of one section of the catalog. A budget part is
/// noted with its share of the total; LTV with how it was derived.
fn section_rows(text: &mut String, metrics: &Metrics, currency: Option<&str>, section: Section) {
    let _ = writeln!(text, "{}", section.heading());
    let total = metrics.budget.total.filter(|total| *total > 0.0);
    for metric in PLAN_METRICS.iter().filter(|metric| metric.section == section) {
        let value = metric.show(metrics, currency);
        let note = match metric.key {
            key if key == LTV.key => metrics.unit_economics.ltv_basis.trim().to_owned(),
            key if section == Section::Budget && key != BUDGET_TOTAL.key && key != BUDGET_REMAINING.key => {
                let share = total.zip(metric.value(metrics)).map(|(total, part)| part / total);
                Unit::Share.format_or_dash(share, None)
            }
            _ => metric.note.to_string(),
        };
        row(text, &metric.short_label, &value, &note);
    }
}

/// Each channel's budget, share, test return and marginal CAC by tier.
fn channel_rows(text: &mut String, channels: &[ChannelMetrics]) {
    if channels.is_empty() {
        return;
    }
    let heading = t!("output-metrics-channel");
    // The catalog's labels, whichever type carries their words.
    let labels =
        [&CHANNEL_BUDGET, &CHANNEL_SHARE, &CHANNEL_TEST_RETURN].map(|metric| metric.label.to_string());
    let width = channels
        .iter()
        .map(|c| display_width(&c.name))
        .max()
        .unwrap_or(0)
        .max(display_width(&heading))
        .max(7);
    let _ = writeln!(
        text,
        "\n{}\n  {} {} {} {}  {MARGINAL_CAC_BY_TIER}",
        t!("output-metrics-channels"),
        pad_right(&heading, width),
        pad_left(&labels[0], 12),
        pad_left(&labels[1], 6),
        pad_left(&labels[2], 12)
    );
    for channel in channels {
        let column = |metric: &ChannelMetric| {
            // The plan's currency is in the heading's money rows; columns
            // stay narrow.
            metric.unit.format_or_dash(metric.value(channel), None)
        };
        let _ = writeln!(
            text,
            "  {} {} {} {}  {}",
            pad_right(&channel.name, width),
            pad_left(&column(&CHANNEL_BUDGET), 12),
            pad_left(&column(&CHANNEL_SHARE), 6),
            pad_left(&column(&CHANNEL_TEST_RETURN), 12),
            tiers_text(channel).unwrap_or_else(|| UNKNOWN.into()),
        );
    }
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
