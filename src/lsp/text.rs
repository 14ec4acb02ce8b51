//! Places in a buffer as the protocol counts them (0-based lines, characters
//! in UTF-16 or UTF-8 code units) and as planlint does (byte offsets), and
//! file URIs as paths.

use crate::document::{ColumnUnit, LineIndex, Span};
use lsp_types::{Position, Range};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// How positions count characters within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// The line index's column unit for this encoding.
    pub fn unit(self) -> ColumnUnit {
        match self {
            Encoding::Utf8 => ColumnUnit::Byte,
            Encoding::Utf16 => ColumnUnit::Utf16,
        }
    }
}

/// A buffer's text with its line starts, for converting places.
pub struct Lines<'a> {
    pub text: &'a str,
    index: Cow<'a, LineIndex>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Lines {
            text,
            index: Cow::Owned(LineIndex::new(text)),
        }
    }

    /// With the index already built for `text` (kept with an analysis).
    pub fn with_index(text: &'a str, index: &'a LineIndex) -> Self {
        Lines {
            text,
            index: Cow::Borrowed(index),
        }
    }

    /// A byte offset as a protocol position.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let line = self.index.position(self.text, offset).line;
        let character = self.index.column(self.text, offset, encoding.unit());
        Position::new(
            u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX),
            u32::try_from(character).unwrap_or(u32::MAX),
        )
    }

    pub fn range(&self, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(span.start, encoding),
            self.position(span.end, encoding),
        )
    }

    /// A protocol position as a byte offset; a place past the end of its
    /// line is the line's end, a line past the end is the text's end.
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        self.index.offset(
            self.text,
            position.line as usize + 1,
            position.character as usize,
            encoding.unit(),
        )
    }

    /// The byte offset where the line holding `offset` starts.
    pub fn line_start_of(&self, offset: usize) -> usize {
        let line = self.index.position(self.text, offset).line;
        self.index.line_start(line).unwrap_or(0)
    }

    /// The text of the line holding `offset`, without its break.
    pub fn line_of(&self, offset: usize) -> &'a str {
        let line = self.index.position(self.text, offset).line;
        self.index
            .line_range(self.text, line)
            .and_then(|range| self.text.get(range))
            .unwrap_or_default()
    }
}

/// `file:///a/b%20c.plan.yaml` -> `/a/b c.plan.yaml`; other schemes keep
/// their text as the name.
pub fn uri_to_path(uri: &str) -> PathBuf {
    let Some(rest) = uri.strip_prefix("file://") else {
        return PathBuf::from(uri);
    };
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (byte, hex) {
            (b'%', Some(value)) => {
                decoded.push(value);
                index += 3;
            }
            _ => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    PathBuf::from(String::from_utf8_lossy(&decoded).into_owned())
}

/// An absolute path as a `file://` URI, reserved bytes percent-encoded
/// (as SARIF names files outside the working directory).
pub fn path_to_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    crate::output::file_uri(&text).unwrap_or_else(|| format!("file:///{}", crate::output::uri_path(&text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_become_paths_and_back() {
        assert_eq!(
            uri_to_path("file:///plans/a%20b.plan.yaml"),
            PathBuf::from("/plans/a b.plan.yaml")
        );
        assert_eq!(
            uri_to_path("file:///x/%E8%AE%A1%E5%88%92.plan.yaml"),
            PathBuf::from("/x/计划.plan.yaml")
        );
        assert_eq!(
            uri_to_path("untitled:Untitled-1"),
            PathBuf::from("untitled:Untitled-1")
        );
        assert_eq!(uri_to_path("file:///bad%zz"), PathBuf::from("/bad%zz"));
        let path = Path::new("/x/计划 1.plan.yaml");
        assert_eq!(uri_to_path(&path_to_uri(path)), path);
    }

    #[test]
    fn positions_count_utf16_or_utf8_both_ways() {
        let text = "a: 计划 x\r\nb: 😀y\n";
        let lines = Lines::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(lines.position(x, Encoding::Utf16), Position::new(0, 6));
        assert_eq!(lines.position(x, Encoding::Utf8), Position::new(0, 10));
        let y = text.find('y').unwrap();
        assert_eq!(lines.position(y, Encoding::Utf16), Position::new(1, 5));
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for offset in [0, x, y, text.len()] {
                assert_eq!(lines.offset(lines.position(offset, encoding), encoding), offset);
            }
        }
        assert_eq!(lines.offset(Position::new(0, 99), Encoding::Utf16), x + 1);
        assert_eq!(lines.offset(Position::new(9, 0), Encoding::Utf16), text.len());
        assert_eq!(lines.line_of(y), "b: 😀y");
    }
}
