//! Operations on drafts that both clients carry out — the command line (`cli`) and the editor
//! (`tui`) — each with one home here, so the two can never come to differ (as gitui's
//! `asyncgit::sync` serves its screens). They take plain arguments and return typed results;
//! each client words the outcome in its own way.
//!
//! Reading, listing and checking a folder of drafts is in `library`, below this module.

use crate::library::{self, ImportIntoError, ImportedDraft, Loaded};
use crate::report::{LoadError, carry};
use crate::template::Template;
use std::path::{Path, PathBuf};

/// The report years a new draft may be for, given this calendar year: from the first format's
/// year to next year.
pub fn allowed_years(this_year: i32) -> (i32, i32) {
    Template::allowed_years(this_year)
}

/// A year a new draft may not be for, with the years it may be for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRefused {
    pub year: i32,
    pub first: i32,
    pub last: i32,
}

/// The one rule for a new draft's year (`gongkai new`, 新建报告, 从上年报告开始): a format must
/// be in force for it, and it must lie within [`allowed_years`]. The format when it may.
pub fn new_report_format(year: i32, this_year: i32) -> Result<&'static Template, YearRefused> {
    Template::for_new_report(year, this_year).map_err(|(first, last)| YearRefused {
        year,
        first,
        last,
    })
}

/// Where last year's report as published is made a draft of its own: beside this year's draft
/// when its file is named, else in the drafts folder — so that `[previous].file` always names
/// a draft.
pub fn import_last_year(
    from: &Path,
    target: Option<&Path>,
    drafts_dir: &Path,
) -> Result<ImportedDraft, ImportIntoError> {
    let dir = target
        .and_then(Path::parent)
        .map_or_else(|| drafts_dir.to_path_buf(), Path::to_path_buf);
    library::import_into(from, &dir)
}

/// This year's draft made from last year's, not yet written.
pub struct NextYear {
    /// Last year's draft as read.
    pub last: Loaded,
    /// Where this year's draft goes: the file asked for, else in the drafts folder by agency
    /// and year.
    pub path: PathBuf,
    pub carried: carry::CarriedOver,
}

/// Why this year's draft could not be made from last year's.
#[derive(Debug)]
pub enum NextYearError {
    /// Last year's draft cannot be read.
    Load(LoadError),
    /// No format is in force for the year after last year's.
    Year { year: i32 },
}

/// Makes this year's draft from last year's draft at `from` with the core's carry-over; its
/// `[previous].file` names last year's draft as seen from `target` (or the drafts folder).
/// Nothing is written: the caller applies the [year rule](new_report_format) and writes it
/// with [`library::write_new`].
pub fn next_year_from(
    from: &Path,
    target: Option<&Path>,
    drafts_dir: &Path,
) -> Result<NextYear, NextYearError> {
    let last = library::load(from).map_err(NextYearError::Load)?;
    let year = last.draft.report.year + 1;
    let path = target.map_or_else(
        || {
            drafts_dir.join(crate::paths::draft_file_name(
                last.draft.report.agency.trim(),
                year,
            ))
        },
        Path::to_path_buf,
    );
    let reference = reference_from(&path, from);
    let carried = carry::next_year(last.template, &last.draft, Some(reference))
        .map_err(|carry::CarryError::NoFormat { year }| NextYearError::Year { year })?;
    Ok(NextYear {
        last,
        path,
        carried,
    })
}

/// How the new draft names last year's: by file name when they share a folder, else by its
/// full path.
pub fn reference_from(new: &Path, last: &Path) -> String {
    let folder = |p: &Path| {
        std::path::absolute(p)
            .ok()
            .and_then(|a| a.parent().map(Path::to_path_buf))
    };
    match (folder(new), folder(last), last.file_name()) {
        (Some(a), Some(b), Some(name)) if a == b => name.to_string_lossy().into_owned(),
        _ => std::path::absolute(last)
            .unwrap_or_else(|_| last.to_path_buf())
            .display()
            .to_string(),
    }
}
