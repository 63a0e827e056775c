//! Turning the rows under the header into cases: when each came, who asked, how and when it
//! was concluded, what fee was asked. Every row that cannot be counted is named, never
//! dropped; a row in which none of the read columns is filled is skipped as empty.

use super::dates;
use super::error::{BadRow, RowProblem};
use super::header::Columns;
use super::labels::{ApplicantLabels, Matchers, ResultMatch};
use super::sheet::{Cell, Sheet, SheetRow, column_letters};
use super::text::normalize;
use super::vocabulary::{Role, Vocabulary};
use crate::template::Template;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// One application.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The row number the spreadsheet shows.
    pub row: u32,
    /// 收到日期: with [`concluded`](Case::concluded), it decides 一, 二 and 四.
    pub received: Date,
    /// `None`: still open.
    pub concluded: Option<Date>,
    /// Index into [`Cases::applicants`].
    pub applicant: usize,
    /// The result's row key in the format of the year it was concluded.
    pub result: Option<String>,
    /// The fee notice sent, if any; always `None` when the ledger has no fee columns.
    pub fee: Option<Fee>,
}

/// A fee notice sent for a case.
#[derive(Debug, Clone, PartialEq)]
pub struct Fee {
    /// The year the notice counts in.
    pub year: i16,
    /// 收费金额 in 元; 0 when the cell is empty.
    pub billed: Decimal,
    /// 实收金额 in 元; 0 when the cell is empty.
    pub collected: Decimal,
}

/// The cases of a ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Cases {
    /// The sheet read; `None` for a CSV.
    pub sheet: Option<String>,
    /// Applicant column keys, which [`Case::applicant`] indexes.
    pub applicants: Vec<String>,
    /// Whether the ledger has fee columns (then the fee figures are counted too).
    pub has_fees: bool,
    /// One per filled row, in sheet order.
    pub cases: Vec<Case>,
}

/// The format a case concluded in `year` is matched against: the one in force, else the
/// nearest (a case of 2018 against the first format).
pub fn template_for(year: i32) -> &'static Template {
    let all = Template::all();
    Template::for_year(year).unwrap_or_else(|| {
        if all.first().is_some_and(|t| year < t.first_year) {
            &all[0]
        } else {
            &all[all.len() - 1]
        }
    })
}

struct RowReader<'a> {
    row: &'a SheetRow,
    columns: &'a Columns,
    first_column: u32,
    problems: Vec<BadRow>,
}

impl RowReader<'_> {
    fn cell(&self, role: Role) -> &Cell {
        self.columns
            .get(role)
            .and_then(|i| self.row.cells.get(i))
            .unwrap_or(&Cell::Empty)
    }

    fn column(&self, role: Role) -> Option<(String, String)> {
        let (index, header) = self.columns.by_role.get(&role)?;
        Some((
            column_letters(self.first_column + *index as u32),
            header.clone(),
        ))
    }

    fn problem(&mut self, role: Option<Role>, problem: RowProblem) {
        self.problems.push(BadRow {
            row: self.row.number,
            column: role.and_then(|r| self.column(r)),
            problem,
        });
    }

    fn text(&self, role: Role) -> Option<String> {
        let cell = self.cell(role);
        (!cell.is_empty()).then(|| cell.shown())
    }

    fn date(&mut self, role: Role) -> Option<Date> {
        let cell = self.cell(role).clone();
        let date = match &cell {
            Cell::Empty => return None,
            Cell::Text(t) if t.trim().is_empty() => return None,
            Cell::Date(d) => Some(*d),
            Cell::Number(n) => dates::from_serial(*n),
            Cell::Text(t) => dates::parse(t),
            Cell::Bool(_) => None,
        };
        match date.filter(|d| dates::plausible(*d)) {
            Some(d) => Some(d),
            None => {
                self.problem(
                    Some(role),
                    RowProblem::BadDate {
                        value: cell.shown(),
                    },
                );
                None
            }
        }
    }

    fn amount(&mut self, role: Role) -> Decimal {
        let cell = self.cell(role).clone();
        let parsed = match &cell {
            Cell::Empty => return Decimal::ZERO,
            Cell::Number(n) => n.to_string().parse::<Decimal>().ok(),
            Cell::Text(t) => {
                let t: String = normalize(t)
                    .chars()
                    .filter(|c| !matches!(c, ',' | '，' | '¥' | '￥' | '元'))
                    .collect();
                if t.is_empty() {
                    return Decimal::ZERO;
                }
                t.parse::<Decimal>().ok()
            }
            _ => None,
        };
        match parsed.filter(|d| !d.is_sign_negative() && d.scale() <= 4) {
            Some(d) => d,
            None => {
                self.problem(
                    Some(role),
                    RowProblem::BadAmount {
                        value: cell.shown(),
                    },
                );
                Decimal::ZERO
            }
        }
    }

    fn answer(&mut self, role: Role) -> Option<bool> {
        let text = normalize(&self.text(role)?);
        let answers = &Vocabulary::get().answers;
        let said = |words: &[String]| words.iter().any(|w| normalize(w) == text);
        if matches!(self.cell(role), Cell::Bool(true)) || said(&answers.yes) {
            Some(true)
        } else if matches!(self.cell(role), Cell::Bool(false)) || said(&answers.no) {
            Some(false)
        } else {
            let value = self.cell(role).shown();
            self.problem(Some(role), RowProblem::BadAnswer { value });
            None
        }
    }
}

