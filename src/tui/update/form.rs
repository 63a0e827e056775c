//! 基本信息: the metadata form, and switching format when the year crosses 2020/2021.

use super::{
    Action, App, Command, Dialog, Field, FormField, InputError, Number, Page, Template,
    accept_char, change, edit_field, error, form_fields, info, max_places, normalize_char, pages,
    seal, toggle_kind, tr,
};

/// Focuses a form field, loading its text for typing.
pub(super) fn focus_form_field(app: &mut App, i: usize) {
    let Some(doc) = &app.doc else { return };
    let fields = form_fields(doc.template);
    let i = i.min(fields.len() - 1);
    let text = match fields[i] {
        FormField::Text(k) => doc.draft.report.text(k).unwrap_or_default().to_string(),
        FormField::Year => doc.draft.report.year.to_string(),
        FormField::Kind => String::new(),
        FormField::Fee(k) => doc
            .draft
            .fees
            .get(&doc.template.fees[k].key)
            .map_or(String::new(), Number::to_string),
    };
    app.form.field = i;
    app.form.input = Field::new(&text);
    app.form.fresh = true;
}

pub(super) fn current_form_field(app: &App) -> Option<FormField> {
    let doc = app.doc.as_ref()?;
    form_fields(doc.template).get(app.form.field).copied()
}

/// Finishes the focused form field: a new year is applied here (asking first when it takes
/// another format).
pub(super) fn commit_form(app: &mut App) {
    if app.current_page() != Some(Page::Meta) {
        return;
    }
    seal(app);
    let Some(FormField::Year) = current_form_field(app) else {
        return;
    };
    let Some(doc) = &app.doc else { return };
    let current = doc.draft.report.year;
    let Ok(year) = app.form.input.text.trim().parse::<i32>() else {
        error(app, tr::year_invalid(app.lang).into());
        app.form.input = Field::new(&current.to_string());
        return;
    };
    if year == current {
        return;
    }
    let template = match crate::ops::new_report_format(year, app.this_year()) {
        Ok(template) => template,
        Err(r) => {
            error(
                app,
                crate::i18n::year_refused(app.lang, r.year, r.first, r.last),
            );
            app.form.input = Field::new(&current.to_string());
            return;
        }
    };
    if template.id == doc.template.id {
        change(app, None, move |d| d.report.year = year);
        return;
    }
    let mut trial = doc.draft.clone();
    let dropped = trial.switch_template(template).len();
    app.dialog = Some(Dialog::ConfirmYear {
        year,
        template: template.id.clone(),
        dropped,
    });
}

pub(super) fn switch_year(app: &mut App, year: i32, id: &str) {
    let Some(template) = Template::builtin(id) else {
        return;
    };
    change(app, None, move |d| {
        d.report.year = year;
        d.switch_template(template);
    });
    if let Some(doc) = &mut app.doc {
        doc.template = template;
        doc.changed(app.today);
    }
    app.pages = pages(template);
    app.tables.clear();
    let i = app.form.field;
    focus_form_field(app, i);
    info(app, tr::switched(app.lang, id));
}

pub(super) fn form(app: &mut App, input: Action) {
    let Some(field) = current_form_field(app) else {
        return;
    };
    let lang = app.lang;
    let fresh = std::mem::replace(&mut app.form.fresh, false);
    if fresh
        && matches!(field, FormField::Year | FormField::Fee(_))
        && matches!(input, Action::Char(c) if normalize_char(c).is_some_and(|d| d.is_ascii_digit()))
    {
        app.form.input = Field::default();
    }
    match (field, input) {
        (_, Action::Command(Command::Up)) => {
            commit_form(app);
            if app.dialog.is_none() {
                focus_form_field(app, app.form.field.saturating_sub(1));
            }
        }
        (_, Action::Command(Command::Down | Command::Enter)) => {
            commit_form(app);
            if app.dialog.is_none() {
                focus_form_field(app, app.form.field + 1);
            }
        }
        (FormField::Kind, Action::Command(Command::Left | Command::Right | Command::Toggle))
        | (FormField::Kind, Action::Char(' ')) => {
            change(app, None, |d| d.report.kind = toggle_kind(d.report.kind));
        }
        (FormField::Kind, _) => {}
        (FormField::Text(k), input) => {
            edit_field(&mut app.form.input, input);
            let text = app.form.input.text.clone();
            change(app, Some(format!("meta:{k}")), move |d| {
                if let Some(t) = d.report.text_mut(k) {
                    *t = text;
                }
            });
        }
        (FormField::Year, Action::Char(c)) => {
            match normalize_char(c).filter(char::is_ascii_digit) {
                Some(d) if app.form.input.text.len() < 4 => app.form.input.insert(d),
                Some(_) => error(app, tr::year_invalid(lang).into()),
                None => error(app, tr::refused_char(lang, c, InputError::NotANumber)),
            }
        }
        (FormField::Year, input) => edit_field(&mut app.form.input, input),
        (FormField::Fee(i), input) => {
            let Some(doc) = &app.doc else { return };
            let fee = &doc.template.fees[i];
            let (key, kind) = (fee.key.clone(), fee.kind);
            let places = max_places(Some(&fee.unit));
            match input {
                Action::Char(c) => match accept_char(&app.form.input, kind, places, c) {
                    Ok(Some(c)) => app.form.input.insert(c),
                    Ok(None) => {}
                    Err(e) => return error(app, tr::refused_char(lang, c, e)),
                },
                other => edit_field(&mut app.form.input, other),
            }
            let group = Some(format!("fee:{key}"));
            match Number::parse_input(&app.form.input.text, kind, places) {
                Ok(n) => {
                    change(app, group, move |d| {
                        d.fees.insert(key, n);
                    });
                }
                Err(InputError::Empty) => {
                    change(app, group, move |d| {
                        d.fees.remove(&key);
                    });
                }
                Err(_) => {}
            }
        }
    }
}
