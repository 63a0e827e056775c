//! Where things go on screen. `update` (scrolling, mouse clicks) and `view` (drawing) both ask
//! this module, so what is drawn is where a click lands.

use super::text::{str_width, wrap};
use crate::template::{Layout as TableLayout, Table};
use ratatui::layout::Rect;

/// The regions of the editor screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// The section list.
    pub sidebar: Rect,
    /// The section heading.
    pub title: Rect,
    /// The current section.
    pub content: Rect,
    /// Help for the focused field and the section's findings.
    pub panel: Rect,
    /// Messages.
    pub status: Rect,
    /// The keys that work here.
    pub footer: Rect,
}

/// Width of the section list: from 140 columns on, wide enough for the longest heading
/// (四、政府信息公开行政复议、行政诉讼情况, 38 columns) with its pointer and rule; narrower, a
/// heading is cut with `…`.
pub fn sidebar_width(width: u16) -> u16 {
    if width >= 140 {
        40
    } else if width >= 120 {
        26
    } else {
        17
    }
}

pub fn areas(width: u16, height: u16) -> Areas {
    let body_top = 1;
    let body_height = height.saturating_sub(3);
    let side = sidebar_width(width).min(width);
    let main_x = side;
    let main_w = width.saturating_sub(side);
    let panel_h = if height >= 40 {
        9
    } else if height >= 30 {
        6
    } else {
        5
    }
    .min(body_height);
    // The title line, the content, a rule, the panel.
    let content_h = body_height.saturating_sub(panel_h + 2);
    Areas {
        header: Rect::new(0, 0, width, 1),
        sidebar: Rect::new(0, body_top, side, body_height),
        title: Rect::new(main_x + 1, body_top, main_w.saturating_sub(1), 1),
        content: Rect::new(
            main_x + 1,
            body_top + 1,
            main_w.saturating_sub(1),
            content_h,
        ),
        panel: Rect::new(
            main_x + 1,
            body_top + 2 + content_h,
            main_w.saturating_sub(1),
            panel_h,
        ),
        status: Rect::new(0, height.saturating_sub(2), width, 1),
        footer: Rect::new(0, height.saturating_sub(1), width, 1),
    }
}

/// Each section takes two lines in the list.
pub const SIDEBAR_LINES: u16 = 2;

/// The page a click in the section list lands on.
pub fn sidebar_page(areas: &Areas, y: u16) -> Option<usize> {
    let top = areas.sidebar.y;
    (y >= top).then(|| usize::from((y - top) / SIDEBAR_LINES))
}

/// A line of a table on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableLine {
    /// A block caption (第二十条第（一）项).
    Caption(usize),
    /// A block's column headers.
    BlockHeader(usize),
    /// A group label over the rows below it (三、本年度办理结果).
    Group { label: String, level: usize },
    /// A row of figures, by index in the table's rows.
    Row { row: usize, level: usize },
}

/// How a table is laid out in a given width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableGeometry {
    pub label_width: usize,
    pub column_width: usize,
    /// The columns on screen, `first_col..first_col + shown_cols`: all of them, unless the
    /// figures are too wide for the window; then as many as fit, the focused one among them.
    pub first_col: usize,
    pub shown_cols: usize,
    /// The most columns a row has.
    pub columns: usize,
    /// The header drawn above the body and kept on screen (matrix and across tables).
    pub header_lines: usize,
    /// Lines a block header takes (blocks tables).
    pub block_header_lines: usize,
    pub lines: Vec<TableLine>,
    /// Lines under the table for its balance (table 三).
    pub balance_lines: usize,
}

/// The most columns any row of a table has.
pub fn max_columns(table: &Table) -> usize {
    table
        .blocks
        .iter()
        .map(|b| b.columns.len())
        .max()
        .unwrap_or(1)
}

pub fn table_geometry(table: &Table, width: usize, balanced: bool) -> TableGeometry {
    table_geometry_in(table, width, 100, balanced)
}

/// Words a column header may be broken between (本年/新制作/数量, never 本年新制/作数量).
const HEADER_WORDS: &[&str] = &[
    "本年",
    "新制作",
    "新公开",
    "总数量",
    "数量",
    "对外公开",
    "上一年",
    "项目",
    "增/减",
    "处理决定",
    "采购",
    "总金额",
    "收费金额",
    "自然人",
    "商业",
    "企业",
    "科研",
    "机构",
    "社会",
    "公益",
    "组织",
    "法律",
    "服务",
    "其他",
    "结果",
    "维持",
    "纠正",
    "尚未",
    "审结",
    "现行",
    "有效",
    "件数",
    "制发",
    "废止",
    "总计",
];

