//! Finding the header row of a ledger — often below a title row or two — and which column
//! holds what, by the headers offices write (`assets/ledger.toml`).

use super::error::LedgerError;
use super::sheet::{Cell, Sheet};
use super::text::{normalize, strip_trailing_note};
use super::vocabulary::{Role, Vocabulary};
use std::collections::BTreeMap;
use std::path::Path;

/// How many rows from the top may hold the header (title rows, a note, a blank line above it).
const HEADER_SEARCH_ROWS: usize = 20;

/// Column index and header text, by what the column holds.
pub type RoleColumns = BTreeMap<Role, (usize, String)>;

/// Where the header is and which column holds what.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Index into the sheet's rows of the header row; the data rows follow it.
    pub header_index: usize,
    /// Column index (within the sheet's cells) and header text, by role.
    pub by_role: RoleColumns,
}

impl Columns {
    /// The index (within the sheet's cells) of the column holding `role`, if the ledger has
    /// one.
    pub fn get(&self, role: Role) -> Option<usize> {
        self.by_role.get(&role).map(|(i, _)| *i)
    }

    /// Whether the ledger has fee columns: a notice date, 是否发出收费通知 or 收费金额. A
    /// 实收金额 column alone is not one.
    pub fn has_fees(&self) -> bool {
        [Role::FeeNoticeDate, Role::FeeNotice, Role::FeeBilled]
            .iter()
            .any(|r| self.by_role.contains_key(r))
    }
}

/// The comparable form of a header: no spaces, no leading *, no trailing note in brackets.
fn header_form(text: &str) -> String {
    strip_trailing_note(&normalize(text)).to_string()
}

/// The roles a row's cells name, with the column of each (the first synonym found wins).
fn roles_in(cells: &[Cell]) -> RoleColumns {
    let vocabulary = Vocabulary::get();
    let headers: Vec<(usize, String, String)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Cell::Text(t) if !t.trim().is_empty() => {
                Some((i, header_form(t), t.trim().to_string()))
            }
            _ => None,
        })
        .collect();
    let mut found = BTreeMap::new();
    for role in Role::ALL {
        'synonyms: for synonym in vocabulary.headers(role) {
            let wanted = header_form(synonym);
            for (i, form, shown) in &headers {
                if *form == wanted && !found.values().any(|(j, _)| j == i) {
                    found.insert(role, (*i, shown.clone()));
                    break 'synonyms;
                }
            }
        }
    }
    found
}

/// The first row among the top ones that names every needed column.
pub fn find(sheet: &Sheet, file: &Path) -> Result<Columns, LedgerError> {
    let mut best: Option<(usize, RoleColumns)> = None;
    for (index, row) in sheet.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let found = roles_in(&row.cells);
        if Role::REQUIRED.iter().all(|r| found.contains_key(r)) {
            return Ok(Columns {
                header_index: index,
                by_role: found,
            });
        }
        if best.as_ref().is_none_or(|(_, b)| found.len() > b.len()) {
            best = Some((index, found));
        }
    }
    let (row, found) = match best {
        Some((index, found)) if !found.is_empty() => (Some(sheet.rows[index].number), found),
        _ => (None, BTreeMap::new()),
    };
    Err(LedgerError::Headers {
        file: file.to_path_buf(),
        sheet: sheet.name.clone(),
        row,
        missing: Role::REQUIRED
            .iter()
            .filter(|r| !found.contains_key(r))
            .copied()
            .collect(),
        found: found.into_iter().map(|(r, (_, text))| (r, text)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::sheet::SheetRow;

    fn row(number: u32, cells: &[&str]) -> SheetRow {
        SheetRow {
            number,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_string())
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn the_header_is_found_below_a_title_with_synonyms() {
        let sheet = Sheet {
            name: Some("2024".into()),
            first_column: 0,
            rows: vec![
                row(1, &["某局2024年依申请公开登记台账"]),
                row(2, &[]),
                row(
                    3,
                    &[
                        "序号",
                        "受理日期",
                        "申请人类别",
                        "答复类型",
                        "答复日期（年/月/日）",
                        "*实收金额",
                    ],
                ),
            ],
        };
        let columns = find(&sheet, Path::new("a.xlsx")).expect("found");
        assert_eq!(columns.header_index, 2);
        assert_eq!(columns.get(Role::Received), Some(1));
        assert_eq!(columns.get(Role::Applicant), Some(2));
        assert_eq!(columns.get(Role::Result), Some(3));
        assert_eq!(columns.get(Role::Concluded), Some(4));
        assert_eq!(columns.get(Role::FeeCollected), Some(5));
        assert!(!columns.has_fees());
    }

    #[test]
    fn missing_headers_say_what_was_found_and_what_is_needed() {
        let sheet = Sheet {
            name: None,
            first_column: 0,
            rows: vec![row(1, &["日期", "申请人类型", "结果"])],
        };
        match find(&sheet, Path::new("a.csv")) {
            Err(LedgerError::Headers {
                row,
                found,
                missing,
                ..
            }) => {
                assert_eq!(row, Some(1));
                assert_eq!(found, vec![(Role::Applicant, "申请人类型".to_string())]);
                assert_eq!(missing, vec![Role::Received, Role::Result, Role::Concluded]);
            }
            other => panic!("{other:?}"),
        }
    }
}
