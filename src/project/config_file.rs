//! Reading one `.planlint.yaml` with the files it extends and the packs it
//! loads. Its shape is checked by `schemas/config.schema.json` (the same
//! file editors complete from); what a schema cannot know is checked here:
//! that rule ids exist, that options suit their rule, that files exist and
//! globs compile. Every error points into the file.

use crate::document::{pointer_child, Document};
use crate::error::UserError;
use crate::finding::Finding;
use crate::lint::schema::config_schema;
use crate::lint::settings::{Level, Preset, RuleSetting};
use crate::project::config::{Config, Override};
use crate::project::containment::{Containment, Refusal};
use crate::project::paths::{absolute, describe, display_path};
use crate::project::read::load_yaml;
use crate::rule::{catalog, Entry, RuleDef};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads and checks the config file at `path`, given on the command line,
/// with the files it extends and the rule packs it loads. The user chose it,
/// so it may be anywhere; what it names must stay inside its repository.
pub fn load_config(path: &Path) -> Result<Config, UserError> {
    let containment = Containment::of_config(path)?;
    Loader::new(&containment).load(&absolute(path))
}

/// Reads a config file found above the plans: it belongs to the repository,
/// so it too must resolve inside it (a `.planlint.yaml` symlink cannot
/// point elsewhere).
pub fn load_discovered_config(path: &Path) -> Result<Config, UserError> {
    let containment = Containment::of_config(path)?;
    match containment.check(path) {
        Ok(inside) => Loader::new(&containment).load(&inside),
        Err(refusal @ (Refusal::Outside | Refusal::GitData)) => Err(UserError::new(format!(
            "config file {}",
            containment.refusal_message(&display_path(path), &refusal)
        ))
        .with_help(containment.outside_help())),
        Err(Refusal::Unreadable(error)) => Err(UserError::new(format!(
            "cannot read config file {}: {}",
            display_path(path),
            describe(&error)
        ))),
    }
}

/// How many config files one `extends` chain may pass through.
const MAX_EXTENDS_DEPTH: usize = 64;

/// Loads a config and what it extends, each file once: a file extended
/// twice (a diamond, or a chain where each file extends the next twice) is
/// read and checked the first time and reused, so the work grows with the
/// number of files, never with the number of paths through them.
struct Loader<'c> {
    containment: &'c Containment,
    /// The files being loaded, outermost first: a cycle shows here.
    stack: Vec<PathBuf>,
    loaded: HashMap<PathBuf, Config>,
}

impl<'c> Loader<'c> {
    fn new(containment: &'c Containment) -> Self {
        Loader {
            containment,
            stack: Vec::new(),
            loaded: HashMap::new(),
        }
    }

    fn load(&mut self, path: &Path) -> Result<Config, UserError> {
        let chain = |files: &[PathBuf]| {
            files
                .iter()
                .chain(std::iter::once(&path.to_path_buf()))
                .map(|file| display_path(file))
                .collect::<Vec<_>>()
                .join(" -> ")
        };
        if let Some(start) = self.stack.iter().position(|seen| seen == path) {
            return Err(UserError::new(format!(
                "config file {} extends itself: {}",
                display_path(path),
                chain(&self.stack[start..])
            )));
        }
        if self.stack.len() >= MAX_EXTENDS_DEPTH {
            return Err(UserError::new(format!(
                "config files extend each other more than {MAX_EXTENDS_DEPTH} deep: {}",
                chain(&self.stack)
            ))
            .with_help("extend a shared base directly instead of through a long chain"));
        }
        if let Some(config) = self.loaded.get(path) {
            return Ok(config.clone());
        }
        self.stack.push(path.to_path_buf());
        let loaded = load_one(path, self);
        self.stack.pop();
        let config = loaded?;
        self.loaded.insert(path.to_path_buf(), config.clone());
        Ok(config)
    }
}

