//! Which config applies to which file. With `--config`, that one applies to
//! all; otherwise each file uses the nearest `.planlint.yaml` above it (up to
//! the repository root), so a folder can carry its own rules and packs.

use crate::document::LoadLimits;
use crate::error::UserError;
use crate::lint::engine::Linter;
use crate::project::config::Config;
use crate::project::config_file::{load_config, load_discovered_config};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct ConfigSet {
    /// `--config`, applied to every file.
    explicit: Option<Arc<Config>>,
    /// Used when no config file is found above a file.
    fallback: Arc<Config>,
    /// Loaded configs by the folder they were looked up from (`None`: no file).
    by_folder: Mutex<HashMap<PathBuf, Arc<Config>>>,
}

impl ConfigSet {
    /// `explicit` is `--config`; `cwd` is where relative paths start.
    pub fn new(explicit: Option<&Path>, cwd: &Path) -> Result<ConfigSet, UserError> {
        let explicit = explicit.map(|path| load_config(path).map(Arc::new)).transpose()?;
        Ok(ConfigSet {
            explicit,
            fallback: Arc::new(Config::default_in(cwd.to_path_buf())),
            by_folder: Mutex::new(HashMap::new()),
        })
    }

    /// No `--config` and nothing loaded yet: every file gets the nearest
    /// config file, or the defaults in `cwd`.
    pub fn defaults_in(cwd: &Path) -> ConfigSet {
        ConfigSet {
            explicit: None,
            fallback: Arc::new(Config::default_in(cwd.to_path_buf())),
            by_folder: Mutex::new(HashMap::new()),
        }
    }

    /// The config for `path` (a file, or a folder being walked).
    pub fn for_path(&self, path: &Path) -> Result<Arc<Config>, UserError> {
        let absolute = crate::project::paths::absolute(path);
        if absolute.is_dir() {
            self.for_folder(absolute)
        } else {
            self.for_file(&absolute)
        }
    }

    /// The config for the file at `path` (known to be a file: no need to
    /// ask the file system, thousands of times in a large run).
    pub fn for_file(&self, path: &Path) -> Result<Arc<Config>, UserError> {
        let absolute = crate::project::paths::absolute(path);
        self.for_folder(absolute.parent().map(Path::to_path_buf).unwrap_or_default())
    }

    fn for_folder(&self, folder: PathBuf) -> Result<Arc<Config>, UserError> {
        if let Some(config) = &self.explicit {
            return Ok(Arc::clone(config));
        }
        let mut cache = self
            .by_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(config) = cache.get(&folder) {
            return Ok(Arc::clone(config));
        }
        let config = match Config::discover(&folder) {
            Some(file) => match cache
                .values()
                .find(|known| known.path.as_deref() == Some(file.as_path()))
            {
                Some(known) => Arc::clone(known),
                None => Arc::new(load_discovered_config(&file)?),
            },
            None => Arc::clone(&self.fallback),
        };
        cache.insert(folder, Arc::clone(&config));
        Ok(config)
    }

    /// Every file and pack folder the configs loaded so far were read from.
    pub fn sources(&self) -> Vec<PathBuf> {
        let cache = self
            .by_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut sources: Vec<PathBuf> = self
            .explicit
            .iter()
            .chain(cache.values())
            .flat_map(|config| config.sources.iter().cloned())
            .collect();
        sources.sort();
        sources.dedup();
        sources
    }

    /// The config file each folder looked up so far resolved to (`None`:
    /// defaults), to tell when a config file appears or goes away.
    pub fn resolved_folders(&self) -> Vec<(PathBuf, Option<PathBuf>)> {
        if self.explicit.is_some() {
            return Vec::new();
        }
        let cache = self
            .by_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cache
            .iter()
            .map(|(folder, config)| (folder.clone(), config.path.clone()))
            .collect()
    }
}

/// A config file (`None`: defaults) and the indices of its overrides that match.
type LinterKey = (Option<PathBuf>, Vec<usize>);

/// One linter per config and distinct set of matching `overrides`, built on
/// first use and shared: by the CLI's threads, and by the language server
/// across edits (until a config changes and it builds a new set).
pub struct Linters {
    configs: ConfigSet,
    built: Mutex<HashMap<LinterKey, Arc<Linter>>>,
    limits: LoadLimits,
}

impl Linters {
    pub fn new(configs: ConfigSet) -> Self {
        Linters {
            configs,
            built: Mutex::new(HashMap::new()),
            limits: LoadLimits::default(),
        }
    }

    /// Linters that load plans within `limits` instead of the defaults.
    pub fn with_load_limits(self, limits: LoadLimits) -> Self {
        Linters { limits, ..self }
    }

    /// The configs the linters are built from.
    pub fn configs(&self) -> &ConfigSet {
        &self.configs
    }

    /// The linter for `path`, and the largest file its config accepts.
    pub fn for_path(&self, path: &Path) -> Result<(Arc<Linter>, u64), UserError> {
        self.linter(self.configs.for_path(path)?, path)
    }

    /// The linter for the plan file at `path` (see [`ConfigSet::for_file`]).
    pub fn for_file(&self, path: &Path) -> Result<(Arc<Linter>, u64), UserError> {
        self.linter(self.configs.for_file(path)?, path)
    }

    /// The linter and size limit of every plan file in `paths`, in order:
    /// each config is resolved once for the whole set, before any plan is
    /// read; the first config that does not load stops the run.
    pub fn for_files(&self, paths: &[PathBuf]) -> Result<Vec<(Arc<Linter>, u64)>, UserError> {
        paths.iter().map(|path| self.for_file(path)).collect()
    }

    fn linter(&self, config: Arc<Config>, path: &Path) -> Result<(Arc<Linter>, u64), UserError> {
        let key = (config.path.clone(), config.matching_overrides(path));
        let mut built = self.built.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(linter) = built.get(&key) {
            return Ok((Arc::clone(linter), config.max_file_size));
        }
        let linter = Linter::new(&config.all_rules(), &config.settings_with(&key.1))?;
        let linter = Arc::new(linter.with_load_limits(self.limits));
        built.insert(key, Arc::clone(&linter));
        Ok((linter, config.max_file_size))
    }
}
