//! `enumeration`: a present value must be one of `values`.

use super::api::{listed, Context, Function, Target, Violation};
use crate::i18n::t;
use crate::numbers::display_value;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Enumeration {
    values: Vec<Value>,
}

/// Numbers compare by value, so `1` and `1.0` are the same rank.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

impl Function for Enumeration {
    const NAME: &'static str = "enumeration";
    type Options = Self;

    fn new(enumeration: Self) -> Result<Self, String> {
        if enumeration.values.is_empty() {
            return Err(t!("lint-rules-no-values"));
        }
        Ok(enumeration)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let Some(value) = target.value else { return };
        if value.is_null() || self.values.iter().any(|allowed| same(allowed, value)) {
            return;
        }
        // A value planlint could not read (`rank: first-ish`) is named as
        // such: the check cannot say whether it is one of `values`.
        if let Some(reading) = context
            .normalized
            .reading(target.pointer())
            .filter(|reading| reading.canonical.is_none())
        {
            out.push(Violation::unreadable(reading));
            return;
        }
        let allowed: Vec<String> = self.values.iter().map(display_value).collect();
        out.push(
            Violation::at_target()
                .var("value", display_value(value))
                .var("values", listed(&allowed)),
        );
    }
}
