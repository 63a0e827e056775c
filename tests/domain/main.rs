//! What a report is and what is checked in it, in one test binary: the built-in templates and
//! their printed grids against FORMAT.md (`templates`, `grid`), every check (`checks`) and the
//! prose reader (`narrative`), drafts saved and read back (`roundtrip`), last year's draft
//! carried over and many units' drafts summed (`years`), and hostile files (`hostile`) and the
//! fuzzers' inputs (`fuzz_regressions`) that must never make it panic.

#[path = "../common/mod.rs"]
mod common;

mod checks;
mod fuzz_regressions;
mod grid;
mod hostile;
mod narrative;
mod roundtrip;
mod templates;
mod years;
