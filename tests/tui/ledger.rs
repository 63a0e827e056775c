//! 从台账导入 in the editor: the dialog driven by actions as keys would drive it, its preview
//! and its one undoable change, the live `ledger.stale` hint, and the dialog drawn at 80×24
//! and 160×48.

use crate::common::ledger as ledger_support;
use crate::render::draw;
use crate::support::{go_to_section, press, run_effects};
use gongkai::check::codes;
use gongkai::i18n::Lang;
use gongkai::report::{AgencyKind, Draft, Number};
use gongkai::template::Template;
use gongkai::tui::action::{Action, Command, Effect};
use gongkai::tui::app::{App, Dialog, Doc, LedgerPreview, Look};
use gongkai::tui::runtime;
use gongkai::tui::text::Field;
use gongkai::tui::update::update;
use jiff::civil::date;
use std::path::{Path, PathBuf};

fn app_2024(w: u16, h: u16) -> App {
    let template = Template::for_year(2024).unwrap();
    let draft = Draft::new(&template.id, "某某局", 2024, AgencyKind::Department);
    let mut app = App::new(
        Lang::Zh,
        Look {
            ascii: false,
            color: false,
        },
        w,
        h,
    );
    app.drafts_dir = PathBuf::from("drafts");
    app.open(Doc::new("new.toml".into(), template, draft, None));
    app
}

fn ledger_file(dir: &Path) -> (PathBuf, Vec<ledger_support::GenCase>) {
    let cases = ledger_support::cases(21, 300, date(2023, 3, 1), date(2024, 12, 31));
    let path = dir.join("台账.csv");
    std::fs::write(&path, ledger_support::csv_text(&cases)).unwrap();
    (path, cases)
}

fn import(app: &mut App, path: &Path) {
    press(app, Command::ImportLedger);
    assert!(matches!(app.dialog, Some(Dialog::Ledger { .. })));
    update(app, Action::Paste(path.display().to_string()));
    let effects = press(app, Command::Enter);
    assert_eq!(effects, vec![Effect::ReadLedger(path.to_path_buf())]);
    run_effects(app, effects);
}

fn stale(app: &App) -> usize {
    let doc = app.doc.as_ref().unwrap();
    doc.outcome
        .findings
        .iter()
        .filter(|f| f.code == codes::LEDGER_STALE)
        .count()
}

#[test]
fn the_preview_lists_every_change_and_enter_applies_them_as_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let (path, cases) = ledger_file(dir.path());
    let mut app = app_2024(100, 30);
    go_to_section(&mut app, "requests");
    let before = app.doc.as_ref().unwrap().draft.clone();
    import(&mut app, &path);
    let Some(Dialog::Ledger {
        preview: Some(preview),
        problems,
        ..
    }) = &app.dialog
    else {
        panic!("a preview: {:?}", app.dialog);
    };
    assert!(problems.is_empty());
    let expected = ledger_support::expected(&cases, 2024);
    // Every cell was blank: every one changes, and the three fee figures too.
    assert_eq!(preview.changes.len(), expected.len() + 3);
    assert_eq!(preview.changes[0].old, None);
    assert_eq!(
        app.doc.as_ref().unwrap().draft,
        before,
        "nothing written yet"
    );

    press(&mut app, Command::Enter);
    assert!(app.dialog.is_none());
    let doc = app.doc.as_ref().unwrap();
    for (key, n) in &expected {
        assert_eq!(doc.draft.cell(key), Some(Number::Count(*n)), "{key}");
    }
    assert!(doc.draft.ledger.is_some());
    assert!(
        !doc.outcome
            .findings
            .iter()
            .any(|f| f.code == codes::BALANCE),
        "table 三 balances"
    );
    assert_eq!(stale(&app), 0);

    press(&mut app, Command::Undo);
    assert_eq!(
        app.doc.as_ref().unwrap().draft,
        before,
        "one step takes it all back"
    );
    press(&mut app, Command::Redo);
    assert_eq!(
        app.doc
            .as_ref()
            .unwrap()
            .draft
            .cell("requests.new_received.natural_person"),
        Some(Number::Count(
            expected["requests.new_received.natural_person"]
        ))
    );
}

#[test]
fn the_stale_hint_follows_typing_in_table_three() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = ledger_file(dir.path());
    let mut app = app_2024(100, 30);
    go_to_section(&mut app, "requests");
    import(&mut app, &path);
    press(&mut app, Command::Enter);
    assert_eq!(stale(&app), 0);
    // The focused cell is 一 · 自然人: typing over it leaves the ledger behind.
    update(&mut app, Action::Char('9'));
    update(&mut app, Action::Char('9'));
    press(&mut app, Command::Enter);
    assert_eq!(stale(&app), 1);
    press(&mut app, Command::Undo);
    assert_eq!(stale(&app), 0);
}

