//! `--format human`: miette reports with the offending text underlined, then
//! a summary line.

use crate::document::{ColumnUnit, LineIndex, Span};
use crate::finding::{FileReport, Finding, Severity, Summary};
use crate::i18n::t;
use crate::output::width::{display_width, wrap_options};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

/// Spans longer than this many lines (a whole section, the document root)
/// are shown by their first line, so a report never reprints a whole file.
const MAX_SHOWN_LINES: usize = 8;

struct Report<'a> {
    finding: &'a Finding,
    source: &'a CharColumns,
    text: &'a str,
    /// The rule's documentation, when the report knows it.
    url: Option<&'a str>,
}

/// The plan's text as miette reads it, through one line index per file: a
/// finding's lines are found by binary search, not by scanning the file
/// from its start (which made output quadratic in the number of findings).
/// The column in the `file:line:column` header counts characters, as every
/// other format does (miette counts bytes, which would put `x` in
/// `名前: x` at column 9, not 5).
struct CharColumns {
    name: String,
    text: Arc<str>,
    lines: LineIndex,
}

impl CharColumns {
    fn new(name: &str, text: &Arc<str>) -> Self {
        CharColumns {
            name: name.to_owned(),
            text: Arc::clone(text),
            lines: LineIndex::new(text),
        }
    }
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if let Some(excerpt) = self.excerpt(span) {
            return Ok(excerpt);
        }
        let text: &str = &self.text;
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let first = self.lines.position(text, start);
        // A span that ends right after a line break ends on that line.
        let last = self.lines.position(text, end.saturating_sub(1).max(start));
        let first_line = first.line - 1;
        let context_first = first_line.saturating_sub(context_lines_before);
        let context_last =
            (last.line - 1 + context_lines_after).min(self.lines.line_count().saturating_sub(1));
        // `line_start` counts lines from 1; these are 0-based.
        let from = self.lines.line_start(context_first + 1).unwrap_or(0);
        let to = self
            .lines
            .line_start(context_last + 2)
            .unwrap_or(text.len())
            .min(text.len());
        let data = text.get(from..to).unwrap_or_default();
        // Without its final line break, as miette's own reader gives it.
        let data = data
            .strip_suffix("\r\n")
            .or_else(|| data.strip_suffix('\n'))
            .or_else(|| data.strip_suffix('\r'))
            .unwrap_or(data);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            SourceSpan::from((from, data.len())),
            context_first,
            first.column - 1,
            context_last - context_first + 1,
        )))
    }
}

/// Lines longer than this (minified plans) are shown as an excerpt around
/// the span, so a report never reprints megabytes for every finding.
const MAX_SHOWN_LINE_BYTES: usize = 400;

/// Characters of context kept on each side of a span in an excerpt.
const EXCERPT_CONTEXT_BYTES: usize = 60;

