//! `any-truthy`: at least one of `fields` is present and not empty. Each
//! field is a dotted path from the target (`test.revenue`), or a JSON
//! pointer into the whole plan when it starts with `/` (`/payment/guarantee`).
//! An absent target counts as having none of them.

use super::{is_empty_value, parse_options, Check, Context, Target, Violation};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnyTruthy {
    fields: Vec<String>,
}

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    let any: AnyTruthy = parse_options(options)?;
    if any.fields.is_empty() {
        return Err("`fields` must list at least one field".into());
    }
    Ok(Box::new(any))
}

/// The value at a dotted path below `node`.
pub(super) fn dotted<'a>(node: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(node, |node, key| node.get(key))
}

impl Check for AnyTruthy {
    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let found = self.fields.iter().any(|field| {
            let value = if field.starts_with('/') {
                context.plan.pointer(field)
            } else {
                target.value.and_then(|node| dotted(node, field))
            };
            !is_empty_value(value)
        });
        if !found {
            out.push(Violation::at_target().var("fields", self.fields.join(", ")));
        }
    }
}
