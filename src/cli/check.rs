//! `planlint check`: gather the files -> lint them -> apply the baseline ->
//! write the report -> pick the exit code.

use super::{current_dir, exit, print_error, CheckArgs, ColorChoice};
use crate::error::UserError;
use crate::finding::{FileReport, Summary};
use crate::i18n::t;
use crate::lint::Linter;
use crate::output::destination::{ignore_broken_pipe, write_report_file, Sink};
use crate::output::{self, RuleInfo};
use crate::project::baseline::Baseline;
use crate::project::config_set::{ConfigSet, Linters};
use crate::project::discover::{discover, Discovered};
use crate::project::git::{Commit, Repository, Revision};
use crate::project::paths::{describe, display_path};
use crate::project::read::{plan_read_error, read_file_limited, read_limited};
use crate::rule::catalog;
use crate::rule::meta::{PARSE_ERROR, RULE_ERROR};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// gather the files -> lint them -> apply the baseline and `--new-from-rev`
/// -> write the report -> pick the exit code.
pub(super) fn run(args: &CheckArgs) -> Result<i32, UserError> {
    // The plan schema compiles (a few milliseconds) while configs are read
    // and files found, instead of before the first plan is checked.
    rayon::spawn(|| {
        crate::lint::schema::plan_schema();
    });
    let cwd = current_dir()?;
    let linters = Linters::new(super::configs(args.config.as_deref(), &cwd)?);
    let configs = linters.configs();
    let known = Known {
        baseline: args.baseline.as_deref().map(Baseline::load).transpose()?,
        since: None,
    };
    // A fix that could not be written makes the run exit 2 whatever the
    // check that follows finds.
    let mut fix_failed = false;
    if args.fix {
        let fixed = fix_all(args, configs, &linters, &cwd)?;
        if args.diff {
            return Ok(fixed);
        }
        fix_failed = fixed == exit::TOOL_ERROR;
    }
    // `--new-from-rev`: what each plan already had at that revision is
    // not reported (the revision is checked once, before any work).
    let known = Known {
        since: args
            .new_from_rev
            .as_deref()
            .map(|revision| {
                let repository = Repository::discover(&cwd)?;
                let commit = repository.commit(&Revision::parse(revision)?)?;
                Ok::<_, UserError>((repository, commit))
            })
            .transpose()?,
        ..known
    };
    let infos = rule_infos(configs, &linters, &cwd)?;
    let options = output::Options {
        color: use_color(args.color, args.output.is_some()),
        rules: &infos,
        fail_on: args.fail_on.severity(),
        unchecked: 0,
    };
    // Formats written a file at a time hold one file's findings at once.
    let stream = args
        .write_baseline
        .is_none()
        .then(|| output::stream(args.format(), options))
        .flatten();
    let (outcome, tool_errors) = match stream {
        Some(stream) => check_streamed(args, &linters, &known, stream)?,
        None => match check_batched(args, &linters, &known, options)? {
            Batched::Reported(outcome, tool_errors) => (outcome, tool_errors),
            Batched::BaselineWritten(code) => return Ok(code),
        },
    };
    for error in &tool_errors {
        print_error(error);
    }
    if fix_failed {
        return Ok(exit::TOOL_ERROR);
    }
    Ok(exit_code(args, &outcome, &tool_errors))
}

/// What is already known and not reported again: the baseline's findings,
/// and those the plan had at `--new-from-rev`.
struct Known {
    baseline: Option<Baseline>,
    since: Option<(Repository, Commit)>,
}

impl Known {
    fn filter(&self, report: &mut FileReport, linters: &Linters) -> Result<(), UserError> {
        if let Some(baseline) = &self.baseline {
            baseline.filter(std::slice::from_mut(report));
        }
        if let Some((repository, commit)) = &self.since {
            findings_at(repository, commit, report, linters)?.filter(std::slice::from_mut(report));
        }
        Ok(())
    }
}

/// Lints and writes each file's report as soon as it is checked.
fn check_streamed(
    args: &CheckArgs,
    linters: &Linters,
    known: &Known,
    mut stream: Box<dyn output::ReportStream + '_>,
) -> Result<(Outcome, Vec<UserError>), UserError> {
    let mut outcome = Outcome::default();
    // The first file that could not be compared with the revision stops the run.
    let mut failed = None;
    let mut sink = Sink::open(args.output.as_deref()).map_err(|error| output_error(args, &error))?;
    let mut written = Ok(());
    let tool_errors = lint_all(args, linters.configs(), linters, true, &mut |mut report| {
        if let Err(error) = known.filter(&mut report, linters) {
            failed.get_or_insert(error);
        }
        outcome.add(&report);
        if written.is_ok() {
            written = stream.file(&report, &mut sink);
        }
    })?;
    outcome.summary.unchecked = tool_errors.len();
    written
        .and_then(|()| stream.finish(&outcome.summary, &mut sink))
        .and_then(|()| sink.commit())
        .map_err(|error| output_error(args, &error))?;
    append_step_summary(stream.as_ref(), &outcome.summary)?;
    if let Some(error) = failed {
        return Err(error);
    }
    Ok((outcome, tool_errors))
}

