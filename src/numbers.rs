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
    let magnitude = rounded.abs();
    // Whole units and hundredths as integers: exact below 2^53 / 100, and
    // without the float-to-decimal conversion `{:.2}` runs.
    let (whole, fraction) = if magnitude < 1e13 {
        let cents = (magnitude * 100.0).round() as u64;
        let whole = (cents / 100).to_string();
        let fraction = match cents % 100 {
            0 => String::new(),
            tenths if tenths % 10 == 0 => (tenths / 10).to_string(),
            hundredths => format!("{hundredths:02}"),
        };
        (whole, fraction)
    } else {
        let text = format!("{magnitude:.2}");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        (whole.to_owned(), fraction.trim_end_matches('0').to_owned())
    };
    let mut text = String::with_capacity(whole.len() + whole.len() / 3 + fraction.len() + 2);
    if negative {
        text.push('-');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
    if !fraction.is_empty() {
        text.push('.');
        text.push_str(&fraction);
    }
    text
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

    /// The way numbers were formatted before the integer fast path: through
    /// `{:.2}`, trailing zeros trimmed.
    fn through_float_formatting(number: f64) -> String {
        let rounded = if number.abs() >= 100.0 {
            number.round()
        } else {
            (number * 100.0).round() / 100.0
        };
        let text = format!("{:.2}", rounded.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let grouped: String = whole
            .chars()
            .enumerate()
            .flat_map(|(i, d)| {
                (i > 0 && (whole.len() - i) % 3 == 0)
                    .then_some(',')
                    .into_iter()
                    .chain([d])
            })
            .collect();
        let sign = if rounded < 0.0 { "-" } else { "" };
        match fraction.trim_end_matches('0') {
            "" => format!("{sign}{grouped}"),
            fraction => format!("{sign}{grouped}.{fraction}"),
        }
    }

    #[test]
    fn the_fast_path_writes_what_float_formatting_writes() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut numbers = vec![
            0.0,
            -0.0,
            0.005,
            0.015,
            0.125,
            99.995,
            99.994,
            100.5,
            1e13,
            1e13 - 1.0,
            123456789.49,
            2e20,
        ];
        for _ in 0..20_000 {
            let bits = next();
            let scale = 10f64.powi((bits % 16) as i32 - 3);
            let number = (next() % 1_000_000) as f64 / 997.0 * scale;
            numbers.push(if bits & 1 == 0 { number } else { -number });
        }
        for number in numbers {
            assert_eq!(
                format_number(number),
                through_float_formatting(number),
                "{number}"
            );
        }
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
