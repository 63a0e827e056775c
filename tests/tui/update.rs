//! The editor's behaviour, driven by actions as keys would drive it: no terminal needed.

use gongkai::check::codes;
use gongkai::i18n::Lang;
use gongkai::report::{AgencyKind, Draft, Number};
use gongkai::template::Template;
use gongkai::tui::action::{Action, Command, Effect};
use gongkai::tui::app::{App, Dialog, Doc, Look, Page};
use gongkai::tui::runtime;
use gongkai::tui::update::update;
use std::path::PathBuf;

use crate::common::screen::SAMPLE;
use crate::support::{press, run_effects, to_last_cell};

/// The editor at 100×30 in Chinese, before anything is opened.
fn new_app() -> App {
    App::new(
        Lang::Zh,
        Look {
            ascii: false,
            color: false,
        },
        100,
        30,
    )
}

fn app_with(doc: Doc) -> App {
    let mut app = new_app();
    app.drafts_dir = PathBuf::from("drafts");
    app.open(doc);
    app
}

fn sample() -> App {
    let loaded = gongkai::library::load(std::path::Path::new(SAMPLE)).expect("sample loads");
    app_with(Doc::new(SAMPLE.into(), loaded.template, loaded.draft, None))
}

fn empty(year: i32) -> App {
    let template = Template::for_year(year).expect("a format");
    let draft = Draft::new(&template.id, "某某局", year, AgencyKind::Department);
    app_with(Doc::new("new.toml".into(), template, draft, None))
}

/// Drafts, and their recovery files, in a folder of the test's own: never the data and state
/// folders of whoever runs the tests, whose drafts would show up in the lists.
fn in_folder(app: &mut App, dir: &std::path::Path) {
    app.drafts_dir = dir.to_path_buf();
    app.recovery = gongkai::recovery::Store {
        folder: dir.join(".recovery"),
    };
}

/// The system's error for a full disk, as the runtime hands it up.
fn disk_full() -> gongkai::report::IoFault {
    gongkai::report::IoFault::from(&std::io::Error::from(std::io::ErrorKind::StorageFull))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Char(c));
    }
}

fn go_to_section(app: &mut App, key: &str) {
    let doc = app.doc.as_ref().expect("a draft");
    let i = doc
        .template
        .sections
        .iter()
        .position(|s| s.key == key)
        .expect("section");
    let page = app
        .pages
        .iter()
        .position(|p| *p == Page::Section(i))
        .expect("page");
    while app.page < page {
        press(app, Command::NextSection);
    }
}

fn go_to_page(app: &mut App, wanted: Page) {
    let target = app.pages.iter().position(|p| *p == wanted).expect("a page");
    while app.page != target {
        let cmd = if app.page < target {
            Command::NextSection
        } else {
            Command::PrevSection
        };
        press(app, cmd);
    }
}

fn cell(app: &App, key: &str) -> Option<Number> {
    app.doc.as_ref().expect("a draft").draft.cell(key)
}

fn total(app: &App, key: &str) -> Option<Number> {
    let doc = app.doc.as_ref().expect("a draft");
    doc.outcome.totals.get(key).and_then(|t| t.complete())
}

#[test]
fn typing_digits_fills_the_focused_cell_and_the_total_follows() {
    let mut app = empty(2020);
    go_to_section(&mut app, "requests");
    type_text(&mut app, "12");
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(12)),
        "the value is applied while it is typed"
    );
    press(&mut app, Command::Enter);
    assert!(app.cell.is_none());
    // Enter moved down to 二、上年结转.
    type_text(&mut app, "3");
    press(&mut app, Command::Enter);
    assert_eq!(
        cell(&app, "requests.carried_over.natural_person"),
        Some(Number::Count(3))
    );
    // The 总计 column is not complete while other columns are blank.
    assert_eq!(total(&app, "requests.new_received.total"), None);
    press(&mut app, Command::FillZeros);
    assert_eq!(
        total(&app, "requests.new_received.total"),
        Some(Number::Count(12))
    );
}

#[test]
fn an_amount_in_wan_yuan_takes_six_places_and_refuses_a_seventh() {
    let mut app = empty(2024);
    go_to_section(&mut app, "proactive");
    let table = app
        .doc
        .as_ref()
        .unwrap()
        .template
        .table("proactive")
        .unwrap();
    let row = table.rows().position(|(_, r)| r.key == "fees").unwrap();
    {
        let f = app.tables.get_mut("proactive").unwrap();
        f.row = row;
        f.col = 0;
    }
    type_text(&mut app, "12345.6789127");
    assert!(app.message.as_ref().unwrap().text.contains("六位小数"));
    press(&mut app, Command::Enter);
    assert_eq!(
        cell(&app, "proactive.fees.amount"),
        Some(Number::Amount("12345.678912".parse().unwrap()))
    );
}

#[test]
fn the_new_prose_checks_follow_every_keystroke() {
    let mut app = empty(2024);
    go_to_section(&mut app, "overview");
    type_text(&mut app, "（一）主动公开");
    let has = |app: &App, code: &str| {
        app.doc
            .as_ref()
            .unwrap()
            .outcome
            .findings
            .iter()
            .any(|f| f.code == code && f.section == "overview")
    };
    assert!(has(&app, codes::TEXT_EMPTY), "a heading alone is no text");
    update(
        &mut app,
        Action::Paste("\n全年共收到政府信息公开申请5件，均在法定期限内办结。".into()),
    );
    assert!(!has(&app, codes::TEXT_EMPTY));
    // The cells are blank, so the figures cannot be judged yet; once they are, they are.
    go_to_section(&mut app, "requests");
    press(&mut app, Command::FillZeros);
    assert!(has(&app, codes::NARRATIVE));
}

#[test]
fn full_width_digits_and_separators_are_accepted() {
    let mut app = empty(2020);
    go_to_section(&mut app, "requests");
    type_text(&mut app, "１，２３４");
    press(&mut app, Command::Enter);
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(1234))
    );
}

#[test]
fn a_refused_character_says_why_and_changes_nothing() {
    let mut app = empty(2020);
    go_to_section(&mut app, "requests");
    type_text(&mut app, "4");
    type_text(&mut app, "x");
    let m = app.message.clone().expect("a message");
    assert!(m.error);
    assert!(m.text.contains("只能输入数字"), "{}", m.text);
    type_text(&mut app, "-");
    let m = app.message.clone().expect("a message");
    assert!(m.text.contains("负数"), "{}", m.text);
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(4))
    );
}

#[test]
fn signed_cells_take_a_sign_and_amounts_a_point() {
    let mut app = empty(2020);
    go_to_section(&mut app, "proactive");
    // 行政许可 · 本年增/减 is a signed cell.
    let table = app
        .doc
        .as_ref()
        .unwrap()
        .template
        .table("proactive")
        .unwrap();
    let row = table
        .rows()
        .position(|(_, r)| r.key == "licensing")
        .unwrap();
    {
        let f = app.tables.get_mut("proactive").unwrap();
        f.row = row;
        f.col = 1;
    }
    type_text(&mut app, "－3");
    press(&mut app, Command::Enter);
    assert_eq!(
        cell(&app, "proactive.licensing.change"),
        Some(Number::Signed(-3))
    );
    let row = table
        .rows()
        .position(|(_, r)| r.key == "procurement")
        .unwrap();
    {
        let f = app.tables.get_mut("proactive").unwrap();
        f.row = row;
        f.col = 1;
    }
    type_text(&mut app, "2.12345");
    assert!(app.message.as_ref().unwrap().text.contains("四位小数"));
    press(&mut app, Command::Enter);
    assert_eq!(
        cell(&app, "proactive.procurement.amount"),
        Some(Number::Amount("2.1234".parse().unwrap()))
    );
    press(&mut app, Command::CycleUnit);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(
        doc.draft
            .units
            .get("proactive.procurement.amount")
            .map(String::as_str),
        Some("元")
    );
}

#[test]
fn escape_restores_the_cell_and_leaves_nothing_to_undo() {
    let mut app = sample();
    go_to_section(&mut app, "requests");
    type_text(&mut app, "99");
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(99))
    );
    press(&mut app, Command::Cancel);
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(31))
    );
    assert!(!app.doc.as_ref().unwrap().is_dirty());
    assert!(!app.doc.as_ref().unwrap().history.can_undo());
}

#[test]
fn fill_blanks_with_zero_is_one_undoable_step() {
    let mut app = empty(2021);
    go_to_section(&mut app, "requests");
    type_text(&mut app, "5");
    press(&mut app, Command::Enter);
    press(&mut app, Command::FillZeros);
    let doc = app.doc.as_ref().unwrap();
    let table = doc.template.table("requests").unwrap();
    assert!(
        table
            .input_cells()
            .all(|c| doc.draft.cells.contains_key(&c.key()))
    );
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(5)),
        "a figure typed is kept"
    );
    assert_eq!(
        cell(&app, "requests.granted.business"),
        Some(Number::Count(0))
    );
    // Other tables are untouched.
    assert_eq!(cell(&app, "appeals.review.upheld"), None);
    press(&mut app, Command::Undo);
    assert_eq!(cell(&app, "requests.granted.business"), None);
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(5))
    );
    press(&mut app, Command::Redo);
    assert_eq!(
        cell(&app, "requests.granted.business"),
        Some(Number::Count(0))
    );
}

#[test]
fn next_blank_jumps_across_sections_to_the_blank_cell() {
    let mut app = sample();
    app.doc
        .as_mut()
        .unwrap()
        .draft
        .cells
        .remove("appeals.litigation_direct.pending");
    assert_eq!(app.current_page(), Some(Page::Meta));
    press(&mut app, Command::NextBlank);
    let doc = app.doc.as_ref().unwrap();
    let appeals = doc
        .template
        .sections
        .iter()
        .position(|s| s.key == "appeals")
        .unwrap();
    assert_eq!(app.current_page(), Some(Page::Section(appeals)));
    let f = app.tables["appeals"];
    let table = doc.template.table("appeals").unwrap();
    let (block, row) = table.rows().nth(f.row).unwrap();
    assert_eq!(row.key, "litigation_direct");
    assert_eq!(block.columns[f.col].key, "pending");
    // Typing there fills it.
    type_text(&mut app, "0");
    press(&mut app, Command::Enter);
    press(&mut app, Command::NextBlank);
    assert!(app.message.as_ref().unwrap().text.contains("没有空白"));
}

