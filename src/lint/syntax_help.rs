//! A YAML syntax error in plain words. The parser says where it noticed
//! ("did not find expected '-' indicator", "mapping values are not allowed
//! in this context"); a marketer needs the line where they went wrong and
//! what to type. The common mistakes (indentation, a missing `-`, a `:`
//! inside an unquoted value, an unclosed quote or bracket, a tab) are
//! recognised from the text around the parser's position; any other
//! message keeps its place, with the parser's jargon replaced.

use crate::document::{LoadError, Span};

/// A parse error as the user should read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Explained {
    pub message: String,
    pub help: Option<String>,
    pub span: Span,
    pub label: String,
}

/// `error`, found in `text`, explained.
pub(crate) fn explain(text: &str, error: &LoadError) -> Explained {
    let at = error.span.start.min(text.len());
    let recognised = if error.message.contains("tabs cannot be used") {
        Some(tab(text, error))
    } else if error.message.contains("quoted scalar") {
        unclosed_quote(text, at)
    } else if error.message.contains("mapping values are not allowed") {
        colon_in_value(text, at).or_else(|| over_indented(text, at))
    } else if error.message.contains("expected '-' indicator") {
        missing_dash_or_indentation(text, at)
    } else if error.message.contains("while parsing a flow") || error.message.contains("':' indicator") {
        unclosed_bracket(text, at)
    } else {
        None
    };
    recognised.unwrap_or_else(|| Explained {
        message: plain_words(&error.message),
        help: None,
        span: error.span,
        label: plain_words(&error.label),
    })
}

/// The parser's words replaced by a marketer's.
pub(crate) fn plain_words(message: &str) -> String {
    let mut out = message.to_owned();
    for (jargon, plain) in [
        (
            "mapping values are not allowed in this context",
            "a `:` here starts a field where none can start (if it is part of a value, put the value in quotes)",
        ),
        ("did not find expected '-' indicator", "expected a list item starting with `- ` here"),
        ("did not find expected key", "expected a field (`name: value`) here"),
        ("while parsing a ", "while reading a "),
        ("while scanning a ", "while reading a "),
        ("found unexpected end of stream", "the file ended"),
        ("a mapping key must be a scalar", "a field name must be plain text"),
        ("non-scalar key", "not a plain field name"),
        ("block collection", "list"),
        ("block mapping", "group of fields"),
        ("flow mapping", "`{ }` group of fields"),
        ("flow sequence", "`[ ]` list"),
        ("mappings", "groups of fields"),
        ("mapping", "group of fields"),
        ("sequences", "lists"),
        ("sequence", "list"),
        ("scalars", "values"),
        ("scalar", "value"),
    ] {
        out = out.replace(jargon, plain);
    }
    out
}

/// One line of the text: where it starts and ends (without its newline).
#[derive(Debug, Clone, Copy)]
struct Line<'t> {
    number: usize,
    start: usize,
    text: &'t str,
}

impl<'t> Line<'t> {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    fn content(&self) -> &'t str {
        self.text.trim()
    }

    fn is_blank_or_comment(&self) -> bool {
        self.content().is_empty() || self.content().starts_with('#')
    }

    fn span(&self) -> Span {
        Span::new(
            self.start + self.indent(),
            self.start + self.text.trim_end().len(),
        )
    }

    /// The field name this line starts (`owner` of `  owner: Li`, `id` of
    /// `- id: a`).
    fn key(&self) -> Option<&'t str> {
        let content = self.content().trim_start_matches("- ");
        let (key, _) = content.split_once(':')?;
        let key = key.trim();
        (!key.is_empty()).then_some(key)
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (index, raw) in text.split('\n').enumerate() {
        out.push(Line {
            number: index + 1,
            start,
            text: raw.strip_suffix('\r').unwrap_or(raw),
        });
        start += raw.len() + 1;
    }
    out
}

/// The index of the line holding byte `at`.
fn line_index(lines: &[Line<'_>], at: usize) -> usize {
    lines.iter().rposition(|line| line.start <= at).unwrap_or(0)
}

/// The nearest line before `index` with content.
fn previous_content<'l, 't>(lines: &'l [Line<'t>], index: usize) -> Option<&'l Line<'t>> {
    lines[..index]
        .iter()
        .rev()
        .find(|line| !line.is_blank_or_comment())
}

