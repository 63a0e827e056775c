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
//! `exporter` (the door to the export module), `autosave` (recovery files while editing).
//!
//! The event loop waits for input at most a fifth of a second, so autosave and checks put off
//! while typing are seen promptly; a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) wakes it at once. However the editor
//! ends — quit, signal, a lost terminal, a panic — unsaved work is written to the recovery file
//! before the terminal is restored.

pub mod action;
pub mod app;
pub mod autosave;
pub mod backend;
pub mod exporter;
pub mod history;
pub mod input;
pub mod keys;
pub mod layout;
pub mod runtime;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;

use crate::report::IoFault;
use action::{Action, EditorFailed, Effect, Mouse};
use app::{App, Look};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::time::{Duration, Instant};

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

/// The editor before its first frame: the start screen, or the draft (or published report) of
/// `edit FILE`, or the offer of a readable copy of it, or (when that file does not exist) the
/// 新建报告 form for it. A file that cannot be read, with no copy to offer, is an error returned
/// before the screen is touched.
pub fn prepare(options: &Options, width: u16, height: u16) -> Result<App, String> {
    let look = Look {
        ascii: options.ascii,
        color: !no_color(),
    };
    let mut app = App::new(options.lang, look, width, height);
    app.today = options.today;
    match &options.file {
        // As 打开文件 opens it: a published report is imported, an unreadable draft with a
        // readable `.bak` or recovery file offers it.
        Some(path) if path.exists() => match runtime::perform(&app, &Effect::Open(path.clone())) {
            Some(Action::Opened(Err(e)) | Action::ImportedOpened(Err(e))) => {
                return Err(crate::i18n::tui::open_failed(app.lang, &e));
            }
            Some(offer @ Action::Unreadable(_)) => {
                // Behind the offer, the start screen its Esc leads back to.
                if let Some(a) = runtime::perform(&app, &Effect::List) {
                    update::update(&mut app, a);
                }
                update::update(&mut app, offer);
            }
            Some(opened) => {
                update::update(&mut app, opened);
            }
            None => {}
        },
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
            // In 导出's path field a plain character is text too, though the page binds `?`.
            let typing_path = context == keys::Context::Export && app.export.field == 2;
            let bound = keys::lookup(context, key).filter(|_| !(typing_path && keys::is_text(key)));
            if let Some(b) = bound {
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

/// Whether the editor has the terminal (raw mode, alternate screen).
static IN_TERMINAL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn enter_terminal() -> io::Result<()> {
    IN_TERMINAL.store(true, std::sync::atomic::Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )
}

/// Gives the terminal back as it was: on exit, on error and on panic. Only once: leaving the
/// alternate screen twice would move the cursor back over what was printed in between.
fn leave_terminal() {
    if !IN_TERMINAL.swap(false, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// How the editor ended: what to tell the officer on the command line, and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    pub message: Option<String>,
    pub code: u8,
}

/// Why the event loop stopped.
enum End {
    Quit,
    Signal(i32),
    Lost(io::Error),
    Panic,
}

/// Findings put off while typing a long prose are brought up to date after this much quiet.
const RECHECK_AFTER: Duration = Duration::from_millis(300);
/// The longest the loop waits for input before looking at signals and timers.
const TICK: Duration = Duration::from_millis(200);
/// Input is applied in batches of at most this long, then drawn: a flood of keys (a held key, a
/// paste without bracketed paste) never starves the screen, and no keystroke waits for a
/// frame of its own.
const BATCH: Duration = Duration::from_millis(40);

/// Runs the editor until the officer quits (or a signal, a lost terminal or a defect ends it).
pub fn run(options: Options) -> Result<Ended, String> {
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = prepare(&options, width, height)?;
    let signals = signals::install();
    let main = std::thread::current().id();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The autosave thread reports its failures through its results, not onto the screen.
        if std::thread::current().id() == main {
            leave_terminal();
            hook(info);
        }
    }));
    let panic_key = std::env::var("GONGKAI_TEST_PANIC_ON_KEY")
        .ok()
        .and_then(|v| v.chars().next());
    let mut keeper = autosave::Keeper::new(app.recovery.clone());
    if let Err(e) = enter_terminal() {
        leave_terminal();
        return Err(crate::i18n::io_error(app.lang, &e));
    }
    let end = match (
        Terminal::new(backend::Screen::new(io::stdout())),
        input::Input::start(),
    ) {
        (Ok(mut terminal), Ok(input)) => match terminal.clear() {
            Ok(()) => {
                signals.wake_with(input.waker());
                let mut session = Session {
                    terminal: &mut terminal,
                    input: &input,
                    keeper: &mut keeper,
                    signals: &signals,
                    panic_key,
                    last_input: Instant::now(),
                };
                event_loop(&mut session, &mut app)
            }
            Err(e) => End::Lost(e),
        },
        (Err(e), _) | (_, Err(e)) => End::Lost(e),
    };
    let ended = finish(end, &app, &mut keeper);
    signals.finished();
    Ok(ended)
}

/// Keeps the work however the loop ended, then gives the terminal back.
fn finish(end: End, app: &App, keeper: &mut autosave::Keeper) -> Ended {
    let lang = app.lang;
    let draft = app.doc.as_ref().map(|d| d.path.as_path());
    let kept = |r: io::Result<Option<PathBuf>>| r.map_err(|e| crate::report::IoFault::from(&e));
    // The work first: the terminal may be gone (SIGHUP), and restoring it may then fail.
    let ended = match end {
        End::Quit => {
            keeper.observe(app, Instant::now());
            match kept(keeper.flush(app)) {
                Ok(None) => Ended {
                    message: None,
                    code: 0,
                },
                // Quit without saving: the work stays in the recovery file.
                Ok(Some(r)) => Ended {
                    message: Some(crate::i18n::tui::quit_unsaved(lang, &r, draft)),
                    code: 0,
                },
                Err(e) => Ended {
                    message: Some(crate::i18n::tui::recovery_failed(lang, &e)),
                    code: 1,
                },
            }
        }
        End::Signal(sig) => {
            let result = kept(keeper.flush(app));
            Ended {
                message: Some(crate::i18n::tui::stopped_by_signal(
                    lang,
                    signals::name(sig),
                    &result,
                    draft,
                )),
                code: u8::try_from(128 + sig).unwrap_or(1),
            }
        }
        End::Lost(e) => {
            let result = kept(keeper.flush(app));
            let why = crate::i18n::io_error(lang, &e);
            Ended {
                message: Some(crate::i18n::tui::terminal_lost(lang, &why, &result, draft)),
                code: 2,
            }
        }
        End::Panic => {
            let result = kept(keeper.flush_good());
            Ended {
                message: Some(crate::i18n::tui::crashed(lang, &result, draft)),
                code: 101,
            }
        }
    };
    leave_terminal();
    ended
}

/// What the event loop works with besides the editor's state.
struct Session<'a> {
    terminal: &'a mut Terminal<backend::Screen<Stdout>>,
    input: &'a input::Input,
    keeper: &'a mut autosave::Keeper,
    signals: &'a signals::Flag,
    panic_key: Option<char>,
    last_input: Instant,
}

