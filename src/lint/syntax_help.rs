//! A YAML syntax error in plain words. The parser says where it noticed
//! ("did not find expected '-' indicator", "mapping values are not allowed
//! in this context"); a marketer needs the line where they went wrong and
//! what to type. The common mistakes (indentation, a missing `-`, a `:`
//! inside an unquoted value, an unclosed quote or bracket, a tab) are
//! recognised from the text around the parser's position; any other
//! message keeps its place, with the parser's jargon replaced.

use crate::document::{LoadError, Span};
use crate::i18n::{self, t, Lang};
use crate::lint::words::{fluent_args, tidy};

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
    // The loader underlines the tab itself: how a tab is known when its
    // message is not in English.
    let at_a_tab =
        crate::i18n::language() != Lang::En && text.get(error.span.start..error.span.end) == Some("\t");
    // The kind of mistake is known by the parser's own words (English
    // whatever the language of the run), never by the message shown.
    let said = error.parser.as_deref().unwrap_or(&error.message);
    let recognised = if error.is_about_tabs() || said.contains("tabs cannot be used") || at_a_tab {
        Some(tab(text, error))
    } else if said.contains("quoted scalar") {
        unclosed_quote(text, at)
    } else if said.contains("mapping values are not allowed") {
        colon_in_value(text, at).or_else(|| over_indented(text, at))
    } else if said.contains("expected '-' indicator") {
        missing_dash_or_indentation(text, at)
    } else if said.contains("while parsing a flow") || said.contains("':' indicator") {
        unclosed_bracket(text, at)
    } else {
        None
    };
    recognised.unwrap_or_else(|| Explained {
        message: in_words_of_a_writer(&error.message),
        help: None,
        span: error.span,
        label: plain_words(&error.label),
    })
}

/// A message of the parser or the loader for the writer of the plan: in
/// plain words; in Chinese, a message still in English is said to be the
/// reader's English words.
fn in_words_of_a_writer(message: &str) -> String {
    let plain = plain_words(message);
    if crate::i18n::language() == Lang::Zh && !plain.chars().any(crate::lint::words::is_cjk) {
        t!("lint-values-syntax-parser-said", detail = plain)
    } else {
        plain
    }
}

