//! planlint: a linter for marketing plans.
//!
//! One pipeline, shared by the CLI and editors, in layers that depend only
//! downward (docs/architecture.md, enforced by tests/it/architecture.rs):
//! [`cli`] and [`lsp`] -> [`output`] (report formats) -> [`project`] (config
//! files, discovery, rule packs) -> [`lint`] (the analysis of a plan:
//! settings, engine, schema, derive, the metric catalog, functions,
//! suppressions) -> [`rule`] (definitions, built-ins, meta-rules, docs) ->
//! [`finding`] -> helpers (guard, error, excerpt) -> [`document`] (load
//! with spans, the line index).

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod cli;
pub mod document;
pub(crate) mod error;
pub(crate) mod excerpt;
pub mod finding;
pub mod guard;
pub mod i18n;
pub mod lint;
pub(crate) mod lsp;
pub mod memory;
pub(crate) mod numbers;
pub mod output;
pub mod project;
pub mod rule;
pub(crate) mod suggest;
pub(crate) mod text;

pub use finding::{FileReport, Finding, Severity};
pub use lint::{derive, selftest, Linter, Settings};
pub use rule::registry;

/// Entry points for the fuzz targets in `fuzz/` (not an API: they wrap
/// stages that are private to the crate, so that each can be fuzzed alone).
#[doc(hidden)]
pub mod fuzzing {
    use std::path::Path;

    /// Loads the config at `path` with what it extends and the rule packs
    /// it names; the error as the user would read it.
    pub fn load_config(path: &Path) -> Result<(), String> {
        crate::project::config_file::load_config(path)
            .map(drop)
            .map_err(|error| error.to_string())
    }

    /// Loads one rule file; how many rules it holds, or the errors.
    pub fn load_rule_file(path: &Path) -> Result<usize, String> {
        let folder = path.parent().unwrap_or(Path::new("."));
        crate::project::packs::load_rule_file(path, folder, None)
            .map(|rules| rules.len())
            .map_err(|error| error.to_string())
    }

    /// Reads every language-server frame in `input`; how many there were.
    pub fn read_frames(input: &[u8]) -> usize {
        crate::lsp::read_all_frames(input)
    }

    /// The Markdown escapers: plain text, a code span, a message.
    pub fn markdown(value: &str) -> [String; 3] {
        [
            crate::output::markdown::text(value),
            crate::output::markdown::code(value),
            crate::output::markdown::message(value),
        ]
    }
}
