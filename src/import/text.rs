//! The plain-text front end: what pdftotext or a copy from a browser gives (table rows as
//! tab-separated cells), and gongkai's own text export (tables drawn with `+ - | =` rules,
//! which are parsed back into merged cells). Hard line-wraps are joined into paragraphs.

use super::document::{Block, Document, Grid, Slot, tidy};
use super::labels::split_numbering;
use super::layout_text;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The first line gongkai's text export writes, marking the file as its own.
pub const GENERATOR_LINE: &str = "generator: gongkai";

/// Reads decoded text.
pub fn read(text: &str) -> Document {
    let text = text.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n");
    let mut lines: Vec<&str> = text.split('\n').collect();
    let own_export = lines
        .first()
        .is_some_and(|l| l.trim().starts_with(GENERATOR_LINE));
    if own_export {
        lines.remove(0);
    }
    lines.retain(|l| !is_page_number(l));
    let wrap = wrap_width(&lines);
    let mut blocks = Vec::new();
    let mut prose: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let start = line.trim_start();
        if start.starts_with('+') && start.trim_end().ends_with('+') {
            paragraphs(&prose, own_export, wrap, &mut blocks);
            prose.clear();
            let from = i;
            while i < lines.len() && matches!(lines[i].trim_start().chars().next(), Some('+' | '|'))
            {
                i += 1;
            }
            blocks.push(Block::Table(boxed(&lines[from..i])));
            continue;
        }
        if line.contains('\t') && !line.trim().is_empty() {
            paragraphs(&prose, own_export, wrap, &mut blocks);
            prose.clear();
            let mut rows = Vec::new();
            while i < lines.len() {
                if lines[i].contains('\t') {
                    rows.push(lines[i].split('\t').map(tidy).collect::<Vec<_>>());
                    i += 1;
                } else if lines[i].trim().is_empty()
                    && lines[i + 1..]
                        .iter()
                        .find(|l| !l.trim().is_empty())
                        .is_some_and(|l| l.contains('\t'))
                {
                    i += 1;
                } else {
                    break;
                }
            }
            blocks.push(Block::Table(Grid::from_texts(rows)));
            continue;
        }
        if !own_export && layout_text::row(line).is_some() {
            // A table laid out with spaces: its header lines, already taken as prose, go
            // back to it.
            let (start, end) = layout_text::extent(&lines, i);
            let taken = i - start;
            prose.truncate(prose.len().saturating_sub(taken));
            paragraphs(&prose, own_export, wrap, &mut blocks);
            prose.clear();
            blocks.push(Block::Table(layout_text::grid(&lines[start..end])));
            i = end;
            continue;
        }
        prose.push(line);
        i += 1;
    }
    paragraphs(&prose, own_export, wrap, &mut blocks);
    Document { blocks, own_export }
}

/// A page number as PDF converters leave it: 「-3-」, 「— 3 —」, 「第 3 页」.
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t
        .trim_start_matches(['-', '—', '－', '第'])
        .trim_end_matches(['-', '—', '－', '页']);
    !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_digit())
        && inner.len() < t.len()
}

/// Sentence-final marks: a line ending with one may end a paragraph.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':'])
}

/// A short numbered line such as 「一、总体情况」 or 「（一）主动公开」: a paragraph of its own.
pub fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    split_numbering(t).0.is_some()
        && t.chars().count() <= 40
        && !ends_sentence(t)
        && !t.contains('。')
}

/// Joins two pieces of one paragraph: nothing between Chinese text, a space between words.
pub fn join_wrapped(out: &mut String, next: &str) {
    let next = next.trim();
    let ascii_end = out
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let ascii_start = next
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if ascii_end && ascii_start {
        out.push(' ');
    }
    out.push_str(next);
}

/// The width a converter wrapped the prose at: most lines of a wrapped paragraph are about
/// this wide, and the last line of each is shorter. A copy from a browser has one line per
/// paragraph, so its wrap width is that of a long paragraph and every shorter line (a title, a
/// date, a short paragraph) stands alone.
fn wrap_width(lines: &[&str]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.contains('\t'))
        .map(|l| l.trim().width_cjk())
        .filter(|&w| w > 0)
        .collect();
    if widths.is_empty() {
        return 0;
    }
    widths.sort_unstable();
    // Not the widest line: one long line (a web address, a row laid out with spaces) would
    // make every wrapped line look short.
    widths[widths.len() * 4 / 5]
}

