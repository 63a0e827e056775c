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
    Mark { written: String },
    /// The cell holds text that is not a figure of this kind.
    Unreadable { written: String },
    /// The row's figures could be read more than one way, and the totals leave more than one.
    Ambiguous { written: Vec<String> },
    /// The row was not found in the file.
    RowMissing,
    /// The file prints this group as one row; its parts cannot be told apart.
    GroupAsOneRow,
}

/// A cell left blank.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BlankNote {
    pub cell: String,
    #[serde(flatten)]
    pub reason: BlankReason,
}

/// Where the file departs from the official format.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Deviation {
    /// A group printed as one row (（六）其他处理 in a gip-2021 report); `resolved` when the
    /// totals left one reading of its rows.
    GroupAsOneRow { group: String, resolved: bool },
    /// A row printed with more or fewer figures than its columns.
    Figures {
        row: String,
        printed: usize,
        expected: usize,
        /// Whether the printed totals left one reading (else the row is left blank).
        settled: bool,
    },
    /// A label printed differently from the format (a typo, a variant).
    Label { row: String, printed: String },
}

/// The import summary.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub format: SourceFormat,
    pub template: String,
    pub agency: String,
    pub year: i32,
    /// Input cells read with a figure, of all input cells of the format.
    pub cells_read: usize,
    pub cells_total: usize,
    pub left_blank: Vec<BlankNote>,
    pub deviations: Vec<Deviation>,
    /// Rows of figures whose label matched no row of the format, as printed.
    pub not_understood: Vec<String>,
    /// Printed totals compared with the sum of their parts, and how many disagreed.
    pub totals_checked: usize,
    pub totals_disagreeing: usize,
    pub prose_found: Vec<String>,
    pub prose_missing: Vec<String>,
    pub fees_missing: Vec<String>,
}

impl Summary {
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
