//! `counted`: a goal that states a number says what the number counts.
//! "Hit 50k by Q3" has a number and a deadline, but nothing it counts:
//! 50k visits, sign-ups or yuan? A goal counts something when one of the
//! `fields` (its `metric`, its `unit`) is filled in, or when its `text`
//! (the statement) holds a word that is not a number, a time or one of the
//! `filler` words ("hit", "by", "reach", 达到, 季度 ...).

use super::api::{is_empty_value, Context, Function, Target, Violation};
use crate::lint::values::states_a_number;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Counted {
    /// Fields of the goal that name what it counts.
    fields: Vec<String>,
    /// Fields of the goal whose words may name it (the statement).
    text: Vec<String>,
    /// Words that name nothing counted (English whole words, lower case;
    /// Chinese removed anywhere).
    filler: Vec<String>,
}

impl Function for Counted {
    const NAME: &'static str = "counted";
    type Options = Self;

    fn new(counted: Self) -> Result<Self, String> {
        Ok(Counted {
            filler: counted.filler.iter().map(|word| word.to_lowercase()).collect(),
            ..counted
        })
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(goal) = target.value.and_then(Value::as_object) else {
            return;
        };
        if self.fields.iter().any(|field| !is_empty_value(goal.get(field))) {
            return;
        }
        let texts: Vec<(&String, &str)> = self
            .text
            .iter()
            .filter_map(|field| Some((field, goal.get(field)?.as_str()?)))
            .collect();
        let Some((field, stated)) = texts.iter().find(|(_, text)| states_a_number(text)) else {
            return;
        };
        if !texts.iter().any(|(_, text)| self.names_something(text)) {
            // At the words that state the number without saying of what.
            let pointer = crate::document::pointer_child(target.pointer(), field);
            out.push(Violation::at(pointer).var("statement", *stated));
        }
    }
}

impl Counted {
    /// Whether `text` holds a word that is neither a number, a time nor filler.
    fn names_something(&self, text: &str) -> bool {
        let mut rest = text.to_lowercase();
        // Only a text with CJK in it can hold a CJK filler word.
        if !rest.is_ascii() {
            for word in self.filler.iter().filter(|word| !word.is_ascii()) {
                if rest.contains(word.as_str()) {
                    rest = rest.replace(word.as_str(), " ");
                }
            }
        }
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .any(|word| {
                let cjk: String = word.chars().filter(|c| !c.is_ascii()).collect();
                let latin_word = word.is_ascii()
                    && word.chars().any(|c| c.is_ascii_alphabetic())
                    && !word.chars().any(|c| c.is_ascii_digit())
                    && !self.filler.iter().any(|filler| filler == word)
                    && !states_a_number(word);
                let cjk_word = cjk
                    .chars()
                    .any(|c| !"零一二三四五六七八九十百千万亿两".contains(c));
                latin_word || cjk_word
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted() -> Counted {
        Counted::new(Counted {
            fields: vec!["metric".into(), "unit".into()],
            text: vec!["statement".into()],
            filler: [
                "hit", "reach", "by", "in", "q", "k", "m", "达到", "季度", "年", "月", "底", "前", "万", "元",
            ]
            .iter()
            .map(|w| (*w).to_owned())
            .collect(),
        })
        .unwrap()
    }

    #[test]
    fn a_number_needs_something_it_counts() {
        let c = counted();
        assert!(!c.names_something("Hit 50k by Q3"));
        assert!(!c.names_something("2026年底前达到50万"));
        assert!(c.names_something("Sell 50k cups by Q3"));
        assert!(c.names_something("年底前会员达到5万"));
        assert!(c.names_something("GMV 500万"));
    }
}
