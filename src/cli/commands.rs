//! The commands besides `check`: `rules`, `explain`, `metrics`,
//! `test-rules` and `init`.

use super::{current_dir, exit, print_stdout, MetricsFormat, RulesFormat};
use crate::error::UserError;
use crate::finding::Severity;
use crate::i18n::t;
use crate::output;
use crate::project::config::Config;
use crate::project::paths::{describe, display_path};
use crate::project::read::{load_yaml, parse_yaml, read_limited, ReadError, DEFAULT_MAX_FILE_SIZE};
use crate::rule::{catalog, Entry};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

/// The config in effect: `--config`, else the nearest one, else defaults.
fn load_config(explicit: Option<&Path>) -> Result<Arc<Config>, UserError> {
    let cwd = current_dir()?;
    super::configs(explicit, &cwd)?.for_path(&cwd)
}

pub(super) fn rules(format: RulesFormat) -> Result<i32, UserError> {
    let rules = load_config(None)?.all_rules();
    let entries = catalog::entries(&rules);
    let text = match format {
        RulesFormat::Human => {
            let width = entries.iter().map(|entry| entry.id().len()).max().unwrap_or(0);
            entries
                .iter()
                .map(|entry| {
                    let meta = if matches!(entry, Entry::Meta(_)) {
                        t!("cli-rules-meta")
                    } else {
                        String::new()
                    };
                    format!(
                        "{:width$}  {:7}  {}{meta}\n",
                        entry.id(),
                        severity_label(entry.severity()),
                        entry.summary()
                    )
                })
                .collect()
        }
        RulesFormat::Markdown => crate::rule::docs::rules_markdown(&entries),
        RulesFormat::Json => {
            let list: Vec<_> = entries
                .iter()
                .map(|entry| {
                    let options: serde_json::Map<String, serde_json::Value> = entry
                        .options()
                        .iter()
                        .map(|(name, option)| (name.clone(), option.default.clone()))
                        .collect();
                    serde_json::json!({
                        "id": entry.id(),
                        "kind": if matches!(entry, Entry::Meta(_)) { "meta" } else { "rule" },
                        "severity": entry.severity(),
                        "summary": entry.summary(),
                        "switchable": entry.switchable(),
                        "options": options,
                        "docs": entry.docs_url(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
    };
    print_stdout(&text);
    Ok(exit::CLEAN)
}

/// A severity as the `rules` table shows it, in the language of the run.
fn severity_label(severity: Severity) -> String {
    match severity {
        Severity::Error => t!("cli-severity-error"),
        Severity::Warning => t!("cli-severity-warning"),
        Severity::Info => t!("cli-severity-info"),
    }
}

pub(super) fn explain(id: &str) -> Result<i32, UserError> {
    let rules = load_config(None)?.all_rules();
    let Some(entry) = catalog::find(&rules, id) else {
        let mut error = UserError::new(t!("cli-unknown-rule", id = id));
        let entries = catalog::entries(&rules);
        error = match crate::suggest::closest(id, entries.iter().map(Entry::id)) {
            Some(suggestion) => error.with_help(t!("cli-unknown-rule-did-you-mean", suggestion = suggestion)),
            None => error.with_help(t!("cli-unknown-rule-help")),
        };
        return Err(error);
    };
    print_stdout(&crate::rule::explain::render(entry));
    Ok(exit::CLEAN)
}

pub(super) fn metrics(
    file: &Path,
    format: MetricsFormat,
    sets: &[String],
    config: Option<&Path>,
) -> Result<i32, UserError> {
    let plan = if file == Path::new("-") {
        let bytes =
            read_limited(io::stdin().lock(), DEFAULT_MAX_FILE_SIZE, None).map_err(|error| match error {
                ReadError::Io(error) => UserError::new(t!("cli-stdin-unreadable", error = describe(&error))),
                ReadError::TooBig(_) => {
                    UserError::new(t!("cli-stdin-too-big", limit = DEFAULT_MAX_FILE_SIZE.to_string()))
                }
                // Only files are refused by kind; stdin is read as it comes.
                ReadError::Refused(reason) => {
                    UserError::new(t!("cli-stdin-refused", reason = reason.to_string()))
                }
            })?;
        parse_yaml("<stdin>".to_owned(), &bytes)?
    } else {
        crate::project::containment::check_named_link(file)?;
        load_yaml(file, crate::project::read::FileKind::Plan)?
    };
    if !sets.is_empty() {
        return super::what_if::run(&plan, format, sets, config);
    }
    // The same analysis of the plan as the rules': text numbers count.
    let plan = crate::lint::LoadedPlan::of(plan.document);
    let derived = &plan.metrics;
    let currency = plan.text_field("currency");
    let unread = super::plan_view::unread_values(&plan.normalized, &plan.document.value);
    let mut out = Vec::new();
    let written = match format {
        MetricsFormat::Human => output::metrics::write_table(derived, currency, &unread, &mut out),
        MetricsFormat::Json => output::metrics::write_json(derived, currency, &unread, &mut out),
    };
    written.map_err(|error| UserError::new(t!("cli-metrics-unrenderable", error = error.to_string())))?;
    print_stdout(&String::from_utf8_lossy(&out));
    Ok(exit::CLEAN)
}

pub(super) fn test_rules(config: Option<&Path>, all: bool) -> Result<i32, UserError> {
    let config = load_config(config)?;
    let rules = if all {
        config.all_rules()
    } else {
        config.user_rules.clone()
    };
    let mut out = String::new();
    let mut failed = 0;
    let mut untested = Vec::new();
    for rule in &rules {
        let outcome = crate::lint::selftest::run_examples(rule);
        if outcome.problems.is_empty() {
            let line = if outcome.untested {
                t!("cli-test-rules-ok-untested", rule = rule.id.as_str())
            } else {
                t!("cli-test-rules-ok", rule = rule.id.as_str())
            };
            out.push_str(&format!("{line}\n"));
        } else {
            failed += 1;
            let line = t!("cli-test-rules-failed", rule = rule.id.as_str());
            out.push_str(&format!("{line}\n"));
            for problem in outcome.problems {
                out.push_str(&format!("        {problem}\n"));
            }
        }
        if outcome.untested {
            untested.push(rule.id.as_str());
        }
    }
    if !untested.is_empty() {
        let rules = untested.join(&t!("cli-list-separator"));
        out.push_str(&format!("{}\n", t!("cli-test-rules-untested", rules = rules)));
    }
    let passed = rules.len() - failed;
    let total = t!("cli-test-rules-total", passed = passed, failed = failed);
    out.push_str(&format!("{total}\n"));
    print_stdout(&out);
    Ok(if failed == 0 { exit::CLEAN } else { exit::FINDINGS })
}

/// The starter plan `planlint init` writes.
const INIT_TEMPLATE: &str = include_str!("init.plan.yaml");
/// The same plan, commented in Chinese, with Chinese channels and CNY.
const INIT_TEMPLATE_ZH: &str = include_str!("init.zh.plan.yaml");

/// The starter plan in the language of the run.
fn init_template() -> &'static str {
    match crate::i18n::language() {
        crate::i18n::Lang::En => INIT_TEMPLATE,
        crate::i18n::Lang::Zh => INIT_TEMPLATE_ZH,
    }
}

/// The schemas `planlint schema` writes, by file name.
const SCHEMAS: &[(&str, &str)] = &[
    ("plan.schema.json", crate::lint::schema::PLAN_SCHEMA),
    ("config.schema.json", crate::lint::schema::CONFIG_SCHEMA),
    ("rule.schema.json", crate::lint::schema::RULE_SCHEMA),
    (
        "report.schema.json",
        include_str!("../../schemas/report.schema.json"),
    ),
];

/// `planlint schema DIR`: the schemas, for editors that work offline.
pub(super) fn schema(dir: &Path) -> Result<i32, UserError> {
    let shown = display_path(dir);
    super::rewrite::create_owned_folder(dir, &super::current_dir()?)?;
    for (name, text) in SCHEMAS {
        super::rewrite::write_owned_file(&dir.join(name), text.as_bytes())?;
    }
    let written = t!("cli-schema-written", count = SCHEMAS.len(), dir = shown.as_str());
    print_stdout(&format!(
        "{written}\n# yaml-language-server: $schema=./{shown}/plan.schema.json\n"
    ));
    Ok(exit::CLEAN)
}

/// The YAML language server's modeline for the schema this release publishes.
fn schema_modeline() -> String {
    let url = crate::lint::schema::published_url("plan.schema.json");
    format!("# yaml-language-server: $schema={url}\n")
}

/// `planlint init`: no modeline unless asked, since with planlint's server
/// and the YAML extension both on, every schema problem would show twice.
pub(super) fn init(file: &Path, with_modeline: bool) -> Result<i32, UserError> {
    let shown = display_path(file);
    // Only for its `lang:`: a config that cannot be read is `check`'s to
    // report, and the template does not depend on it.
    if let Ok(cwd) = current_dir() {
        let _ = super::configs(None, &cwd);
    }
    let template = init_template();
    // A `.json` name gets JSON: a YAML template there would not parse, and
    // JSON has no comment to carry a modeline.
    let template = if crate::document::is_json_name(&file.to_string_lossy()) {
        super::init_json::template_as_json(template)
            .ok_or_else(|| UserError::new(t!("cli-init-json-internal")))?
    } else if with_modeline {
        format!("{}{}", schema_modeline(), template)
    } else {
        template.to_owned()
    };
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .and_then(|mut handle| handle.write_all(template.as_bytes()));
    match created {
        Ok(()) => {
            print_stdout(&format!("{}\n", t!("cli-init-written", file = shown.as_str())));
            Ok(exit::CLEAN)
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            Err(UserError::new(t!("cli-init-exists", file = shown.as_str()))
                .with_help(t!("cli-init-exists-help")))
        }
        Err(error) => Err(super::cannot_write(&shown, &error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modeline `init --schema-modeline` writes points at the schema this
    /// release publishes; the template itself has none.
    #[test]
    fn the_init_modeline_points_at_the_published_schema() {
        let url = crate::lint::schema::published_url("plan.schema.json");
        assert_eq!(
            schema_modeline(),
            format!("# yaml-language-server: $schema={url}\n")
        );
        assert!(!INIT_TEMPLATE.contains("yaml-language-server"));
        assert!(!INIT_TEMPLATE_ZH.contains("yaml-language-server"));
    }

    /// The JSON starter plan is strict JSON holding the YAML template's data.
    #[test]
    fn the_json_template_is_the_yaml_template_as_json() {
        for template in [INIT_TEMPLATE, INIT_TEMPLATE_ZH] {
            let json = super::super::init_json::template_as_json(template).unwrap();
            let limits = crate::document::LoadLimits::default();
            let from_json = crate::document::load_json(&json, &limits).unwrap();
            let from_yaml = crate::document::load(template, &limits).unwrap();
            assert_eq!(from_json.value, from_yaml.value);
            assert!(json.starts_with("{\n  \"version\": 1,\n  \"name\": "), "{json}");
        }
    }

    #[test]
    fn every_shipped_schema_is_written() {
        let names: Vec<&str> = SCHEMAS.iter().map(|(name, _)| *name).collect();
        let mut shipped: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        shipped.sort();
        let mut written: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
        written.sort();
        assert_eq!(written, shipped);
    }
}
