//! `planlint lsp`: a language server over stdio. Editors send the buffer as
//! it is typed; the server runs the same pipeline as `planlint check`
//! ([`crate::lint::Linter::analyze`] on the unsaved text, with the config
//! that applies to its file), keeps that analysis per buffer version, and
//! answers from it with diagnostics, hover, quick fixes, completion,
//! document symbols and inlay hints.
//!
//! `transport` reads and writes frames (bounded before anything is
//! allocated), `jsonrpc` tells messages apart, `server` holds the state and
//! dispatches to one handler per request in `handlers/`; `documents` is the
//! buffer store, `workspace` the configs and when they change.

mod analysis;
mod capabilities;
mod diagnostics;
mod documents;
mod handlers;
mod jsonrpc;
mod place;
mod server;
mod text;
mod transport;
mod workspace;

use crate::error::UserError;
use crate::i18n::Lang;
use std::io::{self, BufReader};
use std::sync::mpsc;

/// Serves until the client says `exit` or the input ends; returns the exit
/// code (1 when the session ended without `shutdown`). `lang` is `--lang`:
/// without it, the editor's locale chooses the language.
pub fn serve(lang: Option<Lang>) -> Result<i32, UserError> {
    crate::memory::give_back_freed_memory_after(std::time::Duration::from_secs(1));
    let (sender, frames) = mpsc::channel();
    // Frames are read on their own thread, so a burst of edits queues up
    // while a lint runs and is then taken in at once.
    std::thread::spawn(move || {
        let mut input = transport::FrameReader::new(BufReader::new(io::stdin().lock()));
        while let Ok(Some(frame)) = input.next_frame() {
            if sender.send(frame).is_err() {
                break;
            }
        }
    });
    let stdout = io::stdout();
    let mut server = server::Server::new(stdout.lock(), lang.is_none());
    Ok(server.run(&frames))
}

/// Reads every frame of `input` as the server would, until the input ends
/// or a frame cannot be taken; how many were read (for the fuzz target).
pub(crate) fn read_all_frames(input: &[u8]) -> usize {
    let mut reader = transport::FrameReader::new(std::io::BufReader::new(input));
    let mut count = 0;
    while let Ok(Some(frame)) = reader.next_frame() {
        count += 1;
        if matches!(frame, transport::Frame::Refused(_)) {
            break;
        }
    }
    count
}
