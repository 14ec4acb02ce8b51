//! The report as Markdown, for wikis and pull request comments: the same
//! sections as the HTML page, with the charts as Mermaid blocks.

use super::mermaid;
use super::{budget_parts, by_severity, economics_rows, places, tier_range, Verdict};
use crate::finding::{FileReport, Summary};
use crate::i18n::t;
use crate::lint::metric_catalog::{
    capitalized, CHANNEL_BUDGET, CHANNEL_SHARE, CHANNEL_TEST_RETURN, LTV, MARGINAL_CAC, MARGINAL_CAC_BY_TIER,
};
use crate::numbers::format_number;
use crate::output::markdown::{cell, code, message};
use crate::output::plan_view::PlanView;
use crate::output::TOOL_VERSION;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Writes the report for `views`.
pub fn write(views: &[PlanView], out: &mut dyn Write) -> io::Result<()> {
    let reports: Vec<FileReport> = views.iter().map(|view| view.report.clone()).collect();
    let mut md = format!("# {}\n\n", t!("report-title"));
    let checked = t!(
        "report-checked",
        plans = views.len(),
        version = TOOL_VERSION,
        summary = Summary::of(&reports).to_string()
    );
    let _ = writeln!(md, "{checked}\n");
    for view in views {
        plan(&mut md, view);
    }
    out.write_all(md.as_bytes())
}

fn plan(md: &mut String, view: &PlanView) {
    let _ = writeln!(md, "## {}\n\n{}\n", cell(view.heading()), code(&view.report.path));
    findings(md, view);
    economics(md, view);
    headroom(md, view);
    budget(md, view);
    channels(md, view);
    if let Some(flow) = mermaid::flow(
        &view
            .funnel
            .iter()
            .map(|stage| (stage.stage.clone(), stage.metric.clone().unwrap_or_default()))
            .collect::<Vec<_>>(),
    ) {
        let _ = writeln!(md, "### {}\n\n{flow}", t!("report-funnel"));
    }
}

fn findings(md: &mut String, view: &PlanView) {
    let _ = writeln!(md, "### {}\n", t!("report-findings"));
    if view.report.findings.is_empty() {
        let _ = writeln!(md, "{}\n", t!("report-no-problems"));
        return;
    }
    let _ = writeln!(md, "**{}**\n", Summary::of(std::slice::from_ref(&view.report)));
    let _ = writeln!(
        md,
        "{}\n| --- | --- | --- | --- | --- |",
        t!("report-md-findings-header")
    );
    let places = places(view);
    for (severity, group) in by_severity(&view.report.findings) {
        for index in group {
            let finding = &view.report.findings[index];
            let (line, column) = places.get(index).copied().unwrap_or((1, 1));
            let _ = writeln!(
                md,
                "| {} | {}:{line}:{column} | {} | {} | {} |",
                crate::output::severity_word(severity),
                cell(&view.report.path),
                code(&finding.rule),
                message(&finding.message),
                message(finding.help.as_deref().unwrap_or(""))
            );
        }
    }
    md.push('\n');
}

fn economics(md: &mut String, view: &PlanView) {
    let _ = writeln!(
        md,
        "### {}\n\n{}\n| --- | ---: | --- | --- | --- |",
        t!("report-economics"),
        t!("report-md-economics-header")
    );
    for row in economics_rows(view) {
        let verdict = match row.verdict {
            Verdict::Fails => format!("**{}**", Verdict::Fails.word()),
            verdict => verdict.word(),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {verdict} |",
            row.label,
            cell(&row.value),
            message(&row.note),
            message(&row.threshold)
        );
    }
    md.push('\n');
}

/// How far each money verdict is from flipping.
fn headroom(md: &mut String, view: &PlanView) {
    let rows = super::headroom::rows(view);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "### {}\n\n{}\n| --- | --- | --- |",
        t!("report-headroom"),
        t!("report-md-headroom-header")
    );
    for row in rows {
        let now = match Verdict::of(row.passes) {
            Verdict::Fails => format!("**{}**", Verdict::Fails.word()),
            verdict => verdict.word(),
        };
        let _ = writeln!(
            md,
            "| {} | {now} | {} |",
            message(&row.verdict),
            message(&row.room)
        );
    }
    md.push('\n');
}

