//! The rule-pack loader on arbitrary bytes as a rule file: rules or errors
//! at their places, never a panic, and bounded time (CEL and JSONPath
//! budgets apply at compile time).

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn folder() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("planlint-fuzz-rules-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("acme")).unwrap();
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let path = folder().join("acme/rules.yaml");
    std::fs::write(&path, data).unwrap();
    let _ = planlint::fuzzing::load_rule_file(&path);
});
