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
.report h2 { font: 16pt/1.8 "黑体", SimHei, "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  margin: 1em 0 0.5em; text-indent: 2em; }
.report h3 { font: 16pt/1.8 "楷体_GB2312", "楷体", KaiTi, STKaiti, "AR PL UKai CN", serif; margin: 0.5em 0; text-indent: 2em; }
.report p { margin: 0; text-indent: 2em; text-align: justify; }
.draft-mark { font: bold 14pt/1 "黑体", SimHei, "Noto Sans CJK SC", sans-serif; color: #b00;
  border: 2px solid #b00; padding: 0.2em 0.5em; float: right; }
.report table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.8em 0 1.2em;
  font-size: 10.5pt; line-height: 1.4; }
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
  .report table { break-inside: auto; }
  .report thead { display: table-header-group; }
  .draft-mark { position: fixed; top: -20mm; right: 0; float: none; }
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
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    out.push_str("<article class=\"report\">\n");
    if content.draft {
        let _ = writeln!(
            out,
            "<div class=\"draft-mark\" role=\"note\">{DRAFT_MARK}</div>"
        );
    }
    let _ = writeln!(out, "<h1>{}</h1>", escape(&content.title));
    for paragraph in &content.preamble {
        let _ = writeln!(out, "<p>{}</p>", escape(paragraph));
    }
    for section in &content.sections {
        let _ = writeln!(out, "<h2>{}</h2>", escape(section.heading));
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => {
                    let _ = writeln!(out, "<h3>{}</h3>", escape(text));
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", escape(text));
                }
                Block::Table(table) => write_table(&mut out, table),
            }
        }
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// Attributes that keep the table ruled and its numbers aligned when the `<style>` is lost.
const TABLE_ATTRS: &str =
    r#"border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%""#;

fn write_table(out: &mut String, table: &TableContent) {
    let grid = &table.grid;
    let _ = writeln!(out, "<table {TABLE_ATTRS}>");
    // The same proportions as the Word table (widths in ten-thousandths of the table).
    out.push_str("<colgroup>");
    for width in layout::page_widths(table, 10_000) {
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
            let _ = writeln!(out, "<{group}>");
            open = Some(group);
        }
        out.push_str("<tr>");
        for (c, cell) in grid.row_origins(r) {
            let spans = spans(cell.row_span, cell.col_span);
            let text = escape(table.text(r, c));
            let _ = match cell.role {
                Role::Corner => write!(out, "<td class=\"corner\"{spans}>{text}</td>"),
                Role::Caption => write!(
                    out,
                    "<th scope=\"rowgroup\" class=\"caption\" style=\"text-align:left\"{spans}>{text}</th>"
                ),
                Role::ColumnHeader => {
                    let scope = if cell.col_span > 1 { "colgroup" } else { "col" };
                    write!(
                        out,
                        "<th scope=\"{scope}\" style=\"text-align:center\"{spans}>{text}</th>"
                    )
                }
                Role::RowHeader => {
                    let scope = if cell.row_span > 1 { "rowgroup" } else { "row" };
                    write!(
                        out,
                        "<th scope=\"{scope}\" style=\"text-align:left\"{spans}>{text}</th>"
                    )
                }
                Role::Input | Role::Computed => write!(
                    out,
                    "<td class=\"num\" style=\"text-align:right\"{spans}>{text}</td>"
                ),
            };
        }
        out.push_str("</tr>\n");
    }
    if let Some(g) = open {
        let _ = writeln!(out, "</{g}>");
    }
    out.push_str("</table>\n");
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
    use super::escape;

    #[test]
    fn markup_in_prose_is_escaped() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
