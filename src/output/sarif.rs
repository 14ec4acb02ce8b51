//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning ingests it.
//!
//! One run; `tool.driver.rules` lists every rule that ran (and any rule a
//! finding names that is not in that list), results point into it with
//! `ruleIndex`. Artifact URIs are the reported paths, relative to
//! `%SRCROOT%` (the directory planlint ran in, normally the repository
//! root). Columns count Unicode code points (`columnKind`), as the other
//! formats do. `partialFingerprints` come from [`crate::finding::fingerprint`].

use super::{file_uri, uri_path, Options, Region, RuleInfo, TOOL_URI, TOOL_VERSION};
use crate::document::LineIndex;
use crate::finding::fingerprint;
use crate::finding::{FileReport, Severity};
use crate::i18n::t;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    /// Omitted when it would only repeat the id (`schema`): SARIF wants the
    /// two to differ (the multitool's SARIF1001).
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    short_description: Text,
    full_description: Text,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    /// planlint's own data: the remedies, structured as in the JSON report.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties<'a>>,
}

#[derive(Serialize)]
struct Properties<'a> {
    remedies: &'a [crate::finding::Remedy],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: SarifRegion,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    /// `%SRCROOT%` for paths inside the working directory; none for an
    /// absolute `file://` URI (a plan named outside it).
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

impl ArtifactLocation {
    fn of(path: &str) -> Self {
        let resolved = without_dot_segments(path);
        let path = resolved.as_deref().unwrap_or(path);
        match file_uri(path) {
            Some(uri) => ArtifactLocation {
                uri,
                uri_base_id: None,
            },
            None => ArtifactLocation {
                uri: uri_path(path),
                uri_base_id: Some(SRCROOT),
            },
        }
    }
}

/// SARIF's file URIs must not hold `.` or `..` segments: a path with them
/// (`../shared/a.plan.yaml`) is made absolute against the working
/// directory and its dot segments resolved, without asking the file system.
fn without_dot_segments(path: &str) -> Option<String> {
    if !path.split('/').any(|segment| segment == "." || segment == "..") {
        return None;
    }
    let absolute = if path.starts_with('/') || path.as_bytes().get(1) == Some(&b':') {
        path.to_owned()
    } else {
        let cwd = std::env::current_dir().ok()?;
        format!(
            "{}/{path}",
            cwd.to_string_lossy().replace('\\', "/").trim_end_matches('/')
        )
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in absolute.split('/') {
        match segment {
            "." => {}
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
            }
            other => segments.push(other),
        }
    }
    Some(segments.join("/"))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

impl From<Region> for SarifRegion {
    fn from(region: Region) -> Self {
        SarifRegion {
            start_line: region.start_line,
            start_column: region.start_column,
            end_line: region.end_line,
            end_column: region.end_column,
        }
    }
}

/// SARIF's name for a severity.
pub(crate) fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `vague-goal` -> `VagueGoal`.
pub(crate) fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A sentence as SARIF wants plain-text messages: ending with a full stop
/// (`.` in English, `。` in Chinese).
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?', '。', '！', '？']) {
        text.to_owned()
    } else {
        format!("{text}{}", t!("output-sarif-full-stop"))
    }
}

fn rule(info: &RuleInfo) -> Rule {
    let why = info.description.trim();
    let (text, markdown) = match info.help.as_deref().map(str::trim) {
        Some(help) => (
            format!("{}\n\n{why}", sentence(help)),
            t!("output-sarif-help-markdown", help = sentence(help), why = why),
        ),
        None => (why.to_owned(), why.to_owned()),
    };
    let markdown = match &info.url {
        Some(url) => format!(
            "{markdown}\n\n{}",
            t!("output-sarif-documentation", url = url.as_str())
        ),
        None => markdown,
    };
    let name = pascal_case(&info.id);
    Rule {
        id: info.id.clone(),
        name: (!name.eq_ignore_ascii_case(&info.id)).then_some(name),
        short_description: Text {
            text: sentence(&info.summary),
        },
        full_description: Text { text: sentence(why) },
        help: Help { text, markdown },
        help_uri: info.url.clone(),
        default_configuration: Configuration {
            level: level(info.severity),
        },
    }
}

/// Rule metadata for a finding whose rule the options do not list.
fn unlisted(id: &str, severity: Severity) -> RuleInfo {
    RuleInfo {
        id: id.to_owned(),
        severity,
        summary: t!("output-sarif-unlisted-summary", rule = id),
        description: t!("output-sarif-unlisted-description", rule = id),
        help: None,
        url: None,
    }
}

/// The rules that ran, and any a finding names that is not among them.
fn rule_list(reports: &[FileReport], options: Options<'_>) -> Vec<RuleInfo> {
    let mut infos: Vec<RuleInfo> = options.rules.to_vec();
    for finding in reports.iter().flat_map(|report| &report.findings) {
        if !infos.iter().any(|info| info.id == finding.rule) {
            infos.push(unlisted(&finding.rule, finding.severity));
        }
    }
    infos
}

