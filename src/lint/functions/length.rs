//! `length`: a list, mapping or text has at least `min` and at most `max`
//! items (characters for text). Absent values are left to `defined`.

use super::api::{Context, Function, Target, Violation};
use crate::i18n::t;
use crate::numbers::format_number;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Length {
    #[serde(default)]
    min: Option<u64>,
    #[serde(default)]
    max: Option<u64>,
}

impl Function for Length {
    const NAME: &'static str = "length";
    type Options = Self;

    fn new(length: Self) -> Result<Self, String> {
        match (length.min, length.max) {
            (None, None) => Err(t!("lint-rules-length-no-bound")),
            (Some(min), Some(max)) if min > max => Err(t!(
                "lint-rules-length-min-above-max",
                min = min.to_string(),
                max = max.to_string()
            )),
            _ => Ok(length),
        }
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let count = match target.value {
            Some(Value::Array(items)) => items.len(),
            Some(Value::Object(map)) => map.len(),
            Some(Value::String(text)) => text.chars().count(),
            _ => return,
        } as u64;
        let too_few = self.min.is_some_and(|min| count < min);
        let too_many = self.max.is_some_and(|max| count > max);
        if too_few || too_many {
            let mut violation = Violation::at_target().var("count", format_number(count as f64));
            if let Some(min) = self.min {
                violation = violation.var("min", format_number(min as f64));
            }
            if let Some(max) = self.max {
                violation = violation.var("max", format_number(max as f64));
            }
            out.push(violation);
        }
    }
}
