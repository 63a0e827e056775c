//! Carrying out effects: files read and written, drafts listed. The terminal is not touched
//! here (see `tui::run`), so tests carry out effects the same way the program does.

use super::action::{Action, CarryFailed, CreateRefused, Effect, OpenFailed, SaveFailed};
use super::app::{
    Access, App, Browse, Doc, Instead, LastDraft, ListEntry, OpenItem, OpenKind, ReadOnly,
    RecoveryOffer, UnreadableOffer,
};
use crate::i18n::{self, tui as tr};
use crate::library::NewError;
use crate::ops;
use crate::report::{Draft, IoFault, carry};
use crate::template::Template;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Carries out an effect that needs no terminal; the result comes back as an action.
pub fn perform(app: &App, effect: &Effect) -> Option<Action> {
    let lang = app.lang;
    match effect {
        Effect::Save { then_quit } => {
            let doc = app.doc.as_ref()?;
            if let Access::Editing(_) = &doc.access
                && let Some(changed) = changed_on_disk(doc, *then_quit)
            {
                return Some(changed);
            }
            Some(save(doc, *then_quit))
        }
        Effect::SaveOver { then_quit } => Some(save(app.doc.as_ref()?, *then_quit)),
        Effect::SaveCopy => {
            let doc = app.doc.as_ref()?;
            let path = copy_path(&doc.path);
            let result = crate::library::write_new(&path, doc.template, &doc.draft)
                .map(|()| path.clone())
                .map_err(|e| match e {
                    NewError::Exists => SaveFailed::Exists(path.clone()),
                    NewError::Io(e) => SaveFailed::Write {
                        path: path.clone(),
                        error: IoFault::from(&e),
                    },
                });
            Some(Action::SavedCopy(result))
        }
        Effect::Export {
            format,
            path,
            draft_mark,
        } => {
            let doc = app.doc.as_ref()?;
            let result = super::exporter::render(
                format,
                doc.template,
                &doc.draft,
                &doc.outcome,
                *draft_mark,
                lang,
            )
            .and_then(|bytes| {
                use super::action::ExportFailed;
                if crate::library::is_a_draft_to_keep(path) {
                    return Err(ExportFailed::OutputIsADraft(path.clone()));
                }
                let failed = |e: std::io::Error| ExportFailed::Write {
                    path: path.clone(),
                    error: crate::report::IoFault::from(&e),
                };
                // The documents folder may not exist yet (a fresh account).
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(failed)?;
                }
                crate::atomic::write(path, &bytes).map_err(failed)
            })
            .map(|()| path.clone());
            Some(Action::Exported(result))
        }
        Effect::Open(path) if crate::library::is_published(path) => {
            Some(Action::ImportedOpened(open_published(app, path)))
        }
        Effect::Open(path) => Some(
            match open(path, app.today, &app.drafts_dir, lang).map(|doc| offer_recovery(app, doc)) {
                Ok(doc) => Action::Opened(Ok(doc)),
                // A draft that cannot be read may have a copy that can.
                Err(OpenFailed::Load(why)) => match instead_of(app, path) {
                    choices if choices.is_empty() => Action::Opened(Err(OpenFailed::Load(why))),
                    choices => Action::Unreadable(Box::new(UnreadableOffer {
                        path: path.clone(),
                        why,
                        choices,
                    })),
                },
                Err(e) => Action::Opened(Err(e)),
            },
        ),
        Effect::OpenInstead { path, from } => Some(Action::Opened(open_instead(app, path, from))),
        Effect::Browse { typed, complete } => Some(Action::Browsed {
            typed: typed.clone(),
            complete: *complete,
            found: browse(app, typed, *complete),
        }),
        Effect::DiscardRecovery(recovery) => {
            app.recovery.remove(recovery);
            None
        }
        Effect::Create {
            path,
            agency,
            year,
            kind,
        } => {
            // The year rule of every new draft (the dialog has applied it already).
            let result = match crate::ops::new_report_format(*year, app.this_year()) {
                Ok(t) => {
                    let draft = Draft::new(&t.id, agency, *year, *kind);
                    crate::library::write_new(path, t, &draft)
                        .map_err(|e| match e {
                            NewError::Exists => CreateRefused::Exists(path.clone()),
                            NewError::Io(e) => CreateRefused::Write {
                                path: path.clone(),
                                error: IoFault::from(&e),
                            },
                        })
                        .and_then(|()| {
                            open(path, app.today, &app.drafts_dir, lang)
                                .map_err(CreateRefused::Open)
                        })
                        // Work kept for an earlier draft of this name is offered, not lost.
                        .map(|doc| offer_recovery(app, doc))
                }
                Err(_) => Err(CreateRefused::Year),
            };
            Some(Action::Created(result))
        }
        Effect::CreateFromLast { from, target } => Some(Action::CarriedOver(create_from_last(
            from,
            target.as_deref(),
            app,
        ))),
        Effect::List => Some(Action::Listed(list_with_recovery(app))),
        Effect::ReadLedger(path) => {
            let doc = app.doc.as_ref()?;
            let result = crate::ledger::read_and_count(path, doc.draft.report.year, None)
                .map(|counted| counted.values());
            Some(Action::LedgerRead {
                path: path.clone(),
                result,
            })
        }
        Effect::Quit | Effect::ExternalEditor { .. } => None,
    }
}

