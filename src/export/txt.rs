//! Plain text: readable in a terminal and in an email.
//!
//! Prose is wrapped by display width (a Chinese character takes two columns) with line breaks
//! that keep punctuation where Chinese typesetting wants it. Tables are drawn from the official
//! grid with ASCII rules (`+ - | =`): box-drawing characters are double width in many Chinese
//! fonts and terminals and would break the alignment there. Merged cells have no rule inside.

use super::content::{Block, Content, TableContent};
use super::layout;
use crate::i18n::DRAFT_MARK;
use crate::template::grid::{Role, Slot};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of prose lines, in display columns.
const TEXT_WIDTH: usize = 76;
/// Tables wider than this get narrower column headers.
const TABLE_WIDTH: usize = 100;
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
    for line in wrap(&content.title, TEXT_WIDTH - 8) {
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
    let options = textwrap::Options::new(TEXT_WIDTH)
        .initial_indent(INDENT)
        .break_words(true);
    let lines: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
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
        let Some(after) = rest.strip_prefix(body) else {
            // The wrap changed more than spaces: leave the lines as they are.
            return lines;
        };
        let spaces = after.len() - after.trim_start_matches(' ').len();
        rest = &after[spaces..];
        line.push_str(&" ".repeat(spaces));
    }
    lines
}

/// Wraps text at a display width; breaks inside a word only when a word is wider than a line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let options = textwrap::Options::new(width.max(2)).break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

fn center(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width()) / 2;
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
            let w = ch.width().unwrap_or(0);
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

/// A table drawn from its official grid.
fn table_lines(table: &TableContent) -> Vec<String> {
    let grid = &table.grid;
    let widths = layout::column_widths_within(table, TABLE_WIDTH);
    let span_width = |c: usize, span: usize| widths[c..c + span].iter().sum::<usize>() + span - 1;

    // Each origin's text, wrapped to the width of the columns it spans.
    let mut wrapped: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for (r, row) in grid.slots.iter().enumerate() {
        for (c, slot) in row.iter().enumerate() {
            if let Slot::Origin(cell) = slot {
                let width = span_width(c, cell.col_span);
                wrapped.push((r, c, wrap(table.text(r, c), width)));
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
    for w in &widths {
        xs.push(xs.last().copied().unwrap_or(0) + w + 1);
    }
    let mut ys = vec![0];
    for h in &heights {
        ys.push(ys.last().copied().unwrap_or(0) + h + 1);
    }
    let mut canvas = Canvas::new(ys[grid.height()] + 1, xs[grid.width()] + 1);
    for (r, c, lines) in &wrapped {
        let Some(cell) = grid.origin(*r, *c) else {
            continue;
        };
        let (x0, x1) = (xs[*c], xs[*c + cell.col_span]);
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
            let free = inner_width.saturating_sub(line.width());
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
