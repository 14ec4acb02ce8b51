//! Plans as they were in a git revision, read with the user's own `git`,
//! never through a shell.
//!
//! The files of a plan repository come from whoever opens a pull request,
//! so git is run as a tool that nothing in the work tree can steer
//! (docs/security.md):
//! - always against the repository found from the working directory, named
//!   with `--git-dir` (never discovered from a plan's folder, where
//!   committed files can lay out a repository of their own), with bare
//!   repositories never discovered (`safe.bareRepository=explicit`);
//! - no transport (`protocol.allow=never`), no lazy fetch of missing
//!   objects (`GIT_NO_LAZY_FETCH`), no hooks, no pager, no fsmonitor, no
//!   replace refs, no terminal prompt;
//! - the revision resolved to a commit id first; objects then named as
//!   `<commit id>:<path from the root>`, so no file name can be taken for a
//!   revision or an option; only blobs are read, and only after their size
//!   is checked against the limit that files have.

use crate::error::UserError;
use crate::i18n::t;
use crate::project::containment::cannot_read_folder;
use crate::project::paths::{absolute, describe, display_path};
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A revision as given on the command line (`origin/main`, `HEAD~1`, a SHA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision(String);

impl Revision {
    /// Refuses what git would read as an option, or could not name a commit.
    pub fn parse(text: &str) -> Result<Revision, UserError> {
        if text.is_empty() {
            return Err(UserError::new(t!("project-git-revision-empty")));
        }
        if text.starts_with('-') {
            return Err(UserError::new(t!("project-git-revision-dash", revision = text)));
        }
        if text.chars().any(char::is_control) {
            let quoted = format!("{text:?}");
            let message = t!("project-git-revision-control", revision = quoted);
            return Err(UserError::new(message));
        }
        Ok(Revision(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A commit, by its full object id (hex: never an option or a path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    id: String,
    /// The revision as the user wrote it, for messages.
    named: String,
}

impl Commit {
    pub fn named(&self) -> &str {
        &self.named
    }
}

/// The git repository that holds the working directory, run as a trusted
/// tool (see the module's comment).
#[derive(Debug, Clone)]
pub struct Repository {
    /// The work tree's root, every symlink followed.
    root: PathBuf,
    /// Its `.git` (a folder, or the file a worktree or submodule has).
    git_dir: PathBuf,
}

impl Repository {
    /// The nearest folder at or above `folder` that holds `.git`. A plan
    /// repository's own files can never be named `.git` (git refuses such
    /// paths), so what is found is a real repository, never one laid out
    /// by committed files.
    pub fn discover(folder: &Path) -> Result<Repository, UserError> {
        let folder = absolute(folder);
        let Some(lexical_root) = folder.ancestors().find(|dir| dir.join(".git").exists()) else {
            return Err(
                UserError::new(t!("project-git-no-repository", folder = shown(&folder)))
                    .with_help(t!("project-git-no-repository-help")),
            );
        };
        let root = std::fs::canonicalize(lexical_root)
            .map_err(|error| UserError::new(cannot_read_folder(&shown(lexical_root), &error)))?;
        Ok(Repository {
            git_dir: root.join(".git"),
            root,
        })
    }

    /// The commit `revision` names; an error that says what to write when
    /// it names none.
    pub fn commit(&self, revision: &Revision) -> Result<Commit, UserError> {
        let wanted = format!("{}^{{commit}}", revision.0);
        let output = self.run(
            &["rev-parse", "--verify", "--quiet", "--end-of-options", &wanted],
            None,
        )?;
        let id = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        if !output.status.success() || !is_object_id(&id) {
            return Err(
                UserError::new(t!("project-git-not-a-commit", revision = revision.0.as_str()))
                    .with_help(t!("project-git-not-a-commit-help")),
            );
        }
        Ok(Commit {
            id,
            named: revision.0.clone(),
        })
    }

    /// `path` (on disk; it may no longer exist) as a path from the
    /// repository's root, `/`-separated, for `<commit>:<path>`.
    pub fn path_of(&self, path: &Path) -> Result<String, UserError> {
        let absolute = absolute(path);
        // The folder is resolved (it usually exists); the name is kept as
        // written, so a plan deleted since is still found in the revision.
        let resolved = match (absolute.parent(), absolute.file_name()) {
            (Some(parent), Some(name)) => std::fs::canonicalize(parent)
                .map(|parent| parent.join(name))
                .unwrap_or_else(|_| lexically_normal(&absolute)),
            _ => lexically_normal(&absolute),
        };
        let relative = resolved.strip_prefix(&self.root).map_err(|_| {
            let (file, root) = (shown(path), shown(&self.root));
            UserError::new(t!("project-git-outside", file = file, root = root))
        })?;
        from_root(relative).ok_or_else(|| UserError::new(t!("project-git-unnameable", file = shown(path))))
    }

    /// `REV:PATH` as written on the command line: PATH from the
    /// repository's root, or from `cwd` when it starts with `./` or `../`
    /// (as git reads it).
    pub fn path_in_revision(&self, written: &str, cwd: &Path) -> Result<String, UserError> {
        if written.starts_with("./") || written.starts_with("../") || written == "." || written == ".." {
            return self.path_of(&cwd.join(written));
        }
        from_root(Path::new(written)).ok_or_else(|| {
            UserError::new(t!("project-git-not-a-path", path = written))
                .with_help(t!("project-git-not-a-path-help"))
        })
    }

    /// The bytes of the file at `path` (from the root) in `commit`; `None`
    /// when the commit has no such path. A folder, a submodule or a file
    /// over `limit` bytes is an error naming it; nothing of it is read.
    pub fn read_file(&self, commit: &Commit, path: &str, limit: u64) -> Result<Option<Vec<u8>>, UserError> {
        let named = format!("{}:{path}", commit.named);
        let query = format!("{}:{path}\n", commit.id);
        let output = self.run(
            &[
                "cat-file",
                "--batch-check=%(objectname) %(objecttype) %(objectsize)",
            ],
            Some(query.as_bytes()),
        )?;
        let answer = String::from_utf8_lossy(&output.stdout);
        let fields: Vec<&str> = answer.split_whitespace().collect();
        let [object, kind, size] = fields[..] else {
            // "<name> missing" (or "ambiguous"): the commit has no such path.
            return Ok(None);
        };
        if kind != "blob" || !is_object_id(object) {
            let message = if kind == "tree" {
                t!("project-git-folder", named = named.as_str())
            } else {
                t!("project-git-not-a-file", named = named.as_str())
            };
            return Err(UserError::new(message).with_help(t!("project-git-not-a-file-help")));
        }
        let size: u64 = size.parse().unwrap_or(u64::MAX);
        if size > limit {
            let (file, size, max) = (named.as_str(), size.to_string(), limit.to_string());
            let message = t!("project-git-too-big-size", file = file, size = size, max = max);
            return Err(UserError::new(message).with_help(t!("project-git-too-big-help")));
        }
        self.read_blob(object, &named, limit).map(Some)
    }

    /// The blob `object` (checked to be at most `limit` bytes), read with
    /// the limit again in case git says more than it promised.
    fn read_blob(&self, object: &str, named: &str, limit: u64) -> Result<Vec<u8>, UserError> {
        let mut child = self
            .command(&["cat-file", "blob", object])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(cannot_run)?;
        let mut bytes = Vec::new();
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| UserError::new(t!("project-git-no-output")))?;
        let read = stdout.take(limit.saturating_add(1)).read_to_end(&mut bytes);
        if read.is_err() || bytes.len() as u64 > limit {
            let _ = child.kill();
        }
        let status = child.wait_with_output().map_err(cannot_run)?;
        let limit_text = limit.to_string();
        match read {
            Ok(_) if bytes.len() as u64 <= limit && status.status.success() => Ok(bytes),
            Ok(_) if bytes.len() as u64 > limit => {
                let message = t!("project-git-too-big", named = named, limit = limit_text);
                Err(UserError::new(message))
            }
            Ok(_) => {
                let said = String::from_utf8_lossy(&status.stderr).trim().to_owned();
                let message = t!("project-git-could-not-read", named = named, git = said);
                Err(UserError::new(message))
            }
            Err(error) => {
                let reason = error.to_string();
                let message = t!("project-git-read-failed", named = named, reason = reason);
                Err(UserError::new(message))
            }
        }
    }

    fn run(&self, args: &[&str], input: Option<&[u8]>) -> Result<Output, UserError> {
        let mut command = self.command(args);
        command
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(cannot_run)?;
        if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
            // git answers after reading its whole input: it is one short line.
            stdin
                .write_all(input)
                .map_err(|error| UserError::new(t!("project-git-cannot-talk", reason = error.to_string())))?;
        }
        child.wait_with_output().map_err(cannot_run)
    }

    /// git with every way for the repository's files to steer it shut.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        command
            .arg("--no-pager")
            .arg("--git-dir")
            .arg(&self.git_dir)
            .args(HARDENED_CONFIG.iter().flat_map(|setting| ["-c", setting]))
            .args(args)
            .current_dir(&self.root)
            // A repository (or an environment) cannot redirect git elsewhere.
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_OBJECT_DIRECTORY")
            .env_remove("GIT_ALTERNATE_OBJECT_DIRECTORIES")
            .env_remove("GIT_NAMESPACE")
            .env("GIT_NO_LAZY_FETCH", "1")
            .env("GIT_NO_REPLACE_OBJECTS", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env("GIT_PROTOCOL_FROM_USER", "0")
            .env("GIT_PAGER", "cat");
        command
    }
}

/// Settings given on the command line, which no repository config can
/// override: git reads them last.
const HARDENED_CONFIG: &[&str] = &[
    "safe.bareRepository=explicit",
    "protocol.allow=never",
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.untrackedCache=false",
    "core.pager=cat",
    "credential.helper=",
];

fn cannot_run(error: std::io::Error) -> UserError {
    UserError::new(t!("project-git-cannot-run", reason = describe(&error)))
        .with_help(t!("project-git-cannot-run-help"))
}

/// A full SHA-1 or SHA-256 object id.
fn is_object_id(text: &str) -> bool {
    matches!(text.len(), 40 | 64) && text.bytes().all(|byte| byte.is_ascii_hexdigit())
}

fn shown(path: &Path) -> String {
    let shown = display_path(path);
    if shown.is_empty() {
        ".".into()
    } else {
        shown
    }
}

/// `path` with `.` and `..` steps removed, without asking the file system.
fn lexically_normal(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                normal.pop();
            }
            other => normal.push(other),
        }
    }
    normal
}

