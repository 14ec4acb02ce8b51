//! Inline suppressions in YAML comments:
//!
//! ```yaml
//! # planlint-disable-next-line vague-goal, missing-deadline -- brand goal, agreed with the CEO
//! - id: awareness
//! # planlint-disable-file missing-sponsor -- internal pilot
//! ```
//!
//! "Next line" is the next line that is neither blank nor a comment. A
//! suppression that names no known rule is an `invalid-suppression`; one
//! that silences nothing is an `unused-suppression`. JSON has no comments:
//! use `overrides` in the config instead.

use crate::document::{LineIndex, Span};
use crate::finding::{Finding, Severity};
use crate::i18n::t;

use crate::rule::meta::{INVALID_SUPPRESSION, UNUSED_SUPPRESSION};

const NEXT_LINE: &str = "planlint-disable-next-line";
const FILE: &str = "planlint-disable-file";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// 1-based line whose findings are silenced.
    Line(usize),
    File,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Suppression {
    scope: Scope,
    /// Rule ids with their spans in the comment.
    rules: Vec<(String, Span)>,
    /// The whole directive, for a suppression that names no rule.
    span: Span,
}

/// Severities for the findings about suppressions; `None` switches one off.
#[derive(Debug, Clone, Copy)]
pub struct SuppressionLevels {
    pub invalid: Option<Severity>,
    pub unused: Option<Severity>,
}

/// Full-line `#` comments holding a directive. `in_text` tells whether a
/// byte offset lies inside a value written over several lines (a block
/// scalar): a `#` there is the value's text, not a comment.
fn parse(text: &str, in_text: &dyn Fn(usize) -> bool) -> Vec<Suppression> {
    let mut found = Vec::new();
    // Most plans suppress nothing: no need to split them into lines.
    if !text.contains("planlint-disable") {
        return found;
    }
    let (starts, lines) = lines_of(text);
    for (index, (line, &line_start)) in lines.iter().zip(&starts).enumerate() {
        let trimmed = line.trim_start();
        let Some(comment) = trimmed.strip_prefix('#') else {
            continue;
        };
        let comment_start = line_start + (line.len() - trimmed.len()) + 1;
        if in_text(comment_start - 1) {
            continue;
        }
        let body = comment.trim_start();
        let body_start = comment_start + (comment.len() - body.len());
        let (scope, after) = if let Some(rest) = body.strip_prefix(NEXT_LINE) {
            (Scope::Line(next_code_line(&lines, index)), rest)
        } else if let Some(rest) = body.strip_prefix(FILE) {
            (Scope::File, rest)
        } else {
            continue;
        };
        // `-- reason` ends the list of ids.
        let directive_len = body.len() - after.len();
        let ids_part = after
            .split("--")
            .next()
            .unwrap_or_default()
            .trim_end_matches(['\r', '\n']);
        let ids_start = body_start + directive_len;
        let mut rules = Vec::new();
        let mut cursor = 0;
        for piece in ids_part.split(',') {
            let id = piece.trim();
            if !id.is_empty() {
                let within = piece.find(id).unwrap_or(0);
                let start = ids_start + cursor + within;
                rules.push((id.to_owned(), Span::new(start, start + id.len())));
            }
            cursor += piece.len() + 1;
        }
        let span = Span::new(body_start, body_start + body.trim_end().len());
        found.push(Suppression { scope, rules, span });
    }
    found
}

/// The lines of `text` as the line index splits them (a lone `\r` ends a
/// line, as it does for the findings' lines), each with its start; a final
/// break starts no line of its own.
fn lines_of(text: &str) -> (Vec<usize>, Vec<&str>) {
    let index = LineIndex::new(text);
    let (mut starts, mut lines) = (Vec::new(), Vec::new());
    for line in 1..=index.line_count() {
        let Some(range) = index.line_range(text, line) else {
            continue;
        };
        if range.start == text.len() && range.is_empty() {
            break;
        }
        starts.push(range.start);
        lines.push(text.get(range).unwrap_or_default());
    }
    (starts, lines)
}

