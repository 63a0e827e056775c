//! `gongkai import` and `gongkai check` on published reports: each format read cell by cell
//! against a hand-checked draft, the seed text, round trips through our own exports, printed
//! totals that disagree, every kind of bad input, and folders mixing drafts, exports and
//! published files.

use crate::common;
use assert_cmd::Command;
use gongkai::check::{Options, check};
use gongkai::export::{ExportOptions, Format, render};
use gongkai::import::{self, BlankReason, Block, Imported, import_bytes};
use gongkai::report::{Draft, Number, load};
use gongkai::template::Template;
use predicates::prelude::*;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/import";
const DEPARTMENT_2023: &str = include_str!("../fixtures/gip-2021-department.toml");

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

fn import_fixture(name: &str) -> Imported {
    let path = fixture(name);
    import::import_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn department() -> Draft {
    load::load_str(DEPARTMENT_2023).expect("the fixture loads")
}

/// Prose compared paragraph by paragraph: a draft may separate paragraphs by one newline or
/// two; the published file only shows that they are paragraphs.
fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Asserts that what was imported is the expected draft: every figure, unit, fee, the report
/// details that a published file prints, and the prose paragraph by paragraph.
fn assert_same_report(imported: &Draft, expected: &Draft, what: &str) {
    let template = Template::builtin(&expected.template).expect("known");
    assert_eq!(imported.template, expected.template, "{what}: format");
    for input in &template.compiled().inputs {
        assert_eq!(
            imported.cell(&input.key),
            expected.cell(&input.key),
            "{what}: cell {}",
            input.key
        );
    }
    assert_eq!(imported.cells.len(), expected.cells.len(), "{what}: cells");
    assert_eq!(imported.units, expected.units, "{what}: units");
    assert_eq!(imported.fees, expected.fees, "{what}: fees");
    let r = (&imported.report, &expected.report);
    assert_eq!(r.0.agency, r.1.agency, "{what}: agency");
    assert_eq!(r.0.year, r.1.year, "{what}: year");
    assert_eq!(r.0.kind, r.1.kind, "{what}: kind");
    assert_eq!(r.0.contact_office, r.1.contact_office, "{what}: office");
    assert_eq!(r.0.address, r.1.address, "{what}: address");
    assert_eq!(r.0.postcode, r.1.postcode, "{what}: postcode");
    assert_eq!(r.0.phone, r.1.phone, "{what}: phone");
    for section in template.prose_sections() {
        assert_eq!(
            paragraphs(imported.text(&section.key)),
            paragraphs(expected.text(&section.key)),
            "{what}: prose of {}",
            section.heading
        );
    }
}

// ---------------------------------------------------------------- each format, cell by cell

#[test]
fn the_seed_text_gives_every_figure_of_the_sample_or_a_reported_blank() {
    let imported = import_fixture("xiamen-hrss-2020.txt");
    let expected = common::sample();
    let template = imported.template;
    let mut blank_and_reported = Vec::new();
    for input in &template.compiled().inputs {
        let got = imported.draft.cell(&input.key);
        if got.is_none() {
            assert!(
                imported
                    .summary
                    .left_blank
                    .iter()
                    .any(|b| b.cell == input.key),
                "{} is blank but not reported",
                input.key
            );
            blank_and_reported.push(input.key.clone());
        } else {
            assert_eq!(got, expected.cell(&input.key), "{}", input.key);
        }
    }
    // The text prints 行政复议 as empty cells: the only cells it cannot tell.
    assert_eq!(
        blank_and_reported,
        [
            "appeals.review.upheld",
            "appeals.review.corrected",
            "appeals.review.other",
            "appeals.review.pending"
        ]
    );
    // Its stray 0s (FORMAT.md §6) are settled by the totals, not guessed.
    assert_eq!(
        imported.draft.cell("requests.carried_forward.business"),
        Some(Number::Count(1))
    );
    assert!(imported.printed_totals.is_empty());
    assert_eq!(imported.draft.units, expected.units);
    for section in template.prose_sections() {
        assert_eq!(
            imported.draft.text(&section.key),
            expected.text(&section.key),
            "{}",
            section.heading
        );
    }
    assert_eq!(imported.draft.report, expected.report);
}

#[test]
fn a_real_pdf_as_pdftotext_lays_it_out_is_read_as_its_hand_read_tables_say() {
    // 洪泽区 2023, the WPS PDF of ../shared/samples/published, through `pdftotext -layout`:
    // columns kept by spaces, labels wrapped, page numbers inside the tables, the title on two
    // lines, the preamble justified with spaces between characters.
    let imported = import_fixture("hongze-2023-layout.txt");
    let expected = load::load_str(include_str!("../fixtures/import/hongze-2023.tables.toml"))
        .expect("the hand-read tables load");
    assert_eq!(imported.draft.cells, expected.cells);
    assert_eq!(imported.draft.report.agency, "洪泽区人民政府");
    assert_eq!(imported.draft.report.kind, expected.report.kind);
    assert_eq!(imported.draft.report.postcode, "223100");
    assert_eq!(imported.draft.report.phone, "0517-87222589");
    let cells: Vec<Option<&str>> = imported
        .printed_totals
        .iter()
        .map(|f| f.cell.as_deref())
        .collect();
    assert_eq!(
        cells,
        [
            Some("appeals.review.total"),
            Some("appeals.litigation_after_review.total")
        ]
    );
    for key in ["overview", "problems", "other"] {
        assert!(!imported.draft.text(key).is_empty(), "{key}");
    }
    assert!(imported.draft.text("other").contains("信息处理费 0 元"));
    // A paragraph cut by a page break is one paragraph again.
    assert!(
        imported
            .draft
            .text("problems")
            .contains("实行政府信息公开工作人员跟班学习制度")
    );
}

#[test]
fn a_portal_page_in_mso_markup_is_read_cell_by_cell() {
    let imported = import_fixture("xiamen-2020-portal.html");
    assert_same_report(&imported.draft, &common::sample(), "portal page");
    assert!(imported.summary.left_blank.is_empty());
    assert!(imported.summary.not_understood.is_empty());
    assert!(!imported.own_export);
}

#[test]
fn gbk_pages_are_read_whether_or_not_they_declare_it() {
    for name in [
        "xiamen-2020-portal-gbk.html",
        "xiamen-2020-portal-gbk-undeclared.html",
    ] {
        let imported = import_fixture(name);
        assert_same_report(&imported.draft, &common::sample(), name);
    }
}

#[test]
fn the_word_template_filled_by_hand_is_read_cell_by_cell() {
    let imported = import_fixture("filled-template-2023.docx");
    let expected = department();
    let template = imported.template;
    for input in &template.compiled().inputs {
        assert_eq!(
            imported.draft.cell(&input.key),
            expected.cell(&input.key),
            "{}",
            input.key
        );
    }
    assert_eq!(imported.draft.fees, expected.fees);
    assert_eq!(
        paragraphs(imported.draft.text("overview")),
        paragraphs(expected.text("overview"))
    );
    assert_eq!(
        paragraphs(imported.draft.text("problems")),
        paragraphs(expected.text("problems"))
    );
    assert!(
        imported
            .draft
            .text("other")
            .starts_with(expected.text("other"))
    );
    assert_eq!(imported.draft.report.phone, expected.report.phone);
    assert!(imported.printed_totals.is_empty());
}

// ---------------------------------------------------------------- round trips

fn export(draft: &Draft, format: Format) -> Vec<u8> {
    let template = common::template(draft);
    let outcome = check(template, draft, &Options::default());
    let options = ExportOptions {
        draft_mark: true,
        lang: gongkai::i18n::Lang::Zh,
        made: "2021-01-20T09:30:00Z".parse().expect("a time"),
    };
    render(format, template, draft, &outcome, &options).expect("exports")
}

#[test]
fn our_own_exports_read_back_to_the_same_draft() {
    for draft in [common::sample(), department()] {
        for format in [Format::Html, Format::Docx, Format::Txt] {
            let bytes = export(&draft, format);
            let imported = import_bytes(&bytes, Some(format.extension()))
                .unwrap_or_else(|e| panic!("{format:?}: {e}"));
            assert!(imported.own_export, "{format:?} is marked as gongkai's");
            assert_same_report(
                &imported.draft,
                &draft,
                &format!("{} {format:?}", draft.report.agency),
            );
            assert!(imported.summary.left_blank.is_empty(), "{format:?}");
        }
    }
}

/// A page as a browser copies it to the clipboard: each paragraph one line, no blank lines,
/// a table row's cells separated by tabs, a row of one cell (a caption) its text alone.
fn browser_copy(document: &import::Document) -> String {
    let mut lines = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Paragraph(text) => lines.push(text.clone()),
            Block::Table(grid) => {
                for row in &grid.rows {
                    let cells: Vec<&str> = row
                        .iter()
                        .filter(|s| s.origin)
                        .map(|s| s.text.as_str())
                        .collect();
                    lines.push(cells.join("\t"));
                }
            }
        }
    }
    lines.join("\n")
}

