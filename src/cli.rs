//! The command line: parses flags, runs the library, prints, picks the exit
//! code. No linting logic lives here.

use crate::baseline::Baseline;
use crate::config::Config;
use crate::config_set::{ConfigSet, Linters};
use crate::discover::{describe, discover, display_path};
use crate::engine::Linter;
use crate::error::UserError;
use crate::finding::{FileReport, Severity, Summary};
use crate::output::{self, Format, RuleInfo};
use crate::registry;
use crate::rule::RuleDef;
use clap::{Parser, Subcommand, ValueEnum};
use miette::{GraphicalReportHandler, GraphicalTheme};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Exit codes: what a CI job or hook can rely on.
pub mod exit {
    /// Nothing at or above the fail level.
    pub const CLEAN: i32 = 0;
    /// Findings at or above the fail level.
    pub const FINDINGS: i32 = 1;
    /// planlint could not do its job: bad flags, config or path, unreadable
    /// or unparseable file.
    pub const TOOL_ERROR: i32 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "planlint",
    version,
    about = "Lint marketing plans: target customer, goals, budget, positioning, channels"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check plan files (directories are searched for *.plan.yaml|yml|json).
    Check(CheckArgs),
    /// List every rule with its default severity.
    Rules {
        /// `human` (a table), `markdown` (the docs page) or `json`.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Show a plan's derived numbers: unit economics, budget, channel returns.
    Metrics {
        /// The plan file (`-` for stdin).
        file: PathBuf,
        /// `human` (a table) or `json`.
        #[arg(long, value_enum, default_value_t = MetricsFormat::Human)]
        format: MetricsFormat,
    },
    /// Explain a rule: why it matters, its options, a failing and a passing example.
    Explain {
        /// The rule id, e.g. vague-goal.
        rule: String,
    },
    /// Run the examples of your rule packs' rules (each must fire on `fails`, not on `passes`).
    TestRules {
        /// Config file naming the rule packs, instead of the nearest .planlint.yaml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Also run the built-in rules' examples.
        #[arg(long)]
        all: bool,
    },
    /// Run the language server on stdio (editors: diagnostics as you type).
    Lsp,
    /// Write a complete, commented starter plan that passes every rule.
    Init {
        /// Where to write it; an existing file is never overwritten.
        #[arg(default_value = "marketing.plan.yaml")]
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads one plan from stdin.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format [default: human; github when GITHUB_ACTIONS=true].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to colour human output (NO_COLOR is honoured by `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Config file to use instead of the nearest .planlint.yaml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The name to report for a plan read from stdin.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<String>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Exit 0 even when there are findings (tool errors still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE (and report nothing); exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
}

impl CheckArgs {
    /// `--format`, or the default: `github` inside GitHub Actions, else `human`.
    fn format(&self) -> Format {
        self.format.unwrap_or_else(|| {
            if std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true") {
                Format::Github
            } else {
                Format::Human
            }
        })
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RulesFormat {
    Human,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MetricsFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// Runs planlint with the process's arguments; returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                exit::TOOL_ERROR
            } else {
                exit::CLEAN
            };
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules { format } => rules(format),
        Command::Metrics { file, format } => metrics(&file, format),
        Command::Explain { rule } => explain(&rule),
        Command::TestRules { config, all } => test_rules(config.as_deref(), all),
        Command::Init { file } => init(&file),
        Command::Lsp => builtin_rules().and_then(crate::lsp::serve).map(|()| exit::CLEAN),
    };
    result.unwrap_or_else(|error| {
        print_error(&error);
        exit::TOOL_ERROR
    })
}

/// Prints a tool error to stderr, with its source snippet when it has one.
fn print_error(error: &UserError) {
    let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut rendered = String::new();
    if GraphicalReportHandler::new_themed(theme)
        .render_report(&mut rendered, error)
        .is_err()
    {
        rendered = format!("error: {error}");
    }
    let _ = writeln!(io::stderr(), "{rendered}");
}

fn builtin_rules() -> Result<&'static [RuleDef], UserError> {
    registry::builtin()
        .map_err(|error| UserError::new(format!("internal error in planlint's rules: {error}")))
}

fn check(args: &CheckArgs) -> Result<i32, UserError> {
    let builtin = builtin_rules()?;
    let cwd = std::env::current_dir()
        .map_err(|error| UserError::new(format!("cannot read the working directory: {error}")))?;
    let configs = ConfigSet::new(builtin, args.config.as_deref(), &cwd)?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let linters = Linters::new(&configs, builtin);

    let mut tool_errors = Vec::new();
    let mut reports = if args.paths.len() == 1 && args.paths[0] == Path::new("-") {
        let name = args.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into());
        let (linter, max_file_size) = linters.for_path(Path::new(&name))?;
        let bytes = read_limited(io::stdin().lock(), &name, max_file_size, None)
            .map_err(|error| UserError::new(format!("cannot read stdin: {}", describe(&error))))??;
        vec![crate::guard::guarded(&name, || linter.lint_bytes(&name, &bytes))?]
    } else {
        let discovered = discover(&args.paths, &configs);
        tool_errors.extend(discovered.errors);
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
        reports
    };
    reports.sort_by(|a, b| a.path.cmp(&b.path));

    if let Some(path) = &args.write_baseline {
        let count: usize = reports.iter().map(|report| report.findings.len()).sum();
        write_atomically(path, crate::baseline::render(&reports).as_bytes()).map_err(|error| {
            UserError::new(format!("cannot write {}: {}", path.display(), describe(&error)))
        })?;
        for error in &tool_errors {
            print_error(error);
        }
        let _ = writeln!(
            io::stderr(),
            "Recorded {count} findings in {}.",
            display_path(path)
        );
        return Ok(if tool_errors.is_empty() {
            exit::CLEAN
        } else {
            exit::TOOL_ERROR
        });
    }
    if let Some(baseline) = &baseline {
        baseline.filter(&mut reports);
    }

    let rules = configs.for_cwd(&cwd)?.all_rules(builtin);
    let infos = rule_infos(&rules, &linters.for_path(&cwd)?.0);
    let options = output::Options {
        color: use_color(args.color, args.output.is_some()),
        rules: &infos,
    };
    write_report(args, &reports, options)?;
    for error in &tool_errors {
        print_error(error);
    }

    let summary = Summary::of(&reports);
    let unparsed = reports
        .iter()
        .flat_map(|report| &report.findings)
        .any(|finding| finding.rule == registry::PARSE_ERROR);
    Ok(if !tool_errors.is_empty() || unparsed {
        exit::TOOL_ERROR
    } else if !args.exit_zero
        && summary
            .worst()
            .is_some_and(|worst| worst >= args.fail_on.severity())
    {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}

fn check_file(linter: &Linter, path: &Path, max_size: u64) -> Result<FileReport, UserError> {
    let shown = display_path(path);
    let unreadable = |error: io::Error| UserError::new(format!("cannot read {shown}: {}", describe(&error)));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    let bytes = read_limited(file, &shown, max_size, Some(size)).map_err(unreadable)??;
    crate::guard::guarded(&shown, || linter.lint_bytes(&shown, &bytes))
}

/// Reads at most `max_size` bytes from `reader` (a file whose metadata says
/// `size`, or a stream); more is refused, whether the size said so up front,
/// the file grew meanwhile or it never ends (`/dev/zero`).
fn read_limited(
    reader: impl Read,
    shown: &str,
    max_size: u64,
    size: Option<u64>,
) -> io::Result<Result<Vec<u8>, UserError>> {
    let too_big = |size: Option<u64>| {
        let size = size.map(|size| format!(" {size} bytes,")).unwrap_or_default();
        Err(UserError::new(format!(
            "{shown} is{size} over the {max_size}-byte limit for a plan: not checked"
        ))
        .with_help("raise `max_file_size` in .planlint.yaml if this file really is a plan"))
    };
    if let Some(size) = size.filter(|size| *size > max_size) {
        return Ok(too_big(Some(size)));
    }
    let capacity = size
        .and_then(|size| usize::try_from(size).ok())
        .unwrap_or_default();
    let mut bytes = Vec::with_capacity(capacity);
    // One byte past the limit tells a file that is too big from one that fits.
    reader.take(max_size.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_size {
        return Ok(too_big(None));
    }
    Ok(Ok(bytes))
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

/// What reports say about the rules that ran, with their severities as configured.
fn rule_infos(rules: &[RuleDef], linter: &Linter) -> Vec<RuleInfo> {
    let mut infos = vec![RuleInfo {
        id: registry::PARSE_ERROR.into(),
        severity: Severity::Error,
        summary: "The file is valid YAML or JSON.".into(),
        description:
            "A plan that does not parse cannot be checked; the finding points at the parser's position."
                .into(),
        help: None,
        url: None,
    }];
    if let Some(severity) = linter.schema_severity() {
        infos.push(RuleInfo {
            id: crate::schema::SCHEMA_RULE.into(),
            severity,
            summary: "The plan follows the plan format (schemas/plan.schema.json).".into(),
            description: "Field names and types are a contract: unknown keys, wrong types and impossible dates are reported where they occur.".into(),
            help: None,
            url: None,
        });
    }
    for (id, summary) in [
        (
            crate::suppress::INVALID_SUPPRESSION,
            "A suppression comment names a rule that exists.",
        ),
        (
            crate::suppress::UNUSED_SUPPRESSION,
            "A suppression comment silences a finding.",
        ),
    ] {
        infos.push(RuleInfo {
            id: id.into(),
            severity: Severity::Warning,
            summary: summary.into(),
            description: "`# planlint-disable-next-line RULE -- reason` and `# planlint-disable-file RULE` must name a rule and silence something, so that they cannot hide future findings.".into(),
            help: None,
            url: None,
        });
    }
    infos.extend(linter.active_rules().filter_map(|(id, severity)| {
        let rule = rules.iter().find(|rule| rule.id == id)?;
        Some(RuleInfo {
            id: rule.id.clone(),
            severity,
            summary: rule.summary.clone(),
            description: format!("{}\n\nSource: {}", rule.why.trim(), rule.source.trim()),
            help: rule.help.clone(),
            // Built-in rules are documented in docs/rules.md; a pack's are not.
            url: rule.origin.is_none().then(|| registry::docs_url(&rule.id)),
        })
    }));
    infos.sort_by(|a, b| a.id.cmp(&b.id));
    infos
}