/// The most lines a column header takes.
pub const HEADER_MOST_LINES: usize = 3;

/// A column header on as few lines of `width` columns as its words allow (at most `most`);
/// a word too long for a line is broken, and what does not fit ends with `…`.
pub fn header_lines(text: &str, width: usize, most: usize) -> Vec<String> {
    let width = width.max(2);
    if str_width(text) <= width {
        return vec![text.to_string()];
    }
    // Words: the longest listed word at each place, else a run of Latin letters and digits
    // or a bracketed note, else one character.
    let mut words: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let len = HEADER_WORDS
            .iter()
            .filter(|w| rest.starts_with(**w))
            .map(|w| w.len())
            .max()
            .or_else(|| {
                rest.starts_with('（')
                    .then(|| rest.find('）').map(|e| e + '）'.len_utf8()))
                    .flatten()
            })
            .unwrap_or_else(|| {
                let ascii = rest
                    .char_indices()
                    .find(|(_, c)| !c.is_ascii_alphanumeric())
                    .map_or(rest.len(), |(e, _)| e);
                if ascii > 0 {
                    ascii
                } else {
                    rest.chars().next().map_or(1, char::len_utf8)
                }
            });
        words.push(&rest[..len]);
        i += len;
    }
    let mut lines: Vec<String> = vec![String::new()];
    for w in words {
        let last = lines.last_mut().expect("a line");
        if str_width(last) + str_width(w) <= width {
            last.push_str(w);
        } else if str_width(w) <= width {
            lines.push(w.to_string());
        } else {
            // A word longer than a line: broken by characters.
            for c in w.chars() {
                let last = lines.last_mut().expect("a line");
                if str_width(last) + super::text::char_width(c) > width {
                    lines.push(String::new());
                }
                lines.last_mut().expect("a line").push(c);
            }
        }
    }
    lines.retain(|l| !l.is_empty());
    if lines.len() > most {
        let rest = lines[most - 1..].concat();
        lines.truncate(most - 1);
        lines.push(super::text::fit_end(&rest, width));
    }
    lines
}

/// The least room for row labels before the columns scroll sideways.
const LABEL_LEAST: usize = 16;

/// The balance takes three lines (一+二, （七）+四, the check) when the area has room for
/// them, and only the check line in a small window.
pub fn balance_lines(area_height: usize) -> usize {
    if area_height >= 16 { 3 } else { 1 }
}

/// A table's layout in an area of the given size.
pub fn table_geometry_in(
    table: &Table,
    width: usize,
    height: usize,
    balanced: bool,
) -> TableGeometry {
    table_geometry_for(table, width, height, balanced, 0, 0)
}

