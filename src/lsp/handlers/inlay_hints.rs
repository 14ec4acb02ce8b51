//! Inlay hints: what planlint derives, beside the values it derives it
//! from. LTV after its parts, LTV/CAC and payback after CAC, each channel's
//! share after its budget, the marginal CAC after each spend tier.

use crate::document::Document;
use crate::i18n::t;
use crate::lint::metric_catalog::{Unit, CHANNEL_SHARE, LTV, LTV_CAC, MARGINAL_CAC, PAYBACK};
use crate::lsp::analysis::Analysis;
use crate::lsp::text::Encoding;
use lsp_types::{InlayHint, InlayHintLabel, Range};

pub fn inlay_hints(analysis: &Analysis, text: &str, range: Range, encoding: Encoding) -> Vec<InlayHint> {
    let Some(structure) = analysis.plan() else {
        return Vec::new();
    };
    let lines = analysis.lines(text);
    let mut placed: Vec<(usize, String)> = Vec::new();
    let document = &structure.document;
    let after = |pointer: &str| document.spans(pointer).map(|spans| spans.value.end);
    let unit = &structure.metrics.unit_economics;

    if let Some(ltv) = unit.ltv.filter(|_| !unit.ltv_basis.is_empty()) {
        let parts = [
            "average_order_value",
            "gross_margin",
            "purchases_per_year",
            "lifetime_years",
        ];
        let last = parts
            .iter()
            .filter_map(|part| after(&format!("/unit_economics/{part}")))
            .max();
        if let Some(end) = last {
            placed.push((end, labelled(&LTV.label, LTV.unit, ltv)));
        }
    }
    if let Some(end) = after("/unit_economics/cac") {
        let mut parts = Vec::new();
        for metric in [LTV_CAC, PAYBACK] {
            if let Some(value) = metric.value(&structure.metrics) {
                parts.push(labelled(&metric.label, metric.unit, value));
            }
        }
        if !parts.is_empty() {
            placed.push((end, parts.join(" · ")));
        }
    }
    for channel in &structure.metrics.channels {
        if let (Some(share), Some(end)) = (
            channel.budget_share,
            after(&format!("{}/budget", channel.pointer)),
        ) {
            let of = CHANNEL_SHARE.meaning.unwrap_or_default();
            let share = CHANNEL_SHARE.unit.format(share, None);
            placed.push((end, t!("lsp-inlay-share", share = share, of = of)));
        }
        for tier in &channel.tiers {
            let (Some(marginal), Some(end)) = (tier.marginal_cac, tier_end(document, &tier.pointer)) else {
                continue;
            };
            placed.push((end, labelled(&MARGINAL_CAC, Unit::Money, marginal)));
        }
    }

    placed
        .into_iter()
        .map(|(offset, label)| InlayHint {
            position: lines.position(offset, encoding),
            label: InlayHintLabel::String(label),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .filter(|hint| range.start <= hint.position && hint.position <= range.end)
        .collect()
}

/// After a tier's customer count (or its spend).
fn tier_end(document: &Document, pointer: &str) -> Option<usize> {
    ["new_customers", "spend"]
        .iter()
        .find_map(|key| document.spans(&format!("{pointer}/{key}")))
        .map(|spans| spans.value.end)
}

/// `LTV/CAC 4.5`: a hint is short, so money goes without its currency.
fn labelled(label: &str, unit: Unit, value: f64) -> String {
    format!("{label} {}", unit.format(value, None))
}