fn write_report(
    args: &CheckArgs,
    reports: &[FileReport],
    options: output::Options<'_>,
) -> Result<(), UserError> {
    let format = args.format();
    let written = match &args.output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            output::write(format, reports, options, &mut out)
                .and_then(|()| out.flush())
                .or_else(ignore_broken_pipe)
                .map_err(|error| UserError::new(format!("cannot write the report: {}", describe(&error))))
        }
        Some(path) => {
            let mut buffer = Vec::new();
            output::write(format, reports, options, &mut buffer)
                .map_err(|error| UserError::new(format!("cannot render the report: {error}")))?;
            write_atomically(path, &buffer).map_err(|error| {
                UserError::new(format!("cannot write {}: {}", path.display(), describe(&error)))
            })
        }
    };
    written?;
    if format == Format::Github {
        append_step_summary(reports, options)?;
    }
    Ok(())
}

/// In GitHub Actions, appends the Markdown summary to `$GITHUB_STEP_SUMMARY`,
/// linking findings to `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA`.
fn append_step_summary(reports: &[FileReport], options: output::Options<'_>) -> Result<(), UserError> {
    let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    let Some(file) = var("GITHUB_STEP_SUMMARY") else {
        return Ok(());
    };
    let blob_base = var("GITHUB_REPOSITORY")
        .zip(var("GITHUB_SHA"))
        .map(|(repo, sha)| {
            let server = var("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
            format!("{}/{repo}/blob/{sha}", server.trim_end_matches('/'))
        });
    output::github::append_step_summary(Path::new(&file), reports, options, blob_base.as_deref()).map_err(
        |error| {
            UserError::new(format!(
                "cannot write the step summary {file}: {}",
                describe(&error)
            ))
        },
    )
}

/// `planlint check | head` must not fail loudly.
fn ignore_broken_pipe(error: io::Error) -> io::Result<()> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(error)
    }
}

