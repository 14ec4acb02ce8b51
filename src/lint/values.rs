//! Values as people write them: money and counts with currency signs,
//! thousands separators and units (`"¥3,200"`, `"1.2万"`, `"$1.2k"`),
//! fractions as percentages (`"45%"`), ranks (`No.2`, `#1`, `second`, 第二)
//! and dates (`2026/6/30`, 2026年6月30日). One reader, used to normalize a
//! plan before the rules and `metrics` read it; the schema still reports the
//! value as written, with its canonical form as the fix.

/// A money amount or count, and the currency its sign names, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub currency: Option<&'static str>,
}

/// Currency signs and words, longest first so `US$` wins over `$`.
const CURRENCY_MARKS: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("美元", "USD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("港币", "HKD"),
    ("英镑", "GBP"),
    ("美金", "USD"),
    ("港元", "HKD"),
    ("韩元", "KRW"),
    ("新台币", "TWD"),
    ("新加坡元", "SGD"),
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("JPY", "JPY"),
    ("GBP", "GBP"),
    ("HKD", "HKD"),
    ("KRW", "KRW"),
    ("SGD", "SGD"),
    ("TWD", "TWD"),
    ("yuan", "CNY"),
    ("元", "CNY"),
    ("块", "CNY"),
    ("円", "JPY"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
];

/// Marks that several currencies share (`¥` is the yuan and the yen, `$` a
/// dozen dollars) or that name no currency on their own (块): never read as
/// the plan's currency.
const SHARED_MARKS: &[&str] = &["¥", "￥", "$", "£", "₩", "块"];

/// The ISO 4217 code a plan's `currency` written in a person's way names:
/// `人民币` and `RMB` are `CNY`, `usd` is `USD`. `None` when it is already a
/// code as the plan format writes it, or names no one currency.
pub fn currency_code(written: &str) -> Option<String> {
    let trimmed = written.trim();
    let is_code = trimmed.len() == 3 && trimmed.bytes().all(|b| b.is_ascii_alphabetic());
    let code = CURRENCY_MARKS
        .iter()
        .find(|(mark, _)| mark.eq_ignore_ascii_case(trimmed) && !SHARED_MARKS.contains(mark))
        .map(|(_, code)| (*code).to_owned())
        .or_else(|| is_code.then(|| trimmed.to_ascii_uppercase()))?;
    (code != written).then_some(code)
}

/// The plan's currency as meant: its code, however it is written.
pub fn plan_currency(plan: &serde_json::Value) -> Option<std::borrow::Cow<'_, str>> {
    let written = plan.get("currency")?.as_str()?;
    Some(currency_code(written).map_or(std::borrow::Cow::Borrowed(written), std::borrow::Cow::Owned))
}

/// Whether the currency `code` that `written`'s sign or code named agrees
/// with the plan's currency `plan`. A bare sign is shared: `¥` is also the
/// yen, `$` also the Canadian, Australian, Hong Kong ... dollar.
pub fn sign_fits(written: &str, code: &str, plan: &str) -> bool {
    let plan = plan.trim().to_ascii_uppercase();
    if code == plan {
        return true;
    }
    let named_outright = |marks: &[&str]| marks.iter().any(|mark| written.contains(mark));
    match code {
        "CNY" => {
            plan == "JPY"
                && named_outright(&["¥", "￥"])
                && !named_outright(&["元", "RMB", "CNY", "人民币", "块", "yuan"])
        }
        "USD" => {
            const DOLLARS: &[&str] = &["CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN"];
            DOLLARS.contains(&plan.as_str())
                && written.contains('$')
                && !named_outright(&["US$", "USD", "美元"])
        }
        _ => false,
    }
}

/// Multipliers written after a number, longest first, as powers of ten
/// (applied by moving the decimal point, so `1.2万` is exactly 12000).
const MULTIPLIERS: &[(&str, i32)] = &[
    ("千万", 7),
    ("百万", 6),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
    ("bn", 9),
    ("mn", 6),
    ("k", 3),
    ("K", 3),
    ("m", 6),
    ("M", 6),
    ("b", 9),
    ("B", 9),
    ("w", 4),
    ("W", 4),
];

