//! Loading plan files (YAML or JSON) into a `serde_json::Value` while keeping
//! the source span of every key and value, addressed by JSON pointer.

mod cursor;
mod edit;
mod json;
mod lines;
mod load;
mod parser_words;
mod pointer;
mod scalar;
mod spans;

pub use json::load_json;
pub use lines::{ColumnUnit, LineIndex, Position};
pub use load::{decode, load, LoadLimits};

/// Loads a plan named `name`: strict JSON for a `.json` name, YAML otherwise.
pub fn load_named(name: &str, text: &str, limits: &LoadLimits) -> Result<Document, LoadError> {
    if is_json_name(name) {
        load_json(text, limits)
    } else {
        load(text, limits)
    }
}

/// Whether a file name (or path, or URI) names a JSON file.
pub fn is_json_name(name: &str) -> bool {
    name.len() >= 5
        && name
            .get(name.len() - 5..)
            .is_some_and(|end| end.eq_ignore_ascii_case(".json"))
}
pub use pointer::Lookup;
pub use spans::SpanTree;

/// A byte range into the original text (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves each boundary at or after byte `at` by `delta` bytes.
    pub fn shift_from(&mut self, at: usize, delta: isize) {
        let shift = |offset: usize| {
            if offset >= at {
                offset.saturating_add_signed(delta)
            } else {
                offset
            }
        };
        self.start = shift(self.start);
        self.end = shift(self.end);
    }
}

/// Where a node sits in the text: its value, and its key when it is a
/// mapping entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSpans {
    pub key: Option<Span>,
    pub value: Span,
}

/// A secondary place attached to a load error, e.g. the first of two
/// duplicate keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// Why a file could not be loaded, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    /// The primary place (the parser's position, the second duplicate key ...).
    pub span: Span,
    pub label: String,
    /// Further places worth showing.
    pub related: Vec<Label>,
    /// What the YAML parser itself said, in its own English words whatever
    /// the language of the run, when the error is one it found: code that
    /// recognises a kind of syntax error reads this, never `message`
    /// (which is in the user's language). `None` for the loader's own errors.
    pub parser: Option<String>,
}

impl LoadError {
    /// Whether the parser refused a tab (a tab used to indent, mostly).
    pub fn is_about_tabs(&self) -> bool {
        self.parser.as_deref().is_some_and(load::names_tabs)
    }
}

/// A number YAML split at its thousands separators inside `{...}`
/// (`{spend: 10,000}` reads as `spend: 10` and a key `000`), which the
/// loader joined back into the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowSplit {
    /// The whole number as written (`10,000`).
    pub span: Span,
    /// What YAML read: the value (`10`), then each key (`000`).
    pub pieces: Vec<String>,
}

/// What the loader saw in the text beyond the data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoaderNotes {
    pub flow_splits: Vec<FlowSplit>,
    /// Scalars written over several lines: a line in them that starts
    /// with `#` is text, not a comment.
    pub multiline_scalars: Vec<Span>,
}

/// A loaded plan: the data, and the span of every node, found by JSON
/// pointer (RFC 6901; the root is the empty pointer "").
#[derive(Debug, Clone)]
pub struct Document {
    pub value: serde_json::Value,
    spans: SpanTree,
    notes: LoaderNotes,
}

impl Document {
    pub fn new(value: serde_json::Value, mut spans: SpanTree) -> Self {
        spans.shrink_to_fit();
        Document {
            value,
            spans,
            notes: LoaderNotes::default(),
        }
    }

    /// The document with what its loader saw in the text.
    pub fn with_loader_notes(self, notes: LoaderNotes) -> Self {
        Document { notes, ..self }
    }

    /// The number split at its separators in a flow mapping whose joined
    /// text is exactly `span`, if any.
    pub fn flow_split(&self, span: Span) -> Option<&FlowSplit> {
        self.notes.flow_splits.iter().find(|split| split.span == span)
    }

    /// Every number split at its separators in a flow mapping, in order.
    pub fn flow_splits(&self) -> &[FlowSplit] {
        &self.notes.flow_splits
    }

    /// Whether byte `offset` lies inside a scalar written over several lines.
    pub fn inside_multiline_scalar(&self, offset: usize) -> bool {
        self.notes
            .multiline_scalars
            .iter()
            .any(|span| span.start < offset && offset < span.end)
    }

    /// Whether the text at `pointer` is an anchored node's, shared through
    /// an alias or a merge key with other places (see [`SpanTree::is_shared`]).
    pub fn is_shared(&self, pointer: &str) -> bool {
        self.spans.is_shared(pointer)
    }

    /// The spans of the node at `pointer`, if it exists.
    pub fn spans(&self, pointer: &str) -> Option<NodeSpans> {
        match self.nearest(pointer) {
            Some((found, spans)) if found.len() == pointer.len() => Some(spans),
            _ => None,
        }
    }

