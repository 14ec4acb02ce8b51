//! The pipeline for one file: load -> schema -> derive -> rules -> findings.
//! The CLI and the language server both call [`Linter::lint`].

use crate::config::{Level, Settings};
use crate::derive::derive;
use crate::document::{decode, load, push_pointer, Document, LoadError, LoadLimits, Span};
use crate::error::UserError;
use crate::finding::{FileReport, Finding, Related, Severity};
use crate::functions::{self, CelCache, Check, Context, LazyPointer, Target, Violation};
use crate::registry::PARSE_ERROR;
use crate::rule::{option_reference, RuleDef};
use crate::schema::{self, display_path, SCHEMA_RULE};
use crate::suppress::SuppressionLevels;
use rayon::prelude::*;
use serde_json::{Map, Value};
use serde_json_path::JsonPath;
use std::sync::Arc;

/// A rule ready to run: options resolved, paths parsed, functions compiled.
struct CompiledRule {
    id: String,
    severity: Severity,
    /// Rule option values, available to message templates.
    option_vars: Vec<(String, String)>,
    checks: Vec<CompiledCheck>,
}

struct CompiledCheck {
    paths: Vec<JsonPath>,
    field: Option<String>,
    function: Box<dyn Check>,
    message: String,
    help: Option<String>,
}

/// Checks plans. Built once per run from the rules and the config, then
/// shared by all threads.
pub struct Linter {
    rules: Vec<CompiledRule>,
    /// Severity of schema findings; `None` when switched off.
    schema_severity: Option<Severity>,
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
        for rule in rules {
            let setting = settings.rules.get(&rule.id);
            let severity = match setting.and_then(|s| s.level) {
                Some(Level::Off) => continue,
                Some(Level::On(severity)) => severity,
                None => settings.preset.severity(rule.severity),
            };
            let mut options = rule.default_options();
            if let Some(setting) = setting {
                options.extend(setting.options.clone());
            }
            compiled
                .push(compile_rule(rule, severity, &options).map_err(|error| error.into_user_error(rule))?);
        }
        let level = |id: &str, default: Severity| match settings.rules.get(id).and_then(|s| s.level) {
            Some(Level::Off) => None,
            Some(Level::On(severity)) => Some(severity),
            None => Some(settings.preset.severity(default)),
        };
        Ok(Linter {
            rules: compiled,
            schema_severity: level(SCHEMA_RULE, Severity::Error),
            suppression_levels: SuppressionLevels {
                invalid: level(crate::suppress::INVALID_SUPPRESSION, Severity::Warning),
                unused: level(crate::suppress::UNUSED_SUPPRESSION, Severity::Warning),
            },
            known_ids: known_ids(rules),
            limits: LoadLimits::default(),
        })
    }

    /// A linter that runs only `rule`, with default options and no schema:
    /// what a rule's own examples are checked with.
    pub fn for_rule(rule: &RuleDef) -> Result<Linter, UserError> {
        let options = rule.default_options();
        let compiled =
            compile_rule(rule, rule.severity, &options).map_err(|error| error.into_user_error(rule))?;
        Ok(Linter {
            rules: vec![compiled],
            schema_severity: None,
            suppression_levels: SuppressionLevels {
                invalid: None,
                unused: None,
            },
            known_ids: known_ids(std::slice::from_ref(rule)),
            limits: LoadLimits::default(),
        })
    }

    /// The rules that will run, with their configured severities.
    pub fn active_rules(&self) -> impl Iterator<Item = (&str, Severity)> {
        self.rules.iter().map(|rule| (rule.id.as_str(), rule.severity))
    }

    /// The severity of schema findings, `None` when they are switched off.
    pub fn schema_severity(&self) -> Option<Severity> {
        self.schema_severity
    }

    /// Checks a file's raw bytes (not yet known to be UTF-8).
    pub fn lint_bytes(&self, path: &str, bytes: &[u8]) -> FileReport {
        match decode(bytes) {
            Ok(text) => self.lint(path, text),
            Err(error) => {
                // Show what can be shown: the text up to the bad byte.
                let readable = String::from_utf8_lossy(bytes);
                let mut finding = parse_error(&error);
                // The text before the bad byte is unchanged; the bad byte is
                // a U+FFFD (3 bytes) in what is shown: underline all of it.
                let start = finding.span.start.min(readable.len());
                let width = readable.get(start..).and_then(|rest| rest.chars().next());
                finding.span = Span::new(start, start + width.map_or(0, char::len_utf8));
                FileReport {
                    path: path.to_owned(),
                    source: Arc::from(readable.as_ref()),
                    findings: vec![finding],
                }
            }
        }
    }

    /// Checks one plan given its text: the single entry point of the pipeline.
    pub fn lint(&self, path: &str, text: &str) -> FileReport {
        let findings = match load(text, &self.limits) {
            Ok(document) => {
                let findings = self.check_document(&document);
                let active = |id: &str| id == SCHEMA_RULE || self.rules.iter().any(|rule| rule.id == id);
                crate::suppress::apply(findings, text, &self.known_ids, &active, self.suppression_levels)
            }
            Err(error) => vec![parse_error(&error)],
        };
        FileReport {
            path: path.to_owned(),
            source: Arc::from(text),
            findings,
        }
    }

    /// Schema and rule findings for a loaded document, sorted by place.
    pub fn check_document(&self, document: &Document) -> Vec<Finding> {
        // The schema and each rule read the document independently: on a
        // large plan they share the cores (rayon runs them inline when the
        // other threads are busy with other files). A small plan is checked
        // faster than the work could be handed out.
        let parallel = document.len() >= PARALLEL_FROM_NODES;
        let (mut findings, rule_findings) = if parallel {
            rayon::join(
                || self.schema_findings(document),
                || self.rule_findings(document, true),
            )
        } else {
            (
                self.schema_findings(document),
                self.rule_findings(document, false),
            )
        };
        findings.extend(rule_findings.into_iter().flatten());
        crate::finding::sort_by_place(&mut findings);
        findings.dedup();
        findings
    }

    fn schema_findings(&self, document: &Document) -> Vec<Finding> {
        let Some(severity) = self.schema_severity else {
            return Vec::new();
        };
        schema::check(document)
            .into_iter()
            .map(|finding| Finding { severity, ..finding })
            .collect()
    }

    /// Each rule's findings, in rule order.
    fn rule_findings(&self, document: &Document, parallel: bool) -> Vec<Vec<Finding>> {
        // Rules are about plans, and a plan is a mapping: for anything else
        // the schema's "must be a mapping" is the one useful finding.
        if !document.value.is_object() {
            return Vec::new();
        }
        let metrics = derive(&document.value).to_value();
        let cel = CelCache::default();
        let context = Context {
            plan: &document.value,
            metrics: &metrics,
            cel: &cel,
        };
        let findings_of = |rule: &CompiledRule| {
            let mut findings = Vec::new();
            run_rule(rule, document, context, &mut findings);
            findings
        };
        if parallel {
            self.rules.par_iter().map(findings_of).collect()
        } else {
            self.rules.iter().map(findings_of).collect()
        }
    }
}

