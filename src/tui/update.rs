//! `update`: the one place the editor's state changes. It applies an action and returns the
//! effects (save, export, quit, open an editor…) for the runtime to carry out.
//!
//! Totals and checks are never computed here: after every change the core's `check` is asked
//! again, and the screen shows its answer.

use super::action::{Action, Command, Effect, Mouse};
use super::app::{
    App, CellEdit, Dialog, Doc, FormField, Message, Page, Place, PlaceFocus, ProseFocus, Screen,
    TableFocus, form_fields, pages, run_checks,
};
use super::layout::{self, TableLine};
use super::text::{self, Field};
use crate::check::{Finding, Severity, codes, section_of};
use crate::i18n::tui as tr;
use crate::report::number::{InputError, MAX_PLACES, normalize_char};
use crate::report::{Acknowledgement, AgencyKind, Draft, Number};
use crate::template::{Kind, SectionKind, Table, Template};

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

fn input_action(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
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

fn info(app: &mut App, text: String) {
    app.message = Some(Message { text, error: false });
}

fn error(app: &mut App, text: String) {
    app.message = Some(Message { text, error: true });
}

fn quit(app: &mut App, effects: &mut Vec<Effect>) {
    if app.doc.as_ref().is_some_and(Doc::is_dirty) {
        app.dialog = Some(Dialog::ConfirmQuit);
    } else {
        app.quit = true;
        effects.push(Effect::Quit);
    }
}

fn saved(
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

// ---------------------------------------------------------------- changes and undo

/// Where the focus is, for undo.
fn place(app: &App) -> Place {
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
fn change(app: &mut App, group: Option<String>, f: impl FnOnce(&mut Draft)) {
    let here = place(app);
    let today = app.today;
    let Some(doc) = &mut app.doc else { return };
    let mut next = doc.draft.clone();
    f(&mut next);
    if next == doc.draft {
        return;
    }
    doc.history.record(&doc.draft, here, group);
    doc.draft = next;
    doc.outcome = run_checks(doc.template, &doc.draft, today);
}

fn undo_redo(app: &mut App, redo: bool) {
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
    doc.outcome = run_checks(doc.template, &doc.draft, today);
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
                app.prose.entry(key).or_default().caret = caret;
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

// ---------------------------------------------------------------- start screen

/// 新建报告 and 打开文件 come before the drafts in the start list.
pub const START_ITEMS: usize = 2;

fn start_screen(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let count = app.entries.len() + START_ITEMS;
    match input {
        Action::Command(Command::Up) => app.start.selected = app.start.selected.saturating_sub(1),
        Action::Command(Command::Down) => {
            app.start.selected = (app.start.selected + 1).min(count - 1);
        }
        Action::Command(Command::Quit) => quit(app, effects),
        Action::Command(Command::NewReport) => app.dialog = Some(new_report_dialog(app, None)),
        Action::Command(Command::OpenFile) => {
            app.dialog = Some(Dialog::OpenFile {
                path: Field::default(),
            });
        }
        Action::Command(Command::Enter) => match app.start.selected {
            0 => app.dialog = Some(new_report_dialog(app, None)),
            1 => {
                app.dialog = Some(Dialog::OpenFile {
                    path: Field::default(),
                });
            }
            i => {
                if let Some(entry) = app.entries.get(i - START_ITEMS) {
                    match &entry.problem {
                        Some(p) => error(app, p.clone()),
                        None => effects.push(Effect::Open(entry.path.clone())),
                    }
                }
            }
        },
        Action::Mouse(Mouse::Click { y, .. }) => {
            if let Some(i) = start_item_at(app, y) {
                if i == app.start.selected {
                    start_screen(app, Action::Command(Command::Enter), effects);
                } else {
                    app.start.selected = i;
                }
            }
        }
        Action::Mouse(Mouse::ScrollDown { .. }) => {
            app.start.selected = (app.start.selected + 3).min(count - 1);
        }
        Action::Mouse(Mouse::ScrollUp { .. }) => {
            app.start.selected = app.start.selected.saturating_sub(3);
        }
        _ => {}
    }
}

/// The start list begins on this screen row.
pub const START_LIST_TOP: u16 = 4;

fn start_item_at(app: &App, y: u16) -> Option<usize> {
    let i = usize::from(y.checked_sub(START_LIST_TOP)?) + app.start.scroll;
    (i < app.entries.len() + START_ITEMS).then_some(i)
}

/// The 新建报告 form; the year offered is last year's (reports are written in January).
pub fn new_report_dialog(app: &App, path: Option<std::path::PathBuf>) -> Dialog {
    let year = app
        .today
        .map_or(2025, |d| i32::from(d.year()) - 1)
        .to_string();
    Dialog::NewReport {
        agency: Field::default(),
        year: Field::new(&year),
        kind: AgencyKind::Department,
        focus: 0,
        path,
        error: None,
    }
}

// ---------------------------------------------------------------- dialogs

fn dialog(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(mut d) = app.dialog.take() else {
        return;
    };
    let mut keep = true;
    match &mut d {
        Dialog::ConfirmQuit => match input {
            Action::Command(Command::Yes) => {
                keep = false;
                effects.push(Effect::Save { then_quit: true });
            }
            Action::Command(Command::No) => {
                keep = false;
                app.quit = true;
                effects.push(Effect::Quit);
            }
            Action::Command(Command::Cancel) => keep = false,
            _ => {}
        },
        Dialog::ConfirmYear { year, template, .. } => match input {
            Action::Command(Command::Yes) => {
                keep = false;
                let (year, id) = (*year, template.clone());
                switch_year(app, year, &id);
            }
            Action::Command(Command::No | Command::Cancel) => {
                keep = false;
                // The year stays as it was.
                let i = app.form.field;
                focus_form_field(app, i);
                info(app, tr::year_kept(lang));
            }
            _ => {}
        },
        Dialog::Reason { code, cell, field } => match input {
            Action::Command(Command::Enter) => {
                let reason = field.text.trim().to_string();
                if reason.is_empty() {
                    error(app, tr::reason_needed(lang).into());
                } else {
                    keep = false;
                    let (code, cell) = (*code, cell.clone());
                    change(app, None, move |d| {
                        d.acknowledged
                            .retain(|a| !(a.code == code && a.cell == cell));
                        d.acknowledged.push(Acknowledgement {
                            code: code.to_string(),
                            cell,
                            reason,
                        });
                    });
                    info(app, tr::acknowledged(lang));
                }
            }
            Action::Command(Command::Cancel) => keep = false,
            other => edit_field(field, other),
        },
        Dialog::OpenFile { path } => match input {
            Action::Command(Command::Enter) => {
                let p = path.text.trim();
                if !p.is_empty() {
                    keep = false;
                    effects.push(Effect::Open(expand_home(p)));
                }
            }
            Action::Command(Command::Cancel) => keep = false,
            other => edit_field(path, other),
        },
        Dialog::NewReport {
            agency,
            year,
            kind,
            focus,
            path,
            error: problem,
        } => match input {
            Action::Command(Command::Enter) => match new_report(app, agency, year, *kind, path) {
                Ok(effect) => {
                    keep = false;
                    effects.push(effect);
                }
                Err(e) => *problem = Some(e),
            },
            Action::Command(Command::Cancel) => keep = false,
            Action::Command(Command::NextField | Command::Down) => *focus = (*focus + 1) % 3,
            Action::Command(Command::PrevField | Command::Up) => *focus = (*focus + 2) % 3,
            Action::Command(Command::Left | Command::Right) | Action::Char(' ') if *focus == 2 => {
                *kind = toggle_kind(*kind);
            }
            other => match focus {
                0 => edit_field(agency, other),
                1 => {
                    if let Action::Char(c) = other {
                        if let Some(d) = normalize_char(c).filter(char::is_ascii_digit) {
                            year.insert(d);
                        }
                    } else {
                        edit_field(year, other);
                    }
                }
                _ => {}
            },
        },
    }
    if keep && app.dialog.is_none() {
        app.dialog = Some(d);
    }
}

fn toggle_kind(kind: AgencyKind) -> AgencyKind {
    match kind {
        AgencyKind::Department => AgencyKind::Government,
        AgencyKind::Government => AgencyKind::Department,
    }
}

fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

fn new_report(
    app: &App,
    agency: &Field,
    year: &Field,
    kind: AgencyKind,
    path: &Option<std::path::PathBuf>,
) -> Result<Effect, String> {
    let name = agency.text.trim();
    if name.is_empty() {
        return Err(tr::agency_needed(app.lang).into());
    }
    let this_year = app.today.map_or(2026, |d| i32::from(d.year()));
    let year: i32 = year
        .text
        .parse()
        .map_err(|_| tr::year_invalid(app.lang).to_string())?;
    let first = Template::all()
        .iter()
        .map(|t| t.first_year)
        .min()
        .unwrap_or(2019);
    if year < first || year > this_year + 1 || Template::for_year(year).is_none() {
        return Err(crate::i18n::year_refused(
            app.lang,
            year,
            first,
            this_year + 1,
        ));
    }
    let path = path.clone().unwrap_or_else(|| {
        app.drafts_dir
            .join(crate::paths::draft_file_name(name, year))
    });
    Ok(Effect::Create {
        path,
        agency: name.to_string(),
        year,
        kind,
    })
}

/// Typing in a one-line field.
fn edit_field(field: &mut Field, input: Action) {
    match input {
        Action::Char(c) => field.insert(c),
        Action::Paste(s) => field.insert_str(&s),
        Action::Command(Command::Backspace) => {
            field.backspace();
        }
        Action::Command(Command::Delete) => {
            field.delete();
        }
        Action::Command(Command::Left) => field.left(),
        Action::Command(Command::Right) => field.right(),
        Action::Command(Command::Home) => field.home(),
        Action::Command(Command::End) => field.end(),
        _ => {}
    }
}

// ---------------------------------------------------------------- the editor

fn editor(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    if let Action::Command(cmd) = &input {
        match cmd {
            Command::Save => {
                if commit_cell(app, false) {
                    commit_form(app);
                    effects.push(Effect::Save { then_quit: false });
                }
                return;
            }
            Command::Quit => {
                commit_cell(app, true);
                commit_form(app);
                if app.dialog.is_none() {
                    quit(app, effects);
                }
                return;
            }
            Command::Undo => return undo_redo(app, false),
            Command::Redo => return undo_redo(app, true),
            Command::NextSection => {
                let next = (app.page + 1).min(app.pages.len() - 1);
                return go_to_page(app, next);
            }
            Command::PrevSection => return go_to_page(app, app.page.saturating_sub(1)),
            Command::NextField => return next_field(app, true),
            Command::PrevField => return next_field(app, false),
            Command::NextBlank => return next_blank(app),
            _ => {}
        }
    }
    if let Action::Mouse(m) = input {
        return mouse(app, m, effects);
    }
    match app.current_page() {
        Some(Page::Meta) => form(app, input),
        Some(Page::Section(i)) => {
            let kind = app.doc.as_ref().map(|d| d.template.sections[i].kind);
            match kind {
                Some(SectionKind::Prose) => prose(app, input, effects),
                Some(SectionKind::Table) => table(app, input),
                None => {}
            }
        }
        Some(Page::Review) => review(app, input),
        Some(Page::Export) => export(app, input, effects),
        None => {}
    }
}

/// Leaves the current page (finishing any edit) and enters another.
pub fn go_to_page(app: &mut App, page: usize) {
    commit_cell(app, true);
    commit_form(app);
    if app.dialog.is_some() {
        return;
    }
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
    app.page = page.min(app.pages.len().saturating_sub(1));
    enter_page(app);
}

/// Sets up the focus of the page entered.
pub fn enter_page(app: &mut App) {
    match app.current_page() {
        Some(Page::Meta) => {
            let i = app.form.field;
            focus_form_field(app, i);
        }
        Some(Page::Section(_)) => {
            if let Some(key) = current_table_key(app) {
                let focus = app.tables.get(&key).copied();
                if focus.is_none() {
                    let first = table_fields(app).first().copied().unwrap_or((0, 0));
                    app.tables.insert(
                        key,
                        TableFocus {
                            row: first.0,
                            col: first.1,
                            scroll: 0,
                        },
                    );
                }
            }
        }
        Some(Page::Export) if app.export.path.text.is_empty() || !app.export.path_edited => {
            app.export.path = Field::new(&default_export_path(app));
        }
        _ => {}
    }
}

/// Fields of the current page in report order, as (page-specific) indices for Tab.
fn field_count(app: &App) -> usize {
    match app.current_page() {
        Some(Page::Meta) => app
            .doc
            .as_ref()
            .map_or(0, |d| form_fields(d.template).len()),
        Some(Page::Section(_)) if current_table_key(app).is_some() => table_fields(app).len(),
        Some(Page::Export) => 4,
        _ => 1,
    }
}

fn field_index(app: &App) -> usize {
    match app.current_page() {
        Some(Page::Meta) => app.form.field,
        Some(Page::Section(_)) => match current_table_focus(app) {
            Some(f) => table_fields(app)
                .iter()
                .position(|&(r, c)| r == f.row && c == f.col)
                .unwrap_or(0),
            None => 0,
        },
        Some(Page::Export) => app.export.field,
        _ => 0,
    }
}

fn set_field_index(app: &mut App, i: usize) {
    match app.current_page() {
        Some(Page::Meta) => focus_form_field(app, i),
        Some(Page::Section(_)) => {
            if let Some(&(row, col)) = table_fields(app).get(i)
                && let Some(key) = current_table_key(app)
            {
                let f = app.tables.entry(key).or_default();
                f.row = row;
                f.col = col;
            }
        }
        Some(Page::Export) => app.export.field = i,
        _ => {}
    }
}

/// Tab and Shift-Tab: field to field in report order, and on across sections.
fn next_field(app: &mut App, forward: bool) {
    if !commit_cell(app, false) {
        return;
    }
    if app.current_page() == Some(Page::Meta) {
        commit_form(app);
        if app.dialog.is_some() {
            return;
        }
    }
    let count = field_count(app);
    let i = field_index(app);
    if forward && i + 1 < count {
        set_field_index(app, i + 1);
    } else if !forward && i > 0 {
        set_field_index(app, i - 1);
    } else {
        let n = app.pages.len();
        let page = if forward {
            (app.page + 1) % n
        } else {
            (app.page + n - 1) % n
        };
        go_to_page(app, page);
        let count = field_count(app);
        set_field_index(app, if forward { 0 } else { count.saturating_sub(1) });
    }
}

/// The next blank cell (or 信息处理费 figure) after the focus, anywhere in the report.
fn next_blank(app: &mut App) {
    if !commit_cell(app, false) {
        return;
    }
    let Some(doc) = &app.doc else { return };
    let template = doc.template;
    // Every fillable spot in report order: (page, field index, blank?).
    let mut spots: Vec<(usize, usize, bool)> = Vec::new();
    for (p, page) in app.pages.iter().enumerate() {
        match page {
            Page::Meta => {
                for (i, f) in form_fields(template).iter().enumerate() {
                    if let FormField::Fee(k) = f {
                        let blank = !doc.draft.fees.contains_key(&template.fees[*k].key);
                        spots.push((p, i, blank));
                    }
                }
            }
            Page::Section(s) => {
                if let Some(table) = template.table(&template.sections[*s].key) {
                    for (i, (row, col)) in input_positions(table).iter().enumerate() {
                        let key = cell_key(table, *row, *col);
                        spots.push((p, i, !doc.draft.cells.contains_key(&key)));
                    }
                }
            }
            _ => {}
        }
    }
    let here = (app.page, field_index(app));
    let start = spots
        .iter()
        .position(|&(p, i, _)| (p, i) > here)
        .unwrap_or(0);
    let found = spots[start..]
        .iter()
        .chain(spots[..start].iter())
        .find(|s| s.2)
        .copied();
    match found {
        Some((p, i, _)) => {
            if p != app.page {
                go_to_page(app, p);
            }
            if p == app.page {
                set_field_index(app, i);
            }
        }
        None => info(app, tr::no_blanks(app.lang).into()),
    }
}

// ---------------------------------------------------------------- tables

/// The key of the table on the current page.
pub fn current_table_key(app: &App) -> Option<String> {
    let s = app.section(app.current_page()?)?;
    (s.kind == SectionKind::Table).then(|| s.key.clone())
}

fn current_table(app: &App) -> Option<&'static Table> {
    let key = current_table_key(app)?;
    app.doc.as_ref()?.template.table(&key)
}

fn current_table_focus(app: &App) -> Option<TableFocus> {
    app.tables.get(&current_table_key(app)?).copied()
}

pub fn cell_key(table: &Table, row: usize, col: usize) -> String {
    let Some((block, row)) = table.rows().nth(row) else {
        return String::new();
    };
    let column = &block.columns[col.min(block.columns.len() - 1)];
    format!("{}.{}.{}", table.key, row.key, column.key)
}

/// Whether (row, col) of a table is a cell a person types.
pub fn is_input(table: &Table, row: usize, col: usize) -> bool {
    table.rows().nth(row).is_some_and(|(block, r)| {
        r.sum.is_none() && block.columns.get(col).is_some_and(|c| c.sum.is_none())
    })
}

/// The typed cells of a table in report order, as (row, column).
pub fn input_positions(table: &Table) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, (block, _)) in table.rows().enumerate() {
        for j in 0..block.columns.len() {
            if is_input(table, i, j) {
                out.push((i, j));
            }
        }
    }
    out
}

fn table_fields(app: &App) -> Vec<(usize, usize)> {
    current_table(app).map(input_positions).unwrap_or_default()
}

fn table(app: &mut App, input: Action) {
    let Some(table) = current_table(app) else {
        return;
    };
    let Some(focus) = current_table_focus(app) else {
        return;
    };
    let key = cell_key(table, focus.row, focus.col);
    let kind = table
        .rows()
        .nth(focus.row)
        .map_or(Kind::Count, |(b, _)| b.columns[focus.col].kind);
    if app.cell.is_some() {
        return cell_editing(app, table, input);
    }
    match input {
        Action::Char(c) => {
            start_edit(app, &key, kind, false);
            type_in_cell(app, c);
        }
        Action::Paste(s) => {
            start_edit(app, &key, kind, false);
            for c in s.trim().chars() {
                type_in_cell(app, c);
            }
        }
        Action::Command(cmd) => match cmd {
            Command::Enter => start_edit(app, &key, kind, true),
            Command::Backspace => {
                start_edit(app, &key, kind, true);
                cell_editing(app, table, Action::Command(Command::Backspace));
            }
            Command::Delete => {
                let k = key.clone();
                change(app, None, move |d| {
                    d.cells.remove(&k);
                });
            }
            Command::Up
            | Command::Down
            | Command::Left
            | Command::Right
            | Command::Home
            | Command::End => move_in_table(app, table, cmd),
            Command::FillZeros => fill_zeros(app, table),
            Command::CycleUnit => cycle_unit(app, table, focus),
            _ => {}
        },
        _ => {}
    }
}

fn start_edit(app: &mut App, key: &str, kind: Kind, keep: bool) {
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
    let original = app.doc.as_ref().and_then(|d| d.draft.cell(key));
    let text = match (keep, original) {
        (true, Some(n)) => n.to_string(),
        _ => String::new(),
    };
    app.cell = Some(CellEdit {
        key: key.to_string(),
        kind,
        field: Field::new(&text),
        original,
    });
}

fn cell_editing(app: &mut App, table: &'static Table, input: Action) {
    match input {
        Action::Char(c) => type_in_cell(app, c),
        Action::Paste(s) => {
            for c in s.trim().chars() {
                type_in_cell(app, c);
            }
        }
        Action::Command(cmd) => match cmd {
            Command::Backspace | Command::Delete => {
                if let Some(edit) = &mut app.cell {
                    if cmd == Command::Backspace {
                        edit.field.backspace();
                    } else {
                        edit.field.delete();
                    }
                }
                apply_cell(app);
            }
            Command::Home => {
                if let Some(edit) = &mut app.cell {
                    edit.field.home();
                }
            }
            Command::End => {
                if let Some(edit) = &mut app.cell {
                    edit.field.end();
                }
            }
            Command::Cancel => cancel_cell(app),
            Command::Enter
            | Command::Up
            | Command::Down
            | Command::Left
            | Command::Right
            | Command::FillZeros => {
                if !commit_cell(app, false) {
                    return;
                }
                match cmd {
                    // Enter confirms and goes down, as in a spreadsheet.
                    Command::Enter => move_in_table(app, table, Command::Down),
                    Command::FillZeros => fill_zeros(app, table),
                    other => move_in_table(app, table, other),
                }
            }
            _ => {}
        },
        _ => {}
    }
}

/// Checks one typed character against the cell's kind: it is taken, or refused with the
/// reason (never silently dropped).
fn accept_char(field: &Field, kind: Kind, c: char) -> Result<Option<char>, InputError> {
    let Some(c) = normalize_char(c) else {
        // Thousands separators are accepted and dropped.
        return Ok(None);
    };
    let before = &field.text[..field.caret];
    let has_point = field.text.contains('.');
    let digits_after_point = field.text.split_once('.').map_or(0, |(_, f)| f.len());
    match c {
        '0'..='9' => {
            if has_point && field.caret > field.text.find('.').unwrap_or(usize::MAX) {
                if digits_after_point >= MAX_PLACES as usize {
                    return Err(InputError::TooManyPlaces);
                }
            } else if field.text.chars().filter(char::is_ascii_digit).count() >= 12 {
                return Err(InputError::TooLarge);
            }
            Ok(Some(c))
        }
        '+' | '-' => {
            if kind != Kind::Signed {
                return Err(InputError::Negative);
            }
            if !before.is_empty() || field.text.starts_with(['+', '-']) {
                return Err(InputError::NotANumber);
            }
            Ok(Some(c))
        }
        '.' => match kind {
            Kind::Amount if !has_point => Ok(Some(c)),
            Kind::Amount => Err(InputError::NotANumber),
            _ => Err(InputError::NotWhole),
        },
        _ => Err(InputError::NotANumber),
    }
}

fn type_in_cell(app: &mut App, c: char) {
    let lang = app.lang;
    let Some(edit) = &mut app.cell else { return };
    match accept_char(&edit.field, edit.kind, c) {
        Ok(Some(c)) => edit.field.insert(c),
        Ok(None) => {}
        Err(e) => {
            let text = tr::refused_char(lang, c, e);
            return error(app, text);
        }
    }
    apply_cell(app);
}

/// Puts the value being typed in the draft as it is typed, so totals and the balance follow
/// every keystroke. Text that is not yet a number (a lone sign) leaves the cell as it was.
fn apply_cell(app: &mut App) {
    let Some(edit) = &app.cell else { return };
    let key = edit.key.clone();
    let group = Some(format!("cell:{key}"));
    match Number::parse_input(&edit.field.text, edit.kind) {
        Ok(n) => change(app, group, move |d| {
            d.cells.insert(key, n);
        }),
        Err(InputError::Empty) => change(app, group, move |d| {
            d.cells.remove(&key);
        }),
        Err(_) => {}
    }
}

/// Finishes typing in a cell. With `force`, text that is not a number is dropped (the cell
/// keeps its last good value); without, it stays open with a message. Returns whether the
/// edit is finished.
fn commit_cell(app: &mut App, force: bool) -> bool {
    let Some(edit) = &app.cell else { return true };
    match Number::parse_input(&edit.field.text, edit.kind) {
        Ok(_) | Err(InputError::Empty) => {
            apply_cell(app);
            app.cell = None;
        }
        Err(e) if !force => {
            let text = tr::invalid_cell(app.lang, e);
            error(app, text);
            return false;
        }
        Err(_) => app.cell = None,
    }
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
    true
}

fn cancel_cell(app: &mut App) {
    let Some(edit) = app.cell.take() else { return };
    let today = app.today;
    if let Some(doc) = &mut app.doc {
        match edit.original {
            Some(n) => doc.draft.cells.insert(edit.key, n),
            None => doc.draft.cells.remove(&edit.key),
        };
        doc.history.drop_if_same(&doc.draft);
        doc.history.seal();
        doc.outcome = run_checks(doc.template, &doc.draft, today);
    }
}

fn move_in_table(app: &mut App, table: &'static Table, cmd: Command) {
    let Some(key) = current_table_key(app) else {
        return;
    };
    let Some(mut f) = app.tables.get(&key).copied() else {
        return;
    };
    let rows: Vec<usize> = table
        .rows()
        .enumerate()
        .filter(|(i, (block, _))| (0..block.columns.len()).any(|c| is_input(table, *i, c)))
        .map(|(i, _)| i)
        .collect();
    let cols_of = |row: usize| -> Vec<usize> {
        let n = table.rows().nth(row).map_or(0, |(b, _)| b.columns.len());
        (0..n).filter(|c| is_input(table, row, *c)).collect()
    };
    let nearest = |row: usize, col: usize| -> usize {
        let cols = cols_of(row);
        cols.iter()
            .copied()
            .min_by_key(|c| c.abs_diff(col))
            .unwrap_or(0)
    };
    let at = rows.iter().position(|&r| r == f.row).unwrap_or(0);
    match cmd {
        Command::Up if at > 0 => {
            f.row = rows[at - 1];
            f.col = nearest(f.row, f.col);
        }
        Command::Down if at + 1 < rows.len() => {
            f.row = rows[at + 1];
            f.col = nearest(f.row, f.col);
        }
        Command::Left => {
            if let Some(&c) = cols_of(f.row).iter().rev().find(|&&c| c < f.col) {
                f.col = c;
            }
        }
        Command::Right => {
            if let Some(&c) = cols_of(f.row).iter().find(|&&c| c > f.col) {
                f.col = c;
            }
        }
        Command::Home => f.col = cols_of(f.row).first().copied().unwrap_or(0),
        Command::End => f.col = cols_of(f.row).last().copied().unwrap_or(0),
        _ => {}
    }
    app.tables.insert(key, f);
}

/// Fills every blank typed cell of the table with 0, as one undoable step.
fn fill_zeros(app: &mut App, table: &'static Table) {
    let Some(doc) = &app.doc else { return };
    let blanks: Vec<(String, Kind)> = table
        .input_cells()
        .filter(|c| !doc.draft.cells.contains_key(&c.key()))
        .map(|c| (c.key(), c.column.kind))
        .collect();
    if blanks.is_empty() {
        return info(app, tr::no_blanks_here(app.lang).into());
    }
    let n = blanks.len();
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
    change(app, None, move |d| {
        for (key, kind) in blanks {
            d.cells.insert(key, Number::zero(kind));
        }
    });
    info(app, tr::filled_zeros(app.lang, n));
}

fn cycle_unit(app: &mut App, table: &'static Table, focus: TableFocus) {
    let Some((block, _)) = table.rows().nth(focus.row) else {
        return;
    };
    let units = &block.columns[focus.col].units;
    if units.is_empty() {
        return info(app, tr::no_unit(app.lang).into());
    }
    let key = cell_key(table, focus.row, focus.col);
    let current = app
        .doc
        .as_ref()
        .and_then(|d| d.draft.units.get(&key).cloned());
    let next = match current.and_then(|u| units.iter().position(|x| *x == u)) {
        Some(i) => units[(i + 1) % units.len()].clone(),
        None => units[0].clone(),
    };
    change(app, None, move |d| {
        d.units.insert(key, next);
    });
}

// ---------------------------------------------------------------- prose

fn current_prose(app: &App) -> Option<(String, String)> {
    let s = app.section(app.current_page()?)?;
    (s.kind == SectionKind::Prose).then(|| {
        let text = app
            .doc
            .as_ref()
            .map_or(String::new(), |d| d.draft.text(&s.key).to_string());
        (s.key.clone(), text)
    })
}

fn prose(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let Some((key, text)) = current_prose(app) else {
        return;
    };
    let mut focus = app.prose.get(&key).copied().unwrap_or_default();
    focus.caret = text::floor_boundary(&text, focus.caret);
    let width = layout::areas(app.width, app.height).content.width;
    let group = Some(format!("prose:{key}"));
    let insert = |app: &mut App, s: &str, caret: &mut usize, group: Option<String>| {
        let (k, at, s2) = (key.clone(), *caret, s.to_string());
        change(app, group, move |d| {
            let t = d.text.entry(k).or_default();
            t.insert_str(at, &s2);
        });
        *caret += s.len();
    };
    match input {
        Action::Char(c) => insert(app, &c.to_string(), &mut focus.caret, group),
        Action::Paste(s) => {
            let s = s.replace("\r\n", "\n").replace('\r', "\n");
            if let Some(doc) = &mut app.doc {
                doc.history.seal();
            }
            insert(app, &s, &mut focus.caret, None);
        }
        Action::Command(cmd) => match cmd {
            Command::Newline => {
                if let Some(doc) = &mut app.doc {
                    doc.history.seal();
                }
                insert(app, "\n", &mut focus.caret, group);
            }
            Command::Backspace => {
                if let Some(p) = text::prev_boundary(&text, focus.caret) {
                    let (k, at) = (key.clone(), focus.caret);
                    change(app, group, move |d| {
                        d.text.entry(k).or_default().replace_range(p..at, "");
                    });
                    focus.caret = p;
                }
            }
            Command::Delete => {
                if let Some(n) = text::next_boundary(&text, focus.caret) {
                    let (k, at) = (key.clone(), focus.caret);
                    change(app, group, move |d| {
                        d.text.entry(k).or_default().replace_range(at..n, "");
                    });
                }
            }
            Command::Left => {
                seal(app);
                focus.caret = text::prev_boundary(&text, focus.caret).unwrap_or(0);
            }
            Command::Right => {
                seal(app);
                focus.caret = text::next_boundary(&text, focus.caret).unwrap_or(focus.caret);
            }
            Command::Up | Command::Down | Command::Home | Command::End => {
                seal(app);
                let lines = layout::prose_lines(&text, width);
                let (line, col) = text::caret_position(&text, &lines, focus.caret);
                focus.caret = match cmd {
                    Command::Up if line > 0 => text::offset_at_column(&text, lines[line - 1], col),
                    Command::Up => 0,
                    Command::Down if line + 1 < lines.len() => {
                        text::offset_at_column(&text, lines[line + 1], col)
                    }
                    Command::Down => text.len(),
                    Command::Home => lines[line].start,
                    _ => lines[line].end,
                };
            }
            Command::ExternalEditor => {
                seal(app);
                effects.push(Effect::ExternalEditor {
                    section: key.clone(),
                    text: text.clone(),
                });
            }
            Command::InsertOutline => {
                let outline = app
                    .doc
                    .as_ref()
                    .and_then(|d| d.template.section(&key))
                    .map(|s| s.outline.clone())
                    .unwrap_or_default();
                if outline.is_empty() {
                    info(app, tr::no_outline(app.lang).into());
                } else if !text.trim().is_empty() {
                    info(app, tr::outline_only_when_empty(app.lang).into());
                } else {
                    let body = tr::outline_text(&outline);
                    let first_line = body.find('\n').unwrap_or(body.len());
                    let k = key.clone();
                    seal(app);
                    change(app, None, move |d| {
                        d.text.insert(k, body);
                    });
                    focus.caret = first_line;
                }
            }
            _ => {}
        },
        _ => {}
    }
    app.prose.insert(key, focus);
}

fn seal(app: &mut App) {
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
}

// ---------------------------------------------------------------- 基本信息

/// Focuses a form field, loading its text for typing.
fn focus_form_field(app: &mut App, i: usize) {
    let Some(doc) = &app.doc else { return };
    let fields = form_fields(doc.template);
    let i = i.min(fields.len() - 1);
    let text = match fields[i] {
        FormField::Text(k) => doc.draft.report.text(k).unwrap_or_default().to_string(),
        FormField::Year => doc.draft.report.year.to_string(),
        FormField::Kind => String::new(),
        FormField::Fee(k) => doc
            .draft
            .fees
            .get(&doc.template.fees[k].key)
            .map_or(String::new(), Number::to_string),
    };
    app.form.field = i;
    app.form.input = Field::new(&text);
    app.form.fresh = true;
}

fn current_form_field(app: &App) -> Option<FormField> {
    let doc = app.doc.as_ref()?;
    form_fields(doc.template).get(app.form.field).copied()
}

/// Finishes the focused form field: a new year is applied here (asking first when it takes
/// another format).
fn commit_form(app: &mut App) {
    if app.current_page() != Some(Page::Meta) {
        return;
    }
    seal(app);
    let Some(FormField::Year) = current_form_field(app) else {
        return;
    };
    let Some(doc) = &app.doc else { return };
    let current = doc.draft.report.year;
    let Ok(year) = app.form.input.text.trim().parse::<i32>() else {
        error(app, tr::year_invalid(app.lang).into());
        app.form.input = Field::new(&current.to_string());
        return;
    };
    if year == current {
        return;
    }
    let this_year = app.today.map_or(2026, |d| i32::from(d.year()));
    let first = Template::all()
        .iter()
        .map(|t| t.first_year)
        .min()
        .unwrap_or(2019);
    let Some(template) = Template::for_year(year).filter(|_| year <= this_year + 1) else {
        error(
            app,
            crate::i18n::year_refused(app.lang, year, first, this_year + 1),
        );
        app.form.input = Field::new(&current.to_string());
        return;
    };
    if template.id == doc.template.id {
        change(app, None, move |d| d.report.year = year);
        return;
    }
    let mut trial = doc.draft.clone();
    let dropped = trial.switch_template(template).len();
    app.dialog = Some(Dialog::ConfirmYear {
        year,
        template: template.id.clone(),
        dropped,
    });
}

fn switch_year(app: &mut App, year: i32, id: &str) {
    let Some(template) = Template::builtin(id) else {
        return;
    };
    change(app, None, move |d| {
        d.report.year = year;
        d.switch_template(template);
    });
    if let Some(doc) = &mut app.doc {
        doc.template = template;
        doc.outcome = run_checks(template, &doc.draft, app.today);
    }
    app.pages = pages(template);
    app.tables.clear();
    let i = app.form.field;
    focus_form_field(app, i);
    info(app, tr::switched(app.lang, id));
}

fn form(app: &mut App, input: Action) {
    let Some(field) = current_form_field(app) else {
        return;
    };
    let lang = app.lang;
    let fresh = std::mem::replace(&mut app.form.fresh, false);
    if fresh
        && matches!(field, FormField::Year | FormField::Fee(_))
        && matches!(input, Action::Char(c) if normalize_char(c).is_some_and(|d| d.is_ascii_digit()))
    {
        app.form.input = Field::default();
    }
    match (field, input) {
        (_, Action::Command(Command::Up)) => {
            commit_form(app);
            if app.dialog.is_none() {
                focus_form_field(app, app.form.field.saturating_sub(1));
            }
        }
        (_, Action::Command(Command::Down | Command::Enter)) => {
            commit_form(app);
            if app.dialog.is_none() {
                focus_form_field(app, app.form.field + 1);
            }
        }
        (FormField::Kind, Action::Command(Command::Left | Command::Right | Command::Toggle))
        | (FormField::Kind, Action::Char(' ')) => {
            change(app, None, |d| d.report.kind = toggle_kind(d.report.kind));
        }
        (FormField::Kind, _) => {}
        (FormField::Text(k), input) => {
            edit_field(&mut app.form.input, input);
            let text = app.form.input.text.clone();
            change(app, Some(format!("meta:{k}")), move |d| {
                if let Some(t) = d.report.text_mut(k) {
                    *t = text;
                }
            });
        }
        (FormField::Year, Action::Char(c)) => {
            match normalize_char(c).filter(char::is_ascii_digit) {
                Some(d) if app.form.input.text.len() < 4 => app.form.input.insert(d),
                Some(_) => error(app, tr::year_invalid(lang).into()),
                None => error(app, tr::refused_char(lang, c, InputError::NotANumber)),
            }
        }
        (FormField::Year, input) => edit_field(&mut app.form.input, input),
        (FormField::Fee(i), input) => {
            let Some(doc) = &app.doc else { return };
            let fee = &doc.template.fees[i];
            let (key, kind) = (fee.key.clone(), fee.kind);
            match input {
                Action::Char(c) => match accept_char(&app.form.input, kind, c) {
                    Ok(Some(c)) => app.form.input.insert(c),
                    Ok(None) => {}
                    Err(e) => return error(app, tr::refused_char(lang, c, e)),
                },
                other => edit_field(&mut app.form.input, other),
            }
            let group = Some(format!("fee:{key}"));
            match Number::parse_input(&app.form.input.text, kind) {
                Ok(n) => change(app, group, move |d| {
                    d.fees.insert(key, n);
                }),
                Err(InputError::Empty) => change(app, group, move |d| {
                    d.fees.remove(&key);
                }),
                Err(_) => {}
            }
        }
    }
}

// ---------------------------------------------------------------- 检查

/// A line of the 检查 page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewItem {
    /// A section heading (a key of `report` for 基本信息).
    Heading(String),
    /// A finding, by index in the outcome.
    Finding(usize),
    /// The blank cells of a section, as one line: how many, and the first.
    Blanks {
        section: String,
        count: usize,
        first: String,
    },
}

