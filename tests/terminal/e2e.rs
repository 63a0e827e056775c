//! The real binary in a pseudo-terminal: open a copy of the sample, type figures into table 三,
//! save with Ctrl-S, quit with Ctrl-Q, and read the saved TOML.

use crate::common::pty::*;

#[test]
fn type_into_table_three_save_quit_and_read_the_file() {
    let _one = crate::one_at_a_time();
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

/// The screen's rows, as the terminal shows them.
fn rows(editor: &Editor) -> Vec<String> {
    editor.screen(|s| s.rows(0, s.size().1.into()).collect())
}

#[test]
fn create_a_report_export_it_and_find_the_file_where_the_screen_said() {
    let _one = crate::one_at_a_time();
    let home = tempfile::tempdir().unwrap();
    let mut editor = Editor::start(home.path(), &[], &[]);
    // An 80×24 window: the path is longer than a line there.
    editor.resize(80, 24);
    editor.wait_for("新建报告");
    editor.send(b"n");
    editor.wait_for("报告单位");
    editor.type_text("某某县人民政府办公室");
    editor.send(ENTER);
    editor.wait_for("基本信息");
    // Every section, then 导出.
    for _ in 0..8 {
        editor.send(PAGE_DOWN);
    }
    editor.wait_for("[ 导出 ]");
    // What the 文件 field shows, its lines joined: the whole path, folder and file.
    let screen = rows(&editor);
    let first = screen
        .iter()
        .position(|r| r.contains("文件    "))
        .unwrap_or_else(|| panic!("the file field:\n{}", screen.join("\n")));
    let mut shown = screen[first]
        .split_once("文件    ")
        .unwrap()
        .1
        .trim()
        .to_string();
    for r in &screen[first + 1..] {
        if r.contains("[ 导出 ]") {
            break;
        }
        shown.push_str(r.split_once('│').map_or("", |(_, r)| r).trim());
    }
    let documents = home.path().join("documents");
    assert!(
        shown.starts_with(documents.to_str().unwrap()) && shown.ends_with(".docx"),
        "{shown}\n{}",
        screen.join("\n")
    );
    // Unfinished: exported as a draft (↓ to 草稿, Space), then Enter.
    editor.send(b"\x1b[B");
    editor.send(b" ");
    editor.wait_for("[x]");
    editor.send(ENTER);
    editor.wait_for("已导出");
    // The message, from its first line down to the footer, says where in full.
    let screen = rows(&editor);
    let first = screen.iter().position(|r| r.contains("已导出")).unwrap();
    let said: String = screen[first..screen.len() - 1]
        .iter()
        .map(|r| r.trim())
        .collect();
    let said = said
        .split_once("已导出 ")
        .unwrap_or_else(|| panic!("{}", screen.join("\n")))
        .1;
    assert_eq!(said, shown, "{}", screen.join("\n"));
    let file = std::path::Path::new(said);
    assert!(file.is_file(), "no file at {said}");
    assert!(std::fs::metadata(file).unwrap().len() > 1000);
    editor.send(CTRL_Q);
    assert_eq!(editor.wait_exit(), 0);
}
