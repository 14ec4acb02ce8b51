//! The layout of `src/` (docs/architecture.md): no import circle between
//! source files, every top-level module in its layer and depending only on
//! lower ones, no function over 100 lines, and at most ten files at the top
//! of `src/`.
//!
//! Imports are read from the text: every `crate::`, `super::` and `self::`
//! path, including grouped `use crate::{a, b::{c, d}}` trees. Each path is
//! resolved to the file of the longest module prefix it names. Test modules
//! (`#[cfg(test)]` to the end of a file) are left out: they may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The module path of a source file: `src/lint/engine.rs` -> `lint::engine`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_owned());
    }
    parts
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The text of a file without comments, string contents and test modules.
fn code_of(text: &str) -> String {
    let cut = text.find("#[cfg(test)]").unwrap_or(text.len());
    text[..cut]
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                ""
            } else {
                line.split(" //").next().unwrap_or("")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path in a use tree starting at `text` (just after `crate::` etc.).
fn use_tree(text: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let bytes = text.as_bytes();
    let mut path = prefix;
    let mut at = 0;
    loop {
        let start = at;
        while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
            at += 1;
        }
        if at > start {
            path.push(text[start..at].to_owned());
        }
        if text[at..].starts_with("::") {
            at += 2;
            if text[at..].starts_with('{') {
                at += 1;
                loop {
                    while at < bytes.len() && (bytes[at] as char).is_whitespace() {
                        at += 1;
                    }
                    if at >= bytes.len() || bytes[at] == b'}' {
                        return at + 1;
                    }
                    at += use_tree(&text[at..], path.clone(), out);
                    while at < bytes.len() && matches!(bytes[at], b',' | b' ' | b'\n' | b'\t' | b'\r') {
                        at += 1;
                    }
                }
            }
            continue;
        }
        out.push(path);
        // Skip an `as name` or anything else up to the tree's end.
        while at < bytes.len() && !matches!(bytes[at], b',' | b'}' | b';') {
            at += 1;
        }
        return at;
    }
}

/// The modules a file refers to, as absolute module paths.
fn references(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (marker, base) in [
        ("crate::", Vec::new()),
        ("super::", {
            // In `a/b.rs` (module a::b) and in `a/b/mod.rs` alike, `super` is `a`.
            let mut parent = module.to_vec();
            parent.pop();
            parent
        }),
        ("self::", module.to_vec()),
    ] {
        let mut rest = code;
        while let Some(found) = rest.find(marker) {
            let before = rest[..found].chars().next_back();
            let after = &rest[found + marker.len()..];
            if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
                let mut paths = Vec::new();
                use_tree(after, base.clone(), &mut paths);
                out.extend(paths);
            }
            rest = after;
        }
    }
    out
}

#[test]
fn no_import_circle_between_source_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .filter(|file| !file.ends_with("main.rs"))
        .map(|file| (module_of(&src, file), file.clone()))
        .collect();
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (module, file) in &modules {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        for path in references(module, &code) {
            let target = (0..=path.len())
                .rev()
                .find_map(|len| modules.get(&path[..len]))
                .unwrap();
            if target != file {
                edges.entry(file.clone()).or_default().insert(target.clone());
            }
        }
    }
    // Depth-first search for a back edge; the cycle is printed when found.
    fn visit(
        node: &PathBuf,
        edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        stack: &mut Vec<PathBuf>,
        done: &mut BTreeSet<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        if let Some(at) = stack.iter().position(|seen| seen == node) {
            return Some(stack[at..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            let names: Vec<String> = cycle
                .iter()
                .map(|file| file.strip_prefix(&src).unwrap().display().to_string())
                .collect();
            panic!("import circle: {} -> back to the first", names.join(" -> "));
        }
    }
}

/// Every module at the top of `src/`, highest first: the stages of the
/// pipeline, then the helpers they share (docs/architecture.md). A module
/// may name only modules below it.
const LAYERS: &[&str] = &[
    // The front ends: `planlint lsp` starts the server from the CLI; the
    // server never uses the CLI.
    "cli", "lsp",
    // Output formats: findings and the analysis in, text out; no rule,
    // config or front end known.
    "output", "project", "lint", "rule", "finding",
    // Helpers: a panic turned into an error, the error type, the excerpt
    // an error shows, the document loaded with spans, and leaf helpers.
    "guard", "error", "excerpt", "document", "numbers", "suggest", "text",
    // How the process uses memory (allocator and paging settings).
    "memory",
    // The language planlint speaks and its message catalog: every layer's
    // texts come from it.
    "i18n",
];

/// The top-level modules of `src/` (files and folders), without `lib` and
/// `main`.
fn top_level_modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|name| name != "lib" && name != "main")
        .collect()
}

/// Every stage and helper has its place in [`LAYERS`]: a new module is
/// placed there (and in docs/architecture.md) before it is used.
#[test]
fn every_top_level_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let listed: BTreeSet<String> = LAYERS.iter().map(|layer| (*layer).to_owned()).collect();
    let present = top_level_modules(&src);
    let unplaced: Vec<&String> = present.difference(&listed).collect();
    let gone: Vec<&String> = listed.difference(&present).collect();
    assert!(unplaced.is_empty(), "modules without a layer: {unplaced:?}");
    assert!(gone.is_empty(), "layers without a module: {gone:?}");
}

