//! `contains`: a list must hold at least one item whose `key` is one of
//! `values` (compared without case), e.g. a channel of type `seo` or
//! `content`. Absent or empty lists are left to other checks.

use super::api::{Context, Function, Target, Violation};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Contains {
    key: String,
    values: Vec<String>,
}

impl Function for Contains {
    const NAME: &'static str = "contains";
    type Options = Self;

    fn new(contains: Self) -> Result<Self, String> {
        if contains.values.is_empty() {
            return Err("`values` must list at least one value".into());
        }
        Ok(contains)
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(Value::Array(items)) = target.value else {
            return;
        };
        if items.is_empty() {
            return;
        }
        let found = items.iter().any(|item| {
            item.get(&self.key).and_then(Value::as_str).is_some_and(|text| {
                self.values
                    .iter()
                    .any(|wanted| wanted.eq_ignore_ascii_case(text.trim()))
            })
        });
        if !found {
            out.push(Violation::at_target().var("values", self.values.join(", ")));
        }
    }
}