#[test]
fn a_warning_is_acknowledged_with_a_reason_and_undone() {
    let mut app = sample();
    assert!(!app.doc.as_ref().unwrap().outcome.is_finished());
    go_to_page(&mut app, Page::Review);
    press(&mut app, Command::Acknowledge);
    assert!(matches!(app.dialog, Some(Dialog::Reason { .. })));
    // An empty reason is refused.
    press(&mut app, Command::Enter);
    assert!(app.dialog.is_some());
    type_text(&mut app, "正文1217件为办结件数");
    press(&mut app, Command::Enter);
    assert!(app.dialog.is_none());
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.draft.acknowledged.len(), 1);
    let ack = &doc.draft.acknowledged[0];
    assert_eq!(ack.code, codes::NARRATIVE);
    assert_eq!(ack.cell.as_deref(), Some("proactive.licensing.decisions"));
    assert_eq!(ack.reason, "正文1217件为办结件数");
    assert!(doc.outcome.is_finished());
    press(&mut app, Command::Undo);
    assert!(app.doc.as_ref().unwrap().draft.acknowledged.is_empty());
    press(&mut app, Command::Redo);
    go_to_page(&mut app, Page::Review);
    press(&mut app, Command::Unacknowledge);
    assert!(app.doc.as_ref().unwrap().draft.acknowledged.is_empty());
}

fn select_first_error(app: &mut App) {
    use gongkai::tui::update::{ReviewItem, selected_review_item};
    for _ in 0..50 {
        if let Some(ReviewItem::Finding(i)) = selected_review_item(app)
            && app.doc.as_ref().unwrap().outcome.findings[i].severity
                == gongkai::check::Severity::Error
        {
            return;
        }
        press(app, Command::Down);
    }
    panic!("no error to select");
}

#[test]
fn an_error_cannot_be_acknowledged() {
    let mut app = sample();
    go_to_section(&mut app, "requests");
    type_text(&mut app, "30");
    press(&mut app, Command::Enter);
    go_to_page(&mut app, Page::Review);
    assert!(app.doc.as_ref().unwrap().outcome.summary().errors > 0);
    select_first_error(&mut app);
    press(&mut app, Command::Acknowledge);
    assert!(app.dialog.is_none());
    assert!(app.message.as_ref().unwrap().text.contains("不能确认"));
}

#[test]
fn review_enter_goes_to_the_cell_of_a_finding() {
    let mut app = sample();
    go_to_section(&mut app, "requests");
    type_text(&mut app, "30");
    press(&mut app, Command::Enter);
    go_to_page(&mut app, Page::Review);
    select_first_error(&mut app);
    press(&mut app, Command::Enter);
    assert_eq!(
        app.section(app.current_page().unwrap())
            .map(|s| s.key.as_str()),
        Some("requests")
    );
}

#[test]
fn review_enter_on_a_prose_finding_goes_to_its_sentence() {
    let mut app = sample();
    go_to_page(&mut app, Page::Review);
    // The sample's one warning: 「年内共办结行政许可1217件」 in 一 against table 二's 1037.
    let (section, quote) = {
        let doc = app.doc.as_ref().unwrap();
        let f = &doc.outcome.findings[0];
        (f.section.clone(), f.quote().unwrap().to_string())
    };
    for _ in 0..50 {
        if matches!(
            gongkai::tui::update::selected_review_item(&app),
            Some(gongkai::tui::update::ReviewItem::Finding(0))
        ) {
            break;
        }
        press(&mut app, Command::Down);
    }
    press(&mut app, Command::Enter);
    assert_eq!(
        app.section(app.current_page().unwrap())
            .map(|s| s.key.clone()),
        Some(section.clone()),
        "the prose section, not table 二"
    );
    let caret = app.prose.get(&section).unwrap().caret;
    let text = app.doc.as_ref().unwrap().draft.text(&section).to_string();
    assert!(text[caret..].starts_with(&quote), "caret at the sentence");
}

fn focus_year(app: &mut App) {
    go_to_page(app, Page::Meta);
    while app.form.field != 1 {
        press(app, Command::Down);
    }
}

#[test]
fn a_year_in_another_format_asks_before_switching() {
    let mut app = sample();
    focus_year(&mut app);
    for _ in 0..4 {
        press(&mut app, Command::Backspace);
    }
    type_text(&mut app, "2021");
    press(&mut app, Command::Enter);
    let Some(Dialog::ConfirmYear { year, template, .. }) = app.dialog.clone() else {
        panic!("expected a question, got {:?}", app.dialog);
    };
    assert_eq!((year, template.as_str()), (2021, "gip-2021"));
    // Nothing has changed yet.
    assert_eq!(app.doc.as_ref().unwrap().draft.report.year, 2020);
    press(&mut app, Command::No);
    assert_eq!(app.doc.as_ref().unwrap().draft.report.year, 2020);
    assert_eq!(app.form.input.text, "2020");

    for _ in 0..4 {
        press(&mut app, Command::Backspace);
    }
    type_text(&mut app, "2021");
    press(&mut app, Command::NextField);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmYear { .. })));
    press(&mut app, Command::Yes);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.draft.report.year, 2021);
    assert_eq!(doc.template.id, "gip-2021");
    assert_eq!(doc.draft.template, "gip-2021");
    assert_eq!(
        doc.draft.cell("requests.new_received.natural_person"),
        Some(Number::Count(31))
    );
    // And back, by undo, without asking again.
    press(&mut app, Command::Undo);
    assert_eq!(app.dialog, None);
    assert_eq!(app.form.input.text, "2020");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.template.id, "gip-2019");
    assert_eq!(doc.draft.report.year, 2020);
    assert_eq!(
        doc.draft.cell("proactive.licensing.decisions"),
        Some(Number::Count(1037))
    );
}

#[test]
fn a_year_in_the_same_format_changes_without_asking() {
    let mut app = sample();
    focus_year(&mut app);
    // A digit typed on arrival replaces the year, as in a cell.
    type_text(&mut app, "20199");
    assert!(
        app.message.as_ref().is_some_and(|m| m.error),
        "a fifth digit is refused"
    );
    press(&mut app, Command::Enter);
    assert!(app.dialog.is_none());
    assert_eq!(app.doc.as_ref().unwrap().draft.report.year, 2019);
}

#[test]
fn metadata_typing_is_undone_as_one_step() {
    let mut app = sample();
    go_to_page(&mut app, Page::Meta);
    press(&mut app, Command::End);
    type_text(&mut app, "办公室");
    assert_eq!(
        app.doc.as_ref().unwrap().draft.report.agency,
        "厦门市人力资源和社会保障局办公室"
    );
    press(&mut app, Command::Undo);
    assert_eq!(
        app.doc.as_ref().unwrap().draft.report.agency,
        "厦门市人力资源和社会保障局"
    );
    assert_eq!(app.form.input.text, "厦门市人力资源和社会保障局");
}

#[test]
fn prose_typing_pasting_and_undo() {
    let mut app = empty(2021);
    go_to_section(&mut app, "problems");
    type_text(&mut app, "人员流动较快");
    update(&mut app, Action::Paste("\r\n改进：加强培训".into()));
    let text = |app: &App| app.doc.as_ref().unwrap().draft.text("problems").to_string();
    assert_eq!(text(&app), "人员流动较快\n改进：加强培训");
    press(&mut app, Command::Undo);
    assert_eq!(text(&app), "人员流动较快");
    press(&mut app, Command::Undo);
    assert_eq!(text(&app), "");
}

#[test]
fn the_outline_is_offered_for_an_empty_overview() {
    let mut app = empty(2021);
    go_to_section(&mut app, "overview");
    press(&mut app, Command::InsertOutline);
    let text = app.doc.as_ref().unwrap().draft.text("overview").to_string();
    for topic in [
        "主动公开",
        "依申请公开",
        "政府信息管理",
        "政府信息公开平台建设",
        "监督保障",
    ] {
        assert!(text.contains(topic), "{topic} missing from {text}");
    }
    assert!(
        text.starts_with("（一）主动公开\n"),
        "numbered once: {text}"
    );
}

#[test]
fn tab_walks_field_to_field_and_on_to_the_next_section() {
    let mut app = sample();
    let fields = gongkai::tui::app::form_fields(app.doc.as_ref().unwrap().template).len();
    for _ in 0..fields {
        press(&mut app, Command::NextField);
    }
    assert_eq!(
        app.section(app.current_page().unwrap())
            .map(|s| s.key.as_str()),
        Some("overview")
    );
    press(&mut app, Command::NextField);
    assert_eq!(
        app.section(app.current_page().unwrap())
            .map(|s| s.key.as_str()),
        Some("proactive")
    );
    press(&mut app, Command::PrevField);
    assert_eq!(
        app.section(app.current_page().unwrap())
            .map(|s| s.key.as_str()),
        Some("overview")
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut app = sample();
    assert_eq!(press(&mut app, Command::Quit), vec![Effect::Quit]);
    let mut app = sample();
    go_to_section(&mut app, "requests");
    press(&mut app, Command::Delete);
    assert!(press(&mut app, Command::Quit).is_empty());
    assert_eq!(app.dialog, Some(Dialog::ConfirmQuit));
    assert_eq!(
        press(&mut app, Command::Yes),
        vec![Effect::Save { then_quit: true }]
    );
}

#[test]
fn saving_writes_the_draft_and_a_failed_save_keeps_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.toml");
    std::fs::copy(SAMPLE, &path).unwrap();
    let loaded = gongkai::library::load(&path).unwrap();
    let mut app = app_with(Doc::new(path.clone(), loaded.template, loaded.draft, None));
    go_to_section(&mut app, "requests");
    type_text(&mut app, "40");
    let effects = press(&mut app, Command::Save);
    assert_eq!(effects, vec![Effect::Save { then_quit: false }]);
    let result = runtime::perform(&app, &effects[0]).unwrap();
    update(&mut app, result);
    assert!(!app.doc.as_ref().unwrap().is_dirty());
    let again = gongkai::library::load(&path).unwrap();
    assert_eq!(
        again.draft.cell("requests.new_received.natural_person"),
        Some(Number::Count(40))
    );

    // A save into a folder that is gone fails, says why, and keeps everything.
    let doc = app.doc.as_mut().unwrap();
    doc.path = dir.path().join("gone").join("draft.toml");
    // Never on disk there: nothing to compare with before saving.
    doc.disk = None;
    type_text(&mut app, "1");
    let result = runtime::perform(&app, &Effect::Save { then_quit: false }).unwrap();
    update(&mut app, result);
    assert!(app.message.as_ref().unwrap().error);
    assert!(app.message.as_ref().unwrap().text.contains("保存失败"));
    assert!(app.doc.as_ref().unwrap().is_dirty());
}

#[test]
fn a_sample_is_copied_before_editing() {
    let dir = tempfile::tempdir().unwrap();
    let doc = runtime::open(std::path::Path::new(SAMPLE), None, dir.path(), Lang::Zh).unwrap();
    assert_eq!(doc.path, dir.path().join("xiamen-hrss-2020.toml"));
    assert!(doc.path.exists());
    assert_eq!(
        doc.copied_from.as_deref(),
        Some(std::path::Path::new(SAMPLE))
    );
}

