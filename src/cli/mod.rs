//! The command line: parses flags, runs the library, prints, picks the exit
//! code. No linting logic lives here.

mod check;
mod commands;
mod diff;
mod fix;
mod init_json;
mod plan_view;
mod report;
mod rewrite;
mod what_if;

use crate::error::UserError;
use crate::finding::Severity;
use crate::i18n::{self, t, Lang};
use crate::output::Format;
use crate::project::config_set::ConfigSet;
use clap::{Parser, Subcommand, ValueEnum};
use miette::{GraphicalReportHandler, GraphicalTheme};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

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
    /// The language of messages, help and reports: `en` or `zh` (also
    /// `zh-CN`, `zh_CN.UTF-8`, ...). Default: the config's `lang:`, then
    /// LC_ALL, LC_MESSAGES or LANG, then English.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
}

/// `--lang`: a language planlint speaks, by its code or a locale name.
fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::from_locale(value)
        .ok_or_else(|| format!("planlint speaks `en` (English) and `zh` (简体中文), not `{value}`"))
}

/// Whether `--lang` chose the language (then the config's `lang:` does not).
static LANGUAGE_FROM_FLAG: AtomicBool = AtomicBool::new(false);

/// Chooses the language from `--lang`, else the environment; the config's
/// `lang:` may still change it once the config is read
/// ([`speak_as_configured`]).
fn choose_language(flag: Option<Lang>) {
    LANGUAGE_FROM_FLAG.store(flag.is_some(), Ordering::Relaxed);
    let lang = flag.unwrap_or_else(|| Lang::from_environment(|name| std::env::var(name).ok()));
    i18n::set_language(lang);
}

