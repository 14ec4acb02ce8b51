//! One plan, analysed once: the document loaded with spans, the plan as
//! meant, its derived numbers and its findings. The linter makes it;
//! `check`, `report`, `diff`, `metrics`, `--fix` and the language server
//! read it, and none of them runs a stage of the pipeline again.

use crate::document::Document;
use crate::finding::{FileReport, Finding};
use crate::lint::derive::{derive, Metrics};
use crate::lint::normalize::{normalize, Normalized};
use serde_json::Value;

/// A plan that loaded: its document, how its values read, its numbers.
#[derive(Debug)]
pub struct LoadedPlan {
    pub document: Document,
    pub normalized: Normalized,
    pub metrics: Metrics,
}

impl LoadedPlan {
    /// Normalizes the document and derives its numbers (the plan as meant).
    pub fn of(document: Document) -> LoadedPlan {
        let normalized = normalize(&document.value);
        let metrics = derive(normalized.meant(&document.value));
        LoadedPlan {
            document,
            normalized,
            metrics,
        }
    }

    /// The plan as written, nulls removed: what the schema checks.
    pub fn written(&self) -> &Value {
        self.normalized.written(&self.document.value)
    }

    /// The plan as meant: what the rules and the numbers read.
    pub fn meant(&self) -> &Value {
        self.normalized.meant(&self.document.value)
    }

    /// A text field of the plan's top level (`name`, `currency`).
    pub fn text_field(&self, key: &str) -> Option<&str> {
        self.meant().get(key).and_then(Value::as_str)
    }
}

/// The result of analysing one plan: its findings with its text, and the
/// plan itself when it loaded (`None` for a parse error).
#[derive(Debug)]
pub struct Analysis {
    pub report: FileReport,
    pub plan: Option<LoadedPlan>,
}

impl Analysis {
    pub fn findings(&self) -> &[Finding] {
        &self.report.findings
    }

    /// The findings alone, for a run that keeps no plan in memory.
    pub fn into_report(self) -> FileReport {
        self.report
    }
}
