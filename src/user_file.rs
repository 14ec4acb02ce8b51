//! Reading the files users write besides plans (configs, rule files,
//! baselines), with errors that name the file and, for YAML, the place.

use crate::discover::{describe, display_path};
use crate::document::{decode, load, Document, LoadLimits};
use crate::error::UserError;
use std::path::Path;
use std::sync::Arc;

/// A YAML (or JSON) file loaded with spans, kept to point errors into it.
pub struct YamlFile {
    /// The path as users see it.
    pub shown: String,
    pub source: Arc<str>,
    pub document: Document,
}

/// The bytes of `path`; `what` names the kind of file in the error
/// ("config file", "rule file").
/// Files larger than the plan size limit are refused, so a config pointing
/// at `/dev/zero` cannot make planlint read forever.
pub fn read(path: &Path, what: &str) -> Result<Vec<u8>, UserError> {
    use std::io::Read;
    let limit = crate::config::DEFAULT_MAX_FILE_SIZE;
    let unreadable = |error: std::io::Error| {
        UserError::new(format!(
            "cannot read {what} {}: {}",
            display_path(path),
            describe(&error)
        ))
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(UserError::new(format!(
            "{what} {} is over the {limit}-byte limit: not read",
            display_path(path)
        )));
    }
    Ok(bytes)
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
