//! The pipeline for one file: load -> schema -> derive -> rules -> findings.
//! The CLI and the language server both call [`Linter::lint`].

use crate::document::Lookup;
use crate::document::{decode, load_named, Document, LoadError, LoadLimits, Span};
use crate::error::UserError;
use crate::finding::{FileReport, Finding, Related, Severity};
use crate::i18n::t;
use crate::lint::analysis::{Analysis, LoadedPlan};
use crate::lint::canonical_form;
use crate::lint::compile::{compile_rule, CompiledRule};
use crate::lint::flow_numbers;
use crate::lint::functions::{CelCache, Context};
use crate::lint::normalize::Normalized;
use crate::lint::rule_metrics::RuleMetrics;
use crate::lint::run::{could_not_check, run_rule};
use crate::lint::scalar_text;
use crate::lint::schema;
use crate::lint::settings::Settings;
use crate::lint::suppress::SuppressionLevels;
use crate::rule::meta::{
    INVALID_SUPPRESSION, NON_CANONICAL_VALUE, PARSE_ERROR, RULE_ERROR, SCHEMA, UNUSED_SUPPRESSION,
};
use crate::rule::RuleDef;
use rayon::prelude::*;
use std::sync::Arc;

/// Checks plans. Built once per run from the rules and the config, then
/// shared by all threads.
pub struct Linter {
    rules: Vec<CompiledRule>,
    /// Severity of schema findings; `None` when switched off.
    schema_severity: Option<Severity>,
    /// Severity of values read exactly but written in a person's way.
    non_canonical_severity: Option<Severity>,
    /// Severities of findings about suppression comments.
    suppression_levels: SuppressionLevels,
    /// Every rule id that may be named in a suppression, sorted.
    known_ids: Vec<String>,
    limits: LoadLimits,
}

impl Linter {
    /// Compiles `rules` with the severities and options of `settings`.
    /// Fails on a bad JSONPath, regex, CEL expression or function options,
    /// pointing into the rule's file when it is a user's.
    pub fn new(rules: &[RuleDef], settings: &Settings) -> Result<Linter, UserError> {
        let mut compiled = Vec::new();
        let mut errors = Vec::new();
        for rule in rules {
            let Some(severity) = settings.severity_of(&rule.id, rule.severity) else {
                continue;
            };
            let mut options = rule.default_options();
            if let Some(setting) = settings.rules.get(&rule.id) {
                for (name, value) in &setting.options {
                    let value = match rule.options.get(name) {
                        Some(option) => option.configured(value),
                        None => value.clone(),
                    };
                    options.insert(name.clone(), value);
                }
            }
            match compile_rule(rule, severity, &options) {
                Ok(rule) => compiled.push(rule),
                Err(found) => errors.extend(found.into_iter().map(|error| error.into_user_error(rule))),
            }
        }
        if let Some(error) = UserError::all(errors) {
            return Err(error);
        }
        let meta_severity = |id: &str| {
            let default = crate::rule::meta::find(id).map_or(Severity::Error, |meta| meta.severity);
            settings.severity_of(id, default)
        };
        Ok(Linter {
            rules: compiled,
            schema_severity: meta_severity(SCHEMA),
            non_canonical_severity: meta_severity(NON_CANONICAL_VALUE),
            suppression_levels: SuppressionLevels {
                invalid: meta_severity(INVALID_SUPPRESSION),
                unused: meta_severity(UNUSED_SUPPRESSION),
            },
            known_ids: known_ids(rules),
            limits: LoadLimits::default(),
        })
    }

    /// A linter that runs only `rule`, with default options and no schema:
    /// what a rule's own examples are checked with.
    pub fn for_rule(rule: &RuleDef) -> Result<Linter, UserError> {
        let options = rule.default_options();
        let compiled = compile_rule(rule, rule.severity, &options).map_err(|errors| {
            let errors = errors
                .into_iter()
                .map(|error| error.into_user_error(rule))
                .collect();
            UserError::all(errors).unwrap_or_else(|| UserError::new(t!("lint-rules-does-not-compile")))
        })?;
        Ok(Linter {
            rules: vec![compiled],
            schema_severity: None,
            non_canonical_severity: None,
            suppression_levels: SuppressionLevels {
                invalid: None,
                unused: None,
            },
            known_ids: known_ids(std::slice::from_ref(rule)),
            limits: LoadLimits::default(),
        })
    }

