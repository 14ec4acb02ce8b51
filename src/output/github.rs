//! `--format github`: GitHub Actions workflow commands, one annotation per
//! finding, and the Markdown step summary.
//!
//! ```text
//! ::error file=plans/a.plan.yaml,line=7,col=16,endLine=7,endColumn=34,title=planlint(vague-goal)::goal …
//! ```
//!
//! The runner drops `col`/`endColumn` when `line` and `endLine` differ, so a
//! multi-line finding gets lines only. GitHub shows at most
//! [`ANNOTATION_LIMIT`] annotations of each level per step; the step summary
//! lists everything and says when that cap was hit.

use super::markdown::{cell, code, message};
use super::{regions, uri_path, Options, Region};
use crate::document::LineIndex;
use crate::finding::{FileReport, Finding, Severity, Summary};
use crate::i18n::t;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

/// How many annotations of one level (error, warning, notice) GitHub shows
/// for one step.
pub const ANNOTATION_LIMIT: usize = 10;

/// The most bytes planlint writes to a step summary: GitHub refuses a
/// step's summary over 1 MiB (1,048,576 bytes) whole, and leaves some room
/// for what other commands of the step write there.
pub const STEP_SUMMARY_BUDGET: usize = 1_000_000;

/// Escapes an annotation's message: `%`, `\r`, `\n`.
pub fn escape_data(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    // Other control characters (an escape sequence in a goal id) are shown,
    // never sent to the log raw.
    for c in crate::text::visible_keeping(text, &['\r', '\n']).chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '\r' => escaped.push_str("%0D"),
            '\n' => escaped.push_str("%0A"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Escapes an annotation property value: as [`escape_data`], plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command for a severity.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// What the annotation says: the message, then the help and any related
/// places on lines of their own.
fn annotation_text(finding: &Finding, lines: &LineIndex, text: &str) -> String {
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        let _ = write!(message, "\n{}", t!("output-github-help", help = &**help));
    }
    for related in &finding.related {
        let place = Region::of(lines, text, related.span);
        let note = t!(
            "output-github-note",
            note = related.message.as_str(),
            line = place.start_line,
            column = place.start_column
        );
        let _ = write!(message, "\n{note}");
    }
    message
}

/// One annotation line (without the line break).
pub fn annotation(path: &str, finding: &Finding, region: Region, message: &str) -> String {
    let mut line = format!(
        "::{} file={},line={}",
        command(finding.severity),
        escape_property(path),
        region.start_line
    );
    if region.is_single_line() {
        let _ = write!(line, ",col={}", region.start_column);
    }
    let _ = write!(line, ",endLine={}", region.end_line);
    if region.is_single_line() {
        let _ = write!(line, ",endColumn={}", region.end_column);
    }
    let _ = write!(
        line,
        ",title={}::{}",
        escape_property(&format!("planlint({})", finding.rule)),
        escape_data(message)
    );
    line
}

/// `--format github` written a file at a time: each file's annotations as
/// soon as it is checked, and for the step summary only what its tables
/// show (a row per finding), so a run over many plans holds no plan's text.
pub struct GithubStream<'a> {
    options: Options<'a>,
    tables: SummaryTables,
}

impl<'a> GithubStream<'a> {
    pub fn new(options: Options<'a>) -> Self {
        GithubStream {
            options,
            tables: SummaryTables::default(),
        }
    }
}

impl super::ReportStream for GithubStream<'_> {
    /// One annotation per finding.
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let source = report.text().unwrap_or_default();
        let lines = LineIndex::new(&source);
        for (finding, region) in report.findings.iter().zip(regions(report)) {
            let message = annotation_text(finding, &lines, &source);
            writeln!(out, "{}", annotation(&report.path, finding, region, &message))?;
        }
        self.tables.add(report);
        Ok(())
    }

    /// A plain summary line for the log. When paths could not be checked
    /// (said on stderr), the line does not claim "no problems".
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if summary.worst().is_none() && summary.unchecked > 0 {
            let line = t!(
                "output-github-unchecked",
                files = summary.files,
                paths = summary.unchecked
            );
            writeln!(out, "planlint: {line}")
        } else if summary.worst().is_none() {
            let line = t!("output-github-clean", files = summary.files);
            writeln!(out, "planlint: {line}")
        } else {
            writeln!(out, "planlint: {summary}")
        }
    }

    fn step_summary(&self, summary: &Summary, blob_base: Option<&str>) -> Option<String> {
        Some(self.tables.render(summary, self.options, blob_base))
    }
}

