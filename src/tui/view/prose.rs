//! A prose section (一, 五, 六): the text wrapped by display width, the real cursor on the
//! caret, the section's findings below.

use super::editor::{findings, section_findings};
use super::{put, put_line};
use crate::i18n::tui as tr;
use crate::template::Section;
use crate::tui::app::App;
use crate::tui::layout::Areas;
use crate::tui::text::caret_position;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Position;

pub(super) fn draw(app: &App, frame: &mut Frame, areas: &Areas, theme: &Theme, section: &Section) {
    let Some(doc) = &app.doc else { return };
    let area = areas.content;
    let text = doc.draft.text(&section.key);
    let focus = app.prose.get(&section.key).copied().unwrap_or_default();
    let buf = frame.buffer_mut();
    // The count of characters beside the heading.
    let layout = app.prose_layout(&section.key, text, area.width);
    let count = tr::chars_count(app.lang, layout.chars);
    let cw = crate::tui::text::str_width(&count) as u16;
    if areas.title.width > cw + 1 {
        put(
            buf,
            areas.title.right() - cw,
            areas.title.y,
            &count,
            cw,
            theme.dim(),
        );
    }
    if text.is_empty() {
        put_line(buf, area, 0, tr::prose_empty(app.lang), theme.dim());
        if !section.outline.is_empty() {
            put_line(buf, area, 2, tr::outline_offer(app.lang), theme.dim());
            for (i, topic) in tr::outline_text(&section.outline)
                .lines()
                .filter(|l| !l.is_empty())
                .enumerate()
            {
                put_line(buf, area, 3 + i as u16, &format!("  {topic}"), theme.dim());
            }
        }
        findings(
            app,
            buf,
            areas.panel,
            0,
            &section_findings(app, &section.key),
            theme,
        );
        frame.set_cursor_position(Position::new(area.x, area.y));
        return;
    }
    let lines = &layout.lines;
    for (i, l) in lines
        .iter()
        .skip(focus.scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        put_line(buf, area, i as u16, &text[l.start..l.end], theme.plain());
    }
    findings(
        app,
        buf,
        areas.panel,
        0,
        &section_findings(app, &section.key),
        theme,
    );
    let caret = crate::tui::text::floor_boundary(text, focus.caret);
    let (line, col) = caret_position(text, lines, caret);
    if line >= focus.scroll && line < focus.scroll + usize::from(area.height) {
        let x = (area.x + col as u16).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y + (line - focus.scroll) as u16));
    }
}
