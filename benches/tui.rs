//! The editor's speed: a keystroke in table 三 applied and the whole frame drawn at 160×48,
//! the bytes one typed digit sends to the terminal, start to first frame on the sample, and a
//! keystroke and a resize with a megabyte of prose in 一.

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::tui::action::{Action, Command};
use gongkai::tui::app::App;
use gongkai::tui::update::update;
use gongkai::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

#[allow(dead_code)]
#[path = "../tests/common/screen.rs"]
mod screen;

use screen::{
    Count, SAMPLE, counting_terminal, keystroke as type_or_erase, on_table_three, options,
};

fn keystroke(c: &mut Criterion) {
    let (mut app, _dir) = on_table_three(160, 48);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let mut typed = false;
    c.bench_function("keystroke in table 三 + frame at 160x48", |b| {
        b.iter(|| {
            type_or_erase(&mut app, &mut typed, '5');
            terminal.draw(|f| view(black_box(&app), f)).unwrap();
        })
    });
}

fn bytes_per_digit(c: &mut Criterion) {
    let (mut app, _dir) = on_table_three(160, 48);
    let count = Count::default();
    let mut terminal = counting_terminal(&count, 160, 48);
    terminal.draw(|f| view(&app, f)).unwrap();
    let full = count.take();
    let mut typed = false;
    type_or_erase(&mut app, &mut typed, '5');
    terminal.draw(|f| view(&app, f)).unwrap();
    let digit = count.take();
    eprintln!("bytes written: first frame {full}, one digit typed in table 三 {digit}");
    c.bench_function("one digit in table 三, drawn to a counting writer", |b| {
        b.iter(|| {
            type_or_erase(&mut app, &mut typed, '5');
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
    let (mut app, dir) = screen::on_sample(w, h);
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
            type_or_erase(&mut app, &mut typed, '字');
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