/// The loader already says it well; the help says what to do on which line.
fn tab(text: &str, error: &LoadError) -> Explained {
    let all = lines(text);
    let line = all[line_index(&all, error.span.start.min(text.len()))];
    Explained {
        message: error.message.clone(),
        help: Some(format!(
            "replace the tab on line {} with spaces (two per level), or let your editor convert tabs to spaces",
            line.number
        )),
        span: error.span,
        label: error.label.clone(),
    }
}

/// `name: "Spring launch` with no closing quote: the parser gives up at the
/// next line or at the end of the file, the mistake is on the quote's line.
fn unclosed_quote(text: &str, at: usize) -> Option<Explained> {
    // The opening quote: at the parser's position or the last one before it.
    let quote_at = (0..=at.min(text.len().saturating_sub(1)))
        .rev()
        .find(|&i| matches!(text.as_bytes().get(i), Some(b'"' | b'\'')))?;
    let quote = text[quote_at..].chars().next()?;
    let all = lines(text);
    let line = all[line_index(&all, quote_at)];
    let key = line.key().unwrap_or("name");
    Some(Explained {
        message: format!(
            "the {quote} on line {} opens a quoted value that is never closed",
            line.number
        ),
        help: Some(format!(
            "end the value with a matching {quote} on the same line, e.g. `{key}: {quote}Spring launch{quote}`"
        )),
        span: Span::new(quote_at, line.start + line.text.trim_end().len()),
        label: "never closed".into(),
    })
}

/// `statement: Goal: sell 100 rings`: the second `: ` reads as a new field.
fn colon_in_value(text: &str, at: usize) -> Option<Explained> {
    let all = lines(text);
    let line = all[line_index(&all, at)];
    let content_start = line.start + line.indent();
    let before = text.get(content_start..at)?;
    let first_colon = before.trim_start_matches("- ").find(": ")?;
    let key = line.key()?;
    let value_start =
        content_start + (before.len() - before.trim_start_matches("- ").len()) + first_colon + 2;
    let rest = text.get(value_start..line.start + line.text.trim_end().len())?;
    let value = rest.trim_start();
    let value_start = value_start + (rest.len() - value.len());
    Some(Explained {
        message: format!(
            "line {}: the value of `{key}` contains `: `, which YAML reads as the start of another field",
            line.number
        ),
        help: Some(format!(
            "put the value in quotes: `{key}: \"{}\"`",
            value.replace('"', "\\\"")
        )),
        span: Span::new(value_start, value_start + value.len()),
        label: "needs quotes".into(),
    })
}

/// A field indented deeper than the one before it, which holds a value
/// already: YAML reads it as more of that value.
fn over_indented(text: &str, at: usize) -> Option<Explained> {
    let all = lines(text);
    let index = line_index(&all, at);
    let line = all[index];
    let previous = previous_content(&all, index)?;
    let key = line.key()?;
    let previous_key = previous.key()?;
    let field_indent = previous.indent()
        + if previous.content().starts_with("- ") {
            2
        } else {
            0
        };
    if line.indent() <= field_indent {
        return None;
    }
    Some(Explained {
        message: format!(
            "line {} is indented more than `{previous_key}` on line {}, so YAML cannot read `{key}` as a field",
            line.number, previous.number
        ),
        help: Some(format!(
            "indent `{key}:` with {field_indent} spaces, like `{previous_key}:` above"
        )),
        span: line.span(),
        label: "indentation".into(),
    })
}

