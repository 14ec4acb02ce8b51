//! `defined`: the value is present and not null.

use super::api::{Context, Function, NoOptions, Target, Violation};
use serde_json::Value;

pub(super) struct Defined;

impl Function for Defined {
    const NAME: &'static str = "defined";
    type Options = NoOptions;

    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(Defined)
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if matches!(target.value, None | Some(Value::Null)) {
            out.push(Violation::at_target());
        }
    }
}