/// Writes a temporary file beside `path`, then renames it over `path`, so an
/// interrupted run never leaves a truncated report.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn rules(format: RulesFormat) -> Result<i32, UserError> {
    let builtin = builtin_rules()?;
    let rules = &load_config(None, builtin)?.all_rules(builtin);
    let text = match format {
        RulesFormat::Human => {
            let width = rules.iter().map(|rule| rule.id.len()).max().unwrap_or(0);
            rules
                .iter()
                .map(|rule| {
                    format!(
                        "{:width$}  {:7}  {}\n",
                        rule.id,
                        rule.severity.as_str(),
                        rule.summary
                    )
                })
                .collect()
        }
        RulesFormat::Markdown => crate::docs::rules_markdown(rules),
        RulesFormat::Json => {
            let list: Vec<_> = rules
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "id": rule.id,
                        "severity": rule.severity,
                        "summary": rule.summary,
                        "options": rule.default_options(),
                        "docs": registry::docs_url(&rule.id),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
    };
    print_stdout(&text);
    Ok(exit::CLEAN)
}

fn metrics(file: &Path, format: MetricsFormat) -> Result<i32, UserError> {
    let plan = if file == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|error| UserError::new(format!("cannot read stdin: {}", describe(&error))))?;
        crate::user_file::parse_yaml("<stdin>".to_owned(), &bytes)?
    } else {
        crate::user_file::load_yaml(file, "plan")?
    };
    let document = plan.document;
    let derived = crate::derive::derive(&document.value);
    let currency = document.value.get("currency").and_then(serde_json::Value::as_str);
    let mut out = Vec::new();
    let written = match format {
        MetricsFormat::Human => output::metrics::write_table(&derived, currency, &mut out),
        MetricsFormat::Json => output::metrics::write_json(&derived, currency, &mut out),
    };
    written.map_err(|error| UserError::new(format!("cannot render the metrics: {error}")))?;
    print_stdout(&String::from_utf8_lossy(&out));
    Ok(exit::CLEAN)
}

