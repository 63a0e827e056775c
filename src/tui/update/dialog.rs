//! Dialogs: questions, the new-report form, reasons, paths.

use super::*;

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
        Dialog::OpenFile { path } => match input {
            Action::Command(Command::Enter) => {
                let p = path.text.trim();
                if !p.is_empty() {
                    keep = false;
                    effects.push(Effect::Open(expand_home(p)));
                }
            }
            Action::Command(Command::Cancel) => keep = false,
            other => edit_field(path, other),
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

pub(super) fn expand_home(path: &str) -> std::path::PathBuf {
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
    Template::for_new_report(year, app.this_year())
        .map_err(|(first, last)| crate::i18n::year_refused(app.lang, year, first, last))?;
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
