//! `.planlint.yaml`: which rules run at what severity with which options,
//! and which files are plans. Every mistake in it is an error that points
//! into the file.

use crate::document::{pointer_child, Document};
use crate::error::UserError;
use crate::finding::Severity;
use crate::registry::PARSE_ERROR;
use crate::rule::RuleDef;
use crate::schema::SCHEMA_RULE;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Names of the config file, looked for in this order.
pub const CONFIG_FILE_NAMES: &[&str] = &[".planlint.yaml", ".planlint.yml"];

/// Files above this size are refused unless the config says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// A rule switched off, or on at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// A named starting point for severities, chosen with `extends:`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Preset {
    /// The severities the rule catalog gives.
    #[default]
    Recommended,
    /// Every warning is an error.
    Strict,
}

impl Preset {
    pub const NAMES: &'static [&'static str] = &["recommended", "strict"];

    pub fn parse(name: &str) -> Option<Preset> {
        match name {
            "recommended" => Some(Preset::Recommended),
            "strict" => Some(Preset::Strict),
            _ => None,
        }
    }

    /// A rule's severity under this preset, before the config's own settings.
    pub fn severity(self, default: Severity) -> Severity {
        match (self, default) {
            (Preset::Strict, Severity::Warning) => Severity::Error,
            (_, severity) => severity,
        }
    }
}

/// What the config says about one rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSetting {
    pub level: Option<Level>,
    pub options: Map<String, Value>,
}

impl RuleSetting {
    /// `later` on top of `self`: its severity if it sets one, its options added.
    fn merge(&mut self, later: &RuleSetting) {
        if later.level.is_some() {
            self.level = later.level;
        }
        self.options.extend(later.options.clone());
    }
}

/// Severities and options for the rules, as they apply to one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub preset: Preset,
    pub rules: BTreeMap<String, RuleSetting>,
}

