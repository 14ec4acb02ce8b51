//! The buffers the editor has open: their text, version, and the analysis
//! of the version last linted. Edits only mark a buffer as changed; the
//! server lints it once the edits pause (see `server`), so a burst of
//! typing costs one lint of the newest text.

use crate::lsp::analysis::Analysis;
use crate::lsp::text::{uri_to_path, Encoding, Lines};
use lsp_types::TextDocumentContentChangeEvent;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

pub struct OpenDocument {
    pub path: PathBuf,
    pub text: String,
    pub version: i32,
    /// The analysis of `text` when it is current.
    pub analysis: Option<Arc<Analysis>>,
    /// When the first change not yet linted came, and the last one.
    pub changed: Option<(Instant, Instant)>,
    /// When the editor last opened, edited or asked about the buffer:
    /// the buffers touched last are linted first.
    pub touched: Instant,
    /// The editor's language id (`yaml`, `json`, ...).
    pub language: String,
}

impl OpenDocument {
    /// The analysis of the current text, if it has been made.
    pub fn current(&self) -> Option<&Arc<Analysis>> {
        self.analysis.as_ref().filter(|_| self.changed.is_none())
    }

    /// Whether the buffer is JSON, where comments are not allowed: by its
    /// file name, or the language the editor says it is in.
    pub fn is_json(&self) -> bool {
        let named_json = self
            .path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
        named_json || matches!(self.language.as_str(), "json" | "jsonc")
    }
}

/// Open buffers by URI.
#[derive(Default)]
pub struct Documents {
    open: BTreeMap<String, OpenDocument>,
}

impl Documents {
    pub fn open(&mut self, uri: &str, text: String, version: i32, language: &str) {
        let now = Instant::now();
        self.open.insert(
            uri.to_owned(),
            OpenDocument {
                path: uri_to_path(uri),
                text,
                version,
                analysis: None,
                changed: Some((now, now)),
                touched: now,
                language: language.to_owned(),
            },
        );
    }

    /// Notes that the editor asked about the buffer.
    pub fn touch(&mut self, uri: &str) {
        if let Some(document) = self.open.get_mut(uri) {
            document.touched = Instant::now();
        }
    }

    /// Applies an edit: whole-text changes replace the text, ranged ones
    /// splice it. An unknown buffer is ignored.
    pub fn change(
        &mut self,
        uri: &str,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        let Some(document) = self.open.get_mut(uri) else {
            return;
        };
        for change in changes {
            match change.range {
                None => document.text = change.text,
                Some(range) => {
                    let lines = Lines::new(&document.text);
                    let start = lines.offset(range.start, encoding);
                    let end = lines.offset(range.end, encoding).max(start);
                    document.text.replace_range(start..end, &change.text);
                }
            }
        }
        document.version = version;
        let now = Instant::now();
        let first = document.changed.map_or(now, |(first, _)| first);
        document.changed = Some((first, now));
        document.touched = now;
    }

    pub fn close(&mut self, uri: &str) -> Option<OpenDocument> {
        self.open.remove(uri)
    }

    pub fn get(&self, uri: &str) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    pub fn get_mut(&mut self, uri: &str) -> Option<&mut OpenDocument> {
        self.open.get_mut(uri)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &OpenDocument)> {
        self.open.iter()
    }

    /// Marks every buffer for linting again (the config changed).
    pub fn mark_all_changed(&mut self) {
        let now = Instant::now();
        for document in self.open.values_mut() {
            document.changed = Some((now, now));
        }
    }

    /// Buffers whose edits have paused for `quiet`, or have waited
    /// `longest`: the buffer touched last first.
    pub fn due(&self, now: Instant, quiet: std::time::Duration, longest: std::time::Duration) -> Vec<String> {
        let mut due: Vec<(&String, Instant)> = self
            .open
            .iter()
            .filter(|(_, document)| {
                document.changed.is_some_and(|(first, last)| {
                    now.duration_since(last) >= quiet || now.duration_since(first) >= longest
                })
            })
            .map(|(uri, document)| (uri, document.touched))
            .collect();
        due.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        due.into_iter().map(|(uri, _)| uri.clone()).collect()
    }

    /// When the next buffer becomes due, if any is waiting.
    pub fn next_due(&self, quiet: std::time::Duration, longest: std::time::Duration) -> Option<Instant> {
        self.open
            .values()
            .filter_map(|document| document.changed)
            .map(|(first, last)| (last + quiet).min(first + longest))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    #[test]
    fn ranged_and_whole_changes_apply() {
        let mut documents = Documents::default();
        documents.open(
            "file:///a.plan.yaml",
            "name: 计划\ndealine: 1\n".into(),
            1,
            "yaml",
        );
        let edit = |line, from, to, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(line, from), Position::new(line, to))),
            range_length: None,
            text: text.into(),
        };
        documents.change(
            "file:///a.plan.yaml",
            2,
            vec![edit(1, 0, 7, "deadline"), edit(0, 6, 8, "plan")],
            Encoding::Utf16,
        );
        let document = documents.get("file:///a.plan.yaml").unwrap();
        assert_eq!(document.text, "name: plan\ndeadline: 1\n");
        assert_eq!(document.version, 2);
        assert!(document.current().is_none());
        let whole = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "x".into(),
        };
        documents.change("file:///a.plan.yaml", 3, vec![whole], Encoding::Utf16);
        assert_eq!(documents.get("file:///a.plan.yaml").unwrap().text, "x");
    }
}
