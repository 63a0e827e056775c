//! Prose sections 一, 五, 六.

use super::{
    Action, App, Command, Effect, SectionKind, change, changed_to_here, error, info, layout, text,
    tr,
};

/// The key of the prose section on the current page.
pub(super) fn current_prose_key(app: &App) -> Option<String> {
    let s = app.section(app.current_page()?)?;
    (s.kind == SectionKind::Prose).then(|| s.key.clone())
}

pub(super) fn current_prose(app: &App) -> Option<(String, String)> {
    let s = app.section(app.current_page()?)?;
    (s.kind == SectionKind::Prose).then(|| {
        let text = app
            .doc
            .as_ref()
            .map_or(String::new(), |d| d.draft.text(&s.key).to_string());
        (s.key.clone(), text)
    })
}

/// Whether last year's text is beside the prose section: asked for, and there to show.
pub fn last_text_shown(app: &App) -> bool {
    app.last_text.shown && app.doc.as_ref().is_some_and(|d| d.last.is_some())
}

/// Where the current prose section and last year's text go.
pub fn prose_layout(app: &App) -> layout::ProseAreas {
    layout::prose_areas(&layout::areas(app.width, app.height), last_text_shown(app))
}

/// Last year's text of a section, when last year's draft is at hand.
pub fn last_text<'a>(app: &'a App, key: &str) -> Option<&'a str> {
    app.doc
        .as_ref()
        .and_then(|d| d.last.as_ref())
        .map(|l| l.draft.text(key))
}

/// Ctrl-L, Ctrl-D, Ctrl-U: last year's text, shown beside this year's, scrolled.
fn last_text_command(app: &mut App, key: &str, cmd: Command) {
    match cmd {
        Command::LastText => {
            if app.last_text.shown {
                app.last_text.shown = false;
            } else if last_text(app, key).is_some() {
                app.last_text.shown = true;
            } else {
                let file = app
                    .doc
                    .as_ref()
                    .and_then(|d| d.draft.previous.as_ref())
                    .and_then(|p| p.file.clone());
                error(app, tr::no_last_text(app.lang, file.as_deref()));
            }
        }
        Command::LastTextDown | Command::LastTextUp => {
            let page = prose_layout(app)
                .last_body
                .map_or(1, |r| usize::from(r.height / 2).max(1));
            let scroll = app.last_text.scroll.entry(key.to_string()).or_default();
            *scroll = if cmd == Command::LastTextDown {
                *scroll + page
            } else {
                scroll.saturating_sub(page)
            };
        }
        _ => {}
    }
}

/// The undo groups of a prose section: a run of typed characters is one step, a run of
/// Backspace/Del another; moving the caret, Enter or a paste ends a run.
fn typing_group(key: &str) -> Option<String> {
    Some(format!("prose:{key}:type"))
}

fn deleting_group(key: &str) -> Option<String> {
    Some(format!("prose:{key}:delete"))
}