#[test]
fn new_report_creates_the_draft_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app();
    in_folder(&mut app, dir.path());
    press(&mut app, Command::Enter);
    assert!(matches!(app.dialog, Some(Dialog::NewReport { .. })));
    press(&mut app, Command::Enter);
    assert!(
        matches!(&app.dialog, Some(Dialog::NewReport { error: Some(_), .. })),
        "an agency is required"
    );
    type_text(&mut app, "某某区教育局");
    press(&mut app, Command::NextField);
    for _ in 0..4 {
        press(&mut app, Command::Backspace);
    }
    type_text(&mut app, "2024");
    let effects = press(&mut app, Command::Enter);
    let Some(effect @ Effect::Create { .. }) = effects.first() else {
        panic!("expected a new draft, got {effects:?}");
    };
    let opened = runtime::perform(&app, effect).unwrap();
    update(&mut app, opened);
    let doc = app.doc.as_ref().expect("opened");
    assert_eq!(doc.template.id, "gip-2021");
    assert_eq!(doc.path, dir.path().join("某某区教育局-2024.toml"));
    assert!(doc.path.exists());
}

#[test]
fn a_click_goes_to_a_section_and_to_a_cell() {
    use gongkai::tui::action::Mouse;
    use gongkai::tui::layout::{SIDEBAR_LINES, areas};
    let mut app = sample();
    let a = areas(app.width, app.height);
    // The fourth entry of the section list is 三.
    update(
        &mut app,
        Action::Mouse(Mouse::Click {
            x: 2,
            y: a.sidebar.y + 3 * SIDEBAR_LINES,
        }),
    );
    assert_eq!(
        app.section(app.current_page().unwrap())
            .map(|s| s.key.as_str()),
        Some("requests")
    );
    // Click the 商业企业 cell of 二、上年结转: the header, then the second row of figures.
    let table = app
        .doc
        .as_ref()
        .unwrap()
        .template
        .table("requests")
        .unwrap();
    let g = gongkai::tui::layout::table_geometry_in(
        table,
        usize::from(a.content.width),
        usize::from(a.content.height),
        true,
    );
    let x = a.content.x + (g.label_width + g.column_width + 2) as u16;
    let y = a.content.y + g.header_lines as u16 + 1;
    update(&mut app, Action::Mouse(Mouse::Click { x, y }));
    let f = app.tables["requests"];
    assert_eq!((f.row, f.col), (1, 1));
    // The wheel moves down the table.
    update(&mut app, Action::Mouse(Mouse::ScrollDown { x, y }));
    assert!(app.tables["requests"].row > 1);
}

#[test]
fn export_waits_for_a_finished_report_unless_marked_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.toml");
    std::fs::copy(SAMPLE, &path).unwrap();
    let loaded = gongkai::library::load(&path).unwrap();
    let mut app = app_with(Doc::new(path.clone(), loaded.template, loaded.draft, None));
    go_to_page(&mut app, Page::Export);
    assert!(
        app.export.path.text.ends_with(".docx"),
        "the export module's name, beside the draft: {}",
        app.export.path.text
    );
    // Not finished: the 1217 warning is open.
    assert!(press(&mut app, Command::Enter).is_empty());
    assert!(app.message.as_ref().unwrap().error);
    // As a draft it goes.
    app.export.field = 1;
    update(&mut app, Action::Char(' '));
    assert!(app.export.draft_mark);
    let effects = press(&mut app, Command::Enter);
    assert_eq!(effects.len(), 1);
    let done = runtime::perform(&app, &effects[0]).unwrap();
    update(&mut app, done);
    assert!(!app.message.as_ref().unwrap().error, "{:?}", app.message);
    assert!(std::fs::metadata(&app.export.path.text).unwrap().len() > 1000);

    // Finished, in HTML, to a path typed by hand.
    go_to_page(&mut app, Page::Review);
    press(&mut app, Command::Acknowledge);
    type_text(&mut app, "正文1217件为办结件数");
    press(&mut app, Command::Enter);
    go_to_page(&mut app, Page::Export);
    app.export.field = 0;
    while gongkai::tui::exporter::formats()[app.export.format] != "html" {
        press(&mut app, Command::Right);
    }
    app.export.field = 1;
    press(&mut app, Command::Toggle);
    assert!(!app.export.draft_mark);
    app.export.field = 2;
    press(&mut app, Command::End);
    for _ in 0..app.export.path.text.chars().count() {
        press(&mut app, Command::Backspace);
    }
    let out = dir.path().join("report.html");
    type_text(&mut app, &out.display().to_string());
    let effects = press(&mut app, Command::Enter);
    let done = runtime::perform(&app, &effects[0]).unwrap();
    update(&mut app, done);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("厦门市人力资源和社会保障局"));
    assert!(
        !html.contains("草稿"),
        "a finished export has no draft mark"
    );
}

/// A data folder holding the sample (2020), and the editor on its start screen, listed.
fn start_with_sample() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SAMPLE, dir.path().join("xiamen-hrss-2020.toml")).unwrap();
    let mut app = new_app();
    in_folder(&mut app, dir.path());
    let listed = runtime::perform(&app, &Effect::List).unwrap();
    update(&mut app, listed);
    (dir, app)
}

#[test]
fn from_last_year_on_the_start_screen_makes_and_opens_next_years_draft() {
    let (dir, mut app) = start_with_sample();
    // The second item of the start list.
    press(&mut app, Command::Down);
    press(&mut app, Command::Enter);
    let Some(Dialog::FromLastYear {
        choices, selected, ..
    }) = &app.dialog
    else {
        panic!("expected the from-last-year dialog, got {:?}", app.dialog);
    };
    assert_eq!(choices.len(), 1);
    assert_eq!(*selected, 0, "last year's draft is selected");
    let effects = press(&mut app, Command::Enter);
    assert!(
        matches!(&effects[..], [Effect::CreateFromLast { target: None, .. }]),
        "{effects:?}"
    );
    run_effects(&mut app, effects);

    let doc = app.doc.as_ref().expect("the new draft is open");
    let path = dir.path().join("厦门市人力资源和社会保障局-2021.toml");
    assert_eq!(doc.path, path);
    assert_eq!(doc.draft.report.year, 2021);
    assert_eq!(doc.template.id, "gip-2021");
    // 二、上年结转 = last year's 四: 0, 1, 0, 0, 0, 0.
    assert_eq!(
        doc.draft.cell("requests.carried_over.business"),
        Some(Number::Count(1))
    );
    assert_eq!(
        doc.draft.cell("requests.carried_over.natural_person"),
        Some(Number::Count(0))
    );
    let previous = doc.draft.previous.as_ref().expect("[previous]");
    assert_eq!(previous.year, Some(2020));
    assert_eq!(previous.file.as_deref(), Some("xiamen-hrss-2020.toml"));
    assert_eq!(previous.carried_forward.get("business"), Some(&1));
    assert!(doc.draft.text("overview").is_empty(), "prose is not copied");
    assert!(
        doc.last.is_some(),
        "last year's whole draft is read through [previous].file"
    );
    // On disk, as opened.
    let saved = gongkai::library::load(&path).unwrap();
    assert_eq!(saved.draft, doc.draft);

    // What was carried and what could not be, in Chinese.
    let Some(Dialog::Carried { lines }) = &app.dialog else {
        panic!("expected the carried notice, got {:?}", app.dialog);
    };
    let all = lines.join("\n");
    assert!(all.contains("已新建"), "{all}");
    assert!(all.contains("已从 2020 年报告结转"), "{all}");
    assert!(
        all.contains("未结转上年数据") && all.contains("现行有效件数"),
        "gip-2019 has no 现行有效件数: {all}"
    );
    press(&mut app, Command::Enter);
    assert!(app.dialog.is_none());
}

#[test]
fn from_last_year_refuses_when_the_target_exists() {
    let (dir, mut app) = start_with_sample();
    let existing = dir.path().join("厦门市人力资源和社会保障局-2021.toml");
    std::fs::write(&existing, "不要覆盖").unwrap();
    press(&mut app, Command::FromLastYear);
    let effects = press(&mut app, Command::Enter);
    run_effects(&mut app, effects);
    let Some(Dialog::FromLastYear { error: Some(e), .. }) = &app.dialog else {
        panic!("expected the refusal in the dialog, got {:?}", app.dialog);
    };
    assert!(e.contains("已存在") && e.contains("未覆盖"), "{e}");
    assert!(app.doc.is_none(), "nothing opened");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "不要覆盖");
}

#[test]
fn from_last_year_refuses_a_year_no_format_applies_to_and_takes_a_typed_path() {
    let (dir, mut app) = start_with_sample();
    // This year is 2020: a 2020 draft is next year's at the latest, a 2021 draft cannot follow.
    app.today = Some(jiff::civil::date(2020, 6, 1));
    let later = dir.path().join("later.toml");
    let mut draft = gongkai::library::load(std::path::Path::new(SAMPLE))
        .unwrap()
        .draft;
    draft.report.year = 2021;
    draft.switch_template(Template::builtin("gip-2021").unwrap());
    gongkai::report::save::save(&later, Template::builtin("gip-2021").unwrap(), &draft).unwrap();
    press(&mut app, Command::FromLastYear);
    // The path below the list: typing goes there.
    type_text(&mut app, &later.display().to_string());
    let effects = press(&mut app, Command::Enter);
    run_effects(&mut app, effects);
    let Some(Dialog::FromLastYear { error: Some(e), .. }) = &app.dialog else {
        panic!("expected a refusal, got {:?}", app.dialog);
    };
    assert!(e.contains("2022"), "{e}");
    assert!(app.doc.is_none());

    // An empty path is asked for, not tried.
    press(&mut app, Command::Cancel);
    press(&mut app, Command::FromLastYear);
    press(&mut app, Command::Down);
    assert!(press(&mut app, Command::Enter).is_empty());
    assert!(matches!(
        &app.dialog,
        Some(Dialog::FromLastYear { error: Some(_), .. })
    ));
}

#[test]
fn new_report_dialog_offers_from_last_year_and_keeps_the_file_named() {
    let (dir, mut app) = start_with_sample();
    let named = dir.path().join("2021.toml");
    app.dialog = Some(gongkai::tui::update::new_report_dialog(
        &app,
        Some(named.clone()),
    ));
    press(&mut app, Command::FromLastYear);
    let effects = press(&mut app, Command::Enter);
    assert_eq!(
        effects,
        vec![Effect::CreateFromLast {
            from: dir.path().join("xiamen-hrss-2020.toml"),
            target: Some(named.clone()),
        }]
    );
    run_effects(&mut app, effects);
    assert_eq!(app.doc.as_ref().map(|d| d.path.clone()), Some(named));
}

/// The sample's 2021 successor, made from the start screen and opened.
fn next_year_of_sample() -> (tempfile::TempDir, App) {
    let (dir, mut app) = start_with_sample();
    press(&mut app, Command::FromLastYear);
    let effects = press(&mut app, Command::Enter);
    run_effects(&mut app, effects);
    press(&mut app, Command::Enter);
    assert!(app.doc.is_some() && app.dialog.is_none());
    (dir, app)
}

