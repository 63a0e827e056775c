//! Table 三 from the case ledger (依申请公开登记台账): reading a spreadsheet of applications,
//! counting the year's table — 一 + 二 = （七） + 四 by construction — and the 信息处理费
//! figures, and putting them into a draft. Every row that cannot be counted is named.
//!
//! This is domain code: it knows files and drafts, never terminals or the command line. The
//! command `gongkai ledger` and the editor's ledger dialog are both clients of
//! [`apply`](mod@apply).

#![warn(missing_docs)]

pub mod apply;
pub mod cases;
pub mod count;
pub mod dates;
pub mod error;
pub mod header;
pub mod labels;
pub mod sheet;
pub mod template_file;
pub mod text;
pub mod vocabulary;

pub use apply::{Change, apply, apply_values, changes, changes_to};
pub use cases::Cases;
pub use count::{Counted, FeeTotals, count};
pub use error::{BadRow, LedgerError, RowProblem};
pub use vocabulary::Role;

use crate::check::LedgerNow;
use crate::report::Draft;
use std::path::{Path, PathBuf};

/// Reads a ledger file into cases: the sheet (`sheet`, else the one named for `year`, else
/// the first), its header row, every row. Refuses the whole ledger when any row is bad.
pub fn read(path: &Path, year: Option<i32>, sheet: Option<&str>) -> Result<Cases, LedgerError> {
    let sheet = sheet::read(path, year, sheet)?;
    let columns = header::find(&sheet, path)?;
    cases::read(&sheet, &columns).map_err(|rows| LedgerError::BadRows {
        file: path.to_path_buf(),
        sheet: sheet.name.clone(),
        rows,
    })
}

/// Reads a ledger and counts the given year.
pub fn read_and_count(path: &Path, year: i32, sheet: Option<&str>) -> Result<Counted, LedgerError> {
    count(&read(path, Some(year), sheet)?, year)
}

/// How a draft names its ledger: by file name when they share a folder, else by full path.
pub fn reference(draft: &Path, ledger: &Path) -> String {
    let folder = |p: &Path| {
        std::path::absolute(p)
            .ok()
            .and_then(|a| a.parent().map(Path::to_path_buf))
    };
    match (folder(draft), folder(ledger), ledger.file_name()) {
        (Some(a), Some(b), Some(name)) if a == b => name.to_string_lossy().into_owned(),
        _ => std::path::absolute(ledger)
            .unwrap_or_else(|_| ledger.to_path_buf())
            .display()
            .to_string(),
    }
}

/// The ledger a draft's `[ledger].file` names, relative to the draft's folder.
pub fn source_path(draft: &Path, file: &str) -> PathBuf {
    match draft.parent() {
        Some(dir) => dir.join(file),
        None => PathBuf::from(file),
    }
}

/// What the draft's ledger says now, for the `ledger.stale` hint: `None` when the draft names
/// no ledger.
pub fn recount(draft_path: &Path, draft: &Draft) -> Option<LedgerNow> {
    let source = draft.ledger.as_ref()?;
    let path = source_path(draft_path, &source.file);
    if !path.is_file() {
        return Some(LedgerNow::Gone);
    }
    Some(
        match read_and_count(&path, draft.report.year, source.sheet.as_deref()) {
            Ok(counted) => LedgerNow::Counted(counted.values()),
            Err(_) => LedgerNow::Unreadable,
        },
    )
}
