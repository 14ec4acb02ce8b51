//! The spans of a loaded document, kept as a tree that parallels its value.
//!
//! Every node is one fixed-size record. A container's children are a slice
//! of (step, child) pairs, where a step is a sequence index or the id of an
//! interned mapping key; a mapping's are sorted by key id, so a child is
//! found by position or binary search, without hashing. No pointer text is
//! stored: a JSON pointer is resolved by walking its reference tokens, so
//! memory stays proportional to the number of nodes however long the keys or
//! deep the nesting.
//!
//! The tree is built in document order: [`SpanTree::push`] adds a node,
//! [`SpanTree::open`] and [`SpanTree::close`] bracket a container's children.

use std::collections::HashMap;
use std::sync::Arc;

use super::{push_pointer, unescape_token, NodeSpans};

/// The YAML merge key: `<<: *base` (or `<<: [*a, *b]`) takes the entries of
/// the merged mappings that the mapping does not set itself.
pub const MERGE_KEY: &str = "<<";

/// How many merges deep a merged key is looked for (a merged mapping may
/// itself merge another).
const MAX_MERGE_DEPTH: usize = 16;

/// Index of a node in [`SpanTree`]; the root is 0.
pub type NodeId = u32;

/// What a node is, as far as finding its children goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Scalar,
    Sequence,
    Mapping,
    /// An alias of a container: its children are the anchored node's, and
    /// so are their spans.
    Alias(NodeId),
}

#[derive(Debug, Clone, Copy)]
struct Node {
    spans: NodeSpans,
    kind: NodeKind,
    /// Parent and step from it; `None` for the root.
    parent: Option<(NodeId, u32)>,
    /// A closed container's children: `SpanTree::edges[start..start + len]`.
    children: (u32, u32),
}

/// Mapping keys, each stored once however often it is used. Hashed with
/// foldhash's per-process random seed: quicker than the standard SipHash,
/// and keys written to collide cannot be crafted without the seed.
#[derive(Debug, Clone, Default)]
struct KeyTable {
    ids: HashMap<Arc<str>, u32, foldhash::fast::RandomState>,
    names: Vec<Arc<str>>,
}

/// Too many nodes to number with a [`NodeId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyNodes;

#[derive(Debug, Clone, Default)]
pub struct SpanTree {
    /// In document order (pre-order), so a container's descendants follow it.
    nodes: Vec<Node>,
    /// (step, child) pairs of closed containers, each container's together.
    edges: Vec<(u32, NodeId)>,
    /// (step, child) pairs of the open containers, innermost last.
    open_edges: Vec<(u32, NodeId)>,
    /// Open containers, innermost last, with where their children start in
    /// `open_edges`.
    open: Vec<(NodeId, usize)>,
    keys: KeyTable,
    /// Anchored containers that an alias uses: their text is shared.
    shared_nodes: Vec<NodeId>,
    /// Anchored scalar values that an alias uses, by their span.
    shared_scalars: Vec<super::Span>,
}

impl SpanTree {
    /// Gives back the room the tree grew into while it was built: a large
    /// plan is held, with its findings, until the report is written.
    pub fn shrink_to_fit(&mut self) {
        self.nodes.shrink_to_fit();
        self.edges.shrink_to_fit();
        self.open_edges = Vec::new();
        self.open = Vec::new();
    }

    /// Adds a node as the child of the innermost open container at `step`
    /// (an index for a sequence, a [`SpanTree::key_step`] for a mapping), or
    /// as the root when none is open.
    pub fn push(&mut self, step: u32, spans: NodeSpans, kind: NodeKind) -> Result<NodeId, TooManyNodes> {
        let id = NodeId::try_from(self.nodes.len()).map_err(|_| TooManyNodes)?;
        let parent = self.open.last().map(|&(parent, _)| (parent, step));
        if parent.is_some() {
            self.open_edges.push((step, id));
        }
        self.nodes.push(Node {
            spans,
            kind,
            parent,
            children: (0, 0),
        });
        Ok(id)
    }

    /// Makes the container just pushed the one that takes the next children.
    pub fn open(&mut self, container: NodeId) {
        self.open.push((container, self.open_edges.len()));
    }

