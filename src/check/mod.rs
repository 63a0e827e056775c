//! Totals and findings: pure functions of (template, draft, last year's figures, today).
//!
//! Every check of FORMAT.md §5 lives here, configured by the template. A finding carries its
//! severity, code, cell and the facts behind it; `crate::i18n` turns those into a sentence.

#![warn(missing_docs)]

mod completeness;
mod narrative;
mod previous;
mod rules;
pub mod totals;

use crate::report::number::InputError;
use crate::report::{Acknowledgement, Draft, Number, Previous};
use crate::template::Template;
use std::collections::BTreeMap;

pub use completeness::{Heading, fees_left_blank, fees_stated_in_prose, headings};
pub use previous::{Carried, LastValue, last_value};
pub use totals::{Sheet, Total, Totals, totals};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The report is wrong; a finished export is refused.
    Error,
    /// Must be fixed or acknowledged with a reason before a finished export.
    Warning,
    /// Shown, never blocks.
    Hint,
}

/// The codes of FORMAT.md §5.
pub mod codes {
    /// Error: in a column of table 三, 一 + 二 ≠ （七）总计 + 四.
    pub const BALANCE: &str = "requests.balance";
    /// Warning: a number cell left blank (0 must be typed). Cannot be acknowledged, so it
    /// always blocks a finished export.
    pub const BLANK: &str = "blank";
    /// Error: a figure breaks its kind's rules (negative, not whole, too many places, too
    /// large), a total overflows, or an amount in a column without a printed unit has no unit
    /// recorded.
    pub const VALUE: &str = "value";
    /// Error: the draft's format is not the one in force for its report year.
    pub const TEMPLATE_YEAR: &str = "template.year";
    /// Error: a required section (一, 五, 六) is empty, or a heading of 一 (or 一 as a whole,
    /// when it has none) has too little text beneath it.
    pub const TEXT_EMPTY: &str = "text.empty";
    /// Hint: 一 does not mention every topic the template lists (gip-2021's five).
    pub const OVERVIEW_TOPICS: &str = "overview.topics";
    /// Hint: 一 is longer than the template's `overview_max_chars` (off unless set).
    pub const OVERVIEW_LENGTH: &str = "overview.length";
    /// Warning: 联系机构, 电话 or 地址, which the preamble prints, is empty.
    pub const REPORT_CONTACT: &str = "report.contact";
    /// Warning: a people's government's 一 does not mention 工作考核、社会评议、责任追究.
    pub const ACCOUNTABILITY: &str = "government.accountability";
    /// Warning: the 信息处理费 figures are not filled and 六 does not state them either.
    pub const FEES_STATED: &str = "fees.stated";
    /// Warning: more requests closed for unpaid fees than fee notices sent.
    pub const FEES_UNPAID: &str = "fees.unpaid";
    /// Warning: a figure in the prose contradicts the tables.
    pub const NARRATIVE: &str = "narrative.mismatch";
    /// Warning: this year's 二、上年结转 differs from last year's 四, in some column.
    pub const PREVIOUS_CARRY: &str = "previous.carry";
    /// Warning: 现行有效件数 ≠ last year's + 本年制发 − 本年废止 (gip-2021).
    pub const PREVIOUS_IN_FORCE: &str = "previous.in_force";
    /// Warning: every typed figure equals last year's, and not all are 0.
    pub const PREVIOUS_SAME: &str = "previous.same";
    /// Warning: last year's figures are of another year than the one before the report's, so
    /// nothing was compared with them.
    pub const PREVIOUS_YEAR: &str = "previous.year";
    /// Hint: one of the template's watched totals more than doubled or halved since last year.
    pub const PREVIOUS_JUMP: &str = "previous.jump";
    /// Hint: half or more of 一's or 五's text is sentences copied from last year's.
    pub const PREVIOUS_TEXT: &str = "previous.text";
    /// Hint: how many days are left to (or past) the statutory publication deadline.
    pub const DEADLINE: &str = "deadline";
    /// Hint: table 三 no longer equals the ledger `[ledger].file` names, or that ledger is gone.
    pub const LEDGER_STALE: &str = "ledger.stale";
    /// A published report's printed total disagrees with its parts (found by the importer).
    pub const IMPORT_PRINTED_TOTAL: &str = "import.printed_total";
}

