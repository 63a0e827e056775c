//! Moving about the editor as keys would, shared by the editor's tests: a command pressed, a
//! section reached, the last cell of a table, and effects carried out as the runtime would.

use gongkai::tui::action::{Action, Command, Effect};
use gongkai::tui::app::{App, Page};
use gongkai::tui::runtime;
use gongkai::tui::update::update;

pub fn press(app: &mut App, cmd: Command) -> Vec<Effect> {
    update(app, Action::Command(cmd))
}

/// Presses 下一节 until the page of the section `key` is shown.
pub fn go_to_section(app: &mut App, key: &str) {
    let i = app
        .doc
        .as_ref()
        .unwrap()
        .template
        .sections
        .iter()
        .position(|s| s.key == key)
        .unwrap();
    while app.current_page() != Some(Page::Section(i)) {
        press(app, Command::NextSection);
    }
}

/// Puts the cursor on the last input cell of a table.
pub fn to_last_cell(app: &mut App, table_key: &str) {
    let doc = app.doc.as_ref().unwrap();
    let table = doc.template.table(table_key).unwrap();
    let (row, col) = *gongkai::tui::update::input_positions(table).last().unwrap();
    let f = app.tables.get_mut(table_key).unwrap();
    f.row = row;
    f.col = col;
}

/// Carries out the effects as the runtime would, feeding the results back.
pub fn run_effects(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if let Some(action) = runtime::perform(app, &effect) {
            let more = update(app, action);
            run_effects(app, more);
        }
    }
}
