//! The configs and rule packs behind the open plans, and when they change.
//! They are loaded through the same [`ConfigSet`] as `planlint check` (no
//! second loading path); a change on disk (seen by a save, a file watch
//! event, or the server's own once-a-second look at the files it read)
//! throws the whole set away, so the next lint reads them afresh.

use crate::project::config::{Config, CONFIG_FILE_NAMES};
use crate::project::config_set::{ConfigSet, Linters};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file looked like: its modification time and size (`None`: gone).
type Stamp = Option<(Option<SystemTime>, u64)>;

pub struct Workspace {
    root: PathBuf,
    linters: Linters,
    /// The files the configs were read from, as they were then.
    stamps: HashMap<PathBuf, Stamp>,
}

fn stamp(path: &Path) -> Stamp {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok(), metadata.len()))
}

fn fresh_linters(root: &Path) -> Linters {
    Linters::new(ConfigSet::defaults_in(root))
}

impl Workspace {
    pub fn new(root: PathBuf) -> Self {
        Workspace {
            linters: fresh_linters(&root),
            root,
            stamps: HashMap::new(),
        }
    }

    pub fn linters(&self) -> &Linters {
        &self.linters
    }

    /// Forgets every config and linter; they are read again when needed.
    pub fn reload(&mut self) {
        self.linters = fresh_linters(&self.root);
        self.stamps.clear();
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
        edited
            || self
                .linters
                .configs()
                .resolved_folders()
                .into_iter()
                .any(|(folder, resolved)| Config::discover(&folder) != resolved)
    }
}

/// `.planlint.yaml` or `.planlint.yml`.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| CONFIG_FILE_NAMES.contains(&name))
}
