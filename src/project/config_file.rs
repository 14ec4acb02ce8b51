//! Reading one `.planlint.yaml` with the files it extends and the packs it
//! loads. Its shape is checked by `schemas/config.schema.json` (the same
//! file editors complete from) and read into the types of `config_model`
//! section by section; what a schema cannot know is checked here: that rule
//! ids exist, that options suit their rule, that files exist and globs
//! compile. Every error points into the file, and every mistake is named in
//! the same run.

use crate::document::{pointer_child, Document};
use crate::error::UserError;
use crate::i18n::{t, Lang};
use crate::lint::schema::config_schema;
use crate::lint::settings::{Level, Preset, RuleSetting};
use crate::project::config::{Config, Override};
use crate::project::config_model::{ConfigFile, OneOrMany, OverrideFile, PackEntry, RuleSettingFile};
use crate::project::containment::{Containment, Refusal};
use crate::project::paths::{absolute, display_path, glob_problem};
use crate::project::read::{cannot_read, load_yaml, FileKind};
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
        Err(refusal @ (Refusal::Outside | Refusal::GitData)) => {
            let refusal = containment.refusal_message(&display_path(path), &refusal);
            Err(UserError::new(t!("project-config-refused", refusal = refusal))
                .with_help(containment.outside_help()))
        }
        Err(Refusal::Unreadable(error)) => Err(UserError::new(cannot_read(
            &FileKind::Config.named(&display_path(path)),
            &error,
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
            let (file, chain) = (display_path(path), chain(&self.stack[start..]));
            let message = t!("project-config-extends-itself", file = file, chain = chain);
            return Err(UserError::new(message));
        }
        if self.stack.len() >= MAX_EXTENDS_DEPTH {
            let (depth, chain) = (MAX_EXTENDS_DEPTH.to_string(), chain(&self.stack));
            let message = t!("project-config-extends-too-deep", depth = depth, chain = chain);
            return Err(UserError::new(message).with_help(t!("project-config-extends-too-deep-help")));
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

/// Reads and checks one config file; `loader` loads what it extends. Each
/// section is checked on its own and every mistake is collected, so a
/// config with several mistakes has them all named in one run.
fn load_one(path: &Path, loader: &mut Loader<'_>) -> Result<Config, UserError> {
    let shown = display_path(path);
    let file = load_yaml(path, FileKind::Config)?;
    let checker = Checker {
        shown: &shown,
        source: &file.source,
        document: &file.document,
    };
    let mut errors = Vec::new();
    let broken = checker.schema_errors(&mut errors);
    let sections = Sections::read(&file.document.value, &broken);
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();

    // What this file extends comes first; its own settings go on top.
    let mut config = Config::default_in(base_dir.clone());
    // Whether every rule this file may name was loaded: if a pack or an
    // extended file failed, an id it would define is not called unknown.
    let mut complete = broken
        .iter()
        .all(|pointer| !pointer.starts_with("/extends") && !pointer.starts_with("/rule_packs"));
    if let Some(extends) = &sections.file.extends {
        complete &= checker.extends(extends, loader, &base_dir, &mut config, &mut errors);
    }
    if let Some(packs) = &sections.file.rule_packs {
        complete &= checker.rule_packs(packs, loader.containment, &base_dir, &mut config, &mut errors);
    }
    let known = config.all_rules();
    let rules = checker.rules("/rules", &sections.rules, &known, complete, &mut errors);
    config.settings.merge_rules(&rules);
    for (index, entry) in &sections.overrides {
        let pointer = format!("/overrides/{index}");
        match checker.override_entry(&pointer, entry, &known, complete, &base_dir) {
            Ok(entry) => config.overrides.push(entry),
            Err(error) => errors.push(error),
        }
    }
    if let Some(include) = &sections.file.include {
        match checker.globs("/include", include) {
            Ok(globs) => config.include = Some(globs),
            Err(error) => errors.push(error),
        }
    }
    if let Some(exclude) = &sections.file.exclude {
        match checker.globs("/exclude", exclude) {
            Ok(globs) => config.exclude = globs,
            Err(error) => errors.push(error),
        }
    }
    if let Some(size) = sections.file.max_file_size {
        config.max_file_size = size;
    }
    if let Some(lang) = &sections.file.lang {
        config.lang = Lang::from_locale(lang);
    }
    if let Some(error) = UserError::all(errors) {
        return Err(error);
    }
    config.path = Some(path.to_path_buf());
    config.sources.push(path.to_path_buf());
    Ok(config)
}

/// A config file read into its types, leaving out every part the schema
/// refused (its mistakes are reported already): the other parts are still
/// checked, so one mistake never hides another.
struct Sections {
    /// The sections read whole (`rules` and `overrides` are read per entry).
    file: ConfigFile,
    rules: BTreeMap<String, RuleSettingFile>,
    /// Each readable `overrides:` entry, by its index.
    overrides: Vec<(usize, OverrideFile)>,
}

impl Sections {
    fn read(root: &Value, broken: &[String]) -> Sections {
        let clean = |pointer: &str| {
            broken.iter().all(|bad| {
                bad != pointer
                    && !bad.starts_with(&format!("{pointer}/"))
                    && !pointer.starts_with(&format!("{bad}/"))
            })
        };
        fn typed<T: serde::de::DeserializeOwned>(value: Option<&Value>) -> Option<T> {
            serde_json::from_value(value?.clone()).ok()
        }
        let section = |key: &str| root.get(key).filter(|_| clean(&format!("/{key}")));
        let file = ConfigFile {
            extends: typed(section("extends")),
            rule_packs: typed(section("rule_packs")),
            rules: None,
            overrides: None,
            include: typed(section("include")),
            exclude: typed(section("exclude")),
            max_file_size: typed(section("max_file_size")),
            lang: typed(section("lang")),
        };
        let entries = |key: &str| {
            root.get(key).filter(|_| {
                !broken
                    .iter()
                    .any(|bad| bad.is_empty() || *bad == format!("/{key}"))
            })
        };
        let rules = entries("rules")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(id, _)| clean(&pointer_child("/rules", id)))
            .filter_map(|(id, setting)| Some((id.clone(), typed(Some(setting))?)))
            .collect();
        let overrides = entries("overrides")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(index, _)| clean(&format!("/overrides/{index}")))
            .filter_map(|(index, entry)| Some((index, typed(Some(entry))?)))
            .collect();
        Sections {
            file,
            rules,
            overrides,
        }
    }
}

/// Checks what the schema cannot, producing errors with spans.
struct Checker<'a> {
    shown: &'a str,
    source: &'a Arc<str>,
    document: &'a Document,
}