/// Full-width digits and punctuation as their ASCII forms.
fn ascii_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '％' => '%',
            '＋' => '+',
            '－' => '-',
            other => other,
        })
        .collect::<String>()
        .into()
}

/// A plain decimal number: digits with at most one point, a sign allowed.
fn decimal(text: &str) -> Option<f64> {
    scaled_decimal(text, 0)
}

/// The decimal `text` times 10^`shift`, computed on the digits (the point
/// moves), so `0.9` shifted by -2 is exactly the double nearest 0.009, never
/// `0.009000000000000001`.
fn scaled_decimal(text: &str, shift: i32) -> Option<f64> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let figures = format!("{whole}{fraction}");
    let point = i64::try_from(whole.len()).ok()? + i64::from(shift);
    let length = i64::try_from(figures.len()).ok()?;
    // Beyond this the value is not a plan's number anyway.
    if !(-400..=400).contains(&point) {
        return None;
    }
    let moved = if point <= 0 {
        format!("0.{}{figures}", "0".repeat(usize::try_from(-point).ok()?))
    } else if point >= length {
        format!("{figures}{}", "0".repeat(usize::try_from(point - length).ok()?))
    } else {
        let (left, right) = figures.split_at(usize::try_from(point).ok()?);
        format!("{left}.{right}")
    };
    let sign = if negative { "-" } else { "" };
    format!("{sign}{moved}")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// `text` without its thousands separators, if they group the digits the way