#[test]
fn a_page_copied_from_a_browser_is_read_title_captions_and_all() {
    for draft in [common::sample(), department()] {
        let (document, _) = published_document(&draft);
        let copy = browser_copy(&document);
        assert!(!copy.contains("\n\n"), "no blank line anywhere");
        assert!(
            copy.lines()
                .any(|l| l.starts_with("第二十条") && !l.contains('\t')),
            "captions stand on lines of their own:\n{copy}"
        );
        let copied = import_bytes(copy.as_bytes(), Some("txt"))
            .unwrap_or_else(|e| panic!("{}: {e}\n{copy}", draft.report.agency));
        // The copy reads as the page does (whose 六 also prints the fee sentence).
        let page = import::read_report(&document, import::SourceFormat::Html).expect("imports");
        assert_same_report(&copied.draft, &page.draft, &draft.report.agency);
        assert_eq!(
            copied.summary.left_blank.len(),
            0,
            "{}",
            draft.report.agency
        );
    }
}

// ---------------------------------------------------------------- never guess

#[test]
fn published_totals_that_disagree_are_reported_not_repaired() {
    let imported = import_fixture("department-2023-printed-total.html");
    assert_eq!(imported.printed_totals.len(), 1);
    let finding = &imported.printed_totals[0];
    assert_eq!(finding.code, "import.printed_total");
    assert_eq!(finding.cell.as_deref(), Some("appeals.review.total"));
    assert_eq!(finding.actual, Some(Number::Count(0)));
    assert_eq!(finding.expected, Some(Number::Count(2)));
    let message = gongkai::i18n::finding(gongkai::i18n::Lang::Zh, finding);
    assert!(message.contains("行政复议") && message.contains('0') && message.contains('2'));
    // The parts are kept as printed.
    assert_eq!(
        imported.draft.cell("appeals.review.upheld"),
        Some(Number::Count(1))
    );
}

