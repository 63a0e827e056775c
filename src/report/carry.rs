//! Starting this year's draft from last year's (`gongkai new --from`).
//!
//! What carries over is what means the same thing in both formats: the agency, its kind and
//! contact; last year's 四、结转下年度 as this year's 二、上年结转 and as `[previous]`; last
//! year's 现行有效件数 as `[previous].in_force`; and in gip-2019 each 上一年项目数量 as last
//! year's 上一年项目数量 + 本年增/减. The cells that carry are marked in the template
//! (`carry_from`), so the rules live with the formats. Prose is never copied: the format warns
//! against reports that repeat last year's.

use super::{Draft, Number, Previous};
use crate::template::{CellRef, Template};

/// Something of last year's that could not be carried, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCarried {
    /// A cell marked to carry whose sources last year's format lacks.
    Cell {
        /// This year's cell as the officer finds it: `row label · column header`.
        label: String,
        /// The id of last year's format (`gip-2019`).
        from_template: String,
    },
    /// A cell marked to carry whose sources last year's draft left blank.
    Blank {
        /// This year's cell, `row label · column header`: left blank for the officer to fill.
        label: String,
    },
    /// A cell marked to carry whose sources last year's draft holds, but whose sum this cell
    /// cannot hold: 上一年项目数量 5 with 本年增/减 −7 adds up to −2 projects.
    Unfit {
        /// This year's cell, `row label · column header`: left blank for the officer to fill.
        label: String,
        /// What last year's figures add up to.
        sum: rust_decimal::Decimal,
    },
    /// 现行有效件数 for `[previous]`, absent from last year's format or left blank in last
    /// year's draft.
    InForce {
        /// This year's 现行有效件数 cell, `row label · column header`; the officer can type last
        /// year's figure into `[previous].in_force`.
        label: String,
        /// The id of last year's format.
        from_template: String,
        /// Last year's format has the figure, and last year's draft left it blank.
        blank: bool,
    },
    /// The template's note on carrying from an older format.
    Note(String),
}

/// This year's new draft and what could not be carried into it.
#[derive(Debug, Clone)]
pub struct CarriedOver {
    /// This year's draft, not yet saved: last year's agency, kind and contact, the carried cells
    /// filled, `[previous]` set, no prose.
    pub draft: Draft,
    /// What the officer must fill in or know; empty when everything carried.
    pub not_carried: Vec<NotCarried>,
}

/// Why a draft cannot be started from last year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarryError {
    /// No format applies to the year after last year's.
    NoFormat {
        /// The year the new draft would be for (last year's plus one).
        year: i32,
    },
}

/// Builds next year's draft from last year's. `last_file` is recorded in `[previous]` so that
/// the editor and `check` can find last year's whole report.
pub fn next_year(
    last_template: &Template,
    last: &Draft,
    last_file: Option<String>,
) -> Result<CarriedOver, CarryError> {
    let year = last.report.year + 1;
    let template = Template::for_year(year).ok_or(CarryError::NoFormat { year })?;
    let mut draft = Draft::new(&template.id, &last.report.agency, year, last.report.kind);
    draft.report = super::Meta {
        year,
        ..last.report.clone()
    };
    let mut not_carried = Vec::new();
    let from_template = last_template.id.clone();

    // Cells marked `carry_from` in this year's format.
    for table in &template.tables {
        for cell in table.input_cells() {
            let sources = carry_sources(&cell);
            if sources.is_empty() {
                continue;
            }
            let key = cell.key();
            match carried_sum(last_template, last, &sources, cell.column.kind) {
                Some(n) => {
                    draft.cells.insert(key, n);
                }
                None => {
                    let label = template.cell_label(&key);
                    let in_format = sources
                        .iter()
                        .all(|s| last_template.cell(s).is_some_and(|c| !c.is_computed()));
                    let figures: Option<Vec<Number>> =
                        sources.iter().map(|s| last.cell(s)).collect();
                    not_carried.push(if !in_format {
                        NotCarried::Cell {
                            label,
                            from_template: from_template.clone(),
                        }
                    } else if let Some(figures) = figures {
                        let sum = figures.iter().fold(rust_decimal::Decimal::ZERO, |a, n| {
                            a.saturating_add(n.as_decimal())
                        });
                        NotCarried::Unfit { label, sum }
                    } else {
                        NotCarried::Blank { label }
                    });
                }
            }
        }
    }

    // `[previous]`: last year's 结转下年度 and 现行有效件数, for the cross-year checks.
    let (mut previous, missing) = last_years_figures(template, last_template, last);
    previous.file = last_file;
    for key in missing {
        not_carried.push(NotCarried::InForce {
            label: template.cell_label(&key),
            from_template: from_template.clone(),
            blank: last_template.cell(&key).is_some(),
        });
    }
    draft.previous = Some(previous);
    for note in &template.carry_notes {
        if note.from == last_template.id {
            not_carried.push(NotCarried::Note(note.note.clone()));
        }
    }
    Ok(CarriedOver { draft, not_carried })
}

