//! The full-screen editor: the only part of gongkai that knows ratatui and crossterm.
//!
//! The editor is one state (`app::App`), changed only by `update::update` applying an
//! `action::Action`, and drawn by `view::view`, which changes nothing. Keys become actions
//! through the one key table in `keys`, which also writes the footer and the help overlay.
//! Effects (save, export, open a file, run `$EDITOR`) are carried out by `runtime` and by
//! [`run`], and come back as actions.
//!
//! Modules: `app` (state), `action` (actions, effects), `keys` (the key table), `update`,
//! `view` (one module per screen), `layout` (where things go, for drawing and for clicks),
//! `text` (editing and wrapping by display width), `history` (undo), `theme`, `runtime`,
//! `exporter` (the door to the export module).

pub mod action;
pub mod app;
pub mod backend;
pub mod exporter;
pub mod history;
pub mod keys;
pub mod layout;
pub mod runtime;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;

use action::{Action, Effect, Mouse};
use app::{App, Look};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io::{self, Stdout};
use std::path::PathBuf;

/// How the editor is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// `gongkai edit FILE`; `None` opens the start screen.
    pub file: Option<PathBuf>,
    pub lang: crate::i18n::Lang,
    pub ascii: bool,
    pub today: Option<jiff::civil::Date>,
}

/// Whether `NO_COLOR` asks for no colour.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The editor before its first frame: the start screen, or the draft of `edit FILE`, or (when
/// that file does not exist) the 新建报告 form for it. A file that cannot be read is an error
/// returned before the screen is touched.
pub fn prepare(options: &Options, width: u16, height: u16) -> Result<App, String> {
    let look = Look {
        ascii: options.ascii,
        color: !no_color(),
    };
    let mut app = App::new(options.lang, look, width, height);
    app.today = options.today;
    match &options.file {
        Some(path) if path.exists() => {
            let doc = runtime::open(path, app.today, &app.drafts_dir, app.lang)?;
            update::update(&mut app, Action::Opened(Ok(doc)));
        }
        Some(path) => {
            if let Some(a) = runtime::perform(&app, &Effect::List) {
                update::update(&mut app, a);
            }
            app.dialog = Some(update::new_report_dialog(&app, Some(path.clone())));
        }
        None => {
            if let Some(a) = runtime::perform(&app, &Effect::List) {
                update::update(&mut app, a);
            }
        }
    }
    Ok(app)
}

/// Turns a terminal event into an action, through the key table.
pub fn translate(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let key = keys::normalize(&k);
            let context = app.context();
            if let Some(b) = keys::lookup(context, key) {
                return Some(Action::Command(b.command));
            }
            match key.code {
                crossterm::event::KeyCode::Char(c) if keys::is_text(key) => Some(Action::Char(c)),
                _ => None,
            }
        }
        Event::Paste(s) => Some(Action::Paste(s)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => {
            let (x, y) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(Action::Mouse(Mouse::Click { x, y }))
                }
                MouseEventKind::ScrollUp => Some(Action::Mouse(Mouse::ScrollUp { x, y })),
                MouseEventKind::ScrollDown => Some(Action::Mouse(Mouse::ScrollDown { x, y })),
                _ => None,
            }
        }
        _ => None,
    }
}

fn enter_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )
}

/// Gives the terminal back as it was: on exit, on error and on panic.
fn leave_terminal() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Runs the editor until the officer quits.
pub fn run(options: Options) -> Result<(), String> {
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = prepare(&options, width, height)?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
        hook(info);
    }));
    enter_terminal().map_err(|e| e.to_string())?;
    let result = (|| -> io::Result<()> {
        let mut terminal = Terminal::new(backend::Screen::new(io::stdout()))?;
        terminal.clear()?;
        event_loop(&mut terminal, &mut app)
    })();
    leave_terminal();
    result.map_err(|e| e.to_string())
}

fn event_loop(terminal: &mut Terminal<backend::Screen<Stdout>>, app: &mut App) -> io::Result<()> {
    while !app.quit {
        let size = terminal.size()?;
        if (size.width, size.height) != (app.width, app.height) {
            update::update(app, Action::Resize(size.width, size.height));
        }
        terminal.draw(|f| view::view(app, f))?;
        let event = event::read()?;
        let Some(action) = translate(app, event) else {
            continue;
        };
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            for effect in update::update(app, action) {
                match effect {
                    Effect::Quit => app.quit = true,
                    Effect::ExternalEditor { section, text } => {
                        queue.push(external_editor(terminal, app.lang, section, &text)?);
                    }
                    other => {
                        if matches!(
                            other,
                            Effect::Open(_) | Effect::Create { .. } | Effect::CreateFromLast { .. }
                        ) {
                            // A screen change repaints everything.
                            terminal.clear()?;
                        }
                        if let Some(a) = runtime::perform(app, &other) {
                            queue.push(a);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Hands a section's text to `$VISUAL` / `$EDITOR`, with the terminal given back meanwhile.
fn external_editor<B: Backend>(
    terminal: &mut Terminal<B>,
    lang: crate::i18n::Lang,
    section: String,
    text: &str,
) -> io::Result<Action> {
    let Some(editor) = runtime::editor_command() else {
        return Ok(Action::EditorDone {
            section,
            result: Err(crate::i18n::tui::no_editor(lang)),
        });
    };
    let file = runtime::editor_file(&section);
    if let Err(e) = std::fs::write(&file, text) {
        return Ok(Action::EditorDone {
            section,
            result: Err(e.to_string()),
        });
    }
    leave_terminal();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&file)
        .status();
    enter_terminal()?;
    terminal
        .clear()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&file).map_err(|e| e.to_string()),
        Ok(s) => Err(s.to_string()),
        Err(e) => Err(e.to_string()),
    };
    let _ = std::fs::remove_file(&file);
    Ok(Action::EditorDone { section, result })
}
