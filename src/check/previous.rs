//! Last year's figure for a cell of this year's report, for the editor to show on focus.
//!
//! Two things can be known about a cell from last year: the same cell in last year's report
//! (when last year's format has it, with the same kind of number), and what carries into it
//! (二、上年结转 from last year's 四、结转下年度; in gip-2019 上一年项目数量 from last year's
//! 上一年项目数量 plus 本年增/减). With last year's whole draft both come from it; with only
//! `[previous]`, from the figures it keeps (结转下年度 and 现行有效件数).

use super::LastYear;
use crate::report::Number;
use crate::report::carry::{carried_sum, carry_sources};
use crate::template::Template;

/// What last year's report says about a cell of this year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastValue {
    /// The same cell last year.
    pub same: Option<Number>,
    /// What carries into this cell from last year.
    pub carried: Option<Carried>,
}

/// The figure that carries into a cell: its sources in last year's report and their sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    /// The sources' labels: rows (四、结转下年度继续办理) or columns (上一年项目数量, 本年增/减).
    pub from: Vec<String>,
    /// Their sum in last year's report: what this year's cell should hold.
    pub value: Number,
}

/// Last year's figures for a typed cell of this year's report (`table.row.column`); `None` when
/// last year says nothing about it.
pub fn last_value(template: &Template, key: &str, last: &LastYear) -> Option<LastValue> {
    let cell = template.cell(key).filter(|c| !c.is_computed())?;
    let kind = cell.column.kind;
    let from_full = last.full.and_then(|(t, d)| {
        t.cell(key)
            .filter(|c| !c.is_computed() && c.column.kind == kind)
            .and_then(|_| d.cell(key))
    });
    let same = from_full.or_else(|| kept_in_previous(template, key, last));

    let sources = carry_sources(&cell);
    let carried = if sources.is_empty() {
        None
    } else {
        let value = match last.full {
            Some((t, d)) => carried_sum(t, d, &sources, kind),
            None => None,
        }
        .or_else(|| {
            // Without last year's draft, `[previous]` still has 四、结转下年度 per column.
            let only = sources.first().filter(|_| sources.len() == 1)?;
            kept_in_previous(template, only, last)
        });
        let from = if cell.row.carry_from.is_empty() {
            cell.column
                .carry_from
                .iter()
                .filter_map(|c| cell.block.columns.iter().find(|col| col.key == *c))
                .map(|c| c.header.clone())
                .collect()
        } else {
            cell.row
                .carry_from
                .iter()
                .filter_map(|r| cell.table.row(r))
                .map(|(_, r)| r.label.clone())
                .collect()
        };
        value.map(|value| Carried { from, value })
    };
    (same.is_some() || carried.is_some()).then_some(LastValue { same, carried })
}

