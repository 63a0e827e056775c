//! The .docx package, written here rather than by docx-rs: every part deflate-compressed (the
//! sample is 13 KB instead of 177 KB), and only the parts the document uses — no empty comments,
//! footnotes or numbering that nothing refers to — with the content types and relationships
//! that name exactly those. The page-number footers and the draft-mark headers are written here
//! too, in the fonts GB/T 9704 gives them.

use crate::export::ExportError;
use docx_rs::XMLDocx;
use std::io::Write;
use zip::write::SimpleFileOptions;

const MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OFFICE_TYPE: &str = "application/vnd.openxmlformats-officedocument";

/// The parts of the package that docx-rs builds and this module keeps.
pub struct Parts {
    pub document: Vec<u8>,
    pub styles: Vec<u8>,
    pub settings: Vec<u8>,
    pub font_table: Vec<u8>,
    pub core: Vec<u8>,
    pub app: Vec<u8>,
    /// The odd-page and even-page footers (page numbers right and left).
    pub footers: [Vec<u8>; 2],
    /// The odd-page and even-page headers of a draft; none for a finished report.
    pub headers: Option<[Vec<u8>; 2]>,
}

impl Parts {
    /// Takes what the package keeps from docx-rs's parts; footers and headers are given.
    pub fn from_docx(xml: XMLDocx, footers: [Vec<u8>; 2], headers: Option<[Vec<u8>; 2]>) -> Parts {
        Parts {
            document: xml.document,
            styles: xml.styles,
            settings: xml.settings,
            font_table: xml.font_table,
            core: xml.doc_props.core,
            app: app_properties(),
            footers,
            headers,
        }
    }
}

/// The extended properties: the application that wrote the file is gongkai, which is how
/// `import` and `check FOLDER` tell gongkai's own export from a published report.
fn app_properties() -> Vec<u8> {
    br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>gongkai</Application></Properties>"#.to_vec()
}

/// The relationship ids docx-rs writes into the section properties for headers and footers.
fn header_id(n: usize) -> String {
    format!("rIdHeader{n}")
}
fn footer_id(n: usize) -> String {
    format!("rIdFooter{n}")
}

fn content_types(parts: &Parts) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#,
    );
    let mut over = |name: &str, kind: &str| {
        out.push_str(&format!(
            r#"<Override PartName="/{name}" ContentType="{kind}"/>"#
        ));
    };
    let word = |what: &str| format!("{OFFICE_TYPE}.wordprocessingml.{what}+xml");
    over("word/document.xml", &word("document.main"));
    over("word/styles.xml", &word("styles"));
    over("word/settings.xml", &word("settings"));
    over("word/fontTable.xml", &word("fontTable"));
    for n in 1..=2 {
        over(&format!("word/footer{n}.xml"), &word("footer"));
    }
    if parts.headers.is_some() {
        for n in 1..=2 {
            over(&format!("word/header{n}.xml"), &word("header"));
        }
    }
    over(
        "docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    over(
        "docProps/app.xml",
        &format!("{OFFICE_TYPE}.extended-properties+xml"),
    );
    out.push_str("</Types>");
    out
}

fn package_rels() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_rels(parts: &Parts) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{REL}/fontTable" Target="fontTable.xml"/><Relationship Id="rId3" Type="{REL}/settings" Target="settings.xml"/>"#
    );
    for n in 1..=2 {
        out.push_str(&format!(
            r#"<Relationship Id="{}" Type="{REL}/footer" Target="footer{n}.xml"/>"#,
            footer_id(n)
        ));
    }
    if parts.headers.is_some() {
        for n in 1..=2 {
            out.push_str(&format!(
                r#"<Relationship Id="{}" Type="{REL}/header" Target="header{n}.xml"/>"#,
                header_id(n)
            ));
        }
    }
    out.push_str("</Relationships>");
    out
}

