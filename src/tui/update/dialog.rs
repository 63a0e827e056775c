//! Dialogs: questions, the new-report form, reasons, paths.

use super::{
    Action, AgencyKind, App, Command, Dialog, Draft, Effect, Field, ListEntry, change, error,
    focus_form_field, from_last_year_dialog, info, ledger_dialog, lock_dialog, normalize_char,
    recover_dialog, switch_year, tr, year_refusal,
};

pub(super) fn dialog(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(mut d) = app.dialog.take() else {
        return;
    };
    let mut keep = true;
    match &mut d {
        Dialog::ConfirmQuit => match input {
            Action::Command(Command::Yes) => {
                keep = false;
                effects.push(Effect::Save { then_quit: true });
            }
            Action::Command(Command::No) => {
                keep = false;
                app.quit = true;
                effects.push(Effect::Quit);
            }
            Action::Command(Command::Cancel) => keep = false,
            _ => {}
        },
        Dialog::ConfirmYear { year, template, .. } => match input {
            Action::Command(Command::Yes) => {
                keep = false;
                let (year, id) = (*year, template.clone());
                switch_year(app, year, &id);
            }
            Action::Command(Command::No | Command::Cancel) => {
                keep = false;
                // The year stays as it was.
                let i = app.form.field;
                focus_form_field(app, i);
                info(app, tr::year_kept(lang));
            }
            _ => {}
        },
        Dialog::Reason { finding, field } => match input {
            Action::Command(Command::Enter) => {
                let reason = field.text.trim().to_string();
                if reason.is_empty() {
                    error(app, tr::reason_needed(lang).into());
                } else {
                    keep = false;
                    let finding = finding.clone();
                    change(app, None, move |d| {
                        d.acknowledged.retain(|a| !a.answers(&finding));
                        d.acknowledged.push(finding.acknowledge(reason));
                    });
                    info(app, tr::acknowledged(lang));
                }
            }
            Action::Command(Command::Cancel) => keep = false,
            other => edit_field(field, other),
        },
        Dialog::ConfirmQuitUnkept { .. } => match input {
            Action::Command(Command::Yes) => {
                keep = false;
                effects.push(Effect::Save { then_quit: true });
            }
            Action::Command(Command::Discard) => {
                keep = false;
                app.quit = true;
                effects.push(Effect::Quit);
            }
            Action::Command(Command::Cancel) => keep = false,
            _ => {}
        },
        Dialog::ChangedOnDisk(changed) => match input {
            Action::Command(Command::Yes) => {
                keep = false;
                effects.push(Effect::SaveOver {
                    then_quit: changed.then_quit,
                });
            }
            Action::Command(Command::No) => {
                if let Some(theirs) = changed.theirs.clone() {
                    keep = false;
                    take_theirs(app, theirs, changed.disk);
                }
            }
            Action::Command(Command::SaveCopy) => {
                keep = false;
                effects.push(Effect::SaveCopy);
            }
            Action::Command(Command::Cancel) => keep = false,
            _ => {}
        },
        Dialog::Recover { offer, view } => {
            let offer = offer.clone();
            // An answer may open the next recovery file's offer in `app.dialog`.
            keep = recover_dialog(app, &offer, view, input, effects);
        }
        Dialog::LockHeld { .. } => keep = lock_dialog(app, input, effects),
        Dialog::Ledger {
            path,
            preview,
            problems,
            scroll,
        } => keep = ledger_dialog(app, path, preview, problems, scroll, input, effects),
        Dialog::OpenFile(open) => keep = open_file(open, input, effects),
        Dialog::Unreadable { offer, selected } => match input {
            Action::Command(Command::Down | Command::NextField) => {
                *selected = (*selected + 1).min(offer.choices.len().saturating_sub(1));
            }
            Action::Command(Command::Up | Command::PrevField) => {
                *selected = selected.saturating_sub(1);
            }
            Action::Command(Command::Enter) => {
                if let Some(choice) = offer.choices.get(*selected) {
                    keep = false;
                    effects.push(Effect::OpenInstead {
                        path: offer.path.clone(),
                        from: choice.path.clone(),
                    });
                }
            }
            Action::Command(Command::Cancel) => keep = false,
            _ => {}
        },
        Dialog::FromLastYear {
            choices,
            selected,
            path,
            target,
            error: problem,
        } => {
            let n = choices.len();
            match input {
                Action::Command(Command::Enter) => {
                    match from_last_year(app, choices, *selected, path, target) {
                        // The dialog stays until the draft is made: a refusal is said in it.
                        Ok(effect) => {
                            *problem = None;
                            effects.push(effect);
                        }
                        Err(e) => *problem = Some(e),
                    }
                }
                Action::Command(Command::Cancel) => keep = false,
                Action::Command(Command::Down | Command::NextField) => {
                    *selected = (*selected + 1).min(n);
                }
                Action::Command(Command::Up | Command::PrevField) => {
                    *selected = selected.saturating_sub(1);
                }
                // Typing goes to the path, below the list.
                other @ (Action::Char(_) | Action::Paste(_)) => {
                    *selected = n;
                    edit_field(path, other);
                }
                other if *selected == n => edit_field(path, other),
                _ => {}
            }
        }
        Dialog::Carried { .. } | Dialog::Imported { .. } => {
            if let Action::Command(Command::Enter | Command::Cancel) = input {
                keep = false;
            }
        }
        Dialog::NewReport {
            agency,
            year,
            kind,
            focus,
            path,
            error: problem,
            existing,
        } => match input {
            // The dialog stays until the draft is made: a refusal is said in it, and what was
            // typed is kept (a draft of that name may be there already).
            Action::Command(Command::Enter) => match new_report(app, agency, year, *kind, path) {
                Ok(effect) => {
                    *problem = None;
                    *existing = None;
                    effects.push(effect);
                }
                Err(e) => *problem = Some(e),
            },
            Action::Command(Command::OpenFile) => {
                if let Some(existing) = existing.take() {
                    keep = false;
                    effects.push(Effect::Open(existing));
                }
            }
            Action::Command(Command::Cancel) => keep = false,
            Action::Command(Command::FromLastYear) => {
                keep = false;
                app.dialog = Some(from_last_year_dialog(app, path.clone()));
            }
            Action::Command(Command::NextField | Command::Down) => *focus = (*focus + 1) % 3,
            Action::Command(Command::PrevField | Command::Up) => *focus = (*focus + 2) % 3,
            Action::Command(Command::Left | Command::Right) | Action::Char(' ') if *focus == 2 => {
                *kind = toggle_kind(*kind);
            }
            other => match focus {
                0 => {
                    let before = agency.text.clone();
                    edit_field(agency, other);
                    if agency.text != before && existing.is_some() {
                        // Another name: another file.
                        *existing = None;
                        *problem = None;
                    }
                }
                1 => {
                    if existing.is_some() {
                        *existing = None;
                        *problem = None;
                    }
                    if let Action::Char(c) = other {
                        if let Some(d) = normalize_char(c).filter(char::is_ascii_digit) {
                            year.insert(d);
                        }
                    } else {
                        edit_field(year, other);
                    }
                }
                _ => {}
            },
        },
    }
    if keep && app.dialog.is_none() {
        app.dialog = Some(d);
    }
}

