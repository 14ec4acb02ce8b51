//! `numeric`: the value is a number, or text that states one ("15%",
//! "+20%", "1.2M CNY"). Absent or number-free values fail.

use super::api::{Context, Function, NoOptions, Target, Violation};
use crate::numbers::display_value;
use serde_json::Value;

pub(super) struct Numeric;

impl Function for Numeric {
    const NAME: &'static str = "numeric";
    type Options = NoOptions;

    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(Numeric)
    }

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
