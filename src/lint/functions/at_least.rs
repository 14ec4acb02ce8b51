//! `at-least`: an amount at or above a threshold in the plan's currency
//! (`amounts`, by ISO code; `default` for any other or none; above it
//! with `strictly`) needs one of the plan fields `unless` (e.g. a payment
//! guarantee) or of the fields `unless_fields` beside it (a channel's
//! `test`). A 4,800 JPY tea set
//! is not a 4,800 CNY ring. An amount that cannot be read is named.

use super::api::{alternatives, is_empty_value, Context, Function, Target, Violation};
use crate::document::Lookup;
use crate::i18n::t;
use crate::numbers::format_number;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AtLeast {
    /// Thresholds by currency code.
    #[serde(default)]
    amounts: Map<String, Value>,
    default: f64,
    /// Plan pointers (`/payment/guarantee`); any that is filled in excuses it.
    #[serde(default)]
    unless: Vec<String>,
    /// Fields of the mapping that holds the amount (a channel's `test`);
    /// any that is filled in excuses it, and the finding is at the mapping,
    /// which lacks them.
    #[serde(default)]
    unless_fields: Vec<String>,
    /// Only an amount above the threshold counts (not one equal to it).
    #[serde(default)]
    strictly: bool,
}

impl Function for AtLeast {
    const NAME: &'static str = "at-least";
    type Options = Self;

    fn new(at_least: Self) -> Result<Self, String> {
        if let Some((code, _)) = at_least.amounts.iter().find(|(_, amount)| !amount.is_number()) {
            return Err(t!(
                "lint-rules-at-least-threshold-not-number",
                code = code.as_str()
            ));
        }
        if let Some(pointer) = at_least.unless.iter().find(|pointer| !pointer.starts_with('/')) {
            return Err(t!("lint-rules-not-a-plan-pointer", pointer = pointer.as_str()));
        }
        Ok(at_least)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let amount = match target.value {
            Some(Value::Number(number)) => number.as_f64(),
            // Readable text was read into a number before the rules ran.
            Some(Value::String(text)) => match crate::lint::values::amount(text) {
                Some(amount) => Some(amount.value),
                None => {
                    out.push(Violation::unreadable_at(
                        target.pointer().to_owned(),
                        text,
                        t!("lint-rules-noun-number"),
                    ));
                    return;
                }
            },
            _ => None,
        };
        let Some(amount) = amount else { return };
        let currency = context.plan.get("currency").and_then(Value::as_str);
        let threshold = currency
            .and_then(|code| self.amounts.get(&code.to_uppercase()))
            .and_then(Value::as_f64)
            .unwrap_or(self.default);
        let excused = self
            .unless
            .iter()
            .any(|pointer| !is_empty_value(context.plan.lookup(pointer)))
            || self
                .unless_fields
                .iter()
                .any(|field| !is_empty_value(target.sibling(context, field)));
        let over = if self.strictly {
            amount > threshold
        } else {
            amount >= threshold
        };
        if over && !excused {
            let violation = if self.unless_fields.is_empty() {
                Violation::at_target()
            } else {
                let pointer = target.pointer();
                let mut at_node = Violation::at(pointer[..pointer.rfind('/').unwrap_or(0)].to_owned());
                let fields: Vec<String> = self
                    .unless_fields
                    .iter()
                    .map(|field| format!("`{field}`"))
                    .collect();
                at_node.label = Some(t!("lint-rules-no-field-here", field = alternatives(&fields)));
                at_node
            };
            let excuses = self
                .unless_fields
                .iter()
                .chain(&self.unless)
                .map(|field| format!("`{}`", field.trim_start_matches('/').replace('/', ".")))
                .collect::<Vec<_>>();
            let excuses = alternatives(&excuses);
            let mut violation = violation.var("threshold", format_number(threshold));
            violation.remedies =
                super::remedy::below_threshold(context, target.pointer(), threshold, self.strictly, &excuses);
            out.push(violation);
        }
    }
}
