//! `planlint lsp`: a language server over stdio. Editors send the buffer as
//! it is typed; the server runs the same pipeline as `planlint check`
//! ([`Linter::lint`] on the unsaved text) and publishes the findings as
//! diagnostics with exact ranges. Each buffer uses the config that applies to
//! its file, as on the command line.

use crate::document::{LineIndex, Span};
use crate::error::UserError;
use crate::finding::{FileReport, Severity};
use crate::project::config_set::{ConfigSet, Linters};
use crate::project::discover::is_plan_file_name;
use crate::project::paths::display_path;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// How LSP positions count characters within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16,
}

/// Serves until the client says `exit`.
pub fn serve() -> Result<(), UserError> {
    let (connection, io_threads) = Connection::stdio();
    let protocol =
        |error: lsp_server::ProtocolError| UserError::new(format!("language server protocol: {error}"));
    let (id, params) = connection.initialize_start().map_err(protocol)?;
    let encoding = negotiate_encoding(&params);
    let capabilities = json!({
        "positionEncoding": if encoding == Encoding::Utf8 { "utf-8" } else { "utf-16" },
        "textDocumentSync": {"openClose": true, "change": 1, "save": true},
    });
    let info = json!({"name": "planlint", "version": env!("CARGO_PKG_VERSION")});
    connection
        .initialize_finish(id, json!({"capabilities": capabilities, "serverInfo": info}))
        .map_err(protocol)?;

    let root = workspace_root(&params)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let configs = ConfigSet::new(None, &root)?;
    let server = Server {
        connection: &connection,
        linters: Linters::new(&configs),
        encoding,
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request).map_err(protocol)? {
                    break;
                }
                server.unsupported(request);
            }
            Message::Notification(notification) => server.notified(notification),
            Message::Response(_) => {}
        }
    }
    drop(server);
    drop(connection);
    io_threads
        .join()
        .map_err(|error| UserError::new(format!("language server I/O: {error}")))
}

struct Server<'a> {
    connection: &'a Connection,
    linters: Linters<'a>,
    encoding: Encoding,
}

impl Server<'_> {
    fn notified(&self, notification: Notification) {
        let document = &notification.params["textDocument"];
        let Some(uri) = document["uri"].as_str() else {
            return;
        };
        match notification.method.as_str() {
            "textDocument/didOpen" => self.lint(uri, document["text"].as_str().unwrap_or_default()),
            // Full sync: the last change holds the whole text.
            "textDocument/didChange" => {
                let changes = notification.params["contentChanges"].as_array();
                if let Some(text) = changes.and_then(|c| c.last()).and_then(|c| c["text"].as_str()) {
                    self.lint(uri, text);
                }
            }
            "textDocument/didClose" => self.publish(uri, Vec::new()),
            _ => {}
        }
    }

    fn unsupported(&self, request: Request) {
        let response = Response::new_err(
            request.id,
            ErrorCode::MethodNotFound as i32,
            format!("planlint does not handle {}", request.method),
        );
        let _ = self.connection.sender.send(response.into());
    }

    fn lint(&self, uri: &str, text: &str) {
        let path = uri_to_path(uri);
        let diagnostics = match self.linters.for_path(&path) {
            Ok((linter, _)) if is_plan(&path) => {
                let report = crate::guard::guarded(uri, || linter.lint(&display_path(&path), text));
                match report {
                    Ok(report) => diagnostics(&report, uri, self.encoding),
                    Err(error) => vec![problem_at_start(&error)],
                }
            }
            Ok(_) => Vec::new(),
            // A broken config is shown where the user is looking.
            Err(error) => vec![problem_at_start(&error)],
        };
        self.publish(uri, diagnostics);
    }

    fn publish(&self, uri: &str, diagnostics: Vec<Value>) {
        let params = json!({"uri": uri, "diagnostics": diagnostics});
        let notification = Notification::new("textDocument/publishDiagnostics".into(), params);
        let _ = self.connection.sender.send(notification.into());
    }
}

/// Plans are named `*.plan.{yaml,yml,json}`; other YAML the editor opens is
/// left alone. Buffers without a file (`untitled:`) are linted.
fn is_plan(path: &Path) -> bool {
    is_plan_file_name(path) || path.extension().is_none()
}

