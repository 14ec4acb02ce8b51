//! `truthy`: the value is present and not empty (null, false, "", [] or {}).

use super::api::{is_empty_value, Context, Function, NoOptions, Target, Violation};

pub(super) struct Truthy;

impl Function for Truthy {
    const NAME: &'static str = "truthy";
    type Options = NoOptions;

    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(Truthy)
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if is_empty_value(target.value) {
            out.push(Violation::at_target());
        }
    }
}