/// A figure of last year that `[previous]` keeps: 四、结转下年度 by column, 现行有效件数 by row.
fn kept_in_previous(template: &Template, key: &str, last: &LastYear) -> Option<Number> {
    let (table, row, column) = crate::template::split_cell_key(key)?;
    if crate::template::split_row_key(&template.checks.carry.last_year) == Some((table, row)) {
        return last.carried_forward.get(column).copied().map(Number::Count);
    }
    let rule = template.checks.in_force.as_ref()?;
    (table == rule.table && column == rule.in_force)
        .then(|| last.in_force.get(row))
        .flatten()
        .copied()
        .map(Number::Count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{AgencyKind, Draft, Previous};

    fn template(id: &str) -> &'static Template {
        Template::builtin(id).expect("built in")
    }

    #[test]
    fn the_same_cell_last_year_and_what_carries_into_carried_over() {
        let t = template("gip-2019");
        let mut last = Draft::new("gip-2019", "某局", 2019, AgencyKind::Department);
        last.cells
            .insert("proactive.licensing.decisions".into(), Number::Count(1037));
        last.cells
            .insert("requests.carried_over.business".into(), Number::Count(4));
        last.cells
            .insert("requests.carried_forward.business".into(), Number::Count(1));
        let ly = LastYear::from_draft(t, &last);

        let v = last_value(t, "proactive.licensing.decisions", &ly).expect("a value");
        assert_eq!(v.same, Some(Number::Count(1037)));
        assert_eq!(v.carried, None);

        let v = last_value(t, "requests.carried_over.business", &ly).expect("a value");
        assert_eq!(v.same, Some(Number::Count(4)), "last year's 二");
        let carried = v.carried.expect("四 carries into 二");
        assert_eq!(carried.value, Number::Count(1));
        assert_eq!(carried.from, vec!["四、结转下年度继续办理".to_string()]);

        assert_eq!(
            last_value(t, "proactive.penalty.decisions", &ly),
            None,
            "blank last year: nothing to show"
        );
        assert_eq!(
            last_value(t, "requests.new_received.total", &ly),
            None,
            "a computed cell is never focused"
        );
    }

    #[test]
    fn project_counts_carry_last_years_count_plus_change() {
        let t = template("gip-2019");
        let mut last = Draft::new("gip-2019", "某局", 2019, AgencyKind::Department);
        last.cells
            .insert("proactive.licensing.last_year".into(), Number::Count(28));
        last.cells
            .insert("proactive.licensing.change".into(), Number::Signed(3));
        let ly = LastYear::from_draft(t, &last);
        let v = last_value(t, "proactive.licensing.last_year", &ly).expect("a value");
        assert_eq!(v.same, Some(Number::Count(28)));
        let carried = v.carried.expect("carried");
        assert_eq!(carried.value, Number::Count(31));
        assert_eq!(carried.from, vec!["上一年项目数量", "本年增/减"]);
    }

    #[test]
    fn previous_alone_gives_carried_forward_and_in_force() {
        let t = template("gip-2021");
        let mut previous = Previous {
            year: Some(2023),
            ..Previous::default()
        };
        previous.carried_forward.insert("natural_person".into(), 2);
        previous.in_force.insert("normative_documents".into(), 23);
        let ly = LastYear::from_previous(&previous);

        let v = last_value(t, "requests.carried_over.natural_person", &ly).expect("a value");
        assert_eq!(v.same, None, "last year's 二 is not in [previous]");
        assert_eq!(v.carried.map(|c| c.value), Some(Number::Count(2)));

        let v = last_value(t, "proactive.normative_documents.in_force", &ly).expect("a value");
        assert_eq!(v.same, Some(Number::Count(23)));

        let v = last_value(t, "requests.carried_forward.natural_person", &ly).expect("a value");
        assert_eq!(v.same, Some(Number::Count(2)));

        assert_eq!(last_value(t, "proactive.licensing.decisions", &ly), None);
    }

    #[test]
    fn across_formats_only_what_last_years_format_has_compares() {
        // gip-2019's 对外公开总数量 is not gip-2021's 现行有效件数: that comes from [previous].
        let t = template("gip-2021");
        let last_t = template("gip-2019");
        let mut last = Draft::new("gip-2019", "某局", 2020, AgencyKind::Department);
        last.cells
            .insert("proactive.licensing.decisions".into(), Number::Count(1037));
        last.cells.insert(
            "proactive.regulations.public_total".into(),
            Number::Count(5),
        );
        let previous = Previous {
            in_force: [("regulations".to_string(), 4)].into(),
            ..Previous::default()
        };
        let ly = LastYear::from_draft(last_t, &last).or_else(&LastYear::from_previous(&previous));
        let v = last_value(t, "proactive.licensing.decisions", &ly).expect("a value");
        assert_eq!(v.same, Some(Number::Count(1037)));
        let v = last_value(t, "proactive.regulations.in_force", &ly).expect("typed in [previous]");
        assert_eq!(
            v.same,
            Some(Number::Count(4)),
            "对外公开总数量 is not 现行有效件数"
        );
    }
}