/// How a run that holds every report before writing ended.
enum Batched {
    Reported(Outcome, Vec<UserError>),
    /// `--write-baseline`: the exit code.
    BaselineWritten(i32),
}

/// Lints every file, then writes the baseline or the whole report.
fn check_batched(
    args: &CheckArgs,
    linters: &Linters,
    known: &Known,
    options: output::Options<'_>,
) -> Result<Batched, UserError> {
    let mut reports = Vec::new();
    let mut tool_errors = lint_all(args, linters.configs(), linters, false, &mut |report| {
        reports.push(report)
    })?;
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &reports, &tool_errors).map(Batched::BaselineWritten);
    }
    let mut outcome = Outcome::default();
    for report in &mut reports {
        known.filter(report, linters)?;
        outcome.add(report);
    }
    let options = output::Options {
        unchecked: tool_errors.len(),
        ..options
    };
    write_report(args, &reports, options)?;
    // A file whose text could not be read back for the report (it
    // changed while planlint ran) had its findings placed at its start.
    tool_errors.extend(
        reports
            .iter()
            .filter(|report| report.reread.as_ref().is_some_and(|reread| reread.failed()))
            .map(|report| {
                let file = crate::text::visible_line(&report.path);
                UserError::new(t!("cli-changed-while-checking", file = file.as_str()))
                    .with_help(t!("cli-check-again"))
            }),
    );
    // The process ends once the report is written: taking apart every
    // finding of every file first was 3% of a run over 10,000 plans.
    std::mem::forget(reports);
    Ok(Batched::Reported(outcome, tool_errors))
}

/// The findings `report`'s plan had at `commit` (none for a plan that did
/// not exist there), to keep only what the change introduced.
fn findings_at(
    repository: &Repository,
    commit: &Commit,
    report: &FileReport,
    linters: &Linters,
) -> Result<Baseline, UserError> {
    let path = Path::new(&report.path);
    let mut before = Vec::new();
    let (linter, max_file_size) = linters.for_path(path)?;
    let in_git = repository.path_of(path)?;
    if let Some(bytes) = repository.read_file(commit, &in_git, max_file_size)? {
        before.push(crate::guard::guarded(&report.path, || {
            linter.lint_bytes(&report.path, &bytes)
        })?);
    }
    Ok(Baseline::of(&before))
}

/// `--fix`: fixes every plan named (or shows the fixes with `--diff`).
/// With `--diff` the exit code says whether anything would change.
fn fix_all(args: &CheckArgs, configs: &ConfigSet, linters: &Linters, cwd: &Path) -> Result<i32, UserError> {
    let mut fixed = Vec::new();
    let mut tool_errors = Vec::new();
    if args.paths.len() == 1 && args.paths[0] == Path::new("-") {
        if !args.diff {
            return Err(UserError::new(t!("cli-fix-stdin")));
        }
        let name = args.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into());
        let (linter, max_file_size) = linters.for_path(Path::new(&name))?;
        let bytes = read_limited(io::stdin().lock(), max_file_size, None)
            .map_err(|error| plan_read_error(&t!("cli-stdin"), &name, max_file_size, error))?;
        let text = String::from_utf8_lossy(&bytes);
        fixed.push(super::fix::fix_text(&linter, &name, &text)?);
    } else {
        let discovered = discover(&args.paths, configs);
        say_what_was_not_checked(&discovered);
        let root = super::rewrite::WritableRoot::of(cwd)?;
        tool_errors = discovered.errors;
        for path in &discovered.files {
            let result = linters.for_path(path).and_then(|(linter, max_size)| {
                super::fix::fix_file(&linter, path, max_size, args.diff, &root)
            });
            match result {
                Ok(file) => fixed.push(file),
                Err(error) => tool_errors.push(error),
            }
        }
    }
    let changed: Vec<&super::fix::Fixed> = fixed.iter().filter(|file| file.changed()).collect();
    if args.diff {
        let diff: String = changed.iter().map(|file| file.diff()).collect();
        let _ = io::stdout().lock().write_all(diff.as_bytes());
    }
    let applied: usize = changed.iter().map(|file| file.applied).sum();
    let said = if args.diff {
        t!("cli-would-fix", findings = applied, files = changed.len())
    } else {
        t!("cli-fixed", findings = applied, files = changed.len())
    };
    let _ = writeln!(io::stderr(), "{said}");
    for error in &tool_errors {
        print_error(error);
    }
    Ok(if !tool_errors.is_empty() {
        exit::TOOL_ERROR
    } else if changed.is_empty() {
        exit::CLEAN
    } else {
        exit::FINDINGS
    })
}

