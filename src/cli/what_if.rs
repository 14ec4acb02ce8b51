//! `planlint metrics PLAN --set KEY=VALUE ...`: the plan as it is and as it
//! would be with the settings, compared as `planlint diff` compares two
//! versions (numbers before and after, findings resolved and introduced).

use super::plan_view::view_of;
use super::{current_dir, exit, print_stdout, MetricsFormat};
use crate::document::Lookup;
use crate::error::UserError;
use crate::i18n::t;
use crate::lint::what_if;
use crate::output::diff::{diff, write, DiffFormat};
use crate::project::config_set::Linters;
use crate::project::read::YamlFile;
use std::path::Path;

pub(super) fn run(
    plan: &YamlFile,
    format: MetricsFormat,
    sets: &[String],
    config: Option<&Path>,
) -> Result<i32, UserError> {
    let written = &plan.document.value;
    let settings = sets
        .iter()
        .map(|argument| {
            what_if::parse(written, argument)
                .map_err(|error| UserError::new(error.message).with_help(error.help))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let changed = what_if::apply(written, &settings);
    let cwd = current_dir()?;
    let linters = Linters::new(super::configs(config, &cwd)?);
    let shown = plan.shown.clone();
    let (linter, _) = linters.for_path(Path::new(&shown))?;
    let views = match edited_text(plan, &settings) {
        // Every setting replaces a value the plan writes: the text is
        // edited there, so lines and everything else stay as written.
        Some(text) => [
            view_of(&linter, &shown, plan.source.as_bytes())?,
            view_of(&linter, &shown, text.as_bytes())?,
        ],
        // A setting adds a field: both versions are read the same way (as
        // JSON), so that only the settings differ between them.
        None => {
            let as_json = Path::new(&shown)
                .with_extension("json")
                .to_string_lossy()
                .into_owned();
            let json = |version: &serde_json::Value| -> Result<_, UserError> {
                let bytes = serde_json::to_vec_pretty(version).map_err(|error| {
                    UserError::new(t!("cli-what-if-unwritable", error = error.to_string()))
                })?;
                let mut view = view_of(&linter, &as_json, &bytes)?;
                view.report.path = shown.clone();
                in_the_written_text(plan, &mut view.report);
                Ok(view)
            };
            [json(written)?, json(&changed)?]
        }
    };
    let described: Vec<String> = settings
        .iter()
        .map(|setting| {
            format!(
                "{}={}",
                setting.key,
                crate::numbers::display_value(&setting.value)
            )
        })
        .collect();
    let settings = described.join(&t!("cli-list-separator"));
    let new_label = t!("cli-what-if-label", plan = shown.as_str(), settings = settings);
    let changes = diff(&views[0], &views[1], &shown, &new_label);
    let diff_format = match format {
        MetricsFormat::Human => DiffFormat::Human,
        MetricsFormat::Json => DiffFormat::Json,
    };
    let mut out = Vec::new();
    write(diff_format, &changes, &mut out)
        .map_err(|error| UserError::new(t!("cli-what-if-unrenderable", error = error.to_string())))?;
    print_stdout(&String::from_utf8_lossy(&out));
    Ok(exit::CLEAN)
}

/// The plan's text with each setting written over the value it replaces;
/// `None` when a setting names a field the plan does not write.
fn edited_text(plan: &YamlFile, settings: &[what_if::Setting]) -> Option<String> {
    let value = &plan.document.value;
    let fixes = settings
        .iter()
        .map(|setting| {
            let current = value.lookup(&setting.pointer)?;
            if current.is_object() || current.is_array() {
                return None;
            }
            Some(crate::finding::Fix {
                title: setting.key.clone(),
                span: plan.document.pointer_span(&setting.pointer),
                // A quoted string reads the same in YAML and JSON.
                replacement: setting.value.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let (text, applied) = crate::finding::fix::apply(&plan.source, &fixes);
    (applied == fixes.len()).then_some(text)
}

/// Places the findings of the plan read as JSON in the plan as written, by
/// their pointers (a field the settings added: where its section is), so
/// that lines and columns are the file's.
fn in_the_written_text(plan: &YamlFile, report: &mut crate::finding::FileReport) {
    for finding in &mut report.findings {
        finding.span = plan.document.pointer_span(&finding.pointer);
        for related in &mut finding.related {
            related.span = finding.span;
        }
        // Edits made for the JSON text do not fit the written one.
        finding.fix = None;
        finding.choices.clear();
    }
    report.source = plan.source.clone();
    report.reread = None;
}
