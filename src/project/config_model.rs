//! The shape of a `.planlint.yaml`, as types: what `schemas/config.schema.json`
//! describes for editors, read into structs that the loader checks section
//! by section. A test holds the two together (every schema property is a
//! field here and every field is allowed by the schema).
//!
//! Each section is read on its own, and each entry of `rules` and
//! `overrides` too, so one mistake never hides the next: the loader reports
//! every one of them in one run.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A whole config file. Unknown keys are refused (the schema says so too).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<OneOrMany>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_packs: Option<Vec<PackEntry>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<BTreeMap<String, RuleSettingFile>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Vec<OverrideFile>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_size: Option<u64>,
    /// The language of planlint's texts: `en` or `zh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// `extends: strict` or `extends: [strict, ./base.planlint.yaml]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    /// Each name with its index in the list (`None` for a single text).
    pub fn items(&self) -> Vec<(Option<usize>, &str)> {
        match self {
            OneOrMany::One(name) => vec![(None, name.as_str())],
            OneOrMany::Many(names) => names
                .iter()
                .enumerate()
                .map(|(index, name)| (Some(index), name.as_str()))
                .collect(),
        }
    }
}

/// A `rule_packs:` entry: a path, or `{path, pack}` naming the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PackEntry {
    Path(String),
    Named {
        path: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pack: Option<String>,
    },
}

impl PackEntry {
    pub fn path(&self) -> &str {
        match self {
            PackEntry::Path(path) | PackEntry::Named { path, .. } => path,
        }
    }

    pub fn pack(&self) -> Option<&str> {
        match self {
            PackEntry::Path(_) => None,
            PackEntry::Named { pack, .. } => pack.as_deref(),
        }
    }

    /// Where its path is written, under the entry at `pointer`.
    pub fn path_pointer(&self, pointer: &str) -> String {
        match self {
            PackEntry::Path(_) => pointer.to_owned(),
            PackEntry::Named { .. } => format!("{pointer}/path"),
        }
    }
}

/// How one rule is configured: `warning`, or `{severity, options}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RuleSettingFile {
    Level(String),
    Full {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        severity: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        options: Option<Map<String, Value>>,
    },
}

impl RuleSettingFile {
    pub fn level(&self) -> Option<&str> {
        match self {
            RuleSettingFile::Level(level) => Some(level),
            RuleSettingFile::Full { severity, .. } => severity.as_deref(),
        }
    }

    pub fn options(&self) -> Option<&Map<String, Value>> {
        match self {
            RuleSettingFile::Level(_) => None,
            RuleSettingFile::Full { options, .. } => options.as_ref(),
        }
    }
}

/// An `overrides:` entry: rules for the files its globs match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideFile {
    pub files: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<BTreeMap<String, RuleSettingFile>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The sections of a config file, by key.
    const SECTIONS: &[&str] = &[
        "extends",
        "rule_packs",
        "rules",
        "overrides",
        "include",
        "exclude",
        "max_file_size",
        "lang",
    ];

    fn schema() -> Value {
        serde_json::from_str(crate::lint::schema::CONFIG_SCHEMA).unwrap()
    }

    /// Every property the schema describes is a section here, in order.
    #[test]
    fn the_schema_names_exactly_the_sections() {
        let schema = schema();
        let properties: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted_sections = SECTIONS.to_vec();
        sorted_sections.sort_unstable();
        let mut sorted_properties = properties.clone();
        sorted_properties.sort_unstable();
        assert_eq!(sorted_properties, sorted_sections);
        assert_eq!(schema["additionalProperties"], json!(false));
    }

    /// Every example the schema gives reads into the types.
    #[test]
    fn every_schema_example_reads_into_the_types() {
        let schema = schema();
        for (key, property) in schema["properties"].as_object().unwrap() {
            for example in property["examples"].as_array().into_iter().flatten() {
                let file = json!({ key: example });
                let read: Result<ConfigFile, _> = serde_json::from_value(file.clone());
                assert!(read.is_ok(), "{file}: {read:?}");
            }
        }
    }

    /// A config with every field set, written back, is valid by the
    /// schema: the types allow nothing the schema refuses.
    #[test]
    fn every_field_is_allowed_by_the_schema() {
        let full = ConfigFile {
            extends: Some(OneOrMany::Many(vec![
                "strict".into(),
                "./base.planlint.yaml".into(),
            ])),
            rule_packs: Some(vec![
                PackEntry::Path("acme".into()),
                PackEntry::Named {
                    path: "house.yaml".into(),
                    pack: Some("house".into()),
                },
            ]),
            rules: Some(BTreeMap::from([
                ("vague-goal".into(), RuleSettingFile::Level("off".into())),
                (
                    "too-many-goals".into(),
                    RuleSettingFile::Full {
                        severity: Some("warning".into()),
                        options: Some(Map::from_iter([("max".into(), json!(7))])),
                    },
                ),
            ])),
            overrides: Some(vec![OverrideFile {
                files: vec!["plans/pilots/**".into()],
                rules: Some(BTreeMap::from([(
                    "vague-goal".into(),
                    RuleSettingFile::Level("info".into()),
                )])),
            }]),
            include: Some(vec!["plans/**/*.plan.yaml".into()]),
            exclude: Some(vec!["plans/archive/**".into()]),
            max_file_size: Some(1_000_000),
            lang: Some("zh".to_owned()),
        };
        let value = serde_json::to_value(&full).unwrap();
        assert_eq!(value.as_object().unwrap().len(), SECTIONS.len());
        let violations = crate::lint::schema::config_schema().violations(&value);
        assert!(violations.is_empty(), "{violations:?}");
        assert_eq!(serde_json::from_value::<ConfigFile>(value).unwrap(), full);
    }
}