/// The facts behind a finding, from which its message is written in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// `requests.balance`: one column of table 三 does not balance.
    Balance {
        /// The column's printed header (自然人, 商业企业 …).
        column: String,
        /// 一、本年新收 + 二、上年结转.
        left: Number,
        /// （七）总计 + 四、结转下年度继续办理.
        right: Number,
    },
    /// `blank`: a number cell left blank.
    Blank {
        /// The cell as the officer finds it: `row label · column header`.
        label: String,
    },
    /// `value`: a typed figure (a cell or a fee) that breaks its kind's rules.
    Value {
        /// The cell (`row label · column header`) or the fee's label.
        label: String,
        /// Which rule it breaks.
        problem: InputError,
    },
    /// `value`: a total whose sum is too large to compute.
    Overflow {
        /// The computed cell, `row label · column header`.
        label: String,
    },
    /// `value`: a nonzero amount in a column that prints no unit, with no unit recorded.
    UnitMissing {
        /// The cell, `row label · column header`.
        label: String,
        /// The units the officer may choose from (元, 万元).
        units: Vec<String>,
    },
    /// `template.year`: the draft's format is not the one in force for its year.
    TemplateYear {
        /// The id of the draft's format (`gip-2019`, `gip-2021`).
        template: String,
        /// The report year.
        year: i32,
        /// The id of the format in force that year; `None` when no format covers it.
        expected: Option<String>,
    },
    /// `text.empty`: a required section has no text at all.
    TextEmpty {
        /// The section's heading (五、存在的主要问题及改进情况).
        heading: String,
    },
    /// Headings of a section with (almost) no text beneath them: an outline is not a report.
    TopicsWithoutText {
        /// The section's heading.
        heading: String,
        /// The headings short of text, as written with their numbers (（一）主动公开).
        topics: Vec<String>,
        /// The characters of text each heading needs (the template's `topic_min_chars`).
        min_chars: usize,
    },
    /// `overview.length`: 一 is longer than the template allows.
    OverviewLength {
        /// Characters in 一, spaces and line breaks not counted.
        chars: usize,
        /// The template's `overview_max_chars`.
        max: usize,
    },
    /// `[report]` fields the preamble prints that are empty (keys of `Meta`).
    Contact {
        /// Field keys (`contact_office`, `phone`, `address`), in that order.
        missing: Vec<String>,
    },
    /// `overview.topics`: topics 一 does not mention.
    Topics {
        /// The topics' names as the template gives them (主动公开, 平台建设 …).
        missing: Vec<String>,
    },
    /// `government.accountability`: words a people's government's 一 lacks.
    Accountability {
        /// Those of 工作考核, 社会评议, 责任追究 not found.
        missing: Vec<String>,
    },
    /// `fees.stated`: 信息处理费 figures neither filled nor stated in 六.
    FeesNotStated {
        /// The labels of the blank fee figures.
        missing: Vec<String>,
    },
    /// `fees.unpaid`: more requests closed for unpaid fees than fee notices sent.
    FeesUnpaid {
        /// Requests no longer handled because the fee went unpaid (table 三, in 件).
        unpaid: Number,
        /// Fee notices sent this year (发出收费通知的件数).
        notices: Number,
    },
    /// A section that must say something, with almost nothing in it and no headings.
    TextTooShort {
        /// The section's heading.
        heading: String,
        /// Characters of text it has (letters and digits; punctuation and spaces not counted).
        chars: usize,
        /// The characters it needs (the template's `topic_min_chars`).
        min_chars: usize,
    },
    /// `narrative.mismatch`: a number in the prose that matches none of the figures it could
    /// mean.
    Narrative {
        /// The clause, up to the number, as written.
        quote: String,
        /// The number the prose gives.
        found: Number,
        /// Every distinct figure of the tables the phrase could mean.
        candidates: Vec<Number>,
        /// The cell of the first candidate, `row label · column header`.
        label: String,
    },
    /// `narrative.mismatch`: the prose says every case was upheld (均获维持) while table 四 shows
    /// otherwise.
    UpheldAll {
        /// The clause that says so.
        quote: String,
        /// Each contradicting column of table 四 (its header: 结果纠正, 尚未审结) with its
        /// nonzero sum over the rows the sentence speaks of.
        contradicting: Vec<(String, Number)>,
    },
    /// `previous.carry`: this year's 二、上年结转 is not last year's 四, in one column.
    Carry {
        /// The column's printed header.
        column: String,
        /// Last year's 四、结转下年度继续办理, in 件.
        last: u64,
        /// This year's 二、上年结转.
        this: Number,
    },
    /// `previous.in_force`: a row's 现行有效件数 is not last year's plus issued minus repealed.
    InForce {
        /// The row's label (规章, 行政规范性文件).
        row: String,
        /// Last year's 现行有效件数.
        last: u64,
        /// This year's 本年制发件数.
        issued: Number,
        /// This year's 本年废止件数.
        repealed: Number,
        /// last + issued − repealed; may be negative when the figures are wrong.
        expected: i128,
        /// The 现行有效件数 typed.
        actual: Number,
    },
    /// `previous.same`: every typed figure equals last year's.
    Same {
        /// The year of last year's report, when known.
        last_year: Option<i32>,
    },
    /// `previous.year`: last year's figures are of another year, and were set aside.
    OtherYear {
        /// Where they came from.
        source: LastYearSource,
        /// The year they are of.
        of: i32,
        /// The report's own year.
        report: i32,
    },
    /// `previous.jump`: a watched total more than doubled or halved.
    Jump {
        /// The total, `row label · column header`.
        label: String,
        /// Its value last year (never 0).
        last: Number,
        /// Its value this year.
        this: Number,
    },
    /// `previous.text`: a section whose prose is mostly last year's.
    PreviousText {
        /// The section's heading.
        heading: String,
        /// The share of this year's characters in sentences found word for word last year.
        percent: u32,
    },
    /// Table 三 no longer equals the ledger it was counted from.
    LedgerStale {
        /// The ledger as `[ledger].file` names it (relative to the draft's folder).
        file: String,
        /// How many figures differ (cells of table 三 and fees).
        differing: usize,
    },
    /// The ledger table 三 was counted from is gone, or can no longer be counted.
    LedgerGone {
        /// The ledger as `[ledger].file` names it.
        file: String,
        /// `true`: the file is there but cannot be counted; `false`: it is gone.
        unreadable: bool,
    },
    /// A total printed in a published report that is not the sum of its printed parts.
    PrintedTotal {
        /// The total, `row label · column header`.
        label: String,
        /// The total as printed.
        printed: Number,
        /// The sum of its printed parts.
        sum: Number,
    },
    /// `deadline`: the statutory publication deadline is at most 92 days away, or passed at
    /// most 60 days ago.
    Deadline {
        /// The deadline's year: the report year + 1.
        year: i16,
        /// Its month, 1–12 (the template's date for the agency's kind).
        month: i8,
        /// Its day of the month.
        day: i8,
        /// Days from today to the deadline; negative once it has passed.
        days_left: i64,
    },
}

