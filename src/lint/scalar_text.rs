//! How to write a value where a scalar is written, keeping the writer's way:
//! a double-quoted string stays double-quoted (so JSON stays JSON), a
//! single-quoted one single-quoted; a number replaces the quotes around
//! the text it was read from.

use serde_json::Value;

/// The text to put in place of `written` (the scalar's source, quotes
/// included) so that it reads as `value`; `None` for a value that is not a
/// scalar or a scalar written over several lines (a block scalar).
pub fn replacement(written: &str, value: &Value) -> Option<String> {
    if written.contains('\n') || written.starts_with(['|', '>']) {
        return None;
    }
    match value {
        Value::String(text) => Some(string_like(written, text)),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// `text` as a string scalar quoted as `written` is.
fn string_like(written: &str, text: &str) -> String {
    if written.starts_with('\'') {
        format!("'{}'", text.replace('\'', "''"))
    } else if written.starts_with('"') || !plain_is_safe(text) {
        serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
    } else {
        text.to_owned()
    }
}

/// Whether `text` written bare reads back as the same string: letters,
/// digits, `-`, `_`, `.` and `/` inside, and not a word YAML reads as
/// something else.
fn plain_is_safe(text: &str) -> bool {
    let simple = text
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        && text.chars().next().is_some_and(|c| c.is_alphabetic());
    let special = matches!(
        text.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
    );
    simple && !special
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quoting_follows_the_written_scalar() {
        assert_eq!(
            replacement("dealine", &json!("deadline")).as_deref(),
            Some("deadline")
        );
        assert_eq!(
            replacement("\"dealine\"", &json!("deadline")).as_deref(),
            Some("\"deadline\"")
        );
        assert_eq!(replacement("'x'", &json!("it's")).as_deref(), Some("'it''s'"));
        assert_eq!(replacement("\"¥480\"", &json!(480)).as_deref(), Some("480"));
        assert_eq!(replacement("No.2", &json!(2)).as_deref(), Some("2"));
        assert_eq!(
            replacement("2026/6/30", &json!("2026-06-30")).as_deref(),
            Some("\"2026-06-30\"")
        );
        assert_eq!(replacement("|\n  x", &json!("y")), None);
        assert_eq!(replacement("x", &json!("yes")).as_deref(), Some("\"yes\""));
    }
}
