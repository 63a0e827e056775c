//! Markdown: headings, paragraphs and GitHub tables.
//!
//! GitHub tables cannot merge cells, so each table's official grid is flattened: the labels a
//! row sits under are joined into one label (「三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密」),
//! the headers a column sits under likewise, and a captioned block (第二十条第（一）项) becomes a
//! table of its own under its caption.

use super::content::{Block, Content, TableContent};
use crate::i18n::DRAFT_MARK;
use crate::template::grid::Role;

/// What joins the labels of nested groups.
const JOIN: &str = " · ";

pub fn render(content: &Content) -> String {
    let mut out = String::new();
    if content.draft {
        out.push_str(&format!("> **{DRAFT_MARK}**\n\n"));
    }
    out.push_str(&format!("# {}\n", escape(&content.title)));
    for paragraph in &content.preamble {
        out.push_str(&format!("\n{}\n", prose(paragraph)));
    }
    for section in &content.sections {
        out.push_str(&format!("\n## {}\n", escape(section.heading)));
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => out.push_str(&format!("\n### {}\n", escape(text))),
                Block::Paragraph(text) => out.push_str(&format!("\n{}\n", prose(text))),
                Block::Table(table) => {
                    for flat in flatten(table) {
                        out.push('\n');
                        if let Some(caption) = &flat.caption {
                            out.push_str(&format!("**{}**\n\n", escape(caption)));
                        }
                        out.push_str(&flat.to_markdown());
                    }
                }
            }
        }
    }
    out
}