#[test]
fn checks_use_last_years_whole_draft() {
    let (_dir, mut app) = next_year_of_sample();
    go_to_section(&mut app, "requests");
    // 二、上年结转 · 自然人 is focused after 一: change it from last year's 0 to 5.
    press(&mut app, Command::Down);
    type_text(&mut app, "5");
    press(&mut app, Command::Enter);
    let doc = app.doc.as_ref().unwrap();
    assert!(
        doc.outcome
            .findings
            .iter()
            .any(|f| f.code == codes::PREVIOUS_CARRY
                && f.cell.as_deref() == Some("requests.carried_over.natural_person")),
        "previous.carry follows the typing"
    );
    // previous.text: 一 written as last year's.
    let last = doc
        .last
        .as_ref()
        .unwrap()
        .draft
        .text("overview")
        .to_string();
    go_to_page(&mut app, Page::Section(0));
    update(&mut app, Action::Paste(last));
    let doc = app.doc.as_ref().unwrap();
    assert!(
        doc.outcome
            .findings
            .iter()
            .any(|f| f.code == codes::PREVIOUS_TEXT),
        "only last year's whole draft has the text to compare"
    );
}

/// Last year's value of the focused cell, as the panel under the table shows it.
fn focused_last_value(app: &App) -> Option<gongkai::check::LastValue> {
    let key = gongkai::tui::update::focused_cell(app)?;
    app.doc.as_ref()?.last_value(&key)
}

#[test]
fn the_focused_cell_shows_last_years_value() {
    let (_dir, mut app) = next_year_of_sample();
    go_to_section(&mut app, "proactive");
    // 规章 and 行政规范性文件 first (three cells each), then 行政许可's one cell.
    while gongkai::tui::update::focused_cell(&app).as_deref()
        != Some("proactive.licensing.decisions")
    {
        press(&mut app, Command::NextField);
    }
    let v = focused_last_value(&app).expect("the sample has 1037");
    assert_eq!(v.same, Some(Number::Count(1037)));
    assert_eq!(v.carried, None);
    // 现行有效件数: gip-2019 had none, and nothing was typed into [previous].
    let focus = app.tables.get_mut("proactive").unwrap();
    (focus.row, focus.col) = (0, 2);
    assert_eq!(
        gongkai::tui::update::focused_cell(&app).as_deref(),
        Some("proactive.regulations.in_force")
    );
    assert_eq!(focused_last_value(&app), None);

    go_to_section(&mut app, "requests");
    press(&mut app, Command::Down);
    press(&mut app, Command::Right);
    assert_eq!(
        gongkai::tui::update::focused_cell(&app).as_deref(),
        Some("requests.carried_over.business")
    );
    let v = focused_last_value(&app).expect("二 carries 四");
    assert_eq!(v.carried.map(|c| c.value), Some(Number::Count(1)));
    assert_eq!(
        v.same,
        Some(Number::Count(0)),
        "and last year's own 二 was 0 for 商业企业"
    );
}

#[test]
fn last_years_text_toggles_scrolls_and_is_never_edited() {
    let (_dir, mut app) = next_year_of_sample();
    go_to_section(&mut app, "overview");
    assert_eq!(app.context(), gongkai::tui::keys::Context::Prose);
    press(&mut app, Command::LastText);
    assert!(app.last_text.shown);
    assert_eq!(app.context(), gongkai::tui::keys::Context::ProseLast);
    let last_before = app.doc.as_ref().unwrap().last.clone().unwrap().draft;
    // Typing goes to this year's text only.
    type_text(&mut app, "今年");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.draft.text("overview"), "今年");
    assert_eq!(doc.last.as_ref().unwrap().draft, last_before);
    // It scrolls, and no further than its end.
    press(&mut app, Command::LastTextDown);
    let after_one = app.last_text.scroll["overview"];
    assert!(after_one > 0);
    for _ in 0..200 {
        press(&mut app, Command::LastTextDown);
    }
    let end = app.last_text.scroll["overview"];
    press(&mut app, Command::LastTextDown);
    assert_eq!(app.last_text.scroll["overview"], end, "it stops at the end");
    press(&mut app, Command::LastTextUp);
    assert!(app.last_text.scroll["overview"] < end);
    // The wheel over last year's text scrolls it, and leaves this year's caret where it is.
    let caret = app.prose["overview"].caret;
    let pane = gongkai::tui::update::prose_layout(&app)
        .last_body
        .expect("shown");
    let before = app.last_text.scroll["overview"];
    update(
        &mut app,
        Action::Mouse(gongkai::tui::action::Mouse::ScrollUp {
            x: pane.x + 1,
            y: pane.y + 1,
        }),
    );
    assert_eq!(app.last_text.scroll["overview"], before.saturating_sub(3));
    assert_eq!(app.prose["overview"].caret, caret);
    // A click there does not move the caret into last year's text.
    update(
        &mut app,
        Action::Mouse(gongkai::tui::action::Mouse::Click {
            x: pane.x + 1,
            y: pane.y + 1,
        }),
    );
    assert_eq!(app.prose["overview"].caret, caret);
    // Off again.
    press(&mut app, Command::LastText);
    assert!(!app.last_text.shown);
    assert_eq!(app.context(), gongkai::tui::keys::Context::Prose);
}

#[test]
fn without_last_years_draft_the_text_cannot_be_shown_and_says_why() {
    let mut app = sample();
    go_to_section(&mut app, "overview");
    press(&mut app, Command::LastText);
    assert!(!app.last_text.shown);
    let m = app.message.clone().expect("a message");
    assert!(m.error && m.text.contains("[previous].file"), "{}", m.text);
}

// ---------------------------------------------------------------- keeping the work

use gongkai::tui::app::{Access, ReadOnly, RecoverView};

/// A copy of the sample in a folder of its own, and a recovery store beside it.
fn sample_on_disk() -> (tempfile::TempDir, PathBuf, gongkai::recovery::Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.toml");
    std::fs::copy(SAMPLE, &path).unwrap();
    let store = gongkai::recovery::Store {
        folder: dir.path().join("recovery"),
    };
    (dir, path, store)
}

/// Opens a draft as the editor does, with its lock and any recovery offer.
fn open_as_editor(path: &std::path::Path, store: &gongkai::recovery::Store) -> App {
    let mut app = new_app();
    app.recovery = store.clone();
    let opened = runtime::perform(&app, &Effect::Open(path.to_path_buf())).unwrap();
    update(&mut app, opened);
    app
}

/// Unsaved work for the draft: a changed cell and a sentence in 六.
fn leave_unsaved_work(path: &std::path::Path, store: &gongkai::recovery::Store) -> Draft {
    let loaded = gongkai::library::load(path).unwrap();
    let mut work = loaded.draft.clone();
    work.cells
        .insert("requests.new_received.business".into(), Number::Count(9));
    work.text.insert("other".into(), "新补充的一段。".into());
    std::thread::sleep(std::time::Duration::from_millis(20));
    store.write(path, loaded.template, &work).unwrap();
    work
}

#[test]
fn opening_a_draft_with_newer_unsaved_work_offers_it_and_restore_takes_it_back() {
    let (_dir, path, store) = sample_on_disk();
    let work = leave_unsaved_work(&path, &store);
    let mut app = open_as_editor(&path, &store);
    let Some(Dialog::Recover { offer, view }) = &app.dialog else {
        panic!("expected the recovery offer, got {:?}", app.dialog);
    };
    assert_eq!(*view, RecoverView::Offer);
    let keys: Vec<&str> = offer.differences.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["text.other", "requests.new_received.business"]);

    // Esc does not dismiss it: the answer decides what happens to the file.
    press(&mut app, Command::Cancel);
    assert!(matches!(app.dialog, Some(Dialog::Recover { .. })));
    assert!(app.message.as_ref().unwrap().text.contains("r 恢复"));

    // 查看差异, and back.
    press(&mut app, Command::ShowDifferences);
    assert!(matches!(
        app.dialog,
        Some(Dialog::Recover {
            view: RecoverView::Differences { scroll: 0 },
            ..
        })
    ));
    press(&mut app, Command::Down);
    press(&mut app, Command::Cancel);
    assert!(matches!(
        app.dialog,
        Some(Dialog::Recover {
            view: RecoverView::Offer,
            ..
        })
    ));

    press(&mut app, Command::Restore);
    assert!(app.dialog.is_none());
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.draft, work);
    assert!(doc.is_dirty(), "restored work is not saved until Ctrl-S");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("已恢复 2 处修改")
    );
    // Undo goes back to the draft as saved.
    press(&mut app, Command::Undo);
    assert!(!app.doc.as_ref().unwrap().is_dirty());
}

#[test]
fn discarding_unsaved_work_asks_first_then_removes_the_recovery_file() {
    let (_dir, path, store) = sample_on_disk();
    leave_unsaved_work(&path, &store);
    let mut app = open_as_editor(&path, &store);
    press(&mut app, Command::Discard);
    assert!(matches!(
        app.dialog,
        Some(Dialog::Recover {
            view: RecoverView::ConfirmDiscard,
            ..
        })
    ));
    // n: back to the question, nothing lost.
    assert!(press(&mut app, Command::No).is_empty());
    assert!(matches!(
        app.dialog,
        Some(Dialog::Recover {
            view: RecoverView::Offer,
            ..
        })
    ));
    press(&mut app, Command::Discard);
    let effects = press(&mut app, Command::Yes);
    assert_eq!(
        effects,
        vec![Effect::DiscardRecovery(store.path_for(&path))]
    );
    assert!(app.dialog.is_none());
    assert!(
        store.pending(&path).is_some(),
        "not until it is carried out"
    );
    assert!(runtime::perform(&app, &effects[0]).is_none());
    assert!(store.pending(&path).is_none());
    assert!(!app.doc.as_ref().unwrap().is_dirty());
}

#[test]
fn quitting_from_the_offer_leaves_the_recovery_file_for_next_time() {
    let (_dir, path, store) = sample_on_disk();
    leave_unsaved_work(&path, &store);
    let mut app = open_as_editor(&path, &store);
    let effects = press(&mut app, Command::Quit);
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(app.quit);
    // The offer stays open, so the autosave keeper leaves the file alone.
    assert!(matches!(app.dialog, Some(Dialog::Recover { .. })));
    assert!(store.pending(&path).is_some());
}

