//! Errors that stop planlint from doing its job (exit code 2): bad config,
//! bad rule definitions, unreadable paths. Each names the file and, where
//! there is one, the place.

use crate::document::{LoadError, Span};
use crate::excerpt::Excerpt;
use miette::{Diagnostic, LabeledSpan, SourceCode};
use std::fmt;
use std::sync::Arc;

/// A problem in a file the user wrote (config, rule pack) or with a path.
#[derive(Debug, Clone)]
pub struct UserError {
    pub message: String,
    pub help: Option<String>,
    /// The file and the place in it, when the error has one.
    pub location: Option<Box<Location>>,
    /// Further problems found in the same run (every mistake in a rule
    /// file is reported at once, each at its place).
    pub also: Vec<UserError>,
}

#[derive(Debug, Clone)]
pub struct Location {
    /// Only the line the error names, bounded in width.
    pub source: Excerpt,
    /// In `source`.
    pub span: Span,
    pub label: String,
    /// The file as named in the error, its whole text and the span in it
    /// (an editor places the error there; the excerpt is for printing).
    pub file: String,
    pub file_text: Arc<str>,
    pub file_span: Span,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        UserError {
            message: message.into(),
            help: None,
            location: None,
            also: Vec::new(),
        }
    }

    /// One error reporting all of `errors`; `None` when there are none.
    pub fn all(errors: Vec<UserError>) -> Option<UserError> {
        let mut errors = errors.into_iter();
        let mut first = errors.next()?;
        first.also.extend(errors);
        Some(first)
    }

    /// This error and the ones reported with it, in order.
    pub fn each(&self) -> impl Iterator<Item = &UserError> {
        std::iter::once(self).chain(self.also.iter().flat_map(|more| more.each().collect::<Vec<_>>()))
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Points the error at `span` in the file `path` whose text is `source`;
    /// the error keeps only the line where `span` starts.
    pub fn at(mut self, path: &str, source: &Arc<str>, span: Span, label: impl Into<String>) -> Self {
        let (excerpt, excerpt_span) = Excerpt::new(path, source, span);
        self.location = Some(Box::new(Location {
            source: excerpt,
            span: excerpt_span,
            label: label.into(),
            file: path.to_owned(),
            file_text: Arc::clone(source),
            file_span: span,
        }));
        self
    }

    /// A file that did not parse, as an error in that file.
    pub fn from_load(path: &str, source: &Arc<str>, error: &LoadError) -> Self {
        UserError::new(format!("{path}: {}", error.message)).at(path, source, error.span, error.label.clone())
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

impl Diagnostic for UserError {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.location
            .as_ref()
            .map(|location| &location.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let location = self.location.as_ref()?;
        let span = (location.span.start, location.span.len());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(location.label.clone()),
            span,
        ))))
    }
}
