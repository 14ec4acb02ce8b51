//! `defined`: the value is present and not null.

use super::{parse_options, Check, Context, NoOptions, Target, Violation};
use serde_json::{Map, Value};

struct Defined;

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    parse_options::<NoOptions>(options)?;
    Ok(Box::new(Defined))
}

impl Check for Defined {
    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if matches!(target.value, None | Some(Value::Null)) {
            out.push(Violation::at_target());
        }
    }
}
