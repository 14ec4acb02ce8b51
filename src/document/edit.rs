//! Reading a plan again after an edit inside one value, without parsing it
//! again. An editor sends the whole buffer after each keystroke, and most
//! keystrokes change one number or word: for a large plan the parse is
//! most of a re-lint. When the old and the new text differ only inside one
//! value written on one line, plain or in quotes, and the new text of that
//! value is still one value of the same extent (no character that YAML
//! reads as structure, no quote or escape inside quotes), the new document
//! is the old one with that value read again and every later span moved.
//! Anything else (a key, a new line, a `:` or `#` in a plain value, an
//! anchored or shared value) is left to a full load.

use std::borrow::Cow;

use saphyr_parser::ScalarStyle;

use serde_json::Value;

use super::{scalar, Document, Span};

impl Document {
    /// The document of `new_text`, made from this one (the document of
    /// `old_text`) when the texts differ only inside one value that stays
    /// one; `None` when the edit is anything else, and the text is to be
    /// loaded.
    pub fn after_value_edit(&self, old_text: &str, new_text: &str) -> Option<Document> {
        if old_text == new_text {
            return None;
        }
        let (from, old_until, new_until) = changed_bytes(old_text.as_bytes(), new_text.as_bytes());
        let (id, value) = self
            .spans
            .node_spans()
            .map(|(id, spans)| (id, spans.value))
            .find(|&(id, value)| value.start <= from && old_until <= value.end && self.spans.is_scalar(id))?;
        let delta = isize::try_from(new_until).ok()? - isize::try_from(old_until).ok()?;
        let new_end = value.end.checked_add_signed(delta)?;
        let old_written = old_text.get(value.start..value.end)?;
        let new_written = new_text.get(value.start..new_end)?;
        if !after_an_indicator(old_text, value.start) {
            return None;
        }
        let read = read_in_place(old_written, new_written)?;
        // A number joined back from `{spend: 10,000}` is two YAML values.
        if self
            .notes
            .flow_splits
            .iter()
            .any(|split| overlaps(split.span, value))
        {
            return None;
        }
        let pointer = self.spans.pointer_of(id);
        // An anchored value, or one inside what an alias or merge copies,
        // stands in other places too.
        if self.spans.is_shared(&pointer) {
            return None;
        }
        let mut document = self.clone();
        *document.value.pointer_mut(&pointer)? = read;
        document.spans.shift_from(value.end, delta);
        for split in &mut document.notes.flow_splits {
            split.span.shift_from(value.end, delta);
        }
        for span in &mut document.notes.multiline_scalars {
            span.shift_from(value.end, delta);
        }
        Some(document)
    }
}

/// Where two texts differ: the first differing byte, and where the
/// unchanged end begins in the old and in the new text.
fn changed_bytes(old: &[u8], new: &[u8]) -> (usize, usize, usize) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    (prefix, old.len() - suffix, new.len() - suffix)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// What `new_written` reads as, when it is written the way `old_written`
/// was (plain, or in quotes) and YAML would read it as one value of
/// exactly that extent; `None` otherwise.
fn read_in_place(old_written: &str, new_written: &str) -> Option<Value> {
    match old_written.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            quoted_content(old_written, quote)?;
            Some(Value::String(quoted_content(new_written, quote)?.to_owned()))
        }
        _ if stays_plain(old_written) && stays_plain(new_written) => {
            scalar::resolve_owned(Cow::Borrowed(new_written), ScalarStyle::Plain, None).ok()
        }
        _ => None,
    }
}

/// The text between the quotes of `written`, when it holds no quote, no
/// escape and no line break, so that it is the value itself.
fn quoted_content(written: &str, quote: char) -> Option<&str> {
    let content = written.strip_prefix(quote)?.strip_suffix(quote)?;
    content
        .chars()
        .all(|c| c != quote && c != '\\' && is_printable(c))
        .then_some(content)
}

