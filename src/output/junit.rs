//! `--format junit`: JUnit XML, as GitLab (`artifacts:reports:junit`),
//! Jenkins and most CI dashboards read it. One test suite `planlint`, one
//! test case per file (a file passes when it has no finding at or above
//! `--fail-on`), one `<failure>` per such finding: `type` is the rule,
//! `message` the message, the body `path:line:col severity rule message`
//! (the severity in the run's language);
//! findings below `--fail-on` are the test case's `<system-out>`.

use super::regions;
use super::xml::escape;
use crate::finding::{FileReport, Finding, Severity};
use std::io::{self, Write};

fn attr(text: &str) -> String {
    escape(text, true)
}

/// Writes the report; a finding fails its file's test case only at or
/// above `fail_on` (as `--fail-on` fails the check), so the test report is
/// red exactly when the job is. Findings below it are the passing test
/// case's output.
pub fn write(reports: &[FileReport], fail_on: Severity, out: &mut dyn Write) -> io::Result<()> {
    let tests = reports.len();
    let fails = |finding: &Finding| finding.severity >= fail_on;
    let failures = reports
        .iter()
        .filter(|report| report.findings.iter().any(fails))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="planlint" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    writeln!(
        out,
        r#"  <testsuite name="planlint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
    )?;
    for report in reports {
        let path = attr(&report.path);
        let open = format!(r#"    <testcase name="{path}" classname="planlint" file="{path}""#);
        if report.findings.is_empty() {
            writeln!(out, "{open}/>")?;
            continue;
        }
        writeln!(out, "{open}>")?;
        let mut below = Vec::new();
        for (finding, region) in report.findings.iter().zip(regions(report)) {
            let body = format!(
                "{}:{}:{} {} {} {}",
                report.path,
                region.start_line,
                region.start_column,
                super::severity_word(finding.severity),
                finding.rule,
                finding.message
            );
            if !fails(finding) {
                below.push(body);
                continue;
            }
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                attr(&finding.rule),
                attr(&finding.message),
                escape(&body, false)
            )?;
        }
        if !below.is_empty() {
            writeln!(
                out,
                "      <system-out>{}</system-out>",
                escape(&below.join("\n"), false)
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}
