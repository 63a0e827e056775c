//! Carrying out effects: files read and written, drafts listed. The terminal is not touched
//! here (see `tui::run`), so tests carry out effects the same way the program does.

use super::action::{Action, Effect};
use super::app::{Access, App, Doc, LastDraft, ListEntry, ReadOnly, RecoveryOffer};
use crate::i18n::{self, tui as tr};
use crate::report::{Draft, carry};
use crate::template::Template;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Carries out an effect that needs no terminal; the result comes back as an action.
pub fn perform(app: &App, effect: &Effect) -> Option<Action> {
    let lang = app.lang;
    match effect {
        Effect::Save { then_quit } => {
            let doc = app.doc.as_ref()?;
            let result = match &doc.access {
                Access::ReadOnly(why) => Err(tr::read_only_refused(lang, why)),
                Access::Editing(_) => {
                    crate::report::save::save(&doc.path, doc.template, &doc.draft)
                        .map(|()| Box::new(doc.draft.clone()))
                        .map_err(|e| i18n::io_error(lang, &e))
                }
            };
            Some(Action::Saved {
                result,
                then_quit: *then_quit,
            })
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
                crate::atomic::write(path, &bytes).map_err(|e| i18n::io_error(lang, &e))
            })
            .map(|()| path.clone());
            Some(Action::Exported(result))
        }
        Effect::Open(path) if crate::library::is_published(path) => {
            Some(Action::ImportedOpened(open_published(app, path)))
        }
        Effect::Open(path) => Some(Action::Opened(
            open(path, app.today, &app.drafts_dir, lang).map(|doc| offer_recovery(app, doc)),
        )),
        Effect::DiscardRecovery(path) => {
            app.recovery.discard(path);
            None
        }
        Effect::Create {
            path,
            agency,
            year,
            kind,
        } => {
            let result = match Template::for_year(*year) {
                Some(t) => {
                    let draft = Draft::new(&t.id, agency, *year, *kind);
                    crate::cli::write_new(path, t, &draft)
                        .map_err(|e| i18n::write_refused(lang, &e))
                        .and_then(|()| open(path, app.today, &app.drafts_dir, lang))
                }
                None => Err(tr::year_invalid(lang).to_string()),
            };
            Some(Action::Opened(result))
        }
        Effect::CreateFromLast { from, target } => Some(Action::CarriedOver(create_from_last(
            from,
            target.as_deref(),
            app,
        ))),
        Effect::List => Some(Action::Listed(list_with_recovery(app))),
        Effect::Quit | Effect::ExternalEditor { .. } => None,
    }
}

/// Opens a published report: it is imported into a draft of its own in the data folder (the
/// file itself is never written), which is opened; returns it with the import summary.
pub fn open_published(app: &App, path: &Path) -> Result<(Box<Doc>, Vec<String>), String> {
    let lang = app.lang;
    let (draft_path, lines) = import_published(app, path, &app.drafts_dir)?;
    let doc = offer_recovery(app, open(&draft_path, app.today, &app.drafts_dir, lang)?);
    Ok((doc, lines))
}