/// A draft as our HTML export prints it, read into the intermediate and marked as not ours, as
/// a published page would be.
fn published_document(draft: &Draft) -> (import::Document, import::SourceFormat) {
    let bytes = export(draft, Format::Html);
    let (mut document, format) = import::read_document(&bytes, Some("html")).expect("reads");
    document.own_export = false;
    (document, format)
}

fn grid_holding<'d>(document: &'d mut import::Document, text: &str) -> &'d mut import::Grid {
    document
        .blocks
        .iter_mut()
        .find_map(|b| match b {
            Block::Table(g) if g.all_text().contains(text) => Some(g),
            _ => None,
        })
        .expect("the table")
}

/// Replaces the three rows of （六）其他处理 with one row of the given figures, as a gip-2021
/// report printed in the old layout has it.
fn print_other_handling_as_one_row(document: &mut import::Document, figures: &[&str]) {
    let grid = grid_holding(document, "本年新收");
    let first = grid
        .rows
        .iter()
        .position(|r| r.iter().any(|s| s.text.contains("其他处理")))
        .expect("（六）");
    grid.rows.drain(first + 1..first + 3);
    let row = &mut grid.rows[first];
    row[2] = row[1].clone();
    for (slot, figure) in row[3..].iter_mut().zip(figures) {
        slot.text = figure.to_string();
    }
}

