//! `truthy`: the value is present and not empty (null, false, "", [] or {}).

use super::{is_empty_value, parse_options, Check, Context, NoOptions, Target, Violation};
use serde_json::{Map, Value};

struct Truthy;

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    parse_options::<NoOptions>(options)?;
    Ok(Box::new(Truthy))
}

impl Check for Truthy {
    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if is_empty_value(target.value) {
            out.push(Violation::at_target());
        }
    }
}
