//! `falsy`: the value must be absent or empty (null, false, "", [] or {}).

use super::api::{is_empty_value, Context, Function, NoOptions, Target, Violation};

pub(super) struct Falsy;

impl Function for Falsy {
    const NAME: &'static str = "falsy";
    type Options = NoOptions;

    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(Falsy)
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if !is_empty_value(target.value) {
            out.push(Violation::at_target());
        }
    }
}