fn event_loop(s: &mut Session, app: &mut App) -> End {
    loop {
        if let Some(sig) = s.signals.take() {
            return End::Signal(sig);
        }
        if app.quit {
            return End::Quit;
        }
        let step = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| step(s, app)));
        match step {
            Ok(Ok(())) => {}
            // A hung-up terminal fails; the signal says more, when there is one.
            Ok(Err(e)) => return s.signals.take().map_or(End::Lost(e), End::Signal),
            Err(_) => return End::Panic,
        }
    }
}

/// One turn of the loop: draw, wait for input (or a timer), apply a batch of input, look after
/// timers and autosave.
fn step(s: &mut Session, app: &mut App) -> io::Result<()> {
    if input::hung_up() {
        return Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "the terminal hung up",
        ));
    }
    let size = s.terminal.size()?;
    if (size.width, size.height) != (app.width, app.height) {
        update::update(app, Action::Resize(size.width, size.height));
    }
    s.terminal.draw(|f| view::view(app, f))?;
    s.keeper.good(app);
    let now = Instant::now();
    let recheck = app
        .doc
        .as_ref()
        .is_some_and(|d| d.checks_stale)
        .then(|| s.last_input + RECHECK_AFTER);
    let wake = [s.keeper.deadline(), recheck, Some(now + TICK)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(now + TICK);
    if let Some(first) = s.input.next(wake.saturating_duration_since(now)) {
        let started = Instant::now();
        let mut event = Some(first);
        while let Some(e) = event.take() {
            if let Some(action) = translate(app, e?) {
                if matches!(action, Action::Char(c) if Some(c) == s.panic_key) {
                    panic!("GONGKAI_TEST_PANIC_ON_KEY: a deliberate panic, to test recovery");
                }
                apply(s, app, action)?;
            }
            s.last_input = Instant::now();
            if app.quit || s.signals.pending() || started.elapsed() >= BATCH {
                break;
            }
            event = s.input.ready();
        }
    }
    if app.doc.as_ref().is_some_and(|d| d.checks_stale) && s.last_input.elapsed() >= RECHECK_AFTER {
        update::update(app, Action::Recheck);
    }
    if let Some(result) = s.keeper.observe(app, Instant::now()) {
        update::update(
            app,
            Action::Autosaved(result.map_err(|e| crate::report::IoFault::from(&e))),
        );
    }
    Ok(())
}

