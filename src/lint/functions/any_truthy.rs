//! `any-truthy`: at least one of `fields` is present and not empty. Each
//! field is a dotted path from the target (`test.revenue`), or a JSON
//! pointer into the whole plan when it starts with `/` (`/payment/guarantee`).
//! An absent target counts as having none of them.

use super::api::{is_empty_value, listed, Context, Function, Target, Violation};
use crate::document::dotted;
use crate::document::Lookup;
use crate::i18n::t;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnyTruthy {
    fields: Vec<String>,
}

impl Function for AnyTruthy {
    const NAME: &'static str = "any-truthy";
    type Options = Self;

    fn new(any: Self) -> Result<Self, String> {
        if any.fields.is_empty() {
            return Err(t!("lint-rules-any-truthy-no-fields"));
        }
        Ok(any)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let found = self.fields.iter().any(|field| {
            let value = if field.starts_with('/') {
                context.plan.lookup(field)
            } else {
                target.value.and_then(|node| dotted(node, field))
            };
            !is_empty_value(value)
        });
        if !found {
            out.push(Violation::at_target().var("fields", listed(&self.fields)));
        }
    }
}
