//! Which files a repository may make planlint read. Configs, rule packs and
//! baselines in a plan repository are written by whoever opens a pull
//! request, so every path they name must resolve, after following
//! symlinks, inside that repository: its git work tree, or the config's own
//! folder outside git. The check happens before anything is opened, so
//! nothing of a refused target is ever read (docs/security.md).

use crate::error::UserError;
use crate::i18n::t;
use crate::project::paths::{absolute, describe, display_path};
use std::path::{Path, PathBuf};

/// The folder a config's paths must stay inside.
#[derive(Debug, Clone)]
pub struct Containment {
    /// As reached from the config's path, before symlinks are followed.
    lexical_root: PathBuf,
    /// With every symlink followed: what resolved paths are compared with.
    real_root: PathBuf,
}

/// Why a path named by a repository file is not used.
#[derive(Debug)]
pub enum Refusal {
    /// It resolves outside the repository: it was not opened.
    Outside,
    /// It resolves into `.git`, git's own data (with the credentials
    /// `actions/checkout` keeps there): not the repository's files.
    GitData,
    /// It is inside but cannot be resolved (missing, a dangling link...).
    Unreadable(std::io::Error),
}

impl Containment {
    /// The repository holding the config file at `config`: the nearest
    /// folder above it holding `.git` (a folder, or a file for worktrees),
    /// else the config's own folder.
    pub fn of_config(config: &Path) -> Result<Containment, UserError> {
        let folder = absolute(config)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Containment::of_folder(&folder)
    }

    /// The repository of the working directory, as `--fix` knows it: the
    /// nearest folder at or above it holding `.git`, else itself.
    pub fn of_working_directory() -> Result<Containment, UserError> {
        Containment::of_folder(&absolute(Path::new(".")))
    }

    fn of_folder(folder: &Path) -> Result<Containment, UserError> {
        let lexical_root = folder
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(folder)
            .to_path_buf();
        let real_root = std::fs::canonicalize(&lexical_root)
            .map_err(|error| UserError::new(cannot_read_folder(&display_path(&lexical_root), &error)))?;
        Ok(Containment {
            lexical_root,
            real_root,
        })
    }

    /// The repository folder as users see it, for error messages.
    pub fn shown_root(&self) -> String {
        let shown = display_path(&self.lexical_root);
        if shown.is_empty() {
            ".".into()
        } else {
            shown
        }
    }

    /// `path` (absolute, or relative to the working directory) with its
    /// `.` and `..` steps removed, when it resolves inside the repository.
    pub fn check(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let lexical = absolute(path);
        match std::fs::canonicalize(&lexical) {
            Ok(real) if real.starts_with(self.real_root.join(".git")) => Err(Refusal::GitData),
            Ok(real) if real.starts_with(&self.real_root) => Ok(lexical),
            Ok(_) => Err(Refusal::Outside),
            // Missing: say so only for a place inside, so that the error does
            // not tell which files exist elsewhere on the machine.
            Err(error) if self.lexically_inside(&lexical) => Err(Refusal::Unreadable(error)),
            Err(_) => Err(Refusal::Outside),
        }
    }

    fn lexically_inside(&self, lexical: &Path) -> bool {
        lexical.starts_with(&self.lexical_root) || lexical.starts_with(&self.real_root)
    }

    /// The error for a path named by a repository file that is refused:
    /// `name` as written there.
    pub fn refusal_message(&self, name: &str, refusal: &Refusal) -> String {
        match refusal {
            Refusal::GitData => t!("project-refused-git-data", name = name),
            Refusal::Unreadable(error) => {
                let reason = describe(error);
                t!("project-refused-unreadable", name = name, reason = reason)
            }
            Refusal::Outside => t!("project-refused-outside", name = name, root = self.shown_root()),
        }
    }

    /// What to do about an outside path, shown under the error.
    pub fn outside_help(&self) -> String {
        t!("project-outside-help", root = self.shown_root())
    }
}

