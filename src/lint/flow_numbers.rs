//! `{spend: 10,000}`: inside `{...}` a comma ends the value, so YAML reads
//! `spend: 10` and a key `000`. The loader joins such numbers back into the
//! text as written (read like the same text in block style); here each one
//! is named at its place, with what YAML read and what to write instead.

use crate::document::Lookup;
use crate::document::{Document, FlowSplit};
use crate::finding::{Finding, Fix, Severity};
use crate::i18n::t;
use crate::lint::normalize::{Kind, TYPED_FIELDS};
use crate::rule::meta::{NON_CANONICAL_VALUE, SCHEMA};

/// What YAML read, in words: "YAML reads `10` and a separate field `000`".
fn yaml_read(split: &FlowSplit) -> String {
    let (value, keys) = split
        .pieces
        .split_first()
        .map_or(("", &[][..]), |(v, k)| (v.as_str(), k));
    let fields: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    t!(
        "lint-rules-flow-yaml-read",
        value = value,
        count = fields.len(),
        fields = crate::lint::functions::listed(&fields)
    )
}

/// Adds what YAML read to the schema's finding about a split number (its
/// span is the joined text), so the reader sees why the value looks odd.
pub(crate) fn explain_schema_finding(finding: &mut Finding, document: &Document) {
    if let Some(split) = document.flow_split(finding.span) {
        finding.message = t!(
            "lint-rules-flow-explained",
            message = finding.message.as_str(),
            read = yaml_read(split)
        );
        if let Some(help) = &mut finding.help {
            let more = if finding.fix.is_some() {
                t!("lint-rules-flow-help-quote", help = &**help)
            } else {
                t!("lint-rules-flow-help-no-comma", help = &**help)
            };
            *help = more.into();
        }
    }
}

/// A finding for each split number that no schema finding names already
/// (a text or `x-` field, where the joined text is what was meant): other
/// YAML tools still read it the split way, so it is worth quoting.
pub(crate) fn findings(
    document: &Document,
    text: &str,
    named: &[&Finding],
    severity: Severity,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for split in document.flow_splits() {
        if named.iter().any(|finding| finding.span == split.span) {
            continue;
        }
        let Some(pointer) = document
            .iter()
            .find(|(_, spans)| spans.value == split.span)
            .map(|(pointer, _)| pointer)
        else {
            continue;
        };
        let written = text.get(split.span.start..split.span.end).unwrap_or_default();
        // A bare number is meant as that number; anything else as its text.
        let plain_number = written
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        let replacement = plain_number
            .then(|| crate::lint::values::amount(written))
            .flatten()
            .and_then(|amount| serde_json::Number::from_f64(amount.value))
            .map(|number| match number.as_f64() {
                Some(whole) if whole.fract() == 0.0 && whole.abs() < 9.0e15 => (whole as i64).to_string(),
                _ => number.to_string(),
            });
        let quoted = serde_json::to_string(written).unwrap_or_else(|_| format!("\"{written}\""));
        let (help, replacement) = match replacement {
            Some(number) => (
                t!(
                    "lint-rules-flow-split-help-number",
                    number = number.as_str(),
                    quoted = quoted.as_str()
                ),
                number,
            ),
            None => (
                t!("lint-rules-flow-split-help", quoted = quoted.as_str()),
                quoted.clone(),
            ),
        };
        out.push(Finding {
            rule: NON_CANONICAL_VALUE.to_owned(),
            severity,
            message: t!(
                "lint-rules-flow-split",
                place = crate::lint::place::describe(&pointer, &document.value),
                written = written,
                read = yaml_read(split)
            ),
            help: Some(help.into()),
            pointer,
            span: split.span,
            label: t!("lint-rules-flow-split-label"),
            related: Vec::new(),
            fix: Some(Box::new(Fix {
                title: t!(
                    "lint-rules-flow-split-fix",
                    written = written,
                    replacement = replacement.as_str()
                ),
                span: split.span,
                replacement,
            })),
            choices: Vec::new(),
            remedies: Vec::new(),
        });
    }
    out
}

/// `budget: 12.000` as a European writes twelve thousand: YAML reads a
/// decimal point, 12. In a field of money or counts, a number written with
/// exactly three digits after one point (`12.000`, `1.500`) is read both
/// ways by people, so it is named with both readings; no fix is certain.
pub(crate) fn decimal_point_doubts(document: &Document, text: &str, severity: Severity) -> Vec<Finding> {
    // Cheap test first: most plans have no such number at all.
    let bytes = text.as_bytes();
    let maybe = bytes
        .windows(5)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2..].iter().all(u8::is_ascii_digit));
    if !maybe {
        return Vec::new();
    }
    let amount_fields: Vec<Vec<&str>> = TYPED_FIELDS
        .iter()
        .filter(|(_, kind)| matches!(kind, Kind::Amount | Kind::Measure | Kind::Target))
        .map(|(path, _)| path.split('/').skip(1).collect())
        .collect();
    let typed = |pointer: &str| {
        let steps: Vec<&str> = pointer.split('/').skip(1).collect();
        amount_fields.iter().any(|path| {
            path.len() == steps.len()
                && path.iter().zip(&steps).all(|(want, step)| {
                    *want == *step || (*want == "*" && step.bytes().all(|b| b.is_ascii_digit()))
                })
        })
    };
    let mut out = Vec::new();
    // Pointers are built only for the few values shaped like `12.000`.
    for (id, spans) in document.node_spans() {
        let Some(written) = text.get(spans.value.start..spans.value.end) else {
            continue;
        };
        let Some((whole, fraction)) = written.split_once('.') else {
            continue;
        };
        let shaped = (1..=3).contains(&whole.len())
            && fraction.len() == 3
            && whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit());
        if !shaped {
            continue;
        }
        let pointer = document.pointer_of(id);
        if !document
            .value
            .lookup(&pointer)
            .is_some_and(serde_json::Value::is_number)
            || !typed(&pointer)
        {
            continue;
        }
        let place = crate::lint::place::describe(&pointer, &document.value);
        out.push(two_way_finding(
            pointer,
            place,
            spans.value,
            written,
            (whole, fraction),
            severity,
        ));
    }
    out
}

