//! `update`: the one place the editor's state changes. It applies an action and returns the
//! effects (save, export, quit, open an editor…) for the runtime to carry out.
//!
//! Totals and checks are never computed here: after every change the core's `check` is asked
//! again, and the screen shows its answer.

mod dialog;
mod editor;
mod export;
mod form;
mod history;
mod mouse;
mod prose;
mod review;
mod scroll;
mod start;
mod table;

use super::action::{Action, Command, Effect, Mouse};
use super::app::{
    App, CellEdit, Dialog, Doc, FormField, ListEntry, Message, Page, Place, PlaceFocus, ProseFocus,
    Screen, TableFocus, form_fields, pages,
};
use super::layout::{self, TableLine};
use super::text::{self, Field};
use crate::check::{Finding, Severity, codes, section_of};
use crate::i18n::tui as tr;
use crate::report::number::{InputError, MAX_PLACES, normalize_char};
use crate::report::{AgencyKind, Draft, Number};
use crate::template::{Kind, SectionKind, Table, Template};
use dialog::*;
pub use editor::*;
use export::*;
use form::*;
use history::*;
pub use mouse::*;
pub use prose::*;
pub use review::*;
use scroll::*;
pub use start::*;
pub use table::*;

/// Applies an action to the editor.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    match action {
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
        }
        Action::Saved { result, then_quit } => saved(app, result, then_quit, &mut effects),
        Action::EditorDone { section, result } => match result {
            Ok(text) => {
                let key = section.clone();
                change(app, None, move |d| {
                    d.text.insert(key, text.trim_end_matches('\n').to_string());
                });
                if let Some(doc) = &app.doc {
                    let len = doc.draft.text(&section).len();
                    app.prose.entry(section).or_default().caret = len;
                }
            }
            Err(e) => error(app, tr::editor_failed(app.lang, &e)),
        },
        Action::Exported(result) => match result {
            Ok(path) => info(app, tr::exported(app.lang, &path)),
            Err(e) => error(app, tr::export_failed(app.lang, &e)),
        },
        Action::Opened(result) => match result {
            Ok(doc) => {
                let note = doc
                    .copied_from
                    .as_ref()
                    .map(|sample| tr::editing_copy(app.lang, sample, &doc.path));
                app.open(*doc);
                app.message = note.map(|text| Message { text, error: false });
            }
            Err(e) => error(app, e),
        },
        Action::CarriedOver(result) => match result {
            Ok((doc, lines)) => {
                app.open(*doc);
                app.dialog = Some(Dialog::Carried { lines });
            }
            Err(e) => match &mut app.dialog {
                Some(Dialog::FromLastYear { error, .. }) => *error = Some(e),
                _ => error(app, e),
            },
        },
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
    if app.dialog.is_some() {
        dialog(app, input, effects);
        return;
    }
    if let Action::Command(Command::Help) = input {
        app.help = true;
        return;
    }
    match app.screen {
        Screen::Start => start_screen(app, input, effects),
        Screen::Editor => editor(app, input, effects),
    }
}

pub(super) fn info(app: &mut App, text: String) {
    app.message = Some(Message { text, error: false });
}

pub(super) fn error(app: &mut App, text: String) {
    app.message = Some(Message { text, error: true });
}

pub(super) fn quit(app: &mut App, effects: &mut Vec<Effect>) {
    if app.doc.as_ref().is_some_and(Doc::is_dirty) {
        app.dialog = Some(Dialog::ConfirmQuit);
    } else {
        app.quit = true;
        effects.push(Effect::Quit);
    }
}

pub(super) fn saved(
    app: &mut App,
    result: Result<Box<Draft>, String>,
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
        Err(e) => error(app, tr::save_failed(lang, &e)),
    }
}
