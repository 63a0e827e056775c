//! Under load, nothing is lost: 1 MB pasted into a prose section, a key held down for ten
//! seconds, the window resized again and again while typing — and then every character is in
//! the saved file. The time each took is printed (run with `--nocapture`, in release for real
//! figures); it is not asserted, since a loaded machine is slower.

use crate::common::pty::*;
use std::time::{Duration, Instant};

/// The character count the prose page shows beside its heading (`N 字`).
fn shown_count(screen: &str) -> Option<usize> {
    let title = screen.lines().nth(1)?;
    let before = title.rsplit_once(" 字")?.0;
    before.rsplit(' ').next()?.parse().ok()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[test]
fn a_megabyte_pasted_a_held_key_and_resizes_lose_nothing() {
    let _one = crate::one_at_a_time();
    let home = tempfile::tempdir().unwrap();
    let draft = home.path().join("load.toml");
    std::fs::copy("assets/samples/xiamen-hrss-2020.toml", &draft).unwrap();
    let mut ed = Editor::start(home.path(), &["edit", draft.to_str().unwrap()], &[]);
    ed.wait_for("基本信息");
    ed.send(PAGE_DOWN);
    ed.wait_for(" 字");
    let start_count = shown_count(&ed.text()).expect("a count");

    // 1. A megabyte of prose pasted at once (bracketed paste), in paragraphs.
    let sentence = "本机关持续深化政务公开，围绕重点领域主动公开政府信息，回应社会关切。";
    let mut paste = String::new();
    let mut n = 0;
    while paste.len() < 1_000_000 {
        paste.push_str(sentence);
        n += 1;
        if n % 12 == 0 {
            paste.push('\n');
        }
    }
    let pasted = paste.chars().filter(|c| !c.is_whitespace()).count();
    let t = Instant::now();
    ed.send_now(b"\x1b[200~");
    ed.send_now(paste.as_bytes());
    ed.send_now(b"\x1b[201~");
    let sent = t.elapsed();
    let want = start_count + pasted;
    ed.until("the pasted text's count", |s| shown_count(s) == Some(want));
    let paste_time = t.elapsed();
    let checked = ed.until("the findings brought up to date", |s| {
        !s.contains("停止输入片刻后更新检查结果")
    });
    eprintln!(
        "paste of {} bytes: written in {}, on screen after {}, findings up to date {} later",
        paste.len(),
        ms(sent),
        ms(paste_time),
        ms(checked)
    );

    // 2. A key held down for ten seconds (30 repeats a second): each keystroke's time to
    //    the screen.
    let mut count = want;
    let mut held = Vec::new();
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(10) {
        let k = Instant::now();
        ed.send_now("字".as_bytes());
        count += 1;
        held.push(ed.until("a held key", |s| shown_count(s) == Some(count)));
        std::thread::sleep(Duration::from_millis(33).saturating_sub(k.elapsed()));
    }
    eprintln!(
        "held key: {} keystrokes in {}, to screen median {}, slowest {}",
        held.len(),
        ms(t.elapsed()),
        ms(median(held.clone())),
        ms(*held.iter().max().unwrap())
    );

    // 3. Resizes while typing: every third key the window changes size.
    let sizes = [(120, 40), (90, 26), (160, 48), (100, 30)];
    let mut typed = Vec::new();
    let t = Instant::now();
    for i in 0..120 {
        if i % 3 == 0 {
            let (w, h) = sizes[(i / 3) % sizes.len()];
            ed.resize(w, h);
        }
        ed.send_now(b"z");
        count += 1;
        typed.push(ed.until(&format!("{count} 字 after a resize"), |s| {
            shown_count(s) == Some(count)
        }));
    }
    eprintln!(
        "typing while resizing: 120 keystrokes and 40 resizes in {}, to screen median {}, slowest {}",
        ms(t.elapsed()),
        ms(median(typed.clone())),
        ms(*typed.iter().max().unwrap())
    );

    ed.send(CTRL_S);
    ed.wait_for("已保存");
    ed.send(CTRL_Q);
    assert_eq!(ed.wait_exit(), 0);
    let saved = gongkai::library::load(&draft).unwrap().draft;
    let text = saved.text("overview");
    assert!(text.contains(paste.trim_end()), "the whole paste");
    let before =
        gongkai::library::load(std::path::Path::new("assets/samples/xiamen-hrss-2020.toml"))
            .unwrap()
            .draft;
    let old = before.text("overview");
    assert!(text.ends_with(old), "the text that was there");
    assert_eq!(
        text.matches('字').count(),
        paste.matches('字').count() + held.len() + old.matches('字').count(),
        "every held keystroke"
    );
    assert_eq!(
        text.matches('z').count(),
        120,
        "every key typed while resizing"
    );
}
