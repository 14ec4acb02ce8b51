//! `growth-target`: a goal whose percentage target is growth ("+20%", "grow
//! revenue 15% over 2025", 比上年增长20%) must state the `baseline` it grows
//! from. A percentage that is a level to reach ("reach 40% awareness",
//! 知名度达到40%) is not growth. Runs on a goal mapping.

use super::api::{Context, Function, Target, Violation};
use crate::lint::values::percentage;
use crate::lint::words::Phrases;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    /// Words that make a percentage growth.
    growth_words: Vec<String>,
    /// Words that make it a level to reach, winning over growth words
    /// ("increase awareness to 40%").
    level_words: Vec<String>,
}

pub(super) struct GrowthTarget {
    growth: Phrases,
    level: Phrases,
}

impl Function for GrowthTarget {
    const NAME: &'static str = "growth-target";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        Ok(GrowthTarget {
            growth: Phrases::new(&options.growth_words),
            level: Phrases::new(&options.level_words),
        })
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(goal) = target.value else { return };
        let Some(Value::String(written)) = goal.get("target") else {
            return;
        };
        if percentage(written).is_none() || goal.get("baseline").is_some_and(|b| !b.is_null()) {
            return;
        }
        let statement = goal.get("statement").and_then(Value::as_str).unwrap_or_default();
        let growth = written.trim_start().starts_with('+')
            || (self.growth.find(statement).is_some()
                && self.level.find(statement).is_none()
                && !names_a_level(statement, written));
        if growth {
            out.push(Violation::at_target().var("target", written.clone()));
        }
    }
}

/// "to 40%", 到40%, 至40%: the statement names the target as the level to
/// reach ("increase awareness to 40%").
fn names_a_level(statement: &str, target: &str) -> bool {
    let number: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    let compact: String = statement.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = compact.to_lowercase();
    ["to", "到", "至"]
        .iter()
        .any(|word| lower.contains(&format!("{word}{number}")))
}
