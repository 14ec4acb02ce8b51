//! Output formats. Each one turns reports into text. Formats that list the
//! rules (SARIF) get their descriptions as plain data in [`Options`]; no
//! format knows how rules work.

mod human;
mod json;
pub mod metrics;

use crate::finding::{FileReport, Severity};
use std::io::{self, Write};

/// The formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with the offending text underlined (miette).
    Human,
    /// Machine-readable findings with exact ranges (schemas/report.schema.json).
    Json,
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
}

impl Options<'_> {
    /// Options for plain output without rule metadata (tests, tools).
    pub fn plain() -> Options<'static> {
        Options {
            color: false,
            rules: &[],
        }
    }
}

/// planlint's version, as reports state it.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Writes `reports` (already sorted by path) in `format`.
pub fn write(
    format: Format,
    reports: &[FileReport],
    options: Options<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(reports, options, out),
        Format::Json => json::write(reports, out),
    }
}
