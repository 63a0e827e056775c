//! Computed cells (总计 column, （七）总计, each 总计 of table 四) and a view of every cell's value.
//!
//! A total is the sum of the typed cells it covers. It is complete only when none of them is
//! blank; a partial sum is still kept so a screen can show it with its blanks counted.

use crate::report::{Draft, Number};
use crate::template::{Table, Template};
use std::collections::BTreeMap;

/// One computed cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Total {
    /// The sum of the cells that are filled (`None` if the sum overflowed).
    pub value: Option<Number>,
    /// How many of the cells it covers are blank.
    pub blanks: usize,
}

impl Total {
    /// The value, only if no covered cell is blank.
    pub fn complete(&self) -> Option<Number> {
        if self.blanks == 0 { self.value } else { None }
    }
}

/// Every computed cell of a draft, by cell key.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Totals(pub BTreeMap<String, Total>);

impl Totals {
    /// The computed cell with this key (`table.row.column`); `None` for a typed cell.
    pub fn get(&self, key: &str) -> Option<&Total> {
        self.0.get(key)
    }
}

/// Computes every total of a draft.
pub fn totals(template: &Template, draft: &Draft) -> Totals {
    let compiled = template.compiled();
    let values = compiled.input_values(&draft.cells);
    let mut out = BTreeMap::new();
    for cell in &compiled.computed {
        let mut total = Total {
            value: Some(Number::zero(cell.kind)),
            blanks: 0,
        };
        for &part in &cell.parts {
            match values[part] {
                Some(n) => total.value = total.value.and_then(|v| v.checked_add(n)),
                None => total.blanks += 1,
            }
        }
        out.insert(cell.key.clone(), total);
    }
    Totals(out)
}

/// A draft with its totals: the value of any cell, typed or computed.
pub struct Sheet<'a> {
    /// The format that says which cells exist and which are computed.
    pub template: &'a Template,
    /// The draft: its typed figures, units and prose.
    pub draft: &'a Draft,
    /// The computed cells, worked out from `draft` by [`totals`].
    pub totals: &'a Totals,
}

impl Sheet<'_> {
    /// A cell's value when it is known: typed, or computed from cells none of which is blank.
    pub fn known(&self, key: &str) -> Option<Number> {
        match self.totals.get(key) {
            Some(total) => total.complete(),
            None => self.draft.cell(key),
        }
    }

    /// Sums the given rows × columns of a table; `None` if any cell is unknown.
    pub fn sum(&self, table: &Table, rows: &[&str], columns: &[&str]) -> Option<Number> {
        let mut sum = Number::Count(0);
        for row in rows {
            for column in columns {
                let n = self.known(&crate::template::cell_key(&table.key, row, column))?;
                sum = sum.checked_add(n)?;
            }
        }
        Some(sum)
    }
}