/// The budget split as a Mermaid pie, titled with the total.
pub(crate) fn budget_pie(view: &PlanView) -> Option<String> {
    let slices: Vec<(String, f64)> = budget_parts(view)
        .into_iter()
        .map(|part| (part.label, part.amount))
        .collect();
    let title = match view.metrics.budget.total {
        Some(total) => t!("report-budget-pie", total = view.money(total)),
        None => t!("report-budget-pie-no-total"),
    };
    mermaid::pie(&title, &slices)
}

fn budget(md: &mut String, view: &PlanView) {
    let _ = writeln!(md, "### {}\n", t!("report-budget"));
    let budget = &view.metrics.budget;
    let or_dash = |value: Option<f64>| value.map_or_else(|| "-".into(), |v| view.money(v));
    let line = t!(
        "report-md-budget-line",
        total = or_dash(budget.total),
        planned = or_dash(budget.planned),
        channels = or_dash(budget.channels),
        other = or_dash(budget.items),
        remaining = or_dash(budget.remaining)
    );
    let _ = writeln!(md, "{line}\n");
    if let Some(pie) = budget_pie(view) {
        let _ = writeln!(md, "{pie}");
    }
    let parts = budget_parts(view);
    if !parts.is_empty() {
        let _ = writeln!(md, "{}\n| --- | ---: | ---: |", t!("report-md-budget-header"));
        for part in parts {
            let share = part.share.map_or_else(
                || "-".into(),
                |share| format!("{}%", format_number(share * 100.0)),
            );
            let _ = writeln!(
                md,
                "| {} | {} | {share} |",
                cell(&part.label),
                view.money(part.amount)
            );
        }
        md.push('\n');
    }
}

fn channels(md: &mut String, view: &PlanView) {
    let channels = &view.metrics.channels;
    if channels.is_empty() {
        return;
    }
    let _ = writeln!(md, "### {}\n", t!("report-channels"));
    let tested: Vec<(String, f64)> = channels
        .iter()
        .filter_map(|channel| Some((channel.name.clone(), channel.test_return?)))
        .collect();
    let names: Vec<String> = tested.iter().map(|(name, _)| name.clone()).collect();
    let returns: Vec<f64> = tested.iter().map(|(_, value)| *value).collect();
    let title = t!(
        "report-md-returns-chart",
        label = capitalized(CHANNEL_TEST_RETURN.label)
    );
    let axis = t!("report-md-returns-axis");
    if let Some(chart) = mermaid::bars(&title, &names, &axis, &returns, Some(1.0)) {
        let _ = writeln!(md, "{chart}");
    }
    let ltv = view.metrics.unit_economics.ltv;
    for channel in channels.iter().filter(|channel| !channel.tiers.is_empty()) {
        // A tier that won no customer has no finite CAC: it is left out of
        // the chart and named in the table below.
        let measured: Vec<_> = channel
            .tiers
            .iter()
            .filter_map(|tier| Some((tier_range(tier.from_spend, tier.to_spend), tier.marginal_cac?)))
            .collect();
        let name = channel.name.as_str();
        let title = match ltv {
            Some(ltv) => t!(
                "report-md-tiers-chart-ltv",
                channel = name,
                tiers = MARGINAL_CAC_BY_TIER.to_string(),
                ltv = LTV.label.to_string(),
                value = format_number(ltv)
            ),
            None => t!(
                "report-md-tiers-chart",
                channel = name,
                tiers = MARGINAL_CAC_BY_TIER.to_string()
            ),
        };
        let categories: Vec<String> = measured.iter().map(|(range, _)| range.clone()).collect();
        let values: Vec<f64> = measured.iter().map(|(_, cac)| *cac).collect();
        if let Some(chart) = mermaid::bars(&title, &categories, &MARGINAL_CAC, &values, ltv) {
            let _ = writeln!(md, "{chart}");
        }
    }
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} |\n| --- | ---: | ---: | ---: | --- |",
        t!("report-channel-column"),
        capitalized(CHANNEL_BUDGET.label),
        capitalized(CHANNEL_SHARE.label),
        capitalized(CHANNEL_TEST_RETURN.label),
        capitalized(MARGINAL_CAC_BY_TIER)
    );
    for channel in channels {
        let tiers = crate::output::metrics::tiers_text(channel);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            cell(&channel.name),
            channel.budget.map_or_else(|| "-".into(), format_number),
            channel.budget_share.map_or_else(
                || "-".into(),
                |share| format!("{}%", format_number(share * 100.0))
            ),
            channel.test_return.map_or_else(|| "-".into(), format_number),
            tiers.map_or_else(|| "-".into(), |tiers| cell(&tiers))
        );
    }
    md.push('\n');
}
