//! The report as one self-contained HTML page: inline CSS and SVG, no
//! script, no font or image fetched, readable offline and printable.

use super::charts::{budget_chart, marginal_cac_chart, test_return_chart};
use super::svg::escape;
use super::{by_severity, economics_rows, places, Verdict};
use crate::finding::{plural, FileReport, Summary};
use crate::lint::metric_catalog::{
    capitalized, CHANNEL_BUDGET, CHANNEL_SHARE, CHANNEL_TEST_RETURN, LTV, MARGINAL_CAC_BY_TIER,
};
use crate::numbers::format_number;
use crate::output::plan_view::PlanView;
use crate::output::TOOL_VERSION;
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --error: #b91c1c; --warning: #b45309; --info: #1d4ed8; --ok: #15803d; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 800px; padding: 24px 20px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 2px; padding-top: 16px; border-top: 3px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: #334155; }
.path, .muted { color: var(--muted); font-size: 13px; }
code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f1f5f9; padding: 1px 4px; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: #334155; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.counts span { display: inline-block; margin-right: 12px; font-weight: 600; }
.error { color: var(--error); } .warning { color: var(--warning); } .info { color: var(--info); } .ok { color: var(--ok); }
.badge { display: inline-block; min-width: 44px; text-align: center; font-size: 12px; font-weight: 700; border-radius: 10px; padding: 0 8px; color: #fff; }
.badge.fails { background: var(--error); } .badge.ok { background: var(--ok); }
ul.findings { list-style: none; padding: 0; margin: 0; }
ul.findings li { padding: 8px 0 8px 12px; border-left: 4px solid var(--line); margin-bottom: 8px; }
ul.findings li.error { border-color: var(--error); } ul.findings li.warning { border-color: var(--warning); } ul.findings li.info { border-color: var(--info); }
ul.findings .message { color: var(--ink); display: block; }
ul.findings .fix { color: #334155; font-size: 14px; display: block; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 12px; }
svg.chart text { font: 12px system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; fill: #1e293b; }
svg.chart text.tick { fill: #475569; font-size: 11px; }
svg.chart text.muted { fill: #64748b; }
svg.chart text.over { fill: #b91c1c; font-weight: 600; }
svg.chart text.inverse { fill: #fff; font-weight: 600; }
svg.chart text.strong { font-weight: 700; }
figure { margin: 0 0 16px; break-inside: avoid; }
figcaption { font-size: 14px; font-weight: 600; }
ol.funnel { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 0; }
ol.funnel li { flex: 1 1 140px; background: #eff6ff; border: 1px solid #bfdbfe; border-radius: 6px; padding: 8px 10px; position: relative; }
ol.funnel li b { display: block; } ol.funnel li span { color: var(--muted); font-size: 13px; }
nav ul { padding-left: 20px; }
@media print { body { max-width: none; padding: 0; } section.plan { break-before: page; } h2 { border-top: none; } a { color: inherit; text-decoration: none; } }
"#;

/// Writes the whole page for `views`.
pub fn write(views: &[PlanView], out: &mut dyn Write) -> io::Result<()> {
    let reports: Vec<FileReport> = views.iter().map(|view| view.report.clone()).collect();
    let summary = Summary::of(&reports);
    let mut page = String::new();
    page.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Nothing may be fetched: no script, no network at all.
    page.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    page.push_str("<title>planlint report</title>\n<style>");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n<header>\n<h1>Plan report</h1>\n");
    let _ = writeln!(
        page,
        "<p class=\"muted\">{} checked by planlint {TOOL_VERSION}: {}.</p>",
        plural(views.len(), "plan"),
        escape(&summary.to_string())
    );
    if views.len() > 1 {
        page.push_str("<nav><ul>\n");
        for (index, view) in views.iter().enumerate() {
            let counts = Summary::of(std::slice::from_ref(&view.report));
            let _ = writeln!(
                page,
                "<li><a href=\"#plan-{}\">{}</a> <span class=\"muted\">{} &middot; {}</span></li>",
                index + 1,
                escape(view.heading()),
                escape(&view.report.path),
                escape(&counts_text(&counts))
            );
        }
        page.push_str("</ul></nav>\n");
    }
    page.push_str("</header>\n");
    for (index, view) in views.iter().enumerate() {
        plan_section(&mut page, index + 1, view);
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn counts_text(summary: &Summary) -> String {
    if summary.worst().is_none() {
        return "no findings".into();
    }
    let mut parts = vec![
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
    ];
    if summary.infos > 0 {
        parts.push(plural(summary.infos, "info"));
    }
    parts.join(", ")
}

fn plan_section(page: &mut String, number: usize, view: &PlanView) {
    let _ = writeln!(page, "<section class=\"plan\" id=\"plan-{number}\">");
    let _ = writeln!(
        page,
        "<h2>{}</h2>\n<div class=\"path\">{}</div>",
        escape(view.heading()),
        escape(&view.report.path)
    );
    findings(page, view);
    economics(page, view);
    headroom(page, view);
    budget(page, view);
    channels(page, view);
    funnel(page, view);
    if !view.unread.is_empty() {
        page.push_str("<h3>Values that could not be read</h3>\n<ul>\n");
        for value in &view.unread {
            let _ = writeln!(
                page,
                "<li>{} is <code>{}</code>, which is not {}: the numbers that need it are left out.</li>",
                escape(&value.field),
                escape(&value.written),
                escape(value.noun)
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
}

fn findings(page: &mut String, view: &PlanView) {
    let summary = Summary::of(std::slice::from_ref(&view.report));
    page.push_str("<h3>Findings</h3>\n<p class=\"counts\">");
    if summary.worst().is_none() {
        page.push_str("<span class=\"ok\">No problems found.</span></p>\n");
        return;
    }
    for (count, word, class) in [
        (summary.errors, "error", "error"),
        (summary.warnings, "warning", "warning"),
        (summary.infos, "info", "info"),
    ] {
        if count > 0 {
            let _ = write!(page, "<span class=\"{class}\">{}</span>", plural(count, word));
        }
    }
    page.push_str("</p>\n<ul class=\"findings\">\n");
    let places = places(view);
    for (severity, group) in by_severity(&view.report.findings) {
        for index in group {
            let finding = &view.report.findings[index];
            let (line, column) = places.get(index).copied().unwrap_or((1, 1));
            let _ = write!(
                page,
                "<li class=\"{severity}\"><span class=\"{severity}\"><b>{severity}</b></span> <code>{}</code> <span class=\"muted\">{}:{line}:{column}</span><span class=\"message\">{}</span>",
                escape(&finding.rule),
                escape(&view.report.path),
                escape(&finding.message)
            );
            if let Some(help) = &finding.help {
                let _ = write!(page, "<span class=\"fix\">Fix: {}</span>", escape(help));
            }
            page.push_str("</li>\n");
        }
    }
    page.push_str("</ul>\n");
}

fn economics(page: &mut String, view: &PlanView) {
    page.push_str("<h3>Unit economics</h3>\n<table>\n<tr><th></th><th>value</th><th>how / meaning</th><th>rule threshold</th><th></th></tr>\n");
    for row in economics_rows(view) {
        let badge = match row.verdict {
            Verdict::NotJudged => String::new(),
            verdict => format!("<span class=\"badge {0}\">{0}</span>", verdict.word()),
        };
        let _ = writeln!(
            page,
            "<tr><th>{}</th><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{badge}</td></tr>",
            row.label,
            escape(&row.value),
            escape(&row.note),
            escape(&row.threshold)
        );
    }
    page.push_str("</table>\n");
}

/// How far each money verdict is from flipping.
fn headroom(page: &mut String, view: &PlanView) {
    let rows = super::headroom::rows(view);
    if rows.is_empty() {
        return;
    }
    page.push_str(
        "<h3>Headroom</h3>\n<table>\n<tr><th>verdict</th><th>now</th><th>how far before it flips</th></tr>\n",
    );
    for row in rows {
        let now = if row.passes { "ok" } else { "fails" };
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td><span class=\"badge {now}\">{now}</span></td><td>{}</td></tr>",
            escape(&row.verdict),
            escape(&row.room)
        );
    }
    page.push_str("</table>\n");
}

fn budget(page: &mut String, view: &PlanView) {
    page.push_str("<h3>Budget</h3>\n");
    let budget = &view.metrics.budget;
    let or_dash = |value: Option<f64>| value.map_or_else(|| "-".into(), |v| view.money(v));
    let _ = writeln!(
        page,
        "<p>Total <b>{}</b> &middot; planned {} (channels {}, other costs {}) &middot; remaining <b>{}</b></p>",
        escape(&or_dash(budget.total)),
        escape(&or_dash(budget.planned)),
        escape(&or_dash(budget.channels)),
        escape(&or_dash(budget.items)),
        escape(&or_dash(budget.remaining))
    );
    match budget_chart(view) {
        Some(chart) => {
            let _ = writeln!(page, "<figure class=\"budget\">{chart}</figure>");
        }
        None => page.push_str("<p class=\"muted\">No budget to chart.</p>\n"),
    }
}

fn channels(page: &mut String, view: &PlanView) {
    let channels = &view.metrics.channels;
    page.push_str("<h3>Channels</h3>\n");
    if channels.is_empty() {
        page.push_str("<p class=\"muted\">The plan names no channel.</p>\n");
        return;
    }
    if let Some(chart) = test_return_chart(view) {
        let _ = writeln!(
            page,
            "<figure class=\"returns\"><figcaption>{} (test revenue / test spend)</figcaption>{chart}</figure>",
            capitalized(CHANNEL_TEST_RETURN.label)
        );
    }
    for channel in channels {
        if let Some(chart) = marginal_cac_chart(view, channel) {
            let _ = writeln!(
                page,
                "<figure class=\"tiers\"><figcaption>{}: {MARGINAL_CAC_BY_TIER} against {}</figcaption>{chart}</figure>",
                escape(&channel.name),
                LTV.label
            );
        }
    }
    let _ = writeln!(
        page,
        "<table>\n<tr><th>channel</th><th>{}</th><th>{}</th><th>{}</th><th>{MARGINAL_CAC_BY_TIER}</th></tr>",
        CHANNEL_BUDGET.label, CHANNEL_SHARE.label, CHANNEL_TEST_RETURN.label
    );
    for channel in channels {
        let tiers = crate::output::metrics::tiers_text(channel);
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&channel.name),
            channel.budget.map_or_else(|| "-".into(), format_number),
            channel
                .budget_share
                .map_or_else(|| "-".into(), |share| format!("{}%", format_number(share * 100.0))),
            channel.test_return.map_or_else(|| "-".into(), format_number),
            tiers.map_or_else(|| "-".into(), |tiers| escape(&tiers))
        );
    }
    page.push_str("</table>\n");
}

fn funnel(page: &mut String, view: &PlanView) {
    page.push_str("<h3>Funnel</h3>\n");
    if view.funnel.is_empty() {
        page.push_str("<p class=\"muted\">The plan maps no funnel stages.</p>\n");
        return;
    }
    page.push_str("<ol class=\"funnel\">\n");
    for (index, stage) in view.funnel.iter().enumerate() {
        let arrow = if index + 1 < view.funnel.len() {
            " &rarr;"
        } else {
            ""
        };
        let _ = writeln!(
            page,
            "<li><b>{}. {}{arrow}</b><span>{}</span></li>",
            index + 1,
            escape(&stage.stage),
            escape(stage.metric.as_deref().unwrap_or("no metric"))
        );
    }
    page.push_str("</ol>\n");
}
