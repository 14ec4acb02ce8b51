//! `date-range`: an ISO date (YYYY-MM-DD) must not fall before the date at
//! the plan pointer `not_before` nor after the one at `not_after`. Dates that
//! are missing or malformed are left to other checks (the schema).

use super::api::{Context, Function, Target, Violation};
use crate::document::Lookup;
use crate::i18n::t;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DateRange {
    #[serde(default)]
    not_before: Option<String>,
    #[serde(default)]
    not_after: Option<String>,
}

/// A real calendar date as `YYYY-MM-DD`; such strings order like the
/// dates. `2026-13-01` is not one: it is named as unreadable, as the schema
/// names it, never compared with the period.
fn iso_date(value: Option<&Value>) -> Option<&str> {
    let text = value?.as_str()?.trim();
    crate::lint::values::is_iso_date(text).then_some(text)
}

impl Function for DateRange {
    const NAME: &'static str = "date-range";
    type Options = Self;

    fn new(range: Self) -> Result<Self, String> {
        for pointer in [&range.not_before, &range.not_after].into_iter().flatten() {
            if !pointer.starts_with('/') {
                return Err(t!("lint-rules-not-a-plan-pointer", pointer = pointer.as_str()));
            }
        }
        if range.not_before.is_none() && range.not_after.is_none() {
            return Err(t!("lint-rules-date-range-no-bound"));
        }
        Ok(range)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let Some(date) = iso_date(target.value) else {
            // A date that cannot be read stops the check: said at the date.
            out.extend(
                context
                    .normalized
                    .reading(target.pointer())
                    .filter(|reading| reading.canonical.is_none())
                    .map(Violation::unreadable),
            );
            return;
        };
        let bound =
            |pointer: &Option<String>| pointer.as_deref().and_then(|p| iso_date(context.plan.lookup(p)));
        // Bounds that are themselves reversed (a period ending before it
        // starts) are one mistake, reported once at the period, not once
        // for every date measured against them.
        if let (Some(start), Some(end)) = (bound(&self.not_before), bound(&self.not_after)) {
            if start > end {
                return;
            }
        }
        // `after`: the date falls after the bound `not_after` (else before `not_before`).
        let outside = if let Some(start) = bound(&self.not_before).filter(|start| date < *start) {
            Some((start, self.not_before.as_deref(), false))
        } else {
            bound(&self.not_after)
                .filter(|end| date > *end)
                .map(|end| (end, self.not_after.as_deref(), true))
        };
        if let Some((edge, edge_pointer, after)) = outside {
            // Said right after "the plan period" in the rule's message.
            let side = if after {
                t!("lint-rules-date-after")
            } else {
                t!("lint-rules-date-before")
            };
            let mut violation = Violation::at_target()
                .var("date", date)
                .var("bound", edge)
                .var("side", side);
            violation.remedies = super::remedy::date(
                context,
                target.pointer(),
                date,
                edge,
                edge_pointer.unwrap_or_default(),
                after,
            );
            out.push(violation);
        }
    }
}
