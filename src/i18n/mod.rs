//! What language planlint speaks, and its message catalog.
//!
//! The language is chosen once per process (the CLI from `--lang`, the
//! config's `lang:` and the environment; the language server from the
//! editor's locale) and read wherever a text is made, so no stage has to
//! carry it: the texts a rule or the loader writes are made in the language
//! the user reads. A thread may speak another language for a while
//! ([`scoped`]), which lets tests of both languages run side by side.
//!
//! The program's own texts live in Project Fluent files (`locales/<tag>/
//! *.ftl`), written with `t!`; rules carry their texts in their
//! own files ([`Text`]).

mod catalog;
mod lang;
mod text;

pub use catalog::{check_catalogs, embedded_files, message, Args, CatalogProblem};
pub use lang::Lang;
pub use text::Text;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// The process's language ([`Lang`] as its index in [`Lang::ALL`]).
static PROCESS_LANGUAGE: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A thread's own language while a [`scoped`] guard lives.
    static THREAD_LANGUAGE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language texts are made in on this thread.
pub fn language() -> Lang {
    THREAD_LANGUAGE
        .with(Cell::get)
        .unwrap_or_else(|| Lang::ALL[usize::from(PROCESS_LANGUAGE.load(Ordering::Relaxed)) % Lang::ALL.len()])
}

/// Sets the language of the whole process (every thread without its own).
pub fn set_language(lang: Lang) {
    let index = lang.index();
    PROCESS_LANGUAGE.store(index as u8, Ordering::Relaxed);
}

/// Makes this thread speak `lang` until the guard is dropped.
#[must_use = "the language holds only while the guard lives"]
pub fn scoped(lang: Lang) -> ScopedLanguage {
    let previous = THREAD_LANGUAGE.with(|cell| cell.replace(Some(lang)));
    ScopedLanguage { previous }
}

/// Restores the thread's previous language when dropped.
pub struct ScopedLanguage {
    previous: Option<Lang>,
}

impl Drop for ScopedLanguage {
    fn drop(&mut self) {
        THREAD_LANGUAGE.with(|cell| cell.set(self.previous));
    }
}

/// A text from the message catalog in the current language:
/// `t!("finding-summary-fixable-it")`, `t!("finding-files", count = 3)`.
/// Each value may be a string or a number (numbers choose plural forms).
/// Used as `use crate::i18n::t;`, so the layers see where texts come from.
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::message($id, Some(&args))
    }};
}
pub(crate) use t;
