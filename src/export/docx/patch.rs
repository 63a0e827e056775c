//! What docx-rs cannot say, added to the parts it builds: the document language (zh-CN, so
//! Word, WPS and LibreOffice pick simplified-Chinese glyphs), header rows that repeat on each
//! page (`w:tblHeader`), and a font table naming each Chinese font with its fallback.
//!
//! The parts are rewritten event by event with quick-xml, so everything else passes through
//! unchanged; a patch that finds nothing to patch is an error, not a silent no-op.

use crate::export::ExportError;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

fn failed(what: &str) -> ExportError {
    ExportError::Package(what.to_string())
}

fn xml_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Package(e.to_string())
}

/// Sets the default language of every run (`w:docDefaults`) to simplified Chinese.
pub fn document_language(styles: &[u8]) -> Result<Vec<u8>, ExportError> {
    let mut reader = Reader::from_reader(styles);
    let mut writer = Writer::new(Vec::with_capacity(styles.len() + 128));
    let mut in_defaults = false;
    let mut done = false;
    let lang = || {
        let mut lang = BytesStart::new("w:lang");
        lang.push_attribute(("w:val", "zh-CN"));
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

/// Names the document's title and author (the agency) in its core properties, where docx-rs
/// writes 「unknown」.
pub fn core_properties(core: &[u8], title: &str, author: &str) -> Result<Vec<u8>, ExportError> {
    let mut reader = Reader::from_reader(core);
    let mut writer = Writer::new(Vec::with_capacity(core.len() + 256));
    let mut replacing = false;
    let mut done = false;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"dc:creator" => {
                writer
                    .write_event(Event::Start(BytesStart::new("dc:title")))
                    .map_err(xml_error)?;
                writer
                    .write_event(Event::Text(BytesText::new(title)))
                    .map_err(xml_error)?;
                writer
                    .write_event(Event::End(BytesEnd::new("dc:title")))
                    .map_err(xml_error)?;
                replacing = true;
                done = true;
            }
            Event::Start(e) if e.name().as_ref() == b"cp:lastModifiedBy" => replacing = true,
            Event::End(_) if replacing => {
                writer
                    .write_event(Event::Text(BytesText::new(author)))
                    .map_err(xml_error)?;
                replacing = false;
            }
            Event::Text(_) | Event::GeneralRef(_) if replacing => continue,
            _ => {}
        }
        writer.write_event(event).map_err(xml_error)?;
    }
    if !done {
        return Err(failed("core.xml has no creator"));
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
        assert!(out.contains(r#"<w:sz w:val="32" /><w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#), "{out}");
        assert!(out.contains("<w:style><w:rPr /></w:style>"), "{out}");
    }

    #[test]
    fn core_properties_name_title_and_author() {
        let core = br#"<cp:coreProperties><dc:creator>unknown</dc:creator><cp:lastModifiedBy>unknown</cp:lastModifiedBy></cp:coreProperties>"#;
        let out = String::from_utf8(core_properties(core, "标题 & 题", "某局").unwrap()).unwrap();
        assert_eq!(
            out,
            "<cp:coreProperties><dc:title>标题 &amp; 题</dc:title><dc:creator>某局</dc:creator>\
             <cp:lastModifiedBy>某局</cp:lastModifiedBy></cp:coreProperties>"
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
