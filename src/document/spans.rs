//! The spans of a loaded document, kept as a tree that parallels its value.
//!
//! Every node is one fixed-size record; a child is found through a hash map
//! keyed by (parent, step), where a step is a sequence index or the id of an
//! interned mapping key. No pointer text is stored: a JSON pointer is
//! resolved by walking its reference tokens, so memory stays proportional to
//! the number of nodes however long the keys or deep the nesting.

use std::collections::HashMap;
use std::sync::Arc;

use super::{push_pointer, NodeSpans};

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
}

/// Mapping keys, each stored once however often it is used.
#[derive(Debug, Clone, Default)]
struct KeyTable {
    ids: HashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

/// Too many nodes to number with a [`NodeId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyNodes;

#[derive(Debug, Clone, Default)]
pub struct SpanTree {
    /// In document order (pre-order), so a container's descendants follow it.
    nodes: Vec<Node>,
    /// (parent, step) -> child. Steps are numbered by us, never by the
    /// input, so a fast hasher is safe here.
    children: HashMap<(NodeId, u32), NodeId, foldhash::fast::RandomState>,
    keys: KeyTable,
}

impl SpanTree {
    /// Adds a node as the child of `parent` at `step` (an index for a
    /// sequence parent, a [`SpanTree::key_step`] for a mapping parent), or
    /// as the root.
    pub fn push(
        &mut self,
        parent: Option<(NodeId, u32)>,
        spans: NodeSpans,
        kind: NodeKind,
    ) -> Result<NodeId, TooManyNodes> {
        let id = NodeId::try_from(self.nodes.len()).map_err(|_| TooManyNodes)?;
        if let Some(edge) = parent {
            self.children.insert(edge, id);
        }
        self.nodes.push(Node { spans, kind, parent });
        Ok(id)
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

    /// The child of mapping `parent` under `key`, if there is one.
    pub fn child_by_key(&self, parent: NodeId, key: &str) -> Option<NodeId> {
        let step = *self.keys.ids.get(key)?;
        self.children.get(&(parent, step)).copied()
    }

    pub fn spans(&self, id: NodeId) -> Option<NodeSpans> {
        self.node(id).map(|node| node.spans)
    }

    pub fn set_value_span(&mut self, id: NodeId, value: super::Span) {
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.spans.value = value;
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
                self.children.get(&(parent, index)).copied()
            }
            NodeKind::Mapping => {
                if token.contains('~') {
                    self.child_by_key(parent, &token.replace("~1", "/").replace("~0", "~"))
                } else {
                    self.child_by_key(parent, token)
                }
            }
            NodeKind::Scalar | NodeKind::Alias(_) => None,
        }
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

    /// Every stored node's pointer and spans, in document order. A copy made
    /// by an alias appears once, as the alias.
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
        let root = tree.push(None, spans(0, 100), NodeKind::Mapping)?;
        let key = tree.key_step("a/b~")?;
        let list = tree.push(Some((root, key)), spans(10, 20), NodeKind::Sequence)?;
        let item = tree.push(Some((list, 0)), spans(12, 13), NodeKind::Scalar)?;
        let copy_key = tree.key_step("copy")?;
        let copy = tree.push(Some((root, copy_key)), spans(30, 32), NodeKind::Alias(list))?;
        assert_eq!(tree.nearest(""), Some((0, root)));
        assert_eq!(tree.nearest("/a~1b~0"), Some((7, list)));
        assert_eq!(tree.nearest("/a~1b~0/0"), Some((9, item)));
        assert_eq!(tree.nearest("/a~1b~0/00"), Some((7, list)));
        assert_eq!(tree.nearest("/a~1b~0/0/x"), Some((9, item)));
        assert_eq!(tree.nearest("/copy"), Some((5, copy)));
        // Through an alias to the anchored node's children.
        assert_eq!(tree.nearest("/copy/0"), Some((7, item)));
        assert_eq!(tree.nearest("/missing"), Some((0, root)));
        assert_eq!(tree.nearest("no-slash"), Some((0, root)));
        assert_eq!(SpanTree::default().nearest(""), None);
        let pointers: Vec<String> = tree.iter().map(|(pointer, _)| pointer).collect();
        assert_eq!(pointers, ["", "/a~1b~0", "/a~1b~0/0", "/copy"]);
        Ok(())
    }
}