/// One thing the checks found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Whether it blocks a finished export, may be acknowledged, or is only shown.
    pub severity: Severity,
    /// Which check found it: one of [`codes`].
    pub code: &'static str,
    /// A cell key (`table.row.column`), a fee (`fees.key`), a section key, or none.
    pub cell: Option<String>,
    /// The section the finding belongs to (`report` for 基本信息).
    pub section: String,
    /// The facts its message is written from.
    pub detail: Detail,
    /// When the check compares two figures, the one it holds for right (`expected` in
    /// `check --json`): for `requests.balance` 一 + 二, for `previous.carry` last year's 四.
    pub expected: Option<Number>,
    /// The figure compared with `expected` (`actual` in `check --json`): for
    /// `requests.balance` （七）总计 + 四, for `previous.carry` this year's 二.
    pub actual: Option<Number>,
    /// The officer's reason, when this warning has been acknowledged.
    pub acknowledged: Option<String>,
}

impl Finding {
    /// Whether it stands in the way of a finished export.
    pub fn blocks_export(&self) -> bool {
        match self.severity {
            Severity::Error => true,
            Severity::Warning => self.code == codes::BLANK || self.acknowledged.is_none(),
            Severity::Hint => false,
        }
    }

    /// The words of the prose a finding about the prose is about.
    pub fn quote(&self) -> Option<&str> {
        match &self.detail {
            Detail::Narrative { quote, .. } | Detail::UpheldAll { quote, .. } => Some(quote),
            _ => None,
        }
    }