/// Reads and checks one config file; `loader` loads what it extends.
fn load_one(path: &Path, loader: &mut Loader<'_>) -> Result<Config, UserError> {
    let shown = display_path(path);
    let file = load_yaml(path, "config file")?;
    let checker = Checker {
        shown: &shown,
        source: &file.source,
        document: &file.document,
    };
    if let Some(first) = config_schema().check(&file.document).into_iter().next() {
        return Err(format_error(&checker, first));
    }
    let root = file.document.value.as_object().cloned().unwrap_or_default();
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();

    // What this file extends comes first; its own settings go on top.
    let mut config = Config::default_in(base_dir.clone());
    if let Some(value) = root.get("extends") {
        extend(&checker, loader, &mut config, value, &base_dir)?;
    }
    if let Some(value) = root.get("rule_packs") {
        load_packs(&checker, loader.containment, &mut config, value, &base_dir)?;
    }
    apply_settings(&checker, &mut config, &root, &base_dir)?;
    config.path = Some(path.to_path_buf());
    config.sources.push(path.to_path_buf());
    Ok(config)
}

/// The first way the file breaks the config format, at its place.
fn format_error(checker: &Checker<'_>, first: Finding) -> UserError {
    let shown = checker.shown;
    let mut error = UserError::new(format!("{shown}: {}", first.message)).at(
        shown,
        checker.source,
        first.span,
        first.label,
    );
    let help = first.help.or_else(|| {
        first.pointer.starts_with("/extends").then(|| {
            format!(
                "presets: {}; a config file is a path like ./base.planlint.yaml",
                Preset::NAMES.join(", ")
            )
        })
    });
    if let Some(help) = help {
        error = error.with_help(help);
    }
    error
}

/// `extends:`: presets set the preset, config files are loaded under this one.
fn extend(
    checker: &Checker<'_>,
    loader: &mut Loader<'_>,
    config: &mut Config,
    value: &Value,
    base_dir: &Path,
) -> Result<(), UserError> {
    for (pointer, name) in checker.strings("/extends", value) {
        if let Some(preset) = Preset::parse(name) {
            config.settings.preset = preset;
            continue;
        }
        let file = checker.contained(loader.containment, &pointer, name, &base_dir.join(name))?;
        if !file.is_file() {
            // Only regular files are opened: a FIFO would block, a device never end.
            let (message, label) = if file.exists() {
                (
                    format!("{} is not a regular file: not read", display_path(&file)),
                    "not a file",
                )
            } else {
                (
                    format!("no such config file: {}", display_path(&file)),
                    "not found",
                )
            };
            return Err(checker.error(&pointer, &message, label));
        }
        config.absorb(loader.load(&file)?);
    }
    Ok(())
}

