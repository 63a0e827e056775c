//! A statistics table (二, 三, 四): official labels indented by level, header groups, typed and
//! computed cells, the focused row's full label and its basis in the 条例, the balance of 三.

use super::editor::{findings, section_findings};
use super::{fill, put, put_line};
use crate::check::balance_columns;
use crate::i18n::tui as tr;
use crate::template::Table;
use crate::tui::app::App;
use crate::tui::layout::{Areas, HEADER_MOST_LINES, TableGeometry, TableLine, header_lines};
use crate::tui::text::{center, fit_end, pad_left, str_width, wrap_lines};
use crate::tui::theme::Theme;
use crate::tui::update::{cell_key, focused_cell, table_geometry};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

pub(super) fn draw(app: &App, frame: &mut Frame, areas: &Areas, theme: &Theme, table: &Table) {
    let area = areas.content;
    let balanced = app.is_balanced(table);
    let g = table_geometry(app, table, area.width, area.height);
    let focus = app.tables.get(&table.key).copied().unwrap_or_default();
    let mut cursor = None;
    {
        let buf = frame.buffer_mut();
        if g.header_lines > 0 {
            matrix_header(buf, area, table, &g, theme);
        }
        let body_h = g.body_height(usize::from(area.height));
        let mut y = g.header_lines;
        let bottom = g.header_lines + body_h;
        // Scrolled into a block of 二: its caption and headers stay above its rows.
        let pinned = g
            .pinned(focus.scroll)
            .map_or(&[][..], |(a, b)| &g.lines[a..=b]);
        for line in pinned.iter().chain(g.lines.iter().skip(focus.scroll)) {
            let h = g.height_of(line);
            if y + h > bottom {
                break;
            }
            let row_area = Rect::new(area.x, area.y + y as u16, area.width, h as u16);
            match line {
                TableLine::Caption(b) => {
                    let caption = table.blocks[*b].caption.as_deref().unwrap_or("");
                    put_line(buf, row_area, 0, caption, theme.header());
                    more_columns(buf, row_area, &g, theme);
                }
                TableLine::BlockHeader(b) => block_header(buf, row_area, table, *b, &g, theme),
                TableLine::Group { label, level } => {
                    let text = format!("{}{label}", "  ".repeat(level - 1));
                    put(
                        buf,
                        row_area.x,
                        row_area.y,
                        &text,
                        g.label_width as u16,
                        theme.plain(),
                    );
                }
                TableLine::Row { row, level } => {
                    if let Some(c) = data_row(app, buf, row_area, table, &g, *row, *level, theme) {
                        cursor = Some(c);
                    }
                }
            }
            y += h;
        }
        if balanced {
            balance(app, buf, area, &g, theme);
        }
        panel(app, buf, areas.panel, table, theme);
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

/// Header lines of a matrix (三) or across (四) table: group labels spanning their columns,
/// then the column headers; the printed note in the corner.
fn matrix_header(buf: &mut Buffer, area: Rect, table: &Table, g: &TableGeometry, theme: &Theme) {
    let block = &table.blocks[0];
    let all: Vec<Vec<&str>> = block.columns.iter().map(|c| table.column_path(c)).collect();
    let depth = all.iter().map(Vec::len).max().unwrap_or(1);
    // The columns on screen; group labels span those of them that they cover.
    let paths: Vec<Vec<&str>> = all
        .into_iter()
        .skip(g.first_col)
        .take(g.shown_cols)
        .collect();
    let leaf_lines = g.header_lines - (depth - 1);
    let cw = g.column_width;
    let x0 = area.x + g.label_width as u16;
    // The corner note, wrapped into the label column.
    if let Some(corner) = &table.corner {
        let w = g.label_width.saturating_sub(2);
        for (i, l) in wrap_lines(corner, w, g.header_lines).iter().enumerate() {
            put(buf, area.x, area.y + i as u16, l, w as u16, theme.dim());
        }
    }
    for level in 0..depth - 1 {
        let mut j = 0;
        while j < paths.len() {
            if paths[j].len() <= level + 1 {
                j += 1;
                continue;
            }
            let mut k = j + 1;
            while k < paths.len()
                && paths[k].len() > level + 1
                && paths[k][..=level] == paths[j][..=level]
            {
                k += 1;
            }
            let w = (k - j) * cw - 1;
            let x = x0 + (j * cw) as u16 + 1;
            let label = center(paths[j][level], w);
            put(
                buf,
                x,
                area.y + level as u16,
                &label,
                w as u16,
                theme.header().patch(
                    ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED),
                ),
            );
            j = k;
        }
    }
    for (j, path) in paths.iter().enumerate() {
        let leaf = path.last().copied().unwrap_or("");
        let x = x0 + (j * cw) as u16 + 1;
        for (i, text) in split_header(leaf, cw - 1, leaf_lines).iter().enumerate() {
            let y = area.y + (depth - 1 + i) as u16;
            if i + 1 == leaf_lines {
                more_columns(buf, Rect::new(area.x, y, area.width, 1), g, theme);
            }
            put(
                buf,
                x,
                y,
                &center(text, cw - 1),
                (cw - 1) as u16,
                theme.header(),
            );
        }
    }
}

/// A header on at most `lines` lines of `width` columns, broken between words.
fn split_header(text: &str, width: usize, lines: usize) -> Vec<String> {
    header_lines(text, width, lines.clamp(1, HEADER_MOST_LINES))
}

/// Marks beside the columns on screen when more are to the left or right (the columns scroll
/// when the figures are too wide for the window).
fn more_columns(buf: &mut Buffer, line: Rect, g: &TableGeometry, theme: &Theme) {
    let x0 = line.x + g.label_width as u16;
    if g.first_col > 0 {
        put(buf, x0, line.y, theme.more_left(), 1, theme.dim());
    }
    if g.first_col + g.shown_cols < g.columns {
        let x = x0 + (g.shown_cols * g.column_width) as u16;
        put(buf, x, line.y, theme.more_right(), 1, theme.dim());
    }
}

fn block_header(
    buf: &mut Buffer,
    area: Rect,
    table: &Table,
    b: usize,
    g: &TableGeometry,
    theme: &Theme,
) {
    let block = &table.blocks[b];
    let cw = g.column_width;
    if let Some(h) = &table.label_header {
        put(buf, area.x, area.y, h, g.label_width as u16, theme.header());
    }
    for (j, column) in block.columns.iter().enumerate() {
        let Some(x) = column_x(area, g, j) else {
            continue;
        };
        let x = x + 1;
        for (i, text) in split_header(&column.header, cw - 1, g.block_header_lines)
            .iter()
            .enumerate()
        {
            put(
                buf,
                x,
                area.y + i as u16,
                &center(text, cw - 1),
                (cw - 1) as u16,
                theme.header(),
            );
        }
    }
}

/// One row of figures; returns where the real cursor goes when a cell of it is being typed.
#[allow(clippy::too_many_arguments)]
fn data_row(
    app: &App,
    buf: &mut Buffer,
    area: Rect,
    table: &Table,
    g: &TableGeometry,
    row: usize,
    level: usize,
    theme: &Theme,
) -> Option<Position> {
    let doc = app.doc.as_ref()?;
    let (block, r) = table.rows().nth(row)?;
    let focus = app.tables.get(&table.key).copied().unwrap_or_default();
    let focused_row = focus.row == row;
    let label = format!("{}{}", "  ".repeat(level - 1), r.label);
    let label_style = if r.sum.is_some() {
        theme.computed()
    } else if focused_row {
        theme.bold()
    } else {
        theme.plain()
    };
    put(
        buf,
        area.x,
        area.y,
        &fit_end(&label, g.label_width - 1),
        (g.label_width - 1) as u16,
        label_style,
    );
    let cw = g.column_width;
    let mut cursor = None;
    let mut typed = None;
    for (j, column) in block.columns.iter().enumerate() {
        let key = crate::template::cell_key(&table.key, &r.key, &column.key);
        let Some(x) = column_x(area, g, j) else {
            continue;
        };
        let computed = r.sum.is_some() || column.sum.is_some();
        let focused = focused_row && focus.col == j && !computed;
        let editing = app.cell.as_ref().filter(|e| focused && e.key == key);
        let cell_w = cw - 1;
        let cell = Rect::new(x + 1, area.y, cell_w as u16, 1);
        if let Some(edit) = editing {
            typed = Some((cell, edit));
            continue;
        }
        let (text, style) = if computed {
            match doc.outcome.totals.get(&key).and_then(|t| t.complete()) {
                Some(n) => (n.to_string(), theme.computed()),
                None => (
                    tr::blank_mark(app.lang).to_string(),
                    theme.computed().patch(theme.dim()),
                ),
            }
        } else {
            match doc.draft.cell(&key) {
                Some(n) => (n.to_string(), theme.plain()),
                None => (tr::blank_mark(app.lang).to_string(), theme.dim()),
            }
        };
        // Without colour, a computed figure is marked by `=` as well as by its style.
        let text = if computed && !app.look.color {
            format!("={text}")
        } else {
            text
        };
        let style = if focused { theme.focus() } else { style };
        if focused {
            fill(buf, cell, theme.focus());
        }
        put(
            buf,
            cell.x,
            cell.y,
            &pad_left(&text, cell_w),
            cell.width,
            style,
        );
    }
    // The cell being typed, drawn last: widened over its neighbours to the left when the
    // figure is longer than the cell, so the whole of it is seen as it is typed.
    if let Some((cell, edit)) = typed {
        let want = (str_width(&edit.field.text) + 1) as u16;
        let box_w = want.clamp(cell.width, area.width);
        let right = cell.right().max(area.x + box_w);
        let shown_at = Rect::new(right - box_w, cell.y, box_w, 1);
        let (shown, caret) = edit.field.window(usize::from(box_w));
        // A wide character the box cuts in half (a label's) gives way to a space.
        if shown_at.x > area.x {
            let left = &mut buf[(shown_at.x - 1, shown_at.y)];
            if str_width(left.symbol()) > 1 {
                left.set_symbol(" ");
            }
        }
        fill(buf, shown_at, theme.focus());
        put(
            buf,
            shown_at.x,
            shown_at.y,
            &shown,
            shown_at.width,
            theme.focus().patch(theme.editing()),
        );
        cursor = Some(Position::new(shown_at.x + caret as u16, shown_at.y));
    }
    cursor
}

/// The balance of 三 under the table, column by column: 一+二, （七）+四, ✓ or the difference.
fn balance(app: &App, buf: &mut Buffer, area: Rect, g: &TableGeometry, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let columns = balance_columns(doc.template, &doc.draft, &doc.outcome.totals);
    let top = area.y + area.height - g.balance_lines as u16;
    let full = g.balance_lines >= 3;
    let labels = if full {
        vec![
            tr::balance_left(app.lang),
            tr::balance_right(app.lang),
            tr::balance_check(app.lang),
        ]
    } else {
        vec![tr::balance_short(app.lang)]
    };
    for (i, l) in labels.iter().enumerate() {
        put(
            buf,
            area.x,
            top + i as u16,
            l,
            g.label_width as u16,
            theme.dim(),
        );
    }
    let check_row = top + g.balance_lines as u16 - 1;
    let cw = g.column_width;
    for (j, c) in columns.iter().enumerate() {
        let Some(x) = column_x(area, g, j) else {
            continue;
        };
        let x = x + 1;
        let w = (cw - 1) as u16;
        let show = |n: Option<crate::report::Number>| {
            n.map_or(tr::balance_unknown(app.lang).to_string(), |n| n.to_string())
        };
        if full {
            put(
                buf,
                x,
                top,
                &pad_left(&show(c.left), cw - 1),
                w,
                theme.dim(),
            );
            put(
                buf,
                x,
                top + 1,
                &pad_left(&show(c.right), cw - 1),
                w,
                theme.dim(),
            );
        }
        let (text, style) = match (c.holds(), c.difference()) {
            (Some(true), _) => (theme.ok_mark().to_string(), theme.ok()),
            (Some(false), Some(d)) => {
                let sign = if d.is_sign_positive() { "+" } else { "" };
                (format!("{}{sign}{d}", theme.error_mark()), theme.error())
            }
            _ => (tr::balance_unknown(app.lang).to_string(), theme.dim()),
        };
        put(buf, x, check_row, &pad_left(&text, cw - 1), w, style);
    }
}

/// Under the table: the focused row's full label and basis, then the section's findings.
fn panel(app: &App, buf: &mut Buffer, area: Rect, table: &Table, theme: &Theme) {
    let focus = app.tables.get(&table.key).copied().unwrap_or_default();
    let Some((block, row)) = table.rows().nth(focus.row) else {
        return;
    };
    let column = &block.columns[focus.col.min(block.columns.len() - 1)];
    let row_label = table.row_path(row).join(theme.path_sep());
    let mut head = format!("· {}", table.column_path(column).join(theme.path_sep()));
    if !column.units.is_empty() {
        let key = cell_key(table, focus.row, focus.col);
        let unit = app
            .doc
            .as_ref()
            .and_then(|d| d.draft.units.get(&key).map(String::as_str));
        head.push_str("  ");
        head.push_str(&tr::unit_label(app.lang, unit));
    }
    // The row and the column, on one line or, when they do not fit, on two: the column is
    // never the part cut off.
    let one = format!("{row_label} {head}");
    let mut line = 0;
    if str_width(&one) <= usize::from(area.width) {
        put_line(buf, area, 0, &one, theme.bold());
        line += 1;
    } else {
        put_line(buf, area, 0, &row_label, theme.bold());
        put_line(buf, area, 1, &format!("  {head}"), theme.bold());
        line += 2;
    }
    // Last year's figure for this cell, asked of the core.
    let last = app
        .doc
        .as_ref()
        .zip(focused_cell(app))
        .and_then(|(d, key)| d.last_value(&key));
    if let Some(v) = &last {
        put_line(buf, area, line, &tr::last_value(app.lang, v), theme.plain());
        line += 1;
    }
    // In a small panel the help gives way to last year's figure, not to the findings.
    let help_lines = if area.height < 6 && (last.is_some() || line > 1) {
        1
    } else {
        2
    };
    for l in wrap_lines(&row.help, usize::from(area.width), help_lines) {
        put_line(buf, area, line, &l, theme.dim());
        line += 1;
    }
    let found = section_findings(app, &table.key);
    findings(app, buf, area, line, &found, theme);
}

/// Where column `j` starts on screen, if it is on screen.
fn column_x(area: Rect, g: &TableGeometry, j: usize) -> Option<u16> {
    (g.first_col..g.first_col + g.shown_cols)
        .contains(&j)
        .then(|| area.x + (g.label_width + (j - g.first_col) * g.column_width) as u16)
}
