//! Finding words and phrases in what people write, in English and in
//! Chinese or Japanese. English phrases match whole words, and a hyphen
//! joins a word ("increase sales" is not in "increase sales-qualified
//! pipeline"); CJK text has no spaces, so a CJK phrase matches anywhere.

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
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|word| word.trim_matches(|c| c == '-' || c == '\''))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
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
    /// (as written, as matched)
    phrases: Vec<(String, String)>,
}

impl Phrases {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a String>) -> Phrases {
        let mut phrases: Vec<(String, String)> = phrases
            .into_iter()
            .map(|phrase| {
                let matched = if phrase.chars().any(is_cjk) {
                    compact(phrase)
                } else {
                    normalize(phrase)
                };
                (phrase.trim().to_owned(), matched)
            })
            .filter(|(_, matched)| !matched.is_empty())
            .collect();
        phrases.sort_by_key(|(_, matched)| std::cmp::Reverse(matched.chars().count()));
        phrases.dedup_by(|a, b| a.1 == b.1);
        Phrases { phrases }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The first phrase (as written in the list) that `text` holds.
    pub fn find(&self, text: &str) -> Option<&str> {
        let words = format!(" {} ", normalize(text));
        let compact = compact(text);
        self.phrases
            .iter()
            .find(|(_, matched)| {
                if matched.chars().any(is_cjk) {
                    compact.contains(matched.as_str())
                } else {
                    words.contains(&format!(" {matched} "))
                }
            })
            .map(|(written, _)| written.as_str())
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
                .any(|(_, matched)| *matched == words || *matched == compact)
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
}
