//! Reading what users give planlint: plans, configs, rule files, baselines
//! and stdin. One limited reader for all of them, so no input (a huge file,
//! an endless pipe on stdin) can make planlint read forever; files are
//! opened only when they are regular files outside the system's
//! pseudo-filesystems, so `/proc/self/environ`, `/dev/zero` or a FIFO are
//! never read. Errors name the file and, for YAML, the place.

use crate::document::{decode, load_named, Document, LoadLimits};
use crate::error::UserError;
use crate::i18n::t;
use crate::project::paths::{describe, display_path};
use std::fmt;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

/// Files above this size are refused unless the config says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Over the limit; the size when it was known up front.
    TooBig(Option<u64>),
    /// Not opened: not a regular file, or a pseudo-file; says which.
    Refused(Unopened),
}

/// Why a file was not opened. Shown, it says so after the file's name
/// ("is a folder, not a file").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unopened {
    Folder,
    /// A device, FIFO or socket.
    NotRegular,
    /// In `/proc`, `/sys` or `/dev`.
    PseudoFile,
    /// Swapped for something else between the check and the open.
    Changed,
}

impl fmt::Display for Unopened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Unopened::Folder => t!("project-unopened-folder"),
            Unopened::NotRegular => t!("project-unopened-not-regular"),
            Unopened::PseudoFile => t!("project-unopened-pseudo-file"),
            Unopened::Changed => t!("project-unopened-changed"),
        })
    }
}

/// The kinds of files users give planlint, as errors name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Plan,
    Config,
    RuleFile,
    Baseline,
}

impl FileKind {
    /// The file `shown` named with its kind: `config file .planlint.yaml`.
    pub fn named(self, shown: &str) -> String {
        match self {
            FileKind::Plan => t!("project-file-plan", path = shown),
            FileKind::Config => t!("project-file-config", path = shown),
            FileKind::RuleFile => t!("project-file-rule-file", path = shown),
            FileKind::Baseline => t!("project-file-baseline", path = shown),
        }
    }
}

/// Reads at most `limit` bytes from `reader` (a file whose metadata says
/// `size`, or a stream); more is refused, whether the size said so up front,
/// the file grew meanwhile or it never ends.
pub fn read_limited(reader: impl Read, limit: u64, size: Option<u64>) -> Result<Vec<u8>, ReadError> {
    if let Some(size) = size.filter(|size| *size > limit) {
        return Err(ReadError::TooBig(Some(size)));
    }
    let capacity = size
        .and_then(|size| usize::try_from(size).ok())
        .unwrap_or_default();
    let mut bytes = Vec::with_capacity(capacity);
    // One byte past the limit tells an input that is too big from one that fits.
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig(None));
    }
    Ok(bytes)
}

/// The bytes of the file at `path`, at most `limit` of them.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path)?;
    read_limited(file, limit, Some(size))
}

