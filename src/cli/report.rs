//! `planlint report`: gather the plans -> lint them and derive their
//! numbers -> one HTML page (or Markdown) for the people who approve them.

use super::plan_view::view_of;
use super::{current_dir, exit, print_error, print_stdout, ReportArgs};
use crate::error::UserError;
use crate::i18n::t;
use crate::output::destination::write_report_file;
use crate::output::plan_view::PlanView;
use crate::output::report;
use crate::project::config_set::Linters;
use crate::project::discover::discover;
use crate::project::paths::display_path;
use crate::project::read::{plan_read_error, read_file_limited};
use crate::rule::meta::PARSE_ERROR;
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::Path;

pub(super) fn run(args: &ReportArgs) -> Result<i32, UserError> {
    let cwd = current_dir()?;
    let linters = Linters::new(super::configs(args.config.as_deref(), &cwd)?);
    let configs = linters.configs();
    let discovered = discover(&args.paths, configs);
    super::check::say_what_was_not_checked(&discovered);
    let mut tool_errors = discovered.errors;
    let resolved = linters.for_files(&discovered.files)?;
    let results: Vec<Result<PlanView, UserError>> = discovered
        .files
        .par_iter()
        .zip(&resolved)
        .map(|(path, (linter, max_file_size))| {
            let shown = display_path(path);
            let bytes = read_file_limited(path, *max_file_size)
                .map_err(|error| plan_read_error(&shown, &shown, *max_file_size, error))?;
            view_of(linter, &shown, &bytes)
        })
        .collect();
    let mut views = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(view) => views.push(view),
            Err(error) => tool_errors.push(error),
        }
    }
    views.sort_by(|a, b| a.report.path.cmp(&b.report.path));
    if views.is_empty() && tool_errors.is_empty() {
        return Err(UserError::new(t!("cli-report-nothing")).with_help(t!("cli-report-nothing-help")));
    }

    let mut page = Vec::new();
    report::write(args.format(), &views, &mut page)
        .map_err(|error| UserError::new(t!("cli-report-unrenderable", error = error.to_string())))?;
    match &args.output {
        Some(path) => {
            write_report_file(path, &page)
                .map_err(|error| super::cannot_write(&display_path(path), &error))?;
            let (file, count) = (display_path(path), views.len());
            let written = t!("cli-report-written", file = file, count = count);
            let _ = writeln!(io::stderr(), "{written}");
        }
        None => print_stdout(&String::from_utf8_lossy(&page)),
    }
    for error in &tool_errors {
        print_error(error);
    }
    let unparsed = views
        .iter()
        .flat_map(|view| &view.report.findings)
        .any(|finding| finding.rule == PARSE_ERROR);
    Ok(if tool_errors.is_empty() && !unparsed {
        exit::CLEAN
    } else {
        exit::TOOL_ERROR
    })
}

/// Whether `path` names a Markdown file, for the default format.
pub(super) fn looks_like_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "md" || ext == "markdown")
}
