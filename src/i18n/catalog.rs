//! The message catalog: Project Fluent bundles built once from the files
//! embedded by `build.rs` (`locales/<tag>/*.ftl`).

use super::{language, Lang};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The values a message's placeholders take.
pub type Args<'a> = fluent_bundle::FluentArgs<'a>;

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, in the order of [`Lang::ALL`], each built the
/// first time its language is used (a run in English never parses Chinese).
static BUNDLES: [LazyLock<Bundle>; Lang::ALL.len()] = [
    LazyLock::new(|| bundle(Lang::ALL[0])),
    LazyLock::new(|| bundle(Lang::ALL[1])),
];

fn bundle(lang: Lang) -> Bundle {
    let tag = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around every value would land in terminals,
    // JSON and Markdown as invisible characters.
    bundle.set_use_isolating(false);
    for (_, text) in files_of(lang) {
        // A file with an error keeps its other messages; the catalog test
        // fails on the error itself.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(resource, _)| resource);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// The catalog files of a language: (file name, text).
fn files_of(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    LOCALE_FILES
        .iter()
        .filter(move |(tag, _, _)| *tag == lang.tag())
        .map(|(_, name, text)| (*name, *text))
}

/// The text of message `id` in the current language, its placeholders
/// filled from `args`. A message missing in the language is taken from
/// English; one missing in English too is its id (the catalog test makes
/// both impossible for an id the code uses).
pub fn message(id: &str, args: Option<&Args>) -> String {
    let lang = language();
    [lang, Lang::En]
        .into_iter()
        .find_map(|lang| fill_in(lang, id, args).or_else(|| format_in(lang, id, args)))
        .unwrap_or_else(|| id.to_owned())
}

fn format_in(lang: Lang, id: &str, args: Option<&Args>) -> Option<String> {
    let bundle: &Bundle = BUNDLES.get(lang.index())?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// One piece of a message that is only text and placeholders.
#[derive(Debug)]
enum Piece {
    Text(&'static str),
    Placeholder(&'static str),
}

/// Per language, the messages made of text and `{ $name }` alone (most
/// of them): filled by joining their pieces, what Fluent's resolver does
/// for them at several times the cost (a finding's message, help and
/// remedies take a dozen texts).
static PLAIN_MESSAGES: [LazyLock<HashMap<&'static str, Vec<Piece>>>; Lang::ALL.len()] = [
    LazyLock::new(|| plain_messages(Lang::ALL[0])),
    LazyLock::new(|| plain_messages(Lang::ALL[1])),
];

fn plain_messages(lang: Lang) -> HashMap<&'static str, Vec<Piece>> {
    let mut plain = HashMap::new();
    for (_, text) in files_of(lang) {
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(resource, _)| resource);
        for entry in resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            // A later file overrides an earlier one, as in the bundle.
            plain.remove(id);
            let Some(pattern) = message.value else { continue };
            let pieces: Option<Vec<Piece>> = pattern
                .elements
                .into_iter()
                .map(|element| match element {
                    ast::PatternElement::TextElement { value } => Some(Piece::Text(value)),
                    ast::PatternElement::Placeable {
                        expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
                    } => Some(Piece::Placeholder(id.name)),
                    ast::PatternElement::Placeable { .. } => None,
                })
                .collect();
            if let Some(pieces) = pieces {
                plain.insert(id, pieces);
            }
        }
    }
    plain
}

/// Message `id` in `lang` filled by joining its pieces, when it is plain
/// and every placeholder has a string or a number; `None` leaves it to
/// Fluent (which also says what is missing).
fn fill_in(lang: Lang, id: &str, args: Option<&Args>) -> Option<String> {
    let pieces = PLAIN_MESSAGES.get(lang.index())?.get(id)?;
    // Sized once: growing the text piece by piece was a third of the cost.
    let length = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(words) => words.len(),
            Piece::Placeholder(name) => match args.and_then(|args| args.get(*name)) {
                Some(FluentValue::String(value)) => value.len(),
                _ => 8,
            },
        })
        .sum();
    let mut text = String::with_capacity(length);
    for piece in pieces {
        match piece {
            Piece::Text(words) => text.push_str(words),
            Piece::Placeholder(name) => match args?.get(*name)? {
                FluentValue::String(value) => text.push_str(value),
                FluentValue::Number(number) => text.push_str(&number.as_string()),
                _ => return None,
            },
        }
    }
    Some(text)
}

/// What is wrong with the catalogs: the test suite fails on any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogProblem {
    /// A file that Fluent cannot read.
    Syntax { lang: Lang, file: String, error: String },
    /// An id given twice in one language.
    Twice { lang: Lang, id: String },
    /// An id English has and the language does not.
    Missing { lang: Lang, id: String },
    /// An id the language has and English does not.
    Extra { lang: Lang, id: String },
    /// A message whose placeholders differ from English's.
    Placeholders {
        lang: Lang,
        id: String,
        english: Vec<String>,
        here: Vec<String>,
    },
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogProblem::Syntax { lang, file, error } => write!(f, "{lang}/{file}: {error}"),
            CatalogProblem::Twice { lang, id } => write!(f, "{lang}: `{id}` is given twice"),
            CatalogProblem::Missing { lang, id } => write!(f, "{lang}: `{id}` is missing"),
            CatalogProblem::Extra { lang, id } => write!(f, "{lang}: `{id}` is not in English"),
            CatalogProblem::Placeholders {
                lang,
                id,
                english,
                here,
            } => write!(
                f,
                "{lang}: `{id}` has placeholders {here:?}, English has {english:?}"
            ),
        }
    }
}