fn with_other_handling_as_one_row(draft: &Draft, figures: &[&str]) -> Imported {
    let (mut document, format) = published_document(draft);
    print_other_handling_as_one_row(&mut document, figures);
    import::read_report(&document, format).expect("imports")
}

#[test]
fn the_quirks_of_a_real_report_are_read_as_its_hand_read_tables_say() {
    // 洪泽区 2023 (a WPS PDF, tables read by hand): a label typo, （六） as one row of 0, and
    // table 四 printing 总计 0 for 行政复议 and 复议后起诉.
    let expected = load::load_str(include_str!("../fixtures/import/hongze-2023.tables.toml"))
        .expect("the hand-read tables load");
    let (mut document, format) = published_document(&expected);
    for slot in grid_holding(&mut document, "本年新收")
        .rows
        .iter_mut()
        .flatten()
    {
        if slot.text == "2.其他法律行政法规禁止公开" {
            slot.text = "2.其他法律行政止公开".into();
        }
    }
    print_other_handling_as_one_row(&mut document, &["0"; 7]);
    let appeals = grid_holding(&mut document, "复议后起诉");
    let figures = appeals.rows.last_mut().expect("the row of figures");
    figures[4].text = "0".into();
    figures[14].text = "0".into();
    let imported = import::read_report(&document, format).expect("imports");
    assert_eq!(imported.draft.cells, expected.cells);
    assert_eq!(imported.draft.report.kind, expected.report.kind);
    let totals: Vec<(Option<&str>, Option<Number>, Option<Number>)> = imported
        .printed_totals
        .iter()
        .map(|f| (f.cell.as_deref(), f.actual, f.expected))
        .collect();
    assert_eq!(
        totals,
        [
            (
                Some("appeals.review.total"),
                Some(Number::Count(0)),
                Some(Number::Count(11))
            ),
            (
                Some("appeals.litigation_after_review.total"),
                Some(Number::Count(0)),
                Some(Number::Count(5))
            ),
        ]
    );
    assert!(imported.summary.deviations.iter().any(|d| matches!(
        d,
        import::Deviation::Label { printed, .. } if printed == "2.其他法律行政止公开"
    )));
}

#[test]
fn other_handling_printed_as_one_row_is_split_only_when_the_totals_allow() {
    let mut zero = department();
    for key in ["other_no_correction", "other_unpaid_fee", "other_misc"] {
        for column in [
            "natural_person",
            "business",
            "research",
            "nonprofit",
            "legal_service",
            "other_org",
        ] {
            zero.cells
                .insert(format!("requests.{key}.{column}"), Number::Count(0));
        }
    }
    zero.cells.insert(
        "requests.carried_forward.natural_person".into(),
        Number::Count(5),
    );
    let imported = with_other_handling_as_one_row(&zero, &["0"; 7]);
    assert_eq!(imported.draft.cells, zero.cells);
    assert!(
        imported
            .summary
            .deviations
            .iter()
            .any(|d| matches!(d, import::Deviation::GroupAsOneRow { resolved: true, .. }))
    );

    // 2 and 1 under 自然人 cannot be split among three rows: blank, and said why.
    let imported =
        with_other_handling_as_one_row(&department(), &["3", "0", "0", "0", "0", "0", "3"]);
    assert_eq!(
        imported
            .draft
            .cell("requests.other_no_correction.natural_person"),
        None
    );
    assert!(imported.summary.left_blank.iter().any(|b| {
        b.cell == "requests.other_misc.natural_person" && b.reason == BlankReason::GroupAsOneRow
    }));
    assert_eq!(
        imported.draft.cell("requests.granted.natural_person"),
        Some(Number::Count(8))
    );
}