/// A table without merged cells.
struct FlatTable {
    caption: Option<String>,
    header: Vec<String>,
    numeric: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl FlatTable {
    fn to_markdown(&self) -> String {
        let cell = |text: &str| escape(text).replace('|', "\\|");
        let mut out = String::new();
        let header: Vec<String> = self.header.iter().map(|h| cell(h)).collect();
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        let rule: Vec<&str> = self
            .numeric
            .iter()
            .map(|&n| if n { "---:" } else { "---" })
            .collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for row in &self.rows {
            let row: Vec<String> = row.iter().map(|t| cell(t)).collect();
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
        out
    }
}

/// Joins the distinct texts of the cells owning the given slots, in order.
fn joined(table: &TableContent, slots: impl Iterator<Item = (usize, usize)>) -> String {
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for (r, c) in slots {
        let owner = table.owner(r, c);
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    owners
        .iter()
        .map(|&(r, c)| table.text(r, c))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(JOIN)
}

/// Splits the grid into flat tables: one per caption (or one for the whole grid), the header
/// rows joined per column, the label columns joined per row.
fn flatten(table: &TableContent) -> Vec<FlatTable> {
    let grid = &table.grid;
    let role_at = |r: usize, c: usize| table.owning_cell(r, c).role;
    let mut segments: Vec<(Option<String>, Vec<usize>, Vec<usize>)> = Vec::new();
    for r in 0..grid.height() {
        let roles: Vec<Role> = (0..grid.width()).map(|c| role_at(r, c)).collect();
        if roles.iter().all(|&role| role == Role::Caption) {
            segments.push((Some(table.text(r, 0).to_string()), Vec::new(), Vec::new()));
            continue;
        }
        if segments.is_empty() {
            segments.push((None, Vec::new(), Vec::new()));
        }
        let Some((_, header, body)) = segments.last_mut() else {
            continue;
        };
        let is_header = roles
            .iter()
            .all(|&role| matches!(role, Role::ColumnHeader | Role::Corner));
        if is_header && body.is_empty() {
            header.push(r);
        } else {
            body.push(r);
        }
    }
    segments
        .into_iter()
        .map(|(caption, header, body)| {
            // Label columns: those holding row labels in the body; they become one column.
            let is_label = |c: usize| body.iter().any(|&r| role_at(r, c) == Role::RowHeader);
            let labels: Vec<usize> = (0..grid.width()).filter(|&c| is_label(c)).collect();
            // Value columns: where a body cell starts (a cell spanning columns counts once).
            let values: Vec<usize> = (0..grid.width())
                .filter(|&c| !is_label(c) && body.iter().any(|&r| table.owner(r, c) == (r, c)))
                .collect();
            let mut head = Vec::new();
            if !labels.is_empty() {
                head.push(joined(
                    table,
                    header
                        .iter()
                        .flat_map(|&r| labels.iter().map(move |&c| (r, c))),
                ));
            }
            for &c in &values {
                head.push(joined(table, header.iter().map(|&r| (r, c))));
            }
            let mut numeric = vec![false; usize::from(!labels.is_empty())];
            numeric.extend(values.iter().map(|_| true));
            let rows = body
                .iter()
                .map(|&r| {
                    let mut row = Vec::new();
                    if !labels.is_empty() {
                        row.push(joined(table, labels.iter().map(|&c| (r, c))));
                    }
                    for &c in &values {
                        let (or, oc) = table.owner(r, c);
                        row.push(table.text(or, oc).to_string());
                    }
                    row
                })
                .collect();
            FlatTable {
                caption,
                header: head,
                numeric,
                rows,
            }
        })
        .collect()
}

/// Where a web address starts in `text` and where it ends (byte offsets): `http://` or
/// `https://` and the ASCII characters an address may hold, less trailing punctuation.
pub(super) fn find_url(text: &str) -> Option<(usize, usize)> {
    let start = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| text.find(scheme))
        .min()?;
    let tail = &text[start..];
    let mut end = tail
        .find(|c: char| !(c.is_ascii_alphanumeric() || "-._~:/?#@!$&'*+,;=%()[]".contains(c)))
        .unwrap_or(tail.len());
    while end > 0 && ".,;:!?'".contains(&tail[end - 1..end]) {
        end -= 1;
    }
    Some((start, start + end))
}

/// Prose for Markdown: markup escaped, and each web address written as an autolink
/// (`<https://…>`). A bare address runs on, for GitHub and pandoc, into whatever follows it
/// without a space (「…/zwgk/）查阅」 would all become the link).
fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut first = true;
    while let Some((start, end)) = find_url(rest) {
        let before = &rest[..start];
        if !before.is_empty() {
            out.push_str(&escape_at(before, first));
        }
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
        first = false;
    }
    if !rest.is_empty() {
        out.push_str(&escape_at(rest, first));
    }
    out
}

/// [`escape`] for a piece of a line: only the start of a line can make a heading or a list.
fn escape_at(text: &str, line_start: bool) -> String {
    if line_start {
        escape(text)
    } else {
        let escaped = escape(&format!("x{text}"));
        escaped[1..].to_string()
    }
}

/// Escapes what Markdown would read as markup. Chinese prose rarely has any, but a stray `*`
/// or `<` must print as itself.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.chars().enumerate() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(ch);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    // 「1. text」 at the start of a line would become a numbered list.
    if let Some(dot) = out.find(". ")
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, prose};

    #[test]
    fn web_addresses_are_autolinks_that_end_where_the_address_ends() {
        assert_eq!(
            prose("门户网站（https://www.example.gov.cn/zwgk/）查阅"),
            "门户网站（<https://www.example.gov.cn/zwgk/>）查阅"
        );
        assert_eq!(
            prose("见 http://a.cn/x_y. 其后*"),
            "见 <http://a.cn/x_y>. 其后\\*"
        );
        assert_eq!(prose("1. 不是列表"), "1\\. 不是列表");
    }

    #[test]
    fn markup_characters_print_as_themselves() {
        assert_eq!(escape("a*b_c"), "a\\*b\\_c");
        assert_eq!(escape("# 不是标题"), "\\# 不是标题");
        assert_eq!(escape("1. 不是列表"), "1\\. 不是列表");
        assert_eq!(escape("1.属于国家秘密"), "1.属于国家秘密");
        assert_eq!(escape("一、总体情况"), "一、总体情况");
    }
}
