//! Rule packs: users' own rules, in the format of `rules/`, loaded from the
//! files `rule_packs:` names. A rule's id is prefixed with its pack's name,
//! which never depends on where the repository is checked out. It is, in
//! order: the name the config gives (`{path: FILE, pack: NAME}`), the file's
//! own `pack:` key, or the name of the folder the file sits in, unless that
//! folder is the config's own folder or above it (whose name is whatever
//! the clone is called).
//!
//! A file holds one rule (`id:` at the top) or several (`rules: [...]`,
//! with `pack:` and `docs_url:` beside them).

use crate::document::Document;
use crate::document::Lookup;
use crate::error::UserError;
use crate::i18n::t;
use crate::lint::schema::rule_schema;
use crate::project::containment::{Containment, Refusal};
use crate::project::paths::{absolute, describe, display_path, glob_problem};
use crate::project::read::{cannot_read, FileKind};
use crate::rule::{RuleDef, RuleOrigin};
use globset::Glob;
use serde_json::Value;
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
            .map_err(|error| t!("project-invalid-glob", reason = glob_problem(error.kind())))?
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
            let entries =
                std::fs::read_dir(&path).map_err(|error| cannot_read(&display_path(&path), &error))?;
            files.extend(
                entries
                    .flatten()
                    .map(|item| item.path())
                    .filter(|p| is_rule_file(p) && p.is_file()),
            );
        } else if path.is_file() {
            files.push(path);
        } else if path.exists() {
            return Err(t!("project-pack-not-regular", path = display_path(&path)));
        } else {
            return Err(t!("project-pack-missing", path = display_path(&path)));
        }
    }
    for file in &files {
        if let Err(refusal) = containment.check(file) {
            let shown = display_path(file);
            return Err(match &refusal {
                Refusal::Unreadable(error) => {
                    let reason = describe(error);
                    t!("project-pack-file-unreadable", name = shown, reason = reason)
                }
                _ => {
                    let refusal = containment.refusal_message(&shown, &refusal);
                    t!("project-pack-file-refused", refusal = refusal)
                }
            });
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(t!("project-pack-empty", entry = entry));
    }
    Ok(files)
}

fn is_rule_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "yaml" || ext == "yml")
}

/// The name of the folder `path` sits in, unless that folder is `base_dir`
/// (the config's folder) or above it: its name is the checkout's.
pub fn folder_pack_name(path: &Path, base_dir: &Path) -> Option<String> {
    let folder = absolute(path.parent()?);
    if absolute(base_dir).starts_with(&folder) {
        return None;
    }
    folder
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| !name.is_empty())
}

/// Reads, validates and namespaces the rules of one rule file. `configured`
/// is the pack name the config gives it; `base_dir` the config's folder.
/// Every problem in the file is reported at once, each at its place.
pub fn load_rule_file(
    path: &Path,
    base_dir: &Path,
    configured: Option<&str>,
) -> Result<Vec<RuleDef>, UserError> {
    let file = crate::project::read::load_yaml(path, FileKind::RuleFile)?;
    // One document shared by every rule of the file (a copy per rule made
    // a pack of thousands of rules quadratic).
    let document = Arc::new(file.document);
    let file = PackFile {
        shown: &file.shown,
        source: &file.source,
        document: &document,
    };
    file.rules(configured, || folder_pack_name(path, base_dir))
}

/// One loaded rule file, kept to point errors into it.
struct PackFile<'a> {
    shown: &'a str,
    source: &'a Arc<str>,
    document: &'a Arc<Document>,
}

/// Keys beside `rules:` in a file holding several rules.
const PACK_KEYS: &[&str] = &["pack", "docs_url", "rules"];

