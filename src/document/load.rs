//! saphyr-parser events -> our tree, with spans.
//!
//! The tree is built in one loop over saphyr's pull parser with an explicit
//! stack of open containers, so nesting depth never touches the call stack.
//! Spans are byte offsets into the original text (BOM included); saphyr
//! reports character indices, converted by a forward-walking cursor, and a
//! few of its spans are tightened by looking at the text (see `cursor.rs`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as Marks, Tag};
use serde_json::{Map, Value};

use super::cursor::{self, CharCursor};
use super::parser_words;
use super::scalar::{self, ScalarError};
use super::spans::{NodeId, NodeKind, SpanTree, TooManyNodes, MERGE_KEY};
use super::{Document, FlowSplit, Label, LineIndex, LoadError, LoaderNotes, NodeSpans, Span};
use crate::i18n::t;

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
    /// From this many bytes of text on, saphyr parses on a thread of its
    /// own while the tree is built. Default 256 KiB: below it a thread costs
    /// more than it saves. Not a bound; tests set 0 to compare both ways.
    pub parse_on_thread_from: usize,
}

impl Default for LoadLimits {
    fn default() -> Self {
        LoadLimits {
            max_depth: 128,
            max_alias_nodes: 100_000,
            max_alias_bytes: 16 * 1024 * 1024,
            parse_on_thread_from: 256 * 1024,
        }
    }
}

/// Bytes -> text; invalid UTF-8 is an error at the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        LoadError {
            message: t!("document-not-utf8", at = at.to_string()),
            span: Span::new(at, at.saturating_add(1).min(bytes.len())),
            label: t!("document-not-utf8-label"),
            related: Vec::new(),
            parser: None,
        }
    })
}

/// Parse YAML or JSON text (a BOM is allowed) into a `Document`.
pub fn load(text: &str, limits: &LoadLimits) -> Result<Document, LoadError> {
    // The loader has no panicking paths of its own; this only guards against a
    // panic inside the parser on some input nobody has tried yet.
    catch_unwind(AssertUnwindSafe(|| load_text(text, limits, true))).unwrap_or_else(|_| {
        Err(error(
            t!("document-parser-panicked"),
            Span::new(0, 0),
            t!("document-here"),
        ))
    })
}

fn load_text(text: &str, limits: &LoadLimits, retry_depth: bool) -> Result<Document, LoadError> {
    let (body, base) = match text.strip_prefix('\u{feff}') {
        Some(body) => (body, text.len() - body.len()),
        None => (text, 0),
    };
    let mut loader = Loader::new(text, body, base, limits);
    let outcome = if body.len() >= limits.parse_on_thread_from {
        loader.run_pipelined()
    } else {
        loader.run(Parser::new_from_str(body))
    };
    match outcome {
        Err(Failure::Parse(e)) => Err(loader.scan_error(&e, retry_depth)),
        Err(Failure::Load(e)) => Err(e),
        Ok(()) => loader.finish(),
    }
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

/// More nodes than a `NodeId` numbers: only past 4 GiB of input.
fn too_many_nodes(at: Span) -> LoadError {
    error(t!("document-too-many-nodes"), at, t!("document-here"))
}

/// The file ends inside the list or `{...}` opened at `opener` (of
/// `text`), never closed.
pub(super) fn never_closed(text: &str, opener: usize) -> LoadError {
    let place = LineIndex::new(text).position(text, opener);
    let (line, column) = (place.line.to_string(), place.column.to_string());
    let message = match text.as_bytes().get(opener) {
        Some(b'[') => t!("document-unclosed-list", line = line, column = column),
        _ => t!("document-unclosed-group", line = line, column = column),
    };
    let end = text.len();
    LoadError {
        message,
        span: cursor::char_span(text, opener),
        label: t!("document-unclosed-label"),
        related: vec![Label {
            span: Span::new(end, end),
            message: t!("document-file-ends-here"),
        }],
        parser: None,
    }
}

/// Whether a parser message is about tabs (whole words: "unprintable"
/// must not read as a tab).
pub(super) fn names_tabs(said: &str) -> bool {
    said.split(|c: char| !c.is_ascii_alphabetic())
        .any(|word| word == "tab" || word == "tabs")
}
/// saphyr's message when flow collections nest deeper than it supports.
const SAPHYR_FLOW_LIMIT: &str = "recursion limit exceeded";
/// saphyr's flow nesting limit (its flow level is a `u8`).
const SAPHYR_MAX_FLOW_DEPTH: usize = 255;

/// One result of saphyr's pull parser.
type Parsed<'t> = Result<(Event<'t>, Marks), ScanError>;