/// A relative path as git names it from the root: `/`-separated, no `.`
/// or `..` steps, not empty, no control characters (they would end the
/// line git reads the name from).
fn from_root(relative: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    let joined = parts.join("/");
    (!joined.is_empty() && !joined.chars().any(char::is_control)).then_some(joined)
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

    #[test]
    fn refused_revisions_are_named_in_chinese() {
        let _chinese = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let dash = Revision::parse("-p").unwrap_err();
        assert_eq!(dash.message, "`-p` 不是 Git 版本：版本不能以 `-` 开头");
        assert_eq!(Revision::parse("").unwrap_err().message, "Git 版本是空的");
    }

    #[test]
    fn paths_from_the_root_have_no_dot_steps_and_stay_inside() {
        assert_eq!(
            from_root(Path::new("plans/./a.plan.yaml")).as_deref(),
            Some("plans/a.plan.yaml")
        );
        assert_eq!(
            from_root(Path::new("plans/x/../a.plan.yaml")).as_deref(),
            Some("plans/a.plan.yaml")
        );
        assert_eq!(from_root(Path::new("../a.plan.yaml")), None);
        assert_eq!(from_root(Path::new("/etc/passwd")), None);
        assert_eq!(from_root(Path::new("a\nb")), None);
        assert_eq!(from_root(Path::new(".")), None);
    }

    #[test]
    fn object_ids_are_full_hex() {
        assert!(is_object_id(&"a".repeat(40)));
        assert!(is_object_id(&"0".repeat(64)));
        assert!(!is_object_id("HEAD"));
        assert!(!is_object_id(&"g".repeat(40)));
    }
}
