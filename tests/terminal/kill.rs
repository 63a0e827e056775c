//! The officer's work survives: the real editor in a pseudo-terminal is killed (SIGKILL), hung
//! up (SIGHUP), told to stop (SIGTERM), crashes, meets a read-only folder and a second editor
//! on the same draft — and what was typed comes back.

use crate::common::pty::*;
use gongkai::recovery::Store;
use gongkai::report::Number;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A copy of the sample in a fresh home; returns the home and the draft.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let draft = home.path().join("work").join("xiamen.toml");
    std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
    std::fs::copy("assets/samples/xiamen-hrss-2020.toml", &draft).unwrap();
    (home, draft)
}

fn store(home: &Path) -> Store {
    Store {
        folder: home.join("state").join("recovery"),
    }
}

/// The work in the draft's recovery file.
fn recovered(home: &Path, draft: &Path) -> gongkai::report::Draft {
    let pending = store(home)
        .pending(draft)
        .expect("a recovery file newer than the draft");
    gongkai::recovery::read(&pending).expect("the recovery file loads")
}

/// Opens the draft, types into 一 (prose) and into table 三; returns the editor.
fn type_work(home: &Path, draft: &Path) -> Editor {
    let mut ed = Editor::start(home, &["edit", draft.to_str().unwrap()], &[]);
    ed.wait_for("基本信息");
    // Table 三: 一、本年新收 · 自然人 becomes 77.
    for _ in 0..3 {
        ed.send(PAGE_DOWN);
    }
    ed.wait_for("勾稽");
    ed.type_text("77");
    ed.send(ENTER);
    ed.wait_for("未保存");
    // Back to 一, typing at its start.
    ed.send(PAGE_UP);
    ed.send(PAGE_UP);
    ed.wait_for("字");
    ed.type_text("开头补记一句。");
    ed.wait_for("开头补记一句。");
    ed
}

fn assert_has_work(d: &gongkai::report::Draft) {
    assert!(
        d.text("overview").starts_with("开头补记一句。"),
        "{}",
        &d.text("overview")[..60]
    );
    assert_eq!(
        d.cell("requests.new_received.natural_person"),
        Some(Number::Count(77))
    );
}

#[test]
fn sigkill_loses_nothing_typed_two_seconds_before_and_the_restart_offers_it() {
    let _one = crate::one_at_a_time();
    let (home, draft) = setup();
    let before = std::fs::read(&draft).unwrap();
    let ed = type_work(home.path(), &draft);
    // Autosave has two seconds; then the power goes.
    std::thread::sleep(Duration::from_millis(2500));
    ed.signal("-KILL");
    drop(ed);
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "the draft itself is never autosaved over"
    );
    assert_has_work(&recovered(home.path(), &draft));

    // The start screen lists it, marked.
    let mut start = Editor::start(home.path(), &[], &[]);
    start.wait_for("份草稿有未保存的修改");
    start.wait_for("! 厦门市人力资源和社会保障局");
    start.send(CTRL_Q);
    start.wait_exit();

    // Reopening: the dead editor's lock is taken over with a word, and the work is offered.
    let mut ed = Editor::start(home.path(), &["edit", draft.to_str().unwrap()], &[]);
    ed.wait_for("发现未保存的修改");
    ed.wait_for("有 2 处不同");
    ed.wait_for("已不在运行，已接管它的锁");
    ed.type_text("v");
    ed.wait_for("一、本年新收");
    ed.wait_for("31 → 77");
    ed.type_text("r");
    ed.wait_for("已恢复 2 处修改");
    ed.send(PAGE_DOWN);
    ed.wait_for("开头补记一句。");
    ed.send(CTRL_S);
    ed.wait_for("已保存");
    ed.send(CTRL_Q);
    assert_eq!(ed.wait_exit(), 0);
    let saved = gongkai::library::load(&draft).unwrap().draft;
    assert_has_work(&saved);
    assert!(
        !store(home.path()).path_for(&draft).exists(),
        "a clean save removes the recovery file"
    );
    assert!(!gongkai::lock::lock_path(&draft).exists());
}

/// SIGHUP (a closed window, a dropped link) and SIGTERM: everything is kept — no waiting for
/// autosave — and the terminal is given back.
#[test]
fn sighup_and_sigterm_keep_everything_and_restore_the_terminal() {
    let _one = crate::one_at_a_time();
    for (sig, code, name) in [("-HUP", 129, "SIGHUP"), ("-TERM", 143, "SIGTERM")] {
        let (home, draft) = setup();
        let mut ed = type_work(home.path(), &draft);
        // Straight away, once it is on screen: what was typed last is not yet autosaved.
        ed.type_text("最后一个字");
        ed.wait_for("最后一个字");
        ed.signal(sig);
        assert_eq!(ed.wait_exit(), code, "{name}");
        let d = recovered(home.path(), &draft);
        assert_has_work(&d);
        assert!(
            d.cells.len() > 100 && d.text("other").len() > 10,
            "the whole draft"
        );
        assert!(
            d.text("overview").starts_with("开头补记一句。最后一个字"),
            "{name}: the last keys too"
        );
        ed.wait_for(name);
        ed.wait_for("恢复文件");
        ed.screen(|s| {
            assert!(!s.alternate_screen(), "{name}: back on the main screen");
            assert!(!s.hide_cursor(), "{name}: the cursor is shown");
            assert!(!s.bracketed_paste(), "{name}: bracketed paste is off");
            assert_eq!(
                s.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "{name}: the mouse is given back"
            );
        });
        assert!(!gongkai::lock::lock_path(&draft).exists(), "{name}");
    }
}

