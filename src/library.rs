//! A folder of drafts: finding them and summing up each one (agency, year, how complete, how
//! many errors) for the start screen, `gongkai list` and `gongkai check FOLDER`.

use crate::check::{self, Options, Outcome, Summary};
use crate::report::{Draft, LoadError, load};
use crate::template::Template;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The `.toml` files directly in a folder, by name.
pub fn drafts_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// The published reports directly in a folder (.html, .htm, .shtml, .docx, .txt), by name.
pub fn published_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| crate::import::is_published_name(&n)) && path.is_file() {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// A loaded draft with its template.
pub struct Loaded {
    pub template: &'static Template,
    pub draft: Draft,
    /// Control characters dropped from the draft's texts as it was read (a report cannot hold
    /// them): the editor says so, and the next save writes the draft without them.
    pub dropped_controls: usize,
}

/// Loads a draft file; the loader has already refused unknown templates.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let (draft, dropped_controls) = load::load_file_noting(path)?;
    let template = Template::builtin(&draft.template).ok_or_else(|| LoadError {
        file: Some(path.to_path_buf()),
        line: 0,
        column: 0,
        problem: crate::report::Problem::UnknownTemplate {
            id: draft.template.clone(),
            known: Template::all().iter().map(|t| t.id.clone()).collect(),
        },
    })?;
    Ok(Loaded {
        template,
        draft,
        dropped_controls,
    })
}

/// Whether writing an export to `path` would destroy a draft: a file there that reads as a
/// draft, or one an editor holds open. An export never replaces either.
pub fn is_a_draft_to_keep(path: &Path) -> bool {
    if !path.is_file() {
        return false;
    }
    load::load_file(path).is_ok() || crate::lock::is_held(path)
}

/// Last year's draft named in a draft's `[previous].file` (relative to the draft's folder), if
/// it can be read.
pub fn load_previous(draft_path: &Path, draft: &Draft) -> Option<Loaded> {
    let file = draft.previous.as_ref()?.file.as_ref()?;
    let path = draft_path
        .parent()
        .map_or_else(|| PathBuf::from(file), |dir| dir.join(file));
    load(&path).ok()
}

/// Checks a draft read from `path` the way every command and the editor do: against last
/// year's whole draft when one is given (`--previous`) or its `[previous].file` names one that
/// can be read, else against its own `[previous]` figures; and against the ledger its
/// `[ledger].file` names, counted again.
pub fn check_draft(
    path: &Path,
    loaded: &Loaded,
    given_last: Option<&Loaded>,
    today: Option<jiff::civil::Date>,
) -> Outcome {
    let named = match given_last {
        Some(_) => None,
        None => load_previous(path, &loaded.draft),
    };
    let last = given_last.or(named.as_ref());
    let ledger = crate::ledger::recount(path, &loaded.draft);
    check_against(
        loaded.template,
        &loaded.draft,
        last.map(|l| (l.template, &l.draft)),
        ledger.as_ref(),
        today,
    )
}

/// Checks a draft against last year's whole draft when there is one (the draft's own
/// `[previous]` fills what it lacks, `check::LastYear::in_use`) and what its ledger counts:
/// for every command, and for the editor on every change.
pub fn check_against(
    template: &Template,
    draft: &Draft,
    last: Option<(&Template, &Draft)>,
    ledger: Option<&check::LedgerNow>,
    today: Option<jiff::civil::Date>,
) -> Outcome {
    let options = Options {
        last_year: last.map(|(template, draft)| check::LastYear::from_draft(template, draft)),
        today,
        ledger,
    };
    check::check(template, draft, &options)
}

/// How far a draft has come.
#[derive(Debug, Clone)]
pub struct Progress {
    pub filled: usize,
    pub cells: usize,
    pub summary: Summary,
}

/// Cells filled out of all input cells.
pub fn progress(loaded: &Loaded, outcome: &Outcome) -> Progress {
    progress_of(loaded.template, &loaded.draft, outcome)
}

/// Cells filled out of all input cells, of a draft and its template: the tables' cells and the
/// fee figures of 基本信息 (gip-2021), which count as given when 六 states the fees instead.
pub fn progress_of(template: &Template, draft: &Draft, outcome: &Outcome) -> Progress {
    let inputs = &template.compiled().inputs;
    let cells = inputs.len() + template.fees.len();
    let filled = inputs
        .iter()
        .filter(|c| draft.cells.contains_key(&c.key))
        .count()
        + template.fees.len()
        - crate::check::fees_left_blank(template, draft).len();
    Progress {
        filled,
        cells,
        summary: outcome.summary(),
    }
}