    /// The acknowledgement that answers this finding, and no other, with a reason.
    pub fn acknowledge(&self, reason: String) -> Acknowledgement {
        Acknowledgement {
            code: self.code.to_string(),
            cell: self.cell.clone(),
            quote: self.quote().map(String::from),
            reason,
        }
    }

    /// Whether the officer may answer it with a reason instead of fixing it.
    pub fn can_acknowledge(&self) -> bool {
        self.severity == Severity::Warning && self.code != codes::BLANK
    }
}

impl Acknowledgement {
    /// Whether this answers a finding: the same code and cell and, when it records the words of
    /// the prose, the same words.
    pub fn answers(&self, f: &Finding) -> bool {
        self.code == f.code
            && self.cell.as_deref() == f.cell.as_deref()
            && self.quote.as_deref().is_none_or(|q| f.quote() == Some(q))
    }
}

/// Last year's figures, from a draft's `[previous]` or from last year's whole draft.
#[derive(Debug, Clone, Default)]
pub struct LastYear<'a> {
    /// Last year's report year, when known.
    pub year: Option<i32>,
    /// 四、结转下年度继续办理 by column.
    pub carried_forward: BTreeMap<String, u64>,
    /// 现行有效件数 by row (gip-2021 only).
    pub in_force: BTreeMap<String, u64>,
    /// The whole draft, when given one: enables `previous.same`, `.jump` and `.text`.
    pub full: Option<(&'a Template, &'a Draft)>,
}

impl<'a> LastYear<'a> {
    /// The figures a draft's own `[previous]` keeps; without last year's whole draft, the
    /// checks that need it (`previous.same`, `.jump`, `.text`) do not run.
    pub fn from_previous(previous: &Previous) -> LastYear<'a> {
        LastYear {
            year: previous.year,
            carried_forward: previous.carried_forward.clone(),
            in_force: previous.in_force.clone(),
            full: None,
        }
    }

    /// These figures, with any missing ones taken from `other` (last year's 现行有效件数 typed
    /// into `[previous]` when last year's gip-2019 draft has none).
    pub fn or_else(&self, other: &LastYear) -> LastYear<'a> {
        let mut out = self.clone();
        for (k, v) in &other.carried_forward {
            out.carried_forward.entry(k.clone()).or_insert(*v);
        }
        for (k, v) in &other.in_force {
            out.in_force.entry(k.clone()).or_insert(*v);
        }
        out
    }

    /// Whether these are the figures of the year before `year` (see [`of_year_before`]).
    fn is_year_before(&self, year: i32) -> bool {
        of_year_before(self.year, year)
    }

    /// The one rule for which last year a draft's checks (and the editor's last-year values)
    /// go by: last year's whole draft where it has the figures, else the draft's own
    /// `[previous]`; `None` when there is neither. Figures of another year than the one before
    /// the draft's are set aside ([`LastYear::set_aside`] says which).
    pub fn in_use(whole: Option<&LastYear<'a>>, draft: &Draft) -> Option<LastYear<'a>> {
        let year = draft.report.year;
        let whole = whole.filter(|w| w.is_year_before(year));
        let own = draft
            .previous
            .as_ref()
            .map(LastYear::from_previous)
            .filter(|o| o.is_year_before(year));
        match (whole, own) {
            (Some(whole), Some(own)) => Some(whole.or_else(&own)),
            (Some(whole), None) => Some(whole.clone()),
            (None, own) => own,
        }
    }

    /// The figures [`LastYear::in_use`] set aside for being of another year, with that year:
    /// the draft given as last year's whenever it is of another year; else the draft's own
    /// `[previous]` when nothing else stands in for it.
    pub fn set_aside(whole: Option<&LastYear>, draft: &Draft) -> Option<(LastYearSource, i32)> {
        let year = draft.report.year;
        if let Some(w) = whole {
            return match w.year {
                Some(of) if !w.is_year_before(year) => Some((LastYearSource::Draft, of)),
                _ => None,
            };
        }
        match draft.previous.as_ref()?.year {
            Some(of) if !of_year_before(Some(of), year) => Some((LastYearSource::Previous, of)),
            _ => None,
        }
    }

    /// Reads what this year's checks need from last year's draft.
    pub fn from_draft(template: &'a Template, draft: &'a Draft) -> LastYear<'a> {
        let (previous, _) = crate::report::carry::last_years_figures(template, template, draft);
        LastYear {
            full: Some((template, draft)),
            ..LastYear::from_previous(&previous)
        }
    }
}

