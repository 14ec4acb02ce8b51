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
pub fn read(path: &Path, what: &str) -> Result<Vec<u8>, UserError> {
    std::fs::read(path).map_err(|error| {
        UserError::new(format!(
            "cannot read {what} {}: {}",
            display_path(path),
            describe(&error)
        ))
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