/// A table's layout in an area of the given size, for figures up to `figures` columns wide,
/// with the column `focus_col` on screen: the columns widen to show every figure whole, the
/// row labels narrow down to `LABEL_LEAST` characters, and past that the columns scroll sideways.
pub fn table_geometry_for(
    table: &Table,
    width: usize,
    height: usize,
    balanced: bool,
    figures: usize,
    focus_col: usize,
) -> TableGeometry {
    let n = max_columns(table).max(1);
    // Row labels get the room they need (up to a point) before the columns widen.
    let label_want = table
        .rows()
        .map(|(_, r)| 2 * (table.row_level(r) - 1) + str_width(&r.label) + 1)
        .max()
        .unwrap_or(12)
        .clamp(12, 40);
    // A cell shows `column_width - 1` columns.
    let least = (figures + 1).max(6);
    let mut column_width = (width.saturating_sub(label_want) / n)
        .clamp(6, 16)
        .max(least);
    let mut first_col = 0;
    let mut shown_cols = n;
    let mut label_width = width.saturating_sub(column_width * n);
    if label_width < LABEL_LEAST.min(label_want) && least > 6 {
        // Too many wide figures for the window: the columns scroll, one column kept for
        // the marks that say more are on either side.
        column_width = least;
        shown_cols = (width.saturating_sub(LABEL_LEAST + 1) / column_width).clamp(1, n);
        if shown_cols < n {
            // The focused column and the one after it (a computed 总计 the cursor skips is
            // reached that way).
            first_col = (focus_col + 2)
                .saturating_sub(shown_cols)
                .min(n - shown_cols);
            label_width = width.saturating_sub(column_width * shown_cols + 1);
        } else {
            label_width = width.saturating_sub(column_width * n);
        }
    }
    let label_width = label_width.max(8);
    let leaf_lines = |headers: &mut dyn Iterator<Item = &str>| -> usize {
        headers
            .map(|h| header_lines(h, column_width - 1, HEADER_MOST_LINES).len())
            .max()
            .unwrap_or(1)
    };
    let mut lines = Vec::new();
    let (header_lines, block_header_lines) = match table.layout {
        TableLayout::Blocks => {
            for (b, block) in table.blocks.iter().enumerate() {
                if block.caption.is_some() {
                    lines.push(TableLine::Caption(b));
                }
                lines.push(TableLine::BlockHeader(b));
                let first = table.blocks[..b]
                    .iter()
                    .map(|bl| bl.rows.len())
                    .sum::<usize>();
                for i in 0..block.rows.len() {
                    lines.push(TableLine::Row {
                        row: first + i,
                        level: 1,
                    });
                }
            }
            let most = table
                .blocks
                .iter()
                .map(|b| leaf_lines(&mut b.columns.iter().map(|c| c.header.as_str())))
                .max()
                .unwrap_or(1);
            (0, most)
        }
        TableLayout::Matrix | TableLayout::Across => {
            let mut previous: Vec<&str> = Vec::new();
            for (i, (_, row)) in table.rows().enumerate() {
                let path = table.group_path(row.group.as_deref());
                let same = previous
                    .iter()
                    .zip(path.iter())
                    .take_while(|(a, b)| a == b)
                    .count();
                for (level, label) in path.iter().enumerate().skip(same) {
                    lines.push(TableLine::Group {
                        label: label.to_string(),
                        level: level + 1,
                    });
                }
                lines.push(TableLine::Row {
                    row: i,
                    level: path.len() + 1,
                });
                previous = path;
            }
            let block = &table.blocks[0];
            let depth = block
                .columns
                .iter()
                .map(|c| table.column_path(c).len())
                .max()
                .unwrap_or(1);
            let leaves = leaf_lines(&mut block.columns.iter().map(|c| c.header.as_str()));
            (depth - 1 + leaves, 0)
        }
    };
    TableGeometry {
        label_width,
        column_width,
        first_col,
        shown_cols,
        columns: n,
        header_lines,
        block_header_lines,
        lines,
        balance_lines: if balanced { balance_lines(height) } else { 0 },
    }
}

impl TableGeometry {
    /// Lines a table line takes on screen.
    pub fn height_of(&self, line: &TableLine) -> usize {
        match line {
            TableLine::BlockHeader(_) => self.block_header_lines,
            _ => 1,
        }
    }

    /// Screen rows of the scrolling body in an area of this height.
    pub fn body_height(&self, area_height: usize) -> usize {
        area_height.saturating_sub(self.header_lines + self.balance_lines)
    }

    /// The index in `lines` of a row.
    pub fn line_of_row(&self, row: usize) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| matches!(l, TableLine::Row { row: r, .. } if *r == row))
    }

    /// The first line to show so that the row (and, in a blocks table, its caption and
    /// header) is on screen, moving as little as possible from `scroll`.
    pub fn scroll_for(&self, row: usize, scroll: usize, body_height: usize) -> usize {
        let Some(line) = self.line_of_row(row) else {
            return scroll;
        };
        // Keep the block's caption and header, or the group labels, with the row.
        let blocks = self.block_header_lines > 0;
        let mut top = line;
        while top > 0 {
            match &self.lines[top - 1] {
                TableLine::Caption(_) => {
                    top -= 1;
                    break;
                }
                TableLine::BlockHeader(_) => {
                    top -= 1;
                    if !matches!(
                        self.lines.get(top.wrapping_sub(1)),
                        Some(TableLine::Caption(_))
                    ) {
                        break;
                    }
                }
                TableLine::Group { .. } => top -= 1,
                TableLine::Row { .. } if blocks => top -= 1,
                TableLine::Row { .. } => break,
            }
        }
        if self.span(top, line) > body_height {
            top = line;
        }
        let mut scroll = scroll.min(top);
        while self.span(scroll, line) + self.pinned_height(scroll) > body_height && scroll < line {
            scroll += 1;
        }
        scroll
    }

    /// The scroll brought back up while the lines above it fit too: after the window grows,
    /// no rows stay scrolled off above with room left below.
    pub fn settle(&self, mut scroll: usize, body_height: usize) -> usize {
        let last = self.lines.len().saturating_sub(1);
        scroll = scroll.min(last);
        while scroll > 0
            && self.span(scroll - 1, last) + self.pinned_height(scroll - 1) <= body_height
        {
            scroll -= 1;
        }
        scroll
    }

    /// In a blocks table (二) scrolled into a block, the lines of that block's caption and
    /// column headers (first and last index), pinned above the body so the figures on screen
    /// keep their headers.
    pub fn pinned(&self, scroll: usize) -> Option<(usize, usize)> {
        if self.block_header_lines == 0 {
            return None;
        }
        match self.lines.get(scroll)? {
            TableLine::Row { .. } => {}
            // The headers on top, their caption above: the caption is pinned.
            TableLine::BlockHeader(_) => {
                let above = scroll.checked_sub(1)?;
                return matches!(self.lines[above], TableLine::Caption(_))
                    .then_some((above, above));
            }
            _ => return None,
        }
        let header = (0..scroll)
            .rev()
            .find(|&i| matches!(self.lines[i], TableLine::BlockHeader(_)))?;
        let from = match header.checked_sub(1).map(|i| &self.lines[i]) {
            Some(TableLine::Caption(_)) => header - 1,
            _ => header,
        };
        Some((from, header))
    }

    /// Screen rows the pinned caption and headers take.
    pub fn pinned_height(&self, scroll: usize) -> usize {
        self.pinned(scroll).map_or(0, |(a, b)| self.span(a, b))
    }

    /// Screen rows from line `from` to line `to`, both included.
    pub fn span(&self, from: usize, to: usize) -> usize {
        (from..=to)
            .filter_map(|i| self.lines.get(i))
            .map(|l| self.height_of(l))
            .sum()
    }

    /// The line at a screen row of the body (under any pinned header), counting from `scroll`.
    pub fn line_at(&self, scroll: usize, row: usize) -> Option<usize> {
        let row = row.checked_sub(self.pinned_height(scroll))?;
        let mut y = 0;
        for i in scroll..self.lines.len() {
            let h = self.height_of(&self.lines[i]);
            if row < y + h {
                return Some(i);
            }
            y += h;
        }
        None
    }
}

