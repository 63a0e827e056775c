//! The one way a ledger's figures go into a draft, for the command line and the editor alike:
//! which cells would change (old → new), and making those changes with the draft recording
//! the ledger it came from (`[ledger] file`).

use super::count::Counted;
use crate::report::{Draft, LedgerSource, Number};

/// One figure the ledger changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// A cell key (`requests.row.column`) or a fee (`fees.key`).
    pub key: String,
    /// `None`: the cell was blank.
    pub old: Option<Number>,
    /// The ledger's figure, which replaces it.
    pub new: Number,
}

fn current(draft: &Draft, key: &str) -> Option<Number> {
    match key.strip_prefix("fees.") {
        Some(fee) => draft.fees.get(fee).copied(),
        None => draft.cell(key),
    }
}

/// The figures of the draft that differ from the ledger's, in the format's order.
pub fn changes(draft: &Draft, counted: &Counted) -> Vec<Change> {
    changes_to(draft, &counted.values())
}

/// The figures of the draft that differ from these (a ledger's [`Counted::values`]).
pub fn changes_to(draft: &Draft, values: &[(String, Number)]) -> Vec<Change> {
    values
        .iter()
        .filter_map(|(key, new)| {
            let old = current(draft, key);
            (old != Some(*new)).then(|| Change {
                key: key.clone(),
                old,
                new: *new,
            })
        })
        .collect()
}

/// Writes the ledger's figures into the draft and records where they came from (as the draft
/// should name it). Returns what changed.
pub fn apply(draft: &mut Draft, counted: &Counted, source: LedgerSource) -> Vec<Change> {
    apply_values(draft, &counted.values(), source)
}

/// [`apply`] with a ledger's figures already counted (the editor counts when it previews).
pub fn apply_values(
    draft: &mut Draft,
    values: &[(String, Number)],
    source: LedgerSource,
) -> Vec<Change> {
    let changes = changes_to(draft, values);
    for change in &changes {
        match change.key.strip_prefix("fees.") {
            Some(fee) => {
                draft.fees.insert(fee.to_string(), change.new);
            }
            None => {
                draft.cells.insert(change.key.clone(), change.new);
            }
        }
    }
    draft.ledger = Some(source);
    changes
}
