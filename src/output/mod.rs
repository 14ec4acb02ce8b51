//! Output formats. Each one turns reports into text. Formats that list the
//! rules (SARIF) get their descriptions as plain data in [`Options`]; no
//! format knows how rules work.
//!
//! The CI formats (`sarif`, `github`, `junit`, `gitlab`, `rdjson`) share
//! [`Region`] (where a finding is, as lines and columns) and
//! [`crate::finding::fingerprint`] (an identity that survives moved lines).

pub(crate) mod destination;
pub mod diff;
pub mod github;
mod gitlab;
mod human;
mod json;
mod junit;
pub(crate) mod markdown;
pub mod metrics;
mod pretty;
pub(crate) use pretty::{append_pretty_at, write_pretty_at};
pub mod plan_view;
mod rdjson;
pub mod report;
mod sarif;
pub mod width;
pub(crate) mod xml;

use crate::document::{ColumnUnit, LineIndex, Span};
use crate::finding::{FileReport, Severity, Summary};
use crate::i18n::t;
use std::io::{self, Write};

/// A severity as people read it in the run's language (`error`, `错误`);
/// machine formats keep [`Severity::as_str`].
pub fn severity_word(severity: Severity) -> String {
    match severity {
        Severity::Error => t!("output-severity-error"),
        Severity::Warning => t!("output-severity-warning"),
        Severity::Info => t!("output-severity-info"),
    }
}

/// `error[vague-goal]`, `错误[vague-goal]`: a finding's severity and rule.
pub(crate) fn severity_and_rule(severity: Severity, rule: &str) -> String {
    t!(
        "output-severity-rule",
        severity = severity_word(severity),
        rule = rule
    )
}

/// The formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with the offending text underlined (miette).
    Human,
    /// Machine-readable findings with exact ranges (schemas/report.schema.json).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// JUnit XML: one test case per file, a failure per finding (GitLab, Jenkins).
    Junit,
    /// GitLab Code Quality report.
    Gitlab,
    /// reviewdog's Diagnostic Format (rdjson).
    Rdjson,
}

/// What a report says about one rule (or `parse-error` / `schema`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: String,
    /// The severity it runs at in this run.
    pub severity: Severity,
    pub summary: String,
    /// Why it matters, with its source.
    pub description: String,
    pub help: Option<String>,
    pub url: Option<String>,
}

/// Everything a format may use besides the reports.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// ANSI colours in human output.
    pub color: bool,
    /// The rules that ran, sorted by id.
    pub rules: &'a [RuleInfo],
    /// The severity from which a finding fails the check (`--fail-on`):
    /// JUnit reports findings below it as passing test output.
    pub fail_on: Severity,
    /// Paths that could not be checked at all (said on stderr): a run with
    /// any never says "no problems".
    pub unchecked: usize,
}

impl<'a> Options<'a> {
    /// What is known of rule `id`, if it ran.
    pub fn rule(&self, id: &str) -> Option<&'a RuleInfo> {
        self.rules.iter().find(|info| info.id == id)
    }

    /// Options for plain output without rule metadata (tests, tools).
    pub fn plain() -> Options<'static> {
        Options {
            color: false,
            rules: &[],
            fail_on: Severity::Error,
            unchecked: 0,
        }
    }
}

/// A format written one file at a time, so that a run over many files
/// holds one file's findings, not all of them.
pub trait ReportStream {
    /// Writes one file's part of the report.
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()>;
    /// Writes what follows the files, given the whole run's counts.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
    /// The Markdown for the CI job's summary page, for a format that has
    /// one (GitHub's step summary, whose findings link to their lines
    /// under `blob_base`): the whole run's, once every file is written.
    fn step_summary(&self, _summary: &Summary, _blob_base: Option<&str>) -> Option<String> {
        None
    }
}

/// The streaming writer of `format`, for the formats that can be written a
/// file at a time (`human`, `json`, `github`); `None` for those that need
/// the whole run first (SARIF's rule list, JUnit's counts).
pub fn stream<'a>(format: Format, options: Options<'a>) -> Option<Box<dyn ReportStream + 'a>> {
    match format {
        Format::Human => Some(Box::new(human::HumanStream::new(options))),
        Format::Json => Some(Box::new(json::JsonStream::default())),
        Format::Github => Some(Box::new(github::GithubStream::new(options))),
        _ => None,
    }
}

/// planlint's version, as reports state it.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where planlint lives, for reports that link to the tool.
pub const TOOL_URI: &str = "https://github.com/planlint/planlint";

