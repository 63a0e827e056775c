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

/// Deeper nesting than this is no article (MSO markup nests a few dozen levels): such a page
/// is refused before parsing, whose cost grows with depth times length.
pub const MAX_DEPTH: usize = 1000;

/// Elements the parser closes by itself or that hold nothing: they do not nest.
const NOT_NESTING: [&str; 22] = [
    "p", "li", "td", "th", "tr", "dt", "dd", "option", "br", "img", "meta", "link", "input", "hr",
    "col", "area", "base", "wbr", "source", "embed", "param", "track",
];

/// How deeply the page's tags nest, counted from the tags alone (an estimate that never
/// undercounts a real nesting much, and runs in one pass).
pub fn nesting_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|b| *b == b'<') {
        i += at + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name: String = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .take(16)
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        let self_closing = bytes[start..]
            .iter()
            .position(|b| *b == b'>')
            .is_some_and(|end| end > 0 && bytes[start + end - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

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
    fn nesting_is_measured_from_the_tags() {
        let deep = format!(
            "{}正文{}",
            "<div><span>".repeat(10_000),
            "</span></div>".repeat(10_000)
        );
        assert_eq!(nesting_depth(&deep), 20_000);
        let flat = "<p>a<p>b<br><td>1<td>2<div><span>x</span></div>".repeat(5_000);
        assert!(nesting_depth(&flat) <= 2);
    }

    #[test]
    fn a_page_as_deep_as_allowed_is_read_without_overflowing_the_stack() {
        let half = MAX_DEPTH / 2;
        let page = format!(
            "{}正文{}",
            "<div><span>".repeat(half),
            "</span></div>".repeat(half)
        );
        let doc = read(&page);
        assert!(
            doc.blocks
                .iter()
                .any(|b| *b == Block::Paragraph("正文".into()))
        );
    }
}