    /// Ends the innermost open container: its children become searchable.
    pub fn close(&mut self) -> Result<(), TooManyNodes> {
        let Some((container, mark)) = self.open.pop() else {
            return Ok(());
        };
        let start = u32::try_from(self.edges.len()).map_err(|_| TooManyNodes)?;
        let children = self.open_edges.drain(mark.min(self.open_edges.len())..);
        let len = u32::try_from(children.len()).map_err(|_| TooManyNodes)?;
        self.edges.extend(children);
        let Some(node) = self.nodes.get_mut(container as usize) else {
            return Ok(());
        };
        node.children = (start, len);
        if node.kind == NodeKind::Mapping {
            // Keys are unique (the loader refuses duplicates): sort for search.
            if let Some(edges) = self.edges.get_mut(start as usize..) {
                edges.sort_unstable_by_key(|&(step, _)| step);
            }
        }
        Ok(())
    }

    /// The step that names `key` under a mapping, interning it if new.
    pub fn key_step(&mut self, key: &str) -> Result<u32, TooManyNodes> {
        if let Some(&id) = self.keys.ids.get(key) {
            return Ok(id);
        }
        let id = u32::try_from(self.keys.names.len()).map_err(|_| TooManyNodes)?;
        let name: Arc<str> = Arc::from(key);
        self.keys.names.push(Arc::clone(&name));
        self.keys.ids.insert(name, id);
        Ok(id)
    }

    /// The child of mapping `parent` under `key`, if there is one; `parent`
    /// may still be open.
    pub fn child_by_key(&self, parent: NodeId, key: &str) -> Option<NodeId> {
        let step = *self.keys.ids.get(key)?;
        if let Some(level) = self.open.iter().rposition(|&(open, _)| open == parent) {
            // Its children so far: up to where the next open container's start.
            let mark = self.open.get(level).map_or(0, |&(_, mark)| mark);
            let until = self
                .open
                .get(level + 1)
                .map_or(self.open_edges.len(), |&(_, inner)| inner);
            let children = self.open_edges.get(mark..until)?;
            return children.iter().find(|&&(s, _)| s == step).map(|&(_, id)| id);
        }
        let children = self.children(parent)?;
        let at = children.binary_search_by_key(&step, |&(s, _)| s).ok()?;
        children.get(at).map(|&(_, id)| id)
    }

    /// A closed container's (step, child) pairs.
    fn children(&self, parent: NodeId) -> Option<&[(u32, NodeId)]> {
        let (start, len) = self.node(parent)?.children;
        self.edges
            .get(start as usize..(start as usize).checked_add(len as usize)?)
    }

    pub fn spans(&self, id: NodeId) -> Option<NodeSpans> {
        self.node(id).map(|node| node.spans)
    }