/// What a run found, as far as its exit code and summary go.
#[derive(Default)]
struct Outcome {
    summary: Summary,
    /// A file did not parse, or a rule could not be evaluated: the run did
    /// not do its whole job.
    incomplete: bool,
}

impl Outcome {
    fn add(&mut self, report: &FileReport) {
        self.summary.add(report);
        self.incomplete |= report
            .findings
            .iter()
            .any(|finding| finding.rule == PARSE_ERROR || finding.rule == RULE_ERROR);
    }
}

/// Plans checked at once: enough for every core, few enough that a run
/// over thousands of plans holds only these.
const CHUNK: usize = 64;

/// Checked chunks waiting to be written.
const CHUNKS_IN_FLIGHT: usize = 2;

/// Lints stdin (`-`, anywhere among the paths, read once) and every plan
/// file the other paths name (`streaming`: each report is written as soon
/// as `each` has it), handing each report to `each` in order
/// (stdin first, then the files sorted by path). A folder with no plan in
/// it is said on stderr; a run that checked nothing at all is a tool error.
/// Returns the paths and files that could not be checked.
fn lint_all(
    args: &CheckArgs,
    configs: &ConfigSet,
    linters: &Linters,
    streaming: bool,
    each: &mut dyn FnMut(FileReport),
) -> Result<Vec<UserError>, UserError> {
    let stdin = Path::new("-");
    let mut checked = 0;
    if args.paths.iter().any(|path| path == stdin) {
        let name = args.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into());
        let (linter, max_file_size) = linters.for_path(Path::new(&name))?;
        let bytes = read_limited(io::stdin().lock(), max_file_size, None)
            .map_err(|error| plan_read_error(&t!("cli-stdin"), &name, max_file_size, error))?;
        each(crate::guard::guarded(&name, || linter.lint_bytes(&name, &bytes))?);
        checked += 1;
    }
    let paths: Vec<PathBuf> = args.paths.iter().filter(|path| *path != stdin).cloned().collect();
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let mut discovered = discover(&paths, configs);
    // In the order reports list files: by the path as shown.
    discovered.files.sort_by_cached_key(|path| display_path(path));
    say_what_was_not_checked(&discovered);
    let mut tool_errors = discovered.errors;
    // Each file's config resolved (and each distinct set of overrides
    // compiled) once, before the parallel part.
    let resolved = linters.for_files(&discovered.files)?;
    // The next chunk is checked (on the pool's threads) while this one's
    // reports are written here, so writing never leaves the cores idle;
    // at most a few chunks are held at once.
    std::thread::scope(|scope| {
        let (sender, chunks) = std::sync::mpsc::sync_channel(CHUNKS_IN_FLIGHT);
        let files = &discovered.files;
        let resolved = &resolved;
        scope.spawn(move || {
            for (chunk, linters) in files.chunks(CHUNK).zip(resolved.chunks(CHUNK)) {
                let results: Vec<Result<FileReport, UserError>> = chunk
                    .par_iter()
                    .zip(linters)
                    .map(|(path, (linter, max_file_size))| {
                        check_file(linter, path, *max_file_size, streaming)
                    })
                    .collect();
                if sender.send(results).is_err() {
                    break;
                }
            }
        });
        for results in chunks {
            for result in results {
                match result {
                    Ok(report) => {
                        checked += 1;
                        each(report);
                    }
                    Err(error) => tool_errors.push(error),
                }
            }
        }
    });
    if checked == 0 && tool_errors.is_empty() {
        tool_errors.push(UserError::new(t!("cli-nothing-checked")).with_help(t!("cli-nothing-checked-help")));
    }
    Ok(tool_errors)
}

/// The report could not be written.
fn output_error(args: &CheckArgs, error: &io::Error) -> UserError {
    match &args.output {
        Some(path) => super::cannot_write(&display_path(path), error),
        None => UserError::new(t!("cli-cannot-write-report", error = describe(error))),
    }
}