/// Where a prose section goes, with or without last year's text beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProseAreas {
    /// This year's text, typed into.
    pub text: Rect,
    /// Last year's text, read-only: its title line and its body.
    pub last_title: Option<Rect>,
    pub last_body: Option<Rect>,
    /// The rule between the two when they stand side by side.
    pub separator: Option<Rect>,
    /// The section's findings; last year's text takes their place in a narrow window.
    pub panel: Option<Rect>,
}

/// From this content width on, last year's text stands beside this year's; below it, under
/// this year's, in place of the findings.
pub const SIDE_BY_SIDE_WIDTH: u16 = 80;

pub fn prose_areas(areas: &Areas, last_shown: bool) -> ProseAreas {
    let c = areas.content;
    if !last_shown {
        return ProseAreas {
            text: c,
            last_title: None,
            last_body: None,
            separator: None,
            panel: Some(areas.panel),
        };
    }
    if c.width >= SIDE_BY_SIDE_WIDTH {
        let left = (c.width - 1) / 2;
        let right = c.width - left - 1;
        let x = c.x + left + 1;
        return ProseAreas {
            text: Rect::new(c.x, c.y, left, c.height),
            last_title: Some(Rect::new(x, c.y, right, 1)),
            last_body: Some(Rect::new(x, c.y + 1, right, c.height.saturating_sub(1))),
            separator: Some(Rect::new(c.x + left, c.y, 1, c.height)),
            panel: Some(areas.panel),
        };
    }
    // Stacked: this year's text above, a titled rule, last year's text down to the bottom.
    let height = areas.panel.bottom().saturating_sub(c.y);
    let text_h = height.saturating_sub(1) / 2;
    let title_y = c.y + text_h;
    ProseAreas {
        text: Rect::new(c.x, c.y, c.width, text_h),
        last_title: Some(Rect::new(c.x, title_y, c.width, 1)),
        last_body: Some(Rect::new(
            c.x,
            title_y + 1,
            c.width,
            height.saturating_sub(text_h + 1),
        )),
        separator: None,
        panel: None,
    }
}

/// Visual lines of a prose text in a width.
pub fn prose_lines(text: &str, width: u16) -> Vec<super::text::VisualLine> {
    wrap(text, usize::from(width.max(4)))
}

/// Visual lines of the text being edited in an area `width` columns wide: wrapped one column
/// short, so that the caret after a full line (End) has a column to stand in.
pub fn editor_lines(text: &str, width: u16) -> Vec<super::text::VisualLine> {
    prose_lines(text, width.saturating_sub(1))
}

/// Differences the recovery dialog shows at once at a screen height (two lines each).
pub fn recovery_list_height(height: u16) -> usize {
    usize::from(height.saturating_sub(9)) / 2
}

