//! The official report formats, read from `assets/templates/*.toml`.
//!
//! A template says which sections a report has, the rows and columns of each statistics table
//! (with their exact printed labels, groups and computed sums), the 信息处理费 fields, and how the
//! checks are configured. Everything else in gongkai is generic over it: a new national format
//! is a new file in `assets/templates/`, not new code.

#![warn(missing_docs)]

pub mod compiled;
pub mod grid;
mod validate;

use serde::Deserialize;
use std::sync::OnceLock;

// What a cell holds is the numbers' own vocabulary, shared with the drafts (`crate::number`).
pub use crate::number::Kind;
pub use validate::TemplateError;
pub(crate) use validate::parse_month_day;

/// The formats built into the binary, oldest first.
const BUILTIN_SOURCES: [(&str, &str); 2] = [
    (
        "gip-2019",
        include_str!("../../assets/templates/gip-2019.toml"),
    ),
    (
        "gip-2021",
        include_str!("../../assets/templates/gip-2021.toml"),
    ),
];

/// One official report format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The format's stable identifier (`gip-2019`, `gip-2021`): what a draft's `template =`
    /// line names and what [`Template::builtin`] looks up.
    pub id: String,
    /// The format's official name, e.g. 中华人民共和国政府信息公开工作年度报告格式.
    pub name: String,
    /// The document that issued it, e.g. 国办公开办函〔2021〕30号.
    pub issued_by: String,
    /// The first report year the format is used for (2019, 2021).
    pub first_year: i32,
    /// The last report year it is used for (2020 for gip-2019); `None` while it is still in
    /// force.
    #[serde(default)]
    pub last_year: Option<i32>,
    /// Whether the report states 信息处理费 figures (`[fees]` in a draft).
    #[serde(default)]
    pub has_fees: bool,
    /// The report's sections (一 to 六), prose and tables alike, in printed order.
    pub sections: Vec<Section>,
    /// The statistics tables (二, 三, 四) in printed order; each has a [`Section`] of kind
    /// [`SectionKind::Table`] with the same key.
    pub tables: Vec<Table>,
    /// The 信息处理费 figures 六 states, in order; empty exactly when `has_fees` is false.
    #[serde(default)]
    pub fees: Vec<FeeField>,
    /// Why some of last year's figures cannot be carried over from an older format.
    #[serde(default)]
    pub carry_notes: Vec<CarryNote>,
    /// Which checks apply to this format and what they look at.
    pub checks: Checks,
    /// The vocabulary for reading figures in the prose (`narrative.mismatch`).
    pub narrative: Narrative,
    /// Lookups derived from the above, built on first use.
    #[serde(skip)]
    compiled: OnceLock<compiled::Compiled>,
}

/// One numbered section of the report (一 to 六), under its printed heading.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's stable name (`overview`, `requests` …): a prose section's text is stored
    /// under it in a draft's `[text]`, and a table section's [`Table`] has the same key.
    pub key: String,
    /// The canonical heading, e.g. 一、总体情况.
    pub heading: String,
    /// Whether the officer writes the section or fills in a table.
    pub kind: SectionKind,
    /// Topics offered as a starting outline for an empty prose section.
    #[serde(default)]
    pub outline: Vec<String>,
}

/// Whether a section is written text or a statistics table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// Free text the officer writes (一, 五, 六).
    Prose,
    /// A statistics table (二, 三, 四), laid out by the [`Table`] of the same key.
    Table,
}

/// How a table is laid out on paper; the data model (rows × columns) is the same for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Captioned blocks, each with its own header row (table 二).
    Blocks,
    /// Row labels on the left in nested groups, column headers on top (table 三).
    Matrix,
    /// Rows laid side by side as column groups, one line of figures (table 四).
    Across,
}

/// One statistics table: its rows and columns, the merged labels over them, and how it is
/// printed ([`Table::grid`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The table's name (`proactive`, `requests`, `appeals`): the first part of its cell keys
    /// ([`cell_key`]), its section in a draft (`[requests]`), and its [`Section`]'s key.
    pub key: String,
    /// How the table is drawn on paper.
    pub layout: Layout,
    /// Header of the label column in a `blocks` table (信息内容).
    #[serde(default)]
    pub label_header: Option<String>,
    /// How many columns the row labels take in a `matrix` table.
    #[serde(default = "one")]
    pub label_columns: usize,
    /// The note printed in the top-left cell of a `matrix` table.
    #[serde(default)]
    pub corner: Option<String>,
    /// The merged labels over rows or columns, which rows, columns and other groups name by
    /// key; empty when nothing is merged (table 二).
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The table's blocks in printed order: one per 条例 item in a `blocks` table, a single
    /// one in tables 三 and 四.
    pub blocks: Vec<Block>,
}