#[test]
fn a_recovery_file_equal_to_the_draft_is_not_offered_and_is_removed() {
    let (_dir, path, store) = sample_on_disk();
    let loaded = gongkai::library::load(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store.write(&path, loaded.template, &loaded.draft).unwrap();
    let app = open_as_editor(&path, &store);
    assert!(app.dialog.is_none());
    assert!(store.pending(&path).is_none());
}

#[test]
fn a_draft_another_editor_holds_opens_read_only_and_refuses_every_change() {
    let (_dir, path, store) = sample_on_disk();
    let _theirs = gongkai::lock::acquire(&path).unwrap();
    // Their unsaved work is theirs: not offered here.
    leave_unsaved_work(&path, &store);
    let mut app = open_as_editor(&path, &store);
    let Some(Dialog::LockHeld { holder }) = &app.dialog else {
        panic!("expected the lock dialog, got {:?}", app.dialog);
    };
    assert_eq!(holder.pid, std::process::id());
    press(&mut app, Command::ViewReadOnly);
    assert!(app.dialog.is_none());
    let doc = app.doc.as_ref().unwrap();
    assert!(matches!(doc.access, Access::ReadOnly(ReadOnly::Held(_))));
    let before = doc.draft.clone();

    go_to_section(&mut app, "overview");
    type_text(&mut app, "改");
    assert!(app.message.as_ref().unwrap().error);
    assert!(app.message.as_ref().unwrap().text.contains("只读查看"));
    go_to_section(&mut app, "requests");
    type_text(&mut app, "5");
    press(&mut app, Command::FillZeros);
    press(&mut app, Command::Delete);
    assert!(press(&mut app, Command::Save).is_empty(), "no save");
    // Moving about still works.
    press(&mut app, Command::Down);
    assert_eq!(app.doc.as_ref().unwrap().draft, before);
    assert!(!app.doc.as_ref().unwrap().is_dirty());
    // And even a save asked of the runtime is refused.
    let Some(Action::Saved { result, .. }) =
        runtime::perform(&app, &Effect::Save { then_quit: false })
    else {
        panic!("a save result");
    };
    assert!(matches!(
        result.unwrap_err(),
        gongkai::tui::action::SaveFailed::ReadOnly(_)
    ));
}

#[test]
fn going_back_from_a_held_draft_returns_to_the_start_screen() {
    let (_dir, path, store) = sample_on_disk();
    let _theirs = gongkai::lock::acquire(&path).unwrap();
    let mut app = open_as_editor(&path, &store);
    let effects = press(&mut app, Command::Cancel);
    assert_eq!(effects, vec![Effect::List]);
    assert!(app.doc.is_none());
    assert_eq!(app.screen, gongkai::tui::app::Screen::Start);
}

#[test]
fn the_start_list_marks_drafts_with_unrecovered_work_and_lists_them_first() {
    let (dir, path, store) = sample_on_disk();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::copy(SAMPLE, drafts.join("other.toml")).unwrap();
    leave_unsaved_work(&path, &store);
    let mut app = new_app();
    app.drafts_dir = drafts;
    app.recovery = store;
    let entries = runtime::list_with_recovery(&app);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].path, std::path::absolute(&path).unwrap());
    assert!(entries[0].unrecovered.is_some());
    assert!(entries[1].unrecovered.is_none());
}

#[test]
fn long_prose_is_checked_when_typing_pauses_and_totals_follow_every_key() {
    let mut app = empty(2024);
    go_to_section(&mut app, "overview");
    let long = "本机关全年共收到政府信息公开申请9件。".repeat(4000);
    update(&mut app, Action::Paste(long));
    let doc = app.doc.as_ref().unwrap();
    assert!(
        doc.checks_stale,
        "a long prose is not read on every keystroke"
    );
    assert!(
        !doc.outcome
            .findings
            .iter()
            .any(|f| f.code == codes::NARRATIVE),
        "not yet"
    );
    go_to_section(&mut app, "requests");
    type_text(&mut app, "12");
    assert_eq!(
        total(&app, "requests.new_received.total"),
        None,
        "blank columns"
    );
    press(&mut app, Command::FillZeros);
    assert_eq!(
        total(&app, "requests.new_received.total"),
        Some(Number::Count(12)),
        "totals follow at once"
    );
    update(&mut app, Action::Recheck);
    let doc = app.doc.as_ref().unwrap();
    assert!(!doc.checks_stale);
    assert!(
        doc.outcome
            .findings
            .iter()
            .any(|f| f.code == codes::NARRATIVE),
        "once idle, the prose's 9 is found to disagree with the table's 12"
    );

    // 检查 lists every finding: it brings them up to date on the way in.
    go_to_page(&mut app, Page::Section(0));
    update(&mut app, Action::Paste("又".into()));
    assert!(app.doc.as_ref().unwrap().checks_stale);
    go_to_page(&mut app, Page::Review);
    assert!(!app.doc.as_ref().unwrap().checks_stale);
}

#[test]
fn a_failed_autosave_is_said_once_and_stays_in_view_until_it_works() {
    let mut app = sample();
    update(&mut app, Action::Autosaved(Err(disk_full())));
    let said = &app.message.as_ref().unwrap().text;
    assert!(
        said.contains("自动保存失败") && said.contains("磁盘已满"),
        "{said}"
    );
    assert_eq!(app.recovery_error, Some(disk_full()));
    press(&mut app, Command::Down);
    update(&mut app, Action::Autosaved(Err(disk_full())));
    assert!(
        app.message.is_none(),
        "said once, then kept in the status line"
    );
    update(&mut app, Action::Autosaved(Ok(())));
    assert!(app.recovery_error.is_none());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("自动保存已恢复正常")
    );
}

// ------------------------------------------- recovery decided by content, never by time

/// The start screen with its data folder and recovery store in `dir`.
fn app_in(dir: &std::path::Path, store: &gongkai::recovery::Store) -> App {
    let mut app = new_app();
    app.recovery = store.clone();
    app.drafts_dir = dir.to_path_buf();
    app
}

/// Sets a file's modification time `secs` seconds from now (negative: in the past).
fn set_mtime(path: &std::path::Path, secs: i64) {
    let now = std::time::SystemTime::now();
    let at = if secs >= 0 {
        now + std::time::Duration::from_secs(secs.unsigned_abs())
    } else {
        now - std::time::Duration::from_secs(secs.unsigned_abs())
    };
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(at)
        .unwrap();
}

#[test]
fn work_is_offered_even_when_the_draft_is_newer_than_it() {
    let (_dir, path, store) = sample_on_disk();
    let work = leave_unsaved_work(&path, &store);
    // Touched or synced by another program, or a share whose clock runs ahead.
    set_mtime(&path, 3600);
    assert!(store.pending(&path).is_some());
    let mut app = open_as_editor(&path, &store);
    assert!(matches!(app.dialog, Some(Dialog::Recover { .. })));
    press(&mut app, Command::Restore);
    assert_eq!(app.doc.as_ref().unwrap().draft, work);
}

#[test]
fn a_draft_made_anew_over_old_work_is_offered_that_work() {
    let (dir, path, store) = sample_on_disk();
    let work = leave_unsaved_work(&path, &store);
    std::fs::remove_file(&path).unwrap();
    let mut app = app_in(dir.path(), &store);
    let created = runtime::perform(
        &app,
        &Effect::Create {
            path: path.clone(),
            agency: "某某局".into(),
            year: 2024,
            kind: gongkai::report::AgencyKind::Department,
        },
    )
    .unwrap();
    update(&mut app, created);
    let Some(Dialog::Recover { offer, .. }) = &app.dialog else {
        panic!("expected the recovery offer, got {:?}", app.dialog);
    };
    assert_eq!(offer.recovered, work);
    // Nothing has written over it while the question is open.
    assert_eq!(gongkai::recovery::read(&offer.pending).unwrap(), work);
}

#[test]
fn another_spelling_of_the_path_finds_the_same_recovery_file() {
    let (dir, path, store) = sample_on_disk();
    leave_unsaved_work(&path, &store);
    let name = dir.path().file_name().unwrap();
    let other = dir.path().join("..").join(name).join("draft.toml");
    assert_eq!(store.path_for(&other), store.path_for(&path));
    let app = open_as_editor(&other, &store);
    assert!(matches!(app.dialog, Some(Dialog::Recover { .. })));
}

#[test]
fn a_recovery_file_under_an_old_name_is_found_by_its_first_line() {
    let (_dir, path, store) = sample_on_disk();
    leave_unsaved_work(&path, &store);
    // As an older version named it: another file name, the same first line.
    let old_name = store.folder.join("draft-00000000000000aa.toml");
    std::fs::rename(store.path_for(&path), &old_name).unwrap();
    assert_eq!(store.files_of(&path), vec![old_name.clone()]);
    let mut app = open_as_editor(&path, &store);
    let Some(Dialog::Recover { offer, .. }) = &app.dialog else {
        panic!("expected the recovery offer, got {:?}", app.dialog);
    };
    assert_eq!(offer.pending.recovery, old_name);
    press(&mut app, Command::Restore);
    // Once saved, the file it was restored from goes too.
    assert_eq!(
        app.doc.as_ref().unwrap().restored_from,
        vec![old_name.clone()]
    );
}

#[test]
fn an_unreadable_recovery_file_is_put_aside_and_said() {
    let (_dir, path, store) = sample_on_disk();
    leave_unsaved_work(&path, &store);
    let recovery = store.path_for(&path);
    let mut text = std::fs::read_to_string(&recovery).unwrap();
    text.push_str("\n[[[ broken\n");
    std::fs::write(&recovery, text).unwrap();
    let app = open_as_editor(&path, &store);
    assert!(app.dialog.is_none());
    assert!(!recovery.exists(), "moved before anything can be written");
    let aside = recovery.with_file_name(format!(
        "{}.unreadable",
        recovery.file_name().unwrap().to_string_lossy()
    ));
    assert!(aside.exists());
    let message = &app.message.as_ref().unwrap().text;
    assert!(message.contains("无法读取"), "{message}");
    assert!(message.contains(".unreadable"), "{message}");
}

#[test]
fn work_that_differs_only_in_last_years_figures_or_answers_is_still_offered() {
    let (_dir, path, store) = sample_on_disk();
    let loaded = gongkai::library::load(&path).unwrap();
    let template = loaded.template;
    let mut work = loaded.draft.clone();
    work.previous.get_or_insert_default().file = Some("去年.toml".into());
    work.acknowledged.push(gongkai::report::Acknowledgement {
        code: "narrative.mismatch".into(),
        cell: Some("requests.new_received.total".into()),
        quote: Some("收到申请33件".into()),
        reason: "含转办件".into(),
    });
    store.write(&path, template, &work).unwrap();
    let differences = gongkai::recovery::differences(template, &loaded.draft, &work);
    let keys: Vec<&str> = differences.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["previous.file", "acknowledged"]);
    let app = open_as_editor(&path, &store);
    assert!(matches!(app.dialog, Some(Dialog::Recover { .. })));
}

