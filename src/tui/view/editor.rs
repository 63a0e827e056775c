//! The editor's frame: header, section list, the page, the panel, status line and footer.

use super::{fill, put, put_line};
use crate::check::{Finding, codes};
use crate::i18n::{self, tui as tr};
use crate::tui::app::{App, Page};
use crate::tui::keys;
use crate::tui::layout::{self, Areas, SIDEBAR_LINES};
use crate::tui::text::{fit_end, fit_middle, str_width, wrap_lines};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub(super) fn draw(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    let areas = layout::areas(area.width, area.height);
    header(app, frame.buffer_mut(), &areas, theme);
    sidebar(app, frame.buffer_mut(), &areas, theme);
    let page = app.current_page();
    let title = page_title(app, page);
    put_line(frame.buffer_mut(), areas.title, 0, &title, theme.bold());
    // The panel's rule.
    {
        let buf = frame.buffer_mut();
        let rule = theme.horizontal().repeat(usize::from(areas.panel.width));
        put(
            buf,
            areas.panel.x,
            areas.panel.y.saturating_sub(1),
            &rule,
            areas.panel.width,
            theme.dim(),
        );
    }
    match page {
        Some(Page::Meta) => super::form::draw(app, frame, &areas, theme),
        Some(Page::Section(i)) => {
            let doc = app.doc.as_ref().expect("an editor page has a draft");
            let section = &doc.template.sections[i];
            match doc.template.table(&section.key) {
                Some(table) => super::table::draw(app, frame, &areas, theme, table),
                None => super::prose::draw(app, frame, &areas, theme, section),
            }
        }
        Some(Page::Review) => super::review::draw(app, frame, &areas, theme),
        Some(Page::Export) => super::export::draw(app, frame, &areas, theme),
        None => {}
    }
    status(app, frame.buffer_mut(), areas.status, theme);
    footer(app, frame.buffer_mut(), areas.footer, theme);
}

/// The name of a page in the section list and its title.
pub(super) fn page_name(app: &App, page: Page) -> String {
    match page {
        Page::Meta => tr::page_meta(app.lang).to_string(),
        Page::Section(_) => app
            .section(page)
            .map_or(String::new(), |s| s.heading.clone()),
        Page::Review => tr::page_review(app.lang).to_string(),
        Page::Export => tr::page_export(app.lang).to_string(),
    }
}

fn page_title(app: &App, page: Option<Page>) -> String {
    page.map_or(String::new(), |p| page_name(app, p))
}

fn header(app: &App, buf: &mut Buffer, areas: &Areas, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let area = areas.header;
    fill(buf, area, theme.focus());
    let progress = app
        .progress()
        .map(|(f, c, d, s)| tr::progress(app.lang, f, c, d, s))
        .unwrap_or_default();
    let dirty = doc.is_dirty();
    let mark = if doc.is_read_only() {
        tr::read_only_mark(app.lang)
    } else if app.look.ascii && dirty {
        tr::unsaved_ascii(app.lang)
    } else {
        tr::saved_mark(app.lang, dirty)
    };
    let file = doc
        .path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    // A long file name gives up its middle, so the saved mark at the end stays in view.
    let file = fit_middle(&file, usize::from(area.width / 3).max(16));
    let rest = format!(
        " · {} · {} · {} · {}",
        i18n::year(app.lang, doc.draft.report.year),
        doc.template.id,
        file,
        mark
    );
    let progress_w = if area.width >= 120 {
        str_width(&progress)
    } else {
        0
    };
    let room = usize::from(area.width).saturating_sub(progress_w + str_width(&rest) + 3);
    let agency = fit_end(&doc.draft.report.agency, room.max(6));
    let left = format!(" {agency}{rest}");
    let x = put(buf, area.x, area.y, &left, area.width, theme.focus());
    // Read-only viewing stands out: the mark is drawn in reverse.
    if doc.is_read_only() {
        let w = str_width(mark) as u16;
        if x >= area.x + w {
            put(buf, x - w, area.y, mark, w, theme.standout());
        }
    }
    let pw = str_width(&progress) as u16 + 1;
    // At narrow widths the progress is at the foot of the section list instead.
    if area.width >= 120 && area.width > pw + str_width(&left) as u16 {
        put(buf, area.right() - pw, area.y, &progress, pw, theme.focus());
    }
}

