//! What docx-rs cannot say, added to the parts it builds: the document language (zh-CN, so
//! Word, WPS and LibreOffice pick simplified-Chinese glyphs), header rows that repeat on each
//! page (`w:tblHeader`), and a font table naming each Chinese font with its fallback.
//!
//! The parts are rewritten event by event with quick-xml, so everything else passes through
//! unchanged; a patch that finds nothing to patch is an error, not a silent no-op.

use crate::export::ExportError;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

fn failed(what: &str) -> ExportError {
    ExportError::Package(what.to_string())
}

fn xml_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Package(e.to_string())
}

/// Sets the default language of every run (`w:docDefaults`): East Asian text simplified
/// Chinese, so Word, WPS and LibreOffice pick simplified-Chinese glyphs; Latin text (digits,
/// addresses, postcodes) US English, since LibreOffice breaks a line anywhere inside Latin text
/// it takes for Chinese (「邮编：1230 / 00」).
pub fn document_language(styles: &[u8]) -> Result<Vec<u8>, ExportError> {
    let mut reader = Reader::from_reader(styles);
    let mut writer = Writer::new(Vec::with_capacity(styles.len() + 128));
    let mut in_defaults = false;
    let mut done = false;
    let lang = || {
        let mut lang = BytesStart::new("w:lang");
        lang.push_attribute(("w:val", "en-US"));
        lang.push_attribute(("w:eastAsia", "zh-CN"));
        lang.push_attribute(("w:bidi", "ar-SA"));
        Event::Empty(lang)
    };
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"w:rPrDefault" => in_defaults = true,
            Event::End(e) if e.name().as_ref() == b"w:rPrDefault" => in_defaults = false,
            // `w:lang` comes late in a run's properties, after the fonts and sizes.
            Event::End(e) if in_defaults && !done && e.name().as_ref() == b"w:rPr" => {
                writer.write_event(lang()).map_err(xml_error)?;
                done = true;
            }
            Event::Empty(e) if in_defaults && !done && e.name().as_ref() == b"w:rPr" => {
                writer
                    .write_event(Event::Start(BytesStart::new("w:rPr")))
                    .map_err(xml_error)?;
                writer.write_event(lang()).map_err(xml_error)?;
                writer
                    .write_event(Event::End(BytesEnd::new("w:rPr")))
                    .map_err(xml_error)?;
                done = true;
                continue;
            }
            _ => {}
        }
        writer.write_event(event).map_err(xml_error)?;
    }
    if !done {
        return Err(failed("styles.xml has no default run properties"));
    }
    Ok(writer.into_inner())
}

/// Marks the first `header_rows[i]` rows of the i-th table as header rows, which Word and
/// LibreOffice repeat at the top of each page the table runs onto.
pub fn repeat_header_rows(document: &[u8], header_rows: &[usize]) -> Result<Vec<u8>, ExportError> {
    let mut reader = Reader::from_reader(document);
    let mut writer = Writer::new(Vec::with_capacity(document.len() + 1024));
    let mut table: Option<usize> = None;
    let mut tables_seen = 0;
    let mut depth = 0usize;
    let mut row = 0usize;
    let mut pending = false;
    let mut marked = 0usize;
    let header = || Event::Empty(BytesStart::new("w:tblHeader"));
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"w:tbl" => {
                depth += 1;
                if depth == 1 {
                    table = Some(tables_seen);
                    tables_seen += 1;
                    row = 0;
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:tbl" => depth = depth.saturating_sub(1),
            Event::Start(e) if depth == 1 && e.name().as_ref() == b"w:tr" => {
                let wanted = table.and_then(|t| header_rows.get(t)).copied().unwrap_or(0);
                pending = row < wanted;
                row += 1;
            }
            Event::Start(e) if pending && e.name().as_ref() == b"w:trPr" => {
                writer.write_event(event.borrow()).map_err(xml_error)?;
                writer.write_event(header()).map_err(xml_error)?;
                pending = false;
                marked += 1;
                continue;
            }
            Event::Empty(e) if pending && e.name().as_ref() == b"w:trPr" => {
                for e in [
                    Event::Start(BytesStart::new("w:trPr")),
                    header(),
                    Event::End(BytesEnd::new("w:trPr")),
                ] {
                    writer.write_event(e).map_err(xml_error)?;
                }
                pending = false;
                marked += 1;
                continue;
            }
            Event::Start(e) if pending && e.name().as_ref() == b"w:tc" => {
                // A row without properties: give it some before its first cell.
                for e in [
                    Event::Start(BytesStart::new("w:trPr")),
                    header(),
                    Event::End(BytesEnd::new("w:trPr")),
                ] {
                    writer.write_event(e).map_err(xml_error)?;
                }
                pending = false;
                marked += 1;
            }
            _ => {}
        }
        writer.write_event(event).map_err(xml_error)?;
    }
    if marked != header_rows.iter().sum::<usize>() {
        return Err(failed(
            "document.xml does not have the header rows expected",
        ));
    }
    Ok(writer.into_inner())
}

