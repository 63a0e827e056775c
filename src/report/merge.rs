//! Summing subordinate units' drafts into one summary draft (`gongkai merge`).
//!
//! Cells are summed exactly, cell by cell. A cell blank in any unit stays blank in the summary
//! and is reported with the units that left it blank: a blank is never taken for 0. Amounts
//! printed without a unit (采购总金额) are converted to one unit before they are added. The
//! result does not depend on the order of the units.

use super::{Draft, Number, Previous};
use crate::template::Template;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Why a unit's draft is left out of the sum.
pub enum Refusal {
    /// The draft is of another year or format than most units' (see [`majority`]): correct its
    /// year, or merge it with drafts of its own year.
    OtherYear {
        /// The year the unit's draft reports on.
        year: i32,
        /// The id of the unit's format.
        template: String,
    },
    /// The draft has errors, which would go into the sum: fix them, or merge anyway with
    /// `--allow-errors`.
    HasErrors {
        /// How many error findings the draft has.
        errors: usize,
    },
    /// Another draft names the same agency, so the unit would be counted twice: remove one.
    SameName,
    /// The draft's `report.agency` is blank, so its unit cannot be named: fill it in.
    NoName,
}

/// What the merge keeps of one unit's draft: its figures, not its prose.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The unit's agency name, trimmed; empty when the draft names none (refused as
    /// [`Refusal::NoName`]).
    pub name: String,
    /// The id of the draft's format.
    pub template: String,
    /// The year the draft reports on.
    pub year: i32,
    /// By index into the template's `compiled().inputs`.
    pub values: Vec<Option<Number>>,
    /// By index into the template's `fees`.
    pub fees: Vec<Option<Number>>,
    /// The unit recorded for an amount the format prints without one, by cell key (as
    /// [`Draft::units`]); sums of mixed units are added in the first unit (元).
    pub units: BTreeMap<String, String>,
    /// The draft's `[previous]`; the summary sums them only when every unit has one for the
    /// same year.
    pub previous: Option<Previous>,
}

impl Unit {
    /// What the merge needs of a draft read in `template`, its own format.
    pub fn from_draft(template: &Template, draft: &Draft) -> Unit {
        Unit {
            name: draft.report.agency.trim().to_string(),
            template: template.id.clone(),
            year: draft.report.year,
            values: template.compiled().input_values(&draft.cells),
            fees: template
                .fees
                .iter()
                .map(|f| draft.fees.get(&f.key).copied())
                .collect(),
            units: draft.units.clone(),
            previous: draft.previous.clone(),
        }
    }
}

/// The summary draft and what the officer must know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The summary: the agency given, `sources` naming the units, the summed cells and fees,
    /// `[previous]` where the units agree, and no prose (the officer writes it).
    pub draft: Draft,
    /// Cells left blank, with the units that left them blank.
    pub blanks: Vec<(String, Vec<String>)>,
    /// Cells whose sum is too large to hold.
    pub overflow: Vec<String>,
}

/// The factor that turns an amount in `unit` into the column's first unit (元 ← 万元).
fn factor(units: &[String], factors: &[u64], unit: &str) -> Option<Decimal> {
    let i = units.iter().position(|u| u == unit)?;
    let base = *factors.first()?;
    let this = *factors.get(i)?;
    Some(Decimal::from(this) / Decimal::from(base))
}

