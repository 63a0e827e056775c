//! What an import tells its user: what was read, what was left blank and why, where the file
//! deviates from its format, what was not understood, and the printed totals checked. The
//! same facts are printed in the user's language (`crate::i18n`) or as JSON.

use super::sniff::SourceFormat;
use crate::report::Draft;
use crate::template::Template;

/// Why a cell was left blank.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum BlankReason {
    /// The published cell is empty.
    Empty,
    /// The published cell holds a mark meaning nothing (「—」「/」「无」), as written.
    Mark {
        /// The mark as printed.
        written: String,
    },
    /// The cell holds text that is not a figure of this kind.
    Unreadable {
        /// The cell's text as printed, or the figure a cell of its kind cannot take (a fraction
        /// where a count belongs).
        written: String,
    },
    /// The row's figures could be read more than one way, and the totals leave more than one.
    Ambiguous {
        /// The texts of the row's value cells as printed, in order.
        written: Vec<String>,
    },
    /// The row was not found in the file.
    RowMissing,
    /// The file prints this group as one row; its parts cannot be told apart.
    GroupAsOneRow,
}

/// A cell left blank.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BlankNote {
    /// The cell's key, `table.row.column`.
    pub cell: String,
    /// Why nothing was read into it.
    #[serde(flatten)]
    pub reason: BlankReason,
}

/// Where the file departs from the official format.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Deviation {
    /// A group printed as one row (（六）其他处理 in a gip-2021 report); `resolved` when the
    /// totals left one reading of its rows.
    GroupAsOneRow {
        /// The group's key, `table.group` (`requests.other_handling`).
        group: String,
        /// Whether its figures were all 0, so that each of its rows was read as 0.
        resolved: bool,
    },
    /// A row printed with more or fewer figures than its columns.
    Figures {
        /// The row's key, `table.row` (or `table.group` for a group printed as one row).
        row: String,
        /// How many value cells the row holds, blanks at either end beyond the format's count
        /// dropped.
        printed: usize,
        /// How many the format's columns take, totals included.
        expected: usize,
        /// Whether the printed totals left one reading (else the row is left blank).
        settled: bool,
    },
    /// A label printed differently from the format (a typo, a variant).
    Label {
        /// The key of the format's row it was read as, `table.row`.
        row: String,
        /// The label as printed.
        printed: String,
    },
}

/// The import summary.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    /// The kind of file read.
    pub format: SourceFormat,
    /// The id of the format it was read against.
    pub template: String,
    /// The agency as read from the title.
    pub agency: String,
    /// The report's year as read from the title.
    pub year: i32,
    /// Input cells read with a figure, of all input cells of the format.
    pub cells_read: usize,
    /// How many input cells the format has: the denominator of `cells_read`.
    pub cells_total: usize,
    /// Every input cell left blank, once each, with why; in template order once
    /// [`Summary::finish`] has run.
    pub left_blank: Vec<BlankNote>,
    /// Where the file departs from its format, in the order found.
    pub deviations: Vec<Deviation>,
    /// Rows of figures whose label matched no row of the format, as printed.
    pub not_understood: Vec<String>,
    /// Printed totals compared with the sum of their parts, and how many disagreed.
    pub totals_checked: usize,
    /// How many of those disagreed; each is also an `import.printed_total` warning
    /// ([`crate::import::Imported::printed_totals`]).
    pub totals_disagreeing: usize,
    /// The prose sections read, by key (`overview`, `problems`, `other`).
    pub prose_found: Vec<String>,
    /// The prose sections whose heading was not found or under which nothing was written, by
    /// key; they are left empty in the draft.
    pub prose_missing: Vec<String>,
    /// The 信息处理费 figures the prose does not state, by fee key; left blank in the draft.
    /// Always empty in a format without fees (gip-2019).
    pub fees_missing: Vec<String>,
}

impl Summary {
    /// An empty summary for a file of `format` read against `template`, under the agency and
    /// year the draft was given from the title.
    pub fn new(format: SourceFormat, template: &Template, draft: &Draft) -> Summary {
        Summary {
            format,
            template: template.id.clone(),
            agency: draft.report.agency.clone(),
            year: draft.report.year,
            cells_read: 0,
            cells_total: template.compiled().inputs.len(),
            left_blank: Vec::new(),
            deviations: Vec::new(),
            not_understood: Vec::new(),
            totals_checked: 0,
            totals_disagreeing: 0,
            prose_found: Vec::new(),
            prose_missing: Vec::new(),
            fees_missing: Vec::new(),
        }
    }

    /// Notes a cell left blank and why; the first reason noted for a cell stands.
    pub fn blank(&mut self, cell: String, reason: BlankReason) {
        if !self.left_blank.iter().any(|b| b.cell == cell) {
            self.left_blank.push(BlankNote { cell, reason });
        }
    }

    /// Counts what was read, and notes every input cell left blank without a note yet.
    pub fn finish(&mut self, template: &Template, draft: &Draft) {
        self.cells_read = template
            .compiled()
            .inputs
            .iter()
            .filter(|c| draft.cells.contains_key(&c.key))
            .count();
        // Only input cells are stored; a note about a total row (（七）) or about a cell read
        // after all is dropped.
        let inputs = &template.compiled().inputs;
        self.left_blank.retain(|b| {
            !draft.cells.contains_key(&b.cell) && inputs.iter().any(|c| c.key == b.cell)
        });
        for input in &template.compiled().inputs {
            if !draft.cells.contains_key(&input.key) {
                self.blank(input.key.clone(), BlankReason::RowMissing);
            }
        }
        let order = |key: &str| {
            template
                .compiled()
                .inputs
                .iter()
                .position(|c| c.key == key)
                .unwrap_or(usize::MAX)
        };
        self.left_blank.sort_by_key(|b| order(&b.cell));
    }
}
