//! How wide each column of a table's grid wants to be, in display columns (a Chinese character
//! takes two). Plain text uses these widths as they are; Word scales them to the page.
//!
//! Numbers keep their width; headers and labels wrap, so their widths are capped. A label
//! spanning several rows (三、本年度办理结果, （三）不予公开) is capped narrower, since it has
//! rows enough to wrap into.

use super::content::TableContent;
use crate::template::grid::{Role, Slot};
use unicode_width::UnicodeWidthStr;

/// No column is narrower than this (two Chinese characters).
pub const MIN_WIDTH: usize = 4;
/// A column header wraps after four Chinese characters…
const HEADER_CAP: usize = 8;
/// …or after two, when the table would be too wide otherwise (table 四 has 15 columns).
pub const NARROW_HEADER_CAP: usize = 4;
/// A label spanning several rows wraps after four Chinese characters.
const ROW_GROUP_CAP: usize = 8;
/// A row label wraps after twelve Chinese characters.
const ROW_LABEL_CAP: usize = 24;

/// The width each grid column wants, narrowing the column headers when the whole table
/// (with one rule between columns and one at each side) would be wider than `max_total`.
pub fn column_widths_within(table: &TableContent, max_total: usize) -> Vec<usize> {
    let widths = column_widths(table, HEADER_CAP);
    let total: usize = widths.iter().sum::<usize>() + widths.len() + 1;
    if total <= max_total {
        widths
    } else {
        column_widths(table, NARROW_HEADER_CAP)
    }
}

/// The width each grid column wants, with column headers wrapping at `header_cap`.
pub fn column_widths(table: &TableContent, header_cap: usize) -> Vec<usize> {
    let grid = &table.grid;
    let mut widths = vec![MIN_WIDTH; grid.width()];
    for (r, row) in grid.slots.iter().enumerate() {
        for (c, slot) in row.iter().enumerate() {
            let Slot::Origin(cell) = slot else { continue };
            if cell.col_span != 1 {
                continue;
            }
            let natural = table.text(r, c).width();
            let wanted = match cell.role {
                Role::Input | Role::Computed => natural,
                Role::ColumnHeader => natural.min(header_cap),
                Role::RowHeader if cell.row_span > 1 => natural.min(ROW_GROUP_CAP),
                Role::RowHeader => natural.min(ROW_LABEL_CAP),
                Role::Corner | Role::Caption => 0,
            };
            widths[c] = widths[c].max(wanted);
        }
    }
    widths
}

/// The width of the widest figure in each grid column (0 where there is none): what a column
/// cannot give up without breaking a number.
pub fn value_widths(table: &TableContent) -> Vec<usize> {
    let grid = &table.grid;
    let mut widths = vec![0; grid.width()];
    for (r, row) in grid.slots.iter().enumerate() {
        for (c, slot) in row.iter().enumerate() {
            if let Slot::Origin(cell) = slot
                && matches!(cell.role, Role::Input | Role::Computed)
                && cell.col_span == 1
            {
                widths[c] = widths[c].max(table.text(r, c).width());
            }
        }
    }
    widths
}

/// A character of 五号 in twips, and a cell's margins left and right (1 mm each).
const TABLE_CHAR: usize = 210;
pub const CELL_MARGIN: usize = 57;

/// Column widths in twips for a table set in 五号 across a text area `text_width` wide
/// (Word's table, and the proportions of the HTML one).
///
/// Each column wants room for its text as [`column_widths`] wraps it — headers after four
/// characters, or after two where four would not fit (as the printed format sets table 四).
/// A table narrower than the page is widened alike; a wider one gives up, in proportion, what
/// its columns want beyond the room their figures need.
pub fn page_widths(table: &TableContent, text_width: usize) -> Vec<usize> {
    let to_twips = |w: usize| w.div_ceil(2) * TABLE_CHAR + 2 * CELL_MARGIN;
    let want_with = |cap: usize| -> Vec<usize> {
        column_widths(table, cap)
            .into_iter()
            .map(to_twips)
            .collect()
    };
    let mut want = want_with(HEADER_CAP);
    if want.iter().sum::<usize>() > text_width {
        want = want_with(NARROW_HEADER_CAP);
    }
    let total: usize = want.iter().sum();
    // A figure needs its digits; a column without figures, one character.
    let floor: Vec<usize> = value_widths(table)
        .iter()
        .zip(&want)
        .map(|(&f, &w)| to_twips(f.max(2)).min(w))
        .collect();
    let floor_total: usize = floor.iter().sum();
    let mut widths: Vec<usize> = if total <= text_width {
        want.iter().map(|w| w * text_width / total.max(1)).collect()
    } else if floor_total >= text_width {
        floor
            .iter()
            .map(|f| f * text_width / floor_total.max(1))
            .collect()
    } else {
        let spare = total - floor_total;
        let room = text_width - floor_total;
        want.iter()
            .zip(&floor)
            .map(|(w, f)| f + (w - f) * room / spare.max(1))
            .collect()
    };
    // Every width above was rounded down; the last column takes what is left, so the table
    // fills the width exactly.
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += text_width.saturating_sub(used);
    }
    widths
}