fn one() -> usize {
    1
}

/// A label over several rows or several columns (三、本年度办理结果, 法人或其他组织, 行政诉讼).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The name rows and columns give in their `group`, and sums, qualifiers and figures use
    /// to mean every row or column under the label (`refused` for all of （三）).
    pub key: String,
    /// The label as printed in the merged cell, e.g. 「（三）不予公开」.
    pub label: String,
    /// The key of the enclosing group (法人或其他组织 sits under 申请人情况); `None` for an
    /// outermost label.
    #[serde(default)]
    pub parent: Option<String>,
}

/// A run of rows sharing one set of columns; in a `blocks` table, one captioned part of the
/// table with its own header row.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// The 条例 item the block reports on, e.g. 第二十条第（一）项.
    #[serde(default)]
    pub caption: Option<String>,
    /// The block's number columns, left to right after the row labels.
    pub columns: Vec<Column>,
    /// The block's rows, top to bottom.
    pub rows: Vec<Row>,
}

/// A column of figures: its printed header, what its cells hold, and whether they are
/// computed or carried from last year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The column's name in cell keys (`natural_person` in `requests.granted.natural_person`)
    /// and in a draft's row lines; unique within its block.
    pub key: String,
    /// The header as printed above the column, character for character (本年制发件数, 自然人).
    pub header: String,
    /// What its cells hold: a count, a signed change (本年增/减) or an amount.
    pub kind: Kind,
    /// The key of the column group whose merged label is printed above the header (申请人情况,
    /// 法人或其他组织); `None` when nothing is printed above it.
    #[serde(default)]
    pub group: Option<String>,
    /// A computed column: the sum of these columns (or column groups).
    #[serde(default)]
    pub sum: Option<Vec<String>>,
    /// The unit of an amount the format prints (本年收费金额（单位：万元）), machine-readable:
    /// it decides how many decimal places the amount may have.
    #[serde(default)]
    pub unit: Option<String>,
    /// For an amount the format prints without a unit: the units a draft may record.
    #[serde(default)]
    pub units: Vec<String>,
    /// How many of the smallest unit each of `units` is (元 1, 万元 10000), for adding amounts
    /// recorded in different units.
    #[serde(default)]
    pub unit_factors: Vec<u64>,
    /// In a draft started from last year's: this column is the sum of these columns of the same
    /// row last year (上一年项目数量 = last year's 上一年项目数量 + 本年增/减).
    #[serde(default)]
    pub carry_from: Vec<String>,
}

/// A row of figures: its printed label, its help, and whether it is computed or carried from
/// last year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// The row's name in cell keys (`granted` in `requests.granted.natural_person`) and in a
    /// draft (`granted = { … }`); unique within its table.
    pub key: String,
    /// The row's printed wording, character for character as FORMAT.md gives it (e.g.
    /// 「（一）予以公开」).
    pub label: String,
    /// The key of the row group whose merged label stands to its left (（三）不予公开); `None`
    /// for a row with no label beside it.
    #[serde(default)]
    pub group: Option<String>,
    /// The row's basis in the 条例, shown as help.
    pub help: String,
    /// A computed row: the sum of these rows (or row groups).
    #[serde(default)]
    pub sum: Option<Vec<String>>,
    /// In a draft started from last year's: this row is the sum of these rows of the same
    /// column last year (二、上年结转 = last year's 四、结转下年度).
    #[serde(default)]
    pub carry_from: Vec<String>,
}

/// A note on what cannot be carried from a draft in another format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarryNote {
    /// The format of last year's draft.
    pub from: String,
    /// The explanation shown, in Chinese, when a draft is started from one in that format.
    pub note: String,
}

