//! `planlint check --fix`: applies every finding's certain fix in place,
//! by span, so comments, quoting and layout stay as written. A fix can
//! uncover another (a renamed key whose value is then checked), so fixing
//! repeats until nothing changes; a second run then has nothing to do.
//! `--fix --diff` shows the same edits as a unified diff and writes nothing.

use super::rewrite::{rewrite_plan, WritableRoot};
use crate::error::UserError;
use crate::finding::fix;
use crate::lint::Linter;
use crate::project::paths::display_path;
use crate::project::read::{plan_read_error, read_file_limited};
use std::path::Path;

/// Enough passes for fixes that uncover fixes; a cap so a fix that undoes
/// another can never loop.
const MAX_PASSES: usize = 10;

/// What fixing one plan came to.
pub(super) struct Fixed {
    pub shown: String,
    pub before: String,
    pub after: String,
    pub applied: usize,
}

impl Fixed {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }

    /// The edits as a unified diff (`a/` and `b/` paths, as git shows them).
    pub fn diff(&self) -> String {
        similar::TextDiff::from_lines(&self.before, &self.after)
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{}", self.shown), &format!("b/{}", self.shown))
            .to_string()
    }
}

/// `text` (the plan `shown`) with every certain fix applied.
pub(super) fn fix_text(linter: &Linter, shown: &str, text: &str) -> Result<Fixed, UserError> {
    let mut current = text.to_owned();
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let analysis = crate::guard::guarded(shown, || linter.analyze(shown, &current))?;
        let (next, count) = fix::apply(
            &current,
            analysis.findings().iter().filter_map(|f| f.fix.as_deref()),
        );
        if count == 0 || next == current {
            break;
        }
        applied += count;
        current = next;
    }
    Ok(Fixed {
        shown: shown.to_owned(),
        before: text.to_owned(),
        after: current,
        applied,
    })
}

/// Fixes the plan file at `path`; writes it back (atomically) unless
/// `dry_run`, inside `root` only (see `rewrite`). A file that is not UTF-8 is left alone: its parse error says why.
pub(super) fn fix_file(
    linter: &Linter,
    path: &Path,
    max_size: u64,
    dry_run: bool,
    root: &WritableRoot,
) -> Result<Fixed, UserError> {
    let shown = display_path(path);
    let bytes = read_file_limited(path, max_size)
        .map_err(|error| plan_read_error(&shown, &shown, max_size, error))?;
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(Fixed {
            before: String::new(),
            after: String::new(),
            shown,
            applied: 0,
        });
    };
    let fixed = fix_text(linter, &shown, text)?;
    if fixed.changed() && !dry_run {
        rewrite_plan(root, path, &bytes, fixed.after.as_bytes())?;
    }
    Ok(fixed)
}