/// Saves the draft (unless it is only viewed), and notes the file as written.
fn save(doc: &Doc, then_quit: bool) -> Action {
    let result = match &doc.access {
        Access::ReadOnly(why) => Err(SaveFailed::ReadOnly(why.clone())),
        Access::Editing(_) => crate::report::save::save(&doc.path, doc.template, &doc.draft)
            .map(|()| Box::new(doc.draft.clone()))
            .map_err(|e| SaveFailed::Write {
                path: doc.path.clone(),
                error: IoFault::from(&e),
            }),
    };
    let disk = result
        .is_ok()
        .then(|| crate::atomic::OnDisk::of(&doc.path))
        .flatten();
    Action::Saved {
        result,
        then_quit,
        disk,
    }
}

/// Whether another program changed (or replaced, or removed) the draft's file since the editor
/// read or last wrote it: then what it holds now, and how that differs from the editor's.
fn changed_on_disk(doc: &Doc, then_quit: bool) -> Option<Action> {
    let known = doc.disk?;
    let now = crate::atomic::OnDisk::of(&doc.path);
    if now.is_some_and(|n| !n.content_differs(&known)) {
        return None;
    }
    let theirs = now
        .and_then(|_| crate::library::load(&doc.path).ok())
        .map(|l| Box::new(l.draft));
    let differences = match &theirs {
        Some(t) => crate::recovery::differences(doc.template, t, &doc.draft),
        None => Vec::new(),
    };
    Some(Action::ChangedOnDisk {
        theirs,
        differences,
        disk: now,
        then_quit,
    })
}

/// A free name beside the draft for a copy of the editor's version: `<name>-副本.toml`, then
/// `-副本2`, ….
fn copy_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
    (1..)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { n.to_string() };
            path.with_file_name(format!("{stem}-副本{suffix}.toml"))
        })
        .find(|p| p.symlink_metadata().is_err())
        .unwrap_or_else(|| path.with_extension("copy.toml"))
}

/// Opens a published report: it is imported into a draft of its own in the data folder (the
/// file itself is never written), which is opened; returns it with the import summary.
pub fn open_published(app: &App, path: &Path) -> Result<(Box<Doc>, Vec<String>), OpenFailed> {
    let (draft_path, lines) = import_published(app, path, None)?;
    let doc = offer_recovery(
        app,
        open(&draft_path, app.today, &app.drafts_dir, app.lang)?,
    );
    Ok((doc, lines))
}

