//! The server's state and its loop: frames in, one handler per request or
//! notification, diagnostics out. Edits mark a buffer as changed; it is
//! linted when the edits pause ([`QUIET`]) or have gone on for [`LONGEST`],
//! so after a burst only the newest version is linted, and every publish
//! carries the version it describes.
//!
//! Linting waits behind the editor: the loop takes every frame that has
//! come, then lints for at most [`SLICE`] (the buffers touched last first)
//! and looks at the frames again, so with thousands of plans to lint after
//! a config change a hover is still answered at once (a request lints its
//! own buffer first when it is due). A config's problems are published on
//! the config (and its rule files) once, when they change, never per plan.

use crate::i18n::{self, t, Lang};
use crate::lsp::analysis::Analysis;
use crate::lsp::diagnostics;
use crate::lsp::documents::Documents;
use crate::lsp::handlers::{code_action, completion, hover, inlay_hints, symbols};
use crate::lsp::jsonrpc::{self, code, Incoming};
use crate::lsp::text::{Encoding, Lines};
use crate::lsp::transport::{write_frame, Frame};
use crate::lsp::workspace::Workspace;
use crate::project::discover::is_plan_file_name;
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Initialized, Notification, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentDiagnosticRequest, DocumentSymbolRequest, HoverRequest,
    Initialize, InlayHintRequest, RegisterCapability, Request, Shutdown,
};
use lsp_types::{
    CodeActionParams, CodeActionResponse, CompletionParams, CompletionResponse, Diagnostic,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, DocumentDiagnosticParams, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, DocumentSymbolParams, DocumentSymbolResponse,
    FullDocumentDiagnosticReport, Hover, HoverParams, InitializeParams, InitializedParams, InlayHint,
    InlayHintParams, PublishDiagnosticsParams, RelatedFullDocumentDiagnosticReport,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long edits must pause before a buffer is linted.
const QUIET: Duration = Duration::from_millis(60);
/// The longest a changed buffer waits during non-stop edits.
const LONGEST: Duration = Duration::from_millis(1500);
/// How often configs and rule files are looked at on disk.
const POLL: Duration = Duration::from_millis(1000);
/// The longest the server lints (or takes in frames) before it looks at the
/// other one again.
const SLICE: Duration = Duration::from_millis(25);

/// Where the session is in the protocol's life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Uninitialized,
    Running,
    ShutDown,
}

pub struct Server<W: Write> {
    output: W,
    stage: Stage,
    encoding: Encoding,
    documents: Documents,
    workspace: Workspace,
    /// The diagnostics published on files outside the open plans (configs,
    /// rule files), to publish only what changed and clear what is mended.
    config_diagnostics: BTreeMap<String, Vec<Diagnostic>>,
    /// Whether the configs' problems are to be looked at again (a buffer
    /// was opened or closed, or the configs were read again).
    config_check_due: bool,
    watch_files: bool,
    last_poll: Instant,
    /// Whether the editor's `locale` chooses the language (no `--lang`).
    speak_editor_locale: bool,
}

impl<W: Write> Server<W> {
    pub fn new(output: W, speak_editor_locale: bool) -> Self {
        let root = std::env::current_dir().unwrap_or_default();
        Server {
            output,
            stage: Stage::Uninitialized,
            encoding: Encoding::Utf16,
            documents: Documents::default(),
            workspace: Workspace::new(root),
            config_diagnostics: BTreeMap::new(),
            speak_editor_locale,
            config_check_due: false,
            watch_files: false,
            last_poll: Instant::now(),
        }
    }

