//! `.planlint.yaml`: which rules run at what severity with which options,
//! and which files are plans. Every mistake in it is an error that points
//! into the file.

use crate::document::{load, pointer_child, Document, LoadLimits};
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

#[derive(Debug, Clone)]
pub struct Config {
    /// The config file, when one was found.
    pub path: Option<PathBuf>,
    /// Globs are relative to this folder.
    pub base_dir: PathBuf,
    pub preset: Preset,
    pub rules: BTreeMap<String, RuleSetting>,
    /// Files a directory walk picks up; `None` means every `*.plan.{yaml,yml,json}`.
    pub include: Option<GlobSet>,
    pub exclude: GlobSet,
    pub max_file_size: u64,
}

impl Config {
    /// No config file: every rule at its default.
    pub fn default_in(base_dir: PathBuf) -> Self {
        Config {
            path: None,
            base_dir,
            preset: Preset::default(),
            rules: BTreeMap::new(),
            include: None,
            exclude: GlobSet::empty(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }

    /// Reads and checks the config file at `path`.
    pub fn load_file(path: &Path, rules: &[RuleDef]) -> Result<Config, UserError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|error| UserError::new(format!("cannot read config file {shown}: {error}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|error| UserError::new(format!("config file {shown} is not UTF-8 text: {error}")))?;
        let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Config::parse(&shown, &text, base_dir, rules).map(|mut config| {
            config.path = Some(path.to_path_buf());
            config
        })
    }

    /// Parses config text; `shown` names the file in messages.
    pub fn parse(shown: &str, text: &str, base_dir: PathBuf, rules: &[RuleDef]) -> Result<Config, UserError> {
        let source: Arc<str> = Arc::from(text);
        let document = load(text, &LoadLimits::default())
            .map_err(|error| UserError::from_load(shown, &source, &error))?;
        let parser = Parser {
            shown,
            source: &source,
            document: &document,
        };
        let mut config = Config::default_in(base_dir);
        let Some(root) = document.value.as_object() else {
            return Err(parser.error("", "the config must be a mapping of settings", "not a mapping"));
        };
        for (key, value) in root {
            let pointer = pointer_child("", key);
            match key.as_str() {
                "extends" => config.preset = parser.preset(&pointer, value)?,
                "rules" => config.rules = parser.rules(&pointer, value, rules)?,
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
                _ => {
                    return Err(parser
                        .key_error(&pointer, &format!("unknown config key `{key}`"), "unknown key")
                        .with_help("known keys: extends, rules, include, exclude, max_file_size"));
                }
            }
        }
        Ok(config)
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

    /// `extends: strict`, or a list of presets where the last one wins.
    fn preset(&self, pointer: &str, value: &Value) -> Result<Preset, UserError> {
        let names: Vec<(String, &Value)> = match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (pointer_child(pointer, &index.to_string()), item))
                .collect(),
            other => vec![(pointer.to_owned(), other)],
        };
        let mut preset = Preset::default();
        for (item_pointer, item) in names {
            let name = item.as_str().unwrap_or_default();
            preset = Preset::parse(name).ok_or_else(|| {
                self.error(
                    &item_pointer,
                    &format!("unknown preset `{}`", crate::numbers::display_value(item)),
                    "not a preset",
                )
                .with_help(format!("presets: {}", Preset::NAMES.join(", ")))
            })?;
        }
        Ok(preset)
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
