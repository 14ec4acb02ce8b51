//! The report as Markdown, for wikis and pull request comments: the same
//! sections as the HTML page, with the charts as Mermaid blocks.

use super::mermaid;
use super::{budget_parts, by_severity, economics_rows, places, tier_range, Verdict};
use crate::finding::{plural, FileReport, Summary};
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
    let mut md = String::from("# Plan report\n\n");
    let _ = writeln!(
        md,
        "{} checked by planlint {TOOL_VERSION}: {}.\n",
        plural(views.len(), "plan"),
        Summary::of(&reports)
    );
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
        let _ = writeln!(md, "### Funnel\n\n{flow}");
    }
}

fn findings(md: &mut String, view: &PlanView) {
    md.push_str("### Findings\n\n");
    if view.report.findings.is_empty() {
        md.push_str("No problems found.\n\n");
        return;
    }
    let _ = writeln!(md, "**{}**\n", Summary::of(std::slice::from_ref(&view.report)));
    md.push_str("| Severity | Place | Rule | Message | Fix |\n| --- | --- | --- | --- | --- |\n");
    let places = places(view);
    for (severity, group) in by_severity(&view.report.findings) {
        for index in group {
            let finding = &view.report.findings[index];
            let (line, column) = places.get(index).copied().unwrap_or((1, 1));
            let _ = writeln!(
                md,
                "| {severity} | {}:{line}:{column} | {} | {} | {} |",
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
    md.push_str("### Unit economics\n\n| | Value | How / meaning | Rule threshold | |\n| --- | ---: | --- | --- | --- |\n");
    for row in economics_rows(view) {
        let verdict = match row.verdict {
            Verdict::Fails => "**fails**",
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
    md.push_str(
        "### Headroom

| Verdict | Now | How far before it flips |
| --- | --- | --- |
",
    );
    for row in rows {
        let now = if row.passes { "ok" } else { "**fails**" };
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
    let total = view
        .metrics
        .budget
        .total
        .map_or_else(|| "no total".into(), |total| view.money(total));
    mermaid::pie(&format!("Budget split (total {total})"), &slices)
}

fn budget(md: &mut String, view: &PlanView) {
    md.push_str("### Budget\n\n");
    let budget = &view.metrics.budget;
    let or_dash = |value: Option<f64>| value.map_or_else(|| "-".into(), |v| view.money(v));
    let _ = writeln!(
        md,
        "Total **{}**, planned {} (channels {}, other costs {}), remaining **{}**.\n",
        or_dash(budget.total),
        or_dash(budget.planned),
        or_dash(budget.channels),
        or_dash(budget.items),
        or_dash(budget.remaining)
    );
    if let Some(pie) = budget_pie(view) {
        let _ = writeln!(md, "{pie}");
    }
    let parts = budget_parts(view);
    if !parts.is_empty() {
        md.push_str("| Part | Amount | Share of total |\n| --- | ---: | ---: |\n");
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
    md.push_str("### Channels\n\n");
    let tested: Vec<(String, f64)> = channels
        .iter()
        .filter_map(|channel| Some((channel.name.clone(), channel.test_return?)))
        .collect();
    let names: Vec<String> = tested.iter().map(|(name, _)| name.clone()).collect();
    let returns: Vec<f64> = tested.iter().map(|(_, value)| *value).collect();
    if let Some(chart) = mermaid::bars(
        &format!(
            "{} (revenue / spend); the line is break-even",
            capitalized(CHANNEL_TEST_RETURN.label)
        ),
        &names,
        "return",
        &returns,
        Some(1.0),
    ) {
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
        let title = match ltv {
            Some(ltv) => format!(
                "{}: {MARGINAL_CAC_BY_TIER}; the line is {} {}",
                channel.name,
                LTV.label,
                format_number(ltv)
            ),
            None => format!("{}: {MARGINAL_CAC_BY_TIER}", channel.name),
        };
        let categories: Vec<String> = measured.iter().map(|(range, _)| range.clone()).collect();
        let values: Vec<f64> = measured.iter().map(|(_, cac)| *cac).collect();
        if let Some(chart) = mermaid::bars(&title, &categories, &MARGINAL_CAC, &values, ltv) {
            let _ = writeln!(md, "{chart}");
        }
    }
    let _ = writeln!(
        md,
        "| Channel | {} | {} | {} | {} |\n| --- | ---: | ---: | ---: | --- |",
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
