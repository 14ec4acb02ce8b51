//! Whole numbers written in Chinese numerals: 四百八十 (480), 两万 (20000),
//! 一百零五 (105), 一亿二千万 (120000000), and the financial forms of
//! invoices and spreadsheets exported from accounting (壹仟贰佰, 1200).
//!
//! Only a numeral with one reading is read. The spoken shortcuts that drop
//! the last unit (三千五 is said for 3500, 一百五 for 150) are not: the
//! reader would have to guess the unit, so they stay unreadable and are
//! named as such.

/// The value of one digit character, if it is one.
fn digit(c: char) -> Option<i64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a unit below ten thousand.
fn small_unit(c: char) -> Option<i64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// A whole number in Chinese numerals, or `None` when `text` is not one
/// (or is one only by a guess).
pub fn integer(text: &str) -> Option<i64> {
    let chars: Vec<char> = text.trim().chars().collect();
    if chars.is_empty() {
        return None;
    }
    with_big_unit(&chars, &['亿', '億'], 100_000_000, true)
}

/// `chars` split at its big unit (亿, then 万 within each part): the part
/// before counts that many units, the part after is what is left below
/// one unit. `leading` is whether `chars` opens the numeral (a lone
/// digit after a big unit, 三万五, is the spoken shortcut).
fn with_big_unit(chars: &[char], marks: &[char], unit: i64, leading: bool) -> Option<i64> {
    let lower = |part: &[char], leading: bool| {
        if unit == 100_000_000 {
            with_big_unit(part, &['万', '萬'], 10_000, leading)
        } else {
            section(part, leading)
        }
    };
    let Some(at) = chars.iter().position(|c| marks.contains(c)) else {
        return lower(chars, leading);
    };
    let (high, low) = (&chars[..at], &chars[at + 1..]);
    let high = lower(high, leading).filter(|n| *n > 0)?;
    let low = if low.is_empty() { 0 } else { lower(low, false)? };
    if low >= unit {
        return None;
    }
    high.checked_mul(unit)?.checked_add(low)
}

/// A number below ten thousand: digits each followed by a smaller unit
/// than the one before (千, 百, 十), 零 for a skipped unit, and the ones
/// last. A leading 十 is ten (十五); a lone 零 is zero.
fn section(chars: &[char], leading: bool) -> Option<i64> {
    if chars.is_empty() {
        return None;
    }
    let mut value = 0;
    let mut last_unit = 10_000;
    let mut pending: Option<i64> = None;
    let mut skipped = false;
    for (at, &c) in chars.iter().enumerate() {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                return None;
            }
            if d == 0 {
                // 零 stands for a skipped unit: once, and never first (but alone).
                if skipped || (at == 0 && chars.len() > 1 && leading) {
                    return None;
                }
                skipped = true;
                continue;
            }
            pending = Some(d);
        } else if let Some(unit) = small_unit(c) {
            if unit >= last_unit {
                return None;
            }
            let count = match pending.take() {
                Some(d) => d,
                // 十五 is fifteen; 一百十 is not written.
                None if unit == 10 && at == 0 && leading => 1,
                None => return None,
            };
            value += count * unit;
            last_unit = unit;
            skipped = false;
        } else {
            return None;
        }
    }
    if let Some(ones) = pending {
        // The ones follow 十, a 零, or stand alone; after 百 or 千 (一百五)
        // or after a big unit (三万五) a lone digit is the spoken shortcut.
        let alone = last_unit == 10_000 && leading;
        if !(last_unit == 10 || skipped || alone) {
            return None;
        }
        value += ones;
    } else if skipped && chars.len() > 1 {
        // A trailing 零 (一百零) says nothing.
        return None;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::integer;

    #[test]
    fn numerals_with_one_reading_are_read() {
        for (written, value) in [
            ("零", 0),
            ("五", 5),
            ("十", 10),
            ("十五", 15),
            ("二十", 20),
            ("四百八十", 480),
            ("一百零五", 105),
            ("一千零五十", 1050),
            ("两千", 2000),
            ("十万", 100_000),
            ("两万", 20_000),
            ("十二万", 120_000),
            ("三万零五", 30_005),
            ("三万五千", 35_000),
            ("四百八十万", 4_800_000),
            ("一亿二千万", 120_000_000),
            ("一亿零五百万", 105_000_000),
            ("壹仟贰佰", 1200),
            ("伍拾", 50),
        ] {
            assert_eq!(integer(written), Some(value), "{written}");
        }
    }

    #[test]
    fn spoken_shortcuts_and_non_numerals_are_not_read() {
        for written in [
            "",
            "三千五",
            "一百五",
            "三万五",
            "二零二六",
            "十十",
            "百",
            "千五",
            "一百零",
            "零五",
            "很多",
            "一些",
            "万",
            "五万万",
            "一百二十三四",
        ] {
            assert_eq!(integer(written), None, "{written}");
        }
    }

    /// `n` written as an invoice writes it: 零 for each run of skipped
    /// units, 十 alone only at the start.
    fn written(n: i64, financial: bool) -> String {
        let (digits, units) = if financial {
            (
                ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
                ['仟', '佰', '拾'],
            )
        } else {
            (
                ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
                ['千', '百', '十'],
            )
        };
        if n == 0 {
            return "零".into();
        }
        let groups = [
            (n / 100_000_000, Some('亿')),
            (n / 10_000 % 10_000, Some('万')),
            (n % 10_000, None),
        ];
        let mut out = String::new();
        let mut gap = false;
        for (group, big) in groups {
            if group == 0 {
                gap |= !out.is_empty();
                continue;
            }
            if !out.is_empty() && (gap || group < 1000) {
                out.push('零');
            }
            gap = false;
            let places = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10];
            let mut skipped = false;
            for (at, &d) in places.iter().enumerate() {
                if d == 0 {
                    skipped |= at > 0 && places[..at].iter().any(|&p| p > 0);
                    continue;
                }
                if skipped {
                    out.push('零');
                    skipped = false;
                }
                let ten_alone = out.is_empty() && at == 2 && d == 1 && !financial;
                if !ten_alone {
                    out.push(digits[d as usize]);
                }
                if let Some(unit) = units.get(at) {
                    out.push(*unit);
                }
            }
            if let Some(big) = big {
                out.push(big);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        // Digits drawn mostly as zeros: the skipped units are where numerals go wrong.
        fn every_whole_number_written_in_numerals_reads_back(
            digits in proptest::collection::vec(proptest::prop_oneof![3 => proptest::strategy::Just(0i64), 2 => 1..10i64], 1..=12),
            financial: bool,
        ) {
            let n = digits.iter().fold(0, |n, d| n * 10 + d);
            let text = written(n, financial);
            proptest::prop_assert_eq!(integer(&text), Some(n), "{}", text);
        }
    }
}
