//! The message catalog is whole: every text the code asks for exists in
//! English and Chinese, with the same placeholders (issue 25).

use planlint::i18n::{check_catalogs, embedded_files, CatalogProblem, Lang};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[test]
fn every_language_has_every_message_with_its_placeholders() {
    let problems = check_catalogs(&embedded_files());
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "the message catalog is not whole:\n{}",
        listed.join("\n")
    );
}

#[test]
fn a_missing_or_different_chinese_message_fails_the_check() {
    let english = "greeting = Hello { $name }\nfarewell = Bye\n";
    let chinese = "greeting = 你好 { $who }\nextra = 多余\n";
    let problems = check_catalogs(&[(Lang::En, "a.ftl", english), (Lang::Zh, "a.ftl", chinese)]);
    assert!(problems.contains(&CatalogProblem::Missing {
        lang: Lang::Zh,
        id: "farewell".into()
    }));
    assert!(problems.contains(&CatalogProblem::Extra {
        lang: Lang::Zh,
        id: "extra".into()
    }));
    assert!(problems.iter().any(|problem| matches!(
        problem,
        CatalogProblem::Placeholders { id, .. } if id == "greeting"
    )));
    let broken = check_catalogs(&[(Lang::En, "b.ftl", "= no id\n")]);
    assert!(
        matches!(broken.first(), Some(CatalogProblem::Syntax { .. })),
        "{broken:?}"
    );
}

/// The ids in `t!("...")` (and `message("...")`) calls of the source,
/// also when rustfmt puts the id on the next line (`t!(\n    "id",`).
fn ids_used_by_the_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for opener in ["t!(", "i18n::message("] {
            for (at, _) in text.match_indices(opener) {
                // `format!(` ends in `t!(` too.
                let whole_name = !text[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
                let Some(rest) = text[at + opener.len()..].trim_start().strip_prefix('"') else {
                    continue;
                };
                if !whole_name {
                    continue;
                }
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if rest[id.len()..].starts_with('"') && !id.is_empty() {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The message ids of one language's catalog files.
fn catalog_ids(lang: Lang) -> BTreeSet<String> {
    embedded_files()
        .into_iter()
        .filter(|(each, _, _)| *each == lang)
        .flat_map(|(_, _, text)| {
            text.lines()
                .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_message_the_code_asks_for_is_in_the_catalog_and_none_is_unused() {
    let used = ids_used_by_the_code();
    let known = catalog_ids(Lang::En);
    let missing: Vec<_> = used.difference(&known).collect();
    assert!(
        missing.is_empty(),
        "asked for by the code, missing in locales/en: {missing:?}"
    );
    let unused: Vec<_> = known.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "in locales/en, asked for by no code: {unused:?}"
    );
}

/// The `{name}` placeholders of a rule text.
fn rule_placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
        })
        .collect()
}

#[test]
fn every_built_in_rule_speaks_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for rule in planlint::registry::builtin() {
        let mut texts = vec![
            ("summary", Some(&rule.summary)),
            ("why", Some(&rule.why)),
            ("source", Some(&rule.source)),
            ("message", Some(&rule.message)),
            ("help", rule.help.as_ref()),
            ("remedy", rule.remedy.as_ref()),
        ];
        for check in rule.check.as_slice() {
            texts.push(("check message", check.message.as_ref()));
            texts.push(("check help", check.help.as_ref()));
        }
        for option in rule.options.values() {
            texts.push(("option description", Some(&option.description)));
        }
        for (field, text) in texts {
            let Some(text) = text else { continue };
            match (text.written_in(Lang::En), text.written_in(Lang::Zh)) {
                (Some(english), Some(chinese)) => {
                    if rule_placeholders(english) != rule_placeholders(chinese) {
                        problems.push(format!("{}: {field}: placeholders differ", rule.id));
                    }
                }
                _ => problems.push(format!("{}: {field} is not in both languages", rule.id)),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
