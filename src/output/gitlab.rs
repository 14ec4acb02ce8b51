//! `--format gitlab`: a GitLab Code Quality report
//! (`artifacts:reports:codequality`): a JSON array of issues, each with a
//! fingerprint that is unique in the report and stable when lines move.

use super::regions;
use crate::finding::fingerprint;
use crate::finding::{FileReport, Severity};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's severity for a planlint severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut issues = Vec::new();
    for report in reports {
        let fingerprints = fingerprint::fingerprints(report);
        for ((finding, region), fingerprint) in report.findings.iter().zip(regions(report)).zip(fingerprints)
        {
            issues.push(Issue {
                description: &finding.message,
                check_name: &finding.rule,
                fingerprint: fingerprint::with_path(&report.path, &fingerprint),
                severity: severity(finding.severity),
                location: Location {
                    path: &report.path,
                    lines: Lines {
                        begin: region.start_line,
                        end: region.end_line,
                    },
                },
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::other)?;
    writeln!(out)
}
