/// mimalloc: loading a large plan allocates millions of small strings and
/// nodes, and frees many on another thread than the one that made them.
/// `planlint::memory` tunes it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    planlint::memory::disable_huge_pages();
    // `planlint lsp` keeps freed memory longer once it starts serving.
    planlint::memory::give_back_freed_memory_after(std::time::Duration::ZERO);
    planlint::guard::install_panic_hook();
    // A panic outside the per-file guard has already been reported by the hook.
    let code = std::panic::catch_unwind(planlint::cli::run).unwrap_or(planlint::cli::exit::TOOL_ERROR);
    std::process::exit(code);
}
