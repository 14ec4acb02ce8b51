//! Strict JSON (RFC 8259) -> the same tree and spans the YAML loader builds.
//!
//! A `.plan.json` file is JSON: a trailing comma, a comment or YAML in it is
//! an error at its place, not something a YAML parser happens to accept.
//! One loop with an explicit stack of open containers, so nesting depth
//! never touches the call stack; the depth cap is the YAML loader's.

use serde_json::{Map, Number, Value};

use super::cursor;
use super::load::never_closed;
use super::spans::{NodeId, NodeKind, SpanTree, TooManyNodes};
use super::{Document, Label, LoadError, LoadLimits, NodeSpans, Span};
use crate::i18n::t;

/// Parses `text` (a BOM is allowed) as one JSON value.
pub fn load_json(text: &str, limits: &LoadLimits) -> Result<Document, LoadError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut parser = JsonParser {
        text,
        bytes: text.as_bytes(),
        at: start,
        limits: *limits,
        frames: Vec::new(),
        tree: SpanTree::default(),
        last_comma: start,
    };
    parser.skip_space();
    if parser.at >= text.len() {
        return Err(error(
            t!("document-empty"),
            Span::new(0, 0),
            t!("document-empty-label"),
        ));
    }
    let root = parser.run()?;
    parser.skip_space();
    if parser.at < text.len() {
        return Err(parser.unexpected(Wanted::End));
    }
    Ok(Document::new(root, parser.tree))
}

fn error(message: String, span: Span, label: String) -> LoadError {
    LoadError {
        message,
        span,
        label,
        related: Vec::new(),
        parser: None,
    }
}

/// What the parser expected where it found something else.
#[derive(Clone, Copy)]
enum Wanted {
    /// The end of the file, after the value.
    End,
    Key,
    Colon,
    CommaOrBrace,
    CommaOrBracket,
    /// A value, where a stray `]` or `}` stands.
    Value,
    /// A value, where something that is not one stands.
    AnyValue,
    Digit,
    FractionDigit,
    ExponentDigit,
}

impl Wanted {
    /// After an item of a `{...}` (`is_object`) or a `[...]`.
    fn after_item(is_object: bool) -> Wanted {
        if is_object {
            Wanted::CommaOrBrace
        } else {
            Wanted::CommaOrBracket
        }
    }

    /// In words, to stand in a sentence as what was expected.
    fn words(self) -> String {
        match self {
            Wanted::End => t!("document-json-wanted-end"),
            Wanted::Key => t!("document-json-wanted-key"),
            Wanted::Colon => t!("document-json-wanted-colon"),
            Wanted::CommaOrBrace => t!("document-json-wanted-comma-or-brace"),
            Wanted::CommaOrBracket => t!("document-json-wanted-comma-or-bracket"),
            Wanted::Value => t!("document-json-wanted-value"),
            Wanted::AnyValue => t!("document-json-wanted-any-value"),
            Wanted::Digit => t!("document-json-wanted-digit"),
            Wanted::FractionDigit => t!("document-json-wanted-fraction-digit"),
            Wanted::ExponentDigit => t!("document-json-wanted-exponent-digit"),
        }
    }
}

/// An open `{...}` or `[...]`.
struct Frame {
    value: Value,
    node: NodeId,
    start: usize,
    /// `{...}`: the key whose value comes next.
    pending_key: Option<(String, Span)>,
}

/// What may come next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value (the root, after `:` or after `,` in a list).
    Value,
    /// Right after `[`: a value or `]`.
    ValueOrClose,
    /// Right after `{`: a key or `}`.
    KeyOrClose,
    /// After `,` in `{...}`: a key.
    Key,
    /// After a value inside a container: `,` or its closing bracket.
    CommaOrClose,
}

struct JsonParser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    limits: LoadLimits,
    frames: Vec<Frame>,
    tree: SpanTree,
    /// Where the last `,` between items stands: a trailing comma is
    /// reported there, on the line the user has to change.
    last_comma: usize,
}