fn sidebar(app: &App, buf: &mut Buffer, areas: &Areas, theme: &Theme) {
    let area = areas.sidebar;
    let text_w = area.width.saturating_sub(1);
    for y in area.y..area.bottom() {
        put(buf, area.right() - 1, y, theme.vertical(), 1, theme.dim());
    }
    for (i, page) in app.pages.iter().enumerate() {
        let y = area.y + i as u16 * SIDEBAR_LINES;
        if y + 1 >= area.bottom() {
            break;
        }
        let current = i == app.page;
        let name = page_name(app, *page);
        let style = if current {
            theme.focus().patch(theme.bold())
        } else {
            theme.plain()
        };
        let line = Rect::new(area.x, y, text_w, 1);
        if current {
            fill(buf, line, style);
        }
        let pointer = if current { ">" } else { " " };
        put(buf, area.x, y, &format!("{pointer}{name}"), text_w, style);
        let state = app.page_state(*page);
        let word = format!(
            "  {} {}",
            theme.mark(state),
            tr::state_word(app.lang, state)
        );
        put(buf, area.x, y + 1, &word, text_w, theme.state_style(state));
    }
    // Progress at the foot of the list, below the sections.
    let below = area.y + app.pages.len() as u16 * SIDEBAR_LINES;
    if let Some((filled, cells, done, sections)) = app.progress()
        && below + 2 < area.bottom()
    {
        let [a, b] = tr::progress_lines(app.lang, filled, cells, done, sections);
        put(buf, area.x, area.bottom() - 2, &a, text_w, theme.bold());
        put(buf, area.x, area.bottom() - 1, &b, text_w, theme.bold());
    }
}

fn status(app: &App, buf: &mut Buffer, area: Rect, theme: &Theme) {
    // A failing autosave stays in view until it works again.
    let lasting = app
        .recovery_error
        .as_ref()
        .map(|e| crate::tui::app::Message {
            text: tr::recovery_failed(app.lang, e),
            error: true,
            hint: false,
        });
    if let Some(m) = app.message.as_ref().or(lasting.as_ref()) {
        let (mark, style) = if m.error {
            (theme.error_mark(), theme.error())
        } else if m.hint {
            (theme.hint_mark(), theme.warning())
        } else {
            (theme.ok_mark(), theme.ok())
        };
        message(buf, area, &format!(" {mark} "), &m.text, style);
    }
}

/// Lines a message may take, upwards from the status line, before it is cut.
pub(super) const MESSAGE_LINES: usize = 4;

/// A message on the status line; one too long for it wraps onto the lines above (over what
/// was drawn there), so that a path, a reason or a file name is read whole.
pub(super) fn message(
    buf: &mut Buffer,
    area: Rect,
    lead: &str,
    text: &str,
    style: ratatui::style::Style,
) {
    let width = usize::from(area.width);
    let indent = str_width(lead);
    let most = MESSAGE_LINES.min(usize::from(area.y) + 1);
    let lines = wrap_lines(text, width.saturating_sub(indent + 1).max(2), most);
    let top = area.y + 1 - lines.len() as u16;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        let row = Rect::new(area.x, y, area.width, 1);
        buf.set_style(row.intersection(buf.area), ratatui::style::Style::reset());
        put(buf, area.x, y, &" ".repeat(width), area.width, style);
        let lead = if i == 0 {
            lead.to_string()
        } else {
            " ".repeat(indent)
        };
        put(buf, area.x, y, &format!("{lead}{l}"), area.width, style);
    }
}

