//! What can happen to the editor (`Action`) and what the editor asks the outside world to do
//! (`Effect`). Keys become actions through the one key table in `keys`; effects are carried
//! out by `runtime`, whose results come back as actions.

use crate::report::Draft;
use std::path::PathBuf;

pub use crate::facts::{
    CarryFailed, CreateRefused, EditorFailed, ExportFailed, OpenFailed, SaveFailed,
};

/// A command a key (or a mouse click) stands for. The key table maps keys to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Save,
    /// Write the editor's draft to a new file beside the one another program changed.
    SaveCopy,
    Quit,
    Undo,
    Redo,
    Help,
    NextField,
    PrevField,
    NextSection,
    PrevSection,
    NextBlank,
    FillZeros,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    /// The start and the end of the whole text (Ctrl-Home, Ctrl-End), where Home and End
    /// stay on the line.
    TextStart,
    TextEnd,
    /// Edit, confirm, open, jump: what Enter means where it is pressed.
    Enter,
    /// A line break in prose.
    Newline,
    Cancel,
    Backspace,
    Delete,
    ExternalEditor,
    InsertOutline,
    Acknowledge,
    Unacknowledge,
    CycleUnit,
    /// 从台账导入: table 三 from the case ledger.
    ImportLedger,
    /// Space on a choice (kind, draft mark).
    Toggle,
    NewReport,
    /// 从上年报告新建: this year's draft from last year's.
    FromLastYear,
    OpenFile,
    /// Show or hide last year's text beside a prose section.
    LastText,
    /// Scroll last year's text.
    LastTextDown,
    LastTextUp,
    /// Answers in a confirmation dialog.
    Yes,
    No,
    /// Unrecovered work: take it back, throw it away, or see what differs.
    Restore,
    Discard,
    ShowDifferences,
    /// Another gongkai has the draft: look at it without changing it.
    ViewReadOnly,
}

/// Where a mouse event landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    Click { x: u16, y: u16 },
    ScrollUp { x: u16, y: u16 },
    ScrollDown { x: u16, y: u16 },
}

/// Everything that changes the editor's state.
#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    /// A typed character that no key binding claims.
    Char(char),
    /// Text pasted at once (bracketed paste).
    Paste(String),
    Mouse(Mouse),
    Resize(u16, u16),
    /// A save finished: the draft as saved, or why it failed.
    Saved {
        result: Result<Box<Draft>, SaveFailed>,
        then_quit: bool,
        /// The file as written, to notice another program's change before the next save.
        disk: Option<crate::atomic::OnDisk>,
    },
    /// Before saving, the draft was found changed on disk by another program: what it holds
    /// now (`None`: gone or unreadable) and how it differs from the editor's.
    ChangedOnDisk {
        theirs: Option<Box<Draft>>,
        differences: Vec<crate::recovery::Difference>,
        disk: Option<crate::atomic::OnDisk>,
        then_quit: bool,
    },
    /// A copy of the editor's draft was written (save as), or why not.
    SavedCopy(Result<PathBuf, SaveFailed>),
    /// The external editor returned the section's text, or why it could not run.
    EditorDone {
        section: String,
        result: Result<String, EditorFailed>,
    },
    /// An export finished: the file written, or why it failed (worded on the screen).
    Exported(Result<PathBuf, ExportFailed>),
    /// 新建报告 made the draft and opened it, or could not: then the dialog stays, with what
    /// was typed, to open the draft already there or to change the name.
    Created(Result<Box<super::app::Doc>, CreateRefused>),
    /// A draft could not be read, but its `.bak` or a recovery file can: which, and why.
    Unreadable(Box<super::app::UnreadableOffer>),
    /// A folder was looked at for 打开文件 (what `typed` names, and what Tab completes).
    Browsed {
        typed: String,
        complete: bool,
        found: super::app::Browse,
    },
    /// A draft was opened (or could not be): from the start screen or `edit`.
    Opened(Result<Box<super::app::Doc>, OpenFailed>),
    /// The start screen's list was read again.
    Listed(Vec<super::app::ListEntry>),
    /// Typing has paused: bring findings that were put off up to date.
    Recheck,
    /// The recovery file was written (or removed), or why it could not be.
    Autosaved(Result<(), crate::report::IoFault>),
    /// This year's draft was made from last year's and opened: the draft and what was and was
    /// not carried, as lines to show; or why it was not made.
    CarriedOver(Result<(Box<super::app::Doc>, Vec<String>), CarryFailed>),
    /// A ledger was read and counted: its figures, or why it cannot be.
    LedgerRead {
        path: PathBuf,
        result: Result<Vec<(String, crate::report::Number)>, crate::ledger::LedgerError>,
    },
    /// A published report was imported into a draft, which is opened: with the import summary.
    ImportedOpened(Result<(Box<super::app::Doc>, Vec<String>), OpenFailed>),
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Look at the folder of a path typed in 打开文件: its drafts and reports and, when
    /// `complete`, the names that begin with what was typed.
    Browse {
        typed: String,
        complete: bool,
    },
    /// Open an unreadable draft from a readable copy (its `.bak` or a recovery file): the
    /// copy's content in the editor, unsaved, as the draft at `path`.
    OpenInstead {
        path: PathBuf,
        from: PathBuf,
    },
    /// Save the draft to its file (atomically); quit afterwards when it worked.
    Save {
        then_quit: bool,
    },
    /// Save over a file another program changed: the officer chose to keep their own.
    SaveOver {
        then_quit: bool,
    },
    /// Write the editor's draft to a new file beside it, leaving the changed one as it is.
    SaveCopy,
    Quit,
    /// Hand a section's text to `$VISUAL` / `$EDITOR`.
    ExternalEditor {
        section: String,
        text: String,
    },
    /// Write the report in a format to a file.
    Export {
        format: String,
        path: PathBuf,
        draft_mark: bool,
    },
    /// Open a draft file.
    Open(PathBuf),
    /// Create a new draft file, then open it.
    Create {
        path: PathBuf,
        agency: String,
        year: i32,
        kind: crate::report::AgencyKind,
    },
    /// Make this year's draft from last year's (`from`), then open it. The new file goes to
    /// `target`, or into the data folder under the agency's name and the new year.
    CreateFromLast {
        from: PathBuf,
        target: Option<PathBuf>,
    },
    /// Read the data folder's drafts again.
    List,
    /// Remove a recovery file: the officer chose 丢弃, or it adds nothing to the draft.
    DiscardRecovery(PathBuf),
    /// Read and count a case ledger for the draft's year, for the ledger dialog's preview.
    ReadLedger(PathBuf),
}