/// A published report made a draft of its own beside `target` (else in the data folder), or the
/// draft made of it before: where, and what to tell the officer about it.
fn import_published(
    app: &App,
    source: &Path,
    target: Option<&Path>,
) -> Result<(PathBuf, Vec<String>), OpenFailed> {
    let lang = app.lang;
    let done =
        ops::import_last_year(source, target, &app.drafts_dir).map_err(|e| OpenFailed::Import {
            source: source.to_path_buf(),
            error: Arc::new(e),
        })?;
    let lines = match &done.imported {
        Some(imported) => {
            let mut lines = vec![i18n::imported(lang, source, &done.path)];
            lines.extend(i18n::import_summary(
                lang,
                imported.template,
                &imported.summary,
            ));
            lines.extend(
                imported
                    .printed_totals
                    .iter()
                    .map(|f| format!("  {}", i18n::finding(lang, f))),
            );
            lines
        }
        None => vec![i18n::import_reused(lang, source, &done.path)],
    };
    Ok((done.path, lines))
}

/// Makes this year's draft from last year's with the core's carry-over (`ops`, as `gongkai new
/// --from`), writes it (never over an existing file) and opens it; returns it with what was and
/// was not carried, as lines.
pub fn create_from_last(
    from: &Path,
    target: Option<&Path>,
    app: &App,
) -> Result<(Box<Doc>, Vec<String>), CarryFailed> {
    let lang = app.lang;
    // Last year's report as published is first made a draft of its own, beside this year's.
    let (imported, import_lines) = if crate::library::is_published(from) {
        let (path, lines) = import_published(app, from, target)?;
        (Some(path), lines)
    } else {
        (None, Vec::new())
    };
    let from = imported.as_deref().unwrap_or(from);
    let this_year = app.this_year();
    let (first, last) = ops::allowed_years(this_year);
    let refused = |year| CarryFailed::Year { year, first, last };
    let next = ops::next_year_from(from, target, &app.drafts_dir).map_err(|e| match e {
        ops::NextYearError::Load(e) => CarryFailed::Open(OpenFailed::Load(e)),
        ops::NextYearError::Year { year } => refused(year),
    })?;
    let (path, carried) = (next.path, next.carried);
    let year = carried.draft.report.year;
    ops::new_report_format(year, this_year).map_err(|r| refused(r.year))?;
    let template = Template::builtin(&carried.draft.template).ok_or_else(|| refused(year))?;
    // Never over an existing file: this year's report may already be there.
    crate::library::write_new(&path, template, &carried.draft).map_err(|e| match e {
        NewError::Exists => CarryFailed::Exists(path.clone()),
        NewError::Io(e) => CarryFailed::Write {
            path: path.clone(),
            error: IoFault::from(&e),
        },
    })?;
    let doc = offer_recovery(app, open(&path, app.today, &app.drafts_dir, lang)?);
    let mut lines = import_lines;
    lines.extend(carried_lines(lang, &path, template, &carried));
    Ok((doc, lines))
}

/// What a draft made from last year's says it carried and could not carry.
pub fn carried_lines(
    lang: i18n::Lang,
    path: &Path,
    template: &Template,
    carried: &carry::CarriedOver,
) -> Vec<String> {
    let mut lines = vec![
        i18n::created(lang, path, &template.id),
        i18n::carried(lang, template, &carried.draft),
    ];
    lines.extend(
        carried
            .not_carried
            .iter()
            .map(|item| format!("· {}", i18n::not_carried(lang, item))),
    );
    lines.push(tr::carried_hint(lang).to_string());
    lines
}

/// Whether a file is one of the project's samples, which the editor never changes.
pub fn is_sample(path: &Path) -> bool {
    let dir = path.parent();
    dir.and_then(Path::file_name)
        .is_some_and(|n| n == "samples")
        && dir
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .is_some_and(|n| n == "assets")
}