#[test]
fn a_row_with_a_stray_figure_the_totals_cannot_settle_stays_blank() {
    // 四、结转 printed with one figure too many, in a report without the 一、二 rows that would
    // settle it by the balance: two readings remain.
    let text = std::fs::read_to_string(fixture("xiamen-hrss-2020.txt")).expect("fixture");
    let cut: String = text
        .lines()
        .filter(|l| !l.starts_with("一、本年新收") && !l.starts_with("二、上年结转"))
        .collect::<Vec<_>>()
        .join("\n");
    let imported = import_bytes(cut.as_bytes(), Some("txt")).expect("imports");
    assert_eq!(
        imported.draft.cell("requests.carried_forward.business"),
        None
    );
    assert!(imported.summary.left_blank.iter().any(|b| {
        b.cell == "requests.carried_forward.business"
            && matches!(b.reason, BlankReason::Ambiguous { .. })
    }));
}

#[test]
fn blank_marks_are_kept_blank_and_listed_as_written() {
    let page = std::fs::read_to_string(fixture("xiamen-2020-portal.html")).expect("fixture");
    // 规章's three figures printed as 「—」「/」「无」.
    let at = page.find(">规章<").expect("规章");
    let mut out = page[..at].to_string();
    let mut rest = &page[at..];
    for mark in ["—", "/", "无"] {
        let open = rest.find("'>0</span>").expect("a 0 after 规章");
        out.push_str(&rest[..open]);
        out.push_str(&format!("'>{mark}</span>"));
        rest = &rest[open + "'>0</span>".len()..];
    }
    out.push_str(rest);
    let imported = import_bytes(out.as_bytes(), Some("html")).expect("imports");
    for (column, mark) in [("made", "—"), ("published", "/"), ("public_total", "无")] {
        let key = format!("proactive.regulations.{column}");
        assert_eq!(imported.draft.cell(&key), None);
        assert!(imported.summary.left_blank.iter().any(|b| b.cell == key
            && b.reason
                == BlankReason::Mark {
                    written: mark.into()
                }));
    }
}

// ---------------------------------------------------------------- the command

