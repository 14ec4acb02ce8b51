//! How numbers and values read in messages: `40,000`, `333`, `1.67`.

use crate::i18n::t;
use serde_json::Value;

/// A number as a marketing lead would write it: thousands separated, whole
/// numbers from 100 up, at most two decimals below that.
pub fn format_number(number: f64) -> String {
    if !number.is_finite() {
        return t!("document-not-a-finite-number");
    }
    let rounded = if number.abs() >= 100.0 {
        number.round()
    } else {
        (number * 100.0).round() / 100.0
    };
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// An amount of money: `40,000 CNY`, or `40,000` when the plan names no currency.
pub fn format_money(amount: f64, currency: Option<&str>) -> String {
    match currency {
        Some(code) => format!("{} {code}", format_number(amount)),
        None => format_number(amount),
    }
}

/// A value as it reads inside a message: strings bare, numbers formatted.
pub fn display_value(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => match number.as_i64() {
            Some(whole) => format_number(whole as f64),
            None => number
                .as_f64()
                .map(format_number)
                .unwrap_or_else(|| number.to_string()),
        },
        other => other.to_string(),
    }
}

/// A value from the plan as it reads inside a message: numbers exactly as
/// given (`0.009`, never rounded to `0.01`), whole parts grouped
/// (`1,234.5`); strings bare.
pub fn display_given(value: &Value) -> String {
    let Value::Number(number) = value else {
        return display_value(value);
    };
    if number.is_i64() || number.is_u64() {
        return display_value(value);
    }
    // serde_json writes a float in its shortest exact form.
    let text = number.to_string();
    if text.contains(['e', 'E']) {
        return text;
    }
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction.trim_end_matches('0') {
        "" => format!("{sign}{grouped}"),
        fraction => format!("{sign}{grouped}.{fraction}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_a_person_would() {
        assert_eq!(format_number(40000.0), "40,000");
        assert_eq!(format_number(333.333), "333");
        assert_eq!(format_number(1.666), "1.67");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(-1234567.0), "-1,234,567");
        assert_eq!(format_number(99.999), "100");
        assert_eq!(format_number(f64::NAN), "n/a");
        assert_eq!(format_number(0.0), "0");
        let _chinese = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(format_number(f64::INFINITY), "无法计算");
        assert_eq!(format_number(40000.0), "40,000");
    }

    #[test]
    fn given_numbers_are_shown_exactly() {
        let shown = |value: Value| display_given(&value);
        assert_eq!(shown(serde_json::json!(0.009)), "0.009");
        assert_eq!(shown(serde_json::json!(1234.5)), "1,234.5");
        assert_eq!(shown(serde_json::json!(-0.125)), "-0.125");
        assert_eq!(shown(serde_json::json!(40000)), "40,000");
        assert_eq!(shown(serde_json::json!(100.0)), "100");
        assert_eq!(shown(serde_json::json!("No.2")), "No.2");
    }
}
