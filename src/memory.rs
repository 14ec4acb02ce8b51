//! How the process uses memory: the allocator's settings that the CLI and
//! the language server each need (`cargo bench --bench throughput` and
//! `lsp_hover` show the effect). The binary sets mimalloc as the global
//! allocator; these calls only tune it and the kernel's paging.

use std::time::Duration;

extern "C" {
    /// mimalloc's own setter (mimalloc.h), in the library the allocator links.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` of mimalloc.h's `mi_option_e` (15 in the
/// headers of libmimalloc-sys 0.1.49, which Cargo.lock pins; the crate
/// does not export it by name: check the header when upgrading).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

#[cfg(target_os = "linux")]
extern "C" {
    /// The C library's `prctl(2)`.
    fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
}

/// `PR_SET_THP_DISABLE` of linux/prctl.h.
#[cfg(target_os = "linux")]
const PR_SET_THP_DISABLE: std::ffi::c_int = 41;

/// No transparent huge pages: mimalloc asks for them on its arenas, and
/// the first byte touched in each 2 MB then costs 2 MB of memory, zeroed.
/// A check of one plan or of a thousand needs about 18-20 MB without them,
/// 26-28 MB with. Called first thing: pages already served stay as they are.
pub fn disable_huge_pages() {
    // SAFETY: the flag only changes how later page faults are served.
    #[cfg(target_os = "linux")]
    unsafe {
        prctl(
            PR_SET_THP_DISABLE,
            1 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
        );
    }
}

/// How long memory freed stays with the process before it goes back to the
/// system. A check wants it back at once: a large plan's transient buffers
/// (a realloc's old block, a rule's findings moved into the file's list)
/// would otherwise still count in the peak while the next ones are made.
/// The language server wants it kept: it lints the same buffer again and
/// again, and memory given back is memory faulted in and zeroed anew (a
/// re-lint of a 200 KB plan took half again as long).
pub fn give_back_freed_memory_after(delay: Duration) {
    let milliseconds = std::ffi::c_long::try_from(delay.as_millis()).unwrap_or(std::ffi::c_long::MAX);
    // SAFETY: setting an option is allowed at any time, from any thread.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, milliseconds) };
}
