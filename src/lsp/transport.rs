//! The wire: `Content-Length`-framed JSON over stdio. Frames are read here,
//! not by a library, so that nothing a client sends is trusted before it is
//! checked: a header line and a header block have a size limit, and a body
//! over [`MAX_BODY`] is skipped as it streams by instead of being allocated.

use serde_json::Value;
use std::io::{self, BufRead, Read, Write};

/// The largest message body read into memory. A plan is at most
/// `max_file_size` (10 MiB by default) and JSON escaping can double a
/// text, so this leaves room for a generous limit.
pub const MAX_BODY: u64 = 64 * 1024 * 1024;

/// A header line longer than this is not a header.
const MAX_HEADER_LINE: u64 = 1024;

/// More header lines than this in one frame is not a frame.
const MAX_HEADER_LINES: usize = 32;

/// What one frame held.
#[derive(Debug)]
pub enum Frame {
    /// A body that is valid JSON.
    Json(Value),
    /// A body that is not JSON: the parser's complaint.
    NotJson(String),
    /// A frame that could not be taken: no or a bad `Content-Length`, or a
    /// body over [`MAX_BODY`] (skipped).
    Refused(String),
}

/// Reads frames from one input, remembering a refused body still to skip.
pub struct FrameReader<R> {
    input: R,
    /// Bytes of an oversized body not yet skipped.
    skip: u64,
}

impl<R: BufRead> FrameReader<R> {
    pub fn new(input: R) -> Self {
        FrameReader { input, skip: 0 }
    }

    /// The next frame; `None` at the end of the input. An oversized body
    /// is refused as soon as its header is read (so the client hears of it
    /// at once) and skipped, unkept, before the next frame.
    pub fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        if self.skip > 0 {
            let wanted = std::mem::take(&mut self.skip);
            let skipped = io::copy(&mut self.input.by_ref().take(wanted), &mut io::sink())?;
            if skipped < wanted {
                return Ok(None);
            }
        }
        let length = match read_header(&mut self.input)? {
            None => return Ok(None),
            Some(Err(refused)) => return Ok(Some(refused)),
            Some(Ok(length)) => length,
        };
        if length > MAX_BODY {
            self.skip = length;
            return Ok(Some(Frame::Refused(format!(
                "a message of {length} bytes is over the {MAX_BODY}-byte limit"
            ))));
        }
        // Grows with what arrives, never to what the header claims up front.
        let mut body = Vec::new();
        self.input.by_ref().take(length).read_to_end(&mut body)?;
        if (body.len() as u64) < length {
            return Ok(None);
        }
        Ok(Some(match serde_json::from_slice(&body) {
            Ok(value) => Frame::Json(value),
            Err(error) => Frame::NotJson(error.to_string()),
        }))
    }
}

/// A frame's header block: its `Content-Length`, or why there is none.
fn read_header(input: &mut impl BufRead) -> io::Result<Option<Result<u64, Frame>>> {
    let mut length: Option<Result<u64, String>> = None;
    let mut lines = 0;
    loop {
        let mut line = Vec::new();
        let read = input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(None);
        }
        lines += 1;
        if !line.ends_with(b"\n") || lines > MAX_HEADER_LINES {
            // Not a header: skip the rest of the line and say so.
            skip_line(input)?;
            let why = "a header line is too long or there are too many".to_owned();
            return Ok(Some(Err(Frame::Refused(why))));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if lines == 1 {
                // A stray blank line between frames.
                lines = 0;
                continue;
            }
            break;
        }
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                let value = value.trim();
                length = Some(
                    value
                        .parse::<u64>()
                        .map_err(|_| format!("`Content-Length: {value}` is not a length")),
                );
            }
        }
    }
    Ok(Some(match length {
        Some(Ok(length)) => Ok(length),
        Some(Err(why)) => Err(Frame::Refused(why)),
        None => Err(Frame::Refused("a frame without Content-Length".into())),
    }))
}

fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => {
                input.consume(at + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                input.consume(all);
            }
        }
    }
}

/// Writes one message as a frame.
pub fn write_frame(output: &mut impl Write, message: &Value) -> io::Result<()> {
    let body = serde_json::to_string(message).map_err(io::Error::other)?;
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut reader = FrameReader::new(io::BufReader::new(input));
        let mut out = Vec::new();
        while let Some(frame) = reader.next_frame().unwrap() {
            out.push(match frame {
                Frame::Json(value) => value.to_string(),
                Frame::NotJson(_) => "not json".into(),
                Frame::Refused(why) => format!("refused: {why}"),
            });
        }
        out
    }

    #[test]
    fn frames_are_bounded_and_reading_goes_on() {
        let input = b"Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n\r\n{x}Content-Length: 1\r\n\r\n1";
        assert_eq!(frames(input), ["{}", "not json", "1"]);
        let huge = b"Content-Length: 18446744073709551615\r\n\r\nabc";
        assert_eq!(frames(huge).len(), 1);
        assert!(frames(huge)[0].starts_with("refused"));
        let bad = b"Content-Length: -4\r\n\r\nContent-Length: 2\r\n\r\n{}";
        let read = frames(bad);
        assert!(read[0].starts_with("refused"));
        assert_eq!(read.last().map(String::as_str), Some("{}"));
        let truncated = b"Content-Length: 2000000000\r\n\r\n{\"a\":";
        assert!(frames(truncated)[0].starts_with("refused"));
    }
}
