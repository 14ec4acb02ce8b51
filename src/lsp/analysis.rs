//! One version of one buffer, analysed once: the linter's analysis (the
//! document, the plan as meant, its numbers and its findings), the problem
//! that kept it from being checked (a broken config, a buffer over
//! `max_file_size`), the config that applies for rule docs, and the
//! buffer's line index. Every handler answers from it until the next edit.

use crate::document::{load, LineIndex, LoadLimits};
use crate::error::UserError;
use crate::finding::{FileReport, Finding};
use crate::lint::{self, LoadedPlan};
use crate::lsp::text::Lines;
use crate::project::config::Config;
use std::sync::Arc;

pub struct Analysis {
    /// What the linter made of the text. A buffer that was not checked
    /// (see `problem`) is still loaded, for its outline and numbers.
    pub result: lint::Analysis,
    /// What stopped the check, shown at the top of the buffer.
    pub problem: Option<UserError>,
    pub config: Option<Arc<Config>>,
    /// The line starts of the text analysed, for positions.
    index: LineIndex,
}

impl Analysis {
    /// The linter's analysis of `text`.
    pub fn checked(result: lint::Analysis, config: Option<Arc<Config>>, text: &str) -> Analysis {
        Analysis {
            result,
            problem: None,
            config,
            index: LineIndex::new(text),
        }
    }

    /// `text` loaded but not checked, because of `problem` (or because it
    /// is not a plan): no findings, the outline and numbers still shown.
    pub fn unchecked(
        path: &str,
        text: &str,
        problem: Option<UserError>,
        config: Option<Arc<Config>>,
    ) -> Analysis {
        let plan = load(text, &LoadLimits::default()).ok().map(LoadedPlan::of);
        let report = FileReport {
            path: path.to_owned(),
            source: Arc::from(""),
            findings: Vec::new(),
            reread: None,
        };
        Analysis {
            result: lint::Analysis { report, plan },
            problem,
            config,
            index: LineIndex::new(text),
        }
    }

    pub fn findings(&self) -> &[Finding] {
        self.result.findings()
    }

    /// The plan, when it loaded.
    pub fn plan(&self) -> Option<&LoadedPlan> {
        self.result.plan.as_ref()
    }

    /// Places in `text`, the text this analysis was made of.
    pub fn lines<'a>(&'a self, text: &'a str) -> Lines<'a> {
        Lines::with_index(text, &self.index)
    }
}