impl Settings {
    fn merge_rules(&mut self, later: &BTreeMap<String, RuleSetting>) {
        for (id, setting) in later {
            self.rules.entry(id.clone()).or_default().merge(setting);
        }
    }
}

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
        }
    }

    /// Reads and checks the config file at `path`, with the files it extends
    /// and the rule packs it loads.
    pub fn load_file(path: &Path, builtin: &[RuleDef]) -> Result<Config, UserError> {
        load_recursive(&absolute(path), builtin, &mut Vec::new())
    }

    /// Every rule this config knows: the built-ins and the packs' rules.
    pub fn all_rules(&self, builtin: &[RuleDef]) -> Vec<RuleDef> {
        let mut rules: Vec<RuleDef> = builtin.iter().chain(&self.user_rules).cloned().collect();
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
                if candidate.is_file() {
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

/// `path` made absolute against the working directory, with `.` steps removed.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut clean = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    clean
}

fn relative_to(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

const KNOWN_KEYS: &str = "extends, rule_packs, rules, overrides, include, exclude, max_file_size";

fn load_recursive(path: &Path, builtin: &[RuleDef], stack: &mut Vec<PathBuf>) -> Result<Config, UserError> {
    let shown = crate::discover::display_path(path);
    if stack.iter().any(|seen| seen == path) {
        return Err(UserError::new(format!(
            "config file {shown} extends itself (through `extends:`)"
        )));
    }
    let file = crate::user_file::load_yaml(path, "config file")?;
    let (source, document) = (file.source, file.document);
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let parser = Parser {
        shown: &shown,
        source: &source,
        document: &document,
    };
    let Some(root) = document.value.as_object() else {
        return Err(parser.error("", "the config must be a mapping of settings", "not a mapping"));
    };
    if let Some(key) = root
        .keys()
        .find(|key| !KNOWN_KEYS.split(", ").any(|known| known == key.as_str()))
    {
        let mut error = parser.key_error(
            &pointer_child("", key),
            &format!("unknown config key `{key}`"),
            "unknown key",
        );
        error = match crate::suggest::closest(key, KNOWN_KEYS.split(", ")) {
            Some(suggestion) => {
                error.with_help(format!("did you mean `{suggestion}`? known keys: {KNOWN_KEYS}"))
            }
            None => error.with_help(format!("known keys: {KNOWN_KEYS}")),
        };
        return Err(error);
    }

    // What this file extends comes first; its own settings go on top.
    let mut config = Config::default_in(base_dir.clone());
    if let Some(value) = root.get("extends") {
        stack.push(path.to_path_buf());
        for (pointer, item) in parser.list("/extends", value)? {
            let name = item
                .as_str()
                .ok_or_else(|| parser.error(&pointer, "expected a preset or a config file", "not text"))?;
            if let Some(preset) = Preset::parse(name) {
                config.settings.preset = preset;
                continue;
            }
            if !name.contains(['/', '.']) {
                return Err(parser
                    .error(&pointer, &format!("unknown preset `{name}`"), "not a preset")
                    .with_help(format!(
                        "presets: {}; a config file is a path like ./base.planlint.yaml",
                        Preset::NAMES.join(", ")
                    )));
            }
            let file = absolute(&base_dir.join(name));
            if !file.is_file() {
                return Err(parser.error(
                    &pointer,
                    &format!("no such config file: {}", crate::discover::display_path(&file)),
                    "not found",
                ));
            }
            let base = load_recursive(&file, builtin, stack)?;
            config.absorb(base);
        }
        stack.pop();
    }
    if let Some(value) = root.get("rule_packs") {
        for (pointer, item) in parser.list("/rule_packs", value)? {
            let entry = item
                .as_str()
                .ok_or_else(|| parser.error(&pointer, "a rule pack is a path or a glob", "not text"))?;
            let files = crate::packs::expand(&base_dir, entry)
                .map_err(|message| parser.error(&pointer, &message, "this rule pack"))?;
            for file in files {
                let rule = crate::packs::load_rule_file(&file)?;
                if builtin
                    .iter()
                    .chain(&config.user_rules)
                    .any(|known| known.id == rule.id)
                {
                    return Err(parser.error(
                        &pointer,
                        &format!("rule `{}` is defined twice", rule.id),
                        "loaded again here",
                    ));
                }
                config.user_rules.push(rule);
            }
        }
    }
    let known = config.all_rules(builtin);
    for (key, value) in root {
        let pointer = pointer_child("", key);
        match key.as_str() {
            "rules" => {
                let rules = parser.rules(&pointer, value, &known)?;
                config.settings.merge_rules(&rules);
            }
            "overrides" => {
                for (item_pointer, item) in parser.list(&pointer, value)? {
                    config
                        .overrides
                        .push(parser.override_entry(&item_pointer, item, &known, &base_dir)?);
                }
            }
            "include" => config.include = Some(parser.globs(&pointer, value)?),
            "exclude" => config.exclude = parser.globs(&pointer, value)?,
            "max_file_size" => {
                config.max_file_size = value.as_u64().filter(|size| *size > 0).ok_or_else(|| {
                    parser.error(
                        &pointer,
                        "`max_file_size` must be a positive number of bytes",
                        "not a size",
                    )
                })?;
            }
            _ => {}
        }
    }
    config.path = Some(path.to_path_buf());
    Ok(config)
}

impl Config {
    /// Takes over what an extended config says; this config's own keys come later.
    fn absorb(&mut self, base: Config) {
        self.settings.preset = base.settings.preset;
        self.settings.merge_rules(&base.settings.rules);
        self.overrides.extend(base.overrides);
        self.user_rules.extend(base.user_rules);
        if base.include.is_some() {
            self.include = base.include;
            self.base_dir = base.base_dir;
        }
        if !base.exclude.is_empty() {
            self.exclude = base.exclude;
        }
        self.max_file_size = base.max_file_size;
    }
}

/// Walks the config document, producing errors with spans.
struct Parser<'a> {
    shown: &'a str,
    source: &'a Arc<str>,
    document: &'a Document,
}

impl Parser<'_> {
    fn error(&self, pointer: &str, message: &str, label: &str) -> UserError {
        let span = self.document.pointer_span(pointer);
        UserError::new(format!("{}: {message}", self.shown)).at(self.shown, self.source, span, label)
    }

    fn key_error(&self, pointer: &str, message: &str, label: &str) -> UserError {
        let span = self.document.key_or_value_span(pointer);
        UserError::new(format!("{}: {message}", self.shown)).at(self.shown, self.source, span, label)
    }

    /// A list, or a single item standing for a list of one, with pointers.
    fn list<'v>(&self, pointer: &str, value: &'v Value) -> Result<Vec<(String, &'v Value)>, UserError> {
        Ok(match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (pointer_child(pointer, &index.to_string()), item))
                .collect(),
            Value::Null => Vec::new(),
            other => vec![(pointer.to_owned(), other)],
        })
    }

    /// `{files: [globs], rules: {...}}`.
    fn override_entry(
        &self,
        pointer: &str,
        value: &Value,
        known: &[RuleDef],
        base_dir: &Path,
    ) -> Result<Override, UserError> {
        let Some(fields) = value.as_object() else {
            return Err(self.error(
                pointer,
                "an override is a mapping with `files` and `rules`",
                "not a mapping",
            ));
        };
        if let Some(key) = fields
            .keys()
            .find(|key| !["files", "rules"].contains(&key.as_str()))
        {
            return Err(self
                .key_error(
                    &pointer_child(pointer, key),
                    &format!("unknown override key `{key}`"),
                    "unknown key",
                )
                .with_help("an override takes `files` (globs) and `rules`"));
        }
        let files = fields.get("files").ok_or_else(|| {
            self.error(
                pointer,
                "an override needs `files`: the globs it applies to",
                "no `files`",
            )
        })?;
        let rules = match fields.get("rules") {
            Some(rules) => self.rules(&pointer_child(pointer, "rules"), rules, known)?,
            None => BTreeMap::new(),
        };
        Ok(Override {
            base_dir: base_dir.to_path_buf(),
            files: self.globs(&pointer_child(pointer, "files"), files)?,
            rules,
        })
    }

    fn rules(
        &self,
        pointer: &str,
        value: &Value,
        known: &[RuleDef],
    ) -> Result<BTreeMap<String, RuleSetting>, UserError> {
        let Some(entries) = value.as_object() else {
            return Err(self.error(pointer, "`rules` must map rule ids to settings", "not a mapping"));
        };
        let mut settings = BTreeMap::new();
        for (id, setting) in entries {
            let rule_pointer = pointer_child(pointer, id);
            let rule = known.iter().find(|rule| rule.id == *id);
            if rule.is_none() && id != SCHEMA_RULE {
                let message = if id == PARSE_ERROR {
                    "`parse-error` cannot be configured: a file that does not parse cannot be checked"
                        .to_owned()
                } else {
                    format!("unknown rule id `{id}`")
                };
                let mut error = self.key_error(&rule_pointer, &message, "unknown rule");
                if let Some(suggestion) =
                    crate::suggest::closest(id, known.iter().map(|rule| rule.id.as_str()))
                {
                    error = error.with_help(format!(
                        "did you mean `{suggestion}`? `planlint rules` lists them all"
                    ));
                } else if id != PARSE_ERROR {
                    error = error.with_help("`planlint rules` lists every rule id");
                }
                return Err(error);
            }
            settings.insert(id.clone(), self.setting(&rule_pointer, setting, rule)?);
        }
        Ok(settings)
    }

    /// `off|info|warning|error`, or `{severity, options}`.
    fn setting(
        &self,
        pointer: &str,
        value: &Value,
        rule: Option<&RuleDef>,
    ) -> Result<RuleSetting, UserError> {
        match value {
            Value::String(level) => Ok(RuleSetting {
                level: Some(self.level(pointer, level)?),
                options: Map::new(),
            }),
            Value::Object(fields) => {
                let mut setting = RuleSetting::default();
                for (key, field) in fields {
                    let field_pointer = pointer_child(pointer, key);
                    match key.as_str() {
                        "severity" => {
                            let level = field.as_str().ok_or_else(|| {
                                self.error(
                                    &field_pointer,
                                    "severity must be off, info, warning or error",
                                    "not a severity",
                                )
                            })?;
                            setting.level = Some(self.level(&field_pointer, level)?);
                        }
                        "options" => setting.options = self.options(&field_pointer, field, rule)?,
                        _ => {
                            return Err(self
                                .key_error(
                                    &field_pointer,
                                    &format!("unknown rule setting `{key}`"),
                                    "unknown key",
                                )
                                .with_help("a rule takes `severity` and `options`"))
                        }
                    }
                }
                Ok(setting)
            }
            _ => Err(self.error(
                pointer,
                "a rule setting is off, info, warning, error, or a mapping with `severity` and `options`",
                "not a rule setting",
            )),
        }
    }

    fn level(&self, pointer: &str, level: &str) -> Result<Level, UserError> {
        match level {
            "off" => Ok(Level::Off),
            other => other.parse().map(Level::On).map_err(|_| {
                self.error(
                    pointer,
                    &format!("unknown severity `{other}`: expected off, info, warning or error"),
                    "not a severity",
                )
            }),
        }
    }

    fn options(
        &self,
        pointer: &str,
        value: &Value,
        rule: Option<&RuleDef>,
    ) -> Result<Map<String, Value>, UserError> {
        let Some(given) = value.as_object() else {
            return Err(self.error(pointer, "`options` must be a mapping", "not a mapping"));
        };
        let Some(rule) = rule else {
            return Err(self.error(pointer, "this finding takes no options", "no options here"));
        };
        for (name, option_value) in given {
            let option_pointer = pointer_child(pointer, name);
            let Some(option) = rule.options.get(name) else {
                let known: Vec<&str> = rule.options.keys().map(String::as_str).collect();
                let help = if known.is_empty() {
                    format!("`{}` takes no options", rule.id)
                } else {
                    format!("`{}` takes: {}", rule.id, known.join(", "))
                };
                return Err(self
                    .key_error(
                        &option_pointer,
                        &format!("unknown option `{name}` for rule `{}`", rule.id),
                        "unknown option",
                    )
                    .with_help(help));
            };
            if !option.kind.accepts(option_value) {
                return Err(self
                    .error(
                        &option_pointer,
                        &format!(
                            "option `{name}` of `{}` must be a {}",
                            rule.id,
                            option.kind.name()
                        ),
                        &format!("expected a {}", option.kind.name()),
                    )
                    .with_help(format!("default: {}", option.default)));
            }
        }
        Ok(given.clone())
    }

    fn globs(&self, pointer: &str, value: &Value) -> Result<GlobSet, UserError> {
        let patterns: Vec<(String, &str)> = match value {
            Value::String(one) => vec![(pointer.to_owned(), one.as_str())],
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    let item_pointer = pointer_child(pointer, &index.to_string());
                    item.as_str()
                        .map(|text| (item_pointer.clone(), text))
                        .ok_or_else(|| self.error(&item_pointer, "a glob must be text", "not text"))
                })
                .collect::<Result<Vec<_>, UserError>>()?,
            _ => return Err(self.error(pointer, "expected a glob or a list of globs", "not a glob list")),
        };
        let mut builder = GlobSetBuilder::new();
        for (item_pointer, pattern) in patterns {
            let glob = Glob::new(pattern).map_err(|error| {
                self.error(
                    &item_pointer,
                    &format!("invalid glob: {}", error.kind()),
                    "invalid glob",
                )
            })?;
            builder.add(glob);
        }
        builder
            .build()
            .map_err(|error| self.error(pointer, &format!("invalid globs: {error}"), "invalid globs"))
    }
}
