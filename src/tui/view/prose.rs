//! A prose section (一, 五, 六): the text wrapped by display width, the real cursor on the
//! caret, the section's findings below; on request last year's text of the section, read-only,
//! beside it (or below it, in place of the findings, in a narrow window).

use super::editor::{findings, section_findings};
use super::{put, put_line};
use crate::i18n::tui as tr;
use crate::template::Section;
use crate::tui::app::App;
use crate::tui::layout::{Areas, ProseAreas, prose_lines};
use crate::tui::text::{caret_position_at, str_width};
use crate::tui::theme::Theme;
use crate::tui::update::prose_layout;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;

pub(super) fn draw(app: &App, frame: &mut Frame, areas: &Areas, theme: &Theme, section: &Section) {
    let Some(doc) = &app.doc else { return };
    let pa = prose_layout(app);
    let area = pa.text;
    last_year(app, frame.buffer_mut(), &pa, theme, section);
    let findings_at = |app: &App, buf: &mut Buffer| {
        if let Some(panel) = pa.panel {
            findings(
                app,
                buf,
                panel,
                0,
                &section_findings(app, &section.key),
                theme,
            );
        }
    };
    let text = doc.draft.text(&section.key);
    let focus = app.prose.get(&section.key).copied().unwrap_or_default();
    let buf = frame.buffer_mut();
    // The count of characters beside the heading.
    let layout = app.wrapped_prose(&section.key, text, area.width);
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
        findings_at(app, buf);
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
    findings_at(app, buf);
    let caret = crate::tui::text::floor_boundary(text, focus.caret);
    let (line, col) = caret_position_at(text, lines, caret, focus.line_end);
    if line >= focus.scroll && line < focus.scroll + usize::from(area.height) {
        let x = (area.x + col as u16).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y + (line - focus.scroll) as u16));
    }
}

/// Last year's text of the section, read-only, beside or below this year's.
fn last_year(app: &App, buf: &mut Buffer, pa: &ProseAreas, theme: &Theme, section: &Section) {
    let (Some(title), Some(body)) = (pa.last_title, pa.last_body) else {
        return;
    };
    let Some(last) = app.doc.as_ref().and_then(|d| d.last.as_ref()) else {
        return;
    };
    // Whatever the editor drew there (the findings' rule) gives way.
    for y in title.y..body.bottom() {
        put(
            buf,
            title.x,
            y,
            &" ".repeat(usize::from(title.width)),
            title.width,
            theme.plain(),
        );
    }
    if let Some(sep) = pa.separator {
        for y in sep.y..sep.bottom() {
            put(buf, sep.x, y, theme.vertical(), 1, theme.dim());
        }
    }
    let heading = last
        .template
        .section(&section.key)
        .map_or(section.heading.as_str(), |s| s.heading.as_str());
    let text = last.draft.text(&section.key);
    let scroll = app
        .last_text
        .scroll
        .get(&section.key)
        .copied()
        .unwrap_or_default();
    let lines = prose_lines(text, body.width);
    // Where in last year's text the window is, when it does not all fit.
    let at = (lines.len() > usize::from(body.height)).then(|| {
        let shown_to = (scroll + usize::from(body.height)).min(lines.len());
        tr::lines_shown(app.lang, scroll + 1, shown_to, lines.len())
    });
    let at_w = at.as_deref().map_or(0, str_width);
    // Stacked, the title is a rule across the width, between the two texts.
    let lead = if pa.separator.is_none() {
        let rule = theme.horizontal().repeat(usize::from(title.width));
        put(buf, title.x, title.y, &rule, title.width, theme.dim());
        format!("{} ", theme.horizontal().repeat(2))
    } else {
        String::new()
    };
    // Short of room, the heading is left out first: it is the heading of the section beside.
    let year = last.draft.report.year;
    let full = format!("{lead}{} ", tr::last_text_title(app.lang, year, heading));
    let short = format!("{lead}{} ", tr::last_text_title_short(app.lang, year));
    let room = usize::from(title.width).saturating_sub(at_w);
    let head = if str_width(&full) <= room {
        full
    } else {
        short
    };
    put(buf, title.x, title.y, &head, title.width, theme.bold());
    if let Some(at) = &at
        && str_width(&head) + at_w <= usize::from(title.width)
    {
        put(
            buf,
            title.right() - at_w as u16,
            title.y,
            at,
            at_w as u16,
            theme.dim(),
        );
    }
    if text.is_empty() {
        put_line(buf, body, 0, tr::last_text_empty(app.lang), theme.dim());
        return;
    }
    for (i, l) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .enumerate()
    {
        put_line(buf, body, i as u16, &text[l.start..l.end], theme.plain());
    }
}