/// The config in effect: `--config`, else the nearest one, else defaults.
fn load_config(explicit: Option<&Path>, builtin: &[RuleDef]) -> Result<Arc<Config>, UserError> {
    let cwd = std::env::current_dir()
        .map_err(|error| UserError::new(format!("cannot read the working directory: {error}")))?;
    ConfigSet::new(builtin, explicit, &cwd)?.for_cwd(&cwd)
}

fn test_rules(config: Option<&Path>, all: bool) -> Result<i32, UserError> {
    let builtin = builtin_rules()?;
    let config = load_config(config, builtin)?;
    let rules = if all {
        config.all_rules(builtin)
    } else {
        config.user_rules.clone()
    };
    let mut out = String::new();
    let mut failed = 0;
    for rule in &rules {
        let problems = crate::selftest::check_examples(rule);
        if problems.is_empty() {
            out.push_str(&format!("ok      {}\n", rule.id));
        } else {
            failed += 1;
            out.push_str(&format!("FAILED  {}\n", rule.id));
            for problem in problems {
                out.push_str(&format!("        {problem}\n"));
            }
        }
    }
    out.push_str(&format!("{} passed, {failed} failed\n", rules.len() - failed));
    print_stdout(&out);
    Ok(if failed == 0 { exit::CLEAN } else { exit::FINDINGS })
}

fn explain(id: &str) -> Result<i32, UserError> {
    let builtin = builtin_rules()?;
    let rules = &load_config(None, builtin)?.all_rules(builtin);
    let Some(rule) = rules.iter().find(|rule| rule.id == id) else {
        let mut error = UserError::new(format!("unknown rule id `{id}`"));
        error = match crate::suggest::closest(id, rules.iter().map(|rule| rule.id.as_str())) {
            Some(suggestion) => error.with_help(format!(
                "did you mean `{suggestion}`? `planlint rules` lists them all"
            )),
            None => error.with_help("`planlint rules` lists every rule id"),
        };
        return Err(error);
    };
    print_stdout(&crate::explain::render(rule));
    Ok(exit::CLEAN)
}

fn print_stdout(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// The starter plan `planlint init` writes.
const INIT_TEMPLATE: &str = include_str!("init.plan.yaml");

fn init(file: &Path) -> Result<i32, UserError> {
    let shown = display_path(file);
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .and_then(|mut handle| handle.write_all(INIT_TEMPLATE.as_bytes()));
    match created {
        Ok(()) => {
            print_stdout(&format!(
                "Wrote {shown}: fill it in, then run `planlint check {shown}`.\n"
            ));
            Ok(exit::CLEAN)
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(UserError::new(format!(
            "{shown} already exists: planlint init never overwrites a file"
        ))
        .with_help("pass another file name, e.g. `planlint init launch.plan.yaml`")),
        Err(error) => Err(UserError::new(format!(
            "cannot write {shown}: {}",
            describe(&error)
        ))),
    }
}