/// Writes the package. Entries carry no file times (the zip epoch), so the same report gives
/// the same bytes; the time the document was made is in its core properties.
pub fn write(parts: &Parts) -> Result<Vec<u8>, ExportError> {
    let failed = |e: zip::result::ZipError| ExportError::Package(e.to_string());
    let io_failed = |e: std::io::Error| ExportError::Package(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(32 * 1024)));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut entries: Vec<(String, &[u8])> = Vec::new();
    let types = content_types(parts);
    let rels = package_rels();
    let doc_rels = document_rels(parts);
    entries.push(("[Content_Types].xml".into(), types.as_bytes()));
    entries.push(("_rels/.rels".into(), rels.as_bytes()));
    entries.push(("docProps/core.xml".into(), &parts.core));
    entries.push(("docProps/app.xml".into(), &parts.app));
    entries.push(("word/document.xml".into(), &parts.document));
    entries.push(("word/_rels/document.xml.rels".into(), doc_rels.as_bytes()));
    entries.push(("word/styles.xml".into(), &parts.styles));
    entries.push(("word/settings.xml".into(), &parts.settings));
    entries.push(("word/fontTable.xml".into(), &parts.font_table));
    for (i, footer) in parts.footers.iter().enumerate() {
        entries.push((format!("word/footer{}.xml", i + 1), footer));
    }
    if let Some(headers) = &parts.headers {
        for (i, header) in headers.iter().enumerate() {
            entries.push((format!("word/header{}.xml", i + 1), header));
        }
    }
    for (name, bytes) in entries {
        zip.start_file(name, options).map_err(failed)?;
        zip.write_all(bytes).map_err(io_failed)?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}

/// Run properties for text in one font throughout (Latin and Chinese alike) at one size.
fn run_properties(font: &str, size: usize, color: Option<&str>) -> String {
    let color = color.map_or_else(String::new, |c| format!(r#"<w:color w:val="{c}"/>"#));
    format!(
        r#"<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>{color}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>"#
    )
}

/// A footer with the page number as GB/T 9704 sets it: 4号半角宋体 Arabic digits between two
/// 一字线, one character in from the right edge (odd pages) or the left (even pages). The
/// digit is a PAGE field in the same font and size as its dashes.
pub fn page_number_footer(right: bool, font: &str, size: usize, indent: i32) -> Vec<u8> {
    let (jc, ind) = if right {
        ("right", format!(r#"<w:ind w:right="{indent}"/>"#))
    } else {
        ("left", format!(r#"<w:ind w:left="{indent}"/>"#))
    };
    let rpr = run_properties(font, size, None);
    let text = |t: &str| format!(r#"<w:r>{rpr}<w:t xml:space="preserve">{t}</w:t></w:r>"#);
    let field = |what: &str| format!(r#"<w:r>{rpr}<w:fldChar w:fldCharType="{what}"/></w:r>"#);
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{MAIN}" xmlns:r="{REL}"><w:p><w:pPr><w:snapToGrid w:val="false"/>{ind}<w:jc w:val="{jc}"/>{rpr}</w:pPr>{}{}<w:r>{rpr}<w:instrText>PAGE</w:instrText></w:r>{}{}{}{}</w:p></w:ftr>"#,
        text("— "),
        field("begin"),
        field("separate"),
        text("1"),
        field("end"),
        text(" —"),
    );
    xml.into_bytes()
}

/// A header holding the draft mark at the right, in the top margin of every page.
pub fn draft_header(mark: &str, font: &str, size: usize) -> Vec<u8> {
    let rpr = run_properties(font, size, Some("C00000"));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{MAIN}" xmlns:r="{REL}"><w:p><w:pPr><w:snapToGrid w:val="false"/><w:jc w:val="right"/>{rpr}</w:pPr><w:r>{rpr}<w:t>{mark}</w:t></w:r></w:p></w:hdr>"#
    )
    .into_bytes()
}
