//! `pattern`: text must match the regex `match` and/or must not match
//! `not_match`. Non-text values are left to the schema; absent ones to
//! `defined`.

use super::api::{Context, Function, Target, Violation};
use crate::i18n::t;
use regex::Regex;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    #[serde(default, rename = "match")]
    must_match: Option<String>,
    #[serde(default)]
    not_match: Option<String>,
}

pub(super) struct Pattern {
    must_match: Option<Regex>,
    not_match: Option<Regex>,
}

/// Regexes from users are bounded so a pathological one cannot blow up.
fn compile_regex(name: &str, pattern: &str) -> Result<Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .map_err(|error| {
            t!(
                "lint-rules-pattern-invalid",
                option = name,
                error = error.to_string()
            )
        })
}

impl Function for Pattern {
    const NAME: &'static str = "pattern";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        if options.must_match.is_none() && options.not_match.is_none() {
            return Err(t!("lint-rules-pattern-no-pattern"));
        }
        Ok(Pattern {
            must_match: options
                .must_match
                .as_deref()
                .map(|p| compile_regex("match", p))
                .transpose()?,
            not_match: options
                .not_match
                .as_deref()
                .map(|p| compile_regex("not_match", p))
                .transpose()?,
        })
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(Value::String(text)) = target.value else {
            return;
        };
        if let Some(regex) = &self.must_match {
            if !regex.is_match(text) {
                out.push(
                    Violation::at_target()
                        .var("value", text.clone())
                        .var("pattern", regex.as_str()),
                );
                return;
            }
        }
        if let Some(regex) = &self.not_match {
            if let Some(found) = regex.find(text) {
                out.push(
                    Violation::at_target()
                        .var("value", text.clone())
                        .var("pattern", regex.as_str())
                        .var("match", found.as_str()),
                );
            }
        }
    }
}
