//! Tables 二, 三, 四: moving, typing and checking cells as typed.

use super::{
    Action, App, CellEdit, Command, Field, InputError, Kind, MAX_PLACES, Number, SectionKind,
    Table, TableFocus, change, error, info, max_places, next_page_name, normalize_char,
    open_ledger_dialog, tr,
};

/// The key of the table on the current page.
pub fn current_table_key(app: &App) -> Option<String> {
    let s = app.section(app.current_page()?)?;
    (s.kind == SectionKind::Table).then(|| s.key.clone())
}

pub fn current_table(app: &App) -> Option<&'static Table> {
    let key = current_table_key(app)?;
    app.doc.as_ref()?.template.table(&key)
}

pub(super) fn current_table_focus(app: &App) -> Option<TableFocus> {
    app.tables.get(&current_table_key(app)?).copied()
}

/// The key of the focused cell of the current table.
pub fn focused_cell(app: &App) -> Option<String> {
    let focus = current_table_focus(app)?;
    Some(cell_key(current_table(app)?, focus.row, focus.col))
}

pub fn cell_key(table: &Table, row: usize, col: usize) -> String {
    let Some((block, row)) = table.rows().nth(row) else {
        return String::new();
    };
    let column = &block.columns[col.min(block.columns.len() - 1)];
    crate::template::cell_key(&table.key, &row.key, &column.key)
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

pub(super) fn table_fields(app: &App) -> Vec<(usize, usize)> {
    current_table(app).map(input_positions).unwrap_or_default()
}

pub(super) fn table(app: &mut App, input: Action) {
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
    // Tab stopped on the table's last cell: a figure typed now goes nowhere, and says so.
    if app.table_end.is_some() {
        let first = match &input {
            Action::Char(c) => Some(*c),
            Action::Paste(s) => s.trim().chars().next(),
            _ => None,
        };
        if let Some(c) = first {
            let next = next_page_name(app);
            return error(app, tr::table_end_typed(app.lang, c, &next));
        }
    }
    match input {
        Action::Char(c) => {
            start_edit(app, &key, kind, false);
            type_in_cell(app, c);
            unless_begun(app);
        }
        Action::Paste(s) => {
            start_edit(app, &key, kind, false);
            for c in s.trim().chars() {
                type_in_cell(app, c);
            }
            unless_begun(app);
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
            Command::ImportLedger => open_ledger_dialog(app, table),
            _ => {}
        },
        _ => {}
    }
}

/// Typing that was refused before any of it was taken did not begin an edit: the cell is as
/// it was and the app is back to moving between cells (the footer shows those keys).
fn unless_begun(app: &mut App) {
    let refused = app.message.as_ref().is_some_and(|m| m.error);
    if refused && app.cell.as_ref().is_some_and(|e| e.field.text.is_empty()) {
        cancel_cell(app);
    }
}

pub(super) fn start_edit(app: &mut App, key: &str, kind: Kind, keep: bool) {
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
    let original = app.doc.as_ref().and_then(|d| d.draft.cell(key));
    let places = app.doc.as_ref().map_or(MAX_PLACES, |d| {
        let recorded = d.draft.units.get(key).map(String::as_str);
        d.template
            .compiled()
            .inputs
            .iter()
            .find(|c| c.key == key)
            .map_or(MAX_PLACES, |c| c.places(recorded))
    });
    let text = match (keep, original) {
        (true, Some(n)) => n.to_string(),
        _ => String::new(),
    };
    app.cell = Some(CellEdit {
        key: key.to_string(),
        kind,
        places,
        field: Field::new(&text),
        original,
    });
}

pub(super) fn cell_editing(app: &mut App, table: &'static Table, input: Action) {
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
pub(super) fn accept_char(
    field: &Field,
    kind: Kind,
    places: u32,
    c: char,
) -> Result<Option<char>, InputError> {
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
                if digits_after_point >= places as usize {
                    return Err(InputError::TooManyPlaces(places));
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

pub(super) fn type_in_cell(app: &mut App, c: char) {
    let lang = app.lang;
    let Some(edit) = &mut app.cell else { return };
    match accept_char(&edit.field, edit.kind, edit.places, c) {
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
pub(super) fn apply_cell(app: &mut App) {
    let Some(edit) = &app.cell else { return };
    let key = edit.key.clone();
    let group = Some(format!("cell:{key}"));
    match Number::parse_input(&edit.field.text, edit.kind, edit.places) {
        Ok(n) => {
            change(app, group, move |d| {
                d.cells.insert(key, n);
            });
        }
        Err(InputError::Empty) => {
            change(app, group, move |d| {
                d.cells.remove(&key);
            });
        }
        Err(_) => {}
    }
}

/// Finishes typing in a cell. With `force`, text that is not a number is dropped (the cell
/// keeps its last good value); without, it stays open with a message. Returns whether the
/// edit is finished.
pub(super) fn commit_cell(app: &mut App, force: bool) -> bool {
    let Some(edit) = &app.cell else { return true };
    match Number::parse_input(&edit.field.text, edit.kind, edit.places) {
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

pub(super) fn cancel_cell(app: &mut App) {
    let Some(edit) = app.cell.take() else { return };
    let today = app.today;
    if let Some(doc) = &mut app.doc {
        match edit.original {
            Some(n) => doc.draft.cells.insert(edit.key, n),
            None => doc.draft.cells.remove(&edit.key),
        };
        doc.history.drop_if_same(&doc.draft);
        doc.history.seal();
        doc.changed(today);
    }
}

pub(super) fn move_in_table(app: &mut App, table: &'static Table, cmd: Command) {
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
pub(super) fn fill_zeros(app: &mut App, table: &'static Table) {
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

pub(super) fn cycle_unit(app: &mut App, table: &'static Table, focus: TableFocus) {
    let Some((block, _)) = table.rows().nth(focus.row) else {
        return;
    };
    let units = &block.columns[focus.col].units;
    if units.is_empty() {
        return error(app, tr::no_unit(app.lang).into());
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
    // The figure stays as typed: one with more places than the other unit takes would no
    // longer be a figure of that unit.
    let figure = app.doc.as_ref().and_then(|d| d.draft.cell(&key));
    if let Some(n) = figure
        && let Some(InputError::TooManyPlaces(places)) =
            n.problem(Kind::Amount, max_places(Some(&next)))
    {
        return error(
            app,
            tr::unit_places_refused(app.lang, &n.to_string(), &next, places),
        );
    }
    let text = tr::unit_changed(app.lang, &next);
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
    change(app, None, move |d| {
        d.units.insert(key, next);
    });
    info(app, text);
}
