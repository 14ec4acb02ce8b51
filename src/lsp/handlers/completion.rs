//! Completion of keys and enum values from the plan schema, with their
//! descriptions. The place is read from the text's indentation, not from a
//! parse: a line being typed rarely parses.

use crate::i18n::t;
use crate::lint::schema_fields::{field, fields_of, FieldDoc, Step};
use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};

/// What is being typed at the cursor.
#[derive(Debug, PartialEq)]
enum Typing {
    /// A key of the mapping at this path.
    Key(Vec<Step>),
    /// The value of the field at this path.
    Value(Vec<Step>),
}

pub fn completion(text: &str, offset: usize) -> Vec<CompletionItem> {
    // Block YAML only: JSON editors complete from the schema themselves.
    if text.trim_start().starts_with(['{', '[']) {
        return Vec::new();
    }
    match typing_at(text, offset) {
        Some(Typing::Key(path)) => fields_of(&path).into_iter().map(key_item).collect(),
        Some(Typing::Value(path)) => {
            let Some(doc) = field(&path) else {
                return Vec::new();
            };
            let mut values = doc.values.clone();
            if doc.is_boolean() {
                values = vec!["true".into(), "false".into()];
            }
            values.into_iter().map(|value| value_item(value, &doc)).collect()
        }
        None => Vec::new(),
    }
}

fn markdown(doc: &FieldDoc) -> Option<Documentation> {
    let description = doc.description.clone()?;
    Some(Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: description,
    }))
}

fn key_item(doc: FieldDoc) -> CompletionItem {
    let nested = doc.is_nested();
    CompletionItem {
        label: doc.name.clone(),
        kind: Some(CompletionItemKind::PROPERTY),
        detail: doc.kind.clone(),
        documentation: markdown(&doc),
        insert_text: Some(if nested {
            format!("{}:", doc.name)
        } else {
            format!("{}: ", doc.name)
        }),
        ..CompletionItem::default()
    }
}

fn value_item(value: String, doc: &FieldDoc) -> CompletionItem {
    CompletionItem {
        label: value,
        kind: Some(CompletionItemKind::ENUM_MEMBER),
        detail: Some(t!("lsp-completion-value", field = doc.name.as_str())),
        documentation: markdown(doc),
        ..CompletionItem::default()
    }
}

/// One line's structure: the columns of its list dashes, and its key (with
/// the key's column) when it has one.
struct LineShape<'a> {
    dashes: Vec<usize>,
    content_column: usize,
    content: &'a str,
}

fn shape(line: &str) -> LineShape<'_> {
    let mut column = line.len() - line.trim_start_matches(' ').len();
    let mut dashes = Vec::new();
    let mut rest = &line[column..];
    while let Some(after) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
        dashes.push(column);
        let spaces = after.len() - after.trim_start_matches(' ').len();
        column += rest.len() - after.len() + spaces;
        rest = &after[spaces..];
    }
    LineShape {
        dashes,
        content_column: column,
        content: rest,
    }
}

/// The key a line's content starts with (`goals:` or `id: g1`).
fn key_of(content: &str) -> Option<&str> {
    let (key, rest) = content.split_once(':')?;
    let key = key.trim_end();
    let plain = !key.is_empty() && !key.starts_with(['#', '"', '\'', '{', '[']);
    (plain && (rest.is_empty() || rest.starts_with([' ', '\t']))).then_some(key)
}

fn typing_at(text: &str, offset: usize) -> Option<Typing> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let current = shape(&before[line_start..]);
    let typing_key = current
        .content
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    let value_key = key_of(current.content).filter(|_| !typing_key);
    if !typing_key && value_key.is_none() {
        return None;
    }
    // From the cursor's column outwards: each shallower key or dash above
    // is one step of the path.
    let mut steps = Vec::new();
    let mut limit = current.content_column;
    for &dash in current.dashes.iter().rev() {
        steps.push(Step::Item);
        limit = dash;
    }
    for line in text[..line_start].lines().rev() {
        if limit == 0 {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let above = shape(line);
        if let Some(key) = key_of(above.content).filter(|_| above.content_column < limit) {
            steps.push(Step::Key(key.to_owned()));
            limit = above.content_column;
        }
        for &dash in above.dashes.iter().rev() {
            if dash < limit {
                steps.push(Step::Item);
                limit = dash;
            }
        }
    }
    steps.reverse();
    match value_key {
        Some(key) => {
            steps.push(Step::Key(key.to_owned()));
            Some(Typing::Value(steps))
        }
        None => Some(Typing::Key(steps)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Step {
        Step::Key(name.into())
    }

    #[test]
    fn the_path_comes_from_indentation() {
        let text = "version: 1\ngoals:\n  - id: g1\n    statement: x\n  - id: g2\n    dead\nchannels:\n  - name: a\n    type: so\n";
        let at = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(
            typing_at(text, at("    dead")),
            Some(Typing::Key(vec![key("goals"), Step::Item]))
        );
        assert_eq!(
            typing_at(text, at("type: so")),
            Some(Typing::Value(vec![key("channels"), Step::Item, key("type")]))
        );
        let top = "version: 1\nname: x\n\n";
        assert_eq!(typing_at(top, top.len()), Some(Typing::Key(Vec::new())));
        let labels: Vec<String> = completion(top, top.len())
            .into_iter()
            .map(|item| item.label)
            .collect();
        assert!(labels.contains(&"goals".to_owned()));
        let values: Vec<String> = completion(text, at("type: so"))
            .into_iter()
            .map(|item| item.label)
            .collect();
        assert!(values.contains(&"social".to_owned()));
        let item = "goals:\n  - ";
        assert_eq!(
            typing_at(item, item.len()),
            Some(Typing::Key(vec![key("goals"), Step::Item]))
        );
    }

    /// In Chinese, fields that hold a group or a list still get their value
    /// on the next line, and a value's detail is Chinese.
    #[test]
    fn completion_in_chinese_keeps_the_shapes_of_fields() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let top = "version: 1\nname: x\n\n";
        let items = completion(top, top.len());
        let goals = items.iter().find(|item| item.label == "goals").unwrap();
        assert_eq!(goals.insert_text.as_deref(), Some("goals:"));
        let name = items.iter().find(|item| item.label == "name").unwrap();
        assert_eq!(name.insert_text.as_deref(), Some("name: "));
        let text = "channels:\n  - name: a\n    type: so";
        let values = completion(text, text.len());
        let social = values.iter().find(|item| item.label == "social").unwrap();
        assert_eq!(social.detail.as_deref(), Some("`type` 的可选值"));
    }
}