/// The finding for `written` (`12.000`, split at its dot into `whole` and
/// `fraction`) at `place`: both readings named, each offered as a choice.
fn two_way_finding(
    pointer: String,
    place: String,
    span: crate::document::Span,
    written: &str,
    (whole, fraction): (&str, &str),
    severity: Severity,
) -> Finding {
    let as_decimal = crate::numbers::format_number(written.parse::<f64>().unwrap_or_default());
    let thousands = format!("{whole}{fraction}").trim_start_matches('0').to_owned();
    Finding {
        rule: SCHEMA.to_owned(),
        severity,
        message: t!(
            "lint-rules-decimal-point",
            place = place,
            written = written,
            decimal = as_decimal.as_str(),
            thousands = thousands.as_str()
        ),
        help: Some(
            t!(
                "lint-rules-decimal-point-help",
                decimal = as_decimal.as_str(),
                thousands = thousands.as_str()
            )
            .into(),
        ),
        pointer,
        span,
        label: t!("lint-rules-decimal-point-label"),
        related: Vec::new(),
        fix: None,
        choices: [
            (
                &thousands,
                t!(
                    "lint-rules-decimal-point-fix-thousands",
                    written = written,
                    number = thousands.as_str()
                ),
            ),
            (
                &as_decimal,
                t!(
                    "lint-rules-decimal-point-fix-decimal",
                    written = written,
                    number = as_decimal.as_str()
                ),
            ),
        ]
        .into_iter()
        .map(|(number, title)| Fix {
            title,
            span,
            replacement: number.clone(),
        })
        .collect(),
        remedies: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{load, LoadLimits};
    use serde_json::json;

    #[test]
    fn split_numbers_are_joined_as_written() {
        let text = "t: [{spend: 10,000, new_customers: 1,140}, {a: 1,000,000, b: 10,000}, {c: 5, 000: 1}]\n";
        let document = load(text, &LoadLimits::default()).unwrap();
        assert_eq!(
            document.value,
            json!({"t": [
                {"spend": "10,000", "new_customers": "1,140"},
                {"a": "1,000,000", "b": "10,000"},
                {"c": 5, "000": 1},
            ]})
        );
        let slice = |pointer: &str| {
            let span = document.pointer_span(pointer);
            &text[span.start..span.end]
        };
        assert_eq!(slice("/t/0/spend"), "10,000");
        assert_eq!(slice("/t/1/a"), "1,000,000");
        let pieces: Vec<&[String]> = document.flow_splits().iter().map(|s| &s.pieces[..]).collect();
        assert_eq!(pieces.len(), 4);
        assert_eq!(pieces[2], ["1", "000", "000"]);
    }

    #[test]
    fn a_dot_before_three_digits_in_an_amount_is_named() {
        let text = "budget: {total: 12.000, items: [{amount: 1.5}]}\nunit_economics: {gross_margin: 0.125}\nx-n: 2.000\n";
        let document = load(text, &LoadLimits::default()).unwrap();
        let found = super::decimal_point_doubts(&document, text, crate::finding::Severity::Warning);
        let pointers: Vec<&str> = found.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(pointers, ["/budget/total"]);
        assert!(
            found[0]
                .message
                .contains("12 with a decimal point, 12000 with a dot between thousands"),
            "{}",
            found[0].message
        );
    }

    /// Block style, a quoted value and a key with its own `:` are not splits.
    #[test]
    fn only_plain_values_continued_by_a_key_without_value_are_joined() {
        let text = "a: 10,000\nb: {x: 10, 000: 2}\nc: {y: \"10\",000}\nd: {note: 渠道广, 价格高, n: 1}\n";
        let document = load(text, &LoadLimits::default()).unwrap();
        assert_eq!(document.flow_splits().len(), 1);
        assert_eq!(document.value["a"], json!("10,000"));
        assert_eq!(document.value["b"], json!({"x": 10, "000": 2}));
        assert_eq!(document.value["c"], json!({"y": "10", "000": null}));
        // Text with a comma inside {...} is joined the same way.
        assert_eq!(document.value["d"], json!({"note": "渠道广, 价格高", "n": 1}));
    }
}
