//! The languages planlint speaks, and how a locale name picks one.

use std::fmt;

/// A language of planlint's human texts. Machine formats keep their field
/// names and rule ids in English whatever the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese (zh-CN).
    Zh,
}

impl Lang {
    /// Every language, English first (the fallback).
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// Where the language stands in [`Lang::ALL`].
    pub fn index(self) -> usize {
        Lang::ALL.iter().position(|each| *each == self).unwrap_or(0)
    }

    /// The short name used by `--lang` and `lang:` (`en`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for documents and the message catalog (`en`, `zh-CN`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language a locale name asks for, when planlint speaks it:
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `zh_TW` and `ZH` are
    /// Chinese; `en`, `en_US.UTF-8` English; anything else `None`.
    pub fn from_locale(name: &str) -> Option<Lang> {
        // `zh_CN.UTF-8@pinyin`: the language is what comes before the
        // territory, the encoding and the modifier.
        let language = name
            .trim()
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "zh" | "chi" | "zho" => Some(Lang::Zh),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides, as POSIX
    /// says; a language planlint does not speak (or `C`) is English.
    pub fn from_environment(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|value| !value.trim().is_empty())
            .and_then(|value| Lang::from_locale(&value))
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_pick_the_language() {
        for chinese in [
            "zh",
            "zh-CN",
            "zh_CN.UTF-8",
            "zh-Hans",
            "zh_TW",
            "ZH_cn.gb18030",
            "zh_CN@pinyin",
        ] {
            assert_eq!(Lang::from_locale(chinese), Some(Lang::Zh), "{chinese}");
        }
        for english in ["en", "en_US.UTF-8", "en-GB"] {
            assert_eq!(Lang::from_locale(english), Some(Lang::En), "{english}");
        }
        for other in ["fr_FR.UTF-8", "C", "POSIX", "", "zhx"] {
            assert_eq!(Lang::from_locale(other), None, "{other}");
        }
    }

    #[test]
    fn the_first_variable_set_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            }
        };
        assert_eq!(Lang::from_environment(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_environment(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En,
            "LC_ALL overrides LANG"
        );
        assert_eq!(
            Lang::from_environment(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "en_US")
            ])),
            Lang::Zh,
            "an empty LC_ALL does not count"
        );
        assert_eq!(Lang::from_environment(env(&[])), Lang::En);
    }
}