/// Checks catalogs given as (language, file name, text): every language
/// has exactly English's ids, each with English's placeholders.
pub fn check_catalogs(files: &[(Lang, &str, &str)]) -> Vec<CatalogProblem> {
    let mut problems = Vec::new();
    let mut by_lang: BTreeMap<&str, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (lang, file, text) in files {
        let messages = by_lang.entry(lang.tag()).or_default();
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    problems.push(CatalogProblem::Syntax {
                        lang: *lang,
                        file: (*file).to_owned(),
                        error: format!("{:?} at bytes {:?}", error.kind, error.pos),
                    });
                }
                resource
            }
        };
        for entry in &resource.body {
            if let ast::Entry::Message(message) = entry {
                let id = message.id.name.to_owned();
                let mut names = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    placeholders(pattern, &mut names);
                }
                if messages.insert(id.clone(), names).is_some() {
                    problems.push(CatalogProblem::Twice { lang: *lang, id });
                }
            }
        }
    }
    let empty = BTreeMap::new();
    let english = by_lang.get(Lang::En.tag()).unwrap_or(&empty);
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
        let here = by_lang.get(lang.tag()).unwrap_or(&empty);
        for (id, names) in english {
            match here.get(id) {
                None => problems.push(CatalogProblem::Missing { lang, id: id.clone() }),
                Some(theirs) if theirs != names => problems.push(CatalogProblem::Placeholders {
                    lang,
                    id: id.clone(),
                    english: names.iter().cloned().collect(),
                    here: theirs.iter().cloned().collect(),
                }),
                Some(_) => {}
            }
        }
        for id in here.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(CatalogProblem::Extra { lang, id: id.clone() });
        }
    }
    problems
}

/// The variables (`{ $name }`) a pattern uses, selectors included.
fn placeholders(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_placeholders(expression, names);
        }
    }
}

fn expression_placeholders(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_placeholders(selector, names);
            for variant in variants {
                placeholders(&variant.value, names);
            }
        }
        ast::Expression::Inline(inline) => inline_placeholders(inline, names),
    }
}

fn inline_placeholders(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_placeholders(expression, names),
        _ => {}
    }
}

/// The embedded catalog files, as [`check_catalogs`] takes them.
pub fn embedded_files() -> Vec<(Lang, &'static str, &'static str)> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| files_of(lang).map(move |(name, text)| (lang, name, text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every plain message, filled with strings and with numbers, reads
    /// the same joined as Fluent formats it; one with a value missing is
    /// left to Fluent.
    #[test]
    fn plain_messages_read_as_fluent_formats_them() {
        let mut checked = 0;
        for lang in Lang::ALL {
            let plain = &PLAIN_MESSAGES[lang.index()];
            assert!(plain.len() > 100, "{lang}: only {} plain messages", plain.len());
            for (id, pieces) in plain.iter() {
                let names: Vec<&str> = pieces
                    .iter()
                    .filter_map(|piece| match piece {
                        Piece::Placeholder(name) => Some(*name),
                        Piece::Text(_) => None,
                    })
                    .collect();
                let mut words = Args::new();
                let mut numbers = Args::new();
                for (n, name) in names.iter().enumerate() {
                    words.set(*name, format!("«{name} ~ 值»"));
                    numbers.set(*name, n as f64 + 0.25);
                }
                for args in [&words, &numbers] {
                    assert_eq!(
                        fill_in(lang, id, Some(args)),
                        format_in(lang, id, Some(args)),
                        "{lang} {id}"
                    );
                }
                if names.is_empty() {
                    assert_eq!(fill_in(lang, id, None), format_in(lang, id, None), "{lang} {id}");
                } else {
                    assert_eq!(fill_in(lang, id, None), None, "{lang} {id}");
                }
                checked += 1;
            }
        }
        assert!(checked > 200);
    }

    #[test]
    fn counts_of_one_read_in_the_singular() {
        let recorded =
            |count: usize| crate::i18n::t!("cli-baseline-recorded", count = count, file = "b.json");
        assert_eq!(recorded(1), "Recorded 1 finding in b.json.");
        assert_eq!(recorded(2), "Recorded 2 findings in b.json.");
        let _zh = crate::i18n::scoped(Lang::Zh);
        assert_eq!(recorded(1), "已将 1 个问题记入 b.json。");
    }

    #[test]
    fn a_message_with_choices_is_left_to_fluent() {
        let plural = ["finding-files"]
            .into_iter()
            .filter(|id| PLAIN_MESSAGES[0].get(id).is_none() && BUNDLES[0].get_message(id).is_some());
        assert_eq!(plural.count(), 1, "finding-files chooses a plural form");
    }
}
