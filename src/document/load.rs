//! saphyr-parser events -> our tree, with spans.
//!
//! The tree is built in one loop over saphyr's pull parser with an explicit
//! stack of open containers, so nesting depth never touches the call stack.
//! Spans are byte offsets into the original text (BOM included); saphyr
//! reports character indices, converted by a forward-walking cursor, and a
//! few of its spans are tightened by looking at the text (see `cursor.rs`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as Marks, Tag};
use serde_json::{Map, Value};

use super::cursor::{self, CharCursor};
use super::scalar::{self, ScalarError};
use super::{push_pointer, Document, Label, LoadError, NodeSpans, Span};

/// Bounds that keep hostile input cheap.
///
/// Build with `LoadLimits { max_depth: 64, ..LoadLimits::default() }` so new
/// limits keep their defaults.
#[derive(Debug, Clone, Copy)]
pub struct LoadLimits {
    /// Deepest nesting of mappings and sequences accepted (the root
    /// container is level 1; scalars do not count). Default 128.
    ///
    /// saphyr itself refuses flow collections (`[`, `{`) nested more than
    /// 255 deep, so a larger value does not raise that limit.
    pub max_depth: usize,
    /// Most nodes that alias expansion (`*a`) may produce in one document,
    /// counting every node of every copy. Default 100,000. A billion-laughs
    /// file fails on the alias that crosses it, before anything is copied.
    pub max_alias_nodes: usize,
    /// Most bytes of keys and strings that alias expansion may copy in one
    /// document. Default 16 MiB. Stops small files that alias one huge string
    /// many times.
    pub max_alias_bytes: usize,
    /// Most bytes of JSON pointer text kept for spans, over all nodes.
    /// Default 64 MiB. Every node stores its full pointer, so long keys with
    /// many descendants would otherwise cost memory quadratic in the input.
    pub max_pointer_bytes: usize,
}

impl Default for LoadLimits {
    fn default() -> Self {
        LoadLimits {
            max_depth: 128,
            max_alias_nodes: 100_000,
            max_alias_bytes: 16 * 1024 * 1024,
            max_pointer_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Bytes -> text; invalid UTF-8 is an error at the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        LoadError {
            message: format!("invalid UTF-8 at byte {at}: planlint reads plans as UTF-8 text"),
            span: Span::new(at, at.saturating_add(1).min(bytes.len())),
            label: "not UTF-8".to_owned(),
            related: Vec::new(),
        }
    })
}

/// Parse YAML or JSON text (a BOM is allowed) into a `Document`.
pub fn load(text: &str, limits: &LoadLimits) -> Result<Document, LoadError> {
    // The loader has no panicking paths of its own; this only guards against a
    // panic inside the parser on some input nobody has tried yet.
    catch_unwind(AssertUnwindSafe(|| load_text(text, limits, true))).unwrap_or_else(|_| {
        Err(error(
            "internal error in the YAML parser while reading this file".to_owned(),
            Span::new(0, 0),
            "here",
        ))
    })
}

fn load_text(text: &str, limits: &LoadLimits, retry_depth: bool) -> Result<Document, LoadError> {
    let (body, base) = match text.strip_prefix('\u{feff}') {
        Some(body) => (body, text.len() - body.len()),
        None => (text, 0),
    };
    let mut loader = Loader::new(text, body, base, limits);
    match loader.run() {
        Err(Failure::Parse(e)) => Err(loader.scan_error(&e, retry_depth)),
        Err(Failure::Load(e)) => Err(e),
        Ok(()) => loader.finish(),
    }
}

fn error(message: String, span: Span, label: &str) -> LoadError {
    LoadError {
        message,
        span,
        label: label.to_owned(),
        related: Vec::new(),
    }
}

const EMPTY_FILE: &str = "the file is empty: a plan needs at least `version` and `name`";
const MULTI_DOC: &str = "multiple YAML documents in one file; a plan file holds one document";
/// saphyr's message when flow collections nest deeper than it supports.
const SAPHYR_FLOW_LIMIT: &str = "recursion limit exceeded";
/// saphyr's flow nesting limit (its flow level is a `u8`).
const SAPHYR_MAX_FLOW_DEPTH: usize = 255;

enum Failure {
    Parse(ScanError),
    Load(LoadError),
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::Load(e)
    }
}

