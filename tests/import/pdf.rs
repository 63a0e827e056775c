//! PDFs as WPS, Word and LibreOffice export them: a real report read cell by cell against its
//! tables read by hand, our own Word export through LibreOffice read back to the same draft,
//! and every refusal — a scan, an encrypted file, a font nothing decodes — on small PDFs built
//! here for the purpose, with the CJK CMaps official PDFs use.

use gongkai::import::{self, Block, ImportError, SourceFormat};
use gongkai::report::{Draft, load};
use lopdf::{Document, Object, Stream, dictionary};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

/// Every input cell of the hand-read draft, compared: (cell, read, expected) where they differ.
fn cell_differences(read: &Draft, expected: &Draft) -> Vec<(String, String, String)> {
    let template = gongkai::template::Template::builtin(&expected.template).unwrap();
    let show =
        |n: Option<gongkai::report::Number>| n.map_or_else(|| "空".into(), |n| n.to_string());
    template
        .compiled()
        .inputs
        .iter()
        .filter(|c| expected.cells.contains_key(&c.key))
        .filter(|c| read.cell(&c.key) != expected.cell(&c.key))
        .map(|c| {
            (
                c.key.clone(),
                show(read.cell(&c.key)),
                show(expected.cell(&c.key)),
            )
        })
        .collect()
}

#[test]
fn a_real_wps_pdf_is_read_cell_by_cell_with_its_printed_totals_reported() {
    let bytes = std::fs::read(fixture("hongze-2023.pdf")).unwrap();
    let imported = import::import_bytes(&bytes, Some("pdf")).expect("the PDF imports");
    let expected =
        load::load_str(&std::fs::read_to_string(fixture("hongze-2023.tables.toml")).unwrap())
            .unwrap();
    assert_eq!(imported.summary.format, SourceFormat::Pdf);
    assert_eq!(imported.draft.report.agency, "洪泽区人民政府");
    assert_eq!(imported.draft.report.year, 2023);
    assert_eq!(imported.template.id, "gip-2021");
    assert_eq!(
        cell_differences(&imported.draft, &expected),
        vec![],
        "every cell as read by hand"
    );
    assert_eq!(imported.summary.cells_read, imported.summary.cells_total);
    // Table 四 prints 总计 0 for 行政复议 (10+1) and for 复议后起诉 (5): the file's error.
    let cells: Vec<&str> = imported
        .printed_totals
        .iter()
        .filter_map(|f| f.cell.as_deref())
        .collect();
    assert_eq!(
        cells,
        [
            "appeals.review.total",
            "appeals.litigation_after_review.total"
        ]
    );
    // The prose of 一, 五 and 六, hard line-wraps joined, page numbers gone.
    let overview = imported.draft.text("overview");
    assert!(
        overview
            .contains("始终将政务公开工作摆在重要位置，推进政府信息公开工作规范、有序、健康发展。")
    );
    assert!(
        overview.contains("严格执行“分级审核、先审后发”程序"),
        "a sentence across a page break"
    );
    assert!(!overview.contains("— 2 —") && !overview.contains("- 2 -"));
    assert!(imported.draft.text("problems").contains("人员跟班学习制度"));
    assert!(imported.draft.text("other").contains("信息处理费0元"));
    // The contact block of the preamble.
    assert_eq!(imported.draft.report.phone, "0517-87222589");
    assert_eq!(imported.draft.report.postcode, "223100");
}

/// A one-page PDF showing `content` with one font, built here.
fn pdf(font: lopdf::Dictionary, content: &[u8], image: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(font);
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
    if image {
        let pixels = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![128],
        );
        let image_id = doc.add_object(pixels);
        resources.set("XObject", dictionary! { "Im1" => image_id });
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A CID font with the given encoding (a CMap's name) and no `ToUnicode` map.
fn cid_font(encoding: &str) -> lopdf::Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "SimSun",
        "Encoding" => encoding,
        "DescendantFonts" => vec![Object::Dictionary(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType0",
            "BaseFont" => "SimSun",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"),
                "Supplement" => 2,
            },
            "DW" => 1000,
        })],
    }
}

fn text_of(bytes: &[u8]) -> Result<String, ImportError> {
    let (document, _) = import::read_document(bytes, Some("pdf"))?;
    Ok(document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
        .collect::<Vec<_>>()
        .join("\n"))
}

