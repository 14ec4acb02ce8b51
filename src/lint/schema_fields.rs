//! What the plan schema says about a place in a plan: a field's
//! description, type and allowed values, and the fields a mapping may hold.
//! Editors read it for hover and completion, so the schema stays the one
//! source of field docs.

use crate::document::Lookup;
use crate::i18n::t;
use crate::lint::schema::PLAN_SCHEMA;
use serde_json::Value;
use std::sync::OnceLock;

/// One step of a path into a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    /// Any item of a list.
    Item,
}

/// What the schema says about one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldDoc {
    pub name: String,
    pub description: Option<String>,
    /// "text", "a number", "a list" ... (in the language of the messages).
    pub kind: Option<String>,
    /// The allowed values, when the field is an enumeration.
    pub values: Vec<String>,
    /// The JSON types the field takes (`"object"`, `"boolean"` ...), for
    /// code: `kind` is for people.
    types: Vec<String>,
}

impl FieldDoc {
    /// Whether the field is `true` or `false`.
    pub fn is_boolean(&self) -> bool {
        self.only_type() == Some("boolean")
    }

    /// Whether the field holds a group of fields or a list (its value
    /// starts on the next line).
    pub fn is_nested(&self) -> bool {
        matches!(self.only_type(), Some("object" | "array"))
    }

    /// The one type the field takes, empty aside.
    fn only_type(&self) -> Option<&str> {
        match self
            .types
            .iter()
            .filter(|each| *each != "null")
            .collect::<Vec<_>>()
            .as_slice()
        {
            [one] => Some(one.as_str()),
            _ => None,
        }
    }
}

fn schema() -> &'static Value {
    static PARSED: OnceLock<Value> = OnceLock::new();
    PARSED.get_or_init(|| serde_json::from_str(PLAN_SCHEMA).unwrap_or(Value::Null))
}

/// Follows `$ref`s (to `#/$defs/...`), at most a few deep.
fn resolve(mut node: &'static Value) -> &'static Value {
    for _ in 0..8 {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            break;
        };
        match schema().lookup(reference.trim_start_matches('#')) {
            Some(target) => node = target,
            None => break,
        }
    }
    node
}

/// The alternatives a node stands for: itself, or its `anyOf`/`oneOf` branches.
fn branches(node: &'static Value) -> Vec<&'static Value> {
    let node = resolve(node);
    let mut out = vec![node];
    for key in ["anyOf", "oneOf", "allOf"] {
        for branch in node.get(key).and_then(Value::as_array).into_iter().flatten() {
            out.push(resolve(branch));
        }
    }
    out
}

/// The schema node of the field at `path` (unresolved, so a description
/// written beside a `$ref` is kept).
fn node_at(path: &[Step]) -> Option<&'static Value> {
    let mut node = schema();
    for step in path {
        node = branches(node).into_iter().find_map(|branch| match step {
            Step::Key(key) => branch.get("properties")?.get(key),
            Step::Item => branch.get("items"),
        })?;
    }
    Some(node)
}

/// The doc of the field at `path` (its last step names it).
pub fn field(path: &[Step]) -> Option<FieldDoc> {
    let node = node_at(path)?;
    let resolved = resolve(node);
    let description = [node, resolved]
        .iter()
        .find_map(|n| n.get("description").and_then(Value::as_str))
        .map(str::to_owned);
    let name = match path.last() {
        Some(Step::Key(key)) => key.clone(),
        Some(Step::Item) => t!("lint-values-fields-item"),
        None => t!("lint-values-place-plan"),
    };
    Some(FieldDoc {
        name,
        description,
        kind: kind_of(resolved),
        types: types_of(resolved),
        values: branches(node)
            .into_iter()
            .flat_map(|branch| branch.get("enum").and_then(Value::as_array).into_iter().flatten())
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
    })
}

/// The fields the mapping at `path` may hold, with their docs, in schema order.
pub fn fields_of(path: &[Step]) -> Vec<FieldDoc> {
    let Some(node) = node_at(path) else {
        return Vec::new();
    };
    let mut out: Vec<FieldDoc> = Vec::new();
    for branch in branches(node) {
        for key in branch
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|p| p.keys())
        {
            if out.iter().any(|known| &known.name == key) {
                continue;
            }
            let mut child = path.to_vec();
            child.push(Step::Key(key.clone()));
            out.extend(field(&child));
        }
    }
    out
}

fn kind_of(node: &Value) -> Option<String> {
    // The names schema findings use ("a group of fields", "a whole number").
    let name = |t: &str| -> String {
        match crate::lint::schema::type_name(t) {
            unknown if unknown == t => t!("lint-values-type-any"),
            known => known,
        }
    };
    match node.get("type")? {
        Value::String(t) => Some(name(t)),
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .map(name)
            .reduce(|first, second| t!("lint-values-or", first = first, second = second))
            .map(crate::lint::words::tidy)
            .or_else(|| Some(String::new())),
        _ => None,
    }
}

/// The JSON types a schema node names.
fn types_of(node: &Value) -> Vec<String> {
    match node.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// The steps of a JSON pointer (`/goals/0/deadline`), numbers read as items.
pub fn steps_of(pointer: &str) -> Vec<Step> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| {
            if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
                Step::Item
            } else {
                Step::Key(crate::document::unescape_token(token).into_owned())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_docs_come_from_the_schema() {
        let top: Vec<String> = fields_of(&[]).into_iter().map(|f| f.name).collect();
        assert!(top.contains(&"goals".to_owned()) && top.contains(&"unit_economics".to_owned()));
        let deadline = field(&steps_of("/goals/0/deadline")).unwrap();
        assert!(deadline.description.is_some());
        let goal_fields: Vec<String> = fields_of(&steps_of("/goals/0"))
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert!(goal_fields.contains(&"deadline".to_owned()));
        let channel_type = field(&steps_of("/channels/3/type")).unwrap();
        assert!(channel_type.values.contains(&"social".to_owned()));
        assert_eq!(field(&steps_of("/nope")), None);
    }

    #[test]
    fn kinds_are_named_in_the_language_and_known_to_code() {
        let deadline = field(&steps_of("/goals/0/deadline")).unwrap();
        let goals = field(&steps_of("/goals")).unwrap();
        assert!(goals.is_nested() && !goals.is_boolean());
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(field(&steps_of("/goals")).unwrap().kind.as_deref(), Some("列表"));
        assert_eq!(field(&steps_of("/goals/0")).unwrap().name, "条目");
        let target = field(&steps_of("/goals/0/target")).unwrap();
        assert_eq!(target.kind.as_deref(), Some("数字或文本"));
        assert!(!deadline.is_nested());
    }
}
