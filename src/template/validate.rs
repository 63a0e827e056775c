//! Consistency checks on a parsed template: unique keys, references that resolve, no cycles.
//!
//! Templates are written by the developers, so these messages are for them (English); a template
//! that fails here never ships, because the built-in ones are validated by the test suite.

use super::{Kind, Layout, SectionKind, Table, Template};
use std::collections::HashSet;

/// Why a template was refused ([`Template::parse`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// The text is not TOML, or not in a template's shape (a field unknown, missing or of the
    /// wrong type).
    #[error("template syntax at byte {offset:?}: {message}")]
    Syntax {
        /// Where in the text, in bytes, the parser found the problem, when it can tell.
        offset: Option<usize>,
        /// The parser's account of the problem.
        message: String,
    },
    /// The template reads but does not hold together: a key repeated, a reference that names
    /// nothing, a group its own ancestor.
    #[error("template {template}: {problem}")]
    Invalid {
        /// The id of the template at fault.
        template: String,
        /// What is wrong, in English.
        problem: String,
    },
}

pub(super) fn validate(t: &Template) -> Result<(), TemplateError> {
    let fail = |problem: String| {
        Err(TemplateError::Invalid {
            template: t.id.clone(),
            problem,
        })
    };
    if t.id.is_empty() || t.sections.is_empty() {
        return fail("a template needs an id and sections".into());
    }
    if let Some(last) = t.last_year
        && last < t.first_year
    {
        return fail(format!("last_year {last} is before first_year"));
    }
    unique(t.sections.iter().map(|s| s.key.as_str()), "section").or_else(fail)?;
    unique(t.tables.iter().map(|s| s.key.as_str()), "table").or_else(fail)?;
    unique(t.fees.iter().map(|s| s.key.as_str()), "fee").or_else(fail)?;
    for section in &t.sections {
        let is_table = t.table(&section.key).is_some();
        if is_table != (section.kind == SectionKind::Table) {
            return fail(format!(
                "section {} and the tables do not agree",
                section.key
            ));
        }
    }
    if t.has_fees == t.fees.is_empty() {
        return fail("has_fees and [[fees]] do not agree".into());
    }
    for table in &t.tables {
        validate_table(table).or_else(fail)?;
    }
    validate_checks(t).or_else(fail)?;
    validate_narrative(t).or_else(fail)
}

fn unique<'a>(keys: impl Iterator<Item = &'a str>, what: &str) -> Result<(), String> {
    let mut seen = HashSet::new();
    for key in keys {
        if key.is_empty() || key.contains('.') {
            return Err(format!("{what} key {key:?} must be a non-empty word"));
        }
        if !seen.insert(key) {
            return Err(format!("{what} key {key} appears twice"));
        }
    }
    Ok(())
}

