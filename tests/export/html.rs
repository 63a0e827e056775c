//! The HTML export, parsed: each table rebuilt from its rowspan/colspan must be the official
//! grid; headers are `<th scope>`; the page is zh-CN and refers to nothing outside itself.

use crate::support::{acknowledged_sample_text, gip_2021_text, load_draft, render_text};
use gongkai::export::Format;
use gongkai::template::grid::{Content, Role};
use scraper::{ElementRef, Html, Selector};

fn select(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

fn span(cell: &ElementRef, name: &str) -> usize {
    cell.value()
        .attr(name)
        .map_or(1, |v| v.parse().expect("a number"))
}

/// The origins of an HTML table: (row, column, row span, column span, tag, text), placing each
/// cell in the first column its row has free, as browsers do.
fn origins(table: &ElementRef) -> Vec<(usize, usize, usize, usize, String, String)> {
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let mut out = Vec::new();
    for (r, row) in table.select(&select("tr")).enumerate() {
        let mut c = 0;
        for cell in row.select(&select("th, td")) {
            let (rows, columns) = (span(&cell, "rowspan"), span(&cell, "colspan"));
            while taken
                .get(r)
                .is_some_and(|t| t.get(c).copied().unwrap_or(false))
            {
                c += 1;
            }
            for rr in r..r + rows {
                if taken.len() <= rr {
                    taken.resize(rr + 1, Vec::new());
                }
                for cc in c..c + columns {
                    if taken[rr].len() <= cc {
                        taken[rr].resize(cc + 1, false);
                    }
                    taken[rr][cc] = true;
                }
            }
            let tag = cell.value().name().to_string();
            out.push((r, c, rows, columns, tag, cell.text().collect()));
            c += columns;
        }
    }
    out
}

fn check_tables_match_grids(text: &str) {
    let html = Html::parse_document(&render_text(text, Format::Html, false));
    let (template, _) = load_draft(text);
    let tables: Vec<ElementRef> = html.select(&select("table")).collect();
    assert_eq!(tables.len(), template.tables.len());
    for (table, element) in template.tables.iter().zip(&tables) {
        let grid = table.grid();
        let found = origins(element);
        let mut expected = Vec::new();
        for r in 0..grid.height() {
            for (c, cell) in grid.row_origins(r) {
                let tag = match cell.role {
                    Role::ColumnHeader | Role::RowHeader | Role::Caption => "th",
                    // A row of figures without a label (table 四's) opens with a row header.
                    Role::Input | Role::Computed if c == 0 => "th",
                    Role::Corner | Role::Input | Role::Computed => "td",
                };
                expected.push((r, c, cell.row_span, cell.col_span, tag.to_string()));
            }
        }
        let found_spans: Vec<_> = found
            .iter()
            .map(|(r, c, rs, cs, tag, _)| (*r, *c, *rs, *cs, tag.clone()))
            .collect();
        assert_eq!(found_spans, expected, "{}", table.key);
        // Labels print exactly as the format has them.
        for (r, c, _, _, _, text) in &found {
            if let Some(cell) = grid.origin(*r, *c)
                && let Content::Text(label) = &cell.content
            {
                assert_eq!(text, label);
            }
        }
        // Header rows form the head, which browsers repeat on each printed page.
        let head_rows = element.select(&select("thead tr")).count();
        assert_eq!(head_rows, grid.header_rows, "{}", table.key);
    }
}

#[test]
fn html_tables_are_the_official_grids_of_gip_2019() {
    check_tables_match_grids(&acknowledged_sample_text());
}

#[test]
fn html_tables_are_the_official_grids_of_gip_2021() {
    check_tables_match_grids(&gip_2021_text());
}

#[test]
fn table_three_is_merged_as_the_official_grid() {
    for (text, results) in [(acknowledged_sample_text(), "20"), (gip_2021_text(), "22")] {
        let html = Html::parse_document(&render_text(&text, Format::Html, false));
        let requests = html.select(&select("table")).nth(1).expect("table 三");
        let cell = |label: &str| {
            requests
                .select(&select("th, td"))
                .find(|c| c.text().collect::<String>() == label)
                .unwrap_or_else(|| panic!("{label} is in table 三"))
        };
        let attrs = |label: &str| {
            let c = cell(label);
            (
                c.value().attr("rowspan").map(str::to_string),
                c.value().attr("colspan").map(str::to_string),
                c.value().attr("scope").map(str::to_string),
            )
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            attrs("三、本年度办理结果"),
            (some(results), None, some("rowgroup"))
        );
        assert_eq!(attrs("申请人情况"), (None, some("7"), some("colgroup")));
        assert_eq!(attrs("自然人"), (some("2"), None, some("col")));
        assert_eq!(attrs("总计"), (some("2"), None, some("col")));
        assert_eq!(attrs("法人或其他组织"), (None, some("5"), some("colgroup")));
        assert_eq!(attrs("（三）不予公开"), (some("8"), None, some("rowgroup")));
        assert_eq!(attrs("（四）无法提供"), (some("3"), None, some("rowgroup")));
        assert_eq!(attrs("（五）不予处理"), (some("5"), None, some("rowgroup")));
        assert_eq!(attrs("（一）予以公开"), (None, some("2"), some("row")));
        assert_eq!(
            attrs("一、本年新收政府信息公开申请数量"),
            (None, some("3"), some("row"))
        );
        let corner = requests
            .select(&select("td.corner"))
            .next()
            .expect("the note");
        assert_eq!(corner.value().attr("rowspan"), Some("3"));
        assert_eq!(corner.value().attr("colspan"), Some("3"));
    }
}

#[test]
fn every_header_cell_says_its_scope() {
    let html = Html::parse_document(&render_text(&gip_2021_text(), Format::Html, false));
    let headers: Vec<ElementRef> = html.select(&select("th")).collect();
    assert!(headers.len() > 50);
    for th in headers {
        let scope = th.value().attr("scope");
        assert!(
            matches!(scope, Some("col" | "colgroup" | "row" | "rowgroup")),
            "{}",
            th.html()
        );
    }
}

#[test]
fn page_is_chinese_and_self_contained() {
    let text = render_text(&acknowledged_sample_text(), Format::Html, false);
    let html = Html::parse_document(&text);
    let root = html.select(&select("html")).next().unwrap();
    assert_eq!(root.value().attr("lang"), Some("zh-CN"));
    for element in html.select(&select("*")) {
        let name = element.value().name();
        assert!(
            !matches!(name, "script" | "link" | "img" | "iframe" | "object"),
            "<{name}>"
        );
        for attr in ["src", "href", "action"] {
            assert!(element.value().attr(attr).is_none(), "<{name} {attr}>");
        }
        assert!(
            element.value().attrs().all(|(k, _)| !k.starts_with("on")),
            "<{name}> has a script"
        );
    }
    for reference in ["url(", "@import", "http://", "https://"] {
        assert!(!text.contains(reference), "the page refers to {reference}");
    }
    assert!(text.contains("@page { size: A4"));
}

#[test]
fn prose_and_labels_are_escaped() {
    let text = acknowledged_sample_text().replace(
        "无特别需要说明的事项。",
        "无特别需要说明的事项<script>alert(1)</script>。",
    );
    let out = render_text(&text, Format::Html, false);
    assert!(!out.contains("<script>"));
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn draft_is_marked_in_the_title_and_at_the_top_of_every_printed_page() {
    let out = render_text(&acknowledged_sample_text(), Format::Html, true);
    let html = Html::parse_document(&out);
    let h1: String = html.select(&select("h1")).next().unwrap().text().collect();
    assert!(h1.ends_with("（草稿）"));
    let mark: String = html
        .select(&select(".draft-mark"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(mark, "草稿");
    // In print, the mark is in the top margin box of every page (the last one too), clear of
    // the text.
    assert!(out.contains("@page { @top-right { content: \"草稿\""));
}