/// The file's version replaces the editor's, as one change (Ctrl-Z brings the editor's back),
/// and is what the editor now counts as saved.
fn take_theirs(app: &mut App, theirs: Draft, disk: Option<crate::atomic::OnDisk>) {
    let lang = app.lang;
    change(app, None, move |d| *d = theirs);
    if let Some(doc) = &mut app.doc {
        doc.saved = doc.draft.clone();
        doc.disk = disk;
    }
    info(app, tr::took_theirs(lang).into());
}

pub(super) fn toggle_kind(kind: AgencyKind) -> AgencyKind {
    match kind {
        AgencyKind::Department => AgencyKind::Government,
        AgencyKind::Government => AgencyKind::Department,
    }
}

/// A typed path with `~/` standing for the home folder.
pub fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

pub(super) fn new_report(
    app: &App,
    agency: &Field,
    year: &Field,
    kind: AgencyKind,
    path: &Option<std::path::PathBuf>,
) -> Result<Effect, String> {
    let name = agency.text.trim();
    if name.is_empty() {
        return Err(tr::agency_needed(app.lang).into());
    }
    let year: i32 = year
        .text
        .parse()
        .map_err(|_| tr::year_invalid(app.lang).to_string())?;
    crate::ops::new_report_format(year, app.this_year())
        .map_err(|r| crate::i18n::year_refused(app.lang, r.year, r.first, r.last))?;
    let path = path.clone().unwrap_or_else(|| {
        app.drafts_dir
            .join(crate::paths::draft_file_name(name, year))
    });
    Ok(Effect::Create {
        path,
        agency: name.to_string(),
        year,
        kind,
    })
}

