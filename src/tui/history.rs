//! Undo and redo for every change to a draft: cells, fills, prose, acknowledgements, metadata.
//!
//! Before a change the whole draft is kept with the place the change was made, and the place
//! the change left the focus at (in prose, the caret after the typed text): undo goes back to
//! the first, redo on to the second. A draft is small (the longest report is tens of
//! kilobytes), so a snapshot is simpler and safer than recording inverse operations.
//!
//! A step is what a person sees as one edit: consecutive changes with the same group key share
//! a snapshot. The caller names the groups — typing in one field; in prose a run of typed
//! characters, or a run of Backspace/Del, each a group of its own — and seals the group when
//! the run ends (the caret moved away, a paste, Enter).
//!
//! The history is bounded by the bytes its snapshots hold as well as by their number: an
//! officer pasting a long text many times over would otherwise fill the memory (300 pastes of
//! 30 KB made 1.7 GB). The oldest steps go first.

use super::app::Place;
use crate::report::Draft;

/// How many steps are kept.
const LIMIT: usize = 300;
/// How many bytes of snapshots undo and redo keep together, at most (about: see [`weight`]).
pub const BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
struct Step {
    draft: Draft,
    /// Where the change was made: where undo puts the focus.
    place: Place,
    /// Where the change left the focus: where redo puts it.
    after: Place,
    /// What the snapshot holds, in bytes, counted once when it is made.
    weight: usize,
}

impl Step {
    fn new(draft: Draft, place: Place, after: Place) -> Step {
        Step {
            weight: weight(&draft),
            draft,
            place,
            after,
        }
    }
}

/// About how many bytes a draft holds: its texts, and a fixed share for each figure.
pub fn weight(draft: &Draft) -> usize {
    const PER_ENTRY: usize = 64;
    let texts: usize = draft.text.values().map(String::len).sum();
    let meta = draft.report.agency.len()
        + crate::report::META_TEXT_FIELDS
            .iter()
            .filter_map(|k| draft.report.text(k))
            .map(str::len)
            .sum::<usize>();
    let answers: usize = draft
        .acknowledged
        .iter()
        .map(|a| a.reason.len() + a.quote.as_ref().map_or(0, String::len) + PER_ENTRY)
        .sum();
    let entries = draft.cells.len() + draft.fees.len() + draft.units.len() + draft.text.len();
    std::mem::size_of::<Draft>() + texts + meta + answers + entries * PER_ENTRY
}

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The group of the last change, while it goes on.
    group: Option<String>,
}

impl History {
    /// Records the draft before a change. A change in the same group as the last one (typing on
    /// in one field) joins its step.
    pub fn record(&mut self, before: &Draft, place: Place, group: Option<String>) {
        if group.is_some() && group == self.group {
            return;
        }
        self.group = group;
        self.redo.clear();
        self.undo
            .push(Step::new(before.clone(), place.clone(), place));
        self.bound();
    }

    /// Where the last change left the focus (the caret after a typed run), for redo. Until it
    /// is said, redo goes back to where the change was made.
    pub fn set_after(&mut self, after: Place) {
        if let Some(step) = self.undo.last_mut() {
            step.after = after;
        }
    }

    /// Drops the oldest steps past [`LIMIT`] or [`BYTES`] (the newest step always stays).
    fn bound(&mut self) {
        let mut total = self.bytes();
        let mut drop = 0;
        while self.undo.len() - drop > 1 && (self.undo.len() - drop > LIMIT || total > BYTES) {
            total -= self.undo[drop].weight;
            drop += 1;
        }
        self.undo.drain(..drop);
        // Redo is what undo gave back: it goes, oldest last, if the bound is still passed.
        while total > BYTES && !self.redo.is_empty() {
            total -= self.redo.remove(0).weight;
        }
    }

    /// The bytes the snapshots hold, about (see [`weight`]).
    pub fn bytes(&self) -> usize {
        self.undo.iter().chain(&self.redo).map(|s| s.weight).sum()
    }

    /// Ends the current group: the next change is a step of its own.
    pub fn seal(&mut self) {
        self.group = None;
    }

