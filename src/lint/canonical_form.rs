//! Values written in a person's way (`"¥3,200"`, `No.1`, `2026年6月30日`):
//! a value read exactly is a matter of form, reported by its own rule
//! with the plain form as a certain fix; a value that cannot be read is
//! named by the plan format's finding, with what to write instead.

use crate::document::Document;
use crate::finding::{Finding, Fix, Severity};
use crate::lint::normalize::Reading;
use crate::lint::place;
use crate::rule::meta::NON_CANONICAL_VALUE;
use serde_json::Value;
use std::sync::Arc;

/// The finding of form for a value read exactly (`None` for one that could
/// not be read). The plain form is a certain fix unless the value named a
/// currency the plan does not use: writing the bare number would then lose
/// what the sign said.
pub(crate) fn finding(
    reading: &Reading,
    document: &Document,
    text: &str,
    severity: Severity,
) -> Option<Finding> {
    let canonical = reading.canonical.as_ref()?;
    let span = document.pointer_span(&reading.pointer);
    let written = text.get(span.start..span.end).unwrap_or_default();
    let shown = match canonical {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let key = reading.pointer.rsplit('/').next().unwrap_or_default();
    let plan_currency = document.value.get("currency").and_then(Value::as_str);
    let other_currency = reading
        .currency
        .filter(|code| !same_currency(code, plan_currency, &reading.written));
    let mut help = format!("write `{key}: {shown}`");
    if let Some(currency) = other_currency {
        help.push_str(&format!(
            " and set `currency: {currency}` (the plan's money is all in one currency)"
        ));
    } else {
        help.push_str(" so that every tool reading the plan understands it");
    }
    let fix = match other_currency {
        None => crate::lint::scalar_text::replacement(written, canonical).map(|replacement| Fix {
            title: format!("write {:?} as {shown}", reading.written),
            span,
            replacement,
        }),
        Some(_) => None,
    };
    Some(Finding {
        rule: NON_CANONICAL_VALUE.into(),
        severity,
        message: format!(
            "{} is written as {:?}, which planlint reads as {shown}",
            place::describe(&reading.pointer, &document.value),
            reading.written
        ),
        help: Some(help.into()),
        pointer: reading.pointer.clone(),
        span,
        label: format!("read as {shown}"),
        related: Vec::new(),
        fix: fix.map(Box::new),
        choices: Vec::new(),
        remedies: Vec::new(),
    })
}

/// Whether the currency a value's sign names is the plan's: `¥` is the
/// sign of the yuan and of the yen alike.
fn same_currency(code: &str, plan_currency: Option<&str>, written: &str) -> bool {
    let yen_sign = written.contains(['¥', '￥']);
    match plan_currency {
        Some(plan) if plan.eq_ignore_ascii_case(code) => true,
        Some(plan) => yen_sign && ["CNY", "JPY"].iter().any(|yen| plan.eq_ignore_ascii_case(yen)),
        None => false,
    }
}

/// The plan format's finding about a value that could not be read, in
/// words that say why and what it costs: an amount in another currency
/// than the plan's, a date that reads two ways (with each reading as a
/// choice), or a value of the wrong kind. `written` is its source text.
pub(crate) fn explain_unreadable(
    finding: &mut Finding,
    reading: &Reading,
    document: &Document,
    written: &str,
) {
    let field = place::describe(&reading.pointer, &document.value);
    let key = reading.pointer.rsplit('/').next().unwrap_or_default();
    if let Some(currency) = reading.currency {
        // `"$850,000"` in a CNY plan: another currency, named as such;
        // changing the plan's currency would re-denominate every amount.
        let plan_currency = document
            .value
            .get("currency")
            .and_then(Value::as_str)
            .unwrap_or_default();
        finding.message = format!(
            "{field} is written in {currency} ({:?}); the plan's currency is {plan_currency}",
            reading.written
        );
        finding.help = Some(Arc::from(format!(
            "write the amount in {plan_currency}, converted at the rate your team uses (planlint does not convert currencies); the rules that need it cannot check the plan until then"
        )));
        finding.label = "another currency".to_owned();
        finding.fix = None;
    } else if let [day_first, month_first] = reading.choices.as_slice() {
        // `05/06/2026`: both readings are real dates; the writer picks.
        let shown = [day_first, month_first].map(crate::numbers::display_value);
        finding.message = format!(
            "{field} is written as {:?}, which reads two ways: {} if the day comes first, {} if the month does",
            reading.written, shown[0], shown[1]
        );
        finding.help = Some(Arc::from(format!(
            "write `{key}: {}` or `{key}: {}`, whichever you meant; the rules that need this date cannot check the plan until then",
            shown[0], shown[1]
        )));
        finding.label = "day or month first?".to_owned();
        finding.fix = None;
        finding.choices = [day_first, month_first]
            .into_iter()
            .zip(shown.iter().zip(["day first", "month first"]))
            .filter_map(|(choice, (date, order))| {
                Some(Fix {
                    title: format!("write {:?} as {date} ({order})", reading.written),
                    span: finding.span,
                    replacement: crate::lint::scalar_text::replacement(written, choice)?,
                })
            })
            .collect();
    } else {
        // The plan format's own words ("must be a number, found the text
        // \"lots\"") say it; the help says what it costs.
        finding.help = Some(Arc::from(format!(
            "write {}: the rules that need this value cannot check the plan until then",
            reading.kind.noun()
        )));
    }
}
