//! Clicks and the wheel.

use super::{
    Action, App, Command, Effect, Mouse, Page, ProseFocus, Table, TableLine, commit_cell,
    commit_form, current_prose, current_table, current_table_focus, current_table_key, editor,
    focus_form_field, form_fields, go_to_page, is_input, layout, prose_layout, review_items, seal,
    selectable, text,
};

pub(super) fn mouse(app: &mut App, m: Mouse, effects: &mut Vec<Effect>) {
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
            if current_prose(app).is_some()
                && let Some(body) = prose_layout(app).last_body
                && inside(body)
            {
                let key = current_prose(app).map(|(k, _)| k).unwrap_or_default();
                let s = app.last_text.scroll.entry(key).or_default();
                *s = if cmd == Command::Up {
                    s.saturating_sub(3)
                } else {
                    *s + 3
                };
                return;
            }
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
            // In prose, only this year's text takes a click: last year's is read-only.
            let area = if current_prose(app).is_some() {
                prose_layout(app).text
            } else {
                areas.content
            };
            if !inside(area) {
                return;
            }
            let (cx, cy) = (x - area.x, y - area.y);
            click_content(app, area, cx, cy);
        }
    }
}

pub(super) fn click_content(app: &mut App, area: ratatui::layout::Rect, x: u16, y: u16) {
    match app.current_page() {
        Some(Page::Section(_)) => {
            if let Some(table) = current_table(app) {
                if !commit_cell(app, false) {
                    return;
                }
                let g = table_geometry(app, table, area.width, area.height);
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
                    .map(|dx| g.first_col + dx / g.column_width)
                    .filter(|&c| c < g.first_col + g.shown_cols)
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
                let layout = app.wrapped_prose(&key, &text, area.width);
                let lines = &layout.lines;
                let focus = app.prose.get(&key).copied().unwrap_or_default();
                let line = (focus.scroll + usize::from(y)).min(lines.len() - 1);
                let caret = text::offset_at_column(&text, lines[line], usize::from(x));
                // A click past the end of a wrapped line puts the caret at its end, there.
                let line_end = text::is_wrap_point(lines, line, caret);
                app.prose.insert(
                    key,
                    ProseFocus {
                        caret,
                        line_end,
                        ..focus
                    },
                );
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

/// A table's layout in an area as the screen draws it: columns wide enough for the draft's
/// figures (and the balance's differences), the focused column on screen.
pub fn table_geometry(app: &App, table: &Table, width: u16, height: u16) -> layout::TableGeometry {
    let balanced = app.is_balanced(table);
    let focus = app.tables.get(&table.key).copied().unwrap_or_default();
    layout::table_geometry_for(
        table,
        usize::from(width),
        usize::from(height),
        balanced,
        figures_width(app, table, balanced),
        focus.col,
    )
}

/// The widest figure the table shows: typed, computed (with its `=` where there is no
/// colour), and the balance's sums and differences (`✗+1234`).
fn figures_width(app: &App, table: &Table, balanced: bool) -> usize {
    let Some(doc) = &app.doc else { return 0 };
    let mut widest = 0;
    for (block, r) in table.rows() {
        for column in &block.columns {
            let key = crate::template::cell_key(&table.key, &r.key, &column.key);
            let computed = r.sum.is_some() || column.sum.is_some();
            let shown = if computed {
                doc.outcome
                    .totals
                    .get(&key)
                    .and_then(|t| t.complete())
                    .map(|n| n.to_string().len() + usize::from(!app.look.color))
            } else {
                doc.draft.cell(&key).map(|n| n.to_string().len())
            };
            widest = widest.max(shown.unwrap_or(0));
        }
    }
    if balanced {
        for c in crate::check::balance_columns(doc.template, &doc.draft, &doc.outcome.totals) {
            let sums = [c.left, c.right]
                .iter()
                .flatten()
                .map(|n| n.to_string().len())
                .max()
                .unwrap_or(0);
            // The mark and the sign before the difference.
            let difference = c.difference().map_or(0, |d| d.to_string().len() + 2);
            widest = widest.max(sums).max(difference);
        }
    }
    widest
}
