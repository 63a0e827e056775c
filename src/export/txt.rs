//! Plain text: readable in a terminal and in an email.
//!
//! Prose is wrapped at 76 columns by display width as a Chinese terminal or editor draws it: a
//! Chinese character takes two columns, and so do the ambiguous-width marks (“”‘’…) that CJK
//! fonts draw double. Lines break where [`crate::linebreak`] allows, the rule the editor's
//! screen follows too: by the 禁则 of Chinese typesetting — no closing mark at the start of a
//! line, no opening one at its end — and never inside a number, an address or a word of Latin
//! letters. Tables are drawn from the official grid with ASCII rules (`+ - | =`):
//! box-drawing characters are double width in many Chinese fonts and terminals and would break
//! the alignment there. Merged cells have no rule inside. A table fits 80 columns: its labels
//! wrap, and a table of figures too wide even so (table 四 with large figures) is drawn in two
//! parts, one above the other, split between its column groups.

use super::content::{Block, Content, TableContent};
use super::layout;
use crate::i18n::DRAFT_MARK;
use crate::template::grid::{Role, Slot};
use std::ops::Range;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of prose lines, in display columns.
const TEXT_WIDTH: usize = 76;
/// No table is wider than this.
const TABLE_WIDTH: usize = 80;
/// The paragraph indent of Chinese prose: two full-width spaces.
const INDENT: &str = "\u{3000}\u{3000}";

pub fn render(content: &Content) -> String {
    // The first line marks the file as gongkai's own, so `check FOLDER` does not count the
    // report twice (its draft is beside it) and `import` reads its paragraphs exactly.
    let mut lines: Vec<String> = vec![crate::import::text::GENERATOR_LINE.to_string()];
    if content.draft {
        lines.push(center(&format!("【{DRAFT_MARK}】"), TEXT_WIDTH));
        lines.push(String::new());
    }
    // The title breaks after the agency when it does not fit one line (GB/T 9704).
    let title_width = TEXT_WIDTH - 8;
    let title_lines: Vec<String> = if content.title.width_cjk() <= title_width {
        vec![content.title.clone()]
    } else {
        content
            .title_lines
            .iter()
            .flat_map(|l| wrap(l, title_width))
            .collect()
    };
    for line in title_lines {
        lines.push(center(&line, TEXT_WIDTH));
    }
    for paragraph in &content.preamble {
        lines.push(String::new());
        lines.extend(paragraph_lines(paragraph));
    }
    for section in &content.sections {
        lines.push(String::new());
        lines.push(section.heading.to_string());
        for block in &section.blocks {
            lines.push(String::new());
            match block {
                Block::Subheading(text) => lines.extend(wrap(text, TEXT_WIDTH)),
                Block::Paragraph(text) => lines.extend(paragraph_lines(text)),
                Block::Table(table) => lines.extend(table_lines(table)),
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn paragraph_lines(text: &str) -> Vec<String> {
    let mut lines = wrap_indented(text, TEXT_WIDTH, INDENT.width_cjk());
    if let Some(first) = lines.first_mut() {
        first.insert_str(0, INDENT);
    }
    keep_break_spaces(text, lines)
}

/// Puts back, at the end of a line, the spaces the wrap dropped where it broke the line
/// (「共发布信息 12 条」 broken after 12): invisible on paper, they let `import` join the lines
/// into exactly the text that was written.
fn keep_break_spaces(text: &str, mut lines: Vec<String>) -> Vec<String> {
    let mut rest = text;
    for (i, line) in lines.iter_mut().enumerate() {
        let body = if i == 0 {
            line.strip_prefix(INDENT).unwrap_or(line)
        } else {
            line.as_str()
        };
        let Some(after) = rest.strip_prefix(body.trim_end_matches(' ')) else {
            // The wrap changed more than spaces: leave the lines as they are.
            return lines;
        };
        let spaces = after.len() - after.trim_start_matches(' ').len();
        rest = &after[spaces..];
        line.push_str(&" ".repeat(spaces));
    }
    lines
}

/// Wraps text at a display width (see [`wrap_indented`]).
fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_indented(text, width, 0)
}

/// Wraps text at a display width, the first line `first_indent` columns shorter. Breaks
/// inside a piece only when the piece is wider than a whole line.
fn wrap_indented(text: &str, width: usize, first_indent: usize) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let width = width.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = first_indent;
    let room = |lines: &Vec<String>| {
        if lines.is_empty() {
            width.saturating_sub(first_indent)
        } else {
            width
        }
    };
    for range in crate::linebreak::pieces(text) {
        let atom = &text[range];
        let w = atom.width_cjk();
        if used + w > width && !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line = String::new();
            used = 0;
            if atom == " " {
                continue;
            }
        }
        if w > room(&lines) {
            // Wider than any line: break it by characters.
            for c in atom.chars() {
                let cw = c.width_cjk().unwrap_or(0);
                if used + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
            continue;
        }
        line.push_str(atom);
        used += w;
    }
    let line = line.trim_end().to_string();
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn center(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width_cjk()) / 2;
    format!("{}{text}", " ".repeat(pad))
}

/// Which rules meet at a point of the drawing.
const LEFT: u8 = 1;
const RIGHT: u8 = 2;
const UP: u8 = 4;
const DOWN: u8 = 8;

/// A drawing of display columns: rules, and text where a wide character fills two columns.
struct Canvas {
    rules: Vec<Vec<u8>>,
    /// `None` is the second column of a wide character.
    chars: Vec<Vec<Option<char>>>,
}

impl Canvas {
    fn new(height: usize, width: usize) -> Canvas {
        Canvas {
            rules: vec![vec![0; width]; height],
            chars: vec![vec![Some(' '); width]; height],
        }
    }

    fn horizontal(&mut self, y: usize, x0: usize, x1: usize) {
        for x in x0..=x1 {
            if x > x0 {
                self.rules[y][x] |= LEFT;
            }
            if x < x1 {
                self.rules[y][x] |= RIGHT;
            }
        }
    }

    fn vertical(&mut self, x: usize, y0: usize, y1: usize) {
        for y in y0..=y1 {
            if y > y0 {
                self.rules[y][x] |= UP;
            }
            if y < y1 {
                self.rules[y][x] |= DOWN;
            }
        }
    }

    fn text(&mut self, y: usize, x: usize, text: &str) {
        let mut x = x;
        for ch in text.chars() {
            let w = ch.width_cjk().unwrap_or(0);
            if w == 0 {
                continue;
            }
            self.chars[y][x] = Some(ch);
            for i in 1..w {
                self.chars[y][x + i] = None;
            }
            x += w;
        }
    }

    /// The drawing as lines; `heavy_row` is the rule under the column headers, drawn with `=`.
    fn lines(&self, heavy_row: Option<usize>) -> Vec<String> {
        self.rules
            .iter()
            .zip(&self.chars)
            .enumerate()
            .map(|(y, (rules, chars))| {
                let mut line = String::new();
                for (rule, ch) in rules.iter().zip(chars) {
                    let horizontal = rule & (LEFT | RIGHT) != 0;
                    let vertical = rule & (UP | DOWN) != 0;
                    match (horizontal, vertical) {
                        (true, true) => line.push('+'),
                        (true, false) if heavy_row == Some(y) => line.push('='),
                        (true, false) => line.push('-'),
                        (false, true) => line.push('|'),
                        (false, false) => line.extend(*ch),
                    }
                }
                line.trim_end().to_string()
            })
            .collect()
    }
}

/// Where text sits in its cell.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
    Right,
}

fn align_of(role: Role) -> (Align, bool) {
    // (horizontal alignment, centred vertically)
    match role {
        Role::Input | Role::Computed => (Align::Right, true),
        Role::ColumnHeader => (Align::Center, true),
        Role::RowHeader => (Align::Left, true),
        Role::Corner | Role::Caption => (Align::Left, false),
    }
}

/// A table drawn from its official grid; when it is wider than [`TABLE_WIDTH`], as parts one
/// above the other, each a range of whole column groups.
fn table_lines(table: &TableContent) -> Vec<String> {
    let widths = layout::column_widths_within(table, TABLE_WIDTH);
    let parts = column_parts(table, &widths);
    let mut lines = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(part_lines(table, &widths, part.clone()));
    }
    lines
}

