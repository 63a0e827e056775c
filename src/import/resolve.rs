//! Choosing among the readings of each printed row with the printed totals, never by guess:
//! a row read more than one way is settled only when the totals of its table (the 总计 column,
//! the （七）总计 row, 一+二 = （七）+四, table 四's 总计) leave exactly one reading; else it
//! stays blank and is reported. Then every printed total is compared with the sum of its
//! parts, and a disagreement becomes the finding `import.printed_total`.

use super::PRINTED_TOTAL;
use super::prose::number_of;
use super::summary::{BlankReason, Deviation, Summary};
use super::tables::ReadRow;
use super::values::Printed;
use crate::check::{Detail, Finding, Severity};
use crate::report::{Draft, Number};
use crate::template::{Table, Template};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// How many combinations of ambiguous rows are tried before giving up (blank and reported).
const MAX_COMBINATIONS: usize = 100_000;

/// The figures chosen so far: `(table, row, column)` → value.
type Figures = HashMap<(String, String, String), Option<Decimal>>;

fn put(figures: &mut Figures, row: &ReadRow, reading: &[Printed]) {
    put_read(figures, row, reading, Printed::figure);
}

/// Puts a reading's cells into `figures`, each as `read` takes it.
fn put_read(
    figures: &mut Figures,
    row: &ReadRow,
    reading: &[Printed],
    read: impl Fn(&Printed) -> Option<Decimal>,
) {
    let n = row.block.columns.len();
    for (r, template_row) in row.rows.iter().enumerate() {
        for (c, column) in row.block.columns.iter().enumerate() {
            let value = reading.get(r * n + c).and_then(&read);
            figures.insert(
                (
                    row.table.key.clone(),
                    template_row.key.clone(),
                    column.key.clone(),
                ),
                value,
            );
        }
    }
}

/// The value of a row (input or computed) in a column: as printed if it was, else the sum of
/// its parts when they are all known.
fn value_of(table: &Table, figures: &Figures, row: &str, column: &str) -> Option<Decimal> {
    if let Some(v) = figures.get(&(table.key.clone(), row.to_string(), column.to_string())) {
        return *v;
    }
    let (_, r) = table.row(row)?;
    let parts = r.sum.as_ref()?;
    let mut sum = Decimal::ZERO;
    for key in parts {
        for part in table.expand_rows(key) {
            sum += figures
                .get(&(table.key.clone(), part.key.clone(), column.to_string()))?
                .as_ref()?;
        }
    }
    Some(sum)
}

/// Whether the figures keep a table's printed totals and its balance, where all are known.
fn consistent(template: &Template, table: &Table, figures: &Figures) -> bool {
    let Some(block) = table.blocks.first() else {
        return true;
    };
    for (_, row) in table.rows() {
        let Some(parts) = &row.sum else { continue };
        for column in &block.columns {
            let Some(Some(printed)) =
                figures.get(&(table.key.clone(), row.key.clone(), column.key.clone()))
            else {
                continue;
            };
            let mut sum = Some(Decimal::ZERO);
            for key in parts {
                for part in table.expand_rows(key) {
                    sum = match (
                        sum,
                        figures.get(&(table.key.clone(), part.key.clone(), column.key.clone())),
                    ) {
                        (Some(s), Some(Some(v))) => Some(s + v),
                        _ => None,
                    };
                }
            }
            if sum.is_some_and(|s| s != *printed) {
                return false;
            }
        }
    }
    let balance = &template.checks.balance;
    if balance.table == table.key {
        for column in &block.columns {
            let side = |rows: &[String]| -> Option<Decimal> {
                rows.iter()
                    .map(|r| value_of(table, figures, r, &column.key))
                    .sum::<Option<Decimal>>()
            };
            if let (Some(l), Some(r)) = (side(&balance.left), side(&balance.right))
                && l != r
            {
                return false;
            }
        }
    }
    true
}

