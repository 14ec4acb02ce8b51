//! Paths and I/O errors as users read them.

use crate::i18n::t;
use std::path::{Path, PathBuf};

/// An I/O error in words, without Rust's "(os error 2)".
pub fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => t!("project-io-not-found"),
        std::io::ErrorKind::PermissionDenied => t!("project-io-permission-denied"),
        _ => {
            let text = error.to_string();
            let text = text.find(" (os error").map_or(text.as_str(), |cut| &text[..cut]);
            // "Too many levels of symbolic links" -> "too many ...", as the others read.
            let mut chars = text.chars();
            let system: String = chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or_default();
            // The system's words are its own language's.
            t!("project-io-other", system = system)
        }
    }
}

/// What is wrong with a glob, in words (globset's own, in English).
pub fn glob_problem(kind: &globset::ErrorKind) -> String {
    use globset::ErrorKind;
    match kind {
        ErrorKind::InvalidRecursive => t!("project-glob-invalid-recursive"),
        ErrorKind::UnclosedClass => t!("project-glob-unclosed-class"),
        ErrorKind::InvalidRange(start, end) => {
            let (start, end) = (start.to_string(), end.to_string());
            t!("project-glob-invalid-range", start = start, end = end)
        }
        ErrorKind::UnopenedAlternates => t!("project-glob-unopened-alternates"),
        ErrorKind::UnclosedAlternates => t!("project-glob-unclosed-alternates"),
        ErrorKind::NestedAlternates => t!("project-glob-nested-alternates"),
        ErrorKind::DanglingEscape => t!("project-glob-dangling-escape"),
        // A regular expression's own words, and kinds globset adds later.
        other => other.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};
    use std::io::{Error, ErrorKind};

    #[test]
    fn io_errors_and_glob_mistakes_in_chinese() {
        let _chinese = scoped(Lang::Zh);
        assert_eq!(describe(&Error::from(ErrorKind::NotFound)), "文件或文件夹不存在");
        assert_eq!(describe(&Error::from(ErrorKind::PermissionDenied)), "没有权限");
        assert_eq!(
            describe(&Error::other("Disk on fire")),
            "系统提示「disk on fire」"
        );
        let unclosed = globset::Glob::new("plans/[*.yaml").unwrap_err();
        assert_eq!(glob_problem(unclosed.kind()), "字符组没有闭合：`[` 之后缺少 `]`");
    }

    #[test]
    fn glob_mistakes_in_english_are_the_glob_library_s_words() {
        let _english = scoped(Lang::En);
        for glob in ["plans/[*.yaml", "a{b", "a}b", "x\\", "[z-a]"] {
            let error = globset::Glob::new(glob).unwrap_err();
            assert_eq!(glob_problem(error.kind()), error.kind().to_string(), "{glob}");
        }
        assert_eq!(describe(&Error::other("Disk on fire")), "disk on fire");
    }
}