    /// The node at `pointer` or, if there is none, its nearest existing
    /// ancestor (ending with the root), with that node's pointer. `None` only
    /// for a document without spans.
    pub fn nearest<'p>(&self, pointer: &'p str) -> Option<(&'p str, NodeSpans)> {
        let (length, id) = self.spans.nearest(pointer)?;
        Some((pointer.get(..length)?, self.spans.spans(id)?))
    }

    /// The value span of the node at `pointer`. For a pointer that does not
    /// exist (say a missing key), the value span of the nearest existing
    /// ancestor (the mapping that lacks the key), the root as a last resort.
    pub fn pointer_span(&self, pointer: &str) -> Span {
        self.nearest(pointer)
            .map(|(_, spans)| spans.value)
            .unwrap_or_default()
    }

    /// The key span of the node at `pointer` when it is a mapping entry, its
    /// value span otherwise. A pointer that does not exist falls back like
    /// [`Document::pointer_span`] (to the ancestor's value span).
    pub fn key_or_value_span(&self, pointer: &str) -> Span {
        match self.nearest(pointer) {
            Some((found, spans)) if found.len() == pointer.len() => spans.key.unwrap_or(spans.value),
            Some((_, spans)) => spans.value,
            None => Span::default(),
        }
    }

    /// Number of nodes with spans of their own (every key's value, every
    /// item, the root; an alias counts once, not as the nodes it copies).
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no node has spans (never the case for a loaded document).
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Every node's pointer and spans, in document order (an alias appears
    /// once, without the nodes it copies). Builds every pointer: for tests
    /// and diagnostics, not the lint path.
    pub fn iter(&self) -> impl Iterator<Item = (String, NodeSpans)> + '_ {
        self.spans.iter()
    }

    /// Every node's spans in the order of [`Document::iter`], each with a
    /// way to its pointer that costs nothing until it is asked for.
    pub fn node_spans(&self) -> impl Iterator<Item = (u32, NodeSpans)> + '_ {
        self.spans.node_spans()
    }

    /// The pointer of a node that [`Document::node_spans`] listed.
    pub fn pointer_of(&self, id: u32) -> String {
        self.spans.pointer_of(id)
    }
}

/// Append one reference token to a JSON pointer, escaping it per RFC 6901
/// (`~` -> `~0`, `/` -> `~1`).
pub fn push_pointer(base: &mut String, segment: &str) {
    base.reserve(segment.len() + 1);
    base.push('/');
    if !segment.contains(['~', '/']) {
        base.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => base.push_str("~0"),
            '/' => base.push_str("~1"),
            c => base.push(c),
        }
    }
}

/// The pointer of the child `segment` (a key, or an index as text) of the
/// node at `base`: `pointer_child("/goals", "0") == "/goals/0"`.
pub fn pointer_child(base: &str, segment: &str) -> String {
    let mut pointer = String::with_capacity(base.len() + segment.len() + 1);
    pointer.push_str(base);
    push_pointer(&mut pointer, segment);
    pointer
}

/// The value at a dotted path below `root` (`test.revenue`), if every
/// step is there.
pub fn dotted<'a>(root: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    path.split('.').try_fold(root, |node, key| node.get(key))
}

/// The pointer of a dotted path below `base`, whether or not it is there.
pub fn dotted_pointer(base: &str, path: &str) -> String {
    let mut pointer = base.to_owned();
    for key in path.split('.') {
        push_pointer(&mut pointer, key);
    }
    pointer
}

/// One reference token unescaped per RFC 6901 (`~1` -> `/`, then `~0` ->
/// `~`); borrowed when there is nothing to unescape.
pub(crate) fn unescape_token(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('~') {
        std::borrow::Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        std::borrow::Cow::Borrowed(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers() {
        assert_eq!(pointer_child("", "goals"), "/goals");
        assert_eq!(pointer_child("/goals", "0"), "/goals/0");
        assert_eq!(pointer_child("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer_child("", ""), "/");
        assert_eq!(
            dotted_pointer("/goals/0", "test.revenue"),
            "/goals/0/test/revenue"
        );
        let plan = json!({"test": {"revenue": 5}});
        assert_eq!(dotted(&plan, "test.revenue"), Some(&json!(5)));
        assert_eq!(dotted(&plan, "test.budget"), None);
    }

    #[test]
    fn span_fallbacks() {
        let text = "a:\n  - 1\nb: x\n";
        let doc = match load::load(text, &LoadLimits::default()) {
            Ok(doc) => doc,
            Err(error) => panic!("{error:?}"),
        };
        let slice = |span: Span| &text[span.start..span.end];
        assert_eq!(doc.len(), 4);
        assert!(!doc.is_empty());
        assert_eq!(slice(doc.pointer_span("/a")), "- 1");
        assert_eq!(slice(doc.key_or_value_span("/a")), "a");
        assert_eq!(slice(doc.key_or_value_span("/a/0")), "1");
        assert_eq!(slice(doc.pointer_span("/a/7/x")), "- 1");
        assert_eq!(slice(doc.key_or_value_span("/a/7")), "- 1");
        assert_eq!(doc.pointer_span("/missing"), doc.pointer_span(""));
        assert_eq!(doc.pointer_span("nonsense"), doc.pointer_span(""));
        assert_eq!(doc.key_or_value_span(""), doc.pointer_span(""));
        assert_eq!(doc.nearest("/a/9").map(|(p, _)| p), Some("/a"));
        assert_eq!(doc.spans("/a/9"), None);
        let empty = Document::new(json!(null), SpanTree::default());
        assert_eq!(empty.pointer_span("/x"), Span::default());
    }
}
