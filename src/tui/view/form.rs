//! 基本信息: agency, year, kind, contact details and the 信息处理费 figures, one field a line.

use super::editor::findings;
use super::{fill, put, put_line};
use crate::i18n::tui as tr;
use crate::tui::app::{App, FormField, form_fields};
use crate::tui::layout::Areas;
use crate::tui::text::{pad_right, str_width};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub(super) fn draw(app: &App, frame: &mut Frame, areas: &Areas, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let area = areas.content;
    let fields = form_fields(doc.template);
    let label_of = |f: &FormField| -> String {
        match f {
            FormField::Text(k) => tr::form_label(app.lang, k).to_string(),
            FormField::Year => tr::form_label(app.lang, "year").to_string(),
            FormField::Kind => tr::form_label(app.lang, "kind").to_string(),
            FormField::Fee(i) => {
                let fee = &doc.template.fees[*i];
                format!("{}（{}）", fee.label, fee.unit)
            }
        }
    };
    let label_w = fields
        .iter()
        .map(|f| str_width(&label_of(f)))
        .max()
        .unwrap_or(8)
        .min(usize::from(area.width) / 2)
        + 2;
    let mut cursor = None;
    let buf = frame.buffer_mut();
    put_line(
        buf,
        area,
        0,
        &tr::template_line(app.lang, &doc.template.id, &doc.template.name),
        theme.dim(),
    );
    let value_w = area.width.saturating_sub(label_w as u16);
    for (i, f) in fields.iter().enumerate() {
        let y = 1 + i as u16;
        if y >= area.height {
            break;
        }
        let focused = i == app.form.field;
        let label_style = if focused { theme.focus() } else { theme.bold() };
        put(
            buf,
            area.x,
            area.y + y,
            &pad_right(&label_of(f), label_w - 1),
            label_w as u16,
            label_style,
        );
        let x = area.x + label_w as u16;
        let value_area = Rect::new(x, area.y + y, value_w, 1);
        match f {
            FormField::Kind => {
                let text = format!(
                    "{}  {}",
                    tr::kind_name(app.lang, doc.draft.report.kind),
                    if focused { tr::kind_hint(app.lang) } else { "" }
                );
                put(
                    buf,
                    x,
                    area.y + y,
                    &text,
                    value_w,
                    if focused {
                        theme.editing()
                    } else {
                        theme.plain()
                    },
                );
            }
            _ if focused => {
                let (shown, caret) = app
                    .form
                    .input
                    .window(usize::from(value_w).saturating_sub(1));
                fill(buf, value_area, theme.editing());
                put(buf, x, area.y + y, &shown, value_w, theme.editing());
                cursor = Some(Position::new(x + caret as u16, area.y + y));
            }
            FormField::Text(k) => {
                put(
                    buf,
                    x,
                    area.y + y,
                    doc.draft.report.text(k).unwrap_or_default(),
                    value_w,
                    theme.plain(),
                );
            }
            FormField::Year => {
                put(
                    buf,
                    x,
                    area.y + y,
                    &doc.draft.report.year.to_string(),
                    value_w,
                    theme.plain(),
                );
            }
            FormField::Fee(k) => {
                let text = doc
                    .draft
                    .fees
                    .get(&doc.template.fees[*k].key)
                    .map_or(tr::blank_mark(app.lang).to_string(), |n| n.to_string());
                put(buf, x, area.y + y, &text, value_w, theme.plain());
            }
        }
    }
    // The panel: what the focused field is for, then the findings about 基本信息 and the fees.
    let panel = areas.panel;
    let mut line = 0;
    let help = match fields.get(app.form.field) {
        Some(FormField::Year) => Some(tr::year_help(app.lang)),
        Some(FormField::Kind) => Some(tr::kind_hint(app.lang)),
        Some(FormField::Fee(_)) => Some(tr::fees_heading(app.lang)),
        _ => None,
    };
    if let Some(h) = help {
        put_line(buf, panel, 0, h, theme.dim());
        line = 1;
    }
    let found: Vec<&crate::check::Finding> = doc
        .outcome
        .findings
        .iter()
        .filter(|f| crate::tui::app::on_meta_page(f))
        .collect();
    findings(app, buf, panel, line, &found, theme);
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}
