//! What one keystroke costs the terminal: a digit typed in table 三 repaints only what changed.

use gongkai::i18n::Lang;
use gongkai::tui::action::{Action, Command};
use gongkai::tui::app::Page;
use gongkai::tui::backend::Screen;
use gongkai::tui::update::update;
use gongkai::tui::view::view;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Clone, Default)]
struct Count(Arc<AtomicUsize>);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn one_digit_sends_under_two_kilobytes_and_a_page_change_repaints() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::copy("assets/samples/xiamen-hrss-2020.toml", &file).unwrap();
    let options = gongkai::tui::Options {
        file: Some(file),
        lang: Lang::Zh,
        ascii: false,
        today: None,
    };
    let mut app = gongkai::tui::prepare(&options, 160, 48).unwrap();
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
    let count = Count::default();
    let mut terminal = Terminal::with_options(
        Screen::new(count.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 160, 48)),
        },
    )
    .unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let first = count.0.swap(0, Ordering::Relaxed);
    update(&mut app, Action::Char('5'));
    terminal.draw(|f| view(&app, f)).unwrap();
    let digit = count.0.swap(0, Ordering::Relaxed);
    assert!(digit < 2048, "one digit wrote {digit} bytes");
    assert!(
        digit * 4 < first,
        "a digit ({digit}) is far less than a frame ({first})"
    );
    update(&mut app, Action::Command(Command::Enter));
    update(&mut app, Action::Command(Command::NextSection));
    terminal.draw(|f| view(&app, f)).unwrap();
    let page = count.0.swap(0, Ordering::Relaxed);
    assert!(page > digit, "a page change repaints much more ({page})");
}