fn validate_table(table: &Table) -> Result<(), String> {
    let name = &table.key;
    if table.blocks.is_empty() {
        return Err(format!("table {name} has no blocks"));
    }
    unique(table.groups.iter().map(|g| g.key.as_str()), "group")?;
    unique(table.rows().map(|(_, r)| r.key.as_str()), "row")?;
    for group in &table.groups {
        if let Some(parent) = &group.parent
            && table.group(parent).is_none()
        {
            return Err(format!("group {} has unknown parent {parent}", group.key));
        }
        // A cycle would make the chain longer than the number of groups.
        let mut next = Some(group.key.as_str());
        let mut steps = 0;
        while let Some(key) = next {
            steps += 1;
            if steps > table.groups.len() + 1 {
                return Err(format!("group {} is its own ancestor", group.key));
            }
            next = table.group(key).and_then(|g| g.parent.as_deref());
        }
    }
    if !(1..=8).contains(&table.label_columns) {
        return Err(format!("table {name}: label_columns must be 1 to 8"));
    }
    for block in &table.blocks {
        if block.columns.is_empty() || block.rows.is_empty() {
            return Err(format!("table {name}: a block needs rows and columns"));
        }
        unique(block.columns.iter().map(|c| c.key.as_str()), "column")?;
        for column in &block.columns {
            if let Some(g) = &column.group
                && table.group(g).is_none()
            {
                return Err(format!("column {} has unknown group {g}", column.key));
            }
            if column.unit.is_some() && (column.kind != Kind::Amount || !column.units.is_empty()) {
                return Err(format!(
                    "column {}: only an amount with no units to choose prints a unit",
                    column.key
                ));
            }
            if !column.units.is_empty() && column.kind != Kind::Amount {
                return Err(format!("column {}: only amounts take units", column.key));
            }
            if column.units.len() != column.unit_factors.len() || column.unit_factors.contains(&0) {
                return Err(format!(
                    "column {}: one non-zero factor per unit",
                    column.key
                ));
            }
            for key in &column.carry_from {
                if !block.columns.iter().any(|c| &c.key == key) {
                    return Err(format!(
                        "column {}: carry_from {key} is not a column",
                        column.key
                    ));
                }
            }
            if let Some(sum) = &column.sum {
                for key in sum {
                    let parts = table.expand_columns(block, key);
                    if parts.is_empty() || parts.iter().any(|c| c.key == column.key) {
                        return Err(format!("column {}: bad sum part {key}", column.key));
                    }
                }
            }
        }
        for row in &block.rows {
            if let Some(g) = &row.group
                && table.group(g).is_none()
            {
                return Err(format!("row {} has unknown group {g}", row.key));
            }
            if table.layout == Layout::Matrix && table.row_path(row).len() > table.label_columns {
                return Err(format!(
                    "row {} is nested deeper than the label columns",
                    row.key
                ));
            }
            for key in &row.carry_from {
                if table.row(key).is_none() {
                    return Err(format!("row {}: carry_from {key} is not a row", row.key));
                }
            }
            if let Some(sum) = &row.sum {
                for key in sum {
                    let parts = table.expand_rows(key);
                    if parts.is_empty() || parts.iter().any(|r| r.key == row.key) {
                        return Err(format!("row {}: bad sum part {key}", row.key));
                    }
                }
            }
        }
    }
    // Only table 二's layout prints block after block: the others lay out, check and read
    // their first block alone, and would drop the rest without a word.
    if table.layout != Layout::Blocks && table.blocks.len() != 1 {
        return Err(format!(
            "table {name}: a {:?} table has one block",
            table.layout
        ));
    }
    Ok(())
}

fn has_row(t: &Template, table_row: &str) -> bool {
    super::split_row_key(table_row).is_some_and(|(table, row)| {
        t.table(table)
            .is_some_and(|tb| !tb.expand_rows(row).is_empty())
    })
}

fn validate_checks(t: &Template) -> Result<(), String> {
    let c = &t.checks;
    for key in &c.prose_required {
        if t.section(key).is_none_or(|s| s.kind != SectionKind::Prose) {
            return Err(format!("prose_required names {key}, not a prose section"));
        }
    }
    for key in &c.headings_need_text {
        if t.section(key).is_none_or(|s| s.kind != SectionKind::Prose) {
            return Err(format!(
                "headings_need_text names {key}, not a prose section"
            ));
        }
    }
    let balance = t
        .table(&c.balance.table)
        .ok_or("balance names an unknown table")?;
    for row in c.balance.left.iter().chain(&c.balance.right) {
        if balance.row(row).is_none() {
            return Err(format!("balance names unknown row {row}"));
        }
    }
    if !has_row(t, &c.carry.this_year) || !has_row(t, &c.carry.last_year) {
        return Err("carry names an unknown row".into());
    }
    if let Some(f) = &c.in_force {
        // Checked here and not only through its rows: with none, a misspelt table would pass.
        if t.table(&f.table).is_none() || f.rows.is_empty() {
            return Err(format!(
                "in_force names unknown table {} or no rows",
                f.table
            ));
        }
        for row in &f.rows {
            for column in [&f.in_force, &f.issued, &f.repealed] {
                if t.table(&f.table)
                    .and_then(|tb| tb.cell(row, column))
                    .is_none()
                {
                    return Err(format!("in_force names unknown cell {row}.{column}"));
                }
            }
        }
    }
    if let Some(u) = &c.unpaid_fees
        && (t.cell(&u.cell).is_none() || t.fee(&u.notices).is_none())
    {
        return Err("unpaid_fees names an unknown cell or fee".into());
    }
    for key in &c.jump_totals {
        if t.cell(key).is_none() {
            return Err(format!("jump_totals names unknown cell {key}"));
        }
    }
    for date in [&c.deadline.department, &c.deadline.government] {
        if parse_month_day(date).is_none() {
            return Err(format!("deadline {date} is not MM-DD"));
        }
    }
    Ok(())
}

/// `MM-DD` → (month, day).
pub(crate) fn parse_month_day(text: &str) -> Option<(i8, i8)> {
    let (m, d) = text.split_once('-')?;
    let (m, d): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
    // A day every year has (checked in a common year): 02-31 or 02-29 would leave a deadline
    // that some years cannot build, and its hint would silently not show.
    jiff::civil::Date::new(2023, m, d).ok().map(|_| (m, d))
}

