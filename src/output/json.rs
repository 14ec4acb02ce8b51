//! `--format json`: the contract editors rely on (schemas/report.schema.json).
//! Lines and columns are 1-based, columns count characters, offsets bytes.

use crate::document::{LineIndex, Position, Span};
use crate::finding::{FileReport, Severity, Summary};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    pointer: &'a str,
    start: Place,
    end: Place,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<Related<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<Fix<'a>>,
    /// Edits to pick between when the value reads two ways; never certain.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    choices: Vec<Fix<'a>>,
    /// Values that would meet the rule, from the plan's own numbers.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    remedies: &'a [crate::finding::Remedy],
}

#[derive(Serialize)]
struct Fix<'a> {
    title: &'a str,
    replacement: &'a str,
    start: Place,
    end: Place,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    start: Place,
    end: Place,
}

#[derive(Serialize)]
struct Place {
    line: usize,
    column: usize,
    offset: usize,
}

impl From<Position> for Place {
    fn from(position: Position) -> Self {
        Place {
            line: position.line,
            column: position.column,
            offset: position.offset,
        }
    }
}

fn range(index: &LineIndex, text: &str, span: Span) -> (Place, Place) {
    (
        index.position(text, span.start).into(),
        index.position(text, span.end).into(),
    )
}

/// A fix or a choice as the report gives it: its title, text and place.
fn edit<'a>(index: &LineIndex, text: &str, fix: &'a crate::finding::Fix) -> Fix<'a> {
    let (start, end) = range(index, text, fix.span);
    Fix {
        title: &fix.title,
        replacement: &fix.replacement,
        start,
        end,
    }
}

/// `--format json`, a file at a time: the same bytes as pretty-printing
/// the whole report, each file's object written as soon as it is checked.
#[derive(Default)]
pub struct JsonStream {
    files: usize,
}

/// One finding as the report gives it, its places from `index` over `source`.
fn finding_of<'a>(index: &LineIndex, source: &str, finding: &'a crate::finding::Finding) -> Finding<'a> {
    let (start, end) = range(index, source, finding.span);
    Finding {
        rule: &finding.rule,
        severity: finding.severity,
        message: &finding.message,
        help: finding.help.as_deref(),
        pointer: &finding.pointer,
        start,
        end,
        related: finding
            .related
            .iter()
            .map(|related| {
                let (start, end) = range(index, source, related.span);
                Related {
                    message: &related.message,
                    start,
                    end,
                }
            })
            .collect(),
        fix: finding.fix.as_ref().map(|fix| edit(index, source, fix)),
        choices: finding
            .choices
            .iter()
            .map(|choice| edit(index, source, choice))
            .collect(),
        remedies: &finding.remedies,
    }
}

/// One file's object, indented as the fifth level of the report (the same
/// bytes as pretty-printing the whole object), built in memory and written
/// at once.
fn write_file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = Vec::with_capacity(256 + 2048 * report.findings.len());
    buffer.extend_from_slice(b"{\n      \"path\": ");
    serde_json::to_writer(&mut buffer, &report.path).map_err(io::Error::other)?;
    buffer.extend_from_slice(b",\n      \"findings\": ");
    if report.findings.is_empty() {
        buffer.extend_from_slice(b"[]\n    }");
        return out.write_all(&buffer);
    }
    // The source is read (again) for this file only, then dropped.
    let source = report.text().unwrap_or_default();
    let index = LineIndex::new(&source);
    buffer.push(b'[');
    for (i, finding) in report.findings.iter().enumerate() {
        buffer.extend_from_slice(if i == 0 { b"\n        " } else { b",\n        " });
        super::append_pretty_at(&finding_of(&index, &source, finding), 8, &mut buffer)?;
    }
    buffer.extend_from_slice(b"\n      ]\n    }");
    out.write_all(&buffer)
}

impl super::ReportStream for JsonStream {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let head = if self.files == 0 {
            "{\n  \"version\": 1,\n  \"files\": [\n    "
        } else {
            ",\n    "
        };
        self.files += 1;
        out.write_all(head.as_bytes())?;
        write_file(report, out)
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if self.files == 0 {
            out.write_all(b"{\n  \"version\": 1,\n  \"files\": [],\n")?;
        } else {
            out.write_all(b"\n  ],\n")?;
        }
        out.write_all(b"  \"summary\": ")?;
        super::write_pretty_at(summary, 2, out)?;
        out.write_all(b"\n}\n")
    }
}
