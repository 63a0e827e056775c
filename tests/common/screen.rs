//! The editor opened on a copy of the sample, and a terminal that only counts the bytes it is
//! sent: shared by the screen-cost test (`tests/tui/bytes.rs`) and the editor benchmarks
//! (`benches/tui.rs`, which include this file by path).

use gongkai::i18n::Lang;
use gongkai::tui::action::{Action, Command};
use gongkai::tui::app::{App, Page};
use gongkai::tui::backend::Screen;
use gongkai::tui::update::update;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const SAMPLE: &str = "assets/samples/xiamen-hrss-2020.toml";

pub fn options(file: std::path::PathBuf) -> gongkai::tui::Options {
    gongkai::tui::Options {
        file: Some(file),
        lang: Lang::Zh,
        ascii: false,
        today: None,
    }
}

/// The sample, copied where the editor may change it, opened in a `w`×`h` window.
pub fn on_sample(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::copy(SAMPLE, &file).unwrap();
    let app = gongkai::tui::prepare(&options(file), w, h).unwrap();
    (app, dir)
}

/// The sample opened on table 三.
pub fn on_table_three(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let (mut app, dir) = on_sample(w, h);
    let requests = app
        .doc
        .as_ref()
        .unwrap()
        .template
        .sections
        .iter()
        .position(|s| s.key == "requests")
        .unwrap();
    while app.current_page() != Some(Page::Section(requests)) {
        update(&mut app, Action::Command(Command::NextSection));
    }
    (app, dir)
}

/// A writer that only counts what it is given.
#[derive(Clone, Default)]
pub struct Count(Arc<AtomicUsize>);

impl Count {
    /// The bytes written since the last call.
    pub fn take(&self) -> usize {
        self.0.swap(0, Ordering::Relaxed)
    }
}

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The editor's own terminal backend writing into `count`, at a fixed `w`×`h` (there is no
/// terminal to ask the size of).
pub fn counting_terminal(count: &Count, w: u16, h: u16) -> Terminal<Screen<Count>> {
    Terminal::with_options(
        Screen::new(count.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap()
}

/// Types `c` and takes it back by turns, so that every call is one keystroke and the draft
/// does not grow.
pub fn keystroke(app: &mut App, typed: &mut bool, c: char) {
    let action = if *typed {
        Action::Command(Command::Backspace)
    } else {
        Action::Char(c)
    };
    *typed = !*typed;
    update(app, action);
}
