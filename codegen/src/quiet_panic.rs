//! Running progenitor, which asserts (panics) on constructs it does not
//! support, without the default hook printing a backtrace into a build log
//! or a maintainer's terminal: the panic becomes a typed error that names
//! the problem and where progenitor raised it.
//!
//! The hook is process-wide, so it is installed once and only silences
//! panics raised on a thread that is inside [`catch_quietly`]; every other
//! panic (a failing test elsewhere in the same process) still reaches the
//! previous hook.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

fn install() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                LOCATION.with(|slot| *slot.borrow_mut() = location);
            } else {
                previous(info);
            }
        }));
    });
}

/// A panic caught by [`catch_quietly`]: its message and where it was raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caught {
    pub message: String,
    pub location: Option<String>,
}

/// Runs `f`; a panic inside it is returned as [`Caught`] and not printed.
pub fn catch_quietly<T>(f: impl FnOnce() -> T) -> Result<T, Caught> {
    install();
    let was_quiet = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result.map_err(|payload| {
        let message = if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic payload".to_string()
        };
        let location = LOCATION.with(|slot| slot.borrow_mut().take());
        Caught { message, location }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_value_with_its_location() {
        let caught = catch_quietly(|| -> u8 { panic!("not yet implemented: x") }).unwrap_err();
        assert_eq!(caught.message, "not yet implemented: x");
        assert!(caught.location.unwrap().contains("quiet_panic.rs"));
        assert_eq!(catch_quietly(|| 7).unwrap(), 7);
    }
}
