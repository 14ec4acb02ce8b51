//! Reading what users give planlint: plans, configs, rule files, baselines
//! and stdin. One limited reader for all of them, so no input (a huge file,
//! an endless pipe on stdin) can make planlint read forever; files are
//! opened only when they are regular files outside the system's
//! pseudo-filesystems, so `/proc/self/environ`, `/dev/zero` or a FIFO are
//! never read. Errors name the file and, for YAML, the place.

use crate::document::{decode, load_named, Document, LoadLimits};
use crate::error::UserError;
use crate::project::paths::{describe, display_path};
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
    Refused(&'static str),
}

/// Where the system shows processes, devices and kernel state as files.
const PSEUDO_FILESYSTEMS: &[&str] = &["/proc", "/sys", "/dev"];

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
    let file = open_regular(path)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    read_limited(file, limit, Some(size))
}

/// Opens `path` when it is a regular file outside the pseudo-filesystems.
/// The kind is checked before opening (opening a FIFO would wait for a
/// writer) and again on the open file, in case it was swapped meanwhile.
fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    let kind = std::fs::metadata(path).map_err(ReadError::Io)?.file_type();
    if kind.is_dir() {
        return Err(ReadError::Refused("is a folder, not a file"));
    }
    if !kind.is_file() {
        return Err(ReadError::Refused(
            "is not a regular file (a device, FIFO or socket): not read",
        ));
    }
    let real = std::fs::canonicalize(path).map_err(ReadError::Io)?;
    if PSEUDO_FILESYSTEMS.iter().any(|system| real.starts_with(system)) {
        return Err(ReadError::Refused(
            "is a system pseudo-file (/proc, /sys, /dev): planlint never reads those",
        ));
    }
    let file = std::fs::File::open(&real).map_err(ReadError::Io)?;
    if !file.metadata().map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::Refused(
            "changed into a non-regular file while opened: not read",
        ));
    }
    Ok(file)
}

/// An error for a file planlint refused to open; `what` names it, e.g.
/// "config file x.yaml", so that the message reads "config file x.yaml is ...".
pub fn refused(what: &str, reason: &str) -> UserError {
    UserError::new(format!("{what} {reason}"))
        .with_help("planlint opens regular files only; a plan can still come through stdin with `-`")
}

/// A plan that could not be read, in words: `source` is what was read
/// (a path, or "stdin"), `shown` the plan's name.
pub fn plan_read_error(source: &str, shown: &str, max_size: u64, error: ReadError) -> UserError {
    match error {
        ReadError::Io(error) => UserError::new(format!("cannot read {source}: {}", describe(&error))),
        ReadError::TooBig(size) => {
            let size = size.map(|size| format!(" {size} bytes,")).unwrap_or_default();
            UserError::new(format!(
                "{shown} is{size} over the {max_size}-byte limit for a plan: not checked"
            ))
            .with_help("raise `max_file_size` in .planlint.yaml if this file really is a plan")
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

/// The bytes of a file users wrote besides plans; `what` names the kind of
/// file in the error ("config file", "rule file").
pub fn read(path: &Path, what: &str) -> Result<Vec<u8>, UserError> {
    read_with_limit(path, what, DEFAULT_MAX_FILE_SIZE)
}

/// [`read`] with its own limit (a baseline records every finding of a
/// repository, so it may be far larger than any plan).
pub fn read_with_limit(path: &Path, what: &str, limit: u64) -> Result<Vec<u8>, UserError> {
    read_file_limited(path, limit).map_err(|error| match error {
        ReadError::Io(error) => UserError::new(format!(
            "cannot read {what} {}: {}",
            display_path(path),
            describe(&error)
        )),
        ReadError::TooBig(_) => UserError::new(format!(
            "{what} {} is over the {limit}-byte limit: not read",
            display_path(path)
        )),
        ReadError::Refused(reason) => refused(&format!("{what} {}", display_path(path)), reason),
    })
}

/// Reads and loads a YAML file; a parse error points at its place.
pub fn load_yaml(path: &Path, what: &str) -> Result<YamlFile, UserError> {
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