/// A line well short of the wrap width ends its paragraph: a converter only breaks a line
/// early where the paragraph ends.
fn ends_short(line: &str, wrap: usize) -> bool {
    line.trim().width_cjk() * 4 < wrap * 3
}

/// Lines between blank lines are one paragraph in gongkai's export; elsewhere a line that is
/// indented, numbered, follows a finished sentence or follows a line well short of the wrap
/// width starts a new one.
fn paragraphs(lines: &[&str], own_export: bool, wrap: usize, blocks: &mut Vec<Block>) {
    let mut current = String::new();
    let flush = |current: &mut String, blocks: &mut Vec<Block>| {
        let text = tidy(current);
        if !text.is_empty() {
            blocks.push(Block::Paragraph(text));
        }
        current.clear();
    };
    let mut after_short = false;
    for line in lines {
        if line.trim().is_empty() {
            flush(&mut current, blocks);
            continue;
        }
        if own_export {
            // gongkai's export keeps the spaces it broke lines at: the lines join as they are.
            current.push_str(line.trim_start());
            continue;
        }
        let indented = line.starts_with('\u{3000}') || line.starts_with("  ");
        let starts_new = !own_export
            && !current.is_empty()
            && (indented
                || looks_like_heading(line)
                || looks_like_heading(&current)
                || ends_sentence(&current)
                || after_short);
        if starts_new {
            flush(&mut current, blocks);
        }
        join_wrapped(&mut current, line);
        after_short = ends_short(line, wrap);
    }
    flush(&mut current, blocks);
}

/// Each line as (display column, character), measured as the text export draws its tables:
/// the CJK way, where ambiguous-width marks (“”) take two columns.
fn columns(line: &str) -> Vec<(usize, char)> {
    let mut col = 0;
    line.chars()
        .map(|c| {
            let at = col;
            col += c.width_cjk().unwrap_or(0);
            (at, c)
        })
        .collect()
}

fn char_at(line: &[(usize, char)], col: usize) -> Option<char> {
    line.iter().find(|(c, _)| *c == col).map(|(_, ch)| *ch)
}