/// 从上年报告新建: the effect that makes the draft, or why not (said in the dialog). A draft
/// of the list is refused here when no format applies to the year after it; a typed path is
/// read by the runtime, which refuses it the same way.
pub(super) fn from_last_year(
    app: &App,
    choices: &[ListEntry],
    selected: usize,
    path: &Field,
    target: &Option<std::path::PathBuf>,
) -> Result<Effect, String> {
    let from = match choices.get(selected) {
        Some(entry) => {
            // A published report's year is known once it is imported.
            if !entry.published
                && let Some(refusal) = year_refusal(app, entry.year + 1)
            {
                return Err(refusal);
            }
            entry.path.clone()
        }
        None => {
            let typed = path.text.trim();
            if typed.is_empty() {
                return Err(tr::from_last_path_needed(app.lang).into());
            }
            expand_home(typed)
        }
    };
    Ok(Effect::CreateFromLast {
        from,
        target: target.clone(),
    })
}

/// Typing in a one-line field.
pub(super) fn edit_field(field: &mut Field, input: Action) {
    match input {
        Action::Char(c) => field.insert(c),
        Action::Paste(s) => field.insert_str(&s),
        Action::Command(Command::Backspace) => {
            field.backspace();
        }
        Action::Command(Command::Delete) => {
            field.delete();
        }
        Action::Command(Command::Left) => field.left(),
        Action::Command(Command::Right) => field.right(),
        Action::Command(Command::Home) => field.home(),
        Action::Command(Command::End) => field.end(),
        _ => {}
    }
}

/// 打开文件: typing, Tab completing, picking from the list. Whether the dialog stays (it does
/// while a file is opened: a refusal is said in it, with what was typed).
fn open_file(
    open: &mut crate::tui::app::OpenFile,
    input: Action,
    effects: &mut Vec<Effect>,
) -> bool {
    let browse = |typed: &str, complete| Effect::Browse {
        typed: typed.to_string(),
        complete,
    };
    match input {
        Action::Command(Command::Cancel) => return false,
        Action::Command(Command::NextField) => {
            open.selected = None;
            effects.push(browse(&open.path.text, true));
        }
        Action::Command(Command::Down) if !open.items.is_empty() => {
            open.selected = Some(
                open.selected
                    .map_or(0, |i| (i + 1).min(open.items.len() - 1)),
            );
        }
        Action::Command(Command::Up) => {
            open.selected = open.selected.and_then(|i| i.checked_sub(1));
        }
        Action::Command(Command::Enter) => {
            let target = match open.selected.and_then(|i| open.items.get(i)) {
                Some(item) => item.target.clone(),
                None => open.path.text.trim().to_string(),
            };
            open.error = None;
            if target.ends_with('/') {
                // A folder: into it, listing what it holds.
                open.path = Field::new(&target);
                open.selected = None;
                effects.push(browse(&target, false));
            } else if !target.is_empty() {
                effects.push(Effect::Open(expand_home(&target)));
            }
        }
        other => {
            let before = open.path.text.clone();
            open.selected = None;
            edit_field(&mut open.path, other);
            if open.path.text != before {
                open.error = None;
            }
        }
    }
    true
}

/// Tab's matches or a folder's listing came back for 打开文件 (unless the path was changed
/// since): the path completed as far as the matches agree, and the list shown.
pub(super) fn browsed(
    app: &mut App,
    typed: &str,
    complete: bool,
    found: crate::tui::app::Browse,
    effects: &mut Vec<Effect>,
) {
    let lang = app.lang;
    let Some(Dialog::OpenFile(open)) = &mut app.dialog else {
        return;
    };
    if open.path.text != typed {
        return;
    }
    if !complete {
        open.items = found.listing;
        open.folder = Some(found.folder);
        open.selected = None;
        return;
    }
    let common = common_prefix(found.matches.iter().map(|m| m.target.as_str()));
    match found.matches.len() {
        0 => open.error = Some(tr::no_match(lang, typed)),
        1 => {
            let only = &found.matches[0].target;
            open.path = Field::new(only);
            open.error = None;
            if only.ends_with('/') {
                effects.push(Effect::Browse {
                    typed: only.clone(),
                    complete: false,
                });
            }
        }
        _ => {
            if common.chars().count() > typed.chars().count() {
                open.path = Field::new(&common);
            }
            open.error = None;
            open.items = found.matches;
            open.folder = None;
            open.selected = None;
        }
    }
}

/// The longest start all the texts share, whole characters.
fn common_prefix<'a>(mut texts: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = texts.next() else {
        return String::new();
    };
    let mut end = first.len();
    for t in texts {
        end = first
            .char_indices()
            .zip(t.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(t.len()), |((i, _), _)| i.min(end));
    }
    first[..end].to_string()
}