/// The SARIF log, written a result at a time: the same bytes as
/// pretty-printing the whole log, without holding every result at once.
pub fn write(reports: &[FileReport], options: Options<'_>, out: &mut dyn Write) -> io::Result<()> {
    let infos = rule_list(reports, options);
    let index_of: BTreeMap<&str, usize> = infos
        .iter()
        .enumerate()
        .map(|(i, info)| (info.id.as_str(), i))
        .collect();
    let tool = Tool {
        driver: Driver {
            name: "planlint",
            version: TOOL_VERSION,
            semantic_version: TOOL_VERSION,
            information_uri: TOOL_URI,
            rules: infos.iter().map(rule).collect(),
        },
    };
    let schema = serde_json::to_string(SCHEMA).map_err(io::Error::other)?;
    write!(
        out,
        "{{\n  \"$schema\": {schema},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": "
    )?;
    super::write_pretty_at(&tool, 6, out)?;
    drop(tool);
    out.write_all(b",\n      \"results\": [")?;
    let mut written = 0;
    for report in reports {
        written += write_results(report, &index_of, written, out)?;
    }
    out.write_all(if written == 0 { b"]" } else { b"\n      ]" })?;
    out.write_all(b",\n      \"columnKind\": \"unicodeCodePoints\"\n    }\n  ]\n}\n")
}

/// The results of one file's findings (`before` results were written
/// already); returns how many were written.
fn write_results(
    report: &FileReport,
    index_of: &BTreeMap<&str, usize>,
    before: usize,
    out: &mut dyn Write,
) -> io::Result<usize> {
    if report.findings.is_empty() {
        return Ok(0);
    }
    let source = report.text().unwrap_or_default();
    let lines = LineIndex::new(&source);
    let artifact = ArtifactLocation::of(&report.path);
    let location = |region: Region, id: Option<usize>, message: Option<Text>| Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: artifact.uri.clone(),
                uri_base_id: artifact.uri_base_id,
            },
            region: region.into(),
        },
        message,
    };
    let fingerprints = fingerprint::fingerprints(report);
    for (i, (finding, fingerprint)) in report.findings.iter().zip(fingerprints).enumerate() {
        let region = Region::of(&lines, &source, finding.span);
        let related = finding
            .related
            .iter()
            .enumerate()
            .map(|(i, related)| {
                location(
                    Region::of(&lines, &source, related.span),
                    Some(i),
                    Some(Text {
                        text: sentence(&related.message),
                    }),
                )
            })
            .collect();
        let mut message = sentence(&finding.message);
        if let Some(help) = &finding.help {
            message = t!(
                "output-sarif-message-help",
                message = message,
                help = sentence(help)
            );
        }
        let result = SarifResult {
            rule_id: &finding.rule,
            rule_index: index_of.get(finding.rule.as_str()).copied().unwrap_or_default(),
            level: level(finding.severity),
            message: Text { text: message },
            locations: [location(region, None, None)],
            related_locations: related,
            partial_fingerprints: BTreeMap::from([(fingerprint::KEY, fingerprint)]),
            properties: (!finding.remedies.is_empty()).then_some(Properties {
                remedies: &finding.remedies,
            }),
        };
        out.write_all(if before + i == 0 {
            b"\n        "
        } else {
            b",\n        "
        })?;
        super::write_pretty_at(&result, 8, out)?;
    }
    Ok(report.findings.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_sentences() {
        assert_eq!(pascal_case("vague-goal"), "VagueGoal");
        assert_eq!(pascal_case("parse-error"), "ParseError");
        assert_eq!(pascal_case("schema"), "Schema");
        assert_eq!(pascal_case("cac-exceeds-ltv"), "CacExceedsLtv");
        assert_eq!(sentence("no deadline"), "no deadline.");
        assert_eq!(sentence("Done. "), "Done.");
    }

    #[test]
    fn chinese_sentences_end_with_a_chinese_full_stop() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(sentence("目标没有截止日期"), "目标没有截止日期。");
        assert_eq!(sentence("目标没有截止日期。"), "目标没有截止日期。");
        assert_eq!(sentence("改成 `target: 100`！"), "改成 `target: 100`！");
        let info = unlisted("house/channel-cap", Severity::Error);
        assert_eq!(info.summary, "planlint 规则 house/channel-cap。");
        let rule = rule(&RuleInfo {
            help: Some("添加 `deadline:`".into()),
            url: Some("https://example.com/r".into()),
            ..info
        });
        assert_eq!(
            rule.help.markdown,
            "**如何修正**：添加 `deadline:`。\n\n**为什么**：planlint 规则 house/channel-cap 发现的问题。\n\n[文档](https://example.com/r)"
        );
    }

    #[test]
    fn uris_have_no_dot_segments() {
        assert_eq!(without_dot_segments("plans/a.plan.yaml"), None);
        assert_eq!(
            without_dot_segments("/a/b/../c/./d.plan.yaml").as_deref(),
            Some("/a/c/d.plan.yaml")
        );
        assert_eq!(
            without_dot_segments("/../x.plan.yaml").as_deref(),
            Some("/x.plan.yaml")
        );
        let relative = ArtifactLocation::of("../shared/a.plan.yaml");
        assert!(relative.uri.starts_with("file:///"), "{}", relative.uri);
        assert!(
            !relative.uri.contains("/../") && relative.uri_base_id.is_none(),
            "{}",
            relative.uri
        );
    }
}