/// people group them: threes (`12,345,678`) or the Indian lakh grouping
/// (`12,34,567`). Anything else (`10,00`, a decimal comma `1,5`) is not read,
/// so a number is never read as a different one.
fn without_separators(text: &str) -> Option<String> {
    let is_separator = |c: char| matches!(c, ',' | '，' | '_' | ' ' | '\u{a0}' | '\'');
    if !text.contains(is_separator) {
        return Some(text.to_owned());
    }
    let (whole, rest) = match text.find(['.', '%']) {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    if rest.contains(is_separator) {
        return None;
    }
    let unsigned = whole.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = unsigned.split(is_separator).collect();
    let (first, others) = groups.split_first()?;
    let digits = |group: &str, sizes: std::ops::RangeInclusive<usize>| {
        sizes.contains(&group.len()) && group.bytes().all(|b| b.is_ascii_digit())
    };
    let threes = digits(first, 1..=3) && others.iter().all(|group| digits(group, 3..=3));
    let lakh = match others.split_last() {
        Some((last, middle)) => {
            digits(first, 1..=2)
                && !middle.is_empty()
                && middle.iter().all(|g| digits(g, 2..=2))
                && digits(last, 3..=3)
        }
        None => false,
    };
    (threes || lakh).then(|| text.chars().filter(|c| !is_separator(*c)).collect())
}

/// Money or a count: `480`, `"¥480"`, `"1,200"`, `"$1.2k"`, `"1.2万"`,
/// `"3亿"`, `"50,000 元"`, `四百八十元`.
pub fn amount(text: &str) -> Option<Amount> {
    let mut rest = ascii_digits(text.trim()).into_owned();
    let mut currency = None;
    // A sign or code before or after the number, with or without a space.
    for _ in 0..2 {
        let trimmed = rest.trim();
        let found = CURRENCY_MARKS.iter().find_map(|(mark, code)| {
            if let Some(after) = trimmed.strip_prefix(mark) {
                Some((after.to_owned(), *code))
            } else {
                trimmed
                    .strip_suffix(mark)
                    .map(|before| (before.to_owned(), *code))
            }
        });
        match found {
            Some((remaining, code)) if currency.is_none() => {
                currency = Some(code);
                rest = remaining;
            }
            _ => break,
        }
    }
    let rest = rest.trim();
    let (number, shift) = MULTIPLIERS
        .iter()
        .find_map(|(suffix, power)| Some((rest.strip_suffix(suffix)?.trim_end(), *power)))
        .unwrap_or((rest, 0));
    let value = without_separators(number)
        .and_then(|number| scaled_decimal(&number, shift))
        // 四百八十, 两万, 一亿二千万: the whole text, its 万 and 亿 included.
        .or_else(|| super::chinese_numerals::integer(rest).map(|n| n as f64))?;
    Some(Amount { value, currency })
}

/// A fraction: `0.45` or `"45%"`.
pub fn fraction(text: &str) -> Option<f64> {
    let text = ascii_digits(text.trim());
    match text.strip_suffix('%') {
        Some(percent) => scaled_decimal(percent, -2),
        None => decimal(&text),
    }
}

/// A percentage written as text (`"15%"`, `"+20%"`, `"４０％"`), as a number
/// of percent.
pub fn percentage(text: &str) -> Option<f64> {
    decimal(ascii_digits(text.trim()).strip_suffix('%')?)
}

const ENGLISH_ORDINALS: &[(&str, i64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("5th", 5),
];

/// A rank: `1`, `"2"`, `No.2`, `NO.1`, `#1`, `second`, `2nd`, 第二, 第二名.
pub fn rank(text: &str) -> Option<i64> {
    let lower = ascii_digits(text.trim()).to_lowercase();
    let mut core = lower.as_str();
    for prefix in ["no.", "no ", "no", "#", "rank", "top", "第"] {
        if let Some(rest) = core.strip_prefix(prefix) {
            core = rest.trim_start();
            break;
        }
    }
    for suffix in ["名", "位", "place"] {
        if let Some(rest) = core.strip_suffix(suffix) {
            core = rest.trim_end();
        }
    }
    let core = core.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if let Ok(number) = core.parse::<i64>() {
        return Some(number);
    }
    ENGLISH_ORDINALS
        .iter()
        .find(|(word, _)| *word == core)
        .map(|(_, n)| *n)
        .or_else(|| super::chinese_numerals::integer(core).filter(|n| *n > 0))
}

/// How a date as written reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateReading {
    /// One real calendar date, as `YYYY-MM-DD`.
    Date(String),
    /// Day first and month first are both real dates (`05/06/2026`):
    /// the day-first reading, then the month-first one.
    Ambiguous { day_first: String, month_first: String },
    /// Not a real calendar date (`soon`, `2026-02-30`, `2026-13-01`).
    NotADate,
}

/// Whether `day` of `month` of `year` is on the calendar.
fn is_calendar_day(year: u32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The `YYYY-MM-DD` form of a real calendar date, if it is one.
fn calendar_date(year: u32, month: u32, day: u32) -> Option<String> {
    is_calendar_day(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Whether `text` is exactly a real date written `YYYY-MM-DD` (what
/// [`date`] gives back unchanged), read without making a string.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(year), Some(month), Some(day)) => is_calendar_day(year, month, day),
        _ => false,
    }
}

/// A date as people write it: year first (`2026-6-30`, `2026/06/30`,
/// `2026.6.30`, `2026年6月30日`), or day or month first with the year last
/// (`31/10/2026`, `10/31/2026`, `31.10.2026`), read where only one reading
/// is a real date; both readings are given where both are.
pub fn read_date(text: &str) -> DateReading {
    let text = ascii_digits(text.trim());
    let parts: Vec<&str> = text
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    let number = |part: &str, width: std::ops::RangeInclusive<usize>| {
        (width.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let [first, second, third] = parts.as_slice() else {
        return DateReading::NotADate;
    };
    if let (Some(year), Some(month), Some(day)) =
        (number(first, 4..=4), number(second, 1..=2), number(third, 1..=2))
    {
        return calendar_date(year, month, day).map_or(DateReading::NotADate, DateReading::Date);
    }
    // Year last: only with `/`, `.` or `-` between the parts.
    if text.contains(['年', '月']) {
        return DateReading::NotADate;
    }
    let (Some(a), Some(b), Some(year)) = (number(first, 1..=2), number(second, 1..=2), number(third, 4..=4))
    else {
        return DateReading::NotADate;
    };
    match (calendar_date(year, b, a), calendar_date(year, a, b)) {
        (Some(day_first), Some(month_first)) if day_first != month_first => DateReading::Ambiguous {
            day_first,
            month_first,
        },
        (Some(date), _) | (None, Some(date)) => DateReading::Date(date),
        (None, None) => DateReading::NotADate,
    }
}

/// A date as `YYYY-MM-DD`, if `text` reads as exactly one real calendar
/// date (see [`read_date`]).
pub fn date(text: &str) -> Option<String> {
    match read_date(text) {
        DateReading::Date(date) => Some(date),
        _ => None,
    }
}

/// English number words and Chinese numerals that state a quantity in a
/// sentence ("forty pieces", 四十件, 三成).
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "dozen", "double", "twice", "triple", "half", "percent",
];

/// Whether `text` states a number: digits, or number words (English words
/// as whole words; Chinese numerals next to a counter or unit).
pub fn states_a_number(text: &str) -> bool {
    let text = ascii_digits(text);
    if text.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let lower = text.to_lowercase();
    let english = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| NUMBER_WORDS.contains(&word));
    // 四十件, 三成, 两倍, 五万: a Chinese numeral followed by a unit or
    // counter, not a numeral inside a word such as 一起 ("together").
    let chars: Vec<char> = lower.chars().collect();
    let chinese = chars.windows(2).any(|pair| match pair[0] {
        // 一 is also "a": 一个品牌 is "a brand", 一万 is ten thousand.
        '一' => "十百千万亿成倍".contains(pair[1]),
        first => {
            "二两三四五六七八九十百千万".contains(first)
                && "十百千万亿个件家人次成倍%份名位元块单笔场".contains(pair[1])
        }
    });
    english || chinese
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_currency_is_read_by_its_name_but_never_by_a_shared_sign() {
        for (written, code) in [
            ("人民币", "CNY"),
            ("RMB", "CNY"),
            ("rmb", "CNY"),
            ("美元", "USD"),
            ("usd", "USD"),
            ("Eur", "EUR"),
            ("港元", "HKD"),
        ] {
            assert_eq!(currency_code(written).as_deref(), Some(code), "{written}");
        }
        // Already a code; a shared sign or an unknown word names no one currency.
        for written in ["CNY", "USD", "¥", "$", "dollars", "CNYY", "中"] {
            assert_eq!(currency_code(written), None, "{written}");
        }
        // 港元 is the Hong Kong dollar, never the 元 of a yuan amount.
        assert_eq!(amount("300港元").and_then(|amount| amount.currency), Some("HKD"));
        let plan = serde_json::json!({"currency": "人民币"});
        assert_eq!(plan_currency(&plan).as_deref(), Some("CNY"));
    }

    /// `is_iso_date` says yes exactly where `date` gives the text back.
    #[test]
    fn iso_dates_as_date_reads_them() {
        let texts = [
            "2026-09-30",
            "2024-02-29",
            "2026-02-29",
            "1900-02-29",
            "2000-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-4-30",
            "2026/09/30",
            "26-09-30ab",
            "２０２６-09-30",
            "2026-09-3x",
            "+026-09-30",
            "0000-01-01",
            "2026-09-30 ",
            "30-09-2026",
            "",
        ];
        for text in texts {
            assert_eq!(is_iso_date(text), date(text).as_deref() == Some(text), "{text:?}");
        }
        for day in 0..=400u32 {
            let text = format!("2028-{:02}-{:02}", day / 31, day % 32);
            assert_eq!(
                is_iso_date(&text),
                date(&text).as_deref() == Some(text.as_str()),
                "{text}"
            );
        }
    }

    #[test]
    fn amounts_as_written() {
        let read = |text: &str| amount(text).map(|a| (a.value, a.currency));
        assert_eq!(read("480"), Some((480.0, None)));
        assert_eq!(read("¥480"), Some((480.0, Some("CNY"))));
        assert_eq!(read("¥3,200"), Some((3200.0, Some("CNY"))));
        assert_eq!(read("1,200"), Some((1200.0, None)));
        assert_eq!(read("$1.2k"), Some((1200.0, Some("USD"))));
        assert_eq!(read("1.2万"), Some((12000.0, None)));
        assert_eq!(read("3亿"), Some((300_000_000.0, None)));
        assert_eq!(read("50,000 元"), Some((50000.0, Some("CNY"))));
        assert_eq!(read("USD 1,500"), Some((1500.0, Some("USD"))));
        assert_eq!(read("４８０"), Some((480.0, None)));
        assert_eq!(read("lots"), None);
        assert_eq!(read("12%"), None);
        assert_eq!(read(""), None);
        assert_eq!(read("1.2.3"), None);
        assert_eq!(read("10,000.50"), Some((10000.5, None)));
        assert_eq!(read("12,34,567"), Some((1234567.0, None)));
        assert_eq!(read("1 200"), Some((1200.0, None)));
        // Groupings that are not thousands are not guessed at.
        assert_eq!(read("10,00"), None);
        assert_eq!(read("1,5"), None);
        assert_eq!(read("1,2345"), None);
        assert_eq!(read("1.5,000"), None);
    }

    /// Percentages and suffixes move the decimal point: the value is the
    /// decimal that was written, with no binary rounding left over.
    #[test]
    fn scaling_is_exact() {
        let shown = |n: f64| serde_json::Number::from_f64(n).map(|n| n.to_string());
        assert_eq!(fraction("0.9%").and_then(shown).as_deref(), Some("0.009"));
        assert_eq!(fraction("0.7%").and_then(shown).as_deref(), Some("0.007"));
        assert_eq!(fraction("12.5%").and_then(shown).as_deref(), Some("0.125"));
        assert_eq!(fraction("-3%").and_then(shown).as_deref(), Some("-0.03"));
        let amount_shown = |text: &str| amount(text).and_then(|a| shown(a.value));
        assert_eq!(amount_shown("1.1万").as_deref(), Some("11000.0"));
        assert_eq!(amount_shown("0.3k").as_deref(), Some("300.0"));
        assert_eq!(amount_shown("$2.675m").as_deref(), Some("2675000.0"));
        assert_eq!(amount_shown("0.07亿").as_deref(), Some("7000000.0"));
    }

    #[test]
    fn fractions_ranks_and_dates() {
        assert_eq!(fraction("45%"), Some(0.45));
        assert_eq!(fraction("0.45"), Some(0.45));
        assert_eq!(fraction("about half"), None);
        assert_eq!(percentage("+20%"), Some(20.0));
        assert_eq!(percentage("15"), None);
        for (text, expected) in [
            ("2", 2),
            ("No.2", 2),
            ("NO.1", 1),
            ("#1", 1),
            ("second", 2),
            ("2nd", 2),
            ("第二", 2),
            ("第一名", 1),
            ("第三", 3),
            ("No. 3", 3),
        ] {
            assert_eq!(rank(text), Some(expected), "{text}");
        }
        assert_eq!(rank("leader"), None);
        assert_eq!(date("2026/6/30").as_deref(), Some("2026-06-30"));
        assert_eq!(date("2026年6月30日").as_deref(), Some("2026-06-30"));
        assert_eq!(date("2026-02-30"), None);
        assert_eq!(date("2026-13-01"), None);
        assert_eq!(date("soon"), None);
        // Day or month first: read where only one reading is a real date.
        assert_eq!(date("31/10/2026").as_deref(), Some("2026-10-31"));
        assert_eq!(date("10/31/2026").as_deref(), Some("2026-10-31"));
        assert_eq!(date("31.10.2026").as_deref(), Some("2026-10-31"));
        assert_eq!(date("5/5/2026").as_deref(), Some("2026-05-05"));
        assert_eq!(
            read_date("05/06/2026"),
            DateReading::Ambiguous {
                day_first: "2026-06-05".into(),
                month_first: "2026-05-06".into()
            }
        );
        assert_eq!(read_date("31/31/2026"), DateReading::NotADate);
        assert_eq!(read_date("30/02/2026"), DateReading::NotADate);
    }

    #[test]
    fn numbers_in_sentences() {
        assert!(states_a_number("Grow sales to forty pieces a month"));
        assert!(states_a_number("Reach 40% awareness"));
        assert!(states_a_number("每月卖出四十件"));
        assert!(states_a_number("复购率提升三成"));
        assert!(!states_a_number("让更多人知道我们"));
        assert!(!states_a_number("Increase awareness"));
        assert!(!states_a_number("大家一起努力"));
        assert!(!states_a_number("打造一个知名品牌"));
    }
}
