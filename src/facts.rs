//! Plain facts about the editor that the editor keeps and `i18n` words: how far a page has
//! come, why a draft is only viewed, what a file in 打开文件 is, a readable copy of an unreadable
//! draft, and why a save, an open, a carry-over or an export did nothing. The runtime hands
//! these up typed; the screen words them in the officer's language.
//!
//! They live here, below both, so that the words (`i18n`) never reach up into the editor
//! (`tui`), which re-exports them from `tui::app` and `tui::action`.

use crate::report::{IoFault, LoadError};
use std::path::PathBuf;
use std::sync::Arc;

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
    /// The draft's folder cannot be written (read-only, no permission): the system's error.
    Unwritable(IoFault),
    /// Something that is no lock file (a folder, a pipe) stands where the lock goes.
    LockNotAFile(PathBuf),
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
    Write { path: PathBuf, error: IoFault },
}

/// Why a save (Ctrl-S, or the copy written beside a draft another program changed) wrote
/// nothing. The draft's file is as it was either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailed {
    /// The draft is only viewed.
    ReadOnly(ReadOnly),
    /// A file of the copy's name appeared meanwhile (it is never overwritten).
    Exists(PathBuf),
    /// The file could not be written.
    Write { path: PathBuf, error: IoFault },
}

/// Why a draft, or a published report, did not open.
#[derive(Debug, Clone)]
pub enum OpenFailed {
    /// A sample could not be copied to the data folder (samples are never edited in place).
    CopySample { copy: PathBuf, error: IoFault },
    /// The draft cannot be read: file, line, column and what is wrong.
    Load(LoadError),
    /// A published report could not be made a draft of its own.
    Import {
        source: PathBuf,
        error: Arc<crate::library::ImportIntoError>,
    },
}

/// Why this year's draft was not made from last year's.
#[derive(Debug, Clone)]
pub enum CarryFailed {
    /// Last year's report did not open (as a draft, or as a published report).
    Open(OpenFailed),
    /// The year it would make is outside what the formats allow.
    Year { year: i32, first: i32, last: i32 },
    /// This year's file is there already (this year's report may be made already).
    Exists(PathBuf),
    /// This year's file could not be written.
    Write { path: PathBuf, error: IoFault },
}

impl From<OpenFailed> for CarryFailed {
    fn from(e: OpenFailed) -> CarryFailed {
        CarryFailed::Open(e)
    }
}

/// Why 新建报告 made no draft.
#[derive(Debug, Clone)]
pub enum CreateRefused {
    /// A file of that name is there already (it is never overwritten): the dialog offers to
    /// open it or to change the name.
    Exists(PathBuf),
    /// The year is not one the formats allow (the dialog checks it first).
    Year,
    /// The new file could not be written.
    Write { path: PathBuf, error: IoFault },
    /// It was written but does not open.
    Open(OpenFailed),
}

/// Why the external editor (`$VISUAL`, `$EDITOR`) gave no text back; the section is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorFailed {
    /// Neither variable is set.
    NoEditor,
    /// The text could not be handed over or read back, or the editor not started.
    Io(IoFault),
    /// The editor ended with an error: its exit code, if it had one (none: a signal).
    Exit(Option<i32>),
}
