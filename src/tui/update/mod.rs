//! `update`: the one place the editor's state changes. It applies an action and returns the
//! effects (save, export, quit, open an editor…) for the runtime to carry out.
//!
//! Totals and checks are never computed here: after every change the core's `check` is asked
//! again, and the screen shows its answer.

mod change;
mod dialog;
mod editor;
mod export;
mod form;
mod ledger;
mod mouse;
mod prose;
mod recovery;
mod review;
mod scroll;
mod start;
mod table;

use super::action::{Action, Command, Effect, Mouse};
use super::app::{
    Access, App, CellEdit, Dialog, Doc, FormField, ListEntry, Message, Page, Place, PlaceFocus,
    ProseFocus, ReadOnly, Screen, TableFocus, form_fields, pages,
};
use super::layout::{self, TableLine};
use super::text::{self, Field};
use crate::check::{Finding, Severity, codes, section_of};
use crate::i18n::tui as tr;
use crate::report::number::{InputError, MAX_PLACES, max_places, normalize_char};
use crate::report::{AgencyKind, Draft, Number};
use crate::template::{Kind, SectionKind, Table, Template};
use change::{change, changed_to_here, place, undo_redo};
pub use dialog::expand_home;
use dialog::{browsed, dialog, edit_field, toggle_kind};
use editor::{editor, next_page_name};
pub use editor::{enter_page, go_to_page};
use export::{default_export_path, export};
use form::{commit_form, current_form_field, focus_form_field, form, switch_year};
pub use ledger::is_ledger_table;
use ledger::{ledger_dialog, ledger_read, open_ledger_dialog};
use mouse::mouse;
pub use mouse::table_geometry;
use prose::{current_prose, current_prose_key, prose, seal};
pub use prose::{last_text, last_text_shown, prose_layout};
use recovery::{lock_dialog, next_offer, recover_dialog, refused_read_only};
pub use review::{ReviewItem, review_items, selected_review_item};
use review::{review, selectable};
use scroll::keep_in_view;
use start::start_screen;
pub use start::{
    START_ITEMS, START_LIST_TOP, from_last_year_dialog, new_report_dialog, year_refusal,
};
use table::{accept_char, commit_cell, current_table_focus, table, table_fields};
pub use table::{
    cell_key, current_table, current_table_key, focused_cell, input_positions, is_input,
};

/// Text arriving from outside (a paste, the external editor) with the control characters a
/// report cannot hold dealt with, and how many were dropped.
fn cleaned(action: Action) -> (Action, usize) {
    let clean = |text: String| match crate::report::text::clean(&text) {
        (std::borrow::Cow::Borrowed(_), _) => (text, 0),
        (std::borrow::Cow::Owned(t), n) => (t, n),
    };
    match action {
        Action::Paste(text) => {
            let (text, n) = clean(text);
            (Action::Paste(text), n)
        }
        Action::EditorDone {
            section,
            result: Ok(text),
        } => {
            let (text, n) = clean(text);
            (
                Action::EditorDone {
                    section,
                    result: Ok(text),
                },
                n,
            )
        }
        other => (other, 0),
    }
}