fn gongkai(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gongkai").expect("binary");
    cmd.env("GONGKAI_HOME", home).env("LANG", "zh_CN.UTF-8");
    cmd
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn import_writes_a_draft_named_by_agency_and_year_and_never_overwrites() {
    let home = tempfile::tempdir().expect("tempdir");
    gongkai(home.path())
        .args(["import"])
        .arg(fixture("xiamen-2020-portal.html"))
        .assert()
        .success()
        .stdout(predicate::str::contains("读入 166/166 格"));
    let drafts = home.path().join("drafts");
    assert_eq!(files_in(&drafts), ["厦门市人力资源和社会保障局-2020.toml"]);
    let written =
        load::load_file(&drafts.join("厦门市人力资源和社会保障局-2020.toml")).expect("loads");
    assert_same_report(&written, &common::sample(), "written draft");
    let before = std::fs::read(drafts.join("厦门市人力资源和社会保障局-2020.toml")).expect("read");
    gongkai(home.path())
        .args(["import"])
        .arg(fixture("xiamen-hrss-2020.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("未覆盖（请用 -o 指定其他文件）"));
    let after = std::fs::read(drafts.join("厦门市人力资源和社会保障局-2020.toml")).expect("read");
    assert_eq!(before, after);
    // Named with -o already: the file there is to be moved, -o is no news.
    gongkai(home.path())
        .args(["import"])
        .arg(fixture("xiamen-hrss-2020.txt"))
        .arg("-o")
        .arg(drafts.join("厦门市人力资源和社会保障局-2020.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "未覆盖（请把已有的文件改名或移走后再试）",
        ));
    assert_eq!(
        before,
        std::fs::read(drafts.join("厦门市人力资源和社会保障局-2020.toml")).expect("read")
    );
}

#[test]
fn import_json_gives_the_summary_as_data() {
    let out = tempfile::tempdir().expect("tempdir");
    let assert = gongkai(out.path())
        .args(["import", "--json", "-o"])
        .arg(out.path().join("a.toml"))
        .arg(fixture("xiamen-hrss-2020.txt"))
        .assert()
        .success();
    let value: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("json");
    assert_eq!(value["template"], "gip-2019");
    assert_eq!(value["summary"]["cells_read"], 162);
    assert_eq!(
        value["summary"]["left_blank"][0]["cell"],
        "appeals.review.upheld"
    );
    assert_eq!(value["summary"]["left_blank"][0]["reason"], "empty");
}

#[test]
fn a_batch_tries_every_file_and_exits_with_the_worst() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = home.path().join("out");
    let junk = home.path().join("junk.html");
    std::fs::write(&junk, "<html><body><p>通知公告</p></body></html>").expect("write");
    gongkai(home.path())
        .args(["import", "--dir"])
        .arg(&out)
        .arg(&junk)
        .arg(fixture("filled-template-2023.docx"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("junk.html")
                .and(predicate::str::contains("不是政府信息公开工作年度报告")),
        );
    assert_eq!(files_in(&out), ["某某市某某局-2023.toml"]);
}

#[test]
fn o_with_several_files_is_a_usage_error() {
    let home = tempfile::tempdir().expect("tempdir");
    gongkai(home.path())
        .args(["import", "-o", "x.toml"])
        .arg(fixture("xiamen-hrss-2020.txt"))
        .arg(fixture("xiamen-2020-portal.html"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--dir"));
}

// ---------------------------------------------------------------- bad input

/// A docx whose document.xml inflates far beyond the limit from a few hundred kilobytes.
fn zip_bomb(path: &Path) {
    use std::io::Write;
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).expect("start");
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..(import::docx::MAX_PART_BYTES >> 20) + 8 {
        zip.write_all(&zeros).expect("write");
    }
    zip.finish().expect("finish");
}

#[test]
fn bad_input_is_refused_with_a_message_naming_the_file_and_nothing_is_written() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("in");
    std::fs::create_dir_all(&dir).expect("dir");
    let out = home.path().join("out");
    let page = std::fs::read(fixture("xiamen-2020-portal.html")).expect("fixture");
    let docx = std::fs::read(fixture("filled-template-2023.docx")).expect("fixture");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "unrelated.html",
            "<html><head><title>新闻</title></head><body><p>今日天气晴。</p><table><tr><td>a</td></tr></table></body></html>".into(),
            "不是政府信息公开工作年度报告",
        ),
        (
            "truncated.html",
            page[..page.len() * 55 / 100].to_vec(),
            "文件不完整",
        ),
        (
            "truncated.docx",
            docx[..docx.len() / 2].to_vec(),
            "文件已损坏或不完整",
        ),
        (
            "nested.html",
            format!(
                "<html><body>{}某局2020年政府信息公开工作年度报告{}</body></html>",
                "<div>".repeat(10_000),
                "</div>".repeat(10_000)
            )
            .into_bytes(),
            "嵌套过深",
        ),
        (
            "tables-as-images.txt",
            "某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n\n二、主动公开政府信息情况\n\n（图片）\n\n五、存在的主要问题及改进情况\n\n问题。\n".into(),
            "读不出其中的表格",
        ),
        (
            "binary.txt",
            vec![0xff, 0xfe, 0xfd, 0x81, 0x30, 0x00, 0x81],
            "编码",
        ),
    ];
    for (name, bytes, _) in &cases {
        std::fs::write(dir.join(name), bytes).expect("write");
    }
    zip_bomb(&dir.join("bomb.docx"));
    let huge = dir.join("huge.html");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(150 * 1024 * 1024))
        .expect("sparse file");
    let mut all: Vec<(String, &str)> = cases.iter().map(|(n, _, m)| (n.to_string(), *m)).collect();
    all.push(("bomb.docx".into(), "解压后超过"));
    all.push(("huge.html".into(), "文件过大"));
    for (name, message) in &all {
        let started = std::time::Instant::now();
        gongkai(home.path())
            .args(["import", "--dir"])
            .arg(&out)
            .arg(dir.join(name))
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains(name.as_str()).and(predicate::str::contains(*message)),
            );
        assert!(started.elapsed().as_secs() < 20, "{name} took too long");
    }
    assert!(files_in(&out).is_empty());
    gongkai(home.path())
        .args(["--lang", "en", "import", "--dir"])
        .arg(&out)
        .arg(&huge)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too large"));
}

