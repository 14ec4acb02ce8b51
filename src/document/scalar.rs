//! Scalar resolution by the YAML 1.2 core schema.
//!
//! Plain (unquoted) scalars resolve to null, booleans, integers and floats by
//! the core schema's patterns; quoted and block scalars are strings. The core
//! tags `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` override that; the
//! non-specific tag `!` makes a string; any other tag is ignored.

use std::borrow::Cow;

use crate::i18n::t;
use saphyr_parser::{ScalarStyle, Tag};
use serde_json::{Number, Value};

/// Why a scalar could not become a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ScalarError {
    pub(super) message: String,
    pub(super) label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CoreTag {
    Str,
    Int,
    Float,
    Bool,
    Null,
}

const CORE_PREFIX: &str = "tag:yaml.org,2002:";

fn core_tag(tag: &Tag) -> Option<CoreTag> {
    // `! value`: the non-specific tag, which forces a string.
    if tag.handle.is_empty() && tag.suffix == "!" {
        return Some(CoreTag::Str);
    }
    let suffix = if tag.handle == CORE_PREFIX {
        tag.suffix.as_str()
    } else if tag.handle.is_empty() || tag.handle == "!" {
        // Verbatim `!<tag:yaml.org,2002:str>`.
        tag.suffix.strip_prefix(CORE_PREFIX)?
    } else {
        return None;
    };
    match suffix {
        "str" => Some(CoreTag::Str),
        "int" => Some(CoreTag::Int),
        "float" => Some(CoreTag::Float),
        "bool" => Some(CoreTag::Bool),
        "null" => Some(CoreTag::Null),
        _ => None,
    }
}

/// A number before it becomes JSON.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    Signed(i64),
    Unsigned(u64),
    Float(f64),
}

/// Quote a scalar for a message, shortening long ones.
pub(super) fn shown(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("`{}…`", text.get(..cut).unwrap_or("")),
        None => format!("`{text}`"),
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn all_digits(s: &str, radix: u32) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_digit(radix))
}

/// Digits too many for u64: accumulate in floating point.
fn digits_to_f64(digits: &str, radix: u32) -> f64 {
    digits.chars().fold(0.0, |acc, c| {
        acc * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0))
    })
}

fn radix_int(digits: &str, radix: u32) -> Option<Num> {
    if !all_digits(digits, radix) {
        return None;
    }
    Some(match u64::from_str_radix(digits, radix) {
        Ok(n) => Num::Unsigned(n),
        Err(_) => Num::Float(digits_to_f64(digits, radix)),
    })
}

/// Core schema integers: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
fn parse_int(text: &str) -> Option<Num> {
    if let Some(octal) = text.strip_prefix("0o") {
        return radix_int(octal, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return radix_int(hex, 16);
    }
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or("")),
        Some(b'+') => (false, text.get(1..).unwrap_or("")),
        _ => (false, text),
    };
    if !all_digits(digits, 10) {
        return None;
    }
    if let Ok(n) = text.parse::<i64>() {
        return Some(Num::Signed(n));
    }
    if !negative {
        if let Ok(n) = digits.parse::<u64>() {
            return Some(Num::Unsigned(n));
        }
    }
    // Too large for 64 bits; Rust's float parser takes any digit string.
    text.parse::<f64>().ok().map(Num::Float)
}

/// Core schema floats:
/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the infinities
/// `[-+]?\.(inf|Inf|INF)` and `\.(nan|NaN|NAN)`.
fn parse_float(text: &str) -> Option<f64> {
    let unsigned = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('+'))
        .unwrap_or(text);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return Some(if text.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(f64::NAN);
    }
    let b = unsigned.as_bytes();
    let digits_from = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let int_end = digits_from(0);
    let mut i = int_end;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        let frac_end = digits_from(i + 1);
        frac_digits = frac_end - (i + 1);
        i = frac_end;
    }
    if int_end == 0 && frac_digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp_end = digits_from(i);
        if exp_end == i {
            return None;
        }
        i = exp_end;
    }
    if i != b.len() {
        return None;
    }
    text.parse::<f64>().ok()
}

