/// mimalloc: loading a large plan allocates millions of small strings and
/// nodes, and frees many on another thread than the one that made them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    planlint::guard::install_panic_hook();
    // A panic outside the per-file guard has already been reported by the hook.
    let code = std::panic::catch_unwind(planlint::cli::run).unwrap_or(planlint::cli::exit::TOOL_ERROR);
    std::process::exit(code);
}
