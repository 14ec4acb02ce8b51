//! Remedies: for a finding with numbers, the values that would meet the
//! rule, computed from the plan's own numbers, one lever at a time with
//! the others unchanged. A remedy is a choice, never a certain fix: the
//! JSON report lists them, the help line says them, the language server
//! offers each as a quick fix that is never preferred, and
//! `planlint metrics --set FIELD=VALUE` tries one before it is made.

use crate::i18n::t;
use serde::Serialize;
use serde_json::Value;

/// One lever: set `field` to `value` and the finding is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Remedy {
    /// The name `planlint metrics --set` takes (`unit_economics.cac`,
    /// `channels.Douyin.budget`, `goals.revenue.deadline`).
    pub field: String,
    /// JSON pointer of the field in the plan.
    pub pointer: String,
    /// What people call it (`CAC`, `average order value`).
    pub label: String,
    /// The value the plan has now (null when the field is not written).
    pub current: Value,
    /// The value that meets the rule, rounded towards meeting it.
    pub value: Value,
    /// The unit of `current` and `value` (`EUR`, `purchases a year`, `date`).
    pub unit: String,
    /// The remedy in a marketer's words, with the numbers.
    pub words: String,
    /// The quick fix's title (`Set CAC to 270 (break-even)`).
    pub action: String,
}

/// The help line's sentence for `remedies`: each lever on its own.
pub fn sentence(remedies: &[Remedy]) -> Option<String> {
    let words: Vec<&str> = remedies.iter().map(|remedy| remedy.words.as_str()).collect();
    match words.as_slice() {
        [] => None,
        [one] => Some(t!("finding-remedy-one", remedy = *one)),
        [first, rest @ ..] => Some(t!(
            "finding-remedy-several",
            first = *first,
            others = rest.join(&t!("finding-remedy-or-separator"))
        )),
    }
}

/// `value` rounded to a sensible precision for its size, up (`up`) or down,
/// so that the rounded value still meets the rule.
pub fn round_towards(value: f64, up: bool) -> f64 {
    let magnitude = value.abs();
    let decimals = if magnitude >= 100.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else {
        3
    };
    round_to(value, decimals, up)
}

/// `value` rounded to `decimals` places, up or down; a value already
/// at that precision (but for float noise) stays as it is.
pub fn round_to(value: f64, decimals: i32, up: bool) -> f64 {
    let scale = 10f64.powi(decimals);
    let scaled = value * scale;
    let noise = 1e-9 * scaled.abs().max(1.0);
    let rounded = if up {
        (scaled - noise).ceil()
    } else {
        (scaled + noise).floor()
    };
    rounded / scale
}

/// A number as JSON: whole numbers as integers.
pub fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_towards_meeting_the_rule_and_ignores_float_noise() {
        assert_eq!(round_towards(105.000_000_000_01, true), 105.0);
        assert_eq!(round_towards(0.583_333, true), 0.584);
        assert_eq!(round_towards(269.9, false), 269.0);
        assert_eq!(round_towards(14.000_000_001, true), 14.0);
        assert_eq!(round_to(7.2, 0, true), 8.0);
    }

    #[test]
    fn the_sentence_names_every_lever() {
        let remedy = |words: &str| Remedy {
            field: "f".into(),
            pointer: "/f".into(),
            label: "f".into(),
            current: Value::Null,
            value: Value::from(1),
            unit: String::new(),
            words: words.into(),
            action: String::new(),
        };
        assert_eq!(sentence(&[]), None);
        let both = sentence(&[remedy("CAC 270"), remedy("AOV 105"), remedy("14 purchases")]).unwrap();
        assert!(both.contains("CAC 270; or, each on its own"), "{both}");
        assert!(both.ends_with("AOV 105, or 14 purchases"), "{both}");
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(
            sentence(&[remedy("获客成本 270 EUR")]).as_deref(),
            Some("按这份方案的数字：获客成本 270 EUR")
        );
        assert_eq!(
            sentence(&[remedy("获客成本 270"), remedy("客单价 105"), remedy("每年购买 14 次")]).as_deref(),
            Some("按这份方案的数字：获客成本 270；或者，其余不变、只调整其中一项：客单价 105；或每年购买 14 次")
        );
    }
}
