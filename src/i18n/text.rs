//! A text written in one or more languages: a rule's summary, message or
//! help, as a plain string or as `{en: ..., zh: ...}`.

use super::{language, Lang};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::ops::Deref;

/// A text in English, Chinese or both; read as the current language's, or
/// the other one when it has only that. A plain string is taken as written
/// for every language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    en: Option<Box<str>>,
    zh: Option<Box<str>>,
}

impl Text {
    /// A text the same in every language.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            en: Some(text.into().into_boxed_str()),
            zh: None,
        }
    }

    /// The text in `lang`, or the one it has.
    pub fn get(&self, lang: Lang) -> &str {
        let (wanted, other) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh => (&self.zh, &self.en),
        };
        wanted.as_deref().or(other.as_deref()).unwrap_or("")
    }

    /// The text in `lang` only when written in it.
    pub fn written_in(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.en.as_deref(),
            Lang::Zh => self.zh.as_deref(),
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.get(language())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, or the text in each language as `{en: ..., zh: ...}`")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::plain(text))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Text, M::Error> {
        let mut text = Text::default();
        while let Some(key) = map.next_key::<String>()? {
            let slot = match Lang::from_locale(&key) {
                Some(Lang::En) if key.len() <= 5 => &mut text.en,
                Some(Lang::Zh) if key.len() <= 7 => &mut text.zh,
                _ => {
                    return Err(de::Error::custom(format!(
                        "`{key}` is not a language planlint speaks: write `en` or `zh`"
                    )))
                }
            };
            if slot.is_some() {
                return Err(de::Error::custom(format!("the language `{key}` is given twice")));
            }
            *slot = Some(map.next_value::<String>()?.into_boxed_str());
        }
        if text.en.is_none() && text.zh.is_none() {
            return Err(de::Error::custom(
                "give the text in at least one language (`en` or `zh`)",
            ));
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_both_languages_follows_the_language() {
        let text: Text = serde_json::from_str(r#"{"en": "no goal", "zh": "没有目标"}"#).unwrap();
        assert_eq!(text.get(Lang::En), "no goal");
        assert_eq!(text.get(Lang::Zh), "没有目标");
        let _chinese = crate::i18n::scoped(Lang::Zh);
        assert_eq!(&*text, "没有目标");
    }

    #[test]
    fn a_text_in_one_language_serves_both() {
        let only_chinese: Text = serde_json::from_str(r#"{"zh-CN": "没有目标"}"#).unwrap();
        assert_eq!(only_chinese.get(Lang::En), "没有目标");
        let plain: Text = serde_json::from_str(r#""no goal""#).unwrap();
        assert_eq!(plain.get(Lang::Zh), "no goal");
    }

    #[test]
    fn an_unknown_language_is_refused() {
        let error = serde_json::from_str::<Text>(r#"{"fr": "pas d'objectif"}"#).unwrap_err();
        assert!(error.to_string().contains("`fr` is not a language"), "{error}");
        assert!(serde_json::from_str::<Text>("{}").is_err());
    }
}
