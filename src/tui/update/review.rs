//! 检查: every finding, going to it, acknowledging warnings.

use super::{
    Action, App, Command, Dialog, Field, Finding, FormField, Page, Severity, change, codes, error,
    focus_form_field, form_fields, go_to_page, info, section_of, tr,
};

/// A line of the 检查 page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewItem {
    /// A section heading (a key of `report` for 基本信息).
    Heading(String),
    /// A finding, by index in the outcome.
    Finding(usize),
    /// The blank cells of a section, as one line: how many, and the first.
    Blanks {
        section: String,
        count: usize,
        first: String,
    },
}

/// The findings grouped by section, blanks folded into one line per section.
pub fn review_items(app: &App) -> Vec<ReviewItem> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let mut sections: Vec<String> = vec!["report".into()];
    sections.extend(doc.template.sections.iter().map(|s| s.key.clone()));
    let mut out = Vec::new();
    for s in sections {
        let found: Vec<(usize, &Finding)> = doc
            .outcome
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.section == s)
            .collect();
        if found.is_empty() {
            continue;
        }
        out.push(ReviewItem::Heading(s.clone()));
        let blanks: Vec<&Finding> = found
            .iter()
            .filter(|(_, f)| f.code == codes::BLANK)
            .map(|(_, f)| *f)
            .collect();
        for (i, f) in &found {
            if f.code != codes::BLANK && doc.shows(f) {
                out.push(ReviewItem::Finding(*i));
            }
        }
        if let Some(first) = blanks.first() {
            out.push(ReviewItem::Blanks {
                section: s.clone(),
                count: blanks.len(),
                first: first.cell.clone().unwrap_or_default(),
            });
        }
    }
    out
}

pub(super) fn selectable(items: &[ReviewItem]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| !matches!(i, ReviewItem::Heading(_)))
        .map(|(n, _)| n)
        .collect()
}

/// The selected finding's item on the 检查 page.
pub fn selected_review_item(app: &App) -> Option<ReviewItem> {
    let items = review_items(app);
    let sel = selectable(&items);
    sel.get(app.review.selected.min(sel.len().saturating_sub(1)))
        .map(|&i| items[i].clone())
}

pub(super) fn review(app: &mut App, input: Action) {
    let items = review_items(app);
    let count = selectable(&items).len();
    let lang = app.lang;
    match input {
        Action::Command(Command::Up) => app.review.selected = app.review.selected.saturating_sub(1),
        Action::Command(Command::Down) => {
            app.review.selected = (app.review.selected + 1).min(count.saturating_sub(1));
        }
        Action::Command(Command::Home) => app.review.selected = 0,
        Action::Command(Command::End) => app.review.selected = count.saturating_sub(1),
        Action::Command(Command::Enter) => match selected_review_item(app) {
            Some(ReviewItem::Finding(i)) => {
                let f = app.doc.as_ref().map(|d| d.outcome.findings[i].clone());
                if let Some(f) = f
                    && !go_to_sentence(app, &f)
                {
                    go_to_finding(app, f.cell.as_deref(), &f.section);
                }
            }
            Some(ReviewItem::Blanks { first, section, .. }) => {
                go_to_finding(app, Some(&first), &section);
            }
            _ => {}
        },
        Action::Command(Command::Acknowledge) => {
            let Some(ReviewItem::Finding(i)) = selected_review_item(app) else {
                return error(app, tr::cannot_acknowledge_blank(lang).into());
            };
            let Some(f) = app.doc.as_ref().map(|d| d.outcome.findings[i].clone()) else {
                return;
            };
            if f.can_acknowledge() {
                app.dialog = Some(Dialog::Reason {
                    field: Field::new(f.acknowledged.as_deref().unwrap_or("")),
                    finding: Box::new(f),
                });
            } else {
                let text = match f.severity {
                    Severity::Error => tr::cannot_acknowledge_error(lang),
                    Severity::Hint => tr::hint_needs_nothing(lang),
                    Severity::Warning => tr::cannot_acknowledge_blank(lang),
                };
                error(app, text.into());
            }
        }
        Action::Command(Command::Unacknowledge) => {
            let Some(ReviewItem::Finding(i)) = selected_review_item(app) else {
                return;
            };
            let Some(f) = app.doc.as_ref().map(|d| d.outcome.findings[i].clone()) else {
                return;
            };
            if f.acknowledged.is_none() {
                return error(app, tr::not_acknowledged(lang).into());
            }
            change(app, None, move |d| {
                d.acknowledged.retain(|a| !a.answers(&f))
            });
            info(app, tr::unacknowledged(lang).into());
        }
        _ => {}
    }
}

/// A finding about the prose (a figure that contradicts the tables) is fixed where the words
/// stand: its section, with the caret at the start of the clause it quotes (the first, when the
/// same clause is written twice). False when the finding quotes nothing still in the text.
fn go_to_sentence(app: &mut App, f: &Finding) -> bool {
    let Some(quote) = f.quote() else { return false };
    let Some(doc) = &app.doc else { return false };
    let Some(at) = doc.draft.text(&f.section).find(quote) else {
        return false;
    };
    let template = doc.template;
    let Some(page) = app.pages.iter().position(|p| match p {
        Page::Section(i) => template.sections[*i].key == f.section,
        _ => false,
    }) else {
        return false;
    };
    go_to_page(app, page);
    let focus = app.prose.entry(f.section.clone()).or_default();
    focus.caret = at;
    focus.line_end = false;
    true
}

/// Goes to the cell, field or section a finding is about.
pub(super) fn go_to_finding(app: &mut App, cell: Option<&str>, section: &str) {
    let Some(doc) = &app.doc else { return };
    let template = doc.template;
    let page_of_section = |key: &str| {
        app.pages.iter().position(|p| match p {
            Page::Section(i) => template.sections[*i].key == key,
            Page::Meta => key == "report",
            _ => false,
        })
    };
    if let Some(key) = cell {
        if let Some(fee) = key.strip_prefix("fees.") {
            let fields = form_fields(template);
            let i = template.fees.iter().position(|f| f.key == fee);
            go_to_page(app, 0);
            if let Some(i) = i
                && let Some(n) = fields.iter().position(|f| *f == FormField::Fee(i))
            {
                focus_form_field(app, n);
            }
            return;
        }
        if let Some(c) = template.cell(key) {
            let table = c.table;
            if let Some(p) = page_of_section(&table.key) {
                go_to_page(app, p);
                let row = table.rows().position(|(_, r)| r.key == c.row.key);
                let col = c.block.columns.iter().position(|x| x.key == c.column.key);
                if let (Some(row), Some(col)) = (row, col) {
                    let f = app.tables.entry(table.key.clone()).or_default();
                    f.row = row;
                    f.col = col;
                }
            }
            return;
        }
        if let Some(p) = page_of_section(key) {
            return go_to_page(app, p);
        }
    }
    let target = section_of(section).to_string();
    if let Some(p) = page_of_section(&target) {
        go_to_page(app, p);
    }
}
