//! Finding words and phrases in what people write, in English and in
//! Chinese or Japanese. English phrases match whole words, and a hyphen
//! joins a word ("increase sales" is not in "increase sales-qualified
//! pipeline"); CJK text has no spaces, so a CJK phrase matches anywhere.
//! And the words a message sets around the plan's own: quotes, lists and
//! the spacing of Chinese.

use crate::i18n::{t, Lang};

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // compatibility ideographs
        | '\u{ac00}'..='\u{d7af}' // hangul syllables
    )
}

/// Lower case, words separated by single spaces, punctuation dropped (a
/// hyphen or apostrophe inside a word stays part of it).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|word| word.trim_matches(|c| c == '-' || c == '\''))
        .filter(|word| !word.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

/// `text` without spaces and punctuation, lower case: how CJK is matched.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A list of phrases to look for, longest first so the most specific one
/// is the one quoted.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    phrases: Vec<Phrase>,
    /// Whether any phrase is matched as words, any as CJK: a text is
    /// prepared only the ways some phrase needs.
    any_words: bool,
    any_cjk: bool,
}

#[derive(Debug, Clone)]
struct Phrase {
    written: String,
    /// Normalized words, or compact text for a CJK phrase.
    matched: String,
    /// `matched` between spaces, as looked for among a text's words.
    padded: String,
    cjk: bool,
}

impl Phrases {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a String>) -> Phrases {
        let mut phrases: Vec<Phrase> = phrases
            .into_iter()
            .map(|phrase| {
                let cjk = phrase.chars().any(is_cjk);
                let matched = if cjk { compact(phrase) } else { normalize(phrase) };
                Phrase {
                    written: phrase.trim().to_owned(),
                    padded: format!(" {matched} "),
                    matched,
                    cjk,
                }
            })
            .filter(|phrase| !phrase.matched.is_empty())
            .collect();
        phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.matched.chars().count()));
        phrases.dedup_by(|a, b| a.matched == b.matched);
        Phrases {
            any_words: phrases.iter().any(|phrase| !phrase.cjk),
            any_cjk: phrases.iter().any(|phrase| phrase.cjk),
            phrases,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The first phrase (as written in the list) that `text` holds.
    pub fn find(&self, text: &str) -> Option<&str> {
        let words = if self.any_words {
            format!(" {} ", normalize(text))
        } else {
            String::new()
        };
        let compact = if self.any_cjk {
            compact(text)
        } else {
            String::new()
        };
        self.phrases
            .iter()
            .find(|phrase| {
                if phrase.cjk {
                    compact.contains(phrase.matched.as_str())
                } else {
                    words.contains(phrase.padded.as_str())
                }
            })
            .map(|phrase| phrase.written.as_str())
    }

    /// Whether `text` is one of the phrases as a whole (ignoring case,
    /// spacing and punctuation), e.g. a placeholder such as "TBD".
    pub fn is_whole(&self, text: &str) -> bool {
        let words = normalize(text);
        let compact = compact(text);
        !compact.is_empty()
            && self
                .phrases
                .iter()
                .any(|phrase| phrase.matched == words || phrase.matched == compact)
    }
}

/// Full-width punctuation (，：；（）「」、。？): it carries its own space.
fn is_wide_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '…' | '—')
}

