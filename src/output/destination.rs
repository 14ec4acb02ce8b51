//! Where a report goes: stdout, or the file named with `--output`.

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
    Err(io::Error::other("too many levels of symbolic links"))
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
                        let temporary = temporary_beside(&target);
                        let file = std::fs::File::create(&temporary)?;
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

fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}
