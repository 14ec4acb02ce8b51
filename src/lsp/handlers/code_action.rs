//! Code actions: a finding's certain fix as the preferred quick fix, and
//! for any finding a suppression comment on its line or for the whole file
//! (with a `-- reason` for the writer to fill in). JSON has no comments:
//! a JSON plan gets no suppression, and only fixes that leave it JSON.

use crate::finding::{Finding, Fix};
use crate::i18n::t;
use crate::lsp::analysis::Analysis;
use crate::lsp::diagnostics::{of_finding, uri};
use crate::lsp::text::{Encoding, Lines};
use crate::rule::meta::PARSE_ERROR;
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, WorkspaceEdit};
use std::collections::HashMap;

pub struct Request<'a> {
    pub analysis: &'a Analysis,
    pub text: &'a str,
    /// Whether the buffer is JSON (by its name or language).
    pub json: bool,
    pub uri: &'a str,
    /// The byte range the editor asks about.
    pub start: usize,
    pub end: usize,
    pub encoding: Encoding,
}

pub fn code_actions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let lines = request.analysis.lines(request.text);
    // JSON has no comments: suppressions there go in the config's overrides.
    // A YAML buffer written as one flow collection is treated alike.
    let comments_allowed = !request.json && !request.text.trim_start().starts_with(['{', '[']);
    let mut actions = Vec::new();
    let mut suppressed_rules: Vec<&str> = Vec::new();
    for finding in request
        .analysis
        .findings()
        .iter()
        .filter(|finding| finding.span.start <= request.end && finding.span.end >= request.start)
    {
        if let Some(fix) = finding
            .fix
            .as_ref()
            .filter(|fix| !request.json || stays_json(request.text, fix))
        {
            let edit = TextEdit::new(lines.range(fix.span, request.encoding), fix.replacement.clone());
            actions.push(action(request, &lines, finding, fix.title.clone(), edit, true));
        }
        // A value that reads two ways: one quick fix per reading, none
        // preferred, so the writer picks.
        for choice in &finding.choices {
            let edit = TextEdit::new(
                lines.range(choice.span, request.encoding),
                choice.replacement.clone(),
            );
            actions.push(action(
                request,
                &lines,
                finding,
                choice.title.clone(),
                edit,
                false,
            ));
        }
        if !comments_allowed || finding.rule == PARSE_ERROR {
            continue;
        }
        let line_start = lines.line_start_of(finding.span.start);
        let line = lines.line_of(finding.span.start);
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        let here = lines.position(line_start, request.encoding);
        let reason = t!("lsp-suppress-reason");
        let comment = format!(
            "{indent}# planlint-disable-next-line {} -- {reason}\n",
            finding.rule
        );
        let title = t!("lsp-suppress-line", rule = finding.rule.as_str());
        let edit = TextEdit::new(lsp_types::Range::new(here, here), comment);
        actions.push(action(request, &lines, finding, title, edit, false));
        if !suppressed_rules.contains(&finding.rule.as_str()) {
            suppressed_rules.push(&finding.rule);
            let top = file_comment_offset(request.text);
            let at = lines.position(top, request.encoding);
            let comment = format!("# planlint-disable-file {} -- {reason}\n", finding.rule);
            let title = t!("lsp-suppress-file", rule = finding.rule.as_str());
            let edit = TextEdit::new(lsp_types::Range::new(at, at), comment);
            actions.push(action(request, &lines, finding, title, edit, false));
        }
    }
    actions
}

/// Whether `text` with `fix` applied is still JSON (a fix written for YAML
/// may drop the quotes a JSON key or text needs).
fn stays_json(text: &str, fix: &Fix) -> bool {
    let (fixed, applied) = crate::finding::fix::apply(text, [fix]);
    applied == 1
        && serde_json::from_str::<serde::de::IgnoredAny>(fixed.trim_start_matches('\u{feff}')).is_ok()
}

/// File-wide suppressions go first, after a schema modeline if there is one.
fn file_comment_offset(text: &str) -> usize {
    match text.split_inclusive('\n').next() {
        Some(first) if first.trim_start().starts_with("# yaml-language-server:") => first.len(),
        _ => 0,
    }
}

fn action(
    request: &Request<'_>,
    lines: &Lines<'_>,
    finding: &Finding,
    title: String,
    edit: TextEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    let config = request.analysis.config.as_deref();
    let diagnostic = of_finding(finding, lines, request.uri, request.encoding, config);
    // lsp-types' `Uri` caches its parsed parts inside; the map is built
    // here and never changed, so no key moves.
    #[allow(clippy::mutable_key_type)]
    let changes: HashMap<_, _> = uri(request.uri)
        .map(|target| (target, vec![edit]))
        .into_iter()
        .collect();
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}
