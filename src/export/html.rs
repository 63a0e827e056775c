//! HTML: one self-contained page (inline CSS, no scripts, no external resources) that prints
//! on A4 and that a portal's editor accepts when pasted.
//!
//! Tables are semantic (`<thead>`, `<tbody>`, `<th scope>`) with `rowspan`/`colspan` exactly as
//! the official grid. Editors often drop a `<style>` element on paste, so what a table needs to
//! look right — its rules and the alignment of numbers — is also said on the elements.

use super::content::{Block, Content, TableContent};
use super::layout;
use crate::i18n::DRAFT_MARK;
use crate::template::grid::{Role, Slot};
use std::fmt::Write;

/// Fonts in the order of GB/T 9704: the named official fonts, their common system
/// counterparts, then fonts found on Linux and macOS. All are simplified-Chinese faces.
const STYLE: &str = r#"
:root { color: #000; background: #fff; }
body { margin: 0; }
.report { max-width: 46em; margin: 0 auto; padding: 2em 1.5em 4em;
  font: 16pt/1.8 "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif; }
.report h1 { font: 22pt/1.6 "方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif;
  text-align: center; margin: 0 0 1em; }
.report h1 span { display: inline-block; }
.report h2 { font: 16pt/1.8 "黑体", SimHei, "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  margin: 1em 0 0.5em; text-indent: 2em; }
.report h3 { font: 16pt/1.8 "楷体_GB2312", "楷体", KaiTi, STKaiti, "AR PL UKai CN", serif; margin: 0.5em 0; text-indent: 2em; }
.report p { margin: 0; text-indent: 2em; text-align: justify; }
.report a { color: inherit; overflow-wrap: anywhere; }
.draft-mark { font: bold 14pt/1 "黑体", SimHei, "Noto Sans CJK SC", sans-serif; color: #b00;
  border: 2px solid #b00; padding: 0.2em 0.5em; float: right; }
.table-box { overflow-x: auto; position: relative; margin: 0.8em 0 1.2em; }
.report table { border-collapse: collapse; width: 100%; margin: 0; font-size: 10.5pt; line-height: 1.4; }
.report caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.report th, .report td { border: 1px solid #000; padding: 0.2em 1mm; vertical-align: middle; }
.report th { font-weight: normal; }
.report thead th { text-align: center; }
.report th.caption { text-align: left; }
.report td.num { text-align: right; white-space: nowrap; }
.report td.corner { font-size: 9pt; text-align: left; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  .report { max-width: none; margin: 0; padding: 0; line-height: 28.95pt; }
  .report h2, .report h3 { break-after: avoid; }
  .table-box { overflow: visible; }
  /* On paper the width is known: the Word file's proportions, and a table that fits a page
     is not split (Chrome would leave a group's rows without their merged label). */
  .report table { table-layout: fixed; min-width: 0 !important; break-inside: avoid; }
  .report thead { display: table-header-group; break-inside: avoid; }
  .report tbody.block { break-inside: avoid; }
  .report tr.keep { break-after: avoid; }
  .report th.caption { break-after: avoid; }
  .draft-mark { display: none; }
}
"#;

pub fn render(content: &Content) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Marks the page as gongkai's own export (see `crate::import`).
    out.push_str("<meta name=\"generator\" content=\"gongkai\">\n");
    // Writing to a String cannot fail.
    let _ = writeln!(out, "<title>{}</title>", escape(&content.title));
    let _ = writeln!(out, "<style>{STYLE}");
    if content.draft {
        // The draft mark in the top margin of every printed page.
        let _ = writeln!(
            out,
            "@page {{ @top-right {{ content: \"{DRAFT_MARK}\"; color: #b00; font: bold 14pt \"黑体\", SimHei, \"Noto Sans CJK SC\", sans-serif; }} }}"
        );
    }
    let _ = writeln!(out, "</style>\n</head>\n<body>");
    out.push_str("<article class=\"report\">\n");
    if content.draft {
        // On screen, a mark beside the title; in print, the page's top margin (below).
        let _ = writeln!(
            out,
            "<div class=\"draft-mark\" role=\"note\" style=\"color:#b00;float:right\">{DRAFT_MARK}</div>"
        );
    }
    // The title breaks, where it must, between the agency and 「YYYY年……年度报告」
    // (GB/T 9704 breaks a title at whole words): each piece is kept whole.
    out.push_str("<h1 style=\"text-align:center\">");
    for line in &content.title_lines {
        let _ = write!(
            out,
            "<span style=\"display:inline-block\">{}</span>",
            escape(line)
        );
    }
    out.push_str("</h1>\n");
    for paragraph in &content.preamble {
        let _ = writeln!(out, "<p>{}</p>", prose(paragraph));
    }
    for section in &content.sections {
        let _ = writeln!(out, "<h2>{}</h2>", escape(section.heading));
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => {
                    let _ = writeln!(out, "<h3>{}</h3>", escape(text));
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", prose(text));
                }
                Block::Table(table) => write_table(&mut out, table, section.heading),
            }
        }
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// What a normal-weight header cell says on itself (browsers make `th` bold by default).
const TH: &str = "font-weight:normal";

/// A table inside a box of its own that scrolls sideways when the screen is narrower than the
/// table's figures need (a phone): the figures keep their columns, the page does not widen.
/// Columns take the official proportions but size to their content (no fixed layout), so a
/// figure is never squeezed into a neighbour.
fn write_table(out: &mut String, table: &TableContent, heading: &str) {
    let grid = &table.grid;
    out.push_str("<div class=\"table-box\" style=\"overflow-x:auto;position:relative\">\n");
    // The narrowest the table reads well at: headers wrapping after two characters, labels
    // after six, each column with its padding. Narrower screens scroll the box.
    let min_em: usize = layout::column_widths_with(table, layout::NARROW_HEADER_CAP, 12)
        .iter()
        .map(|w| w.div_ceil(2) * 10 + 8)
        .sum::<usize>()
        .div_ceil(10);
    let _ = writeln!(
        out,
        r#"<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%;min-width:{min_em}em">"#
    );
    // Said by the heading above; the caption names the table for a screen reader.
    let _ = writeln!(
        out,
        "<caption style=\"position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)\">{}</caption>",
        escape(heading)
    );
    // The same proportions as the Word table, worked out for the same 156 mm line (widths in
    // ten-thousandths of the table): worked out for a wider one, 五号 headers would not fit.
    out.push_str("<colgroup>");
    for width in layout::page_widths(table, PRINT_TEXT_WIDTH)
        .into_iter()
        .map(|w| w * 10_000 / PRINT_TEXT_WIDTH)
    {
        let _ = write!(
            out,
            "<col style=\"width:{}.{:02}%\">",
            width / 100,
            width % 100
        );
    }
    out.push_str("</colgroup>\n");
    // With column headers the grid is one head and one body; a table of captioned blocks
    // (table 二) is one body per block, each opened by its caption.
    let mut open: Option<&str> = None;
    for (r, row) in grid.slots.iter().enumerate() {
        let group = if r < grid.header_rows {
            "thead"
        } else {
            "tbody"
        };
        let caption_row = matches!(&row[0], Slot::Origin(cell) if cell.role == Role::Caption);
        if open != Some(group) || caption_row {
            if let Some(g) = open {
                let _ = writeln!(out, "</{g}>");
            }
            // A block of table 二 (its caption, header and rows) stays on one printed page.
            if caption_row {
                let _ = writeln!(out, "<{group} class=\"block\">");
            } else {
                let _ = writeln!(out, "<{group}>");
            }
            open = Some(group);
        }
        // A row inside a small group of 三 (（三）不予公开 and its items) keeps with the next,
        // so a printed page never parts the items from their label.
        let keep = r + 1 < grid.height()
            && (0..grid.width()).any(|c| {
                let (or, _) = table.owner(r, c);
                let cell = table.owning_cell(r, c);
                cell.role == Role::RowHeader
                    && (2..=GROUP_KEPT_ROWS).contains(&cell.row_span)
                    && r + 1 < or + cell.row_span
            });
        out.push_str(if keep { "<tr class=\"keep\">" } else { "<tr>" });
        // Table 四 has one row of figures and no label: its first figure says what the
        // row is for a screen reader, as a row header would.
        let unlabelled = r >= grid.header_rows
            && !(0..grid.width()).any(|c| table.owning_cell(r, c).role == Role::RowHeader)
            && grid
                .row_origins(r)
                .all(|(_, cell)| matches!(cell.role, Role::Input | Role::Computed));
        for (c, cell) in grid.row_origins(r) {
            let spans = spans(cell.row_span, cell.col_span);
            let raw = table.text(r, c);
            let text = match cell.role {
                Role::RowHeader => layout::cell_lines(raw, cell.role, cell.row_span)
                    .iter()
                    .map(|l| escape(l))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                _ => escape(raw),
            };
            let _ = match cell.role {
                Role::Corner => write!(
                    out,
                    "<td class=\"corner\" style=\"font-size:9pt;text-align:left\"{spans}>{text}</td>"
                ),
                Role::Caption => write!(
                    out,
                    "<th scope=\"rowgroup\" class=\"caption\" style=\"{TH};text-align:left\"{spans}>{text}</th>"
                ),
                Role::ColumnHeader => {
                    let scope = if cell.col_span > 1 { "colgroup" } else { "col" };
                    write!(
                        out,
                        "<th scope=\"{scope}\" style=\"{TH};text-align:center\"{spans}>{text}</th>"
                    )
                }
                Role::RowHeader => {
                    let scope = if cell.row_span > 1 { "rowgroup" } else { "row" };
                    write!(
                        out,
                        "<th scope=\"{scope}\" style=\"{TH};text-align:left\"{spans}>{text}</th>"
                    )
                }
                Role::Input | Role::Computed if unlabelled && c == 0 => write!(
                    out,
                    "<th scope=\"row\" class=\"num\" style=\"{TH};text-align:right;white-space:nowrap\" aria-label=\"{}：{text}\"{spans}>{}</th>",
                    escape(heading),
                    text
                ),
                Role::Input | Role::Computed => write!(
                    out,
                    "<td class=\"num\" style=\"text-align:right;white-space:nowrap\"{spans}>{text}</td>"
                ),
            };
        }
        out.push_str("</tr>\n");
    }
    if let Some(g) = open {
        let _ = writeln!(out, "</{g}>");
    }
    out.push_str("</table>\n</div>\n");
}

/// The printed text area's width in twips (156 mm, as in Word).
const PRINT_TEXT_WIDTH: usize = 8845;

/// The largest group of 三 whose rows are kept on one page with their label.
const GROUP_KEPT_ROWS: usize = 10;

/// Prose with each web address a link that may wrap anywhere (a long address must not widen a
/// phone's page), and figures joined by hyphens (0517-87222589) kept on one line.
fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some((start, end)) = super::md::find_url(rest) {
        out.push_str(&hyphenated_figures_whole(&rest[..start]));
        let url = &rest[start..end];
        let _ = write!(
            out,
            "<a href=\"{}\" style=\"overflow-wrap:anywhere\">{}</a>",
            escape(url),
            url_breaking_at_slashes(url)
        );
        rest = &rest[end..];
    }
    out.push_str(&hyphenated_figures_whole(rest));
    out
}

/// An address for display: it may break after each `/` of its path (`<wbr>`, which a copy of
/// the text does not carry), never inside `https://` and its host; a path part too long for a
/// phone's line still breaks anywhere (`overflow-wrap`).
fn url_breaking_at_slashes(url: &str) -> String {
    let host_from = url.find("//").map_or(0, |i| i + 2);
    let path_from = url[host_from..]
        .find('/')
        .map_or(url.len(), |i| host_from + i);
    let mut out = escape(&url[..path_from]);
    for part in url[path_from..].split_inclusive('/') {
        out.push_str(&escape(part));
        if part.ends_with('/') {
            out.push_str("<wbr>");
        }
    }
    if out.ends_with("<wbr>") {
        out.truncate(out.len() - "<wbr>".len());
    }
    out
}

/// Escapes text, wrapping each run of digits joined by hyphens (a telephone number, a date
/// written 2023-01-01) in a span that does not wrap: browsers break after a hyphen, and half a
/// telephone number on each line reads as two numbers.
fn hyphenated_figures_whole(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut plain = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A run is read whole below, so a digit met here starts one.
        if !c.is_ascii_digit() {
            continue;
        }
        // A run of digits and single hyphens between digits.
        let mut end = i + 1;
        let mut hyphens = 0;
        while let Some(&(j, d)) = chars.peek() {
            let joins = d == '-' && text[j + 1..].starts_with(|n: char| n.is_ascii_digit());
            if d.is_ascii_digit() || joins {
                hyphens += usize::from(joins);
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if hyphens > 0 {
            out.push_str(&escape(&text[plain..i]));
            let _ = write!(
                out,
                "<span style=\"white-space:nowrap\">{}</span>",
                escape(&text[i..end])
            );
            plain = end;
        }
    }
    out.push_str(&escape(&text[plain..]));
    out
}

fn spans(rows: usize, columns: usize) -> String {
    let mut out = String::new();
    if rows > 1 {
        let _ = write!(out, " rowspan=\"{rows}\"");
    }
    if columns > 1 {
        let _ = write!(out, " colspan=\"{columns}\"");
    }
    out
}

/// Escapes text for an element's content or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, prose};

    #[test]
    fn markup_in_prose_is_escaped() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn an_address_may_break_after_the_slashes_of_its_path_only() {
        assert_eq!(
            prose("网站（https://a.gov.cn/x/y.htm?a=1&b=2）"),
            "网站（<a href=\"https://a.gov.cn/x/y.htm?a=1&amp;b=2\" style=\"overflow-wrap:anywhere\">https://a.gov.cn/<wbr>x/<wbr>y.htm?a=1&amp;b=2</a>）"
        );
        assert_eq!(
            prose("https://a.gov.cn/"),
            "<a href=\"https://a.gov.cn/\" style=\"overflow-wrap:anywhere\">https://a.gov.cn/</a>"
        );
    }

    #[test]
    fn a_hyphenated_telephone_number_does_not_wrap() {
        assert_eq!(
            prose("电话：0517-87222589；邮编：223100"),
            "电话：<span style=\"white-space:nowrap\">0517-87222589</span>；邮编：223100"
        );
    }

    #[test]
    fn figures_without_a_joining_hyphen_stay_as_they_are() {
        assert_eq!(prose("共 12 件，2-"), "共 12 件，2-");
        assert_eq!(prose("第1-"), "第1-");
        assert_eq!(
            prose("a&b 1-2"),
            "a&amp;b <span style=\"white-space:nowrap\">1-2</span>"
        );
    }
}
