//! Whether an open file is one of the system's pseudo-files (processes,
//! kernel state, devices shown as files: `/proc/self/environ`), which a
//! plan, config or baseline named in a pull request must never be, even
//! through a symlink: reading one would print the runner's secrets.
//!
//! On Linux the open file's filesystem is asked (`fstatfs`): what is
//! checked is what is read, wherever that filesystem is mounted, at the
//! cost of one call (resolving the file's path cost a `readlink` of its
//! descriptor, the slowest step of reading a small plan). Elsewhere the
//! file's path, links resolved, is checked against the usual places.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

/// Where the system shows processes, devices and kernel state as files:
/// what a path is checked against where the filesystem cannot be asked.
pub const SYSTEM_PLACES: &[&str] = &["/proc", "/sys", "/dev"];

/// Whether `file`, opened from `path` (`opened` is its metadata), lies on
/// a pseudo-filesystem.
pub fn is_pseudo_file(file: &File, opened: &Metadata, path: &Path) -> io::Result<bool> {
    imp::is_pseudo_file(file, opened, path)
}

#[cfg(target_os = "linux")]
mod imp {
    use std::fs::{File, Metadata};
    use std::io;
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;
    use std::sync::OnceLock;

    /// Filesystem types (`f_type`, linux/magic.h) that show the kernel,
    /// processes or devices as files.
    const PSEUDO_FILESYSTEM_TYPES: &[(u32, &str)] = &[
        (0x9fa0, "proc"),
        (0x6265_6572, "sysfs"),
        (0x6462_6720, "debugfs"),
        (0x7472_6163, "tracefs"),
        (0x7363_6673, "securityfs"),
        (0x0027_e0eb, "cgroup"),
        (0x6367_7270, "cgroup2"),
        (0x1cd1, "devpts"),
        (0xcafe_4a11, "bpf"),
        (0xde5e_81e4, "efivarfs"),
        (0x6265_6570, "configfs"),
        (0x6165_676c, "pstore"),
        (0x6573_5543, "fusectl"),
        (0x4249_4e4d, "binfmt_misc"),
        (0xf97c_ff8c, "selinuxfs"),
        (0x4341_5d53, "smackfs"),
        (0x1980_0202, "mqueue"),
        (0x6e73_6673, "nsfs"),
    ];

    pub fn is_pseudo_file(file: &File, opened: &Metadata, _path: &Path) -> io::Result<bool> {
        // SAFETY: fstatfs only writes the struct it is given, and the
        // descriptor stays open for the call (it is borrowed from `file`).
        let filesystem = unsafe {
            let mut stats: libc::statfs = std::mem::zeroed();
            if libc::fstatfs(file.as_raw_fd(), &mut stats) != 0 {
                return Err(io::Error::last_os_error());
            }
            stats.f_type
        };
        // `f_type` is a signed or unsigned word by architecture; the magic
        // numbers are 32 bits.
        let filesystem = filesystem as u64 as u32;
        if PSEUDO_FILESYSTEM_TYPES
            .iter()
            .any(|(magic, _)| *magic == filesystem)
        {
            return Ok(true);
        }
        // `/dev` is a devtmpfs, which reports the type of an ordinary
        // tmpfs (`/tmp`): told apart by being the device `/dev` is on.
        Ok(dev_device().is_some_and(|dev| opened.dev() == dev))
    }

    /// The device of the filesystem mounted at `/dev`, asked once.
    fn dev_device() -> Option<u64> {
        static DEVICE: OnceLock<Option<u64>> = OnceLock::new();
        *DEVICE.get_or_init(|| std::fs::metadata("/dev").ok().map(|dev| dev.dev()))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn system_files_are_pseudo_files_and_plans_are_not() {
            let open = |path: &str| File::open(path).unwrap_or_else(|error| panic!("{path}: {error}"));
            let pseudo = |file: &File, path: &Path| {
                let opened = file.metadata().unwrap_or_else(|error| panic!("{error}"));
                is_pseudo_file(file, &opened, path).unwrap_or_else(|error| panic!("{error}"))
            };
            for path in [
                "/proc/self/status",
                "/proc/self/environ",
                "/sys/kernel/mm/transparent_hugepage/enabled",
                "/dev/null",
            ] {
                if Path::new(path).exists() {
                    assert!(pseudo(&open(path), Path::new(path)), "{path}");
                }
            }
            let plan = tempfile::NamedTempFile::new().unwrap_or_else(|error| panic!("{error}"));
            assert!(!pseudo(plan.as_file(), plan.path()));
            let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
            assert!(!pseudo(&open(manifest), Path::new(manifest)));
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::fs::{File, Metadata};
    use std::io;
    use std::path::Path;

    pub fn is_pseudo_file(_file: &File, _opened: &Metadata, path: &Path) -> io::Result<bool> {
        let real = std::fs::canonicalize(path)?;
        Ok(super::SYSTEM_PLACES.iter().any(|system| real.starts_with(system)))
    }
}