/// One 信息处理费 figure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeField {
    /// The figure's name in a draft's `[fees]` and in keys `fees.<key>` (`notices`, `billed`,
    /// `collected`).
    pub key: String,
    /// What the figure is, as shown and exported (发出收费通知的件数, 实际收取的总金额).
    pub label: String,
    /// A count of notices or an amount of money.
    pub kind: Kind,
    /// The unit it is stated in (件, 元); for an amount it also fixes the decimal places.
    pub unit: String,
}

/// How the template configures the checks of FORMAT.md §5. A check whose entry is absent does
/// not apply to this format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checks {
    /// Keys of the prose sections that must not be empty (`text.empty`: 一, 五, 六).
    pub prose_required: Vec<String>,
    /// The rows of table 三 that must balance (`requests.balance`).
    pub balance: Balance,
    /// Where this year's 二、上年结转 and last year's 四 stand (`previous.carry`).
    pub carry: Carry,
    /// The rows whose 现行有效件数 follows from last year's (`previous.in_force`); `None` where
    /// the format counts no documents in force (gip-2019).
    #[serde(default)]
    pub in_force: Option<InForce>,
    /// Applications dropped for unpaid fees against the notices sent (`fees.unpaid`); `None`
    /// where the format has no such row (gip-2019).
    #[serde(default)]
    pub unpaid_fees: Option<UnpaidFees>,
    /// Words that name the 信息处理费 (信息处理费, 信息公开处理费, 收费通知): a sentence of 六 with
    /// one of them may state the fees.
    #[serde(default)]
    pub fees_words: Vec<String>,
    /// The units a stated fee figure takes (0件, 0元): a number with one of them states a figure,
    /// a year (2023年) does not.
    #[serde(default)]
    pub fees_units: Vec<String>,
    /// Words that state there were no fees (未收取, 未发生收费); a clause that is only 「无」
    /// states it too.
    #[serde(default)]
    pub fees_none: Vec<String>,
    /// Prose sections whose headings (（一）…) each need text beneath them.
    #[serde(default)]
    pub headings_need_text: Vec<String>,
    /// The least text, in characters, beneath each such heading.
    #[serde(default = "default_topic_min_chars")]
    pub topic_min_chars: usize,
    /// A cap on the length of 一 in 字 some provinces set: longer is a hint. Absent: no cap.
    #[serde(default)]
    pub overview_max_chars: Option<usize>,
    /// Cells whose doubling or halving against last year is worth a hint.
    pub jump_totals: Vec<String>,
    /// Words 一 of a people's government's report must each contain (工作考核, 社会评议,
    /// 责任追究): `government.accountability`.
    pub accountability: Vec<String>,
    /// The topics 一 should cover (`overview.topics`); empty: no such hint (gip-2019).
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The statutory deadlines the `deadline` hint counts down to.
    pub deadline: Deadline,
}

fn default_topic_min_chars() -> usize {
    20
}

/// `requests.balance`: in each column of a table, the left rows add up to the right rows
/// (一 + 二 = （七）总计 + 四).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Balance {
    /// Key of the table that balances (`requests`).
    pub table: String,
    /// Row keys of the left side (`new_received`, `carried_over`).
    pub left: Vec<String>,
    /// Row keys of the right side (`total_handled`, `carried_forward`); a finding points at
    /// the last one's cell.
    pub right: Vec<String>,
}

/// `previous.carry`: which row of this year's report must equal, column by column, which row
/// of last year's; the latter is also what a draft's `[previous]` keeps.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carry {
    /// `table.row` of this year's carried-over figures.
    pub this_year: String,
    /// `table.row` of last year's carried-forward figures.
    pub last_year: String,
}

/// `previous.in_force`: in these rows, 现行有效件数 must equal last year's + 本年制发 − 本年废止.
/// The columns are given by key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InForce {
    /// Key of the table holding the rows (`proactive`).
    pub table: String,
    /// Keys of the rows checked (`regulations`, `normative_documents`).
    pub rows: Vec<String>,
    /// The column of documents in force at year end (现行有效件数); last year's value is what
    /// a draft's `[previous]` keeps.
    pub in_force: String,
    /// The column of documents issued this year (本年制发件数).
    pub issued: String,
    /// The column of documents repealed this year (本年废止件数).
    pub repealed: String,
}

