//! The editor run for real in a pseudo-terminal, in one test binary: typing, saving and quitting
//! (`e2e`), 从上年报告新建 (`e2e_last_year`), being killed and coming back (`kill`), and a
//! megabyte pasted, a held key and resizes (`load`). Run side by side these would starve each
//! other of a small machine's cores and time out, so each takes its turn.

#[path = "../common/mod.rs"]
mod common;

mod e2e;
mod e2e_last_year;
mod kill;
mod load;

/// Held for the whole of a test: the next waits until it is done.
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());
    // A test that failed while holding it leaves it poisoned; the next still runs.
    TURN.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
