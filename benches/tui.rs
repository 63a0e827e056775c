//! The editor's speed: a keystroke in table 三 applied and the whole frame drawn at 160×48,
//! the bytes one typed digit sends to the terminal, start to first frame on the sample, and a
//! keystroke and a resize with a megabyte of prose in 一.

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::i18n::Lang;
use gongkai::tui::action::{Action, Command};
use gongkai::tui::app::{App, Page};
use gongkai::tui::backend::Screen;
use gongkai::tui::update::update;
use gongkai::tui::view::view;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::hint::black_box;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const SAMPLE: &str = "assets/samples/xiamen-hrss-2020.toml";

fn options(file: std::path::PathBuf) -> gongkai::tui::Options {
    gongkai::tui::Options {
        file: Some(file),
        lang: Lang::Zh,
        ascii: false,
        today: None,
    }
}

/// The sample, copied where the editor may change it, opened on table 三.
fn on_table_three(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::copy(SAMPLE, &file).unwrap();
    let mut app = gongkai::tui::prepare(&options(file), w, h).unwrap();
    let requests = app
        .doc
        .as_ref()
        .unwrap()
        .template
        .sections
        .iter()
        .position(|s| s.key == "requests")
        .unwrap();
    while app.current_page() != Some(Page::Section(requests)) {
        update(&mut app, Action::Command(Command::NextSection));
    }
    (app, dir)
}

/// A writer that only counts.
#[derive(Clone, Default)]
struct Count(Arc<AtomicUsize>);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn keystroke(c: &mut Criterion) {
    let (mut app, _dir) = on_table_three(160, 48);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let mut typed = false;
    c.bench_function("keystroke in table 三 + frame at 160x48", |b| {
        b.iter(|| {
            // Alternately type a digit and take it back, so every iteration is one keystroke.
            let action = if typed {
                Action::Command(Command::Backspace)
            } else {
                Action::Char('5')
            };
            typed = !typed;
            update(&mut app, action);
            terminal.draw(|f| view(black_box(&app), f)).unwrap();
        })
    });
}

fn bytes_per_digit(c: &mut Criterion) {
    let (mut app, _dir) = on_table_three(160, 48);
    let count = Count::default();
    // A fixed viewport: the size is not asked of a terminal there is none of.
    let mut terminal = Terminal::with_options(
        Screen::new(count.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 160, 48)),
        },
    )
    .unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let full = count.0.swap(0, Ordering::Relaxed);
    update(&mut app, Action::Char('5'));
    terminal.draw(|f| view(&app, f)).unwrap();
    let digit = count.0.swap(0, Ordering::Relaxed);
    eprintln!("bytes written: first frame {full}, one digit typed in table 三 {digit}");
    let mut typed = true;
    c.bench_function("one digit in table 三, drawn to a counting writer", |b| {
        b.iter(|| {
            let action = if typed {
                Action::Command(Command::Backspace)
            } else {
                Action::Char('5')
            };
            typed = !typed;
            update(&mut app, action);
            terminal.draw(|f| view(&app, f)).unwrap();
        })
    });
}

fn start(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::copy(SAMPLE, &file).unwrap();
    let opts = options(file);
    c.bench_function("start to first frame on the sample", |b| {
        b.iter(|| {
            let app = gongkai::tui::prepare(black_box(&opts), 160, 48).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
            terminal.draw(|f| view(&app, f)).unwrap();
        })
    });
}

/// The sample with a megabyte of prose pasted at the start of 一, the caret after it.
fn with_a_megabyte(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::copy(SAMPLE, &file).unwrap();
    let mut app = gongkai::tui::prepare(&options(file), w, h).unwrap();
    update(&mut app, Action::Command(Command::NextSection));
    let sentence = "本机关持续深化政务公开，围绕重点领域主动公开政府信息，回应社会关切。";
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(sentence);
        if text.len() % 1200 < sentence.len() {
            text.push('\n');
        }
    }
    update(&mut app, Action::Paste(text));
    update(&mut app, Action::Recheck);
    (app, dir)
}

fn long_prose(c: &mut Criterion) {
    let (mut app, _dir) = with_a_megabyte(160, 48);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let mut typed = false;
    c.bench_function("keystroke in 1 MB of prose + frame at 160x48", |b| {
        b.iter(|| {
            let action = if typed {
                Action::Command(Command::Backspace)
            } else {
                Action::Char('字')
            };
            typed = !typed;
            update(&mut app, action);
            terminal.draw(|f| view(black_box(&app), f)).unwrap();
        })
    });
    let mut wide = false;
    c.bench_function("resize with 1 MB of prose + frame", |b| {
        b.iter(|| {
            let (w, h) = if wide { (160, 48) } else { (120, 40) };
            wide = !wide;
            update(&mut app, Action::Resize(w, h));
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
            terminal.draw(|f| view(black_box(&app), f)).unwrap();
        })
    });
    c.bench_function("findings of 1 MB of prose, once typing pauses", |b| {
        b.iter(|| {
            app.doc.as_mut().unwrap().checks_stale = true;
            update(&mut app, Action::Recheck);
        })
    });
}

criterion_group!(benches, keystroke, bytes_per_digit, start, long_prose);
criterion_main!(benches);