/// A character YAML takes as it is inside a line: no line break, tab or
/// other control, no byte-order mark or non-character.
fn is_printable(c: char) -> bool {
    (c == ' ' || !c.is_whitespace()) && !c.is_control() && !matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether `written` reads as one plain value whatever stands around it:
/// one line, no blank at either end, and only characters that YAML never
/// reads as structure (letters and digits of any script, inner spaces,
/// `. _ - + % / ( ) $`). It starts with a letter or digit, or with a sign
/// or point before a digit (`-5`, `.5`); every later word starts with a
/// letter or digit (the parser takes ` -` before `,` or `]` for an
/// indicator).
fn stays_plain(written: &str) -> bool {
    let starts_with_word = |word: &str| word.chars().next().is_some_and(char::is_alphanumeric);
    let mut words = written.split(' ');
    let first = words.next().unwrap_or_default();
    let mut chars = first.chars();
    let starts_well = starts_with_word(first)
        || (matches!(chars.next(), Some('-' | '+' | '.'))
            && chars.next().is_some_and(|c| c.is_ascii_digit()));
    starts_well
        && words.all(|word| word.is_empty() || starts_with_word(word))
        && !written.ends_with(' ')
        && written.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(c, ' ' | '.' | '_' | '-' | '+' | '%' | '/' | '(' | ')' | '$')
                || (c > '\u{a0}' && is_printable(c))
        })
}

