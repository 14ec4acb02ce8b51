//! Writing files in a plan repository (`--fix`, `planlint schema`), whose
//! files and symlinks come from whoever opens a pull request. A write
//! never leaves the repository, never goes through a planted symlink or
//! temporary name, keeps the file's mode and owner, and never overwrites
//! an edit made while planlint ran (docs/security.md).
//!
//! The rule for a symlink named on the command line: `--fix` follows it
//! only when its target is inside the repository (the folder holding
//! `.git` above the working directory, else the working directory), and
//! then rewrites the target, leaving the link a link. A target anywhere
//! else is refused, exit 2, nothing written.

use super::cannot_write;
use crate::error::UserError;
use crate::i18n::t;
use crate::output::destination::create_temporary_beside;
use crate::project::paths::{absolute, describe, display_path};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where planlint may write: the repository of the working directory.
pub(super) struct WritableRoot {
    /// Every symlink followed.
    real: PathBuf,
    shown: String,
}

impl WritableRoot {
    /// The nearest folder at or above `cwd` holding `.git`, else `cwd`.
    pub fn of(cwd: &Path) -> Result<WritableRoot, UserError> {
        let cwd = absolute(cwd);
        let lexical = cwd
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(&cwd)
            .to_path_buf();
        let real = std::fs::canonicalize(&lexical).map_err(|error| {
            let (folder, why) = (shown(&lexical), describe(&error));
            UserError::new(t!("cli-cannot-read-folder", folder = folder, error = why))
        })?;
        Ok(WritableRoot {
            real,
            shown: shown(&lexical),
        })
    }

    /// The file `path` names, every symlink followed, when it lies inside.
    fn resolve(&self, path: &Path) -> Result<PathBuf, UserError> {
        let named = display_path(path);
        let real = std::fs::canonicalize(path).map_err(|error| cannot_write(&named, &error))?;
        if !real.starts_with(&self.real) || real.starts_with(self.real.join(".git")) {
            let root = self.shown.as_str();
            return Err(
                UserError::new(t!("cli-fix-outside", file = named.as_str(), root = root))
                    .with_help(t!("cli-fix-outside-help")),
            );
        }
        Ok(real)
    }
}