/// Whether figures said to be of year `of` are the year before `year`, or say of no year (a
/// `[previous]` typed by hand): figures of another year are no measure of this one.
fn of_year_before(of: Option<i32>, year: i32) -> bool {
    of.is_none_or(|y| y.checked_add(1) == Some(year))
}

/// Where last year's figures came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastYearSource {
    /// A draft (or a published report) given as last year's: `--previous`, or the one
    /// `[previous].file` names.
    Draft,
    /// The figures the draft's own `[previous]` keeps.
    Previous,
}

/// What the checks need besides the draft.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// Last year's figures; when `None`, the draft's own `[previous]` is used.
    pub last_year: Option<LastYear<'a>>,
    /// Today, for the `deadline` hint; `None` leaves it out.
    pub today: Option<jiff::civil::Date>,
    /// What the ledger named in `[ledger]` gives now, for `ledger.stale`; `None` leaves it out.
    pub ledger: Option<&'a LedgerNow>,
}

/// What a draft's ledger (`[ledger].file`) gives now, counted again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerNow {
    /// Its figures, by cell key (`requests.row.column`) or fee (`fees.key`).
    Counted(Vec<(String, Number)>),
    /// The file is not there.
    Gone,
    /// The file is there but cannot be counted (a bad row, a missing column).
    Unreadable,
}

/// The totals and findings of one draft.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Every computed cell.
    pub totals: Totals,
    /// What the checks found, in the order of the template's sections (基本信息 first), with
    /// acknowledgements applied.
    pub findings: Vec<Finding>,
}

/// Counts by kind, as the findings format reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Errors, each of which blocks a finished export.
    pub errors: usize,
    /// Warnings not yet acknowledged (blank cells are counted under `blank`).
    pub warnings: usize,
    /// Hints, which never block.
    pub hints: usize,
    /// Blank number cells (`blank` warnings).
    pub blank: usize,
    /// Warnings the officer has answered with a reason.
    pub acknowledged: usize,
}

impl Outcome {
    /// The findings counted by kind, for `check` and the findings JSON.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for f in &self.findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning if f.code == codes::BLANK => s.blank += 1,
                Severity::Warning if f.acknowledged.is_some() => s.acknowledged += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Hint => s.hints += 1,
            }
        }
        s
    }

    /// Whether a finished (not draft) export may be written.
    pub fn is_finished(&self) -> bool {
        !self.findings.iter().any(Finding::blocks_export)
    }

    /// The findings of one section (a section key, or `report` for 基本信息).
    pub fn in_section<'s>(&'s self, section: &'s str) -> impl Iterator<Item = &'s Finding> {
        self.findings.iter().filter(move |f| f.section == section)
    }
}

/// Computes the totals and runs every check that applies.
pub fn check(template: &Template, draft: &Draft, options: &Options) -> Outcome {
    let totals = totals(template, draft);
    let sheet = Sheet {
        template,
        draft,
        totals: &totals,
    };
    let last_year = LastYear::in_use(options.last_year.as_ref(), draft);

    let mut findings = Vec::new();
    if let Some((source, of)) = LastYear::set_aside(options.last_year.as_ref(), draft) {
        rules::previous_year(source, of, draft.report.year, &mut findings);
    }
    rules::template_year(&sheet, &mut findings);
    rules::deadline(&sheet, options.today, &mut findings);
    rules::prose(&sheet, &mut findings);
    completeness::topics_without_text(&sheet, &mut findings);
    completeness::overview_length(&sheet, &mut findings);
    completeness::contact(&sheet, &mut findings);
    rules::values(&sheet, &mut findings);
    rules::balance(&sheet, &mut findings);
    rules::fees(&sheet, &mut findings);
    narrative::mismatches(&sheet, &mut findings);
    if let Some(last) = &last_year {
        rules::previous(&sheet, last, &mut findings);
    }
    if let Some(now) = options.ledger {
        rules::ledger(&sheet, now, &mut findings);
    }

    for f in &mut findings {
        if f.can_acknowledge() {
            f.acknowledged = draft
                .acknowledged
                .iter()
                .find(|a| a.answers(f))
                .map(|a| a.reason.clone());
        }
    }
    let order = |section: &str| {
        template
            .sections
            .iter()
            .position(|s| s.key == section)
            .map_or(0, |i| i + 1)
    };
    findings.sort_by_key(|f| order(&f.section));
    Outcome { totals, findings }
}

