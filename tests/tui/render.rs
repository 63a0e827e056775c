//! The editor drawn into a test terminal and read back as text, one line a row (a wide
//! character's second cell skipped), with where the real cursor is: what screen tests assert on.

use gongkai::tui::app::App;
use gongkai::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Position;
use unicode_width::UnicodeWidthStr;

pub fn draw(app: &App) -> (String, Option<Position>) {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let backend = terminal.backend();
    let cursor = backend.cursor_visible().then(|| backend.cursor_position());
    let buffer = backend.buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    (out, cursor)
}
