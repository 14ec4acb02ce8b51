//! `vague-text`: text that is only a vague aspiration ("increase awareness")
//! with no number in it. Matching ignores case, punctuation and spacing.

use super::api::{Context, Function, Target, Violation};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    phrases: Vec<String>,
    #[serde(default)]
    extra_phrases: Vec<String>,
}

pub(super) struct VagueText {
    /// Normalized phrases, longest first so the most specific one is quoted.
    phrases: Vec<String>,
}

/// Lower case, words separated by single spaces, punctuation dropped, so that
/// "Let more people know about us!" matches "let more people know about us".
fn normalize(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Function for VagueText {
    const NAME: &'static str = "vague-text";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        let mut phrases: Vec<String> = options
            .phrases
            .iter()
            .chain(&options.extra_phrases)
            .map(|phrase| normalize(phrase))
            .filter(|phrase| !phrase.is_empty())
            .collect();
        if phrases.is_empty() {
            return Err("`phrases` must list at least one phrase".into());
        }
        phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
        phrases.dedup();
        Ok(VagueText { phrases })
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(Value::String(text)) = target.value else {
            return;
        };
        if text.chars().any(|c| c.is_numeric()) {
            return;
        }
        let padded = format!(" {} ", normalize(text));
        if let Some(phrase) = self
            .phrases
            .iter()
            .find(|phrase| padded.contains(&format!(" {phrase} ")))
        {
            out.push(Violation::at_target().var("phrase", phrase.clone()));
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
    }

    #[test]
    fn a_number_makes_it_specific() {
        assert_eq!(vague("Increase awareness to 40%"), None);
        assert_eq!(vague("Grow sales by ３ stores"), None);
    }
}