/// Opens `path` when it is a regular file outside the pseudo-filesystems.
/// The kind is checked before opening (opening a FIFO would wait for a
/// writer) and again on the open file, in case it was swapped meanwhile;
/// the open file's size comes with it. Whether it is a pseudo-file is
/// asked of the open file itself, so what is checked is what is read.
fn open_regular(path: &Path) -> Result<(std::fs::File, u64), ReadError> {
    let kind = std::fs::metadata(path).map_err(ReadError::Io)?.file_type();
    if kind.is_dir() {
        return Err(ReadError::Refused(Unopened::Folder));
    }
    if !kind.is_file() {
        return Err(ReadError::Refused(Unopened::NotRegular));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let opened = file.metadata().map_err(ReadError::Io)?;
    if !opened.is_file() {
        return Err(ReadError::Refused(Unopened::Changed));
    }
    if super::pseudo_files::is_pseudo_file(&file, &opened, path).map_err(ReadError::Io)? {
        return Err(ReadError::Refused(Unopened::PseudoFile));
    }
    Ok((file, opened.len()))
}

/// An error for a file planlint refused to open; `what` names it, e.g.
/// "config file x.yaml", so that the message reads "config file x.yaml is ...".
pub fn refused(what: &str, reason: Unopened) -> UserError {
    UserError::new(t!("project-refused", file = what, reason = reason.to_string()))
        .with_help(t!("project-refused-help"))
}

/// A plan that could not be read, in words: `source` is what was read
/// (a path, or "stdin"), `shown` the plan's name.
pub fn plan_read_error(source: &str, shown: &str, max_size: u64, error: ReadError) -> UserError {
    match error {
        ReadError::Io(error) => UserError::new(cannot_read(source, &error)),
        ReadError::TooBig(size) => {
            let limit = max_size.to_string();
            let message = match size {
                Some(size) => {
                    let (file, size) = (shown, size.to_string());
                    t!("project-plan-too-big-size", file = file, size = size, max = limit)
                }
                None => t!("project-plan-too-big", file = shown, max = limit),
            };
            UserError::new(message).with_help(t!("project-plan-too-big-help"))
        }
        ReadError::Refused(reason) => refused(source, reason),
    }
}

/// A YAML (or JSON) file loaded with spans, kept to point errors into it.
pub struct YamlFile {
    /// The path as users see it.
    pub shown: String,
    pub source: Arc<str>,
    pub document: Document,
}

/// "cannot read FILE: REASON", `file` as the error names it.
pub fn cannot_read(file: &str, error: &io::Error) -> String {
    t!("project-cannot-read", file = file, reason = describe(error))
}

/// The bytes of a file users wrote besides plans; `what` is the kind of
/// file the error names ("config file", "rule file").
pub fn read(path: &Path, what: FileKind) -> Result<Vec<u8>, UserError> {
    read_with_limit(path, what, DEFAULT_MAX_FILE_SIZE)
}

/// [`read`] with its own limit (a baseline records every finding of a
/// repository, so it may be far larger than any plan).
pub fn read_with_limit(path: &Path, what: FileKind, limit: u64) -> Result<Vec<u8>, UserError> {
    read_file_limited(path, limit).map_err(|error| {
        let file = what.named(&display_path(path));
        match error {
            ReadError::Io(error) => UserError::new(cannot_read(&file, &error)),
            ReadError::TooBig(_) => {
                UserError::new(t!("project-file-too-big", file = file, limit = limit.to_string()))
            }
            ReadError::Refused(reason) => refused(&file, reason),
        }
    })
}

/// Reads and loads a YAML file; a parse error points at its place.
pub fn load_yaml(path: &Path, what: FileKind) -> Result<YamlFile, UserError> {
    let bytes = read(path, what)?;
    parse_yaml(display_path(path), &bytes)
}

/// Loads YAML bytes that came from `shown` (a path, or `<stdin>`); a
/// `.json` name is read as strict JSON, as `check` reads it, so no command
/// takes a broken JSON plan for YAML.
pub fn parse_yaml(shown: String, bytes: &[u8]) -> Result<YamlFile, UserError> {
    let source: Arc<str> = Arc::from(String::from_utf8_lossy(bytes).as_ref());
    let document = decode(bytes)
        .and_then(|text| load_named(&shown, text, &LoadLimits::default()))
        .map_err(|error| UserError::from_load(&shown, &source, &error))?;
    Ok(YamlFile {
        shown,
        source,
        document,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};

    #[test]
    fn files_not_read_are_named_with_their_kind_in_chinese() {
        let _chinese = scoped(Lang::Zh);
        let dir = tempfile::tempdir().unwrap();
        let folder = read(dir.path(), FileKind::Config).unwrap_err();
        assert!(
            folder.message.starts_with("配置文件 ") && folder.message.ends_with(" 是文件夹，不是文件"),
            "{}",
            folder.message
        );
        assert_eq!(
            folder.help.as_deref(),
            Some("planlint 只打开普通文件；计划仍然可以用 `-` 从标准输入传入")
        );
        let missing = read(&dir.path().join("no.yaml"), FileKind::RuleFile).unwrap_err();
        assert!(
            missing.message.starts_with("无法读取 规则文件 "),
            "{}",
            missing.message
        );
        assert!(
            missing.message.ends_with("no.yaml：文件或文件夹不存在"),
            "{}",
            missing.message
        );
        let big = plan_read_error("a.plan.yaml", "a.plan.yaml", 10, ReadError::TooBig(Some(12)));
        assert_eq!(
            big.message,
            "a.plan.yaml 有 12 字节，超过了计划文件 10 字节的上限：没有检查"
        );
    }

    #[test]
    fn the_same_in_english() {
        let _english = scoped(Lang::En);
        let big = plan_read_error("a.plan.yaml", "a.plan.yaml", 10, ReadError::TooBig(Some(12)));
        assert_eq!(
            big.message,
            "a.plan.yaml is 12 bytes, over the 10-byte limit for a plan: not checked"
        );
        let unknown = plan_read_error("stdin", "-", 10, ReadError::TooBig(None));
        assert_eq!(
            unknown.message,
            "- is over the 10-byte limit for a plan: not checked"
        );
        let dir = tempfile::tempdir().unwrap();
        let folder = read(dir.path(), FileKind::Baseline).unwrap_err();
        assert!(folder.message.starts_with("baseline "), "{}", folder.message);
        assert!(
            folder.message.ends_with(" is a folder, not a file"),
            "{}",
            folder.message
        );
    }
}