/// Inside a list written with `- `: a line at the dash's indentation is a
/// new item that lost its `-`; a line between the dash and the item's
/// fields is mis-indented.
fn missing_dash_or_indentation(text: &str, at: usize) -> Option<Explained> {
    let all = lines(text);
    let index = line_index(&all, at);
    let line = all[index];
    if line.is_blank_or_comment() {
        return None;
    }
    let item = all[..index]
        .iter()
        .rev()
        .find(|candidate| candidate.content().starts_with("- ") && candidate.indent() <= line.indent())?;
    let dash = item.indent();
    let fields = dash + 2;
    let shown = line.content();
    if line.indent() == dash {
        return Some(Explained {
            message: format!(
                "line {} looks like a new item of the list that starts on line {}, but it has no `-`",
                line.number, item.number
            ),
            help: Some(format!(
                "start each item with `- `: write `- {shown}`; or, if it belongs to the item above, indent it by {fields} spaces"
            )),
            span: line.span(),
            label: "missing `-`".into(),
        });
    }
    let key = line.key().unwrap_or(shown);
    Some(Explained {
        message: format!(
            "line {} is indented {} spaces, but the fields of the list item on line {} are indented {fields}",
            line.number,
            line.indent(),
            item.number
        ),
        help: Some(format!(
            "indent `{key}` with {fields} spaces, like the fields above it"
        )),
        span: line.span(),
        label: "indentation".into(),
    })
}

/// `channels: [WeChat, Douyin` with no `]`: the parser trips on the next
/// line; the mistake is the bracket left open.
fn unclosed_bracket(text: &str, at: usize) -> Option<Explained> {
    let all = lines(text);
    let error_line = line_index(&all, at);
    for line in all[..=error_line].iter().rev() {
        let Some((offset, opener)) = open_bracket(line.text) else {
            continue;
        };
        let closer = if opener == '[' { ']' } else { '}' };
        let (what, example) = if opener == '[' {
            ("list", "channels: [WeChat, Douyin]")
        } else {
            ("group of fields", "period: {start: 2026-01-01, end: 2026-03-31}")
        };
        let bracket = line.start + offset;
        if closes_later(text, bracket) {
            // The bracket is closed further down (a JSON object over many
            // lines): the entries inside lack a comma between them.
            return missing_comma(&all, error_line);
        }
        return Some(Explained {
            message: format!(
                "the `{opener}` on line {} opens a {what} that is never closed with `{closer}`",
                line.number
            ),
            help: Some(format!(
                "end it with `{closer}` on the same line, e.g. `{example}`"
            )),
            span: Span::new(bracket, bracket + 1),
            label: "never closed".into(),
        });
    }
    None
}

/// Whether the `[` or `{` at `bracket` is closed somewhere after it.
fn closes_later(text: &str, bracket: usize) -> bool {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in text[bracket..].chars() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return true;
                }
            }
            _ => {}
        }
        escaped = false;
    }
    false
}

