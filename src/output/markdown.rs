//! Text from a plan (names, values, currencies, file names, messages that
//! quote them) made inert for Markdown: the report, the diff, the job
//! summary and the pull request comment render every value as the words it
//! is, never as an element the template did not put there. A pull request
//! writes the plan, and the people who read the summary trust it.
//!
//! CommonMark lets a backslash escape any ASCII punctuation, so plain text
//! escapes each character that can begin markup where it stands: no HTML,
//! image, link, emphasis, heading, list, table cell break or entity can
//! start (a colon only before `/`, an underscore only at a word's edge, so
//! `conversion_rate` and `0-20,000: 400` read as written). Two GitHub extensions read plain text
//! after Markdown is parsed: `@name` (a mention, which notifies people) and
//! `#123` (an issue link); a word joiner after the sign keeps them text.
//! Code spans use a fence longer than any run of backticks in the value.
//! Line breaks become spaces: a value is never more than one line.

/// U+2060 WORD JOINER: invisible, and ends a mention or an issue number.
const WORD_JOINER: char = '\u{2060}';

/// `value` as plain inline text, for headings, paragraphs and table cells;
/// a leading `-`, `+` or `1.` is escaped too, so that it begins no list
/// even at the start of a line.
pub(crate) fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len() + value.len() / 4);
    let mut previous = None;
    // Nothing but blanks so far, and then perhaps digits: a `-`, `+` or
    // `1.` here would begin a list if the value ever starts a line.
    let mut line_start = true;
    let mut leading_spaces = 0;
    let mut number_start = true;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let ends_marker = next.is_none_or(char::is_whitespace);
        let starts_list = match c {
            '-' | '+' => line_start && ends_marker,
            '.' | ')' => number_start && !line_start && ends_marker,
            _ => false,
        };
        let blank = c.is_whitespace();
        let leading_blank = blank && line_start;
        number_start &= leading_blank || c.is_ascii_digit();
        line_start &= blank;
        match c {
            // Four blanks (or tabs) at a line's start make a code block:
            // at most three are kept (Markdown shows none of them anyway).
            ' ' | '\n' | '\r' | '\t' if leading_blank => {
                if leading_spaces < 3 {
                    escaped.push(' ');
                    leading_spaces += 1;
                }
            }
            c if starts_list => {
                escaped.push('\\');
                escaped.push(c);
            }
            '@' | '#' => {
                escaped.push('\\');
                escaped.push(c);
                escaped.push(WORD_JOINER);
            }
            // `www.` starts a link in GitHub's dialect.
            '.' if ends_with_www(&escaped) => escaped.push_str("\\."),
            // `https://` does too; a colon elsewhere (`0-20,000: 400`) is text.
            ':' if next == Some('/') => escaped.push_str("\\:"),
            // An underscore between letters or digits cannot open or close
            // emphasis (`conversion_rate`): only one at a word's edge can.
            '_' if previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) => {
                escaped.push('_')
            }
            c if MARKUP.contains(c) => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' | '\t' => escaped.push(' '),
            c if c.is_control() => escaped.push(char::REPLACEMENT_CHARACTER),
            c => escaped.push(c),
        }
        previous = Some(c);
    }
    escaped
}

/// Whether `escaped` ends in `www` (any case), just before a dot.
fn ends_with_www(escaped: &str) -> bool {
    let tail = escaped.as_bytes();
    tail.len() >= 3 && tail[tail.len() - 3..].eq_ignore_ascii_case(b"www")
}

/// The ASCII punctuation that can begin markup in the middle of a line:
/// code, emphasis, strikethrough, links and images, HTML, entities, table
/// cells, escapes and GitHub's math (`$`).
const MARKUP: &str = "\\`*_~[]!<>&|$";

/// A table cell: the same as [`text`] (a `|` is escaped there too).
pub(crate) fn cell(value: &str) -> String {
    text(value)
}

/// `value` as one code span (file names, rule ids, values quoted as they
/// are written): nothing inside is markup; `|` is escaped for table cells,
/// where GitHub shows it as `|`.
pub(crate) fn code(value: &str) -> String {
    let value: String = value
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => char::REPLACEMENT_CHARACTER,
            c => c,
        })
        .collect();
    let value = value.replace('|', "\\|");
    let longest_run = value.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // A space on each side keeps a backtick at either end off the fence
    // (CommonMark strips one space from each side).
    let pad =
        if value.starts_with('`') || value.ends_with('`') || value.starts_with(' ') && value.ends_with(' ') {
            " "
        } else {
            ""
        };
    if value.is_empty() {
        return String::new();
    }
    format!("{fence}{pad}{value}{pad}{fence}")
}