    /// Serves until `exit` (or the end of input); returns the exit code:
    /// 0 after `shutdown`, 1 without it, as the protocol asks.
    pub fn run(&mut self, frames: &Receiver<Frame>) -> i32 {
        loop {
            // Every frame that has come (for at most a slice), unwaited for.
            let taking = Instant::now();
            while taking.elapsed() < SLICE {
                match frames.try_recv() {
                    Ok(frame) => {
                        if let Some(exit_code) = self.frame(frame) {
                            return exit_code;
                        }
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => return self.exit_code(),
                }
            }
            // Then a slice of linting; with more due, the frames come first.
            if self.background() {
                continue;
            }
            let now = Instant::now();
            let wake = self
                .documents
                .next_due(QUIET, LONGEST)
                .unwrap_or(now + POLL)
                .min(self.last_poll + POLL);
            match frames.recv_timeout(wake.saturating_duration_since(now)) {
                Ok(frame) => {
                    if let Some(exit_code) = self.frame(frame) {
                        return exit_code;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return self.exit_code(),
            }
        }
    }

    /// The work between frames: the configs' problems when they may have
    /// changed, a slice of due lints, the look at the configs on disk.
    /// Whether lints are still due.
    fn background(&mut self) -> bool {
        if self.last_poll.elapsed() >= POLL {
            self.poll_configs();
        }
        if self.config_check_due {
            self.publish_config_problems();
        }
        self.lint_due(SLICE)
    }

    fn exit_code(&self) -> i32 {
        if self.stage == Stage::ShutDown {
            0
        } else {
            1
        }
    }

    fn send(&mut self, message: &Value) {
        // A client that went away ends the session at the next read.
        let _ = write_frame(&mut self.output, message);
    }

    /// Handles one frame; `Some(code)` when the session ends.
    fn frame(&mut self, frame: Frame) -> Option<i32> {
        match frame {
            Frame::Json(value) => self.message(Incoming::from_value(value)),
            Frame::NotJson(why) => {
                self.send(&jsonrpc::error(
                    Value::Null,
                    code::PARSE_ERROR,
                    format!("not JSON: {why}"),
                ));
                None
            }
            // After a frame that cannot be taken, where the next one starts
            // is unknown: the client hears why, stderr says so, and the
            // server stops at once instead of waiting on a body it refused.
            Frame::Refused(why) => {
                eprintln!("planlint lsp: {why}: the client's messages cannot be read any further, stopping");
                self.send(&jsonrpc::error(Value::Null, code::INVALID_REQUEST, why));
                Some(1)
            }
        }
    }

    fn message(&mut self, message: Incoming) -> Option<i32> {
        match message {
            Incoming::Request { id, method, params } => self.request(id, &method, params),
            Incoming::Notification { method, params } => {
                if method == Exit::METHOD {
                    return Some(self.exit_code());
                }
                if self.stage == Stage::Running {
                    self.notification(&method, params);
                }
            }
            Incoming::Response => {}
            Incoming::Invalid { id, why } => self.send(&jsonrpc::error(id, code::INVALID_REQUEST, why)),
        }
        None
    }

    fn request(&mut self, id: Value, method: &str, params: Value) {
        let answer = match (self.stage, method) {
            (Stage::Uninitialized, Initialize::METHOD) => self.initialize(params),
            (Stage::Uninitialized, _) => Err((code::SERVER_NOT_INITIALIZED, "initialize first".into())),
            (Stage::ShutDown, _) => Err((code::INVALID_REQUEST, "the server is shutting down".into())),
            (Stage::Running, Initialize::METHOD) => {
                Err((code::INVALID_REQUEST, "initialized already".into()))
            }
            (Stage::Running, Shutdown::METHOD) => {
                self.stage = Stage::ShutDown;
                Ok(Value::Null)
            }
            (Stage::Running, _) => {
                // A handler that fails is an error answer, never the end of the session.
                let answered = crate::guard::guarded(method, || self.handle(method, params));
                answered.unwrap_or_else(|error| Err((code::INTERNAL_ERROR, error.message)))
            }
        };
        let message = match answer {
            Ok(result) => jsonrpc::response(id, result),
            Err((error_code, why)) => jsonrpc::error(id, error_code, why),
        };
        self.send(&message);
    }

    /// One handler per request type the server advertises; any other
    /// request is answered MethodNotFound.
    fn handle(&mut self, method: &str, params: Value) -> Result<Value, (i64, String)> {
        match method {
            HoverRequest::METHOD => self.answer::<HoverRequest>(params, Self::hover),
            CodeActionRequest::METHOD => self.answer::<CodeActionRequest>(params, Self::code_action),
            Completion::METHOD => self.answer::<Completion>(params, Self::completion),
            DocumentSymbolRequest::METHOD => self.answer::<DocumentSymbolRequest>(params, Self::symbols),
            InlayHintRequest::METHOD => self.answer::<InlayHintRequest>(params, Self::inlay_hints),
            DocumentDiagnosticRequest::METHOD => {
                self.answer::<DocumentDiagnosticRequest>(params, Self::pull_diagnostics)
            }
            _ => Err((
                code::METHOD_NOT_FOUND,
                format!("planlint does not handle {method}"),
            )),
        }
    }

    /// Reads `R`'s parameters, runs `handler`, and writes its result.
    fn answer<R: Request>(
        &mut self,
        params: Value,
        handler: fn(&mut Self, R::Params) -> R::Result,
    ) -> Result<Value, (i64, String)> {
        let params: R::Params = parse(params)?;
        serde_json::to_value(handler(self, params))
            .map_err(|error| (code::INTERNAL_ERROR, format!("cannot write the answer: {error}")))
    }

    fn hover(&mut self, params: HoverParams) -> Option<Hover> {
        let place = params.text_document_position_params;
        let uri = place.text_document.uri.as_str().to_owned();
        self.with_analysis(&uri, |analysis, text, encoding| {
            let offset = analysis.lines(text).offset(place.position, encoding);
            hover::hover(analysis, text, offset)
        })?
    }

    fn code_action(&mut self, params: CodeActionParams) -> Option<CodeActionResponse> {
        let uri = params.text_document.uri.as_str().to_owned();
        let json = self.documents.get(&uri)?.is_json();
        self.with_analysis(&uri, |analysis, text, encoding| {
            let lines = analysis.lines(text);
            let request = code_action::Request {
                analysis,
                text,
                json,
                uri: &uri,
                start: lines.offset(params.range.start, encoding),
                end: lines.offset(params.range.end, encoding),
                encoding,
            };
            code_action::code_actions(&request)
        })
    }

    fn completion(&mut self, params: CompletionParams) -> Option<CompletionResponse> {
        let place = params.text_document_position;
        let uri = place.text_document.uri.as_str().to_owned();
        self.with_text(&uri, |text, encoding| {
            let offset = Lines::new(text).offset(place.position, encoding);
            CompletionResponse::Array(completion::completion(text, offset))
        })
    }

    fn symbols(&mut self, params: DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
        let uri = params.text_document.uri.as_str().to_owned();
        self.with_analysis(&uri, |analysis, text, encoding| {
            DocumentSymbolResponse::Nested(symbols::symbols(analysis, text, encoding))
        })
    }

    fn inlay_hints(&mut self, params: InlayHintParams) -> Option<Vec<InlayHint>> {
        let uri = params.text_document.uri.as_str().to_owned();
        self.with_analysis(&uri, |analysis, text, encoding| {
            inlay_hints::inlay_hints(analysis, text, params.range, encoding)
        })
    }

    fn pull_diagnostics(&mut self, params: DocumentDiagnosticParams) -> DocumentDiagnosticReportResult {
        let uri = params.text_document.uri.as_str().to_owned();
        let items = self
            .with_analysis(&uri, |analysis, text, encoding| {
                diagnostics_of(analysis, text, &uri, encoding)
            })
            .unwrap_or_default();
        DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            },
        ))
    }

