//! The starter plan as JSON, for `planlint init NAME.plan.json`: the YAML
//! template's data, its fields in the template's order (JSON has no
//! comments, so the guidance stays in the YAML template and `explain`).

use crate::document::{load, pointer_child, Document, LoadLimits};
use serde_json::Value;

/// `template` (YAML) written as pretty JSON, keys in the order written.
pub(super) fn template_as_json(template: &str) -> Option<String> {
    let document = load(template, &LoadLimits::default()).ok()?;
    let mut out = String::new();
    write_value(&document, &document.value, "", 0, &mut out);
    out.push('\n');
    Some(out)
}

fn write_value(document: &Document, value: &Value, pointer: &str, depth: usize, out: &mut String) {
    let indent = |level: usize| "  ".repeat(level);
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|key| document.key_or_value_span(&pointer_child(pointer, key)).start);
            out.push_str("{\n");
            for (index, key) in keys.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(": ");
                let child = pointer_child(pointer, key);
                write_value(document, &map[key.as_str()], &child, depth + 1, out);
                out.push_str(if index + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            // Lists of plain values stay on one line, as the template writes them.
            if items.iter().all(|item| !item.is_object() && !item.is_array()) {
                let parts: Vec<String> = items.iter().map(Value::to_string).collect();
                out.push('[');
                out.push_str(&parts.join(", "));
                out.push(']');
                return;
            }
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                let child = pointer_child(pointer, &index.to_string());
                write_value(document, item, &child, depth + 1, out);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}
