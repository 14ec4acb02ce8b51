//! Running a compiled rule on a document: select nodes, run each check's
//! function, turn violations into findings at their spans.

use crate::document::Lookup;
use crate::document::{dotted, dotted_pointer, Document, Span};
use crate::finding::{Finding, Severity};
use crate::i18n::t;
use crate::lint::compile::{CompiledCheck, CompiledRule};
use crate::lint::functions::{Context, LazyPointer, Target, Violation};
use crate::lint::template::Template;
use crate::rule::meta::RULE_ERROR;
use serde_json::Value;
use std::sync::Arc;

/// What one check selected: the node, and the value it tests in it.
struct Selected<'a> {
    node: &'a Value,
    node_pointer: &'a str,
    /// Pointer of the tested value (the node, or its `field`).
    target_pointer: &'a str,
    /// The `field` is absent from the node.
    target_missing: bool,
}

/// Runs `rule` on `plan` (the plan as meant), with spans from `document`.
pub(crate) fn run_rule(
    rule: &CompiledRule,
    plan: &Value,
    document: &Document,
    context: Context<'_>,
    out: &mut Vec<Finding>,
) {
    let mut violations = Vec::new();
    for check in &rule.checks {
        for path in &check.paths {
            path.for_each(plan, &mut |node, location| {
                let field = check.field.as_deref();
                let value = match field {
                    // A field of something that is not a mapping is the schema's business.
                    Some(_) if !node.is_object() => return,
                    Some(field) => dotted(node, field),
                    None => Some(node),
                };
                let make_node_pointer = || location.pointer();
                let node_pointer = LazyPointer::new(&make_node_pointer);
                let make_pointer = || match field {
                    Some(field) => dotted_pointer(node_pointer.get(), field),
                    None => node_pointer.get().to_owned(),
                };
                let pointer = LazyPointer::new(&make_pointer);
                violations.clear();
                check
                    .function
                    .check(Target::new(&pointer, value), context, &mut violations);
                for violation in violations.drain(..) {
                    let selected = Selected {
                        node,
                        node_pointer: node_pointer.get(),
                        target_pointer: pointer.get(),
                        target_missing: value.is_none(),
                    };
                    out.push(finding(
                        rule,
                        check,
                        plan,
                        document,
                        context.metrics.sections(),
                        &selected,
                        violation,
                    ));
                }
            });
        }
    }
}

/// The label of a finding that says a rule could not check a value it
/// could not read (the engine keeps one finding per such value when a rule
/// names the value itself), in the language of the run.
pub(crate) fn could_not_check() -> String {
    t!("lint-rules-label-cannot-be-read")
}

fn finding(
    rule: &CompiledRule,
    check: &CompiledCheck,
    plan: &Value,
    document: &Document,
    metrics: &Value,
    selected: &Selected<'_>,
    violation: Violation,
) -> Finding {
    // A missing field is reported at the mapping that lacks it, so the
    // pointer always names a node that exists.
    let (pointer, label) = match (violation.pointer.clone(), &check.field) {
        (Some(pointer), _) => (
            pointer,
            violation
                .label
                .clone()
                .unwrap_or_else(|| t!("lint-rules-label-here")),
        ),
        (None, Some(field)) if selected.target_missing => (
            selected.node_pointer.to_owned(),
            t!("lint-rules-no-field-here", field = format!("`{field}`")),
        ),
        (None, _) => (selected.target_pointer.to_owned(), t!("lint-rules-label-here")),
    };
    if let Some(reason) = &violation.error {
        return rule_error(rule, check, document, pointer, reason);
    }
    // A value the rule needed but could not read is named, not skipped.
    if let Some(unreadable) = &violation.unreadable {
        return Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: t!(
                "lint-rules-unreadable",
                place = crate::lint::place::describe(&pointer, &document.value),
                written = crate::lint::functions::quoted(&unreadable.written),
                noun = unreadable.noun.as_str()
            ),
            help: Some(t!("lint-rules-unreadable-help", noun = unreadable.noun.as_str()).into()),
            span: finding_span(document, &pointer),
            pointer,
            label: could_not_check(),
            related: Vec::new(),
            fix: None,
            choices: Vec::new(),
            remedies: Vec::new(),
        };
    }
    let template = Template {
        plan,
        metrics,
        rule,
        check,
        node: selected.node,
        node_pointer: selected.node_pointer,
        violation: &violation,
    };
    let rendered = template.render(&check.message).and_then(|message| {
        // A help without placeholders is the same text for every finding:
        // shared, not copied (300,000 findings of one check cost one help).
        let help = match &check.help {
            Some(help) if !help.contains('{') => Some(std::sync::Arc::clone(help)),
            Some(help) => Some(template.render(help)?.into()),
            None => None,
        };
        let remedy = check
            .remedy
            .as_deref()
            .map(|remedy| template.render(remedy))
            .transpose()?;
        Ok((message, help, remedy))
    });
    let (message, help, worded) = match rendered {
        Ok(rendered) => rendered,
        Err(unfilled) => {
            let reason = t!("lint-rules-placeholder-unfilled", name = unfilled);
            return rule_error(rule, check, document, pointer, &reason);
        }
    };
    let help = with_remedy(help, worded, &violation.remedies);
    Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message,
        help,
        span: finding_span(document, &pointer),
        pointer,
        label,
        related: Vec::new(),
        fix: None,
        choices: remedy_edits(document, &violation.remedies),
        remedies: violation.remedies,
    }
}

