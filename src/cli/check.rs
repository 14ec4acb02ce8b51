//! `planlint check`: gather the files -> lint them -> apply the baseline ->
//! write the report -> pick the exit code.

use super::{current_dir, exit, print_error, CheckArgs, ColorChoice};
use crate::error::UserError;
use crate::finding::{FileReport, Summary};
use crate::lint::Linter;
use crate::output::destination::{ignore_broken_pipe, write_atomically};
use crate::output::{self, Format, RuleInfo};
use crate::project::baseline::Baseline;
use crate::project::config_set::{ConfigSet, Linters};
use crate::project::discover::discover;
use crate::project::git::Revision;
use crate::project::paths::{describe, display_path};
use crate::project::read::{read_file_limited, read_limited, ReadError};
use crate::rule::{catalog, meta::PARSE_ERROR};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

pub(super) fn run(args: &CheckArgs) -> Result<i32, UserError> {
    let cwd = current_dir()?;
    let configs = ConfigSet::new(args.config.as_deref(), &cwd)?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let linters = Linters::new(&configs);

    let (mut reports, tool_errors) = lint_all(args, &configs, &linters)?;
    reports.sort_by(|a, b| a.path.cmp(&b.path));

    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &reports, &tool_errors);
    }
    if let Some(baseline) = &baseline {
        baseline.filter(&mut reports);
    }
    if let Some(revision) = &args.new_from_rev {
        findings_at(revision, &reports, &linters, &cwd)?.filter(&mut reports);
    }

    let infos = rule_infos(&configs, &linters, &cwd)?;
    let options = output::Options {
        color: use_color(args.color, args.output.is_some()),
        rules: &infos,
    };
    write_report(args, &reports, options)?;
    for error in &tool_errors {
        print_error(error);
    }
    Ok(exit_code(args, &reports, &tool_errors))
}

/// The findings of each plan as it was at git revision `revision` (none for
/// a plan that did not exist there), to keep only what the change introduced.
fn findings_at(
    revision: &str,
    reports: &[FileReport],
    linters: &Linters<'_>,
    cwd: &Path,
) -> Result<Baseline, UserError> {
    let revision = Revision::parse(revision)?;
    revision.verify(cwd)?;
    let mut before = Vec::new();
    for report in reports {
        let path = Path::new(&report.path);
        if let Some(bytes) = crate::project::git::show_file(&revision, path)? {
            let (linter, _) = linters.for_path(path)?;
            before.push(crate::guard::guarded(&report.path, || {
                linter.lint_bytes(&report.path, &bytes)
            })?);
        }
    }
    Ok(Baseline::of(&before))
}

/// Every file's report, and the paths and files that could not be checked.
fn lint_all(
    args: &CheckArgs,
    configs: &ConfigSet,
    linters: &Linters<'_>,
) -> Result<(Vec<FileReport>, Vec<UserError>), UserError> {
    if args.paths.len() == 1 && args.paths[0] == Path::new("-") {
        let name = args.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into());
        let (linter, max_file_size) = linters.for_path(Path::new(&name))?;
        let bytes = read_limited(io::stdin().lock(), max_file_size, None)
            .map_err(|error| read_error("stdin", &name, max_file_size, error))?;
        let report = crate::guard::guarded(&name, || linter.lint_bytes(&name, &bytes))?;
        return Ok((vec![report], Vec::new()));
    }
    let discovered = discover(&args.paths, configs);
    let mut tool_errors = discovered.errors;
    // Compile each distinct set of overrides once, before the parallel part.
    for path in &discovered.files {
        linters.for_path(path)?;
    }
    let results: Vec<Result<FileReport, UserError>> = discovered
        .files
        .par_iter()
        .map(|path| {
            let (linter, max_file_size) = linters.for_path(path)?;
            check_file(&linter, path, max_file_size)
        })
        .collect();
    let mut reports = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(error) => tool_errors.push(error),
        }
    }
    Ok((reports, tool_errors))
}

fn check_file(linter: &Linter, path: &Path, max_size: u64) -> Result<FileReport, UserError> {
    let shown = display_path(path);
    let bytes =
        read_file_limited(path, max_size).map_err(|error| read_error(&shown, &shown, max_size, error))?;
    crate::guard::guarded(&shown, || linter.lint_bytes(&shown, &bytes))
}