fn negotiate_encoding(params: &Value) -> Encoding {
    let offered = params["capabilities"]["general"]["positionEncodings"].as_array();
    if offered.is_some_and(|list| list.iter().any(|e| e == "utf-8")) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

fn workspace_root(params: &Value) -> Option<PathBuf> {
    let uri = params["workspaceFolders"][0]["uri"]
        .as_str()
        .or_else(|| params["rootUri"].as_str())?;
    Some(uri_to_path(uri))
}

/// `file:///a/b%20c.plan.yaml` -> `/a/b c.plan.yaml`; other schemes keep
/// their text as the name.
fn uri_to_path(uri: &str) -> PathBuf {
    let Some(rest) = uri.strip_prefix("file://") else {
        return PathBuf::from(uri);
    };
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[index], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    PathBuf::from(String::from_utf8_lossy(&decoded).into_owned())
}

fn diagnostics(report: &FileReport, uri: &str, encoding: Encoding) -> Vec<Value> {
    let text = &report.source;
    let lines = LineIndex::new(text);
    let range = |span: Span| json!({"start": position(&lines, text, span.start, encoding), "end": position(&lines, text, span.end, encoding)});
    report
        .findings
        .iter()
        .map(|finding| {
            let mut message = finding.message.clone();
            if let Some(help) = &finding.help {
                message = format!("{message}\nhelp: {help}");
            }
            let mut diagnostic = json!({
                "range": range(finding.span),
                "severity": lsp_severity(finding.severity),
                "code": finding.rule,
                "source": "planlint",
                "message": message,
            });
            if !finding.related.is_empty() {
                diagnostic["relatedInformation"] = finding
                    .related
                    .iter()
                    .map(|related| json!({"location": {"uri": uri, "range": range(related.span)}, "message": related.message}))
                    .collect();
            }
            diagnostic
        })
        .collect()
}

fn lsp_severity(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
    }
}

/// A byte offset as an LSP position: 0-based line, and the character within
/// the line in the negotiated encoding.
fn position(lines: &LineIndex, text: &str, offset: usize, encoding: Encoding) -> Value {
    let place = lines.position(text, offset);
    let line_start = lines.line_start(place.line).unwrap_or(0);
    let before = text.get(line_start..place.offset).unwrap_or_default();
    let character = match encoding {
        Encoding::Utf8 => before.len(),
        Encoding::Utf16 => before.encode_utf16().count(),
    };
    json!({"line": place.line.saturating_sub(1), "character": character})
}

/// A problem that is not at a place in the buffer (a broken config): shown
/// on the first line.
fn problem_at_start(error: &UserError) -> Value {
    let mut message = error
        .each()
        .map(|each| each.message.clone())
        .collect::<Vec<_>>()
        .join("\n");
    if let Some(help) = &error.help {
        message = format!("{message}\nhelp: {help}");
    }
    json!({
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "severity": 1,
        "source": "planlint",
        "message": message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///plans/a%20b.plan.yaml"),
            PathBuf::from("/plans/a b.plan.yaml")
        );
        assert_eq!(
            uri_to_path("file:///x/%E8%AE%A1%E5%88%92.plan.yaml"),
            PathBuf::from("/x/计划.plan.yaml")
        );
        assert_eq!(
            uri_to_path("untitled:Untitled-1"),
            PathBuf::from("untitled:Untitled-1")
        );
        assert_eq!(uri_to_path("file:///bad%zz"), PathBuf::from("/bad%zz"));
    }

    #[test]
    fn positions_count_utf16_or_utf8() {
        let text = "a: 计划 x\nb: 😀y\n";
        let lines = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            position(&lines, text, x, Encoding::Utf16),
            json!({"line": 0, "character": 6})
        );
        assert_eq!(
            position(&lines, text, x, Encoding::Utf8),
            json!({"line": 0, "character": 10})
        );
        let y = text.find('y').unwrap();
        assert_eq!(
            position(&lines, text, y, Encoding::Utf16),
            json!({"line": 1, "character": 5})
        );
    }
}