/// The step summary's findings, gathered a file at a time: per file, a
/// row per finding; per rule, its worst level and count.
#[derive(Default)]
struct SummaryTables {
    files: Vec<(String, Vec<SummaryRow>)>,
    fired: BTreeMap<String, (Severity, usize)>,
}

struct SummaryRow {
    region: Region,
    severity: Severity,
    rule: String,
    /// The message as a table cell.
    message: String,
}

impl SummaryTables {
    fn add(&mut self, report: &FileReport) {
        if report.findings.is_empty() {
            return;
        }
        let mut rows = Vec::with_capacity(report.findings.len());
        for (finding, region) in report.findings.iter().zip(regions(report)) {
            rows.push(SummaryRow {
                region,
                severity: finding.severity,
                rule: finding.rule.clone(),
                message: message(&finding.message),
            });
            let entry = self
                .fired
                .entry(finding.rule.clone())
                .or_insert((finding.severity, 0));
            entry.0 = entry.0.max(finding.severity);
            entry.1 += 1;
        }
        self.files.push((report.path.clone(), rows));
    }

    /// Counts by severity, the annotation cap note when it applies, a
    /// table of findings per file (linked to the lines when `blob_base`,
    /// e.g. `https://github.com/OWNER/REPO/blob/SHA`, is given), and the
    /// rules that fired. GitHub drops a step summary over 1 MiB whole, so
    /// the tables stop where [`STEP_SUMMARY_BUDGET`] would be passed, and a
    /// note says how many findings they list.
    fn render(&self, summary: &Summary, options: Options<'_>, blob_base: Option<&str>) -> String {
        let mut md = String::from("## planlint\n\n");
        if summary.worst().is_none() && summary.unchecked > 0 {
            let text = t!(
                "output-github-summary-unchecked",
                files = summary.files,
                paths = summary.unchecked
            );
            let _ = writeln!(md, "{text}\n");
            return md;
        }
        if summary.worst().is_none() {
            let _ = writeln!(md, "{}\n", t!("output-human-clean", files = summary.files));
            return md;
        }
        let _ = writeln!(md, "**{summary}**\n");
        let rule_cell = |rule: &str| match options.rule(rule).and_then(|info| info.url.clone()) {
            Some(url) => format!("[{}]({url})", code(rule)),
            None => code(rule),
        };
        let rules = self.rules_table(options, &rule_cell);
        // Room for the notes: a few hundred bytes each, in any language.
        let room = STEP_SUMMARY_BUDGET.saturating_sub(md.len() + rules.len() + 4096);
        let (tables, shown) = self.tables(blob_base, &rule_cell, room);
        let count: usize = self.files.iter().map(|(_, rows)| rows.len()).sum();
        let mut notes: Vec<String> = capped_notes(summary, shown < count);
        if shown < count {
            notes.push(t!("output-github-summary-cut", shown = shown, count = count));
        }
        if !notes.is_empty() {
            md.push_str("> [!NOTE]\n");
            for note in &notes {
                let _ = writeln!(md, "> {note}");
            }
            md.push('\n');
        }
        md.push_str(&tables);
        md.push_str(&rules);
        md
    }

    /// The findings' tables, one per file, within `room` bytes, and how
    /// many findings they list.
    fn tables(
        &self,
        blob_base: Option<&str>,
        rule_cell: &dyn Fn(&str) -> String,
        room: usize,
    ) -> (String, usize) {
        let mut md = String::new();
        let mut shown = 0;
        for (path, rows) in &self.files {
            let mut table = String::new();
            let _ = writeln!(table, "### {}\n", code(path));
            let _ = writeln!(
                table,
                "{}\n| --- | --- | --- | --- |",
                t!("output-github-findings-header")
            );
            let mut listed = 0;
            for row in rows {
                let line = row.line(path, blob_base, rule_cell);
                if md.len() + table.len() + line.len() + 1 > room {
                    break;
                }
                table.push_str(&line);
                listed += 1;
            }
            if listed == 0 {
                break;
            }
            table.push('\n');
            md.push_str(&table);
            shown += listed;
            if listed < rows.len() {
                break;
            }
        }
        (md, shown)
    }

    /// The rules that fired: each one's worst level, count and aim.
    fn rules_table(&self, options: Options<'_>, rule_cell: &dyn Fn(&str) -> String) -> String {
        let mut md = String::new();
        let _ = writeln!(
            md,
            "### {}\n\n{}\n| --- | --- | --- | --- |",
            t!("output-github-rules-fired"),
            t!("output-github-rules-header")
        );
        for (rule, (severity, n)) in &self.fired {
            let wants = options
                .rule(rule)
                .map(|info| message(&info.summary))
                .unwrap_or_default();
            let severity = super::severity_word(*severity);
            let _ = writeln!(md, "| {} | {severity} | {n} | {wants} |", rule_cell(rule));
        }
        md.push('\n');
        md
    }
}