/// Opens a draft; a sample is copied to the data folder first (once) and the copy opened.
///
/// The draft's lock is taken: when another gongkai has it, or its folder cannot be written,
/// the draft opens read-only and says why; a lock left by a process that has ended is taken
/// over with a word about whose it was.
pub fn open(
    path: &Path,
    today: Option<jiff::civil::Date>,
    drafts_dir: &Path,
    lang: i18n::Lang,
) -> Result<Box<Doc>, OpenFailed> {
    let (file, copied_from) = if is_sample(path) && path.is_file() {
        let name = path
            .file_name()
            .map_or_else(|| "sample.toml".into(), |n| n.to_os_string());
        let copy = drafts_dir.join(name);
        if !copy.exists() {
            std::fs::create_dir_all(drafts_dir)
                .and_then(|()| std::fs::copy(path, &copy).map(|_| ()))
                .map_err(|e| OpenFailed::CopySample {
                    copy: copy.clone(),
                    error: IoFault::from(&e),
                })?;
        }
        (copy, Some(path.to_path_buf()))
    } else {
        (path.to_path_buf(), None)
    };
    let loaded = crate::library::load(&file).map_err(OpenFailed::Load)?;
    let (access, mut notice) = lock(&file, lang);
    if matches!(access, Access::Editing(_)) {
        // Left beside it by a write that died before its rename: never the lock, never young.
        crate::atomic::remove_stale_temporaries(&file, std::time::SystemTime::now());
    }
    if loaded.dropped_controls > 0 {
        let dropped = tr::controls_dropped(lang, loaded.dropped_controls);
        notice = Some(match notice {
            Some(n) => format!("{n}{}{dropped}", tr::sentence_gap(lang)),
            None => dropped,
        });
    }
    let last = last_draft(&file, &loaded.draft);
    let disk = crate::atomic::OnDisk::of(&file);
    let ledger = crate::ledger::recount(&file, &loaded.draft);
    let mut doc = Doc::new(file, loaded.template, loaded.draft, today)
        .with_last_year(last, today)
        .with_ledger(ledger, today);
    doc.copied_from = copied_from;
    doc.disk = disk;
    doc.access = access;
    doc.notice = notice;
    Ok(Box::new(doc))
}

/// Takes a draft's lock: how the draft may be used, and anything to say about it.
fn lock(file: &Path, lang: i18n::Lang) -> (Access, Option<String>) {
    use crate::lock::{Acquired, LockError};
    let links = |lock: &crate::lock::DraftLock| {
        (lock.hard_links > 1).then(|| tr::hard_links(lang, lock.hard_links))
    };
    let joined = |a: Option<String>, b: Option<String>| match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}{}{b}", tr::sentence_gap(lang))),
        (a, b) => a.or(b),
    };
    match crate::lock::acquire(file) {
        Ok(Acquired::Fresh(lock)) => {
            let notice = links(&lock);
            (Access::Editing(Some(Arc::new(lock))), notice)
        }
        Ok(Acquired::TakenOver(lock, old)) => {
            let notice = joined(Some(tr::lock_taken_over(lang, &old)), links(&lock));
            (Access::Editing(Some(Arc::new(lock))), notice)
        }
        Err(LockError::Held(holder)) => (Access::ReadOnly(ReadOnly::Held(holder)), None),
        Err(LockError::NotAFile(path)) => (Access::ReadOnly(ReadOnly::LockNotAFile(path)), None),
        Err(LockError::Io(e)) => match e.kind() {
            // No lock file can be made: nothing could be saved there either.
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => (
                Access::ReadOnly(ReadOnly::Unwritable(IoFault::from(&e))),
                None,
            ),
            // A file system without locks: edit, but say that nothing stops a second editor.
            _ => (
                Access::Editing(None),
                Some(tr::no_lock(lang, &i18n::io_error(lang, &e))),
            ),
        },
    }
}

/// Adds to an opened draft the offer of the work in each of its recovery files that the draft
/// does not have, newest first. A recovery file that says the same as the draft is stale and
/// removed; one that cannot be read is put aside as `….unreadable` (so nothing is ever written
/// over it) and the officer told. In read-only viewing the recovery files are the other
/// editor's, and left alone.
pub fn offer_recovery(app: &App, mut doc: Box<Doc>) -> Box<Doc> {
    if doc.is_read_only() {
        return doc;
    }
    // Each recovery file read once, against the draft as opened.
    for recovery in app.recovery.files_of(&doc.path) {
        match crate::report::load::load_file(&recovery) {
            Ok(recovered) => {
                let pending = crate::recovery::Pending::of(&doc.path, recovery, true);
                let template =
                    crate::template::Template::builtin(&recovered.template).unwrap_or(doc.template);
                let differences = crate::recovery::differences(template, &doc.draft, &recovered);
                if differences.is_empty() {
                    app.recovery.remove(&pending.recovery);
                } else {
                    doc.offers.push(RecoveryOffer {
                        saved_at: local_time(pending.saved_at),
                        pending,
                        recovered,
                        differences,
                    });
                }
            }
            Err(e) => {
                let why = i18n::load_error(app.lang, &e);
                let text = match app.recovery.set_aside(&recovery) {
                    Ok(aside) => tr::recovery_unreadable(app.lang, &aside, &why),
                    Err(_) => tr::recovery_unreadable(app.lang, &recovery, &why),
                };
                doc.notice = Some(match doc.notice.take() {
                    Some(n) => format!("{n}{}{text}", tr::sentence_gap(app.lang)),
                    None => text,
                });
            }
        }
    }
    doc
}

