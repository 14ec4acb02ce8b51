//! `answered`: the value is present, not empty and not a placeholder
//! (`TBD`, `n/a`, 待定, 待招聘, `everyone`, 所有人 ...). A list is answered
//! when one of its items is. The placeholders are the rule's option, so a
//! team can add its own.

use super::api::{is_empty_value, quoted, Context, Function, Target, Violation};
use crate::i18n::t;
use crate::lint::words::Phrases;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    placeholders: Vec<String>,
}

pub(super) struct Answered {
    placeholders: Phrases,
}

impl Answered {
    /// The placeholder an unanswered value holds, if that is what it is.
    fn placeholder<'v>(&self, value: &'v Value) -> Option<&'v str> {
        match value {
            Value::String(text) if self.placeholders.is_whole(text) => Some(text),
            Value::Array(items) if !items.is_empty() => {
                let mut found = None;
                for item in items {
                    match self.placeholder(item) {
                        Some(text) => found = found.or(Some(text)),
                        None if is_empty_value(Some(item)) => {}
                        None => return None,
                    }
                }
                found
            }
            _ => None,
        }
    }
}

impl Function for Answered {
    const NAME: &'static str = "answered";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        Ok(Answered {
            placeholders: Phrases::new(&options.placeholders),
        })
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        if is_empty_value(target.value) {
            out.push(Violation::at_target().var("placeholder", ""));
        } else if let Some(text) = target.value.and_then(|value| self.placeholder(value)) {
            let said = t!("lint-rules-answered-placeholder", text = quoted(text));
            out.push(Violation::at_target().var("placeholder", said));
        }
    }
}
