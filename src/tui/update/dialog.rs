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
        Dialog::NewReport {
            agency,
            year,
            kind,
            focus,
            path,
            error: problem,
        } => match input {
            Action::Command(Command::Enter) => match new_report(app, agency, year, *kind, path) {
                Ok(effect) => {
                    keep = false;
                    effects.push(effect);
                }
                Err(e) => *problem = Some(e),
            },
            Action::Command(Command::Cancel) => keep = false,
            Action::Command(Command::NextField | Command::Down) => *focus = (*focus + 1) % 3,
            Action::Command(Command::PrevField | Command::Up) => *focus = (*focus + 2) % 3,
            Action::Command(Command::Left | Command::Right) | Action::Char(' ') if *focus == 2 => {
                *kind = toggle_kind(*kind);
            }
            other => match focus {
                0 => edit_field(agency, other),
                1 => {
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
