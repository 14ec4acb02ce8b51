//! `.planlint.yaml`: which rules run at what severity with which options,
//! and which files are plans. Every mistake in it is an error that points
//! into the file.

use crate::i18n::Lang;
use crate::lint::settings::{RuleSetting, Settings};
use crate::project::paths::absolute;
use crate::project::read::DEFAULT_MAX_FILE_SIZE;
use crate::rule::{registry, RuleDef};
use globset::GlobSet;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Names of the config file, looked for in this order.
pub const CONFIG_FILE_NAMES: &[&str] = &[".planlint.yaml", ".planlint.yml"];

/// `overrides:` entry: settings for the files its globs match.
#[derive(Debug, Clone)]
pub struct Override {
    /// Globs are relative to the folder of the config file that declared them.
    pub base_dir: PathBuf,
    pub files: GlobSet,
    pub rules: BTreeMap<String, RuleSetting>,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The config file, when one was found.
    pub path: Option<PathBuf>,
    /// Absolute folder that `include` and `exclude` are relative to.
    pub base_dir: PathBuf,
    pub settings: Settings,
    /// Applied in order after `settings`; the last match wins.
    pub overrides: Vec<Override>,
    /// Rules from `rule_packs:`, ids namespaced by pack.
    pub user_rules: Vec<RuleDef>,
    /// Files a directory walk picks up; `None` means every `*.plan.{yaml,yml,json}`.
    pub include: Option<GlobSet>,
    pub exclude: GlobSet,
    pub max_file_size: u64,
    /// The language of planlint's texts, when the config says (`lang:`).
    pub lang: Option<Lang>,
    /// Every file and pack folder read to build it (itself, what it
    /// extends, rule files): what the language server watches for changes.
    pub sources: Vec<PathBuf>,
}

impl Config {
    /// No config file: every rule at its default. `base_dir` should be absolute.
    pub fn default_in(base_dir: PathBuf) -> Self {
        Config {
            path: None,
            base_dir,
            settings: Settings::default(),
            overrides: Vec::new(),
            user_rules: Vec::new(),
            include: None,
            exclude: GlobSet::empty(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            lang: None,
            sources: Vec::new(),
        }
    }

    /// The rule `id` as [`Config::all_rules`] would give it first, without
    /// copying every rule (the language server asks once per finding).
    pub fn rule(&self, id: &str) -> Option<&RuleDef> {
        registry::builtin_rule(id).or_else(|| self.user_rules.iter().find(|rule| rule.id == id))
    }

    /// Every rule this config knows: the built-ins and the packs' rules.
    pub fn all_rules(&self) -> Vec<RuleDef> {
        let mut rules: Vec<RuleDef> = registry::builtin()
            .iter()
            .chain(&self.user_rules)
            .cloned()
            .collect();
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        rules
    }

    /// The overrides that apply to `path`, by index.
    pub fn matching_overrides(&self, path: &Path) -> Vec<usize> {
        let path = absolute(path);
        self.overrides
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.files.is_match(relative_to(&path, &entry.base_dir)))
            .map(|(index, _)| index)
            .collect()
    }

    /// The settings for a file matched by the overrides `indices`.
    pub fn settings_with(&self, indices: &[usize]) -> Settings {
        let mut settings = self.settings.clone();
        for entry in indices.iter().filter_map(|index| self.overrides.get(*index)) {
            settings.merge_rules(&entry.rules);
        }
        settings
    }

    /// `path` as the config's globs see it: relative to the config's folder.
    pub fn relative(&self, path: &Path) -> PathBuf {
        relative_to(&absolute(path), &self.base_dir)
    }

    /// The config file in effect for `start`: the nearest one walking up,
    /// stopping at the repository root (a folder holding `.git`).
    pub fn discover(start: &Path) -> Option<PathBuf> {
        for dir in start.ancestors() {
            for name in CONFIG_FILE_NAMES {
                let candidate = dir.join(name);
                // Whatever is there is the config: a folder or a broken
                // link by that name is reported, never skipped for the
                // config of a folder above.
                if std::fs::symlink_metadata(&candidate).is_ok() {
                    return Some(candidate);
                }
            }
            if dir.join(".git").exists() {
                return None;
            }
        }
        None
    }
}

fn relative_to(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

impl Config {
    /// Takes over what an extended config says; this config's own keys come later.
    pub(super) fn absorb(&mut self, base: Config) {
        self.settings.preset = base.settings.preset;
        self.settings.merge_rules(&base.settings.rules);
        self.overrides.extend(base.overrides);
        // A pack reached through two extended configs (a diamond) is one pack.
        let definition = |rule: &RuleDef| (rule.id.clone(), rule.defined_in().map(str::to_owned));
        let mut known: std::collections::HashSet<_> = self.user_rules.iter().map(definition).collect();
        for rule in base.user_rules {
            if known.insert(definition(&rule)) {
                self.user_rules.push(rule);
            }
        }
        if base.include.is_some() {
            self.include = base.include;
            self.base_dir = base.base_dir;
        }
        if !base.exclude.is_empty() {
            self.exclude = base.exclude;
        }
        self.max_file_size = base.max_file_size;
        self.lang = base.lang.or(self.lang);
        // A file reached twice (extended twice) is one source.
        for source in base.sources {
            if !self.sources.contains(&source) {
                self.sources.push(source);
            }
        }
    }
}