/// The first visual line to show so the caret's line is on screen and never on the area's
/// last row (an input method's candidate window needs the room below).
pub fn prose_scroll(caret_line: usize, scroll: usize, height: usize) -> usize {
    let usable = height.saturating_sub(1).max(1);
    let mut scroll = scroll.min(caret_line);
    if caret_line >= scroll + usable {
        scroll = caret_line + 1 - usable;
    }
    scroll
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    #[test]
    fn table_three_lists_group_labels_once() {
        let t = Template::builtin("gip-2019").expect("built in");
        let table = t.table("requests").expect("table");
        let g = table_geometry(table, 65, true);
        let groups: Vec<&str> = g
            .lines
            .iter()
            .filter_map(|l| match l {
                TableLine::Group { label, .. } => Some(label.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                "三、本年度办理结果",
                "（三）不予公开",
                "（四）无法提供",
                "（五）不予处理"
            ]
        );
        assert_eq!(g.label_width + 7 * g.column_width, 65);
    }

    #[test]
    fn wide_figures_widen_the_columns_then_scroll_them_with_the_focus() {
        let t = Template::builtin("gip-2019").expect("built in");
        let table = t.table("requests").expect("table");
        // Room for all: the columns widen to the figures.
        let g = table_geometry_for(table, 118, 30, true, 8, 0);
        assert_eq!((g.first_col, g.shown_cols), (0, 7));
        assert!(g.column_width > 8);
        // 80 columns: they scroll; the focused column and the one after it (总计) are shown.
        let g = table_geometry_for(table, 62, 14, true, 8, 5);
        assert!(g.shown_cols < 7 && g.column_width > 8);
        assert_eq!(g.first_col + g.shown_cols, 7, "总计 on screen");
        assert!(
            g.label_width + g.shown_cols * g.column_width < 62,
            "room for ›"
        );
        let g = table_geometry_for(table, 62, 14, true, 8, 0);
        assert_eq!(g.first_col, 0);
    }

    #[test]
    fn headers_break_between_words() {
        assert_eq!(
            header_lines("本年新制作数量", 10, 3),
            vec!["本年新制作", "数量"]
        );
        assert_eq!(
            header_lines("对外公开总数量", 10, 3),
            vec!["对外公开", "总数量"]
        );
        assert_eq!(
            header_lines("社会公益组织", 5, 3),
            vec!["社会", "公益", "组织"]
        );
        assert_eq!(header_lines("自然人", 6, 3), vec!["自然人"]);
        let cut = header_lines("本年收费金额（单位：万元）", 4, 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
    }

    #[test]
    fn a_blocks_row_scrolls_in_with_its_caption() {
        let t = Template::builtin("gip-2019").expect("built in");
        let table = t.table("proactive").expect("table");
        let g = table_geometry(table, 65, false);
        let line = g.line_of_row(7).expect("procurement row");
        let scroll = g.scroll_for(7, 0, 6);
        let caption = (0..line)
            .rev()
            .find(|&i| matches!(g.lines[i], TableLine::Caption(_)))
            .expect("a caption above");
        assert!(scroll <= caption, "the caption is on screen");
        assert!(g.span(scroll, line) <= 6, "and so is the row");
    }

    #[test]
    fn last_years_text_stands_beside_when_wide_and_below_when_narrow() {
        let wide = prose_areas(&areas(160, 48), true);
        let body = wide.last_body.expect("shown");
        assert_eq!(body.y, wide.text.y + 1, "beside, under its title");
        assert!(body.x > wide.text.right());
        // 59 each at 160 columns, beside a section list that shows every heading whole.
        assert!(wide.text.width >= 59 && body.width >= 59);
        assert!(wide.panel.is_some(), "the findings stay");

        let narrow = prose_areas(&areas(80, 24), true);
        let body = narrow.last_body.expect("shown");
        assert_eq!(body.x, narrow.text.x);
        assert!(body.y > narrow.text.bottom(), "below, under its title");
        assert_eq!(narrow.text.width, body.width, "each the full width");
        assert!(narrow.text.height >= 8 && body.height >= 8);
        assert!(narrow.panel.is_none(), "in place of the findings");

        let hidden = prose_areas(&areas(80, 24), false);
        assert_eq!(hidden.text, areas(80, 24).content);
        assert_eq!(hidden.last_body, None);
    }

    #[test]
    fn the_caret_line_is_never_the_last_row() {
        assert_eq!(prose_scroll(9, 0, 10), 1);
        assert_eq!(prose_scroll(8, 0, 10), 0);
        assert_eq!(prose_scroll(3, 5, 10), 3);
    }
}