    fn initialize(&mut self, params: Value) -> Result<Value, (i64, String)> {
        let params: InitializeParams = parse(params)?;
        // The editor's language, when planlint speaks it; else what the
        // environment chose when the server started.
        if let Some(lang) = params
            .locale
            .as_deref()
            .and_then(Lang::from_locale)
            .filter(|_| self.speak_editor_locale)
        {
            if lang != i18n::language() {
                i18n::set_language(lang);
                // Rule texts are taken when a linter is built: none is built
                // before `initialize`, and any that were are built again.
                self.workspace.reload();
            }
        }
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_ref());
        self.encoding = if offered.is_some_and(|list| list.iter().any(|e| e.as_str() == "utf-8")) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        self.watch_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|workspace| workspace.did_change_watched_files.as_ref())
            .and_then(|watch| watch.dynamic_registration)
            .unwrap_or(false);
        #[allow(deprecated)] // root_uri: older clients send only it
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first())
            .map(|folder| folder.uri.as_str().to_owned())
            .or_else(|| params.root_uri.as_ref().map(|uri| uri.as_str().to_owned()));
        if let Some(root) = root {
            let path = crate::lsp::text::uri_to_path(&root);
            if path.is_dir() {
                self.workspace = Workspace::new(path);
            }
        }
        self.stage = Stage::Running;
        Ok(json!({
            "capabilities": crate::lsp::capabilities::server(self.encoding),
            "serverInfo": {"name": "planlint", "version": env!("CARGO_PKG_VERSION")},
        }))
    }

    /// One handler per notification the server acts on; the others are
    /// ignored, as the protocol asks (so are parameters it cannot read).
    fn notification(&mut self, method: &str, params: Value) {
        match method {
            Initialized::METHOD => self.on::<Initialized>(params, Self::initialized),
            DidOpenTextDocument::METHOD => self.on::<DidOpenTextDocument>(params, Self::did_open),
            DidChangeTextDocument::METHOD => self.on::<DidChangeTextDocument>(params, Self::did_change),
            DidCloseTextDocument::METHOD => self.on::<DidCloseTextDocument>(params, Self::did_close),
            DidSaveTextDocument::METHOD => self.on::<DidSaveTextDocument>(params, Self::did_save),
            DidChangeWatchedFiles::METHOD => {
                self.on::<DidChangeWatchedFiles>(params, Self::did_change_watched)
            }
            _ => {}
        }
    }

    fn on<N: Notification>(&mut self, params: Value, handler: fn(&mut Self, N::Params)) {
        if let Ok(params) = parse::<N::Params>(params) {
            handler(self, params);
        }
    }

    fn initialized(&mut self, _: InitializedParams) {
        if self.watch_files {
            let registration = crate::lsp::capabilities::file_watch_registration();
            self.send(&jsonrpc::request(
                "planlint-watch",
                RegisterCapability::METHOD,
                registration,
            ));
        }
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let uri = document.uri.as_str().to_owned();
        self.documents
            .open(&uri, document.text, document.version, &document.language_id);
        self.config_check_due = true;
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let document = params.text_document;
        self.documents.change(
            document.uri.as_str(),
            document.version,
            params.content_changes,
            self.encoding,
        );
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri.as_str().to_owned();
        if let Some(closed) = self.documents.close(&uri) {
            if is_plan(&closed.path) {
                self.publish(&uri, Vec::new(), None);
            }
            self.config_check_due = true;
        }
    }

    fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        let path = crate::lsp::text::uri_to_path(params.text_document.uri.as_str());
        if !is_plan(&path) {
            self.reload();
        }
    }

    fn did_change_watched(&mut self, params: DidChangeWatchedFilesParams) {
        let relevant = params
            .changes
            .iter()
            .any(|change| !is_plan(&crate::lsp::text::uri_to_path(change.uri.as_str())));
        if relevant {
            self.reload();
        }
    }

    /// Configs or rule files changed: read them again, their problems at
    /// once, and re-lint every plan as time allows (a buffer asked about
    /// is linted when it is asked about).
    fn reload(&mut self) {
        self.workspace.reload();
        self.documents.mark_all_changed();
        self.publish_config_problems();
    }

    fn poll_configs(&mut self) {
        self.last_poll = Instant::now();
        if self.workspace.changed_on_disk() {
            self.reload();
        } else {
            self.workspace.remember();
        }
    }

    /// Lints due buffers for about `budget`; whether some are still due.
    fn lint_due(&mut self, budget: Duration) -> bool {
        let started = Instant::now();
        for uri in self.documents.due(started, QUIET, LONGEST) {
            if started.elapsed() >= budget {
                return true;
            }
            self.lint(&uri);
        }
        false
    }

    /// Lints the buffer's current text and publishes its diagnostics.
    fn lint(&mut self, uri: &str) {
        let Some(document) = self.documents.get(uri) else {
            return;
        };
        let previous = document.analysis.as_deref();
        let analysis = Arc::new(analyze(&self.workspace, &document.path, &document.text, previous));
        let publish =
            is_plan(&document.path).then(|| diagnostics_of(&analysis, &document.text, uri, self.encoding));
        let version = document.version;
        let path = document.path.clone();
        let mut previous = None;
        if let Some(document) = self.documents.get_mut(uri) {
            previous = document.analysis.replace(analysis);
            document.changed = None;
        }
        // The last version's analysis of a large plan takes milliseconds to
        // free: done beside the next request, not before its answer.
        // Where no thread can be started, it is freed here, as before.
        if let Some(previous) = previous {
            let _ = std::thread::Builder::new()
                .name("planlint-free".into())
                .spawn(move || drop(previous));
        }
        // Configs read for this lint are now compared with the disk,
        // and so is the plan's config file even if it did not load.
        self.workspace.remember();
        if let Some(config) = path.parent().and_then(crate::project::config::Config::discover) {
            self.workspace.watch(&config);
        }
        if let Some(diagnostics) = publish {
            self.publish(uri, diagnostics, Some(version));
        }
    }

    fn publish(&mut self, uri: &str, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let Some(target) = diagnostics::uri(uri) else {
            return;
        };
        let params = PublishDiagnosticsParams::new(target, diagnostics, version);
        self.send(&jsonrpc::notification(PublishDiagnostics::METHOD, params));
    }

    /// Errors in configs and rule files, at their places in those files,
    /// for the configs of the open buffers (each folder asked once, each
    /// config read once); only files whose problems changed are published,
    /// and files that had some and have none now are cleared.
    fn publish_config_problems(&mut self) {
        self.config_check_due = false;
        let mut by_file: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        let mut folders: BTreeSet<&Path> = BTreeSet::new();
        let paths: Vec<PathBuf> = self
            .documents
            .iter()
            .filter(|(_, document)| folders.insert(document.path.parent().unwrap_or(Path::new(""))))
            .map(|(_, document)| document.path.clone())
            .collect();
        for path in paths {
            if let Err(error) = self.workspace.config_for(&path) {
                for (file, diagnostic) in diagnostics::placed_each(&error, self.encoding) {
                    let list = by_file.entry(file).or_default();
                    if !list.contains(&diagnostic) {
                        list.push(diagnostic);
                    }
                }
            }
        }
        // The configs read are compared with the disk from now on, and so
        // are the files the errors are in.
        self.workspace.remember();
        for file in by_file.keys() {
            self.workspace.watch(&crate::lsp::text::uri_to_path(file));
        }
        let before = std::mem::take(&mut self.config_diagnostics);
        for file in before.keys().filter(|file| !by_file.contains_key(*file)) {
            self.publish(file, Vec::new(), None);
        }
        for (file, list) in &by_file {
            if before.get(file) != Some(list) {
                self.publish(file, list.clone(), None);
            }
        }
        self.config_diagnostics = by_file;
    }

    /// Runs `answer` on the buffer's current analysis (linting it first if
    /// it changed since); `None` for a buffer that is not open.
    fn with_analysis<T>(
        &mut self,
        uri: &str,
        answer: impl FnOnce(&Analysis, &str, Encoding) -> T,
    ) -> Option<T> {
        if self.documents.get(uri)?.current().is_none() {
            self.lint(uri);
        }
        self.documents.touch(uri);
        let document = self.documents.get(uri)?;
        let analysis = document.current()?;
        Some(answer(analysis, &document.text, self.encoding))
    }

    fn with_text<T>(&mut self, uri: &str, answer: impl FnOnce(&str, Encoding) -> T) -> Option<T> {
        self.documents.touch(uri);
        let document = self.documents.get(uri)?;
        Some(answer(&document.text, self.encoding))
    }
}

