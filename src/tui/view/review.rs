//! 检查: every finding of the report, grouped by section, blanks folded to one line each.

use super::editor::finding_line;
use super::{fill, put, put_line};
use crate::i18n::{self, tui as tr};
use crate::tui::app::App;
use crate::tui::layout::Areas;
use crate::tui::text::{str_width, wrap_lines};
use crate::tui::theme::Theme;
use crate::tui::update::{ReviewItem, review_items, selected_review_item};
use ratatui::Frame;
use ratatui::layout::Rect;

pub(super) fn draw(app: &App, frame: &mut Frame, areas: &Areas, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let area = areas.content;
    let buf = frame.buffer_mut();
    let s = doc.shown_summary();
    let summary = tr::review_heading(app.lang, s.errors, s.warnings, s.blank, s.acknowledged);
    let sw = str_width(&summary) as u16;
    if areas.title.width > sw + 8 {
        put(
            buf,
            areas.title.right() - sw,
            areas.title.y,
            &summary,
            sw,
            theme.dim(),
        );
    }
    let items = review_items(app);
    if items.is_empty() {
        put_line(buf, area, 0, tr::review_empty(app.lang), theme.ok());
    }
    let selected = selected_review_item(app);
    let heading = |key: &str| -> String {
        if key == "report" {
            tr::page_meta(app.lang).to_string()
        } else {
            doc.template
                .section(key)
                .map_or(key.to_string(), |s| s.heading.clone())
        }
    };
    for (i, item) in items
        .iter()
        .skip(app.review.scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = i as u16;
        let is_selected = selected.as_ref() == Some(item);
        let (text, style) = match item {
            ReviewItem::Heading(key) => (heading(key), theme.header()),
            ReviewItem::Finding(n) => {
                let (text, style) = finding_line(app, &doc.outcome.findings[*n], theme);
                (format!("  {text}"), style)
            }
            ReviewItem::Blanks { count, .. } => (
                format!("  - {}", tr::review_blanks(app.lang, *count)),
                theme.dim(),
            ),
        };
        let style = if is_selected { theme.focus() } else { style };
        if is_selected {
            fill(
                buf,
                Rect::new(area.x, area.y + y, area.width, 1),
                theme.focus(),
            );
        }
        put_line(buf, area, y, &text, style);
    }
    // The panel: the whole of the selected finding, its reason, and the keys.
    let panel = areas.panel;
    let mut line = 0;
    if let Some(ReviewItem::Finding(n)) = selected {
        let f = &doc.outcome.findings[n];
        let mut text = i18n::finding(app.lang, f);
        if let Some(r) = &f.acknowledged {
            text.push_str(&i18n::acknowledged_suffix(app.lang, r));
        }
        for l in wrap_lines(
            &text,
            usize::from(panel.width),
            usize::from(panel.height.saturating_sub(1)).max(1),
        ) {
            put_line(buf, panel, line, &l, theme.plain());
            line += 1;
        }
    }
    // The keys, on the panel's last lines: two where they do not fit on one.
    let hint = tr::review_hint(app.lang);
    let room = usize::from(panel.height.saturating_sub(line)).clamp(1, 2);
    let hint_lines = wrap_lines(hint, usize::from(panel.width), room);
    let top = panel
        .height
        .saturating_sub(hint_lines.len() as u16)
        .max(line);
    for (i, l) in hint_lines.iter().enumerate() {
        put_line(buf, panel, top + i as u16, l, theme.dim());
    }
}
