//! 导出: readiness, blockers and writing the report.

use super::{Action, App, Command, Effect, Field, edit_field, error, expand_home, tr};

/// The default file for an export, named by the export module: beside a draft kept anywhere
/// but the (hidden) data folder; for a draft in the data folder, in the documents folder.
pub(super) fn default_export_path(app: &App) -> String {
    let Some(doc) = &app.doc else {
        return String::new();
    };
    let formats = super::super::exporter::formats();
    let Some(format) = formats.get(app.export.format) else {
        return String::new();
    };
    let name = super::super::exporter::default_file_name(&doc.draft, format);
    crate::paths::export_dir(&doc.path, &app.drafts_dir)
        .join(&name)
        .display()
        .to_string()
}

pub(super) fn export(app: &mut App, input: Action, effects: &mut Vec<Effect>) {
    let formats = super::super::exporter::formats();
    let lang = app.lang;
    match input {
        Action::Command(Command::Up) => app.export.field = app.export.field.saturating_sub(1),
        Action::Command(Command::Down) => app.export.field = (app.export.field + 1).min(3),
        Action::Command(Command::Left | Command::Right)
            if app.export.field == 0 && !formats.is_empty() =>
        {
            let n = formats.len();
            app.export.format = if matches!(input, Action::Command(Command::Left)) {
                (app.export.format + n - 1) % n
            } else {
                (app.export.format + 1) % n
            };
            if !app.export.path_edited {
                app.export.path = Field::new(&default_export_path(app));
            }
        }
        Action::Command(Command::Left | Command::Right | Command::Toggle)
            if app.export.field == 1 =>
        {
            app.export.draft_mark = !app.export.draft_mark;
        }
        Action::Char(' ') if app.export.field == 1 => {
            app.export.draft_mark = !app.export.draft_mark;
        }
        Action::Command(Command::Enter) => {
            let Some(format) = formats.get(app.export.format) else {
                return error(app, tr::export_unavailable(lang).into());
            };
            let Some(doc) = &app.doc else { return };
            if !app.export.draft_mark && !doc.outcome.is_finished() {
                return error(app, tr::export_blocked(lang).into());
            }
            let path = expand_home(app.export.path.text.trim());
            if crate::export::is_same_file(&path, &doc.path) {
                return error(app, crate::i18n::output_is_input(lang, &path));
            }
            effects.push(Effect::Export {
                format: format.to_string(),
                path,
                draft_mark: app.export.draft_mark,
            });
        }
        other if app.export.field == 2 => {
            if matches!(
                other,
                Action::Char(_)
                    | Action::Paste(_)
                    | Action::Command(Command::Backspace | Command::Delete)
            ) {
                app.export.path_edited = true;
            }
            edit_field(&mut app.export.path, other);
        }
        _ => {}
    }
}
