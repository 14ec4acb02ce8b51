//! Embeds every built-in rule definition (`rules/*.yaml`) in the binary.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let rules_dir = Path::new("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files: Vec<_> = fs::read_dir(rules_dir)
        .expect("rules/ exists")
        .map(|entry| entry.expect("readable rules/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();

    let mut code = String::from("/// Built-in rule definitions: (file name, YAML text).\npub const BUILTIN_RULE_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path.file_name().expect("file name").to_string_lossy();
        let absolute = fs::canonicalize(path).expect("canonical path");
        writeln!(code, "    ({name:?}, include_str!({:?})),", absolute.display()).expect("write");
        println!("cargo:rerun-if-changed={}", path.display());
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("builtin_rules.rs");
    fs::write(out, code).expect("write builtin_rules.rs");
}