/// An open mapping or sequence.
struct Frame {
    /// `Value::Array` or `Value::Object`, children attached as they finish.
    value: Value,
    /// Index of this node's entry (holding its pointer) in `Loader::entries`.
    entry: usize,
    /// Byte offset where the node starts.
    start: usize,
    /// A flow collection, started by `[` or `{`.
    flow: bool,
    /// End of the last child value, for tight block-collection spans.
    last_child_end: Option<usize>,
    /// Container height of the tallest child (0 for scalars only).
    child_height: usize,
    /// Mappings: the key whose value is being read.
    pending_key: Option<(String, Span)>,
    /// Anchor id to register when the node finishes (0: none).
    anchor: usize,
    /// `Loader::content_bytes` when the node started.
    content_mark: usize,
}

/// The pointer of an open container (kept in its entry).
fn pointer_of<'e>(entries: &'e [(String, NodeSpans)], frame: &Frame) -> &'e str {
    entries
        .get(frame.entry)
        .map_or("", |(pointer, _)| pointer.as_str())
}

/// What an anchor refers to.
enum Anchor {
    /// A scalar: its text (for use as a key) and resolved value.
    Scalar {
        text: String,
        value: Result<Value, ScalarError>,
    },
    /// A finished container: found again through its pointer; its entries
    /// are `entries[first..end]`.
    Node {
        pointer: String,
        first: usize,
        end: usize,
        height: usize,
        bytes: usize,
    },
}

struct Loader<'t> {
    text: &'t str,
    body: &'t str,
    cursor: CharCursor<'t>,
    limits: LoadLimits,
    frames: Vec<Frame>,
    /// Every node's pointer and spans, in document order (pre-order).
    entries: Vec<(String, NodeSpans)>,
    pointer_bytes: usize,
    /// Bytes of keys and scalar text taken into the tree so far.
    content_bytes: usize,
    alias_nodes: usize,
    alias_bytes: usize,
    anchors: HashMap<usize, Anchor>,
    /// End of the last thing placed exactly; block scalar headers are looked
    /// for after it.
    last_end: usize,
    root: Option<Value>,
    /// Start of the current document (for the multiple-documents error).
    document_start: Span,
}

impl<'t> Loader<'t> {
    fn new(text: &'t str, body: &'t str, base: usize, limits: &LoadLimits) -> Self {
        Loader {
            text,
            body,
            cursor: CharCursor::new(body, base),
            limits: *limits,
            frames: Vec::new(),
            entries: Vec::new(),
            pointer_bytes: 0,
            content_bytes: 0,
            alias_nodes: 0,
            alias_bytes: 0,
            anchors: HashMap::new(),
            last_end: base,
            root: None,
            document_start: Span::new(base, base),
        }
    }

    fn run(&mut self) -> Result<(), Failure> {
        let mut parser = Parser::new_from_str(self.body);
        while let Some(next) = parser.next_event() {
            let (event, marks) = next.map_err(Failure::Parse)?;
            match event {
                Event::StreamEnd => break,
                Event::StreamStart | Event::Nothing | Event::DocumentEnd => {}
                Event::DocumentStart(explicit) => {
                    let span = self.span(marks);
                    self.document_start = span;
                    if explicit {
                        self.bump(span.end);
                    }
                }
                Event::Scalar(ref text, ScalarStyle::Plain, 0, None)
                    if text.is_empty() && self.frames.is_empty() =>
                {
                    // An empty document (`---` alone, or nothing): ignored.
                }
                event => {
                    if self.frames.is_empty() && self.root.is_some() {
                        let at = match self.document_start {
                            span if span.is_empty() => cursor::char_span(self.text, span.start),
                            span => span,
                        };
                        return Err(error(MULTI_DOC.to_owned(), at, "second document").into());
                    }
                    self.node_event(event, marks)?;
                }
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Document, LoadError> {
        match self.root.take() {
            Some(value) => {
                let spans = self.entries.into_iter().collect();
                Ok(Document::new(value, spans))
            }
            None => Err(error(EMPTY_FILE.to_owned(), Span::new(0, 0), "empty")),
        }
    }

    /// A saphyr span in byte offsets of the original text.
    fn span(&mut self, marks: Marks) -> Span {
        let start = self.cursor.byte(marks.start.index());
        let end = self.cursor.byte(marks.end.index());
        Span::new(start, end.max(start))
    }

    fn bump(&mut self, end: usize) {
        self.last_end = self.last_end.max(end);
    }

    fn expecting_key(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                value: Value::Object(_),
                pending_key: None,
                ..
            })
        )
    }