/// `fees.unpaid`: applications no longer handled for unpaid fees cannot outnumber the fee
/// notices sent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnpaidFees {
    /// Cell key of those applications (`requests.other_unpaid_fee.total`).
    pub cell: String,
    /// Key of the [`FeeField`] counting the notices sent (`notices`).
    pub notices: String,
}

/// A topic 一 should cover (`overview.topics`): gip-2021 asks for five.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The topic as the hint names it when missing (政府信息公开平台建设).
    pub name: String,
    /// Words any one of which in 一 counts as covering it (平台载体, 政府网站 …).
    pub words: Vec<String>,
}

/// Statutory deadlines as `MM-DD` of the year after the report year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// For a department's report (`01-31`).
    pub department: String,
    /// For a people's government's own report (`03-31`).
    pub government: String,
}

/// The vocabulary `narrative.mismatch` reads the prose with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// Units that make a number in the prose a figure to read (件, 起, 条); a number without
    /// one is left alone.
    pub units: Vec<String>,
    /// How many characters before a number a term may stand.
    pub reach: usize,
    /// Words that introduce a breakdown (其中): the rest of the sentence is not checked.
    pub breakdown: Vec<String>,
    /// Words that may stand between a term and its number (案件, 共, 为 …).
    pub links: Vec<String>,
    /// Words that make a figure approximate (近, 约, 余): it is not checked.
    pub approximate: Vec<String>,
    /// The claim that every appeal was upheld, and what in table 四 contradicts it.
    pub upheld_all: UpheldAll,
    /// Words that narrow a figure to some columns; without one, a figure naming no column
    /// reads the table's total.
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    /// The table terms a number is read against, each with the figures it may mean.
    pub terms: Vec<Term>,
    /// Whose figures a sentence gives: the agency's own, its area's, or a part's.
    #[serde(default)]
    pub scope: Scope,
    /// Words that hold a term but are not it (申请人, 申请书): the term inside is not read.
    #[serde(default)]
    pub not_terms: Vec<String>,
    /// Words that put a figure in another period (上年度, 去年, 近三年): a figure after one in
    /// its clause, outside a term (上年结转), is not this year's and is not checked. A year
    /// before the report's (2022年 in a 2023 report) does the same without being listed.
    #[serde(default)]
    pub other_period: Vec<String>,
    /// Words that claim there was none (未, 无, 没有): 「全年未收到政府信息公开申请」 says the
    /// figure is 0, and is read as such where nothing but linking words, verbs, qualifiers and
    /// terms stand around the word in its clause.
    #[serde(default)]
    pub none: Vec<String>,
}

/// Words that say whose figures a sentence gives (本机关, 全市, 各部门).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// The reporting agency itself (本机关, 我局): its figures are the tables'.
    #[serde(default)]
    pub own: Vec<String>,
    /// Its area (全市, 我县): the tables' figures in a people's government's report, a wider
    /// scope in a department's.
    #[serde(default)]
    pub area: Vec<String>,
    /// A part of the agency or area (市政府办公室, 各部门): a sentence naming one gives the
    /// part's figures, which the tables do not hold.
    #[serde(default)]
    pub parts: Vec<String>,
    /// A name ending in one of these (思明区, 某某县) names a place within the area: a part.
    #[serde(default)]
    pub place_suffixes: Vec<String>,
}

/// A claim that every appeal was upheld (「均获维持」): a mismatch when the table shows an
/// appeal with another outcome.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpheldAll {
    /// The phrases that make the claim (均获维持, 全部维持 …).
    pub words: Vec<String>,
    /// Key of the table the claim is checked against (`appeals`).
    pub table: String,
    /// Keys of the columns (or column groups) whose figures, when not 0, contradict it
    /// (`corrected`, `pending`).
    pub contradicted_by: Vec<String>,
}

/// A word that narrows a figure to some columns (自然人 → natural_person).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    /// The words as they appear in the prose (法人或其他组织, 法人和其他组织).
    pub words: Vec<String>,
    /// Keys of the columns or column groups they select; the qualifier applies to a figure
    /// only in a table that has them all.
    pub columns: Vec<String>,
}