/// Events per batch handed from the parser thread to the builder.
const PIPELINE_BATCH: usize = 4096;
/// Batches in flight: bounds the memory held by events not yet built.
const PIPELINE_DEPTH: usize = 4;

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
    /// This node in `Loader::tree`.
    node: NodeId,
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
    /// `Loader::expanded_nodes` before the node itself was added.
    nodes_mark: usize,
    /// Flow mappings: the last value when it was a plain scalar
    /// (`spend: 10` of `{spend: 10,000}`), which a following `,000`
    /// continues.
    last_plain: Option<PlainValue>,
    /// Flow mappings: the next value belongs to a key that was a number's
    /// continuation (`000`); it is empty and dropped.
    swallow_value: bool,
}

/// A plain scalar value of a flow mapping, as written.
struct PlainValue {
    key: String,
    node: NodeId,
    span: Span,
}

/// What an anchor refers to.
enum Anchor {
    /// A scalar: its text (for use as a key) and resolved value.
    Scalar {
        text: String,
        value: Result<Value, ScalarError>,
        /// Where the anchored value is written (empty for a key).
        span: Span,
    },
    /// A finished container, with the number of nodes in it (itself
    /// included).
    Node {
        node: NodeId,
        nodes: usize,
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
    /// Every node's spans.
    tree: SpanTree,
    /// Bytes of keys and scalar text taken into the tree so far.
    content_bytes: usize,
    /// Numbers with thousands separators that YAML split in a flow mapping,
    /// joined back.
    flow_splits: Vec<FlowSplit>,
    /// Scalars written over several lines (their text may hold a `#`).
    multiline_scalars: Vec<Span>,
    /// Nodes in the value so far, counting every node an alias copied.
    expanded_nodes: usize,
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
            tree: SpanTree::default(),
            flow_splits: Vec::new(),
            multiline_scalars: Vec::new(),
            content_bytes: 0,
            expanded_nodes: 0,
            alias_nodes: 0,
            alias_bytes: 0,
            anchors: HashMap::new(),
            last_end: base,
            root: None,
            document_start: Span::new(base, base),
        }
    }

    /// Runs `run` on the events of a parser working on another thread, a
    /// few batches ahead. Parsing and building take about the same time, so
    /// a large plan loads in not much more than half the time. A panic
    /// there is resumed here, where `load` catches it.
    fn run_pipelined(&mut self) -> Result<(), Failure> {
        let body = self.body;
        std::thread::scope(|scope| {
            let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Parsed<'t>>>(PIPELINE_DEPTH);
            let parser = std::thread::Builder::new()
                .name("planlint-parser".to_owned())
                .spawn_scoped(scope, move || {
                    let mut batch = Vec::with_capacity(PIPELINE_BATCH);
                    for parsed in Parser::new_from_str(body) {
                        // saphyr gives nothing useful after an error.
                        let last = parsed.is_err();
                        batch.push(parsed);
                        if last || batch.len() == PIPELINE_BATCH {
                            let full = std::mem::replace(&mut batch, Vec::with_capacity(PIPELINE_BATCH));
                            // A closed channel: the builder has stopped early.
                            if sender.send(full).is_err() || last {
                                return;
                            }
                        }
                    }
                    let _ = sender.send(batch);
                });
            let Ok(parser) = parser else {
                // No thread to be had: parse here instead.
                return self.run(Parser::new_from_str(body));
            };
            let outcome = self.run(receiver.iter().flatten());
            // Unblocks the parser if the builder stopped early.
            drop(receiver);
            match parser.join() {
                Ok(()) => outcome,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    fn run(&mut self, events: impl Iterator<Item = Parsed<'t>>) -> Result<(), Failure> {
        for next in events {
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
                        let message = t!("document-several-documents");
                        return Err(error(message, at, t!("document-several-documents-label")).into());
                    }
                    self.node_event(event, marks)?;
                }
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Document, LoadError> {
        match self.root.take() {
            Some(value) => Ok(Document::new(value, self.tree).with_loader_notes(LoaderNotes {
                flow_splits: self.flow_splits,
                multiline_scalars: self.multiline_scalars,
            })),
            None => Err(error(
                t!("document-empty"),
                Span::new(0, 0),
                t!("document-empty-label"),
            )),
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
        if self
            .text
            .get(span.start..span.end)
            .is_some_and(|written| written.contains('\n'))
        {
            self.multiline_scalars.push(span);
        }
        let plain = style == ScalarStyle::Plain && !has_props;
        if is_key && plain && self.continues_a_number(&text, span) {
            return Ok(());
        }
        if !is_key {
            if let Some(frame) = self.frames.last_mut() {
                if std::mem::take(&mut frame.swallow_value) {
                    frame.pending_key = None;
                    return Ok(());
                }
                frame.last_plain = None;
            }
        }
        if is_key {
            if anchor != 0 {
                let anchored = Anchor::Scalar {
                    text: text.to_string(),
                    value: scalar::resolve(&text, style, tag.as_deref()),
                    span: Span::default(),
                };
                self.anchors.insert(anchor, anchored);
            }
            return self.key(scalar::exact(text), span);
        }
        let len = text.len();
        let anchor_text = (anchor != 0).then(|| text.to_string());
        let value = scalar::resolve_owned(text, style, tag.as_deref())
            .map_err(|e| error(e.message, span, e.label))?;
        if let Some(text) = anchor_text {
            let anchored = Anchor::Scalar {
                text,
                value: Ok(value.clone()),
                span,
            };
            self.anchors.insert(anchor, anchored);
        }
        let node = self.push_node(span, NodeKind::Scalar)?;
        self.content_bytes = self.content_bytes.saturating_add(len);
        let text_is_empty = span.is_empty();
        if let Some(frame) = self.frames.last_mut() {
            if frame.flow && plain && !text_is_empty {
                if let Some((key, _)) = &frame.pending_key {
                    frame.last_plain = Some(PlainValue {
                        key: key.clone(),
                        node,
                        span,
                    });
                }
            }
        }
        self.attach(value, 0, span.end);
        Ok(())
    }

    /// `{spend: 10,000}`, `{note: 渠道广, 价格高}`: in a flow mapping a comma
    /// ends the value, so YAML reads `spend: 10` and a key `000` without a
    /// value. When the plain key `key_text` at `span` follows the previous
    /// plain value after a comma and has no `:` (no value) of its own, it is
    /// joined back onto that value: the value becomes the text as written
    /// (`"10,000"`), read and reported like the same text in block style.
    fn continues_a_number(&mut self, key_text: &str, span: Span) -> bool {
        let text = self.text;
        let Some(frame) = self.frames.last_mut() else {
            return false;
        };
        let Some(previous) = frame.last_plain.as_mut() else {
            return false;
        };
        let between = text.get(previous.span.end..span.start).unwrap_or_default();
        let after_comma = between.trim_matches([' ', '\t']) == ",";
        let next = text
            .get(span.end..)
            .and_then(|rest| rest.trim_start().chars().next());
        let no_value = matches!(next, Some(',' | '}'));
        if !frame.flow || !after_comma || !no_value || key_text.is_empty() {
            return false;
        }
        let Value::Object(map) = &mut frame.value else {
            return false;
        };
        let joined = Span::new(previous.span.start, span.end);
        let Some(written) = text.get(joined.start..joined.end) else {
            return false;
        };
        match self.flow_splits.last_mut() {
            Some(split) if split.span.end == previous.span.end && split.span.start == previous.span.start => {
                split.span = joined;
                split.pieces.push(key_text.to_owned());
            }
            _ => self.flow_splits.push(FlowSplit {
                span: joined,
                pieces: vec![
                    text.get(previous.span.start..previous.span.end)
                        .unwrap_or_default()
                        .to_owned(),
                    key_text.to_owned(),
                ],
            }),
        }
        map.insert(previous.key.clone(), Value::String(written.to_owned()));
        self.tree.set_value_span(previous.node, joined);
        previous.span = joined;
        // The key's empty value comes next: expect it, and drop it.
        frame.pending_key = Some((String::new(), span));
        frame.swallow_value = true;
        true
    }

    /// A mapping key has been read: check it is new and remember it until
    /// its value arrives.
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
                    message: t!("document-duplicate-key", key = scalar::shown(&key)),
                    span,
                    label: t!("document-duplicate-key-label"),
                    related: vec![Label {
                        span: first,
                        message: t!("document-duplicate-key-first"),
                    }],
                    parser: None,
                });
            }
        }
        self.content_bytes = self.content_bytes.saturating_add(key.len());
        frame.pending_key = Some((key, span));
        Ok(())
    }

    /// Adds the node about to be attached to the span tree, under the open
    /// container (at its next index, or under its pending key).
    fn push_node(&mut self, value: Span, kind: NodeKind) -> Result<NodeId, LoadError> {
        let too_many = || too_many_nodes(value);
        let (step, key) = match self.frames.last() {
            None => (0, None),
            Some(frame) => match (&frame.value, &frame.pending_key) {
                (Value::Array(items), _) => (u32::try_from(items.len()).map_err(|_| too_many())?, None),
                (_, pending) => {
                    // A mapping value always follows its key; "" only guards.
                    let (name, key) = pending
                        .as_ref()
                        .map_or(("", None), |(name, span)| (name.as_str(), Some(*span)));
                    let step = self.tree.key_step(name).map_err(|TooManyNodes| too_many())?;
                    (step, key)
                }
            },
        };
        self.expanded_nodes = self.expanded_nodes.saturating_add(1);
        self.tree
            .push(step, NodeSpans { key, value }, kind)
            .map_err(|TooManyNodes| too_many())
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
        let limit = self.limits.max_alias_bytes.to_string();
        let message = t!("document-alias-bytes", limit = limit);
        error(message, span, t!("document-alias-too-far-label"))
    }

    fn depth_error(&self, span: Span) -> LoadError {
        error(
            t!("document-too-deep", depth = self.limits.max_depth.to_string()),
            span,
            t!("document-too-deep-label"),
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
            let message = if is_map {
                t!("document-key-is-group")
            } else {
                t!("document-key-is-list")
            };
            return Err(error(message, here, t!("document-not-a-key-label")));
        }
        if self.frames.len() >= self.limits.max_depth {
            return Err(self.depth_error(here));
        }
        let (value, kind) = if is_map {
            (Value::Object(Map::new()), NodeKind::Mapping)
        } else {
            (Value::Array(Vec::new()), NodeKind::Sequence)
        };
        let nodes_mark = self.expanded_nodes;
        let node = self.push_node(Span::new(start, start), kind)?;
        self.tree.open(node);
        self.bump(start);
        self.frames.push(Frame {
            value,
            node,
            start,
            flow,
            last_child_end: None,
            child_height: 0,
            pending_key: None,
            anchor,
            content_mark: self.content_bytes,
            nodes_mark,
            last_plain: None,
            swallow_value: false,
        });
        Ok(())
    }

    fn close(&mut self, marks: Marks) -> Result<(), LoadError> {
        let raw = self.span(marks);
        let Some(frame) = self.frames.pop() else {
            return Err(error(t!("document-parser-unbalanced"), raw, t!("document-here")));
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
        self.tree.set_value_span(frame.node, Span::new(frame.start, end));
        let mut frame = frame;
        if let Value::Object(map) = &mut frame.value {
            if let Some(sources) = map.remove(MERGE_KEY) {
                let at = self
                    .tree
                    .child_by_key(frame.node, MERGE_KEY)
                    .and_then(|node| self.tree.spans(node))
                    .map_or(raw, |spans| spans.value);
                merge_into(map, sources, at)?;
            }
        }
        self.tree.close().map_err(|TooManyNodes| too_many_nodes(raw))?;
        let height = frame.child_height.saturating_add(1);
        if frame.anchor != 0 {
            let anchored = Anchor::Node {
                node: frame.node,
                nodes: self.expanded_nodes.saturating_sub(frame.nodes_mark),
                height,
                bytes: self.content_bytes.saturating_sub(frame.content_mark),
            };
            self.anchors.insert(frame.anchor, anchored);
        }
        self.bump(end);
        self.attach(frame.value, height, end);
        Ok(())
    }

    /// A copy of the finished container `node`, found by walking up the span
    /// tree to the deepest open container that holds it, then down its value.
    fn copy_of(&self, node: NodeId) -> Option<Value> {
        let mut steps = Vec::new();
        let mut current = node;
        let frame = loop {
            if let Some(frame) = self.frames.iter().rev().find(|frame| frame.node == current) {
                break frame;
            }
            let (parent, step) = self.tree.parent(current)?;
            steps.push(step);
            current = parent;
        };
        let mut value = &frame.value;
        for &step in steps.iter().rev() {
            value = match value {
                Value::Array(items) => items.get(step as usize)?,
                Value::Object(map) => map.get(self.tree.key_name(step)?)?,
                _ => return None,
            };
        }
        Some(value.clone())
    }

    fn alias(&mut self, id: usize, marks: Marks) -> Result<(), LoadError> {
        let span = self.span(marks);
        self.bump(span.end);
        let name = cursor::alias_name(self.text, span.start);
        let Some(anchor) = self.anchors.get(&id) else {
            return Err(error(
                t!("document-alias-recursive", name = name),
                span,
                t!("document-alias-recursive-label"),
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
                    t!("document-key-is-alias", name = name),
                    span,
                    t!("document-not-a-key-label"),
                )),
            };
        }
        let (nodes, bytes, height) = match anchor {
            Anchor::Scalar { text, .. } => (1, text.len(), 0),
            Anchor::Node {
                nodes, height, bytes, ..
            } => (*nodes, *bytes, *height),
        };
        let alias_nodes = self.alias_nodes.saturating_add(nodes);
        if alias_nodes > self.limits.max_alias_nodes {
            let limit = self.limits.max_alias_nodes.to_string();
            let message = t!("document-alias-nodes", limit = limit);
            return Err(error(message, span, t!("document-alias-too-far-label")));
        }
        let alias_bytes = self.alias_bytes.saturating_add(bytes);
        if alias_bytes > self.limits.max_alias_bytes {
            return Err(self.alias_bytes_error(span));
        }
        if self.frames.len().saturating_add(height) > self.limits.max_depth {
            return Err(self.depth_error(span));
        }
        // The anchored text now stands for two places: a fix must not edit it.
        match anchor {
            Anchor::Scalar { span, .. } => self.tree.share_scalar(*span),
            Anchor::Node { node, .. } => self.tree.share_node(*node),
        }
        let (value, kind) = match anchor {
            Anchor::Scalar { value, .. } => match value {
                Ok(value) => (value.clone(), NodeKind::Scalar),
                Err(e) => {
                    let message = t!("document-alias-value", name = name, message = e.message.as_str());
                    return Err(error(message, span, e.label.clone()));
                }
            },
            // The copy's descendants keep the spans of the anchored nodes.
            Anchor::Node { node, .. } => match self.copy_of(*node) {
                Some(value) => (value, NodeKind::Alias(*node)),
                None => {
                    return Err(error(
                        t!("document-alias-lost", name = name),
                        span,
                        t!("document-here"),
                    ))
                }
            },
        };
        self.alias_nodes = alias_nodes;
        self.alias_bytes = alias_bytes;
        self.push_node(span, kind)?;
        // The alias itself was counted as it was added.
        self.expanded_nodes = self.expanded_nodes.saturating_add(nodes.saturating_sub(1));
        self.content_bytes = self.content_bytes.saturating_add(bytes);
        self.attach(value, height, span.end);
        Ok(())
    }

    /// A parser error as a `LoadError`, with clearer wording for the common
    /// cases.
    fn scan_error(&mut self, e: &ScanError, retry_depth: bool) -> LoadError {
        let info = e.info();
        let mut error = self.scan_error_in_words(e, retry_depth);
        error.parser = Some(info.to_owned());
        error
    }

    /// [`Loader::scan_error`]'s message, label and place.
    fn scan_error_in_words(&mut self, e: &ScanError, retry_depth: bool) -> LoadError {
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
                t!("document-alias-undefined", name = name),
                Span::new(at, at.saturating_add(len).min(self.text.len())),
                t!("document-alias-undefined-label"),
            );
        }
        if info.contains("unprintable") {
            let code = self
                .text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(0, u32::from);
            return error(
                t!("document-yaml-control-character", code = format!("{code:04X}")),
                here,
                t!("document-control-character-label"),
            );
        }
        if names_tabs(info) {
            let span = cursor::nearby_tab(self.text, at).map_or(here, |tab| Span::new(tab, tab + 1));
            return error(
                t!("document-yaml-tabs", parser = parser_words::in_words(info)),
                span,
                t!("document-yaml-tabs-label"),
            );
        }
        self.unclosed_at_end(at)
            .unwrap_or_else(|| error(parser_words::in_words(info), here, t!("document-here")))
    }

    /// A parser error at the very end of the text, inside a flow collection:
    /// the file was cut short. The `[` or `{` never closed is what a user
    /// has to find, so the error names it (saphyr only says what it missed).
    fn unclosed_at_end(&self, at: usize) -> Option<LoadError> {
        if !self.text.get(at..)?.trim().is_empty() {
            return None;
        }
        let from = match self.frames.last() {
            Some(frame) if frame.flow => frame.start,
            Some(_) => return None,
            None => 0,
        };
        let bracket = cursor::unclosed_bracket(self.text, from)?;
        Some(never_closed(self.text, bracket))
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
        error(
            t!("document-too-deep", depth = depth.to_string()),
            here,
            t!("document-too-deep-label"),
        )
    }
}