/// Applies an action and carries out its effects, and theirs.
fn apply(s: &mut Session, app: &mut App, action: Action) -> io::Result<()> {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in update::update(app, action) {
            match effect {
                Effect::Quit => app.quit = true,
                Effect::ExternalEditor { section, text } => {
                    // What waits for autosave goes now: the editor may be a while.
                    s.keeper.write_now(app);
                    s.input.stop();
                    let done = external_editor(s.terminal, section, &text);
                    s.input.resume();
                    queue.push(done?);
                }
                other => {
                    if matches!(
                        other,
                        Effect::Open(_) | Effect::Create { .. } | Effect::CreateFromLast { .. }
                    ) {
                        // A screen change repaints everything.
                        s.terminal.clear()?;
                    }
                    let Some(done) = runtime::perform(app, &other) else {
                        continue;
                    };
                    if let Action::Saved { result: Err(_), .. } = &done {
                        // A failed save: the work goes to the recovery file at once, and the
                        // message that follows says where (or that it could not).
                        queue.push(done);
                        let kept = s.keeper.flush(app).map(|_| ());
                        queue.push(Action::Autosaved(
                            kept.map_err(|e| crate::report::IoFault::from(&e)),
                        ));
                    } else {
                        queue.push(done);
                    }
                }
            }
        }
    }
    Ok(())
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT, noted for the event loop, which is woken at once. A
/// second signal while the first is handled (two in quick succession, or a disk that does not
/// answer) waits a moment for the work to be kept, then ends the program — but always gives the
/// terminal back first.
mod signals {
    use super::input::Waker;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    /// How long a second signal waits for the first one's work to be kept.
    const GRACE: Duration = Duration::from_secs(3);

    #[derive(Clone)]
    pub struct Flag {
        signal: Arc<AtomicUsize>,
        /// The work is kept and the terminal given back: nothing is left to wait for.
        done: Arc<AtomicBool>,
        waker: Arc<Mutex<Option<Waker>>>,
    }

    impl Flag {
        fn new() -> Flag {
            Flag {
                signal: Arc::new(AtomicUsize::new(0)),
                done: Arc::new(AtomicBool::new(false)),
                waker: Arc::new(Mutex::new(None)),
            }
        }

        /// The signal received, once.
        pub fn take(&self) -> Option<i32> {
            match self.signal.swap(0, Ordering::SeqCst) {
                0 => None,
                n => i32::try_from(n).ok(),
            }
        }

        pub fn pending(&self) -> bool {
            self.signal.load(Ordering::SeqCst) != 0
        }

        /// How a signal wakes the event loop, once there is one.
        pub fn wake_with(&self, waker: Waker) {
            *self.waker.lock().unwrap_or_else(|e| e.into_inner()) = Some(waker);
        }

        /// The work is kept and the terminal given back.
        pub fn finished(&self) {
            self.done.store(true, Ordering::SeqCst);
        }

        fn wake(&self) {
            if let Some(w) = &*self.waker.lock().unwrap_or_else(|e| e.into_inner()) {
                w.wake();
            }
        }
    }

    #[cfg(unix)]
    pub fn install() -> Flag {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let flag = Flag::new();
        let Ok(mut signals) =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        else {
            return flag;
        };
        let theirs = flag.clone();
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                let mut seen = false;
                for sig in signals.forever() {
                    if !seen {
                        seen = true;
                        theirs.signal.store(sig as usize, Ordering::SeqCst);
                        theirs.wake();
                        continue;
                    }
                    // A second one: give the first a moment to keep the work, then go.
                    let start = std::time::Instant::now();
                    while !theirs.done.load(Ordering::SeqCst) && start.elapsed() < GRACE {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    if !theirs.done.load(Ordering::SeqCst) {
                        super::leave_terminal();
                        std::process::exit(128 + sig);
                    }
                }
            });
        flag
    }

    #[cfg(not(unix))]
    pub fn install() -> Flag {
        Flag::new()
    }

    pub fn name(sig: i32) -> &'static str {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            match sig {
                SIGHUP => return "SIGHUP",
                SIGTERM => return "SIGTERM",
                SIGINT => return "SIGINT",
                SIGQUIT => return "SIGQUIT",
                _ => {}
            }
        }
        let _ = sig;
        "signal"
    }
}

/// Hands a section's text to `$VISUAL` / `$EDITOR`, with the terminal given back meanwhile.
fn external_editor<B: Backend>(
    terminal: &mut Terminal<B>,
    section: String,
    text: &str,
) -> io::Result<Action> {
    let Some(editor) = runtime::editor_command() else {
        return Ok(Action::EditorDone {
            section,
            result: Err(EditorFailed::NoEditor),
        });
    };
    let file = runtime::editor_file(&section);
    if let Err(e) = std::fs::write(&file, text) {
        return Ok(Action::EditorDone {
            section,
            result: Err(EditorFailed::Io(IoFault::from(&e))),
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
        Ok(s) if s.success() => {
            std::fs::read_to_string(&file).map_err(|e| EditorFailed::Io(IoFault::from(&e)))
        }
        Ok(s) => Err(EditorFailed::Exit(s.code())),
        Err(e) => Err(EditorFailed::Io(IoFault::from(&e))),
    };
    let _ = std::fs::remove_file(&file);
    Ok(Action::EditorDone { section, result })
}
