//! Rule packs: users' own rules, in the format of `rules/`, loaded from the
//! files `rule_packs:` names. A rule's id is prefixed with its pack's name,
//! the folder it lives in: `house-rules/channel-cap.yaml` defines
//! `house-rules/channel-cap`.

use crate::document::Document;
use crate::error::UserError;
use crate::lint::schema::rule_schema;
use crate::project::containment::Containment;
use crate::project::paths::{describe, display_path};
use crate::rule::{RuleDef, RuleOrigin};
use globset::Glob;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The files a `rule_packs:` entry names: a rule file, a folder of them
/// (`*.yaml`, `*.yml`), or a glob relative to `base_dir`. Every file must
/// resolve inside the repository; in a folder or a glob, only regular files
/// count (a FIFO named `x.yaml` is skipped, never opened).
pub fn expand(base_dir: &Path, entry: &str, containment: &Containment) -> Result<Vec<PathBuf>, String> {
    let is_glob = entry.contains(['*', '?', '[', '{']);
    let mut files = Vec::new();
    if is_glob {
        let matcher = Glob::new(entry)
            .map_err(|error| format!("invalid glob: {}", error.kind()))?
            .compile_matcher();
        let root = if base_dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base_dir
        };
        // Symlinks are not followed: their type is "symlink", never "file".
        // `.git` is git's data, never a pack.
        let walk = ignore::WalkBuilder::new(root)
            .hidden(false)
            .filter_entry(|item| item.file_name() != ".git")
            .build();
        for item in walk.flatten() {
            let path = item.path();
            let relative = path.strip_prefix(root).unwrap_or(path);
            if item.file_type().is_some_and(|kind| kind.is_file()) && matcher.is_match(relative) {
                files.push(path.to_path_buf());
            }
        }
    } else {
        let path = base_dir.join(entry);
        if path.is_dir() {
            let entries = std::fs::read_dir(&path)
                .map_err(|error| format!("cannot read {}: {}", display_path(&path), describe(&error)))?;
            files.extend(
                entries
                    .flatten()
                    .map(|item| item.path())
                    .filter(|p| is_rule_file(p) && p.is_file()),
            );
        } else if path.is_file() {
            files.push(path);
        } else if path.exists() {
            return Err(format!(
                "{} is not a regular file or folder: not read",
                display_path(&path)
            ));
        } else {
            return Err(format!("no such rule file or folder: {}", display_path(&path)));
        }
    }
    for file in &files {
        if let Err(refusal) = containment.check(file) {
            let shown = display_path(file);
            return Err(format!(
                "rule file {}",
                containment.refusal_message(&shown, &refusal)
            ));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!("`{entry}` names no rule files"));
    }
    Ok(files)
}

fn is_rule_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "yaml" || ext == "yml")
}

/// The pack a rule file belongs to: its folder's name.
pub fn pack_name(path: &Path) -> String {
    path.parent()
        .and_then(Path::file_name)
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| !name.is_empty() && name != ".")
        .unwrap_or_else(|| "local".into())
}

/// Reads, validates and namespaces one user rule file. Every error points
/// into the file.
pub fn load_rule_file(path: &Path) -> Result<RuleDef, UserError> {
    let file = crate::project::read::load_yaml(path, "rule file")?;
    parse_rule_document(&file.shown, &file.source, file.document, &pack_name(path))
}

/// A rule from its loaded document; `pack` prefixes its id.
pub fn parse_rule_document(
    shown: &str,
    source: &Arc<str>,
    document: Document,
    pack: &str,
) -> Result<RuleDef, UserError> {
    if let Some(first) = rule_schema().check(&document).into_iter().next() {
        let mut error =
            UserError::new(format!("{shown}: {}", first.message)).at(shown, source, first.span, first.label);
        if let Some(help) = first.help {
            error = error.with_help(help);
        }
        return Err(error);
    }
    let at = |pointer: &str, message: String, label: &str| {
        UserError::new(format!("{shown}: {message}")).at(shown, source, document.pointer_span(pointer), label)
    };
    let mut rule: RuleDef = serde_json::from_value(document.value.clone())
        .map_err(|error| at("", format!("not a rule definition: {error}"), "here"))?;
    rule.validate().map_err(|error| at("", error, "in this rule"))?;
    if !crate::rule::is_kebab_case(pack) {
        return Err(at(
            "/id",
            format!(
                "the pack folder `{pack}` is not kebab-case, so `{pack}/{}` is not a valid id",
                rule.id
            ),
            "rule id",
        )
        .with_help("rename the folder, e.g. `house-rules/`"));
    }
    rule.id = format!("{pack}/{}", rule.id);
    rule.origin = Some(Arc::new(RuleOrigin {
        path: shown.to_owned(),
        source: Arc::clone(source),
        document,
    }));
    Ok(rule)
}
