//! What can be wrong with a ledger: the file as a whole ([`LedgerError`]), or single rows
//! ([`BadRow`]), each named as a spreadsheet shows it so the officer can find it.

use super::vocabulary::Role;
use std::path::PathBuf;

/// A ledger that cannot be counted.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerError {
    /// The file cannot be opened or read.
    Io {
        /// The ledger file, as given.
        file: PathBuf,
        /// What failed (not found, permission denied, …), which picks the sentence shown.
        kind: std::io::ErrorKind,
        /// The system's own words, shown after that sentence.
        message: String,
    },
    /// Not a spreadsheet gongkai reads (by its extension).
    UnknownKind {
        /// The ledger file, as given.
        file: PathBuf,
    },
    /// The workbook is damaged or not what its name says.
    Workbook {
        /// The ledger file, as given.
        file: PathBuf,
        /// The spreadsheet reader's own words (English), shown in the English sentence only.
        message: String,
    },
    /// A CSV in neither UTF-8 nor GB18030.
    Encoding {
        /// The ledger file, as given.
        file: PathBuf,
    },
    /// `--sheet` names a sheet the workbook lacks.
    NoSuchSheet {
        /// The ledger file, as given.
        file: PathBuf,
        /// The sheet name asked for.
        sheet: String,
        /// The workbook's sheet names in order, so the officer can pick the right one.
        available: Vec<String>,
    },
    /// No row among the first ones holds the needed headers.
    Headers {
        /// The ledger file, as given.
        file: PathBuf,
        /// The sheet searched; `None` for a CSV.
        sheet: Option<String>,
        /// The row that came closest (as the sheet numbers it), with what it has.
        row: Option<u32>,
        /// The columns that row has, each with the header text as the sheet writes it.
        found: Vec<(Role, String)>,
        /// The [required](Role::REQUIRED) columns that row lacks; the message lists the
        /// headers accepted for each.
        missing: Vec<Role>,
    },
    /// Rows that cannot be counted; nothing is counted then.
    BadRows {
        /// The ledger file, as given.
        file: PathBuf,
        /// The sheet read; `None` for a CSV.
        sheet: Option<String>,
        /// Every problem found, in sheet order; a row with several problems appears once for
        /// each.
        rows: Vec<BadRow>,
    },
    /// No format covers the year asked for.
    NoFormat {
        /// The report year asked for, earlier than any format's.
        year: i32,
    },
}

/// One row that cannot be counted.
#[derive(Debug, Clone, PartialEq)]
pub struct BadRow {
    /// The row number the spreadsheet shows (the first line of a CSV is row 1).
    pub row: u32,
    /// The column's letter and header, when the problem is one cell.
    pub column: Option<(String, String)>,
    /// What is wrong with it.
    pub problem: RowProblem,
}

/// Why a row cannot be counted, with what was expected.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// A needed cell is empty.
    Missing(Role),
    /// Not a date, or a day that does not exist, or one in a year no ledger can mean
    /// ([`PLAUSIBLE_YEARS`](super::dates::PLAUSIBLE_YEARS)).
    BadDate {
        /// The cell as the officer sees it.
        value: String,
    },
    /// The 申请人类型 is neither one of the six official applicant types nor a word accepted
    /// for one (公民, 企业, …): write one of them.
    UnknownApplicant {
        /// The cell as written.
        value: String,
        /// Each applicant column's header, with the other words accepted for it.
        expected: Vec<(String, Vec<String>)>,
    },
    /// The 办理结果 is no result row of the format in force the year the case was concluded:
    /// write that row's label (its group may go before it), or correct a mistyped 办结日期.
    UnknownResult {
        /// The cell as written.
        value: String,
        /// The format it was matched against (`gip-2021`).
        template: String,
        /// The year the case was concluded, which chose the format.
        year: i32,
        /// The official label nearest to what was written, when one is near enough to suggest.
        closest: Option<String>,
    },
    /// The 办理结果 fits several result rows: write its group before it
    /// (「（三）不予公开 1.属于国家秘密」).
    AmbiguousResult {
        /// The cell as written.
        value: String,
        /// The official labels of the rows it fits.
        candidates: Vec<String>,
    },
    /// The 办结日期 is earlier than the 收到日期: one of them is mistyped.
    ConcludedBeforeReceived {
        /// The 收到日期 as read.
        received: jiff::civil::Date,
        /// The 办结日期 as read.
        concluded: jiff::civil::Date,
    },
    /// A 办理结果 without a 办结日期: fill the date, or clear the result while the case is open.
    ResultWithoutConclusion {
        /// The result as written.
        value: String,
    },
    /// A 办结日期 without a 办理结果: fill the result, or clear the date while the case is open.
    ConclusionWithoutResult,
    /// A fee amount (收费金额, 实收金额) that is not a number of 元 ≥ 0 with at most four
    /// decimal places (thousands commas, ¥ and 元 are allowed): write the bare number.
    BadAmount {
        /// The cell as the officer sees it.
        value: String,
    },
    /// A 是否发出收费通知 cell that is neither a yes nor a no word of
    /// [`Answers`](super::vocabulary::Answers): write 是 or 否.
    BadAnswer {
        /// The cell as the officer sees it.
        value: String,
    },
}