#[test]
fn two_recovery_files_are_offered_in_turn_and_both_listed() {
    let (dir, path, store) = sample_on_disk();
    let first = leave_unsaved_work(&path, &store);
    let older = store.folder.join("draft-00000000000000bb.toml");
    std::fs::rename(store.path_for(&path), &older).unwrap();
    set_mtime(&older, -60);
    let loaded = gongkai::library::load(&path).unwrap();
    let mut second = loaded.draft.clone();
    second.text.insert("problems".into(), "另一份修改。".into());
    store.write(&path, loaded.template, &second).unwrap();

    let app = app_in(dir.path(), &store);
    let entries = runtime::list_with_recovery(&app);
    assert_eq!(entries[0].recovery_files, 2);

    let mut app = open_as_editor(&path, &store);
    press(&mut app, Command::Restore);
    // The newest came first; the older one is offered next, against the draft as it is now.
    let Some(Dialog::Recover { offer, .. }) = &app.dialog else {
        panic!("expected the second offer, got {:?}", app.dialog);
    };
    assert_eq!(offer.pending.recovery, older);
    assert_eq!(offer.recovered, first);
    press(&mut app, Command::Discard);
    let effects = press(&mut app, Command::Yes);
    assert_eq!(effects, vec![Effect::DiscardRecovery(older)]);
    assert!(app.dialog.is_none());
    assert_eq!(app.doc.as_ref().unwrap().draft, second);
}

// ------------------------------------------------------- another program changed the file

/// The draft open in the editor with a change typed, and another program's edit on disk.
fn changed_under_the_editor() -> (tempfile::TempDir, PathBuf, App) {
    let (dir, path, store) = sample_on_disk();
    let mut app = open_as_editor(&path, &store);
    go_to_section(&mut app, "other");
    type_text(&mut app, "我的补充。");
    // Another program rewrites the file (replace by rename, as editors and sync tools do).
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("phone = \"5327743\"", "phone = \"0592-1111111\"");
    let tmp = dir.path().join("theirs.tmp");
    std::fs::write(&tmp, theirs).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    (dir, path, app)
}

fn save_through_runtime(app: &mut App) -> Vec<Effect> {
    let mut pending = press(app, Command::Save);
    let mut all = Vec::new();
    while let Some(effect) = pending.pop() {
        all.push(effect.clone());
        if let Some(done) = runtime::perform(app, &effect) {
            pending.extend(update(app, done));
        }
    }
    all
}

#[test]
fn a_save_over_another_programs_change_asks_first() {
    let (_dir, path, mut app) = changed_under_the_editor();
    let before = std::fs::read_to_string(&path).unwrap();
    save_through_runtime(&mut app);
    let Some(Dialog::ChangedOnDisk(changed)) = &app.dialog else {
        panic!("expected the question, got {:?}", app.dialog);
    };
    let keys: Vec<&str> = changed.differences.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["report.phone", "text.other"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "nothing written yet"
    );

    // k: mine is saved over theirs; theirs stays in the .bak.
    let effects = press(&mut app, Command::Yes);
    assert_eq!(effects, vec![Effect::SaveOver { then_quit: false }]);
    let done = runtime::perform(&app, &effects[0]).unwrap();
    update(&mut app, done);
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.contains("我的补充。"));
    assert!(now.contains("phone = \"5327743\""));
    let bak = std::fs::read_to_string(gongkai::atomic::backup_path(&path)).unwrap();
    assert!(bak.contains("0592-1111111"));
    // The next save, with nothing changed on disk since, asks nothing.
    type_text(&mut app, "再补一句。");
    save_through_runtime(&mut app);
    assert!(app.dialog.is_none());
    assert!(!app.doc.as_ref().unwrap().is_dirty());
}

#[test]
fn taking_the_files_version_replaces_mine_as_one_undoable_change() {
    let (_dir, path, mut app) = changed_under_the_editor();
    save_through_runtime(&mut app);
    let effects = press(&mut app, Command::No);
    assert!(effects.is_empty(), "nothing is written");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.draft.report.phone, "0592-1111111");
    assert!(!doc.draft.text("other").contains("我的补充。"));
    assert!(!doc.is_dirty());
    press(&mut app, Command::Undo);
    assert!(
        app.doc
            .as_ref()
            .unwrap()
            .draft
            .text("other")
            .contains("我的补充。")
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("0592-1111111")
    );
}

#[test]
fn saving_a_copy_leaves_the_changed_file_alone() {
    let (dir, path, mut app) = changed_under_the_editor();
    let theirs = std::fs::read_to_string(&path).unwrap();
    save_through_runtime(&mut app);
    let effects = press(&mut app, Command::SaveCopy);
    assert_eq!(effects, vec![Effect::SaveCopy]);
    let done = runtime::perform(&app, &effects[0]).unwrap();
    update(&mut app, done);
    let copy = dir.path().join("draft-副本.toml");
    assert!(
        std::fs::read_to_string(&copy)
            .unwrap()
            .contains("我的补充。")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("draft-副本.toml")
    );
}

#[test]
fn a_touch_without_a_change_is_no_conflict() {
    let (_dir, path, store) = sample_on_disk();
    let mut app = open_as_editor(&path, &store);
    go_to_section(&mut app, "other");
    type_text(&mut app, "补充。");
    set_mtime(&path, 3600);
    save_through_runtime(&mut app);
    assert!(app.dialog.is_none());
    assert!(std::fs::read_to_string(&path).unwrap().contains("补充。"));
}

#[test]
fn quitting_while_the_recovery_file_fails_promises_nothing_and_asks_for_a_clear_answer() {
    let mut app = sample();
    go_to_section(&mut app, "other");
    type_text(&mut app, "新写的话。");
    update(&mut app, Action::Autosaved(Err(disk_full())));
    press(&mut app, Command::Quit);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmQuitUnkept { .. })));
    // n, the usual "quit without saving", does nothing here.
    assert!(press(&mut app, Command::No).is_empty());
    assert!(!app.quit);
    // y saves and quits.
    assert_eq!(
        press(&mut app, Command::Yes),
        vec![Effect::Save { then_quit: true }]
    );
    // D gives the changes up, on purpose.
    press(&mut app, Command::Quit);
    assert_eq!(press(&mut app, Command::Discard), vec![Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn quitting_with_a_working_recovery_file_keeps_the_usual_question() {
    let mut app = sample();
    go_to_section(&mut app, "other");
    type_text(&mut app, "新写的话。");
    press(&mut app, Command::Quit);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmQuit)));
}

#[test]
fn opening_a_published_pdf_imports_it_into_the_data_folder_and_says_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("洪泽.pdf");
    std::fs::copy("tests/fixtures/pdf/hongze-2023.pdf", &pdf).unwrap();
    let before = std::fs::read(&pdf).unwrap();
    let mut app = new_app();
    app.drafts_dir = dir.path().join("drafts");
    app.recovery = gongkai::recovery::Store {
        folder: dir.path().join("recovery"),
    };
    let opened = runtime::perform(&app, &Effect::Open(pdf.clone())).unwrap();
    update(&mut app, opened);
    let Some(Dialog::Imported { lines }) = &app.dialog else {
        panic!("expected the import summary, got {:?}", app.dialog);
    };
    assert!(lines[0].contains("已导入"), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("166/166")), "{lines:?}");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.path, dir.path().join("drafts/洪泽区人民政府-2023.toml"));
    assert_eq!(doc.draft.report.agency, "洪泽区人民政府");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        before,
        "the PDF is never written"
    );
}

#[test]
fn a_draft_in_the_hidden_data_folder_is_exported_to_the_documents_folder() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    let path = drafts.join("draft.toml");
    std::fs::copy(SAMPLE, &path).unwrap();
    let loaded = gongkai::library::load(&path).unwrap();
    let mut app = app_with(Doc::new(path.clone(), loaded.template, loaded.draft, None));
    app.drafts_dir = drafts.clone();
    go_to_page(&mut app, Page::Export);
    let proposed = std::path::PathBuf::from(&app.export.path.text);
    assert_eq!(
        proposed.parent(),
        Some(gongkai::paths::documents_dir().as_path()),
        "{}",
        app.export.path.text
    );
    assert!(!proposed.starts_with(&drafts));
}

/// 新建报告 of a name already there: the dialog stays with what was typed, says so without
/// any -o (there is none in the editor), and offers to open that draft or change the name.
#[test]
fn a_duplicate_new_report_keeps_the_dialog_and_offers_open_or_rename() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app();
    in_folder(&mut app, dir.path());
    let make = |app: &mut App| {
        let effects = press(app, Command::Enter);
        let Some(effect @ Effect::Create { .. }) = effects.first() else {
            panic!("expected a new draft, got {effects:?}");
        };
        let done = runtime::perform(app, effect).unwrap();
        update(app, done);
    };
    // The first time the draft is made and opened.
    press(&mut app, Command::NewReport);
    type_text(&mut app, "某某区教育局");
    make(&mut app);
    let first = app.doc.as_ref().expect("opened").path.clone();
    assert!(app.dialog.is_none());

    // The second time, from the start screen again.
    app.doc = None;
    app.screen = gongkai::tui::app::Screen::Start;
    press(&mut app, Command::NewReport);
    type_text(&mut app, "某某区教育局");
    make(&mut app);
    let Some(Dialog::NewReport {
        agency,
        error: Some(error),
        existing: Some(existing),
        focus: 0,
        ..
    }) = &app.dialog
    else {
        panic!("the dialog stays, offering the draft: {:?}", app.dialog);
    };
    assert_eq!(agency.text, "某某区教育局", "what was typed is kept");
    assert_eq!(existing, &first);
    assert!(error.contains("已有同名草稿"), "{error}");
    assert!(!error.contains("-o"), "{error}");

    // Ctrl-O opens the draft that is there.
    let mut opening = app.clone();
    let effects = press(&mut opening, Command::OpenFile);
    assert_eq!(effects, [Effect::Open(first.clone())]);
    assert!(opening.dialog.is_none());

    // Changing the name makes another draft.
    type_text(&mut app, "二");
    assert!(matches!(
        &app.dialog,
        Some(Dialog::NewReport {
            existing: None,
            error: None,
            ..
        })
    ));
    make(&mut app);
    let second = app.doc.as_ref().expect("opened").path.clone();
    assert_ne!(second, first);
    assert!(second.to_string_lossy().contains("某某区教育局二"));
}