    fn expecting_value(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                value: Value::Object(_),
                pending_key: Some(_),
                ..
            })
        )
    }

    fn node_event(&mut self, event: Event<'_>, marks: Marks) -> Result<(), LoadError> {
        match event {
            Event::Scalar(text, style, anchor, tag) => self.scalar(text, style, anchor, tag, marks),
            Event::Alias(id) => self.alias(id, marks),
            Event::SequenceStart(anchor, tag) => self.open(false, anchor, tag.is_some(), marks),
            Event::MappingStart(anchor, tag) => self.open(true, anchor, tag.is_some(), marks),
            Event::SequenceEnd | Event::MappingEnd => self.close(marks),
            _ => Ok(()),
        }
    }

    /// The exact span of a scalar's text (quotes and block header included,
    /// anchors and tags excluded).
    fn scalar_span(
        &mut self,
        text: &str,
        style: ScalarStyle,
        has_props: bool,
        is_key: bool,
        marks: Marks,
    ) -> Span {
        let raw = self.span(marks);
        let content_start = if has_props {
            cursor::skip_properties(self.text, raw.start, raw.end)
        } else {
            raw.start
        };
        match style {
            ScalarStyle::Plain if text.is_empty() => {
                if has_props {
                    // `key: &a` / `key: !!null`: the properties are all there is.
                    raw
                } else {
                    // Zero width: right after the `:` of a mapping value,
                    // right after the key when there is no `:` (`? key`,
                    // `{key}`), where saphyr puts it for anything else.
                    let map_value = !is_key && self.expecting_value();
                    let at = if !map_value {
                        raw.start
                    } else if self.text.as_bytes().get(raw.start) == Some(&b':') {
                        raw.start + 1
                    } else {
                        self.last_end.min(raw.start)
                    };
                    Span::new(at, at)
                }
            }
            ScalarStyle::Plain => Span::new(content_start, raw.end),
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                let end = cursor::quoted_end(self.text, content_start, raw.end);
                Span::new(content_start, end.max(content_start))
            }
            ScalarStyle::Literal | ScalarStyle::Folded => {
                // saphyr starts block scalars at their content; find the header.
                let header = if has_props {
                    Some(content_start)
                        .filter(|&at| matches!(self.text.as_bytes().get(at), Some(b'|' | b'>')))
                } else {
                    cursor::block_scalar_indicator(self.text, self.last_end, raw.end)
                };
                let start = header.filter(|&at| at <= content_start).unwrap_or(content_start);
                let end = cursor::trim_trailing_ws(self.text, start.saturating_add(1), raw.end);
                Span::new(start, end.max(start))
            }
        }
    }

    fn scalar(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        marks: Marks,
    ) -> Result<(), LoadError> {
        let has_props = anchor != 0 || tag.is_some();
        let is_key = self.expecting_key();
        let span = self.scalar_span(&text, style, has_props, is_key, marks);
        self.bump(span.end);
        if is_key {
            if anchor != 0 {
                let anchored = Anchor::Scalar {
                    text: text.to_string(),
                    value: scalar::resolve(&text, style, tag.as_deref()),
                };
                self.anchors.insert(anchor, anchored);
            }
            return self.key(text.into_owned(), span);
        }
        let len = text.len();
        let anchor_text = (anchor != 0).then(|| text.to_string());
        let value = scalar::resolve_owned(text, style, tag.as_deref())
            .map_err(|e| error(e.message, span, e.label))?;
        if let Some(text) = anchor_text {
            let anchored = Anchor::Scalar {
                text,
                value: Ok(value.clone()),
            };
            self.anchors.insert(anchor, anchored);
        }
        let (pointer, key) = self.slot();
        self.push_entry(pointer, NodeSpans { key, value: span })?;
        self.content_bytes = self.content_bytes.saturating_add(len);
        self.attach(value, 0, span.end);
        Ok(())
    }

    /// A mapping key has been read: check it is new and remember it until
    /// its value arrives.
    fn key(&mut self, key: String, span: Span) -> Result<(), LoadError> {
        let Some(frame) = self.frames.last_mut() else {
            return Ok(());
        };
        if let Value::Object(map) = &frame.value {
            if map.contains_key(&key) {
                let mut first_pointer = pointer_of(&self.entries, frame).to_owned();
                push_pointer(&mut first_pointer, &key);
                let first = self
                    .entries
                    .iter()
                    .rev()
                    .find(|(pointer, _)| *pointer == first_pointer)
                    .and_then(|(_, spans)| spans.key)
                    .unwrap_or(span);
                return Err(LoadError {
                    message: format!("duplicate key {}", scalar::shown(&key)),
                    span,
                    label: "duplicate key".to_owned(),
                    related: vec![Label {
                        span: first,
                        message: "first defined here".to_owned(),
                    }],
                });
            }
        }
        self.content_bytes = self.content_bytes.saturating_add(key.len());
        frame.pending_key = Some((key, span));
        Ok(())
    }

    /// Pointer and key span for the node about to be attached.
    fn slot(&self) -> (String, Option<Span>) {
        let Some(frame) = self.frames.last() else {
            return (String::new(), None);
        };
        let base = pointer_of(&self.entries, frame);
        match (&frame.value, &frame.pending_key) {
            (Value::Array(items), _) => {
                let mut pointer = String::with_capacity(base.len() + 8);
                pointer.push_str(base);
                // Digits need no escaping.
                let _ = write!(pointer, "/{}", items.len());
                (pointer, None)
            }
            (_, Some((key, span))) => {
                let mut pointer = String::with_capacity(base.len() + key.len() + 4);
                pointer.push_str(base);
                push_pointer(&mut pointer, key);
                (pointer, Some(*span))
            }
            (_, None) => {
                let mut pointer = base.to_owned();
                push_pointer(&mut pointer, "");
                (pointer, None)
            }
        }
    }

    fn push_entry(&mut self, pointer: String, spans: NodeSpans) -> Result<(), LoadError> {
        self.pointer_bytes = self.pointer_bytes.saturating_add(pointer.len());
        if self.pointer_bytes > self.limits.max_pointer_bytes {
            return Err(error(
                format!(
                    "the document's JSON pointers exceed {} bytes: keys are too long or too many",
                    self.limits.max_pointer_bytes
                ),
                spans.key.unwrap_or(spans.value),
                "here",
            ));
        }
        self.entries.push((pointer, spans));
        Ok(())
    }

    /// Put a finished node into its parent (or make it the root).
    fn attach(&mut self, value: Value, height: usize, end: usize) {
        let Some(frame) = self.frames.last_mut() else {
            self.root = Some(value);
            return;
        };
        frame.last_child_end = Some(end);
        frame.child_height = frame.child_height.max(height);
        match &mut frame.value {
            Value::Array(items) => items.push(value),
            Value::Object(map) => {
                if let Some((key, _)) = frame.pending_key.take() {
                    map.insert(key, value);
                }
            }
            _ => {}
        }
    }

    fn alias_bytes_error(&self, span: Span) -> LoadError {
        error(
            format!(
                "alias expansion exceeds {} bytes (possible alias bomb)",
                self.limits.max_alias_bytes
            ),
            span,
            "expands too far",
        )
    }

    fn depth_error(&self, span: Span) -> LoadError {
        error(
            format!("nesting deeper than {} levels", self.limits.max_depth),
            span,
            "too deep",
        )
    }

    fn open(&mut self, is_map: bool, anchor: usize, has_tag: bool, marks: Marks) -> Result<(), LoadError> {
        let raw = self.span(marks);
        // saphyr's span runs from the first property (anchor, tag) to the end
        // of the opening token: `[`/`{` for flow collections, empty for block
        // ones (at the first key or dash).
        let start = if anchor == 0 && !has_tag {
            raw.start
        } else if raw.end > raw.start && matches!(self.text.as_bytes().get(raw.end - 1), Some(b'[' | b'{')) {
            raw.end - 1
        } else {
            raw.end
        };
        let flow = matches!(self.text.as_bytes().get(start), Some(b'[' | b'{'))
            && (raw.end > raw.start || anchor != 0 || has_tag);
        let parent_is_map = matches!(
            self.frames.last(),
            Some(Frame {
                value: Value::Object(_),
                ..
            })
        );
        // A sequence at the indentation of its key (`key:\n- a`) starts, for
        // saphyr, after its first `- `: move back onto the dash.
        let start = if !is_map && !flow && parent_is_map {
            cursor::dash_before(self.text, start).unwrap_or(start)
        } else {
            start
        };
        let here = cursor::char_span(self.text, start);
        if self.expecting_key() {
            let what = if is_map { "mapping" } else { "sequence" };
            return Err(error(
                format!("a mapping key must be a scalar, not a {what}"),
                here,
                "non-scalar key",
            ));
        }
        if self.frames.len() >= self.limits.max_depth {
            return Err(self.depth_error(here));
        }
        let (pointer, key) = self.slot();
        let entry = self.entries.len();
        self.push_entry(
            pointer,
            NodeSpans {
                key,
                value: Span::new(start, start),
            },
        )?;
        self.bump(start);
        let value = if is_map {
            Value::Object(Map::new())
        } else {
            Value::Array(Vec::new())
        };
        self.frames.push(Frame {
            value,
            entry,
            start,
            flow,
            last_child_end: None,
            child_height: 0,
            pending_key: None,
            anchor,
            content_mark: self.content_bytes,
        });
        Ok(())
    }

    fn close(&mut self, marks: Marks) -> Result<(), LoadError> {
        let raw = self.span(marks);
        let Some(frame) = self.frames.pop() else {
            return Err(error(
                "internal error: unbalanced collection events from the YAML parser".to_owned(),
                raw,
                "here",
            ));
        };
        // Flow collections end at their bracket (saphyr's end event sits on
        // a trailing comma, if any). saphyr puts the end of a block
        // collection at the next token, past blank lines and comments, so
        // those end at their last child instead.
        let bracket = if frame.flow {
            cursor::closing_bracket(self.text, raw.start, self.text.len())
        } else {
            None
        };
        let end = match bracket {
            Some(at) => at + 1,
            None => frame.last_child_end.unwrap_or(frame.start).max(frame.start),
        };
        if let Some((_, spans)) = self.entries.get_mut(frame.entry) {
            spans.value = Span::new(frame.start, end);
        }
        let height = frame.child_height.saturating_add(1);
        if frame.anchor != 0 {
            let anchored = Anchor::Node {
                pointer: pointer_of(&self.entries, &frame).to_owned(),
                first: frame.entry,
                end: self.entries.len(),
                height,
                bytes: self.content_bytes.saturating_sub(frame.content_mark),
            };
            self.anchors.insert(frame.anchor, anchored);
        }
        self.bump(end);
        self.attach(frame.value, height, end);
        Ok(())
    }

    /// A copy of the finished container at `pointer`, found under the
    /// deepest open container that holds it.
    fn lookup(&self, pointer: &str) -> Option<Value> {
        self.frames.iter().rev().find_map(|frame| {
            let rest = pointer.strip_prefix(pointer_of(&self.entries, frame))?;
            if rest.is_empty() || rest.starts_with('/') {
                frame.value.pointer(rest).cloned()
            } else {
                None
            }
        })
    }

    fn alias(&mut self, id: usize, marks: Marks) -> Result<(), LoadError> {
        let span = self.span(marks);
        self.bump(span.end);
        let name = cursor::alias_name(self.text, span.start);
        let Some(anchor) = self.anchors.get(&id) else {
            return Err(error(
                format!("alias `*{name}` refers to a node that contains it"),
                span,
                "recursive alias",
            ));
        };
        if self.expecting_key() {
            return match anchor {
                Anchor::Scalar { text, .. } => {
                    let key = text.clone();
                    self.alias_bytes = self.alias_bytes.saturating_add(key.len());
                    if self.alias_bytes > self.limits.max_alias_bytes {
                        return Err(self.alias_bytes_error(span));
                    }
                    self.key(key, span)
                }
                Anchor::Node { .. } => Err(error(
                    format!("a mapping key must be a scalar, but `*{name}` is a collection"),
                    span,
                    "non-scalar key",
                )),
            };
        }
        let (nodes, bytes, height) = match anchor {
            Anchor::Scalar { text, .. } => (1, text.len(), 0),
            Anchor::Node {
                first,
                end,
                height,
                bytes,
                ..
            } => (end.saturating_sub(*first), *bytes, *height),
        };
        let alias_nodes = self.alias_nodes.saturating_add(nodes);
        if alias_nodes > self.limits.max_alias_nodes {
            return Err(error(
                format!(
                    "alias expansion exceeds {} nodes (possible alias bomb)",
                    self.limits.max_alias_nodes
                ),
                span,
                "expands too far",
            ));
        }
        let alias_bytes = self.alias_bytes.saturating_add(bytes);
        if alias_bytes > self.limits.max_alias_bytes {
            return Err(self.alias_bytes_error(span));
        }
        if self.frames.len().saturating_add(height) > self.limits.max_depth {
            return Err(self.depth_error(span));
        }
        let (value, copy) = match anchor {
            Anchor::Scalar { value, .. } => match value {
                Ok(value) => (value.clone(), None),
                Err(e) => {
                    let message = format!("alias `*{name}`: {}", e.message);
                    return Err(error(message, span, e.label));
                }
            },
            Anchor::Node {
                pointer, first, end, ..
            } => {
                let copy = (pointer.clone(), *first, *end);
                match self.lookup(pointer) {
                    Some(value) => (value, Some(copy)),
                    None => {
                        return Err(error(
                            format!("internal error: anchored node of `*{name}` not found"),
                            span,
                            "here",
                        ))
                    }
                }
            }
        };
        self.alias_nodes = alias_nodes;
        self.alias_bytes = alias_bytes;
        let (pointer, key) = self.slot();
        if let Some((anchor_pointer, first, end)) = copy {
            self.push_entry(pointer.clone(), NodeSpans { key, value: span })?;
            // The copy's descendants keep the spans of the anchored nodes,
            // under pointers rooted at the alias.
            for index in first.saturating_add(1)..end {
                let Some((old, spans)) = self.entries.get(index) else {
                    break;
                };
                let suffix = old.get(anchor_pointer.len()..).unwrap_or("");
                let mut new = String::with_capacity(pointer.len() + suffix.len());
                new.push_str(&pointer);
                new.push_str(suffix);
                let spans = *spans;
                self.push_entry(new, spans).map_err(|e| LoadError { span, ..e })?;
            }
        } else {
            self.push_entry(pointer, NodeSpans { key, value: span })?;
        }
        self.content_bytes = self.content_bytes.saturating_add(bytes);
        self.attach(value, height, span.end);
        Ok(())
    }

    /// A parser error as a `LoadError`, with clearer wording for the common
    /// cases.
    fn scan_error(&mut self, e: &ScanError, retry_depth: bool) -> LoadError {
        let info = e.info();
        let at = self.cursor.byte(e.marker().index());
        let here = cursor::char_span(self.text, at);
        if info == SAPHYR_FLOW_LIMIT {
            return self.flow_depth_error(at, here, retry_depth);
        }
        if info.contains("unknown anchor") {
            // saphyr counts a `%` directive's characters as bytes, so its
            // position can land past the `*` (even inside a character):
            // find the `*` on this line at or before it.
            let at = cursor::floor_boundary(self.text, at);
            let line_start = self
                .text
                .get(..at)
                .and_then(|before| before.rfind('\n'))
                .map_or(0, |i| i + 1);
            let at = if self.text.as_bytes().get(at) == Some(&b'*') {
                at
            } else {
                self.text
                    .get(line_start..at)
                    .and_then(|line| line.rfind('*'))
                    .map_or(at, |i| line_start + i)
            };
            let name = cursor::alias_name(self.text, at);
            let len = name.len().saturating_add(1);
            return error(
                format!("undefined alias `*{name}`: no anchor `&{name}` is defined before it"),
                Span::new(at, at.saturating_add(len).min(self.text.len())),
                "undefined alias",
            );
        }
        if info.contains("unprintable") {
            let code = self
                .text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(0, u32::from);
            return error(
                format!("control character U+{code:04X} cannot appear in YAML; remove it, or write it as an escape in a double-quoted string"),
                here,
                "control character",
            );
        }
        // Whole words: "unprintable" must not read as a tab.
        if info
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| word == "tab" || word == "tabs")
        {
            let span = cursor::nearby_tab(self.text, at).map_or(here, |tab| Span::new(tab, tab + 1));
            return error(
                format!("tabs cannot be used for indentation in YAML; indent with spaces (parser: {info})"),
                span,
                "tab",
            );
        }
        error(info.to_owned(), here, "here")
    }

    /// saphyr scans ahead and gives up on flow collections nested 256 deep
    /// before it hands out any of their events, so the depth cap was never
    /// reached in `open`. Parse the text before the failing bracket again:
    /// that reports the container that actually crosses `max_depth`.
    fn flow_depth_error(&self, at: usize, here: Span, retry_depth: bool) -> LoadError {
        if retry_depth && self.limits.max_depth < SAPHYR_MAX_FLOW_DEPTH {
            let prefix = self.text.get(..at).unwrap_or("");
            if let Err(e) = load_text(prefix, &self.limits, false) {
                if e.message == self.depth_error(here).message {
                    return e;
                }
            }
        }
        let depth = self.limits.max_depth.min(SAPHYR_MAX_FLOW_DEPTH);
        error(format!("nesting deeper than {depth} levels"), here, "too deep")
    }
}