fn non_finite(text: &str) -> ScalarError {
    ScalarError {
        message: t!("document-not-finite", value = shown(text)),
        label: t!("document-not-finite-label"),
    }
}

fn number(num: Num, text: &str) -> Result<Value, ScalarError> {
    match num {
        Num::Signed(n) => Ok(Value::Number(n.into())),
        Num::Unsigned(n) => Ok(Value::Number(n.into())),
        Num::Float(f) => Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| non_finite(text)),
    }
}

fn tag_mismatch(text: &str, tag: CoreTag) -> ScalarError {
    let value = shown(text);
    let message = match tag {
        CoreTag::Int => t!("document-tag-not-int", value = value),
        CoreTag::Float => t!("document-tag-not-float", value = value),
        CoreTag::Bool => t!("document-tag-not-bool", value = value),
        // `!!str` takes any text.
        CoreTag::Null | CoreTag::Str => t!("document-tag-not-null", value = value),
    };
    ScalarError {
        message,
        label: t!("document-tag-mismatch-label"),
    }
}

/// Resolve a scalar to a JSON value.
pub(super) fn resolve(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, ScalarError> {
    Ok(typed(text, style, tag)?.unwrap_or_else(|| Value::String(text.to_owned())))
}

/// [`resolve`], moving the text into the value when it is a string.
pub(super) fn resolve_owned(
    text: Cow<'_, str>,
    style: ScalarStyle,
    tag: Option<&Tag>,
) -> Result<Value, ScalarError> {
    Ok(typed(&text, style, tag)?.unwrap_or_else(|| Value::String(exact(text))))
}

/// The text as a `String` holding no more than it needs: the parser makes
/// each scalar with room to grow (32 bytes at least), and a large plan
/// keeps hundreds of thousands of short ones.
pub(super) fn exact(text: Cow<'_, str>) -> String {
    let mut owned = text.into_owned();
    owned.shrink_to_fit();
    owned
}

/// The value of a scalar that is not a string; `None` for strings.
fn typed(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Option<Value>, ScalarError> {
    let value = match tag.and_then(core_tag) {
        Some(CoreTag::Str) => return Ok(None),
        Some(CoreTag::Int) => match parse_int(text) {
            Some(n) => number(n, text)?,
            None => return Err(tag_mismatch(text, CoreTag::Int)),
        },
        Some(CoreTag::Float) => match parse_int(text) {
            Some(Num::Signed(n)) => number(Num::Float(n as f64), text)?,
            Some(Num::Unsigned(n)) => number(Num::Float(n as f64), text)?,
            Some(n @ Num::Float(_)) => number(n, text)?,
            None => match parse_float(text) {
                Some(f) => number(Num::Float(f), text)?,
                None => return Err(tag_mismatch(text, CoreTag::Float)),
            },
        },
        Some(CoreTag::Bool) => match parse_bool(text) {
            Some(b) => Value::Bool(b),
            None => return Err(tag_mismatch(text, CoreTag::Bool)),
        },
        Some(CoreTag::Null) => {
            if is_null(text) {
                Value::Null
            } else {
                return Err(tag_mismatch(text, CoreTag::Null));
            }
        }
        None if style == ScalarStyle::Plain => return plain(text),
        None => return Ok(None),
    };
    Ok(Some(value))
}

/// Core schema resolution of an untagged plain scalar.
fn plain(text: &str) -> Result<Option<Value>, ScalarError> {
    if is_null(text) {
        return Ok(Some(Value::Null));
    }
    if let Some(b) = parse_bool(text) {
        return Ok(Some(Value::Bool(b)));
    }
    if let Some(n) = parse_int(text) {
        return number(n, text).map(Some);
    }
    if let Some(f) = parse_float(text) {
        return number(Num::Float(f), text).map(Some);
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plain(text: &str) -> Result<Value, ScalarError> {
        let owned = resolve_owned(Cow::Borrowed(text), ScalarStyle::Plain, None);
        assert_eq!(owned, resolve(text, ScalarStyle::Plain, None));
        owned
    }

    fn tagged(text: &str, suffix: &str) -> Result<Value, ScalarError> {
        let tag = Tag {
            handle: CORE_PREFIX.to_owned(),
            suffix: suffix.to_owned(),
        };
        resolve(text, ScalarStyle::DoubleQuoted, Some(&tag))
    }

    #[test]
    fn plain_table() {
        let cases: &[(&str, Value)] = &[
            ("", Value::Null),
            ("~", Value::Null),
            ("null", Value::Null),
            ("NULL", Value::Null),
            ("nULL", json!("nULL")),
            ("true", json!(true)),
            ("False", json!(false)),
            ("yes", json!("yes")),
            ("0", json!(0)),
            ("-12", json!(-12)),
            ("+12", json!(12)),
            ("007", json!(7)),
            ("0o17", json!(15)),
            ("0x1F", json!(31)),
            ("0xFFFFFFFFFFFFFFFF", json!(u64::MAX)),
            ("18446744073709551615", json!(u64::MAX)),
            ("-9223372036854775808", json!(i64::MIN)),
            ("-0x1", json!("-0x1")),
            ("0o8", json!("0o8")),
            ("1_000", json!("1_000")),
            ("1.5", json!(1.5)),
            ("-.5", json!(-0.5)),
            ("1.", json!(1.0)),
            ("5.e3", json!(5000.0)),
            ("1e3", json!(1000.0)),
            ("1E-2", json!(0.01)),
            ("1e", json!("1e")),
            (".", json!(".")),
            ("+", json!("+")),
            ("2026-03-01", json!("2026-03-01")),
            ("1.2.3", json!("1.2.3")),
        ];
        for (text, want) in cases {
            assert_eq!(plain(text).as_ref(), Ok(want), "{text:?}");
        }
        let big = plain("1234567890123456789012345678901234567890").unwrap();
        assert_eq!(big.as_f64(), Some(1.2345678901234568e39));
        assert!(big.is_f64());
    }

    #[test]
    fn non_finite_numbers() {
        for text in [".nan", ".NaN", ".inf", "-.Inf", "+.INF", "1e400"] {
            let err = plain(text).unwrap_err();
            assert_eq!(
                err.message,
                format!("`{text}` is not a finite number; planlint needs plain finite numbers")
            );
        }
        assert!(plain(&"9".repeat(400)).is_err());
        assert!(plain(&format!("0x{}", "F".repeat(300))).is_err());
    }

    #[test]
    fn styles_and_tags() {
        assert_eq!(resolve("12", ScalarStyle::SingleQuoted, None), Ok(json!("12")));
        assert_eq!(resolve("true", ScalarStyle::Literal, None), Ok(json!("true")));
        assert_eq!(tagged("12", "int"), Ok(json!(12)));
        assert_eq!(tagged("12", "float"), Ok(json!(12.0)));
        assert_eq!(tagged("12", "str"), Ok(json!("12")));
        assert_eq!(tagged("TRUE", "bool"), Ok(json!(true)));
        assert_eq!(tagged("~", "null"), Ok(Value::Null));
        assert_eq!(tagged("x", "seq"), Ok(json!("x")));
        assert_eq!(
            tagged("abc", "int").unwrap_err().message,
            "`abc` is tagged !!int but is not an integer"
        );
        let local = Tag {
            handle: "!".to_owned(),
            suffix: "thing".to_owned(),
        };
        assert_eq!(resolve("5", ScalarStyle::Plain, Some(&local)), Ok(json!(5)));
        let nonspecific = Tag {
            handle: String::new(),
            suffix: "!".to_owned(),
        };
        assert_eq!(
            resolve("5", ScalarStyle::Plain, Some(&nonspecific)),
            Ok(json!("5"))
        );
    }

    #[test]
    fn tag_mismatches_are_named_in_chinese() {
        let _chinese = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let error = tagged("abc", "int").unwrap_err();
        assert_eq!(error.message, "`abc` 标注为 !!int，但不是整数");
        assert_eq!(error.label, "与标注的类型不符");
        assert_eq!(
            plain(".inf").unwrap_err().message,
            "`.inf` 不是有限的数字；planlint 只接受普通的有限数字"
        );
    }

    #[test]
    fn shown_truncates() {
        assert_eq!(shown("ab"), "`ab`");
        let long = "x".repeat(50);
        assert_eq!(shown(&long), format!("`{}…`", "x".repeat(40)));
    }
}