#[test]
fn open_file_completes_paths_with_tab_and_lists_the_folders_drafts() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["某某区教育局-2023.toml", "某某区教育局-2024.toml"] {
        std::fs::copy(SAMPLE, dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("报告.html"), "<html></html>").unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a draft").unwrap();
    std::fs::create_dir(dir.path().join("去年")).unwrap();
    std::fs::copy(SAMPLE, dir.path().join("去年/旧.toml")).unwrap();
    let mut app = new_app();
    in_folder(&mut app, dir.path());
    let effects = press(&mut app, Command::OpenFile);
    run_effects(&mut app, effects);
    let labels = |app: &App| -> Vec<String> {
        let Some(Dialog::OpenFile(open)) = &app.dialog else {
            panic!("{:?}", app.dialog);
        };
        open.items.iter().map(|i| i.label.clone()).collect()
    };
    let text = |app: &App| -> String {
        let Some(Dialog::OpenFile(open)) = &app.dialog else {
            panic!("{:?}", app.dialog);
        };
        open.path.text.clone()
    };
    // The data folder's drafts and published reports; nothing else.
    assert_eq!(
        labels(&app),
        [
            "报告.html",
            "某某区教育局-2023.toml",
            "某某区教育局-2024.toml"
        ]
    );

    // Tab: as far as the names agree, and the names listed.
    let folder = format!("{}/", dir.path().display());
    type_text(&mut app, &format!("{folder}某"));
    let effects = press(&mut app, Command::NextField);
    run_effects(&mut app, effects);
    assert_eq!(text(&app), format!("{folder}某某区教育局-202"));
    assert_eq!(
        labels(&app),
        ["某某区教育局-2023.toml", "某某区教育局-2024.toml"]
    );
    // One more figure and Tab: the whole name.
    type_text(&mut app, "4");
    let effects = press(&mut app, Command::NextField);
    run_effects(&mut app, effects);
    assert_eq!(text(&app), format!("{folder}某某区教育局-2024.toml"));

    // A folder is completed with its slash, and its drafts listed.
    for _ in 0.."某某区教育局-2024.toml".chars().count() {
        press(&mut app, Command::Backspace);
    }
    type_text(&mut app, "去");
    let effects = press(&mut app, Command::NextField);
    run_effects(&mut app, effects);
    assert_eq!(text(&app), format!("{folder}去年/"));
    assert_eq!(labels(&app), ["旧.toml"]);

    // Down and Enter open what is picked.
    press(&mut app, Command::Down);
    let effects = press(&mut app, Command::Enter);
    assert_eq!(effects, [Effect::Open(dir.path().join("去年/旧.toml"))]);
    run_effects(&mut app, effects);
    assert!(app.dialog.is_none());
    assert_eq!(
        app.doc.as_ref().unwrap().path,
        dir.path().join("去年/旧.toml")
    );
}

#[test]
fn open_file_of_a_missing_file_says_so_in_chinese_and_keeps_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app();
    in_folder(&mut app, dir.path());
    let effects = press(&mut app, Command::OpenFile);
    run_effects(&mut app, effects);
    let missing = dir.path().join("没有这个.toml");
    type_text(&mut app, &missing.display().to_string());
    let effects = press(&mut app, Command::Enter);
    run_effects(&mut app, effects);
    let Some(Dialog::OpenFile(open)) = &app.dialog else {
        panic!("the dialog stays: {:?}", app.dialog);
    };
    assert_eq!(open.path.text, missing.display().to_string());
    let error = open.error.as_deref().unwrap();
    assert!(
        error.contains("无法读取：找不到文件或文件夹（No such file or directory, os error 2）"),
        "{error}"
    );
}

#[test]
fn an_unreadable_draft_offers_its_bak_and_recovery_file_and_opens_them_unsaved() {
    let (dir, path, store) = sample_on_disk();
    let good = gongkai::library::load(&path).unwrap().draft;
    // Saved once more (the .bak keeps the version before), then broken by hand.
    std::fs::copy(&path, gongkai::atomic::backup_path(&path)).unwrap();
    let work = leave_unsaved_work(&path, &store);
    let broken = "schema = 1\n[report\nagency = \"某某局\"\n";
    std::fs::write(&path, broken).unwrap();

    let mut app = app_in(dir.path(), &store);
    let done = runtime::perform(&app, &Effect::Open(path.clone())).unwrap();
    update(&mut app, done);
    let Some(Dialog::Unreadable { offer, selected: 0 }) = &app.dialog else {
        panic!("expected the offer, got {:?}", app.dialog);
    };
    let why = gongkai::i18n::load_error(Lang::Zh, &offer.why);
    assert!(
        why.contains(":2:8: TOML 语法错误：[节] 缺少结尾的 ]"),
        "{why}"
    );
    assert_eq!(offer.choices.len(), 2);
    assert_eq!(offer.choices[0].path, gongkai::atomic::backup_path(&path));
    assert!(!offer.choices[0].recovery);
    assert!(offer.choices[1].recovery);

    // The recovery file: its work in the editor, as the draft at the broken file's path.
    let mut from_recovery = app.clone();
    press(&mut from_recovery, Command::Down);
    let effects = press(&mut from_recovery, Command::Enter);
    run_effects(&mut from_recovery, effects);
    assert_eq!(from_recovery.doc.as_ref().unwrap().draft, work);
    // Closed again (it holds the draft's lock).
    drop(from_recovery);

    // The .bak: its content, unsaved; nothing written until Ctrl-S.
    let effects = press(&mut app, Command::Enter);
    assert!(matches!(effects.as_slice(), [Effect::OpenInstead { .. }]));
    run_effects(&mut app, effects);
    let doc = app.doc.as_ref().expect("opened");
    assert_eq!(doc.path, path);
    assert_eq!(doc.draft, good);
    assert!(doc.is_dirty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert!(app.message.as_ref().unwrap().text.contains("尚未保存"));
    // Ctrl-S: the draft is whole again, and the broken file is kept as .bak.
    let effects = press(&mut app, Command::Save);
    run_effects(&mut app, effects);
    assert_eq!(gongkai::library::load(&path).unwrap().draft, good);
    assert_eq!(
        std::fs::read_to_string(gongkai::atomic::backup_path(&path)).unwrap(),
        broken
    );
}

/// An export the system refuses is said in Chinese, the system's words in brackets.
#[test]
fn an_export_that_cannot_be_written_is_said_in_chinese() {
    let mut app = sample();
    let dir = tempfile::tempdir().unwrap();
    // A folder where the report would go.
    let path = dir.path().join("报告.html");
    std::fs::create_dir(&path).unwrap();
    let done = runtime::perform(
        &app,
        &Effect::Export {
            format: "html".into(),
            path: path.clone(),
            draft_mark: true,
        },
    )
    .unwrap();
    let Action::Exported(Err(gongkai::tui::action::ExportFailed::Write { error, .. })) = &done
    else {
        panic!("expected a write failure, got {done:?}");
    };
    assert_eq!(error.kind, std::io::ErrorKind::IsADirectory);
    update(&mut app, done);
    let message = &app.message.as_ref().unwrap().text;
    assert!(
        message.starts_with("导出失败：")
            && message.contains("报告.html：无法写入：这是一个文件夹，不是文件（"),
        "{message}"
    );
}

// ---- Small things that add up (a new officer's first afternoon) ----

fn last_cell_key(app: &App, table_key: &str) -> String {
    let table = app.doc.as_ref().unwrap().template.table(table_key).unwrap();
    let (row, col) = *gongkai::tui::update::input_positions(table).last().unwrap();
    gongkai::tui::update::cell_key(table, row, col)
}

fn first_cell_key(app: &App, table_key: &str) -> String {
    let table = app.doc.as_ref().unwrap().template.table(table_key).unwrap();
    let (row, col) = gongkai::tui::update::input_positions(table)[0];
    gongkai::tui::update::cell_key(table, row, col)
}

#[test]
fn tab_on_a_tables_last_cell_stops_there_says_so_and_a_figure_typed_next_lands_nowhere() {
    let mut app = empty(2021);
    go_to_section(&mut app, "requests");
    let page = app.page;
    to_last_cell(&mut app, "requests");
    let last = last_cell_key(&app, "requests");
    type_text(&mut app, "5");
    press(&mut app, Command::NextField);
    assert_eq!(app.page, page, "Tab stops on the table's last cell");
    assert!(app.cell.is_none(), "the figure typed is confirmed");
    assert_eq!(cell(&app, &last), Some(Number::Count(5)));
    let m = app.message.clone().expect("Tab says why it stopped");
    assert!(m.text.contains("本表已到末尾"), "{}", m.text);
    assert!(m.text.contains("四、政府信息公开行政复议"), "{}", m.text);
    assert!(m.hint && !m.error);
    // Typed on, the figure lands neither in this cell nor in the next section.
    type_text(&mut app, "7");
    assert_eq!(app.page, page);
    assert!(app.cell.is_none());
    assert_eq!(cell(&app, &last), Some(Number::Count(5)));
    let m = app.message.clone().expect("the figure is refused aloud");
    assert!(m.error && m.text.contains("“7”未输入"), "{}", m.text);
    let first_next = first_cell_key(&app, "appeals");
    assert_eq!(cell(&app, &first_next), None);
    // Tab again goes on, into the first cell of 四.
    press(&mut app, Command::NextField);
    assert_ne!(app.page, page);
    assert_eq!(
        gongkai::tui::update::current_table_key(&app).as_deref(),
        Some("appeals")
    );
    type_text(&mut app, "7");
    press(&mut app, Command::Enter);
    assert_eq!(cell(&app, &first_next), Some(Number::Count(7)));
    // An arrow back into the table ends the stop: typing there works again.
    press(&mut app, Command::PrevSection);
    to_last_cell(&mut app, "requests");
    press(&mut app, Command::NextField);
    press(&mut app, Command::Left);
    type_text(&mut app, "3");
    assert!(app.cell.is_some(), "typing after an arrow edits the cell");
}

#[test]
fn a_draft_viewed_read_only_offers_only_the_keys_that_work_there() {
    for why in [
        ReadOnly::Unwritable(gongkai::report::IoFault::from(&std::io::Error::from(
            std::io::ErrorKind::ReadOnlyFilesystem,
        ))),
        ReadOnly::Held(gongkai::lock::Holder {
            pid: 4242,
            host: "ban-gong-shi-01".into(),
            since: "2026-01-05 09:12".into(),
        }),
    ] {
        let mut app = sample();
        app.doc.as_mut().unwrap().access = Access::ReadOnly(why);
        go_to_section(&mut app, "requests");
        for cmd in [
            Command::Save,
            Command::Enter,
            Command::FillZeros,
            Command::ImportLedger,
            Command::CycleUnit,
            Command::Undo,
            Command::Redo,
            Command::Backspace,
            Command::Delete,
        ] {
            assert!(!app.offers(cmd), "{cmd:?} is offered read-only");
        }
        for cmd in [
            Command::Help,
            Command::Quit,
            Command::NextSection,
            Command::NextField,
            Command::NextBlank,
            Command::Down,
        ] {
            assert!(app.offers(cmd), "{cmd:?} works read-only");
        }
        // Every key the footer or help offers there really is taken (not refused).
        let context = app.context();
        for b in gongkai::tui::keys::bindings(context).filter(|b| app.offers(b.command)) {
            let mut probe = app.clone();
            update(&mut probe, Action::Command(b.command));
            let refused = probe
                .message
                .as_ref()
                .is_some_and(|m| m.text.contains("只读"));
            assert!(!refused, "{:?} offered but refused", b.command);
        }
        go_to_section(&mut app, "overview");
        assert!(!app.offers(Command::ExternalEditor));
        assert!(!app.offers(Command::InsertOutline));
        go_to_page(&mut app, Page::Review);
        assert!(!app.offers(Command::Acknowledge));
        assert!(app.offers(Command::Enter), "going to a finding works");
        go_to_page(&mut app, Page::Export);
        assert!(app.offers(Command::Enter), "export works read-only");
        assert!(!app.offers(Command::Save));
    }
}

#[test]
fn a_grown_window_shows_what_fits_again_in_tables_prose_and_lists() {
    let mut app = sample();
    update(&mut app, Action::Resize(80, 24));
    go_to_section(&mut app, "requests");
    for _ in 0..30 {
        press(&mut app, Command::Down);
    }
    assert!(app.tables["requests"].scroll > 0, "80×24 scrolls table 三");
    update(&mut app, Action::Resize(160, 48));
    assert_eq!(
        app.tables["requests"].scroll, 0,
        "at 160×48 table 三 fits: nothing stays scrolled off above"
    );
    // Prose: a long text scrolled to its end, then a taller window.
    go_to_page(&mut app, Page::Section(0));
    update(&mut app, Action::Resize(80, 24));
    let long = "年内共办结行政许可一千余件。\n".repeat(30);
    press(&mut app, Command::TextEnd);
    update(&mut app, Action::Paste(long));
    let scrolled = app.prose["overview"].scroll;
    assert!(scrolled > 0);
    update(&mut app, Action::Resize(160, 48));
    let shown = app.prose["overview"].scroll;
    assert!(
        shown < scrolled,
        "the taller window scrolls back up ({shown})"
    );
    // 检查's list.
    go_to_page(&mut app, Page::Review);
    update(&mut app, Action::Resize(80, 24));
    for _ in 0..200 {
        press(&mut app, Command::Down);
    }
    let before = app.review.scroll;
    update(&mut app, Action::Resize(160, 48));
    assert!(app.review.scroll <= before);
    if before > 0 {
        assert!(app.review.scroll < before, "the list comes back up");
    }
}

#[test]
fn u_that_changes_nothing_says_why_and_never_with_a_tick() {
    let mut app = empty(2020);
    go_to_section(&mut app, "proactive");
    // Not an amount with units.
    press(&mut app, Command::CycleUnit);
    let m = app.message.clone().expect("u says why");
    assert!(m.error, "a refusal is not a ✓: {}", m.text);
    assert!(m.text.contains("没有单位可选"), "{}", m.text);
    // The 采购总金额 cell: 元, then 万元 (said, undoable).
    let doc = app.doc.as_ref().unwrap();
    let table = doc.template.table("proactive").unwrap();
    let row = table
        .rows()
        .position(|(_, r)| r.key == "procurement")
        .unwrap();
    {
        let f = app.tables.get_mut("proactive").unwrap();
        f.row = row;
        f.col = 1;
    }
    press(&mut app, Command::CycleUnit);
    press(&mut app, Command::CycleUnit);
    let unit = |app: &App| {
        app.doc
            .as_ref()
            .unwrap()
            .draft
            .units
            .get("proactive.procurement.amount")
            .cloned()
    };
    assert_eq!(unit(&app).as_deref(), Some("万元"));
    let m = app.message.clone().unwrap();
    assert!(!m.error && m.text.contains("万元"), "{}", m.text);
    // A figure with six places in 万元 cannot be one in 元 (four places): refused, said why.
    type_text(&mut app, "1.234567");
    press(&mut app, Command::Enter);
    {
        let f = app.tables.get_mut("proactive").unwrap();
        f.row = row;
        f.col = 1;
    }
    assert_eq!(
        cell(&app, "proactive.procurement.amount"),
        Some(Number::Amount("1.234567".parse().unwrap()))
    );
    press(&mut app, Command::CycleUnit);
    assert_eq!(unit(&app).as_deref(), Some("万元"), "the unit stays");
    let m = app.message.clone().unwrap();
    assert!(m.error, "{}", m.text);
    assert!(
        m.text.contains("1.234567") && m.text.contains("4 位"),
        "{}",
        m.text
    );
}

#[test]
fn a_refused_first_key_leaves_the_table_moving_between_cells() {
    use gongkai::tui::keys::Context;
    let mut app = sample();
    go_to_section(&mut app, "requests");
    let before = cell(&app, "requests.new_received.natural_person");
    update(&mut app, Action::Char('a'));
    assert!(app.cell.is_none(), "no edit began");
    assert_eq!(
        app.context(),
        Context::Table,
        "the footer shows the table's keys"
    );
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    assert_eq!(cell(&app, "requests.new_received.natural_person"), before);
    assert!(!app.doc.as_ref().unwrap().is_dirty());
    // A paste that is no number either.
    update(&mut app, Action::Paste("abc".into()));
    assert_eq!(app.context(), Context::Table);
    // A taken digit does begin the edit, and a refused key after it keeps it.
    type_text(&mut app, "4x");
    assert_eq!(app.context(), Context::Cell);
    assert_eq!(
        cell(&app, "requests.new_received.natural_person"),
        Some(Number::Count(4))
    );
}

#[test]
fn esc_on_the_start_screen_says_how_to_quit() {
    let mut app = new_app();
    app.drafts_dir = PathBuf::from("drafts");
    let esc = gongkai::tui::keys::normalize(&crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Esc,
        crossterm::event::KeyModifiers::NONE,
    ));
    let bound = gongkai::tui::keys::lookup(app.context(), esc).map(|b| b.command);
    assert_eq!(
        bound,
        Some(Command::Cancel),
        "Esc is a key on the start screen"
    );
    let effects = press(&mut app, Command::Cancel);
    assert!(
        effects.is_empty() && !app.quit,
        "Esc does not quit by accident"
    );
    let m = app.message.clone().expect("Esc is not silent");
    assert!(m.text.contains("Ctrl-Q"), "{}", m.text);
    assert!(m.hint && !m.error);
    // The next key takes the hint away.
    press(&mut app, Command::Down);
    assert!(app.message.is_none());
}

