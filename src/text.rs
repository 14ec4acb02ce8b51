//! Text from files shown to people: a file name or a goal id may hold
//! control characters (an escape sequence that recolours or rewrites the
//! terminal, a bell); they are shown as `\u{1b}`, never sent raw.

/// `text` with every control character but line breaks and tabs escaped.
pub fn visible(text: &str) -> String {
    escape(text, |c| c == '\n' || c == '\t')
}

/// `text` with every control character escaped but those in `kept` (a
/// format that escapes line breaks its own way keeps them).
pub fn visible_keeping(text: &str, kept: &[char]) -> String {
    escape(text, |c| kept.contains(&c))
}

/// `text` with every control character escaped, line breaks included (for
/// one-line things such as file names).
pub fn visible_line(text: &str) -> String {
    escape(text, |_| false)
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> String {
    if !text.chars().any(|c| c.is_control() && !keep(c)) {
        return text.to_owned();
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && !keep(c) {
            shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(visible("goal \u{1b}[31mred\u{7}"), "goal \\u{1b}[31mred\\u{7}");
        assert_eq!(visible("two\nlines\tand tab"), "two\nlines\tand tab");
        assert_eq!(visible_line("a\nb.plan.yaml"), "a\\u{a}b.plan.yaml");
        assert_eq!(visible_line("计划.plan.yaml"), "计划.plan.yaml");
    }
}
