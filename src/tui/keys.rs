//! The one key table. It decides what a key does where it is pressed, and the footer and the
//! help overlay are drawn from it, so the help shown is always the keys that work.
//!
//! Every command has a key that is not a function key: some SSH clients swallow F-keys.

use super::action::Command;
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
    /// The id of its description in `i18n::tui::key_help`.
    pub help: &'static str,
    /// Shown in the footer (the rest only in the help overlay).
    pub footer: bool,
}

use Context::*;

const EDITOR: &[Context] = &[Table, Cell, Prose, ProseLast, Form, Review, Export];
const MOVING: &[Context] = &[
    Start, Table, Cell, Prose, ProseLast, Form, Review, Export, Dialog, NewReport, OpenFile, Help,
    Recover,
];

/// The key table, in the order the help overlay lists it.
pub const KEYS: &[Binding] = &[
    Binding {
        keys: &[plain(KeyCode::F(1)), ctrl('g'), ch('?')],
        command: Command::Help,
        contexts: &[
            Start, Table, Cell, Prose, ProseLast, Form, Review, Export, Dialog, NewReport,
            OpenFile, Confirm, Recover, LockHeld,
        ],
        help: "help",
        footer: true,
    },
    Binding {
        keys: &[
            plain(KeyCode::F(1)),
            ctrl('g'),
            ch('?'),
            plain(KeyCode::Esc),
            ch('q'),
        ],
        command: Command::Cancel,
        contexts: &[Help],
        help: "close_help",
        footer: true,
    },
    Binding {
        keys: &[ctrl('s')],
        command: Command::Save,
        contexts: EDITOR,
        help: "save",
        footer: true,
    },
    Binding {
        keys: &[ctrl('q'), ctrl('c')],
        command: Command::Quit,
        contexts: &[
            Start, Table, Cell, Prose, ProseLast, Form, Review, Export, TooSmall,
        ],
        help: "quit",
        footer: true,
    },
    Binding {
        keys: &[ctrl('q'), ctrl('c')],
        command: Command::Quit,
        contexts: &[Recover, LockHeld],
        help: "quit",
        footer: true,
    },
    Binding {
        keys: &[ch('q')],
        command: Command::Quit,
        contexts: &[Start],
        help: "quit",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        command: Command::Cancel,
        contexts: &[Start],
        help: "start_esc",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Tab)],
        command: Command::NextField,
        // Not in the one-field dialogs (a path, a reason, a notice): Tab does nothing there.
        contexts: &[
            Table, Cell, Prose, ProseLast, Form, Review, Export, NewReport,
        ],
        help: "next_field",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Tab)],
        command: Command::NextField,
        contexts: &[OpenFile],
        help: "complete_path",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::BackTab)],
        command: Command::PrevField,
        contexts: &[
            Table, Cell, Prose, ProseLast, Form, Review, Export, NewReport,
        ],
        help: "prev_field",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ctrl('n')],
        command: Command::NextSection,
        contexts: EDITOR,
        help: "next_section",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::PageUp), ctrl('p')],
        command: Command::PrevSection,
        contexts: EDITOR,
        help: "prev_section",
        footer: false,
    },
    Binding {
        keys: &[ctrl('f'), plain(KeyCode::F(3))],
        command: Command::NextBlank,
        contexts: EDITOR,
        help: "next_blank",
        footer: true,
    },
    Binding {
        keys: &[ctrl('o')],
        command: Command::FillZeros,
        contexts: &[Table, Cell],
        help: "fill_zeros",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Enter,
        contexts: &[Table],
        help: "edit_cell",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Enter,
        contexts: &[Cell],
        help: "confirm_cell",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        command: Command::Cancel,
        contexts: &[Cell],
        help: "cancel_cell",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Delete)],
        command: Command::Delete,
        contexts: &[Table],
        help: "blank_cell",
        footer: false,
    },
    Binding {
        keys: &[ch('i')],
        command: Command::ImportLedger,
        contexts: &[Table],
        help: "import_ledger",
        footer: true,
    },
    Binding {
        keys: &[ch('u')],
        command: Command::CycleUnit,
        contexts: &[Table],
        help: "cycle_unit",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Newline,
        contexts: &[Prose, ProseLast],
        help: "newline",
        footer: false,
    },
    Binding {
        keys: &[ctrl('e')],
        command: Command::ExternalEditor,
        contexts: &[Prose, ProseLast],
        help: "external_editor",
        footer: true,
    },
    Binding {
        keys: &[ctrl('l')],
        command: Command::LastText,
        contexts: &[Prose],
        help: "last_text",
        footer: true,
    },
    Binding {
        keys: &[ctrl('l')],
        command: Command::LastText,
        contexts: &[ProseLast],
        help: "hide_last_text",
        footer: true,
    },
    Binding {
        keys: &[ctrl('d')],
        command: Command::LastTextDown,
        contexts: &[ProseLast],
        help: "last_text_down",
        footer: true,
    },
    Binding {
        keys: &[ctrl('u')],
        command: Command::LastTextUp,
        contexts: &[ProseLast],
        help: "last_text_up",
        footer: false,
    },
    Binding {
        keys: &[ctrl('t')],
        command: Command::InsertOutline,
        contexts: &[Prose, ProseLast],
        help: "insert_outline",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Enter,
        contexts: &[Form],
        help: "next_field",
        footer: false,
    },
    Binding {
        keys: &[ch(' ')],
        command: Command::Toggle,
        contexts: &[Export],
        help: "toggle",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Enter,
        contexts: &[Review],
        help: "go_to_finding",
        footer: true,
    },
    Binding {
        keys: &[ch('a')],
        command: Command::Acknowledge,
        contexts: &[Review],
        help: "acknowledge",
        footer: true,
    },
    Binding {
        keys: &[ch('x')],
        command: Command::Unacknowledge,
        contexts: &[Review],
        help: "unacknowledge",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Enter,
        contexts: &[Export],
        help: "export",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Enter,
        contexts: &[Start],
        help: "open",
        footer: true,
    },
    Binding {
        keys: &[ch('n'), ctrl('n')],
        command: Command::NewReport,
        contexts: &[Start],
        help: "new_report",
        footer: true,
    },
    Binding {
        keys: &[ch('l'), ctrl('l')],
        command: Command::FromLastYear,
        contexts: &[Start],
        help: "from_last_year",
        footer: true,
    },
    Binding {
        keys: &[ctrl('l')],
        command: Command::FromLastYear,
        contexts: &[NewReport],
        help: "from_last_year",
        footer: true,
    },
    Binding {
        keys: &[ch('o'), ctrl('o')],
        command: Command::OpenFile,
        contexts: &[Start],
        help: "open_file",
        footer: true,
    },
    Binding {
        keys: &[ctrl('o')],
        command: Command::OpenFile,
        contexts: &[NewReport],
        help: "open_existing",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        command: Command::Enter,
        contexts: &[Dialog, NewReport, OpenFile],
        help: "confirm",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        command: Command::Cancel,
        contexts: &[Dialog, NewReport, OpenFile],
        help: "cancel",
        footer: true,
    },
    Binding {
        keys: &[ch('y'), plain(KeyCode::Enter)],
        command: Command::Yes,
        contexts: &[Confirm],
        help: "yes",
        footer: true,
    },
    Binding {
        keys: &[ch('n')],
        command: Command::No,
        contexts: &[Confirm],
        help: "no",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        command: Command::Cancel,
        contexts: &[Confirm],
        help: "cancel",
        footer: true,
    },
    Binding {
        keys: &[ch('y'), plain(KeyCode::Enter)],
        command: Command::Yes,
        contexts: &[QuitUnkept],
        help: "save_and_quit",
        footer: true,
    },
    Binding {
        keys: &[ch('D')],
        command: Command::Discard,
        contexts: &[QuitUnkept],
        help: "give_up_changes",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        command: Command::Cancel,
        contexts: &[QuitUnkept],
        help: "back",
        footer: true,
    },
    Binding {
        keys: &[ch('k')],
        command: Command::Yes,
        contexts: &[ChangedOnDisk],
        help: "keep_mine",
        footer: true,
    },
    Binding {
        keys: &[ch('t')],
        command: Command::No,
        contexts: &[ChangedOnDisk],
        help: "take_theirs",
        footer: true,
    },
    Binding {
        keys: &[ch('s')],
        command: Command::SaveCopy,
        contexts: &[ChangedOnDisk],
        help: "save_copy",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        command: Command::Cancel,
        contexts: &[ChangedOnDisk],
        help: "not_now",
        footer: true,
    },
    Binding {
        keys: &[ch('r'), plain(KeyCode::Enter)],
        command: Command::Restore,
        contexts: &[Recover],
        help: "restore",
        footer: true,
    },
    Binding {
        keys: &[ch('d')],
        command: Command::Discard,
        contexts: &[Recover],
        help: "discard",
        footer: true,
    },
    Binding {
        keys: &[ch('v')],
        command: Command::ShowDifferences,
        contexts: &[Recover],
        help: "show_differences",
        footer: true,
    },
    Binding {
        keys: &[ch('y')],
        command: Command::Yes,
        contexts: &[Recover],
        help: "yes",
        footer: false,
    },
    Binding {
        keys: &[ch('n')],
        command: Command::No,
        contexts: &[Recover],
        help: "no",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        command: Command::Cancel,
        contexts: &[Recover],
        help: "back",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::PageDown)],
        command: Command::NextSection,
        contexts: &[Recover],
        help: "page_down",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::PageUp)],
        command: Command::PrevSection,
        contexts: &[Recover],
        help: "page_up",
        footer: false,
    },
    Binding {
        keys: &[ch('r'), plain(KeyCode::Enter)],
        command: Command::ViewReadOnly,
        contexts: &[LockHeld],
        help: "view_read_only",
        footer: true,
    },
    Binding {
        keys: &[plain(KeyCode::Esc), ch('q')],
        command: Command::Cancel,
        contexts: &[LockHeld],
        help: "back",
        footer: true,
    },
    Binding {
        keys: &[ctrl('z')],
        command: Command::Undo,
        contexts: EDITOR,
        help: "undo",
        footer: true,
    },
    Binding {
        keys: &[ctrl('y')],
        command: Command::Redo,
        contexts: EDITOR,
        help: "redo",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Up), ctrl('k')],
        command: Command::Up,
        contexts: MOVING,
        help: "up",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Down), ctrl('j')],
        command: Command::Down,
        contexts: MOVING,
        help: "down",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Left)],
        command: Command::Left,
        contexts: MOVING,
        help: "left",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Right)],
        command: Command::Right,
        contexts: MOVING,
        help: "right",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Home), ctrl('a')],
        command: Command::Home,
        contexts: &[
            Cell, Prose, ProseLast, Form, Dialog, NewReport, OpenFile, Table, Review, Export,
        ],
        help: "home",
        footer: false,
    },
    // Ctrl-E is the external editor in a prose section; in a one-line field it is the end.
    Binding {
        keys: &[plain(KeyCode::End), ctrl('e')],
        command: Command::End,
        contexts: &[Cell, Form, Dialog, NewReport, OpenFile, Export],
        help: "end",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::End)],
        command: Command::End,
        contexts: &[Prose, ProseLast, Table, Review],
        help: "end",
        footer: false,
    },
    Binding {
        keys: &[ctrl_key(KeyCode::Home)],
        command: Command::TextStart,
        contexts: &[Prose, ProseLast],
        help: "text_start",
        footer: false,
    },
    Binding {
        keys: &[ctrl_key(KeyCode::End)],
        command: Command::TextEnd,
        contexts: &[Prose, ProseLast],
        help: "text_end",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Backspace)],
        command: Command::Backspace,
        contexts: &[
            Table, Cell, Prose, ProseLast, Form, Dialog, NewReport, OpenFile,
        ],
        help: "backspace",
        footer: false,
    },
    Binding {
        keys: &[plain(KeyCode::Delete)],
        command: Command::Delete,
        contexts: &[Cell, Prose, ProseLast, Form, Dialog, NewReport, OpenFile],
        help: "delete",
        footer: false,
    },
    Binding {
        keys: &[ch(' ')],
        command: Command::Toggle,
        contexts: &[Form],
        help: "toggle_kind",
        footer: false,
    },
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
            Start, Table, Cell, Prose, ProseLast, Form, Review, Export, Dialog, NewReport,
            OpenFile, Confirm, Help, Recover, LockHeld,
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