/// Applies an action to the editor.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let (action, dropped) = cleaned(action);
    let effects = apply(app, action);
    if dropped > 0 {
        let note = tr::controls_dropped(app.lang, dropped);
        app.message = Some(match app.message.take() {
            Some(m) => Message {
                text: format!("{}{}{note}", m.text, tr::sentence_gap(app.lang)),
                error: m.error,
                hint: m.hint,
            },
            None => Message {
                text: note,
                error: false,
                hint: false,
            },
        });
    }
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    match action {
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
        }
        Action::Saved {
            result,
            then_quit,
            disk,
        } => {
            if result.is_ok()
                && let Some(doc) = &mut app.doc
            {
                doc.disk = disk;
            }
            saved(app, result, then_quit, &mut effects);
        }
        Action::ChangedOnDisk {
            theirs,
            differences,
            disk,
            then_quit,
        } => {
            app.dialog = Some(Dialog::ChangedOnDisk(Box::new(
                crate::tui::app::ChangedOnDisk {
                    theirs: theirs.map(|t| *t),
                    differences,
                    disk,
                    then_quit,
                },
            )));
        }
        Action::SavedCopy(result) => match result {
            Ok(path) => info(app, tr::saved_copy(app.lang, &path)),
            Err(e) => error(app, tr::save_failed(app.lang, &e, None)),
        },
        Action::EditorDone { section, result } => match result {
            Ok(text) => {
                let key = section.clone();
                change(app, None, move |d| {
                    d.text.insert(key, text.trim_end_matches('\n').to_string());
                });
                if let Some(doc) = &app.doc {
                    let len = doc.draft.text(&section).len();
                    let focus = app.prose.entry(section).or_default();
                    focus.caret = len;
                    focus.line_end = false;
                }
            }
            Err(e) => error(app, tr::editor_failed(app.lang, &e)),
        },
        Action::Exported(result) => match result {
            Ok(path) => info(app, tr::exported(app.lang, &path)),
            Err(e) => error(app, tr::export_failed(app.lang, &e)),
        },
        Action::Created(result) => created(app, result),
        Action::Browsed {
            typed,
            complete,
            found,
        } => browsed(app, &typed, complete, found, &mut effects),
        Action::Unreadable(offer) => {
            app.dialog = Some(Dialog::Unreadable { offer, selected: 0 });
        }
        Action::Opened(result) => match result {
            Ok(mut doc) => {
                if let Some(Dialog::OpenFile(_)) = app.dialog {
                    app.dialog = None;
                }
                let copy = doc
                    .copied_from
                    .as_ref()
                    .map(|sample| tr::editing_copy(app.lang, sample, &doc.path));
                let notice = doc.notice.take();
                let access = doc.access.clone();
                app.open(*doc);
                let note: Vec<String> = copy.into_iter().chain(notice).collect();
                app.message = (!note.is_empty()).then(|| Message {
                    text: note.join(tr::sentence_gap(app.lang)),
                    error: false,
                    hint: false,
                });
                match access {
                    Access::ReadOnly(ReadOnly::Held(holder)) => {
                        app.dialog = Some(Dialog::LockHeld { holder });
                    }
                    Access::ReadOnly(why) => error(app, tr::read_only_refused(app.lang, &why)),
                    Access::Editing(_) => next_offer(app, &mut effects),
                }
            }
            Err(e) => {
                let text = tr::open_failed(app.lang, &e);
                match &mut app.dialog {
                    // Said in the dialog, which keeps what was typed.
                    Some(Dialog::OpenFile(open)) => open.error = Some(text),
                    _ => error(app, text),
                }
            }
        },
        Action::Recheck => {
            let today = app.today;
            if let Some(doc) = &mut app.doc
                && doc.checks_stale
            {
                doc.recheck(today);
            }
        }
        Action::Autosaved(result) => match result {
            Ok(()) => {
                if app.recovery_error.take().is_some() {
                    info(app, tr::recovery_written_again(app.lang).into());
                }
            }
            Err(e) => {
                let first = app.recovery_error.is_none();
                if first {
                    error(app, tr::recovery_failed(app.lang, &e));
                }
                app.recovery_error = Some(e);
            }
        },
        Action::ImportedOpened(result) => match result {
            Ok((doc, lines)) => {
                if let Some(Dialog::OpenFile(_)) = app.dialog {
                    app.dialog = None;
                }
                update(app, Action::Opened(Ok(doc)));
                // The recovery offer, or a draft held elsewhere, asks first; the summary after.
                if app.dialog.is_none() {
                    app.dialog = Some(Dialog::Imported { lines });
                }
            }
            Err(e) => {
                let text = tr::open_failed(app.lang, &e);
                match &mut app.dialog {
                    Some(Dialog::OpenFile(open)) => open.error = Some(text),
                    _ => error(app, text),
                }
            }
        },
        Action::CarriedOver(result) => match result {
            Ok((doc, lines)) => {
                app.open(*doc);
                app.dialog = Some(Dialog::Carried { lines });
            }
            Err(e) => {
                let text = tr::carry_failed(app.lang, &e);
                match &mut app.dialog {
                    Some(Dialog::FromLastYear { error, .. }) => *error = Some(text),
                    _ => error(app, text),
                }
            }
        },
        Action::LedgerRead { path, result } => ledger_read(app, path, result),
        Action::Listed(entries) => {
            app.entries = entries;
            let count = app.entries.len() + START_ITEMS;
            app.start.selected = app.start.selected.min(count - 1);
        }
        input => {
            if app.too_small() {
                if let Action::Command(Command::Quit) = input {
                    quit(app, &mut effects);
                }
                return effects;
            }
            input_action(app, input, &mut effects);
        }
    }
    keep_in_view(app);
    effects
}