/// The parser's words replaced by a marketer's. In Chinese, the messages
/// of the parser it knows are said in Chinese; others keep the parser's
/// English in plain words.
pub(crate) fn plain_words(message: &str) -> String {
    if crate::i18n::language() == Lang::Zh {
        if let Some(chinese) = parser_message_in_chinese(message.trim()) {
            return chinese;
        }
    }
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

/// A message of the YAML parser in Chinese, when it is one planlint knows
/// (`while parsing a block mapping, did not find expected key`).
fn parser_message_in_chinese(message: &str) -> Option<String> {
    if let Some(whole) = parser_whole_message(message) {
        return Some(whole);
    }
    let rest = ["while parsing a ", "while scanning a "]
        .iter()
        .find_map(|opening| message.strip_prefix(opening))?;
    let (context, problem) = rest.split_once(", ")?;
    let context = parser_context(context)?;
    let problem = parser_message_in_chinese(problem).or_else(|| parser_problem(problem))?;
    let args = fluent_args!(context = context, problem = problem);
    Some(tidy(i18n::message("lint-values-syntax-while", Some(&args))))
}

/// What the parser was reading (`block mapping`), in the writer's words.
fn parser_context(context: &str) -> Option<String> {
    Some(match context {
        "block mapping" => t!("lint-values-syntax-context-block-mapping"),
        "block collection" => t!("lint-values-syntax-context-block-collection"),
        "flow mapping" => t!("lint-values-syntax-context-flow-mapping"),
        "flow sequence" => t!("lint-values-syntax-context-flow-sequence"),
        "quoted scalar" => t!("lint-values-syntax-context-quoted-scalar"),
        "plain scalar" | "node" => t!("lint-values-syntax-context-value"),
        "block scalar" => t!("lint-values-syntax-context-block-scalar"),
        _ => return None,
    })
}

/// What the parser found wrong while reading.
fn parser_problem(problem: &str) -> Option<String> {
    Some(match problem {
        "did not find expected key" => t!("lint-values-syntax-problem-expected-key"),
        "did not find expected '-' indicator" => t!("lint-values-syntax-problem-expected-dash"),
        "found unexpected end of stream" => t!("lint-values-syntax-problem-end-of-stream"),
        "expected ',' or ']'" | "did not find expected ',' or ']'" => {
            t!("lint-values-syntax-problem-comma-or-bracket")
        }
        "did not find expected ',' or '}'" => t!("lint-values-syntax-problem-comma-or-brace"),
        "did not find expected node content" => t!("lint-values-syntax-problem-no-value"),
        "found unexpected document indicator" => t!("lint-values-syntax-problem-document-marker"),
        "found a tab" => t!("lint-values-syntax-problem-tab"),
        _ => return None,
    })
}

/// The parser's messages that say it all in one.
fn parser_whole_message(message: &str) -> Option<String> {
    Some(match message {
        "mapping values are not allowed in this context" => t!("lint-values-syntax-colon-starts-field"),
        "mapping keys are not allowed in this context" => t!("lint-values-syntax-no-field-here"),
        "block sequence entries are not allowed in this context" => t!("lint-values-syntax-no-item-here"),
        "invalid indentation" => t!("lint-values-syntax-invalid-indentation"),
        _ => return None,
    })
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
        help: Some(t!("lint-values-syntax-tab-help", line = line.number)),
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
    let args = fluent_args!(quote = quote.to_string(), line = line.number, key = key);
    Some(Explained {
        message: tidy(i18n::message("lint-values-syntax-quote", Some(&args))),
        help: Some(tidy(i18n::message("lint-values-syntax-quote-help", Some(&args)))),
        span: Span::new(quote_at, line.start + line.text.trim_end().len()),
        label: t!("lint-values-syntax-never-closed"),
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
    let args = fluent_args!(line = line.number, key = key, value = value.replace('"', "\\\""));
    Some(Explained {
        message: tidy(i18n::message("lint-values-syntax-colon", Some(&args))),
        help: Some(tidy(i18n::message("lint-values-syntax-colon-help", Some(&args)))),
        span: Span::new(value_start, value_start + value.len()),
        label: t!("lint-values-syntax-needs-quotes"),
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
    let args = fluent_args!(
        line = line.number,
        key = key,
        previous = previous_key,
        previous_line = previous.number,
        spaces = field_indent,
    );
    let help = i18n::message("lint-values-syntax-over-indented-help", Some(&args));
    Some(Explained {
        message: tidy(i18n::message("lint-values-syntax-over-indented", Some(&args))),
        help: Some(tidy(help)),
        span: line.span(),
        label: t!("lint-values-syntax-indentation"),
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
        let args = fluent_args!(
            line = line.number,
            list_line = item.number,
            shown = shown,
            spaces = fields
        );
        let help = i18n::message("lint-values-syntax-missing-dash-help", Some(&args));
        return Some(Explained {
            message: tidy(i18n::message("lint-values-syntax-missing-dash", Some(&args))),
            help: Some(tidy(help)),
            span: line.span(),
            label: t!("lint-values-syntax-missing-dash-label"),
        });
    }
    let key = line.key().unwrap_or(shown);
    let args = fluent_args!(
        line = line.number,
        indent = line.indent(),
        item_line = item.number,
        fields = fields,
        key = key,
    );
    let help = i18n::message("lint-values-syntax-wrong-indent-help", Some(&args));
    Some(Explained {
        message: tidy(i18n::message("lint-values-syntax-wrong-indent", Some(&args))),
        help: Some(tidy(help)),
        span: line.span(),
        label: t!("lint-values-syntax-indentation"),
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
        let bracket = line.start + offset;
        if closes_later(text, bracket) {
            // The bracket is closed further down (a JSON object over many
            // lines): the entries inside lack a comma between them.
            return missing_comma(&all, error_line);
        }
        let (message, help) = if opener == '[' {
            (
                t!("lint-values-syntax-bracket-list", line = line.number),
                t!("lint-values-syntax-bracket-list-help"),
            )
        } else {
            (
                t!("lint-values-syntax-bracket-group", line = line.number),
                t!("lint-values-syntax-bracket-group-help"),
            )
        };
        return Some(Explained {
            message: tidy(message),
            help: Some(tidy(help)),
            span: Span::new(bracket, bracket + 1),
            label: t!("lint-values-syntax-never-closed"),
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
    let args = fluent_args!(previous = previous.number, line = line.number);
    Some(Explained {
        message: tidy(i18n::message("lint-values-syntax-comma", Some(&args))),
        help: Some(tidy(t!("lint-values-syntax-comma-help", line = previous.number))),
        // The line's last character, whole (it may be several bytes long).
        span: Span::new(
            previous
                .text
                .trim_end()
                .char_indices()
                .last()
                .map_or(end, |(at, _)| previous.start + at),
            end,
        ),
        label: t!("lint-values-syntax-comma-label"),
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

    fn explained_in_chinese(text: &str) -> Explained {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        explained(text)
    }

    #[test]
    fn yaml_mistakes_are_explained_in_chinese() {
        let found =
            explained_in_chinese("version: 1\nname: x\ngoals:\n  - id: a\n    statement: x\n   owner: Li\n");
        assert_eq!(
            found.message,
            "第 6 行缩进了 3 个空格，但第 4 行那个列表条目的字段缩进的是 4 个空格"
        );
        assert_eq!(
            found.help.as_deref(),
            Some("`owner` 前面用 4 个空格缩进，和上面的字段对齐")
        );
        assert_eq!(found.label, "缩进不对");
        let found = explained_in_chinese(
            "version: 1\nname: x\ngoals:\n  - id: a\n    statement: 目标: 卖出 100 枚戒指\n",
        );
        assert_eq!(
            found.message,
            "第 5 行：`statement` 的值里有 `: `，YAML 会把它当成另一个字段的开头"
        );
        assert_eq!(
            found.help.as_deref(),
            Some("给这个值加上引号：`statement: \"目标: 卖出 100 枚戒指\"`")
        );
        let found = explained_in_chinese("version: 1\nname: \"春季上新\ngoals:\n  - id: a\n");
        assert_eq!(
            found.message,
            "第 2 行的 `\"` 开始了一个带引号的值，但这个引号没有闭合"
        );
        let found = explained_in_chinese("version: 1\nname: x\nchannels: [微信, 抖音\ngoals:\n  - id: a\n");
        assert_eq!(found.message, "第 3 行的 `[` 开始了一个列表，但没有用 `]` 结束");
        let json =
            "{\n  \"version\": 1,\n  \"channels\": [\n    {\"name\": \"a\"}\n    {\"name\": \"b\"}\n  ]\n}\n";
        assert_eq!(
            explained_in_chinese(json).help.as_deref(),
            Some("在第 4 行末尾加上 `,`")
        );
    }

    /// The parser's messages it knows are said in Chinese; any other says
    /// it is the reader's English.
    #[test]
    fn parser_messages_in_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(
            plain_words("while parsing a block mapping, did not find expected key"),
            "读取一组字段时：这里应该是一个字段（`name: value`）"
        );
        assert_eq!(
            plain_words("while parsing a flow sequence, expected ',' or ']'"),
            "读取 `[ ]` 列表时：这里应该是 `,` 或 `]`"
        );
        assert_eq!(
            plain_words("mapping values are not allowed in this context"),
            "这里的 `:` 会开始一个新字段，但这里不能开始字段（如果它是值的一部分，请给值加上引号）"
        );
        assert_eq!(
            in_words_of_a_writer("found character that cannot start any token"),
            "文件写法有误（英文原文：found character that cannot start any token）"
        );
        assert_eq!(in_words_of_a_writer("文件是空的"), "文件是空的");
    }
}