/// The layers depend only downward (docs/architecture.md): a module never
/// names one of a higher layer.
#[test]
fn stages_depend_only_downward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let rank = |module: &[String]| {
        module
            .first()
            .and_then(|top| LAYERS.iter().position(|layer| layer == top))
    };
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let Some(own) = rank(&module) else { continue };
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        for path in references(&module, &code) {
            if let Some(other) = rank(&path) {
                if other < own {
                    wrong.push(format!(
                        "{} uses {}",
                        file.strip_prefix(&src).unwrap().display(),
                        path.join("::")
                    ));
                }
            }
        }
        // A path through the crate root's re-exports (`crate::Linter`)
        // hides which layer it names: name the module instead.
        for path in references(&module, &code) {
            if path.len() == 1 && path[0].starts_with(|c: char| c.is_ascii_uppercase()) {
                wrong.push(format!(
                    "{} uses crate::{} (name its module)",
                    file.strip_prefix(&src).unwrap().display(),
                    path[0]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "upward dependencies:\n{}", wrong.join("\n"));
}

#[test]
fn at_most_ten_files_at_the_top_of_src() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(top.len() <= 10, "{} files at the top of src/: {top:?}", top.len());
}

/// `text` with comments, string and character literals blanked out (their
/// line breaks kept), so that the braces left are the code's.
fn blank_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        // The literal or comment starting here ends before `end`.
        let end = if c == '/' && next == Some('/') {
            (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len())
        } else if c == '/' && next == Some('*') {
            (i + 2..chars.len())
                .find(|&j| chars[j - 1] == '*' && chars[j] == '/')
                .map_or(chars.len(), |j| j + 1)
        } else if c == 'r' && !after_ident && matches!(next, Some('#' | '"')) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                i += 1;
                out.push(c);
                continue;
            }
            let mut j = i + 2 + hashes;
            while j < chars.len()
                && !(chars[j] == '"'
                    && chars[j + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes)
            {
                j += 1;
            }
            j + 1 + hashes
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if c == '\'' && next == Some('\\') {
            (i + 3..chars.len())
                .find(|&j| chars[j] == '\'')
                .map_or(chars.len(), |j| j + 1)
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i + 3
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        let end = end.min(chars.len());
        for &skipped in &chars[i..end] {
            blank(&mut out, skipped);
        }
        i = end;
    }
    out
}

/// Every function with a body in `text`: its first line (1-based), its
/// name and its length in lines from `fn` to the closing brace.
fn function_lengths(text: &str) -> Vec<(usize, String, usize)> {
    let code = blank_literals(text);
    let lines: Vec<&str> = code.lines().collect();
    let qualifiers = [
        "pub",
        "pub(crate)",
        "pub(super)",
        "const",
        "async",
        "unsafe",
        "extern",
    ];
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = words.iter().position(|word| *word == "fn") else {
            continue;
        };
        if !words[..at].iter().all(|word| qualifiers.contains(word)) || at + 1 >= words.len() {
            continue;
        }
        let name: String = words[at + 1]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut depth = 0usize;
        let mut opened = false;
        'scan: for (offset, body) in lines[start..].iter().enumerate() {
            for c in body.chars() {
                match c {
                    ';' if !opened => break 'scan,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth = depth.saturating_sub(1);
                        if opened && depth == 0 {
                            found.push((start + 1, name.clone(), offset + 1));
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    found
}

#[test]
fn no_function_in_src_is_over_100_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let mut long = Vec::new();
    let mut counted = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line, name, length) in function_lengths(&text) {
            counted += 1;
            if length > 100 {
                long.push(format!("{}:{line} `{name}`: {length} lines", file.display()));
            }
        }
    }
    assert!(counted > 500, "functions were found ({counted})");
    assert!(long.is_empty(), "functions over 100 lines:\n{}", long.join("\n"));
}

#[test]
fn function_lengths_see_through_literals() {
    let text = "pub(crate) fn a() {\n    let s = \"}\";\n    let c = '{';\n    let q = '\\'';\n    // }\n    let r = r#\"{\"#;\n}\nfn b<'x>(v: &'x str);\nfn c() { }\n";
    assert_eq!(
        function_lengths(text),
        vec![(1, "a".to_owned(), 7), (9, "c".to_owned(), 1)]
    );
}

/// Every integration test is a module of `tests/it/`: a file at the top of
/// `tests/` would be a binary of its own, linking the whole crate again.
#[test]
fn integration_tests_are_one_binary() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let separate: Vec<String> = std::fs::read_dir(&tests)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs") || path.join("main.rs").is_file())
        .filter(|path| !path.ends_with("it"))
        .map(|path| path.display().to_string())
        .collect();
    assert!(separate.is_empty(), "test binaries beside tests/it: {separate:?}");
}
