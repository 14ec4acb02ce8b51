//! Where a report goes: stdout, or the file named with `--output`.

use crate::i18n::t;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`, as a [`Sink`] writes a streamed report: a
/// regular file is replaced atomically, a device or pipe written in place.
pub fn write_report_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut sink = Sink::open(Some(path))?;
    sink.write_all(bytes)?;
    sink.commit()
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
    Err(io::Error::other(t!("output-too-many-links")))
}

/// Symlinks followed before giving up, as the kernel does.
const MAX_LINKS: usize = 40;

/// `planlint check | head` must not fail loudly.
pub fn ignore_broken_pipe(error: io::Error) -> io::Result<()> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(error)
    }
}

/// Where a streamed report is written as it is made: stdout, or the file
/// `--output` names (a regular file through a temporary one renamed over
/// it at the end; a device, pipe or `/dev/stdout` in place).
pub struct Sink {
    out: io::BufWriter<Box<dyn Write>>,
    /// The temporary file and the report it becomes.
    rename: Option<(PathBuf, PathBuf)>,
    /// stdout was closed by its reader (`planlint check | head`): the rest
    /// of the report is dropped quietly.
    closed: bool,
}

impl Sink {
    /// A regular file (or a path where nothing exists yet) is replaced
    /// atomically: a temporary file beside it is renamed over it at the
    /// end, so an interrupted run never leaves a truncated report. Anything
    /// else (a device such as `/dev/full`, a pipe, a terminal) is written in
    /// place: replacing it would destroy it and lose the report.
    pub fn open(path: Option<&Path>) -> io::Result<Sink> {
        let in_place = |path: &Path| -> io::Result<Box<dyn Write>> {
            Ok(Box::new(std::fs::OpenOptions::new().append(true).open(path)?))
        };
        let (out, rename): (Box<dyn Write>, _) = match path {
            None => (Box::new(io::stdout()), None),
            // `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1` name an open file
            // of this process, which may be a regular file the shell
            // redirected to: renaming over it would cut it from the shell.
            Some(path) if path.starts_with("/dev") || path.starts_with("/proc") => (in_place(path)?, None),
            Some(path) => {
                // A symlink to a report is kept: its target is the file written.
                let target = link_target(path)?;
                match std::fs::metadata(&target) {
                    Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => (in_place(&target)?, None),
                    Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
                    _ => {
                        let (file, temporary) = create_temporary_beside(&target)?;
                        (Box::new(file), Some((temporary, target)))
                    }
                }
            }
        };
        Ok(Sink {
            out: io::BufWriter::with_capacity(64 * 1024, out),
            rename,
            closed: false,
        })
    }

    /// Finishes the report: flushed, and renamed into place.
    pub fn commit(mut self) -> io::Result<()> {
        let flushed = if self.closed {
            Ok(())
        } else {
            self.out.flush().or_else(ignore_broken_pipe)
        };
        match self.rename.take() {
            Some((temporary, target)) => {
                let renamed = flushed.and_then(|()| std::fs::rename(&temporary, &target));
                if renamed.is_err() {
                    let _ = std::fs::remove_file(&temporary);
                }
                renamed
            }
            None => flushed,
        }
    }
}

impl Drop for Sink {
    /// A report abandoned half-way leaves no temporary file behind.
    fn drop(&mut self) {
        if let Some((temporary, _)) = &self.rename {
            let _ = std::fs::remove_file(temporary);
        }
    }
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(bytes.len());
        }
        match self.out.write(bytes) {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe && self.rename.is_none() => {
                self.closed = true;
                Ok(bytes.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        self.out.flush()
    }
}

/// A new, empty file in `target`'s folder, under a name no one can guess
/// in advance, created exclusively: an existing file or a symlink planted
/// under that name (a repository's files can hold either) is never opened,
/// so a write can never be redirected through it.
pub fn create_temporary_beside(target: &Path) -> io::Result<(std::fs::File, PathBuf)> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let mut last_error = None;
    for _ in 0..16 {
        let temporary = target.with_file_name(format!(".{name}.{}.tmp", unguessable_suffix()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((file, temporary)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last_error = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other(t!("output-no-temporary-file"))))
}

/// 64 bits from the standard library's randomly keyed hasher (seeded by
/// the operating system), the process id and the time: a name that files
/// committed in advance cannot take.
fn unguessable_suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(elapsed) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(elapsed.as_nanos());
    }
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_file_or_symlink_is_never_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.plan.yaml");
        let outside = dir.path().join("outside");
        // The names the old scheme used (`.NAME.PID.tmp`), planted as links.
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            &outside,
            dir.path()
                .join(format!(".a.plan.yaml.{}.tmp", std::process::id())),
        )
        .unwrap();
        let (mut file, temporary) = create_temporary_beside(&target).unwrap();
        file.write_all(b"x").unwrap();
        assert!(!outside.exists());
        assert_ne!(
            temporary,
            dir.path()
                .join(format!(".a.plan.yaml.{}.tmp", std::process::id()))
        );
        let (_, second) = create_temporary_beside(&target).unwrap();
        assert_ne!(temporary, second);
    }
}