/// Last year's 结转下年度 (by column) and 现行有效件数 (by row) where this year's format
/// (`rules`: its carry and in-force checks) looks for them, read from last year's draft in
/// its own format. The in-force cells last year's draft cannot give (its format lacks them, or
/// they are blank) are returned by key. One reading for `new --from` and the cross-year checks.
pub fn last_years_figures(
    rules: &Template,
    last_template: &Template,
    last: &Draft,
) -> (Previous, Vec<String>) {
    let mut previous = Previous {
        year: Some(last.report.year),
        ..Previous::default()
    };
    let last_row = &rules.checks.carry.last_year;
    if let Some((block, _)) = rules.cell_row(last_row) {
        for column in block.columns.iter().filter(|c| c.sum.is_none()) {
            if let Some(Number::Count(n)) = crate::template::cell_key_in_row(last_row, &column.key)
                .and_then(|key| last.cell(&key))
            {
                previous.carried_forward.insert(column.key.clone(), n);
            }
        }
    }
    let mut missing = Vec::new();
    if let Some(rule) = &rules.checks.in_force {
        for row in &rule.rows {
            let key = crate::template::cell_key(&rule.table, row, &rule.in_force);
            match last.cell(&key) {
                Some(Number::Count(n)) if last_template.cell(&key).is_some() => {
                    previous.in_force.insert(row.clone(), n);
                }
                _ => missing.push(key),
            }
        }
    }
    (previous, missing)
}

/// The cells of last year's report that carry into this cell (its row's or its column's
/// `carry_from`), as keys; empty when nothing carries into it.
pub fn carry_sources(cell: &CellRef) -> Vec<String> {
    let (table, row, column) = (&cell.table.key, &cell.row.key, &cell.column.key);
    if !cell.row.carry_from.is_empty() {
        cell.row
            .carry_from
            .iter()
            .map(|from| crate::template::cell_key(table, from, column))
            .collect()
    } else {
        cell.column
            .carry_from
            .iter()
            .map(|from| crate::template::cell_key(table, row, from))
            .collect()
    }
}

/// What last year's draft carries into a cell of `kind`: the sum of the sources, or `None`
/// when one is not a typed cell of last year's format or is blank there.
pub fn carried_sum(
    last_template: &Template,
    last: &Draft,
    sources: &[String],
    kind: crate::template::Kind,
) -> Option<Number> {
    let sum = sources.iter().try_fold(Number::zero(kind), |acc, key| {
        let in_format = last_template.cell(key).is_some_and(|c| !c.is_computed());
        if !in_format {
            return None;
        }
        acc.checked_add(last.cell(key)?)
    })?;
    as_kind(sum, kind)
}

/// A carried sum in the kind of the cell it goes to: a count cannot become negative.
fn as_kind(n: Number, kind: crate::template::Kind) -> Option<Number> {
    use crate::template::Kind;
    match (kind, n) {
        (Kind::Count, Number::Count(_)) | (Kind::Amount, Number::Amount(_)) => Some(n),
        (Kind::Count, Number::Signed(v)) => u64::try_from(v).ok().map(Number::Count),
        (Kind::Signed, n) => i64::try_from(n.as_decimal()).ok().map(Number::Signed),
        (Kind::Amount, n) => Some(Number::Amount(n.as_decimal())),
        (Kind::Count, Number::Amount(_)) => None,
    }
}
