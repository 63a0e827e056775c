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

/// The lines a cell's text is set in before any wrapping: a group label numbered like
/// 「（三）不予公开」 breaks after its number, so a narrow column reads 「（三）/不予公开」 and
/// never 「（三）不/予公开」. Everything else is one piece.
pub fn cell_lines(text: &str, role: Role, row_span: usize) -> Vec<&str> {
    if role == Role::RowHeader
        && row_span > 1
        && text.starts_with('（')
        && let Some(end) = text.find('）')
    {
        let cut = end + '）'.len_utf8();
        if cut < text.len() && text[..cut].chars().count() <= 5 {
            return vec![&text[..cut], &text[cut..]];
        }
    }
    vec![text]
}

/// Plain text: the width each grid column wants, giving up header width before label width
/// (a header of figures wraps into 「社会/公益/组织」 in a terminal without harm; a row label
/// cut short takes many lines) until the table with its rules fits `max_total`.
pub fn column_widths_within(table: &TableContent, max_total: usize) -> Vec<usize> {
    let tries = [
        (HEADER_CAP, ROW_LABEL_CAP),
        (NARROW_HEADER_CAP, ROW_LABEL_CAP),
        (NARROW_HEADER_CAP, 20),
        (NARROW_HEADER_CAP, 16),
        (NARROW_HEADER_CAP, 12),
    ];
    let mut widths = Vec::new();
    for (header_cap, label_cap) in tries {
        widths = column_widths_with(table, header_cap, label_cap);
        let total: usize = widths.iter().sum::<usize>() + widths.len() + 1;
        if total <= max_total {
            break;
        }
    }
    widths
}

/// The width each grid column wants: column headers wrap at `header_cap`, row labels at
/// `label_cap`. A group label with rows enough to stand one character a line
/// (三、本年度办理结果 over twenty rows) takes one character, as the printed format sets it.
pub fn column_widths_with(table: &TableContent, header_cap: usize, label_cap: usize) -> Vec<usize> {
    let grid = &table.grid;
    let mut widths = vec![0; grid.width()];
    let mut stacked = vec![false; grid.width()];
    for (r, row) in grid.slots.iter().enumerate() {
        for (c, slot) in row.iter().enumerate() {
            let Slot::Origin(cell) = slot else { continue };
            if cell.col_span != 1 {
                continue;
            }
            let text = table.text(r, c);
            let natural = cell_lines(text, cell.role, cell.row_span)
                .iter()
                .map(|l| l.width_cjk())
                .max()
                .unwrap_or(0);
            let wanted = match cell.role {
                Role::Input | Role::Computed => natural,
                Role::ColumnHeader => natural.min(header_cap),
                Role::RowHeader if cell.row_span > 1 && text.chars().count() <= cell.row_span => {
                    stacked[c] = true;
                    2
                }
                Role::RowHeader if cell.row_span > 1 => natural.min(ROW_GROUP_CAP),
                Role::RowHeader => natural.min(label_cap),
                Role::Corner | Role::Caption => 0,
            };
            widths[c] = widths[c].max(wanted);
        }
    }
    widths
        .iter()
        .zip(&stacked)
        .map(|(&w, &one)| if one { w.max(2) } else { w.max(MIN_WIDTH) })
        .collect()
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
                widths[c] = widths[c].max(table.text(r, c).width_cjk());
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
    let want_with = |header_cap: usize, label_cap: usize| -> Vec<usize> {
        column_widths_with(table, header_cap, label_cap)
            .into_iter()
            .map(to_twips)
            .collect()
    };
    // On paper the labels give way first: a header of four characters (社会公益组织 as
    // 「社会公益/组织」) reads better than one of two (「社会/公益/组织」), and row labels
    // have lines to wrap into.
    let tries = [
        (HEADER_CAP, ROW_LABEL_CAP),
        (HEADER_CAP, 20),
        (HEADER_CAP, 16),
        (HEADER_CAP, 12),
        (NARROW_HEADER_CAP, ROW_LABEL_CAP),
    ];
    let mut want = Vec::new();
    for (header_cap, label_cap) in tries {
        want = want_with(header_cap, label_cap);
        if want.iter().sum::<usize>() <= text_width {
            break;
        }
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