/// Checks one plan file. With `keep_text` false (the whole run's reports
/// are held before writing) the text is released and read again for the
/// report; a streamed report is written while the text is still here.
fn check_file(linter: &Linter, path: &Path, max_size: u64, keep_text: bool) -> Result<FileReport, UserError> {
    let shown = display_path(path);
    let bytes = read_file_limited(path, max_size)
        .map_err(|error| plan_read_error(&shown, &shown, max_size, error))?;
    let name = crate::project::paths::report_path(path);
    let mut report = crate::guard::guarded(&shown, || linter.analyze_bytes(&name, &bytes))?.into_report();
    // Findings are kept until the report is written; the text is read
    // again then, so memory does not grow with the number of files.
    if !keep_text {
        report.release_text(path.to_path_buf());
    }
    Ok(report)
}

fn write_baseline(path: &Path, reports: &[FileReport], tool_errors: &[UserError]) -> Result<i32, UserError> {
    let count: usize = reports.iter().map(|report| report.findings.len()).sum();
    write_report_file(path, crate::project::baseline::render(reports).as_bytes())
        .map_err(|error| super::cannot_write(&path.display().to_string(), &error))?;
    for error in tool_errors {
        print_error(error);
    }
    let _ = writeln!(
        io::stderr(),
        "{}",
        t!("cli-baseline-recorded", count = count, file = display_path(path))
    );
    Ok(if tool_errors.is_empty() {
        exit::CLEAN
    } else {
        exit::TOOL_ERROR
    })
}

/// What reports say about the rules and meta-rules that ran where planlint
/// was started, with their severities as configured.
fn rule_infos(configs: &ConfigSet, linters: &Linters, cwd: &Path) -> Result<Vec<RuleInfo>, UserError> {
    let rules = configs.for_path(cwd)?.all_rules();
    let (linter, _) = linters.for_path(cwd)?;
    Ok(catalog::entries(&rules)
        .into_iter()
        .filter_map(|entry| {
            Some(RuleInfo {
                id: entry.id().to_owned(),
                severity: linter.severity_of(entry.id())?,
                summary: entry.summary().to_owned(),
                description: format!(
                    "{}\n\n{}",
                    entry.why(),
                    t!("cli-rule-source", source = entry.source())
                ),
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
                .map_err(|error| UserError::new(t!("cli-cannot-write-report", error = describe(&error))))?;
        }
        Some(path) => {
            // Written as it is made (a report of 300,000 findings is not
            // held in memory), into a file renamed into place at the end.
            Sink::open(Some(path))
                .and_then(|mut sink| {
                    output::write(format, reports, options, &mut sink)?;
                    sink.commit()
                })
                .map_err(|error| super::cannot_write(&path.display().to_string(), &error))?;
        }
    }
    Ok(())
}

/// Appends the stream's step summary, if its format has one, to the file
/// GitHub Actions names (`$GITHUB_STEP_SUMMARY`); nothing outside Actions.
fn append_step_summary(stream: &dyn output::ReportStream, summary: &Summary) -> Result<(), UserError> {
    let environment = output::github::Environment::from_env();
    let Some(file) = &environment.step_summary else {
        return Ok(());
    };
    let Some(markdown) = stream.step_summary(summary, environment.blob_base.as_deref()) else {
        return Ok(());
    };
    environment.append_markdown(&markdown).map_err(|error| {
        let (file, why) = (display_path(file), describe(&error));
        UserError::new(t!("cli-step-summary-unwritable", file = file, error = why))
    })
}

/// 2 when a file could not be checked (or a rule could not be evaluated
/// on it), 1 for findings at the fail level.
fn exit_code(args: &CheckArgs, outcome: &Outcome, tool_errors: &[UserError]) -> i32 {
    let worst = outcome.summary.worst();
    if !tool_errors.is_empty() || outcome.incomplete {
        exit::TOOL_ERROR
    } else if !args.exit_zero && worst.is_some_and(|worst| worst >= args.fail_on.severity()) {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

/// Warnings, on stderr, for what a folder walk left out: a folder without
/// a plan, a plan that is a symlink (walks do not follow links).
pub(super) fn say_what_was_not_checked(discovered: &Discovered) {
    let mut stderr = io::stderr().lock();
    for folder in &discovered.empty {
        let _ = writeln!(
            stderr,
            "{}",
            t!("cli-no-plan-in-folder", folder = folder.as_str())
        );
    }
    for link in &discovered.links_not_followed {
        let _ = writeln!(stderr, "{}", t!("cli-link-not-followed", path = link.as_str()));
    }
}