/// Two entries of a `{ }` or `[ ]` on separate lines with no `,` between:
/// the comma belongs at the end of the line before the one the parser
/// stopped at.
fn missing_comma(all: &[Line<'_>], error_line: usize) -> Option<Explained> {
    let line = all.get(error_line)?;
    let previous = previous_content(all, error_line)?;
    let end = previous.start + previous.text.trim_end().len();
    Some(Explained {
        message: format!(
            "a `,` is missing between line {} and line {}: entries inside `{{ }}` or `[ ]` are separated by commas",
            previous.number, line.number
        ),
        help: Some(format!("end line {} with `,`", previous.number)),
        // The line's last character, whole (it may be several bytes long).
        span: Span::new(
            previous.text.trim_end().char_indices().last().map_or(end, |(at, _)| previous.start + at),
            end,
        ),
        label: "a `,` belongs after this".into(),
    })
}

/// The byte offset of a `[` or `{` this line leaves open (outside quotes).
fn open_bracket(line: &str) -> Option<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if line[..i].ends_with(' ') || i == 0 => break,
            (None, '[' | '{') => open.push((i, c)),
            (None, ']' | '}') => {
                open.pop();
            }
            _ => {}
        }
    }
    open.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(text: &str) -> Explained {
        let error = crate::document::load(text, &crate::document::LoadLimits::default())
            .expect_err("the text does not parse");
        explain(text, &error)
    }

    /// A line ending in a character of several bytes: the missing comma's
    /// place underlines that character whole (found by fuzzing).
    #[test]
    fn a_missing_comma_after_a_multibyte_character_keeps_it_whole() {
        let text = "? [a, \u{5e2}\n !!itn: 1}: y\n? |me: ca\n";
        let found = explained(text);
        assert!(text.is_char_boundary(found.span.start) && text.is_char_boundary(found.span.end));
    }

    fn line_of(text: &str, span: Span) -> usize {
        text[..span.start].matches('\n').count() + 1
    }

    #[test]
    fn indentation_points_at_the_line_and_says_how_deep() {
        let text = "version: 1\nname: x\ngoals:\n  - id: a\n    statement: x\n   owner: Li\n";
        let found = explained(text);
        assert_eq!(line_of(text, found.span), 6, "{found:?}");
        assert!(found.message.contains("indented 3 spaces"), "{found:?}");
        assert_eq!(
            found.help.as_deref(),
            Some("indent `owner` with 4 spaces, like the fields above it")
        );

        let deeper = "version: 1\nname: x\ngoals:\n- id: a\n  statement: x\n    owner: Li\n";
        let found = explained(deeper);
        assert_eq!(line_of(deeper, found.span), 6, "{found:?}");
        assert_eq!(
            found.help.as_deref(),
            Some("indent `owner:` with 2 spaces, like `statement:` above")
        );
    }

    #[test]
    fn a_missing_dash_is_named() {
        let text = "version: 1\nname: x\ngoals:\n  - id: a\n    statement: x\n  id: b\n  statement: y\n";
        let found = explained(text);
        assert_eq!(line_of(text, found.span), 6);
        assert!(found.message.contains("has no `-`"), "{found:?}");
        assert!(found.help.unwrap().contains("`- id: b`"));
    }

    #[test]
    fn a_colon_inside_a_value_asks_for_quotes() {
        let text = "version: 1\nname: x\ngoals:\n  - id: a\n    statement: Goal: sell 100 rings\n";
        let found = explained(text);
        assert_eq!(&text[found.span.start..found.span.end], "Goal: sell 100 rings");
        assert_eq!(
            found.help.as_deref(),
            Some("put the value in quotes: `statement: \"Goal: sell 100 rings\"`")
        );
    }

    #[test]
    fn an_unclosed_quote_points_at_the_quote() {
        let text = "version: 1\nname: \"Spring launch\ngoals:\n  - id: a\n";
        let found = explained(text);
        assert_eq!(&text[found.span.start..found.span.end], "\"Spring launch");
        assert!(found.message.contains("line 2"), "{found:?}");
    }

    #[test]
    fn an_unclosed_bracket_points_at_the_bracket() {
        for (text, opener) in [
            (
                "version: 1\nname: x\nchannels: [WeChat, Douyin\ngoals:\n  - id: a\n",
                "[",
            ),
            (
                "version: 1\nname: x\nperiod: {start: 2026-01-01, end: 2026-02-01\ngoals:\n  - id: a\n",
                "{",
            ),
        ] {
            let found = explained(text);
            assert_eq!(&text[found.span.start..found.span.end], opener, "{found:?}");
            assert_eq!(line_of(text, found.span), 3);
            assert!(found.help.is_some());
        }
    }

    #[test]
    fn a_missing_comma_in_json_is_not_an_unclosed_bracket() {
        let text = "{\n  \"version\": 1,\n  \"name\": \"x\"\n  \"currency\": \"EUR\"\n}\n";
        let found = explained(text);
        assert_eq!(line_of(text, found.span), 3, "{found:?}");
        assert_eq!(found.help.as_deref(), Some("end line 3 with `,`"));
        let list =
            "{\n  \"version\": 1,\n  \"channels\": [\n    {\"name\": \"a\"}\n    {\"name\": \"b\"}\n  ]\n}\n";
        let found = explained(list);
        assert_eq!(found.help.as_deref(), Some("end line 4 with `,`"), "{found:?}");
    }

    #[test]
    fn a_tab_gets_a_help_line() {
        let found = explained("version: 1\nname: x\ngoals:\n\t- id: a\n");
        assert!(found.message.contains("indent with spaces"), "{found:?}");
        assert!(found.help.unwrap().contains("the tab on line 4 with spaces"));
    }

    #[test]
    fn other_messages_lose_the_jargon() {
        assert_eq!(
            plain_words("while parsing a block mapping, did not find expected key"),
            "while reading a group of fields, expected a field (`name: value`) here"
        );
    }
}