#[test]
fn a_crash_writes_the_last_good_state_and_says_how_to_recover() {
    let _one = crate::one_at_a_time();
    let (home, draft) = setup();
    let mut ed = Editor::start(
        home.path(),
        &["edit", draft.to_str().unwrap()],
        &[("GONGKAI_TEST_PANIC_ON_KEY", "@")],
    );
    ed.wait_for("基本信息");
    ed.send(PAGE_DOWN);
    ed.type_text("出错之前写的");
    ed.wait_for("出错之前写的");
    ed.type_text("@");
    assert_eq!(ed.wait_exit(), 101);
    ed.wait_for("内部错误");
    ed.wait_for("gongkai edit");
    assert!(!ed.screen(|s| s.alternate_screen()));
    let d = recovered(home.path(), &draft);
    assert!(d.text("overview").starts_with("出错之前写的"));
}

#[cfg(unix)]
#[test]
fn a_save_to_a_read_only_folder_fails_cleanly_and_keeps_the_work() {
    let _one = crate::one_at_a_time();
    let (home, draft) = setup();
    let before = std::fs::read(&draft).unwrap();
    let mut ed = type_work(home.path(), &draft);
    let Some(guard) = crate::common::read_only(draft.parent().unwrap()) else {
        eprintln!("no way to make a read-only folder here; skipped");
        return;
    };
    ed.send(CTRL_S);
    ed.wait_for("保存失败");
    ed.wait_for("修改未丢失");
    // The work is still on screen and in the recovery file; the draft is as it was.
    ed.wait_for("开头补记一句。");
    ed.wait_for("未保存");
    assert_eq!(std::fs::read(&draft).unwrap(), before);
    assert_has_work(&recovered(home.path(), &draft));
    // Once the folder can be written again, the same keys save.
    drop(guard);
    ed.send(CTRL_S);
    ed.wait_for("已保存");
    ed.send(CTRL_Q);
    assert_eq!(ed.wait_exit(), 0);
    assert_has_work(&gongkai::library::load(&draft).unwrap().draft);
}

#[test]
fn a_second_editor_is_told_who_has_the_draft_and_may_only_view_it() {
    let _one = crate::one_at_a_time();
    let (home, draft) = setup();
    let path = draft.to_str().unwrap();
    let mut first = type_work(home.path(), &draft);
    let mut second = Editor::start(home.path(), &["edit", path], &[]);
    second.wait_for("另一个 gongkai 正在编辑此草稿");
    second.wait_for(&format!("进程 {}", first.pid()));
    second.type_text("r");
    second.wait_for("只读查看：可以翻看和导出");
    second.send(PAGE_DOWN);
    second.type_text("x");
    second.wait_for("不能修改或保存");
    second.send(CTRL_S);
    second.send(CTRL_Q);
    assert_eq!(second.wait_exit(), 0);
    // The first editor's lock and work are untouched.
    assert!(gongkai::lock::lock_path(&draft).exists());
    first.send(CTRL_S);
    first.wait_for("已保存");
    first.send(CTRL_Q);
    assert_eq!(first.wait_exit(), 0);
    let saved = gongkai::library::load(&draft).unwrap().draft;
    assert_has_work(&saved);
    assert!(!saved.text("overview").contains('x'));
    // Now it is free.
    let mut third = Editor::start(home.path(), &["edit", path], &[]);
    third.wait_for("已保存");
    assert!(!third.text().contains("另一个 gongkai"));
    third.send(CTRL_Q);
    third.wait_exit();
}

/// Two signals a millisecond apart (a session closed while a supervisor also stops it), and
/// SIGQUIT: the work is kept and the terminal given back all the same.
#[test]
fn two_signals_in_quick_succession_and_sigquit_still_keep_everything() {
    let _one = crate::one_at_a_time();
    for (signals, code, name) in [
        (&["-HUP", "-TERM"][..], 129, "SIGHUP"),
        (&["-QUIT"][..], 131, "SIGQUIT"),
    ] {
        let (home, draft) = setup();
        let mut ed = type_work(home.path(), &draft);
        ed.type_text("最后一个字");
        ed.wait_for("最后一个字");
        for sig in signals {
            ed.signal(sig);
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(ed.wait_exit(), code, "{name}");
        let d = recovered(home.path(), &draft);
        assert!(
            d.text("overview").starts_with("开头补记一句。最后一个字"),
            "{name}: the last keys too"
        );
        ed.wait_for(name);
        ed.screen(|s| {
            assert!(!s.alternate_screen(), "{name}: back on the main screen");
            assert_eq!(
                s.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "{name}: the mouse is given back"
            );
        });
    }
}
