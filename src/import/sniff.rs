//! Which kind of file this is, by its content (the extension only breaks a tie), and its text
//! decoded: UTF-8, or GB18030/GBK whether or not the page declares it.

use super::ImportError;
use encoding_rs::{Encoding, GB18030, UTF_8};

/// The kinds of published file the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// A portal page (`.html`, `.htm`, `.shtml`), in UTF-8 or GB18030/GBK.
    Html,
    /// A Word file (`.docx`), or any zip, which is then read as one.
    Docx,
    /// A PDF with a text layer.
    Pdf,
    /// Plain text: `pdftotext -layout` output, a copy from a browser, or gongkai's text export.
    Text,
}

impl SourceFormat {
    /// The usual file extension of the kind, without the dot (`txt` for text).
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Html => "html",
            SourceFormat::Docx => "docx",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Text => "txt",
        }
    }
}

/// Whether a file name is one the importer may read (for picking files out of a folder).
pub fn is_published_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".shtml", ".docx", ".pdf", ".txt"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Tells the format from the first bytes.
pub fn detect(bytes: &[u8], extension: Option<&str>) -> Result<SourceFormat, ImportError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(SourceFormat::Docx);
    }
    // A PDF's header may follow a little junk (the standard allows 1024 bytes of it).
    if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Ok(SourceFormat::Pdf);
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(ImportError::OldWord);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if has(b"<html")
        || has(b"<!doctype html")
        || has(b"<body")
        || has(b"<table")
        || has(b"<meta")
        || (has(b"<p") && has(b"</p>"))
        || (has(b"<div") && matches!(extension, Some("html" | "htm" | "shtml")))
    {
        return Ok(SourceFormat::Html);
    }
    // Text has no NUL bytes (UTF-16 files are read too: they start with a byte-order mark).
    if Encoding::for_bom(bytes).is_some() || !head.contains(&0) {
        return Ok(SourceFormat::Text);
    }
    Err(ImportError::UnknownFormat)
}

/// The encoding an HTML page declares in its first bytes (`<meta charset>` or
/// `http-equiv … charset=`), if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &lower[at + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Decodes text: by its byte-order mark; else as UTF-8 if the bytes are valid UTF-8, else in
/// the declared encoding, else as GB18030 (which reads GBK and GB2312). Bytes valid in none
/// are refused rather than read with replacement characters.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, ImportError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]).ok_or(ImportError::Encoding);
    }
    // Valid UTF-8 first, whatever the page declares: Chinese text in GBK is almost never valid
    // UTF-8, while a CMS template often declares gb2312 over UTF-8 content. Then what the page
    // declares (GBK and GB2312 read as their superset GB18030), then GB18030.
    let declared = declared.map(|e| if e.name() == "GBK" { GB18030 } else { e });
    let mut order: Vec<&'static Encoding> = vec![UTF_8];
    order.extend(declared.filter(|e| *e != UTF_8));
    order.push(GB18030);
    order
        .into_iter()
        .find_map(|e| strict(e, bytes))
        .ok_or(ImportError::Encoding)
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undeclared_gbk_page_is_read_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("<p>政府信息公开</p>");
        assert_eq!(
            decode(&bytes, None).ok().as_deref(),
            Some("<p>政府信息公开</p>")
        );
    }

    #[test]
    fn a_declared_gb2312_page_is_read_as_gb18030() {
        let html = "<meta charset=\"gb2312\"><p>规章</p>";
        let (bytes, _, _) = GB18030.encode(html);
        let declared = declared_charset(&bytes);
        assert_eq!(decode(&bytes, declared).ok().as_deref(), Some(html));
    }

    #[test]
    fn a_utf8_page_declaring_gb2312_is_read_as_utf8() {
        let html = "<meta charset=\"gb2312\"><p>规章</p>";
        let declared = declared_charset(html.as_bytes());
        assert_eq!(
            decode(html.as_bytes(), declared).ok().as_deref(),
            Some(html)
        );
    }

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(
            detect(b"PK\x03\x04rest", Some("txt")).ok(),
            Some(SourceFormat::Docx)
        );
        assert_eq!(
            detect(b"<!DOCTYPE html><p>x</p>", Some("txt")).ok(),
            Some(SourceFormat::Html)
        );
        assert_eq!(
            detect("一、总体情况".as_bytes(), None).ok(),
            Some(SourceFormat::Text)
        );
        assert_eq!(detect(b"%PDF-1.7", None).unwrap(), SourceFormat::Pdf);
    }
}
