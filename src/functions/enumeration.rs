//! `enumeration`: a present value must be one of `values`.

use super::{parse_options, Check, Context, Target, Violation};
use crate::numbers::display_value;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Enumeration {
    values: Vec<Value>,
}

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    let enumeration: Enumeration = parse_options(options)?;
    if enumeration.values.is_empty() {
        return Err("`values` must list at least one value".into());
    }
    Ok(Box::new(enumeration))
}

/// Numbers compare by value, so `1` and `1.0` are the same rank.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

impl Check for Enumeration {
    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(value) = target.value else { return };
        if value.is_null() || self.values.iter().any(|allowed| same(allowed, value)) {
            return;
        }
        let allowed: Vec<String> = self.values.iter().map(display_value).collect();
        out.push(
            Violation::at_target()
                .var("value", display_value(value))
                .var("values", allowed.join(", ")),
        );
    }
}