/// Sums units of one template and year (the caller has refused the others).
pub fn merge(template: &Template, agency: &str, kind: super::AgencyKind, units: &[Unit]) -> Merged {
    let mut units: Vec<&Unit> = units.iter().collect();
    units.sort_by(|a, b| a.name.cmp(&b.name));
    let year = units.first().map_or(0, |u| u.year);
    let mut draft = Draft::new(&template.id, agency, year, kind);
    draft.sources = units.iter().map(|u| u.name.clone()).collect();
    let mut blanks = Vec::new();
    let mut overflow = Vec::new();

    for (i, cell) in template.compiled().inputs.iter().enumerate() {
        let column = template.cell(&cell.key).map(|c| c.column);
        let factors: &[u64] = column.map_or(&[], |c| &c.unit_factors);
        // Amounts in different units are added in the first unit (元).
        let recorded: Vec<Option<&String>> = units.iter().map(|u| u.units.get(&cell.key)).collect();
        let mixed = !cell.units.is_empty()
            && recorded
                .iter()
                .flatten()
                .any(|u| Some(*u) != recorded.iter().flatten().next().copied());
        let mut sum = Some(Number::zero(cell.kind));
        let mut missing = Vec::new();
        for (unit, recorded) in units.iter().zip(&recorded) {
            let value = unit.values.get(i).copied().flatten();
            let value = match (value, mixed) {
                (Some(Number::Amount(d)), true) if !d.is_zero() => recorded
                    .and_then(|r| factor(&cell.units, factors, r))
                    .and_then(|f| d.checked_mul(f))
                    .map(Number::Amount),
                (v, _) => v,
            };
            match value {
                Some(n) => sum = sum.and_then(|s| s.checked_add(n)),
                None => missing.push(unit.name.clone()),
            }
        }
        if !missing.is_empty() {
            blanks.push((cell.key.clone(), missing));
            continue;
        }
        // Past the largest figure a draft holds, the summary could not be read back.
        // Sums of valid amounts keep their places: only the size can fail here.
        let places = super::number::MAX_PLACES_WAN;
        match sum.filter(|n| n.problem(cell.kind, places).is_none()) {
            Some(n) => {
                draft.cells.insert(cell.key.clone(), n);
                let unit = if mixed {
                    cell.units.first()
                } else {
                    recorded.iter().flatten().next().copied()
                };
                if let Some(unit) = unit {
                    draft.units.insert(cell.key.clone(), unit.clone());
                }
            }
            None => overflow.push(cell.key.clone()),
        }
    }

    for (i, fee) in template.fees.iter().enumerate() {
        let key = format!("fees.{}", fee.key);
        let mut sum = Some(Number::zero(fee.kind));
        let mut missing = Vec::new();
        for unit in &units {
            match unit.fees.get(i).copied().flatten() {
                Some(n) => sum = sum.and_then(|s| s.checked_add(n)),
                None => missing.push(unit.name.clone()),
            }
        }
        if !missing.is_empty() {
            blanks.push((key, missing));
        } else if let Some(n) =
            sum.filter(|n| n.problem(fee.kind, super::number::MAX_PLACES_WAN).is_none())
        {
            draft.fees.insert(fee.key.clone(), n);
        } else {
            overflow.push(key);
        }
    }

    draft.previous = merged_previous(&units);
    Merged {
        draft,
        blanks,
        overflow,
    }
}

/// Last year's figures of the summary: summed where every unit has them for the same year.
fn merged_previous(units: &[&Unit]) -> Option<Previous> {
    let first = units.first()?.previous.as_ref()?;
    let all: Vec<&Previous> = units.iter().filter_map(|u| u.previous.as_ref()).collect();
    if all.len() != units.len() || all.iter().any(|p| p.year != first.year) {
        return None;
    }
    let sum = |get: fn(&Previous) -> &BTreeMap<String, u64>| -> BTreeMap<String, u64> {
        get(first)
            .keys()
            .filter_map(|k| {
                all.iter()
                    .try_fold(0u64, |acc, p| acc.checked_add(*get(p).get(k)?))
                    .filter(|total| *total <= super::number::MAX_WHOLE)
                    .map(|total| (k.clone(), total))
            })
            .collect()
    };
    let previous = Previous {
        year: first.year,
        file: None,
        carried_forward: sum(|p| &p.carried_forward),
        in_force: sum(|p| &p.in_force),
    };
    (!previous.is_empty()).then_some(previous)
}

/// Which year and format the merge is for: the one most units have (ties: the later year),
/// so the answer does not depend on the order the drafts were given in.
pub fn majority(units: &[(String, i32)]) -> Option<(String, i32)> {
    let mut counts: BTreeMap<(i32, &str), usize> = BTreeMap::new();
    for (template, year) in units {
        *counts.entry((*year, template.as_str())).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|((year, template), n)| (*n, *year, std::cmp::Reverse(template.to_string())))
        .map(|((year, template), _)| (template.to_string(), year))
}
