//! `contains`: a list must hold at least one item whose `key` holds one of
//! `values` as a word or phrase (ignoring case; CJK anywhere in the text),
//! e.g. a funnel stage "first contact" or 曝光, a channel of type `seo`.
//! Absent or empty lists are left to other checks.

use super::api::{listed, Context, Function, Target, Violation};
use crate::i18n::t;
use crate::lint::words::Phrases;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    key: String,
    values: Vec<String>,
}

/// How many of `values` a message names.
const SHOWN: usize = 4;

pub(super) struct Contains {
    key: String,
    values: Vec<String>,
    wanted: Phrases,
}

impl Function for Contains {
    const NAME: &'static str = "contains";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        let wanted = Phrases::new(&options.values);
        if wanted.is_empty() {
            return Err(t!("lint-rules-no-values"));
        }
        Ok(Contains {
            key: options.key,
            values: options.values,
            wanted,
        })
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(Value::Array(items)) = target.value else {
            return;
        };
        if items.is_empty() {
            return;
        }
        let found = items.iter().any(|item| {
            item.get(&self.key)
                .and_then(Value::as_str)
                .is_some_and(|text| self.wanted.find(text).is_some())
        });
        if !found {
            // The first few names, not a whole multilingual list.
            let shown: Vec<&str> = self.values.iter().map(String::as_str).take(SHOWN).collect();
            let shown = if self.values.len() > SHOWN {
                t!("lint-rules-list-and-more", list = listed(&shown))
            } else {
                listed(&shown)
            };
            out.push(Violation::at_target().var("values", shown));
        }
    }
}