    pub fn set_value_span(&mut self, id: NodeId, value: super::Span) {
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.spans.value = value;
        }
    }

    /// Whether node `id` is a scalar written where it stands (not an
    /// alias, whose text is `*name`).
    pub fn is_scalar(&self, id: NodeId) -> bool {
        self.node(id).is_some_and(|node| node.kind == NodeKind::Scalar)
    }

    /// Moves every span boundary at or after byte `at` by `delta` bytes:
    /// the text from `at` on moved by an edit before it.
    pub fn shift_from(&mut self, at: usize, delta: isize) {
        let shift = |span: &mut super::Span| span.shift_from(at, delta);
        for node in &mut self.nodes {
            shift(&mut node.spans.value);
            if let Some(key) = &mut node.spans.key {
                shift(key);
            }
        }
        for span in &mut self.shared_scalars {
            shift(span);
        }
    }

    /// The parent of a node and the step from it; `None` for the root.
    pub fn parent(&self, id: NodeId) -> Option<(NodeId, u32)> {
        self.node(id).and_then(|node| node.parent)
    }

    /// The name of an interned key step.
    pub fn key_name(&self, step: u32) -> Option<&str> {
        self.keys.names.get(step as usize).map(|name| &**name)
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    /// The node a pointer's reference token leads to from `parent`.
    fn step(&self, parent: NodeId, token: &str) -> Option<NodeId> {
        let parent = match self.node(parent)?.kind {
            NodeKind::Alias(target) => target,
            _ => parent,
        };
        match self.node(parent)?.kind {
            NodeKind::Sequence => {
                let index = array_index(token)?;
                self.children(parent)?.get(index as usize).map(|&(_, id)| id)
            }
            NodeKind::Mapping => {
                let key = unescape_token(token);
                self.child_by_key(parent, &key)
                    .or_else(|| self.merged_child(parent, &key, MAX_MERGE_DEPTH))
            }
            NodeKind::Scalar | NodeKind::Alias(_) => None,
        }
    }

    /// The child `key` that mapping `parent` takes through its merge key
    /// (`<<: *base`, `<<: [*a, *b]`): the node where the merged value is
    /// written. The first source that has it wins, as in the value.
    fn merged_child(&self, parent: NodeId, key: &str, depth: usize) -> Option<NodeId> {
        let merge = self.child_by_key(parent, MERGE_KEY)?;
        let sources: Vec<NodeId> = match self.node(merge)?.kind {
            NodeKind::Sequence => self.children(merge)?.iter().map(|&(_, id)| id).collect(),
            _ => vec![merge],
        };
        sources.into_iter().find_map(|source| {
            let source = match self.node(source)?.kind {
                NodeKind::Alias(target) => target,
                _ => source,
            };
            if self.node(source)?.kind != NodeKind::Mapping {
                return None;
            }
            self.child_by_key(source, key).or_else(|| {
                depth
                    .checked_sub(1)
                    .and_then(|depth| self.merged_child(source, key, depth))
            })
        })
    }

    /// The deepest node on the way to `pointer`, and the length of the
    /// pointer's prefix that names it. `None` only for an empty tree.
    pub fn nearest(&self, pointer: &str) -> Option<(usize, NodeId)> {
        self.node(0)?;
        let mut found = (0, 0);
        let Some(mut rest) = pointer.strip_prefix('/') else {
            return Some(found);
        };
        let mut consumed = 1;
        loop {
            let (token, next) = match rest.find('/') {
                Some(slash) => (&rest[..slash], Some(&rest[slash + 1..])),
                None => (rest, None),
            };
            let Some(child) = self.step(found.1, token) else {
                return Some(found);
            };
            found = (consumed + token.len(), child);
            match next {
                Some(next) => {
                    consumed += token.len() + 1;
                    rest = next;
                }
                None => return Some(found),
            }
        }
    }

    /// Records that an alias uses the anchored container `node`.
    pub fn share_node(&mut self, node: NodeId) {
        self.shared_nodes.push(node);
    }

    /// Records that an alias uses the anchored scalar written at `span`.
    pub fn share_scalar(&mut self, span: super::Span) {
        self.shared_scalars.push(span);
    }

    /// Whether the text at `pointer` is shared with another place, so that
    /// editing it would change that place too: it is an anchored value an
    /// alias uses (or inside one), or the way to it passes through an alias
    /// of a container (`channels: *list`) or a merge key (`<<: *base`).
    pub fn is_shared(&self, pointer: &str) -> bool {
        if let Some((consumed, node)) = self.nearest(pointer) {
            if consumed >= pointer.len() && self.anchored_and_used(node) {
                return true;
            }
        }
        self.reached_through_alias(pointer)
    }

    fn anchored_and_used(&self, node: NodeId) -> bool {
        if let Some(spans) = self.spans(node) {
            if self.shared_scalars.contains(&spans.value) {
                return true;
            }
        }
        let mut current = Some(node);
        while let Some(id) = current {
            if self.shared_nodes.contains(&id) {
                return true;
            }
            current = self.parent(id).map(|(parent, _)| parent);
        }
        false
    }

    fn reached_through_alias(&self, pointer: &str) -> bool {
        let Some(mut rest) = pointer.strip_prefix('/') else {
            return false;
        };
        let mut current: NodeId = 0;
        loop {
            let (token, next) = match rest.find('/') {
                Some(slash) => (&rest[..slash], Some(&rest[slash + 1..])),
                None => (rest, None),
            };
            let Some(node) = self.node(current) else {
                return false;
            };
            if matches!(node.kind, NodeKind::Alias(_)) {
                return true;
            }
            if node.kind == NodeKind::Mapping && self.child_by_key(current, &unescape_token(token)).is_none()
            {
                // Reached only through the mapping's merge key, if at all.
                return self.step(current, token).is_some();
            }
            let Some(child) = self.step(current, token) else {
                return false;
            };
            if let Some(child_node) = self.node(child) {
                if matches!(child_node.kind, NodeKind::Alias(_)) && next.is_some() {
                    return true;
                }
            }
            current = child;
            match next {
                Some(next) => rest = next,
                None => return false,
            }
        }
    }

    /// Every stored node's pointer and spans, in document order. A copy made
    /// by an alias appears once, as the alias.
    /// Every node's spans in document order, as [`SpanTree::iter`] lists
    /// them, with its id instead of its pointer (see [`SpanTree::pointer_of`]).
    pub fn node_spans(&self) -> impl Iterator<Item = (NodeId, NodeSpans)> + '_ {
        (0..).zip(self.nodes.iter().map(|node| node.spans))
    }

    /// The pointer of node `id`, built from its parents: what
    /// [`SpanTree::iter`] gives it, for one node.
    pub fn pointer_of(&self, id: NodeId) -> String {
        let mut steps = Vec::new();
        let mut current = self.node(id);
        while let Some((parent, step)) = current.and_then(|node| node.parent) {
            steps.push((parent, step));
            current = self.node(parent);
        }
        let mut pointer = String::new();
        for &(parent, step) in steps.iter().rev() {
            if self.node(parent).map(|parent| parent.kind) == Some(NodeKind::Mapping) {
                push_pointer(&mut pointer, self.key_name(step).unwrap_or_default());
            } else {
                pointer.push('/');
                pointer.push_str(&step.to_string());
            }
        }
        pointer
    }

    pub fn iter(&self) -> impl Iterator<Item = (String, NodeSpans)> + '_ {
        let mut pointers: Vec<String> = Vec::with_capacity(self.nodes.len());
        self.nodes.iter().map(move |node| {
            let pointer = match node.parent {
                None => String::new(),
                Some((parent, step)) => {
                    let mut pointer = pointers.get(parent as usize).cloned().unwrap_or_default();
                    let parent_kind = self.node(parent).map(|parent| parent.kind);
                    if parent_kind == Some(NodeKind::Mapping) {
                        push_pointer(&mut pointer, self.key_name(step).unwrap_or_default());
                    } else {
                        pointer.push('/');
                        pointer.push_str(&step.to_string());
                    }
                    pointer
                }
            };
            pointers.push(pointer.clone());
            (pointer, node.spans)
        })
    }
}

