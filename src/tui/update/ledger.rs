//! 从台账导入 in table 三: the ledger's path, then a preview of every cell it would change (or
//! every row it cannot read), then the change, made through the editor's one change-and-undo
//! point so Ctrl-Z takes it all back. Counting and applying are `crate::ledger`'s, as for
//! `gongkai ledger --into`.

use super::{
    Action, App, Command, Dialog, Effect, Field, Number, Table, change, edit_field, expand_home,
    info,
};
use crate::i18n::ledger::editor as words;
use crate::ledger::vocabulary::Vocabulary;
use crate::tui::app::LedgerPreview;

/// Whether `table` is the one a ledger fills (table 三).
pub fn is_ledger_table(table: &Table) -> bool {
    table.key == Vocabulary::get().rows.table
}

/// `i`: asks for the ledger, offering the one the draft came from.
pub(super) fn open_ledger_dialog(app: &mut App, table: &'static Table) {
    if !is_ledger_table(table) {
        return info(app, words::only_in_requests(app.lang).into());
    }
    let Some(doc) = &app.doc else { return };
    let offered = doc
        .draft
        .ledger
        .as_ref()
        .map(|l| {
            crate::ledger::source_path(&doc.path, &l.file)
                .display()
                .to_string()
        })
        .unwrap_or_default();
    app.dialog = Some(Dialog::Ledger {
        path: Field::new(&offered),
        preview: None,
        problems: Vec::new(),
        scroll: 0,
    });
}

/// Keys in the ledger dialog. Returns whether the dialog stays open.
pub(super) fn ledger_dialog(
    app: &mut App,
    path: &mut Field,
    preview: &mut Option<Box<LedgerPreview>>,
    problems: &mut Vec<String>,
    scroll: &mut usize,
    input: Action,
    effects: &mut Vec<Effect>,
) -> bool {
    match input {
        Action::Command(Command::Cancel) => false,
        Action::Command(Command::Enter) => match preview.take() {
            Some(p) => {
                apply_preview(app, *p);
                false
            }
            None => {
                let typed = path.text.trim();
                if typed.is_empty() {
                    *problems = vec![words::path_needed(app.lang).into()];
                } else {
                    effects.push(Effect::ReadLedger(expand_home(typed)));
                }
                true
            }
        },
        Action::Command(Command::Down) => {
            *scroll += 1;
            true
        }
        Action::Command(Command::Up) => {
            *scroll = scroll.saturating_sub(1);
            true
        }
        other => {
            // Changing the path drops what was read from the old one.
            let before = path.text.clone();
            edit_field(path, other);
            if path.text != before {
                *preview = None;
                problems.clear();
                *scroll = 0;
            }
            true
        }
    }
}

/// The runtime has read the ledger: the preview, or the reasons it cannot be counted.
pub(super) fn ledger_read(
    app: &mut App,
    path: std::path::PathBuf,
    result: Result<Vec<(String, Number)>, crate::ledger::LedgerError>,
) {
    let lang = app.lang;
    let Some(doc) = &app.doc else { return };
    let outcome = result.map(|values| {
        let changes = crate::ledger::changes_to(&doc.draft, &values);
        Box::new(LedgerPreview {
            path,
            values,
            changes,
        })
    });
    if let Some(Dialog::Ledger {
        preview,
        problems,
        scroll,
        ..
    }) = &mut app.dialog
    {
        *scroll = 0;
        match outcome {
            Ok(p) => {
                *preview = Some(p);
                problems.clear();
            }
            Err(e) => {
                *preview = None;
                *problems = crate::i18n::ledger::ledger_error(lang, &e);
            }
        }
    }
}

/// Enter on the preview: every figure in one change, the ledger recorded in the draft.
fn apply_preview(app: &mut App, preview: LedgerPreview) {
    let lang = app.lang;
    let today = app.today;
    let Some(doc) = &mut app.doc else { return };
    // The editor reads the sheet a ledger's year names (or the first), as `recount` does.
    let source = crate::report::LedgerSource {
        file: crate::ledger::reference(&doc.path, &preview.path),
        sheet: None,
    };
    let n = preview.changes.len();
    doc.history.seal();
    doc.ledger = Some(crate::check::LedgerNow::Counted(preview.values.clone()));
    let values = preview.values;
    change(app, None, move |d| {
        crate::ledger::apply_values(d, &values, source);
    });
    if let Some(doc) = &mut app.doc {
        // The ledger now stands for what was imported, even when nothing changed.
        doc.recheck(today);
    }
    info(
        app,
        if n == 0 {
            words::unchanged(lang).into()
        } else {
            words::applied(lang, n)
        },
    );
}