/// The findings grouped by section, blanks folded into one line per section.
pub fn review_items(app: &App) -> Vec<ReviewItem> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let mut sections: Vec<String> = vec!["report".into()];
    sections.extend(doc.template.sections.iter().map(|s| s.key.clone()));
    let mut out = Vec::new();
    for s in sections {
        let found: Vec<(usize, &Finding)> = doc
            .outcome
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.section == s)
            .collect();
        if found.is_empty() {
            continue;
        }
        out.push(ReviewItem::Heading(s.clone()));
        let blanks: Vec<&Finding> = found
            .iter()
            .filter(|(_, f)| f.code == codes::BLANK)
            .map(|(_, f)| *f)
            .collect();
        for (i, f) in &found {
            if f.code != codes::BLANK {
                out.push(ReviewItem::Finding(*i));
            }
        }
        if let Some(first) = blanks.first() {
            out.push(ReviewItem::Blanks {
                section: s.clone(),
                count: blanks.len(),
                first: first.cell.clone().unwrap_or_default(),
            });
        }
    }
    out
}

fn selectable(items: &[ReviewItem]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| !matches!(i, ReviewItem::Heading(_)))
        .map(|(n, _)| n)
        .collect()
}

/// The selected finding's item on the 检查 page.
pub fn selected_review_item(app: &App) -> Option<ReviewItem> {
    let items = review_items(app);
    let sel = selectable(&items);
    sel.get(app.review.selected.min(sel.len().saturating_sub(1)))
        .map(|&i| items[i].clone())
}

