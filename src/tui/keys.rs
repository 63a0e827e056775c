//! The one key table. It decides what a key does where it is pressed, and the footer and the
//! help overlay are drawn from it, so the help shown is always the keys that work.
//!
//! Every command has a key that is not a function key: some SSH clients swallow F-keys.

use super::action::Command;
use super::action::Command as C;
use crate::i18n::tui::KeyHelp;
use crate::i18n::tui::KeyHelp as H;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a key is pressed: each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The list of drafts.
    Start,
    /// A table, moving between cells.
    Table,
    /// Typing into a table cell.
    Cell,
    /// A prose section.
    Prose,
    /// A prose section with last year's text beside it.
    ProseLast,
    /// The 基本信息 form.
    Form,
    /// 检查: the list of findings.
    Review,
    /// 导出.
    Export,
    /// A dialog with text fields (open file, a reason, last year's draft, a notice).
    Dialog,
    /// The 新建报告 dialog, from which 从上年报告新建 is one key away.
    NewReport,
    /// 打开文件: a path where Tab completes, over a list to pick from.
    OpenFile,
    /// A yes/no question.
    Confirm,
    /// Unrecovered work found on opening: 恢复 / 丢弃 / 查看差异.
    Recover,
    /// Another gongkai has the draft open.
    LockHeld,
    /// Saving found the draft changed by another program.
    ChangedOnDisk,
    /// Quitting unsaved while the recovery file cannot be written.
    QuitUnkept,
    /// The help overlay.
    Help,
    /// The window is too small to draw anything else.
    TooSmall,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn ctrl_key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

/// One line of the key table.
pub struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    pub contexts: &'static [Context],
    /// Its description, worded by `i18n::tui::key_help`.
    pub help: KeyHelp,
    /// Shown in the footer (the rest only in the help overlay).
    pub footer: bool,
}

use Context::*;

const EDITOR: &[Context] = &[Table, Cell, Prose, ProseLast, Form, Review, Export];
const MOVING: &[Context] = &[
    Start, Table, Cell, Prose, ProseLast, Form, Review, Export, Dialog, NewReport, OpenFile, Help,
    Recover,
];

/// Shown in the footer as well as in the help overlay.
const FOOTER: bool = true;
/// Shown only in the help overlay.
const HELP: bool = false;

const fn bind(
    keys: &'static [Key],
    command: Command,
    contexts: &'static [Context],
    help: KeyHelp,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        command,
        contexts,
        help,
        footer,
    }
}