/// A published report made a draft of its own in `dir` (or the draft made of it before):
/// where, and what to tell the officer about it.
fn import_published(
    app: &App,
    source: &Path,
    dir: &Path,
) -> Result<(PathBuf, Vec<String>), String> {
    let lang = app.lang;
    let done = crate::library::import_into(source, dir)
        .map_err(|e| i18n::import_into_error(lang, source, &e))?;
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

/// Makes this year's draft from last year's with the core's carry-over, writes it (never over
/// an existing file) and opens it; returns it with what was and was not carried, as lines.
pub fn create_from_last(
    from: &Path,
    target: Option<&Path>,
    app: &App,
) -> Result<(Box<Doc>, Vec<String>), String> {
    let lang = app.lang;
    // Last year's report as published is first made a draft of its own, beside this year's.
    let (imported, import_lines) = if crate::library::is_published(from) {
        let dir = target
            .and_then(Path::parent)
            .map_or_else(|| app.drafts_dir.clone(), Path::to_path_buf);
        let (path, lines) = import_published(app, from, &dir)?;
        (Some(path), lines)
    } else {
        (None, Vec::new())
    };
    let from = imported.as_deref().unwrap_or(from);
    let loaded = crate::library::load(from).map_err(|e| i18n::load_error(lang, &e))?;
    let year = loaded.draft.report.year + 1;
    let (first, last) = Template::allowed_years(app.this_year());
    let refused = || i18n::year_refused(lang, year, first, last);
    Template::for_new_report(year, app.this_year()).map_err(|_| refused())?;
    let path = target.map_or_else(
        || {
            app.drafts_dir.join(crate::paths::draft_file_name(
                loaded.draft.report.agency.trim(),
                year,
            ))
        },
        Path::to_path_buf,
    );
    let reference = crate::cli::reference_from(&path, from);
    let carried = carry::next_year(loaded.template, &loaded.draft, Some(reference))
        .map_err(|carry::CarryError::NoFormat { .. }| refused())?;
    let template = Template::builtin(&carried.draft.template).ok_or_else(refused)?;
    // Never over an existing file: this year's report may already be there.
    crate::cli::write_new(&path, template, &carried.draft).map_err(|e| match e {
        crate::cli::NewError::Exists => tr::target_exists(lang, &path),
        e => format!("{}: {}", path.display(), i18n::write_refused(lang, &e)),
    })?;
    let doc = open(&path, app.today, &app.drafts_dir, lang)?;
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
) -> Result<Box<Doc>, String> {
    let (file, copied_from) = if is_sample(path) && path.is_file() {
        let name = path
            .file_name()
            .map_or_else(|| "sample.toml".into(), |n| n.to_os_string());
        let copy = drafts_dir.join(name);
        if !copy.exists() {
            std::fs::create_dir_all(drafts_dir)
                .and_then(|()| std::fs::copy(path, &copy).map(|_| ()))
                .map_err(|e| format!("{}: {}", copy.display(), i18n::io_error(lang, &e)))?;
        }
        (copy, Some(path.to_path_buf()))
    } else {
        (path.to_path_buf(), None)
    };
    let loaded = crate::library::load(&file).map_err(|e| i18n::load_error(lang, &e))?;
    let (access, notice) = lock(&file, lang);
    let last = last_draft(&file, &loaded.draft);
    let mut doc = Doc::new(file, loaded.template, loaded.draft, today).with_last_year(last, today);
    doc.copied_from = copied_from;
    doc.access = access;
    doc.notice = notice;
    Ok(Box::new(doc))
}

/// Takes a draft's lock: how the draft may be used, and anything to say about it.
fn lock(file: &Path, lang: i18n::Lang) -> (Access, Option<String>) {
    use crate::lock::{Acquired, LockError};
    match crate::lock::acquire(file) {
        Ok(Acquired::Fresh(lock)) => (Access::Editing(Some(Arc::new(lock))), None),
        Ok(Acquired::TakenOver(lock, old)) => (
            Access::Editing(Some(Arc::new(lock))),
            Some(tr::lock_taken_over(lang, &old)),
        ),
        Err(LockError::Held(holder)) => (Access::ReadOnly(ReadOnly::Held(holder)), None),
        Err(LockError::Io(e)) => match e.kind() {
            // No lock file can be made: nothing could be saved there either.
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => (
                Access::ReadOnly(ReadOnly::Unwritable(i18n::io_error(lang, &e))),
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

/// Adds to an opened draft the offer of work in its recovery file, when that is newer than the
/// draft and differs from it. A recovery file equal to the draft is stale and removed. In
/// read-only viewing the recovery file is the other editor's, and left alone.
pub fn offer_recovery(app: &App, mut doc: Box<Doc>) -> Box<Doc> {
    if doc.is_read_only() {
        return doc;
    }
    let Some(pending) = app.recovery.pending(&doc.path) else {
        return doc;
    };
    match crate::recovery::read(&pending) {
        Ok(recovered) => {
            let template =
                crate::template::Template::builtin(&recovered.template).unwrap_or(doc.template);
            let differences = crate::recovery::differences(template, &doc.draft, &recovered);
            if differences.is_empty() {
                app.recovery.discard(&doc.path);
            } else {
                doc.offer = Some(Box::new(RecoveryOffer {
                    saved_at: local_time(pending.saved_at),
                    pending,
                    recovered,
                    differences,
                }));
            }
        }
        Err(e) => {
            // Kept where it is, for a person to look at.
            let why = i18n::load_error(app.lang, &e);
            let text = tr::recovery_unreadable(app.lang, &pending.recovery, &why);
            doc.notice = Some(match doc.notice.take() {
                Some(n) => format!("{n}{}{text}", tr::sentence_gap(app.lang)),
                None => text,
            });
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
/// work; drafts with unrecovered work first, marked.
pub fn list_with_recovery(app: &App) -> Vec<ListEntry> {
    let mut entries = list(&app.drafts_dir, app.today, app.lang);
    for pending in app.recovery.all_pending() {
        let when = local_time(pending.saved_at);
        let same =
            |e: &ListEntry| std::path::absolute(&e.path).ok().as_ref() == Some(&pending.draft_path);
        match entries.iter_mut().find(|e| same(e)) {
            Some(e) => e.unrecovered = Some(when),
            None if pending.draft_path.is_file() => {
                let mut e = entry(
                    crate::library::entry(&pending.draft_path, app.today),
                    app.lang,
                );
                e.unrecovered = Some(when);
                entries.push(e);
            }
            None => entries.push(ListEntry {
                path: pending.draft_path.clone(),
                agency: String::new(),
                year: 0,
                template: String::new(),
                filled: 0,
                cells: 0,
                errors: 0,
                problem: Some(tr::draft_gone(app.lang, &pending.recovery)),
                unrecovered: Some(when),
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
    entries.into_iter().map(|e| entry(e, lang)).collect()
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
        },
        Err(err) => ListEntry {
            path: e.path,
            agency: String::new(),
            year: 0,
            template: String::new(),
            filled: 0,
            cells: 0,
            errors: 0,
            problem: Some(i18n::problem(lang, &err.problem)),
            unrecovered: None,
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