#[test]
fn the_cjk_cmaps_of_official_pdfs_are_decoded() {
    // 「政府信息公开」 as UCS-2 codes, and as GBK codes.
    let ucs2 = pdf(
        cid_font("UniGB-UCS2-H"),
        b"BT /F1 12 Tf 72 700 Td <653F5E9C4FE1606F516C5F00> Tj ET",
        false,
    );
    assert_eq!(text_of(&ucs2).unwrap(), "政府信息公开");
    let gbk = pdf(
        cid_font("GBK-EUC-H"),
        b"BT /F1 12 Tf 72 700 Td <D5FEB8AED0C5CFA2B9ABBFAA> Tj ( 2023) Tj ET",
        false,
    );
    assert_eq!(text_of(&gbk).unwrap(), "政府信息公开 2023");
}

#[test]
fn a_cjk_font_without_a_to_unicode_map_is_refused_not_misread() {
    let bytes = pdf(
        cid_font("Identity-H"),
        b"BT /F1 12 Tf 72 700 Td <0611169F> Tj ET",
        false,
    );
    match text_of(&bytes) {
        Err(ImportError::PdfUndecodable { font }) => assert_eq!(font, "SimSun"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_scan_without_a_text_layer_is_refused_as_such() {
    let bytes = pdf(
        cid_font("UniGB-UCS2-H"),
        b"q 595 0 0 842 0 0 cm /Im1 Do Q",
        true,
    );
    assert!(matches!(text_of(&bytes), Err(ImportError::PdfScanned)));
}

#[test]
fn a_pdf_that_needs_a_password_is_refused_and_one_only_restricted_is_read() {
    let plain = pdf(
        cid_font("UniGB-UCS2-H"),
        b"BT /F1 12 Tf 72 700 Td <653F5E9C> Tj ET",
        false,
    );
    let encrypted = |user: &str| {
        let mut doc = Document::load_mem(&plain).unwrap();
        let id = Object::string_literal("0123456789abcdef");
        doc.trailer.set("ID", vec![id.clone(), id]);
        let version = lopdf::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: user,
            key_length: 128,
            permissions: lopdf::Permissions::PRINTABLE,
        };
        let state = lopdf::EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    };
    assert!(matches!(
        text_of(&encrypted("secret")),
        Err(ImportError::PdfEncrypted)
    ));
    assert_eq!(text_of(&encrypted("")).unwrap(), "政府");
}

#[test]
fn damaged_or_hostile_pdfs_are_refused_without_a_panic() {
    let good = std::fs::read(fixture("hongze-2023.pdf")).unwrap();
    for cut in [10, 1000, good.len() / 2, good.len() - 100] {
        let result = std::panic::catch_unwind(|| import::import_bytes(&good[..cut], Some("pdf")));
        assert!(result.is_ok(), "a PDF cut at {cut} bytes panics");
        // Cut early, nothing is left to read; cut in its last bytes (the cross-reference
        // table), the pages are all there and are read.
        if cut <= 1000 {
            assert!(result.unwrap().is_err(), "a PDF cut at {cut} bytes imports");
        }
    }
    // Every byte flipped in turn over a stretch of the file: never a panic.
    for at in (0..good.len()).step_by(good.len() / 64) {
        let mut bad = good.clone();
        bad[at] ^= 0xff;
        let result = std::panic::catch_unwind(|| import::import_bytes(&bad, Some("pdf")));
        assert!(result.is_ok(), "a byte flipped at {at} panics");
    }
}

/// Our own Word export, converted by LibreOffice, reads back to the same figures and prose.
#[test]
fn our_word_export_through_libreoffice_reads_back_to_the_same_draft() {
    let office = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(office) = office else {
        eprintln!("LibreOffice is not installed: skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/xiamen-hrss-2020.toml");
    let draft = load::load_file(&sample).unwrap();
    let template = gongkai::template::Template::builtin(&draft.template).unwrap();
    let outcome = gongkai::check::check(template, &draft, &Default::default());
    let options = gongkai::export::ExportOptions {
        draft_mark: true,
        lang: gongkai::i18n::Lang::Zh,
        made: "2021-01-20T09:30:00Z".parse().expect("a time"),
    };
    let docx = gongkai::export::render(
        gongkai::export::Format::Docx,
        template,
        &draft,
        &outcome,
        &options,
    )
    .unwrap();
    let docx_path = dir.path().join("report.docx");
    std::fs::write(&docx_path, docx).unwrap();
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx_path)
        .output()
        .unwrap();
    assert!(status.status.success(), "LibreOffice failed: {status:?}");
    let bytes = std::fs::read(dir.path().join("report.pdf")).unwrap();
    let imported = import::import_bytes(&bytes, Some("pdf")).expect("our PDF imports");
    assert_eq!(cell_differences(&imported.draft, &draft), vec![]);
    assert_eq!(imported.draft.report.agency, draft.report.agency);
    assert!(imported.printed_totals.is_empty());
    for section in ["overview", "problems", "other"] {
        // LibreOffice leaves out a comma or 、 that falls at a line's end (its own text layer
        // lacks them too): letters and figures are compared.
        let squeeze = |s: &str| {
            s.chars()
                .filter(|c| !c.is_whitespace() && !"、，。；：".contains(*c))
                .collect::<String>()
        };
        assert_eq!(
            squeeze(imported.draft.text(section)),
            squeeze(draft.text(section)),
            "{section}"
        );
    }
}

fn gongkai(home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("gongkai").unwrap();
    cmd.env("GONGKAI_HOME", home)
        .env("GONGKAI_TODAY", "2024-01-10")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

#[test]
fn new_from_last_years_pdf_makes_a_draft_of_it_beside_and_carries_from_that() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("去年.pdf");
    std::fs::copy(fixture("hongze-2023.pdf"), &pdf).unwrap();
    let this_year = dir.path().join("今年.toml");
    let out = gongkai(dir.path())
        .arg("new")
        .arg("--from")
        .arg(&pdf)
        .arg("-o")
        .arg(&this_year)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("已导入"), "{stdout}");
    let last_year = dir.path().join("洪泽区人民政府-2023.toml");
    let draft = load::load_file(&this_year).unwrap();
    assert_eq!(draft.report.year, 2024);
    let previous = draft.previous.as_ref().unwrap();
    assert_eq!(previous.file.as_deref(), Some("洪泽区人民政府-2023.toml"));
    assert_eq!(previous.in_force.get("normative_documents"), Some(&5));
    assert_eq!(
        draft.cell("requests.carried_over.natural_person"),
        Some(gongkai::report::Number::Count(0))
    );
    assert!(load::load_file(&last_year).is_ok(), "a draft, not a PDF");

    // Again: the draft made before is used, never overwritten.
    let before = std::fs::read(&last_year).unwrap();
    gongkai(dir.path())
        .arg("new")
        .arg("--from")
        .arg(&pdf)
        .arg("-o")
        .arg(dir.path().join("今年2.toml"))
        .assert()
        .success()
        .stdout(predicates::str::contains("沿用已有的草稿"));
    assert_eq!(std::fs::read(&last_year).unwrap(), before);

    // check --previous takes the PDF itself.
    gongkai(dir.path())
        .arg("check")
        .arg("--previous")
        .arg(&pdf)
        .arg(&this_year)
        .assert()
        .code(1) // this year's draft is still empty
        .stdout(predicates::str::contains("洪泽区人民政府 2024年"));
}

#[test]
fn merge_sums_a_folder_of_published_pdfs_and_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("units");
    std::fs::create_dir(&units).unwrap();
    std::fs::copy(fixture("hongze-2023.pdf"), units.join("洪泽.pdf")).unwrap();
    // A second unit of the same year, as a draft.
    let other = std::fs::read_to_string(fixture("hongze-2023.tables.toml"))
        .unwrap()
        .replace("洪泽区人民政府", "某某区人民政府");
    std::fs::write(units.join("other.toml"), other).unwrap();
    let out = dir.path().join("sum.toml");
    gongkai(dir.path())
        .arg("merge")
        .arg(&units)
        .args(["--agency", "淮安市人民政府", "--allow-errors", "-o"])
        .arg(&out)
        .assert()
        .stdout(predicates::str::contains("已汇总 2 个单位"));
    let sum = load::load_file(&out).unwrap();
    assert_eq!(
        sum.cell("requests.new_received.natural_person"),
        Some(gongkai::report::Number::Count(42))
    );
    assert_eq!(
        sum.cell("appeals.review.upheld"),
        Some(gongkai::report::Number::Count(20))
    );
}

#[test]
fn the_fuzzers_seed_pdfs_read_as_they_were_written() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/pdf");
    let table = std::fs::read(seeds.join("table-tounicode.pdf")).unwrap();
    let (document, _) = import::read_document(&table, Some("pdf")).unwrap();
    let Some(Block::Table(grid)) = document.blocks.first() else {
        panic!("a table: {:?}", document.blocks);
    };
    let texts: Vec<&str> = grid.rows[0].iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["规章", "0"]);
    let title = std::fs::read(seeds.join("ucs2-title.pdf")).unwrap();
    assert_eq!(text_of(&title).unwrap(), "政府信息公开年度");
}
