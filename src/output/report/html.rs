//! The report as one self-contained HTML page: inline CSS and SVG, no
//! script, no font or image fetched, readable offline and printable.

use super::charts::{budget_chart, marginal_cac_chart, test_return_chart};
use super::svg::escape;
use super::{by_severity, economics_rows, places, Verdict};
use crate::finding::{FileReport, Severity, Summary};
use crate::i18n::{language, t, Lang};
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
body { margin: 0 auto; max-width: 800px; padding: 24px 20px 48px; font: 15px/1.5 FONTS; color: var(--ink); background: #fff; }
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
svg.chart text { font: 12px CHART_FONTS; fill: #1e293b; }
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

/// The fonts of the page and of its charts, by language: system fonts
/// only (nothing is fetched), with Chinese glyphs wherever a system has
/// them (macOS, Windows, Linux), so Chinese never shows as empty boxes.
fn fonts(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            r#"system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif"#,
            r#"system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif"#,
        ),
        Lang::Zh => (CHINESE_FONTS, CHINESE_FONTS),
    }
}

const CHINESE_FONTS: &str = r#"system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif"#;

/// The page's style sheet in `lang`: its fonts, and Chinese line breaking
/// rules for Chinese (no line starts with a closing mark).
fn style(lang: Lang) -> String {
    let (page, charts) = fonts(lang);
    let mut style = STYLE.replace("CHART_FONTS", charts).replace("FONTS", page);
    if lang == Lang::Zh {
        style.push_str("body { line-break: strict; } .nobr { white-space: nowrap; }\n");
    }
    style
}

/// Writes the whole page for `views`, in the run's language (declared as
/// the page's `lang`).
pub fn write(views: &[PlanView], out: &mut dyn Write) -> io::Result<()> {
    let reports: Vec<FileReport> = views.iter().map(|view| view.report.clone()).collect();
    let summary = Summary::of(&reports);
    let lang = language();
    let mut page = String::new();
    let _ = writeln!(
        page,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">",
        lang.tag()
    );
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Nothing may be fetched: no script, no network at all.
    page.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    let _ = write!(
        page,
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        escape(&t!("report-html-page-title")),
        style(lang),
        escape(&t!("report-title"))
    );
    let checked = t!(
        "report-checked",
        plans = views.len(),
        version = TOOL_VERSION,
        summary = summary.to_string()
    );
    let _ = writeln!(page, "<p class=\"muted\">{}</p>", escape(&checked));
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
        return t!("report-html-no-findings");
    }
    let mut parts = vec![
        t!("finding-errors", count = summary.errors),
        t!("finding-warnings", count = summary.warnings),
    ];
    if summary.infos > 0 {
        parts.push(t!("finding-infos", count = summary.infos));
    }
    parts.join(&t!("finding-list-separator"))
}

