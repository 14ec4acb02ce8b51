//! `numeric`: the value is a number, or text that states one ("15%",
//! "+20%", "1.2M CNY"). Absent or number-free values fail.

use super::{parse_options, Check, Context, NoOptions, Target, Violation};
use crate::numbers::display_value;
use serde_json::{Map, Value};

struct Numeric;

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    parse_options::<NoOptions>(options)?;
    Ok(Box::new(Numeric))
}

impl Check for Numeric {
    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let measurable = match target.value {
            Some(Value::Number(_)) => true,
            Some(Value::String(text)) => text.chars().any(|c| c.is_ascii_digit()),
            _ => false,
        };
        if !measurable {
            let shown = target
                .value
                .map(display_value)
                .unwrap_or_else(|| "nothing".into());
            out.push(Violation::at_target().var("value", shown));
        }
    }
}