/// Whether the value at `start` follows its `:`, `-`, `[`, `{` or `,` on
/// the same line, with nothing between but blanks: no anchor or tag of its
/// own (`&rate 0.5`, `!!str 5`), which may sit on the line before.
fn after_an_indicator(text: &str, start: usize) -> bool {
    let before = text
        .get(..start)
        .unwrap_or_default()
        .trim_end_matches([' ', '\t']);
    matches!(before.as_bytes().last(), Some(b':' | b'-' | b'[' | b'{' | b','))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{load, LoadLimits};
    use proptest::prelude::*;

    fn loaded(text: &str) -> Document {
        load(text, &LoadLimits::default()).unwrap_or_else(|error| panic!("{text}: {}", error.message))
    }

    /// The edited document is the one a full load of the new text gives:
    /// the same values, spans, shared places and notes.
    fn assert_same(edited: &Document, text: &str) {
        let full = loaded(text);
        assert_eq!(edited.value, full.value, "{text}");
        assert_eq!(
            edited.iter().collect::<Vec<_>>(),
            full.iter().collect::<Vec<_>>(),
            "{text}"
        );
        assert_eq!(edited.notes, full.notes, "{text}");
        for (pointer, _) in full.iter() {
            assert_eq!(
                edited.is_shared(&pointer),
                full.is_shared(&pointer),
                "{pointer} in {text}"
            );
        }
    }

    fn edit(old: &str, new: &str) -> Option<Document> {
        let edited = loaded(old).after_value_edit(old, new);
        if let Some(edited) = &edited {
            assert_same(edited, new);
        }
        edited
    }

    const PLAN: &str = "name: 大型计划\nbudget:\n  total: 90000000  # all of it\nchannels:\n  - name: 渠道 0\n    \
                        test: {budget: 1000, revenue: 1500}\n    spend_tiers: [10000, 20000]\n  - name: Search\n    budget: 5\n    \
                        note: \"让更多人知道我们\"\n    owner: 'Li Na'\n    tags: [\"a, b\", 'c']\n";

    #[test]
    fn a_value_edited_in_place_is_read_again() {
        for (from, to) in [
            ("total: 90000000", "total: 90000001"),
            ("total: 90000000", "total: 9"),
            ("total: 90000000", "total: 90 million"),
            ("total: 90000000", "total: true"),
            ("total: 90000000", "total: -5"),
            ("revenue: 1500", "revenue: 15000"),
            ("revenue: 1500", "revenue: 1.5e3"),
            ("[10000, 20000]", "[10000, 2]"),
            ("渠道 0", "渠道 一百"),
            ("渠道 0", "渠"),
            ("Search", "Search ads"),
            ("budget: 5\n", "budget: 50%\n"),
            ("让更多人知道我们", "让更多人知道"),
            ("让更多人知道我们", " 让更多人 知道我们 "),
            ("'Li Na'", "'Li Na, Wang: #1'"),
            ("\"a, b\"", "\"a, b, c\""),
            ("\"a, b\"", "\"\""),
        ] {
            let new = PLAN.replacen(from, to, 1);
            assert!(edit(PLAN, &new).is_some(), "{from} -> {to}");
        }
    }

    #[test]
    fn anything_else_is_loaded_again() {
        for (from, to) in [
            ("total: 90000000", "total: 9000: 1"),
            ("total: 90000000", "total: 9 # x"),
            ("total: 90000000", "total: '9'"),
            ("total: 90000000", "total: 9,0"),
            ("total: 90000000", "total: 9\n  x: 1"),
            ("total: 90000000", "total: 9 "),
            ("total: 90000000", "total: - 9"),
            ("total: 90000000", "totals: 90000000"),
            ("revenue: 1500", "revenue: 15}"),
            ("revenue: 1500", "revenue: [1500]"),
            ("name: Search", "name: *Search"),
            ("name: Search", "name: &a Search"),
            ("budget: 5\n", "budget: \n"),
            ("让更多人知道我们", "让更多\\n人知道我们"),
            ("让更多人知道我们\"", "让更多人\"知道我们\""),
            ("'Li Na'", "'Li''s'"),
            ("'Li Na'", "'Li Na"),
            ("'c']", "'c'd']"),
        ] {
            let new = PLAN.replacen(from, to, 1);
            if load(&new, &LoadLimits::default()).is_ok() {
                assert!(edit(PLAN, &new).is_none(), "{from} -> {to}");
            } else {
                assert!(
                    loaded(PLAN).after_value_edit(PLAN, &new).is_none(),
                    "{from} -> {to}"
                );
            }
        }
    }

    #[test]
    fn shared_split_and_tagged_values_are_loaded_again() {
        for (old, new) in [
            ("a: &x 5\nb: *x\n", "a: &x 6\nb: *x\n"),
            ("a: &x {n: 5}\nb: *x\n", "a: &x {n: 6}\nb: *x\n"),
            (
                "base: &b {cac: 5}\nue:\n  <<: *b\n",
                "base: &b {cac: 6}\nue:\n  <<: *b\n",
            ),
            ("a: !!str 5\n", "a: !!str 6\n"),
            ("a: &x\n  5\n", "a: &x\n  6\n"),
            ("a: {spend: 10,000}\n", "a: {spend: 12,000}\n"),
            ("a: {spend: 10,000}\n", "a: {spend: 10,001}\n"),
            ("a: one\n  two\n", "a: one\n  twos\n"),
        ] {
            assert!(edit(old, new).is_none(), "{old} -> {new}");
        }
    }

    proptest! {
        /// Any text typed into any value of a plan: when the edit is taken
        /// in place, the document is exactly what a full load gives.
        #[test]
        fn an_edit_in_place_equals_a_full_load(
            value in 0usize..40,
            at in 0usize..12,
            cut in 0usize..4,
            typed in "[a-z0-9 .:#,'\"\\\\\\-\\[\\]{}&*!%?@`|>=~^;<()$+_/\t\u{3000}\u{feff}渠道]{0,4}",
        ) {
            let document = loaded(PLAN);
            let values: Vec<Span> = document
                .node_spans()
                .flat_map(|(_, spans)| spans.key.into_iter().chain([spans.value]))
                .collect();
            let span = values[value % values.len()];
            let start = (span.start + at).min(span.end);
            let start = (start..=span.end).find(|&i| PLAN.is_char_boundary(i)).unwrap_or(span.end);
            let end = (start + cut).min(span.end);
            let end = (end..=PLAN.len()).find(|&i| PLAN.is_char_boundary(i)).unwrap_or(PLAN.len());
            let new = format!("{}{typed}{}", &PLAN[..start], &PLAN[end..]);
            if let Some(edited) = document.after_value_edit(PLAN, &new) {
                assert_same(&edited, &new);
            }
        }
    }
}
