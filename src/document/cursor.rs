//! Offset bookkeeping for the loader: saphyr's character indices -> byte
//! offsets, and small byte-level scans that tighten the spans saphyr reports.
//!
//! Every function here clamps to the text and only ever returns offsets that
//! lie on character boundaries, whatever the input.

use super::Span;

/// Where the leading `%` directive lines end, in saphyr's counting, and by
/// how much saphyr's indices run ahead after them (their multibyte
/// characters count once per byte there).
fn directive_shift(body: &str) -> (usize, usize) {
    let (mut saphyr_index, mut excess) = (0, 0);
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let is_directive = line.starts_with('%');
        if !(is_directive || trimmed.is_empty() || trimmed.starts_with('#')) {
            break;
        }
        let chars = line.chars().count();
        if is_directive {
            excess += line.len() - chars;
            saphyr_index += line.len();
        } else {
            saphyr_index += chars;
        }
    }
    if excess == 0 {
        (usize::MAX, 0)
    } else {
        (saphyr_index, excess)
    }
}

/// Converts saphyr character indices (into the parsed body) into byte offsets
/// into the original text.
///
/// Conversions are expected in (mostly) increasing order, so the cursor walks
/// from the previous position instead of rescanning from the start: a whole
/// document costs O(text length) in total. Walking backwards works too, it is
/// just not what the loader normally asks for.
pub(super) struct CharCursor<'t> {
    body: &'t str,
    /// Byte offset of `body` in the original text (3 after a BOM, else 0).
    base: usize,
    /// All ASCII: character index == byte offset.
    ascii: bool,
    /// Current position, as a character index into `body` ...
    chars: usize,
    /// ... and the same position as a byte offset into `body`.
    bytes: usize,
    /// saphyr counts the characters of `%` directive lines as bytes: from
    /// index `directive_end` on, its indices are `directive_excess` too high.
    directive_end: usize,
    directive_excess: usize,
}

impl<'t> CharCursor<'t> {
    pub(super) fn new(body: &'t str, base: usize) -> Self {
        let (directive_end, directive_excess) = directive_shift(body);
        CharCursor {
            body,
            base,
            ascii: body.is_ascii(),
            chars: 0,
            bytes: 0,
            directive_end,
            directive_excess,
        }
    }

    /// The byte offset, in the original text, of character `index` of the
    /// body. Indices past the end clamp to the end of the text.
    pub(super) fn byte(&mut self, index: usize) -> usize {
        let index = if index >= self.directive_end {
            index - self.directive_excess
        } else {
            index
        };
        let bytes = self.body.as_bytes();
        if self.ascii {
            return self.base.saturating_add(index.min(bytes.len()));
        }
        while self.chars < index && self.bytes < bytes.len() {
            self.bytes += 1;
            while matches!(bytes.get(self.bytes), Some(b) if b & 0xC0 == 0x80) {
                self.bytes += 1;
            }
            self.chars += 1;
        }
        while self.chars > index && self.bytes > 0 {
            self.bytes -= 1;
            while self.bytes > 0 && !self.body.is_char_boundary(self.bytes) {
                self.bytes -= 1;
            }
            self.chars -= 1;
        }
        self.base.saturating_add(self.bytes)
    }
}

