//! The Word export, unzipped: its tables are rebuilt from `word/document.xml` (gridSpan and
//! vMerge restart/continue) and must be the official grid; fonts are named for East Asian text;
//! East Asian text is zh-CN and Latin text en-US; header rows repeat; numbers are
//! right-aligned; page numbers are fields. Where LibreOffice is installed, the file must also
//! convert to PDF.

use crate::support::{acknowledged_sample_text, gip_2021_text, load_draft, render};
use gongkai::export::Format;
use gongkai::template::grid::{Content, Grid, Slot};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut file = archive.by_name(name).expect("the part is in the package");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

/// A table cell as Word sees it.
#[derive(Debug, Default, Clone)]
struct WordCell {
    grid_span: usize,
    /// `Some("restart")`, `Some("continue")` or `None`.
    v_merge: Option<String>,
    text: String,
    right_aligned: bool,
}

#[derive(Debug, Default)]
struct WordTable {
    header_rows: usize,
    rows: Vec<Vec<WordCell>>,
}

fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn tables(document: &str) -> Vec<WordTable> {
    let mut reader = Reader::from_str(document);
    let mut tables = Vec::new();
    let mut table: Option<WordTable> = None;
    let mut cell: Option<WordCell> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:tbl" => table = Some(WordTable::default()),
                b"w:tr" => table.as_mut().expect("in a table").rows.push(Vec::new()),
                b"w:tblHeader" => table.as_mut().expect("in a table").header_rows += 1,
                b"w:tc" => {
                    cell = Some(WordCell {
                        grid_span: 1,
                        ..WordCell::default()
                    })
                }
                b"w:gridSpan" => {
                    if let Some(c) = cell.as_mut() {
                        c.grid_span = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap();
                    }
                }
                b"w:vMerge" => {
                    if let Some(c) = cell.as_mut() {
                        c.v_merge = Some(attr(&e, b"w:val").unwrap_or("continue".into()));
                    }
                }
                b"w:jc" => {
                    if let Some(c) = cell.as_mut() {
                        c.right_aligned |= attr(&e, b"w:val").as_deref() == Some("right");
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.text.push_str(&t.decode().expect("text"));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:tc" => {
                    let c = cell.take().expect("a cell ends");
                    table.as_mut().unwrap().rows.last_mut().unwrap().push(c);
                }
                b"w:tbl" => tables.push(table.take().expect("a table ends")),
                _ => {}
            },
            _ => {}
        }
    }
    tables
}

/// Rebuilds the (row, column) → (row span, column span) of each origin from Word's cells.
fn spans_from_word(table: &WordTable) -> Vec<(usize, usize, usize, usize, String)> {
    let mut origins: Vec<(usize, usize, usize, usize, String)> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            match cell.v_merge.as_deref() {
                Some("continue") => {
                    let origin = origins
                        .iter_mut()
                        .rev()
                        .find(|o| o.1 == c && o.0 + o.2 == r)
                        .expect("a continued merge has a cell above");
                    assert_eq!(origin.3, cell.grid_span, "a merge keeps its width");
                    origin.2 += 1;
                }
                _ => origins.push((r, c, 1, cell.grid_span, cell.text.clone())),
            }
            c += cell.grid_span;
        }
    }
    origins
}

fn spans_from_grid(
    grid: &Grid,
    text: impl Fn(usize, usize) -> String,
) -> Vec<(usize, usize, usize, usize, String)> {
    let mut out = Vec::new();
    for r in 0..grid.height() {
        for (c, cell) in grid.row_origins(r) {
            out.push((r, c, cell.row_span, cell.col_span, text(r, c)));
        }
    }
    out
}

