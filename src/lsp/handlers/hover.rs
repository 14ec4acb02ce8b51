//! Hover: on a finding, what `planlint explain` says about its rule; on a
//! field, its description from the plan schema; on `unit_economics`, the
//! budget and a channel, the numbers planlint derives from them.

use crate::lint::derive::{ChannelMetrics, Metrics};
use crate::lint::schema_fields::{field, steps_of};
use crate::lsp::analysis::{Analysis, Structure};
use crate::lsp::place::node_at;
use crate::numbers::format_number;
use crate::rule::catalog;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use std::fmt::Write as _;

pub fn hover(analysis: &Analysis, text: &str, offset: usize) -> Option<Hover> {
    let mut sections: Vec<String> = analysis
        .findings
        .iter()
        .filter(|finding| finding.span.start <= offset && offset <= finding.span.end)
        // A finding about the whole plan is explained on its first line only.
        .filter(|finding| {
            !finding.pointer.is_empty()
                || !text
                    .get(finding.span.start..offset)
                    .unwrap_or_default()
                    .contains('\n')
        })
        .map(|finding| explain_finding(analysis, finding))
        .collect();
    if let Some(structure) = Structure::of(text) {
        let node = node_at(&structure.document, offset);
        if let Some(doc) = field_doc(&node.pointer) {
            sections.push(doc);
        }
        if let Some(numbers) = derived(&structure.metrics, &node.pointer) {
            sections.push(numbers);
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

fn explain_finding(analysis: &Analysis, finding: &crate::finding::Finding) -> String {
    let mut out = format!("**{}** ({}): {}", finding.rule, finding.severity, finding.message);
    if let Some(help) = &finding.help {
        let _ = write!(out, "\n\n**Fix:** {help}");
    }
    if let Some(fix) = &finding.fix {
        let _ = write!(
            out,
            "\n\n**Quick fix:** {} (also `planlint check --fix`)",
            fix.title
        );
    }
    let rules = analysis
        .config
        .as_ref()
        .map(|config| config.all_rules())
        .unwrap_or_else(|| crate::rule::registry::builtin().to_vec());
    if let Some(entry) = catalog::find(&rules, &finding.rule) {
        let _ = write!(
            out,
            "\n\n{}\n\n**Why:** {}\n\n**Source:** {}",
            entry.summary(),
            entry.why(),
            entry.source()
        );
        if let Some(url) = entry.docs_url() {
            let _ = write!(out, "\n\n[Docs]({url}) · `planlint explain {}`", entry.id());
        }
    }
    out
}

fn field_doc(pointer: &str) -> Option<String> {
    if pointer.is_empty() {
        return None;
    }
    let doc = field(&steps_of(pointer))?;
    let mut out = format!("**`{}`**", doc.name);
    if let Some(kind) = &doc.kind {
        let _ = write!(out, " ({kind})");
    }
    if let Some(description) = &doc.description {
        let _ = write!(out, ": {description}");
    }
    if !doc.values.is_empty() {
        let _ = write!(out, "\n\nOne of: {}", doc.values.join(", "));
    }
    Some(out)
}

fn line(out: &mut String, label: &str, value: Option<f64>, suffix: &str) {
    if let Some(value) = value {
        let _ = write!(out, "\n- {label}: {}{suffix}", format_number(value));
    }
}

/// The derived numbers for the section at `pointer`, if it has any.
fn derived(metrics: &Metrics, pointer: &str) -> Option<String> {
    if pointer == "/unit_economics" || pointer.starts_with("/unit_economics/") {
        let unit = &metrics.unit_economics;
        let mut out = String::from("**Derived by planlint**");
        line(&mut out, "LTV", unit.ltv, &unit.ltv_basis);
        line(&mut out, "CAC", unit.cac, "");
        line(&mut out, "LTV/CAC", unit.ltv_cac_ratio, "");
        line(&mut out, "CAC/LTV", unit.cac_ltv_ratio, "");
        line(&mut out, "Profit per customer", unit.profit_per_customer, "");
        line(&mut out, "Payback", unit.payback_months, " months");
        return Some(out);
    }
    if pointer == "/budget" || pointer.starts_with("/budget/") {
        let budget = &metrics.budget;
        let mut out = String::from("**Derived by planlint**");
        line(&mut out, "Total", budget.total, "");
        line(&mut out, "Channels", budget.channels, "");
        line(&mut out, "Other items", budget.items, "");
        line(&mut out, "Remaining", budget.remaining, "");
        return Some(out);
    }
    let channel = metrics.channels.iter().find(|channel| {
        pointer == channel.pointer || pointer.starts_with(&format!("{}/", channel.pointer))
    })?;
    Some(channel_numbers(channel))
}

fn channel_numbers(channel: &ChannelMetrics) -> String {
    let mut out = format!("**Derived by planlint: {}**", channel.name);
    line(&mut out, "Budget", channel.budget, "");
    line(
        &mut out,
        "Share of the total budget",
        channel.budget_share.map(|share| share * 100.0),
        "%",
    );
    line(
        &mut out,
        "Test return (revenue per unit spent)",
        channel.test_return,
        "",
    );
    let tiers: Vec<String> = channel
        .tiers
        .iter()
        .filter_map(|tier| {
            Some(format!(
                "{}-{}: {}",
                format_number(tier.from_spend),
                format_number(tier.to_spend),
                format_number(tier.marginal_cac?)
            ))
        })
        .collect();
    if !tiers.is_empty() {
        let _ = write!(out, "\n- Marginal CAC by spend tier: {}", tiers.join(", "));
    }
    out
}
