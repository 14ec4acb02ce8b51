//! Columns in a terminal: a CJK character or an emoji takes two columns,
//! a combining mark none, so aligned tables pad by display width, never by
//! characters or bytes. Every aligned table pads through here.
//!
//! And where a long line may break ([`words`]): between words and between
//! Chinese characters (Unicode's line breaking rules), never inside a word
//! or a code span, and never between a number and its unit (`480 CNY`,
//! `8 months`, `315 元`, `3 个月`).

use textwrap::core::Word;
use textwrap::WordSeparator;
use unicode_width::UnicodeWidthStr;

/// How many terminal columns `text` takes.
pub fn display_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` padded with spaces on the right to `width` columns.
pub fn pad_right(text: &str, width: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(display_width(text)),
    ));
    out
}

/// `text` padded with spaces on the left to `width` columns.
pub fn pad_left(text: &str, width: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', width.saturating_sub(display_width(text))).collect();
    out.push_str(text);
    out
}

/// Characters that, after a number, are its unit: a line never breaks
/// between them and the number.
const UNIT_CHARACTERS: &str =
    "元角分块万亿千百十个件位名人次天日周月年岁倍笔单家条项杯份张台套盒瓶期小时秒%‰";

/// Words that, after a number, are its unit.
const UNIT_WORDS: &[&str] = &[
    "month", "months", "year", "years", "week", "weeks", "day", "days", "hour", "hours",
];

/// Whether `word` (a word of a line, closing punctuation off) is a unit: a currency code (`CNY`), a time unit, `%`.
fn is_unit_word(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
    let currency = word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase());
    currency || UNIT_WORDS.contains(&word) || word == "%"
}

fn is_unit_character(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| UNIT_CHARACTERS.contains(c) && chars.all(|c| !c.is_alphanumeric()))
}

/// `line` cut where it may break: Unicode's line breaking opportunities,
/// less those inside a code span (`` `...` ``) and those between a number
/// and its unit. Each run keeps its trailing blanks and says whether it
/// joins pieces Unicode alone would break between (`480 CNY`).
pub fn runs(line: &str) -> Vec<(&str, bool)> {
    let pieces: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties.find_words(line).collect();
    let mut runs = Vec::with_capacity(pieces.len());
    // The current run's start in `line`, where the next piece starts, and
    // whether the run so far ends in a number or a unit after one.
    let (mut start, mut end) = (0, 0);
    let mut joins = false;
    let mut ticks = 0;
    // A lone backtick opens no code span.
    let spans_close = line.matches('`').count() % 2 == 0;
    let mut after_number = false;
    for (index, piece) in pieces.iter().enumerate() {
        let in_code = spans_close && ticks % 2 == 1;
        let unit = after_number && (is_unit_character(piece.word) || is_unit_word(piece.word));
        let joined = index > 0 && (in_code || unit);
        if index > 0 && !joined {
            runs.push((&line[start..end], joins));
            start = end;
        }
        joins = joined;
        end += piece.word.len() + piece.whitespace.len() + piece.penalty.len();
        ticks += piece.word.matches('`').count();
        after_number = piece.word.ends_with(|c: char| c.is_ascii_digit())
            || (joined && piece.whitespace.is_empty() && is_unit_character(piece.word));
    }
    if start < line.len() {
        runs.push((&line[start..], joins));
    }
    runs
}

/// The places a line may break ([`runs`]), as textwrap's words, for
/// [`textwrap::WordSeparator::Custom`].
pub fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    Box::new(runs(line).into_iter().map(|(run, _)| Word::from(run)))
}

/// textwrap's options for `width` columns, breaking only where [`words`]
/// allows: a word longer than the line stays whole.
pub fn wrap_options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .word_separator(WordSeparator::Custom(words))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width("Douyin"), 6);
        assert_eq!(display_width("抖音"), 4);
        assert_eq!(display_width("小红书🔥"), 8);
        assert_eq!(pad_right("抖音", 6), "抖音  ");
        assert_eq!(pad_left("抖音", 6), "  抖音");
        assert_eq!(pad_right("toolong", 3), "toolong");
    }

    fn lines(text: &str, width: usize) -> Vec<String> {
        textwrap::wrap(text, wrap_options(width))
            .into_iter()
            .map(|line| line.into_owned())
            .collect()
    }

    #[test]
    fn a_number_keeps_its_unit() {
        // Without the rule, each of these would break after the number.
        assert_eq!(lines("spend up to 480 CNY", 16), ["spend up to", "480 CNY"]);
        assert_eq!(lines("payback of 8 months", 12), ["payback of", "8 months"]);
        assert_eq!(lines("获客成本高于315元", 14), ["获客成本高于", "315元"]);
        assert_eq!(
            lines("回本周期为 8 个月，太长", 14),
            ["回本周期为", "8 个月，太长"]
        );
        assert_eq!(lines("增长 15%", 4), ["增长", "15%"]);
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_inside_words_or_code() {
        assert_eq!(lines("目标没有截止日期", 8), ["目标没有", "截止日期"]);
        assert_eq!(
            lines("渠道 `Baidu search ads` 没有测试", 12),
            ["渠道", "`Baidu search ads`", "没有测试"]
        );
        // A word longer than the line stays whole.
        assert_eq!(
            lines("see low-ltv-cac-ratio now", 8),
            ["see", "low-ltv-cac-ratio", "now"]
        );
        // Closing punctuation never starts a line.
        for line in lines("目标没有数字，也没有截止日期。", 6) {
            assert!(!line.starts_with(['，', '。']), "{line}");
        }
    }
}