fn validate_narrative(t: &Template) -> Result<(), String> {
    let n = &t.narrative;
    if n.units.is_empty() || n.units.iter().any(|u| u.is_empty()) {
        return Err("narrative needs units".into());
    }
    let words = n
        .terms
        .iter()
        .flat_map(|term| &term.words)
        .chain(n.breakdown.iter())
        .chain(n.approximate.iter())
        .chain(n.upheld_all.words.iter())
        .chain(n.qualifiers.iter().flat_map(|q| &q.words))
        .chain(n.scope.own.iter())
        .chain(n.scope.area.iter())
        .chain(n.scope.parts.iter())
        .chain(n.scope.place_suffixes.iter())
        .chain(n.not_terms.iter())
        .chain(n.other_period.iter())
        .chain(n.none.iter());
    if words.clone().any(|w| w.is_empty()) {
        return Err("narrative has an empty word".into());
    }
    if n.scope
        .place_suffixes
        .iter()
        .any(|s| s.chars().count() != 1)
    {
        return Err("narrative place suffixes are single characters".into());
    }
    let appeals = t
        .table(&n.upheld_all.table)
        .ok_or("upheld_all names an unknown table")?;
    for column in &n.upheld_all.contradicted_by {
        if !appeals.has_column_key(column) {
            return Err(format!("upheld_all names unknown column {column}"));
        }
    }
    for q in &n.qualifiers {
        if !q
            .columns
            .iter()
            .all(|c| t.tables.iter().any(|tb| tb.has_column_key(c)))
        {
            return Err(format!("qualifier {:?} names an unknown column", q.words));
        }
    }
    for term in &n.terms {
        if term.figures.is_empty() {
            return Err(format!("term {:?} has no figures", term.words));
        }
        let figures = term
            .figures
            .iter()
            .chain(term.senses.iter().flat_map(|s| &s.figures));
        for figure in figures {
            if figure.is_empty() {
                return Err(format!("term {:?} has an empty figure", term.words));
            }
            for reference in figure {
                let fee = reference
                    .strip_prefix("fees.")
                    .is_some_and(|k| t.fee(k).is_some());
                let ok = fee
                    || t.cell(reference).is_some()
                    || (reference.matches('.').count() == 1 && has_row(t, reference));
                if !ok {
                    return Err(format!("term {:?}: unknown figure {reference}", term.words));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_month_day;

    const GIP_2021: &str = include_str!("../../assets/templates/gip-2021.toml");

    fn refused(text: &str) -> String {
        match crate::template::Template::parse(text) {
            Ok(_) => panic!("a broken template was accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn rules_that_name_nothing_and_tables_that_would_lose_blocks_are_refused() {
        assert!(crate::template::Template::parse(GIP_2021).is_ok());
        let in_force =
            r#"in_force = { table = "proactive", rows = ["regulations", "normative_documents"]"#;
        assert!(GIP_2021.contains(in_force));
        let e =
            refused(&GIP_2021.replace(in_force, r#"in_force = { table = "proactiv", rows = []"#));
        assert!(e.contains("in_force names unknown table proactiv"), "{e}");
        let carry = GIP_2021
            .lines()
            .find(|l| l.starts_with("carry"))
            .expect("a carry rule");
        assert!(
            refused(&GIP_2021.replace(carry, &carry.replace("requests.", "request.")))
                .contains("carry names an unknown row")
        );
        // A second block under table 三 would never be printed, checked or read.
        let appeals = "# ---------------------------------------------------------------- 四";
        assert!(GIP_2021.contains(appeals));
        let e = refused(&GIP_2021.replacen(
            appeals,
            &format!(
                "[[tables.blocks]]\ncolumns = [{{ key = \"x\", header = \"X\", kind = \"count\" }}]\nrows = [{{ key = \"y\", label = \"Y\", help = \"Y\" }}]\n\n{appeals}"
            ),
            1,
        ));
        assert!(
            e.contains("table requests: a Matrix table has one block"),
            "{e}"
        );
    }

    #[test]
    fn a_deadline_is_a_day_every_year_has() {
        assert_eq!(parse_month_day("01-31"), Some((1, 31)));
        assert_eq!(parse_month_day("03-31"), Some((3, 31)));
        assert_eq!(parse_month_day("12-31"), Some((12, 31)));
        for bad in ["02-31", "02-29", "04-31", "13-01", "00-10", "1-", "一月"] {
            assert_eq!(parse_month_day(bad), None, "{bad}");
        }
    }
}
