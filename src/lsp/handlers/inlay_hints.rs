//! Inlay hints: what planlint derives, beside the values it derives it
//! from. LTV after its parts, LTV/CAC and payback after CAC, each channel's
//! share after its budget, the marginal CAC after each spend tier.

use crate::document::Document;
use crate::lsp::analysis::Analysis;
use crate::lsp::text::Encoding;
use crate::numbers::format_number;
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
            placed.push((end, format!("LTV {}", format_number(ltv))));
        }
    }
    if let Some(end) = after("/unit_economics/cac") {
        let mut parts = Vec::new();
        if let Some(ratio) = unit.ltv_cac_ratio {
            parts.push(format!("LTV/CAC {}", format_number(ratio)));
        }
        if let Some(months) = unit.payback_months {
            parts.push(format!("payback {} months", format_number(months)));
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
            placed.push((end, format!("{}% of budget", format_number(share * 100.0))));
        }
        for tier in &channel.tiers {
            let (Some(marginal), Some(end)) = (tier.marginal_cac, tier_end(document, &tier.pointer)) else {
                continue;
            };
            placed.push((end, format!("marginal CAC {}", format_number(marginal))));
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