pub(super) fn prose(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let Some((key, text)) = current_prose(app) else {
        return;
    };
    if let Action::Command(
        cmd @ (Command::LastText | Command::LastTextDown | Command::LastTextUp),
    ) = input
    {
        return last_text_command(app, &key, cmd);
    }
    let mut focus = app.prose.get(&key).copied().unwrap_or_default();
    focus.caret = text::floor_boundary(&text, focus.caret);
    // Kept at a line's end only until the next key.
    let line_end = std::mem::take(&mut focus.line_end);
    let width = prose_layout(app).text.width;
    let mut edited = false;
    let insert = |app: &mut App, s: &str, caret: &mut usize, group: Option<String>| {
        let (k, at, s2) = (key.clone(), *caret, s.to_string());
        let changed = change(app, group, move |d| {
            let t = d.text.entry(k).or_default();
            t.insert_str(at, &s2);
        });
        if changed {
            *caret += s.len();
        }
        changed
    };
    match input {
        Action::Char(c) => {
            edited = insert(app, &c.to_string(), &mut focus.caret, typing_group(&key))
        }
        Action::Paste(s) => {
            // A paste is a step of its own, whatever was typed before or after it.
            let s = s.replace("\r\n", "\n").replace('\r', "\n");
            seal(app);
            edited = insert(app, &s, &mut focus.caret, None);
            seal(app);
        }
        Action::Command(cmd) => match cmd {
            Command::Newline => {
                // A new line starts a new typed run.
                seal(app);
                edited = insert(app, "\n", &mut focus.caret, typing_group(&key));
            }
            Command::Backspace => {
                if let Some(p) = text::prev_boundary(&text, focus.caret) {
                    let (k, at) = (key.clone(), focus.caret);
                    edited = change(app, deleting_group(&key), move |d| {
                        d.text.entry(k).or_default().replace_range(p..at, "");
                    });
                    if edited {
                        focus.caret = p;
                    }
                }
            }
            Command::Delete => {
                if let Some(n) = text::next_boundary(&text, focus.caret) {
                    let (k, at) = (key.clone(), focus.caret);
                    edited = change(app, deleting_group(&key), move |d| {
                        d.text.entry(k).or_default().replace_range(at..n, "");
                    });
                }
            }
            Command::Left => {
                seal(app);
                focus.caret = text::prev_boundary(&text, focus.caret).unwrap_or(0);
            }
            Command::Right => {
                seal(app);
                focus.caret = text::next_boundary(&text, focus.caret).unwrap_or(focus.caret);
            }
            Command::TextStart => {
                seal(app);
                focus.caret = 0;
            }
            Command::TextEnd => {
                seal(app);
                focus.caret = text.len();
            }
            Command::Up | Command::Down | Command::Home | Command::End => {
                seal(app);
                let layout = app.wrapped_prose(&key, &text, width);
                let lines = &layout.lines;
                let (line, col) = text::caret_position_at(&text, lines, focus.caret, line_end);
                let (to, caret) = match cmd {
                    Command::Up if line > 0 => (
                        line - 1,
                        text::offset_at_column(&text, lines[line - 1], col),
                    ),
                    Command::Up => (0, 0),
                    Command::Down if line + 1 < lines.len() => (
                        line + 1,
                        text::offset_at_column(&text, lines[line + 1], col),
                    ),
                    Command::Down => (lines.len() - 1, text.len()),
                    Command::Home => (line, lines[line].start),
                    _ => (line, lines[line].end),
                };
                focus.caret = caret;
                // At the end of a line that wraps, the caret stays on that line (End on a
                // full line; ↑ ↓ from further right than the line is long).
                focus.line_end = text::is_wrap_point(lines, to, caret);
            }
            Command::ExternalEditor => {
                seal(app);
                effects.push(Effect::ExternalEditor {
                    section: key.clone(),
                    text: text.clone(),
                });
            }
            Command::InsertOutline => {
                let outline = app
                    .doc
                    .as_ref()
                    .and_then(|d| d.template.section(&key))
                    .map(|s| s.outline.clone())
                    .unwrap_or_default();
                if outline.is_empty() {
                    info(app, tr::no_outline(app.lang).into());
                } else if !text.trim().is_empty() {
                    info(app, tr::outline_only_when_empty(app.lang).into());
                } else {
                    let body = tr::outline_text(&outline);
                    let first_line = body.find('\n').unwrap_or(body.len());
                    let k = key.clone();
                    seal(app);
                    edited = change(app, None, move |d| {
                        d.text.insert(k, body);
                    });
                    if edited {
                        focus.caret = first_line;
                    }
                }
            }
            _ => focus.line_end = line_end,
        },
        _ => focus.line_end = line_end,
    }
    app.prose.insert(key, focus);
    if edited {
        changed_to_here(app);
    }
}

pub(super) fn seal(app: &mut App) {
    if let Some(doc) = &mut app.doc {
        doc.history.seal();
    }
}
