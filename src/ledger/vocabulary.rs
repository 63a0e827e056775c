//! What offices write in a ledger instead of the official labels: header synonyms, applicant
//! synonyms, yes/no words, and which rows of table 三 a ledger fills. Read from
//! `assets/ledger.toml` (embedded), so a new synonym is a line of data, not code.

use serde::Deserialize;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../../assets/ledger.toml");

/// The whole of `assets/ledger.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    pub rows: Rows,
    pub fees: FeeKeys,
    pub headers: Headers,
    /// Synonyms by applicant column key.
    pub applicants: std::collections::BTreeMap<String, Vec<String>>,
    pub answers: Answers,
    pub template: TemplateColumns,
}

/// Row keys of table 三 in the templates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rows {
    pub table: String,
    pub received: String,
    pub carried_over: String,
    pub results: String,
    pub carried_forward: String,
}

/// Fee keys of the templates' `[[fees]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeKeys {
    pub notices: String,
    pub billed: String,
    pub collected: String,
}

/// Header texts by what the column holds, preferred first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headers {
    pub received: Vec<String>,
    pub applicant: Vec<String>,
    pub result: Vec<String>,
    pub concluded: Vec<String>,
    pub fee_notice_date: Vec<String>,
    pub fee_notice: Vec<String>,
    pub fee_billed: Vec<String>,
    pub fee_collected: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub yes: Vec<String>,
    pub no: Vec<String>,
}

/// Columns of the ledger template that gongkai writes but does not read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateColumns {
    pub extra_before: Vec<String>,
    pub extra_middle: Vec<String>,
    pub extra_after: Vec<String>,
}

/// What a ledger column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Received,
    Applicant,
    Result,
    Concluded,
    FeeNoticeDate,
    FeeNotice,
    FeeBilled,
    FeeCollected,
}

impl Role {
    /// The columns without which no table can be counted.
    pub const REQUIRED: [Role; 4] = [
        Role::Received,
        Role::Applicant,
        Role::Result,
        Role::Concluded,
    ];
    pub const ALL: [Role; 8] = [
        Role::Received,
        Role::Applicant,
        Role::Result,
        Role::Concluded,
        Role::FeeNoticeDate,
        Role::FeeNotice,
        Role::FeeBilled,
        Role::FeeCollected,
    ];
}

impl Vocabulary {
    /// The built-in vocabulary. A broken `assets/ledger.toml` is a defect of the build, caught
    /// by the tests, hence the panic.
    pub fn get() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| toml::from_str(SOURCE).expect("assets/ledger.toml is valid"))
    }

    pub fn headers(&self, role: Role) -> &[String] {
        let h = &self.headers;
        match role {
            Role::Received => &h.received,
            Role::Applicant => &h.applicant,
            Role::Result => &h.result,
            Role::Concluded => &h.concluded,
            Role::FeeNoticeDate => &h.fee_notice_date,
            Role::FeeNotice => &h.fee_notice,
            Role::FeeBilled => &h.fee_billed,
            Role::FeeCollected => &h.fee_collected,
        }
    }

    /// The header the ledger template writes for a column.
    pub fn header(&self, role: Role) -> &str {
        self.headers(role).first().map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    #[test]
    fn the_vocabulary_names_rows_columns_and_fees_every_template_has() {
        let v = Vocabulary::get();
        for template in Template::all() {
            let table = template.table(&v.rows.table).expect("table 三");
            for row in [
                &v.rows.received,
                &v.rows.carried_over,
                &v.rows.carried_forward,
            ] {
                assert!(table.row(row).is_some(), "{} lacks {row}", template.id);
            }
            assert!(!table.expand_rows(&v.rows.results).is_empty());
            for key in v.applicants.keys() {
                assert!(table.has_column_key(key), "{} lacks {key}", template.id);
            }
            if template.has_fees {
                for key in [&v.fees.notices, &v.fees.billed, &v.fees.collected] {
                    assert!(template.fee(key).is_some());
                }
            }
        }
        for role in Role::ALL {
            assert!(!v.header(role).is_empty());
        }
    }
}
