//! The editor's door to the export module: the formats it offers, the file name it proposes,
//! and rendering one. The 导出 page offers whatever `export::Format::ALL` holds.

use crate::check::Outcome;
use crate::export::{self, ExportOptions, Format};
use crate::i18n::Lang;
use crate::report::Draft;
use crate::template::Template;

/// The formats the core offers, by name (docx, html, …).
pub fn formats() -> Vec<&'static str> {
    Format::ALL.iter().map(|f| f.extension()).collect()
}

/// The file name the export module proposes for a draft in a format.
pub fn default_file_name(draft: &Draft, format: &str) -> String {
    Format::parse(format).map_or_else(String::new, |f| export::default_file_name(draft, f))
}

/// Renders the report in a format; a finished export is refused while findings block it.
pub fn render(
    format: &str,
    template: &Template,
    draft: &Draft,
    outcome: &Outcome,
    draft_mark: bool,
    lang: Lang,
) -> Result<Vec<u8>, crate::tui::action::ExportFailed> {
    use crate::tui::action::ExportFailed;
    let format =
        Format::parse(format).ok_or_else(|| ExportFailed::UnknownFormat(format.to_string()))?;
    let options = ExportOptions {
        draft_mark,
        lang,
        made: crate::clock::now(),
    };
    // PDF runs LibreOffice: where it is missing, the message says how to get a PDF anyway.
    export::render(format, template, draft, outcome, &options).map_err(|error| {
        ExportFailed::Render {
            format: format.extension().to_string(),
            error,
        }
    })
}