/// A table term (行政许可, 申请) and the figures a number after it could mean.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term's spellings in prose (规范性文件, 行政规范性文件).
    pub words: Vec<String>,
    /// Each figure is a sum of references: `table.row.column`, or `table.row` / `table.group`
    /// whose column comes from the qualifiers (or the table's total).
    pub figures: Vec<Vec<String>>,
    /// Narrower readings, each chosen by a verb near the term; without such a verb (or with no
    /// senses) `figures` apply.
    #[serde(default)]
    pub senses: Vec<Sense>,
}

/// A narrower reading of a term when one of its verbs stands near it (收到申请, 办结申请). A
/// sense without figures names nothing the format counts (废止 in gip-2019): its figures are
/// not checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sense {
    /// The verbs that select this reading (收到, 受理, 新收 for new applications).
    pub verbs: Vec<String>,
    /// The figures the term then means, written as [`Term::figures`].
    pub figures: Vec<Vec<String>>,
}

impl Template {
    /// Reads and validates a template. Never panics, whatever the text.
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let template: Template = toml::from_str(text).map_err(|e| TemplateError::Syntax {
            offset: e.span().map(|s| s.start),
            message: e.message().to_string(),
        })?;
        validate::validate(&template)?;
        Ok(template)
    }

    /// The cell keys, computed-cell parts and prose vocabulary, worked out once.
    pub fn compiled(&self) -> &compiled::Compiled {
        self.compiled.get_or_init(|| compiled::Compiled::new(self))
    }

    /// A built-in template by id.
    pub fn builtin(id: &str) -> Option<&'static Template> {
        builtins().iter().find(|t| t.id == id)
    }

    /// A short label for a cell key: `row label · column header`.
    pub fn cell_label(&self, key: &str) -> String {
        if let Some(fee) = key.strip_prefix("fees.").and_then(|k| self.fee(k)) {
            return fee.label.clone();
        }
        match self.cell(key) {
            Some(cell) => format!(
                "{} · {}",
                cell.table.row_path(cell.row).join(" · "),
                cell.column.header
            ),
            None => key.to_string(),
        }
    }

    /// All built-in templates, oldest first.
    pub fn all() -> &'static [Template] {
        builtins()
    }

    /// The format in force for a report year, if any.
    pub fn for_year(year: i32) -> Option<&'static Template> {
        builtins().iter().find(|t| t.covers(year))
    }

    /// The report years a new draft may be for, given this calendar year: from the first
    /// format's year to next year.
    pub fn allowed_years(this_year: i32) -> (i32, i32) {
        let first = builtins()
            .iter()
            .map(|t| t.first_year)
            .min()
            .unwrap_or(this_year);
        (first, this_year + 1)
    }

    /// The format of a new report for `year`, or the years a new report may be for.
    pub fn for_new_report(year: i32, this_year: i32) -> Result<&'static Template, (i32, i32)> {
        let (first, last) = Template::allowed_years(this_year);
        Template::for_year(year)
            .filter(|_| (first..=last).contains(&year))
            .ok_or((first, last))
    }

    /// Whether this is the format for a report year: from `first_year`, through `last_year`
    /// when it has one.
    pub fn covers(&self, year: i32) -> bool {
        year >= self.first_year && self.last_year.is_none_or(|last| year <= last)
    }

    /// The section with this key (`overview`), if the format has it.
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The table with this key (`requests`), if the format has it.
    pub fn table(&self, key: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.key == key)
    }

    /// The 信息处理费 figure with this key (`notices`); `None` in a format without fees.
    pub fn fee(&self, key: &str) -> Option<&FeeField> {
        self.fees.iter().find(|f| f.key == key)
    }

    /// The sections the officer writes (一, 五, 六), in report order.
    pub fn prose_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Prose)
    }

    /// Every cell a person types, in report order.
    pub fn input_cells(&self) -> impl Iterator<Item = CellRef<'_>> {
        self.tables.iter().flat_map(|t| t.input_cells())
    }

    /// Looks up `table.row`: the row and the block holding it.
    pub fn cell_row(&self, key: &str) -> Option<(&Block, &Row)> {
        let (table, row) = split_row_key(key)?;
        self.table(table)?.row(row)
    }

    /// Looks up `table.row.column`.
    pub fn cell(&self, key: &str) -> Option<CellRef<'_>> {
        let (t, r, c) = split_cell_key(key)?;
        self.table(t)?.cell(r, c)
    }
}

