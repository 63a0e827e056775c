//! Reading the tables: which official table each grid is (by the labels it holds), which row
//! of the format each printed row is (by its label), and every way its printed figures can be
//! aligned with the row's columns. Choosing among those ways is `resolve`'s job.

use super::document::{Document, Grid, Slot};
use super::labels::{Match, compare, normalize};
use super::summary::{BlankReason, Deviation, Summary};
use super::values::{Printed, read};
use crate::template::{Block, Column, Layout, Row, Table, Template};

/// A grid and the official table it was recognised as.
pub type Classified<'d, 't> = Vec<(&'d Grid, &'t Table)>;

/// The labels that name a table: its rows', its row groups', its captions and, for a table
/// laid out across, its column headers.
fn table_labels(table: &Table) -> Vec<String> {
    let mut labels: Vec<String> = table.rows().map(|(_, r)| normalize(&r.label)).collect();
    labels.extend(table.groups.iter().map(|g| normalize(&g.label)));
    labels.extend(
        table
            .blocks
            .iter()
            .filter_map(|b| b.caption.as_deref())
            .map(normalize),
    );
    labels.retain(|l| l.chars().count() >= 2);
    labels.sort();
    labels.dedup();
    labels
}

/// The longest paragraph read as a caption above a grid.
const CAPTION_MAX_CHARS: usize = 20;

/// Recognises each grid of the document as one of the template's tables, or none.
pub fn classify<'d, 't>(template: &'t Template, document: &'d Document) -> Classified<'d, 't> {
    let labels: Vec<(&Table, Vec<String>)> = template
        .tables
        .iter()
        .map(|t| (t, table_labels(t)))
        .collect();
    let mut out = Vec::new();
    for (i, block) in document.blocks.iter().enumerate() {
        let super::document::Block::Table(grid) = block else {
            continue;
        };
        let mut texts: Vec<String> = grid
            .rows
            .iter()
            .flat_map(|r| r.iter().filter(|s| s.origin))
            .map(|s| normalize(&s.text))
            .filter(|t| !t.is_empty())
            .collect();
        // A caption printed above the grid rather than in it (「第二十条第（八）项」 on a line
        // of its own in a copied page) names it too: a block of one row has only that row's
        // label besides.
        if let Some(super::document::Block::Paragraph(above)) =
            i.checked_sub(1).map(|j| &document.blocks[j])
            && above.chars().count() <= CAPTION_MAX_CHARS
        {
            texts.push(normalize(above));
        }
        let best = labels
            .iter()
            .map(|(table, wanted)| {
                let score = wanted
                    .iter()
                    .filter(|w| {
                        texts
                            .iter()
                            .any(|t| matches!(compare(t, w), Some(Match::Exact | Match::Typo(_))))
                    })
                    .count();
                (score, *table)
            })
            .max_by_key(|(score, _)| *score);
        if let Some((score, table)) = best
            && score >= 2
        {
            out.push((grid, table));
        }
    }
    out
}

/// A printed row of figures, matched to the format.
#[derive(Debug, Clone)]
pub struct ReadRow<'t> {
    pub table: &'t Table,
    pub block: &'t Block,
    /// The rows the figures belong to, in order: one row, the rows of a table laid out
    /// across, or the rows of a group printed as one row.
    pub rows: Vec<&'t Row>,
    /// Set when a group was printed as one row: its key.
    pub group: Option<String>,
    /// The figures as printed, for the summary.
    pub written: Vec<String>,
    /// Every alignment of the printed figures with `rows` × the block's columns that keeps the
    /// row's own printed totals.
    pub readings: Vec<Vec<Printed>>,
    /// The unit the table's header gives an amount column (「采购总金额（元）」).
    pub header_unit: Option<String>,
}

/// What a row of a table is: a row, a group label, or nothing known.
#[derive(Debug, Clone, Copy)]
enum Target<'t> {
    Row(&'t Block, &'t Row),
    Group(&'t str),
}

/// The figures of a grid row: the cells after its last label, each merged cell once.
fn split_row(row: &[Slot]) -> (Vec<String>, Vec<Printed>, Vec<String>) {
    let last_label = row.iter().rposition(|s| !read(&s.text).is_value_like());
    let (label_part, value_part) = match last_label {
        Some(i) => (&row[..=i], &row[i + 1..]),
        None => (&row[..0], row),
    };
    let mut labels: Vec<String> = Vec::new();
    for slot in label_part {
        if !slot.text.is_empty() && labels.last() != Some(&slot.text) {
            labels.push(slot.text.clone());
        }
    }
    let values: Vec<&Slot> = value_part.iter().filter(|s| s.origin).collect();
    let written = values.iter().map(|s| s.text.clone()).collect();
    (
        labels,
        values.iter().map(|s| read(&s.text)).collect(),
        written,
    )
}