fn review(app: &mut App, input: Action) {
    let items = review_items(app);
    let count = selectable(&items).len();
    let lang = app.lang;
    match input {
        Action::Command(Command::Up) => app.review.selected = app.review.selected.saturating_sub(1),
        Action::Command(Command::Down) => {
            app.review.selected = (app.review.selected + 1).min(count.saturating_sub(1));
        }
        Action::Command(Command::Home) => app.review.selected = 0,
        Action::Command(Command::End) => app.review.selected = count.saturating_sub(1),
        Action::Command(Command::Enter) => match selected_review_item(app) {
            Some(ReviewItem::Finding(i)) => {
                let f = app.doc.as_ref().map(|d| d.outcome.findings[i].clone());
                if let Some(f) = f {
                    go_to_finding(app, f.cell.as_deref(), &f.section);
                }
            }
            Some(ReviewItem::Blanks { first, section, .. }) => {
                go_to_finding(app, Some(&first), &section);
            }
            _ => {}
        },
        Action::Command(Command::Acknowledge) => {
            let Some(ReviewItem::Finding(i)) = selected_review_item(app) else {
                return error(app, tr::cannot_acknowledge_blank(lang).into());
            };
            let Some(f) = app.doc.as_ref().map(|d| d.outcome.findings[i].clone()) else {
                return;
            };
            if f.can_acknowledge() {
                app.dialog = Some(Dialog::Reason {
                    code: f.code,
                    cell: f.cell.clone(),
                    field: Field::new(f.acknowledged.as_deref().unwrap_or("")),
                });
            } else {
                let text = match f.severity {
                    Severity::Error => tr::cannot_acknowledge_error(lang),
                    Severity::Hint => tr::hint_needs_nothing(lang),
                    Severity::Warning => tr::cannot_acknowledge_blank(lang),
                };
                error(app, text.into());
            }
        }
        Action::Command(Command::Unacknowledge) => {
            let Some(ReviewItem::Finding(i)) = selected_review_item(app) else {
                return;
            };
            let Some(f) = app.doc.as_ref().map(|d| d.outcome.findings[i].clone()) else {
                return;
            };
            if f.acknowledged.is_none() {
                return error(app, tr::not_acknowledged(lang).into());
            }
            let (code, cell) = (f.code, f.cell.clone());
            change(app, None, move |d| {
                d.acknowledged
                    .retain(|a| !(a.code == code && a.cell == cell));
            });
            info(app, tr::unacknowledged(lang).into());
        }
        _ => {}
    }
}