/// Settles every row, writes the figures into the draft, and returns the printed-total findings.
pub fn resolve(
    template: &Template,
    rows: Vec<ReadRow>,
    draft: &mut Draft,
    summary: &mut Summary,
) -> Vec<Finding> {
    let mut figures: Figures = HashMap::new();
    let mut chosen: Vec<Option<usize>> = vec![None; rows.len()];
    // Rows read one way are fixed; groups printed as one row take no part in the totals.
    for (i, row) in rows.iter().enumerate() {
        if row.readings.len() == 1 && row.group.is_none() {
            chosen[i] = Some(0);
            put(&mut figures, row, &row.readings[0]);
        }
    }
    for table in &template.tables {
        let ambiguous: Vec<usize> = (0..rows.len())
            .filter(|&i| {
                std::ptr::eq(rows[i].table, table)
                    && rows[i].readings.len() > 1
                    && rows[i].group.is_none()
            })
            .collect();
        if ambiguous.is_empty() {
            continue;
        }
        let combinations: usize = ambiguous
            .iter()
            .map(|&i| rows[i].readings.len())
            .try_fold(1usize, |a, n| a.checked_mul(n))
            .unwrap_or(usize::MAX);
        if combinations > MAX_COMBINATIONS {
            continue;
        }
        // Which readings of each ambiguous row appear in a consistent combination.
        let mut seen: Vec<Vec<bool>> = ambiguous
            .iter()
            .map(|&i| vec![false; rows[i].readings.len()])
            .collect();
        let mut any = false;
        for mut n in 0..combinations {
            let mut trial = figures.clone();
            let mut pick = Vec::with_capacity(ambiguous.len());
            for &i in &ambiguous {
                let k = n % rows[i].readings.len();
                n /= rows[i].readings.len();
                put(&mut trial, &rows[i], &rows[i].readings[k]);
                pick.push(k);
            }
            if consistent(template, table, &trial) {
                any = true;
                for (a, k) in pick.into_iter().enumerate() {
                    seen[a][k] = true;
                }
            }
        }
        if !any {
            continue;
        }
        for (a, &i) in ambiguous.iter().enumerate() {
            let possible: Vec<usize> = (0..seen[a].len()).filter(|&k| seen[a][k]).collect();
            if let [k] = possible[..] {
                chosen[i] = Some(k);
                put(&mut figures, &rows[i], &rows[i].readings[k]);
            }
        }
    }
    for (i, row) in rows.iter().enumerate() {
        if row.group.is_some() {
            write_group(row, draft, summary);
            continue;
        }
        match chosen[i] {
            Some(k) => write_row(row, &row.readings[k], draft, summary),
            None => {
                for template_row in &row.rows {
                    for column in row.block.columns.iter().filter(|c| c.sum.is_none()) {
                        summary.blank(
                            crate::template::cell_key(
                                &row.table.key,
                                &template_row.key,
                                &column.key,
                            ),
                            BlankReason::Ambiguous {
                                written: row.written.clone(),
                            },
                        );
                    }
                }
            }
        }
    }
    for deviation in &mut summary.deviations {
        if let Deviation::Figures {
            row: key, settled, ..
        } = deviation
        {
            *settled = rows.iter().zip(&chosen).any(|(row, chosen)| {
                chosen.is_some()
                    && row.group.is_none()
                    && row
                        .rows
                        .first()
                        .is_some_and(|r| *key == crate::template::row_key(&row.table.key, &r.key))
            });
        }
    }
    printed_totals(template, &rows, &chosen, summary)
}

/// Writes one row's chosen figures into the draft, noting every cell left blank.
fn write_row(row: &ReadRow, reading: &[Printed], draft: &mut Draft, summary: &mut Summary) {
    let n = row.block.columns.len();
    for (r, template_row) in row.rows.iter().enumerate() {
        // A total row (（七）总计) is printed to be checked, never stored.
        if template_row.sum.is_some() {
            continue;
        }
        for (c, column) in row.block.columns.iter().enumerate() {
            if column.sum.is_some() {
                continue;
            }
            let key = crate::template::cell_key(&row.table.key, &template_row.key, &column.key);
            match reading.get(r * n + c) {
                Some(Printed::Figure { value, unit }) => match number_of(
                    *value,
                    column.kind,
                    crate::report::number::max_places(unit.as_deref().or(column.unit.as_deref())),
                ) {
                    Some(number) => {
                        draft.cells.insert(key.clone(), number);
                        let unit =
                            unit.clone()
                                .filter(|u| column.units.contains(u))
                                .or_else(|| {
                                    row.header_unit.clone().filter(|u| column.units.contains(u))
                                });
                        if let Some(unit) = unit {
                            draft.units.insert(key, unit);
                        }
                    }
                    None => summary.blank(
                        key,
                        BlankReason::Unreadable {
                            written: value.to_string(),
                        },
                    ),
                },
                Some(Printed::Mark(written)) => summary.blank(
                    key,
                    BlankReason::Mark {
                        written: written.clone(),
                    },
                ),
                Some(Printed::Other(written)) => summary.blank(
                    key,
                    BlankReason::Unreadable {
                        written: written.clone(),
                    },
                ),
                Some(Printed::Empty) | None => summary.blank(key, BlankReason::Empty),
            }
        }
    }
}