    /// This linter, loading plans within `limits`.
    pub fn with_load_limits(self, limits: LoadLimits) -> Linter {
        Linter { limits, ..self }
    }

    /// Whether no check of any rule selects a node of `document`: what
    /// explains a failing example that never fires.
    pub fn selects_nothing(&self, document: &Document) -> bool {
        self.rules
            .iter()
            .flat_map(|rule| &rule.checks)
            .flat_map(|check| &check.paths)
            .all(|path| !path.selects_any(&document.value))
    }

    /// The severity rule or meta-rule `id` reports at in this linter;
    /// `None` when it is switched off or unknown.
    pub fn severity_of(&self, id: &str) -> Option<Severity> {
        match id {
            PARSE_ERROR | RULE_ERROR => Some(Severity::Error),
            SCHEMA => self.schema_severity,
            NON_CANONICAL_VALUE => self.non_canonical_severity,
            INVALID_SUPPRESSION => self.suppression_levels.invalid,
            UNUSED_SUPPRESSION => self.suppression_levels.unused,
            _ => self
                .rules
                .iter()
                .find(|rule| rule.id == id)
                .map(|rule| rule.severity),
        }
    }

    /// The number option `name` of rule `id` as this linter runs it; `None`
    /// when the rule is off, unknown or has no such number.
    pub fn number_option(&self, id: &str, name: &str) -> Option<f64> {
        self.rules
            .iter()
            .find(|rule| rule.id == id)?
            .options
            .get(name)?
            .as_f64()
    }

    /// Checks a file's raw bytes (not yet known to be UTF-8).
    pub fn lint_bytes(&self, path: &str, bytes: &[u8]) -> FileReport {
        self.analyze_bytes(path, bytes).into_report()
    }

    /// Checks one plan given its text; its findings only.
    pub fn lint(&self, path: &str, text: &str) -> FileReport {
        self.analyze(path, text).into_report()
    }

    /// Analyses a file's raw bytes (not yet known to be UTF-8).
    pub fn analyze_bytes(&self, path: &str, bytes: &[u8]) -> Analysis {
        match decode(bytes) {
            Ok(text) => self.analyze(path, text),
            Err(error) => {
                // Show what can be shown: the text up to the bad byte.
                let readable = String::from_utf8_lossy(bytes);
                let mut finding = parse_error(&error, "");
                // The text before the bad byte is unchanged; the bad byte is
                // a U+FFFD (3 bytes) in what is shown: underline all of it.
                let start = finding.span.start.min(readable.len());
                let width = readable.get(start..).and_then(|rest| rest.chars().next());
                finding.span = Span::new(start, start + width.map_or(0, char::len_utf8));
                Analysis {
                    report: FileReport {
                        path: path.to_owned(),
                        source: Arc::from(readable.as_ref()),
                        findings: vec![finding],
                        reread: None,
                    },
                    plan: None,
                }
            }
        }
    }

    /// Analyses one plan given its text: the single entry point of the
    /// pipeline (load -> normalize -> derive -> schema and rules).
    pub fn analyze(&self, path: &str, text: &str) -> Analysis {
        self.analyze_loaded(path, text, load_named(path, text, &self.limits))
    }

    /// [`Linter::analyze`] of `text`, an edit of the text `previous` was
    /// made of: an edit inside one plain value of a YAML plan takes the
    /// previous document with that value read again instead of a parse
    /// (see [`Document::after_value_edit`]); any other edit is loaded.
    pub fn analyze_edited(&self, path: &str, text: &str, previous: &Analysis) -> Analysis {
        let edited = previous
            .plan
            .as_ref()
            .filter(|_| !crate::document::is_json_name(path))
            .and_then(|plan| plan.document.after_value_edit(&previous.report.source, text));
        match edited {
            Some(document) => self.analyze_loaded(path, text, Ok(document)),
            None => self.analyze(path, text),
        }
    }