/// 1-based number of the first line after `index` that is not blank or a
/// comment (one past the end when there is none).
fn next_code_line(lines: &[&str], index: usize) -> usize {
    lines
        .iter()
        .enumerate()
        .skip(index + 1)
        .find(|(_, line)| {
            let trimmed = line.trim();
            !trimmed.is_empty() && !trimmed.starts_with('#')
        })
        .map_or(lines.len() + 1, |(next, _)| next + 1)
}

/// Removes the findings that comments in `text` suppress, and adds findings
/// for invalid and unused suppressions. `known` lists every rule id (sorted);
/// `active` tells whether a rule ran (only those can be unused).
pub fn apply(
    findings: Vec<Finding>,
    text: &str,
    document: &crate::document::Document,
    known: &[String],
    active: &dyn Fn(&str) -> bool,
    levels: SuppressionLevels,
) -> Vec<Finding> {
    let suppressions = parse(text, &|offset| document.inside_multiline_scalar(offset));
    if suppressions.is_empty() {
        return findings;
    }
    let index = LineIndex::new(text);
    let mut used = vec![Vec::new(); suppressions.len()];
    for (slot, suppression) in used.iter_mut().zip(&suppressions) {
        *slot = vec![false; suppression.rules.len()];
    }
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let line = index.position(text, finding.span.start).line;
        let mut silenced = false;
        for (which, suppression) in suppressions.iter().enumerate() {
            let applies = match suppression.scope {
                Scope::File => true,
                Scope::Line(target) => target == line,
            };
            if !applies {
                continue;
            }
            for (rule_index, (id, _)) in suppression.rules.iter().enumerate() {
                if *id == finding.rule {
                    used[which][rule_index] = true;
                    silenced = true;
                }
            }
        }
        if !silenced {
            kept.push(finding);
        }
    }
    for (suppression, used) in suppressions.iter().zip(&used) {
        if suppression.rules.is_empty() {
            if let Some(severity) = levels.invalid {
                kept.push(invalid(
                    severity,
                    suppression.span,
                    t!("lint-values-suppress-no-rule"),
                    None,
                ));
            }
            continue;
        }
        for ((id, span), used) in suppression.rules.iter().zip(used) {
            if known.binary_search(id).is_err() {
                if let Some(severity) = levels.invalid {
                    let help = Some(
                        match crate::suggest::closest(id, known.iter().map(String::as_str)) {
                            Some(suggestion) => t!("lint-values-did-you-mean", suggestion = suggestion),
                            None => t!("lint-values-suppress-rules-help"),
                        },
                    );
                    kept.push(invalid(
                        severity,
                        *span,
                        t!("lint-values-suppress-unknown", id = id.as_str()),
                        help,
                    ));
                }
            } else if !used && active(id) {
                if let Some(severity) = levels.unused {
                    let message = match suppression.scope {
                        Scope::File => t!("lint-values-suppress-unused-file", id = id.as_str()),
                        Scope::Line(_) => t!("lint-values-suppress-unused-line", id = id.as_str()),
                    };
                    kept.push(Finding {
                        rule: UNUSED_SUPPRESSION.into(),
                        severity,
                        message,
                        help: Some(t!("lint-values-suppress-unused-help").into()),
                        pointer: String::new(),
                        span: *span,
                        label: t!("lint-values-suppress-unused-label"),
                        related: Vec::new(),
                        fix: None,
                        choices: Vec::new(),
                        remedies: Vec::new(),
                    });
                }
            }
        }
    }
    crate::finding::sort_by_place(&mut kept);
    kept
}