/// A table drawn with `+ - | =` rules, its merged cells found from the missing rules. A rule
/// may run across part of a line only (beside a cell that spans rows, the line goes on as
/// text), so rules are found per column, not per line.
// Slots are addressed by (row, column) throughout, for the union-find and the boundaries alike.
#[allow(clippy::needless_range_loop)]
fn boxed(lines: &[&str]) -> Grid {
    let lines: Vec<Vec<(usize, char)>> = lines.iter().map(|l| columns(l.trim_end())).collect();
    // Column boundaries: every `+` that joins a rule.
    let mut bounds: Vec<usize> = Vec::new();
    for line in &lines {
        for (i, (col, ch)) in line.iter().enumerate() {
            let rule_beside = |j: Option<usize>| {
                j.and_then(|j| line.get(j))
                    .is_some_and(|(_, c)| matches!(c, '-' | '='))
            };
            if *ch == '+' && (rule_beside(i.checked_sub(1)) || rule_beside(Some(i + 1))) {
                bounds.push(*col);
            }
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    if bounds.len() < 2 {
        return Grid::default();
    }
    let cols = bounds.len() - 1;
    let segment = |line: &[(usize, char)], left: usize, right: usize| -> String {
        line.iter()
            .filter(|(col, _)| *col > left && *col < right)
            .map(|(_, ch)| *ch)
            .collect()
    };
    let is_rule = |line: &[(usize, char)], c: usize| {
        let seg = segment(line, bounds[c], bounds[c + 1]);
        !seg.is_empty() && seg.chars().all(|ch| matches!(ch, '-' | '='))
    };
    let rule_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| (0..cols).any(|c| is_rule(&lines[i], c)))
        .collect();
    // Bands: the lines between two rule lines, with the rule lines above them.
    let mut bands: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut rules_above: Vec<usize> = Vec::new();
    for pair in rule_lines.windows(2) {
        rules_above.push(pair[0]);
        let text: Vec<usize> = (pair[0] + 1..pair[1]).collect();
        if !text.is_empty() {
            bands.push((std::mem::take(&mut rules_above), text));
        }
    }
    let rows = bands.len();
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (r, (above, text)) in bands.iter().enumerate() {
        for c in 0..cols {
            let divided = text
                .iter()
                .any(|&t| matches!(char_at(&lines[t], bounds[c]), Some('|' | '+')));
            if c > 0 && !divided {
                let (a, b) = (
                    find(&mut parent, r * cols + c),
                    find(&mut parent, r * cols + c - 1),
                );
                parent[a] = b;
            }
            if r > 0 && !above.iter().any(|&l| is_rule(&lines[l], c)) {
                let (a, b) = (
                    find(&mut parent, r * cols + c),
                    find(&mut parent, (r - 1) * cols + c),
                );
                parent[a] = b;
            }
        }
    }
    let mut boxes: std::collections::HashMap<usize, (usize, usize, usize, usize)> =
        std::collections::HashMap::new();
    for r in 0..rows {
        for c in 0..cols {
            let root = find(&mut parent, r * cols + c);
            let e = boxes.entry(root).or_insert((r, c, r, c));
            e.0 = e.0.min(r);
            e.1 = e.1.min(c);
            e.2 = e.2.max(r);
            e.3 = e.3.max(c);
        }
    }
    let mut texts: std::collections::HashMap<usize, String> = std::collections::HashMap::new();
    for (&root, &(r0, c0, r1, c1)) in &boxes {
        let (left, right) = (bounds[c0], bounds[c1 + 1]);
        let first = bands[r0].1.first().copied().unwrap_or(0);
        let last = bands[r1].1.last().copied().unwrap_or(0);
        let mut text = String::new();
        for line in &lines[first..=last] {
            let piece = segment(line, left, right);
            if !piece.trim().is_empty() && !piece.chars().all(|ch| matches!(ch, '-' | '=' | '+')) {
                join_wrapped(&mut text, &piece);
            }
        }
        texts.insert(root, text);
    }
    let mut grid = Vec::with_capacity(rows);
    for r in 0..rows {
        let mut row = Vec::with_capacity(cols);
        for c in 0..cols {
            let root = find(&mut parent, r * cols + c);
            let (r0, c0, _, c1) = boxes[&root];
            row.push(Slot {
                text: texts[&root].clone(),
                origin: r0 == r && c0 == c,
                col_span: c1 - c0 + 1,
            });
        }
        grid.push(row);
    }
    Grid { rows: grid }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ruled_table_is_read_back_with_its_merged_cells() {
        let table = "\
+------+----+----+
|三、本|（一|  11|
|年度  +----+----+
|      |（二|   1|
+------+----+----+";
        let doc = read(table);
        let Some(Block::Table(grid)) = doc.blocks.first() else {
            panic!("no table in {doc:?}");
        };
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[1][0].text, "三、本年度");
        assert!(!grid.rows[1][0].origin);
        assert_eq!(grid.rows[1][2].text, "1");
    }

    #[test]
    fn a_line_well_short_of_the_wrap_width_ends_its_paragraph() {
        let line = "本机关坚持以公开为常态不公开为例外及时准确公开政府信息回应社会关切";
        let text = format!(
            "某某局2023年政府信息公开工作年度报告\n发布日期：2024-01-20\n{line}\n{line}\n推进政务公开\n{line}\n{line}\n"
        );
        let doc = read(&text);
        let paragraphs: Vec<&Block> = doc.blocks.iter().collect();
        assert_eq!(paragraphs.len(), 4, "{paragraphs:?}");
        assert_eq!(
            doc.blocks[0],
            Block::Paragraph("某某局2023年政府信息公开工作年度报告".into())
        );
        assert_eq!(
            doc.blocks[2],
            Block::Paragraph(format!("{line}{line}推进政务公开"))
        );
        assert_eq!(doc.blocks[3], Block::Paragraph(format!("{line}{line}")));
    }

    #[test]
    fn tab_rows_and_wrapped_prose() {
        let doc = read("一、总体情况\n\n正文第一行\n第二行。\n规章\t0\t0\t0\n");
        assert_eq!(doc.blocks[0], Block::Paragraph("一、总体情况".into()));
        assert_eq!(doc.blocks[1], Block::Paragraph("正文第一行第二行。".into()));
        assert!(matches!(doc.blocks[2], Block::Table(_)));
    }
}
