//! One module per request the server answers. Each reads a buffer's text
//! and its analysis and returns lsp-types values; none writes to the wire.

pub mod code_action;
pub mod completion;
pub mod hover;
pub mod inlay_hints;
pub mod symbols;
