//! `view`: draws the state. It changes nothing; the same state always draws the same screen.
//!
//! Where text is typed, the real terminal cursor is put on the caret (`Frame::set_cursor_position`)
//! so an input method opens its candidate window there.

mod editor;
mod export;
mod form;
mod overlay;
mod prose;
mod review;
mod start;
mod table;

use super::app::{App, Screen};
use super::text::fit_end;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Draws the editor.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::new(app.look);
    if area.width < super::app::MIN_WIDTH || area.height < super::app::MIN_HEIGHT {
        overlay::too_small(app, frame, &theme);
        return;
    }
    match app.screen {
        Screen::Start => start::draw(app, frame, &theme),
        Screen::Editor => editor::draw(app, frame, &theme),
    }
    if app.dialog.is_some() {
        overlay::dialog(app, frame, &theme);
    }
    if app.help {
        overlay::help(app, frame, &theme);
    }
}

/// Writes text at (x, y) cut to `width` columns, the cut marked with `…` (nothing on screen is
/// cut silently); returns the column after it.
fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) -> u16 {
    if width == 0 || y >= buf.area.bottom() || x >= buf.area.right() {
        return x;
    }
    let width = width.min(buf.area.right() - x);
    let text = fit_end(text, usize::from(width));
    buf.set_stringn(x, y, &text, usize::from(width), style).0
}

/// Writes text in an area's line, cut to the area's width.
fn put_line(buf: &mut Buffer, area: Rect, line: u16, text: &str, style: Style) -> u16 {
    if line >= area.height {
        return area.x;
    }
    put(buf, area.x, area.y + line, text, area.width, style)
}

/// Fills a rectangle with a style (for a focused line).
fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area.intersection(buf.area), style);
}
