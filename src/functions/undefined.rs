//! `undefined`: the value must be absent (or null). Paired with a `given`
//! filter it flags every node the filter selects.

use super::{parse_options, Check, Context, NoOptions, Target, Violation};
use serde_json::{Map, Value};

struct Undefined;

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    parse_options::<NoOptions>(options)?;
    Ok(Box::new(Undefined))
}

impl Check for Undefined {
    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if !matches!(target.value, None | Some(Value::Null)) {
            out.push(Violation::at_target());
        }
    }
}
