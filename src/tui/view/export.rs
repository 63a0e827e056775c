//! 导出: whether the report is finished, what blocks it, and the export form.

use super::{fill, put, put_line};
use crate::check::codes;
use crate::i18n::{self, tui as tr};
use crate::tui::app::App;
use crate::tui::exporter;
use crate::tui::layout::Areas;
use crate::tui::text::{self, fit_middle, wrap, wrap_lines};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub(super) fn draw(app: &App, frame: &mut Frame, areas: &Areas, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let area = areas.content;
    let buf = frame.buffer_mut();
    let blockers = crate::export::blockers(&doc.outcome);
    // The form: format, draft mark, the file (its path wrapped onto up to three lines), the
    // button; it follows the list of what blocks a final export, so the two are read together.
    let field_w = usize::from(area.width.saturating_sub(LABEL_W + 1)).max(2);
    let path_lines = path_lines(&app.export.path.text, field_w);
    let form_h = 3 + path_lines.len().max(1) as u16;
    let list_room = area.height.saturating_sub(form_h + 1);
    let mut y: u16 = 1;
    if blockers.is_empty() {
        let text = if app.look.ascii {
            tr::export_ready_ascii(app.lang)
        } else {
            tr::export_ready(app.lang)
        };
        put_line(buf, area, 0, text, theme.ok());
    } else {
        let blanks = blockers.iter().filter(|f| f.code == codes::BLANK).count();
        // Each wrong cell once, as the 检查 page lists it.
        let others: Vec<_> = blockers
            .iter()
            .filter(|f| f.code != codes::BLANK && doc.shows(f))
            .collect();
        let count = others.len() + usize::from(blanks > 0);
        put_line(
            buf,
            area,
            0,
            &tr::export_not_ready(app.lang, count),
            theme.error(),
        );
        // Each item as it is drawn: one or two lines, and its style.
        let mut items: Vec<(Vec<String>, ratatui::style::Style)> = others
            .iter()
            .map(|f| {
                let text = format!(
                    "  {} {}：{}",
                    theme.severity_mark(f.severity),
                    i18n::severity(app.lang, f.severity),
                    i18n::finding(app.lang, f)
                );
                let lines = wrap_lines(&text, usize::from(area.width), 2)
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| if i == 0 { l } else { format!("    {l}") })
                    .collect();
                (lines, theme.severity_style(f.severity))
            })
            .collect();
        if blanks > 0 {
            items.push((
                vec![format!("  - {}", tr::review_blanks(app.lang, blanks))],
                theme.dim(),
            ));
        }
        // What does not fit is counted, never dropped unsaid.
        let total: u16 = items.iter().map(|(l, _)| l.len() as u16).sum();
        let fits_all = total < list_room;
        let mut shown = 0;
        for (lines, style) in &items {
            let room = if fits_all {
                list_room
            } else {
                list_room.saturating_sub(1)
            };
            if y + lines.len() as u16 > room {
                break;
            }
            for l in lines {
                put_line(buf, area, y, l, *style);
                y += 1;
            }
            shown += 1;
        }
        if shown < items.len() {
            put_line(
                buf,
                area,
                y,
                &format!("  {}", tr::export_more(app.lang, items.len() - shown)),
                theme.dim(),
            );
            y += 1;
        }
    }
    let form_top = (y + 1).min(area.height.saturating_sub(form_h));
    let formats = exporter::formats();
    let labels = tr::export_fields(app.lang);
    let format_text = match formats.get(app.export.format) {
        Some(f) => format!("< {f} >"),
        None => tr::export_no_formats(app.lang).to_string(),
    };
    let mut cursor = None;
    let mut y = form_top;
    let x = area.x + LABEL_W;
    let value_w = area.width.saturating_sub(LABEL_W);
    for (i, label) in labels.iter().enumerate() {
        if y >= area.height {
            break;
        }
        let focused = app.export.field == i;
        put(
            buf,
            area.x,
            area.y + y,
            label,
            LABEL_W,
            if focused { theme.focus() } else { theme.bold() },
        );
        let style = match (i, focused) {
            (2, true) => theme.editing(),
            (_, true) => theme.focus(),
            _ => theme.plain(),
        };
        match i {
            2 => {
                let field = &app.export.path;
                let caret = text::floor_boundary(&field.text, field.caret);
                match &path_lines {
                    PathLines::Whole(lines) => {
                        let (line, col) = text::caret_position(&field.text, lines, caret);
                        for (n, l) in lines.iter().enumerate() {
                            let row = Rect::new(x, area.y + y + n as u16, value_w, 1);
                            if focused {
                                fill(buf, row, theme.editing());
                            }
                            put(buf, x, row.y, &field.text[l.start..l.end], value_w, style);
                        }
                        if focused {
                            cursor = Some(Position::new(x + col as u16, area.y + y + line as u16));
                        }
                        y += lines.len() as u16;
                    }
                    PathLines::Long => {
                        let row = Rect::new(x, area.y + y, value_w, 1);
                        if focused {
                            // Typing: the part round the caret, a cut end marked.
                            let (shown, col) = field.window(field_w);
                            fill(buf, row, theme.editing());
                            put(buf, x, row.y, &shown, value_w, style);
                            cursor = Some(Position::new(x + col as u16, row.y));
                        } else {
                            put(
                                buf,
                                x,
                                row.y,
                                &fit_middle(&field.text, field_w),
                                value_w,
                                style,
                            );
                        }
                        y += 1;
                    }
                }
            }
            0 => {
                put(buf, x, area.y + y, &format_text, value_w, style);
                y += 1;
            }
            1 => {
                let value = tr::draft_mark_value(app.lang, app.export.draft_mark);
                put(buf, x, area.y + y, value, value_w, style);
                y += 1;
            }
            _ => {
                put(
                    buf,
                    x,
                    area.y + y,
                    tr::export_button(app.lang),
                    value_w,
                    style,
                );
                y += 1;
            }
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

/// Columns of the form's labels (格式, 草稿, 文件).
const LABEL_W: u16 = 8;

/// Lines the path may take before it is shown cut in the middle.
const PATH_LINES: usize = 3;

/// How the path is shown: whole, on as many lines as it needs (up to three), or cut.
enum PathLines {
    Whole(Vec<text::VisualLine>),
    Long,
}

impl PathLines {
    fn len(&self) -> usize {
        match self {
            PathLines::Whole(l) => l.len(),
            PathLines::Long => 1,
        }
    }
}

fn path_lines(path: &str, width: usize) -> PathLines {
    let lines = wrap(path, width);
    if lines.len() <= PATH_LINES {
        PathLines::Whole(lines)
    } else {
        PathLines::Long
    }
}
