//! The checks of FORMAT.md §5 other than the prose reader: balance, blanks, values, the
//! template's year, empty prose, topics, accountability, fees, last year, the deadline.

use super::totals::Sheet;
use super::{Detail, Finding, LastYear, LastYearSource, Severity, codes, section_of, totals};
use crate::report::number::{MAX_PLACES, max_places};
use crate::report::{AgencyKind, Number};
use crate::template::{Kind, Template};

fn finding(
    severity: Severity,
    code: &'static str,
    cell: Option<String>,
    detail: Detail,
) -> Finding {
    let section = cell
        .as_deref()
        .map(section_of)
        .unwrap_or("report")
        .to_string();
    Finding {
        severity,
        code,
        cell,
        section,
        detail,
        expected: None,
        actual: None,
        acknowledged: None,
    }
}

fn compared(mut f: Finding, expected: Number, actual: Number) -> Finding {
    f.expected = Some(expected);
    f.actual = Some(actual);
    f
}

pub(super) fn template_year(sheet: &Sheet, out: &mut Vec<Finding>) {
    let year = sheet.draft.report.year;
    if sheet.template.covers(year) {
        return;
    }
    let detail = Detail::TemplateYear {
        template: sheet.template.id.clone(),
        year,
        expected: Template::for_year(year).map(|t| t.id.clone()),
    };
    out.push(finding(Severity::Error, codes::TEMPLATE_YEAR, None, detail));
}

/// Days before (or after) the statutory deadline worth a hint.
const DEADLINE_WINDOW: std::ops::RangeInclusive<i64> = -60..=92;

pub(super) fn deadline(sheet: &Sheet, today: Option<jiff::civil::Date>, out: &mut Vec<Finding>) {
    let Some(today) = today else { return };
    let deadlines = &sheet.template.checks.deadline;
    let month_day = match sheet.draft.report.kind {
        AgencyKind::Department => &deadlines.department,
        AgencyKind::Government => &deadlines.government,
    };
    let Some((month, day)) = crate::template::parse_month_day(month_day) else {
        return;
    };
    let Ok(year) = i16::try_from(sheet.draft.report.year + 1) else {
        return;
    };
    let Ok(due) = jiff::civil::Date::new(year, month, day) else {
        return;
    };
    let Ok(span) = today.until(due) else { return };
    let days_left = i64::from(span.get_days());
    if DEADLINE_WINDOW.contains(&days_left) {
        let detail = Detail::Deadline {
            year,
            month,
            day,
            days_left,
        };
        out.push(finding(Severity::Hint, codes::DEADLINE, None, detail));
    }
}

pub(super) fn prose(sheet: &Sheet, out: &mut Vec<Finding>) {
    let t = sheet.template;
    let draft = sheet.draft;
    for key in &t.checks.prose_required {
        if draft.text(key).trim().is_empty() {
            let heading = t.section(key).map_or(key.clone(), |s| s.heading.clone());
            let mut f = finding(
                Severity::Error,
                codes::TEXT_EMPTY,
                Some(key.clone()),
                Detail::TextEmpty { heading },
            );
            f.section = key.clone();
            out.push(f);
        }
    }
    let overview = draft.text("overview");
    if overview.trim().is_empty() {
        return;
    }
    let missing: Vec<String> = t
        .checks
        .topics
        .iter()
        .filter(|topic| !topic.words.iter().any(|w| overview.contains(w.as_str())))
        .map(|topic| topic.name.clone())
        .collect();
    if !missing.is_empty() {
        out.push(finding(
            Severity::Hint,
            codes::OVERVIEW_TOPICS,
            Some("overview".into()),
            Detail::Topics { missing },
        ));
    }
    if draft.report.kind == AgencyKind::Government {
        let missing: Vec<String> = t
            .checks
            .accountability
            .iter()
            .filter(|w| !overview.contains(w.as_str()))
            .cloned()
            .collect();
        if !missing.is_empty() {
            out.push(finding(
                Severity::Warning,
                codes::ACCOUNTABILITY,
                Some("overview".into()),
                Detail::Accountability { missing },
            ));
        }
    }
}

