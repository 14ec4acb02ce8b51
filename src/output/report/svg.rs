//! A few SVG primitives, written as text: enough for bar and step charts,
//! with no dependency and nothing fetched (system fonts only).

use crate::output::width::display_width;
use std::fmt::Write as _;

/// An SVG picture being drawn, in user units (1 unit = 1 CSS pixel).
pub struct Svg {
    width: f64,
    height: f64,
    title: String,
    body: String,
}

/// Where a text's anchor point sits in the text.
#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Svg {
    /// An empty picture; `title` is what screen readers say for it.
    pub fn new(width: f64, height: f64, title: &str) -> Svg {
        Svg {
            width,
            height,
            title: title.to_owned(),
            body: String::new(),
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str, tooltip: Option<&str>) {
        let _ = write!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}""#,
            num(x),
            num(y),
            num(width.max(0.0)),
            num(height.max(0.0))
        );
        match tooltip {
            Some(tip) => {
                let _ = write!(self.body, "><title>{}</title></rect>", escape(tip));
            }
            None => self.body.push_str("/>"),
        }
    }

    /// A line; `dashed` for reference lines (LTV, break-even, the budget).
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, width: f64, dashed: bool) {
        let dash = if dashed { r#" stroke-dasharray="6 4""# } else { "" };
        let _ = write!(
            self.body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{dash}/>"#,
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1),
            num(width)
        );
    }

    pub fn text(&mut self, x: f64, y: f64, text: &str, anchor: Anchor, class: &str) {
        let _ = write!(
            self.body,
            r#"<text x="{}" y="{}" text-anchor="{}" class="{class}">{}</text>"#,
            num(x),
            num(y),
            anchor.as_str(),
            escape(text)
        );
    }

    /// The finished `<svg>` element, sized in CSS pixels and scaling down
    /// with the page.
    pub fn finish(self) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}"><title>{title}</title>{body}</svg>"#,
            w = num(self.width),
            h = num(self.height),
            title = escape(&self.title),
            body = self.body
        )
    }
}

/// A coordinate with at most one decimal: smaller files, same picture.
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// Text for the page and its charts, escaped as for an attribute (quotes
/// too), so one function serves content and attributes alike.
pub fn escape(text: &str) -> String {
    crate::output::xml::escape(text, true)
}

/// `text` cut to `max` columns (a Chinese character takes two, as it
/// takes about twice a Latin letter's room in a chart), with an ellipsis
/// when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if display_width(text) <= max {
        return text.to_owned();
    }
    let mut kept = String::new();
    let mut width = 0;
    for c in text.chars() {
        width += display_width(c.encode_utf8(&mut [0; 4]));
        if width > max.saturating_sub(1) {
            break;
        }
        kept.push(c);
    }
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_numbers_are_short() {
        let mut svg = Svg::new(100.0, 50.0, "a <b> & \"c\"");
        svg.text(1.25, 2.0, "<script>", Anchor::Start, "label");
        svg.rect(0.0, 0.0, -5.0, 3.333, "#000", None);
        let text = svg.finish();
        assert!(text.contains("&lt;script&gt;"), "{text}");
        assert!(text.contains("a &lt;b&gt; &amp; &quot;c&quot;"), "{text}");
        assert!(
            text.contains(r#"x="1.3""#) || text.contains(r#"x="1.2""#),
            "{text}"
        );
        assert!(text.contains(r#"width="0" height="3.3""#), "{text}");
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
        assert_eq!(shorten("小红书种草笔记", 8), "小红书…");
        assert_eq!(shorten("小红书", 6), "小红书");
    }
}
