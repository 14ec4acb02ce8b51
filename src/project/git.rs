//! Plans as they were in a git revision, read with the user's own `git`
//! (`git show REV:PATH`), never through a shell.

use crate::error::UserError;
use crate::project::paths::describe;
use std::path::Path;
use std::process::{Command, Output};

/// A revision as given on the command line (`origin/main`, `HEAD~1`, a SHA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision(String);

impl Revision {
    /// Refuses what git would read as an option, or could not name a commit.
    pub fn parse(text: &str) -> Result<Revision, UserError> {
        if text.is_empty() {
            return Err(UserError::new("the git revision is empty"));
        }
        if text.starts_with('-') {
            return Err(UserError::new(format!(
                "`{text}` is not a git revision: a revision cannot start with `-`"
            )));
        }
        if text.chars().any(char::is_control) {
            return Err(UserError::new(format!("{text:?} is not a git revision")));
        }
        Ok(Revision(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Fails unless the revision names a commit of the repository that
    /// holds `folder`.
    pub fn verify(&self, folder: &Path) -> Result<(), UserError> {
        let commit = format!("{}^{{commit}}", self.0);
        let output = git(
            folder,
            &["rev-parse", "--verify", "--quiet", "--end-of-options", &commit],
        )?;
        if output.status.success() {
            return Ok(());
        }
        let inside = git(folder, &["rev-parse", "--is-inside-work-tree"])?;
        if !inside.status.success() {
            return Err(UserError::new(format!(
                "{} is not inside a git repository: cannot read revision `{}`",
                folder.display(),
                self.0
            )));
        }
        Err(UserError::new(format!(
            "`{}` is not a commit of this git repository",
            self.0
        ))
        .with_help("name a branch, tag or commit, e.g. `origin/main` or `HEAD~1` (fetch it first in a shallow clone)"))
    }
}

/// The bytes of `path` (as git reads it: from the repository root, or from
/// `folder` when it starts with `./`) at `revision`; `None` when the file
/// did not exist there. The revision must be verified first.
pub fn show(revision: &Revision, folder: &Path, path: &str) -> Result<Option<Vec<u8>>, UserError> {
    let object = format!("{}:{path}", revision.0);
    let output = git(folder, &["show", "--no-textconv", "--end-of-options", &object])?;
    if output.status.success() {
        return Ok(Some(output.stdout));
    }
    let message = String::from_utf8_lossy(&output.stderr);
    // git says "does not exist in" / "exists on disk, but not in" for a
    // path the revision lacks; anything else is a real failure.
    if message.contains("does not exist in") || message.contains("but not in") {
        return Ok(None);
    }
    Err(UserError::new(format!(
        "git show {object} failed: {}",
        message.trim()
    )))
}

/// The version of the file at `file` (a path on disk) at `revision`:
/// looked up from the file's own folder, so any working directory works.
pub fn show_file(revision: &Revision, file: &Path) -> Result<Option<Vec<u8>>, UserError> {
    let absolute = crate::project::paths::absolute(file);
    let folder = absolute.parent().unwrap_or(Path::new("/"));
    let name = absolute
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    show(revision, folder, &format!("./{name}"))
}

fn git(folder: &Path, args: &[&str]) -> Result<Output, UserError> {
    Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|error| {
            UserError::new(format!("cannot run git: {}", describe(&error)))
                .with_help("install git, or compare two files instead of a revision")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_that_look_like_options_are_refused() {
        assert!(Revision::parse("--output=/tmp/x").is_err());
        assert!(Revision::parse("-p").is_err());
        assert!(Revision::parse("").is_err());
        assert!(Revision::parse("a\nb").is_err());
        assert_eq!(Revision::parse("origin/main").unwrap().as_str(), "origin/main");
    }
}
