//! One view of everything a finding can be: the rules (built-in and from
//! packs) and the meta-rules. `explain`, `rules`, the docs, SARIF's rule
//! list and the config all read entries from here.

use crate::finding::Severity;
use crate::i18n::t;
use crate::rule::meta::{MetaRule, META_RULES};
use crate::rule::registry::docs_url;
use crate::rule::{OptionDef, RuleDef};
use std::collections::BTreeMap;

/// A rule or a meta-rule.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    Rule(&'a RuleDef),
    Meta(&'static MetaRule),
}

/// Every entry: the meta-rules and `rules`, sorted by id.
pub fn entries(rules: &[RuleDef]) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry<'_>> = META_RULES
        .iter()
        .map(Entry::Meta)
        .chain(rules.iter().map(Entry::Rule))
        .collect();
    entries.sort_by(|a, b| a.id().cmp(b.id()));
    entries
}

/// The entry with this id among the meta-rules and `rules`.
pub fn find<'a>(rules: &'a [RuleDef], id: &str) -> Option<Entry<'a>> {
    entry(id, rules.iter().find(|rule| rule.id == id))
}

/// Like [`find`], with the rule `id` already looked up (or none found).
pub fn entry<'a>(id: &str, rule: Option<&'a RuleDef>) -> Option<Entry<'a>> {
    crate::rule::meta::find(id)
        .map(Entry::Meta)
        .or_else(|| rule.map(Entry::Rule))
}

/// A severity as `explain`, `rules` and the rules page say it, in the
/// run's language (`error`, `错误`).
pub fn severity_word(severity: Severity) -> String {
    match severity {
        Severity::Error => t!("rule-severity-error"),
        Severity::Warning => t!("rule-severity-warning"),
        Severity::Info => t!("rule-severity-info"),
    }
}

/// No options: what a meta-rule takes.
static NO_OPTIONS: BTreeMap<String, OptionDef> = BTreeMap::new();

impl<'a> Entry<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Entry::Rule(rule) => &rule.id,
            Entry::Meta(meta) => meta.id,
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Entry::Rule(rule) => rule.severity,
            Entry::Meta(meta) => meta.severity,
        }
    }

    /// One line; a pack rule without a `summary` shows its message.
    pub fn summary(&self) -> &'a str {
        match self {
            Entry::Rule(rule) if rule.summary.trim().is_empty() => rule.message.trim(),
            Entry::Rule(rule) => &rule.summary,
            Entry::Meta(meta) => meta.summary.get(),
        }
    }

    pub fn why(&self) -> &'a str {
        match self {
            Entry::Rule(rule) => rule.why.trim(),
            Entry::Meta(meta) => meta.why.get(),
        }
    }

    pub fn source(&self) -> &'a str {
        match self {
            Entry::Rule(rule) => rule.source.trim(),
            Entry::Meta(meta) => meta.source.get(),
        }
    }

    pub fn help(&self) -> Option<&'a str> {
        match self {
            Entry::Rule(rule) => rule.help.as_deref(),
            Entry::Meta(_) => None,
        }
    }

    pub fn options(&self) -> &'a BTreeMap<String, OptionDef> {
        match self {
            Entry::Rule(rule) => &rule.options,
            Entry::Meta(_) => &NO_OPTIONS,
        }
    }

    /// Plans that make it fire, and plans that do not.
    pub fn examples(&self) -> (Vec<&'a str>, Vec<&'a str>) {
        match self {
            Entry::Rule(rule) => (
                rule.examples.fails.iter().map(String::as_str).collect(),
                rule.examples.passes.iter().map(String::as_str).collect(),
            ),
            Entry::Meta(meta) => (vec![meta.fails], vec![meta.passes]),
        }
    }

    /// The pack rule a meta-rule's examples are checked with, if any.
    pub fn example_rule(&self) -> Option<&'static str> {
        match self {
            Entry::Rule(_) => None,
            Entry::Meta(meta) => meta.with_rule,
        }
    }

    /// Whether the config may switch it off or change its severity.
    pub fn switchable(&self) -> bool {
        match self {
            Entry::Rule(_) => true,
            Entry::Meta(meta) => meta.switchable,
        }
    }

    /// Its documentation: planlint's own for built-in and meta-rules; a
    /// pack's own `docs_url` for its rules (none when it gives none).
    pub fn docs_url(&self) -> Option<String> {
        match self {
            Entry::Rule(rule) => match &rule.origin {
                Some(origin) => origin.docs_url.clone(),
                None => Some(docs_url(self.id())),
            },
            Entry::Meta(_) => Some(docs_url(self.id())),
        }
    }

    /// Where a pack's rule is defined (`acme/rules.yaml`); `None` otherwise.
    pub fn defined_in(&self) -> Option<&'a str> {
        match self {
            Entry::Rule(rule) => rule.origin.as_deref().map(|origin| origin.path.as_str()),
            Entry::Meta(_) => None,
        }
    }
}
