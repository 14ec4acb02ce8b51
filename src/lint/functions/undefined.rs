//! `undefined`: the value must be absent (or null). Paired with a `given`
//! filter it flags every node the filter selects.

use super::api::{Context, Function, NoOptions, Target, Violation};
use serde_json::Value;

pub(super) struct Undefined;

impl Function for Undefined {
    const NAME: &'static str = "undefined";
    type Options = NoOptions;

    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(Undefined)
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if !matches!(target.value, None | Some(Value::Null)) {
            out.push(Violation::at_target());
        }
    }
}