impl CharColumns {
    /// For a span on a very long line: that part of the line, with the true
    /// line and column; `None` for ordinary lines.
    fn excerpt<'a>(&'a self, span: &SourceSpan) -> Option<Box<dyn SpanContents<'a> + 'a>> {
        let text: &str = &self.text;
        let start = span.offset().min(text.len());
        let line = self.lines.line_of(start);
        let range = self.lines.line_range(text, line)?;
        let (line_start, line_end) = (range.start, range.end.max(start));
        if line_end - line_start <= MAX_SHOWN_LINE_BYTES {
            return None;
        }
        let floor = |mut at: usize| {
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let from = floor(start.saturating_sub(EXCERPT_CONTEXT_BYTES).max(line_start));
        let span_end = (start + span.len()).min(start + MAX_SHOWN_LINE_BYTES);
        let to = floor((span_end + EXCERPT_CONTEXT_BYTES).min(line_end));
        let line = line - 1;
        // The header names where the span starts, as for ordinary lines.
        let column = self.lines.column(text, start, ColumnUnit::Char);
        Some(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            text.get(from..to)?.as_bytes(),
            SourceSpan::from((from, to - from)),
            line,
            column,
            1,
        )))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report").field("finding", self.finding).finish()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::visible(&self.finding.message))
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(super::severity_and_rule(
            self.finding.severity,
            &self.finding.rule,
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.url.map(|url| Box::new(url) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(
            Some(crate::text::visible(&self.finding.label)),
            shown(self.text, self.finding.span),
        );
        let related = self.finding.related.iter().map(|related| {
            LabeledSpan::new_with_span(
                Some(crate::text::visible(&related.message)),
                shown(self.text, related.span),
            )
        });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// The part of `span` to draw: all of it, or its first line when it is long.
fn shown(text: &str, span: Span) -> (usize, usize) {
    let body = text.get(span.start..span.end).unwrap_or_default();
    if body.matches('\n').count() < MAX_SHOWN_LINES {
        return (span.start, span.len());
    }
    let first_line = body.find('\n').unwrap_or(body.len());
    (span.start, body[..first_line].trim_end_matches('\r').len())
}

/// How wide human output is, in columns.
const WIDTH: usize = 100;

/// `--format human`, a file at a time.
pub struct HumanStream<'a> {
    handler: GraphicalReportHandler,
    theme: GraphicalTheme,
    options: super::Options<'a>,
}

impl<'a> HumanStream<'a> {
    pub fn new(options: super::Options<'a>) -> Self {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        HumanStream {
            handler: GraphicalReportHandler::new_themed(theme.clone())
                .with_links(false)
                .with_width(WIDTH)
                .with_word_separator(textwrap::WordSeparator::Custom(super::width::words))
                .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
                .with_break_words(false),
            theme,
            options,
        }
    }

    /// The help under a finding, as miette draws it (`  help: ...`, the
    /// lines after the first indented under it) with its label in the
    /// run's language.
    fn help(&self, help: &str) -> String {
        let label = format!("  {}", t!("output-human-help"));
        let indent = " ".repeat(display_width(&label));
        let label = self.theme.styles.help.style(label).to_string();
        let options = wrap_options(WIDTH - 2)
            .initial_indent(&label)
            .subsequent_indent(&indent);
        format!("{}\n", textwrap::fill(&crate::text::visible(help), options))
    }
}

impl super::ReportStream for HumanStream<'_> {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        if report.findings.is_empty() {
            return Ok(());
        }
        // The text is read again for the excerpts (see `FileReport::text`);
        // a file changed since it was checked gets its findings without them.
        let text = report.text();
        // The real name (as JSON gives it), shown with control characters escaped.
        let name = crate::text::visible_line(&report.path);
        let source = text.as_ref().map(|text| CharColumns::new(&name, text));
        for finding in &report.findings {
            let url = self
                .options
                .rule(&finding.rule)
                .and_then(|rule| rule.url.as_deref());
            let mut rendered = String::new();
            let drawn = match (&source, &text) {
                (Some(source), Some(text)) => {
                    let diagnostic = Report {
                        finding,
                        source,
                        text,
                        url,
                    };
                    let drawn = self.handler.render_report(&mut rendered, &diagnostic).is_ok();
                    if let Some(help) = finding.help.as_deref().filter(|_| drawn) {
                        rendered.push_str(&self.help(help));
                    }
                    drawn
                }
                _ => false,
            };
            if !drawn {
                let why = if text.is_none() {
                    t!("output-human-changed-since-checked")
                } else {
                    t!("output-human-excerpt-not-drawn")
                };
                let finding_line = t!(
                    "output-human-undrawn",
                    finding = super::severity_and_rule(finding.severity, &finding.rule),
                    file = name.as_str(),
                    message = crate::text::visible(&finding.message),
                    why = why
                );
                rendered = format!("{finding_line}\n");
            }
            writeln!(out, "{rendered}")?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if summary.worst().is_none() && summary.unchecked > 0 {
            // What could not be checked is said next, on stderr: "no
            // problems" would contradict it.
            let line = t!(
                "output-human-unchecked",
                files = summary.files,
                paths = summary.unchecked
            );
            writeln!(out, "{line}")
        } else if summary.worst().is_none() {
            writeln!(out, "{}", t!("output-human-clean", files = summary.files))
        } else {
            writeln!(out, "{summary}")
        }
    }
}