fn best_target<'t>(
    table: &'t Table,
    labels: &[String],
    used: &[&'t str],
) -> Option<(Target<'t>, Match)> {
    let row_groups: Vec<&str> = table
        .rows()
        .filter_map(|(_, r)| r.group.as_deref())
        .collect();
    let mut candidates: Vec<(Target<'t>, String)> = table
        .rows()
        .map(|(b, r)| (Target::Row(b, r), normalize(&r.label)))
        .collect();
    candidates.extend(
        table
            .groups
            .iter()
            .filter(|g| row_groups.contains(&g.key.as_str()))
            .map(|g| (Target::Group(g.key.as_str()), normalize(&g.label))),
    );
    // The most specific label first, then the labels joined (a label split over two cells).
    let mut tries: Vec<String> = labels.last().map(|l| normalize(l)).into_iter().collect();
    if labels.len() > 1 {
        tries.push(normalize(&labels.concat()));
    }
    for printed in tries {
        let mut found: Vec<(Target<'t>, Match)> = candidates
            .iter()
            .filter_map(|(t, official)| compare(&printed, official).map(|m| (*t, m)))
            .collect();
        found.sort_by_key(|(t, m)| {
            (
                *m,
                matches!(t, Target::Row(_, r) if used.contains(&r.key.as_str())),
            )
        });
        if let Some(first) = found.first() {
            // Two different rows equally good: the label cannot tell them apart.
            let tied = found
                .iter()
                .filter(|(t, m)| *m == first.1 && !same_target(t, &first.0))
                .count();
            if tied == 0 || !matches!(first.1, Match::Prefix) {
                return Some(*first);
            }
        }
    }
    None
}

fn same_target(a: &Target, b: &Target) -> bool {
    match (a, b) {
        (Target::Row(_, x), Target::Row(_, y)) => x.key == y.key,
        (Target::Group(x), Target::Group(y)) => x == y,
        _ => false,
    }
}

/// The unit in a header over an amount column (「（元）」「（万元）」), if any.
fn header_unit(grid: &Grid, column: &Column) -> Option<String> {
    if column.units.is_empty() {
        return None;
    }
    let header = normalize(&column.header);
    grid.rows.iter().flatten().find_map(|s| {
        let text = normalize(&s.text);
        if !text.starts_with(&header) {
            return None;
        }
        let rest = &text[header.len()..];
        column
            .units
            .iter()
            .rev()
            .find(|u| rest.contains(u.as_str()))
            .cloned()
    })
}

/// Reads every recognised grid into rows of figures.
pub fn read_all<'t>(
    _template: &'t Template,
    classified: &Classified<'_, 't>,
    summary: &mut Summary,
) -> Vec<ReadRow<'t>> {
    let mut out: Vec<ReadRow<'t>> = Vec::new();
    for (grid, table) in classified {
        let mut used: Vec<&'t str> = out
            .iter()
            .filter(|r| std::ptr::eq(r.table, *table))
            .flat_map(|r| r.rows.iter().map(|row| row.key.as_str()))
            .collect();
        // A row whose label was found with no figures, waiting for figures printed on the next
        // line under the rest of its label.
        let mut pending: Option<(&'t Block, &'t Row)> = None;
        for row in &grid.rows {
            let (labels, values, written) = split_row(row);
            let has_figures = values
                .iter()
                .any(|v| v.figure().is_some() || matches!(v, Printed::Mark(_)));
            if table.layout == Layout::Across {
                let block = &table.blocks[0];
                // The row of figures: no label, or a label beside at least half the figures
                // the table has (「数量」 printed in a first column).
                let wanted = block.rows.len() * block.columns.len();
                if (labels.is_empty() || values.len() * 2 >= wanted)
                    && has_figures
                    && out.iter().all(|r| !std::ptr::eq(r.table, *table))
                {
                    let rows: Vec<&Row> = block.rows.iter().collect();
                    out.push(row_reading(
                        table, block, rows, None, values, written, None, summary,
                    ));
                }
                continue;
            }
            // Figures without a label belong to a label waiting above them, if any.
            if labels.is_empty() && pending.is_none() {
                continue;
            }
            let mut target = best_target(table, &labels, &used);
            // A label wrapped over lines is the official one, cut: not a deviation to report.
            let mut wrapped = false;
            if target.is_none()
                && has_figures
                && let Some((block, r)) = pending.take()
            {
                target = Some((Target::Row(block, r), Match::Exact));
                wrapped = true;
            }
            // The rest of a wrapped label (a line of text without figures) keeps the wait.
            if target.is_some() || has_figures {
                pending = None;
            }
            match target {
                Some((Target::Row(block, r), m)) => {
                    if values.is_empty() || values.iter().all(|v| *v == Printed::Empty) {
                        if !used.contains(&r.key.as_str()) {
                            pending = Some((block, r));
                            for c in block.columns.iter().filter(|c| c.sum.is_none()) {
                                summary.blank(
                                    crate::template::cell_key(&table.key, &r.key, &c.key),
                                    BlankReason::Empty,
                                );
                            }
                        }
                        continue;
                    }
                    if used.contains(&r.key.as_str()) {
                        summary.not_understood.push(labels.join(" "));
                        continue;
                    }
                    if !matches!(m, Match::Exact) && !wrapped {
                        summary.deviations.push(Deviation::Label {
                            row: crate::template::row_key(&table.key, &r.key),
                            printed: labels.last().cloned().unwrap_or_default(),
                        });
                    }
                    used.push(r.key.as_str());
                    let unit = block.columns.iter().find_map(|c| header_unit(grid, c));
                    out.push(row_reading(
                        table,
                        block,
                        vec![r],
                        None,
                        values,
                        written,
                        unit,
                        summary,
                    ));
                }
                Some((Target::Group(group), _)) if has_figures => {
                    let members = table.expand_rows(group);
                    let Some((block, _)) = members.first().and_then(|r| table.row(&r.key)) else {
                        continue;
                    };
                    out.push(row_reading(
                        table,
                        block,
                        members,
                        Some(group.to_string()),
                        values,
                        written,
                        None,
                        summary,
                    ));
                }
                Some(_) => {}
                None if has_figures => summary.not_understood.push(
                    [labels.join(" "), written.join(" ")]
                        .join(" ")
                        .trim()
                        .to_string(),
                ),
                None => {}
            }
        }
    }
    out
}