/// The configs (`--config`, else the nearest one to each file), and from
/// now on the language the config for `cwd` names, unless `--lang` chose.
fn configs(explicit: Option<&Path>, cwd: &Path) -> Result<ConfigSet, UserError> {
    let configs = ConfigSet::new(explicit, cwd)?;
    if !LANGUAGE_FROM_FLAG.load(Ordering::Relaxed) {
        // A config that cannot be read is reported by the command itself.
        if let Some(lang) = configs.for_path(cwd).ok().and_then(|config| config.lang) {
            i18n::set_language(lang);
        }
    }
    Ok(configs)
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
        /// What if: set a number and compare (repeatable). KEY is a number
        /// the plan states (`cac`), a channel by name (its budget) or a
        /// field path (`channels.Douyin.budget`, `goals.revenue.deadline`).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// The config for the findings compared by `--set` (default: the
        /// nearest `.planlint.yaml`).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Write one page for the people who approve plans: findings, unit
    /// economics, budget and channel charts, the funnel.
    Report(ReportArgs),
    /// Show what changed between two versions of a plan: numbers before and
    /// after, findings introduced and resolved. A version is a file or
    /// `REV:PATH` read from git.
    Diff(DiffArgs),
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
    /// Run the language server on stdio (editors: diagnostics, hover, quick fixes, completion).
    Lsp,
    /// Write planlint's JSON Schemas (plan, config, rule, report) to a folder, for offline editors.
    Schema {
        /// The folder to write them to (created if missing; the schemas in it are replaced).
        #[arg(default_value = ".planlint/schemas")]
        dir: PathBuf,
    },
    /// Write a complete, commented starter plan that passes every rule.
    Init {
        /// Where to write it; an existing file is never overwritten.
        #[arg(default_value = "marketing.plan.yaml")]
        file: PathBuf,
        /// Start the plan with a `# yaml-language-server: $schema=` modeline, for the YAML
        /// extension without planlint's server (with both, schema problems show twice).
        #[arg(long)]
        schema_modeline: bool,
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
    /// Apply the certain fixes (a misspelled key, an enum value or a value
    /// in a non-canonical form with one clear meaning) in place, then report what is left.
    #[arg(long, conflicts_with = "write_baseline")]
    fix: bool,
    /// With --fix: print the fixes as a unified diff instead of writing them
    /// (exit 1 when there is something to fix).
    #[arg(long, requires = "fix")]
    diff: bool,
    /// Report only findings that are not in the plans as they were at git
    /// revision REV (what the change introduced).
    #[arg(long, value_name = "REV", conflicts_with = "write_baseline")]
    new_from_rev: Option<String>,
}

#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// Plan files or directories.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Write the report to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// `html` (one self-contained page) or `markdown` (Mermaid charts)
    /// [default: markdown for an --output ending in .md, else html].
    #[arg(long, value_enum)]
    format: Option<crate::output::report::ReportFormat>,
    /// Config file to use instead of the nearest .planlint.yaml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

impl ReportArgs {
    fn format(&self) -> crate::output::report::ReportFormat {
        use crate::output::report::ReportFormat;
        self.format.unwrap_or_else(|| match &self.output {
            Some(path) if report::looks_like_markdown(path) => ReportFormat::Markdown,
            _ => ReportFormat::Html,
        })
    }
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// The version before: a file, or `REV:PATH` (e.g. `origin/main:plans/a.plan.yaml`).
    old: String,
    /// The version after: a file, or `REV:PATH`.
    new: String,
    /// `human`, `markdown` (for a pull request comment) or `json`.
    #[arg(long, value_enum, default_value_t = crate::output::diff::DiffFormat::Human)]
    format: crate::output::diff::DiffFormat,
    /// Config file to use instead of the nearest .planlint.yaml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

impl CheckArgs {
    /// `--format`, or the default: `github` inside GitHub Actions, else `human`.
    fn format(&self) -> Format {
        self.format.unwrap_or_else(|| {
            if crate::output::github::Environment::is_actions() {
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
    choose_language(cli.lang);
    // The built-in rules are embedded and tested: failing to read them is a
    // bug in planlint, said once here rather than running without them.
    if let Err(error) = crate::rule::registry::check_builtin() {
        let error = error.to_string();
        print_error(&UserError::new(t!("cli-internal-rules", error = error)));
        return exit::TOOL_ERROR;
    }
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Rules { format } => commands::rules(format),
        Command::Metrics {
            file,
            format,
            set,
            config,
        } => commands::metrics(&file, format, &set, config.as_deref()),
        Command::Explain { rule } => commands::explain(&rule),
        Command::TestRules { config, all } => commands::test_rules(config.as_deref(), all),
        Command::Init {
            file,
            schema_modeline,
        } => commands::init(&file, schema_modeline),
        Command::Lsp => crate::lsp::serve(cli.lang),
        Command::Schema { dir } => commands::schema(&dir),
    };
    result.unwrap_or_else(|error| {
        print_error(&error);
        exit::TOOL_ERROR
    })
}

/// Prints a tool error, and those reported with it, to stderr.
fn print_error(error: &UserError) {
    for each in error.each() {
        print_one_error(each);
    }
}

/// Prints one tool error to stderr, with its source snippet when it has one.
fn print_one_error(error: &UserError) {
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
        rendered = t!("cli-error-line", error = error.to_string());
    }
    // miette writes the label before a help in English; both labels are 8
    // columns wide, so a help's further lines stay aligned.
    let label = t!("cli-help-label");
    if label != "  help: " {
        rendered = rendered.replace("  help: ", &label);
    }
    let _ = writeln!(io::stderr(), "{rendered}");
}

fn print_stdout(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// "cannot write FILE: why" (`file` as shown to the user).
fn cannot_write(file: &str, error: &io::Error) -> UserError {
    let why = crate::project::paths::describe(error);
    UserError::new(t!("cli-cannot-write", file = file, error = why))
}

/// The working directory, where relative paths start.
fn current_dir() -> Result<PathBuf, UserError> {
    std::env::current_dir()
        .map_err(|error| UserError::new(t!("cli-working-directory", error = error.to_string())))
}
