//! Text inside XML and HTML: JUnit reports, and the report page with its
//! SVG charts.

/// Escapes text for XML 1.0 content (`attribute == false`) or a
/// double-quoted attribute value. Characters XML 1.0 cannot carry at all
/// (control characters other than tab, line feed and carriage return,
/// U+FFFE, U+FFFF) become U+FFFD; in attributes tab and line breaks are
/// written as character references so parsers keep them.
pub fn escape(text: &str, attribute: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' if attribute => escaped.push_str("&quot;"),
            '\'' if attribute => escaped.push_str("&apos;"),
            '\t' if attribute => escaped.push_str("&#9;"),
            '\n' if attribute => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            '\t' | '\n' => escaped.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping() {
        assert_eq!(escape(r#"a<b>&"c"'d'"#, false), r#"a&lt;b&gt;&amp;"c"'d'"#);
        assert_eq!(
            escape(r#"a<b>&"c"'d'"#, true),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(escape("x\ty\nz\r", false), "x\ty\nz&#13;");
        assert_eq!(escape("x\ty\nz\r", true), "x&#9;y&#10;z&#13;");
        assert_eq!(
            escape("bell\u{7}nul\u{0}esc\u{1b}\u{FFFF}", true),
            "bell\u{FFFD}nul\u{FFFD}esc\u{FFFD}\u{FFFD}"
        );
        assert_eq!(escape("]]>", false), "]]&gt;");
        assert_eq!(escape("中文 é \u{85}", false), "中文 é \u{85}");
    }
}
