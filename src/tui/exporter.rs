//! The editor's door to the export module: the formats it offers and writing one.
//!
//! Export is written on its own branch; until it is merged this offers no format, and the
//! 导出 page shows whether the report is finished and what blocks it.

use crate::check::Outcome;
use crate::i18n::Lang;
use crate::report::Draft;
use crate::template::Template;

/// The formats the core offers, by name (html, docx, …).
pub fn formats() -> Vec<&'static str> {
    Vec::new()
}

/// The file name the export module proposes for a draft in a format.
pub fn default_file_name(draft: &Draft, format: &str) -> String {
    let name = crate::paths::draft_file_name(&draft.report.agency, draft.report.year);
    format!("{}.{format}", name.trim_end_matches(".toml"))
}

/// Renders the report in a format.
pub fn render(
    format: &str,
    template: &Template,
    draft: &Draft,
    outcome: &Outcome,
    draft_mark: bool,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let _ = (template, draft, outcome, draft_mark, lang);
    Err(format!("no export format {format}"))
}