    fn analyze_loaded(&self, path: &str, text: &str, loaded: Result<Document, LoadError>) -> Analysis {
        let (findings, plan) = match loaded {
            Ok(document) => {
                let plan = LoadedPlan::of(document);
                let findings = self.check_plan(&plan, text);
                let active = |id: &str| {
                    id == SCHEMA || id == NON_CANONICAL_VALUE || self.rules.iter().any(|rule| rule.id == id)
                };
                let findings = crate::lint::suppress::apply(
                    findings,
                    text,
                    &plan.document,
                    &self.known_ids,
                    &active,
                    self.suppression_levels,
                );
                (findings, Some(plan))
            }
            Err(error) => (vec![parse_error(&error, text)], None),
        };
        Analysis {
            report: FileReport {
                path: path.to_owned(),
                source: Arc::from(text),
                findings,
                reread: None,
            },
            plan,
        }
    }

    /// Schema and rule findings for a loaded plan (whose source is
    /// `text`), sorted by place.
    fn check_plan(&self, plan: &LoadedPlan, text: &str) -> Vec<Finding> {
        // The schema and each rule read the document independently: on a
        // large plan they share the cores (rayon runs them inline when the
        // other threads are busy with other files). A small plan is checked
        // faster than the work could be handed out.
        let parallel = plan.document.len() >= PARALLEL_FROM_NODES;
        let (mut findings, rule_findings) = if parallel {
            rayon::join(
                || self.schema_findings(&plan.document, &plan.normalized, text),
                || self.rule_findings(plan, true),
            )
        } else {
            (
                self.schema_findings(&plan.document, &plan.normalized, text),
                self.rule_findings(plan, false),
            )
        };
        // One allocation of the exact size: no doubling, no copy left behind.
        findings.reserve_exact(rule_findings.iter().map(Vec::len).sum());
        for found in rule_findings {
            findings.extend(found);
        }
        one_finding_per_unreadable_value(&mut findings, &plan.normalized);
        // A fix written through an alias or a merge key would edit the
        // anchored text, and so every other place that uses it.
        for finding in findings.iter_mut().filter(|finding| finding.fix.is_some()) {
            if plan.document.is_shared(&finding.pointer) {
                finding.fix = None;
                let note = t!("lint-rules-shared-anchor");
                finding.help = Some(match finding.help.take() {
                    Some(help) => t!("lint-rules-help-then-note", help = &*help, note = note).into(),
                    None => note.into(),
                });
            }
        }
        crate::finding::sort_by_place(&mut findings);
        findings.dedup();
        findings
    }

    /// The schema's findings on the plan as read (a value written in a
    /// person's way is checked as the value it was read as), and one
    /// finding of form per such value, with the plain form as its fix.
    fn schema_findings(&self, document: &Document, normalized: &Normalized, text: &str) -> Vec<Finding> {
        let mut findings = Vec::new();
        if let Some(severity) = self.schema_severity {
            // The plan format checks the values as read (`"¥3,200"` is the
            // amount 3200); a value that could not be read stays as written.
            let mut found: Vec<Finding> = schema::check(normalized.meant(&document.value), document);
            found.extend(unknown_empty_fields(
                document,
                normalized.written(&document.value),
            ));
            for finding in &mut found {
                finding.severity = severity;
                let written = text.get(finding.span.start..finding.span.end).unwrap_or_default();
                match normalized.reading(&finding.pointer) {
                    Some(reading) if reading.canonical.is_none() => {
                        canonical_form::explain_unreadable(finding, reading, document, written);
                    }
                    _ => keep_quoting(finding, written),
                }
                flow_numbers::explain_schema_finding(finding, document);
            }
            found.extend(flow_numbers::decimal_point_doubts(document, text, severity));
            // One finding per value that could not be read, however many
            // schema keywords it breaks.
            found.dedup_by(|a, b| a.pointer == b.pointer && normalized.reading(&a.pointer).is_some());
            findings.extend(found);
        }
        if let Some(severity) = self.non_canonical_severity {
            let mut forms: Vec<Finding> = normalized
                .readings
                .iter()
                .filter_map(|reading| canonical_form::finding(reading, document, text, severity))
                .collect();
            for finding in &mut forms {
                flow_numbers::explain_schema_finding(finding, document);
            }
            // Numbers split at their commas inside `{...}` that no finding
            // names yet (a text field, where the joined text is meant).
            let named: Vec<&Finding> = findings.iter().chain(&forms).collect();
            let splits = flow_numbers::findings(document, text, &named, severity);
            forms.extend(splits);
            findings.extend(forms);
        }
        findings
    }

