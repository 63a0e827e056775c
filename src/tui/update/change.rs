//! The change point: every change to the draft goes through `change`, which records its undo
//! step (in `tui::history`) and marks the draft for checking again.

use super::{
    App, Draft, Page, Place, PlaceFocus, SectionKind, Template, commit_cell, current_prose,
    current_table_key, enter_page, focus_form_field, info, pages, text, tr,
};

/// Where the focus is, for undo.
pub(super) fn place(app: &App) -> Place {
    let focus = match app.current_page() {
        Some(Page::Meta) => PlaceFocus::Field(app.form.field),
        Some(Page::Section(i)) => match app.doc.as_ref().map(|d| &d.template.sections[i]) {
            Some(s) if s.kind == SectionKind::Prose => {
                PlaceFocus::Caret(app.prose.get(&s.key).map_or(0, |p| p.caret))
            }
            Some(s) => {
                let f = app.tables.get(&s.key).copied().unwrap_or_default();
                PlaceFocus::Cell {
                    row: f.row,
                    col: f.col,
                }
            }
            None => PlaceFocus::Item(0),
        },
        Some(Page::Review) => PlaceFocus::Item(app.review.selected),
        _ => PlaceFocus::Item(0),
    };
    Place {
        page: app.page,
        focus,
    }
}

/// Changes the draft: remembered for undo (in `group`, if typing goes on), then checked again.
/// Whether the draft changed.
pub(super) fn change(app: &mut App, group: Option<String>, f: impl FnOnce(&mut Draft)) -> bool {
    let here = place(app);
    let today = app.today;
    let Some(doc) = &mut app.doc else {
        return false;
    };
    // Read-only viewing never changes the draft (the keys that would are refused earlier,
    // with a message; this is the last guard).
    if doc.is_read_only() {
        return false;
    }
    let mut next = doc.draft.clone();
    f(&mut next);
    if next == doc.draft {
        return false;
    }
    doc.history.record(&doc.draft, here, group);
    doc.draft = next;
    doc.changed(today);
    true
}

/// Remembers where the last change left the focus (as it is now), for redo.
pub(super) fn changed_to_here(app: &mut App) {
    let here = place(app);
    if let Some(doc) = &mut app.doc {
        doc.history.set_after(here);
    }
}

pub(super) fn undo_redo(app: &mut App, redo: bool) {
    commit_cell(app, true);
    let today = app.today;
    let lang = app.lang;
    let Some(doc) = &mut app.doc else { return };
    let step = if redo {
        doc.history.redo(&doc.draft)
    } else {
        doc.history.undo(&doc.draft)
    };
    let Some((draft, place)) = step else {
        let text = if redo {
            tr::nothing_to_redo(lang)
        } else {
            tr::nothing_to_undo(lang)
        };
        info(app, text);
        return;
    };
    doc.draft = draft;
    if let Some(t) = Template::builtin(&doc.draft.template) {
        doc.template = t;
    }
    doc.changed(today);
    let template = doc.template;
    if app.pages != pages(template) {
        app.pages = pages(template);
        app.tables.clear();
    }
    // Straight to the page of the change: nothing half-typed is committed on the way (a year
    // typed in the form would otherwise ask its question again).
    app.cell = None;
    app.page = place.page.min(app.pages.len() - 1);
    enter_page(app);
    match place.focus {
        PlaceFocus::Cell { row, col } => {
            if let Some(key) = current_table_key(app) {
                let f = app.tables.entry(key).or_default();
                f.row = row;
                f.col = col;
            }
        }
        PlaceFocus::Caret(c) => {
            if let Some((key, text)) = current_prose(app) {
                let caret = text::floor_boundary(&text, c);
                let focus = app.prose.entry(key).or_default();
                focus.caret = caret;
                focus.line_end = false;
            }
        }
        PlaceFocus::Field(i) => focus_form_field(app, i),
        PlaceFocus::Item(i) => app.review.selected = i,
    }
    let text = if redo {
        tr::redone(app.lang)
    } else {
        tr::undone(app.lang)
    };
    info(app, text);
}
