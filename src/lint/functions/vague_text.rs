//! `vague-text`: text that is only a vague aspiration ("increase awareness",
//! 让更多人知道我们) with no number in it (digits or number words), nor in
//! the sibling fields `unless_number_in`. English phrases match whole words,
//! CJK ones anywhere; case, punctuation and spacing are ignored.

use super::api::{Context, Function, Target, Violation};
use crate::i18n::t;
use crate::lint::values::states_a_number;
use crate::lint::words::Phrases;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    phrases: Vec<String>,
    #[serde(default)]
    extra_phrases: Vec<String>,
    /// Sibling fields (a goal's `target`) whose number makes the whole
    /// measurable, so the wording alone is not held against it.
    #[serde(default)]
    unless_number_in: Vec<String>,
}

pub(super) struct VagueText {
    phrases: Phrases,
    unless_number_in: Vec<String>,
}

impl Function for VagueText {
    const NAME: &'static str = "vague-text";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        let phrases = Phrases::new(options.phrases.iter().chain(&options.extra_phrases));
        if phrases.is_empty() {
            return Err(t!("lint-rules-vague-text-no-phrases"));
        }
        Ok(VagueText {
            phrases,
            unless_number_in: options.unless_number_in,
        })
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let Some(Value::String(text)) = target.value else {
            return;
        };
        if states_a_number(text) || target.sibling_states_a_number(context, &self.unless_number_in) {
            return;
        }
        if let Some(phrase) = self.phrases.find(text) {
            out.push(Violation::at_target().var("phrase", phrase));
        }
    }
}

#[cfg(test)]
mod tests {

    fn vague(text: &str) -> Option<String> {
        let options = serde_json::json!({"phrases": ["increase awareness", "grow sales"]});
        let plan = serde_json::json!({"statement": text});
        let mut out = crate::lint::functions::run_case("vague-text", &options, &plan, "/statement");
        out.pop().map(|v| v.vars[0].1.clone())
    }

    #[test]
    fn matches_whole_words_ignoring_case_and_punctuation() {
        assert_eq!(
            vague("Increase   awareness!").as_deref(),
            Some("increase awareness")
        );
        assert_eq!(vague("We must grow sales.").as_deref(), Some("grow sales"));
        assert_eq!(vague("Regrow salesforce"), None);
        assert_eq!(vague("Increase sales-qualified pipeline"), None);
    }

    #[test]
    fn a_number_makes_it_specific() {
        assert_eq!(vague("Increase awareness to 40%"), None);
        assert_eq!(vague("Grow sales by ３ stores"), None);
        assert_eq!(vague("Grow sales to forty pieces a month"), None);
    }
}