fn parse<T: DeserializeOwned>(params: Value) -> Result<T, (i64, String)> {
    serde_json::from_value(params).map_err(|error| (code::INVALID_PARAMS, format!("invalid params: {error}")))
}

/// Plans are named `*.plan.{yaml,yml,json}`; other YAML the editor opens is
/// left alone. Buffers without a file (`untitled:`) are linted.
fn is_plan(path: &Path) -> bool {
    is_plan_file_name(path) || path.extension().is_none()
}

/// Analyses one version of a buffer with the config that applies to it.
/// The analysis of `text`, from the analysis of the buffer's previous
/// version when there is one (an edit inside one value is not parsed again).
fn analyze(workspace: &Workspace, path: &Path, text: &str, previous: Option<&Analysis>) -> Analysis {
    let config = workspace.config_for(path).ok();
    let shown = crate::project::paths::display_path(path);
    if !is_plan(path) {
        return Analysis::unchecked(&shown, text, None, config);
    }
    let problem = match workspace.linter_for(path) {
        Ok((_, max_size)) if text.len() as u64 > max_size => {
            let (size, limit) = (text.len().to_string(), max_size.to_string());
            crate::error::UserError::new(t!("lsp-plan-too-big", size = size, limit = limit))
                .with_help(t!("lsp-plan-too-big-help"))
        }
        Ok((linter, _)) => match crate::guard::guarded(&shown, || match previous {
            Some(previous) if previous.problem.is_none() => {
                linter.analyze_edited(&shown, text, &previous.result)
            }
            _ => linter.analyze(&shown, text),
        }) {
            Ok(result) => return Analysis::checked(result, config, text),
            Err(error) => error,
        },
        Err(error) => error,
    };
    Analysis::unchecked(&shown, text, Some(problem), config)
}

fn diagnostics_of(analysis: &Analysis, text: &str, uri: &str, encoding: Encoding) -> Vec<Diagnostic> {
    let lines = analysis.lines(text);
    let config = analysis.config.as_deref();
    let mut out: Vec<Diagnostic> = analysis
        .findings()
        .iter()
        .map(|finding| diagnostics::of_finding(finding, &lines, uri, encoding, config))
        .collect();
    if let Some(problem) = &analysis.problem {
        out.push(diagnostics::of_problem(problem, encoding));
    }
    out
}
