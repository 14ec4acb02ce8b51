//! Findings as protocol diagnostics: exact ranges, the rule id as the code
//! with a link to its docs, help as related information, and problems that
//! stopped a check (a broken config) where they are.

use crate::error::UserError;
use crate::finding::{Finding, Severity};
use crate::i18n::t;
use crate::lsp::text::{path_to_uri, Encoding, Lines};
use crate::project::config::Config;
use crate::project::paths::absolute;
use crate::rule::catalog;
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};
use std::path::Path;
use std::str::FromStr;

pub fn uri(text: &str) -> Option<Uri> {
    Uri::from_str(text).ok()
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The catalog entry of rule `id` under `config` (the built-ins without one).
pub fn rule_entry<'a>(config: Option<&'a Config>, id: &str) -> Option<catalog::Entry<'a>> {
    let rule = match config {
        Some(config) => config.rule(id),
        None => crate::rule::registry::builtin_rule(id),
    };
    catalog::entry(id, rule)
}

/// The docs page of rule `id` under `config` (pack rules have none).
pub fn docs_url(config: Option<&Config>, id: &str) -> Option<String> {
    rule_entry(config, id).and_then(|entry| entry.docs_url())
}

/// One finding in the buffer `document_uri` whose text `lines` holds.
pub fn of_finding(
    finding: &Finding,
    lines: &Lines<'_>,
    document_uri: &str,
    encoding: Encoding,
    config: Option<&Config>,
) -> Diagnostic {
    let range = lines.range(finding.span, encoding);
    let here = uri(document_uri);
    let mut related: Vec<DiagnosticRelatedInformation> = Vec::new();
    if let Some(here) = &here {
        related.extend(finding.related.iter().map(|place| DiagnosticRelatedInformation {
            location: Location::new(here.clone(), lines.range(place.span, encoding)),
            message: place.message.clone(),
        }));
        if let Some(help) = &finding.help {
            related.push(DiagnosticRelatedInformation {
                location: Location::new(here.clone(), range),
                message: t!("lsp-help", help = help.as_ref()),
            });
        }
    }
    Diagnostic {
        range,
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.clone())),
        code_description: docs_url(config, &finding.rule)
            .and_then(|url| uri(&url))
            .map(|href| CodeDescription { href }),
        source: Some("planlint".into()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// A problem without a place in the buffer: on its first line, pointing
/// at the place in the file that caused it (a config) when there is one.
pub fn of_problem(error: &UserError, encoding: Encoding) -> Diagnostic {
    let mut message = error.message.clone();
    if let Some(help) = &error.help {
        message = format!("{message}\n{}", t!("lsp-help", help = help.as_str()));
    }
    let related = placed(error, encoding).and_then(|(file, diagnostic)| {
        Some(vec![DiagnosticRelatedInformation {
            location: Location::new(uri(&file)?, diagnostic.range),
            message: t!("lsp-cause"),
        }])
    });
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("planlint".into()),
        message,
        related_information: related,
        ..Diagnostic::default()
    }
}

/// Each of the errors `error` holds that has a place, as a diagnostic
/// there: a config with three mistakes shows three, each at its place.
pub fn placed_each(error: &UserError, encoding: Encoding) -> Vec<(String, Diagnostic)> {
    error
        .each()
        .filter_map(|each| {
            let alone = UserError {
                also: Vec::new(),
                ..each.clone()
            };
            placed(&alone, encoding)
        })
        .collect()
}

/// The error as a diagnostic at its place, with the URI of the file it is
/// in (a config or a rule file); `None` when it has no place.
pub fn placed(error: &UserError, encoding: Encoding) -> Option<(String, Diagnostic)> {
    let location = error.location.as_ref()?;
    // Errors name files as shown to users: relative to the working directory.
    let path = absolute(Path::new(&location.file));
    let file = path_to_uri(&path);
    // The range is in the whole text the error was found in, not in the
    // excerpt printed on a terminal.
    let lines = Lines::new(&location.file_text);
    let mut message = error
        .each()
        .map(|each| each.message.clone())
        .collect::<Vec<_>>()
        .join("\n");
    if let Some(help) = &error.help {
        message = format!("{message}\n{}", t!("lsp-help", help = help.as_str()));
    }
    Some((
        file,
        Diagnostic {
            range: lines.range(location.file_span, encoding),
            severity: Some(DiagnosticSeverity::ERROR),
            code: None,
            source: Some("planlint".into()),
            message,
            ..Diagnostic::default()
        },
    ))
}
