//! Embeds every built-in rule definition (`rules/*.yaml`) and the message
//! catalog (`locales/<tag>/*.ftl`) in the binary.

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
    embed_locales();
}

/// `LOCALE_FILES`: (language tag, file name, text) for every catalog file.
fn embed_locales() {
    println!("cargo:rerun-if-changed=locales");
    let mut files = Vec::new();
    for folder in fs::read_dir("locales").expect("locales/ exists") {
        let folder = folder.expect("readable locales/ entry").path();
        if !folder.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", folder.display());
        for file in fs::read_dir(&folder).expect("readable locale folder") {
            let path = file.expect("readable locale file").path();
            if path.extension().is_some_and(|ext| ext == "ftl") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut code = String::from("/// The message catalog: (language tag, file name, Fluent text).\nconst LOCALE_FILES: &[(&str, &str, &str)] = &[\n");
    for path in &files {
        let tag = path
            .parent()
            .and_then(Path::file_name)
            .expect("tag")
            .to_string_lossy();
        let name = path.file_name().expect("file name").to_string_lossy();
        let absolute = fs::canonicalize(path).expect("canonical path");
        writeln!(
            code,
            "    ({tag:?}, {name:?}, include_str!({:?})),",
            absolute.display()
        )
        .expect("write");
        println!("cargo:rerun-if-changed={}", path.display());
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    fs::write(out, code).expect("write locales.rs");
}
