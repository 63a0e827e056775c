//! The editor: moving between pages and fields, the walk through the report.

use super::{
    Action, App, Command, Effect, Field, FormField, Page, SectionKind, TableFocus, cell_key,
    commit_cell, commit_form, current_table_focus, current_table_key, default_export_path, export,
    focus_form_field, form, form_fields, hint, info, input_positions, mouse, prose, quit,
    refused_read_only, review, table, table_fields, tr, undo_redo,
};

pub(super) fn editor(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    if refused_read_only(app, &input) {
        return;
    }
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

/// The name of the page after the current one (Tab and PgDn go there), as the section list
/// shows it.
pub(super) fn next_page_name(app: &App) -> String {
    let next = app
        .pages
        .get((app.page + 1) % app.pages.len().max(1))
        .copied();
    match next {
        Some(Page::Meta) => tr::page_meta(app.lang).to_string(),
        Some(p @ Page::Section(_)) => app.section(p).map_or(String::new(), |s| s.heading.clone()),
        Some(Page::Review) => tr::page_review(app.lang).to_string(),
        Some(Page::Export) | None => tr::page_export(app.lang).to_string(),
    }
}

/// Leaves the current page (finishing any edit) and enters another.
pub fn go_to_page(app: &mut App, page: usize) {
    app.table_end = None;
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
    // Leaving a page ends a run of typing there: coming back, the next keys are a new step.
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
    // 检查 and 导出 list every finding: findings put off while typing a long prose are brought
    // up to date first.
    if matches!(app.current_page(), Some(Page::Review | Page::Export)) {
        let today = app.today;
        if let Some(doc) = &mut app.doc
            && doc.checks_stale
        {
            doc.recheck(today);
        }
    }
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
pub(super) fn field_count(app: &App) -> usize {
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

pub(super) fn field_index(app: &App) -> usize {
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

pub(super) fn set_field_index(app: &mut App, i: usize) {
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
pub(super) fn next_field(app: &mut App, forward: bool) {
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
    // Tab on a table's last cell stops there and says so: a figure typed next must not land
    // in the next section unseen. Tab again goes on.
    if forward
        && i + 1 >= count
        && let Some(key) = current_table_key(app)
        && app.table_end.as_deref() != Some(key.as_str())
    {
        app.table_end = Some(key);
        let next = next_page_name(app);
        return hint(app, tr::table_end(app.lang, &next));
    }
    app.table_end = None;
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
pub(super) fn next_blank(app: &mut App) {
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
