//! Where a report goes: stdout, or the file named with `--output`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`. A regular file (or a path where nothing exists
/// yet) is replaced atomically: a temporary file beside it is renamed over
/// it, so an interrupted run never leaves a truncated report. Anything else
/// (a device such as `/dev/stdout` or `/dev/full`, a pipe, a terminal) is
/// written in place: replacing it would destroy it and lose the report.
pub fn write_report_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1` name an open file of
    // this process, which may be a regular file the shell redirected to:
    // renaming over it would cut it from the shell, so append to it.
    if path.starts_with("/dev") || path.starts_with("/proc") {
        return write_in_place(path, bytes);
    }
    // A symlink to a report is kept: its target is the file written.
    let path = &link_target(path)?;
    match std::fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => write_in_place(path, bytes),
        Ok(_) => write_atomically(path, bytes),
        Err(error) if error.kind() == io::ErrorKind::NotFound => write_atomically(path, bytes),
        Err(error) => Err(error),
    }
}

/// The file a chain of symlinks at `path` ends at (which may not exist yet).
fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Symlinks followed before giving up, as the kernel does.
const MAX_LINKS: usize = 40;

fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().append(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Writes a temporary file beside `path`, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let temporary: PathBuf = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// `planlint check | head` must not fail loudly.
pub fn ignore_broken_pipe(error: io::Error) -> io::Result<()> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(error)
    }
}