fn invalid(severity: Severity, span: Span, message: String, help: Option<String>) -> Finding {
    Finding {
        rule: INVALID_SUPPRESSION.into(),
        severity,
        message,
        help: help.map(std::sync::Arc::from),
        pointer: String::new(),
        span,
        label: t!("lint-values-suppress-unknown-label"),
        related: Vec::new(),
        fix: None,
        choices: Vec::new(),
        remedies: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(text: &str) -> Vec<Suppression> {
        parse(text, &|_| false)
    }

    /// A block scalar's line that reads like a directive is its text.
    #[test]
    fn text_inside_a_block_scalar_is_not_a_comment() {
        let text = "note: |\n  # planlint-disable-file vague-goal\n  more\n# planlint-disable-file missing-sponsor\n";
        let document = crate::document::load(text, &crate::document::LoadLimits::default()).unwrap();
        let found = parse(text, &|offset| document.inside_multiline_scalar(offset));
        let ids: Vec<&str> = found
            .iter()
            .flat_map(|s| s.rules.iter().map(|(id, _)| id.as_str()))
            .collect();
        assert_eq!(ids, ["missing-sponsor"]);
    }

    #[test]
    fn parses_ids_spans_and_the_next_code_line() {
        let text =
            "a: 1\n# planlint-disable-next-line vague-goal, missing-deadline -- agreed\n\n# note\nb: 2\n";
        let found = parse_all(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].scope, Scope::Line(5));
        let ids: Vec<&str> = found[0]
            .rules
            .iter()
            .map(|(id, span)| {
                assert_eq!(&text[span.start..span.end], id);
                id.as_str()
            })
            .collect();
        assert_eq!(ids, ["vague-goal", "missing-deadline"]);
    }

    /// A lone `\r` ends a line for suppressions as it does for findings'
    /// lines (the line index): the target is the line after the comment.
    #[test]
    fn lines_ended_by_a_lone_cr_count_as_the_findings_do() {
        let text = "a: 1\r# planlint-disable-next-line vague-goal\rb: 2\r\nc: 3";
        let found = parse_all(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].scope, Scope::Line(3));
        let (id, span) = &found[0].rules[0];
        assert_eq!(&text[span.start..span.end], id);
        let b = text.find("b:").unwrap();
        assert_eq!(LineIndex::new(text).position(text, b).line, 3);
    }

    #[test]
    fn file_scope_and_no_reason() {
        let found = parse_all("  #planlint-disable-file missing-sponsor\r\nx: 1\r\n");
        assert_eq!(found[0].scope, Scope::File);
        assert_eq!(found[0].rules[0].0, "missing-sponsor");
    }

    #[test]
    fn ordinary_comments_are_ignored() {
        assert!(parse_all("# planlint is great\nname: x # planlint-disable-file foo\n").is_empty());
    }

    #[test]
    fn findings_about_suppressions_speak_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let text = "# planlint-disable-file vague-gaol\n# planlint-disable-next-line missing-sponsor\na: 1\n# planlint-disable-file\n";
        let document = crate::document::load(text, &crate::document::LoadLimits::default()).unwrap();
        let known = vec!["missing-sponsor".to_owned(), "vague-goal".to_owned()];
        let levels = SuppressionLevels {
            invalid: Some(Severity::Warning),
            unused: Some(Severity::Warning),
        };
        let found = apply(Vec::new(), text, &document, &known, &|_| true, levels);
        let said: Vec<(&str, Option<&str>, &str)> = found
            .iter()
            .map(|f| (f.message.as_str(), f.help.as_deref(), f.label.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "`vague-gaol` 不是规则 ID，所以什么也没有屏蔽",
                    Some("是不是想写 `vague-goal`？"),
                    "未知规则"
                ),
                (
                    "`missing-sponsor` 在下一行没有报告任何问题：这条屏蔽注释没有起作用",
                    Some("删掉它，免得它以后把新出现的问题也藏起来"),
                    "没有屏蔽任何问题"
                ),
                ("这条屏蔽注释没有写规则 ID", None, "未知规则"),
            ]
        );
    }
}