/// A cell's key, `table.row.column` (`requests.granted.natural_person`): how drafts, findings,
/// totals and every export name a cell. The one builder; [`split_cell_key`] is the one parser.
pub fn cell_key(table: &str, row: &str, column: &str) -> String {
    let mut key = String::with_capacity(table.len() + row.len() + column.len() + 2);
    key.push_str(table);
    key.push('.');
    key.push_str(row);
    key.push('.');
    key.push_str(column);
    key
}

/// The table, row and column of a cell's key; `None` for a key of another shape (`fees.notices`).
pub fn split_cell_key(key: &str) -> Option<(&str, &str, &str)> {
    let mut parts = key.splitn(3, '.');
    Some((parts.next()?, parts.next()?, parts.next()?))
}

/// A row's key, `table.row` (`requests.carried_forward`): how the template's rules, the
/// importer's notes and the prose vocabulary name a row. The one builder; [`split_row_key`] is
/// the one parser.
pub fn row_key(table: &str, row: &str) -> String {
    let mut key = String::with_capacity(table.len() + row.len() + 1);
    key.push_str(table);
    key.push('.');
    key.push_str(row);
    key
}

/// The table and row of a row's key; `None` for a key without a table.
pub fn split_row_key(key: &str) -> Option<(&str, &str)> {
    key.split_once('.')
}

/// The key of a row's cell in `column`, the row named by its key (`requests.carried_forward`
/// and `natural_person`); `None` when `row_key` is not a row's key.
pub fn cell_key_in_row(row_key: &str, column: &str) -> Option<String> {
    let (table, row) = split_row_key(row_key)?;
    Some(cell_key(table, row, column))
}

fn builtins() -> &'static [Template] {
    static BUILTINS: OnceLock<Vec<Template>> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .map(|(id, text)| match Template::parse(text) {
                Ok(t) => t,
                // The built-in files are tested (tests/domain/templates.rs); a broken one is a build defect.
                Err(e) => panic!("built-in template {id} is invalid: {e}"),
            })
            .collect()
    })
}

/// A cell of a table: its table, block, row and column.
#[derive(Debug, Clone, Copy)]
pub struct CellRef<'t> {
    /// The table the cell is in.
    pub table: &'t Table,
    /// The block holding its row; the column is one of this block's.
    pub block: &'t Block,
    /// The cell's row.
    pub row: &'t Row,
    /// The cell's column.
    pub column: &'t Column,
}

impl CellRef<'_> {
    /// The cell's key, `table.row.column` ([`cell_key`]).
    pub fn key(&self) -> String {
        cell_key(&self.table.key, &self.row.key, &self.column.key)
    }

    /// Computed cells are never typed: a sum row, a sum column, or both.
    pub fn is_computed(&self) -> bool {
        self.row.sum.is_some() || self.column.sum.is_some()
    }
}

impl Table {
    /// Every row of every block, computed ones included, in printed order, each with its block.
    pub fn rows(&self) -> impl Iterator<Item = (&Block, &Row)> {
        self.blocks
            .iter()
            .flat_map(|b| b.rows.iter().map(move |r| (b, r)))
    }

    /// The row with this key and the block holding it; `None` for a group's key.
    pub fn row(&self, key: &str) -> Option<(&Block, &Row)> {
        self.rows().find(|(_, r)| r.key == key)
    }

