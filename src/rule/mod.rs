//! The rule stage: what a rule is ([`definition`]), the built-in rules
//! ([`registry`]), the findings that are not rule files ([`meta`]), one
//! view of them all ([`catalog`]) and their documentation ([`docs`],
//! [`explain`]).

pub mod catalog;
mod definition;
pub mod docs;
pub(crate) mod explain;
pub mod meta;
pub mod registry;

pub use catalog::Entry;
pub use definition::*;
