//! The config loader on arbitrary bytes as `.planlint.yaml` in a scratch
//! repository: it returns the config or an error naming the file, never
//! panics, and never reads outside the repository (the scratch folder
//! holds nothing else).

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn repository() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("planlint-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let path = repository().join(".planlint.yaml");
    std::fs::write(&path, data).unwrap();
    if let Err(message) = planlint::fuzzing::load_config(&path) {
        assert!(message.contains(".planlint.yaml") || !message.is_empty(), "{message}");
    }
});