impl PackFile<'_> {
    fn error(&self, pointer: &str, message: &str, label: String) -> UserError {
        UserError::new(format!("{}: {message}", self.shown)).at(
            self.shown,
            self.source,
            self.document.pointer_span(pointer),
            label,
        )
    }

    fn rules(
        &self,
        configured: Option<&str>,
        folder: impl FnOnce() -> Option<String>,
    ) -> Result<Vec<RuleDef>, UserError> {
        let root = &self.document.value;
        let several = root.get("rules").is_some();
        let mut errors = Vec::new();
        let pack_key = root.get("pack");
        let own_name = pack_key.and_then(Value::as_str);
        if pack_key.is_some() && own_name.is_none() {
            errors.push(self.error(
                "/pack",
                &t!("project-pack-key-not-a-name"),
                t!("project-pack-key-not-a-name-label"),
            ));
        }
        let docs_url = root.get("docs_url").and_then(Value::as_str).map(str::to_owned);
        let name = configured
            .map(str::to_owned)
            .or(own_name.map(str::to_owned))
            .or_else(folder);
        let pack = match name {
            Some(name) if crate::rule::is_kebab_case(&name) => Some(name),
            Some(name) => {
                let at = if own_name == Some(name.as_str()) {
                    "/pack"
                } else {
                    ""
                };
                let message = t!("project-pack-name-not-kebab", name = name.as_str());
                errors.push(
                    self.error(at, &message, t!("project-pack-name-label"))
                        .with_help(t!("project-pack-name-help")),
                );
                None
            }
            None => {
                errors.push(
                    self.error("", &t!("project-pack-no-name"), t!("project-pack-no-name-label"))
                        .with_help(t!("project-pack-no-name-help")),
                );
                None
            }
        };
        let pointers: Vec<String> = if several {
            for key in root.as_object().into_iter().flat_map(|map| map.keys()) {
                if !PACK_KEYS.contains(&key.as_str()) {
                    let message = t!("project-pack-unknown-key", key = key.as_str());
                    errors.push(
                        self.error(&format!("/{key}"), &message, t!("project-pack-unknown-key-label"))
                            .with_help(t!("project-pack-unknown-key-help")),
                    );
                }
            }
            match root.get("rules").and_then(Value::as_array) {
                Some(items) if !items.is_empty() => {
                    (0..items.len()).map(|index| format!("/rules/{index}")).collect()
                }
                _ => {
                    errors.push(self.error(
                        "/rules",
                        &t!("project-pack-rules-not-a-list"),
                        t!("project-pack-rules-not-a-list-label"),
                    ));
                    Vec::new()
                }
            }
        } else {
            vec![String::new()]
        };
        let mut rules = Vec::new();
        for pointer in pointers {
            match self.rule(&pointer, pack.as_deref().unwrap_or("pack"), docs_url.clone()) {
                Ok(rule) => rules.push(rule),
                Err(found) => errors.extend(found),
            }
        }
        match UserError::all(errors) {
            Some(error) => Err(error),
            None => Ok(rules),
        }
    }

    /// The rule at `pointer`, namespaced by `pack`; every problem in it.
    fn rule(&self, pointer: &str, pack: &str, docs_url: Option<String>) -> Result<RuleDef, Vec<UserError>> {
        let mut value = self
            .document
            .value
            .lookup(pointer)
            .cloned()
            .unwrap_or(Value::Null);
        let findings = rule_schema().check_at(self.document, pointer);
        let mut errors: Vec<UserError> = findings
            .into_iter()
            .filter(|finding| {
                pointer.is_empty()
                    || !PACK_KEYS
                        .iter()
                        .any(|key| finding.pointer == format!("{pointer}/{key}"))
            })
            .map(|finding| {
                let error = UserError::new(format!("{}: {}", self.shown, finding.message)).at(
                    self.shown,
                    self.source,
                    finding.span,
                    finding.label,
                );
                match finding.help {
                    Some(help) => error.with_help(help.to_string()),
                    None => error,
                }
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        // A file of one rule may name its pack beside it.
        if let Some(map) = value.as_object_mut() {
            map.remove("pack");
            map.remove("docs_url");
        }
        let mut rule: RuleDef = serde_json::from_value(value).map_err(|error| {
            let message = t!("project-pack-not-a-rule", reason = error.to_string());
            vec![self.error(pointer, &message, t!("project-here"))]
        })?;
        for (at, problem) in rule.validate() {
            let id = rule.id.as_str();
            let message = t!("project-pack-rule-problem", rule = id, problem = problem);
            errors.push(self.error(&format!("{pointer}{at}"), &message, t!("project-here")));
        }
        rule.id = format!("{pack}/{}", rule.id);
        rule.origin = Some(Arc::new(RuleOrigin {
            path: self.shown.to_owned(),
            source: Arc::clone(self.source),
            document: Arc::clone(self.document),
            pointer: pointer.to_owned(),
            docs_url,
        }));
        if errors.is_empty() {
            // Bad JSONPaths, regexes and expressions are found now, with
            // the other problems, rather than when the first plan is read.
            if let Err(error) = crate::lint::Linter::for_rule(&rule) {
                errors.extend(error.each().cloned().map(|mut each| {
                    each.also.clear();
                    each
                }));
            }
        }
        if errors.is_empty() {
            Ok(rule)
        } else {
            Err(errors)
        }
    }
}
