//! The draft of one report: metadata, prose, the typed numbers, acknowledgements.
//!
//! A blank cell is absent (`None`), never 0. Totals are not stored: `check::totals` computes
//! them. Drafts are read from and written to TOML by [`load`] and [`save`].

#![warn(missing_docs)]

pub mod carry;
pub mod load;
pub mod merge;
// The numbers live below both `template` and `report`; `report::number` is kept as their path.
pub use crate::number;
pub mod save;
pub mod text;

use std::collections::BTreeMap;

pub use load::{IoFault, LoadError, Problem};
pub use number::Number;

/// The draft schema this program reads and writes.
pub const SCHEMA: i64 = 1;

/// Whether the report is a department's or a people's government's own (their deadlines differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyKind {
    /// A department (局, 委, 办 …) reporting on its own work; due by the format's
    /// `deadline.department` (31 January).
    #[default]
    Department,
    /// A people's government (or a 管委会) reporting for its whole area; due by
    /// `deadline.government` (31 March), and its overview is expected to cover accountability
    /// (工作考核, 社会评议, 责任追究).
    Government,
}

impl AgencyKind {
    /// The word a draft's `report.kind` is written with: `department` or `government`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Department => "department",
            AgencyKind::Government => "government",
        }
    }

    /// The kind `report.kind` names; `None` for any other word (the loader then lists both).
    pub fn parse(text: &str) -> Option<AgencyKind> {
        match text {
            "department" => Some(AgencyKind::Department),
            "government" => Some(AgencyKind::Government),
            _ => None,
        }
    }
}

/// `[report]`: who reports, for which year, and whom to contact.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Meta {
    /// The reporting agency's full name, as the title prints it (「某某市人力资源和社会保障局」);
    /// also what `merge` tells units apart by.
    pub agency: String,
    /// The year reported on (1 January to 31 December); the format follows from it.
    pub year: i32,
    /// Department or people's government: which deadline and checks apply.
    pub kind: AgencyKind,
    /// The office to contact about the report (「办公室」), printed in the preamble; the agency's
    /// name is put before a bare office. Empty draws the `report.contact` warning.
    pub contact_office: String,
    /// The office's postal address for the preamble. Empty draws the `report.contact` warning.
    pub address: String,
    /// The postal code for the preamble; empty leaves it out.
    pub postcode: String,
    /// The contact telephone for the preamble. Empty draws the `report.contact` warning.
    pub phone: String,
    /// The contact e-mail address for the preamble; empty leaves it out.
    pub email: String,
    /// The portal where the report is published; empty names the portal without an address.
    pub website: String,
}

/// The text fields of `[report]` in file order: one list for the loader, the saver and the forms.
pub const META_TEXT_FIELDS: [&str; 7] = [
    "agency",
    "contact_office",
    "address",
    "postcode",
    "phone",
    "email",
    "website",
];

impl Meta {
    /// A text field by its key in `[report]` (one of [`META_TEXT_FIELDS`]); `None` for any
    /// other key, `year` and `kind` included.
    pub fn text(&self, key: &str) -> Option<&str> {
        Some(match key {
            "agency" => &self.agency,
            "contact_office" => &self.contact_office,
            "address" => &self.address,
            "postcode" => &self.postcode,
            "phone" => &self.phone,
            "email" => &self.email,
            "website" => &self.website,
            _ => return None,
        })
    }

    /// A text field by its key in `[report]`, to change it; `None` as for [`Meta::text`].
    pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "agency" => &mut self.agency,
            "contact_office" => &mut self.contact_office,
            "address" => &mut self.address,
            "postcode" => &mut self.postcode,
            "phone" => &mut self.phone,
            "email" => &mut self.email,
            "website" => &mut self.website,
            _ => return None,
        })
    }
}

/// `[previous]`: last year's figures a check compares against.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Previous {
    /// The year these figures are of, as `new --from` records it; `None` when not written.
    pub year: Option<i32>,
    /// Last year's draft, relative to this one's folder (written by `new --from`), so that the
    /// editor can show last year's text and `check` can compare every figure.
    pub file: Option<String>,
    /// Last year's 四、结转下年度继续办理, by column.
    pub carried_forward: BTreeMap<String, u64>,
    /// Last year's 现行有效件数, by row (gip-2021).
    pub in_force: BTreeMap<String, u64>,
}

impl Previous {
    /// Whether it records nothing at all, so that a summary leaves `[previous]` out rather
    /// than write an empty one.
    pub fn is_empty(&self) -> bool {
        self.year.is_none()
            && self.file.is_none()
            && self.carried_forward.is_empty()
            && self.in_force.is_empty()
    }
}

/// `[ledger]`: the case ledger table 三 was counted from (`gongkai ledger --into`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct LedgerSource {
    /// The ledger file, relative to this draft's folder (or a full path).
    pub file: String,
    /// The sheet read, when it was chosen by name (`--sheet`) rather than found.
    pub sheet: Option<String>,
}

/// A warning the officer has answered with a reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Acknowledgement {
    /// The code of the finding answered, such as `previous.jump` (see [`crate::check::codes`]).
    pub code: String,
    /// The cell, fee or section key of the finding answered; `None` answers the finding of
    /// that code that names no cell.
    pub cell: Option<String>,
    /// For a figure in the prose: the words it answers, so a later contradiction of the same
    /// cell is not answered by it too. Absent, it answers every finding of its code and cell.
    pub quote: Option<String>,
    /// Why the warning stands, in the officer's words; answered, it no longer blocks a
    /// finished export (which says only that it was answered, not why).
    pub reason: String,
}