/// The keys that work here, from the key table.
pub(super) fn footer(app: &App, buf: &mut Buffer, area: Rect, theme: &Theme) {
    let context = app.context();
    let mut x = area.x;
    // The keys of this screen first, then those that work everywhere.
    let mut shown: Vec<&keys::Binding> = keys::bindings(context)
        .filter(|b| b.footer && app.offers(b.command))
        .collect();
    shown.sort_by_key(|b| {
        (
            b.command != crate::tui::action::Command::Help,
            b.contexts.len(),
        )
    });
    for b in shown {
        let key = keys::key_name(&b.keys[0]);
        let label = tr::key_help(app.lang, b.help);
        let w = str_width(&key) + str_width(label) + 3;
        if usize::from(x - area.x) + w > usize::from(area.width) {
            break;
        }
        x = put(buf, x, area.y, &format!(" {key}"), area.width, theme.bold());
        x = put(
            buf,
            x,
            area.y,
            &format!(" {label} "),
            area.width,
            theme.dim(),
        );
    }
}

/// A finding as every list shows it — a section's panel and the 检查 page alike: its mark and
/// severity, or ✓ 已确认 once acknowledged (dimmed), then its sentence.
pub(super) fn finding_line(
    app: &App,
    f: &Finding,
    theme: &Theme,
) -> (String, ratatui::style::Style) {
    if f.acknowledged.is_some() {
        let text = format!(
            "{} {}：{}",
            theme.ok_mark(),
            tr::acknowledged_mark(app.lang),
            i18n::finding(app.lang, f)
        );
        return (text, theme.dim());
    }
    let text = format!(
        "{} {}：{}",
        theme.severity_mark(f.severity),
        i18n::severity(app.lang, f.severity),
        i18n::finding(app.lang, f)
    );
    (text, theme.severity_style(f.severity))
}

/// Draws findings (blanks folded into one line) into the panel from line `from`.
pub(super) fn findings(
    app: &App,
    buf: &mut Buffer,
    area: Rect,
    from: u16,
    found: &[&Finding],
    theme: &Theme,
) {
    let mut line = from;
    if app.doc.as_ref().is_some_and(|d| d.checks_stale) {
        put_line(buf, area, line, tr::checks_pending(app.lang), theme.dim());
        line += 1;
    }
    let blanks = found.iter().filter(|f| f.code == codes::BLANK).count();
    let others: Vec<&&Finding> = found.iter().filter(|f| f.code != codes::BLANK).collect();
    if others.is_empty() && blanks == 0 {
        let text = if app.look.ascii {
            tr::no_findings_ascii(app.lang)
        } else {
            tr::no_findings(app.lang)
        };
        put_line(buf, area, line, text, theme.ok());
        return;
    }
    for f in others {
        if line >= area.height {
            return;
        }
        let (mut text, style) = finding_line(app, f, theme);
        if let Some(reason) = &f.acknowledged {
            text.push_str(&i18n::acknowledged_suffix(app.lang, reason));
        }
        // A finding takes up to two lines, wrapped by display width.
        let lines = wrap_lines(&text, usize::from(area.width.saturating_sub(2)), 2);
        for (i, l) in lines.iter().enumerate() {
            if line >= area.height {
                return;
            }
            let indent = if i == 0 { "" } else { "  " };
            put_line(buf, area, line, &format!("{indent}{l}"), style);
            line += 1;
        }
    }
    if blanks > 0 && line < area.height {
        // Wrapped onto a second line where there is one: the keys at its end matter.
        let text = tr::blanks_line(app.lang, blanks);
        let room = usize::from(area.height - line).min(2);
        for (i, l) in wrap_lines(&text, usize::from(area.width), room)
            .iter()
            .enumerate()
        {
            let indent = if i == 0 { "" } else { "  " };
            put_line(buf, area, line, &format!("{indent}{l}"), theme.dim());
            line += 1;
        }
    }
}

/// A section's findings for its panel, each wrong cell once (not again as the 总计 column).
pub(super) fn section_findings<'a>(app: &'a App, section: &'a str) -> Vec<&'a Finding> {
    app.doc
        .as_ref()
        .map(|d| {
            d.outcome
                .in_section(section)
                .filter(|f| d.shows(f))
                .collect()
        })
        .unwrap_or_default()
}