/// A moment as the officer reads it: local date and time to the minute.
pub fn local_time(at: std::time::SystemTime) -> String {
    jiff::Timestamp::try_from(at)
        .map(|t| {
            t.to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The start screen's drafts: those of the data folder, and any draft elsewhere with unrecovered
/// work; drafts with unrecovered work first, marked with the newest file's time and how many
/// recovery files they have.
pub fn list_with_recovery(app: &App) -> Vec<ListEntry> {
    let mut entries = list(&app.drafts_dir, app.today, app.lang);
    for pending in app.recovery.all_pending() {
        let when = local_time(pending.saved_at);
        let same = |e: &ListEntry| crate::recovery::canonical(&e.path) == pending.draft_path;
        match entries.iter_mut().find(|e| same(e)) {
            Some(e) => {
                // Newest first: the first one seen gives the time.
                e.unrecovered.get_or_insert(when);
                e.recovery_files += 1;
            }
            None if pending.draft_path.is_file() => {
                let mut e = entry(
                    crate::library::entry(&pending.draft_path, app.today),
                    app.lang,
                );
                e.unrecovered = Some(when);
                e.recovery_files = 1;
                entries.push(e);
            }
            None => entries.push(ListEntry {
                problem: Some(tr::draft_gone(app.lang, &pending.recovery)),
                unrecovered: Some(when),
                recovery_files: 1,
                ..ListEntry::unread(pending.draft_path.clone())
            }),
        }
    }
    // Stable: newest first within each group.
    entries.sort_by_key(|e| e.unrecovered.is_none());
    entries
}

/// Last year's draft named in `[previous].file`, when it can be read.
pub fn last_draft(path: &Path, draft: &Draft) -> Option<LastDraft> {
    let loaded = crate::library::load_previous(path, draft)?;
    Some(LastDraft {
        template: loaded.template,
        draft: loaded.draft,
    })
}

/// The drafts of the data folder for the start screen, newest first.
pub fn list(dir: &Path, today: Option<jiff::civil::Date>, lang: i18n::Lang) -> Vec<ListEntry> {
    let entries = crate::library::entries(dir, today).unwrap_or_default();
    let mut out: Vec<ListEntry> = entries.into_iter().map(|e| entry(e, lang)).collect();
    // Published reports put in the data folder, listed after the drafts: opening one imports it.
    for path in crate::library::published_in(dir).unwrap_or_default() {
        out.push(ListEntry {
            published: true,
            ..ListEntry::unread(path)
        });
    }
    out
}

fn entry(e: crate::library::Entry, lang: i18n::Lang) -> ListEntry {
    match e.result {
        Ok((meta, p)) => ListEntry {
            path: e.path,
            agency: meta.agency,
            year: meta.year,
            template: meta.template,
            filled: p.filled,
            cells: p.cells,
            errors: p.summary.errors,
            problem: None,
            unrecovered: None,
            recovery_files: 0,
            published: false,
        },
        Err(err) => ListEntry {
            problem: Some(i18n::problem(lang, &err.problem)),
            ..ListEntry::unread(e.path)
        },
    }
}

/// Where a section's text is written for the external editor.
pub fn editor_file(section: &str) -> PathBuf {
    let dir = crate::paths::state_dir();
    let _ = std::fs::create_dir_all(&dir);
    dir.join(format!("gongkai-{}-{section}.txt", std::process::id()))
}

/// The external editor's command, from `$VISUAL` or `$EDITOR`.
pub fn editor_command() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
}

/// The readable copies of a draft that cannot be read: `<name>.bak` beside it, then its
/// recovery files, newest first.
pub fn instead_of(app: &App, path: &Path) -> Vec<Instead> {
    let readable = |p: &Path| crate::library::load(p).is_ok();
    let when = |p: &Path| {
        std::fs::symlink_metadata(p)
            .and_then(|m| m.modified())
            .map(local_time)
            .unwrap_or_default()
    };
    let bak = crate::atomic::backup_path(path);
    let mut out: Vec<Instead> = Vec::new();
    if bak.is_file() && readable(&bak) {
        out.push(Instead {
            saved_at: when(&bak),
            path: bak,
            recovery: false,
        });
    }
    for recovery in app.recovery.files_of(path) {
        if readable(&recovery) {
            out.push(Instead {
                saved_at: when(&recovery),
                path: recovery,
                recovery: true,
            });
        }
    }
    out
}

/// An unreadable draft opened from a readable copy: the copy's content in the editor as the
/// draft at `path`, not yet saved (saving replaces the unreadable file, which is kept as
/// `<name>.bak`).
pub fn open_instead(app: &App, path: &Path, from: &Path) -> Result<Box<Doc>, OpenFailed> {
    let lang = app.lang;
    let loaded = crate::library::load(from).map_err(OpenFailed::Load)?;
    let (access, lock_notice) = lock(path, lang);
    let mut doc = Doc::new(
        path.to_path_buf(),
        loaded.template,
        loaded.draft.clone(),
        app.today,
    );
    // What is on disk is not this: the editor counts it unsaved until Ctrl-S.
    doc.saved = Draft::new(
        &loaded.template.id,
        "",
        loaded.draft.report.year,
        loaded.draft.report.kind,
    );
    doc.access = access;
    doc.disk = crate::atomic::OnDisk::of(path);
    let opened = tr::opened_instead(lang, from, path);
    doc.notice = Some(match lock_notice {
        Some(n) => format!("{opened}{}{n}", tr::sentence_gap(lang)),
        None => opened,
    });
    let last = last_draft(path, &doc.draft);
    Ok(Box::new(doc.with_last_year(last, app.today)))
}

/// What 打开文件 shows for a typed path: the drafts and published reports of its folder (the
/// data folder when nothing is typed) and, for Tab, the names that begin with what was typed.
pub fn browse(app: &App, typed: &str, complete: bool) -> Browse {
    let expanded = super::update::expand_home(typed);
    let (folder, prefix, shown) = if typed.is_empty() {
        (app.drafts_dir.clone(), "", "")
    } else if typed.ends_with('/') {
        (expanded, "", typed)
    } else {
        let cut = typed.rfind('/').map_or(0, |i| i + 1);
        let folder = match expanded.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        (folder, &typed[cut..], &typed[..cut])
    };
    let kind_of = |p: &Path| {
        if p.is_dir() {
            OpenKind::Folder
        } else if crate::library::is_published(p) {
            OpenKind::Published
        } else if p.extension().is_some_and(|e| e == "toml") {
            OpenKind::Draft
        } else {
            OpenKind::Other
        }
    };
    let item = |p: &Path, target: String| OpenItem {
        label: p
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        target,
        kind: kind_of(p),
    };
    let mut files: Vec<PathBuf> = crate::library::drafts_in(&folder).unwrap_or_default();
    files.extend(crate::library::published_in(&folder).unwrap_or_default());
    files.sort_by_key(|p| p.file_name().map(|n| n.to_os_string()));
    let listing = files
        .iter()
        .map(|p| item(p, p.display().to_string()))
        .collect();
    let mut matches: Vec<OpenItem> = Vec::new();
    if complete && let Ok(read) = std::fs::read_dir(&folder) {
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Hidden files only when a dot is typed.
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                continue;
            }
            let path = entry.path();
            let slash = if path.is_dir() { "/" } else { "" };
            matches.push(item(&path, format!("{shown}{name}{slash}")));
        }
        matches.sort_by(|a, b| a.label.cmp(&b.label));
    }
    Browse {
        folder,
        listing,
        matches,
    }
}
