//! Hover: on a finding, what `planlint explain` says about its rule; on a
//! field, its description from the plan schema; on `unit_economics`, the
//! budget and a channel, the numbers planlint derives from them.

use crate::lint::derive::{ChannelMetrics, Metrics};
use crate::lint::metric_catalog::{
    capitalized, tiers_text, Section, CHANNEL_COLUMNS, DERIVED_BY_PLANLINT, LTV, MARGINAL_CAC_BY_TIER,
    PLAN_METRICS,
};
use crate::lint::schema_fields::{field, steps_of};
use crate::lsp::analysis::Analysis;
use crate::lsp::place::node_at;
use crate::rule::catalog;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use std::fmt::Write as _;

pub fn hover(analysis: &Analysis, text: &str, offset: usize) -> Option<Hover> {
    let mut sections: Vec<String> = analysis
        .findings()
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
    if let Some(plan) = analysis.plan() {
        let node = node_at(&plan.document, offset);
        if let Some(doc) = field_doc(&node.pointer) {
            sections.push(doc);
        }
        if let Some(numbers) = derived(&plan.metrics, plan.text_field("currency"), &node.pointer) {
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

/// The derived numbers for the section at `pointer`, if it has any, as the
/// metric catalog names and writes them.
fn derived(metrics: &Metrics, currency: Option<&str>, pointer: &str) -> Option<String> {
    let within = |prefix: &str| pointer == prefix || pointer.starts_with(&format!("{prefix}/"));
    let section = if within("/unit_economics") {
        Some(Section::UnitEconomics)
    } else if within("/budget") {
        Some(Section::Budget)
    } else {
        None
    };
    if let Some(section) = section {
        let mut out = format!("**{DERIVED_BY_PLANLINT}**");
        for metric in PLAN_METRICS.iter().filter(|metric| metric.section == section) {
            let Some(value) = metric.value(metrics) else {
                continue;
            };
            let _ = write!(
                out,
                "\n- {}: {}",
                metric.short_label,
                metric.unit.format(value, currency)
            );
            if metric.key == LTV.key {
                out.push_str(&metrics.unit_economics.ltv_basis);
            }
        }
        return Some(out);
    }
    let channel = metrics.channels.iter().find(|channel| within(&channel.pointer))?;
    Some(channel_numbers(channel, currency))
}

fn channel_numbers(channel: &ChannelMetrics, currency: Option<&str>) -> String {
    let mut out = format!("**{DERIVED_BY_PLANLINT}: {}**", channel.name);
    for metric in CHANNEL_COLUMNS {
        let Some(value) = metric.value(channel) else {
            continue;
        };
        let label = capitalized(metric.label);
        let value = metric.unit.format(value, currency);
        match metric.meaning {
            Some(meaning) => {
                let _ = write!(out, "\n- {label} ({meaning}): {value}");
            }
            None => {
                let _ = write!(out, "\n- {label}: {value}");
            }
        }
    }
    if let Some(tiers) = tiers_text(channel) {
        let _ = write!(out, "\n- {}: {tiers}", capitalized(MARGINAL_CAC_BY_TIER));
    }
    out
}
