//! What is drawn over the screen: dialogs, the help overlay, and the too-small message.
//!
//! The area under a popup is cleared first: a wide character cut by the popup's edge would
//! otherwise eat its border.

use super::{put, put_line};
use crate::i18n::tui::{self as tr, KeyHelp};
use crate::tui::app::{App, Dialog, ListEntry, RecoverView, RecoveryOffer};
use crate::tui::keys::{self, key_name};
use crate::tui::text::{Field, center, pad_right, str_width, wrap, wrap_lines};
use crate::tui::theme::Theme;
use crate::tui::update::year_refusal;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Borders, Clear};

/// A box in the middle of the screen, cleared, with a border; returns its inside.
fn popup(frame: &mut Frame, width: u16, height: u16, title: &str, theme: &Theme) -> Rect {
    let area = frame.area();
    let w = width.min(area.width.saturating_sub(2));
    let h = height.min(area.height.saturating_sub(2));
    // Start on an even column, and one column wider, so no wide character is cut in half.
    let x = ((area.width - w) / 2).saturating_sub(1);
    let y = (area.height - h) / 2;
    let outer = Rect::new(x, y, (w + 2).min(area.width - x), h);
    // A wide character just left of the box would reach under its left border, and the
    // terminal would lose the border: it gives way to a space.
    if x > 0 {
        let buf = frame.buffer_mut();
        for row in outer.top()..outer.bottom() {
            let cell = &mut buf[(x - 1, row)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    frame.render_widget(Clear, outer);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(format!(" {title} "))
        .title_style(theme.bold());
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    inner
}

/// A text field in a dialog; returns where the caret is.
fn field(
    frame: &mut Frame,
    area: Rect,
    line: u16,
    label: &str,
    f: &Field,
    focused: bool,
    theme: &Theme,
) -> Option<Position> {
    let buf = frame.buffer_mut();
    let lw = str_width(label) as u16 + 1;
    put(
        buf,
        area.x,
        area.y + line,
        label,
        lw,
        if focused { theme.focus() } else { theme.bold() },
    );
    let x = area.x + lw + 1;
    let w = area.width.saturating_sub(lw + 1);
    let (shown, caret) = f.window(usize::from(w).saturating_sub(1));
    let style = if focused {
        theme.editing()
    } else {
        theme.plain()
    };
    put(
        buf,
        x,
        area.y + line,
        &pad_right(&shown, usize::from(w)),
        w,
        style,
    );
    focused.then(|| Position::new(x + caret as u16, area.y + line))
}

pub(super) fn dialog(app: &App, frame: &mut Frame, theme: &Theme) {
    let Some(d) = &app.dialog else { return };
    let lang = app.lang;
    let mut cursor = None;
    match d {
        Dialog::ChangedOnDisk(changed) => changed_on_disk(app, frame, theme, changed),
        Dialog::ConfirmQuitUnkept { why } => {
            let lines = tr::quit_unkept_question(lang, &crate::i18n::io_fault(lang, why));
            let inner = popup(
                frame,
                66,
                lines.len() as u16 + 2,
                tr::key_help(lang, KeyHelp::Quit),
                theme,
            );
            for (i, l) in lines.iter().enumerate() {
                let style = if i + 1 == lines.len() {
                    theme.bold()
                } else {
                    theme.warning()
                };
                put_line(frame.buffer_mut(), inner, i as u16, l, style);
            }
        }
        Dialog::ConfirmQuit => {
            let lines = tr::quit_question(lang);
            let inner = popup(frame, 60, 5, tr::key_help(lang, KeyHelp::Quit), theme);
            for (i, l) in lines.iter().enumerate() {
                put_line(frame.buffer_mut(), inner, i as u16, l, theme.plain());
            }
        }
        Dialog::ConfirmYear {
            year,
            template,
            dropped,
        } => {
            let lines = tr::year_question(lang, *year, template, *dropped);
            let inner = popup(frame, 66, 5, tr::form_label(lang, "year"), theme);
            for (i, l) in lines.iter().enumerate() {
                put_line(frame.buffer_mut(), inner, i as u16, l, theme.plain());
            }
        }
        Dialog::Reason { finding, field: f } => {
            let inner = popup(frame, 72, 7, tr::reason_title(lang), theme);
            let about = crate::i18n::finding(lang, finding);
            for (i, l) in wrap_lines(&about, usize::from(inner.width), 2)
                .iter()
                .enumerate()
            {
                put_line(frame.buffer_mut(), inner, i as u16, l, theme.warning());
            }
            cursor = field(frame, inner, 3, theme.prompt(), f, true, theme);
            put_line(
                frame.buffer_mut(),
                inner,
                4,
                tr::reason_hint(lang),
                theme.dim(),
            );
        }
        Dialog::Recover { offer, view } => recover(app, frame, theme, offer, *view),
        Dialog::LockHeld { holder } => {
            let lines = tr::lock_held_lines(lang, holder);
            let inner = popup(frame, 66, 6, tr::lock_title(lang), theme);
            for (i, l) in lines.iter().enumerate() {
                let style = if i + 1 == lines.len() {
                    theme.bold()
                } else {
                    theme.plain()
                };
                put_line(frame.buffer_mut(), inner, i as u16, l, style);
            }
        }
        Dialog::OpenFile(open) => cursor = open_file(app, frame, open, theme),
        Dialog::Unreadable { offer, selected } => unreadable(app, frame, offer, *selected, theme),
        Dialog::FromLastYear {
            choices,
            selected,
            path,
            target,
            error,
        } => cursor = from_last_year(app, frame, choices, *selected, path, target, error, theme),
        Dialog::Carried { lines } => notice(app, frame, tr::carried_title(lang), lines, theme),
        Dialog::Imported { lines } => notice(app, frame, tr::imported_title(lang), lines, theme),
        Dialog::Ledger {
            path,
            preview,
            problems,
            scroll,
        } => {
            cursor = ledger(
                app,
                frame,
                path,
                preview.as_deref(),
                problems,
                *scroll,
                theme,
            )
        }
        Dialog::NewReport {
            agency,
            year,
            kind,
            focus,
            path,
            error,
            existing,
        } => {
            let inner = popup(frame, 66, 8, tr::new_title(lang), theme);
            let labels = tr::new_labels(lang);
            let lw = labels.iter().map(|l| str_width(l)).max().unwrap_or(8);
            let l0 = pad_right(labels[0], lw);
            let l1 = pad_right(labels[1], lw);
            let c0 = field(frame, inner, 0, &l0, agency, *focus == 0, theme);
            let c1 = field(frame, inner, 1, &l1, year, *focus == 1, theme);
            cursor = c0.or(c1);
            let buf = frame.buffer_mut();
            let style = if *focus == 2 {
                theme.focus()
            } else {
                theme.bold()
            };
            put(
                buf,
                inner.x,
                inner.y + 2,
                &pad_right(labels[2], lw),
                lw as u16 + 1,
                style,
            );
            let kind_text = format!("{}  {}", tr::kind_name(lang, *kind), tr::kind_hint(lang));
            put(
                buf,
                inner.x + lw as u16 + 2,
                inner.y + 2,
                &kind_text,
                inner.width.saturating_sub(lw as u16 + 2),
                if *focus == 2 {
                    theme.editing()
                } else {
                    theme.plain()
                },
            );
            if let Some(p) = path {
                put_line(buf, inner, 3, &tr::new_file_note(lang, p), theme.dim());
            }
            if let Some(e) = error {
                put_line(buf, inner, 4, e, theme.error());
            }
            let hint = match existing {
                Some(_) => tr::new_exists_hint(lang),
                None => tr::new_hint(lang),
            };
            put_line(
                buf,
                inner,
                5,
                hint,
                if existing.is_some() {
                    theme.bold()
                } else {
                    theme.dim()
                },
            );
        }
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

/// Unrecovered work: the question, the differences, or are you sure.
fn recover(app: &App, frame: &mut Frame, theme: &Theme, offer: &RecoveryOffer, view: RecoverView) {
    let lang = app.lang;
    let n = offer.differences.len();
    match view {
        RecoverView::Offer | RecoverView::ConfirmDiscard => {
            let lines = if view == RecoverView::Offer {
                tr::recover_offer_lines(lang, &offer.saved_at, n)
            } else {
                tr::recover_confirm_discard(lang, n)
            };
            let inner = popup(
                frame,
                70,
                lines.len() as u16 + 2,
                tr::recover_title(lang),
                theme,
            );
            for (i, l) in lines.iter().enumerate() {
                let style = if i + 2 >= lines.len() {
                    theme.bold()
                } else {
                    theme.plain()
                };
                put_line(frame.buffer_mut(), inner, i as u16, l, style);
            }
        }
        RecoverView::Differences { scroll } => {
            let area = frame.area();
            let visible = crate::tui::layout::recovery_list_height(area.height).min(n.max(1));
            let width = area.width.saturating_sub(6).min(110);
            // Each difference takes two lines: what it is, and saved → recovered.
            let inner = popup(
                frame,
                width,
                (visible * 2) as u16 + 4,
                &tr::recover_diff_title(lang, n),
                theme,
            );
            let buf = frame.buffer_mut();
            for (i, d) in offer
                .differences
                .iter()
                .skip(scroll)
                .take(visible)
                .enumerate()
            {
                difference(buf, inner, (i * 2) as u16, lang, d, theme);
            }
            let bottom = (visible * 2) as u16;
            let footer = if n > visible {
                format!("{}–{} / {n}", scroll + 1, (scroll + visible).min(n))
            } else {
                String::new()
            };
            put_line(buf, inner, bottom, &footer, theme.dim());
            put_line(
                buf,
                inner,
                bottom + 1,
                tr::recover_diff_hint(lang),
                theme.bold(),
            );
        }
    }
}

/// The draft changed on disk: how, and what the officer can do.
fn changed_on_disk(
    app: &App,
    frame: &mut Frame,
    theme: &Theme,
    changed: &crate::tui::app::ChangedOnDisk,
) {
    let lang = app.lang;
    let area = frame.area();
    let n = changed.differences.len();
    let head = tr::changed_on_disk_lines(lang, n, changed.theirs.is_none());
    // Two lines a difference, as many as fit beside the question.
    let room = usize::from(area.height.saturating_sub(10)) / 2;
    let shown = n.min(room).min(6);
    let width = area.width.saturating_sub(6).min(100);
    let height = (head.len() + shown * 2 + 2) as u16 + 2 + u16::from(n > shown);
    let inner = popup(frame, width, height, tr::changed_on_disk_title(lang), theme);
    let buf = frame.buffer_mut();
    let mut y = 0u16;
    for line in &head {
        put_line(buf, inner, y, line, theme.plain());
        y += 1;
    }
    for d in changed.differences.iter().take(shown) {
        // Theirs (the file) → mine (the editor).
        difference(buf, inner, y, lang, d, theme);
        y += 2;
    }
    if n > shown {
        put_line(buf, inner, y, &format!("… +{}", n - shown), theme.dim());
        y += 1;
    }
    put_line(
        buf,
        inner,
        y + 1,
        tr::changed_on_disk_keys(lang),
        theme.bold(),
    );
}

/// One difference on two lines at `y`: what it is, and before → after (for a text, its length
/// and where it starts to differ).
fn difference(
    buf: &mut ratatui::buffer::Buffer,
    inner: Rect,
    y: u16,
    lang: crate::i18n::Lang,
    d: &crate::recovery::Difference,
    theme: &Theme,
) {
    let label = tr::difference_label(lang, &d.key, &d.label);
    let change = if d.key.starts_with("text.") || d.key == "acknowledged" {
        text_change(lang, &d.saved, &d.recovered)
    } else {
        format!(
            "{} → {}",
            tr::difference_value(lang, &d.saved),
            tr::difference_value(lang, &d.recovered)
        )
    };
    put_line(buf, inner, y, &label, theme.bold());
    put_line(buf, inner, y + 1, &format!("  {change}"), theme.plain());
}

/// How a long text changed: its length before and after, and where it starts to differ.
fn text_change(lang: crate::i18n::Lang, saved: &str, recovered: &str) -> String {
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let mut out = tr::difference_text(lang, count(saved), count(recovered));
    let common = saved
        .chars()
        .zip(recovered.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let rest: String = recovered
        .chars()
        .skip(common)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    // Up to 24 characters of the new text, a cut marked.
    let snippet = match rest.char_indices().nth(24) {
        Some((i, _)) => format!("{}…", &rest[..i]),
        None => rest,
    };
    if !snippet.trim().is_empty() {
        let at = count(&saved.chars().take(common).collect::<String>()) + 1;
        out.push_str(&tr::difference_from(lang, at, snippet.trim()));
    }
    out
}

/// How many of last year's drafts the 从上年报告新建 dialog lists at once.
const FROM_LAST_ROWS: usize = 6;

/// 从上年报告新建: the drafts to start from, a path for any other, what will be made.
#[allow(clippy::too_many_arguments)]
fn from_last_year(
    app: &App,
    frame: &mut Frame,
    choices: &[ListEntry],
    selected: usize,
    path: &Field,
    target: &Option<std::path::PathBuf>,
    error: &Option<String>,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.lang;
    let rows = choices.len().clamp(1, FROM_LAST_ROWS);
    let inner = popup(
        frame,
        76,
        (rows + 9) as u16,
        tr::from_last_title(lang),
        theme,
    );
    let buf = frame.buffer_mut();
    put_line(buf, inner, 0, tr::from_last_intro(lang), theme.dim());
    if choices.is_empty() {
        put_line(buf, inner, 1, tr::from_last_none(lang), theme.dim());
    }
    let agency_w = choices
        .iter()
        .map(|c| str_width(&c.agency))
        .max()
        .unwrap_or(10)
        .clamp(10, 30);
    let first = selected.min(choices.len()).saturating_sub(rows - 1);
    for (line, (i, c)) in choices
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let name = c
            .path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let text = if c.published {
            format!(
                "{}  {}",
                pad_right(&crate::tui::text::fit_middle(&name, agency_w), agency_w),
                tr::start_published(lang),
            )
        } else {
            let lead = format!(
                "{}  {}  {:<8}  ",
                pad_right(&crate::tui::text::fit_end(&c.agency, agency_w), agency_w),
                crate::i18n::year(lang, c.year),
                c.template,
            );
            // The file name keeps its tail, which tells drafts of one agency apart (after the
            // two columns of the pointer).
            let room = usize::from(inner.width).saturating_sub(str_width(&lead) + 2);
            format!("{lead}{}", crate::tui::text::fit_middle(&name, room))
        };
        let y = 1 + line as u16;
        choice_line(frame, inner, y, i == selected, &text, theme);
    }
    let path_line = 1 + rows as u16;
    let label = format!("  {}", tr::from_last_other(lang));
    let cursor = field(
        frame,
        inner,
        path_line,
        &label,
        path,
        selected >= choices.len(),
        theme,
    );
    let buf = frame.buffer_mut();
    // What Enter will make.
    match choices.get(selected) {
        // Its year is known once it is imported, on Enter.
        Some(c) if c.published => {
            put_line(
                buf,
                inner,
                path_line + 2,
                tr::from_last_published(lang),
                theme.plain(),
            );
        }
        Some(c) => {
            let year = c.year + 1;
            match crate::ops::new_report_format(year, app.this_year()) {
                Ok(t) => {
                    let file = target.clone().unwrap_or_else(|| {
                        crate::paths::draft_file_name(c.agency.trim(), year).into()
                    });
                    let name = file
                        .file_name()
                        .map_or(file.as_path(), std::path::Path::new);
                    let text = tr::from_last_will_make(lang, year, &t.id, name);
                    put_line(buf, inner, path_line + 2, &text, theme.plain());
                }
                Err(_) => {
                    let text = year_refusal(app, year).unwrap_or_default();
                    put_line(buf, inner, path_line + 2, &text, theme.error());
                }
            }
        }
        None => {
            put_line(
                buf,
                inner,
                path_line + 2,
                tr::from_last_will_read(lang),
                theme.dim(),
            );
        }
    }
    if let Some(e) = error {
        for (i, l) in wrap_lines(e, usize::from(inner.width), 2)
            .iter()
            .enumerate()
        {
            put_line(buf, inner, path_line + 3 + i as u16, l, theme.error());
        }
    }
    put_line(
        buf,
        inner,
        inner.height.saturating_sub(1),
        tr::from_last_hint(lang),
        theme.dim(),
    );
    cursor
}

/// What was carried into a draft made from last year's, and what was not.
/// Lines to read and close: what was carried from last year, what was read from a published
/// report.
fn notice(app: &App, frame: &mut Frame, title: &str, lines: &[String], theme: &Theme) {
    let area = frame.area();
    let width = 76.min(area.width.saturating_sub(4));
    let text_w = usize::from(width.saturating_sub(2));
    // Whole: a notice is read to the end (wrapped as messages are, without a break's space).
    let wrapped: Vec<(String, usize)> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            wrap_lines(l, text_w, usize::MAX)
                .into_iter()
                .map(move |t| (t, i))
        })
        .collect();
    let inner = popup(frame, width, wrapped.len() as u16 + 4, title, theme);
    let buf = frame.buffer_mut();
    let room = inner.height.saturating_sub(2);
    for (y, (text, i)) in wrapped.iter().enumerate().take(usize::from(room)) {
        let style = if *i == 0 { theme.ok() } else { theme.plain() };
        put_line(buf, inner, y as u16, text, style);
    }
    put_line(
        buf,
        inner,
        inner.height.saturating_sub(1),
        tr::notice_hint(app.lang),
        theme.dim(),
    );
}

/// Every key of the current screen, from the key table.
pub(super) fn help(app: &App, frame: &mut Frame, theme: &Theme) {
    let context = app.context_below_help();
    let mut rows: Vec<(String, &str)> = Vec::new();
    for b in keys::bindings(context).filter(|b| app.offers(b.command)) {
        // The four arrows are one line, and so are Home and End, Ctrl-Home and Ctrl-End, undo and
        // redo: the keys of a prose section fit an 80×24 window.
        match b.help {
            KeyHelp::Down
            | KeyHelp::Left
            | KeyHelp::Right
            | KeyHelp::End
            | KeyHelp::TextEnd
            | KeyHelp::Redo => continue,
            KeyHelp::Up => {
                rows.push(("↑ ↓ ← →".into(), tr::key_help(app.lang, KeyHelp::Move)));
                continue;
            }
            KeyHelp::Home => {
                rows.push((
                    "Home / End".into(),
                    tr::key_help(app.lang, KeyHelp::HomeEnd),
                ));
                continue;
            }
            KeyHelp::Undo => {
                rows.push((
                    "Ctrl-Z / Ctrl-Y".into(),
                    tr::key_help(app.lang, KeyHelp::UndoRedo),
                ));
                continue;
            }
            KeyHelp::TextStart => {
                rows.push((
                    "Ctrl-Home / Ctrl-End".into(),
                    tr::key_help(app.lang, KeyHelp::TextStartEnd),
                ));
                continue;
            }
            _ => {}
        }
        let keys: Vec<String> = b
            .keys
            .iter()
            .filter(|k| !(keys::is_typing(context) && keys::is_text(**k)))
            .map(key_name)
            .collect();
        if keys.is_empty() {
            continue;
        }
        rows.push((keys.join(" / "), tr::key_help(app.lang, b.help)));
    }
    let area = frame.area();
    let key_w = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(8);
    let text_w = rows.iter().map(|(_, t)| str_width(t)).max().unwrap_or(8);
    let col_w = key_w + text_w + 3;
    let max_inner_h = usize::from(area.height.saturating_sub(6));
    let columns = if rows.len() > max_inner_h && col_w * 2 + 2 < usize::from(area.width) - 4 {
        2
    } else {
        1
    };
    let per_col = rows.len().div_ceil(columns);
    let width = ((col_w * columns + 2 * (columns - 1)) as u16 + 2).max(40);
    // On table 三 the note also says what the sign of the balance line's difference means.
    let on_balanced_table =
        crate::tui::update::current_table(app).is_some_and(|table| app.is_balanced(table));
    let read_only = app.screen == crate::tui::app::Screen::Editor
        && app
            .doc
            .as_ref()
            .is_some_and(crate::tui::app::Doc::is_read_only);
    let more = match (read_only, on_balanced_table) {
        (false, true) => tr::help_more_balanced(app.lang),
        (false, false) => tr::help_more(app.lang),
        (true, true) => tr::help_more_read_only_balanced(app.lang),
        (true, false) => tr::help_more_read_only(app.lang),
    };
    let more_lines = wrap_lines(more, usize::from(width.saturating_sub(2)), 4);
    let height = (per_col + 2 + more_lines.len()) as u16;
    let inner = popup(frame, width, height, tr::help_title(app.lang), theme);
    about(frame, inner, app, theme);
    let buf = frame.buffer_mut();
    for (i, (k, t)) in rows.iter().enumerate() {
        let col = i / per_col;
        let line = (i % per_col) as u16;
        if line >= inner.height.saturating_sub(more_lines.len() as u16) {
            continue;
        }
        let x = inner.x + (col * (col_w + 2)) as u16;
        put(
            buf,
            x,
            inner.y + line,
            &pad_right(k, key_w),
            key_w as u16,
            theme.bold(),
        );
        put(
            buf,
            x + key_w as u16 + 2,
            inner.y + line,
            t,
            text_w as u16 + 1,
            theme.plain(),
        );
    }
    for (i, l) in more_lines.iter().enumerate() {
        let y = inner.bottom().saturating_sub(more_lines.len() as u16) + i as u16;
        put(buf, inner.x, y, l, inner.width, theme.dim());
    }
}

/// The version and the commit and date it was built from, on the help's bottom border.
fn about(frame: &mut Frame, inner: Rect, app: &App, theme: &Theme) {
    let text = format!(" {} ", app.about);
    let width = str_width(&text) as u16;
    if width + 2 > inner.width {
        return;
    }
    let x = inner.right().saturating_sub(width + 1);
    put(
        frame.buffer_mut(),
        x,
        inner.bottom(),
        &text,
        width,
        theme.dim(),
    );
}

/// Below 80×24: a clear request for a larger window, never a broken screen.
pub(super) fn too_small(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    let lines = tr::too_small(app.lang, area.width, area.height);
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let buf = frame.buffer_mut();
    for (i, l) in lines.iter().enumerate() {
        let style = if i == 0 { theme.error() } else { theme.plain() };
        put(
            buf,
            0,
            top + i as u16,
            &center(l, usize::from(area.width)),
            area.width,
            style,
        );
    }
}

/// 从台账导入: the path, then the changes (old → new) or the rows the ledger cannot be read by.
fn ledger(
    app: &App,
    frame: &mut Frame,
    path: &Field,
    preview: Option<&crate::tui::app::LedgerPreview>,
    problems: &[String],
    scroll: usize,
    theme: &Theme,
) -> Option<Position> {
    use crate::i18n::ledger::{self as words, editor};
    let lang = app.lang;
    let area = frame.area();
    let inner = popup(
        frame,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2).min(40),
        editor::title(lang),
        theme,
    );
    let text_w = usize::from(inner.width);
    put_line(
        frame.buffer_mut(),
        inner,
        0,
        editor::intro(lang),
        theme.dim(),
    );
    let cursor = field(frame, inner, 1, editor::prompt(lang), path, true, theme);
    // The list: the changes, or why the ledger cannot be counted.
    let (heading, lines, style, hint) = match (preview, problems.is_empty()) {
        (Some(p), _) => {
            let template = app.doc.as_ref().map(|d| d.template);
            let lines: Vec<String> = p
                .changes
                .iter()
                .map(|c| {
                    let label = template.map_or(c.key.clone(), |t| change_label(t, &c.key));
                    words::change(lang, &label, c.old, c.new)
                })
                .collect();
            (
                Some(editor::changes_heading(
                    lang,
                    p.changes.len(),
                    p.values.len(),
                )),
                lines,
                theme.plain(),
                editor::preview_hint(lang),
            )
        }
        (None, false) => (
            None,
            problems.to_vec(),
            theme.error(),
            editor::problems_hint(lang),
        ),
        (None, true) => (None, Vec::new(), theme.plain(), editor::path_hint(lang)),
    };
    let buf = frame.buffer_mut();
    let mut y = 3;
    if let Some(h) = heading {
        put_line(buf, inner, y, &h, theme.bold());
        y += 1;
    }
    let wrapped: Vec<String> = lines
        .iter()
        .flat_map(|l| {
            wrap(l, text_w)
                .into_iter()
                .map(move |v| l[v.start..v.end].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let room = usize::from(inner.height.saturating_sub(y + 1));
    let first = scroll.min(wrapped.len().saturating_sub(room));
    for (i, line) in wrapped.iter().skip(first).take(room).enumerate() {
        put_line(buf, inner, y + i as u16, line, style);
    }
    put_line(
        buf,
        inner,
        inner.height.saturating_sub(1),
        hint,
        theme.dim(),
    );
    cursor
}

/// A cell as the ledger dialog names it: its row's own label and its column, short enough
/// for a line (the group is clear from the label's number).
fn change_label(template: &crate::template::Template, key: &str) -> String {
    match template.cell(key) {
        Some(cell) => format!("{} · {}", cell.row.label, cell.column.header),
        None => template.cell_label(key),
    }
}

/// 打开文件: the path, what went wrong or the keys, then the list to pick from.
fn open_file(
    app: &App,
    frame: &mut Frame,
    open: &crate::tui::app::OpenFile,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.lang;
    // As many rows as the list needs, as far as the window allows.
    // A refusal is said whole (a path and the system's words are long), in up to three lines.
    let width = usize::from(76u16.min(frame.area().width.saturating_sub(4)));
    let error_lines = open
        .error
        .as_deref()
        .map(|e| wrap(e, width).into_iter().take(3).collect::<Vec<_>>())
        .unwrap_or_default();
    let said = error_lines.len().max(1);
    let room = usize::from(frame.area().height.saturating_sub(4)).saturating_sub(4 + said);
    let rows = open.items.len().clamp(1, room.clamp(1, 16));
    let inner = popup(
        frame,
        76,
        (rows + 5 + said) as u16,
        tr::open_title(lang),
        theme,
    );
    let cursor = field(
        frame,
        inner,
        0,
        theme.prompt(),
        &open.path,
        open.selected.is_none(),
        theme,
    );
    let buf = frame.buffer_mut();
    match &open.error {
        Some(e) => {
            for (i, l) in error_lines.iter().enumerate() {
                put_line(buf, inner, 1 + i as u16, &e[l.start..l.end], theme.error());
            }
        }
        None => {
            put_line(buf, inner, 1, tr::open_hint(lang), theme.dim());
        }
    }
    // Below the path and what is said under it.
    let top = 1 + said as u16;
    let heading = match &open.folder {
        Some(folder) => tr::open_listing(lang, folder, open.items.len()),
        None if open.items.is_empty() => String::new(),
        None => tr::open_matches(lang, open.items.len()),
    };
    put_line(buf, inner, top, &heading, theme.bold());
    let first = open
        .selected
        .unwrap_or(0)
        .saturating_sub(rows.saturating_sub(1));
    let kind_w = [
        crate::tui::app::OpenKind::Draft,
        crate::tui::app::OpenKind::Published,
        crate::tui::app::OpenKind::Folder,
        crate::tui::app::OpenKind::Other,
    ]
    .iter()
    .map(|k| str_width(tr::open_kind(lang, *k)))
    .max()
    .unwrap_or(4);
    for (line, (i, item)) in open
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let chosen = open.selected == Some(i);
        let text = format!(
            "{}  {}",
            pad_right(tr::open_kind(lang, item.kind), kind_w),
            item.label
        );
        let y = top + 1 + line as u16;
        choice_line(frame, inner, y, chosen, &text, theme);
    }
    if open.items.len() > first + rows {
        let more = format!("  … {}", open.items.len() - first - rows);
        put_line(
            frame.buffer_mut(),
            inner,
            top + 1 + rows as u16,
            &more,
            theme.dim(),
        );
    }
    cursor
}

/// A draft that cannot be read: why (file, line, column), and its copies to open instead.
fn unreadable(
    app: &App,
    frame: &mut Frame,
    offer: &crate::tui::app::UnreadableOffer,
    selected: usize,
    theme: &Theme,
) {
    let lang = app.lang;
    let width = 76u16.min(frame.area().width.saturating_sub(4));
    let text_w = usize::from(width);
    let why_text = crate::i18n::load_error(lang, &offer.why);
    let why = wrap(&why_text, text_w);
    let intro = tr::unreadable_offer(lang);
    let intro_lines = wrap(intro, text_w);
    let why_rows = why.len().min(6);
    let height = why_rows + 1 + intro_lines.len() + 1 + offer.choices.len() + 2;
    let inner = popup(
        frame,
        76,
        height as u16 + 2,
        tr::unreadable_title(lang),
        theme,
    );
    let mut y = 0u16;
    for l in why.iter().take(why_rows) {
        put_line(
            frame.buffer_mut(),
            inner,
            y,
            &why_text[l.start..l.end],
            theme.error(),
        );
        y += 1;
    }
    y += 1;
    for l in &intro_lines {
        put_line(
            frame.buffer_mut(),
            inner,
            y,
            &intro[l.start..l.end],
            theme.plain(),
        );
        y += 1;
    }
    y += 1;
    for (i, choice) in offer.choices.iter().enumerate() {
        let chosen = i == selected;
        let text = tr::unreadable_choice(lang, choice);
        choice_line(frame, inner, y, chosen, &text, theme);
        y += 1;
    }
    put_line(
        frame.buffer_mut(),
        inner,
        y + 1,
        tr::unreadable_hint(lang),
        theme.dim(),
    );
}

/// One line of a list to choose from: `>` and the focus colour across the popup when chosen.
fn choice_line(frame: &mut Frame, inner: Rect, y: u16, chosen: bool, text: &str, theme: &Theme) {
    let style = if chosen {
        let row = Rect::new(inner.x, inner.y + y, inner.width, 1);
        frame.buffer_mut().set_style(row, theme.focus());
        theme.focus()
    } else {
        theme.plain()
    };
    let pointer = if chosen { ">" } else { " " };
    put_line(
        frame.buffer_mut(),
        inner,
        y,
        &format!("{pointer} {text}"),
        style,
    );
}
