//! A checked file's text, released after checking and read again when a
//! report is written: a run over 10,000 plans then holds their findings,
//! not their texts, and memory follows the largest file, not the count.

use crate::document::decode;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Where a released text is read again, and what it must be.
#[derive(Debug, Clone)]
pub struct Reread {
    pub path: PathBuf,
    /// Length and hash of the text the findings were made on.
    len: usize,
    hash: u64,
    /// A report could not read it again: the run must say so.
    failed: Arc<AtomicBool>,
}

impl Reread {
    pub fn of(path: PathBuf, text: &str) -> Self {
        Reread {
            path,
            len: text.len(),
            hash: crate::finding::fingerprint::fnv1a64(text.as_bytes()),
            failed: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Whether a report asked for the text and could not have it.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    /// The text again, as it was checked; `None` when the file has changed
    /// or gone since (its findings are then shown without their excerpt).
    pub fn read(&self) -> Option<Arc<str>> {
        let Ok(bytes) = std::fs::read(&self.path) else {
            self.failed.store(true, Ordering::Relaxed);
            return None;
        };
        // As the linter read it: the text, or lossily when not UTF-8.
        let text: Arc<str> = match decode(&bytes) {
            Ok(text) => Arc::from(text),
            Err(_) => Arc::from(String::from_utf8_lossy(&bytes).as_ref()),
        };
        let same =
            text.len() == self.len && crate::finding::fingerprint::fnv1a64(text.as_bytes()) == self.hash;
        if !same {
            self.failed.store(true, Ordering::Relaxed);
        }
        same.then_some(text)
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
        assert!(!reread.failed());
        std::fs::write(&path, "name: changed\n").unwrap();
        assert_eq!(reread.read(), None);
        assert!(reread.failed());
        std::fs::remove_file(&path).unwrap();
        assert_eq!(reread.read(), None);
    }
}
