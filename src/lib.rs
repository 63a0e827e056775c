//! gongkai (公开): compile, check and export the statutory annual report on government
//! information disclosure (政府信息公开工作年度报告).
//!
//! The domain knows nothing of terminals:
//! - [`template`]: the official formats, read from `assets/templates/` into a
//!   [`Template`](template::Template);
//! - [`report`]: a draft ([`Draft`](report::Draft)) read from and written to TOML, each figure a
//!   [`Number`](number::Number);
//! - [`check`]: totals and [`Finding`](check::Finding)s, the prose read against the tables;
//! - [`export`]: the official layouts written as Word, HTML, text, Markdown and JSON;
//! - [`import`] and [`ledger`]: published reports and case ledgers read into drafts.
//!
//! The command line ([`cli`]) and the full-screen editor ([`tui`]) are its clients. What both
//! do to drafts has one home below them ([`library`], [`ops`], [`recovery`]), the words
//! ([`i18n`]) take plain facts ([`facts`]), and the editor never calls into the command line:
//! `tests/project/layers.rs` keeps it so. ARCHITECTURE.md, beside this crate's manifest, walks a
//! keystroke, a cell's value and a published file through these modules.

pub mod atomic;
pub mod build_info;
pub mod check;
pub mod cli;
pub mod clock;
pub mod export;
pub mod facts;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod import;
pub mod ledger;
pub mod library;
pub mod linebreak;
pub mod lock;
pub mod number;
pub mod ops;
pub mod paths;
pub mod recovery;
pub mod report;
pub mod template;
pub mod tui;
