//! Reading a ledger file into rows of cells, whatever it is: `.xlsx`, `.xls`, `.ods` through
//! calamine, `.csv` in UTF-8 (with or without BOM) or GB18030. Rows keep the numbers the
//! spreadsheet shows, so a problem can name the row the officer sees.

use super::error::LedgerError;
use calamine::{Data, Reader};
use jiff::civil::Date;
use std::path::Path;

/// One cell, as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text as typed (a date typed as text is read from it later); also an error cell, as
    /// `#` and its name.
    Text(String),
    /// A number, which in a date column is an Excel serial day.
    Number(f64),
    /// A cell formatted as a date.
    Date(Date),
    /// A TRUE/FALSE cell, which answers 是否发出收费通知.
    Bool(bool),
}

impl Cell {
    /// Whether the officer would see nothing in it: no value, or only spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the officer would read it, for messages.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// One row and the number the spreadsheet shows for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// 1-based, as the spreadsheet numbers the row (a CSV's record count), so the officer
    /// can find it.
    pub number: u32,
    /// The cells from the sheet's [`first_column`](Sheet::first_column) on.
    pub cells: Vec<Cell>,
}

/// The rows of the sheet a ledger is read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name in a workbook; `None` for a CSV.
    pub name: Option<String>,
    /// How many columns lie left of the first cell (a workbook whose column A is empty).
    pub first_column: u32,
    /// Every row of the sheet's used range, top to bottom, blank ones included.
    pub rows: Vec<SheetRow>,
}

/// The letters of a column as a spreadsheet shows them (0 → A, 26 → AA).
pub fn column_letters(index: u32) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Reads the sheet a ledger's figures are on: `sheet` when given, else the one named for the
/// year (「2024」, 「2024年台账」), else the first.
pub fn read(path: &Path, year: Option<i32>, sheet: Option<&str>) -> Result<Sheet, LedgerError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" => read_csv(path),
        "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => read_workbook(path, year, sheet),
        _ => Err(LedgerError::UnknownKind {
            file: path.to_path_buf(),
        }),
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> LedgerError {
    LedgerError::Io {
        file: path.to_path_buf(),
        kind: e.kind(),
        message: e.to_string(),
    }
}

/// CSV text in UTF-8 (a BOM dropped) or, failing that, GB18030 as Chinese Excel saves it.
pub fn decode_csv(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

fn read_csv(path: &Path) -> Result<Sheet, LedgerError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    let text = decode_csv(&bytes).ok_or_else(|| LedgerError::Encoding {
        file: path.to_path_buf(),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| LedgerError::Workbook {
            file: path.to_path_buf(),
            message: e.to_string(),
        })?;
        rows.push(SheetRow {
            // A record is a row of the spreadsheet the CSV came from, even when a quoted cell
            // spans several lines of the file.
            number: index as u32 + 1,
            cells: record
                .iter()
                .map(|field| {
                    if field.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(field.to_string())
                    }
                })
                .collect(),
        });
    }
    Ok(Sheet {
        name: None,
        first_column: 0,
        rows,
    })
}

fn read_workbook(
    path: &Path,
    year: Option<i32>,
    sheet: Option<&str>,
) -> Result<Sheet, LedgerError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if !meta.is_file() {
        return Err(io_error(path, &std::io::ErrorKind::IsADirectory.into()));
    }
    let workbook_error = |message: String| LedgerError::Workbook {
        file: path.to_path_buf(),
        message,
    };
    let mut workbook =
        calamine::open_workbook_auto(path).map_err(|e| workbook_error(e.to_string()))?;
    let names = workbook.sheet_names();
    let chosen = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| LedgerError::NoSuchSheet {
                file: path.to_path_buf(),
                sheet: wanted.to_string(),
                available: names.clone(),
            })?,
        None => year
            .and_then(|y| {
                let digits = y.to_string();
                names
                    .iter()
                    .find(|n| n.trim().starts_with(&digits))
                    .cloned()
            })
            .or_else(|| names.first().cloned())
            .ok_or_else(|| workbook_error(String::new()))?,
    };
    let range = workbook
        .worksheet_range(&chosen)
        .map_err(|e| workbook_error(e.to_string()))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| SheetRow {
            number: first_row + i as u32 + 1,
            cells: cells.iter().map(cell).collect(),
        })
        .collect();
    Ok(Sheet {
        name: Some(chosen),
        first_column,
        rows,
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match Date::new(y as i16, m as i8, d as i8) {
                Ok(date) => Cell::Date(date),
                Err(_) => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn csv_in_utf8_with_bom_and_in_gb18030_read_the_same() {
        let text = "收到日期,申请人类型\n2024-01-02,公民\n";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode_csv(&with_bom).as_deref(), Some(text));
        assert_eq!(decode_csv(&gb).as_deref(), Some(text));
        assert_eq!(decode_csv(text.as_bytes()).as_deref(), Some(text));
    }
}