impl Checker<'_> {
    fn error(&self, pointer: &str, message: &str, label: String) -> UserError {
        let span = self.document.pointer_span(pointer);
        UserError::new(format!("{}: {message}", self.shown)).at(self.shown, self.source, span, label)
    }

    fn key_error(&self, pointer: &str, message: &str, label: String) -> UserError {
        let span = self.document.key_or_value_span(pointer);
        UserError::new(format!("{}: {message}", self.shown)).at(self.shown, self.source, span, label)
    }

    /// Every place the config schema refuses, as errors pushed to
    /// `errors`; returns their pointers.
    fn schema_errors(&self, errors: &mut Vec<UserError>) -> Vec<String> {
        let mut broken = Vec::new();
        for finding in config_schema().check(self.document) {
            let mut error = UserError::new(format!("{}: {}", self.shown, finding.message)).at(
                self.shown,
                self.source,
                finding.span,
                finding.label,
            );
            let help = finding.help.as_deref().map(str::to_owned).or_else(|| {
                finding.pointer.starts_with("/extends").then(|| {
                    let presets = Preset::NAMES.join(&t!("project-list-separator"));
                    t!("project-extends-help", presets = presets)
                })
            });
            if let Some(help) = help {
                error = error.with_help(help);
            }
            errors.push(error);
            broken.push(finding.pointer);
        }
        broken
    }

    /// `extends:`: presets and config files, applied in order. Returns
    /// whether every file named was loaded.
    fn extends(
        &self,
        extends: &OneOrMany,
        loader: &mut Loader<'_>,
        base_dir: &Path,
        config: &mut Config,
        errors: &mut Vec<UserError>,
    ) -> bool {
        let mut complete = true;
        for (index, name) in extends.items() {
            let pointer = index.map_or_else(|| "/extends".to_owned(), |index| format!("/extends/{index}"));
            if let Some(preset) = Preset::parse(name) {
                config.settings.preset = preset;
                continue;
            }
            match self.extended_file(loader.containment, &pointer, name, base_dir) {
                Ok(file) => match loader.load(&file) {
                    Ok(extended) => config.absorb(extended),
                    Err(error) => {
                        errors.push(error);
                        complete = false;
                    }
                },
                Err(error) => {
                    errors.push(error);
                    complete = false;
                }
            }
        }
        complete
    }

    /// The config file `name` (at `pointer`) extends, when it is a regular
    /// file inside the repository.
    fn extended_file(
        &self,
        containment: &Containment,
        pointer: &str,
        name: &str,
        base_dir: &Path,
    ) -> Result<PathBuf, UserError> {
        let file = self.contained(containment, pointer, name, &base_dir.join(name))?;
        if file.is_file() {
            return Ok(file);
        }
        // Only regular files are opened: a FIFO would block, a device never end.
        let shown = display_path(&file);
        let (message, label) = if file.exists() {
            (
                t!("project-extends-not-regular", file = shown),
                t!("project-extends-not-regular-label"),
            )
        } else {
            (
                t!("project-extends-missing", file = shown),
                t!("project-extends-missing-label"),
            )
        };
        Err(self.error(pointer, &message, label))
    }

    /// `rule_packs:`: each pack's rule files, loaded into `config`.
    /// Returns whether every pack loaded.
    fn rule_packs(
        &self,
        packs: &[PackEntry],
        containment: &Containment,
        base_dir: &Path,
        config: &mut Config,
        errors: &mut Vec<UserError>,
    ) -> bool {
        let before = errors.len();
        for (index, entry) in packs.iter().enumerate() {
            let pointer = entry.path_pointer(&format!("/rule_packs/{index}"));
            if let Err(error) = self.rule_pack(&pointer, entry, containment, base_dir, config, errors) {
                errors.push(error);
            }
        }
        errors.len() == before
    }

    /// One pack: an error that stops it is returned; a rule file that does
    /// not load is pushed to `errors` and the pack's other files still load.
    fn rule_pack(
        &self,
        pointer: &str,
        entry: &PackEntry,
        containment: &Containment,
        base_dir: &Path,
        config: &mut Config,
        errors: &mut Vec<UserError>,
    ) -> Result<(), UserError> {
        let name = entry.path();
        self.contained(containment, pointer, name, &base_dir.join(name))?;
        let files = crate::project::packs::expand(base_dir, name, containment)
            .map_err(|message| self.error(pointer, &message, t!("project-rule-pack-label")))?;
        let folder = base_dir.join(name);
        if folder.is_dir() {
            config.sources.push(folder);
        }
        // Each id known so far, with the file that defines it: a pack of
        // thousands of rules is checked against it in one pass each.
        let mut known: HashMap<String, Option<String>> = crate::rule::registry::builtin()
            .iter()
            .chain(&config.user_rules)
            .map(|rule| (rule.id.clone(), rule.defined_in().map(str::to_owned)))
            .collect();
        for file in files {
            config.sources.push(file.clone());
            let rules = match crate::project::packs::load_rule_file(&file, base_dir, entry.pack()) {
                Ok(rules) => rules,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            };
            for rule in rules {
                match known.get(&rule.id) {
                    // The same file reached twice (a pack named here and in
                    // an extended config) is one definition, loaded once.
                    Some(file) if file.as_deref() == rule.defined_in() => continue,
                    Some(_) => {
                        let message = t!("project-rule-defined-twice", rule = rule.id.as_str());
                        return Err(self.error(pointer, &message, t!("project-rule-defined-twice-label")));
                    }
                    None => {}
                }
                known.insert(rule.id.clone(), rule.defined_in().map(str::to_owned));
                config.user_rules.push(rule);
            }
        }
        Ok(())
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
                .error(
                    pointer,
                    &containment.refusal_message(name, &refusal),
                    t!("project-not-read-label"),
                )
                .with_help(containment.outside_help())),
            // Missing files are told apart by the callers, which know what they expected.
            Err(Refusal::Unreadable(_)) => Ok(absolute(path)),
        }
    }

    /// `{files: [globs], rules: {...}}`.
    fn override_entry(
        &self,
        pointer: &str,
        entry: &OverrideFile,
        known: &[RuleDef],
        complete: bool,
        base_dir: &Path,
    ) -> Result<Override, UserError> {
        let mut errors = Vec::new();
        let rules = entry.rules.as_ref().map_or_else(BTreeMap::new, |rules| {
            self.rules(
                &pointer_child(pointer, "rules"),
                rules,
                known,
                complete,
                &mut errors,
            )
        });
        let files = self.globs(&pointer_child(pointer, "files"), &entry.files);
        match (files, UserError::all(errors)) {
            (Ok(files), None) => Ok(Override {
                base_dir: base_dir.to_path_buf(),
                files,
                rules,
            }),
            (Ok(_), Some(error)) => Err(error),
            (Err(error), more) => Err(UserError::all(std::iter::once(error).chain(more).collect())
                .unwrap_or_else(|| UserError::new(t!("project-invalid-override")))),
        }
    }

    /// `rules:`: every id must name a rule or meta-rule that can be
    /// configured; each setting that cannot be used is pushed to `errors`.
    fn rules(
        &self,
        pointer: &str,
        rules: &BTreeMap<String, RuleSettingFile>,
        known: &[RuleDef],
        complete: bool,
        errors: &mut Vec<UserError>,
    ) -> BTreeMap<String, RuleSetting> {
        let mut settings = BTreeMap::new();
        for (id, setting) in rules {
            let rule_pointer = pointer_child(pointer, id);
            let Some(entry) = catalog::find(known, id) else {
                if complete {
                    errors.push(self.unknown_rule(&rule_pointer, id, known));
                }
                continue;
            };
            if !entry.switchable() {
                errors.push(self.key_error(
                    &rule_pointer,
                    &t!("project-rule-always-on", rule = id.as_str()),
                    t!("project-rule-always-on-label"),
                ));
                continue;
            }
            match self.setting(&rule_pointer, setting, entry) {
                Ok(setting) => {
                    settings.insert(id.clone(), setting);
                }
                Err(error) => errors.push(error),
            }
        }
        settings
    }

    fn unknown_rule(&self, pointer: &str, id: &str, known: &[RuleDef]) -> UserError {
        let message = t!("project-unknown-rule", rule = id);
        let error = self.key_error(pointer, &message, t!("project-unknown-rule-label"));
        let ids = catalog::entries(known);
        match crate::suggest::closest(id, ids.iter().map(Entry::id)) {
            Some(suggestion) => error.with_help(t!("project-unknown-rule-did-you-mean", rule = suggestion)),
            None => error.with_help(t!("project-unknown-rule-help")),
        }
    }

    /// `off|info|warning|error`, or `{severity, options}`.
    fn setting(
        &self,
        pointer: &str,
        setting: &RuleSettingFile,
        entry: Entry<'_>,
    ) -> Result<RuleSetting, UserError> {
        Ok(RuleSetting {
            level: setting.level().map(|level| match level {
                "off" => Level::Off,
                other => Level::On(other.parse().unwrap_or(entry.severity())),
            }),
            options: match setting.options() {
                Some(options) => self.options(&pointer_child(pointer, "options"), options, entry)?,
                None => Map::new(),
            },
        })
    }

    /// A rule's options: every unknown option and every value out of its
    /// range is an error.
    fn options(
        &self,
        pointer: &str,
        given: &Map<String, Value>,
        entry: Entry<'_>,
    ) -> Result<Map<String, Value>, UserError> {
        let errors: Vec<UserError> = given
            .iter()
            .filter_map(|(name, value)| self.option_error(&pointer_child(pointer, name), name, value, entry))
            .collect();
        match UserError::all(errors) {
            Some(error) => Err(error),
            None => Ok(given.clone()),
        }
    }

    fn option_error(&self, pointer: &str, name: &str, value: &Value, entry: Entry<'_>) -> Option<UserError> {
        let id = entry.id();
        let Some(option) = entry.options().get(name) else {
            let known: Vec<&str> = entry.options().keys().map(String::as_str).collect();
            let help = if known.is_empty() {
                t!("project-option-none", rule = id)
            } else {
                let options = known.join(&t!("project-list-separator"));
                t!("project-option-list", rule = id, options = options)
            };
            let message = t!("project-option-unknown", option = name, rule = id);
            return Some(
                self.key_error(pointer, &message, t!("project-option-unknown-label"))
                    .with_help(help),
            );
        };
        let refusal = option.refusal(value)?;
        let range = option.range();
        let expected = if range.is_empty() || !option.kind.accepts(value) {
            t!("project-option-expected-kind", kind = option.kind.as_expected())
        } else {
            t!("project-option-expected-range", range = range)
        };
        let message = t!("project-option-refused", option = name, rule = id, why = refusal);
        let default = option.default.to_string();
        Some(
            self.error(pointer, &message, expected)
                .with_help(t!("project-option-default", default = default)),
        )
    }

    /// Globs relative to the config's folder; every invalid one is named.
    fn globs(&self, pointer: &str, patterns: &[String]) -> Result<GlobSet, UserError> {
        let mut builder = GlobSetBuilder::new();
        let mut errors = Vec::new();
        for (index, pattern) in patterns.iter().enumerate() {
            match Glob::new(pattern) {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(error) => errors.push(self.error(
                    &pointer_child(pointer, &index.to_string()),
                    &t!("project-invalid-glob", reason = glob_problem(error.kind())),
                    t!("project-invalid-glob-label"),
                )),
            }
        }
        if let Some(error) = UserError::all(errors) {
            return Err(error);
        }
        builder.build().map_err(|error| {
            let message = t!("project-invalid-globs", reason = error.to_string());
            self.error(pointer, &message, t!("project-invalid-globs-label"))
        })
    }
}