/// Replaces the plan at `path`, read as `original`, with `text`: the
/// target resolved inside `root`, a temporary file created exclusively
/// beside it with the plan's mode and owner, renamed over it only if the
/// plan still holds `original`.
pub(super) fn rewrite_plan(
    root: &WritableRoot,
    path: &Path,
    original: &[u8],
    text: &[u8],
) -> Result<(), UserError> {
    let named = display_path(path);
    let target = root.resolve(path)?;
    let cannot = |error: std::io::Error| cannot_write(&named, &error);
    let metadata = std::fs::metadata(&target).map_err(cannot)?;
    if !metadata.is_file() {
        return Err(UserError::new(t!("cli-not-regular-file", file = named.as_str())));
    }
    if metadata.permissions().readonly() {
        return Err(
            UserError::new(t!("cli-read-only", file = named.as_str())).with_help(t!("cli-read-only-help"))
        );
    }
    let (mut file, temporary) = create_temporary_beside(&target).map_err(cannot)?;
    // Mode first: a 0600 plan's text is never readable by others, even briefly.
    let written = keep_mode_and_owner(&file, &metadata)
        .and_then(|()| file.write_all(text))
        .and_then(|()| file.sync_all());
    drop(file);
    let result = written.map_err(cannot).and_then(|()| {
        // An edit made since the plan was read (an editor's save) wins:
        // nothing is written, and the run says so.
        let now = std::fs::read(&target).map_err(cannot)?;
        if now != original {
            return Err(
                UserError::new(t!("cli-changed-while-fixing", file = named.as_str()))
                    .with_help(t!("cli-fix-again")),
            );
        }
        std::fs::rename(&temporary, &target).map_err(cannot)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Writes a file that `planlint schema` owns (in `.planlint/schemas/`):
/// refused when the folder or the file is a symlink, which a repository
/// could plant to send the write anywhere.
pub(super) fn write_owned_file(path: &Path, text: &[u8]) -> Result<(), UserError> {
    let named = display_path(path);
    let cannot = |error: std::io::Error| cannot_write(&named, &error);
    if is_symlink(path) {
        return Err(symlink_refused(&named));
    }
    let (mut file, temporary) = create_temporary_beside(path).map_err(cannot)?;
    let result = file
        .write_all(text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(cannot);
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Creates the folder `dir` step by step, refusing any step inside the
/// working directory `cwd` that is a symlink (the steps above it, or of a
/// folder elsewhere that the user named, are the user's own).
pub(super) fn create_owned_folder(dir: &Path, cwd: &Path) -> Result<(), UserError> {
    let dir = absolute(dir);
    let (mut current, below) = match dir.strip_prefix(cwd) {
        Ok(below) => (cwd.to_path_buf(), below.to_path_buf()),
        Err(_) => {
            return std::fs::create_dir_all(&dir).map_err(|error| {
                let (folder, why) = (shown(&dir), describe(&error));
                UserError::new(t!("cli-cannot-create", folder = folder, error = why))
            })
        }
    };
    for component in below.components() {
        current.push(component);
        if is_symlink(&current) {
            return Err(symlink_refused(&display_path(&current)));
        }
        match std::fs::create_dir(&current) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && current.is_dir() => {}
            Err(error) => {
                let (folder, why) = (display_path(&current), describe(&error));
                let message = t!("cli-cannot-create", folder = folder, error = why);
                return Err(UserError::new(message));
            }
        }
    }
    Ok(())
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_symlink())
}

fn symlink_refused(named: &str) -> UserError {
    UserError::new(t!("cli-symlink-refused", file = named)).with_help(t!("cli-symlink-refused-help"))
}

#[cfg(unix)]
fn keep_mode_and_owner(file: &std::fs::File, original: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    file.set_permissions(original.permissions())?;
    let current = file.metadata()?;
    if current.uid() != original.uid() || current.gid() != original.gid() {
        std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_mode_and_owner(file: &std::fs::File, original: &std::fs::Metadata) -> std::io::Result<()> {
    file.set_permissions(original.permissions())
}

fn shown(path: &Path) -> String {
    let shown = display_path(path);
    if shown.is_empty() {
        ".".into()
    } else {
        shown
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// An edit saved while planlint was fixing (the file no longer holds
    /// what was read) wins: nothing is written and the error says so.
    #[test]
    fn a_plan_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.plan.yaml");
        std::fs::write(&plan, "edited meanwhile\n").unwrap();
        let root = WritableRoot::of(dir.path()).unwrap();
        let error = rewrite_plan(&root, &plan, b"as read\n", b"fixed\n").unwrap_err();
        assert!(
            error.to_string().contains("changed while planlint was fixing it"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&plan).unwrap(), "edited meanwhile\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let error = rewrite_plan(&root, &plan, b"as read\n", b"fixed\n").unwrap_err();
        assert!(
            error
                .message
                .ends_with("a.plan.yaml 在 planlint 修正期间被改动过：没有写入任何内容"),
            "{error}"
        );
        assert_eq!(error.help.as_deref(), Some("请重新运行 `planlint check --fix`"));
    }

    /// A folder planted as a symlink is refused, in the language of the run.
    #[test]
    fn a_symlinked_folder_is_refused_in_chinese() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("schemas")).unwrap();
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let error = create_owned_folder(&dir.path().join("schemas/more"), dir.path()).unwrap_err();
        assert!(
            error
                .message
                .ends_with("schemas 是符号链接：planlint 不会通过它写入"),
            "{error}"
        );
        assert!(error
            .help
            .as_deref()
            .unwrap_or_default()
            .starts_with("请删除这个链接"));
    }
}
