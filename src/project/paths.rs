//! Paths and I/O errors as users read them.

use std::path::{Path, PathBuf};

/// An I/O error in words, without Rust's "(os error 2)".
pub fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            let text = text.find(" (os error").map_or(text.as_str(), |cut| &text[..cut]);
            // "Too many levels of symbolic links" -> "too many ...", as the others read.
            let mut chars = text.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// A path as users should see it: relative to the working directory when it
/// is inside it, `/`-separated, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    // Control characters escaped, so a file name can never drive the
    // terminal or a CI log.
    crate::text::visible_line(&report_path(path))
}

/// `path` as reports name it (relative to the working directory, `/`
/// separators, lossy for names that are not UTF-8) with its real
/// characters: machine formats carry the file's real name, and each human
/// format escapes control characters as it shows it.
pub fn report_path(path: &Path) -> String {
    let relative = working_dir()
        .filter(|_| path.is_absolute())
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let text = relative.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
}

/// The working directory, asked once: planlint never changes it, and a
/// run over thousands of files names it for every one.
fn working_dir() -> Option<&'static Path> {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

/// `path` made absolute against the working directory, with `.` steps removed.
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        working_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|| path.to_path_buf())
    };
    let mut clean = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    clean
}
