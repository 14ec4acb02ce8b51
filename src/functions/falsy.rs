//! `falsy`: the value must be absent or empty (null, false, "", [] or {}).

use super::{is_empty_value, parse_options, Check, Context, NoOptions, Target, Violation};
use serde_json::{Map, Value};

struct Falsy;

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    parse_options::<NoOptions>(options)?;
    Ok(Box::new(Falsy))
}

impl Check for Falsy {
    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if !is_empty_value(target.value) {
            out.push(Violation::at_target());
        }
    }
}
