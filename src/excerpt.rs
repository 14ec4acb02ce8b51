//! What an error shows of a file: the one line where the problem starts,
//! cut to a bounded width. Errors point into configs and rule files, which
//! are not what users meant to print: an error must never copy whole blocks
//! of a file into a CI log, only the place it names.

use crate::document::{LineIndex, Span};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// The most characters of a line an excerpt shows, ellipses included.
pub const MAX_WIDTH: usize = 120;
/// How many characters before the span a cut line keeps, for context.
const LEAD: usize = 40;
const ELLIPSIS: char = '…';

/// One line of a named file, possibly cut, that miette reads as the file:
/// it reports the line's real number and column.
#[derive(Debug, Clone)]
pub struct Excerpt {
    name: String,
    text: String,
    /// The line's index in the file (0 for the first).
    line: usize,
    /// Bytes of the line left out before `text` starts.
    skipped: usize,
    /// Bytes of the ellipsis that stands for them (0 when none is left out).
    ellipsis: usize,
}

impl Excerpt {
    /// The line of `source` holding `span.start`, and `span` moved into it
    /// (cut at the line's end or at the excerpt's edge).
    pub fn new(name: &str, source: &str, span: Span) -> (Excerpt, Span) {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        // The shared line index: a lone `\r` ends a line here as in YAML.
        let index = LineIndex::new(source);
        let line_number = index.line_of(start);
        let range = index.line_range(source, line_number).unwrap_or(start..start);
        let (line_start, line) = (range.start, &source[range]);
        let end = floor_char_boundary(source, span.end.clamp(start, line_start + line.len())) - line_start;
        let start = start - line_start;

        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let (first, last) = window(&chars, start);
        let byte_at = |index: usize| chars.get(index).map_or(line.len(), |&(at, _)| at);
        let (from, to) = (byte_at(first), byte_at(last));
        let mut text = String::with_capacity(to - from + 2 * ELLIPSIS.len_utf8());
        if first > 0 {
            text.push(ELLIPSIS);
        }
        let ellipsis = text.len();
        text.push_str(&line[from..to]);
        if last < chars.len() {
            text.push(ELLIPSIS);
        }
        let moved = |at: usize| at.clamp(from, to) - from + ellipsis;
        let excerpt = Excerpt {
            name: name.to_owned(),
            text,
            line: line_number - 1,
            skipped: from,
            ellipsis,
        };
        (excerpt, Span::new(moved(start), moved(end)))
    }

    /// The text shown, for tests and for messages without miette.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The characters `[first, last)` of a line to show, holding the character
/// at byte `start` and at most [`MAX_WIDTH`] wide with the ellipses.
fn window(chars: &[(usize, char)], start: usize) -> (usize, usize) {
    if chars.len() <= MAX_WIDTH {
        return (0, chars.len());
    }
    let at = chars.partition_point(|&(byte, _)| byte < start);
    // Room for an ellipsis on each side that is cut.
    let first = at.saturating_sub(LEAD);
    let room = MAX_WIDTH - usize::from(first > 0);
    if first + room >= chars.len() {
        let first = chars.len() - (MAX_WIDTH - 1);
        return (first, chars.len());
    }
    (first, first + room - 1)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // The text is one line, so no context lines can come with it.
        let inner = self
            .text
            .as_str()
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.line,
            // miette counts columns in bytes, as `skipped` does.
            (inner.column() + self.skipped).saturating_sub(self.ellipsis),
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_shown_whole_with_its_number() {
        let source = "version: 1\nextends: [x]\nrules: {}\n";
        let (excerpt, span) = Excerpt::new("c.yaml", source, Span::new(21, 22));
        assert_eq!(excerpt.text(), "extends: [x]");
        assert_eq!(&excerpt.text()[span.start..span.end], "x");
        assert_eq!(excerpt.line, 1);
    }

    /// A lone `\r` ends a line here as in the loader and every report.
    #[test]
    fn lone_cr_and_crlf_end_lines_as_the_line_index_says() {
        let source = "version: 1\rextends: [x]\r\nrules: {}\n";
        let at = source.find('x').unwrap();
        let (excerpt, span) = Excerpt::new("c.yaml", source, Span::new(at, at + 1));
        assert_eq!(excerpt.text(), "extends: [x]");
        assert_eq!(&excerpt.text()[span.start..span.end], "x");
        assert_eq!(excerpt.line, 1);
        let at = source.find("rules").unwrap();
        let (excerpt, _) = Excerpt::new("c.yaml", source, Span::new(at, at + 5));
        assert_eq!((excerpt.text(), excerpt.line), ("rules: {}", 2));
    }

    #[test]
    fn a_span_over_several_lines_is_cut_at_the_first_line_end() {
        let source = "a: 1\nb: 2\nc: 3\n";
        let (excerpt, span) = Excerpt::new("c.yaml", source, Span::new(0, source.len()));
        assert_eq!(excerpt.text(), "a: 1");
        assert_eq!(span, Span::new(0, 4));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span_to_the_width() {
        let secret = "S".repeat(500);
        let source = format!("{secret}needle{secret}");
        let (excerpt, span) = Excerpt::new("c.yaml", &source, Span::new(500, 506));
        assert_eq!(excerpt.text().chars().count(), MAX_WIDTH);
        assert!(excerpt.text().starts_with(ELLIPSIS) && excerpt.text().ends_with(ELLIPSIS));
        assert_eq!(&excerpt.text()[span.start..span.end], "needle");
        // The start and the end of a long line are cut the same way.
        for at in [0, source.len() - 1, source.len()] {
            let (excerpt, span) = Excerpt::new("c.yaml", &source, Span::new(at, at + 1));
            assert_eq!(excerpt.text().chars().count(), MAX_WIDTH, "{at}");
            assert!(span.end <= excerpt.text().len());
        }
    }

    #[test]
    fn multibyte_text_and_spans_off_the_end_do_not_panic() {
        let source = "é".repeat(300);
        for at in [0, 1, 301, 599, 600, 10_000] {
            let (excerpt, span) = Excerpt::new("c.yaml", &source, Span::new(at, at + 7));
            assert!(excerpt.text().chars().count() <= MAX_WIDTH);
            assert!(excerpt.text().is_char_boundary(span.start) && excerpt.text().is_char_boundary(span.end));
        }
        let (excerpt, span) = Excerpt::new("c.yaml", "", Span::new(0, 0));
        assert_eq!((excerpt.text(), span), ("", Span::new(0, 0)));
    }
}
