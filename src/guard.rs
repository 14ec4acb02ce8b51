//! No panic reaches the user as a Rust backtrace. A panic while checking one
//! file becomes an "internal error" for that file (exit code 2) and the other
//! files are still reported; a panic anywhere else becomes the same message.

use crate::error::UserError;
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

/// Where planlint's bugs are reported.
pub const ISSUES_URL: &str = "https://github.com/planlint/planlint/issues";

thread_local! {
    /// The file this thread is checking, while it is inside [`guarded`].
    static CHECKING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The message of the last panic caught by [`guarded`] on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces Rust's panic output: inside [`guarded`] the message is kept for
/// the error it returns; elsewhere it is printed as an internal error.
pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let text = payload
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = format!("{text}{place}");
        if CHECKING.with(|checking| checking.borrow().is_some()) {
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
        } else {
            eprintln!("error: internal error in planlint: {message}\nplease report it at {ISSUES_URL}");
        }
    }));
}

/// Runs `work` for `file`, turning a panic into an internal-error message
/// that names the file.
pub fn guarded<T>(file: &str, work: impl FnOnce() -> T) -> Result<T, UserError> {
    CHECKING.with(|checking| *checking.borrow_mut() = Some(file.to_owned()));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    CHECKING.with(|checking| *checking.borrow_mut() = None);
    result.map_err(|payload| {
        let message = LAST_PANIC
            .with(|last| last.borrow_mut().take())
            .or_else(|| payload.downcast_ref::<&str>().map(|text| (*text).to_owned()))
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        UserError::new(format!(
            "internal error in planlint while checking {file}: please report it"
        ))
        .with_help(format!(
            "{message}\nreport it at {ISSUES_URL}, with the file if you can share it"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_naming_the_file() {
        install_panic_hook();
        let result: Result<(), _> = guarded("plans/a.plan.yaml", || panic!("boom"));
        let error = result.unwrap_err();
        assert_eq!(
            error.message,
            "internal error in planlint while checking plans/a.plan.yaml: please report it"
        );
        assert!(
            error
                .help
                .as_deref()
                .unwrap_or_default()
                .starts_with("boom at src/guard.rs:"),
            "{error:?}"
        );
        assert_eq!(
            guarded("b", || 7).unwrap(),
            7,
            "the next file is checked normally"
        );
        let _ = panic::take_hook();
    }
}
