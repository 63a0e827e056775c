//! The portal-page front end: a CMS article, usually pasted from Word or WPS, so every cell is
//! wrapped in MSO-styled `<p><span>` markup. Parsed with html5ever (through `scraper`) and
//! walked without recursion, so 10,000 nested tags cost time, not stack. Tables that hold
//! other tables are page layout and read as text; the innermost tables are the report's.

use super::document::{Block, Document, Grid, SpanCell, tidy};
use ego_tree::NodeRef;
use scraper::{Html, Node};
use std::collections::HashSet;

/// Elements whose start and end break a paragraph.
const BLOCK_ELEMENTS: [&str; 24] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "title",
    "dd",
    "dt",
];

/// Reads a decoded page.
pub fn read(text: &str) -> Document {
    let html = Html::parse_document(text);
    let root = html.tree.root();
    let with_tables = tables_holding_tables(root);
    let own_export = is_own_export(root);
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let mut stack: Vec<(NodeRef<Node>, bool)> = vec![(root, true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Text(t) if entering => paragraph.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "noscript" | "template") {
                    continue;
                }
                if name == "br" {
                    flush(&mut paragraph, &mut blocks);
                    continue;
                }
                let block = BLOCK_ELEMENTS.contains(&name);
                if block {
                    flush(&mut paragraph, &mut blocks);
                }
                if entering {
                    if name == "table" && !with_tables.contains(&node.id()) {
                        blocks.push(Block::Table(grid(node)));
                        continue;
                    }
                    stack.push((node, false));
                    // Children go on the stack last-first so the first is read first.
                    let children: Vec<_> = node.children().collect();
                    for child in children.into_iter().rev() {
                        stack.push((child, true));
                    }
                }
            }
            Node::Document | Node::Fragment if entering => {
                let children: Vec<_> = node.children().collect();
                for child in children.into_iter().rev() {
                    stack.push((child, true));
                }
            }
            _ => {}
        }
    }
    flush(&mut paragraph, &mut blocks);
    Document { blocks, own_export }
}

fn flush(paragraph: &mut String, blocks: &mut Vec<Block>) {
    let text = tidy(paragraph);
    if !text.is_empty() {
        blocks.push(Block::Paragraph(text));
    }
    paragraph.clear();
}

/// `<meta name="generator" content="gongkai …">`: gongkai's own export.
fn is_own_export(root: NodeRef<Node>) -> bool {
    root.descendants().any(|n| {
        n.value().as_element().is_some_and(|e| {
            e.name() == "meta"
                && e.attr("name")
                    .is_some_and(|v| v.eq_ignore_ascii_case("generator"))
                && e.attr("content").is_some_and(|v| v.starts_with("gongkai"))
        })
    })
}

/// The tables with another table inside, found in one pass from the last node back (every
/// node's descendants come after it in document order).
fn tables_holding_tables(root: NodeRef<Node>) -> HashSet<ego_tree::NodeId> {
    let nodes: Vec<NodeRef<Node>> = root.descendants().collect();
    let mut holds: HashSet<ego_tree::NodeId> = HashSet::new();
    let mut tables = HashSet::new();
    for node in nodes.iter().rev() {
        let is_table =
            |n: &NodeRef<Node>| n.value().as_element().is_some_and(|e| e.name() == "table");
        if node
            .children()
            .any(|c| is_table(&c) || holds.contains(&c.id()))
        {
            holds.insert(node.id());
            if is_table(node) {
                tables.insert(node.id());
            }
        }
    }
    tables
}

/// The rows and cells of an innermost table, spans resolved.
fn grid(table: NodeRef<Node>) -> Grid {
    let mut rows: Vec<Vec<SpanCell>> = Vec::new();
    for node in table.descendants() {
        let Some(e) = node.value().as_element() else {
            continue;
        };
        match e.name() {
            "tr" => rows.push(Vec::new()),
            "td" | "th" => {
                if rows.is_empty() {
                    rows.push(Vec::new());
                }
                let span = |name: &str| {
                    e.attr(name)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .filter(|n| *n > 0)
                        .unwrap_or(1)
                };
                let text: String = node
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect();
                if let Some(row) = rows.last_mut() {
                    row.push(SpanCell {
                        text: tidy(&text),
                        row_span: span("rowspan"),
                        col_span: span("colspan"),
                    });
                }
            }
            _ => {}
        }
    }
    rows.retain(|r| !r.is_empty());
    Grid::from_spans(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mso_markup_is_read_as_paragraphs_and_a_grid() {
        let page = r#"<html><body><div><p class=MsoNormal><span style='font-family:仿宋'>一、总体情况</span></p>
            <p><span>正文</span><span>续</span></p>
            <table><tr><td rowspan=2><p><span>三、本年度</span></p><p><span>办理结果</span></p></td>
            <td><p><span>（一）予以公开</span></p></td><td><p><span lang=EN-US>11</span></p></td></tr>
            <tr><td>（二）部分公开</td><td>&nbsp;1</td></tr></table></div></body></html>"#;
        let doc = read(page);
        assert_eq!(doc.blocks[0], Block::Paragraph("一、总体情况".into()));
        assert_eq!(doc.blocks[1], Block::Paragraph("正文续".into()));
        let Block::Table(grid) = &doc.blocks[2] else {
            panic!("expected a table, got {:?}", doc.blocks[2]);
        };
        assert_eq!(grid.rows[1][0].text, "三、本年度办理结果");
        assert_eq!(grid.rows[1][2].text, "1");
    }

    #[test]
    fn a_layout_table_is_read_as_text_around_the_report_table() {
        let page = "<table><tr><td><p>标题</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>";
        let doc = read(page);
        assert_eq!(doc.blocks[0], Block::Paragraph("标题".into()));
        assert!(matches!(doc.blocks[1], Block::Table(_)));
    }

    #[test]
    fn ten_thousand_nested_tags_do_not_overflow_the_stack() {
        let page = format!(
            "{}正文{}",
            "<div><span>".repeat(10_000),
            "</span></div>".repeat(10_000)
        );
        let doc = read(&page);
        assert!(
            doc.blocks
                .iter()
                .any(|b| *b == Block::Paragraph("正文".into()))
        );
    }
}