/// A sentence for the page, escaped. In Chinese, a number and its unit
/// (`480 CNY`, `315元`), a code span and a rule id are kept on one line:
/// browsers would break them where Chinese may break anywhere. English
/// pages keep the browser's own breaking.
fn sentence(text: &str) -> String {
    if language() != Lang::Zh {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (run, joins) in crate::output::width::runs(text) {
        let word = run.trim_end_matches(' ');
        // A rule id (`low-ltv-cac-ratio`) is one word too.
        if joins
            || word
                .trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .contains('-')
        {
            let _ = write!(out, "<span class=\"nobr\">{}</span>", escape(word));
        } else {
            out.push_str(&escape(word));
        }
        out.push_str(&run[word.len()..]);
    }
    out
}

/// A verdict's badge: `ok` or `fails`, in the run's language.
fn badge(verdict: Verdict) -> String {
    format!(
        "<span class=\"badge {}\">{}</span>",
        verdict.class(),
        verdict.word()
    )
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
        let _ = writeln!(page, "<h3>{}</h3>\n<ul>", t!("report-html-unread"));
        for value in &view.unread {
            let line = t!(
                "report-html-unread-value",
                field = escape(&value.field),
                written = format!("<code>{}</code>", escape(&value.written)),
                noun = escape(value.noun)
            );
            let _ = writeln!(page, "<li>{line}</li>");
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
}

fn findings(page: &mut String, view: &PlanView) {
    let summary = Summary::of(std::slice::from_ref(&view.report));
    let _ = write!(page, "<h3>{}</h3>\n<p class=\"counts\">", t!("report-findings"));
    if summary.worst().is_none() {
        let _ = writeln!(page, "<span class=\"ok\">{}</span></p>", t!("report-no-problems"));
        return;
    }
    for (count, severity) in [
        (summary.errors, Severity::Error),
        (summary.warnings, Severity::Warning),
        (summary.infos, Severity::Info),
    ] {
        let words = match severity {
            Severity::Error => t!("finding-errors", count = count),
            Severity::Warning => t!("finding-warnings", count = count),
            Severity::Info => t!("finding-infos", count = count),
        };
        if count > 0 {
            let _ = write!(page, "<span class=\"{severity}\">{words}</span>");
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
                "<li class=\"{severity}\"><span class=\"{severity}\"><b>{}</b></span> <code>{}</code> <span class=\"muted\">{}:{line}:{column}</span><span class=\"message\">{}</span>",
                crate::output::severity_word(severity),
                escape(&finding.rule),
                escape(&view.report.path),
                sentence(&finding.message)
            );
            if let Some(help) = &finding.help {
                let fix = t!("report-html-fix", help = sentence(help));
                let _ = write!(page, "<span class=\"fix\">{fix}</span>");
            }
            page.push_str("</li>\n");
        }
    }
    page.push_str("</ul>\n");
}

fn economics(page: &mut String, view: &PlanView) {
    let _ = writeln!(
        page,
        "<h3>{}</h3>\n<table>\n{}",
        t!("report-economics"),
        t!("report-html-economics-header")
    );
    for row in economics_rows(view) {
        let badge = match row.verdict {
            Verdict::NotJudged => String::new(),
            verdict => badge(verdict),
        };
        let _ = writeln!(
            page,
            "<tr><th>{}</th><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{badge}</td></tr>",
            row.label,
            escape(&row.value),
            sentence(&row.note),
            sentence(&row.threshold)
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
    let _ = writeln!(
        page,
        "<h3>{}</h3>\n<table>\n{}",
        t!("report-headroom"),
        t!("report-html-headroom-header")
    );
    for row in rows {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            sentence(&row.verdict),
            badge(Verdict::of(row.passes)),
            sentence(&row.room)
        );
    }
    page.push_str("</table>\n");
}

fn budget(page: &mut String, view: &PlanView) {
    let _ = writeln!(page, "<h3>{}</h3>", t!("report-budget"));
    let budget = &view.metrics.budget;
    let or_dash = |value: Option<f64>| sentence(&value.map_or_else(|| "-".into(), |v| view.money(v)));
    let line = t!(
        "report-html-budget-line",
        total = or_dash(budget.total),
        planned = or_dash(budget.planned),
        channels = or_dash(budget.channels),
        other = or_dash(budget.items),
        remaining = or_dash(budget.remaining)
    );
    let _ = writeln!(page, "<p>{line}</p>");
    match budget_chart(view) {
        Some(chart) => {
            let _ = writeln!(page, "<figure class=\"budget\">{chart}</figure>");
        }
        None => {
            let _ = writeln!(page, "<p class=\"muted\">{}</p>", t!("report-html-no-budget"));
        }
    }
}

fn channels(page: &mut String, view: &PlanView) {
    let channels = &view.metrics.channels;
    let _ = writeln!(page, "<h3>{}</h3>", t!("report-channels"));
    if channels.is_empty() {
        let _ = writeln!(page, "<p class=\"muted\">{}</p>", t!("report-html-no-channel"));
        return;
    }
    if let Some(chart) = test_return_chart(view) {
        let caption = t!(
            "report-html-returns-caption",
            label = capitalized(CHANNEL_TEST_RETURN.label)
        );
        let _ = writeln!(
            page,
            "<figure class=\"returns\"><figcaption>{caption}</figcaption>{chart}</figure>"
        );
    }
    for channel in channels {
        if let Some(chart) = marginal_cac_chart(view, channel) {
            let caption = t!(
                "report-html-tiers-caption",
                channel = escape(&channel.name),
                tiers = MARGINAL_CAC_BY_TIER.to_string(),
                ltv = LTV.label.to_string()
            );
            let _ = writeln!(
                page,
                "<figure class=\"tiers\"><figcaption>{caption}</figcaption>{chart}</figure>"
            );
        }
    }
    let _ = writeln!(
        page,
        "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{MARGINAL_CAC_BY_TIER}</th></tr>",
        t!("report-html-channel-column"),
        CHANNEL_BUDGET.label,
        CHANNEL_SHARE.label,
        CHANNEL_TEST_RETURN.label
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
    let _ = writeln!(page, "<h3>{}</h3>", t!("report-funnel"));
    if view.funnel.is_empty() {
        let _ = writeln!(page, "<p class=\"muted\">{}</p>", t!("report-html-no-funnel"));
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
            escape(
                &stage
                    .metric
                    .clone()
                    .unwrap_or_else(|| t!("report-html-no-metric"))
            )
        );
    }
    page.push_str("</ol>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_pages_keep_numbers_with_their_units_and_have_chinese_fonts() {
        let english = sentence("CAC can rise 35% (to 700 CNY) <now>");
        assert_eq!(english, "CAC can rise 35% (to 700 CNY) &lt;now&gt;");
        let _zh = crate::i18n::scoped(Lang::Zh);
        assert_eq!(
            sentence("还能再安排 40,000 CNY，之后超出 `budget.total`（budget-overrun）"),
            "还能再安排 <span class=\"nobr\">40,000 CNY，</span>之后超出 \
             `budget.total`<span class=\"nobr\">（budget-overrun）</span>"
        );
        assert_eq!(
            sentence("回本要 8 个月"),
            "回本要 <span class=\"nobr\">8 个月</span>"
        );
        let chinese = style(Lang::Zh);
        assert!(chinese.contains(r#"font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC""#));
        assert!(!chinese.contains("FONTS"));
        assert!(style(Lang::En).contains(r#"Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif"#));
    }
}
