//! Plan data as CEL values. Numbers become `int` when they are whole and
//! fit, `double` otherwise: never `uint`, which `cel::to_value` makes of
//! every JSON integer and which no CEL arithmetic combines with anything.

use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// `value` as a CEL value.
pub fn to_cel(value: &Value) -> cel::Value {
    match value {
        Value::Null => cel::Value::Null,
        Value::Bool(flag) => cel::Value::Bool(*flag),
        Value::Number(number) => match number.as_i64() {
            Some(whole) => cel::Value::Int(whole),
            None => cel::Value::Float(number.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(text) => cel::Value::String(Arc::new(text.clone())),
        Value::Array(items) => cel::Value::List(Arc::new(items.iter().map(to_cel).collect())),
        Value::Object(map) => {
            let entries: HashMap<String, cel::Value> = map
                .iter()
                .map(|(key, item)| (key.clone(), to_cel(item)))
                .collect();
            cel::Value::from(entries)
        }
    }
}

/// The most items any list or mapping in `value` holds: what a
/// comprehension over the plan can iterate at most.
pub fn largest_collection(value: &Value) -> usize {
    let mut largest = 0;
    let mut pending = vec![value];
    while let Some(node) = pending.pop() {
        match node {
            Value::Array(items) => {
                largest = largest.max(items.len());
                pending.extend(items);
            }
            Value::Object(map) => {
                largest = largest.max(map.len());
                pending.extend(map.values());
            }
            _ => {}
        }
    }
    largest
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_are_int_or_double_never_uint() {
        assert_eq!(to_cel(&json!(60000)), cel::Value::Int(60000));
        assert_eq!(to_cel(&json!(-3)), cel::Value::Int(-3));
        assert_eq!(to_cel(&json!(0.4)), cel::Value::Float(0.4));
        assert!(matches!(to_cel(&json!(u64::MAX)), cel::Value::Float(_)));
    }

    #[test]
    fn the_largest_collection_is_found_at_any_depth() {
        assert_eq!(largest_collection(&json!({"a": [1, 2, {"b": [1, 2, 3, 4]}]})), 4);
        assert_eq!(largest_collection(&json!(7)), 0);
    }
}