#[test]
fn a_ledger_with_bad_rows_shows_them_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "收到日期,申请人类型,办理结果,办结日期\n2024-01-02,公民,予以公布,2024-01-10\n2024-13-01,公民,,\n",
    )
    .unwrap();
    let mut app = app_2024(100, 30);
    go_to_section(&mut app, "requests");
    let before = app.doc.as_ref().unwrap().draft.clone();
    import(&mut app, &path);
    let Some(Dialog::Ledger {
        preview, problems, ..
    }) = &app.dialog
    else {
        panic!("the dialog stays");
    };
    assert!(preview.is_none());
    assert!(
        problems
            .iter()
            .any(|l| l.contains("第 2 行 C 列（办理结果）")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|l| l.contains("第 3 行 A 列（收到日期）")),
        "{problems:?}"
    );
    // Enter reads again (the same bad ledger); Esc leaves; nothing was written.
    let effects = press(&mut app, Command::Enter);
    run_effects(&mut app, effects);
    press(&mut app, Command::Cancel);
    assert!(app.dialog.is_none());
    assert_eq!(app.doc.as_ref().unwrap().draft, before);
}

#[test]
fn the_key_belongs_to_table_three_only() {
    let mut app = app_2024(160, 48);
    go_to_section(&mut app, "proactive");
    press(&mut app, Command::ImportLedger);
    assert!(app.dialog.is_none());
    assert!(app.message.as_ref().unwrap().text.contains("表三"));
    let (screen, _) = draw(&app);
    assert!(!screen.contains("i 从台账导入"), "not offered in table 二");
    go_to_section(&mut app, "requests");
    let (screen, _) = draw(&app);
    assert!(
        screen.contains("i 从台账导入"),
        "offered in the footer of table 三"
    );
    press(&mut app, Command::Help);
    let (screen, _) = draw(&app);
    assert!(screen.contains("从台账导入"), "and in the help");
}

/// The dialog as the officer sees it, with a path that does not depend on where the test runs.
fn dialog_screens(
    name: &str,
    preview: Option<LedgerPreview>,
    problems: Vec<String>,
) -> Vec<String> {
    [(80, 24), (160, 48)]
        .into_iter()
        .map(|(w, h)| {
            let mut app = app_2024(w, h);
            go_to_section(&mut app, "requests");
            app.dialog = Some(Dialog::Ledger {
                path: Field::new("台账.csv"),
                preview: preview.clone().map(Box::new),
                problems: problems.clone(),
                scroll: 0,
            });
            let (screen, cursor) = draw(&app);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
            assert!(cursor.is_some(), "the real cursor is in the path field");
            screen
        })
        .collect()
}

#[test]
fn the_preview_dialog_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = ledger_file(dir.path());
    let counted = gongkai::ledger::read_and_count(&path, 2024, None).unwrap();
    let values = counted.values();
    let draft = Draft::new("gip-2021", "某某局", 2024, AgencyKind::Department);
    let preview = LedgerPreview {
        path,
        changes: gongkai::ledger::changes_to(&draft, &values),
        values,
    };
    for screen in dialog_screens("ledger_preview", Some(preview), Vec::new()) {
        assert!(screen.contains("从台账导入：表三"));
        assert!(
            screen.contains("将改变 147 处（共 147 个数字；旧 → 新）"),
            "{screen}"
        );
        assert!(screen.contains("一、本年新收政府信息公开申请数量 · 自然人：空 → "));
        assert!(screen.contains("Enter 写入这些改动"));
    }
}

#[test]
fn the_unread_rows_dialog_drawn() {
    let problems = vec![
        "台账.csv：2 处不能统计，未写入任何内容：".to_string(),
        "  第 2 行 C 列（办理结果）：“予以公布”不是 gip-2021（2024年办结）表三的办理结果，应为其中一行的名称，可带所属类别；最接近的是“（一）予以公开”".to_string(),
        "  第 3 行 A 列（收到日期）：“2024-13-01”不是有效日期，应如 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日".to_string(),
    ];
    for screen in dialog_screens("ledger_unread", None, problems) {
        assert!(screen.contains("第 2 行 C 列（办理结果）"));
        assert!(screen.contains("改正台账后按 Enter 重新读取"));
    }
}

#[test]
fn opening_a_draft_whose_ledger_is_gone_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = ledger_file(dir.path());
    let draft = dir.path().join("2024.toml");
    let template = Template::for_year(2024).unwrap();
    let mut d = Draft::new(&template.id, "某某局", 2024, AgencyKind::Department);
    let counted = gongkai::ledger::read_and_count(&path, 2024, None).unwrap();
    gongkai::ledger::apply(
        &mut d,
        &counted,
        gongkai::report::LedgerSource {
            file: "台账.csv".into(),
            sheet: None,
        },
    );
    gongkai::report::save::save(&draft, template, &d).unwrap();
    let mut app = app_2024(100, 30);
    let open = |app: &mut App| {
        let action = runtime::perform(app, &Effect::Open(draft.clone())).unwrap();
        update(app, action);
    };
    open(&mut app);
    assert_eq!(stale(&app), 0, "the ledger is there and agrees");
    std::fs::remove_file(&path).unwrap();
    open(&mut app);
    let doc = app.doc.as_ref().unwrap();
    let hint = doc
        .outcome
        .findings
        .iter()
        .find(|f| f.code == codes::LEDGER_STALE)
        .expect("the hint");
    assert_eq!(
        gongkai::i18n::finding(Lang::Zh, hint),
        "表三来自的台账“台账.csv”已不存在"
    );
}
