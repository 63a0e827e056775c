//! Exports an officer publishes unchanged: what each format must hold so that a portal editor
//! does not fix it by hand — the Word package's details, HTML on a phone and in print, plain
//! text in 80 columns, Markdown links, the JSON note, draft blanks marked, and PDF through
//! LibreOffice. Where LibreOffice or Chromium is installed, the Word file is converted and the
//! HTML rendered, and what a reader sees is checked; without them those tests skip.

use crate::support::{acknowledged_sample_text, gip_2021_text, render, render_text};
use gongkai::export::Format;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut file = archive.by_name(name).expect("the part is in the package");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

fn reports() -> [String; 2] {
    [acknowledged_sample_text(), gip_2021_text()]
}

// ---- Word ----------------------------------------------------------------------------------

#[test]
fn latin_text_is_english_and_no_run_makes_it_chinese() {
    for text in reports() {
        let docx = render(&text, Format::Docx, false);
        let styles = part(&docx, "word/styles.xml");
        assert!(
            styles.contains(r#"<w:lang w:val="en-US" w:eastAsia="zh-CN""#),
            "{styles}"
        );
        for name in ["word/document.xml", "word/footer1.xml", "word/footer2.xml"] {
            let xml = part(&docx, name);
            assert!(!xml.contains(r#"<w:lang w:val="zh-CN""#), "{name}");
        }
    }
}

#[test]
fn title_breaks_after_the_agency_when_it_does_not_fit_one_line() {
    let docx = render(&acknowledged_sample_text(), Format::Docx, false);
    let document = part(&docx, "word/document.xml");
    let title = document
        .split("<w:p ")
        .find(|p| p.contains("方正小标宋简体"))
        .expect("the title paragraph");
    let at_break = title.find("<w:br").expect("a break in the long title");
    assert!(title[..at_break].contains("厦门市人力资源和社会保障局"));
    assert!(title[at_break..].contains("2020年政府信息公开工作年度报告"));
    // A short title stays on one line.
    let short = acknowledged_sample_text().replace(
        "agency = \"厦门市人力资源和社会保障局\"",
        "agency = \"某某局\"",
    );
    let document = part(&render(&short, Format::Docx, false), "word/document.xml");
    let title = document
        .split("<w:p ")
        .find(|p| p.contains("方正小标宋简体"))
        .unwrap();
    assert!(!title.contains("<w:br"), "a short title is one line");
}

#[test]
fn page_number_digit_and_dashes_are_one_size_of_song() {
    let docx = render(&acknowledged_sample_text(), Format::Docx, false);
    for name in ["word/footer1.xml", "word/footer2.xml"] {
        let footer = part(&docx, name);
        // Every run of the footer — the dashes and the PAGE field alike — is 宋体 四号.
        let runs: Vec<&str> = footer.split("<w:r>").skip(1).collect();
        assert!(runs.len() >= 5, "{footer}");
        for run in runs {
            assert!(
                run.contains(r#"<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体""#),
                "{name}: {run}"
            );
            assert!(run.contains(r#"<w:sz w:val="28"/>"#), "{name}: {run}");
        }
        assert!(footer.contains("PAGE"));
    }
}

#[test]
fn core_properties_carry_the_export_time_and_the_language() {
    let docx = render(&acknowledged_sample_text(), Format::Docx, false);
    let core = part(&docx, "docProps/core.xml");
    let made = crate::support::MADE;
    assert!(
        core.contains(&format!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{made}</dcterms:created>"#
        )),
        "{core}"
    );
    assert!(core.contains(&format!(
        r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{made}</dcterms:modified>"#
    )));
    assert!(core.contains("<dc:language>zh-CN</dc:language>"));
    assert!(!core.contains("1970"));
}

#[test]
fn every_part_is_compressed_and_referenced() {
    for draft_mark in [false, true] {
        let docx = render(&acknowledged_sample_text(), Format::Docx, draft_mark);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
        let names: Vec<String> = (0..archive.len())
            .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
            .collect();
        let mut stored = 0;
        let mut total = 0;
        for name in &names {
            let file = archive.by_name(name).unwrap();
            total += file.size();
            if file.compression() != zip::CompressionMethod::Deflated {
                stored += 1;
            }
        }
        assert_eq!(stored, 0, "every entry is deflated");
        assert!(
            docx.len() * 5 < total as usize,
            "{} bytes packed of {total}",
            docx.len()
        );
        // Every part but the relationships and the content types is named by a relationship.
        let rels = part(&docx, "_rels/.rels") + &part(&docx, "word/_rels/document.xml.rels");
        let types = part(&docx, "[Content_Types].xml");
        for name in &names {
            if name.ends_with(".rels") || name == "[Content_Types].xml" {
                continue;
            }
            let target = name.strip_prefix("word/").unwrap_or(name);
            assert!(
                rels.contains(&format!("Target=\"{target}\""))
                    || rels.contains(&format!("Target=\"{name}\"")),
                "{name} is referenced"
            );
            assert!(
                types.contains(&format!("PartName=\"/{name}\"")),
                "{name} has a type"
            );
        }
        for unused in ["comments", "footnotes", "numbering", "commentsExtended"] {
            assert!(
                !names.contains(&format!("word/{unused}.xml")),
                "no unused {unused}"
            );
            assert!(!types.contains(unused) && !rels.contains(unused));
        }
    }
}

/// The order ECMA-376 Part 1 gives the children of the property elements the export writes.
const ORDER: [(&str, &[&str]); 4] = [
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:widowControl",
            "w:numPr",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:jc",
            "w:outlineLvl",
            "w:rPr",
            "w:sectPr",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:vertAlign",
            "w:lang",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:pgNumType",
            "w:cols",
            "w:titlePg",
            "w:docGrid",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:tcW",
            "w:gridSpan",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:tcMar",
            "w:vAlign",
        ],
    ),
];

/// Children of a property element out of schema order, as 「parent: a before b」.
fn out_of_order(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    // Per open element: its name and the rank of its last child.
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut wrong = Vec::new();
    let mut child = |stack: &mut Vec<(String, usize)>, name: &str| {
        if let Some((parent, last)) = stack.last_mut()
            && let Some((_, order)) = ORDER.iter().find(|(p, _)| p == parent)
        {
            let rank = order
                .iter()
                .position(|n| *n == name)
                .unwrap_or_else(|| panic!("{parent} holds {name}, which the test does not rank"));
            if rank < *last {
                wrong.push(format!("{parent}: {name} after {}", order[*last]));
            }
            *last = rank;
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                child(&mut stack, &name);
                stack.push((name, 0));
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                child(&mut stack, &name);
            }
            Event::End(_) => {
                stack.pop();
            }
            _ => {}
        }
    }
    wrong
}

#[test]
fn property_elements_hold_their_children_in_schema_order() {
    for text in reports() {
        let docx = render(&text, Format::Docx, true);
        for name in [
            "word/document.xml",
            "word/styles.xml",
            "word/footer1.xml",
            "word/footer2.xml",
            "word/header1.xml",
        ] {
            let wrong = out_of_order(&part(&docx, name));
            assert!(
                wrong.is_empty(),
                "{name}: {:?}",
                &wrong[..wrong.len().min(5)]
            );
        }
    }
}

#[test]
fn label_columns_hold_group_labels_without_breaking_a_word() {
    let document = part(
        &render(&acknowledged_sample_text(), Format::Docx, false),
        "word/document.xml",
    );
    // 「（三）不予公开」 breaks after its number, never inside 不予.
    assert!(
        document.contains(r#"<w:t xml:space="preserve">（三）</w:t></w:r><w:r><w:rPr>"#)
            || document.contains("（三）</w:t>"),
        "the group label breaks after its number"
    );
    assert!(document.contains(">不予公开</w:t>"));
    // Table 三's figure headers take four characters a line: 社会公益组织 in two lines.
    let grid: Vec<usize> = document
        .split("<w:tblGrid>")
        .nth(2)
        .and_then(|t| t.split("</w:tblGrid>").next())
        .expect("table 三's grid")
        .split("w:w=\"")
        .skip(1)
        .map(|w| w.split('"').next().unwrap().parse().unwrap())
        .collect();
    let nonprofit = grid[3 + 3];
    assert!(
        nonprofit >= 4 * 210,
        "社会公益组织 has four characters a line: {grid:?}"
    );
}

// ---- HTML ----------------------------------------------------------------------------------

#[test]
fn html_tables_scroll_in_their_own_box_and_say_what_matters_on_the_elements() {
    for text in reports() {
        let html = render_text(&text, Format::Html, false);
        let doc = scraper::Html::parse_document(&html);
        let sel = |s| scraper::Selector::parse(s).unwrap();
        let tables: Vec<_> = doc.select(&sel("table")).collect();
        assert_eq!(tables.len(), 3);
        for table in &tables {
            let parent = scraper::ElementRef::wrap(table.parent().unwrap()).unwrap();
            let style = parent.value().attr("style").unwrap_or("");
            let nowrap = table.html().contains("nowrap");
            assert!(
                !nowrap || style.contains("overflow-x:auto"),
                "a table with unbreakable figures scrolls in its own box"
            );
            assert!(
                !table.value().attr("style").unwrap_or("").contains("fixed"),
                "columns size to their content"
            );
            let caption = table.select(&sel("caption")).next().expect("a caption");
            assert!(!caption.text().collect::<String>().is_empty());
            for th in table.select(&sel("th")) {
                assert!(
                    th.value()
                        .attr("style")
                        .is_some_and(|s| s.contains("font-weight:normal")),
                    "a header is not bold without the stylesheet"
                );
            }
        }
        let corner = doc.select(&sel("td.corner")).next().unwrap();
        assert!(
            corner
                .value()
                .attr("style")
                .unwrap()
                .contains("font-size:9pt")
        );
        // Table 四's row of figures is introduced by a row header.
        let appeals = tables[2];
        let body_row = appeals.select(&sel("tbody tr")).next().unwrap();
        let first = body_row.child_elements().next().unwrap();
        assert_eq!(first.value().name(), "th");
        assert_eq!(first.value().attr("scope"), Some("row"));
    }
}

#[test]
fn html_title_breaks_between_agency_and_year_and_addresses_wrap() {
    let html = render_text(&gip_2021_text(), Format::Html, false);
    assert!(html.contains(
        r#"<h1 style="text-align:center"><span style="display:inline-block">某某市某某局</span><span style="display:inline-block">2023年政府信息公开工作年度报告</span></h1>"#
    ), "{}", &html[..2000]);
    assert!(html.contains(
        r#"<a href="https://www.example.gov.cn/zwgk/" style="overflow-wrap:anywhere">https://www.example.gov.cn/<wbr>zwgk/</a>"#
    ), "an address breaks after the slashes of its path, not inside its host");
}

#[test]
fn printed_html_keeps_groups_with_their_labels_and_marks_every_page_of_a_draft() {
    let html = render_text(&acknowledged_sample_text(), Format::Html, true);
    assert!(
        html.contains("@top-right { content: \"草稿\""),
        "the mark is in every page's top margin"
    );
    assert!(html.contains(".report tbody.block { break-inside: avoid; }"));
    assert!(html.contains(".report tr.keep { break-after: avoid; }"));
    // （三）不予公开 has eight items: the first seven keep with the next.
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("tr.keep").unwrap();
    assert!(doc.select(&sel).count() >= 7 + 2 + 4);
    let finished = render_text(&acknowledged_sample_text(), Format::Html, false);
    assert!(!finished.contains("@top-right"));
}

// ---- Preamble, plain text, Markdown, JSON, drafts -------------------------------------------

#[test]
fn agency_is_not_doubled_when_the_office_is_written_in_full() {
    let full = gip_2021_text().replace(
        "contact_office = \"办公室\"",
        "contact_office = \"某某市某某局办公室\"",
    );
    for format in [Format::Txt, Format::Md, Format::Json, Format::Html] {
        let out = render_text(&full, format, false).replace('\n', "");
        assert!(out.contains("请与某某市某某局办公室联系"), "{format:?}");
        assert!(!out.contains("某某市某某局某某市某某局"), "{format:?}");
    }
}

#[test]
fn an_office_naming_its_own_organisation_takes_no_agency_before_it() {
    let short = gip_2021_text().replace(
        "contact_office = \"办公室\"",
        "contact_office = \"市某某局办公室\"",
    );
    let out = render_text(&short, Format::Txt, false).replace('\n', "");
    assert!(out.contains("请与市某某局办公室联系"), "{out}");
    // A bare part of the agency is named with the agency, as before — 政府信息公开办公室 and
    // 局办公室 too, which name no organisation of their own.
    let bare = render_text(&gip_2021_text(), Format::Txt, false).replace('\n', "");
    assert!(bare.contains("请与某某市某某局办公室联系"), "{bare}");
    for (office, said) in [
        (
            "政府信息公开办公室",
            "请与某某市某某局政府信息公开办公室联系",
        ),
        ("局办公室", "请与某某市某某局办公室联系"),
        ("政务公开科", "请与某某市某某局政务公开科联系"),
    ] {
        let text = gip_2021_text().replace(
            "contact_office = \"办公室\"",
            &format!("contact_office = \"{office}\""),
        );
        let out = render_text(&text, Format::Txt, false).replace('\n', "");
        assert!(out.contains(said), "{office}: {out}");
    }
}

/// Display width as a Chinese terminal draws it: ambiguous-width marks (“”) take two columns.
fn cjk_width(line: &str) -> usize {
    line.width_cjk()
}

#[test]
fn plain_text_fits_eighty_columns_by_cjk_width_and_prose_seventy_six() {
    for text in reports() {
        let txt = render_text(&text, Format::Txt, false);
        // A space kept at a line's end (where the wrap broke it, for `import`) prints nothing.
        for line in txt.lines().map(str::trim_end) {
            let limit = if line.starts_with(['+', '|']) { 80 } else { 76 };
            assert!(
                cjk_width(line) <= limit,
                "{} columns: {line}",
                cjk_width(line)
            );
        }
    }
}

#[test]
fn plain_text_draws_a_table_too_wide_for_eighty_columns_in_two_parts() {
    let text: String = gip_2021_text()
        .lines()
        .map(|line| {
            if line.starts_with("litigation_direct = {") {
                "litigation_direct = { upheld = 123456, corrected = 234567, other = 345678, pending = 456789 }".to_string()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let txt = render_text(&text, Format::Txt, true);
    let four = txt.find("四、政府信息公开行政复议").unwrap();
    let five = txt.find("五、存在的主要问题").unwrap();
    let table = &txt[four..five];
    for line in table.lines() {
        assert!(cjk_width(line) <= 80, "{line}");
    }
    assert!(table.contains("123456") && table.contains("456789"));
    // Two parts: the review group in one, the litigation groups in the other.
    let tops = table
        .lines()
        .filter(|l| l.contains("行政复议") || l.contains("行政诉讼"))
        .count();
    assert!(tops >= 2, "{table}");
}

#[test]
fn plain_text_never_splits_a_number_nor_starts_a_line_with_a_closing_mark() {
    for text in reports() {
        let txt = render_text(&text, Format::Txt, false);
        let lines: Vec<&str> = txt.lines().filter(|l| !l.starts_with(['+', '|'])).collect();
        for pair in lines.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let ends_digit = a.ends_with(|c: char| c.is_ascii_digit());
            let starts_digit = b.trim_start().starts_with(|c: char| c.is_ascii_digit());
            assert!(!(ends_digit && starts_digit), "a number split: {a} / {b}");
            assert!(
                !b.starts_with(|c: char| "，。、；：？！）》」”".contains(c)),
                "a closing mark starts a line: {b}"
            );
            assert!(
                !a.ends_with(|c: char| "（《「“".contains(c)),
                "an opening mark ends a line: {a}"
            );
        }
    }
}

#[test]
fn markdown_links_end_where_the_address_ends() {
    let md = render_text(&gip_2021_text(), Format::Md, false);
    assert!(
        md.contains("门户网站（<https://www.example.gov.cn/zwgk/>）查阅"),
        "{md}"
    );
    assert!(!md.contains("zwgk/）"));
}

#[test]
fn json_keeps_table_three_note_and_reasons_only_in_a_draft() {
    let finished: serde_json::Value = serde_json::from_str(&render_text(
        &acknowledged_sample_text(),
        Format::Json,
        false,
    ))
    .unwrap();
    let requests = &finished["sections"][2]["table"]["blocks"][0];
    assert!(
        requests["note"]
            .as_str()
            .unwrap()
            .starts_with("（本列数据的勾稽关系为"),
        "{requests}"
    );
    let answered = |doc: &serde_json::Value| {
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "narrative.mismatch")
            .unwrap()["acknowledged"]
            .clone()
    };
    assert_eq!(answered(&finished), serde_json::Value::Bool(true));
    assert!(
        !serde_json::to_string(&finished)
            .unwrap()
            .contains("含非行政许可事项")
    );
    let draft: serde_json::Value = serde_json::from_str(&render_text(
        &acknowledged_sample_text(),
        Format::Json,
        true,
    ))
    .unwrap();
    assert!(
        answered(&draft)
            .as_str()
            .unwrap()
            .contains("含非行政许可事项")
    );
}

#[test]
fn draft_marks_blank_cells_in_every_printed_format() {
    let text = gip_2021_text().replace("licensing = { decisions = 120 }", "licensing = {}");
    for format in [Format::Html, Format::Txt, Format::Md] {
        let out = render_text(&text, format, true);
        assert!(out.contains("□"), "{format:?}");
        assert!(
            out.contains("注：□为尚未填写的单元格（草稿）。"),
            "{format:?}"
        );
    }
    let document = part(&render(&text, Format::Docx, true), "word/document.xml");
    assert!(document.contains("□") && document.contains("尚未填写"));
    // A finished report has no blanks and no note.
    let out = render_text(&gip_2021_text(), Format::Txt, false);
    assert!(!out.contains("□"));
}

#[test]
fn fee_sentence_is_a_numbered_item_of_six() {
    let md = render_text(&gip_2021_text(), Format::Md, false);
    let six = &md[md.find("## 六、其他需要报告的事项").unwrap()..];
    assert!(
        six.contains("（一）本年度收取政府信息公开信息处理费情况："),
        "{six}"
    );
    assert!(six.contains("（二）无其他需要报告的事项。"), "{six}");
    let numbered = gip_2021_text().replace(
        "other = \"无其他需要报告的事项。\"",
        "other = \"1.关于建议提案办理情况。本年度办理3件。\"",
    );
    let md = render_text(&numbered, Format::Md, false);
    assert!(
        md.contains("2.本年度收取政府信息公开信息处理费情况："),
        "{md}"
    );
}

// ---- PDF, LibreOffice and Chromium ----------------------------------------------------------

fn program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn gongkai(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("gongkai").unwrap();
    cmd.env("GONGKAI_HOME", dir.join("home"))
        .env("GONGKAI_TODAY", "2021-01-10")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

#[test]
fn pdf_without_libreoffice_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.toml");
    std::fs::write(&draft, acknowledged_sample_text()).unwrap();
    let empty = dir.path().join("bin");
    std::fs::create_dir(&empty).unwrap();
    gongkai(dir.path())
        .env("PATH", &empty)
        .arg("export")
        .arg(&draft)
        .args(["--to", "docx", "--to", "pdf"])
        .assert()
        .code(2)
        .stderr(
            predicates::str::contains("LibreOffice")
                .and(predicates::str::contains("WPS"))
                .and(predicates::str::contains("  ").not()),
        );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "only the draft and the bin folder: {names:?}"
    );
}

use predicates::prelude::PredicateBooleanExt;

/// The sample converted to PDF by `gongkai export --to pdf`, read back with `pdftotext -layout`;
/// `None` where LibreOffice or pdftotext is not installed.
fn pdf_text(text: &str) -> Option<String> {
    program(&["soffice", "libreoffice"])?;
    let pdftotext = program(&["pdftotext"])?;
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.toml");
    std::fs::write(&draft, text).unwrap();
    let pdf = dir.path().join("report.pdf");
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "pdf", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    let out = std::process::Command::new(pdftotext)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn libreoffice_pdf_splits_no_figure_and_breaks_the_title_after_the_agency() {
    for (text, agency, rest, figures) in [
        (
            acknowledged_sample_text(),
            "厦门市人力资源和社会保障局",
            "2020 年政府信息公开工作年度报告",
            &["361012", "5327743", "2020", "1037", "240000"][..],
        ),
        (
            gip_2021_text(),
            "某某市某某局",
            "2023 年政府信息公开工作年度报告",
            &["100000", "0000-0000000", "2023"][..],
        ),
    ] {
        let Some(pdf) = pdf_text(&text) else {
            return;
        };
        let lines: Vec<&str> = pdf
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        // The title: the agency alone on the first line (short agencies fit one line).
        let title_line = lines[0];
        if title_line != format!("{agency}{rest}").replace(' ', "") && !title_line.contains(rest) {
            assert_eq!(title_line, agency, "the title breaks after the agency");
            assert_eq!(lines[1], rest);
        }
        let joined = pdf.replace(' ', "");
        for figure in figures {
            assert!(
                pdf.contains(figure),
                "{figure} is whole on one line of the PDF"
            );
            let _ = &joined;
        }
        // No line of prose ends inside a number that goes on at the next line's start.
        for pair in lines.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let prose = |l: &str| l.chars().filter(|c| !c.is_ascii()).count() > 8;
            if prose(a) && prose(b) {
                assert!(
                    !(a.ends_with(|c: char| c.is_ascii_digit())
                        && b.starts_with(|c: char| c.is_ascii_digit())),
                    "a figure split across lines: {a} / {b}"
                );
            }
        }
    }
}

/// Renders an HTML export in headless Chromium at a width and returns what an injected script
/// measured; `None` without Chromium.
fn chromium_measure(html: &str, width: u32) -> Option<String> {
    let chromium = program(&["chromium", "chromium-browser", "google-chrome"])?;
    let dir = tempfile::tempdir().unwrap();
    // Headless Chromium keeps its window at least 500 px wide, so the page itself is set to the
    // phone's width. The script counts the cells whose text reaches outside the cell's box (a
    // figure running into its neighbour), and whether the page is wider than the phone.
    let script = format!(
        r#"<style>html {{ width: {width}px; }}</style><script>
window.addEventListener('load', () => {{
  const bad = [];
  for (const cell of document.querySelectorAll('td, th')) {{
    const range = document.createRange();
    range.selectNodeContents(cell);
    const text = range.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    if (text.width > 0 && (text.right > box.right + 0.5 || text.left < box.left - 0.5)) {{
      bad.push(cell.textContent.trim());
    }}
  }}
  const page = document.body.scrollWidth > {width} + 1;
  const out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = 'OVERFLOW:' + bad.length + ':' + bad.slice(0, 5).join('|') + ':PAGE:' + page;
  document.body.appendChild(out);
}});
</script>"#
    );
    let file = dir.path().join("report.html");
    std::fs::write(&file, html.replace("</body>", &format!("{script}</body>"))).unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg("--window-size=500,2000")
        .arg("--dump-dom")
        .arg(&file)
        .output()
        .expect("Chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let marker = "id=\"measured\">";
    let at = dom
        .find(marker)
        .unwrap_or_else(|| panic!("the measuring script ran: {}", &dom[..dom.len().min(500)]))
        + marker.len();
    Some(dom[at..].split('<').next().unwrap_or("").to_string())
}

#[test]
fn html_on_a_phone_has_no_cell_whose_content_overflows() {
    for text in reports() {
        let html = render_text(&text, Format::Html, false);
        let Some(measured) = chromium_measure(&html, 360) else {
            return;
        };
        assert!(
            measured.starts_with("OVERFLOW:0:"),
            "cells overflow at 360 px: {measured}"
        );
        assert!(
            measured.ends_with("PAGE:false"),
            "the page scrolls sideways: {measured}"
        );
    }
}
