//! The command line and the file-keeping behind it, in one test binary: the commands run as a
//! user runs them (`commands`), and the recovery files, backups and locks that keep an
//! officer's work (`recovery`).

#[path = "../common/mod.rs"]
mod common;

mod commands;
mod recovery;
