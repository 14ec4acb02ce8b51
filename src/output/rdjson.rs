//! `--format rdjson`: reviewdog's Diagnostic Format (`reviewdog -f=rdjson`).
//! Lines are 1-based; columns are 1-based and, as the format defines them,
//! count UTF-8 bytes; ends are exclusive.

use super::{regions, Options};
use crate::finding::{FileReport, Severity, Summary};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Result<'a> {
    source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'static str>,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: &'a str,
    location: Location<'a>,
    severity: &'static str,
    code: Code<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Code<'a> {
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

pub fn write(reports: &[FileReport], options: Options<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    for report in reports {
        for (finding, region) in report.findings.iter().zip(regions(report)) {
            let url = options.rule(&finding.rule).and_then(|info| info.url.as_deref());
            diagnostics.push(Diagnostic {
                message: &finding.message,
                location: Location {
                    path: &report.path,
                    range: Range {
                        start: Position {
                            line: region.start_line,
                            column: region.start_byte_column,
                        },
                        end: Position {
                            line: region.end_line,
                            column: region.end_byte_column,
                        },
                    },
                },
                severity: severity(finding.severity),
                code: Code {
                    value: &finding.rule,
                    url,
                },
            });
        }
    }
    let result = Result {
        source: Source {
            name: "planlint",
            url: super::TOOL_URI,
        },
        severity: Summary::of(reports).worst().map(severity),
        diagnostics,
    };
    serde_json::to_writer_pretty(&mut *out, &result).map_err(io::Error::other)?;
    writeln!(out)
}