/// Every alignment of printed figures with the columns of `rows` that keeps their totals.
#[allow(clippy::too_many_arguments)]
fn row_reading<'t>(
    table: &'t Table,
    block: &'t Block,
    rows: Vec<&'t Row>,
    group: Option<String>,
    mut values: Vec<Printed>,
    written: Vec<String>,
    header_unit: Option<String>,
    summary: &mut Summary,
) -> ReadRow<'t> {
    // A group printed as one row has one row's worth of figures.
    let row_count = if group.is_some() { 1 } else { rows.len() };
    let columns = &block.columns;
    let expected = row_count * columns.len();
    let inputs_per_row = columns.iter().filter(|c| c.sum.is_none()).count();
    while values.len() > expected && values.last() == Some(&Printed::Empty) {
        values.pop();
    }
    while values.len() > expected && values.first() == Some(&Printed::Empty) {
        values.remove(0);
    }
    let label = rows
        .first()
        .map(|r| crate::template::row_key(&table.key, group.as_deref().unwrap_or(&r.key)))
        .unwrap_or_default();
    if values.len() != expected {
        summary.deviations.push(Deviation::Figures {
            row: label,
            printed: values.len(),
            expected,
            // Known once the rows are resolved.
            settled: false,
        });
    }
    let mut readings = Vec::new();
    if values.len() == expected {
        readings.push(values);
    } else if values.len() == row_count * inputs_per_row {
        // The totals were not printed: the figures are the inputs in order.
        let mut it = values.into_iter();
        let mut reading = Vec::new();
        for _ in 0..row_count {
            for c in columns {
                reading.push(if c.sum.is_some() {
                    Printed::Empty
                } else {
                    it.next().unwrap_or(Printed::Empty)
                });
            }
        }
        readings.push(reading);
    } else if values.len() > expected
        && values.len() - expected <= 3
        // Only a row with a printed total can tell a stray figure from a real one.
        && columns.iter().any(|c| c.sum.is_some())
    {
        // Stray figures (a merged cell's 0 in a text copy): drop any `extra` of the zero or
        // blank ones, keeping readings whose printed totals agree with their parts.
        let extra = values.len() - expected;
        let droppable: Vec<usize> = (0..values.len())
            .filter(|&i| values[i].is_zero_or_blank())
            .collect();
        for drop in combinations(&droppable, extra) {
            let reading: Vec<Printed> = values
                .iter()
                .enumerate()
                .filter(|(i, _)| !drop.contains(i))
                .map(|(_, v)| v.clone())
                .collect();
            if keeps_totals(table, block, row_count, &reading) && !readings.contains(&reading) {
                readings.push(reading);
            }
        }
    }
    ReadRow {
        table,
        block,
        rows,
        group,
        written,
        readings,
        header_unit,
    }
}

/// Every way to choose `k` of `items`.
fn combinations(items: &[usize], k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for (i, &first) in items.iter().enumerate() {
        for mut rest in combinations(&items[i + 1..], k - 1) {
            rest.insert(0, first);
            out.push(rest);
        }
    }
    out
}

/// Whether each printed total column of each row equals the sum of its parts (where all are
/// figures).
pub fn keeps_totals(table: &Table, block: &Block, rows: usize, reading: &[Printed]) -> bool {
    let n = block.columns.len();
    (0..rows).all(|r| {
        let row = &reading[r * n..(r + 1) * n];
        block.columns.iter().enumerate().all(|(c, column)| {
            let Some(parts) = &column.sum else {
                return true;
            };
            let Some(printed) = row[c].figure() else {
                return true;
            };
            let mut sum = rust_decimal::Decimal::ZERO;
            for key in parts {
                for part in table.expand_columns(block, key) {
                    let Some(i) = block.columns.iter().position(|x| x.key == part.key) else {
                        return true;
                    };
                    match row[i].figure() {
                        Some(v) => sum += v,
                        None => return true,
                    }
                }
            }
            sum == printed
        })
    })
}
