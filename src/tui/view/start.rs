//! The start screen: 新建报告, 打开文件, and the drafts in the data folder, newest first.

use super::editor::{footer, message};
use super::{fill, put, put_line};
use crate::i18n::{self, tui as tr};
use crate::tui::app::App;
use crate::tui::text::{fit_middle, pad_right, str_width};
use crate::tui::theme::Theme;
use crate::tui::update::{START_ITEMS, START_LIST_TOP};
use ratatui::Frame;
use ratatui::layout::Rect;

pub(super) fn draw(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let header = Rect::new(0, 0, area.width, 1);
    fill(buf, header, theme.focus());
    put_line(
        buf,
        header,
        0,
        &format!(" {}", tr::app_title(app.lang)),
        theme.focus().patch(theme.bold()),
    );
    put(
        buf,
        1,
        2,
        &tr::start_heading(app.lang, &app.drafts_dir),
        area.width - 2,
        theme.bold(),
    );
    let unrecovered = app
        .entries
        .iter()
        .filter(|e| e.unrecovered.is_some())
        .count();
    if unrecovered > 0 {
        put(
            buf,
            1,
            3,
            &tr::start_unrecovered_note(app.lang, unrecovered),
            area.width - 2,
            theme.warning().patch(theme.bold()),
        );
    }
    let list_h = area.height.saturating_sub(START_LIST_TOP + 3);
    let agency_w = app
        .entries
        .iter()
        .map(|e| str_width(&e.agency))
        .max()
        .unwrap_or(10)
        .clamp(10, 36);
    let total = app.entries.len() + START_ITEMS;
    for (n, i) in (app.start.scroll..total)
        .take(usize::from(list_h))
        .enumerate()
    {
        let y = START_LIST_TOP + n as u16;
        let text = match i {
            0 => tr::start_new(app.lang).to_string(),
            1 => tr::start_from_last(app.lang).to_string(),
            2 => tr::start_open(app.lang).to_string(),
            _ => {
                let e = &app.entries[i - START_ITEMS];
                let name = e
                    .path
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                // Unrecovered work: a mark in front, and the words where the progress goes.
                let (mark, state) = match &e.unrecovered {
                    Some(when) => (
                        "! ",
                        tr::start_unrecovered(app.lang, when, e.recovery_files),
                    ),
                    None => ("  ", tr::start_entry(app.lang, e.filled, e.cells, e.errors)),
                };
                // The file name is what tells two drafts of one agency apart: cut, it loses
                // its middle, never its distinguishing tail.
                let file = |room: usize| fit_middle(&name, room);
                match &e.problem {
                    _ if e.published => format!(
                        "  {}  {}",
                        pad_right(&file(agency_w), agency_w),
                        tr::start_published(app.lang)
                    ),
                    Some(p) => format!("{mark}{}  {}", pad_right(&file(agency_w), agency_w), p),
                    None => {
                        // In a narrow window the format's id makes room for the file name,
                        // then the agency gives some up, down to 20 columns for the name.
                        let template = if area.width >= 100 {
                            format!("{:<8}  ", e.template)
                        } else {
                            String::new()
                        };
                        let rest =
                            format!("  {}  {template}{state}  ", i18n::year(app.lang, e.year),);
                        let row_w = usize::from(area.width - 2);
                        let want = str_width(mark)
                            + agency_w
                            + str_width(&rest)
                            + str_width(&name).min(20);
                        let short = want.saturating_sub(row_w);
                        let agency = agency_w.saturating_sub(short).max(10);
                        let lead = format!("{mark}{}{rest}", pad_right(&e.agency, agency));
                        let room = row_w.saturating_sub(str_width(&lead));
                        format!("{lead}{}", file(room))
                    }
                }
            }
        };
        let row = Rect::new(1, y, area.width - 2, 1);
        let style = if i == app.start.selected {
            fill(buf, row, theme.focus());
            theme.focus()
        } else if i < START_ITEMS {
            theme.bold()
        } else if app.entries[i - START_ITEMS].unrecovered.is_some() {
            theme.warning().patch(theme.bold())
        } else {
            theme.plain()
        };
        put(buf, row.x, row.y, &text, row.width, style);
    }
    if app.entries.is_empty() {
        put(
            buf,
            3,
            START_LIST_TOP + 3,
            tr::start_empty(app.lang),
            area.width - 4,
            theme.dim(),
        );
    }
    if let Some(m) = &app.message {
        let style = if m.error {
            theme.error()
        } else if m.hint {
            theme.warning()
        } else {
            theme.ok()
        };
        message(
            buf,
            Rect::new(1, area.height - 2, area.width - 2, 1),
            "",
            &m.text,
            style,
        );
    }
    footer(
        app,
        buf,
        Rect::new(0, area.height - 1, area.width, 1),
        theme,
    );
}