/// The key table, in the order the help overlay lists it: one binding a line — keys, command,
/// where it works, what the help calls it, whether the footer shows it.
#[rustfmt::skip]
pub const KEYS: &[Binding] = &[
    bind(&[plain(KeyCode::F(1)), ctrl('g'), ch('?')], C::Help, &[Start, Table, Cell, Prose, ProseLast, Form, Review, Export, Dialog, NewReport, OpenFile, Confirm, Recover, LockHeld], H::Help, FOOTER),
    bind(&[plain(KeyCode::F(1)), ctrl('g'), ch('?'), plain(KeyCode::Esc), ch('q')], C::Cancel, &[Help], H::CloseHelp, FOOTER),
    bind(&[ctrl('s')], C::Save, EDITOR, H::Save, FOOTER),
    bind(&[ctrl('q'), ctrl('c')], C::Quit, &[Start, Table, Cell, Prose, ProseLast, Form, Review, Export, TooSmall], H::Quit, FOOTER),
    bind(&[ctrl('q'), ctrl('c')], C::Quit, &[Recover, LockHeld], H::Quit, FOOTER),
    bind(&[ch('q')], C::Quit, &[Start], H::Quit, HELP),
    bind(&[plain(KeyCode::Esc)], C::Cancel, &[Start], H::StartEsc, HELP),
    // Not in the one-field dialogs (a path, a reason, a notice): Tab does nothing there.
    bind(&[plain(KeyCode::Tab)], C::NextField, &[Table, Cell, Prose, ProseLast, Form, Review, Export, NewReport], H::NextField, FOOTER),
    bind(&[plain(KeyCode::Tab)], C::NextField, &[OpenFile], H::CompletePath, FOOTER),
    bind(&[plain(KeyCode::BackTab)], C::PrevField, &[Table, Cell, Prose, ProseLast, Form, Review, Export, NewReport], H::PrevField, HELP),
    bind(&[plain(KeyCode::PageDown), ctrl('n')], C::NextSection, EDITOR, H::NextSection, FOOTER),
    bind(&[plain(KeyCode::PageUp), ctrl('p')], C::PrevSection, EDITOR, H::PrevSection, HELP),
    bind(&[ctrl('f'), plain(KeyCode::F(3))], C::NextBlank, EDITOR, H::NextBlank, FOOTER),
    bind(&[ctrl('o')], C::FillZeros, &[Table, Cell], H::FillZeros, FOOTER),
    bind(&[plain(KeyCode::Enter)], C::Enter, &[Table], H::EditCell, FOOTER),
    bind(&[plain(KeyCode::Enter)], C::Enter, &[Cell], H::ConfirmCell, FOOTER),
    bind(&[plain(KeyCode::Esc)], C::Cancel, &[Cell], H::CancelCell, FOOTER),
    bind(&[plain(KeyCode::Delete)], C::Delete, &[Table], H::BlankCell, HELP),
    bind(&[ch('i')], C::ImportLedger, &[Table], H::ImportLedger, FOOTER),
    bind(&[ch('u')], C::CycleUnit, &[Table], H::CycleUnit, HELP),
    bind(&[plain(KeyCode::Enter)], C::Newline, &[Prose, ProseLast], H::Newline, HELP),
    bind(&[ctrl('e')], C::ExternalEditor, &[Prose, ProseLast], H::ExternalEditor, FOOTER),
    bind(&[ctrl('l')], C::LastText, &[Prose], H::LastText, FOOTER),
    bind(&[ctrl('l')], C::LastText, &[ProseLast], H::HideLastText, FOOTER),
    bind(&[ctrl('d')], C::LastTextDown, &[ProseLast], H::LastTextDown, FOOTER),
    bind(&[ctrl('u')], C::LastTextUp, &[ProseLast], H::LastTextUp, HELP),
    bind(&[ctrl('t')], C::InsertOutline, &[Prose, ProseLast], H::InsertOutline, HELP),
    bind(&[plain(KeyCode::Enter)], C::Enter, &[Form], H::NextField, HELP),
    bind(&[ch(' ')], C::Toggle, &[Export], H::Toggle, HELP),
    bind(&[plain(KeyCode::Enter)], C::Enter, &[Review], H::GoToFinding, FOOTER),
    bind(&[ch('a')], C::Acknowledge, &[Review], H::Acknowledge, FOOTER),
    bind(&[ch('x')], C::Unacknowledge, &[Review], H::Unacknowledge, FOOTER),
    bind(&[plain(KeyCode::Enter)], C::Enter, &[Export], H::Export, FOOTER),
    bind(&[plain(KeyCode::Enter)], C::Enter, &[Start], H::Open, FOOTER),
    bind(&[ch('n'), ctrl('n')], C::NewReport, &[Start], H::NewReport, FOOTER),
    bind(&[ch('l'), ctrl('l')], C::FromLastYear, &[Start], H::FromLastYear, FOOTER),
    bind(&[ctrl('l')], C::FromLastYear, &[NewReport], H::FromLastYear, FOOTER),
    bind(&[ch('o'), ctrl('o')], C::OpenFile, &[Start], H::OpenFile, FOOTER),
    bind(&[ctrl('o')], C::OpenFile, &[NewReport], H::OpenExisting, HELP),
    bind(&[plain(KeyCode::Enter)], C::Enter, &[Dialog, NewReport, OpenFile], H::Confirm, FOOTER),
    bind(&[plain(KeyCode::Esc)], C::Cancel, &[Dialog, NewReport, OpenFile], H::Cancel, FOOTER),
    bind(&[ch('y'), plain(KeyCode::Enter)], C::Yes, &[Confirm], H::Yes, FOOTER),
    bind(&[ch('n')], C::No, &[Confirm], H::No, FOOTER),
    bind(&[plain(KeyCode::Esc)], C::Cancel, &[Confirm], H::Cancel, FOOTER),
    bind(&[ch('y'), plain(KeyCode::Enter)], C::Yes, &[QuitUnkept], H::SaveAndQuit, FOOTER),
    bind(&[ch('D')], C::Discard, &[QuitUnkept], H::GiveUpChanges, FOOTER),
    bind(&[plain(KeyCode::Esc)], C::Cancel, &[QuitUnkept], H::Back, FOOTER),
    bind(&[ch('k')], C::Yes, &[ChangedOnDisk], H::KeepMine, FOOTER),
    bind(&[ch('t')], C::No, &[ChangedOnDisk], H::TakeTheirs, FOOTER),
    bind(&[ch('s')], C::SaveCopy, &[ChangedOnDisk], H::SaveCopy, FOOTER),
    bind(&[plain(KeyCode::Esc)], C::Cancel, &[ChangedOnDisk], H::NotNow, FOOTER),
    bind(&[ch('r'), plain(KeyCode::Enter)], C::Restore, &[Recover], H::Restore, FOOTER),
    bind(&[ch('d')], C::Discard, &[Recover], H::Discard, FOOTER),
    bind(&[ch('v')], C::ShowDifferences, &[Recover], H::ShowDifferences, FOOTER),
    bind(&[ch('y')], C::Yes, &[Recover], H::Yes, HELP),
    bind(&[ch('n')], C::No, &[Recover], H::No, HELP),
    bind(&[plain(KeyCode::Esc)], C::Cancel, &[Recover], H::Back, HELP),
    bind(&[plain(KeyCode::PageDown)], C::NextSection, &[Recover], H::PageDown, HELP),
    bind(&[plain(KeyCode::PageUp)], C::PrevSection, &[Recover], H::PageUp, HELP),
    bind(&[ch('r'), plain(KeyCode::Enter)], C::ViewReadOnly, &[LockHeld], H::ViewReadOnly, FOOTER),
    bind(&[plain(KeyCode::Esc), ch('q')], C::Cancel, &[LockHeld], H::Back, FOOTER),
    bind(&[ctrl('z')], C::Undo, EDITOR, H::Undo, FOOTER),
    bind(&[ctrl('y')], C::Redo, EDITOR, H::Redo, HELP),
    bind(&[plain(KeyCode::Up), ctrl('k')], C::Up, MOVING, H::Up, HELP),
    bind(&[plain(KeyCode::Down), ctrl('j')], C::Down, MOVING, H::Down, HELP),
    bind(&[plain(KeyCode::Left)], C::Left, MOVING, H::Left, HELP),
    bind(&[plain(KeyCode::Right)], C::Right, MOVING, H::Right, HELP),
    bind(&[plain(KeyCode::Home), ctrl('a')], C::Home, &[Cell, Prose, ProseLast, Form, Dialog, NewReport, OpenFile, Table, Review, Export], H::Home, HELP),
    // Ctrl-E is the external editor in a prose section; in a one-line field it is the end.
    bind(&[plain(KeyCode::End), ctrl('e')], C::End, &[Cell, Form, Dialog, NewReport, OpenFile, Export], H::End, HELP),
    bind(&[plain(KeyCode::End)], C::End, &[Prose, ProseLast, Table, Review], H::End, HELP),
    bind(&[ctrl_key(KeyCode::Home)], C::TextStart, &[Prose, ProseLast], H::TextStart, HELP),
    bind(&[ctrl_key(KeyCode::End)], C::TextEnd, &[Prose, ProseLast], H::TextEnd, HELP),
    bind(&[plain(KeyCode::Backspace)], C::Backspace, &[Table, Cell, Prose, ProseLast, Form, Dialog, NewReport, OpenFile, Export], H::Backspace, HELP),
    bind(&[plain(KeyCode::Delete)], C::Delete, &[Cell, Prose, ProseLast, Form, Dialog, NewReport, OpenFile, Export], H::Delete, HELP),
];

