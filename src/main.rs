/// mimalloc: loading a large plan allocates millions of small strings and
/// nodes, and frees many on another thread than the one that made them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    /// mimalloc's own setter (mimalloc.h), in the library the allocator links.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

#[cfg(target_os = "linux")]
extern "C" {
    /// The C library's `prctl(2)`.
    fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
}

/// `PR_SET_THP_DISABLE` of linux/prctl.h.
#[cfg(target_os = "linux")]
const PR_SET_THP_DISABLE: std::ffi::c_int = 41;

/// `mi_option_purge_delay` of mimalloc.h's `mi_option_e` (15 in the
/// headers of libmimalloc-sys 0.1.49, which Cargo.lock pins; the crate
/// does not export it by name: check the header when upgrading).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() {
    // No transparent huge pages: mimalloc asks for them on its arenas, and
    // the first byte touched in each 2 MB then costs 2 MB of memory, zeroed.
    // A check of one plan or of a thousand needs about 17 MB without them,
    // 27-32 MB with (`cargo bench --bench throughput` shows the peak).
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
    // A check gives freed memory back to the system at once rather than a
    // second later: a large plan's transient buffers (a realloc's old
    // block, a rule's findings moved into the file's list) would otherwise
    // still count in the peak while the next ones are made. The language
    // server keeps it a second: it lints the same buffer again and again,
    // and memory given back is memory faulted in and zeroed anew (a re-lint
    // of a 200 KB plan took half again as long).
    let serving = std::env::args_os().skip(1).any(|arg| arg == "lsp");
    let purge_delay_ms = if serving { 1000 } else { 0 };
    // SAFETY: setting an option is allowed at any time, from any thread.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, purge_delay_ms) };
    planlint::guard::install_panic_hook();
    // A panic outside the per-file guard has already been reported by the hook.
    let code = std::panic::catch_unwind(planlint::cli::run).unwrap_or(planlint::cli::exit::TOOL_ERROR);
    std::process::exit(code);
}
