//! The real binary in a pseudo-terminal, as a new user starts this year's report: the sample
//! (2020) in the data folder, 从上年报告新建 on the start screen, 上年结转 filled and checked,
//! last year's figure under the focused cell, last year's text beside 一.

use crate::common::pty::*;

#[test]
fn from_last_years_sample_to_this_years_draft() {
    let _one = crate::one_at_a_time();
    let home = tempfile::tempdir().unwrap();
    let drafts = home.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::copy(
        "assets/samples/xiamen-hrss-2020.toml",
        drafts.join("xiamen-hrss-2020.toml"),
    )
    .unwrap();

    let mut editor = Editor::start(home.path(), &[], &[("GONGKAI_TODAY", "2021-01-10")]);
    // Waits for `what` and returns the screen then.
    let shown = |editor: &Editor, what: &str| {
        editor.wait_for(what);
        editor.text()
    };

    editor.wait_for("从上年报告新建");
    editor.send(b"l");
    editor.wait_for("将新建 2021 年报告（gip-2021）");
    editor.send(b"\r");
    let notice = shown(&editor, "已从上年报告新建");
    assert!(notice.contains("未结转上年数据"), "{notice}");
    editor.send(b"\r");

    // 三: 二、上年结转 carried from last year's 四 (0, 1, 0, 0, 0, 0).
    for _ in 0..3 {
        editor.send(b"\x1b[6~"); // PgDn
    }
    editor.wait_for("勾稽");
    editor.send(b"\x1b[B"); // down to 二
    editor.send(b"\x1b[C"); // right to 商业企业
    let table = shown(&editor, "应等于上年“四、结转下年度继续办理”：1");
    let row = table
        .lines()
        .find(|l| l.contains("二、上年结转"))
        .expect("the row");
    let figures: Vec<&str> = row
        .split("二、上年结转政府信息公开申请数量")
        .nth(1)
        .unwrap_or_default()
        .split_whitespace()
        .take(6)
        .collect();
    assert_eq!(figures, ["0", "1", "0", "0", "0", "0"], "{row}");
    // Checked: 3 where last year carried 1 is a warning.
    editor.send(b"3");
    editor.send(b"\r");
    editor.wait_for("上年结转填 3，上年报告的结转下年度为 1");

    // 一 with last year's text beside it.
    for _ in 0..2 {
        editor.send(b"\x1b[5~"); // PgUp: 二, 一
    }
    editor.wait_for("0 字");
    editor.send(b"\x0c"); // Ctrl-L
    let beside = shown(&editor, "只读");
    assert!(beside.contains("聚焦权力配置运行"), "{beside}");

    editor.send(b"\x11"); // Ctrl-Q
    editor.wait_for("有未保存的修改");
    editor.send(b"n");
    assert_eq!(editor.wait_exit(), 0);
    let made = drafts.join("厦门市人力资源和社会保障局-2021.toml");
    let saved = std::fs::read_to_string(&made).unwrap();
    assert!(
        saved.contains("file = \"xiamen-hrss-2020.toml\""),
        "{saved}"
    );
}

/// Last year exists only as the PDF the agency published: 从上年报告新建 takes it, imports it
/// into a draft of its own, and this year's draft carries from that.
#[test]
fn from_last_years_published_pdf_to_this_years_draft() {
    let _one = crate::one_at_a_time();
    let home = tempfile::tempdir().unwrap();
    let pdf = home.path().join("洪泽区2023年报告.pdf");
    std::fs::copy("tests/fixtures/pdf/hongze-2023.pdf", &pdf).unwrap();
    let before = std::fs::read(&pdf).unwrap();

    let mut editor = Editor::start(home.path(), &[], &[("GONGKAI_TODAY", "2024-01-10")]);
    editor.wait_for("从上年报告新建");
    editor.send(b"l");
    editor.wait_for("选上年的报告");
    editor.type_text(pdf.to_str().unwrap());
    editor.send(b"\r");
    editor.wait_for("已从上年报告新建");
    let notice = editor.text();
    assert!(notice.contains("已导入"), "{notice}");
    assert!(notice.contains("读入 166/166 格"), "{notice}");
    editor.send(b"\r");

    // 三: 二、上年结转 from the PDF's 四 (all 0), last year's figure under the cell.
    for _ in 0..3 {
        editor.send(b"\x1b[6~"); // PgDn
    }
    editor.wait_for("勾稽");
    editor.send(b"\x1b[B"); // down to 二
    editor.wait_for("应等于上年“四、结转下年度继续办理”：0");
    editor.send(b"\x11"); // Ctrl-Q: nothing changed since it was made
    assert_eq!(editor.wait_exit(), 0);

    let drafts = home.path().join("drafts");
    let last = std::fs::read_to_string(drafts.join("洪泽区人民政府-2023.toml")).unwrap();
    assert!(
        last.contains("review = { upheld = 10, corrected = 1"),
        "{last}"
    );
    let this = std::fs::read_to_string(drafts.join("洪泽区人民政府-2024.toml")).unwrap();
    assert!(
        this.contains("file = \"洪泽区人民政府-2023.toml\""),
        "{this}"
    );
    assert!(
        this.contains("carried_over = { natural_person = 0"),
        "{this}"
    );
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        before,
        "the PDF is never written"
    );
}