    /// Each rule's findings, in rule order.
    fn rule_findings(&self, loaded: &LoadedPlan, parallel: bool) -> Vec<Vec<Finding>> {
        let plan = loaded.meant();
        let document = &loaded.document;
        let normalized = &loaded.normalized;
        // Rules are about plans, and a plan is a mapping: for anything else
        // the schema's "must be a mapping" is the one useful finding.
        if !plan.is_object() {
            return Vec::new();
        }
        let metrics = RuleMetrics::new(&loaded.metrics);
        let cel = CelCache::default();
        let context = Context {
            plan,
            metrics: &metrics,
            cel: &cel,
            normalized,
        };
        let findings_of = |rule: &CompiledRule| {
            let mut findings = Vec::new();
            run_rule(rule, plan, document, context, &mut findings);
            findings
        };
        if parallel {
            self.rules.par_iter().map(findings_of).collect()
        } else {
            self.rules.iter().map(findings_of).collect()
        }
    }
}

/// Unknown fields left empty (`dealine:`, `{note: a, b}` read as a field
/// `b`): an empty value is dropped before the schema reads the plan, and
/// with it the key the schema would have called unknown. Found by reading
/// the plan as loaded: a finding underlining the key of a node that was
/// dropped is such a field (a known field left empty is only missing).
fn unknown_empty_fields(document: &Document, written: &serde_json::Value) -> Vec<Finding> {
    if std::ptr::eq(written, &document.value) {
        return Vec::new();
    }
    schema::check(&document.value, document)
        .into_iter()
        .filter(|finding| {
            written.lookup(&finding.pointer).is_none()
                && document.spans(&finding.pointer).and_then(|spans| spans.key) == Some(finding.span)
        })
        .collect()
}

/// A value that could not be read ("ASAP" for a deadline) and that a rule
/// names in its own words ("goal `g` has no deadline") needs no second and
/// third word: the plan format's finding and the "could not check it" of
/// other rules at the same place are dropped.
fn one_finding_per_unreadable_value(findings: &mut Vec<Finding>, normalized: &Normalized) {
    let could_not_check = could_not_check();
    let echo = |finding: &Finding| finding.rule == SCHEMA || finding.label == could_not_check;
    let named: Vec<String> = findings
        .iter()
        .filter(|finding| !echo(finding) && finding.rule != NON_CANONICAL_VALUE)
        .filter(|finding| {
            normalized
                .reading(&finding.pointer)
                .is_some_and(|reading| reading.canonical.is_none())
        })
        .map(|finding| finding.pointer.clone())
        .collect();
    if !named.is_empty() {
        findings.retain(|finding| !(echo(finding) && named.contains(&finding.pointer)));
    }
}

/// A schema fix names the value to write; write it quoted as the scalar
/// it replaces is, or drop the fix when that cannot be done in place.
fn keep_quoting(finding: &mut Finding, written: &str) {
    finding.fix = finding.fix.take().and_then(|mut fix| {
        let meant = serde_json::Value::String(std::mem::take(&mut fix.replacement));
        fix.replacement = scalar_text::replacement(written, &meant)?;
        Some(fix)
    });
}

/// Documents with at least this many nodes are checked on several threads.
const PARALLEL_FROM_NODES: usize = 20_000;

/// Ids a suppression may name: the rules given and the schema.
fn known_ids(rules: &[RuleDef]) -> Vec<String> {
    let mut ids: Vec<String> = rules.iter().map(|rule| rule.id.clone()).collect();
    ids.push(SCHEMA.to_owned());
    ids.push(NON_CANONICAL_VALUE.to_owned());
    ids.sort();
    ids
}

/// A file that does not parse (its text is `text`): one finding, at the
/// line where the writer went wrong when the mistake is a common one.
fn parse_error(error: &LoadError, text: &str) -> Finding {
    let explained = crate::lint::syntax_help::explain(text, error);
    Finding {
        rule: PARSE_ERROR.into(),
        severity: Severity::Error,
        message: explained.message,
        help: explained.help.map(Arc::from),
        pointer: String::new(),
        span: explained.span,
        label: explained.label,
        related: error
            .related
            .iter()
            .map(|label| Related {
                span: label.span,
                message: crate::lint::syntax_help::plain_words(&label.message),
            })
            .collect(),
        fix: None,
        choices: Vec::new(),
        remedies: Vec::new(),
    }
}
