//! Totals and findings: pure functions of (template, draft, last year's figures, today).
//!
//! Every check of FORMAT.md §5 lives here, configured by the template. A finding carries its
//! severity, code, cell and the facts behind it; `crate::i18n` turns those into a sentence.

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
    pub const BALANCE: &str = "requests.balance";
    pub const BLANK: &str = "blank";
    pub const VALUE: &str = "value";
    pub const TEMPLATE_YEAR: &str = "template.year";
    pub const TEXT_EMPTY: &str = "text.empty";
    pub const OVERVIEW_TOPICS: &str = "overview.topics";
    pub const OVERVIEW_LENGTH: &str = "overview.length";
    pub const REPORT_CONTACT: &str = "report.contact";
    pub const ACCOUNTABILITY: &str = "government.accountability";
    pub const FEES_STATED: &str = "fees.stated";
    pub const FEES_UNPAID: &str = "fees.unpaid";
    pub const NARRATIVE: &str = "narrative.mismatch";
    pub const PREVIOUS_CARRY: &str = "previous.carry";
    pub const PREVIOUS_IN_FORCE: &str = "previous.in_force";
    pub const PREVIOUS_SAME: &str = "previous.same";
    pub const PREVIOUS_JUMP: &str = "previous.jump";
    pub const PREVIOUS_TEXT: &str = "previous.text";
    pub const DEADLINE: &str = "deadline";
    pub const LEDGER_STALE: &str = "ledger.stale";
    /// A published report's printed total disagrees with its parts (found by the importer).
    pub const IMPORT_PRINTED_TOTAL: &str = "import.printed_total";
}

/// The facts behind a finding, from which its message is written in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    Balance {
        column: String,
        left: Number,
        right: Number,
    },
    Blank {
        label: String,
    },
    Value {
        label: String,
        problem: InputError,
    },
    Overflow {
        label: String,
    },
    UnitMissing {
        label: String,
        units: Vec<String>,
    },
    TemplateYear {
        template: String,
        year: i32,
        expected: Option<String>,
    },
    TextEmpty {
        heading: String,
    },
    /// Headings of a section with (almost) no text beneath them: an outline is not a report.
    TopicsWithoutText {
        heading: String,
        topics: Vec<String>,
        min_chars: usize,
    },
    OverviewLength {
        chars: usize,
        max: usize,
    },
    /// `[report]` fields the preamble prints that are empty (keys of `Meta`).
    Contact {
        missing: Vec<String>,
    },
    Topics {
        missing: Vec<String>,
    },
    Accountability {
        missing: Vec<String>,
    },
    FeesNotStated {
        missing: Vec<String>,
    },
    FeesUnpaid {
        unpaid: Number,
        notices: Number,
    },
    /// A section that must say something, with almost nothing in it and no headings.
    TextTooShort {
        heading: String,
        chars: usize,
        min_chars: usize,
    },
    Narrative {
        quote: String,
        found: Number,
        candidates: Vec<Number>,
        label: String,
    },
    UpheldAll {
        quote: String,
        contradicting: Vec<(String, Number)>,
    },
    Carry {
        column: String,
        last: u64,
        this: Number,
    },
    InForce {
        row: String,
        last: u64,
        issued: Number,
        repealed: Number,
        expected: i128,
        actual: Number,
    },
    Same {
        last_year: Option<i32>,
    },
    Jump {
        label: String,
        last: Number,
        this: Number,
    },
    PreviousText {
        heading: String,
        percent: u32,
    },
    /// Table 三 no longer equals the ledger it was counted from.
    LedgerStale {
        file: String,
        differing: usize,
    },
    /// The ledger table 三 was counted from is gone, or can no longer be counted.
    LedgerGone {
        file: String,
        unreadable: bool,
    },
    /// A total printed in a published report that is not the sum of its printed parts.
    PrintedTotal {
        label: String,
        printed: Number,
        sum: Number,
    },
    Deadline {
        year: i16,
        month: i8,
        day: i8,
        days_left: i64,
    },
}

/// One thing the checks found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    /// A cell key (`table.row.column`), a fee (`fees.key`), a section key, or none.
    pub cell: Option<String>,
    /// The section the finding belongs to (`report` for 基本信息).
    pub section: String,
    pub detail: Detail,
    pub expected: Option<Number>,
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
    pub year: Option<i32>,
    /// 四、结转下年度继续办理 by column.
    pub carried_forward: BTreeMap<String, u64>,
    /// 现行有效件数 by row (gip-2021 only).
    pub in_force: BTreeMap<String, u64>,
    /// The whole draft, when given one: enables `previous.same`, `.jump` and `.text`.
    pub full: Option<(&'a Template, &'a Draft)>,
}

impl<'a> LastYear<'a> {
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

    /// The one rule for which last year a draft's checks (and the editor's last-year values)
    /// go by: last year's whole draft where it has the figures, else the draft's own
    /// `[previous]`; `None` when there is neither.
    pub fn in_use(whole: Option<&LastYear<'a>>, draft: &Draft) -> Option<LastYear<'a>> {
        let own = draft.previous.as_ref().map(LastYear::from_previous);
        match (whole, own) {
            (Some(whole), Some(own)) => Some(whole.or_else(&own)),
            (Some(whole), None) => Some(whole.clone()),
            (None, own) => own,
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
    pub totals: Totals,
    pub findings: Vec<Finding>,
}

/// Counts by kind, as the findings format reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    /// Warnings not yet acknowledged (blank cells are counted under `blank`).
    pub warnings: usize,
    pub hints: usize,
    pub blank: usize,
    pub acknowledged: usize,
}

impl Outcome {
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
