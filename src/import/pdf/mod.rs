//! The PDF front end: a report exported by WPS or Word (a PDF with a text layer) read into the
//! importer's [`Document`], so the one back end reads it as it reads a portal page.
//!
//! `fonts` says what each character code means, `page` walks a page's content into placed
//! characters and ruling lines, `layout` rebuilds tables from their rules and paragraphs from
//! lines. What cannot be read right is refused, never guessed: an encrypted file, a scan (no
//! text layer), text in a font whose codes nothing decodes.

mod fonts;
mod layout;
mod page;

use super::ImportError;
use super::document::Document;

/// The most pages read: a report has a handful; a file of thousands is no report.
const MAX_PAGES: usize = 200;

/// Reads a PDF's text and tables.
pub fn read(bytes: &[u8]) -> Result<Document, ImportError> {
    // The parser is another project's: a defect of it on a hostile file is a damaged file
    // here, never a crash.
    let loaded = std::panic::catch_unwind(|| lopdf::Document::load_mem(bytes))
        .map_err(|_| ImportError::Damaged)?;
    let doc = loaded.map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::UnsupportedSecurityHandler(_) => {
            ImportError::PdfEncrypted
        }
        _ => ImportError::Damaged,
    })?;
    // Encrypted with an owner password only (printing or copying restricted, as many portals
    // publish), the file opens with the empty password and its text is read. One that needs a
    // password to open is refused.
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(ImportError::PdfEncrypted);
    }
    let mut pages = Vec::new();
    let mut images = false;
    let mut chars = 0usize;
    for (_, id) in doc.get_pages().into_iter().take(MAX_PAGES) {
        let page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| page::read(&doc, id)))
            .map_err(|_| ImportError::Damaged)?;
        if let Some(font) = page.undecodable.first() {
            return Err(ImportError::PdfUndecodable { font: font.clone() });
        }
        images |= page.images;
        chars += page.chars.len();
        pages.push((layout::page_items(&page), page.width, page.height));
    }
    if chars == 0 {
        return Err(if images {
            ImportError::PdfScanned
        } else {
            ImportError::NotAReport
        });
    }
    Ok(Document {
        blocks: layout::blocks(&pages),
        own_export: false,
    })
}
