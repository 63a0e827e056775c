//! What one keystroke costs the terminal: a digit typed in table 三 repaints only what changed.

use crate::common::screen::{Count, counting_terminal, on_table_three};
use gongkai::tui::action::{Action, Command};
use gongkai::tui::update::update;
use gongkai::tui::view::view;

#[test]
fn one_digit_sends_under_two_kilobytes_and_a_page_change_repaints() {
    let (mut app, _dir) = on_table_three(160, 48);
    let count = Count::default();
    let mut terminal = counting_terminal(&count, 160, 48);
    terminal.draw(|f| view(&app, f)).unwrap();
    let first = count.take();
    update(&mut app, Action::Char('5'));
    terminal.draw(|f| view(&app, f)).unwrap();
    let digit = count.take();
    assert!(digit < 2048, "one digit wrote {digit} bytes");
    assert!(
        digit * 4 < first,
        "a digit ({digit}) is far less than a frame ({first})"
    );
    update(&mut app, Action::Command(Command::Enter));
    update(&mut app, Action::Command(Command::NextSection));
    terminal.draw(|f| view(&app, f)).unwrap();
    let page = count.take();
    assert!(page > digit, "a page change repaints much more ({page})");
}
