//! Exporting the report in the official layout: Word (.docx), HTML, plain text, Markdown, JSON,
//! and PDF (the Word file converted by LibreOffice, in [`pdf`]).
//!
//! Every format is written from the same [`content::Content`] (title, preamble, sections,
//! paragraphs, the 信息处理费 sentence) and every table from the template's official grid
//! (`crate::template::grid`), so no format lays a table out on its own. This module is part of
//! the domain: it never touches a terminal, and writes no file (the caller does, atomically).
//! The renderers are pure; [`pdf`] is the one module that runs a program (LibreOffice).

#![warn(missing_docs)]

pub mod content;
mod docx;
mod html;
pub mod json;
mod layout;
mod md;
pub mod pdf;
mod txt;

use crate::check::{Finding, Outcome};
use crate::i18n::Lang;
use crate::report::Draft;
use crate::template::Template;

/// A format the report can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word, laid out after GB/T 9704 with real merged cells: the file an agency prints.
    Docx,
    /// One self-contained page that prints on A4 and pastes into a portal's editor.
    Html,
    /// Plain text for a terminal or an email, tables drawn with ASCII rules in 80 columns.
    Txt,
    /// Markdown, each table's grid flattened into GitHub tables (which cannot merge cells).
    Md,
    /// The whole report with every figure and the findings, for other systems (see [`json`]).
    Json,
    /// The Word file converted by LibreOffice, where it is installed.
    Pdf,
}

impl Format {
    /// Every format, in the order `--to` and the editor's 导出 page offer them.
    pub const ALL: [Format; 6] = [
        Format::Docx,
        Format::Html,
        Format::Txt,
        Format::Md,
        Format::Json,
        Format::Pdf,
    ];

    /// The file extension, which is also the name `--to` takes.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Json => "json",
            Format::Pdf => "pdf",
        }
    }

    /// Reads a format name as `--to` takes it (case-insensitive; `htm`, `markdown`, `text`
    /// and `word` are accepted too).
    pub fn parse(text: &str) -> Option<Format> {
        let lower = text.trim().trim_start_matches('.').to_ascii_lowercase();
        match lower.as_str() {
            "docx" | "word" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            "json" => Some(Format::Json),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// How to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Export a draft: allowed whatever the findings, and marked 草稿 on the title and on
    /// every page (or the page top).
    pub draft_mark: bool,
    /// The language of the finding messages in JSON. The report itself is always Chinese.
    pub lang: Lang,
    /// When the document is made: the Word file records it. Callers pass the program's clock
    /// (`crate::clock::now`), which tests fix.
    pub made: jiff::Timestamp,
}

/// Why a report could not be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A finished (not draft) export was asked for while findings block it.
    #[error("{count} findings block a finished export")]
    Blocked {
        /// How many findings block it (see [`blockers`]).
        count: usize,
    },
    /// The Word package could not be assembled.
    #[error("could not build the Word package: {0}")]
    Package(String),
    /// LibreOffice is missing or could not make the PDF.
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
}

/// Whether writing to `out` would replace the draft the report is made from (through another
/// name or a link too): no export may do that.
pub fn is_same_file(out: &std::path::Path, draft: &std::path::Path) -> bool {
    match (std::fs::canonicalize(out), std::fs::canonicalize(draft)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Renders the report in one format. Refuses a finished export (`draft_mark` false) while
/// [`blockers`] remain.
pub fn render(
    format: Format,
    template: &Template,
    draft: &Draft,
    outcome: &Outcome,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    if !options.draft_mark {
        let count = blockers(outcome).len();
        if count > 0 {
            return Err(ExportError::Blocked { count });
        }
    }
    // Drafts are cleaned where text enters; a draft built otherwise must still give a file
    // every reader opens (XML cannot hold most control characters).
    let mut clean = draft.clone();
    crate::report::text::clean_draft(&mut clean);
    let draft = &clean;
    let content = content::Content::build(template, draft, outcome, options.draft_mark);
    Ok(match format {
        Format::Docx => docx::render(&content, options.made)?,
        Format::Pdf => pdf::convert(&docx::render(&content, options.made)?)?,
        Format::Html => html::render(&content).into_bytes(),
        Format::Txt => txt::render(&content).into_bytes(),
        Format::Md => md::render(&content).into_bytes(),
        Format::Json => json::render(&content, template, draft, outcome, options.lang),
    })
}

/// The file name an export gets by default: `<agency><year>年政府信息公开工作年度报告.<ext>`,
/// without characters a file system refuses.
pub fn default_file_name(draft: &Draft, format: Format) -> String {
    let title = crate::i18n::report_title(&draft.report.agency, draft.report.year);
    format!(
        "{}.{}",
        crate::paths::safe_file_stem(&title),
        format.extension()
    )
}

/// The findings that stop a finished export: errors, blank cells, and warnings neither fixed
/// nor acknowledged.
pub fn blockers(outcome: &Outcome) -> Vec<&Finding> {
    outcome
        .findings
        .iter()
        .filter(|f| f.blocks_export())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_parses_from_its_extension() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.extension()), Some(f));
            assert_eq!(Format::parse(&f.extension().to_uppercase()), Some(f));
        }
        assert_eq!(Format::parse("pdf"), Some(Format::Pdf));
        assert_eq!(Format::parse(""), None);
    }

    #[test]
    fn default_name_is_agency_year_title_without_unsafe_characters() {
        let draft = Draft::new("gip-2021", "某某市/某某局", 2024, Default::default());
        assert_eq!(
            default_file_name(&draft, Format::Docx),
            "某某市_某某局2024年政府信息公开工作年度报告.docx"
        );
    }
}