impl JsonParser<'_> {
    fn here(&self) -> Span {
        cursor::char_span(self.text, self.at)
    }

    fn too_many(&self) -> LoadError {
        error(t!("document-too-many-nodes"), self.here(), t!("document-here"))
    }

    /// An error for whatever stands at the current place, where `wanted` was
    /// expected; comments, trailing commas and YAML get words of their own.
    fn unexpected(&self, wanted: Wanted) -> LoadError {
        let rest = self.text.get(self.at..).unwrap_or_default();
        let Some(found) = rest.chars().next() else {
            return self.ended_early(wanted);
        };
        if rest.starts_with("//") || rest.starts_with("/*") || found == '#' {
            return error(
                t!("document-json-comment"),
                self.here(),
                t!("document-json-comment-label"),
            );
        }
        let looks_like_yaml = !matches!(found, '{' | '[' | '"')
            && (rest.starts_with("---")
                || rest.starts_with("- ")
                || rest
                    .split('\n')
                    .next()
                    .is_some_and(|line| line.contains(": ") || line.trim_end().ends_with(':')));
        if looks_like_yaml && self.frames.is_empty() {
            return error(
                t!("document-json-holds-yaml"),
                self.here(),
                t!("document-json-holds-yaml-label"),
            );
        }
        let wanted = wanted.words();
        let message = match found {
            '\'' => t!("document-json-found-single-quote", wanted = wanted),
            c if c.is_control() => {
                let code = format!("{:04X}", c as u32);
                t!("document-json-found-control", wanted = wanted, code = code)
            }
            c => t!("document-json-found", wanted = wanted, found = c.to_string()),
        };
        error(message, self.here(), t!("document-json-not-json-label"))
    }

    /// Skips JSON whitespace (space, tab, line feed, carriage return).
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn run(&mut self) -> Result<Value, LoadError> {
        let mut expect = Expect::Value;
        loop {
            self.skip_space();
            match expect {
                Expect::Value | Expect::ValueOrClose => {
                    if self.peek() == Some(b']') {
                        if expect == Expect::ValueOrClose {
                            if let Some(done) = self.close()? {
                                return Ok(done);
                            }
                            expect = Expect::CommaOrClose;
                            continue;
                        }
                        if matches!(
                            self.frames.last(),
                            Some(Frame {
                                value: Value::Array(_),
                                ..
                            })
                        ) {
                            return Err(self.trailing_comma());
                        }
                    }
                    match self.peek() {
                        Some(b'{') => {
                            self.open(true)?;
                            expect = Expect::KeyOrClose;
                        }
                        Some(b'[') => {
                            self.open(false)?;
                            expect = Expect::ValueOrClose;
                        }
                        _ => {
                            let (value, span) = self.scalar()?;
                            self.push_node(span, NodeKind::Scalar)?;
                            if let Some(done) = self.attach(value) {
                                return Ok(done);
                            }
                            expect = Expect::CommaOrClose;
                        }
                    }
                }
                Expect::KeyOrClose | Expect::Key => {
                    if self.peek() == Some(b'}') {
                        if expect == Expect::Key {
                            return Err(self.trailing_comma());
                        }
                        if let Some(done) = self.close()? {
                            return Ok(done);
                        }
                        expect = Expect::CommaOrClose;
                        continue;
                    }
                    if self.peek() != Some(b'"') {
                        return Err(self.unexpected(Wanted::Key));
                    }
                    let key_start = self.at;
                    let key = self.string()?;
                    let key_span = Span::new(key_start, self.at);
                    self.key(key, key_span)?;
                    self.skip_space();
                    if self.peek() != Some(b':') {
                        return Err(self.unexpected(Wanted::Colon));
                    }
                    self.at += 1;
                    expect = Expect::Value;
                }
                Expect::CommaOrClose => {
                    let is_object = matches!(
                        self.frames.last(),
                        Some(Frame {
                            value: Value::Object(_),
                            ..
                        })
                    );
                    let closing = if is_object { b'}' } else { b']' };
                    match self.peek() {
                        Some(b',') => {
                            self.last_comma = self.at;
                            self.at += 1;
                            expect = if is_object { Expect::Key } else { Expect::Value };
                        }
                        Some(byte) if byte == closing => {
                            if let Some(done) = self.close()? {
                                return Ok(done);
                            }
                        }
                        _ => {
                            return Err(self.unexpected(Wanted::after_item(is_object)));
                        }
                    }
                }
            }
        }
    }

    /// The file ends inside a container: name the bracket never closed,
    /// which is what a user has to find.
    fn ended_early(&self, wanted: Wanted) -> LoadError {
        let end = self.text.len();
        let Some(frame) = self.frames.last() else {
            return error(
                t!("document-json-ends-early", wanted = wanted.words()),
                Span::new(end, end),
                t!("document-json-ends-early-label"),
            );
        };
        // The frame starts at its `[` or `{`.
        never_closed(self.text, frame.start)
    }

    fn trailing_comma(&self) -> LoadError {
        LoadError {
            message: t!("document-json-trailing-comma"),
            span: cursor::char_span(self.text, self.last_comma),
            label: t!("document-json-trailing-comma-label"),
            related: vec![Label {
                span: self.here(),
                message: t!("document-json-closes-here"),
            }],
            parser: None,
        }
    }

    fn push_node(&mut self, value: Span, kind: NodeKind) -> Result<NodeId, LoadError> {
        let (step, key) = match self.frames.last() {
            None => (0, None),
            Some(Frame {
                value: Value::Array(items),
                ..
            }) => (u32::try_from(items.len()).map_err(|_| self.too_many())?, None),
            Some(frame) => {
                let (name, span) = frame
                    .pending_key
                    .as_ref()
                    .map_or((String::new(), None), |(name, span)| (name.clone(), Some(*span)));
                let step = self
                    .tree
                    .key_step(&name)
                    .map_err(|TooManyNodes| self.too_many())?;
                (step, span)
            }
        };
        self.tree
            .push(step, NodeSpans { key, value }, kind)
            .map_err(|TooManyNodes| self.too_many())
    }

    fn key(&mut self, key: String, span: Span) -> Result<(), LoadError> {
        let Some(frame) = self.frames.last_mut() else {
            return Ok(());
        };
        if let Value::Object(map) = &frame.value {
            if map.contains_key(&key) {
                let first = self
                    .tree
                    .child_by_key(frame.node, &key)
                    .and_then(|node| self.tree.spans(node))
                    .and_then(|spans| spans.key)
                    .unwrap_or(span);
                return Err(LoadError {
                    message: t!("document-json-duplicate-field", field = key.as_str()),
                    span,
                    label: t!("document-json-duplicate-field-label"),
                    related: vec![Label {
                        span: first,
                        message: t!("document-json-duplicate-field-first"),
                    }],
                    parser: None,
                });
            }
        }
        frame.pending_key = Some((key, span));
        Ok(())
    }

    fn open(&mut self, is_object: bool) -> Result<(), LoadError> {
        let start = self.at;
        if self.frames.len() >= self.limits.max_depth {
            return Err(error(
                t!("document-too-deep", depth = self.limits.max_depth.to_string()),
                self.here(),
                t!("document-too-deep-label"),
            ));
        }
        let (value, kind) = if is_object {
            (Value::Object(Map::new()), NodeKind::Mapping)
        } else {
            (Value::Array(Vec::new()), NodeKind::Sequence)
        };
        let node = self.push_node(Span::new(start, start), kind)?;
        self.tree.open(node);
        self.frames.push(Frame {
            value,
            node,
            start,
            pending_key: None,
        });
        self.at += 1;
        Ok(())
    }

    /// Closes the innermost container at its bracket (the current byte);
    /// the root value when that was the last one.
    fn close(&mut self) -> Result<Option<Value>, LoadError> {
        let Some(frame) = self.frames.pop() else {
            return Err(self.unexpected(Wanted::Value));
        };
        self.at += 1;
        self.tree
            .set_value_span(frame.node, Span::new(frame.start, self.at));
        self.tree.close().map_err(|TooManyNodes| self.too_many())?;
        Ok(self.attach(frame.value))
    }

    /// Puts a finished value into its container; returns it when it is the root.
    fn attach(&mut self, value: Value) -> Option<Value> {
        let Some(frame) = self.frames.last_mut() else {
            return Some(value);
        };
        match &mut frame.value {
            Value::Array(items) => items.push(value),
            Value::Object(map) => {
                if let Some((key, _)) = frame.pending_key.take() {
                    map.insert(key, value);
                }
            }
            _ => {}
        }
        None
    }

    /// A string, number, `true`, `false` or `null`, with its span.
    fn scalar(&mut self) -> Result<(Value, Span), LoadError> {
        let start = self.at;
        let value = match self.peek() {
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => {
                let rest = self.text.get(self.at..).unwrap_or_default();
                let literal = [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ]
                .into_iter()
                .find(|(word, _)| {
                    rest.starts_with(word)
                        && !rest
                            .as_bytes()
                            .get(word.len())
                            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                });
                match literal {
                    Some((word, value)) => {
                        self.at += word.len();
                        value
                    }
                    None => return Err(self.unexpected(Wanted::AnyValue)),
                }
            }
        };
        Ok((value, Span::new(start, self.at)))
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<Value, LoadError> {
        let start = self.at;
        let digits = |parser: &mut Self| {
            let from = parser.at;
            while parser.peek().is_some_and(|b| b.is_ascii_digit()) {
                parser.at += 1;
            }
            parser.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let whole_start = self.at;
        let whole = digits(self);
        let leading_zero = whole > 1 && self.bytes.get(whole_start) == Some(&b'0');
        if whole == 0 || leading_zero {
            self.at = whole_start;
            return Err(if leading_zero {
                error(
                    t!("document-json-leading-zero"),
                    self.here(),
                    t!("document-json-leading-zero-label"),
                )
            } else {
                self.unexpected(Wanted::Digit)
            });
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(self.unexpected(Wanted::FractionDigit));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.unexpected(Wanted::ExponentDigit));
            }
        }
        let written = self.text.get(start..self.at).unwrap_or_default();
        if integer {
            if let Ok(n) = written.parse::<i64>() {
                return Ok(Value::from(n));
            }
            if let Ok(n) = written.parse::<u64>() {
                return Ok(Value::from(n));
            }
        }
        written
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| {
                error(
                    t!("document-not-finite", value = format!("`{written}`")),
                    Span::new(start, self.at),
                    t!("document-json-too-large-label"),
                )
            })
    }

    /// A string in double quotes, escapes resolved; the place moves past
    /// its closing quote.
    fn string(&mut self) -> Result<String, LoadError> {
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.at..).unwrap_or_default();
            let Some(c) = rest.chars().next() else {
                return Err(error(
                    t!("document-json-unclosed-text"),
                    cursor::char_span(self.text, open),
                    t!("document-json-unclosed-text-label"),
                ));
            };
            match c {
                '"' => {
                    self.at += 1;
                    return Ok(out);
                }
                '\\' => {
                    let escape_at = self.at;
                    self.at += 1;
                    let simple = match self.peek() {
                        Some(b'"') => Some('"'),
                        Some(b'\\') => Some('\\'),
                        Some(b'/') => Some('/'),
                        Some(b'b') => Some('\u{8}'),
                        Some(b'f') => Some('\u{c}'),
                        Some(b'n') => Some('\n'),
                        Some(b'r') => Some('\r'),
                        Some(b't') => Some('\t'),
                        _ => None,
                    };
                    if let Some(resolved) = simple {
                        out.push(resolved);
                        self.at += 1;
                        continue;
                    }
                    if self.peek() != Some(b'u') {
                        return Err(error(
                            t!("document-json-unknown-escape"),
                            Span::new(escape_at, self.after_char_at(self.at)),
                            t!("document-json-unknown-escape-label"),
                        ));
                    }
                    self.at += 1;
                    let high = self.hex4(escape_at)?;
                    let code = if (0xD800..0xDC00).contains(&high) {
                        let low = if self.text.get(self.at..).is_some_and(|r| r.starts_with("\\u")) {
                            self.at += 2;
                            Some(self.hex4(escape_at)?)
                        } else {
                            None
                        };
                        match low {
                            Some(low) if (0xDC00..0xE000).contains(&low) => {
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            }
                            _ => return Err(self.bad_surrogate(escape_at)),
                        }
                    } else {
                        high
                    };
                    match char::from_u32(code) {
                        Some(c) => out.push(c),
                        None => return Err(self.bad_surrogate(escape_at)),
                    }
                }
                c if (c as u32) < 0x20 => {
                    let what = if c == '\n' {
                        t!("document-json-line-break-in-text")
                    } else {
                        let code = format!("{:04X}", c as u32);
                        t!("document-json-control-in-text", code = code)
                    };
                    return Err(error(what, self.here(), t!("document-json-in-text-label")));
                }
                c => {
                    out.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
    }

    /// The end of the character that starts at `at` (`at` itself at the
    /// end of the text): a span ending there never splits a character.
    fn after_char_at(&self, at: usize) -> usize {
        let next = self.text.get(at..).and_then(|rest| rest.chars().next());
        at + next.map_or(0, char::len_utf8)
    }

    fn bad_surrogate(&self, escape_at: usize) -> LoadError {
        error(
            t!("document-json-half-pair"),
            Span::new(escape_at, self.at.max(escape_at + 1)),
            t!("document-json-half-pair-label"),
        )
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self, escape_at: usize) -> Result<u32, LoadError> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or_default();
        match (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(digits, 16).ok())
            .flatten()
        {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => {
                // Through the first character that is not a hex digit,
                // whole (it may be several bytes long).
                let rest = self.text.get(self.at..).unwrap_or_default();
                let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count().min(4);
                let end = self.after_char_at(self.at + hex);
                Err(error(
                    t!("document-json-short-escape"),
                    Span::new(escape_at, end),
                    t!("document-json-short-escape-label"),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A `\u` escape cut short by a character of several bytes is
    /// underlined through that whole character (found by fuzzing).
    #[test]
    fn an_unknown_escape_before_a_multibyte_character_is_underlined_whole() {
        let text = "{\"a\": \"\\é\"}";
        let error = load_json(text, &LoadLimits::default()).unwrap_err();
        assert_eq!(&text[error.span.start..error.span.end], "\\é");
    }

    #[test]
    fn a_short_unicode_escape_ends_on_a_character_boundary() {
        let text = "{\"a\": \"\\u12é\"}";
        let error = load_json(text, &LoadLimits::default()).unwrap_err();
        assert!(text.is_char_boundary(error.span.end), "{:?}", error.span);
        assert_eq!(&text[error.span.start..error.span.end], "\\u12é");
    }

    fn parse(text: &str) -> Result<Document, LoadError> {
        load_json(text, &LoadLimits::default())
    }

    #[test]
    fn reads_json_with_exact_spans() {
        let text = "\u{feff}{\n  \"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\"],\n  \"b\": {\"c\": null, \"d\": true}\n}\n";
        let document = parse(text).unwrap();
        assert_eq!(
            document.value,
            json!({"a": [1, -2500.0, "xé😀"], "b": {"c": null, "d": true}})
        );
        let slice = |span: Span| &text[span.start..span.end];
        assert_eq!(
            slice(document.pointer_span("/a")),
            "[1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\"]"
        );
        assert_eq!(slice(document.key_or_value_span("/a")), "\"a\"");
        assert_eq!(slice(document.pointer_span("/a/1")), "-2.5e3");
        assert_eq!(slice(document.pointer_span("/b/c")), "null");
        assert!(slice(document.pointer_span("")).starts_with('{'));
        assert!(slice(document.pointer_span("")).ends_with('}'));
        assert_eq!(document.len(), 8);
    }

    #[test]
    fn what_json_does_not_allow_is_an_error_at_its_line() {
        let line_of = |text: &str| {
            let error = parse(text).unwrap_err();
            (text[..error.span.start].matches('\n').count() + 1, error.message)
        };
        let cases = [
            ("{\n  \"a\": 1,\n}\n", 2, "trailing comma"),
            ("[1,\n 2,\n]", 2, "trailing comma"),
            ("{\n  // note\n  \"a\": 1\n}", 2, "comments"),
            ("{\"a\": 1 /* x */}", 1, "comments"),
            ("version: 1\nname: x\n", 1, "YAML"),
            ("{\"a\": 'x'}", 1, "single quote"),
            ("{a: 1}", 1, "field name"),
            ("{\"a\": 01}", 1, "leading zero"),
            ("{\"a\": 1}\n{\"b\": 2}", 2, "end of the file"),
            ("{\"a\": 1, \"a\": 2}", 1, "twice"),
            ("{\"a\": \"x\ny\"}", 1, "line break"),
            ("{\"a\": NaN}", 1, "a value"),
            ("{\"a\": 1", 1, "never closed"),
            ("", 1, "empty"),
            ("{\"a\": \"\\ud800\"}", 1, "pair"),
        ];
        for (text, line, words) in cases {
            let (found, message) = line_of(text);
            assert_eq!(found, line, "{text:?}: {message}");
            assert!(message.contains(words), "{text:?}: {message}");
        }
    }

    /// Every mistake is named in Chinese at the same place as in English.
    #[test]
    fn what_json_does_not_allow_is_named_in_chinese() {
        let _chinese = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let duplicate = parse("{\n  \"name\": \"a\",\n  \"name\": \"b\"\n}").unwrap_err();
        assert_eq!(duplicate.message, "字段 `name` 在这里又写了一次");
        assert_eq!(duplicate.label, "又写了一次");
        assert_eq!(duplicate.related[0].message, "第一次写在这里");
        let cases = [
            ("{\n  \"a\": 1,\n}\n", "最后一项之后多了一个逗号"),
            ("{\"a\": 1 /* x */}", "JSON 不能写注释"),
            ("version: 1\nname: x\n", "写的是 YAML"),
            (
                "{\"a\": 'x'}",
                "这里应是一个值（双引号中的文本、数字、true、false 或 null），却写了单引号",
            ),
            ("{\"a\" 1}", "这里应是字段名之后的 `:`，却写了 `1`"),
            ("{\"a\": 1 \"b\": 2}", "这里应是逗号 `,` 或 `}`"),
            ("{\"a\": [1", "第 1 行第 7 列的 `[` 缺少对应的 `]`"),
            ("{\"a\": 01}", "数字以 0 开头"),
            ("", "文件是空的"),
        ];
        for (text, words) in cases {
            let error = parse(text).unwrap_err();
            assert!(error.message.contains(words), "{text:?}: {}", error.message);
            assert!(error.parser.is_none(), "{text:?}");
        }
    }

    #[test]
    fn depth_is_capped() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&fine).is_ok());
    }

    /// The same plan as YAML and as JSON: the same value, the same nodes.
    #[test]
    fn agrees_with_the_yaml_loader() {
        let text = r#"{"version": 1, "goals": [{"id": "g", "target": 12.5, "owner": ""}], "x": {}, "y": []}"#;
        let json = parse(text).unwrap();
        let yaml = super::super::load(text, &LoadLimits::default()).unwrap();
        assert_eq!(json.value, yaml.value);
        let pointers = |d: &Document| d.iter().collect::<Vec<_>>();
        assert_eq!(pointers(&json), pointers(&yaml));
    }
}
