//! Columns in a terminal: a CJK character or an emoji takes two columns,
//! a combining mark none, so aligned tables pad by display width, never by
//! characters or bytes. Every aligned table pads through here.

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
}