/// One draft of a folder, as a list shows it.
pub struct Entry {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    pub result: Result<(Meta, Progress), LoadError>,
}

/// What a list needs of a draft's metadata.
#[derive(Debug, Clone)]
pub struct Meta {
    pub agency: String,
    pub year: i32,
    pub template: String,
}

pub fn entry(path: &Path, today: Option<jiff::civil::Date>) -> Entry {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let result = load(path).map(|loaded| {
        let outcome = check_draft(path, &loaded, None, today);
        let meta = Meta {
            agency: loaded.draft.report.agency.clone(),
            year: loaded.draft.report.year,
            template: loaded.template.id.clone(),
        };
        (meta, progress(&loaded, &outcome))
    });
    Entry {
        path: path.to_path_buf(),
        modified,
        result,
    }
}

/// Every draft of a folder, newest first.
pub fn entries(dir: &Path, today: Option<jiff::civil::Date>) -> std::io::Result<Vec<Entry>> {
    let mut out: Vec<Entry> = drafts_in(dir)?.iter().map(|p| entry(p, today)).collect();
    out.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    Ok(out)
}

/// Applies `f` to every item on every core, keeping the order.
pub fn parallel_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut chunks: Vec<Vec<T>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(chunk).collect());
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            // A panic in a checker thread is a defect; carry it to the main thread.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Writes a new draft, never over an existing file: the name is claimed first (so a file made
/// meanwhile by someone else, or a dangling link, is not replaced), then written atomically.
pub fn write_new(path: &Path, template: &Template, draft: &Draft) -> Result<(), NewError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(NewError::Io)?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(NewError::Exists),
        Err(e) => return Err(NewError::Io(e)),
    }
    let text = crate::report::save::to_toml(template, draft);
    crate::atomic::write(path, text.as_bytes()).map_err(|e| {
        // The claimed name is empty: give it back rather than leave an unreadable draft.
        let _ = std::fs::remove_file(path);
        NewError::Io(e)
    })
}

#[derive(Debug)]
pub enum NewError {
    Exists,
    Io(std::io::Error),
}

/// Whether a file is a published report (a portal page, a Word file, a PDF, a text) rather
/// than a draft, by its name: drafts are `.toml`.
pub fn is_published(path: &Path) -> bool {
    path.extension().is_none_or(|e| e != "toml")
        && crate::import::is_published_name(&path.to_string_lossy())
}

/// Why a report file could not be read: as a draft, or as a published report.
#[derive(Debug)]
pub enum OpenError {
    Draft(LoadError),
    Published(PathBuf, crate::import::ImportError),
}

/// A report from a file: a draft as it is, a published report imported in memory (nothing is
/// written). For every command that takes a draft and may be given a published file instead.
pub fn open_report(path: &Path) -> Result<Loaded, OpenError> {
    if is_published(path) {
        let imported = crate::import::import_file(path)
            .map_err(|e| OpenError::Published(path.to_path_buf(), e))?;
        return Ok(Loaded {
            template: imported.template,
            draft: imported.draft,
            // The importer cleans what it reads.
            dropped_controls: 0,
        });
    }
    load(path).map_err(OpenError::Draft)
}

/// A published report made a draft of its own.
#[derive(Debug)]
pub struct ImportedDraft {
    pub path: PathBuf,
    /// The import, when it was made now (`None`: a draft of the same report was already there
    /// and is used as it is).
    pub imported: Option<crate::import::Imported>,
}

/// Why a published report could not be made a draft.
#[derive(Debug)]
pub enum ImportIntoError {
    Import(crate::import::ImportError),
    Write(PathBuf, NewError),
}

/// Imports a published report into a draft of its own in `dir`, named by its agency and year.
/// A draft already there for the same agency and year (imported before) is used as it is;
/// anything else of that name is never overwritten.
pub fn import_into(source: &Path, dir: &Path) -> Result<ImportedDraft, ImportIntoError> {
    let imported = crate::import::import_file(source).map_err(ImportIntoError::Import)?;
    let report = &imported.draft.report;
    let path = dir.join(crate::paths::draft_file_name(
        report.agency.trim(),
        report.year,
    ));
    match write_new(&path, imported.template, &imported.draft) {
        Ok(()) => Ok(ImportedDraft {
            path,
            imported: Some(imported),
        }),
        Err(NewError::Exists)
            if load(&path).is_ok_and(|l| {
                l.draft.report.agency.trim() == imported.draft.report.agency.trim()
                    && l.draft.report.year == imported.draft.report.year
            }) =>
        {
            Ok(ImportedDraft {
                path,
                imported: None,
            })
        }
        Err(e) => Err(ImportIntoError::Write(path, e)),
    }
}