/// Width of columns `range` drawn with their rules.
fn drawn_width(widths: &[usize], range: Range<usize>) -> usize {
    widths[range.clone()].iter().sum::<usize>() + range.len() + 1
}

/// The column ranges a table is drawn in: the whole table when it fits, else parts cut where
/// no cell spans the cut (between 行政复议 and 行政诉讼, then between the groups of 行政诉讼).
fn column_parts(table: &TableContent, widths: &[usize]) -> Vec<Range<usize>> {
    let grid = &table.grid;
    let n = grid.width();
    // A cut before column c is clean when no origin spans across it.
    let clean = |c: usize| {
        grid.slots.iter().enumerate().all(|(r, row)| {
            let (_, oc) = table.owner(r, c);
            oc == c && row.len() == n
        })
    };
    let cuts: Vec<usize> = (1..n).filter(|&c| clean(c)).collect();
    let mut parts = Vec::new();
    let mut start = 0;
    while start < n {
        if drawn_width(widths, start..n) <= TABLE_WIDTH {
            parts.push(start..n);
            break;
        }
        // The widest part that fits, ending at a clean cut.
        match cuts
            .iter()
            .rev()
            .find(|&&c| c > start && drawn_width(widths, start..c) <= TABLE_WIDTH)
        {
            Some(&end) => {
                parts.push(start..end);
                start = end;
            }
            None => {
                // No clean cut fits: draw the rest as it is.
                parts.push(start..n);
                break;
            }
        }
    }
    parts
}