/// A plan or folder named on the command line whose path goes through a
/// symlink (the file itself, or a folder on the way) is read only when it
/// resolves inside the repository of the working directory, and not into
/// `.git`: a pull request may turn a plan or folder that a workflow names
/// into a link to the runner's files, whose text an error would print. A
/// path without a link is read wherever it is: whoever typed it chose it.
pub fn check_named_link(path: &Path) -> Result<(), UserError> {
    let lexical = absolute(path);
    // Missing or dangling: the read says so, in its own words.
    let Ok(real) = std::fs::canonicalize(&lexical) else {
        return Ok(());
    };
    // The system's pseudo-files are refused by the read, in those words.
    let system = crate::project::pseudo_files::SYSTEM_PLACES
        .iter()
        .any(|place| real.starts_with(place));
    if real == lexical || system {
        return Ok(());
    }
    let containment = Containment::of_working_directory()?;
    let file = display_path(path);
    let message = match containment.check(path) {
        Ok(_) | Err(Refusal::Unreadable(_)) => return Ok(()),
        Err(Refusal::Outside) => t!(
            "project-link-outside",
            file = file.as_str(),
            root = containment.shown_root()
        ),
        Err(Refusal::GitData) => t!("project-link-git-data", file = file.as_str()),
    };
    Err(UserError::new(message).with_help(t!("project-link-help")))
}

/// "cannot read the folder FOLDER: REASON".
pub fn cannot_read_folder(folder: &str, error: &std::io::Error) -> String {
    let reason = describe(error);
    t!("project-cannot-read-folder", folder = folder, reason = reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repository() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        std::fs::create_dir_all(dir.path().join("plans/team")).unwrap();
        std::fs::write(dir.path().join("base.yaml"), "").unwrap();
        dir
    }

    #[test]
    fn the_root_is_the_nearest_folder_holding_git() {
        let dir = repository();
        let containment = Containment::of_config(&dir.path().join("plans/team/.planlint.yaml")).unwrap();
        assert_eq!(containment.lexical_root, dir.path());
        assert!(containment
            .check(&dir.path().join("plans/team/../../base.yaml"))
            .is_ok());
    }

    #[test]
    fn without_git_the_root_is_the_config_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("plans")).unwrap();
        let containment = Containment::of_config(&dir.path().join("plans/.planlint.yaml")).unwrap();
        assert_eq!(containment.lexical_root, dir.path().join("plans"));
    }

    #[test]
    fn parents_absolute_paths_and_missing_outside_files_are_outside() {
        let dir = repository();
        let containment = Containment::of_config(&dir.path().join(".planlint.yaml")).unwrap();
        for outside in [
            "../x.yaml",
            "/etc/hostname",
            "/proc/self/environ",
            "../no/such.yaml",
        ] {
            let refused = containment.check(&dir.path().join(outside));
            assert!(matches!(refused, Err(Refusal::Outside)), "{outside}: {refused:?}");
        }
        std::fs::write(dir.path().join(".git/config"), "").unwrap();
        let git = containment.check(&dir.path().join("plans/../.git/config"));
        assert!(matches!(git, Err(Refusal::GitData)), "{git:?}");
        let missing = containment.check(&dir.path().join("no-such.yaml"));
        assert!(matches!(missing, Err(Refusal::Unreadable(_))), "{missing:?}");
    }

    #[test]
    #[cfg(unix)]
    fn symlinks_are_followed_before_the_check() {
        let dir = repository();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.yaml"), "").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.yaml"), dir.path().join("link.yaml")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("elsewhere")).unwrap();
        std::os::unix::fs::symlink("base.yaml", dir.path().join("inside.yaml")).unwrap();
        let containment = Containment::of_config(&dir.path().join(".planlint.yaml")).unwrap();
        assert!(matches!(
            containment.check(&dir.path().join("link.yaml")),
            Err(Refusal::Outside)
        ));
        assert!(matches!(
            containment.check(&dir.path().join("elsewhere/secret.yaml")),
            Err(Refusal::Outside)
        ));
        assert!(containment.check(&dir.path().join("inside.yaml")).is_ok());
    }
}