/// `value` and `blank`: every typed cell keeps its kind's rules; every input cell is filled;
/// no total overflows; an amount printed without a unit records one.
pub(super) fn values(sheet: &Sheet, out: &mut Vec<Finding>) {
    let t = sheet.template;
    let draft = sheet.draft;
    let compiled = t.compiled();
    // One ordered walk over the draft's cells, not a map lookup per cell.
    let values = compiled.input_values(&draft.cells);
    for (cell, value) in compiled.inputs.iter().zip(values) {
        let key = &cell.key;
        match value {
            None => out.push(finding(
                Severity::Warning,
                codes::BLANK,
                Some(key.clone()),
                Detail::Blank {
                    label: t.cell_label(key),
                },
            )),
            Some(n) => {
                let places = match cell.kind {
                    Kind::Amount => cell.places(draft.units.get(key).map(String::as_str)),
                    _ => MAX_PLACES,
                };
                if let Some(problem) = n.problem(cell.kind, places) {
                    let label = t.cell_label(key);
                    out.push(finding(
                        Severity::Error,
                        codes::VALUE,
                        Some(key.clone()),
                        Detail::Value { label, problem },
                    ));
                }
                let needs_unit = !cell.units.is_empty() && !n.is_zero();
                if needs_unit && !draft.units.contains_key(key) {
                    let detail = Detail::UnitMissing {
                        label: t.cell_label(key),
                        units: cell.units.clone(),
                    };
                    out.push(finding(
                        Severity::Error,
                        codes::VALUE,
                        Some(key.clone()),
                        detail,
                    ));
                }
            }
        }
    }
    for field in &t.fees {
        if let Some(n) = draft.fees.get(&field.key)
            && let Some(problem) = n.problem(field.kind, max_places(Some(&field.unit)))
        {
            let key = format!("fees.{}", field.key);
            let detail = Detail::Value {
                label: field.label.clone(),
                problem,
            };
            out.push(finding(Severity::Error, codes::VALUE, Some(key), detail));
        }
    }
    for (key, total) in &sheet.totals.0 {
        if total.value.is_none() {
            let detail = Detail::Overflow {
                label: t.cell_label(key),
            };
            out.push(finding(
                Severity::Error,
                codes::VALUE,
                Some(key.clone()),
                detail,
            ));
        }
    }
}

/// `requests.balance`: per column, 一 + 二 = （七）总计 + 四.
pub(super) fn balance(sheet: &Sheet, out: &mut Vec<Finding>) {
    let rule = &sheet.template.checks.balance;
    let (Some(table), Some(last_right)) = (sheet.template.table(&rule.table), rule.right.last())
    else {
        return;
    };
    for side in super::balance_columns(sheet.template, sheet.draft, sheet.totals) {
        // A column with blanks is reported by `blank`; its balance is judged once filled.
        let (Some(l), Some(r)) = (side.left, side.right) else {
            continue;
        };
        if l != r {
            let header = table.blocks[0]
                .columns
                .iter()
                .find(|c| c.key == side.column)
                .map_or(side.column.clone(), |c| c.header.clone());
            let key = crate::template::cell_key(&table.key, last_right, &side.column);
            let detail = Detail::Balance {
                column: header,
                left: l,
                right: r,
            };
            let f = finding(Severity::Error, codes::BALANCE, Some(key), detail);
            out.push(compared(f, l, r));
        }
    }
}

