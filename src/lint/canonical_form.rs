//! The schema's word on a value written in a person's way: what planlint
//! read it as, and the exact canonical form to write instead.

use crate::finding::{Finding, Fix};
use crate::lint::normalize::Reading;
use crate::lint::schema::display_path;
use serde_json::Value;

/// Rewrites the schema `finding` about the value `reading` describes
/// (`written` is its source text). The canonical form is a certain fix
/// unless the value named a currency the plan does not use: writing the
/// bare number would then lose what the sign said.
pub(crate) fn explain(finding: &mut Finding, reading: &Reading, plan: &Value, written: &str) {
    let field = display_path(&reading.pointer);
    let key = reading.pointer.rsplit('/').next().unwrap_or_default();
    match &reading.canonical {
        Some(canonical) => {
            let shown = match canonical {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            finding.message = format!(
                "{field} is written as {:?}: the plan format wants {shown}",
                reading.written
            );
            let mut help = format!("write `{key}: {shown}`");
            let plan_currency = plan.get("currency").and_then(Value::as_str);
            let other_currency = reading.currency.filter(|code| plan_currency != Some(*code));
            if let Some(currency) = other_currency {
                help.push_str(&format!(" and set `currency: {currency}`"));
            }
            finding.fix = match (
                other_currency,
                crate::lint::scalar_text::replacement(written, canonical),
            ) {
                (None, Some(replacement)) => Some(Fix {
                    title: format!("write {:?} as {shown}", reading.written),
                    span: finding.span,
                    replacement,
                }),
                _ => None,
            };
            finding.help = Some(format!(
                "{help}; planlint reads it as {shown} meanwhile, so the rules still check it"
            ));
            finding.label = "not in canonical form".to_owned();
        }
        None if reading.currency.is_some() => {
            // `"$850,000"` in a CNY plan: another currency, named as such;
            // changing the plan's currency would re-denominate every amount.
            let plan_currency = plan.get("currency").and_then(Value::as_str).unwrap_or_default();
            let currency = reading.currency.unwrap_or_default();
            finding.message = format!(
                "{field} is written in {currency} ({:?}); the plan's currency is {plan_currency}",
                reading.written
            );
            finding.help = Some(format!(
                "write the amount in {plan_currency}, converted at the rate your team uses (planlint does not convert currencies); the rules that need it cannot check the plan until then"
            ));
            finding.label = "another currency".to_owned();
            finding.fix = None;
        }
        None if reading.choices.len() == 2 => {
            // `05/06/2026`: both readings are real dates; the writer picks.
            let shown: Vec<String> = reading
                .choices
                .iter()
                .map(crate::numbers::display_value)
                .collect();
            finding.message = format!(
                "{field} is written as {:?}, which reads two ways: {} if the day comes first, {} if the month does",
                reading.written, shown[0], shown[1]
            );
            finding.help = Some(format!(
                "write `{key}: {}` or `{key}: {}`, whichever you meant; the rules that need this date cannot check the plan until then",
                shown[0], shown[1]
            ));
            finding.label = "day or month first?".to_owned();
            finding.fix = None;
            let readings = ["day first", "month first"];
            finding.choices = reading
                .choices
                .iter()
                .zip(shown.iter().zip(readings))
                .filter_map(|(choice, (date, order))| {
                    Some(Fix {
                        title: format!("write {:?} as {date} ({order})", reading.written),
                        span: finding.span,
                        replacement: crate::lint::scalar_text::replacement(written, choice)?,
                    })
                })
                .collect();
        }
        None => {
            // The schema's own words ("must be a number, found the text
            // \"lots\"") say it; the help says what it costs.
            finding.help = Some(format!(
                "write {}: the rules that need this value cannot check the plan until then",
                reading.kind.noun()
            ));
        }
    }
}
