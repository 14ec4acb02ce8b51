//! The whole pipeline on arbitrary bytes, as `planlint check` runs it:
//! UTF-8 check, load, schema, derived metrics, every built-in rule,
//! suppressions, then the JSON and human reports. Nothing panics, spans lie
//! in the text on character boundaries, and the JSON report parses back.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::Settings;
use planlint::output::{self, Format, Options};
use planlint::{registry, Linter};
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let rules = registry::builtin();
        Linter::new(rules, &Settings::default()).unwrap_or_else(|error| panic!("linter: {error}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let report = linter().lint_bytes("fuzz.plan.yaml", data);
    let text = &*report.source;
    for finding in &report.findings {
        let spans = std::iter::once(finding.span).chain(finding.related.iter().map(|r| r.span));
        for span in spans {
            assert!(span.start <= span.end && span.end <= text.len(), "{finding:?}");
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{finding:?}"
            );
        }
    }
    let reports = [report];
    let mut json = Vec::new();
    output::write(Format::Json, &reports, Options::plain(), &mut json)
        .unwrap_or_else(|e| panic!("json: {e}"));
    if let Err(error) = serde_json::from_slice::<serde_json::Value>(&json) {
        panic!("the JSON report does not parse: {error}");
    }
    let mut human = Vec::new();
    output::write(Format::Human, &reports, Options::plain(), &mut human)
        .unwrap_or_else(|e| panic!("human: {e}"));
});
