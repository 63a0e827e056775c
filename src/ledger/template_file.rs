//! The empty ledger `gongkai ledger --template` writes: the columns gongkai reads (and a few
//! for the office's own use), date-formatted date columns, drop-down lists of the exact
//! official applicant types and results of the year's format, and a sheet explaining each
//! column. The lists come from a range on a hidden sheet, since Excel caps a list written
//! into the validation itself at 255 characters and the 22 result labels are longer.

use super::labels::{ApplicantLabels, ResultLabels};
use super::vocabulary::{Role, Vocabulary};
use crate::template::Template;
use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, XlsxError};
use std::path::Path;

/// How many rows below the header the drop-down lists cover (the date and amount formats
/// cover whole columns).
pub const ROWS: u32 = 5000;

/// One column of the ledger template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateColumn {
    /// The header written in row 1; for a column gongkai reads, the first of its
    /// [`Headers`](super::vocabulary::Headers), so the filled ledger reads back.
    pub header: String,
    /// What gongkai reads from it; `None` for the office's own columns.
    pub role: Option<Role>,
}

/// The words of the template, in the user's language (from `crate::i18n`).
#[derive(Debug, Clone)]
pub struct Wording {
    /// The name of the sheet to fill, one row per application (台账).
    pub ledger_sheet: String,
    /// The name of the sheet explaining each column (填写说明).
    pub help_sheet: String,
    /// The name of the hidden sheet the drop-down lists take their choices from (选项).
    pub lists_sheet: String,
    /// Headers of the explanation sheet: column, what to write.
    pub help_headers: [String; 2],
    /// One explanation per column of [`columns`], in order.
    pub explanations: Vec<String>,
    /// Said when a value not on a list is typed.
    pub not_on_list: String,
}

/// The columns of the template for a format, in order.
pub fn columns(template: &Template) -> Vec<TemplateColumn> {
    let v = Vocabulary::get();
    let own = |names: &[String]| -> Vec<TemplateColumn> {
        names
            .iter()
            .map(|h| TemplateColumn {
                header: h.clone(),
                role: None,
            })
            .collect()
    };
    let read = |role: Role| TemplateColumn {
        header: v.header(role).to_string(),
        role: Some(role),
    };
    let mut out = own(&v.template.extra_before);
    out.extend([read(Role::Received), read(Role::Applicant)]);
    out.extend(own(&v.template.extra_middle));
    out.extend([read(Role::Result), read(Role::Concluded)]);
    if template.has_fees {
        out.extend([
            read(Role::FeeNoticeDate),
            read(Role::FeeBilled),
            read(Role::FeeCollected),
        ]);
    }
    out.extend(own(&v.template.extra_after));
    out
}

/// The drop-down choices: applicant types and results, exactly as the format prints them.
pub fn choices(template: &Template) -> (Vec<String>, Vec<String>) {
    let applicants = ApplicantLabels::new(template).headers();
    let results = ResultLabels::new(template).list_labels(template);
    (applicants, results)
}

/// The workbook of the template, before it is saved (tests fill rows into it).
pub fn build(template: &Template, wording: &Wording) -> Result<Workbook, XlsxError> {
    let columns = columns(template);
    let (applicants, results) = choices(template);
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#DDEBF7");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let money = Format::new().set_num_format("0.00");

    let sheet = workbook.add_worksheet();
    sheet.set_name(&wording.ledger_sheet)?;
    let lists = |column: &str, count: usize| {
        Formula::new(format!(
            "='{}'!${column}$1:${column}${}",
            wording.lists_sheet,
            count.max(1)
        ))
    };
    for (i, column) in columns.iter().enumerate() {
        let col = i as u16;
        sheet.write_string_with_format(0, col, &column.header, &header)?;
        let width = match column.role {
            Some(Role::Result) => 40.0,
            Some(Role::Applicant) => 14.0,
            None if i == 0 => 6.0,
            _ => 14.0,
        };
        sheet.set_column_width(col, width)?;
        match column.role {
            Some(Role::Received | Role::Concluded | Role::FeeNoticeDate) => {
                sheet.set_column_format(col, &date)?;
            }
            Some(Role::FeeBilled | Role::FeeCollected) => {
                sheet.set_column_format(col, &money)?;
            }
            Some(Role::Applicant) => {
                let validation = DataValidation::new()
                    .allow_list_formula(lists("A", applicants.len()))
                    .set_error_message(&wording.not_on_list)?;
                sheet.add_data_validation(1, col, ROWS, col, &validation)?;
            }
            Some(Role::Result) => {
                let validation = DataValidation::new()
                    .allow_list_formula(lists("B", results.len()))
                    .set_error_message(&wording.not_on_list)?;
                sheet.add_data_validation(1, col, ROWS, col, &validation)?;
            }
            _ => {}
        }
    }
    sheet.set_freeze_panes(1, 0)?;

    let help = workbook.add_worksheet();
    help.set_name(&wording.help_sheet)?;
    help.write_string_with_format(0, 0, &wording.help_headers[0], &header)?;
    help.write_string_with_format(0, 1, &wording.help_headers[1], &header)?;
    help.set_column_width(0, 18.0)?;
    help.set_column_width(1, 90.0)?;
    let wrap = Format::new().set_text_wrap();
    for (i, (column, text)) in columns.iter().zip(&wording.explanations).enumerate() {
        help.write_string(i as u32 + 1, 0, &column.header)?;
        help.write_string_with_format(i as u32 + 1, 1, text, &wrap)?;
    }

    let hidden = workbook.add_worksheet();
    hidden.set_name(&wording.lists_sheet)?;
    for (i, label) in applicants.iter().enumerate() {
        hidden.write_string(i as u32, 0, label)?;
    }
    for (i, label) in results.iter().enumerate() {
        hidden.write_string(i as u32, 1, label)?;
    }
    hidden.set_hidden(true);
    Ok(workbook)
}

/// Writes the template to `path` atomically.
pub fn write(
    path: &Path,
    template: &Template,
    wording: &Wording,
) -> Result<(), TemplateWriteError> {
    let mut workbook =
        build(template, wording).map_err(|e| TemplateWriteError::Xlsx(e.to_string()))?;
    let bytes = workbook
        .save_to_buffer()
        .map_err(|e| TemplateWriteError::Xlsx(e.to_string()))?;
    crate::atomic::write(path, &bytes).map_err(TemplateWriteError::Io)
}

/// Why the ledger template could not be written.
#[derive(Debug)]
pub enum TemplateWriteError {
    /// The workbook could not be built or encoded (the writer's own words): a defect of
    /// gongkai rather than anything the officer can fix, worth reporting.
    Xlsx(String),
    /// The file could not be written (no such folder, no permission, disk full): the officer
    /// chooses another place or frees space.
    Io(std::io::Error),
}
