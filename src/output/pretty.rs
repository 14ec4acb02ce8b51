//! Pretty JSON written at a depth of a larger document: the layout of
//! `serde_json::to_writer_pretty` (two spaces a level), every line after the
//! first indented by a further fixed number of spaces. Reports are streamed
//! a file (or a finding) at a time, each piece placed where pretty-printing
//! the whole report would put it.

use serde_json::ser::Formatter;
use std::io::{self, Write};

/// A `serde_json` formatter that lays values out as the pretty printer
/// does, `base` spaces deeper.
struct PrettyAt {
    base: usize,
    depth: usize,
    /// Whether the innermost open array or object has a value yet.
    has_value: bool,
}

impl PrettyAt {
    fn new_line<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        out.write_all(b"\n")?;
        let mut left = self.base + 2 * self.depth;
        while left > 0 {
            let now = left.min(SPACES.len());
            out.write_all(&SPACES[..now])?;
            left -= now;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out)?;
        }
        out.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.new_line(out)
    }
}

impl Formatter for PrettyAt {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` pretty-printed as it would appear `indent` spaces deep in a
/// pretty-printed document, appended to `buffer`.
pub(crate) fn append_pretty_at(
    value: &impl serde::Serialize,
    indent: usize,
    buffer: &mut Vec<u8>,
) -> io::Result<()> {
    let formatter = PrettyAt {
        base: indent,
        depth: 0,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(buffer, formatter);
    value.serialize(&mut serializer).map_err(io::Error::other)
}

/// `value` pretty-printed to `out` as it would appear `indent` spaces deep
/// in a pretty-printed document: built in memory, written at once.
pub(crate) fn write_pretty_at(
    value: &impl serde::Serialize,
    indent: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut buffer = Vec::with_capacity(1024);
    append_pretty_at(value, indent, &mut buffer)?;
    out.write_all(&buffer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What the pretty printer writes, every line after the first indented.
    fn reference(value: &serde_json::Value, indent: usize) -> String {
        let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
        pretty.replace('\n', &format!("\n{}", " ".repeat(indent)))
    }

    #[test]
    fn lays_out_values_as_the_pretty_printer_does_deeper() {
        let values = [
            json!({"a": [1, 2, {"b": []}], "c": {}, "d": "x\ny", "e": [[], [{}]]}),
            json!([]),
            json!({}),
            json!("text"),
            json!([{"deep": {"deeper": {"deepest": [1, [2, [3]]]}}}]),
        ];
        for value in &values {
            for indent in [0, 2, 8, 70] {
                let mut out = Vec::new();
                write_pretty_at(value, indent, &mut out).unwrap_or_default();
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    reference(value, indent),
                    "{value} at {indent}"
                );
            }
        }
    }
}