/// The core properties, written whole: title, author (the agency), the language, and the time
/// the document was made (docx-rs writes 1970-01-01), which a portal's file list shows.
pub fn core_properties(title: &str, author: &str, made: jiff::Timestamp) -> Vec<u8> {
    use quick_xml::escape::escape;
    // Whole seconds, UTC, as W3CDTF wants.
    let when = made.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (title, author) = (escape(title), escape(author));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>zh-CN</dc:language><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#
    )
    .into_bytes()
}

/// The children of property elements in the order ECMA-376 (Part 1, §17) gives them. Word
/// opens a file that mixes them up, but stricter readers (and validators) do not; docx-rs
/// writes some of them out of order (`w:sz` before `w:rFonts`, a paragraph's `w:rPr` first,
/// `w:footerReference` last in `w:sectPr`).
pub const SCHEMA_ORDER: [(&str, &[&str]); 5] = [
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
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
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:ins",
            "w:del",
            "w:rPrChange",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
        ],
    ),
];

/// An element with what it holds, or anything else the XML has.
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
        empty: bool,
    },
    Other(Event<'static>),
}

impl Node {
    fn name(&self) -> &[u8] {
        match self {
            Node::Element { start, .. } => start.name().into_inner(),
            Node::Other(_) => b"",
        }
    }

    fn write(self, writer: &mut Writer<Vec<u8>>) -> Result<(), ExportError> {
        match self {
            Node::Element {
                start,
                children,
                empty,
            } => {
                if empty && children.is_empty() {
                    return writer.write_event(Event::Empty(start)).map_err(xml_error);
                }
                let end =
                    BytesEnd::new(String::from_utf8_lossy(start.name().as_ref()).into_owned());
                writer.write_event(Event::Start(start)).map_err(xml_error)?;
                for child in children {
                    child.write(writer)?;
                }
                writer.write_event(Event::End(end)).map_err(xml_error)
            }
            Node::Other(event) => writer.write_event(event).map_err(xml_error),
        }
    }

    /// Puts the children of every property element in schema order (a stable sort, so
    /// repeated or unknown elements keep their places relative to each other; unknown ones
    /// go last).
    fn reorder(&mut self) {
        let Node::Element {
            start, children, ..
        } = self
        else {
            return;
        };
        for child in children.iter_mut() {
            child.reorder();
        }
        let name = start.name();
        if let Some((_, order)) = SCHEMA_ORDER
            .iter()
            .find(|(n, _)| n.as_bytes() == name.as_ref())
        {
            let rank = |node: &Node| {
                order
                    .iter()
                    .position(|n| n.as_bytes() == node.name())
                    .unwrap_or(order.len())
            };
            children.sort_by_key(rank);
        }
    }
}

/// Rewrites a part with the children of its property elements in schema order.
pub fn schema_order(part: &[u8]) -> Result<Vec<u8>, ExportError> {
    let mut reader = Reader::from_reader(part);
    let mut stack: Vec<(BytesStart<'static>, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    loop {
        let event = reader.read_event().map_err(xml_error)?.into_owned();
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push((start, Vec::new()));
                continue;
            }
            Event::End(_) => {
                let (start, children) =
                    stack.pop().ok_or_else(|| failed("an unmatched end tag"))?;
                Node::Element {
                    start,
                    children,
                    empty: false,
                }
            }
            Event::Empty(start) => Node::Element {
                start,
                children: Vec::new(),
                empty: true,
            },
            other => Node::Other(other),
        };
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => top.push(node),
        }
    }
    if !stack.is_empty() {
        return Err(failed("an element is not closed"));
    }
    let mut writer = Writer::new(Vec::with_capacity(part.len()));
    for mut node in top {
        node.reorder();
        node.write(&mut writer)?;
    }
    Ok(writer.into_inner())
}

