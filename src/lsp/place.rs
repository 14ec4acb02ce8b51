//! Which node of a loaded plan a place in the text is on.

use crate::document::{pointer_child, Document, Span};
use serde_json::Value;

/// The deepest node whose key or value holds the offset (on a key: that entry).
pub struct Node {
    pub pointer: String,
}

fn holds(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

pub fn node_at(document: &Document, offset: usize) -> Node {
    let mut pointer = String::new();
    let mut value = &document.value;
    'descend: loop {
        let children: Vec<(String, &Value)> = match value {
            Value::Object(map) => map
                .iter()
                .map(|(key, item)| (pointer_child(&pointer, key), item))
                .collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (pointer_child(&pointer, &index.to_string()), item))
                .collect(),
            _ => Vec::new(),
        };
        for (child, item) in children {
            let Some(spans) = document.spans(&child) else {
                continue;
            };
            if spans.key.is_some_and(|key| holds(key, offset)) {
                return Node { pointer: child };
            }
            if holds(spans.value, offset) {
                pointer = child;
                value = item;
                continue 'descend;
            }
        }
        return Node { pointer };
    }
}