/// The help line with the remedy said first: the rule's own words for it
/// (its `remedy` template), else the remedies' words.
fn with_remedy(
    help: Option<Arc<str>>,
    worded: Option<String>,
    remedies: &[crate::finding::Remedy],
) -> Option<Arc<str>> {
    let sentence = match worded {
        Some(words) => Some(t!("finding-remedy-one", remedy = words)),
        None => crate::finding::remedy::sentence(remedies),
    };
    match (sentence, help) {
        (Some(sentence), Some(help)) => {
            Some(t!("lint-rules-remedy-then-help", remedy = sentence, help = &*help).into())
        }
        // Without a remedy the help stays shared, not copied.
        (sentence, help) => sentence.map(Arc::from).or(help),
    }
}

/// Each remedy whose field is written in the plan, as an edit to pick (an
/// editor's quick fix, never preferred).
fn remedy_edits(document: &Document, remedies: &[crate::finding::Remedy]) -> Vec<crate::finding::Fix> {
    remedies
        .iter()
        .filter(|remedy| {
            document
                .value
                .lookup(&remedy.pointer)
                .is_some_and(|v| !v.is_object() && !v.is_array())
        })
        .map(|remedy| crate::finding::Fix {
            title: remedy.action.clone(),
            span: finding_span(document, &remedy.pointer),
            // Quoted strings (dates) read the same in YAML and JSON.
            replacement: remedy.value.to_string(),
        })
        .collect()
}

/// A rule that could not be evaluated at `pointer`: reported there, naming
/// the rule and its place, never silently skipped.
fn rule_error(
    rule: &CompiledRule,
    check: &CompiledCheck,
    document: &Document,
    pointer: String,
    reason: &str,
) -> Finding {
    Finding {
        rule: RULE_ERROR.to_owned(),
        severity: Severity::Error,
        message: t!(
            "lint-rules-rule-error",
            rule = rule.id.as_str(),
            place = check.defined_at.to_string(),
            reason = reason
        ),
        help: Some(t!("lint-rules-rule-error-help", place = check.defined_at.to_string()).into()),
        span: finding_span(document, &pointer),
        pointer,
        label: t!("lint-rules-label-rule-fails"),
        related: Vec::new(),
        fix: None,
        choices: Vec::new(),
        remedies: Vec::new(),
    }
}

/// Where a finding at `pointer` is underlined: the node, or for a finding
/// about the whole plan (the root) the document from its first byte, not
/// its first key (reports show a long span by its first line).
fn finding_span(document: &Document, pointer: &str) -> Span {
    let span = document.pointer_span(pointer);
    if pointer.is_empty() {
        Span::new(0, span.end)
    } else {
        span
    }
}
