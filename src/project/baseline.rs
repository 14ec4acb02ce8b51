//! Baselines: adopt planlint on an existing repository without fixing
//! everything first. `--write-baseline FILE` records today's findings;
//! `--baseline FILE` reports only findings not recorded. Findings are
//! matched by path and fingerprint (rule, pointer and normalized message,
//! never line numbers), so unrelated edits that move lines keep them matched.

use crate::error::UserError;
use crate::finding::fingerprint::fingerprints;
use crate::finding::FileReport;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// Just the version of a baseline file, read before anything else.
#[derive(Deserialize)]
struct Versioned {
    #[serde(default)]
    version: Option<u64>,
}

/// Largest baseline read: about 10 times the biggest one seen (64,020
/// findings of a large repository took 10.7 MB).
const MAX_BASELINE_SIZE: u64 = 128 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    rule: String,
    fingerprint: String,
    /// For people reading the file; not used for matching.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    message: String,
}

/// Recorded findings, matched by (path, fingerprint).
#[derive(Debug, Default)]
pub struct Baseline {
    known: HashSet<(String, String)>,
}

/// The baseline file for `reports`, as JSON text.
pub fn render(reports: &[FileReport]) -> String {
    let mut findings = Vec::new();
    for report in reports {
        for (finding, fingerprint) in report.findings.iter().zip(fingerprints(report)) {
            findings.push(Entry {
                path: report.path.clone(),
                rule: finding.rule.clone(),
                fingerprint,
                message: finding.message.clone(),
            });
        }
    }
    let file = BaselineFile { version: 1, findings };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, UserError> {
        let shown = crate::project::paths::display_path(path);
        let bytes = crate::project::read::read_with_limit(path, "baseline", MAX_BASELINE_SIZE)?;
        let text = String::from_utf8_lossy(&bytes);
        let not_a_baseline = |error: serde_json::Error| {
            UserError::new(format!("{shown} is not a planlint baseline: {error}"))
                .with_help("write one with `planlint check --write-baseline FILE`")
        };
        // The version first: a newer planlint's baseline may have fields
        // this one does not know, and the version says so more clearly.
        let version: Versioned = serde_json::from_str(&text).map_err(not_a_baseline)?;
        if version.version != Some(1) {
            let written = version
                .version
                .map_or("no version".to_owned(), |version| format!("version {version}"));
            return Err(UserError::new(format!(
                "{shown}: baseline {written} is not supported (this planlint reads version 1)"
            ))
            .with_help("write it again with this planlint: `planlint check --write-baseline FILE`"));
        }
        let file: BaselineFile = serde_json::from_str(&text).map_err(not_a_baseline)?;
        Ok(Baseline {
            known: file
                .findings
                .into_iter()
                .map(|entry| (entry.path, entry.fingerprint))
                .collect(),
        })
    }

    /// The findings of `reports` as a baseline: what `--new-from-rev`
    /// compares with, the plans as they were in that revision.
    pub fn of(reports: &[FileReport]) -> Baseline {
        Baseline {
            known: reports
                .iter()
                .flat_map(|report| {
                    fingerprints(report)
                        .into_iter()
                        .map(|print| (report.path.clone(), print))
                })
                .collect(),
        }
    }

    /// Drops the findings the baseline records; returns how many.
    pub fn filter(&self, reports: &mut [FileReport]) -> usize {
        let mut dropped = 0;
        for report in reports.iter_mut() {
            let prints = fingerprints(report);
            let path = report.path.clone();
            let mut index = 0;
            report.findings.retain(|_| {
                let known = self.known.contains(&(path.clone(), prints[index].clone()));
                index += 1;
                dropped += usize::from(known);
                !known
            });
        }
        dropped
    }
}