/// `rule_packs:`: every pack's rules, each rule pack file's mistakes
/// reported together.
fn load_packs(
    checker: &Checker<'_>,
    containment: &Containment,
    config: &mut Config,
    value: &Value,
    base_dir: &Path,
) -> Result<(), UserError> {
    let mut errors = Vec::new();
    for (pointer, entry, pack) in pack_entries(value) {
        checker.contained(containment, &pointer, entry, &base_dir.join(entry))?;
        let files = crate::project::packs::expand(base_dir, entry, containment)
            .map_err(|message| checker.error(&pointer, &message, "this rule pack"))?;
        let folder = base_dir.join(entry);
        if folder.is_dir() {
            config.sources.push(folder);
        }
        for file in files {
            config.sources.push(file.clone());
            match crate::project::packs::load_rule_file(&file, base_dir, pack) {
                Ok(rules) => add_rules(checker, config, &pointer, rules)?,
                Err(error) => errors.push(error),
            }
        }
    }
    match UserError::all(errors) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Adds one rule pack file's rules; a rule id loaded twice is an error.
fn add_rules(
    checker: &Checker<'_>,
    config: &mut Config,
    pointer: &str,
    rules: Vec<RuleDef>,
) -> Result<(), UserError> {
    for rule in rules {
        // The same file reached twice (a pack named here and in an
        // extended config) is one definition, loaded once.
        if config
            .user_rules
            .iter()
            .any(|known| known.is_same_definition(&rule))
        {
            continue;
        }
        if config.all_rules().iter().any(|known| known.id == rule.id) {
            return Err(checker.error(
                pointer,
                &format!("rule `{}` is defined twice", rule.id),
                "loaded again here",
            ));
        }
        config.user_rules.push(rule);
    }
    Ok(())
}

/// The file's own settings: rules, overrides, include, exclude, size limit.
fn apply_settings(
    checker: &Checker<'_>,
    config: &mut Config,
    root: &Map<String, Value>,
    base_dir: &Path,
) -> Result<(), UserError> {
    let known = config.all_rules();
    for (key, value) in root {
        let pointer = pointer_child("", key);
        match key.as_str() {
            "rules" => config
                .settings
                .merge_rules(&checker.rules(&pointer, value, &known)?),
            "overrides" => {
                for (index, entry) in value.as_array().into_iter().flatten().enumerate() {
                    let entry_pointer = pointer_child(&pointer, &index.to_string());
                    config
                        .overrides
                        .push(checker.override_entry(&entry_pointer, entry, &known, base_dir)?);
                }
            }
            "include" => config.include = Some(checker.globs(&pointer, value)?),
            "exclude" => config.exclude = checker.globs(&pointer, value)?,
            "max_file_size" => {
                if let Some(size) = value.as_u64() {
                    config.max_file_size = size;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The `rule_packs:` entries: their pointer, path, and the pack name the
/// config gives (`{path, pack}`); the schema has checked their shape.
fn pack_entries(value: &Value) -> Vec<(String, &str, Option<&str>)> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(index, item)| {
            let pointer = format!("/rule_packs/{index}");
            match item {
                Value::String(path) => Some((pointer, path.as_str(), None)),
                _ => Some((
                    format!("{pointer}/path"),
                    item.get("path")?.as_str()?,
                    item.get("pack").and_then(Value::as_str),
                )),
            }
        })
        .collect()
}

/// Checks what the schema cannot, producing errors with spans.
struct Checker<'a> {
    shown: &'a str,
    source: &'a Arc<str>,
    document: &'a Document,
}

impl Checker<'_> {
    fn error(&self, pointer: &str, message: &str, label: &str) -> UserError {
        let span = self.document.pointer_span(pointer);
        UserError::new(format!("{}: {message}", self.shown)).at(self.shown, self.source, span, label)
    }

    fn key_error(&self, pointer: &str, message: &str, label: &str) -> UserError {
        let span = self.document.key_or_value_span(pointer);
        UserError::new(format!("{}: {message}", self.shown)).at(self.shown, self.source, span, label)
    }

    /// `path`, named as `name` at `pointer`, when it resolves inside the
    /// repository; otherwise an error there, before anything is opened.
    fn contained(
        &self,
        containment: &Containment,
        pointer: &str,
        name: &str,
        path: &Path,
    ) -> Result<PathBuf, UserError> {
        match containment.check(path) {
            Ok(inside) => Ok(inside),
            Err(refusal @ (Refusal::Outside | Refusal::GitData)) => Err(self
                .error(pointer, &containment.refusal_message(name, &refusal), "not read")
                .with_help(containment.outside_help())),
            // Missing files are told apart by the callers, which know what they expected.
            Err(Refusal::Unreadable(_)) => Ok(absolute(path)),
        }
    }

    /// The texts of a list (or of a single text standing for a list of
    /// one), with their pointers; the schema has checked that they are text.
    fn strings<'v>(&self, pointer: &str, value: &'v Value) -> Vec<(String, &'v str)> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(index, item)| {
                    Some((pointer_child(pointer, &index.to_string()), item.as_str()?))
                })
                .collect(),
            Value::String(one) => vec![(pointer.to_owned(), one.as_str())],
            _ => Vec::new(),
        }
    }

    /// `{files: [globs], rules: {...}}`.
    fn override_entry(
        &self,
        pointer: &str,
        value: &Value,
        known: &[RuleDef],
        base_dir: &Path,
    ) -> Result<Override, UserError> {
        let rules = match value.get("rules") {
            Some(rules) => self.rules(&pointer_child(pointer, "rules"), rules, known)?,
            None => BTreeMap::new(),
        };
        let files = value.get("files").unwrap_or(&Value::Null);
        Ok(Override {
            base_dir: base_dir.to_path_buf(),
            files: self.globs(&pointer_child(pointer, "files"), files)?,
            rules,
        })
    }

    /// `rules:`: every id must name a rule or meta-rule that can be configured.
    fn rules(
        &self,
        pointer: &str,
        value: &Value,
        known: &[RuleDef],
    ) -> Result<BTreeMap<String, RuleSetting>, UserError> {
        let mut settings = BTreeMap::new();
        for (id, setting) in value.as_object().into_iter().flatten() {
            let rule_pointer = pointer_child(pointer, id);
            let Some(entry) = catalog::find(known, id) else {
                let mut error =
                    self.key_error(&rule_pointer, &format!("unknown rule id `{id}`"), "unknown rule");
                let ids = catalog::entries(known);
                error = match crate::suggest::closest(id, ids.iter().map(Entry::id)) {
                    Some(suggestion) => error.with_help(format!(
                        "did you mean `{suggestion}`? `planlint rules` lists them all"
                    )),
                    None => error.with_help("`planlint rules` lists every rule id"),
                };
                return Err(error);
            };
            if !entry.switchable() {
                return Err(self.key_error(
                    &rule_pointer,
                    &format!("`{id}` cannot be configured: it is always reported"),
                    "always on",
                ));
            }
            settings.insert(id.clone(), self.setting(&rule_pointer, setting, entry)?);
        }
        Ok(settings)
    }

    /// `off|info|warning|error`, or `{severity, options}`.
    fn setting(&self, pointer: &str, value: &Value, entry: Entry<'_>) -> Result<RuleSetting, UserError> {
        let (level, options) = match value {
            Value::String(level) => (Some(level.as_str()), None),
            _ => (
                value.get("severity").and_then(Value::as_str),
                value.get("options"),
            ),
        };
        Ok(RuleSetting {
            level: level.map(|level| match level {
                "off" => Level::Off,
                other => Level::On(other.parse().unwrap_or(entry.severity())),
            }),
            options: match options {
                Some(options) => self.options(&pointer_child(pointer, "options"), options, entry)?,
                None => Map::new(),
            },
        })
    }

    fn options(
        &self,
        pointer: &str,
        value: &Value,
        entry: Entry<'_>,
    ) -> Result<Map<String, Value>, UserError> {
        let given = value.as_object().cloned().unwrap_or_default();
        for (name, option_value) in &given {
            let option_pointer = pointer_child(pointer, name);
            let id = entry.id();
            let Some(option) = entry.options().get(name) else {
                let known: Vec<&str> = entry.options().keys().map(String::as_str).collect();
                let help = if known.is_empty() {
                    format!("`{id}` takes no options")
                } else {
                    format!("`{id}` takes: {}", known.join(", "))
                };
                return Err(self
                    .key_error(
                        &option_pointer,
                        &format!("unknown option `{name}` for rule `{id}`"),
                        "unknown option",
                    )
                    .with_help(help));
            };
            if let Some(refusal) = option.refusal(option_value) {
                let range = option.range();
                let expected = if range.is_empty() || !option.kind.accepts(option_value) {
                    format!("expected a {}", option.kind.name())
                } else {
                    format!("expected {range}")
                };
                return Err(self
                    .error(
                        &option_pointer,
                        &format!("option `{name}` of `{id}` {refusal}"),
                        &expected,
                    )
                    .with_help(format!("default: {}", option.default)));
            }
        }
        Ok(given)
    }

    fn globs(&self, pointer: &str, value: &Value) -> Result<GlobSet, UserError> {
        let mut builder = GlobSetBuilder::new();
        for (item_pointer, pattern) in self.strings(pointer, value) {
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
