//! Reading what users give planlint: plans, configs, rule files, baselines
//! and stdin. One limited reader for all of them, so no input (a huge file,
//! `/dev/zero`, an endless pipe) can make planlint read forever; errors name
//! the file and, for YAML, the place.

use crate::document::{decode, load, Document, LoadLimits};
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
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    read_limited(file, limit, Some(size))
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
    let limit = DEFAULT_MAX_FILE_SIZE;
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
    })
}

/// Reads and loads a YAML file; a parse error points at its place.
pub fn load_yaml(path: &Path, what: &str) -> Result<YamlFile, UserError> {
    let bytes = read(path, what)?;
    parse_yaml(display_path(path), &bytes)
}

/// Loads YAML bytes that came from `shown` (a path, or `<stdin>`).
pub fn parse_yaml(shown: String, bytes: &[u8]) -> Result<YamlFile, UserError> {
    let source: Arc<str> = Arc::from(String::from_utf8_lossy(bytes).as_ref());
    let document = decode(bytes)
        .and_then(|text| load(text, &LoadLimits::default()))
        .map_err(|error| UserError::from_load(&shown, &source, &error))?;
    Ok(YamlFile {
        shown,
        source,
        document,
    })
}
