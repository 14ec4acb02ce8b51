//! Severities and options for the rules, as they apply to one file: what
//! the engine is built from. Config files (`project::config`) produce it;
//! the lint stage never reads a config file itself.

use crate::finding::Severity;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

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
    pub fn merge(&mut self, later: &RuleSetting) {
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
    /// The severity `id` runs at (its default under the preset, unless the
    /// settings say otherwise); `None` when it is switched off.
    pub fn severity_of(&self, id: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(id).and_then(|setting| setting.level) {
            Some(Level::Off) => None,
            Some(Level::On(severity)) => Some(severity),
            None => Some(self.preset.severity(default)),
        }
    }

    /// `later` on top of these settings, rule by rule.
    pub fn merge_rules(&mut self, later: &BTreeMap<String, RuleSetting>) {
        for (id, setting) in later {
            self.rules.entry(id.clone()).or_default().merge(setting);
        }
    }
}
