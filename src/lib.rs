//! planlint: a linter for marketing plans.
//!
//! One pipeline, shared by the CLI and editors, in layers that depend only
//! downward (docs/architecture.md, enforced by tests/architecture.rs):
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
pub mod lint;
pub(crate) mod lsp;
pub(crate) mod numbers;
pub mod output;
pub mod project;
pub mod rule;
pub(crate) mod suggest;
pub(crate) mod text;

pub use finding::{FileReport, Finding, Severity};
pub use lint::{derive, selftest, Linter, Settings};
pub use rule::registry;
