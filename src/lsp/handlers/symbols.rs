//! Document symbols: the plan's sections, with its goals, target customer
//! segments and channels by name, for an editor's outline.

use crate::document::{pointer_child, Span};
use crate::i18n::t;
use crate::lsp::analysis::Analysis;
use crate::lsp::text::{Encoding, Lines};
use lsp_types::{DocumentSymbol, SymbolKind};
use serde_json::Value;

pub fn symbols(analysis: &Analysis, text: &str, encoding: Encoding) -> Vec<DocumentSymbol> {
    let Some(structure) = analysis.plan() else {
        return Vec::new();
    };
    let lines = analysis.lines(text);
    let document = &structure.document;
    let Some(root) = document.value.as_object() else {
        return Vec::new();
    };
    root.iter()
        .filter_map(|(key, value)| {
            let pointer = pointer_child("", key);
            let spans = document.spans(&pointer)?;
            let children: Vec<DocumentSymbol> = match value {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .filter_map(|(index, item)| {
                        let item_pointer = pointer_child(&pointer, &index.to_string());
                        let span = document.spans(&item_pointer)?.value;
                        Some(symbol(
                            &lines,
                            encoding,
                            item_name(item, index),
                            span,
                            span,
                            kind_of(key),
                            Vec::new(),
                        ))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let key_span = spans.key.unwrap_or(spans.value);
            let whole = Span::new(key_span.start, spans.value.end.max(key_span.end));
            Some(symbol(
                &lines,
                encoding,
                key.clone(),
                whole,
                key_span,
                SymbolKind::NAMESPACE,
                children,
            ))
        })
        .collect()
}

fn kind_of(section: &str) -> SymbolKind {
    match section {
        "goals" => SymbolKind::EVENT,
        "channels" => SymbolKind::INTERFACE,
        "target_customers" => SymbolKind::CLASS,
        _ => SymbolKind::OBJECT,
    }
}

/// A list item's name: its `name`, `id` or `statement`, else its number.
fn item_name(item: &Value, index: usize) -> String {
    ["name", "id", "statement", "stage"]
        .iter()
        .find_map(|key| item.get(*key).and_then(Value::as_str))
        .map(str::to_owned)
        .unwrap_or_else(|| format!("#{}", index + 1))
}

#[allow(deprecated)] // `deprecated` is a required field of the struct
fn symbol(
    lines: &Lines<'_>,
    encoding: Encoding,
    name: String,
    span: Span,
    selection: Span,
    kind: SymbolKind,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.trim().is_empty() {
            t!("lsp-unnamed")
        } else {
            name
        },
        detail: None,
        kind,
        tags: None,
        deprecated: None,
        range: lines.range(span, encoding),
        selection_range: lines.range(selection, encoding),
        children: (!children.is_empty()).then_some(children),
    }
}
