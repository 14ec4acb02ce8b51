//! `--format junit`: JUnit XML, as GitLab (`artifacts:reports:junit`),
//! Jenkins and most CI dashboards read it. One test suite `planlint`, one
//! test case per file (a file passes when it has no findings), one
//! `<failure>` per finding: `type` is the rule, `message` the message, the
//! body `path:line:col severity rule message`.

use super::regions;
use crate::finding::FileReport;
use std::io::{self, Write};

/// Escapes text for XML 1.0 content (`attribute == false`) or a
/// double-quoted attribute value. Characters XML 1.0 cannot carry at all
/// (control characters other than tab, line feed and carriage return,
/// U+FFFE, U+FFFF) become U+FFFD; in attributes tab and line breaks are
/// written as character references so parsers keep them.
pub fn escape(text: &str, attribute: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' if attribute => escaped.push_str("&quot;"),
            '\'' if attribute => escaped.push_str("&apos;"),
            '\t' if attribute => escaped.push_str("&#9;"),
            '\n' if attribute => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            '\t' | '\n' => escaped.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    escaped
}

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

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping() {
        assert_eq!(escape(r#"a<b>&"c"'d'"#, false), r#"a&lt;b&gt;&amp;"c"'d'"#);
        assert_eq!(
            escape(r#"a<b>&"c"'d'"#, true),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(escape("x\ty\nz\r", false), "x\ty\nz&#13;");
        assert_eq!(escape("x\ty\nz\r", true), "x&#9;y&#10;z&#13;");
        assert_eq!(
            escape("bell\u{7}nul\u{0}esc\u{1b}\u{FFFF}", true),
            "bell\u{FFFD}nul\u{FFFD}esc\u{FFFD}\u{FFFD}"
        );
        assert_eq!(escape("]]>", false), "]]&gt;");
        assert_eq!(escape("中文 é \u{85}", false), "中文 é \u{85}");
    }
}
