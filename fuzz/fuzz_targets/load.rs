//! The loader on arbitrary text: it returns a document or an error, never
//! panics, every span it gives lies in the text on character boundaries,
//! and parsing on a thread of its own (as large files are) changes nothing.
//! An edit inside one value that the language server reads in place
//! (`Document::after_value_edit`) gives what a full load of the new text
//! gives.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::document::{load, Document, LoadError, LoadLimits, NodeSpans, Span};

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

type Summary = Result<(serde_json::Value, Vec<(String, NodeSpans)>), LoadError>;

fn summary(loaded: &Result<Document, LoadError>) -> Summary {
    match loaded {
        Ok(document) => Ok((document.value.clone(), document.iter().collect())),
        Err(error) => Err(error.clone()),
    }
}

/// Types the input's last few characters into the middle of one of the
/// document's spans (chosen by the input's first byte) and, when that edit
/// is read in place, requires a full load's values, spans and notes.
fn check_an_edit_in_place(text: &str, document: &Document, data: &[u8]) {
    let spans: Vec<Span> = document
        .iter()
        .flat_map(|(_, spans)| spans.key.into_iter().chain([spans.value]))
        .collect();
    let (Some(&choice), false) = (data.first(), spans.is_empty()) else {
        return;
    };
    let span = spans[usize::from(choice) % spans.len()];
    let middle = (span.start + span.len() / 2..=span.end)
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(span.end);
    let typed: String = text.chars().rev().filter(|c| !matches!(c, '\n' | '\r')).take(3).collect();
    let new = format!("{}{typed}{}", &text[..middle], &text[middle..]);
    let Some(edited) = document.after_value_edit(text, &new) else {
        return;
    };
    let full = load(&new, &LoadLimits::default()).expect("an edit read in place loads");
    assert_eq!(edited.value, full.value, "values after an edit in place");
    assert_eq!(
        edited.iter().collect::<Vec<_>>(),
        full.iter().collect::<Vec<_>>(),
        "spans after an edit in place"
    );
    assert_eq!(edited.flow_splits(), full.flow_splits(), "notes after an edit in place");
}

fuzz_target!(|data: &[u8]| {
    // Any bytes as text: what is not UTF-8 becomes U+FFFD.
    let text = String::from_utf8_lossy(data);
    let loaded = load(&text, &LoadLimits::default());
    // Large files are parsed on a thread of their own: force that path here
    // (fuzz inputs are small) and require the very same result.
    let threaded = LoadLimits {
        parse_on_thread_from: 0,
        ..LoadLimits::default()
    };
    assert_eq!(summary(&loaded), summary(&load(&text, &threaded)), "parsed on a thread");
    match loaded {
        Ok(document) => {
            for (pointer, spans) in document.iter() {
                assert_inside(&text, spans.value, &pointer);
                if let Some(key) = spans.key {
                    assert_inside(&text, key, &pointer);
                }
            }
            assert!(document.spans("").is_some(), "no root span");
            check_an_edit_in_place(&text, &document, data);
        }
        Err(error) => {
            assert_inside(&text, error.span, &error.message);
            for label in &error.related {
                assert_inside(&text, label.span, &label.message);
            }
        }
    }
});