fn byte_at(text: &str, pos: usize) -> Option<u8> {
    text.as_bytes().get(pos).copied()
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_flow_indicator(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

/// Skip a `#` comment starting at `pos`, up to (not including) the line break.
fn skip_comment(text: &str, mut pos: usize, limit: usize) -> usize {
    while pos < limit && !matches!(byte_at(text, pos), None | Some(b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// The span of the single character at `pos` (empty at the end of the text).
pub(super) fn char_span(text: &str, pos: usize) -> Span {
    let pos = floor_boundary(text, pos);
    let len = text
        .get(pos..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    Span::new(pos, pos.saturating_add(len))
}

/// `pos` clamped to the text and moved back onto a character boundary.
pub(super) fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while pos > 0 && !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// Skip node properties (anchors `&a`, tags `!t`, `!<verbatim>`) and the
/// whitespace and comments between them, starting at `pos`. Returns where the
/// node's content starts, never beyond `limit`.
pub(super) fn skip_properties(text: &str, mut pos: usize, limit: usize) -> usize {
    let limit = limit.min(text.len());
    while pos < limit {
        match byte_at(text, pos) {
            Some(b) if is_ws(b) => pos += 1,
            Some(b'#') => pos = skip_comment(text, pos, limit),
            Some(b'!') if byte_at(text, pos + 1) == Some(b'<') => {
                while pos < limit && byte_at(text, pos) != Some(b'>') {
                    pos += 1;
                }
                pos += 1;
            }
            Some(b'&' | b'!') => {
                pos += 1;
                while pos < limit {
                    match byte_at(text, pos) {
                        Some(b) if is_ws(b) || is_flow_indicator(b) => break,
                        Some(_) => pos += 1,
                        None => break,
                    }
                }
            }
            _ => break,
        }
    }
    floor_boundary(text, pos.min(limit))
}

/// End (exclusive) of the quoted scalar whose opening quote is at `start`.
/// saphyr's own end marker for quoted scalars can include trailing blanks and
/// a comment, so the closing quote is found here. Falls back to `limit`.
pub(super) fn quoted_end(text: &str, start: usize, limit: usize) -> usize {
    let limit = limit.min(text.len());
    let quote = match byte_at(text, start) {
        Some(q @ (b'"' | b'\'')) => q,
        _ => return floor_boundary(text, limit),
    };
    let mut pos = start + 1;
    while pos < limit {
        match byte_at(text, pos) {
            Some(b'\\') if quote == b'"' => pos += 2,
            Some(b'\'') if quote == b'\'' => {
                if byte_at(text, pos + 1) == Some(b'\'') {
                    pos += 2;
                } else {
                    return pos + 1;
                }
            }
            Some(b'"') if quote == b'"' => return pos + 1,
            Some(_) => pos += 1,
            None => break,
        }
    }
    floor_boundary(text, limit)
}

/// The innermost `[` or `{` left open at the end of the text, scanning a
/// flow collection that starts at `from` (quoted scalars and comments
/// skipped; inside flow collections plain scalars hold no brackets).
pub(super) fn unclosed_bracket(text: &str, from: usize) -> Option<usize> {
    let mut open = Vec::new();
    let mut pos = from;
    while let Some(b) = byte_at(text, pos) {
        match b {
            b'[' | b'{' => open.push(pos),
            b']' | b'}' => {
                open.pop();
            }
            b'"' | b'\'' => {
                pos = quoted_end(text, pos, text.len());
                continue;
            }
            b'#' if pos == 0 || byte_at(text, pos - 1).is_some_and(is_ws) => {
                pos = skip_comment(text, pos, text.len());
                continue;
            }
            _ => {}
        }
        pos += 1;
    }
    open.pop()
}

/// Find the `|` or `>` header of a block scalar, searching forward from
/// `from` (the end of whatever was parsed before) over blanks, comments and
/// the indicators `-`, `?`, `:` that may precede a node.
pub(super) fn block_scalar_indicator(text: &str, from: usize, limit: usize) -> Option<usize> {
    let limit = limit.min(text.len());
    let mut pos = from;
    while pos < limit {
        match byte_at(text, pos) {
            Some(b'|' | b'>') => return Some(pos),
            Some(b) if is_ws(b) || matches!(b, b'-' | b'?' | b':') => pos += 1,
            Some(b'#') => pos = skip_comment(text, pos, limit),
            _ => return None,
        }
    }
    None
}

/// The `]` or `}` closing a flow collection, searching from `pos` (where
/// saphyr reports the end) over blanks, comments and one trailing comma.
pub(super) fn closing_bracket(text: &str, mut pos: usize, limit: usize) -> Option<usize> {
    let limit = limit.min(text.len());
    let mut commas = 0;
    while pos < limit {
        match byte_at(text, pos) {
            Some(b']' | b'}') => return Some(pos),
            Some(b',') if commas == 0 => {
                commas += 1;
                pos += 1;
            }
            Some(b) if is_ws(b) => pos += 1,
            Some(b'#') => pos = skip_comment(text, pos, limit),
            _ => return None,
        }
    }
    None
}

/// The `-` just before `pos`, with only spaces and tabs in between.
pub(super) fn dash_before(text: &str, pos: usize) -> Option<usize> {
    let mut at = pos.min(text.len());
    while at > 0 && matches!(byte_at(text, at - 1), Some(b' ' | b'\t')) {
        at -= 1;
    }
    let dash = at.checked_sub(1)?;
    (byte_at(text, dash) == Some(b'-')).then_some(dash)
}

/// `end` moved back over trailing blanks and line breaks, but not below `min`.
pub(super) fn trim_trailing_ws(text: &str, min: usize, end: usize) -> usize {
    let mut end = end.min(text.len());
    while end > min && matches!(byte_at(text, end - 1), Some(b) if is_ws(b)) {
        end -= 1;
    }
    end
}

/// The tab a tab-related parser error is about: the first tab on the line of
/// `pos` (before it), else the first one after it within the next line.
pub(super) fn nearby_tab(text: &str, pos: usize) -> Option<usize> {
    let pos = pos.min(text.len());
    let bytes = text.as_bytes();
    let line_start = bytes
        .get(..pos)
        .and_then(|before| before.iter().rposition(|&b| b == b'\n' || b == b'\r'))
        .map_or(0, |i| i + 1);
    if let Some(i) = bytes
        .get(line_start..pos)
        .and_then(|line| line.iter().position(|&b| b == b'\t'))
    {
        return Some(line_start + i);
    }
    let mut breaks = 0;
    let mut at = pos;
    while let Some(b) = byte_at(text, at) {
        match b {
            b'\t' => return Some(at),
            b'\n' => {
                breaks += 1;
                if breaks > 1 {
                    return None;
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// The text of an alias (`*name`) starting at `pos`, without the `*`.
pub(super) fn alias_name(text: &str, pos: usize) -> &str {
    let start = pos.saturating_add(1);
    if byte_at(text, pos) != Some(b'*') {
        return "";
    }
    let mut end = start;
    while let Some(b) = byte_at(text, end) {
        if is_ws(b) || is_flow_indicator(b) {
            break;
        }
        end += 1;
    }
    text.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_ascii_and_multibyte() {
        let text = "a\u{e9}\u{4e2d}\u{1f600}b";
        let mut c = CharCursor::new(text, 0);
        assert_eq!(c.byte(0), 0);
        assert_eq!(c.byte(1), 1);
        assert_eq!(c.byte(2), 3);
        assert_eq!(c.byte(3), 6);
        assert_eq!(c.byte(4), 10);
        assert_eq!(c.byte(5), 11);
        assert_eq!(c.byte(99), 11);
        assert_eq!(c.byte(2), 3);
        assert_eq!(c.byte(0), 0);
        let mut c = CharCursor::new("abc", 3);
        assert_eq!(c.byte(1), 4);
        assert_eq!(c.byte(10), 6);
    }

    #[test]
    fn unclosed_brackets() {
        assert_eq!(unclosed_bracket(r#"{"a": ["#, 0), Some(6));
        assert_eq!(unclosed_bracket(r#"{"a": [1, {"b": "]}"}"#, 0), Some(6));
        assert_eq!(unclosed_bracket("[1, 'it''s ]', # ]\n 2", 0), Some(0));
        assert_eq!(unclosed_bracket("[[1], {a: 2}]", 0), None);
    }

    #[test]
    fn scans() {
        let t = "k: &a !!str  \"x\\\"y\"  # c";
        assert_eq!(skip_properties(t, 3, t.len()), 13);
        assert_eq!(quoted_end(t, 13, t.len()), 19);
        let t = "- 'it''s' # x";
        assert_eq!(quoted_end(t, 2, t.len()), 9);
        let t = "k: |+ # c\n  x\n\n";
        assert_eq!(block_scalar_indicator(t, 1, t.len()), Some(3));
        assert_eq!(trim_trailing_ws(t, 4, t.len()), 13);
        assert_eq!(char_span("a\u{4e2d}", 1), Span::new(1, 4));
        assert_eq!(char_span("a\u{4e2d}", 2), Span::new(1, 4));
        assert_eq!(char_span("a", 5), Span::new(1, 1));
        assert_eq!(closing_bracket("[1, 2]", 5, 6), Some(5));
        assert_eq!(closing_bracket("{a: 1, # c\n }", 5, 14), Some(12));
        assert_eq!(closing_bracket("[1, , ]", 2, 7), None);
        assert_eq!(closing_bracket("[1 x]", 2, 5), None);
        assert_eq!(dash_before("k:\n- a", 5), Some(3));
        assert_eq!(dash_before("k:\n-\ta", 5), Some(3));
        assert_eq!(dash_before("k:\n  - a", 5), None);
        assert_eq!(dash_before("-", 0), None);
        assert_eq!(alias_name("x: *ab, c", 3), "ab");
        assert_eq!(nearby_tab("a:\n\tb", 1), Some(3));
        assert_eq!(nearby_tab("a:\n\tb", 4), Some(3));
        assert_eq!(nearby_tab("a:\nb", 4), None);
    }
}
