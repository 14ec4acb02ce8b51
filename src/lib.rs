//! planlint: a linter for marketing plans.
//!
//! One pipeline, shared by the CLI and editors: [`document`] loads a plan
//! with spans, [`schema`] validates it, [`derive`] computes its economics,
//! [`engine`] runs the rules and returns [`finding`]s, and [`output`] prints
//! them in any format.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod baseline;
pub mod cli;
pub mod config;
pub mod config_set;
pub mod derive;
pub mod discover;
pub mod docs;
pub mod document;
pub mod engine;
pub mod error;
pub mod explain;
pub mod finding;
pub mod functions;
pub mod guard;
pub mod lsp;
pub mod numbers;
pub mod output;
pub mod packs;
pub mod registry;
pub mod rule;
pub mod schema;
pub mod selftest;
pub mod suggest;
pub mod suppress;
pub mod user_file;

pub use engine::Linter;
pub use finding::{FileReport, Finding, Severity};
