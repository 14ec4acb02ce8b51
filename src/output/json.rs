//! `--format json`: the contract editors rely on (schemas/report.schema.json).
//! Lines and columns are 1-based, columns count characters, offsets bytes.

use crate::document::{LineIndex, Position, Span};
use crate::finding::{FileReport, Severity, Summary};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    findings: Vec<Finding<'a>>,
}

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

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let files = reports
        .iter()
        .map(|report| {
            let index = LineIndex::new(&report.source);
            let findings = report
                .findings
                .iter()
                .map(|finding| {
                    let (start, end) = range(&index, &report.source, finding.span);
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
                                let (start, end) = range(&index, &report.source, related.span);
                                Related {
                                    message: &related.message,
                                    start,
                                    end,
                                }
                            })
                            .collect(),
                        fix: finding.fix.as_ref().map(|fix| {
                            let (start, end) = range(&index, &report.source, fix.span);
                            Fix {
                                title: &fix.title,
                                replacement: &fix.replacement,
                                start,
                                end,
                            }
                        }),
                    }
                })
                .collect();
            File {
                path: &report.path,
                findings,
            }
        })
        .collect();
    let report = Report {
        version: 1,
        files,
        summary: Summary::of(reports),
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
    writeln!(out)
}
