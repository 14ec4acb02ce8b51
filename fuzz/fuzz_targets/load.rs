//! The loader on arbitrary text: it returns a document or an error, never
//! panics, and every span it gives lies in the text on character
//! boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::document::{load, LoadLimits, Span};

fn assert_inside(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} outside a {}-byte text",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} splits a character"
    );
}

fuzz_target!(|data: &[u8]| {
    // Any bytes as text: what is not UTF-8 becomes U+FFFD.
    let text = String::from_utf8_lossy(data);
    match load(&text, &LoadLimits::default()) {
        Ok(document) => {
            for (pointer, spans) in document.iter() {
                assert_inside(&text, spans.value, &pointer);
                if let Some(key) = spans.key {
                    assert_inside(&text, key, &pointer);
                }
            }
            assert!(document.spans("").is_some(), "no root span");
        }
        Err(error) => {
            assert_inside(&text, error.span, &error.message);
            for label in &error.related {
                assert_inside(&text, label.span, &label.message);
            }
        }
    }
});
