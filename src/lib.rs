//! gongkai (公开): compile, check and export the statutory annual report on government
//! information disclosure (政府信息公开工作年度报告).
//!
//! The domain — `number`, `template`, `report`, `check`, `export`, `import`, `ledger` — knows
//! nothing of terminals; the command line (`cli`) and the full-screen editor (`tui`) are its
//! clients. What both clients do to drafts has one home below them (`library`, `ops`), the words
//! (`i18n`) take plain facts (`facts`), and the editor never calls into the command line:
//! `tests/project/layers.rs` keeps it so.

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