/// The columns `range` of a table (a range no cell spans out of).
fn part_lines(table: &TableContent, all_widths: &[usize], range: Range<usize>) -> Vec<String> {
    let grid = &table.grid;
    let widths = &all_widths[range.clone()];
    let offset = range.start;
    let span_width = |c: usize, span: usize| {
        widths[c - offset..c - offset + span].iter().sum::<usize>() + span - 1
    };

    // Each origin's text, wrapped to the width of the columns it spans: a numbered group label
    // breaks after its number first.
    let mut wrapped: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for (r, row) in grid.slots.iter().enumerate() {
        for (c, slot) in row.iter().enumerate() {
            if let Slot::Origin(cell) = slot
                && range.contains(&c)
            {
                let mut width = span_width(c, cell.col_span);
                let text = table.text(r, c);
                // A header that would leave one character on a line of its own wraps into
                // lines of even length instead: 「结果/维持」, not 「结果维/持」.
                let orphan = wrap(text, width)
                    .last()
                    .is_some_and(|l| l.chars().count() == 1 && l.width_cjk() == 2);
                if cell.role == Role::ColumnHeader && orphan && text.width_cjk() > width {
                    let lines = text.width_cjk().div_ceil(width);
                    width = text
                        .width_cjk()
                        .div_ceil(lines)
                        .next_multiple_of(2)
                        .min(width);
                }
                let lines = layout::cell_lines(text, cell.role, cell.row_span)
                    .into_iter()
                    .flat_map(|piece| wrap(piece, width))
                    .collect();
                wrapped.push((r, c, lines));
            }
        }
    }

    // Row heights: a cell's lines fit in the rows it spans (and the rules between them).
    let mut heights = vec![1usize; grid.height()];
    let mut by_span: Vec<&(usize, usize, Vec<String>)> = wrapped.iter().collect();
    by_span.sort_by_key(|(r, c, _)| grid.origin(*r, *c).map_or(1, |cell| cell.row_span));
    for (r, c, lines) in by_span {
        let span = grid.origin(*r, *c).map_or(1, |cell| cell.row_span);
        let available: usize = heights[*r..*r + span].iter().sum::<usize>() + span - 1;
        if lines.len() > available {
            heights[*r + span - 1] += lines.len() - available;
        }
    }

    let mut xs = vec![0];
    for w in widths {
        xs.push(xs.last().copied().unwrap_or(0) + w + 1);
    }
    let mut ys = vec![0];
    for h in &heights {
        ys.push(ys.last().copied().unwrap_or(0) + h + 1);
    }
    let mut canvas = Canvas::new(ys[grid.height()] + 1, xs[widths.len()] + 1);
    for (r, c, lines) in &wrapped {
        let Some(cell) = grid.origin(*r, *c) else {
            continue;
        };
        let (x0, x1) = (xs[*c - offset], xs[*c - offset + cell.col_span]);
        let (y0, y1) = (ys[*r], ys[*r + cell.row_span]);
        canvas.horizontal(y0, x0, x1);
        canvas.horizontal(y1, x0, x1);
        canvas.vertical(x0, y0, y1);
        canvas.vertical(x1, y0, y1);
        let (align, middle) = align_of(cell.role);
        let inner_width = x1 - x0 - 1;
        let inner_height = y1 - y0 - 1;
        let top = if middle {
            (inner_height - lines.len().min(inner_height)) / 2
        } else {
            0
        };
        for (i, line) in lines.iter().enumerate() {
            let free = inner_width.saturating_sub(line.width_cjk());
            let offset = match align {
                Align::Left => 0,
                Align::Center => free / 2,
                // Numbers keep a space from the rule on their right when the column allows.
                Align::Right => free.saturating_sub(1),
            };
            canvas.text(y0 + 1 + top + i, x0 + 1 + offset, line);
        }
    }
    let heavy = (grid.header_rows > 0).then(|| ys[grid.header_rows]);
    canvas.lines(heavy)
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn a_closing_mark_never_starts_a_line_and_an_opening_one_never_ends_one() {
        // Ten columns: 「一二三四五」 fills the line, so the 。 goes with 五 to the next.
        assert_eq!(wrap("一二三四五。六", 10), ["一二三四", "五。六"]);
        assert_eq!(wrap("一二三四（五）", 10), ["一二三四", "（五）"]);
    }

    #[test]
    fn a_number_or_an_address_is_never_split() {
        assert_eq!(wrap("电话：0592-5327743", 12), ["电话：", "0592-5327743"]);
        let lines = wrap("见https://www.example.gov.cn/zwgk/查阅", 40);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("https://www.example.gov.cn/zwgk/"))
        );
    }

    #[test]
    fn ambiguous_quote_marks_take_two_columns() {
        let lines = wrap("3.危及“三安全一稳定”", 12);
        assert!(lines.iter().all(|l| l.width_cjk() <= 12), "{lines:?}");
    }
}