/// `fees.stated` and `fees.unpaid`.
pub(super) fn fees(sheet: &Sheet, out: &mut Vec<Finding>) {
    let t = sheet.template;
    let draft = sheet.draft;
    if !t.has_fees {
        return;
    }
    let missing = super::fees_left_blank(t, draft);
    if let Some(first) = missing.first() {
        let detail = Detail::FeesNotStated {
            missing: missing.iter().map(|f| f.label.clone()).collect(),
        };
        let mut f = finding(
            Severity::Warning,
            codes::FEES_STATED,
            Some(format!("fees.{}", first.key)),
            detail,
        );
        f.section = "other".into();
        out.push(f);
    }
    if let Some(rule) = &t.checks.unpaid_fees
        && let Some(unpaid) = sheet.known(&rule.cell)
        && let Some(&notices) = draft.fees.get(&rule.notices)
        && notices.as_decimal() < unpaid.as_decimal()
    {
        let f = finding(
            Severity::Warning,
            codes::FEES_UNPAID,
            Some(rule.cell.clone()),
            Detail::FeesUnpaid { unpaid, notices },
        );
        // The cell holds `unpaid`; the notices sent are the most it may hold.
        out.push(compared(f, notices, unpaid));
    }
}

/// Last year's figures were of another year and set aside: the officer learns why nothing was
/// compared with last year.
pub(super) fn previous_year(source: LastYearSource, of: i32, report: i32, out: &mut Vec<Finding>) {
    let detail = Detail::OtherYear { source, of, report };
    out.push(finding(
        Severity::Warning,
        codes::PREVIOUS_YEAR,
        None,
        detail,
    ));
}

/// The `previous.*` checks that compare with last year's figures.
pub(super) fn previous(sheet: &Sheet, last: &LastYear, out: &mut Vec<Finding>) {
    let t = sheet.template;
    let draft = sheet.draft;
    // 二、上年结转 this year = 四、结转下年度 last year, per column.
    let this_row = &t.checks.carry.this_year;
    for (column, &last_value) in &last.carried_forward {
        let Some(key) = crate::template::cell_key_in_row(this_row, column) else {
            continue;
        };
        let Some(this) = draft.cell(&key) else {
            continue;
        };
        if this.as_decimal() != last_value.into() {
            let header = t
                .cell(&key)
                .map_or(column.clone(), |c| c.column.header.clone());
            let detail = Detail::Carry {
                column: header,
                last: last_value,
                this,
            };
            let f = finding(Severity::Warning, codes::PREVIOUS_CARRY, Some(key), detail);
            out.push(compared(f, Number::Count(last_value), this));
        }
    }
    // 现行有效 = last year's 现行有效 + 本年制发 − 本年废止.
    if let Some(rule) = &t.checks.in_force {
        for row in &rule.rows {
            let Some(&last_value) = last.in_force.get(row) else {
                continue;
            };
            let cell =
                |column: &str| draft.cell(&crate::template::cell_key(&rule.table, row, column));
            let (Some(issued), Some(repealed), Some(actual)) = (
                cell(&rule.issued),
                cell(&rule.repealed),
                cell(&rule.in_force),
            ) else {
                continue;
            };
            let whole = |n: Number| i128::try_from(n.as_decimal()).unwrap_or(0);
            let expected = i128::from(last_value) + whole(issued) - whole(repealed);
            if expected != whole(actual) {
                let key = crate::template::cell_key(&rule.table, row, &rule.in_force);
                let label = t
                    .table(&rule.table)
                    .and_then(|tb| tb.row(row))
                    .map_or(row.clone(), |(_, r)| r.label.clone());
                let detail = Detail::InForce {
                    row: label,
                    last: last_value,
                    issued,
                    repealed,
                    expected,
                    actual,
                };
                let mut f = finding(
                    Severity::Warning,
                    codes::PREVIOUS_IN_FORCE,
                    Some(key),
                    detail,
                );
                if let Ok(e) = u64::try_from(expected) {
                    f = compared(f, Number::Count(e), actual);
                }
                out.push(f);
            }
        }
    }
    let Some((last_template, last_draft)) = last.full else {
        return;
    };
    if last_template.id == t.id {
        let mut any_nonzero = false;
        let same = t.input_cells().all(|cell| {
            let key = cell.key();
            let this = draft.cell(&key);
            any_nonzero |= this.is_some_and(|n| !n.is_zero());
            this == last_draft.cell(&key)
        });
        // An agency with nothing to report has every figure 0 year after year: not a copy.
        if same && any_nonzero {
            let detail = Detail::Same {
                last_year: Some(last_draft.report.year),
            };
            out.push(finding(
                Severity::Warning,
                codes::PREVIOUS_SAME,
                None,
                detail,
            ));
        }
    }
    let last_totals = totals(last_template, last_draft);
    let last_sheet = Sheet {
        template: last_template,
        draft: last_draft,
        totals: &last_totals,
    };
    for key in &t.checks.jump_totals {
        let (Some(this), Some(then)) = (sheet.known(key), last_sheet.known(key)) else {
            continue;
        };
        let (now, before) = (this.as_decimal(), then.as_decimal());
        let two = rust_decimal::Decimal::TWO;
        if !before.is_zero() && (now > before * two || now * two < before) {
            let detail = Detail::Jump {
                label: t.cell_label(key),
                last: then,
                this,
            };
            let f = finding(
                Severity::Hint,
                codes::PREVIOUS_JUMP,
                Some(key.clone()),
                detail,
            );
            out.push(compared(f, then, this));
        }
    }
    for key in ["overview", "problems"] {
        let percent = shared_text_percent(draft.text(key), last_draft.text(key));
        if percent >= SAME_TEXT_PERCENT {
            let heading = t
                .section(key)
                .map_or(key.to_string(), |s| s.heading.clone());
            let mut f = finding(
                Severity::Hint,
                codes::PREVIOUS_TEXT,
                Some(key.to_string()),
                Detail::PreviousText { heading, percent },
            );
            f.section = key.to_string();
            out.push(f);
        }
    }
}