/// A plan that could not be read, in words: `source` is what was read
/// (a path, or "stdin"), `shown` the plan's name.
pub(super) fn read_error(source: &str, shown: &str, max_size: u64, error: ReadError) -> UserError {
    match error {
        ReadError::Io(error) => UserError::new(format!("cannot read {source}: {}", describe(&error))),
        ReadError::TooBig(size) => {
            let size = size.map(|size| format!(" {size} bytes,")).unwrap_or_default();
            UserError::new(format!(
                "{shown} is{size} over the {max_size}-byte limit for a plan: not checked"
            ))
            .with_help("raise `max_file_size` in .planlint.yaml if this file really is a plan")
        }
    }
}

fn write_baseline(path: &Path, reports: &[FileReport], tool_errors: &[UserError]) -> Result<i32, UserError> {
    let count: usize = reports.iter().map(|report| report.findings.len()).sum();
    write_atomically(path, crate::project::baseline::render(reports).as_bytes())
        .map_err(|error| UserError::new(format!("cannot write {}: {}", path.display(), describe(&error))))?;
    for error in tool_errors {
        print_error(error);
    }
    let _ = writeln!(
        io::stderr(),
        "Recorded {count} findings in {}.",
        display_path(path)
    );
    Ok(if tool_errors.is_empty() {
        exit::CLEAN
    } else {
        exit::TOOL_ERROR
    })
}

/// What reports say about the rules and meta-rules that ran where planlint
/// was started, with their severities as configured.
fn rule_infos(configs: &ConfigSet, linters: &Linters<'_>, cwd: &Path) -> Result<Vec<RuleInfo>, UserError> {
    let rules = configs.for_path(cwd)?.all_rules();
    let (linter, _) = linters.for_path(cwd)?;
    Ok(catalog::entries(&rules)
        .into_iter()
        .filter_map(|entry| {
            Some(RuleInfo {
                id: entry.id().to_owned(),
                severity: linter.severity_of(entry.id())?,
                summary: entry.summary().to_owned(),
                description: format!("{}\n\nSource: {}", entry.why(), entry.source()),
                help: entry.help().map(str::to_owned),
                url: entry.docs_url(),
            })
        })
        .collect())
}

fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !to_file
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn write_report(
    args: &CheckArgs,
    reports: &[FileReport],
    options: output::Options<'_>,
) -> Result<(), UserError> {
    let format = args.format();
    match &args.output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            output::write(format, reports, options, &mut out)
                .and_then(|()| out.flush())
                .or_else(ignore_broken_pipe)
                .map_err(|error| UserError::new(format!("cannot write the report: {}", describe(&error))))?;
        }
        Some(path) => {
            let mut buffer = Vec::new();
            output::write(format, reports, options, &mut buffer)
                .map_err(|error| UserError::new(format!("cannot render the report: {error}")))?;
            write_atomically(path, &buffer).map_err(|error| {
                UserError::new(format!("cannot write {}: {}", path.display(), describe(&error)))
            })?;
        }
    }
    if format == Format::Github {
        let environment = output::github::Environment::from_env();
        environment
            .append_step_summary(reports, options)
            .map_err(|error| {
                let file = environment
                    .step_summary
                    .as_deref()
                    .map(display_path)
                    .unwrap_or_default();
                UserError::new(format!(
                    "cannot write the step summary {file}: {}",
                    describe(&error)
                ))
            })?;
    }
    Ok(())
}

/// 2 when a file could not be checked, 1 for findings at the fail level.
fn exit_code(args: &CheckArgs, reports: &[FileReport], tool_errors: &[UserError]) -> i32 {
    let unparsed = reports
        .iter()
        .flat_map(|report| &report.findings)
        .any(|finding| finding.rule == PARSE_ERROR);
    let worst = Summary::of(reports).worst();
    if !tool_errors.is_empty() || unparsed {
        exit::TOOL_ERROR
    } else if !args.exit_zero && worst.is_some_and(|worst| worst >= args.fail_on.severity()) {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}
