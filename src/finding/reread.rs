//! A checked file's text, released after checking and read again when a
//! report is written: a run over 10,000 plans then holds their findings,
//! not their texts, and memory follows the largest file, not the count.

use crate::document::decode;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a released text is read again, and what it must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reread {
    pub path: PathBuf,
    /// Length and hash of the text the findings were made on.
    len: usize,
    hash: u64,
}

impl Reread {
    pub fn of(path: PathBuf, text: &str) -> Self {
        Reread {
            path,
            len: text.len(),
            hash: crate::finding::fingerprint::fnv1a64(text.as_bytes()),
        }
    }

    /// The text again, as it was checked; `None` when the file has changed
    /// or gone since (its findings are then shown without their excerpt).
    pub fn read(&self) -> Option<Arc<str>> {
        let bytes = std::fs::read(&self.path).ok()?;
        // As the linter read it: the text, or lossily when not UTF-8.
        let text: Arc<str> = match decode(&bytes) {
            Ok(text) => Arc::from(text),
            Err(_) => Arc::from(String::from_utf8_lossy(&bytes).as_ref()),
        };
        (text.len() == self.len && crate::finding::fingerprint::fnv1a64(text.as_bytes()) == self.hash)
            .then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_read_again_only_as_it_was_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.plan.yaml");
        std::fs::write(&path, "\u{feff}name: 计划\n").unwrap();
        let reread = Reread::of(path.clone(), "\u{feff}name: 计划\n");
        assert_eq!(reread.read().as_deref(), Some("\u{feff}name: 计划\n"));
        std::fs::write(&path, "name: changed\n").unwrap();
        assert_eq!(reread.read(), None);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(reread.read(), None);
    }
}
