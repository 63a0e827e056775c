//! Reading published reports — a portal page, a Word file, a report's text — into drafts.
//!
//! Each format has a front end (`html`, `docx`, `text`) that reduces the file to one
//! intermediate, [`document::Document`]: paragraphs and tables as grids of cell texts with
//! spans resolved. One back end reads any document against the templates: the title gives
//! agency and year (and so the format), headings find the prose, labels find the table rows
//! (`labels`), and the printed totals — which drafts do not store — validate what was read
//! (`resolve`). Nothing is guessed: a cell that cannot be read with certainty stays blank and
//! the [`Summary`] says why. The PDF front end (`pdf`) produces one too.
//!
//! This module is part of the domain: no terminal, no command line, no file is written here.

pub mod document;
pub mod docx;
pub mod html;
pub mod labels;
mod layout_text;
mod meta;
pub mod pdf;
mod prose;
mod resolve;
pub mod sniff;
mod summary;
mod tables;
pub mod text;
pub mod values;

use crate::check::Finding;
use crate::report::Draft;
use crate::template::Template;
use std::path::Path;

pub use document::{Block, Document, Grid};
pub use sniff::{SourceFormat, is_published_name};
pub use summary::{BlankNote, BlankReason, Deviation, Summary};

/// Files larger than this are refused unread: a report is well under 1 MB of text, and a
/// portal page under 1 MB of markup.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// The code of the finding for published totals that disagree with their parts.
pub const PRINTED_TOTAL: &str = crate::check::codes::IMPORT_PRINTED_TOTAL;

/// What an import produced: a draft, the summary of how it was read, and the findings about
/// the published file itself (its printed totals).
#[derive(Debug, Clone)]
pub struct Imported {
    pub template: &'static Template,
    pub draft: Draft,
    pub summary: Summary,
    pub printed_totals: Vec<Finding>,
    /// The file is gongkai's own export (marked by its generator).
    pub own_export: bool,
}

/// Why a file cannot be imported. Each names what is wrong; the caller names the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("not a regular file")]
    NotAFile,
    #[error("file too large: {bytes} bytes")]
    TooLarge { bytes: u64 },
    #[error("empty file")]
    Empty,
    #[error("an encrypted PDF")]
    PdfEncrypted,
    #[error("a PDF without a text layer (a scan)")]
    PdfScanned,
    #[error("a PDF whose font {font} cannot be decoded")]
    PdfUndecodable { font: String },
    #[error("old binary .doc")]
    OldWord,
    #[error("unknown format")]
    UnknownFormat,
    #[error("text in an unknown encoding")]
    Encoding,
    #[error("damaged or truncated file")]
    Damaged,
    #[error("a zip file that is not a Word document")]
    NotWord,
    #[error("a part inflates beyond the limit (zip bomb)")]
    ZipBomb,
    #[error("tags nested {depth} deep")]
    TooDeep { depth: usize },
    #[error("not an annual report")]
    NotAReport,
    #[error("no table could be read")]
    NoTables,
    #[error("no format for year {year}")]
    NoFormat { year: i32 },
    #[error("incomplete: {missing} not found")]
    Incomplete { missing: String },
}

/// Imports a file: refuses one over [`MAX_FILE_BYTES`] without reading it.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ImportError::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: meta.len() });
    }
    let bytes = std::fs::read(path)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    import_bytes(&bytes, extension.as_deref())
}

/// Imports a file held in memory; `extension` only breaks a tie between formats.
pub fn import_bytes(bytes: &[u8], extension: Option<&str>) -> Result<Imported, ImportError> {
    let (document, format) = read_document(bytes, extension)?;
    read_report(&document, format)
}

/// The front ends: bytes to the intermediate document.
pub fn read_document(
    bytes: &[u8],
    extension: Option<&str>,
) -> Result<(Document, SourceFormat), ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let format = sniff::detect(bytes, extension)?;
    let document = match format {
        SourceFormat::Docx => docx::read(bytes)?,
        SourceFormat::Pdf => pdf::read(bytes)?,
        SourceFormat::Html => {
            let text = sniff::decode(bytes, sniff::declared_charset(bytes))?;
            let depth = html::nesting_depth(&text);
            if depth > html::MAX_DEPTH {
                return Err(ImportError::TooDeep { depth });
            }
            html::read(&text)
        }
        SourceFormat::Text => text::read(&sniff::decode(bytes, None)?),
    };
    Ok((document, format))
}

/// The back end: a document read against the template of its year.
pub fn read_report(document: &Document, format: SourceFormat) -> Result<Imported, ImportError> {
    let paragraphs = prose::Paragraphs::of(document);
    let title = meta::find_title(&paragraphs).ok_or(ImportError::NotAReport)?;
    let template =
        Template::for_year(title.year).ok_or(ImportError::NoFormat { year: title.year })?;
    let headings = prose::find_headings(template, &paragraphs, title.index);
    let classified = tables::classify(template, document);
    if classified.is_empty() {
        // A report's title and headings with no table that can be read: say so, rather than
        // call it a stranger or a truncated file.
        return Err(if headings.len() >= 2 {
            ImportError::NoTables
        } else {
            ImportError::NotAReport
        });
    }
    let mut draft = Draft::new(
        &template.id,
        &title.agency,
        title.year,
        meta::kind_of(&title.agency),
    );
    let mut summary = Summary::new(format, template, &draft);
    meta::read_contact(&paragraphs, &title, &headings, &mut draft.report);
    prose::read_prose(
        template,
        &paragraphs,
        &headings,
        document.own_export,
        &title.agency,
        &mut draft,
        &mut summary,
    );
    // A report cut short: its last table (四) or every heading after 三 missing.
    let has_last_table = classified
        .iter()
        .any(|(_, t)| t.key == template.tables.last().map_or("", |t| t.key.as_str()));
    if !has_last_table {
        let missing = template
            .tables
            .last()
            .and_then(|t| template.section(&t.key))
            .map_or_else(String::new, |s| s.heading.clone());
        return Err(ImportError::Incomplete { missing });
    }
    let read = tables::read_all(template, &classified, &mut summary);
    let findings = resolve::resolve(template, read, &mut draft, &mut summary);
    summary.finish(template, &draft);
    // A form feed between pages, a Word line break: no control character reaches a draft.
    crate::report::text::clean_draft(&mut draft);
    Ok(Imported {
        template,
        draft,
        summary,
        printed_totals: findings,
        own_export: document.own_export,
    })
}