    /// The row or column group with this key.
    pub fn group(&self, key: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.key == key)
    }

    /// Every cell of the table, computed ones included, in report order.
    pub fn cells(&self) -> impl Iterator<Item = CellRef<'_>> {
        self.blocks.iter().flat_map(move |block| {
            block.rows.iter().flat_map(move |row| {
                block.columns.iter().map(move |column| CellRef {
                    table: self,
                    block,
                    row,
                    column,
                })
            })
        })
    }

    /// Every cell of the table a person types (none computed), in report order.
    pub fn input_cells(&self) -> impl Iterator<Item = CellRef<'_>> {
        self.cells().filter(|c| !c.is_computed())
    }

    /// The cell at a row key and a column key; `None` unless both name a row and a column of
    /// the row's block (group keys do not).
    pub fn cell(&self, row: &str, column: &str) -> Option<CellRef<'_>> {
        let (block, row) = self.row(row)?;
        let column = block.columns.iter().find(|c| c.key == column)?;
        Some(CellRef {
            table: self,
            block,
            row,
            column,
        })
    }

    /// The chain of group labels above a group, outermost first, ending with its own label.
    pub fn group_path(&self, group: Option<&str>) -> Vec<&str> {
        let mut path = Vec::new();
        let mut next = group;
        // Validation forbids cycles; the bound keeps a hand-made template from looping anyway.
        while let Some(key) = next {
            let Some(g) = self.group(key) else { break };
            path.push(g.label.as_str());
            next = g.parent.as_deref();
            if path.len() > self.groups.len() {
                break;
            }
        }
        path.reverse();
        path
    }

    /// Group labels above a row, then the row's label.
    pub fn row_path<'a>(&'a self, row: &'a Row) -> Vec<&'a str> {
        let mut path = self.group_path(row.group.as_deref());
        path.push(&row.label);
        path
    }

    /// Group labels above a column, then its header.
    pub fn column_path<'a>(&'a self, column: &'a Column) -> Vec<&'a str> {
        let mut path = self.group_path(column.group.as_deref());
        path.push(&column.header);
        path
    }

    /// How deep a row is nested: 1 for a top-level row.
    pub fn row_level(&self, row: &Row) -> usize {
        self.group_path(row.group.as_deref()).len() + 1
    }

    fn in_group(&self, group: Option<&str>, ancestor: &str) -> bool {
        let mut next = group;
        let mut steps = 0;
        while let Some(key) = next {
            if key == ancestor {
                return true;
            }
            next = self.group(key).and_then(|g| g.parent.as_deref());
            steps += 1;
            if steps > self.groups.len() {
                break;
            }
        }
        false
    }

    /// The input rows a row key or group key stands for.
    pub fn expand_rows(&self, key: &str) -> Vec<&Row> {
        if let Some((_, row)) = self.row(key) {
            return vec![row];
        }
        self.rows()
            .map(|(_, r)| r)
            .filter(|r| r.sum.is_none() && self.in_group(r.group.as_deref(), key))
            .collect()
    }

    /// The input columns of `block` a column key or group key stands for.
    pub fn expand_columns<'a>(&'a self, block: &'a Block, key: &str) -> Vec<&'a Column> {
        if let Some(column) = block.columns.iter().find(|c| c.key == key) {
            return vec![column];
        }
        block
            .columns
            .iter()
            .filter(|c| c.sum.is_none() && self.in_group(c.group.as_deref(), key))
            .collect()
    }

    /// The computed column holding a row's total, if the table has one (总计).
    pub fn total_column(&self) -> Option<&Column> {
        self.blocks
            .first()
            .and_then(|b| b.columns.iter().find(|c| c.sum.is_some()))
    }

    /// Whether `key` names a column or column group of this table.
    pub fn has_column_key(&self, key: &str) -> bool {
        self.blocks
            .iter()
            .any(|b| b.columns.iter().any(|c| c.key == key))
            || self
                .blocks
                .iter()
                .flat_map(|b| b.columns.iter())
                .any(|c| self.in_group(c.group.as_deref(), key))
    }

    /// The number of cells a person types in this table.
    pub fn input_count(&self) -> usize {
        self.input_cells().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_built_and_read_back_by_one_pair_each() {
        let cell = cell_key("requests", "carried_forward", "natural_person");
        assert_eq!(cell, "requests.carried_forward.natural_person");
        assert_eq!(
            split_cell_key(&cell),
            Some(("requests", "carried_forward", "natural_person"))
        );
        assert_eq!(split_cell_key("fees.notices"), None);
        let row = row_key("requests", "carried_forward");
        assert_eq!(split_row_key(&row), Some(("requests", "carried_forward")));
        assert_eq!(cell_key_in_row(&row, "natural_person"), Some(cell));
        assert_eq!(cell_key_in_row("requests", "natural_person"), None);
        // Every cell the built-in templates name reads back to itself.
        for t in Template::all() {
            for c in t.input_cells() {
                let key = c.key();
                let (table, row, column) = split_cell_key(&key).unwrap();
                assert_eq!(
                    t.cell(&key).map(|c| c.key()),
                    Some(cell_key(table, row, column))
                );
            }
        }
    }
}
