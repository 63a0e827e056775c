//! Counting table 三 of one year from the cases: 一 received in the year; 二 received before
//! it and not concluded before 1月1日; each result row, concluded in the year by its result;
//! 四 received by 12月31日 and not concluded by then. Per applicant column. So
//! 一 + 二 = （七） + 四 holds by construction. The fee figures count in the year of the notice.

use super::cases::Cases;
use super::error::LedgerError;
use super::vocabulary::Vocabulary;
use crate::report::Number;
use crate::template::{Kind, Template};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Table 三 (and the fee figures) of one year as the ledger gives them.
#[derive(Debug, Clone)]
pub struct Counted {
    /// The report year counted.
    pub year: i32,
    /// The format in force that year, whose table 三 and fees the figures fill.
    pub template: &'static Template,
    /// Counts by cell key (`requests.row.column`), every input cell of the rows a ledger fills.
    pub cells: BTreeMap<String, u64>,
    /// `None` when the ledger has no fee columns or the format states no fees.
    pub fees: Option<FeeTotals>,
}

/// The 信息处理费 figures of one year, from the cases whose fee notice counts in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeeTotals {
    /// 发出收费通知的件数.
    pub notices: u64,
    /// 收费通知总金额, in 元.
    pub billed: Decimal,
    /// 实际收取的总金额, in 元.
    pub collected: Decimal,
}

impl Counted {
    /// Every figure as the draft holds it, cells and fees (`fees.<key>`), in the format's
    /// order.
    pub fn values(&self) -> Vec<(String, Number)> {
        let v = Vocabulary::get();
        let mut out = Vec::new();
        if let Some(table) = self.template.table(&v.rows.table) {
            for cell in table.input_cells() {
                if let Some(n) = self.cells.get(&cell.key()) {
                    out.push((cell.key(), Number::Count(*n)));
                }
            }
        }
        if let Some(fees) = self.fees {
            let figures = [
                (&v.fees.notices, Number::Count(fees.notices)),
                (&v.fees.billed, Number::Amount(fees.billed)),
                (&v.fees.collected, Number::Amount(fees.collected)),
            ];
            for (key, figure) in figures {
                let Some(field) = self.template.fee(key) else {
                    continue;
                };
                let figure = match (field.kind, figure) {
                    (Kind::Amount, Number::Count(n)) => Number::Amount(Decimal::from(n)),
                    (_, figure) => figure,
                };
                out.push((format!("fees.{key}"), figure));
            }
        }
        out
    }

    /// The count of one cell, 0 when the table has it and no case fell there.
    pub fn get(&self, row: &str, column: &str) -> Option<u64> {
        let v = Vocabulary::get();
        self.cells
            .get(&crate::template::cell_key(&v.rows.table, row, column))
            .copied()
    }
}

/// Counts table 三 of `year` in that year's format.
pub fn count(cases: &Cases, year: i32) -> Result<Counted, LedgerError> {
    let template = Template::for_year(year).ok_or(LedgerError::NoFormat { year })?;
    let v = Vocabulary::get();
    let table = template
        .table(&v.rows.table)
        .ok_or(LedgerError::NoFormat { year })?;
    let result_rows: Vec<&str> = table
        .expand_rows(&v.rows.results)
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    let key = |row: &str, column: &str| crate::template::cell_key(&table.key, row, column);
    let mut cells = BTreeMap::new();
    for row in [
        &v.rows.received,
        &v.rows.carried_over,
        &v.rows.carried_forward,
    ]
    .into_iter()
    .map(String::as_str)
    .chain(result_rows.iter().copied())
    {
        for column in &cases.applicants {
            cells.insert(key(row, column), 0u64);
        }
    }
    // Dates hold years of four digits at most: no case falls in a year beyond them.
    let year16 = i16::try_from(year).map_err(|_| LedgerError::NoFormat { year })?;
    let mut add = |row: &str, column: &str| {
        if let Some(n) = cells.get_mut(&key(row, column)) {
            *n += 1;
        }
    };
    for case in &cases.cases {
        let column = &cases.applicants[case.applicant];
        let received = case.received.year();
        let concluded = case.concluded.map(|d| d.year());
        if received == year16 {
            add(&v.rows.received, column);
        }
        if received < year16 && concluded.is_none_or(|c| c >= year16) {
            add(&v.rows.carried_over, column);
        }
        if concluded == Some(year16)
            && let Some(result) = &case.result
        {
            add(result, column);
        }
        if received <= year16 && concluded.is_none_or(|c| c > year16) {
            add(&v.rows.carried_forward, column);
        }
    }
    let fees = (cases.has_fees && template.has_fees).then(|| {
        let mut totals = FeeTotals::default();
        for fee in cases.cases.iter().filter_map(|c| c.fee.as_ref()) {
            if fee.year == year16 {
                totals.notices += 1;
                totals.billed += fee.billed;
                totals.collected += fee.collected;
            }
        }
        totals
    });
    Ok(Counted {
        year,
        template,
        cells,
        fees,
    })
}
