//! What the pipeline produces: findings, grouped per file.

pub mod fingerprint;
pub mod fix;
pub mod matching;
pub mod remedy;
mod reread;

pub use fix::Fix;
pub use remedy::Remedy;
pub use reread::Reread;

use crate::document::Span;
use crate::i18n::t;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}`: expected info, warning or error"
            )),
        }
    }
}

/// A further place a finding refers to (the first of two duplicate keys ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One problem in one file, at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Rule id (`vague-goal`), or `parse-error` / `schema`.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Shared by the findings of a check whose help has no placeholder.
    pub help: Option<Arc<str>>,
    /// JSON pointer of the offending node ("" is the document root).
    pub pointer: String,
    /// The exact text to underline.
    pub span: Span,
    /// What the underline says.
    pub label: String,
    pub related: Vec<Related>,
    /// The edit that certainly mends it, when there is one.
    /// Boxed: most findings have none, and 300,000 findings are held at once.
    pub fix: Option<Box<Fix>>,
    /// Edits the writer picks between: one per reading of a value that
    /// reads two ways (`05/06/2026`: 5 June or 6 May), one per remedy whose
    /// field the plan writes. Offered one by one (an editor's quick fixes,
    /// the JSON report), never applied by `--fix`.
    pub choices: Vec<Fix>,
    /// Values that would meet the rule, computed from the plan's own
    /// numbers, each lever on its own (see [`remedy`]).
    pub remedies: Vec<Remedy>,
}

/// Orders one file's findings as reports show them: by place, then rule and
/// message, so the order never depends on which check ran first.
/// A stable sort of their indices, then the findings moved into place by
/// swaps: no second copy of a file's findings is made.
pub fn sort_by_place(findings: &mut [Finding]) {
    fn key(f: &Finding) -> (usize, usize, &str, &str) {
        (f.span.start, f.span.end, &f.rule, &f.message)
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| key(&findings[a]).cmp(&key(&findings[b])));
    // Position `i` takes the finding at `order[i]`, one cycle at a time.
    for start in 0..order.len() {
        let mut hole = start;
        loop {
            let next = order[hole];
            order[hole] = hole;
            if next == start || next == hole {
                break;
            }
            findings.swap(hole, next);
            hole = next;
        }
    }
}

/// The findings of one file, with its text so that spans can be shown.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as the user should see it (relative where possible, `/` separated).
    pub path: String,
    /// The text the findings' spans point into; empty once released.
    pub source: Arc<str>,
    pub findings: Vec<Finding>,
    /// Where a released text is read again.
    pub reread: Option<Reread>,
}

impl FileReport {
    /// The text the findings' spans point into: kept, or read again.
    /// `None` only when a released file changed or went away since.
    pub fn text(&self) -> Option<Arc<str>> {
        match &self.reread {
            None => Some(Arc::clone(&self.source)),
            Some(reread) => reread.read(),
        }
    }

    /// Drops the text to save memory; it is read again from `path` when a
    /// report is written. A file without findings needs no text at all.
    pub fn release_text(&mut self, path: PathBuf) {
        if !self.findings.is_empty() {
            self.reread = Some(Reread::of(path, &self.source));
        }
        self.source = Arc::from("");
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings that carry a certain fix (what `planlint check --fix` repairs).
    pub fixable: usize,
    /// Files and paths that could not be checked at all (said on stderr):
    /// a run with any is never reported as having "no problems".
    #[serde(skip)]
    pub unchecked: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut summary = Summary::default();
        for report in reports {
            summary.add(report);
        }
        summary
    }

    /// Counts one more file's findings.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        for finding in &report.findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            if finding.fix.is_some() {
                self.fixable += 1;
            }
        }
    }

    /// The most severe level present, if any finding exists.
    pub fn worst(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else if self.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }
}

impl fmt::Display for Summary {
    /// `3 errors, 1 warning in 2 files` (in the language of the run).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = vec![
            t!("finding-errors", count = self.errors),
            t!("finding-warnings", count = self.warnings),
        ];
        if self.infos > 0 {
            parts.push(t!("finding-infos", count = self.infos));
        }
        let counts = parts.join(&t!("finding-list-separator"));
        let files = t!("finding-files", count = self.files);
        f.write_str(&t!("finding-summary", counts = counts, files = files))?;
        if self.fixable > 0 && self.errors + self.warnings + self.infos == 1 {
            f.write_str(&t!("finding-summary-fixable-it"))?;
        } else if self.fixable > 0 {
            f.write_str(&t!("finding-summary-fixable", count = self.fixable))?;
        }
        Ok(())
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: usize, rule: &str, label: &str) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity: Severity::Warning,
            message: "m".to_owned(),
            help: None,
            pointer: String::new(),
            span: Span::new(start, start + 1),
            label: label.to_owned(),
            related: Vec::new(),
            fix: None,
            choices: Vec::new(),
            remedies: Vec::new(),
        }
    }

    #[test]
    fn sorted_by_place_and_stable() {
        let mut findings = vec![
            at(9, "b", "1"),
            at(3, "b", "2"),
            at(3, "a", "3"),
            at(9, "b", "4"),
            at(0, "z", "5"),
            at(3, "b", "6"),
        ];
        sort_by_place(&mut findings);
        let labels: Vec<&str> = findings.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["5", "3", "2", "6", "1", "4"]);
    }
}