impl SummaryRow {
    /// The row's line of its file's table, the line break included.
    fn line(&self, path: &str, blob_base: Option<&str>, rule_cell: &dyn Fn(&str) -> String) -> String {
        let region = self.region;
        let place = format!("{}:{}", cell(path), region.start_line);
        let place = match blob_base {
            Some(base) => {
                let lines = if region.is_single_line() {
                    format!("L{}", region.start_line)
                } else {
                    format!("L{}-L{}", region.start_line, region.end_line)
                };
                format!(
                    "[{place}]({}/{}#{lines})",
                    base.trim_end_matches('/'),
                    uri_path(path)
                )
            }
            None => place,
        };
        format!(
            "| {place} | {} | {} | {} |\n",
            super::severity_word(self.severity),
            rule_cell(&self.rule),
            self.message
        )
    }
}

/// The step summary of a whole run (see [`SummaryTables::render`]).
pub fn step_summary(reports: &[FileReport], options: Options<'_>, blob_base: Option<&str>) -> String {
    let mut tables = SummaryTables::default();
    for report in reports {
        tables.add(report);
    }
    let summary = Summary {
        unchecked: options.unchecked,
        ..Summary::of(reports)
    };
    tables.render(&summary, options, blob_base)
}

/// The notes for each severity with more findings than GitHub annotates;
/// `cut` when the tables do not list them all (then the log does).
fn capped_notes(summary: &Summary, cut: bool) -> Vec<String> {
    let limit = ANNOTATION_LIMIT;
    [
        (summary.errors, Severity::Error),
        (summary.warnings, Severity::Warning),
        (summary.infos, Severity::Info),
    ]
    .into_iter()
    .filter(|(n, _)| *n > limit)
    .map(|(count, severity)| match (severity, cut) {
        (Severity::Error, false) => t!("output-github-capped-errors", limit = limit, count = count),
        (Severity::Warning, false) => t!("output-github-capped-warnings", limit = limit, count = count),
        (Severity::Info, false) => t!("output-github-capped-infos", limit = limit, count = count),
        (Severity::Error, true) => t!("output-github-capped-errors-logged", limit = limit, count = count),
        (Severity::Warning, true) => t!(
            "output-github-capped-warnings-logged",
            limit = limit,
            count = count
        ),
        (Severity::Info, true) => t!("output-github-capped-infos-logged", limit = limit, count = count),
    })
    .collect()
}

/// What GitHub Actions tells a step through its environment.
#[derive(Debug, Default)]
pub struct Environment {
    /// `$GITHUB_STEP_SUMMARY`: the Markdown file the step summary goes to.
    pub step_summary: Option<PathBuf>,
    /// `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA`, to link
    /// findings to their lines.
    pub blob_base: Option<String>,
}

impl Environment {
    /// Running inside GitHub Actions (`GITHUB_ACTIONS=true`).
    pub fn is_actions() -> bool {
        std::env::var_os("GITHUB_ACTIONS").is_some_and(|value| value == "true")
    }

    /// Reads the step's environment; unset or empty variables are absent.
    pub fn from_env() -> Environment {
        let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
        let blob_base = var("GITHUB_REPOSITORY")
            .zip(var("GITHUB_SHA"))
            .map(|(repo, sha)| {
                let server = var("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
                format!("{}/{repo}/blob/{sha}", server.trim_end_matches('/'))
            });
        Environment {
            step_summary: var("GITHUB_STEP_SUMMARY").map(PathBuf::from),
            blob_base,
        }
    }

    /// Appends `markdown` (a [`step_summary`]) to `$GITHUB_STEP_SUMMARY`,
    /// never truncating what other steps wrote; nothing without one.
    pub fn append_markdown(&self, markdown: &str) -> io::Result<()> {
        let Some(file) = &self.step_summary else {
            return Ok(());
        };
        let mut handle = std::fs::OpenOptions::new().append(true).create(true).open(file)?;
        handle.write_all(markdown.as_bytes())?;
        handle.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escaping() {
        assert_eq!(escape_data("50% off\r\nnext: a,b"), "50%25 off%0D%0Anext: a,b");
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn property_escaping() {
        assert_eq!(
            escape_property("plans/a,b:c%\n.plan.yaml"),
            "plans/a%2Cb%3Ac%25%0A.plan.yaml"
        );
    }
}
