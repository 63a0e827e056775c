//! Keeping the focus in view.

use super::{
    App, Page, START_ITEMS, START_LIST_TOP, Screen, current_prose_key, current_table,
    current_table_key, last_text, layout, prose_layout, review_items, selectable, table_geometry,
    text,
};

/// Scrolls the current page so its focus is on screen.
pub(super) fn keep_in_view(app: &mut App) {
    if app.screen == Screen::Start {
        let visible = usize::from(app.height.saturating_sub(START_LIST_TOP + 3)).max(1);
        let count = app.entries.len() + START_ITEMS;
        // A taller window shows the list from as high up as it can.
        app.start.scroll = app.start.scroll.min(count.saturating_sub(visible));
        let sel = app.start.selected;
        if sel < app.start.scroll {
            app.start.scroll = sel;
        } else if sel >= app.start.scroll + visible {
            app.start.scroll = sel + 1 - visible;
        }
        return;
    }
    let areas = layout::areas(app.width, app.height);
    let height = usize::from(areas.content.height);
    match app.current_page() {
        Some(Page::Section(_)) => {
            if let Some(table) = current_table(app) {
                let g = table_geometry(app, table, areas.content.width, areas.content.height);
                if let Some(key) = current_table_key(app)
                    && let Some(f) = app.tables.get_mut(&key)
                {
                    let body = g.body_height(height);
                    f.scroll = g.scroll_for(f.row, g.settle(f.scroll, body), body);
                }
            } else if let Some(key) = current_prose_key(app) {
                let pa = prose_layout(app);
                // Last year's text scrolls no further than its end.
                if let (Some(body), Some(last)) = (pa.last_body, last_text(app, &key)) {
                    let count = layout::prose_lines(last, body.width).len();
                    let most = count.saturating_sub(usize::from(body.height));
                    let s = app.last_text.scroll.entry(key.clone()).or_default();
                    *s = (*s).min(most);
                }
                // This year's text is wrapped once per change (or resize) and kept for drawing
                // and moving.
                let Some(doc) = &app.doc else { return };
                let text = doc.draft.text(&key);
                let wrapped = app.wrapped_prose(&key, text, pa.text.width).into_owned();
                let f = app.prose.entry(key).or_default();
                f.caret = text::floor_boundary(text, f.caret);
                let (line, _) = text::caret_position_at(text, &wrapped.lines, f.caret, f.line_end);
                // No lines left scrolled off above while there is room below (a taller or wider
                // window).
                let usable = usize::from(pa.text.height).saturating_sub(1).max(1);
                let most = wrapped.lines.len().saturating_sub(usable);
                f.scroll =
                    layout::prose_scroll(line, f.scroll.min(most), usize::from(pa.text.height));
                app.wrapped_prose = Some(wrapped);
            }
        }
        Some(Page::Review) => {
            let items = review_items(app);
            let sel = selectable(&items);
            app.review.selected = app.review.selected.min(sel.len().saturating_sub(1));
            app.review.scroll = app.review.scroll.min(items.len().saturating_sub(height));
            if let Some(&line) = sel.get(app.review.selected) {
                // Keep the section heading above the first finding on screen too.
                let top = line.saturating_sub(1);
                if top < app.review.scroll {
                    app.review.scroll = top;
                } else if line >= app.review.scroll + height {
                    app.review.scroll = line + 1 - height;
                }
            }
        }
        _ => {}
    }
}