/// A message in Chinese without the spaces its catalog text sets around a
/// placeholder where the value needs none: between two Chinese characters
/// (`计划 缺少` is `计划缺少`) and beside full-width punctuation (`是 「tv」`
/// is `是「tv」`). A space between Chinese and code or a number stays
/// (`目标 `g` 的`, `第 2 个`), and what is inside backticks or 「」 is the
/// plan's text, kept as written. In English the message is as given.
pub fn tidy(text: String) -> String {
    if crate::i18n::language() != Lang::Zh {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut in_code, mut quoted) = (false, 0usize);
    for (at, &c) in chars.iter().enumerate() {
        match c {
            '`' => in_code = !in_code,
            '「' if !in_code => quoted += 1,
            '」' if !in_code => quoted = quoted.saturating_sub(1),
            ' ' if !in_code && quoted == 0 => {
                if let (Some(before), Some(&after)) = (out.chars().next_back(), chars.get(at + 1)) {
                    let wide = is_wide_punctuation(before) || is_wide_punctuation(after);
                    if wide || (is_cjk(before) && is_cjk(after)) {
                        continue;
                    }
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out.trim().to_owned()
}

/// A text of the plan quoted in a message: `"ASAP"` in English (escaped as
/// Rust writes it), 「ASAP」 in Chinese.
pub fn quoted(text: &str) -> String {
    match crate::i18n::language() {
        Lang::Zh => format!("「{text}」"),
        Lang::En => format!("{text:?}"),
    }
}

/// The values of a catalog message's placeholders, for a message with
/// more of them than fit in a `t!` on one line (the test of the catalog
/// finds the ids in `t!(` and `i18n::message(` calls written on one line):
/// `let args = fluent_args!(field = field, found = found);`, then the
/// message with `i18n::message` and `Some(&args)`.
macro_rules! fluent_args {
    ($($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )+
        args
    }};
}
pub(crate) use fluent_args;

/// Items of a list in a sentence: `a, b` in English, `a、b` in Chinese.
pub fn listed<S: AsRef<str>>(items: &[S]) -> String {
    let separator = t!("lint-values-list-separator");
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&separator)
}

/// "a, b or c" (in Chinese "a、b 或 c").
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items.split_last() {
        Some((last, [])) => last.as_ref().to_owned(),
        Some((last, rest)) => tidy(t!("lint-values-or", first = listed(rest), second = last.as_ref())),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str]) -> Phrases {
        let owned: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        Phrases::new(&owned)
    }

    #[test]
    fn english_whole_words_and_hyphens() {
        let list = phrases(&["increase sales", "grow sales"]);
        assert_eq!(list.find("We must grow sales."), Some("grow sales"));
        assert_eq!(list.find("Increase sales-qualified pipeline"), None);
        assert_eq!(list.find("Regrow salesforce"), None);
        assert_eq!(list.find("INCREASE   Sales!"), Some("increase sales"));
    }

    #[test]
    fn cjk_phrases_match_anywhere() {
        let list = phrases(&["让更多人知道我们", "提高知名度"]);
        assert_eq!(list.find("今年要让更多人知道我们！"), Some("让更多人知道我们"));
        assert_eq!(list.find("提高 知名度"), Some("提高知名度"));
        assert_eq!(list.find("卖出一百件"), None);
    }

    #[test]
    fn whole_values() {
        let list = phrases(&["TBD", "n/a", "待招聘", "all people"]);
        assert!(list.is_whole("tbd"));
        assert!(list.is_whole(" N/A "));
        assert!(list.is_whole("待招聘"));
        assert!(list.is_whole("All people"));
        assert!(!list.is_whole("Li Na"));
        assert!(!list.is_whole("TBD by Friday: Li Na"));
    }

    /// In Chinese, the spaces around a placeholder go where the value needs
    /// none; code, numbers and the plan's own text keep theirs.
    #[test]
    fn chinese_spacing() {
        let _zh = crate::i18n::scoped(Lang::Zh);
        let tidy = |text: &str| tidy(text.to_owned());
        assert_eq!(tidy("计划 缺少必填字段 `name`"), "计划缺少必填字段 `name`");
        assert_eq!(
            tidy("必须是 数字，实际是 文本 「很多」"),
            "必须是数字，实际是文本「很多」"
        );
        assert_eq!(
            tidy("第 2 个目标 `g` 的 `deadline`"),
            "第 2 个目标 `g` 的 `deadline`"
        );
        assert_eq!(tidy("第 3 个投放档位 的 `spend`"), "第 3 个投放档位的 `spend`");
        // The plan's text is kept as written.
        assert_eq!(
            tidy("名称 `春季 上新` 写的是 「春季 上新」 。"),
            "名称 `春季 上新` 写的是「春季 上新」。"
        );
        assert_eq!(quoted("ASAP"), "「ASAP」");
        assert_eq!(or_list(&["数字", "文本", "列表"]), "数字、文本或列表");
        assert_eq!(listed(&["a", "b"]), "a、b");
    }

    #[test]
    fn english_is_left_as_written() {
        let _en = crate::i18n::scoped(Lang::En);
        assert_eq!(tidy("必须是 数字".to_owned()), "必须是 数字");
        assert_eq!(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(
            or_list(&["a number", "text", "a list"]),
            "a number, text or a list"
        );
    }
}
