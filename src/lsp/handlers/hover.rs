//! Hover: on a finding, what `planlint explain` says about its rule; on a
//! field, its description from the plan schema; on `unit_economics`, the
//! budget and a channel, the numbers planlint derives from them.

use crate::finding::Severity;
use crate::i18n::t;
use crate::lint::derive::{ChannelMetrics, Metrics};
use crate::lint::metric_catalog::{
    capitalized, tiers_text, Section, CHANNEL_COLUMNS, DERIVED_BY_PLANLINT, LTV, MARGINAL_CAC_BY_TIER,
    PLAN_METRICS,
};
use crate::lint::schema_fields::{field, steps_of};
use crate::lsp::analysis::Analysis;
use crate::lsp::place::node_at;
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
    let (rule, message) = (finding.rule.as_str(), finding.message.as_str());
    let severity = severity_label(finding.severity);
    #[rustfmt::skip] // the id on the line of `t!(`, where the catalog test finds it
    let mut out = t!("lsp-hover-finding", rule = rule, severity = severity, message = message);
    if let Some(help) = &finding.help {
        let _ = write!(out, "\n\n{}", t!("lsp-hover-fix", help = help.as_ref()));
    }
    if let Some(fix) = &finding.fix {
        let _ = write!(
            out,
            "\n\n{}",
            t!("lsp-hover-quick-fix", title = fix.title.as_str())
        );
    }
    if let Some(entry) = crate::lsp::diagnostics::rule_entry(analysis.config.as_deref(), &finding.rule) {
        let _ = write!(
            out,
            "\n\n{}\n\n{}\n\n{}",
            entry.summary(),
            t!("lsp-hover-why", why = entry.why()),
            t!("lsp-hover-source", source = entry.source())
        );
        if let Some(url) = entry.docs_url() {
            let docs = t!("lsp-hover-docs", url = url, rule = entry.id());
            let _ = write!(out, "\n\n{docs}");
        }
    }
    out
}

/// A severity in the language of the session.
fn severity_label(severity: Severity) -> String {
    match severity {
        Severity::Error => t!("lsp-severity-error"),
        Severity::Warning => t!("lsp-severity-warning"),
        Severity::Info => t!("lsp-severity-info"),
    }
}

fn field_doc(pointer: &str) -> Option<String> {
    if pointer.is_empty() {
        return None;
    }
    let doc = field(&steps_of(pointer))?;
    let mut out = format!("**`{}`**", doc.name);
    if let Some(kind) = &doc.kind {
        out.push_str(&t!("lsp-hover-field-kind", kind = kind.as_str()));
    }
    if let Some(description) = &doc.description {
        let description = description.as_str();
        out.push_str(&t!("lsp-hover-field-description", description = description));
    }
    if !doc.values.is_empty() {
        let values = doc.values.join(&t!("lsp-list-separator"));
        let _ = write!(out, "\n\n{}", t!("lsp-hover-one-of", values = values));
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
            let (label, value) = (metric.short_label, metric.unit.format(value, currency));
            let line = t!("lsp-hover-metric", label = label, value = value);
            let _ = write!(out, "\n- {line}");
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
    let name = channel.name.as_str();
    let title = DERIVED_BY_PLANLINT;
    let mut out = t!("lsp-hover-channel-heading", title = title, channel = name);
    for metric in CHANNEL_COLUMNS {
        let Some(value) = metric.value(channel) else {
            continue;
        };
        let label = capitalized(metric.label);
        let value = metric.unit.format(value, currency);
        let line = match metric.meaning {
            #[rustfmt::skip] // the id on the line of `t!(`, where the catalog test finds it
            Some(meaning) => t!("lsp-hover-metric-meaning", label = label, meaning = meaning, value = value),
            None => t!("lsp-hover-metric", label = label, value = value),
        };
        let _ = write!(out, "\n- {line}");
    }
    if let Some(tiers) = tiers_text(channel) {
        let label = capitalized(MARGINAL_CAC_BY_TIER);
        let line = t!("lsp-hover-metric", label = label, value = tiers);
        let _ = write!(out, "\n- {line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};

    #[test]
    fn a_field_is_described_in_the_language_of_the_session() {
        let english = field_doc("/channels/0/type").unwrap();
        assert!(english.starts_with("**`type`** ("), "{english}");
        assert!(english.contains("\n\nOne of: search, social"), "{english}");
        let _zh = scoped(Lang::Zh);
        let chinese = field_doc("/channels/0/type").unwrap();
        assert!(chinese.starts_with("**`type`**（"), "{chinese}");
        assert!(chinese.contains("\n\n可选值：search、social"), "{chinese}");
        assert_eq!(severity_label(Severity::Warning), "警告");
    }
}