fn check_tables_match_grids(text: &str) {
    let docx = render(text, Format::Docx, false);
    let document = part(&docx, "word/document.xml");
    let word = tables(&document);
    let (template, draft) = load_draft(text);
    let outcome = crate::support::outcome(template, &draft);
    assert_eq!(word.len(), template.tables.len());
    for (table, word) in template.tables.iter().zip(&word) {
        let grid = table.grid();
        assert_eq!(
            word.header_rows, grid.header_rows,
            "{}: header rows repeat",
            table.key
        );
        // Labels as printed; figures as the draft has them (or their totals).
        let expected = spans_from_grid(&grid, |r, c| match &grid.slots[r][c] {
            Slot::Origin(cell) => match &cell.content {
                Content::Text(t) => t.clone(),
                Content::Value(key) => match outcome.totals.get(key) {
                    Some(total) => total.complete().map(|n| n.to_string()).unwrap_or_default(),
                    None => draft
                        .cell(key)
                        .map(|n| {
                            let unit = draft.units.get(key).cloned().unwrap_or_default();
                            format!("{n}{unit}")
                        })
                        .unwrap_or_default(),
                },
            },
            Slot::Covered(..) => String::new(),
        });
        assert_eq!(spans_from_word(word), expected, "{}", table.key);
        // Every figure is right-aligned.
        for (r, row) in word.rows.iter().enumerate().skip(grid.header_rows) {
            for cell in row {
                if !cell.text.is_empty() && cell.text.chars().all(|c| c.is_ascii_digit()) {
                    assert!(
                        cell.right_aligned,
                        "{}: row {r}: {} is right-aligned",
                        table.key, cell.text
                    );
                }
            }
        }
    }
}

#[test]
fn word_tables_are_the_official_grids_of_gip_2019() {
    check_tables_match_grids(&acknowledged_sample_text());
}

#[test]
fn word_tables_are_the_official_grids_of_gip_2021() {
    check_tables_match_grids(&gip_2021_text());
}