/// Goes to the cell, field or section a finding is about.
fn go_to_finding(app: &mut App, cell: Option<&str>, section: &str) {
    let Some(doc) = &app.doc else { return };
    let template = doc.template;
    let page_of_section = |key: &str| {
        app.pages.iter().position(|p| match p {
            Page::Section(i) => template.sections[*i].key == key,
            Page::Meta => key == "report",
            _ => false,
        })
    };
    if let Some(key) = cell {
        if let Some(fee) = key.strip_prefix("fees.") {
            let fields = form_fields(template);
            let i = template.fees.iter().position(|f| f.key == fee);
            go_to_page(app, 0);
            if let Some(i) = i
                && let Some(n) = fields.iter().position(|f| *f == FormField::Fee(i))
            {
                focus_form_field(app, n);
            }
            return;
        }
        if let Some(c) = template.cell(key) {
            let table = c.table;
            if let Some(p) = page_of_section(&table.key) {
                go_to_page(app, p);
                let row = table.rows().position(|(_, r)| r.key == c.row.key);
                let col = c.block.columns.iter().position(|x| x.key == c.column.key);
                if let (Some(row), Some(col)) = (row, col) {
                    let f = app.tables.entry(table.key.clone()).or_default();
                    f.row = row;
                    f.col = col;
                }
            }
            return;
        }
        if let Some(p) = page_of_section(key) {
            return go_to_page(app, p);
        }
    }
    let target = section_of(section).to_string();
    if let Some(p) = page_of_section(&target) {
        go_to_page(app, p);
    }
}

