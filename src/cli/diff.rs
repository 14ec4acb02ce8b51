//! `planlint diff OLD NEW`: two versions of a plan (files, or `REV:PATH`
//! read from git) -> each linted and its numbers derived -> what changed.

use super::plan_view::view_of;
use super::{current_dir, exit, print_stdout, DiffArgs};
use crate::error::UserError;
use crate::i18n::t;
use crate::output::diff::{diff, write};
use crate::project::config_set::Linters;
use crate::project::git::{Repository, Revision};
use crate::project::paths::display_path;
use crate::project::read::{plan_read_error, read_file_limited};
use std::path::{Path, PathBuf};

/// One side of the diff: its bytes, and the path its findings and config go by.
struct Version {
    /// What the user called it (`HEAD~1:plans/a.plan.yaml`, a path).
    label: String,
    /// The plan's path, for findings and for finding its config.
    path: String,
    bytes: Vec<u8>,
}

pub(super) fn run(args: &DiffArgs) -> Result<i32, UserError> {
    let cwd = current_dir()?;
    let linters = Linters::new(super::configs(args.config.as_deref(), &cwd)?);
    let mut views = Vec::with_capacity(2);
    for argument in [&args.old, &args.new] {
        let version = locate(argument, &cwd)?;
        let (linter, _) = linters.for_path(Path::new(&version.path))?;
        views.push((view_of(&linter, &version.path, &version.bytes)?, version.label));
    }
    let [(old, old_label), (new, new_label)] =
        <[_; 2]>::try_from(views).map_err(|_| UserError::new(t!("cli-diff-internal")))?;
    let changes = diff(&old, &new, &old_label, &new_label);
    let mut out = Vec::new();
    write(args.format, &changes, &mut out)
        .map_err(|error| UserError::new(t!("cli-diff-unrenderable", error = error.to_string())))?;
    print_stdout(&String::from_utf8_lossy(&out));
    Ok(exit::CLEAN)
}

/// `REV:PATH` read from git, else a file on disk. The form decides, not
/// what exists: a committed file literally named `HEAD:a.plan.yaml` must
/// not stand in for the revision (write `./NAME` for such a file).
fn locate(argument: &str, cwd: &Path) -> Result<Version, UserError> {
    match git_form(argument) {
        Some((revision, file)) => from_git(argument, revision, file, cwd),
        None => from_disk(argument),
    }
}

/// `(REV, PATH)` when `argument` is written as a git revision's file:
/// `REV:PATH`, unless it starts as a path does (`./`, `../`, `/`, `C:\`).
fn git_form(argument: &str) -> Option<(&str, &str)> {
    let looks_like_path = ["./", "../", "/", ".\\", "..\\", "\\"]
        .iter()
        .any(|start| argument.starts_with(start))
        || is_drive_path(argument);
    if looks_like_path {
        return None;
    }
    argument.split_once(':')
}

/// `C:\plans` or `C:/plans`: a Windows path, not revision `C`.
fn is_drive_path(argument: &str) -> bool {
    let bytes = argument.as_bytes();
    bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && matches!(bytes[2], b'\\' | b'/')
}

fn from_disk(argument: &str) -> Result<Version, UserError> {
    let path = PathBuf::from(argument);
    let shown = display_path(&path);
    let limit = crate::project::read::DEFAULT_MAX_FILE_SIZE;
    crate::project::containment::check_named_link(&path)?;
    let bytes = read_file_limited(&path, limit).map_err(|error| {
        let mut error = plan_read_error(&shown, &shown, limit, error);
        if !path.exists() {
            error = error.with_help(t!("cli-diff-name-a-plan"));
        }
        error
    })?;
    Ok(Version {
        label: shown.clone(),
        path: shown,
        bytes,
    })
}

fn from_git(argument: &str, revision: &str, file: &str, cwd: &Path) -> Result<Version, UserError> {
    if file.is_empty() {
        return Err(UserError::new(t!("cli-diff-no-file", argument = argument))
            .with_help(t!("cli-diff-no-file-help")));
    }
    let revision = Revision::parse(revision)?;
    let repository = Repository::discover(cwd)?;
    let commit = repository
        .commit(&revision)
        .map_err(|error| error.with_help(t!("cli-diff-revision-help", argument = argument, file = file)))?;
    let in_git = repository.path_in_revision(file, cwd)?;
    let limit = crate::project::read::DEFAULT_MAX_FILE_SIZE;
    let bytes = repository.read_file(&commit, &in_git, limit)?.ok_or_else(|| {
        let revision = revision.as_str();
        UserError::new(t!("cli-diff-not-in-revision", file = file, revision = revision))
            .with_help(t!("cli-diff-not-in-revision-help"))
    })?;
    Ok(Version {
        label: argument.to_owned(),
        path: file.trim_start_matches("./").to_owned(),
        bytes,
    })
}