// ---------------------------------------------------------------- check on published files

#[test]
fn check_reads_a_published_file_and_reports_its_printed_totals() {
    let home = tempfile::tempdir().expect("tempdir");
    let assert = gongkai(home.path())
        .args(["check", "--json"])
        .arg(fixture("department-2023-printed-total.html"))
        .assert();
    let value: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("json");
    assert!(
        value["file"]
            .as_str()
            .unwrap_or("")
            .ends_with("department-2023-printed-total.html")
    );
    let findings = value["findings"].as_array().expect("findings");
    assert!(findings.iter().any(|f| f["code"] == "import.printed_total"
        && f["cell"] == "appeals.review.total"
        && f["severity"] == "warning"));
    assert!(findings.iter().all(|f| f.get("line").is_none()));
}

#[test]
fn a_folder_counts_each_unit_once() {
    let home = tempfile::tempdir().expect("tempdir");
    let folder = home.path().join("units");
    std::fs::create_dir_all(&folder).expect("dir");
    // A unit with its draft and that draft's own exports.
    let sample = common::sample();
    std::fs::write(folder.join("xiamen.toml"), common::SAMPLE).expect("write");
    for format in [Format::Html, Format::Docx, Format::Txt] {
        std::fs::write(
            folder.join(format!("xiamen-export.{}", format.extension())),
            export(&sample, format),
        )
        .expect("write");
    }
    // The same unit's published page: its draft is here, so it is skipped.
    std::fs::copy(
        fixture("xiamen-2020-portal.html"),
        folder.join("xiamen-portal.html"),
    )
    .expect("copy");
    // A unit known only by its published Word file, and the same report as a page.
    std::fs::copy(
        fixture("filled-template-2023.docx"),
        folder.join("department.docx"),
    )
    .expect("copy");
    std::fs::copy(
        fixture("department-2023-printed-total.html"),
        folder.join("department.html"),
    )
    .expect("copy");
    // And a page that is not a report.
    std::fs::write(
        folder.join("news.html"),
        "<html><body><p>通知</p></body></html>",
    )
    .expect("write");
    let assert = gongkai(home.path())
        .args(["check", "--json"])
        .arg(&folder)
        .assert();
    let value: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("json");
    let mut files: Vec<String> = value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| {
            Path::new(v["file"].as_str().unwrap_or(""))
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    files.sort();
    assert_eq!(files, ["department.docx", "xiamen.toml"]);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for skipped in [
        "department.html",
        "xiamen-export.html",
        "xiamen-export.docx",
        "xiamen-export.txt",
        "xiamen-portal.html",
        "news.html",
    ] {
        assert!(stderr.contains(skipped), "{skipped} not noted: {stderr}");
    }
}

// ---------------------------------------------------------------- never panic

proptest! {
    #![proptest_config(crate::common::proptest_config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096), ext in prop::sample::select(vec!["html", "docx", "txt", "pdf", ""])) {
        let _ = import_bytes(&bytes, Some(ext));
    }

    #[test]
    fn a_damaged_report_never_panics(cut in 0usize..10_000, flip in 0usize..10_000, byte in any::<u8>()) {
        for name in ["xiamen-hrss-2020.txt", "xiamen-2020-portal.html", "filled-template-2023.docx"] {
            let mut bytes = std::fs::read(fixture(name)).expect("fixture");
            let at = flip * bytes.len() / 10_000;
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
            bytes.truncate(bytes.len() - cut * bytes.len() / 20_000);
            let _ = import_bytes(&bytes, None);
        }
    }
}

