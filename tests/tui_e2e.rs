//! The real binary in a pseudo-terminal: open a copy of the sample, type figures into table 三,
//! save with Ctrl-S, quit with Ctrl-Q, and read the saved TOML.

mod common;

use common::pty::*;

#[test]
fn type_into_table_three_save_quit_and_read_the_file() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("xiamen.toml");
    std::fs::copy("assets/samples/xiamen-hrss-2020.toml", &file).unwrap();
    let path = file.to_str().unwrap();
    let mut editor = Editor::start(home.path(), &["edit", path], &[]);

    editor.wait_for("基本信息");
    // PageDown three times: 一, 二, 三.
    for _ in 0..3 {
        editor.send(PAGE_DOWN);
    }
    editor.wait_for("勾稽");
    // 一、本年新收 · 自然人: 31 → 33 (typed full-width); Enter moves down to 二 · 自然人: 1 → 0;
    // right to 商业企业: 0 → 2.
    editor.type_text("３３");
    editor.send(ENTER);
    editor.send(b"0");
    editor.send(b"\x1b[C");
    editor.send(b"2");
    editor.send(ENTER);
    editor.wait_for("未保存");
    editor.send(CTRL_S);
    editor.wait_for("已保存");
    editor.send(CTRL_Q);
    assert_eq!(editor.wait_exit(), 0);

    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("new_received = { natural_person = 33, business = 1,"),
        "{saved}"
    );
    assert!(
        saved.contains("carried_over = { natural_person = 0, business = 2,"),
        "{saved}"
    );
    let draft = gongkai::report::load::load_str(&saved).expect("the saved file loads");
    assert_eq!(draft.report.agency, "厦门市人力资源和社会保障局");
}
