//! The start screen: the drafts of the data folder, 新建报告, 打开文件.

use super::{
    Action, AgencyKind, App, Command, Dialog, Effect, Field, ListEntry, Mouse, Screen, hint, quit,
    tr,
};

/// 新建报告, 从上年报告新建 and 打开文件 come before the drafts in the start list.
pub const START_ITEMS: usize = 3;

pub(super) fn start_screen(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let count = app.entries.len() + START_ITEMS;
    match input {
        Action::Command(Command::Up) => app.start.selected = app.start.selected.saturating_sub(1),
        Action::Command(Command::Down) => {
            app.start.selected = (app.start.selected + 1).min(count - 1);
        }
        Action::Command(Command::Quit) => quit(app, effects),
        // Nothing to cancel here: Esc says how to quit rather than quitting by accident.
        Action::Command(Command::Cancel) => hint(app, tr::start_esc(app.lang).into()),
        Action::Command(Command::NewReport) => app.dialog = Some(new_report_dialog(app, None)),
        Action::Command(Command::FromLastYear) => {
            app.dialog = Some(from_last_year_dialog(app, None));
        }
        Action::Command(Command::OpenFile) => open_file_dialog(app, effects),
        Action::Command(Command::Enter) => match app.start.selected {
            0 => app.dialog = Some(new_report_dialog(app, None)),
            1 => app.dialog = Some(from_last_year_dialog(app, None)),
            2 => open_file_dialog(app, effects),
            i => {
                // A draft that cannot be read is opened too: the runtime says why, and offers
                // its .bak or recovery file when there is one.
                if let Some(entry) = app.entries.get(i - START_ITEMS) {
                    effects.push(Effect::Open(entry.path.clone()));
                }
            }
        },
        Action::Mouse(Mouse::Click { y, .. }) => {
            if let Some(i) = start_item_at(app, y) {
                if i == app.start.selected {
                    start_screen(app, Action::Command(Command::Enter), effects);
                } else {
                    app.start.selected = i;
                }
            }
        }
        Action::Mouse(Mouse::ScrollDown { .. }) => {
            app.start.selected = (app.start.selected + 3).min(count - 1);
        }
        Action::Mouse(Mouse::ScrollUp { .. }) => {
            app.start.selected = app.start.selected.saturating_sub(3);
        }
        _ => {}
    }
}

/// The start list begins on this screen row.
pub const START_LIST_TOP: u16 = 4;

pub(super) fn start_item_at(app: &App, y: u16) -> Option<usize> {
    let i = usize::from(y.checked_sub(START_LIST_TOP)?) + app.start.scroll;
    (i < app.entries.len() + START_ITEMS).then_some(i)
}

/// The 新建报告 form; the year offered is last year's (reports are written in January).
pub fn new_report_dialog(app: &App, path: Option<std::path::PathBuf>) -> Dialog {
    let year = app
        .today
        .map_or(2025, |d| i32::from(d.year()) - 1)
        .to_string();
    Dialog::NewReport {
        agency: Field::default(),
        year: Field::new(&year),
        kind: AgencyKind::Department,
        focus: 0,
        path,
        error: None,
        existing: None,
    }
}

/// The 从上年报告新建 dialog: the readable drafts of the data folder, the one highlighted on
/// the start screen selected (else the latest year's), and a path for any other file.
/// `target` is where the new draft goes when `edit FILE` named it.
pub fn from_last_year_dialog(app: &App, target: Option<std::path::PathBuf>) -> Dialog {
    let choices: Vec<ListEntry> = app
        .entries
        .iter()
        .filter(|e| e.problem.is_none())
        .cloned()
        .collect();
    let highlighted = app
        .start
        .selected
        .checked_sub(START_ITEMS)
        .and_then(|i| app.entries.get(i))
        .filter(|_| app.screen == Screen::Start);
    let selected = highlighted
        .and_then(|h| choices.iter().position(|c| c.path == h.path))
        .or_else(|| {
            // The latest year; the newest file among drafts of that year.
            let latest = choices.iter().map(|c| c.year).max()?;
            choices.iter().position(|c| c.year == latest)
        })
        .unwrap_or(choices.len());
    Dialog::FromLastYear {
        choices,
        selected,
        path: Field::default(),
        target,
        error: None,
    }
}

/// Why no draft can be made for a report year (no format applies, or it is later than next
/// year), if so.
pub fn year_refusal(app: &App, year: i32) -> Option<String> {
    crate::ops::new_report_format(year, app.this_year())
        .err()
        .map(|r| crate::i18n::year_refused(app.lang, r.year, r.first, r.last))
}

/// 打开文件: the path, over the data folder's drafts and published reports.
pub(super) fn open_file_dialog(app: &mut App, effects: &mut Vec<Effect>) {
    app.dialog = Some(Dialog::OpenFile(Box::default()));
    effects.push(Effect::Browse {
        typed: String::new(),
        complete: false,
    });
}