#[test]
fn a_row_printed_in_the_old_columns_without_a_total_to_check_it_stays_blank() {
    // A gip-2021 report printing 行政许可 with gip-2019's three columns (上一年项目数量, 本年增/减,
    // 处理决定数量): nothing tells which figure is this year's decisions.
    let (mut document, format) = published_document(&department());
    let grid = grid_holding(&mut document, "行政许可");
    let row = grid
        .rows
        .iter_mut()
        .find(|r| r.first().is_some_and(|s| s.text == "行政许可"))
        .expect("行政许可");
    for (slot, figure) in row[1..].iter_mut().zip(["28", "0", "0"]) {
        slot.text = figure.into();
        slot.origin = true;
    }
    let imported = import::read_report(&document, format).expect("imports");
    assert_eq!(imported.draft.cell("proactive.licensing.decisions"), None);
    assert!(imported.summary.deviations.iter().any(|d| matches!(
        d,
        import::Deviation::Figures { row, printed: 3, expected: 1, settled: false } if row == "proactive.licensing"
    )));
}

#[test]
fn blank_cells_stay_blank_and_a_blank_total_is_not_compared() {
    // Portals often print a column of nothing as empty cells (&nbsp;), total column included.
    let (mut document, format) = published_document(&common::sample());
    let grid = grid_holding(&mut document, "本年新收");
    for row in grid.rows.iter_mut().skip(3) {
        // The 商业企业 column and the 总计 column, the last slot of each row.
        let last = row.len() - 1;
        row[4].text = "\u{a0}".into();
        row[last].text = String::new();
    }
    let imported = import::read_report(&document, format).expect("imports");
    assert!(imported.printed_totals.is_empty());
    for (_, row) in imported.template.table("requests").expect("三").rows() {
        if row.sum.is_some() {
            continue;
        }
        let key = format!("requests.{}.business", row.key);
        assert_eq!(imported.draft.cell(&key), None, "{key}");
        assert!(
            imported
                .summary
                .left_blank
                .iter()
                .any(|b| b.cell == key && b.reason == BlankReason::Empty),
            "{key} is listed"
        );
        let key = format!("requests.{}.natural_person", row.key);
        assert_eq!(
            imported.draft.cell(&key),
            common::sample().cell(&key),
            "{key}"
        );
    }
}

#[test]
fn a_printed_total_beside_blank_parts_is_compared_with_the_blanks_as_nothing() {
    // The 科研机构 column printed empty where the sample has 0, the totals printed beside it.
    let (mut document, format) = published_document(&common::sample());
    let grid = grid_holding(&mut document, "本年新收");
    for row in grid.rows.iter_mut().skip(3) {
        row[5].text = String::new();
    }
    let imported = import::read_report(&document, format).expect("imports");
    assert!(
        imported.printed_totals.is_empty(),
        "{:?}",
        imported.printed_totals
    );
    assert!(imported.summary.totals_checked > 0);
    assert_eq!(imported.draft.cell("requests.new_received.research"), None);

    // A total no parts add up to is found, blanks beside it or not.
    let row = grid_holding(&mut document, "本年新收")
        .rows
        .iter_mut()
        .find(|r| r.iter().any(|s| s.text.contains("本年新收")))
        .expect("row 一");
    let last = row.len() - 1;
    row[last].text = "33".into();
    let imported = import::read_report(&document, format).expect("imports");
    let cells: Vec<_> = imported
        .printed_totals
        .iter()
        .map(|f| (f.cell.clone().unwrap_or_default(), f.expected, f.actual))
        .collect();
    assert_eq!(
        cells,
        [(
            "requests.new_received.total".to_string(),
            Some(Number::Count(32)),
            Some(Number::Count(33))
        )]
    );
}

#[test]
fn table_four_figures_behind_a_label_are_read() {
    let (mut document, format) = published_document(&department());
    let appeals = grid_holding(&mut document, "复议后起诉");
    let figures = appeals.rows.last_mut().expect("the row of figures");
    let mut label = figures[0].clone();
    label.text = "案件数量".into();
    figures.insert(0, label);
    let imported = import::read_report(&document, format).expect("imports");
    assert_eq!(imported.draft.cells, department().cells);
}