#[test]
fn a_grown_window_shows_a_short_prose_from_its_first_line() {
    let mut app = empty(2021);
    update(&mut app, Action::Resize(80, 24));
    go_to_page(&mut app, Page::Section(0));
    let text: String = (1..=20).map(|i| format!("第{i}行\n")).collect();
    update(&mut app, Action::Paste(text));
    assert!(app.prose["overview"].scroll > 0, "80×24 scrolls 20 lines");
    update(&mut app, Action::Resize(160, 48));
    assert_eq!(
        app.prose["overview"].scroll, 0,
        "at 160×48 all 20 lines fit: none stay scrolled off above"
    );
}

#[test]
fn the_section_list_counts_what_the_meta_page_lists() {
    // A new gip-2021 draft: no contact, no fee figures. 基本信息 lists both warnings (the fees'
    // belongs to 六 too, where the prose may state them), and its count says two.
    let app = empty(2021);
    let doc = app.doc.as_ref().unwrap();
    let listed = doc
        .outcome
        .findings
        .iter()
        .filter(|f| gongkai::tui::app::on_meta_page(f))
        .count();
    assert_eq!(listed, 2);
    assert_eq!(
        app.page_state(Page::Meta),
        gongkai::tui::app::PageState::Warnings(2)
    );
}

#[test]
fn what_did_not_happen_comes_up_typed_and_is_worded_in_the_officers_language() {
    use gongkai::tui::action::{CarryFailed, SaveFailed};
    let full = || SaveFailed::Write {
        path: "drafts/某某局-2025.toml".into(),
        error: disk_full(),
    };
    for (lang, said) in [
        (Lang::Zh, ["保存失败", "磁盘已满", "不能新建 2031 年的报告"]),
        (
            Lang::En,
            [
                "save failed",
                "the disk is full",
                "cannot create a 2031 report",
            ],
        ),
    ] {
        let mut app = sample();
        app.lang = lang;
        update(
            &mut app,
            Action::Saved {
                result: Err(full()),
                then_quit: false,
                disk: None,
            },
        );
        let text = &app.message.as_ref().unwrap().text;
        assert!(text.contains(said[0]) && text.contains(said[1]), "{text}");
        // A copy's name taken meanwhile: the editor has no -o to suggest.
        update(
            &mut app,
            Action::SavedCopy(Err(SaveFailed::Exists(
                "drafts/某某局-2025-副本.toml".into(),
            ))),
        );
        let text = &app.message.as_ref().unwrap().text;
        assert!(
            text.contains("某某局-2025-副本.toml") && !text.contains("-o"),
            "{text}"
        );
        update(
            &mut app,
            Action::CarriedOver(Err(CarryFailed::Year {
                year: 2031,
                first: 2021,
                last: 2027,
            })),
        );
        let text = &app.message.as_ref().unwrap().text;
        assert!(text.contains(said[2]), "{text}");
    }
}

#[test]
fn edit_of_an_unreadable_draft_offers_its_backup_or_says_why_before_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("某某局-2024.toml");
    std::fs::write(&bad, "schema = 1\n[report\nagency = \"某某局\"\n").unwrap();
    let options = |file: &std::path::Path| gongkai::tui::Options {
        file: Some(file.to_path_buf()),
        lang: Lang::Zh,
        ascii: false,
        today: None,
    };
    // No readable copy: an error on the shell, naming the line and column.
    let Err(why) = gongkai::tui::prepare(&options(&bad), 80, 24) else {
        panic!("an unreadable draft with no copy does not open");
    };
    assert!(why.contains(":2:8: TOML 语法错误"), "{why}");
    // With last save's copy beside it, the editor starts on the offer to open that instead.
    std::fs::copy(SAMPLE, bad.with_extension("toml.bak")).unwrap();
    let app = gongkai::tui::prepare(&options(&bad), 80, 24).unwrap();
    let Some(Dialog::Unreadable { offer, .. }) = &app.dialog else {
        panic!("the offer: {:?}", app.dialog);
    };
    assert_eq!(offer.path, bad);
    assert_eq!(offer.choices[0].path, bad.with_extension("toml.bak"));
    assert!(
        app.doc.is_none(),
        "nothing opened before the officer chooses"
    );
}

#[test]
fn a_published_report_whose_draft_name_is_taken_says_so_without_the_command_lines_words() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("xiamen-2020-portal.html");
    std::fs::copy("tests/fixtures/import/xiamen-2020-portal.html", &page).unwrap();
    let mut app = new_app();
    in_folder(&mut app, &dir.path().join("drafts"));
    // The draft the import would make, taken by another report's draft.
    let opened = runtime::perform(&app, &Effect::Open(page.clone())).unwrap();
    update(&mut app, opened);
    let taken = app.doc.take().unwrap().path;
    std::fs::remove_file(&taken).unwrap();
    let other = Template::for_year(2020).unwrap();
    let draft = Draft::new(&other.id, "另一个局", 2020, AgencyKind::Department);
    gongkai::library::write_new(&taken, other, &draft).unwrap();
    let opened = runtime::perform(&app, &Effect::Open(page)).unwrap();
    update(&mut app, opened);
    let said = &app.message.as_ref().unwrap().text;
    assert!(
        said.contains("已存在，但不是这份报告导入的草稿，未覆盖"),
        "{said}"
    );
    assert!(!said.contains("-o"), "{said}");
    assert!(app.doc.is_none());
}