/// From this share of identical text on, `previous.text` speaks.
const SAME_TEXT_PERCENT: u32 = 50;

/// The share (in percent of characters) of this year's text made of sentences that stand
/// word for word in last year's.
fn shared_text_percent(this: &str, last: &str) -> u32 {
    let split = |text: &str| -> Vec<String> {
        text.split(['。', '！', '？', '；', '\n'])
            .map(|s| s.trim().to_string())
            .filter(|s| s.chars().count() >= 8)
            .collect()
    };
    let old: std::collections::HashSet<String> = split(last).into_iter().collect();
    let sentences = split(this);
    let total: usize = sentences.iter().map(|s| s.chars().count()).sum();
    if total == 0 {
        return 0;
    }
    let same: usize = sentences
        .iter()
        .filter(|s| old.contains(*s))
        .map(|s| s.chars().count())
        .sum();
    (same * 100 / total) as u32
}

/// `ledger.stale`: table 三 (and the fees) no longer equal the ledger named in `[ledger]`, or
/// that ledger is gone or can no longer be counted.
pub(super) fn ledger(sheet: &Sheet, now: &super::LedgerNow, out: &mut Vec<Finding>) {
    let draft = sheet.draft;
    let Some(source) = &draft.ledger else {
        return;
    };
    let file = source.file.clone();
    let section = sheet.template.checks.balance.table.clone();
    let mut f = match now {
        super::LedgerNow::Gone | super::LedgerNow::Unreadable => finding(
            Severity::Hint,
            codes::LEDGER_STALE,
            None,
            Detail::LedgerGone {
                file,
                unreadable: matches!(now, super::LedgerNow::Unreadable),
            },
        ),
        super::LedgerNow::Counted(values) => {
            let differing: Vec<&(String, Number)> = values
                .iter()
                .filter(|(key, n)| {
                    let held = match key.strip_prefix("fees.") {
                        Some(fee) => draft.fees.get(fee).copied(),
                        None => draft.cell(key),
                    };
                    held != Some(*n)
                })
                .collect();
            let Some((first, expected)) = differing.first() else {
                return;
            };
            let mut f = finding(
                Severity::Hint,
                codes::LEDGER_STALE,
                Some(first.clone()),
                Detail::LedgerStale {
                    file,
                    differing: differing.len(),
                },
            );
            f.expected = Some(*expected);
            f.actual = match first.strip_prefix("fees.") {
                Some(fee) => draft.fees.get(fee).copied(),
                None => draft.cell(first),
            };
            f
        }
    };
    f.section = section;
    out.push(f);
}