// ---------------------------------------------------------------- 导出

/// The default file for an export: beside the draft, named by the export module.
fn default_export_path(app: &App) -> String {
    let Some(doc) = &app.doc else {
        return String::new();
    };
    let formats = super::exporter::formats();
    let Some(format) = formats.get(app.export.format) else {
        return String::new();
    };
    let name = super::exporter::default_file_name(&doc.draft, format);
    doc.path
        .parent()
        .map_or(std::path::PathBuf::from(&name), |p| p.join(&name))
        .display()
        .to_string()
}

fn export(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let formats = super::exporter::formats();
    let lang = app.lang;
    match input {
        Action::Command(Command::Up) => app.export.field = app.export.field.saturating_sub(1),
        Action::Command(Command::Down) => app.export.field = (app.export.field + 1).min(3),
        Action::Command(Command::Left | Command::Right)
            if app.export.field == 0 && !formats.is_empty() =>
        {
            let n = formats.len();
            app.export.format = if matches!(input, Action::Command(Command::Left)) {
                (app.export.format + n - 1) % n
            } else {
                (app.export.format + 1) % n
            };
            if !app.export.path_edited {
                app.export.path = Field::new(&default_export_path(app));
            }
        }
        Action::Command(Command::Left | Command::Right | Command::Toggle)
            if app.export.field == 1 =>
        {
            app.export.draft_mark = !app.export.draft_mark;
        }
        Action::Char(' ') if app.export.field == 1 => {
            app.export.draft_mark = !app.export.draft_mark;
        }
        Action::Command(Command::Enter) => {
            let Some(format) = formats.get(app.export.format) else {
                return error(app, tr::export_unavailable(lang).into());
            };
            let Some(doc) = &app.doc else { return };
            if !app.export.draft_mark && !doc.outcome.is_finished() {
                return error(app, tr::export_blocked(lang).into());
            }
            let path = expand_home(app.export.path.text.trim());
            effects.push(Effect::Export {
                format: format.to_string(),
                path,
                draft_mark: app.export.draft_mark,
            });
        }
        other if app.export.field == 2 => {
            if matches!(
                other,
                Action::Char(_)
                    | Action::Paste(_)
                    | Action::Command(Command::Backspace | Command::Delete)
            ) {
                app.export.path_edited = true;
            }
            edit_field(&mut app.export.path, other);
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- mouse

fn mouse(app: &mut App, m: Mouse, effects: &mut Vec<Effect>) {
    let areas = layout::areas(app.width, app.height);
    let (x, y) = match m {
        Mouse::Click { x, y } | Mouse::ScrollUp { x, y } | Mouse::ScrollDown { x, y } => (x, y),
    };
    let inside = |r: ratatui::layout::Rect| r.contains(ratatui::layout::Position { x, y });
    match m {
        Mouse::ScrollUp { .. } | Mouse::ScrollDown { .. } => {
            let cmd = if matches!(m, Mouse::ScrollUp { .. }) {
                Command::Up
            } else {
                Command::Down
            };
            if inside(areas.sidebar) {
                let page = if cmd == Command::Up {
                    app.page.saturating_sub(1)
                } else {
                    (app.page + 1).min(app.pages.len() - 1)
                };
                return go_to_page(app, page);
            }
            for _ in 0..3 {
                editor(app, Action::Command(cmd), effects);
            }
        }
        Mouse::Click { .. } => {
            if inside(areas.sidebar) {
                if let Some(p) = layout::sidebar_page(&areas, y)
                    && p < app.pages.len()
                {
                    go_to_page(app, p);
                }
                return;
            }
            if !inside(areas.content) {
                return;
            }
            let (cx, cy) = (x - areas.content.x, y - areas.content.y);
            click_content(app, areas.content, cx, cy);
        }
    }
}

fn click_content(app: &mut App, area: ratatui::layout::Rect, x: u16, y: u16) {
    match app.current_page() {
        Some(Page::Section(_)) => {
            if let Some(table) = current_table(app) {
                if !commit_cell(app, false) {
                    return;
                }
                let balanced = is_balanced(app, table);
                let g = layout::table_geometry_in(
                    table,
                    usize::from(area.width),
                    usize::from(area.height),
                    balanced,
                );
                let Some(focus) = current_table_focus(app) else {
                    return;
                };
                let Some(body_y) = usize::from(y).checked_sub(g.header_lines) else {
                    return;
                };
                let Some(line) = g.line_at(focus.scroll, body_y) else {
                    return;
                };
                let TableLine::Row { row, .. } = g.lines[line] else {
                    return;
                };
                let Some(col) = usize::from(x)
                    .checked_sub(g.label_width)
                    .map(|dx| dx / g.column_width)
                else {
                    return;
                };
                if is_input(table, row, col)
                    && let Some(key) = current_table_key(app)
                {
                    let f = app.tables.entry(key).or_default();
                    f.row = row;
                    f.col = col;
                }
            } else if let Some((key, text)) = current_prose(app) {
                seal(app);
                let lines = layout::prose_lines(&text, area.width);
                let focus = app.prose.get(&key).copied().unwrap_or_default();
                let line = (focus.scroll + usize::from(y)).min(lines.len() - 1);
                let caret = text::offset_at_column(&text, lines[line], usize::from(x));
                app.prose.insert(key, ProseFocus { caret, ..focus });
            }
        }
        Some(Page::Meta) => {
            // Each form field takes one line, from the second line of the area.
            if let Some(i) = usize::from(y).checked_sub(1) {
                commit_form(app);
                if app.dialog.is_none() {
                    let n = app
                        .doc
                        .as_ref()
                        .map_or(0, |d| form_fields(d.template).len());
                    if i < n {
                        focus_form_field(app, i);
                    }
                }
            }
        }
        Some(Page::Review) => {
            let items = review_items(app);
            let i = app.review.scroll + usize::from(y);
            if let Some(n) = selectable(&items).iter().position(|&s| s == i) {
                app.review.selected = n;
            }
        }
        _ => {}
    }
}

/// Whether a table carries the balance line (table 三).
pub fn is_balanced(app: &App, table: &Table) -> bool {
    app.doc
        .as_ref()
        .is_some_and(|d| d.template.checks.balance.table == table.key)
}

// ---------------------------------------------------------------- scrolling

/// Scrolls the current page so its focus is on screen.
fn keep_in_view(app: &mut App) {
    if app.screen == Screen::Start {
        let visible = usize::from(app.height.saturating_sub(START_LIST_TOP + 3)).max(1);
        let sel = app.start.selected;
        if sel < app.start.scroll {
            app.start.scroll = sel;
        } else if sel >= app.start.scroll + visible {
            app.start.scroll = sel + 1 - visible;
        }
        return;
    }
    let areas = layout::areas(app.width, app.height);
    let height = usize::from(areas.content.height);
    match app.current_page() {
        Some(Page::Section(_)) => {
            if let Some(table) = current_table(app) {
                let balanced = is_balanced(app, table);
                let g = layout::table_geometry_in(
                    table,
                    usize::from(areas.content.width),
                    height,
                    balanced,
                );
                if let Some(key) = current_table_key(app)
                    && let Some(f) = app.tables.get_mut(&key)
                {
                    f.scroll = g.scroll_for(f.row, f.scroll, g.body_height(height));
                }
            } else if let Some((key, text)) = current_prose(app) {
                let lines = layout::prose_lines(&text, areas.content.width);
                let f = app.prose.entry(key).or_default();
                f.caret = text::floor_boundary(&text, f.caret);
                let (line, _) = text::caret_position(&text, &lines, f.caret);
                f.scroll = layout::prose_scroll(line, f.scroll, height);
            }
        }
        Some(Page::Review) => {
            let items = review_items(app);
            let sel = selectable(&items);
            app.review.selected = app.review.selected.min(sel.len().saturating_sub(1));
            if let Some(&line) = sel.get(app.review.selected) {
                // Keep the section heading above the first finding on screen too.
                let top = line.saturating_sub(1);
                if top < app.review.scroll {
                    app.review.scroll = top;
                } else if line >= app.review.scroll + height {
                    app.review.scroll = line + 1 - height;
                }
            }
        }
        _ => {}
    }
}
