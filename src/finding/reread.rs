//! A checked file's text, released after checking and read again when a
//! report is written: a run over 10,000 plans then holds their findings,
//! not their texts, and memory follows the largest file, not the count.

use crate::document::decode;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A hash of a text, to know it again within this run: foldhash reads a
/// word at a time (FNV, a byte at a time, was 3% of a run over 10,000
/// plans, hashing each text twice). It is never stored or compared
/// across runs.
fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x706c_616e_6c69_6e74).hash_one(text)
}

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
            hash: text_hash(text),
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
        let same = text.len() == self.len && text_hash(&text) == self.hash;
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
