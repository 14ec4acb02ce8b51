//! The language server's frame reader on arbitrary bytes: it never panics,
//! never allocates what a header claims before the body arrives, and stops
//! at the first frame it cannot take.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let frames = planlint::fuzzing::read_frames(data);
    // Every frame needs at least a header line, a blank line and a body.
    assert!(frames <= data.len() / 4 + 1, "{frames} frames from {} bytes", data.len());
});
