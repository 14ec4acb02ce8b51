//! Running a compiled rule on a document: select nodes, run each check's
//! function, turn violations into findings at their spans.

use crate::document::{dotted, dotted_pointer, Document};
use crate::finding::Finding;
use crate::lint::compile::{CompiledCheck, CompiledRule};
use crate::lint::functions::{Context, LazyPointer, Target, Violation};
use crate::lint::schema::display_path;
use crate::lint::template::Template;
use serde_json::Value;

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
            for located in path.query_located(plan) {
                let node = located.node();
                let field = check.field.as_deref();
                let value = match field {
                    // A field of something that is not a mapping is the schema's business.
                    Some(_) if !node.is_object() => continue,
                    Some(field) => dotted(node, field),
                    None => Some(node),
                };
                let make_node_pointer = || located.location().to_json_pointer();
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
                    out.push(finding(rule, check, plan, document, &selected, violation));
                }
            }
        }
    }
}

fn finding(
    rule: &CompiledRule,
    check: &CompiledCheck,
    plan: &Value,
    document: &Document,
    selected: &Selected<'_>,
    violation: Violation,
) -> Finding {
    // A missing field is reported at the mapping that lacks it, so the
    // pointer always names a node that exists.
    let (pointer, label) = match (violation.pointer.clone(), &check.field) {
        (Some(pointer), _) => (pointer, "here".to_owned()),
        (None, Some(field)) if selected.target_missing => {
            (selected.node_pointer.to_owned(), format!("no `{field}` here"))
        }
        (None, _) => (selected.target_pointer.to_owned(), "here".to_owned()),
    };
    let template = Template {
        plan,
        rule,
        check,
        node: selected.node,
        node_pointer: selected.node_pointer,
        violation: &violation,
    };
    // A value the rule needed but could not read is named, not skipped.
    let (message, help) = match &violation.unreadable {
        Some(unreadable) => (
            format!(
                "{} is {:?}, which is not {}: this rule could not check it",
                display_path(&pointer),
                unreadable.written,
                unreadable.noun
            ),
            Some(format!(
                "write {} there, so that the rule can check the plan",
                unreadable.noun
            )),
        ),
        None => (
            template.render(&check.message),
            check.help.as_deref().map(|help| template.render(help)),
        ),
    };
    Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message,
        help,
        span: document.pointer_span(&pointer),
        pointer,
        label,
        related: Vec::new(),
        fix: None,
    }
}