/// One report being written.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Draft {
    /// The id of its format (`gip-2019`, `gip-2021`); [`crate::template::Template::builtin`]
    /// gives that format's tables and checks.
    pub template: String,
    /// `[report]`: agency, year, kind and contact.
    pub report: Meta,
    /// Prose by section key (`overview`, `problems`, `other`); absent is empty.
    pub text: BTreeMap<String, String>,
    /// Typed numbers by cell key `table.row.column`; absent is blank.
    pub cells: BTreeMap<String, Number>,
    /// The unit recorded for an amount the format prints without one (`procurement.amount_unit`),
    /// by cell key.
    pub units: BTreeMap<String, String>,
    /// 信息处理费 figures by fee key; absent is blank.
    pub fees: BTreeMap<String, Number>,
    /// `[previous]`; `None` when the draft has none, and the cross-year checks then rely on
    /// last year's whole draft if one is given.
    pub previous: Option<Previous>,
    /// The ledger table 三 came from, for the `ledger.stale` hint.
    pub ledger: Option<LedgerSource>,
    /// `[[acknowledged]]`: the warnings answered with a reason, in file order.
    pub acknowledged: Vec<Acknowledgement>,
    /// For a merged summary: the units whose drafts were summed.
    pub sources: Vec<String>,
}

impl Draft {
    /// A new, empty draft for an agency and year in the given format.
    pub fn new(template: &str, agency: &str, year: i32, kind: AgencyKind) -> Draft {
        Draft {
            template: template.to_string(),
            report: Meta {
                agency: agency.to_string(),
                year,
                kind,
                ..Meta::default()
            },
            ..Draft::default()
        }
    }

    /// The figure typed in a cell (`table.row.column`); `None` when blank, and always for a
    /// total, which only [`crate::check::totals()`] works out.
    pub fn cell(&self, key: &str) -> Option<Number> {
        self.cells.get(key).copied()
    }

    /// The prose of a section (`overview`, `problems`, `other`); empty when none was written.
    pub fn text(&self, section: &str) -> &str {
        self.text.get(section).map_or("", String::as_str)
    }

    /// Moves the draft to another format (after a change of year): figures whose cell the new
    /// format also has are kept, the others dropped, and the keys dropped are returned.
    pub fn switch_template(&mut self, template: &crate::template::Template) -> Vec<String> {
        let mut dropped: Vec<String> = self
            .cells
            .keys()
            .filter(|k| template.cell(k).is_none_or(|c| c.is_computed()))
            .cloned()
            .collect();
        for key in &dropped {
            self.cells.remove(key);
        }
        self.units.retain(|k, _| template.cell(k).is_some());
        if template.has_fees {
            self.fees.retain(|k, _| template.fee(k).is_some());
        } else {
            dropped.extend(self.fees.keys().map(|k| format!("fees.{k}")));
            self.fees.clear();
        }
        self.text
            .retain(|k, _| template.prose_sections().any(|s| &s.key == k));
        // Last year's figures keep only what the new format checks against, so that what is
        // saved can be read again.
        if let Some(previous) = &mut self.previous {
            let carry_columns: Vec<String> = template
                .cell_row(&template.checks.carry.last_year)
                .map(|(block, _)| block.columns.iter().map(|c| c.key.clone()).collect())
                .unwrap_or_default();
            let in_force_rows: Vec<String> = template
                .checks
                .in_force
                .iter()
                .flat_map(|f| f.rows.clone())
                .collect();
            for (name, values, allowed) in [
                (
                    "carried_forward",
                    &mut previous.carried_forward,
                    carry_columns,
                ),
                ("in_force", &mut previous.in_force, in_force_rows),
            ] {
                let gone: Vec<String> = values
                    .keys()
                    .filter(|k| !allowed.contains(k))
                    .cloned()
                    .collect();
                for key in gone {
                    values.remove(&key);
                    dropped.push(format!("previous.{name}.{key}"));
                }
            }
        }
        self.template = template.id.clone();
        dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    #[test]
    fn a_draft_switched_to_another_format_can_be_saved_and_read_again() {
        let new = Template::builtin("gip-2021").expect("built in");
        let old = Template::builtin("gip-2019").expect("built in");
        let mut draft = Draft::new(&new.id, "某局", 2021, AgencyKind::Department);
        draft.previous = Some(Previous {
            year: Some(2020),
            in_force: [("regulations".to_string(), 3)].into(),
            carried_forward: [("business".to_string(), 1)].into(),
            ..Previous::default()
        });
        draft.fees.insert("notices".into(), Number::Count(0));
        draft.report.year = 2020;
        let dropped = draft.switch_template(old);
        assert!(dropped.contains(&"previous.in_force.regulations".to_string()));
        assert!(dropped.contains(&"fees.notices".to_string()));
        let text = save::to_toml(old, &draft);
        assert_eq!(load::load_str(&text), Ok(draft));
    }

    #[test]
    fn switching_format_keeps_shared_cells_and_names_the_dropped() {
        let old = Template::builtin("gip-2019").expect("built in");
        let new = Template::builtin("gip-2021").expect("built in");
        let mut draft = Draft::new(&old.id, "某局", 2020, AgencyKind::Department);
        draft.cells.insert(
            "requests.new_received.natural_person".into(),
            Number::Count(5),
        );
        draft
            .cells
            .insert("proactive.regulations.made".into(), Number::Count(1));
        draft.text.insert("problems".into(), "问题".into());
        let dropped = draft.switch_template(new);
        assert_eq!(draft.template, "gip-2021");
        assert_eq!(dropped, vec!["proactive.regulations.made".to_string()]);
        assert_eq!(
            draft.cell("requests.new_received.natural_person"),
            Some(Number::Count(5))
        );
        assert_eq!(draft.text("problems"), "问题");
    }
}