/// Merges `sources` (a mapping or a list of them, the first winning) into
/// `map`, whose own keys win. `at` is where the merged value is written.
fn merge_into(map: &mut Map<String, Value>, sources: Value, at: Span) -> Result<(), LoadError> {
    let sources = match sources {
        Value::Array(items) => items,
        one => vec![one],
    };
    for source in sources {
        let Value::Object(entries) = source else {
            return Err(error(
                t!("document-merge-not-group"),
                at,
                t!("document-merge-not-group-label"),
            ));
        };
        for (key, value) in entries {
            map.entry(key).or_insert(value);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};

    fn error_of(text: &str) -> LoadError {
        match load(text, &LoadLimits::default()) {
            Ok(document) => panic!("{text:?} loaded: {}", document.value),
            Err(error) => error,
        }
    }

    #[test]
    fn yaml_mistakes_are_named_in_chinese_at_the_same_place() {
        let cases = [
            ("name: a\nname: b\n", "字段 `name` 写了两次", "重复的字段"),
            (
                "goals: [a, b\n",
                "第 1 行第 8 列的 `[` 缺少对应的 `]`",
                "没有闭合",
            ),
            ("a: *nope\n", "别名 `*nope` 没有定义", "没有定义的别名"),
            ("a: 1\n---\nb: 2\n", "一个文件中有多个 YAML 文档", "第二个文档"),
            (
                "a: !!int abc\n",
                "`abc` 标注为 !!int，但不是整数",
                "与标注的类型不符",
            ),
            ("", "文件是空的", "空文件"),
        ];
        for (text, message, label) in cases {
            let english = {
                let _english = scoped(Lang::En);
                error_of(text)
            };
            let _chinese = scoped(Lang::Zh);
            let chinese = error_of(text);
            assert!(chinese.message.contains(message), "{text:?}: {}", chinese.message);
            assert_eq!(chinese.label, label, "{text:?}");
            assert_eq!(chinese.span, english.span, "{text:?}");
            assert_eq!(chinese.parser, english.parser, "{text:?}");
        }
    }

    /// What the parser said stays in its words, whatever the language:
    /// code that recognises a kind of syntax error reads it.
    #[test]
    fn the_parser_s_own_words_are_kept_beside_the_message() {
        let _chinese = scoped(Lang::Zh);
        let colon = error_of("a: b: c\n");
        assert_eq!(
            colon.parser.as_deref(),
            Some("mapping values are not allowed in this context")
        );
        assert!(colon.message.contains("请给值加上引号"), "{}", colon.message);
        let tab = error_of("a:\n\tb: 1\n");
        assert!(tab.is_about_tabs(), "{tab:?}");
        assert!(
            tab.message.starts_with("YAML 不能用制表符（Tab 键）缩进"),
            "{}",
            tab.message
        );
        assert!(!colon.is_about_tabs());
        let duplicate = error_of("a: 1\na: 2\n");
        assert_eq!(duplicate.parser, None);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_named_in_chinese() {
        let _chinese = scoped(Lang::Zh);
        let error = decode(b"name: \xff\n").unwrap_err();
        assert!(error.message.starts_with("前 6 个字节之后"), "{}", error.message);
        assert_eq!(error.label, "不是 UTF-8");
    }
}