#[test]
fn results_label_merges_twenty_rows_in_gip_2019_and_twenty_two_in_gip_2021() {
    for (text, rows) in [(acknowledged_sample_text(), 20), (gip_2021_text(), 22)] {
        let docx = render(&text, Format::Docx, false);
        let document = part(&docx, "word/document.xml");
        let requests = &tables(&document)[1];
        let spans = spans_from_word(requests);
        let results = spans
            .iter()
            .find(|o| o.4 == "三、本年度办理结果")
            .expect("the results label");
        assert_eq!((results.2, results.3), (rows, 1));
        let corner = &spans[0];
        assert!(corner.4.starts_with("（本列数据的勾稽关系为"));
        assert_eq!((corner.2, corner.3), (3, 3));
        assert!(document.contains(r#"<w:vMerge w:val="restart" />"#));
        assert!(document.contains(r#"<w:vMerge w:val="continue" />"#));
        assert!(document.contains(r#"<w:gridSpan w:val="7" />"#));
    }
}

#[test]
fn fonts_are_named_for_east_asian_text_with_simplified_chinese_fallbacks() {
    let docx = render(&acknowledged_sample_text(), Format::Docx, false);
    let document = part(&docx, "word/document.xml");
    let styles = part(&docx, "word/styles.xml");
    let fonts = part(&docx, "word/fontTable.xml");
    // Body by default, title, headings of both levels, page numbers in the footers.
    assert!(styles.contains(r#"w:eastAsia="仿宋_GB2312""#));
    assert!(document.contains(r#"w:eastAsia="方正小标宋简体""#));
    assert!(document.contains(r#"w:eastAsia="黑体""#));
    assert!(document.contains(r#"w:eastAsia="楷体_GB2312""#));
    assert!(part(&docx, "word/footer1.xml").contains(r#"w:eastAsia="宋体""#));
    for (font, fallback) in [
        ("仿宋_GB2312", "仿宋"),
        ("方正小标宋简体", "宋体"),
        ("楷体_GB2312", "楷体"),
    ] {
        let entry = format!(
            r#"<w:font w:name="{font}"><w:altName w:val="{fallback}"/><w:charset w:val="86"/>"#
        );
        assert!(
            fonts.contains(&entry),
            "{font} falls back to {fallback}: {fonts}"
        );
    }
}

#[test]
fn east_asian_text_is_simplified_chinese_and_latin_text_english() {
    let docx = render(&acknowledged_sample_text(), Format::Docx, false);
    let styles = part(&docx, "word/styles.xml");
    let defaults = styles
        .split("<w:rPrDefault>")
        .nth(1)
        .and_then(|s| s.split("</w:rPrDefault>").next())
        .expect("default run properties");
    assert!(
        defaults.contains(r#"<w:lang w:val="en-US" w:eastAsia="zh-CN""#),
        "{defaults}"
    );
}

#[test]
fn page_is_a4_with_official_margins_and_numbered_pages() {
    let docx = render(&acknowledged_sample_text(), Format::Docx, false);
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#));
    assert!(document.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
    assert!(document.contains(r#"<w:docGrid w:type="lines" w:linePitch="579" />"#));
    // Body paragraphs: fixed line spacing of the 22-line grid.
    assert!(document.contains(r#"w:line="579" w:lineRule="exact""#));
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        let footer = part(&docx, footer);
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>"),
            "{footer}"
        );
        assert!(footer.contains("— "));
    }
    assert!(part(&docx, "word/settings.xml").contains("<w:evenAndOddHeaders"));
}

#[test]
fn draft_is_marked_in_the_title_and_on_every_page() {
    let text = acknowledged_sample_text();
    let finished = render(&text, Format::Docx, false);
    let draft = render(&text, Format::Docx, true);
    assert!(!part(&finished, "word/document.xml").contains("草稿"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&finished)).unwrap();
    assert!(archive.by_name("word/header1.xml").is_err());
    assert!(part(&draft, "word/document.xml").contains("年度报告（草稿）"));
    // Odd and even pages each have a header saying so.
    assert!(part(&draft, "word/header1.xml").contains("草稿"));
    assert!(part(&draft, "word/header2.xml").contains("草稿"));
}

/// `libreoffice` or `soffice`, if installed.
fn libreoffice() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| [dir.join("libreoffice"), dir.join("soffice")])
        .find(|p| p.is_file())
}

#[test]
fn libreoffice_converts_the_word_file_to_pdf() {
    let Some(office) = libreoffice() else {
        // Not installed here: nothing to convert with.
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("report.docx");
    std::fs::write(
        &docx,
        render(&acknowledged_sample_text(), Format::Docx, false),
    )
    .unwrap();
    // A profile of its own, so a LibreOffice already running does not take the job.
    let profile = format!("file://{}", dir.path().join("profile").display());
    let status = std::process::Command::new(office)
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("LibreOffice runs");
    assert!(status.success());
    let pdf = std::fs::read(dir.path().join("report.pdf")).expect("a PDF was written");
    assert!(pdf.starts_with(b"%PDF"));
    assert!(pdf.len() > 10_000, "the PDF has pages: {} bytes", pdf.len());
}

#[test]
fn every_control_character_in_the_text_still_gives_well_formed_xml() {
    let (template, mut draft) = load_draft(&crate::support::sample_text());
    let controls: String = (0u32..0x20)
        .chain([0x7f, 0xfffe, 0xffff])
        .filter_map(char::from_u32)
        .collect();
    draft.report.agency = format!("某某{controls}局");
    draft.text.insert(
        "other".into(),
        format!("第一页\u{c}第二页\u{b}换行{controls}结束"),
    );
    draft.report.phone = "0592\u{1}5327743".into();
    let outcome = crate::support::outcome(template, &draft);
    let options = gongkai::export::ExportOptions {
        draft_mark: true,
        lang: gongkai::i18n::Lang::Zh,
        made: crate::support::MADE.parse().unwrap(),
    };
    let bytes = gongkai::export::render(
        gongkai::export::Format::Docx,
        template,
        &draft,
        &outcome,
        &options,
    )
    .unwrap();
    gongkai::fuzzing::assert_well_formed_docx(&bytes);
    for format in [
        gongkai::export::Format::Html,
        gongkai::export::Format::Txt,
        gongkai::export::Format::Md,
    ] {
        let text = String::from_utf8(
            gongkai::export::render(format, template, &draft, &outcome, &options).unwrap(),
        )
        .unwrap();
        assert!(
            !text.chars().any(|c| !gongkai::report::text::is_allowed(c)),
            "{format:?} holds a control character"
        );
        assert!(
            text.contains("第二页"),
            "{format:?}: the text around them is kept"
        );
    }
}
