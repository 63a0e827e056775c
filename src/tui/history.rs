//! Undo and redo for every change to a draft: cells, fills, prose, acknowledgements, metadata.
//!
//! Before a change the whole draft is kept with the place the change was made. A draft is
//! small (the longest report is tens of kilobytes), so a snapshot is simpler and safer than
//! recording inverse operations. Typing in one field is one step: consecutive changes with the
//! same group key share a snapshot.

use super::app::Place;
use crate::report::Draft;

/// How many steps are kept.
const LIMIT: usize = 300;

#[derive(Debug, Clone)]
struct Step {
    draft: Draft,
    place: Place,
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
        self.undo.push(Step {
            draft: before.clone(),
            place,
        });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends the current group: the next change is a step of its own.
    pub fn seal(&mut self) {
        self.group = None;
    }

    /// The draft before the last change, swapping in the current one for redo.
    pub fn undo(&mut self, current: &Draft) -> Option<(Draft, Place)> {
        self.group = None;
        let step = self.undo.pop()?;
        self.redo.push(Step {
            draft: current.clone(),
            place: step.place.clone(),
        });
        Some((step.draft, step.place))
    }

    pub fn redo(&mut self, current: &Draft) -> Option<(Draft, Place)> {
        self.group = None;
        let step = self.redo.pop()?;
        self.undo.push(Step {
            draft: current.clone(),
            place: step.place.clone(),
        });
        Some((step.draft, step.place))
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
