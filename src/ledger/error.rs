//! What can be wrong with a ledger: the file as a whole ([`LedgerError`]), or single rows
//! ([`BadRow`]), each named as a spreadsheet shows it so the officer can find it.

use super::vocabulary::Role;
use std::path::PathBuf;

/// A ledger that cannot be counted.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerError {
    /// The file cannot be opened or read.
    Io {
        file: PathBuf,
        kind: std::io::ErrorKind,
        message: String,
    },
    /// Not a spreadsheet gongkai reads (by its extension).
    UnknownKind { file: PathBuf },
    /// The workbook is damaged or not what its name says.
    Workbook { file: PathBuf, message: String },
    /// A CSV in neither UTF-8 nor GB18030.
    Encoding { file: PathBuf },
    /// `--sheet` names a sheet the workbook lacks.
    NoSuchSheet {
        file: PathBuf,
        sheet: String,
        available: Vec<String>,
    },
    /// No row among the first ones holds the needed headers.
    Headers {
        file: PathBuf,
        sheet: Option<String>,
        /// The row that came closest (as the sheet numbers it), with what it has.
        row: Option<u32>,
        found: Vec<(Role, String)>,
        missing: Vec<Role>,
    },
    /// Rows that cannot be counted; nothing is counted then.
    BadRows {
        file: PathBuf,
        sheet: Option<String>,
        rows: Vec<BadRow>,
    },
    /// No format covers the year asked for.
    NoFormat { year: i32 },
}

impl LedgerError {
    pub fn file(&self) -> Option<&PathBuf> {
        match self {
            LedgerError::Io { file, .. }
            | LedgerError::UnknownKind { file }
            | LedgerError::Workbook { file, .. }
            | LedgerError::Encoding { file }
            | LedgerError::NoSuchSheet { file, .. }
            | LedgerError::Headers { file, .. }
            | LedgerError::BadRows { file, .. } => Some(file),
            LedgerError::NoFormat { .. } => None,
        }
    }
}

/// One row that cannot be counted.
#[derive(Debug, Clone, PartialEq)]
pub struct BadRow {
    /// The row number the spreadsheet shows (the first line of a CSV is row 1).
    pub row: u32,
    /// The column's letter and header, when the problem is one cell.
    pub column: Option<(String, String)>,
    pub problem: RowProblem,
}

/// Why a row cannot be counted, with what was expected.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// A needed cell is empty.
    Missing(Role),
    /// Not a date, or a day that does not exist, or one too far from now to be meant.
    BadDate {
        value: String,
    },
    UnknownApplicant {
        value: String,
        /// Each applicant column's header, with the other words accepted for it.
        expected: Vec<(String, Vec<String>)>,
    },
    UnknownResult {
        value: String,
        template: String,
        year: i32,
        closest: Option<String>,
    },
    AmbiguousResult {
        value: String,
        candidates: Vec<String>,
    },
    ConcludedBeforeReceived {
        received: jiff::civil::Date,
        concluded: jiff::civil::Date,
    },
    ResultWithoutConclusion {
        value: String,
    },
    ConclusionWithoutResult,
    BadAmount {
        value: String,
    },
    BadAnswer {
        value: String,
    },
}