pub(super) fn input_action(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    // A new key replaces the last message, unless it is the message's own answer.
    if !matches!(input, Action::Mouse(_)) {
        app.message = None;
    }
    if app.help {
        if let Action::Command(Command::Cancel | Command::Help) = input {
            app.help = false;
        }
        return;
    }
    if let Action::Command(Command::Help) = input {
        app.help = true;
        return;
    }
    // Tab stopped at a table's end until another key moves on or away (typed figures are
    // refused meanwhile, and Tab again goes on).
    if !matches!(
        input,
        Action::Char(_) | Action::Paste(_) | Action::Command(Command::NextField)
    ) {
        app.table_end = None;
    }
    if app.dialog.is_some() {
        dialog(app, input, effects);
        return;
    }
    match app.screen {
        Screen::Start => start_screen(app, input, effects),
        Screen::Editor => editor(app, input, effects),
    }
}

pub(super) fn info(app: &mut App, text: String) {
    app.message = Some(Message {
        text,
        error: false,
        hint: false,
    });
}

/// What a key did not do and what to press instead: drawn neither as done nor as an error.
pub(super) fn hint(app: &mut App, text: String) {
    app.message = Some(Message {
        text,
        error: false,
        hint: true,
    });
}

pub(super) fn error(app: &mut App, text: String) {
    app.message = Some(Message {
        text,
        error: true,
        hint: false,
    });
}

pub(super) fn quit(app: &mut App, effects: &mut Vec<Effect>) {
    let dirty = app.doc.as_ref().is_some_and(Doc::is_dirty);
    if dirty && let Some(why) = &app.recovery_error {
        // Leaving would lose the work: no promise of a recovery file that is not there.
        app.dialog = Some(Dialog::ConfirmQuitUnkept { why: why.clone() });
    } else if dirty {
        app.dialog = Some(Dialog::ConfirmQuit);
    } else {
        app.quit = true;
        effects.push(Effect::Quit);
    }
}

pub(super) fn saved(
    app: &mut App,
    result: Result<Box<Draft>, crate::facts::SaveFailed>,
    then_quit: bool,
    effects: &mut Vec<Effect>,
) {
    let lang = app.lang;
    let Some(doc) = &mut app.doc else { return };
    match result {
        Ok(draft) => {
            doc.saved = *draft;
            let text = tr::saved(lang, &doc.path);
            info(app, text);
            if then_quit {
                app.quit = true;
                effects.push(Effect::Quit);
            }
        }
        Err(e) => {
            // The runtime has just tried to write the recovery file: claim it only if that
            // worked (a failure came first, as `Autosaved`).
            let kept = !doc.is_read_only() && doc.is_dirty() && app.recovery_error.is_none();
            let recovery = kept.then(|| app.recovery.path_for(&doc.path));
            error(app, tr::save_failed(lang, &e, recovery.as_deref()));
        }
    }
}

/// 新建报告 came back: the draft opened, or the dialog says why not, keeping what was typed.
fn created(app: &mut App, result: Result<Box<Doc>, crate::tui::action::CreateRefused>) {
    use crate::tui::action::CreateRefused;
    let refusal = match result {
        Ok(doc) => {
            if let Some(Dialog::NewReport { .. }) = app.dialog {
                app.dialog = None;
            }
            update(app, Action::Opened(Ok(doc)));
            return;
        }
        Err(refusal) => refusal,
    };
    let lang = app.lang;
    let text = tr::create_refused(lang, &refusal);
    match &mut app.dialog {
        Some(Dialog::NewReport {
            error,
            existing,
            focus,
            agency,
            ..
        }) => {
            *error = Some(text);
            if let CreateRefused::Exists(path) = refusal {
                *existing = Some(path);
                // The name is where a change makes another file.
                *focus = 0;
                agency.end();
            }
        }
        _ => error(app, text),
    }
}