/// A font the report names, with what Word should use where it is not installed.
pub struct FontEntry {
    pub name: &'static str,
    /// The font to use instead: on current systems the GB2312 faces ship under these names.
    pub alt_name: Option<&'static str>,
    /// `w:family`: roman, swiss, modern, script, decorative or auto.
    pub family: &'static str,
    /// Windows character set: 86 is GB2312 (simplified Chinese), 00 ANSI.
    pub charset: &'static str,
}

/// The font table: each font named in the document, Chinese ones with the GB2312 character
/// set so that a missing font is replaced by a simplified-Chinese one.
pub fn font_table(fonts: &[FontEntry]) -> Vec<u8> {
    let mut writer = Writer::new(Vec::with_capacity(2048));
    let mut write = |e: Event| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_event(e);
    };
    write(Event::Decl(quick_xml::events::BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )));
    let mut fonts_start = BytesStart::new("w:fonts");
    fonts_start.push_attribute((
        "xmlns:w",
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ));
    fonts_start.push_attribute((
        "xmlns:r",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ));
    write(Event::Start(fonts_start));
    for font in fonts {
        let mut start = BytesStart::new("w:font");
        start.push_attribute(("w:name", font.name));
        write(Event::Start(start));
        let value = |name: &'static str, val: &'static str| {
            let mut e = BytesStart::new(name);
            e.push_attribute(("w:val", val));
            Event::Empty(e)
        };
        if let Some(alt) = font.alt_name {
            write(value("w:altName", alt));
        }
        write(value("w:charset", font.charset));
        write(value("w:family", font.family));
        write(value("w:pitch", "variable"));
        write(Event::End(BytesEnd::new("w:font")));
    }
    write(Event::End(BytesEnd::new("w:fonts")));
    writer.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_goes_into_the_default_run_properties() {
        let styles = br#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32" /></w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr /></w:style></w:styles>"#;
        let out = String::from_utf8(document_language(styles).unwrap()).unwrap();
        assert!(out.contains(r#"<w:sz w:val="32" /><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#), "{out}");
        assert!(out.contains("<w:style><w:rPr /></w:style>"), "{out}");
    }

    #[test]
    fn core_properties_name_title_author_language_and_time() {
        let made: jiff::Timestamp = "2021-01-20T09:30:00Z".parse().unwrap();
        let out = String::from_utf8(core_properties("标题 & 题", "某局", made)).unwrap();
        assert!(out.contains("<dc:title>标题 &amp; 题</dc:title><dc:creator>某局</dc:creator>"));
        assert!(out.contains("<dc:language>zh-CN</dc:language>"));
        assert!(
            out.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-20T09:30:00Z<"#)
        );
        assert!(
            out.contains(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-20T09:30:00Z<"#)
        );
    }

    #[test]
    fn property_children_are_put_in_schema_order() {
        let doc = br#"<w:p><w:pPr><w:rPr><w:sz w:val="28"/><w:rFonts w:ascii="A"/></w:rPr><w:jc w:val="right"/><w:snapToGrid w:val="false"/></w:pPr><w:r><w:t>a b</w:t></w:r></w:p>"#;
        let out = String::from_utf8(schema_order(doc).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:snapToGrid w:val="false"/><w:jc w:val="right"/><w:rPr><w:rFonts w:ascii="A"/><w:sz w:val="28"/></w:rPr></w:pPr><w:r><w:t>a b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn styles_without_defaults_are_refused() {
        assert!(document_language(b"<w:styles></w:styles>").is_err());
    }

    #[test]
    fn only_the_asked_rows_become_header_rows() {
        let doc = br#"<w:body><w:tbl><w:tr><w:trPr /><w:tc/></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl><w:tbl><w:tr><w:trPr /></w:tr></w:tbl></w:body>"#;
        let out = String::from_utf8(repeat_header_rows(doc, &[2, 0]).unwrap()).unwrap();
        assert_eq!(out.matches("<w:tblHeader/>").count(), 2, "{out}");
        assert!(
            out.contains("<w:trPr><w:cantSplit /><w:tblHeader/></w:trPr>")
                || out.contains("<w:trPr><w:tblHeader/><w:cantSplit /></w:trPr>"),
            "{out}"
        );
        assert!(
            out.ends_with("<w:tbl><w:tr><w:trPr /></w:tr></w:tbl></w:body>"),
            "{out}"
        );
        assert!(repeat_header_rows(doc, &[4, 0]).is_err());
    }
}
