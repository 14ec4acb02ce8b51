//! Certain fixes: a finding may carry the exact edit that mends it. The
//! command line (`check --fix`), the language server's quick fixes and the
//! JSON report all read this one piece of data.

use crate::document::Span;

/// Replace the text at `span` with `replacement`; `title` says what it does
/// ("rename `dealine` to `deadline`").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub span: Span,
    pub replacement: String,
}

/// `text` with the non-overlapping `fixes` applied, and how many were.
/// Fixes that overlap an earlier one (by start) are left for a later pass.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut ordered: Vec<&Fix> = fixes.into_iter().collect();
    ordered.sort_by_key(|fix| (fix.span.start, fix.span.end));
    let mut out = String::with_capacity(text.len());
    let mut copied_to = 0;
    let mut applied = 0;
    for fix in ordered {
        let in_bounds = fix.span.end <= text.len()
            && text.is_char_boundary(fix.span.start)
            && text.is_char_boundary(fix.span.end);
        if fix.span.start < copied_to || !in_bounds || fix.span.start > fix.span.end {
            continue;
        }
        out.push_str(&text[copied_to..fix.span.start]);
        out.push_str(&fix.replacement);
        copied_to = fix.span.end;
        applied += 1;
    }
    out.push_str(&text[copied_to..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            title: String::new(),
            span: Span::new(start, end),
            replacement: replacement.into(),
        }
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "dealine: 1 # keep\nprice: x\n";
        let fixes = [fix(25, 26, "480"), fix(0, 7, "deadline"), fix(3, 5, "zz")];
        let (fixed, applied) = apply(text, &fixes);
        assert_eq!(fixed, "deadline: 1 # keep\nprice: 480\n");
        assert_eq!(applied, 2);
    }

    #[test]
    fn out_of_bounds_fixes_are_ignored() {
        let (fixed, applied) = apply("计划", &[fix(1, 2, "x"), fix(0, 99, "y")]);
        assert_eq!((fixed.as_str(), applied), ("计划", 0));
    }
}