/// Where a finding is, as the CI formats state it: 1-based lines, 1-based
/// columns counted in characters (and in UTF-8 bytes, for formats that want
/// those), end exclusive.
///
/// A span that ends just after a line break ends at the end of its last
/// line instead of at column 1 of the next, and an empty span (the document
/// root, a finding without a real span) is the point where it starts:
/// line 1, column 1 for `0..0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// 1-based start column in UTF-8 bytes.
    pub start_byte_column: usize,
    /// 1-based (exclusive) end column in UTF-8 bytes.
    pub end_byte_column: usize,
}

impl Region {
    /// The region of `span` in `text`; `index` must be built from `text`.
    pub fn of(index: &LineIndex, text: &str, span: Span) -> Region {
        let start = index.position(text, span.start);
        // `position` clamps to the text and to character boundaries.
        let end_offset = index.position(text, span.end.max(start.offset)).offset;
        // Leave a final line break out: the region ends where its last line does.
        let body = text.get(start.offset..end_offset).unwrap_or_default();
        let body = body.strip_suffix('\n').unwrap_or(body);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let end = index.position(text, start.offset + body.len());
        let byte_column = |offset: usize| index.column(text, offset, ColumnUnit::Byte) + 1;
        Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
            start_byte_column: byte_column(start.offset),
            end_byte_column: byte_column(end.offset),
        }
    }

    /// Whether the region starts and ends on the same line.
    pub fn is_single_line(&self) -> bool {
        self.start_line == self.end_line
    }
}

/// A relative path as a URI reference: `/` kept, everything outside the
/// unreserved characters percent-encoded (spaces, `#`, `%`, non-ASCII ...).
pub(crate) fn uri_path(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte));
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

/// An absolute path (`/a/b`, or `C:/a/b` on Windows, `/`-separated) as a
/// `file://` URI; `None` for a relative path.
pub(crate) fn file_uri(path: &str) -> Option<String> {
    let windows_drive = path.as_bytes().get(1) == Some(&b':');
    if !path.starts_with('/') && !windows_drive {
        return None;
    }
    let slash = if windows_drive { "/" } else { "" };
    Some(format!(
        "file://{slash}{}",
        uri_path(path).replacen("%3A", ":", 1)
    ))
}

/// The regions of every finding of `report`, in order.
pub(crate) fn regions(report: &FileReport) -> Vec<Region> {
    let source = report.text().unwrap_or_default();
    let index = LineIndex::new(&source);
    report
        .findings
        .iter()
        .map(|finding| Region::of(&index, &source, finding.span))
        .collect()
}

/// Writes `reports` (already sorted by path) in `format`.
pub fn write(
    format: Format,
    reports: &[FileReport],
    options: Options<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some(mut stream) = stream(format, options) {
        for report in reports {
            stream.file(report, out)?;
        }
        let summary = Summary {
            unchecked: options.unchecked,
            ..Summary::of(reports)
        };
        return stream.finish(&summary, out);
    }
    match format {
        Format::Human | Format::Json | Format::Github => Ok(()),
        Format::Sarif => sarif::write(reports, options, out),
        Format::Junit => junit::write(reports, options.fail_on, out),
        Format::Gitlab => gitlab::write(reports, out),
        Format::Rdjson => rdjson::write(reports, options, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(text: &str, start: usize, end: usize) -> (usize, usize, usize, usize) {
        let r = Region::of(&LineIndex::new(text), text, Span::new(start, end));
        (r.start_line, r.start_column, r.end_line, r.end_column)
    }

    #[test]
    fn regions() {
        let text = "a: 1\nb:\n  c: 2\n";
        assert_eq!(region(text, 0, 0), (1, 1, 1, 1));
        assert_eq!(region(text, 3, 4), (1, 4, 1, 5));
        // A block that ends after its line break ends at the end of its last line.
        assert_eq!(region(text, 5, text.len()), (2, 1, 3, 7));
        assert_eq!(region("a\r\nb\r\n", 0, 7), (1, 1, 2, 2));
        // Out of range and reversed spans still give valid regions.
        assert_eq!(region(text, 100, 200), (4, 1, 4, 1));
        assert_eq!(region(text, 3, 1), (1, 4, 1, 4));
        // Characters, not bytes; byte columns too.
        let text = "名前: 中文 x";
        let r = Region::of(&LineIndex::new(text), text, Span::new(15, 16));
        assert_eq!((r.start_column, r.end_column), (8, 9));
        assert_eq!((r.start_byte_column, r.end_byte_column), (16, 17));
    }

    #[test]
    fn uri_paths() {
        assert_eq!(uri_path("plans/a b#1.plan.yaml"), "plans/a%20b%231.plan.yaml");
        assert_eq!(uri_path("计划.plan.yaml"), "%E8%AE%A1%E5%88%92.plan.yaml");
    }
}
