//! Which files to check: explicit files as given, directories walked for
//! plan files (honouring .gitignore), config include/exclude applied.

use crate::error::UserError;
use crate::i18n::t;
use crate::project::config::Config;
use crate::project::config_set::ConfigSet;
use crate::project::paths::display_path;
use crate::project::read::cannot_read;
use ignore::WalkBuilder;
use std::path::{Path, PathBuf};

/// What a directory walk picks up when the config has no `include`.
pub fn is_plan_file_name(path: &Path) -> bool {
    // A name that is not UTF-8 is still a plan when it ends like one.
    let Some(name) = path.file_name().map(|name| name.to_string_lossy()) else {
        return false;
    };
    [".plan.yaml", ".plan.yml", ".plan.json"]
        .iter()
        .any(|suffix| name.len() > suffix.len() && name.ends_with(suffix))
}

/// The files to check, sorted and without duplicates, and the paths that
/// could not be used.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<UserError>,
    /// Folders in which no plan file was found, in words.
    pub empty: Vec<String>,
    /// Symlinks a folder walk met where a plan would be checked, as shown:
    /// walks do not follow links, so these were not checked.
    pub links_not_followed: Vec<String>,
}

/// Each file is judged by the config that applies to it (its `include`
/// and `exclude`, relative to that config's folder).
pub fn discover(paths: &[PathBuf], configs: &ConfigSet) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        if let Err(error) = crate::project::containment::check_named_link(path) {
            found.errors.push(error);
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => found
                .errors
                .push(UserError::new(cannot_read(&display_path(path), &error))),
            Ok(metadata) if metadata.is_dir() => {
                let before = (found.files.len(), found.links_not_followed.len());
                walk(path, configs, &mut found);
                // A folder whose plans are all links is named by the link warning.
                if (found.files.len(), found.links_not_followed.len()) == before {
                    found.empty.push(display_path(path));
                }
            }
            // Files named on the command line are checked whatever their name
            // (pre-commit passes exactly the files to check), unless excluded.
            Ok(_) => match configs.for_path(path) {
                Ok(config) if !is_excluded(path, &config) => found.files.push(path.clone()),
                Ok(_) => {}
                Err(error) => found.errors.push(error),
            },
        }
    }
    found.files.sort();
    found.files.dedup();
    // One file named several ways (`a.plan.yaml`, `./a.plan.yaml`, its
    // absolute path, through its folder) is checked and reported once. One
    // path alone cannot name a file twice (walks do not follow links).
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        found
            .files
            .retain(|path| seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())));
    }
    found
}

fn walk(root: &Path, configs: &ConfigSet, found: &mut Discovered) {
    for entry in WalkBuilder::new(root).follow_links(false).build() {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_link = entry.path_is_symlink();
                if !is_link && !entry.file_type().is_some_and(|kind| kind.is_file()) {
                    continue;
                }
                let config = match configs.for_file(path) {
                    Ok(config) => config,
                    Err(error) => {
                        found.errors.push(error);
                        continue;
                    }
                };
                let wanted = match &config.include {
                    Some(include) => include.is_match(config.relative(path)),
                    None => is_plan_file_name(path),
                };
                if !wanted || is_excluded(path, &config) {
                    continue;
                }
                if is_link {
                    found.links_not_followed.push(display_path(path));
                } else {
                    found.files.push(path.to_path_buf());
                }
            }
            Err(error) => found.errors.push(walk_error(root, &error)),
        }
    }
}

/// A directory walk's error in words: for an unreadable folder inside the
/// walk, "cannot read FOLDER: permission denied", like a path named on the
/// command line.
fn walk_error(root: &Path, error: &ignore::Error) -> UserError {
    let mut inner = error;
    let mut path = None;
    loop {
        match inner {
            ignore::Error::WithPath { path: at, err } => {
                path = Some(at);
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } => inner = err,
            _ => break,
        }
    }
    match (inner, path) {
        (ignore::Error::Io(io), Some(path)) => UserError::new(cannot_read(&display_path(path), io)),
        _ => {
            let (folder, reason) = (display_path(root), error.to_string());
            UserError::new(t!("project-cannot-walk", folder = folder, reason = reason))
        }
    }
}

fn is_excluded(path: &Path, config: &Config) -> bool {
    config.exclude.is_match(config.relative(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_file_names() {
        assert!(is_plan_file_name(Path::new("a/spring.plan.yaml")));
        assert!(is_plan_file_name(Path::new("x.plan.json")));
        assert!(!is_plan_file_name(Path::new("plan.yaml")));
        assert!(!is_plan_file_name(Path::new(".plan.yaml")));
        assert!(!is_plan_file_name(Path::new("notes.yaml")));
    }
}
