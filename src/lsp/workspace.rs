//! The configs and rule packs behind the open plans, and when they change.
//! They are loaded through the same [`ConfigSet`] as `planlint check` (no
//! second loading path); a change on disk (seen by a save, a file watch
//! event, or the server's own once-a-second look at the files it read)
//! throws the whole set away, so the next lint reads them afresh.
//!
//! A config that does not load is read once per change, not once per plan:
//! its error is kept for the folder until the set is thrown away.

use crate::document::LoadLimits;
use crate::error::UserError;
use crate::lint::engine::Linter;
use crate::project::config::Config;
use crate::project::config_set::{ConfigSet, Linters};
use crate::project::paths::absolute;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// What a file looked like: its modification time and size (`None`: gone).
type Stamp = Option<(Option<SystemTime>, u64)>;

pub struct Workspace {
    root: PathBuf,
    linters: Linters,
    /// The files the configs were read from, as they were then.
    stamps: HashMap<PathBuf, Stamp>,
    /// Why the config of a folder did not load, by folder, with the config
    /// file the folder found then (to see another one appear).
    failed: RefCell<HashMap<PathBuf, (Option<PathBuf>, UserError)>>,
}

fn stamp(path: &Path) -> Stamp {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok(), metadata.len()))
}

/// The server lints one plan at a time while the user waits: a plan from
/// 64 KiB on is parsed on a thread of its own while its tree is built (a
/// re-lint of a 200 KB plan took 13 ms instead of 15 on 2 cores). The CLI
/// keeps the default: its threads are busy with other files, and a single
/// 200 KB file gained no time there for a quarter more CPU.
const PARSE_ON_THREAD_FROM: usize = 64 * 1024;

fn fresh_linters(root: &Path) -> Linters {
    Linters::new(ConfigSet::defaults_in(root)).with_load_limits(LoadLimits {
        parse_on_thread_from: PARSE_ON_THREAD_FROM,
        ..LoadLimits::default()
    })
}

impl Workspace {
    pub fn new(root: PathBuf) -> Self {
        Workspace {
            linters: fresh_linters(&root),
            root,
            stamps: HashMap::new(),
            failed: RefCell::new(HashMap::new()),
        }
    }

    /// The config of the buffer at `path` (a file, saved or not). A config
    /// that does not load is read once: its error is kept for the folder.
    pub fn config_for(&self, path: &Path) -> Result<Arc<Config>, UserError> {
        let folder = absolute(path).parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some((_, error)) = self.failed.borrow().get(&folder) {
            return Err(error.clone());
        }
        let config = self.linters.configs().for_file(path);
        if let Err(error) = &config {
            let found = Config::discover(&folder);
            self.failed.borrow_mut().insert(folder, (found, error.clone()));
        }
        config
    }

    /// The linter for the buffer at `path` and the largest text its config
    /// accepts (the config read through [`Workspace::config_for`]).
    pub fn linter_for(&self, path: &Path) -> Result<(Arc<Linter>, u64), UserError> {
        self.config_for(path)?;
        self.linters.for_file(path)
    }

    /// Forgets every config and linter; they are read again when needed.
    pub fn reload(&mut self) {
        self.linters = fresh_linters(&self.root);
        self.stamps.clear();
        self.failed.borrow_mut().clear();
    }

    /// Notes how the files read so far look now, to compare with later.
    pub fn remember(&mut self) {
        for source in self.linters.configs().sources() {
            self.stamps
                .entry(source.clone())
                .or_insert_with(|| stamp(&source));
        }
    }

    /// Also compares `path` with the disk from now on: the config file of a
    /// plan, or a file an error is in, even when it could not be loaded.
    pub fn watch(&mut self, path: &Path) {
        self.stamps
            .entry(path.to_path_buf())
            .or_insert_with(|| stamp(path));
    }

    /// Whether a file a config was read from changed, or a folder would
    /// now find another config file (one was added or removed).
    pub fn changed_on_disk(&self) -> bool {
        let edited = self.stamps.iter().any(|(path, before)| stamp(path) != *before);
        let found_another = self
            .failed
            .borrow()
            .iter()
            .any(|(folder, (found, _))| Config::discover(folder) != *found);
        edited
            || found_another
            || self
                .linters
                .configs()
                .resolved_folders()
                .into_iter()
                .any(|(folder, resolved)| Config::discover(&folder) != resolved)
    }
}
