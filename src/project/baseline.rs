//! Baselines: adopt planlint on an existing repository without fixing
//! everything first. `--write-baseline FILE` records today's findings;
//! `--baseline FILE` reports only findings not recorded. Findings are
//! matched by path and fingerprint (rule, pointer and normalized message,
//! never line numbers), so unrelated edits that move lines keep them matched.

use crate::error::UserError;
use crate::finding::fingerprint::fingerprints;
use crate::finding::FileReport;
use crate::i18n::{t, Lang};
use crate::project::read::FileKind;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    /// The language the findings were written in, when not English:
    /// messages are part of a finding's identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
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
    let lang = crate::i18n::language();
    let lang = (lang != Lang::En).then(|| lang.code().to_owned());
    let file = BaselineFile {
        version: 1,
        lang,
        findings,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, UserError> {
        let shown = crate::project::paths::display_path(path);
        let bytes = crate::project::read::read_with_limit(path, FileKind::Baseline, MAX_BASELINE_SIZE)?;
        let text = String::from_utf8_lossy(&bytes);
        let not_a_baseline = |error: serde_json::Error| {
            let reason = error.to_string();
            let message = t!("project-not-a-baseline", file = shown.as_str(), reason = reason);
            UserError::new(message).with_help(t!("project-not-a-baseline-help"))
        };
        // The version first: a newer planlint's baseline may have fields
        // this one does not know, and the version says so more clearly.
        let version: Versioned = serde_json::from_str(&text).map_err(not_a_baseline)?;
        if version.version != Some(1) {
            let file = shown.as_str();
            let message = match version.version {
                Some(version) => {
                    let version = version.to_string();
                    t!("project-baseline-version", file = file, version = version)
                }
                None => t!("project-baseline-no-version", file = file),
            };
            return Err(UserError::new(message).with_help(t!("project-baseline-version-help")));
        }
        let file: BaselineFile = serde_json::from_str(&text).map_err(not_a_baseline)?;
        // A finding is matched by its words: in another language none would
        // match, and every recorded finding would be reported as new.
        let written_in = file
            .lang
            .as_deref()
            .and_then(Lang::from_locale)
            .unwrap_or_default();
        let speaking = crate::i18n::language();
        if written_in != speaking {
            let message = t!(
                "project-baseline-language",
                file = shown.as_str(),
                written = written_in.code(),
                speaking = speaking.code()
            );
            let help = t!("project-baseline-language-help", written = written_in.code());
            return Err(UserError::new(message).with_help(help));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};

    #[test]
    fn a_baseline_in_another_language_is_refused_with_the_way_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        let written = {
            let _chinese = scoped(Lang::Zh);
            render(&[])
        };
        assert!(written.contains("\"lang\": \"zh\""), "{written}");
        std::fs::write(&path, &written).unwrap();
        let english = Baseline::load(&path).unwrap_err();
        assert!(
            english
                .message
                .contains("written in `zh` and this run speaks `en`"),
            "{}",
            english.message
        );
        let _chinese = scoped(Lang::Zh);
        assert!(Baseline::load(&path).is_ok());
        std::fs::write(&path, render(&[]).replace("\"lang\": \"zh\",\n", "")).unwrap();
        let error = Baseline::load(&path).unwrap_err();
        assert!(
            error.message.contains("这份基线是用 `en` 写的"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_baseline_of_another_version_is_named_in_chinese() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, r#"{"version": 2, "findings": []}"#).unwrap();
        let _chinese = scoped(Lang::Zh);
        let error = Baseline::load(&path).unwrap_err();
        assert!(
            error
                .message
                .ends_with("：不支持第 2 版的基线文件（这个 planlint 只能读取第 1 版）"),
            "{}",
            error.message
        );
        std::fs::write(&path, "{}").unwrap();
        let error = Baseline::load(&path).unwrap_err();
        assert!(error
            .message
            .ends_with("：基线文件没有写版本，无法读取（这个 planlint 只能读取第 1 版）"));
        std::fs::write(&path, "not json").unwrap();
        let error = Baseline::load(&path).unwrap_err();
        assert!(
            error.message.contains(" 不是 planlint 的基线文件："),
            "{}",
            error.message
        );
        assert_eq!(
            error.help.as_deref(),
            Some("可用 `planlint check --write-baseline FILE` 生成一个")
        );
    }
}