/// A sequence index as RFC 6901 writes it: decimal, no leading zeros.
fn array_index(token: &str) -> Option<u32> {
    let canonical = token == "0" || (!token.starts_with('0') && !token.is_empty());
    if canonical && token.bytes().all(|b| b.is_ascii_digit()) {
        token.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    fn spans(start: usize, end: usize) -> NodeSpans {
        NodeSpans {
            key: None,
            value: Span::new(start, end),
        }
    }

    #[test]
    fn indices_are_canonical() {
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("12"), Some(12));
        assert_eq!(array_index("01"), None);
        assert_eq!(array_index(""), None);
        assert_eq!(array_index("-"), None);
        assert_eq!(array_index("+1"), None);
        assert_eq!(array_index("99999999999"), None);
    }

    #[test]
    fn pointers_walk_keys_indices_and_aliases() -> Result<(), TooManyNodes> {
        let mut tree = SpanTree::default();
        let root = tree.push(0, spans(0, 100), NodeKind::Mapping)?;
        tree.open(root);
        let key = tree.key_step("a/b~")?;
        let list = tree.push(key, spans(10, 20), NodeKind::Sequence)?;
        tree.open(list);
        let item = tree.push(0, spans(12, 13), NodeKind::Scalar)?;
        tree.close()?;
        // Children of a container still open are found too.
        assert_eq!(tree.child_by_key(root, "a/b~"), Some(list));
        let copy_key = tree.key_step("copy")?;
        let copy = tree.push(copy_key, spans(30, 32), NodeKind::Alias(list))?;
        let zeta = tree.key_step("zeta")?;
        let late = tree.push(zeta, spans(40, 41), NodeKind::Scalar)?;
        let alpha = tree.key_step("alpha")?;
        let early = tree.push(alpha, spans(50, 51), NodeKind::Scalar)?;
        tree.close()?;
        assert_eq!(tree.nearest(""), Some((0, root)));
        assert_eq!(tree.nearest("/a~1b~0"), Some((7, list)));
        assert_eq!(tree.nearest("/a~1b~0/0"), Some((9, item)));
        assert_eq!(tree.nearest("/a~1b~0/00"), Some((7, list)));
        assert_eq!(tree.nearest("/a~1b~0/0/x"), Some((9, item)));
        assert_eq!(tree.nearest("/copy"), Some((5, copy)));
        assert_eq!(tree.nearest("/zeta"), Some((5, late)));
        assert_eq!(tree.nearest("/alpha"), Some((6, early)));
        // Through an alias to the anchored node's children.
        assert_eq!(tree.nearest("/copy/0"), Some((7, item)));
        assert_eq!(tree.nearest("/missing"), Some((0, root)));
        assert_eq!(tree.nearest("no-slash"), Some((0, root)));
        assert_eq!(SpanTree::default().nearest(""), None);
        let pointers: Vec<String> = tree.iter().map(|(pointer, _)| pointer).collect();
        assert_eq!(pointers, ["", "/a~1b~0", "/a~1b~0/0", "/copy", "/zeta", "/alpha"]);
        Ok(())
    }
}