/// Documents with at least this many nodes are checked on several threads.
const PARALLEL_FROM_NODES: usize = 20_000;

/// Ids a suppression may name: the rules given and the schema.
fn known_ids(rules: &[RuleDef]) -> Vec<String> {
    let mut ids: Vec<String> = rules.iter().map(|rule| rule.id.clone()).collect();
    ids.push(SCHEMA_RULE.to_owned());
    ids.sort();
    ids
}

/// `field` (`deadline`, or dotted `test.revenue`) of `node`, if it is there.
fn field_value<'a>(node: &'a Value, field: &str) -> Option<&'a Value> {
    field.split('.').try_fold(node, |value, key| value.get(key))
}

/// The pointer of `field` below the node at `node_pointer`, whether or not
/// it is there.
fn field_pointer(node_pointer: &str, field: &str) -> String {
    let mut pointer = node_pointer.to_owned();
    for key in field.split('.') {
        push_pointer(&mut pointer, key);
    }
    pointer
}

/// `value` with every `$options.NAME` string, at any depth, replaced by the
/// configured option value.
fn resolve_options(value: &Value, options: &Map<String, Value>) -> Value {
    match value {
        Value::String(_) => option_reference(value)
            .and_then(|name| options.get(name))
            .unwrap_or(value)
            .clone(),
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| resolve_options(item, options)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, item)| (key.clone(), resolve_options(item, options)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Puts configured option values into a JSONPath: in
/// `$.channels[?@.budget > $options.test_threshold]` the option becomes a
/// JSON literal, which is also a JSONPath literal.
fn substitute_options(path: &str, options: &Map<String, Value>) -> Result<String, String> {
    const MARK: &str = "$options.";
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(start) = rest.find(MARK) {
        out.push_str(&rest[..start]);
        let after = &rest[start + MARK.len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..end];
        let value = options
            .get(name)
            .ok_or_else(|| format!("`{path}` uses unknown option `{name}`"))?;
        if !(value.is_number() || value.is_string() || value.is_boolean()) {
            return Err(format!(
                "option `{name}` cannot be used in a JSONPath: it is not a single value"
            ));
        }
        out.push_str(&value.to_string());
        rest = &after[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A file that does not parse: one finding at the parser's position.
fn parse_error(error: &LoadError) -> Finding {
    Finding {
        rule: PARSE_ERROR.into(),
        severity: Severity::Error,
        message: error.message.clone(),
        help: None,
        pointer: String::new(),
        span: error.span,
        label: error.label.clone(),
        related: error
            .related
            .iter()
            .map(|label| Related {
                span: label.span,
                message: label.message.clone(),
            })
            .collect(),
    }
}

/// Why a rule could not be compiled, and where in its definition.
struct CompileError {
    /// Pointer into the rule's YAML document.
    pointer: String,
    message: String,
}

impl CompileError {
    fn into_user_error(self, rule: &RuleDef) -> UserError {
        match &rule.origin {
            Some(origin) => UserError::new(format!("{}: rule `{}`: {}", origin.path, rule.id, self.message))
                .at(
                    &origin.path,
                    &origin.source,
                    origin.document.pointer_span(&self.pointer),
                    "here",
                ),
            None => UserError::new(format!(
                "internal error in planlint's rule `{}`: {}",
                rule.id, self.message
            )),
        }
    }
}

fn compile_rule(
    rule: &RuleDef,
    severity: Severity,
    options: &Map<String, Value>,
) -> Result<CompiledRule, CompileError> {
    let several = rule.check.as_slice().len() > 1 || matches!(rule.check, crate::rule::OneOrMany::Many(_));
    let checks = rule
        .check
        .as_slice()
        .iter()
        .enumerate()
        .map(|(index, check)| {
            let check_pointer = if several {
                format!("/check/{index}")
            } else {
                "/check".to_owned()
            };
            let (given, given_pointer) = match &check.given {
                Some(given) => (given.as_slice(), format!("{check_pointer}/given")),
                None => (
                    rule.given.as_ref().map(|g| g.as_slice()).unwrap_or_default(),
                    "/given".to_owned(),
                ),
            };
            let paths = given
                .iter()
                .map(|path| {
                    let invalid = |message: String| CompileError {
                        pointer: given_pointer.clone(),
                        message,
                    };
                    let path = substitute_options(path, options).map_err(invalid)?;
                    JsonPath::parse(&path).map_err(|error| CompileError {
                        pointer: given_pointer.clone(),
                        message: format!("invalid JSONPath `{path}`: {error}"),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            // `$options.NAME` arguments take the configured option value.
            let arguments: Map<String, Value> = check
                .options
                .iter()
                .map(|(key, value)| (key.clone(), resolve_options(value, options)))
                .collect();
            let function = functions::compile(&check.function, &arguments).map_err(|error| CompileError {
                pointer: if error.unknown_function {
                    format!("{check_pointer}/function")
                } else {
                    format!("{check_pointer}/options")
                },
                message: format!("function `{}`: {}", check.function, error.message),
            })?;
            Ok(CompiledCheck {
                paths,
                field: check.field.clone(),
                function,
                message: check.message.clone().unwrap_or_else(|| rule.message.clone()),
                help: check.help.clone().or_else(|| rule.help.clone()),
            })
        })
        .collect::<Result<Vec<_>, CompileError>>()?;
    let option_vars = options
        .iter()
        .map(|(name, value)| (name.clone(), crate::numbers::display_value(value)))
        .collect();
    Ok(CompiledRule {
        id: rule.id.clone(),
        severity,
        option_vars,
        checks,
    })
}

fn run_rule(rule: &CompiledRule, document: &Document, context: Context<'_>, out: &mut Vec<Finding>) {
    let mut violations = Vec::new();
    for check in &rule.checks {
        for path in &check.paths {
            for located in path.query_located(&document.value) {
                let node = located.node();
                let field = check.field.as_deref();
                let value = match field {
                    // A field of something that is not a mapping is the schema's business.
                    Some(_) if !node.is_object() => continue,
                    Some(field) => field_value(node, field),
                    None => Some(node),
                };
                let make_node_pointer = || located.location().to_json_pointer();
                let node_pointer = LazyPointer::new(&make_node_pointer);
                let make_pointer = || match field {
                    Some(field) => field_pointer(node_pointer.get(), field),
                    None => node_pointer.get().to_owned(),
                };
                let pointer = LazyPointer::new(&make_pointer);
                violations.clear();
                check
                    .function
                    .run(Target::new(&pointer, value), context, &mut violations);
                for violation in violations.drain(..) {
                    out.push(finding(
                        rule,
                        check,
                        document,
                        node,
                        node_pointer.get(),
                        pointer.get(),
                        value.is_none(),
                        violation,
                    ));
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finding(
    rule: &CompiledRule,
    check: &CompiledCheck,
    document: &Document,
    node: &Value,
    node_pointer: &str,
    target_pointer: &str,
    target_missing: bool,
    violation: Violation,
) -> Finding {
    // A missing field is reported at the mapping that lacks it, so the
    // pointer always names a node that exists.
    let (pointer, label) = match (violation.pointer.clone(), &check.field) {
        (Some(pointer), _) => (pointer, "here".to_owned()),
        (None, Some(field)) if target_missing => (node_pointer.to_owned(), format!("no `{field}` here")),
        (None, _) => (target_pointer.to_owned(), "here".to_owned()),
    };
    let template = Template {
        plan: &document.value,
        rule,
        check,
        node,
        node_pointer,
        violation: &violation,
    };
    Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: template.render(&check.message),
        help: check.help.as_deref().map(|help| template.render(help)),
        span: document.pointer_span(&pointer),
        pointer,
        label,
        related: Vec::new(),
    }
}

/// Fills `{name}` placeholders: the function's values first, then the
/// rule's options, then `label` (the node's id or name) and `field`, then the
/// selected node's own scalar fields (dotted paths allowed), then the plan's
/// (`{currency}`). Unknown names stay as written.
struct Template<'a> {
    plan: &'a Value,
    rule: &'a CompiledRule,
    check: &'a CompiledCheck,
    node: &'a Value,
    node_pointer: &'a str,
    violation: &'a Violation,
}

impl Template<'_> {
    fn lookup(&self, name: &str) -> Option<String> {
        let find = |vars: &[(String, String)]| {
            vars.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        if let Some(value) = find(&self.violation.vars).or_else(|| find(&self.rule.option_vars)) {
            return Some(value);
        }
        let scalar = |root: &Value| {
            name.split('.')
                .try_fold(root, |node, key| node.get(key))
                .filter(|value| !value.is_object() && !value.is_array())
                .map(crate::numbers::display_value)
        };
        match name {
            "label" => Some(node_label(self.node, self.node_pointer)),
            "field" => self.check.field.clone(),
            // Money reads "60,000 CNY" when the plan names its currency, "60,000" when not.
            "currency" => Some(scalar(self.plan).unwrap_or_default()),
            _ => scalar(self.node).or_else(|| scalar(self.plan)),
        }
    }

    fn render(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) if is_placeholder(&after[..close]) => {
                    let name = &after[..close];
                    match self.lookup(name) {
                        // An empty value (a plan without `currency`) takes its space with it.
                        Some(value) if value.is_empty() => {
                            if out.ends_with(' ') {
                                out.pop();
                            }
                        }
                        Some(value) => out.push_str(&value),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

fn is_placeholder(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// How a node is named in messages: its `id`, else its `name`, else its path.
fn node_label(node: &Value, pointer: &str) -> String {
    ["id", "name"]
        .iter()
        .find_map(|key| node.get(key).and_then(Value::as_str))
        .map(str::to_owned)
        .unwrap_or_else(|| display_path(pointer).trim_matches('`').to_owned())
}