    /// The draft before the last change and where the change was made, swapping in the current
    /// draft for redo.
    pub fn undo(&mut self, current: &Draft) -> Option<(Draft, Place)> {
        self.group = None;
        let step = self.undo.pop()?;
        self.redo.push(Step::new(
            current.clone(),
            step.place.clone(),
            step.after.clone(),
        ));
        self.bound();
        Some((step.draft, step.place))
    }

    /// The draft after the last undone change and where that change left the focus.
    pub fn redo(&mut self, current: &Draft) -> Option<(Draft, Place)> {
        self.group = None;
        let step = self.redo.pop()?;
        self.undo.push(Step::new(
            current.clone(),
            step.place.clone(),
            step.after.clone(),
        ));
        self.bound();
        Some((step.draft, step.after))
    }

    /// Forgets the last step if it changed nothing (an edit that was cancelled).
    pub fn drop_if_same(&mut self, current: &Draft) {
        if self.undo.last().is_some_and(|s| s.draft == *current) {
            self.undo.pop();
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Place {
        Place {
            page: 1,
            focus: crate::tui::app::PlaceFocus::Caret(0),
        }
    }

    #[test]
    fn three_hundred_long_pastes_stay_within_the_bound_and_the_latest_undo() {
        let mut history = History::default();
        let mut draft = Draft::default();
        let paste = "粘贴的长文本。".repeat(1500); // about 30 KB
        for _ in 0..300 {
            history.record(&draft, place(), None);
            draft
                .text
                .entry("overview".into())
                .or_default()
                .push_str(&paste);
        }
        // Unbounded, the snapshots would hold about 1.4 GB.
        assert!(history.bytes() <= BYTES, "{} bytes kept", history.bytes());
        assert!(history.can_undo());
        let before_last = draft.text("overview").len() - paste.len();
        let (back, _) = history.undo(&draft).unwrap();
        assert_eq!(back.text("overview").len(), before_last);
        assert!(history.bytes() <= BYTES);
    }

    fn caret(at: usize) -> Place {
        Place {
            page: 1,
            focus: crate::tui::app::PlaceFocus::Caret(at),
        }
    }

    #[test]
    fn undo_goes_to_where_a_change_began_and_redo_to_where_it_ended() {
        let mut history = History::default();
        let mut draft = Draft::default();
        let group = Some("prose:other:type".to_string());
        for (n, c) in ["甲", "乙", "丙"].iter().enumerate() {
            history.record(&draft, caret(n * 3), group.clone());
            draft.text.entry("other".into()).or_default().push_str(c);
            history.set_after(caret((n + 1) * 3));
        }
        let (back, at) = history.undo(&draft).unwrap();
        assert_eq!(back.text("other"), "");
        assert_eq!(at, caret(0));
        let (again, at) = history.redo(&back).unwrap();
        assert_eq!(again.text("other"), "甲乙丙");
        assert_eq!(at, caret(9));
        // And round again.
        let (_, at) = history.undo(&again).unwrap();
        assert_eq!(at, caret(0));
        assert_eq!(history.redo(&back).unwrap().1, caret(9));
    }

    #[test]
    fn another_group_is_another_step() {
        let mut history = History::default();
        let mut draft = Draft::default();
        history.record(&draft, caret(0), Some("prose:other:type".into()));
        draft.text.insert("other".into(), "甲乙".into());
        history.record(&draft, caret(6), Some("prose:other:delete".into()));
        draft.text.insert("other".into(), "甲".into());
        history.record(&draft, caret(3), Some("prose:other:delete".into()));
        draft.text.insert("other".into(), "".into());
        let (back, _) = history.undo(&draft).unwrap();
        assert_eq!(back.text("other"), "甲乙");
        let (back, _) = history.undo(&back).unwrap();
        assert_eq!(back.text("other"), "");
    }

    #[test]
    fn short_edits_keep_all_three_hundred_steps() {
        let mut history = History::default();
        let mut draft = Draft::default();
        for n in 0..400 {
            history.record(&draft, place(), None);
            draft.text.insert("other".into(), format!("第{n}稿"));
        }
        let mut steps = 0;
        while let Some((back, _)) = history.undo(&draft) {
            draft = back;
            steps += 1;
        }
        assert_eq!(steps, LIMIT);
    }
}
