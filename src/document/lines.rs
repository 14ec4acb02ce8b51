//! The one line index: byte offsets to lines and columns and back, with
//! columns counted in bytes, UTF-16 code units (the language server's
//! default) or characters (what people and the CI formats count). Every
//! place that shows or takes a line and column goes through it, so a lone
//! `\r`, CRLF and characters outside the BMP agree everywhere.

use std::ops::Range;

/// How columns are counted within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// UTF-8 bytes.
    Byte,
    /// UTF-16 code units (a character outside the BMP counts two).
    Utf16,
    /// Characters (Unicode scalar values).
    Char,
}

impl ColumnUnit {
    fn width(self, c: char) -> usize {
        match self {
            ColumnUnit::Byte => c.len_utf8(),
            ColumnUnit::Utf16 => c.len_utf16(),
            ColumnUnit::Char => 1,
        }
    }
}

/// A resolved place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// 0-based byte offset.
    pub offset: usize,
}

/// Line starts of a text, for turning byte offsets into positions.
///
/// Line breaks are `\n`, `\r\n` (one break) and a lone `\r`, as in YAML.
/// Build it once per text, then pass the same text to [`LineIndex::position`].
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Whether each line is pure ASCII (column = byte distance + 1).
    ascii_lines: Vec<bool>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // About one line in 40 bytes: room for most texts without growing.
        let mut line_starts = Vec::with_capacity(bytes.len() / 40 + 1);
        let mut ascii_lines = Vec::with_capacity(bytes.len() / 40 + 1);
        line_starts.push(0);
        let mut start = 0;
        // Line breaks found a word at a time, not byte by byte.
        while let Some(at) = memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            let end = start + at;
            ascii_lines.push(bytes[start..end].is_ascii());
            start = match (bytes[end], bytes.get(end + 1)) {
                (b'\r', Some(b'\n')) => end + 2,
                _ => end + 1,
            };
            line_starts.push(start);
        }
        ascii_lines.push(bytes[start..].is_ascii());
        LineIndex {
            line_starts,
            ascii_lines,
        }
    }

    /// Number of lines (an empty text has one, empty, line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 1-based `line` starts, if there is such a line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// The position of `offset` in `text` (the text this index was built
    /// from). Offsets past the end clamp to the end; an offset inside a
    /// multibyte character clamps to the start of that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0).min(offset);
        let ascii = self.ascii_lines.get(line - 1).copied().unwrap_or(false);
        let chars = if ascii {
            offset - start
        } else {
            text.get(start..offset)
                .map_or(offset - start, |s| s.chars().count())
        };
        Position {
            line,
            column: chars + 1,
            offset,
        }
    }

    /// The 1-based line holding `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset).max(1)
    }

    /// The bytes of 1-based `line` in `text`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = self.line_start(line)?.min(text.len());
        let next = self.line_start(line + 1).unwrap_or(text.len()).min(text.len());
        let content = text.get(start..next).unwrap_or_default();
        let content = content
            .strip_suffix("\r\n")
            .or_else(|| content.strip_suffix('\n'))
            .or_else(|| content.strip_suffix('\r'))
            .unwrap_or(content);
        Some(start..start + content.len())
    }

    /// The 0-based column of `offset` within its line, in `unit` (an offset
    /// inside a character counts from that character's start).
    pub fn column(&self, text: &str, offset: usize, unit: ColumnUnit) -> usize {
        let place = self.position(text, offset);
        let start = self.line_start(place.line).unwrap_or(0).min(place.offset);
        match unit {
            ColumnUnit::Char => place.column - 1,
            ColumnUnit::Byte => place.offset - start,
            ColumnUnit::Utf16 => text
                .get(start..place.offset)
                .map_or(0, |before| before.encode_utf16().count()),
        }
    }

    /// The byte offset of 0-based `column` (in `unit`) on 1-based `line`.
    /// A column past the line's end is its end (before the break); a line
    /// past the last is the text's end; a column inside a character (half
    /// of a UTF-16 pair) is the end of that character.
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: ColumnUnit) -> usize {
        let Some(range) = self.line_range(text, line) else {
            return text.len();
        };
        let content = text.get(range.clone()).unwrap_or_default();
        let mut counted = 0;
        for (at, c) in content.char_indices() {
            if counted >= column {
                return range.start + at;
            }
            counted += unit.width(c);
        }
        range.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, column: usize, offset: usize) -> Position {
        Position { line, column, offset }
    }

    #[test]
    fn ascii() {
        let text = "ab\ncd\n\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(text, 0), pos(1, 1, 0));
        assert_eq!(idx.position(text, 1), pos(1, 2, 1));
        assert_eq!(idx.position(text, 2), pos(1, 3, 2));
        assert_eq!(idx.position(text, 3), pos(2, 1, 3));
        assert_eq!(idx.position(text, 6), pos(3, 1, 6));
        assert_eq!(idx.position(text, 7), pos(4, 1, 7));
        assert_eq!(idx.position(text, 8), pos(4, 2, 8));
        assert_eq!(idx.line_start(2), Some(3));
        assert_eq!(idx.line_start(0), None);
        assert_eq!(idx.line_start(5), None);
    }

    #[test]
    fn multibyte() {
        // 中 and 文 are 3 bytes, 😀 is 4.
        let text = "名前: 中文😀x\nb: é";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), pos(1, 1, 0));
        assert_eq!(idx.position(text, 6), pos(1, 3, 6)); // ':'
        assert_eq!(idx.position(text, 8), pos(1, 5, 8)); // 中
        assert_eq!(idx.position(text, 11), pos(1, 6, 11)); // 文
        assert_eq!(idx.position(text, 14), pos(1, 7, 14)); // 😀
        assert_eq!(idx.position(text, 18), pos(1, 8, 18)); // x
                                                           // Inside a character: clamps to its start.
        assert_eq!(idx.position(text, 9), pos(1, 5, 8));
        assert_eq!(idx.position(text, 16), pos(1, 7, 14));
        assert_eq!(idx.position(text, 20), pos(2, 1, 20)); // b
        assert_eq!(idx.position(text, 23), pos(2, 4, 23)); // é
        assert_eq!(idx.position(text, 24), pos(2, 4, 23));
        assert_eq!(idx.position(text, 25), pos(2, 5, 25)); // end
    }

    #[test]
    fn crlf_and_lone_cr() {
        let text = "a: 1\r\nb: 2\r\n\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 4), pos(1, 5, 4)); // '\r'
        assert_eq!(idx.position(text, 5), pos(1, 6, 5)); // '\n'
        assert_eq!(idx.position(text, 6), pos(2, 1, 6)); // 'b'
        assert_eq!(idx.position(text, 9), pos(2, 4, 9)); // '2'
        assert_eq!(idx.position(text, 12), pos(3, 1, 12));
        assert_eq!(idx.position(text, 14), pos(4, 1, 14)); // 'c'
        assert_eq!(idx.position(text, 16), pos(5, 1, 16)); // 'd'
        assert_eq!(idx.line_count(), 5);
    }

    #[test]
    fn end_clamping() {
        let text = "ab\nc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 4), pos(2, 2, 4));
        assert_eq!(idx.position(text, 1000), pos(2, 2, 4));
        let text = "x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 2), pos(2, 1, 2));
        assert_eq!(idx.position(text, usize::MAX), pos(2, 1, 2));
        let empty = LineIndex::new("");
        assert_eq!(empty.position("", 5), pos(1, 1, 0));
    }

    /// The reference: lines split by hand at `\r\n`, `\n` and a lone `\r`,
    /// each as (start, content) with columns counted char by char.
    fn reference_lines(text: &str) -> Vec<(usize, &str)> {
        let mut lines = Vec::new();
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let width = match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                b'\r' | b'\n' => 1,
                _ => {
                    i += 1;
                    continue;
                }
            };
            lines.push((start, &text[start..i]));
            i += width;
            start = i;
        }
        lines.push((start, &text[start..]));
        lines
    }

    fn reference_column(content: &str, bytes: usize, unit: ColumnUnit) -> usize {
        content[..bytes].chars().map(|c| unit.width(c)).sum()
    }

    const UNITS: [ColumnUnit; 3] = [ColumnUnit::Byte, ColumnUnit::Utf16, ColumnUnit::Char];

    proptest::proptest! {
        /// Every character boundary maps to the reference's line and column
        /// in each unit, and back to itself.
        #[test]
        fn agrees_with_the_reference(pieces in proptest::collection::vec(
            proptest::sample::select(vec!["a", "é", "中", "😀", "\r", "\n", "\r\n", " "]), 0..40)
        ) {
            let text: String = pieces.concat();
            let index = LineIndex::new(&text);
            let lines = reference_lines(&text);
            proptest::prop_assert_eq!(index.line_count(), lines.len());
            for (number, (start, content)) in lines.iter().enumerate() {
                let line = number + 1;
                proptest::prop_assert_eq!(index.line_range(&text, line), Some(*start..start + content.len()));
                for (at, _) in content.char_indices().chain([(content.len(), ' ')]) {
                    let offset = start + at;
                    proptest::prop_assert_eq!(index.line_of(offset), line);
                    for unit in UNITS {
                        let column = reference_column(content, at, unit);
                        proptest::prop_assert_eq!(index.column(&text, offset, unit), column);
                        proptest::prop_assert_eq!(index.offset(&text, line, column, unit), offset);
                    }
                    proptest::prop_assert_eq!(
                        index.position(&text, offset).column,
                        reference_column(content, at, ColumnUnit::Char) + 1
                    );
                }
                // Past the end of a line: its end, before the break.
                for unit in UNITS {
                    proptest::prop_assert_eq!(index.offset(&text, line, 1000, unit), start + content.len());
                }
            }
            proptest::prop_assert_eq!(index.offset(&text, lines.len() + 1, 0, ColumnUnit::Char), text.len());
        }
    }
}
