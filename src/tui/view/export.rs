//! 导出: whether the report is finished, what blocks it, and the export form.

use super::{fill, put, put_line};
use crate::check::codes;
use crate::i18n::{self, tui as tr};
use crate::tui::app::App;
use crate::tui::exporter;
use crate::tui::layout::Areas;
use crate::tui::text::wrap;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub(super) fn draw(app: &App, frame: &mut Frame, areas: &Areas, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let area = areas.content;
    let buf = frame.buffer_mut();
    let blockers = crate::export::blockers(&doc.outcome);
    let form_top = area.height.saturating_sub(5);
    if blockers.is_empty() {
        let text = if app.look.ascii {
            tr::export_ready_ascii(app.lang)
        } else {
            tr::export_ready(app.lang)
        };
        put_line(buf, area, 0, text, theme.ok());
    } else {
        let blanks = blockers.iter().filter(|f| f.code == codes::BLANK).count();
        let others: Vec<_> = blockers.iter().filter(|f| f.code != codes::BLANK).collect();
        let count = others.len() + usize::from(blanks > 0);
        put_line(
            buf,
            area,
            0,
            &tr::export_not_ready(app.lang, count),
            theme.error(),
        );
        let mut y = 1;
        for f in others {
            if y + 1 >= form_top {
                break;
            }
            let text = format!(
                "  {} {}：{}",
                theme.severity_mark(f.severity),
                i18n::severity(app.lang, f.severity),
                i18n::finding(app.lang, f)
            );
            for (i, l) in wrap(&text, usize::from(area.width))
                .iter()
                .take(2)
                .enumerate()
            {
                if y + 1 >= form_top {
                    break;
                }
                let indent = if i == 0 { "" } else { "    " };
                let part = format!("{indent}{}", &text[l.start..l.end]);
                put_line(buf, area, y, &part, theme.severity_style(f.severity));
                y += 1;
            }
        }
        if blanks > 0 && y + 1 < form_top {
            put_line(
                buf,
                area,
                y,
                &format!("  - {}", tr::review_blanks(app.lang, blanks)),
                theme.dim(),
            );
        }
    }
    // The form.
    let formats = exporter::formats();
    let labels = tr::export_fields(app.lang);
    let format_text = match formats.get(app.export.format) {
        Some(f) => format!("< {f} >"),
        None => tr::export_no_formats(app.lang).to_string(),
    };
    let values = [
        format_text,
        tr::draft_mark_value(app.lang, app.export.draft_mark).to_string(),
        String::new(),
        tr::export_button(app.lang).to_string(),
    ];
    let mut cursor = None;
    for i in 0..4 {
        let y = form_top + i as u16;
        if y >= area.height {
            break;
        }
        let focused = app.export.field == i;
        let x = area.x + 8;
        put(
            buf,
            area.x,
            area.y + y,
            labels[i],
            8,
            if focused { theme.focus() } else { theme.bold() },
        );
        let row = Rect::new(x, area.y + y, area.width.saturating_sub(8), 1);
        if i == 2 {
            let (shown, caret) = app
                .export
                .path
                .window(usize::from(row.width).saturating_sub(1));
            if focused {
                fill(buf, row, theme.editing());
                cursor = Some(Position::new(x + caret as u16, row.y));
            }
            put(
                buf,
                x,
                row.y,
                &shown,
                row.width,
                if focused {
                    theme.editing()
                } else {
                    theme.plain()
                },
            );
        } else {
            put(
                buf,
                x,
                row.y,
                &values[i],
                row.width,
                if focused {
                    theme.focus()
                } else {
                    theme.plain()
                },
            );
        }
    }
    let hint = tr::export_hint(app.lang);
    for (i, l) in wrap(hint, usize::from(areas.panel.width))
        .iter()
        .enumerate()
    {
        put_line(
            buf,
            areas.panel,
            i as u16,
            &hint[l.start..l.end],
            theme.dim(),
        );
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}