/// Reads every row under the header into cases, or lists every row that cannot be read.
pub fn read(sheet: &Sheet, columns: &Columns) -> Result<Cases, Vec<BadRow>> {
    // The six applicant columns are the same in every format: the newest one names them.
    let newest = &Template::all()[Template::all().len() - 1];
    let applicant_labels = ApplicantLabels::new(newest);
    let mut matchers = Matchers::default();
    let mut cases = Vec::new();
    let mut bad = Vec::new();
    let read_roles: Vec<usize> = columns.by_role.values().map(|(i, _)| *i).collect();
    for row in &sheet.rows[columns.header_index + 1..] {
        if read_roles
            .iter()
            .all(|i| row.cells.get(*i).is_none_or(Cell::is_empty))
        {
            continue;
        }
        let mut r = RowReader {
            row,
            columns,
            first_column: sheet.first_column,
            problems: Vec::new(),
        };
        let received = r.date(Role::Received);
        if r.cell(Role::Received).is_empty() {
            r.problem(Some(Role::Received), RowProblem::Missing(Role::Received));
        }
        let concluded = r.date(Role::Concluded);
        let concluded_blank = r.cell(Role::Concluded).is_empty();
        let applicant = match r.text(Role::Applicant) {
            None => {
                r.problem(Some(Role::Applicant), RowProblem::Missing(Role::Applicant));
                None
            }
            Some(text) => {
                let found = applicant_labels.find(&text);
                if found.is_none() {
                    r.problem(
                        Some(Role::Applicant),
                        RowProblem::UnknownApplicant {
                            value: text,
                            expected: applicant_labels.described(),
                        },
                    );
                }
                found
            }
        };
        let result_text = r.text(Role::Result);
        let result = match (&result_text, concluded, concluded_blank) {
            (Some(text), _, true) => {
                r.problem(
                    Some(Role::Concluded),
                    RowProblem::ResultWithoutConclusion {
                        value: text.clone(),
                    },
                );
                None
            }
            (None, _, false) => {
                r.problem(Some(Role::Result), RowProblem::ConclusionWithoutResult);
                None
            }
            (Some(text), Some(day), false) => {
                let year = i32::from(day.year());
                let template = template_for(year);
                match matchers.result(template, text) {
                    ResultMatch::Row(key) => Some(key),
                    ResultMatch::Unknown { closest } => {
                        r.problem(
                            Some(Role::Result),
                            RowProblem::UnknownResult {
                                value: text.clone(),
                                template: template.id.clone(),
                                year,
                                closest,
                            },
                        );
                        None
                    }
                    ResultMatch::Ambiguous(candidates) => {
                        r.problem(
                            Some(Role::Result),
                            RowProblem::AmbiguousResult {
                                value: text.clone(),
                                candidates,
                            },
                        );
                        None
                    }
                }
            }
            // An impossible 办结日期, already named.
            _ => None,
        };
        if let (Some(received), Some(concluded)) = (received, concluded)
            && concluded < received
        {
            r.problem(
                Some(Role::Concluded),
                RowProblem::ConcludedBeforeReceived {
                    received,
                    concluded,
                },
            );
        }
        let fee = if columns.has_fees() {
            fee(&mut r, received, concluded)
        } else {
            None
        };
        if r.problems.is_empty()
            && let (Some(received), Some(applicant)) = (received, applicant)
        {
            cases.push(Case {
                row: row.number,
                received,
                concluded,
                applicant,
                result,
                fee,
            });
        }
        bad.append(&mut r.problems);
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    Ok(Cases {
        sheet: sheet.name.clone(),
        applicants: applicant_labels.keys(),
        has_fees: columns.has_fees(),
        cases,
    })
}

/// The fee notice of a row: sent when its notice date is filled, or 是否发出收费通知 says so,
/// or (with neither column) an amount was billed. It counts in the year of its notice date;
/// without one, in the year the case was concluded (or received, while open).
fn fee(r: &mut RowReader, received: Option<Date>, concluded: Option<Date>) -> Option<Fee> {
    let has = |role| r.columns.by_role.contains_key(&role);
    let notice_date = if has(Role::FeeNoticeDate) {
        r.date(Role::FeeNoticeDate)
    } else {
        None
    };
    let sent = if notice_date.is_some() {
        true
    } else if has(Role::FeeNotice) {
        r.answer(Role::FeeNotice).unwrap_or(false)
    } else if has(Role::FeeNoticeDate) {
        false
    } else {
        !r.cell(Role::FeeBilled).is_empty()
    };
    let billed = r.amount(Role::FeeBilled);
    let collected = r.amount(Role::FeeCollected);
    if !sent {
        return None;
    }
    let year = notice_date.or(concluded).or(received)?.year();
    Some(Fee {
        year,
        billed,
        collected,
    })
}
