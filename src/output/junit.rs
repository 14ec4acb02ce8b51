//! `--format junit`: JUnit XML, as GitLab (`artifacts:reports:junit`),
//! Jenkins and most CI dashboards read it. One test suite `planlint`, one
//! test case per file (a file passes when it has no findings), one
//! `<failure>` per finding: `type` is the rule, `message` the message, the
//! body `path:line:col severity rule message`.

use super::regions;
use super::xml::escape;
use crate::finding::FileReport;
use std::io::{self, Write};

fn attr(text: &str) -> String {
    escape(text, true)
}

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let tests = reports.len();
    let failures = reports
        .iter()
        .filter(|report| !report.findings.is_empty())
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
        for (finding, region) in report.findings.iter().zip(regions(report)) {
            let body = format!(
                "{}:{}:{} {} {} {}",
                report.path,
                region.start_line,
                region.start_column,
                finding.severity,
                finding.rule,
                finding.message
            );
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                attr(&finding.rule),
                attr(&finding.message),
                escape(&body, false)
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}