/// One column of the balance of table 三 (一 + 二 = （七）总计 + 四), as a screen shows it
/// under the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceColumn {
    /// The column's key (`natural_person`, `total` …).
    pub column: String,
    /// 一 + 二, when none of its cells is blank.
    pub left: Option<Number>,
    /// （七）总计 + 四, when none of its cells is blank.
    pub right: Option<Number>,
}

impl BalanceColumn {
    /// Whether both sides are known and equal.
    pub fn holds(&self) -> Option<bool> {
        Some(self.left? == self.right?)
    }

    /// left − right, when both are known.
    pub fn difference(&self) -> Option<rust_decimal::Decimal> {
        Some(self.left?.as_decimal() - self.right?.as_decimal())
    }
}

/// The balance of the template's balanced table, column by column.
pub fn balance_columns(template: &Template, draft: &Draft, totals: &Totals) -> Vec<BalanceColumn> {
    let sheet = Sheet {
        template,
        draft,
        totals,
    };
    let rule = &template.checks.balance;
    let Some(table) = template.table(&rule.table) else {
        return Vec::new();
    };
    let left: Vec<&str> = rule.left.iter().map(String::as_str).collect();
    let right: Vec<&str> = rule.right.iter().map(String::as_str).collect();
    table.blocks[0]
        .columns
        .iter()
        .map(|c| {
            let columns = [c.key.as_str()];
            BalanceColumn {
                column: c.key.clone(),
                left: sheet.sum(table, &left, &columns),
                right: sheet.sum(table, &right, &columns),
            }
        })
        .collect()
}

/// Whether a finding only repeats others for a reader: the balance of a column that adds up
/// other columns (总计) while a column it adds up is out of balance too, since one wrong cell
/// unbalances both. Screens show it once; `check --json` keeps one finding per column, as
/// FORMAT.md says.
pub fn repeats_another(template: &Template, findings: &[Finding], f: &Finding) -> bool {
    let sums_columns = |f: &Finding| {
        f.cell
            .as_deref()
            .and_then(|key| template.cell(key))
            .is_some_and(|cell| cell.column.sum.is_some())
    };
    f.code == codes::BALANCE
        && sums_columns(f)
        && findings
            .iter()
            .any(|other| other.code == codes::BALANCE && !sums_columns(other))
}

/// The section a cell key belongs to.
pub fn section_of(key: &str) -> &str {
    match key.split('.').next().unwrap_or(key) {
        "fees" => "other",
        table => table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_columns_show_each_side_once_filled() {
        let template = Template::builtin("gip-2019").expect("built in");
        let mut draft = Draft::new("gip-2019", "某局", 2020, Default::default());
        for cell in template.table("requests").expect("table").input_cells() {
            draft.cells.insert(cell.key(), Number::Count(0));
        }
        draft.cells.insert(
            "requests.new_received.natural_person".into(),
            Number::Count(3),
        );
        draft
            .cells
            .insert("requests.granted.natural_person".into(), Number::Count(2));
        let outcome = check(template, &draft, &Options::default());
        let columns = balance_columns(template, &draft, &outcome.totals);
        let natural = &columns[0];
        assert_eq!(natural.left, Some(Number::Count(3)));
        assert_eq!(natural.right, Some(Number::Count(2)));
        assert_eq!(natural.holds(), Some(false));
        assert_eq!(natural.difference(), Some(1.into()));
        let business = &columns[1];
        assert_eq!(business.holds(), Some(true));

        draft.cells.remove("requests.carried_over.business");
        let outcome = check(template, &draft, &Options::default());
        let columns = balance_columns(template, &draft, &outcome.totals);
        assert_eq!(columns[1].left, None, "a blank leaves the side unknown");
    }
}
