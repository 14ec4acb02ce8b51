//! One version of one buffer, checked: planlint's findings, or the problem
//! that kept it from being checked (a broken config, a buffer over
//! `max_file_size`), with the config that applies for rule docs.

use crate::document::{load, Document, LoadLimits};
use crate::error::UserError;
use crate::finding::Finding;
use crate::lint::derive::{derive, Metrics};
use crate::lint::normalize::normalize;
use crate::project::config::Config;
use std::sync::Arc;

pub struct Analysis {
    pub findings: Vec<Finding>,
    /// What stopped the check, shown at the top of the buffer.
    pub problem: Option<UserError>,
    pub config: Option<Arc<Config>>,
}

/// The plan loaded with spans, and its derived numbers (for hover, symbols
/// and inlay hints; `None` when it does not parse).
pub struct Structure {
    pub document: Document,
    pub metrics: Metrics,
}

impl Structure {
    pub fn of(text: &str) -> Option<Structure> {
        let document = load(text, &LoadLimits::default()).ok()?;
        let normalized = normalize(&document.value);
        let metrics = derive(normalized.meant(&document.value));
        Some(Structure { document, metrics })
    }
}
