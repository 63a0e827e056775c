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
    /// `[rows]`: where in table 三 the counts go.
    pub rows: Rows,
    /// `[fees]`: where the 信息处理费 figures go.
    pub fees: FeeKeys,
    /// `[headers]`: how a ledger's columns are recognised.
    pub headers: Headers,
    /// Synonyms by applicant column key.
    pub applicants: std::collections::BTreeMap<String, Vec<String>>,
    /// `[answers]`: how a 是否发出收费通知 cell says yes or no.
    pub answers: Answers,
    /// `[template]`: the office's own columns in the ledger template.
    pub template: TemplateColumns,
}

/// Row keys of table 三 in the templates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rows {
    /// Table 三 itself (`requests`).
    pub table: String,
    /// 一、本年新收: the cases received in the report year.
    pub received: String,
    /// 二、上年结转: the cases received before the year and still open on 1月1日.
    pub carried_over: String,
    /// The group 三、本年度办理结果, whose input rows are the results a case is concluded
    /// with; the 办理结果 column names one of them.
    pub results: String,
    /// 四、结转下年度继续办理: the cases still open on 12月31日.
    pub carried_forward: String,
}

/// Fee keys of the templates' `[[fees]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeKeys {
    /// 发出收费通知的件数: the cases whose fee notice counts in the year.
    pub notices: String,
    /// 收费通知总金额: the sum of their 收费金额.
    pub billed: String,
    /// 实际收取的总金额: the sum of their 实收金额.
    pub collected: String,
}

/// Header texts by what the column holds, preferred first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headers {
    /// 收到日期, 受理日期, …: [`Role::Received`].
    pub received: Vec<String>,
    /// 申请人类型, 申请人类别, …: [`Role::Applicant`].
    pub applicant: Vec<String>,
    /// 办理结果, 答复类型, …: [`Role::Result`].
    pub result: Vec<String>,
    /// 办结日期, 答复日期, …: [`Role::Concluded`].
    pub concluded: Vec<String>,
    /// 收费通知日期, …: [`Role::FeeNoticeDate`].
    pub fee_notice_date: Vec<String>,
    /// 是否发出收费通知, …: [`Role::FeeNotice`].
    pub fee_notice: Vec<String>,
    /// 收费金额, 应收金额, …: [`Role::FeeBilled`].
    pub fee_billed: Vec<String>,
    /// 实收金额, 已缴金额, …: [`Role::FeeCollected`].
    pub fee_collected: Vec<String>,
}

/// The words a 是否发出收费通知 cell may say (compared normalised, so 「Yes」 is `yes`); a
/// true or false cell answers too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// A notice was sent (是, 已发, √, …): the case counts in 发出收费通知的件数.
    pub yes: Vec<String>,
    /// No notice was sent (否, 未发, ×, …).
    pub no: Vec<String>,
}

/// Columns of the ledger template that gongkai writes but does not read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateColumns {
    /// First, before 收到日期 (序号).
    pub extra_before: Vec<String>,
    /// Between the applicant type and 办理结果 (申请人姓名或名称, 申请内容).
    pub extra_middle: Vec<String>,
    /// Last (备注).
    pub extra_after: Vec<String>,
}

/// What a ledger column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 收到日期: a case received in the year counts in 一 本年新收; one received before it and
    /// still open on 1月1日, in 二 上年结转.
    Received,
    /// 申请人类型: which applicant column of table 三 the case counts in.
    Applicant,
    /// 办理结果: which result row of 三、本年度办理结果 the case counts in once concluded.
    Result,
    /// 办结日期: the result counts in this date's year; empty while the case is open, which
    /// puts it in 四 结转下年度 at the year's end.
    Concluded,
    /// 收费通知日期: filled, a fee notice was sent; it counts in this date's year.
    FeeNoticeDate,
    /// 是否发出收费通知: whether a fee notice was sent, when no notice date says so.
    FeeNotice,
    /// 收费金额: the amount the notice asked for, summed into 收费通知总金额. Without either
    /// notice column, a filled amount means a notice was sent.
    FeeBilled,
    /// 实收金额: the amount collected, summed into 实际收取的总金额.
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
    /// Every column gongkai reads. A header row is matched in this order, each column going
    /// to the first role that names it.
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

    /// The header texts that mark a column as holding `role`, preferred first.
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
