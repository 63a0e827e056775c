//! Styles, borders and marks: with colour or without (`NO_COLOR`), box lines or ASCII.
//!
//! Nothing is told by colour alone: every state also has a mark and a word.

use super::app::{Look, PageState};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub look: Look,
}

impl Theme {
    pub fn new(look: Look) -> Theme {
        Theme { look }
    }

    fn fg(&self, color: Color) -> Style {
        if self.look.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn plain(&self) -> Style {
        Style::new()
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }

    /// The focused cell, field or list line.
    pub fn focus(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A cell being typed into.
    pub fn editing(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Text that must stand out of the reversed header (read-only): not reversed, bold.
    pub fn standout(&self) -> Style {
        self.error().remove_modifier(Modifier::REVERSED)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn hint(&self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Computed cells: told apart from typed ones by style and by never taking the cursor.
    pub fn computed(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::ITALIC)
    }

    pub fn header(&self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.look.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    pub fn vertical(&self) -> &'static str {
        if self.look.ascii { "|" } else { "│" }
    }

    pub fn horizontal(&self) -> &'static str {
        if self.look.ascii { "-" } else { "─" }
    }

    /// The mark of a page state (never colour alone).
    pub fn mark(&self, state: PageState) -> &'static str {
        let ascii = self.look.ascii;
        match state {
            PageState::Complete | PageState::Ready => {
                if ascii {
                    "v"
                } else {
                    "✓"
                }
            }
            PageState::Errors(_) | PageState::NotReady => {
                if ascii {
                    "x"
                } else {
                    "✗"
                }
            }
            PageState::Warnings(_) => "!",
            PageState::Blanks(_) => "-",
        }
    }

    pub fn state_style(&self, state: PageState) -> Style {
        match state {
            PageState::Complete | PageState::Ready => self.ok(),
            PageState::Errors(_) | PageState::NotReady => self.error(),
            PageState::Warnings(_) => self.warning(),
            PageState::Blanks(_) => self.dim(),
        }
    }

    pub fn severity_mark(&self, s: crate::check::Severity) -> &'static str {
        use crate::check::Severity::*;
        match (s, self.look.ascii) {
            (Error, false) => "✗",
            (Error, true) => "x",
            (Warning, _) => "!",
            (Hint, _) => "i",
        }
    }

    pub fn severity_style(&self, s: crate::check::Severity) -> Style {
        use crate::check::Severity::*;
        match s {
            Error => self.error(),
            Warning => self.warning(),
            Hint => self.hint(),
        }
    }

    /// Between the parts of a label path (申请人情况 › 自然人).
    pub fn path_sep(&self) -> &'static str {
        if self.look.ascii { " > " } else { " › " }
    }

    /// Before a text field in a dialog.
    pub fn prompt(&self) -> &'static str {
        if self.look.ascii { ">" } else { "›" }
    }

    pub fn ok_mark(&self) -> &'static str {
        if self.look.ascii { "v" } else { "✓" }
    }

    /// A hint in the status line: what a key did not do, and what to press instead.
    pub fn hint_mark(&self) -> &'static str {
        if self.look.ascii { ">" } else { "›" }
    }

    pub fn error_mark(&self) -> &'static str {
        if self.look.ascii { "x" } else { "✗" }
    }

    /// More columns to the left of those on screen.
    pub fn more_left(&self) -> &'static str {
        if self.look.ascii { "<" } else { "‹" }
    }

    /// More columns to the right.
    pub fn more_right(&self) -> &'static str {
        if self.look.ascii { ">" } else { "›" }
    }
}