/// Makes a key comparable with the table: Shift is part of the character typed, not a modifier.
pub fn normalize(event: &KeyEvent) -> Key {
    let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match event.code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        KeyCode::BackTab => {
            mods = KeyModifiers::NONE;
            KeyCode::BackTab
        }
        other => other,
    };
    Key { code, mods }
}

/// The binding a key has in a context, if any.
pub fn lookup(context: Context, key: Key) -> Option<&'static Binding> {
    // A plain character in a field where text is typed is text, unless bound there.
    KEYS.iter()
        .find(|b| b.contexts.contains(&context) && b.keys.contains(&key))
        .filter(|_| !(is_typing(context) && is_text(key)))
}

/// A character typed without Ctrl or Alt.
pub fn is_text(key: Key) -> bool {
    matches!(key.code, KeyCode::Char(_)) && key.mods.is_empty()
}

/// Whether plain characters are text here.
pub fn is_typing(context: Context) -> bool {
    matches!(
        context,
        Cell | Prose | ProseLast | Form | Dialog | NewReport | OpenFile
    )
}

/// The bindings of a context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYS.iter().filter(move |b| b.contexts.contains(&context))
}

/// How a key is written in the footer and the help: `Ctrl-S`, `F1`, `PgDn`.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if key.mods.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        _ => "?".into(),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        normalize(&KeyEvent::new(code, mods))
    }

    #[test]
    fn every_command_has_a_key_that_is_not_a_function_key() {
        for b in KEYS {
            assert!(
                b.keys.iter().any(|k| !matches!(k.code, KeyCode::F(_))),
                "{:?} only has function keys",
                b.command
            );
        }
    }

    #[test]
    fn question_mark_is_text_in_prose_but_help_in_a_table() {
        let q = key(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Table, q).map(|b| b.command), Some(Command::Help));
        assert!(lookup(Prose, q).is_none());
        assert!(lookup(Cell, q).is_none());
    }

    #[test]
    fn ctrl_keys_work_whatever_the_case() {
        let s = key(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(lookup(Prose, s).map(|b| b.command), Some(Command::Save));
    }

    #[test]
    fn ctrl_home_and_ctrl_end_are_the_whole_text_and_home_end_the_line() {
        let k = |code| key(code, KeyModifiers::CONTROL);
        assert_eq!(
            lookup(Prose, k(KeyCode::Home)).map(|b| b.command),
            Some(Command::TextStart)
        );
        assert_eq!(
            lookup(ProseLast, k(KeyCode::End)).map(|b| b.command),
            Some(Command::TextEnd)
        );
        let plain_end = key(KeyCode::End, KeyModifiers::NONE);
        assert_eq!(
            lookup(Prose, plain_end).map(|b| b.command),
            Some(Command::End)
        );
        assert_eq!(key_name(&k(KeyCode::Home)), "Ctrl-Home");
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for ctx in [
            Start,
            Table,
            Cell,
            Prose,
            ProseLast,
            Form,
            Review,
            Export,
            Dialog,
            NewReport,
            OpenFile,
            Confirm,
            Recover,
            LockHeld,
            ChangedOnDisk,
            QuitUnkept,
            Help,
            TooSmall,
        ] {
            let mut seen: Vec<Key> = Vec::new();
            for b in bindings(ctx) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{ctx:?}: {} bound twice", key_name(k));
                    seen.push(*k);
                }
            }
        }
    }
}
