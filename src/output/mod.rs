//! Output formats. Each one turns reports into text and knows nothing of
//! rules.

mod human;
mod json;
pub mod metrics;

use crate::finding::FileReport;
use std::io::{self, Write};

/// The formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with the offending text underlined (miette).
    Human,
    /// Machine-readable findings with exact ranges (schemas/report.schema.json).
    Json,
}

/// How a format may present itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// ANSI colours in human output.
    pub color: bool,
}

/// Writes `reports` (already sorted by path) in `format`.
pub fn write(format: Format, reports: &[FileReport], style: Style, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::write(reports, style, out),
        Format::Json => json::write(reports, out),
    }
}