/// A message or help line of planlint's, whose quoted parts are in
/// backticks: each quoted part as a code span, the rest as text. A value
/// holding backticks of its own can only change which parts look quoted;
/// every part is inert either way.
pub(crate) fn message(value: &str) -> String {
    if value.matches('`').count() % 2 != 0 {
        return text(value);
    }
    value
        .split('`')
        .enumerate()
        .map(|(index, part)| if index % 2 == 1 { code(part) } else { text(part) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use comrak::nodes::{AstNode, NodeValue};
    use comrak::{parse_document, Arena, Options};
    use proptest::prelude::*;

    /// GitHub's dialect: CommonMark with tables, autolinks, strikethrough,
    /// task lists and footnotes.
    fn github() -> Options<'static> {
        let mut options = Options::default();
        options.extension.table = true;
        options.extension.autolink = true;
        options.extension.strikethrough = true;
        options.extension.tasklist = true;
        options.extension.footnotes = true;
        options
    }

    /// What a template puts in a document: every element kind, and how many.
    #[derive(Debug, Default, PartialEq)]
    struct Shape {
        kinds: Vec<String>,
        text: String,
    }

    fn shape(markdown: &str) -> Shape {
        let arena = Arena::new();
        let root = parse_document(&arena, markdown, &github());
        let mut shape = Shape::default();
        walk(root, &mut shape);
        shape
    }

    fn walk<'a>(node: &'a AstNode<'a>, shape: &mut Shape) {
        let value = &node.data.borrow().value;
        match value {
            NodeValue::Text(text) => shape.text.push_str(text),
            NodeValue::Code(code) => {
                shape.kinds.push("Code".into());
                shape.text.push_str(&code.literal);
            }
            other => shape.kinds.push(kind_name(other)),
        }
        for child in node.children() {
            walk(child, shape);
        }
    }

    fn kind_name(value: &NodeValue) -> String {
        let debug = format!("{value:?}");
        debug.split(['(', ' ', '{']).next().unwrap_or_default().to_owned()
    }

    /// The document a template makes around one value, in every place a
    /// value goes.
    fn document(value: &str) -> String {
        format!(
            "## Plan {}\n\n| Name | Code | Message |\n| --- | --- | --- |\n| {} | {} | {} |\n\nTotal {} and {}.\n",
            text(value),
            cell(value),
            code(value),
            message(value),
            text(value),
            code(value)
        )
    }

    /// The same template with a harmless word: the elements it puts there.
    fn template_kinds() -> Vec<String> {
        shape(&document("word")).kinds
    }

    /// What a value shows as: line breaks as spaces, control characters as
    /// U+FFFD, the word joiners invisible.
    fn shown(value: &str) -> String {
        value
            .chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if c.is_control() => char::REPLACEMENT_CHARACTER,
                c => c,
            })
            .collect()
    }

    fn assert_inert(value: &str) {
        let kinds = shape(&document(value)).kinds;
        let expected: Vec<String> = template_kinds()
            .into_iter()
            .filter(|kind| kind != "Code")
            .collect();
        let found: Vec<String> = kinds.into_iter().filter(|kind| kind != "Code").collect();
        assert_eq!(found, expected, "{value:?} became markup:\n{}", document(value));
    }

    #[test]
    fn hostile_values_stay_text() {
        for value in [
            "<img src=https://example.com/pixel.png>",
            "<details><summary>x</summary>",
            "![pixel](https://example.com/p.png)",
            "[click](https://example.com)",
            "https://example.com/x and www.example.com",
            "ops@example.com and @octocat and #123",
            "**bold** _em_ ~~gone~~",
            "a | b | c",
            "```` run ``` of ` ticks",
            "`",
            "``",
            " ` ",
            "line\n# heading\n- item\n> quote",
            "&lt;b&gt; &#60;img&#62;",
            "[^1]\n\n[^1]: note",
            "- [ ] task",
            "\\",
            "1. list",
            "<!-- comment -->",
            "<https://example.com>",
            // Found by the property test: tabs at the start made a code block.
            "\t\t\t\ta",
            "    indented",
        ] {
            assert_inert(value);
        }
    }

    #[test]
    fn only_markup_is_escaped() {
        assert_eq!(
            text("plans/q3, final.plan.yaml (v2)"),
            "plans/q3, final.plan.yaml (v2)"
        );
        assert_eq!(
            text("<b>*x*</b> [a](b) a|b"),
            "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b) a\\|b"
        );
        assert_eq!(text("see WWW.example.com"), "see WWW\\.example.com");
    }

    /// A control: the same values unescaped are markup the check sees.
    #[test]
    fn raw_values_would_be_markup() {
        for (raw, kind) in [
            ("![p](https://example.com/p.png)", "Image"),
            ("[a](https://example.com)", "Link"),
            ("www.example.com", "Link"),
            ("a <img src=x> b", "HtmlInline"),
            ("**b**", "Strong"),
        ] {
            let kinds = shape(&format!("x {raw}\n")).kinds;
            assert!(kinds.contains(&kind.to_owned()), "{raw}: {kinds:?}");
            assert!(
                !shape(&format!("x {}\n", text(raw)))
                    .kinds
                    .contains(&kind.to_owned()),
                "{raw}"
            );
        }
    }

    #[test]
    fn values_read_as_written() {
        let value = "¥3,200 <b>x</b> @team #1 `a|b`";
        let rendered = shape(&format!("{}\n", text(value))).text.replace(WORD_JOINER, "");
        assert_eq!(rendered, value);
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(
            message("goal `a<b>` has no deadline"),
            "goal `a<b>` has no deadline"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any string, in every place a value goes: no element beyond the
        /// template's own, and the text shows the value as written.
        #[test]
        fn any_value_is_inert(value in "[ -~\\n\\t<>&@#`|\\[\\]()!*_~\\\\é汉😀\\x00-\\x1f]{0,40}") {
            assert_inert(&value);
            let rendered = shape(&format!("{}\n", text(&value))).text.replace(WORD_JOINER, "");
            let expected = shown(&value);
            prop_assert_eq!(rendered.trim(), expected.trim());
        }
    }
}
