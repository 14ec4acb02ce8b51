//! The lint stage: a plan's document in, findings out. [`engine::Linter`]
//! is built from rule definitions and [`settings::Settings`]; it runs the
//! schema, derives the economics and runs every rule's checks.

pub mod analysis;
mod canonical_form;
mod cel;
mod chinese_numerals;
mod compile;
pub mod derive;
pub(crate) mod engine;
mod flow_numbers;
pub(crate) mod functions;
pub mod metric_catalog;
pub mod normalize;
pub mod place;
mod rule_metrics;
mod run;
mod scalar_text;
pub mod schema;
pub mod schema_fields;
pub(crate) mod selector;
pub mod selftest;
pub(crate) mod settings;
pub(crate) mod suppress;
mod syntax_help;
mod template;
pub mod values;
pub mod what_if;
pub(crate) mod words;

pub use analysis::{Analysis, LoadedPlan};
pub use engine::Linter;
pub use settings::{Level, Preset, RuleSetting, Settings};
