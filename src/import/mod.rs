//! Reading published reports — a portal page, a Word file, a PDF, a report's text — into drafts.
//!
//! Each format has a front end (`html`, `docx`, `pdf`, `text`) that reduces the file to one
//! intermediate, [`document::Document`]: paragraphs and tables as grids of cell texts with
//! spans resolved. One back end reads any document against the templates: the title gives
//! agency and year (and so the format), headings find the prose, labels find the table rows
//! (`labels`), and the printed totals — which drafts do not store — validate what was read
//! (`resolve`). Nothing is guessed: a cell that cannot be read with certainty stays blank and
//! the [`Summary`] says why.
//!
//! This module is part of the domain: no terminal, no command line, no file is written here.

#![warn(missing_docs)]

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
    /// The format the report was read against: the one of the year in its title.
    pub template: &'static Template,
    /// The report as a draft, not yet saved: what could be read with certainty, the rest blank.
    pub draft: Draft,
    /// How the file was read: cells read and left blank (and why), deviations from the format.
    pub summary: Summary,
    /// `import.printed_total` warnings ([`PRINTED_TOTAL`]): totals the published report prints
    /// that disagree with their parts. They are about the file, so they are not in the draft;
    /// `check` adds them to its findings.
    pub printed_totals: Vec<Finding>,
    /// The file is gongkai's own export (marked by its generator).
    pub own_export: bool,
}

/// Why a file cannot be imported. Each names what is wrong; the caller names the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The system could not read the file (not found, no permission …): check the path.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The path is a folder, a pipe or a device: name the published file itself.
    #[error("not a regular file")]
    NotAFile,
    /// Over [`MAX_FILE_BYTES`], refused unread: no report is that large.
    #[error("file too large: {bytes} bytes")]
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// Nothing but whitespace: the download or copy likely failed, so fetch it again.
    #[error("empty file")]
    Empty,
    /// A PDF that needs a password to open (one only restricted from printing or copying is
    /// read): ask for an unencrypted file, or use the portal page or the Word file.
    #[error("an encrypted PDF")]
    PdfEncrypted,
    /// A PDF with images but no text (a scan): use the portal page, the Word file or a PDF with
    /// text.
    #[error("a PDF without a text layer (a scan)")]
    PdfScanned,
    /// A PDF with text in a font nothing decodes (a CJK font without a `ToUnicode` map), which
    /// would give wrong characters unseen: use the portal page or the Word file.
    #[error("a PDF whose font {font} cannot be decoded")]
    PdfUndecodable {
        /// The font's name as the PDF gives it.
        font: String,
    },
    /// An old binary Word file (`.doc`): save it as `.docx` in Word or WPS and import that.
    #[error("old binary .doc")]
    OldWord,
    /// Neither a zip, a PDF, a portal page nor text (binary content): not a published report.
    #[error("unknown format")]
    UnknownFormat,
    /// Text that is valid neither as its byte-order mark says, nor as UTF-8, the page's declared
    /// encoding or GB18030: re-save it as UTF-8.
    #[error("text in an unknown encoding")]
    Encoding,
    /// A zip or PDF that cannot be parsed, usually an unfinished download: fetch it again.
    #[error("damaged or truncated file")]
    Damaged,
    /// A zip without `word/document.xml` (a spreadsheet or an archive, say): not a Word report.
    #[error("a zip file that is not a Word document")]
    NotWord,
    /// A part of a Word file inflating beyond [`docx::MAX_PART_BYTES`]: never inflated whole,
    /// as it may be built to exhaust memory.
    #[error("a part inflates beyond the limit (zip bomb)")]
    ZipBomb,
    /// A page whose tags nest deeper than [`html::MAX_DEPTH`]: no article nests so deep, and
    /// parsing it would take long; refused before parsing.
    #[error("tags nested {depth} deep")]
    TooDeep {
        /// How deep the tags nest.
        depth: usize,
    },
    /// No report title with a year (「某局2023年政府信息公开工作年度报告」) or no report table
    /// was found: the file is something else, and `check` of a folder skips it.
    #[error("not an annual report")]
    NotAReport,
    /// The report's title and headings are there but no table can be read (tables as images,
    /// or a PDF's text taken without its layout): use another version of the report.
    #[error("no table could be read")]
    NoTables,
    /// The year in the title has no format (formats start in 2019): check the title.
    #[error("no format for year {year}")]
    NoFormat {
        /// The year read from the title.
        year: i32,
    },
    /// The format's last table (四) is missing, so the file is likely truncated: fetch it again.
    #[error("incomplete: {missing} not found")]
    Incomplete {
        /// The heading of the section whose table is missing, as the format prints it.
        missing: String,
    },
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
