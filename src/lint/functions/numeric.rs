//! `numeric`: the value is a number, or text that states one ("15%",
//! "+20%", "1.2M CNY", "forty"), or one of the sibling fields `or_stated_in`
//! states one (a goal's statement "Sell 100 rings"). Otherwise it fails.

use super::api::{Context, Function, Target, Violation};
use crate::i18n::t;
use crate::lint::values::states_a_number;
use crate::numbers::display_value;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct Numeric {
    #[serde(default)]
    or_stated_in: Vec<String>,
}

impl Function for Numeric {
    const NAME: &'static str = "numeric";
    type Options = Self;

    fn new(numeric: Self) -> Result<Self, String> {
        Ok(numeric)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let measurable = match target.value {
            Some(Value::Number(_)) => true,
            Some(Value::String(text)) => states_a_number(text),
            _ => false,
        } || target.sibling_states_a_number(context, &self.or_stated_in);
        if !measurable {
            let shown = target
                .value
                .map(display_value)
                .unwrap_or_else(|| t!("lint-rules-numeric-nothing"));
            out.push(Violation::at_target().var("value", shown));
        }
    }
}
