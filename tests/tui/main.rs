//! The editor without a terminal, in one test binary: its behaviour driven by actions as keys
//! would drive it (`update`), every screen drawn at 80×24 and 160×48 and kept as snapshots
//! (`screens`), 从台账导入 in the editor (`ledger`), and what one keystroke costs the terminal
//! (`bytes`).

#[path = "../common/mod.rs"]
mod common;

mod render;
mod support;

mod bytes;
mod ledger;
mod screens;
mod update;
