//! Plain facts about the editor that the editor keeps and `i18n` words: how far a page has
//! come, why a draft is only viewed, what a file in 打开文件 is, a readable copy of an unreadable
//! draft, why an export wrote nothing.
//!
//! They live here, below both, so that the words (`i18n`) never reach up into the editor
//! (`tui`), which re-exports them from `tui::app` and `tui::action`.

use std::path::PathBuf;

/// How far a page has come, for the section list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageState {
    Complete,
    Errors(usize),
    Warnings(usize),
    Blanks(usize),
    /// Nothing to report (检查 with no findings, 导出 ready).
    Ready,
    NotReady,
}

/// Why a draft is only viewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another gongkai has the draft open.
    Held(crate::lock::Holder),
    /// The draft's folder cannot be written (read-only, no permission): why.
    Unwritable(String),
}

/// What a file listed in 打开文件 is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenKind {
    Draft,
    Published,
    Folder,
    Other,
}

/// A readable copy of an unreadable draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instead {
    pub path: PathBuf,
    pub recovery: bool,
    /// When it was written, local time.
    pub saved_at: String,
}

/// Why an export from the editor wrote nothing, kept typed until the screen words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailed {
    /// The format is not one the export module knows.
    UnknownFormat(String),
    /// The report could not be made in the format.
    Render {
        format: String,
        error: crate::export::ExportError,
    },
    /// The file chosen is a draft (an export never replaces one).
    OutputIsADraft(PathBuf),
    /// The file (or its folder) could not be written.
    Write {
        path: PathBuf,
        error: crate::report::IoFault,
    },
}
