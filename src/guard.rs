//! No panic reaches the user as a Rust backtrace. A panic while checking one
//! file becomes an "internal error" for that file (exit code 2) and the other
//! files are still reported; a panic anywhere else becomes the same message.

use crate::error::UserError;
use crate::i18n::t;
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
            .unwrap_or_else(|| t!("document-unknown-panic"));
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = format!("{text}{place}");
        if CHECKING.with(|checking| checking.borrow().is_some()) {
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
        } else {
            eprintln!(
                "{}",
                t!("document-internal-error", panic = message, url = ISSUES_URL)
            );
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
            .unwrap_or_else(|| t!("document-unknown-panic"));
        let help = t!("document-internal-error-help", panic = message, url = ISSUES_URL);
        UserError::new(t!("document-internal-error-checking", file = file)).with_help(help)
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
        // In Chinese (in the same test: the panic hook is the process's).
        let chinese = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let error = guarded("plans/a.plan.yaml", || panic!("boom")).unwrap_err();
        assert_eq!(
            error.message,
            "planlint 检查 plans/a.plan.yaml 时出现内部错误：请报告这个问题"
        );
        let help = error.help.unwrap_or_default();
        assert!(help.starts_with("boom at src/guard.rs:"), "{help}");
        assert!(help.ends_with("报告，方便的话附上这个文件"), "{help}");
        drop(chinese);
        let _ = panic::take_hook();
    }
}