/// A group printed as one row (（六）其他处理 in a gip-2021 report): its rows are all 0 when
/// the group's figures are all 0 (the only reading the totals leave); else they stay blank.
fn write_group(row: &ReadRow, draft: &mut Draft, summary: &mut Summary) {
    let group = row.group.clone().unwrap_or_default();
    let already_read = row.rows.iter().any(|r| {
        row.block.columns.iter().any(|c| {
            draft
                .cells
                .contains_key(&crate::template::cell_key(&row.table.key, &r.key, &c.key))
        })
    });
    if already_read {
        return;
    }
    let zero = row.readings.len() == 1
        && row.readings[0]
            .iter()
            .zip(&row.block.columns)
            .filter(|(_, c)| c.sum.is_none())
            .all(|(v, _)| v.figure().is_some_and(|d| d.is_zero()));
    summary.deviations.push(Deviation::GroupAsOneRow {
        group: crate::template::row_key(&row.table.key, &group),
        resolved: zero,
    });
    for template_row in &row.rows {
        for column in row.block.columns.iter().filter(|c| c.sum.is_none()) {
            let key = crate::template::cell_key(&row.table.key, &template_row.key, &column.key);
            if zero {
                draft.cells.insert(key, Number::zero(column.kind));
            } else {
                summary.blank(key, BlankReason::GroupAsOneRow);
            }
        }
    }
}

fn as_number(value: Decimal) -> Number {
    match u64::try_from(value) {
        Ok(n) if value.is_integer() => Number::Count(n),
        _ => Number::Amount(value),
    }
}

/// A part of a printed total as the total counts it: a blank or a blank mark is nothing
/// (portals leave the cells of 0 empty, and print the total beside them); an unreadable cell
/// leaves the sum unknown.
fn part_of_total(printed: &Printed) -> Option<Decimal> {
    match printed {
        Printed::Figure { value, .. } => Some(*value),
        Printed::Empty | Printed::Mark(_) => Some(Decimal::ZERO),
        Printed::Other(_) => None,
    }
}

/// Compares every printed total with the sum of its parts, a blank part counting as nothing.
/// The draft keeps a blank as blank; only this comparison reads it as 0, so that a total no
/// parts add up to is not passed over because a part beside it was left empty.
fn printed_totals(
    template: &Template,
    rows: &[ReadRow],
    chosen: &[Option<usize>],
    summary: &mut Summary,
) -> Vec<Finding> {
    // Each printed cell of the chosen readings, a blank as 0.
    let mut parts_printed: Figures = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let Some(k) = chosen[i] else { continue };
        if row.group.is_none() {
            put_read(&mut parts_printed, row, &row.readings[k], part_of_total);
        }
    }
    let mut findings = Vec::new();
    let mut compare = |table: &Table, row: &str, column: &str, printed: Decimal, sum: Decimal| {
        summary.totals_checked += 1;
        if printed == sum {
            return;
        }
        summary.totals_disagreeing += 1;
        let key = crate::template::cell_key(&table.key, row, column);
        let label = template
            .cell(&key)
            .map(|c| {
                format!(
                    "{} · {}",
                    table.row_path(c.row).join(" · "),
                    c.column.header
                )
            })
            .unwrap_or_else(|| key.clone());
        findings.push(Finding {
            severity: Severity::Warning,
            code: PRINTED_TOTAL,
            cell: Some(key),
            section: table.key.clone(),
            detail: Detail::PrintedTotal {
                label,
                printed: as_number(printed),
                sum: as_number(sum),
            },
            expected: Some(as_number(sum)),
            actual: Some(as_number(printed)),
            acknowledged: None,
        });
    };
    for (i, row) in rows.iter().enumerate() {
        let Some(k) = chosen[i] else { continue };
        if row.group.is_some() {
            continue;
        }
        let reading = &row.readings[k];
        let n = row.block.columns.len();
        for (r, template_row) in row.rows.iter().enumerate() {
            // The row's 总计 column against its own figures.
            for (c, column) in row.block.columns.iter().enumerate() {
                let (Some(parts), Some(printed)) = (
                    &column.sum,
                    reading.get(r * n + c).and_then(Printed::figure),
                ) else {
                    continue;
                };
                let sum = parts
                    .iter()
                    .flat_map(|key| row.table.expand_columns(row.block, key))
                    .map(|part| {
                        row.block
                            .columns
                            .iter()
                            .position(|x| x.key == part.key)
                            .and_then(|i| reading.get(r * n + i))
                            .and_then(part_of_total)
                    })
                    .sum::<Option<Decimal>>();
                if let Some(sum) = sum {
                    compare(row.table, &template_row.key, &column.key, printed, sum);
                }
            }
            // A total row (（七）总计) against the rows it sums, column by column.
            let Some(parts) = &template_row.sum else {
                continue;
            };
            for (c, column) in row.block.columns.iter().enumerate() {
                if column.sum.is_some() {
                    continue;
                }
                let Some(printed) = reading.get(r * n + c).and_then(Printed::figure) else {
                    continue;
                };
                let sum = parts
                    .iter()
                    .flat_map(|key| row.table.expand_rows(key))
                    .map(|part| {
                        *parts_printed
                            .get(&(row.table.key.clone(), part.key.clone(), column.key.clone()))
                            .unwrap_or(&None)
                    })
                    .sum::<Option<Decimal>>();
                if let Some(sum) = sum {
                    compare(row.table, &template_row.key, &column.key, printed, sum);
                }
            }
        }
    }
    findings
}
