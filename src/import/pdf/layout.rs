//! From characters and ruling lines to the importer's document: tables rebuilt from their
//! borders, text outside them into lines and paragraphs, in reading order.
//!
//! A table's rows and columns come from its ruling lines, not from where its text sits: a
//! Word-made PDF may put one row's cells on different baselines, and rows guessed from
//! baselines then misread figures. Two neighbouring slots of the grid are one merged cell
//! where no line separates them. Text is then put in the cell its middle falls in.

use super::page::{Char, Page, Segment};
use crate::import::document::{Block, Grid, SpanCell};

/// Coordinates closer than this are one line (a frame drawn as two nested rectangles, lines of
/// slightly different widths).
const SNAP: f64 = 2.0;

/// A table found on a page: its grid of text, where it stands, and its column edges (to join
/// a table continued on the next page).
#[derive(Debug, Clone)]
pub struct Table {
    pub grid: Grid,
    pub top: f64,
    pub bottom: f64,
    pub columns: Vec<f64>,
}

/// One line of text outside the tables.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub left: f64,
    pub right: f64,
    pub y: f64,
    pub size: f64,
}

/// What one page gives, top to bottom.
#[derive(Debug, Clone)]
pub enum Item {
    Line(Line),
    Table(Table),
}

/// Groups close values into one (their mean), sorted ascending.
fn cluster(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((mean, n)) if (v - *mean).abs() <= SNAP => {
                *mean = (*mean * *n as f64 + v) / (*n as f64 + 1.0);
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(v, _)| v).collect()
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut root = i;
    while parent[root] != root {
        root = parent[root];
    }
    let mut i = i;
    while parent[i] != root {
        let next = parent[i];
        parent[i] = root;
        i = next;
    }
    root
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

fn touches(a: &Segment, b: &Segment) -> bool {
    use Segment::*;
    match (a, b) {
        (Horizontal { y, x0, x1 }, Vertical { x, y0, y1 })
        | (Vertical { x, y0, y1 }, Horizontal { y, x0, x1 }) => {
            *x >= x0 - SNAP && *x <= x1 + SNAP && *y >= y0 - SNAP && *y <= y1 + SNAP
        }
        (
            Horizontal {
                y: ya,
                x0: a0,
                x1: a1,
            },
            Horizontal {
                y: yb,
                x0: b0,
                x1: b1,
            },
        ) => (ya - yb).abs() <= SNAP && a0 <= &(b1 + SNAP) && b0 <= &(a1 + SNAP),
        (
            Vertical {
                x: xa,
                y0: a0,
                y1: a1,
            },
            Vertical {
                x: xb,
                y0: b0,
                y1: b1,
            },
        ) => (xa - xb).abs() <= SNAP && a0 <= &(b1 + SNAP) && b0 <= &(a1 + SNAP),
    }
}

/// The most segments a page's tables are rebuilt from: more is no report table (a drawing,
/// a hostile file), and the pairing below grows with their square.
const MAX_SEGMENTS: usize = 6_000;

/// Lays out one page: its tables and its lines of text, top to bottom.
pub fn page_items(page: &Page) -> Vec<Item> {
    let segments: Vec<Segment> = page.segments.iter().take(MAX_SEGMENTS).copied().collect();
    let mut parent: Vec<usize> = (0..segments.len()).collect();
    for i in 0..segments.len() {
        for j in i + 1..segments.len() {
            if touches(&segments[i], &segments[j]) {
                union(&mut parent, i, j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Segment>> = Default::default();
    for (i, s) in segments.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(*s);
    }
    let mut used = vec![false; page.chars.len()];
    let mut items: Vec<(f64, Item)> = Vec::new();
    for group in groups.values() {
        if let Some(table) = table_of(group, &page.chars, &mut used) {
            items.push((table.top, Item::Table(table)));
        }
    }
    let rest: Vec<&Char> = page
        .chars
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(c, _)| c)
        .collect();
    for line in lines_of(&rest) {
        items.push((line.y + line.size * 0.8, Item::Line(line)));
    }
    // Top to bottom.
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    items.into_iter().map(|(_, item)| item).collect()
}

/// A table from one connected set of ruling lines, taking the characters inside it.
fn table_of(group: &[Segment], chars: &[Char], used: &mut [bool]) -> Option<Table> {
    let xs = cluster(
        group
            .iter()
            .filter_map(|s| match s {
                Segment::Vertical { x, .. } => Some(*x),
                _ => None,
            })
            .collect(),
    );
    // The rows' edges: the horizontal rules, and where the vertical rules end (the last row
    // of a page often has no rule under it, its cells closed by the page break).
    let mut edges: Vec<f64> = group
        .iter()
        .filter_map(|s| match s {
            Segment::Horizontal { y, .. } => Some(*y),
            _ => None,
        })
        .collect();
    let vertical_ends = group.iter().filter_map(|s| match s {
        Segment::Vertical { y0, y1, .. } => Some((*y0, *y1)),
        _ => None,
    });
    if let Some(lowest) = vertical_ends.clone().map(|(y0, _)| y0).reduce(f64::min) {
        edges.push(lowest);
    }
    if let Some(highest) = vertical_ends.map(|(_, y1)| y1).reduce(f64::max) {
        edges.push(highest);
    }
    let mut ys = cluster(edges);
    ys.reverse(); // top first
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    if rows * cols > 20_000 {
        return None;
    }
    let has_vertical = |x: f64, y_mid: f64| {
        group.iter().any(|s| {
            matches!(s, Segment::Vertical { x: sx, y0, y1 }
                if (sx - x).abs() <= SNAP && *y0 - SNAP <= y_mid && y_mid <= *y1 + SNAP)
        })
    };
    let has_horizontal = |y: f64, x_mid: f64| {
        group.iter().any(|s| {
            matches!(s, Segment::Horizontal { y: sy, x0, x1 }
                if (sy - y).abs() <= SNAP && *x0 - SNAP <= x_mid && x_mid <= *x1 + SNAP)
        })
    };
    let index = |r: usize, c: usize| r * cols + c;
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    for r in 0..rows {
        let y_mid = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..cols {
            let x_mid = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < cols && !has_vertical(xs[c + 1], y_mid) {
                union(&mut parent, index(r, c), index(r, c + 1));
            }
            if r + 1 < rows && !has_horizontal(ys[r + 1], x_mid) {
                union(&mut parent, index(r, c), index(r + 1, c));
            }
        }
    }
    // Each merged cell's extent, by its root.
    let mut extent: std::collections::HashMap<usize, (usize, usize, usize, usize)> =
        Default::default();
    for r in 0..rows {
        for c in 0..cols {
            let root = find(&mut parent, index(r, c));
            let e = extent.entry(root).or_insert((r, r, c, c));
            e.0 = e.0.min(r);
            e.1 = e.1.max(r);
            e.2 = e.2.min(c);
            e.3 = e.3.max(c);
        }
    }
    // Characters into cells, by where their middle falls.
    let (left, right, top, bottom) = (xs[0], xs[cols], ys[0], ys[rows]);
    let mut texts: std::collections::HashMap<usize, Vec<&Char>> = Default::default();
    for (i, ch) in chars.iter().enumerate() {
        let (cx, cy) = (ch.x + ch.width / 2.0, ch.y + ch.size * 0.35);
        if cx < left || cx > right || cy > top || cy < bottom {
            continue;
        }
        let Some(c) = (0..cols).find(|&c| cx >= xs[c] && cx <= xs[c + 1]) else {
            continue;
        };
        let Some(r) = (0..rows).find(|&r| cy <= ys[r] && cy >= ys[r + 1]) else {
            continue;
        };
        used[i] = true;
        let root = find(&mut parent, index(r, c));
        texts.entry(root).or_default().push(ch);
    }
    let mut span_rows: Vec<Vec<SpanCell>> = vec![Vec::new(); rows];
    let mut cells: Vec<(usize, (usize, usize, usize, usize))> = extent.into_iter().collect();
    cells.sort_by_key(|(_, e)| (e.0, e.2));
    for (root, (r0, r1, c0, c1)) in cells {
        let text = texts
            .get(&root)
            .map(|chars| cell_text(chars))
            .unwrap_or_default();
        span_rows[r0].push(SpanCell {
            text,
            row_span: r1 - r0 + 1,
            col_span: c1 - c0 + 1,
        });
    }
    Some(Table {
        grid: Grid::from_spans(&span_rows),
        top,
        bottom,
        columns: xs,
    })
}

/// The text of a cell: its lines top to bottom, joined (a label wrapped over lines is one
/// label).
fn cell_text(chars: &[&Char]) -> String {
    let lines = lines_of(chars);
    let mut out = String::new();
    for line in lines {
        join_line(&mut out, &line.text);
    }
    out
}

/// Appends a wrapped line: with a space only between two Latin words or figures.
fn join_line(out: &mut String, line: &str) {
    let needs_space = out
        .chars()
        .last()
        .zip(line.chars().next())
        .is_some_and(|(a, b)| a.is_ascii_alphabetic() && b.is_ascii_alphabetic());
    if needs_space {
        out.push(' ');
    }
    out.push_str(line);
}

/// Characters grouped into lines (by baseline), each read left to right, top to bottom.
pub fn lines_of(chars: &[&Char]) -> Vec<Line> {
    let mut sorted: Vec<&Char> = chars.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Char>> = Vec::new();
    for ch in sorted {
        // The same line: a baseline within a third of the size (a superscript or a mixed
        // font shifts it a little).
        match lines.iter_mut().find(|l| {
            let first = l[0];
            (first.y - ch.y).abs() <= first.size.max(ch.size) * 0.35
        }) {
            Some(line) => line.push(ch),
            None => lines.push(vec![ch]),
        }
    }
    let mut out: Vec<Line> = lines
        .into_iter()
        .map(|mut l| {
            l.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = l.iter().map(|c| c.size).fold(0.0, f64::max);
            let mut text = String::new();
            let mut end: Option<f64> = None;
            for c in &l {
                // A wide gap is a space (between a label and its figure, say).
                if let Some(e) = end
                    && c.x - e > size * 0.6
                    && !text.ends_with(' ')
                {
                    text.push(' ');
                }
                text.push_str(&c.text);
                end = Some(c.x + c.width);
            }
            Line {
                text,
                left: l[0].x,
                right: end.unwrap_or(l[0].x),
                y: l[0].y,
                size,
            }
        })
        .collect();
    out.sort_by(|a, b| b.y.total_cmp(&a.y));
    out
}

/// Whether a line is a page number (「- 3 -」, 「— 3 —」, 「第3页」, 「3」, 「3/10」).
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·'));
    let core = core
        .strip_prefix('第')
        .and_then(|c| c.strip_suffix('页'))
        .unwrap_or(core);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    digits(core)
        || core
            .split_once(['/', '／'])
            .is_some_and(|(a, b)| digits(a) && digits(b))
        || core.strip_prefix("共").is_some_and(|c| c.contains('页'))
}

/// Whether a line sits in a page's top or bottom margin.
fn in_margin(line: &Line, height: f64) -> bool {
    line.y < height * 0.1 || line.y > height * 0.9
}

/// A running header or footer: a line in the margin whose words (figures aside) stand in the
/// margin of another page too — a unit's name, 「草稿」, 「第 N 页 共 M 页」.
fn running_lines(pages: &[(Vec<Item>, f64, f64)]) -> std::collections::HashSet<String> {
    let key = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .collect()
    };
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (items, _, height) in pages {
        let mut on_page = std::collections::HashSet::new();
        for item in items {
            if let Item::Line(line) = item
                && in_margin(line, *height)
            {
                on_page.insert(key(&line.text));
            }
        }
        for k in on_page {
            *seen.entry(k).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(k, n)| *n >= 2 && !k.is_empty())
        .map(|(k, _)| k)
        .collect()
}

/// The pages' items as the importer's blocks: lines joined into paragraphs, page numbers and
/// running headers dropped, a table continued on the next page joined to its first part.
pub fn blocks(pages: &[(Vec<Item>, f64, f64)]) -> Vec<Block> {
    let running = running_lines(pages);
    let is_running = |line: &Line, height: f64| {
        in_margin(line, height)
            && running.contains(
                &line
                    .text
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
                    .collect::<String>(),
            )
    };
    // The text column's left edge and right edge, over the whole file.
    let all_lines = pages
        .iter()
        .flat_map(|(items, _, _)| items)
        .filter_map(|i| match i {
            Item::Line(l) => Some(l),
            Item::Table(_) => None,
        });
    let lefts: Vec<f64> = all_lines.clone().map(|l| l.left).collect();
    let margin_left = mode(&lefts);
    let sizes: Vec<f64> = all_lines.clone().map(|l| l.size).collect();
    let body_size = mode(&sizes);
    // A title set in a larger type over two or three centred lines is one title.
    let large = |l: &Line| body_size > 0.0 && l.size > body_size * 1.15;
    let right_edge = all_lines.map(|l| l.right).fold(0.0, f64::max);

    let mut out: Vec<Block> = Vec::new();
    let mut paragraph: Option<(String, Line)> = None;
    // Whether the line read next is the first of its page (a paragraph may go on over a page
    // break: no gap counts there).
    let mut page_start;
    // The last table, kept open while only page furniture follows it.
    let mut open_table: Option<Table> = None;
    let flush = |out: &mut Vec<Block>, paragraph: &mut Option<(String, Line)>| {
        if let Some((text, _)) = paragraph.take() {
            out.push(Block::Paragraph(text));
        }
    };
    for (items, _width, height) in pages {
        page_start = true;
        for item in items {
            match item {
                Item::Line(line) => {
                    let furniture = (is_page_number(&line.text) && in_margin(line, *height))
                        || is_running(line, *height);
                    if furniture || line.text.trim().is_empty() {
                        continue;
                    }
                    if let Some(t) = open_table.take() {
                        out.push(Block::Table(t.grid));
                    }
                    let starts_new = match &paragraph {
                        None => true,
                        Some((_, last)) => {
                            let gap = last.y - line.y;
                            let indent = line.left - margin_left > line.size * 1.2;
                            let last_short = right_edge - last.right > last.size * 2.5;
                            let far =
                                !page_start && (gap > last.size.max(line.size) * 2.2 || gap < 0.0);
                            let title_goes_on = large(last) && large(line) && !far;
                            !title_goes_on
                                && (far || indent || last_short || large(last) != large(line))
                        }
                    };
                    page_start = false;
                    if starts_new {
                        flush(&mut out, &mut paragraph);
                        paragraph = Some((line.text.trim().to_string(), line.clone()));
                    } else if let Some((text, last)) = &mut paragraph {
                        join_line(text, line.text.trim());
                        *last = line.clone();
                    }
                }
                Item::Table(table) => {
                    page_start = false;
                    flush(&mut out, &mut paragraph);
                    match open_table.take() {
                        Some(mut first) if continues(&first, table) => {
                            first.grid.rows.extend(table.grid.rows.iter().cloned());
                            first.bottom = table.bottom;
                            open_table = Some(first);
                        }
                        Some(first) => {
                            out.push(Block::Table(first.grid));
                            open_table = Some(table.clone());
                        }
                        None => open_table = Some(table.clone()),
                    }
                }
            }
        }
        // A table that ends a page stays open: the next page may go on with it.
    }
    flush(&mut out, &mut paragraph);
    if let Some(t) = open_table {
        out.push(Block::Table(t.grid));
    }
    out
}

/// Whether `next` goes on with `first`: the same columns, its head not a header of its own.
fn continues(first: &Table, next: &Table) -> bool {
    let same_columns = first.columns.len() == next.columns.len()
        && first
            .columns
            .iter()
            .zip(&next.columns)
            .all(|(a, b)| (a - b).abs() <= SNAP * 2.0);
    same_columns && first.grid.rows.first().map(Vec::len) == next.grid.rows.first().map(Vec::len)
}

/// The most common value, to the point (the left margin of the text).
fn mode(values: &[f64]) -> f64 {
    let mut counts: std::collections::HashMap<i64, usize> = Default::default();
    for v in values {
        *counts.entry(v.round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(v, n)| (*n, -*v))
        .map_or(0.0, |(v, _)| v as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(text: &str, x: f64, y: f64) -> Char {
        Char {
            text: text.into(),
            x,
            y,
            width: 10.0,
            size: 10.0,
        }
    }

    fn frame(left: f64, bottom: f64, right: f64, top: f64) -> Vec<Segment> {
        vec![
            Segment::Horizontal {
                y: top,
                x0: left,
                x1: right,
            },
            Segment::Horizontal {
                y: bottom,
                x0: left,
                x1: right,
            },
            Segment::Vertical {
                x: left,
                y0: bottom,
                y1: top,
            },
            Segment::Vertical {
                x: right,
                y0: bottom,
                y1: top,
            },
        ]
    }

    #[test]
    fn cells_come_from_the_rules_and_a_missing_rule_merges_them() {
        // Two rows, three columns; the first column's cell spans both rows (no rule between).
        let mut segments = frame(0.0, 0.0, 300.0, 100.0);
        segments.push(Segment::Vertical {
            x: 100.0,
            y0: 0.0,
            y1: 100.0,
        });
        segments.push(Segment::Vertical {
            x: 200.0,
            y0: 0.0,
            y1: 100.0,
        });
        segments.push(Segment::Horizontal {
            y: 50.0,
            x0: 100.0,
            x1: 300.0,
        });
        // The frame drawn twice, 0.4 apart, as WPS draws it.
        segments.extend(frame(0.4, 0.4, 299.6, 99.6));
        let page = Page {
            chars: vec![
                ch("甲", 40.0, 45.0),
                ch("1", 140.0, 70.0),
                ch("2", 240.0, 72.5), // another baseline, the same row
                ch("3", 140.0, 20.0),
                ch("4", 240.0, 20.0),
            ],
            segments,
            width: 595.0,
            height: 842.0,
            ..Page::default()
        };
        let items = page_items(&page);
        let [Item::Table(table)] = items.as_slice() else {
            panic!("one table: {items:?}");
        };
        let texts: Vec<Vec<&str>> = table
            .grid
            .rows
            .iter()
            .map(|r| r.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(texts, vec![vec!["甲", "1", "2"], vec!["甲", "3", "4"]]);
        assert!(!table.grid.rows[1][0].origin);
    }

    #[test]
    fn wrapped_lines_join_and_page_numbers_go() {
        let line = |text: &str, left: f64, right: f64, y: f64| {
            Item::Line(Line {
                text: text.into(),
                left,
                right,
                y,
                size: 12.0,
            })
        };
        let pages = vec![(
            vec![
                line("一、总体情况", 90.0, 170.0, 700.0),
                line("本年度，本机关认真贯彻落实条例，", 114.0, 500.0, 680.0),
                line("不断加强政府信息公开工作。", 90.0, 250.0, 662.0),
                line("— 1 —", 280.0, 310.0, 40.0),
            ],
            595.0,
            842.0,
        )];
        let blocks = blocks(&pages);
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph("一、总体情况".into()),
                Block::Paragraph(
                    "本年度，本机关认真贯彻落实条例，不断加强政府信息公开工作。".into()
                ),
            ]
        );
    }

    #[test]
    fn page_numbers_are_told_from_figures() {
        for p in ["- 3 -", "— 12 —", "第3页", "3/10", "7"] {
            assert!(is_page_number(p), "{p}");
        }
        for t in ["一、总体情况", "收到申请 3 件", "2023年"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
