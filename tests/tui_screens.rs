//! Every screen drawn through ratatui's TestBackend at 80×24 and 160×48, kept as snapshots
//! (`tests/snapshots/`), with assertions on what matters: the balance error, the cursor on a
//! Chinese caret, the too-small message, the help overlay.

mod render;
use render::draw;

use gongkai::i18n::Lang;
use gongkai::report::{AgencyKind, Draft};
use gongkai::template::Template;
use gongkai::tui::action::{Action, Command};
use gongkai::tui::app::{App, Dialog, Doc, LastDraft, ListEntry, Look, Page};
use gongkai::tui::update::update;
use gongkai::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Position;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

const SAMPLE: &str = "assets/samples/xiamen-hrss-2020.toml";
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn look() -> Look {
    Look {
        ascii: false,
        color: false,
    }
}

fn sample(w: u16, h: u16) -> App {
    let loaded = gongkai::library::load(std::path::Path::new(SAMPLE)).expect("sample loads");
    let mut app = App::new(Lang::Zh, look(), w, h);
    app.drafts_dir = PathBuf::from("drafts");
    app.open(Doc::new(SAMPLE.into(), loaded.template, loaded.draft, None));
    app
}

fn empty(w: u16, h: u16) -> App {
    let template = Template::for_year(2021).expect("a format");
    let draft = Draft::new(&template.id, "某某区教育局", 2021, AgencyKind::Department);
    let mut app = App::new(Lang::Zh, look(), w, h);
    app.drafts_dir = PathBuf::from("drafts");
    app.open(Doc::new("new.toml".into(), template, draft, None));
    app
}

fn press(app: &mut App, cmd: Command) {
    update(app, Action::Command(cmd));
}

fn go_to_section(app: &mut App, key: &str) {
    let i = app
        .doc
        .as_ref()
        .unwrap()
        .template
        .sections
        .iter()
        .position(|s| s.key == key)
        .unwrap();
    while app.current_page() != Some(Page::Section(i)) {
        press(app, Command::NextSection);
    }
}

fn snapshot(name: &str, app: &App) -> String {
    let (screen, _) = draw(app);
    insta::assert_snapshot!(format!("{name}_{}x{}", app.width, app.height), screen);
    screen
}

#[test]
fn start_screen() {
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        app.entries = vec![
            ListEntry {
                path: "drafts/厦门市人力资源和社会保障局-2020.toml".into(),
                agency: "厦门市人力资源和社会保障局".into(),
                year: 2020,
                template: "gip-2019".into(),
                filled: 166,
                cells: 166,
                errors: 0,
                problem: None,
                unrecovered: None,
                recovery_files: 0,
                published: false,
            },
            ListEntry {
                path: "drafts/broken.toml".into(),
                agency: String::new(),
                year: 0,
                template: String::new(),
                filled: 0,
                cells: 0,
                errors: 0,
                problem: Some("第 3 行第 1 列：不是有效的 TOML".into()),
                unrecovered: None,
                recovery_files: 0,
                published: false,
            },
        ];
        let screen = snapshot("start", &app);
        assert!(screen.contains("新建报告"));
        assert!(screen.contains("厦门市人力资源和社会保障局"));
    }
}

#[test]
fn basic_information_form() {
    for (w, h) in SIZES {
        let app = sample(w, h);
        let screen = snapshot("meta", &app);
        assert!(screen.contains("报告单位"));
        assert!(screen.contains("166/166"), "progress is always shown");
    }
}

#[test]
fn basic_information_of_a_2021_draft_has_the_fees() {
    for (w, h) in SIZES {
        let app = empty(w, h);
        let screen = snapshot("meta_2021", &app);
        assert!(screen.contains("信息处理费") || screen.contains("收费通知"));
    }
}

#[test]
fn overview_prose_wraps_chinese_and_the_cursor_is_on_the_caret() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "overview");
        // Two lines down (past the heading and the empty line), three characters in.
        press(&mut app, Command::Down);
        press(&mut app, Command::Down);
        for _ in 0..3 {
            press(&mut app, Command::Right);
        }
        let (screen, cursor) = draw(&app);
        snapshot("overview", &app);
        let areas = gongkai::tui::layout::areas(w, h);
        assert_eq!(
            cursor,
            Some(Position::new(areas.content.x + 6, areas.content.y + 2)),
            "after 一是加, six columns in"
        );
        // Lines of Chinese are wrapped within the content area, not cut.
        assert!(screen.contains("一是加强权力配置信息公开"));
    }
}

#[test]
fn cursor_follows_typed_chinese() {
    let mut app = empty(100, 30);
    go_to_section(&mut app, "problems");
    for c in "人员流动".chars() {
        update(&mut app, Action::Char(c));
    }
    let (_, cursor) = draw(&app);
    let areas = gongkai::tui::layout::areas(100, 30);
    assert_eq!(
        cursor,
        Some(Position::new(areas.content.x + 8, areas.content.y)),
        "four Han characters are eight columns"
    );
    // A line that fills the width wraps, and the caret goes with it.
    let width = usize::from(areas.content.width);
    let fill: String = "字".repeat(width / 2);
    update(&mut app, Action::Paste(fill));
    let (_, cursor) = draw(&app);
    let cursor = cursor.unwrap();
    assert_eq!(cursor.y, areas.content.y + 1);
    assert_eq!(cursor.x, areas.content.x + 8);
}

#[test]
fn table_two() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "proactive");
        let screen = snapshot("proactive", &app);
        assert!(screen.contains("第二十条第（一）项"));
        assert!(screen.contains("规范性文件"));
    }
}

#[test]
fn table_three_balanced_and_with_a_balance_error() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "requests");
        let screen = snapshot("requests", &app);
        assert!(screen.contains("勾稽"));
        let balance = screen
            .lines()
            .rev()
            .find(|l| l.contains("是否相等") || l.contains("勾稽 一+二="))
            .unwrap();
        assert!(!balance.contains("✗"), "the sample balances: {balance}");
        // 一 自然人 31 → 30: the balance breaks by one.
        update(&mut app, Action::Char('3'));
        update(&mut app, Action::Char('0'));
        press(&mut app, Command::Enter);
        let screen = snapshot("requests_balance_error", &app);
        let balance = screen
            .lines()
            .rev()
            .find(|l| l.contains("是否相等") || l.contains("勾稽 一+二="))
            .unwrap();
        assert!(
            balance.contains("✗+1") || balance.contains("✗-1"),
            "{balance}"
        );
        assert!(screen.contains("错误"));
    }
}

#[test]
fn table_three_scrolls_and_keeps_its_header() {
    let mut app = sample(80, 24);
    go_to_section(&mut app, "requests");
    for _ in 0..30 {
        press(&mut app, Command::Down);
    }
    let screen = snapshot("requests_bottom", &app);
    assert!(screen.contains("四、结转下年度"));
    assert!(screen.contains("自然人"), "the header stays");
}

#[test]
fn table_four() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "appeals");
        let screen = snapshot("appeals", &app);
        assert!(screen.contains("未经复议直接起诉"));
        assert!(screen.contains("结果维持"));
    }
}

#[test]
fn typing_in_a_cell_shows_the_cursor_there() {
    let mut app = sample(80, 24);
    go_to_section(&mut app, "requests");
    update(&mut app, Action::Char('7'));
    let (screen, cursor) = draw(&app);
    let cursor = cursor.expect("a cell being typed shows the cursor");
    let line = screen.lines().nth(usize::from(cursor.y)).unwrap();
    assert!(line.contains("一、本年新收"), "{line}");
}

#[test]
fn review_and_export() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        while app.current_page() != Some(Page::Review) {
            press(&mut app, Command::NextSection);
        }
        let screen = snapshot("review", &app);
        assert!(screen.contains("1217"));
        press(&mut app, Command::NextSection);
        let screen = snapshot("export", &app);
        assert!(screen.contains("尚不能导出定稿"));
        assert!(screen.contains("1217"), "the blocking warning is listed");
    }
}

#[test]
fn acknowledgement_dialog() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        while app.current_page() != Some(Page::Review) {
            press(&mut app, Command::NextSection);
        }
        press(&mut app, Command::Acknowledge);
        for c in "正文1217件为办结件数".chars() {
            update(&mut app, Action::Char(c));
        }
        let (_, cursor) = draw(&app);
        let screen = snapshot("reason", &app);
        assert!(screen.contains("请写明理由"));
        assert!(cursor.is_some());
    }
}

#[test]
fn too_small_asks_for_a_larger_window() {
    for (w, h) in [(79, 24), (80, 23), (40, 10)] {
        let app = sample(w, h);
        let (screen, _) = draw(&app);
        assert!(screen.contains("窗口太小"), "{w}×{h}");
        assert!(screen.contains("80×24"));
    }
    let app = sample(60, 20);
    snapshot("too_small", &app);
}

#[test]
fn help_overlay_lists_the_keys_of_the_screen() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "requests");
        press(&mut app, Command::Help);
        // The help names the version and the source it was built from …
        let (screen, _) = draw(&app);
        let unknown = "未知";
        let built = format!(
            "gongkai {} · {} · {}",
            gongkai::build_info::VERSION,
            gongkai::build_info::commit().unwrap_or(unknown),
            gongkai::build_info::date().unwrap_or(unknown)
        );
        assert!(screen.contains(&built), "{built} missing at {w}×{h}");
        // … which the snapshot fixes, as every commit changes it.
        app.about = "gongkai 9.9.9 · 0123456ab · 2000-01-01".into();
        let screen = snapshot("help_table", &app);
        for key in ["Ctrl-S", "Ctrl-O", "Ctrl-F", "Enter", "Del"] {
            assert!(screen.contains(key), "{key} missing at {w}×{h}");
        }
        press(&mut app, Command::Cancel);
        assert!(!app.help);
    }
}

#[test]
fn ascii_borders_on_request() {
    let mut app = sample(80, 24);
    app.look.ascii = true;
    go_to_section(&mut app, "requests");
    press(&mut app, Command::Help);
    let (screen, _) = draw(&app);
    assert!(!screen.contains('│') && !screen.contains('─') && !screen.contains('┌'));
    assert!(screen.contains('+') && screen.contains('|'));
}

#[test]
fn english_interface() {
    let mut app = sample(80, 24);
    app.lang = Lang::En;
    let (screen, _) = draw(&app);
    assert!(screen.contains("Basics"));
    assert!(screen.contains("save"));
}

/// The sample's 2021 successor as `new --from` makes it, open with the sample as last year's.
fn next_year(w: u16, h: u16) -> App {
    let last = gongkai::library::load(std::path::Path::new(SAMPLE)).expect("sample loads");
    let carried = gongkai::report::carry::next_year(
        last.template,
        &last.draft,
        Some("xiamen-hrss-2020.toml".into()),
    )
    .expect("2021 has a format");
    let template = Template::builtin(&carried.draft.template).unwrap();
    let mut app = App::new(Lang::Zh, look(), w, h);
    app.drafts_dir = PathBuf::from("drafts");
    let doc = Doc::new(
        "drafts/厦门市人力资源和社会保障局-2021.toml".into(),
        template,
        carried.draft,
        None,
    )
    .with_last_year(
        Some(LastDraft {
            template: last.template,
            draft: last.draft,
        }),
        None,
    );
    app.open(doc);
    app
}

fn entry(path: &str, agency: &str, year: i32, template: &str) -> ListEntry {
    ListEntry {
        path: path.into(),
        agency: agency.into(),
        year,
        template: template.into(),
        filled: 166,
        cells: 166,
        errors: 0,
        problem: None,
        unrecovered: None,
        recovery_files: 0,
        published: false,
    }
}

#[test]
fn from_last_year_dialog() {
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        app.entries = vec![
            entry(
                "drafts/某某区教育局-2021.toml",
                "某某区教育局",
                2021,
                "gip-2021",
            ),
            entry(
                "drafts/xiamen-hrss-2020.toml",
                "厦门市人力资源和社会保障局",
                2020,
                "gip-2019",
            ),
        ];
        press(&mut app, Command::FromLastYear);
        let screen = snapshot("from_last_year", &app);
        assert!(screen.contains("从上年报告新建"));
        assert!(
            screen.contains("将新建 2022 年报告（gip-2021）：某某区教育局-2022.toml"),
            "the latest year is offered first:\n{screen}"
        );
        press(&mut app, Command::Down);
        let (screen, _) = draw(&app);
        assert!(
            screen.contains("将新建 2021 年报告（gip-2021）：厦门市人力资源和社会保障局-2021.toml")
        );
        // Down once more: the path below the list, with the real cursor in it.
        press(&mut app, Command::Down);
        let (screen, cursor) = draw(&app);
        assert!(screen.contains("将读取该文件"), "{screen}");
        let line = screen.lines().position(|l| l.contains("其他文件")).unwrap();
        assert_eq!(cursor.map(|c| usize::from(c.y)), Some(line));
    }
}

#[test]
fn carried_notice_says_what_was_not_carried() {
    let last = gongkai::library::load(std::path::Path::new(SAMPLE)).expect("sample loads");
    let carried =
        gongkai::report::carry::next_year(last.template, &last.draft, None).expect("carried");
    let template = Template::builtin(&carried.draft.template).unwrap();
    for (w, h) in SIZES {
        let mut app = next_year(w, h);
        let lines = gongkai::tui::runtime::carried_lines(
            Lang::Zh,
            std::path::Path::new("drafts/厦门市人力资源和社会保障局-2021.toml"),
            template,
            &carried,
        );
        app.dialog = Some(Dialog::Carried { lines });
        let screen = snapshot("carried", &app);
        assert!(screen.contains("已从上年报告新建"));
        assert!(screen.contains("未结转上年数据"), "{screen}");
        assert!(screen.contains("Enter 或 Esc 关闭"), "{screen}");
    }
}

#[test]
fn table_shows_last_years_value_of_the_focused_cell() {
    for (w, h) in SIZES {
        let mut app = next_year(w, h);
        go_to_section(&mut app, "requests");
        press(&mut app, Command::Down);
        press(&mut app, Command::Right);
        let screen = snapshot("requests_last_year", &app);
        assert!(
            screen.contains("上年：0 · 应等于上年“四、结转下年度继续办理”：1"),
            "{screen}"
        );
        // The licensing figure of table 二.
        press(&mut app, Command::PrevSection);
        let focus = app.tables.get_mut("proactive").unwrap();
        (focus.row, focus.col) = (2, 0);
        let (screen, _) = draw(&app);
        assert!(screen.contains("上年：1037"), "{screen}");
    }
}

#[test]
fn prose_beside_last_years_text() {
    for (w, h) in SIZES {
        let mut app = next_year(w, h);
        go_to_section(&mut app, "overview");
        for c in "（一）主动公开".chars() {
            update(&mut app, Action::Char(c));
        }
        press(&mut app, Command::LastText);
        let (screen, cursor) = draw(&app);
        insta::assert_snapshot!(format!("overview_last_year_{w}x{h}"), screen);
        assert!(
            screen.contains("上年（2020年）一、总体情况 · 只读"),
            "{screen}"
        );
        assert!(
            screen.contains("聚焦权力配置运行"),
            "last year's text:\n{screen}"
        );
        assert!(screen.contains("Ctrl-L 关闭上年正文"), "{screen}");
        // The real cursor stays on this year's caret, after 「（一）主动公开」.
        let cursor = cursor.expect("a cursor");
        let first = screen.lines().nth(usize::from(cursor.y)).unwrap();
        assert!(first.contains("（一）主动公开"), "{first}");
        // Scrolled, the first line of last year's text is gone.
        press(&mut app, Command::LastTextDown);
        let (scrolled, _) = draw(&app);
        assert!(!scrolled.contains("聚焦权力配置运行"), "{scrolled}");
    }
}

#[test]
fn no_wide_character_reaches_under_a_popups_left_border() {
    // At 100 columns the notice starts on an odd column, beside the section list's Chinese.
    let last = gongkai::library::load(std::path::Path::new(SAMPLE)).expect("sample loads");
    let carried =
        gongkai::report::carry::next_year(last.template, &last.draft, None).expect("carried");
    let template = Template::builtin(&carried.draft.template).unwrap();
    let mut app = next_year(100, 30);
    let lines = gongkai::tui::runtime::carried_lines(
        Lang::Zh,
        std::path::Path::new("drafts/厦门市人力资源和社会保障局-2021.toml"),
        template,
        &carried,
    );
    app.dialog = Some(Dialog::Carried { lines });
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let (x, top) = (0..30)
        .flat_map(|y| (0..100).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == "┌")
        .expect("a popup");
    assert!(x > 0);
    let mut y = top + 1;
    while buffer[(x, y)].symbol() != "└" {
        assert_eq!(buffer[(x, y)].symbol(), "│", "row {y}");
        let left = buffer[(x - 1, y)].symbol();
        assert!(left.width() <= 1, "row {y}: {left} covers the border");
        y += 1;
    }
    // And the screen as a terminal shows it keeps every border.
    let (screen, _) = draw(&app);
    let rows: Vec<&str> = screen.lines().collect();
    for row in &rows[usize::from(top) + 1..usize::from(y)] {
        assert!(row.matches('│').count() >= 2, "{row}");
    }
}

// ---------------------------------------------------------------- keeping the work

use gongkai::lock::Holder;
use gongkai::tui::app::{Access, ReadOnly, RecoverView, RecoveryOffer};

/// The sample with unsaved work waiting: a figure and 六 changed, found on opening.
fn with_offer(w: u16, h: u16, view: RecoverView) -> App {
    let mut app = sample(w, h);
    let doc = app.doc.as_ref().unwrap();
    let saved = doc.draft.clone();
    let mut recovered = saved.clone();
    recovered.cells.insert(
        "requests.new_received.natural_person".into(),
        gongkai::report::Number::Count(77),
    );
    recovered.cells.remove("requests.granted.business");
    recovered.text.insert(
        "other".into(),
        format!("{}本年度另有两件事项需要报告。", saved.text("other")),
    );
    recovered.report.phone = "0592-5327743".into();
    let differences = gongkai::recovery::differences(doc.template, &saved, &recovered);
    let offer = RecoveryOffer {
        pending: gongkai::recovery::Pending {
            recovery: "state/recovery/xiamen-0123456789abcdef.toml".into(),
            draft_path: SAMPLE.into(),
            saved_at: std::time::UNIX_EPOCH,
            readable: true,
        },
        recovered,
        differences,
        saved_at: "2026-01-05 16:42".into(),
    };
    app.dialog = Some(Dialog::Recover {
        offer: Box::new(offer),
        view,
    });
    app
}

#[test]
fn recovery_offer() {
    for (w, h) in SIZES {
        let screen = snapshot("recover_offer", &with_offer(w, h, RecoverView::Offer));
        assert!(screen.contains("发现未保存的修改"));
        assert!(screen.contains("4 处不同"));
        assert!(screen.contains("r 恢复这些修改 · d 丢弃 · v 查看差异"));
    }
}

#[test]
fn recovery_differences() {
    for (w, h) in SIZES {
        let app = with_offer(w, h, RecoverView::Differences { scroll: 0 });
        let screen = snapshot("recover_differences", &app);
        assert!(screen.contains("电话"), "a form field by its label");
        assert!(screen.contains("5327743 → 0592-5327743"));
        assert!(screen.contains("31 → 77"), "a cell: saved → recovered");
        assert!(screen.contains("→ （空）"), "a cell blanked");
        assert!(
            screen.contains("本年度另有两件事项"),
            "where a text starts to differ"
        );
    }
}

#[test]
fn recovery_discard_asks_first() {
    for (w, h) in SIZES {
        let screen = snapshot(
            "recover_discard",
            &with_offer(w, h, RecoverView::ConfirmDiscard),
        );
        assert!(screen.contains("无法找回"));
    }
}

fn held(w: u16, h: u16) -> App {
    let mut app = sample(w, h);
    let holder = Holder {
        pid: 4242,
        host: "ban-gong-shi-01".into(),
        since: "2026-01-05 09:12".into(),
    };
    app.doc.as_mut().unwrap().access = Access::ReadOnly(ReadOnly::Held(holder.clone()));
    app.dialog = Some(Dialog::LockHeld { holder });
    app
}

#[test]
fn a_draft_open_elsewhere() {
    for (w, h) in SIZES {
        let screen = snapshot("lock_held", &held(w, h));
        assert!(screen.contains("进程 4242，主机 ban-gong-shi-01，自 2026-01-05 09:12 起"));
        assert!(screen.contains("只读查看"));
    }
}

#[test]
fn read_only_viewing_is_marked_in_the_header() {
    for (w, h) in SIZES {
        let mut app = held(w, h);
        press(&mut app, Command::ViewReadOnly);
        go_to_section(&mut app, "overview");
        update(&mut app, Action::Char('改'));
        let screen = snapshot("read_only", &app);
        let header = screen.lines().next().unwrap();
        assert!(header.contains("只读"), "{header}");
        assert!(!header.contains("未保存"));
        assert!(screen.contains("不能修改或保存"));
    }
}

#[test]
fn start_screen_marks_unrecovered_work() {
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        app.entries = vec![
            ListEntry {
                path: "drafts/某某区教育局-2024.toml".into(),
                agency: "某某区教育局".into(),
                year: 2024,
                template: "gip-2021".into(),
                filled: 80,
                cells: 171,
                errors: 1,
                problem: None,
                unrecovered: Some("2026-01-05 16:42".into()),
                recovery_files: 1,
                published: false,
            },
            ListEntry {
                path: "drafts/厦门市人力资源和社会保障局-2020.toml".into(),
                agency: "厦门市人力资源和社会保障局".into(),
                year: 2020,
                template: "gip-2019".into(),
                filled: 166,
                cells: 166,
                errors: 0,
                problem: None,
                unrecovered: None,
                recovery_files: 0,
                published: false,
            },
        ];
        let screen = snapshot("start_unrecovered", &app);
        assert!(screen.contains("1 份草稿有未保存的修改"));
        assert!(screen.contains("! 某某区教育局"));
        assert!(screen.contains("未恢复的修改 2026-01-05 16:42"));
    }
}

#[test]
fn long_prose_says_its_findings_are_catching_up() {
    for (w, h) in SIZES {
        let mut app = empty(w, h);
        go_to_section(&mut app, "overview");
        update(
            &mut app,
            Action::Paste("本机关全年收到政府信息公开申请9件。".repeat(4000)),
        );
        let screen = snapshot("prose_checks_pending", &app);
        assert!(screen.contains("停止输入片刻后更新检查结果"));
    }
}

fn changed_on_disk(w: u16, h: u16) -> App {
    let mut app = sample(w, h);
    let doc = app.doc.as_ref().unwrap();
    let mine = doc.draft.clone();
    let mut theirs = mine.clone();
    theirs.cells.insert(
        "requests.new_received.natural_person".into(),
        gongkai::report::Number::Count(40),
    );
    theirs.report.phone = "0592-1111111".into();
    let differences = gongkai::recovery::differences(doc.template, &theirs, &mine);
    app.dialog = Some(Dialog::ChangedOnDisk(Box::new(
        gongkai::tui::app::ChangedOnDisk {
            theirs: Some(theirs),
            differences,
            disk: None,
            then_quit: false,
        },
    )));
    app
}

#[test]
fn a_draft_changed_on_disk_asks_before_saving_over_it() {
    for (w, h) in SIZES {
        let screen = snapshot("changed_on_disk", &changed_on_disk(w, h));
        assert!(screen.contains("草稿已被其他程序修改"));
        assert!(screen.contains("2 处不同"));
        assert!(
            screen.contains("40 → 31"),
            "the file's figure → the editor's"
        );
        assert!(screen.contains("k 保留我的"));
        assert!(screen.contains("t 用文件里的"));
        assert!(screen.contains("Esc 暂不保存"), "the keys line is not cut");
        assert!(screen.contains("s 另存一份"));
    }
}

#[test]
fn the_quit_question_when_the_recovery_file_fails() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        app.dialog = Some(Dialog::ConfirmQuitUnkept {
            why: "磁盘已满".into(),
        });
        let screen = snapshot("quit_unkept", &app);
        assert!(screen.contains("恢复文件写不进去"));
        assert!(screen.contains("磁盘已满"));
        assert!(screen.contains("将无法找回"));
        assert!(
            !screen.contains("留在恢复文件中"),
            "no promise it cannot keep"
        );
        assert!(screen.contains("D（大写）放弃修改并退出"));
    }
}

#[test]
fn a_duplicate_new_report_offers_to_open_it_or_change_the_name() {
    use gongkai::tui::action::CreateRefused;
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        press(&mut app, Command::NewReport);
        for c in "某某区教育局".chars() {
            update(&mut app, Action::Char(c));
        }
        update(
            &mut app,
            Action::Created(Err(CreateRefused::Exists(
                "drafts/某某区教育局-2025.toml".into(),
            ))),
        );
        let screen = snapshot("new_report_exists", &app);
        assert!(
            screen.contains("已有同名草稿 某某区教育局-2025.toml，未覆盖。"),
            "{screen}"
        );
        assert!(screen.contains("Ctrl-O 打开已有草稿"), "{screen}");
        assert!(!screen.contains("-o"), "{screen}");
        // What was typed is still there, with the caret in it.
        let (_, cursor) = draw(&app);
        let line = screen.lines().position(|l| l.contains("报告单位")).unwrap();
        assert!(screen.lines().nth(line).unwrap().contains("某某区教育局"));
        assert_eq!(cursor.map(|c| usize::from(c.y)), Some(line));
    }
}

/// Carries out the effects an input asks for, as the program does, feeding back the results.
fn run_effects(app: &mut App, effects: Vec<gongkai::tui::action::Effect>) {
    for effect in effects {
        if let Some(done) = gongkai::tui::runtime::perform(app, &effect) {
            let more = update(app, done);
            run_effects(app, more);
        }
    }
}

#[test]
fn open_file_lists_the_folders_drafts_and_reports_and_tab_completes() {
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("tests/fixtures/import");
        let effects = update(&mut app, Action::Command(Command::OpenFile));
        run_effects(&mut app, effects);
        let screen = snapshot("open_file_list", &app);
        assert!(
            screen.contains("tests/fixtures/import 中的草稿和已公开报告："),
            "{screen}"
        );
        assert!(
            screen.contains("已公开  xiamen-2020-portal.html"),
            "{screen}"
        );
        assert!(
            screen.contains("草稿    hongze-2023.tables.toml"),
            "{screen}"
        );
        assert!(screen.contains("Tab 补全路径"), "{screen}");

        // Tab completes as far as the names agree, and lists them.
        for c in "tests/fixtures/import/xia".chars() {
            update(&mut app, Action::Char(c));
        }
        let effects = update(&mut app, Action::Command(Command::NextField));
        run_effects(&mut app, effects);
        let screen = snapshot("open_file_tab", &app);
        let Some(Dialog::OpenFile(open)) = &app.dialog else {
            panic!("{:?}", app.dialog);
        };
        assert_eq!(open.path.text, "tests/fixtures/import/xiamen-");
        assert_eq!(open.items.len(), 4);
        assert!(screen.contains("以此开头的有 4 个"), "{screen}");
        // The caret at the end of what Tab wrote.
        let (_, cursor) = draw(&app);
        let line = screen
            .lines()
            .position(|l| l.contains("tests/fixtures/import/xiamen-"))
            .unwrap();
        assert_eq!(cursor.map(|c| usize::from(c.y)), Some(line));

        // Down picks from the list.
        update(&mut app, Action::Command(Command::Down));
        let (screen, _) = draw(&app);
        assert!(
            screen.contains("> 已公开  xiamen-2020-portal-gbk-undeclared.html"),
            "{screen}"
        );
    }
}

#[test]
fn an_unreadable_draft_offers_its_backup_and_recovery_file() {
    use gongkai::tui::app::{Instead, UnreadableOffer};
    let mut e =
        gongkai::report::load::load_str("schema = 1\n[report\nagency = \"某某局\"\n").unwrap_err();
    e.file = Some("drafts/某某区教育局-2024.toml".into());
    let why = gongkai::i18n::load_error(Lang::Zh, &e);
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        update(
            &mut app,
            Action::Unreadable(Box::new(UnreadableOffer {
                path: "drafts/某某区教育局-2024.toml".into(),
                why: why.clone(),
                choices: vec![
                    Instead {
                        path: "drafts/某某区教育局-2024.toml.bak".into(),
                        recovery: false,
                        saved_at: "2026-11-27 17:05".into(),
                    },
                    Instead {
                        path: "state/recovery/某某区教育局-2024-0123456789abcdef.toml".into(),
                        recovery: true,
                        saved_at: "2026-11-28 09:12".into(),
                    },
                ],
            })),
        );
        let screen = snapshot("unreadable_draft", &app);
        assert!(screen.contains("草稿无法读取"), "{screen}");
        assert!(screen.contains("2:8"), "line and column: {screen}");
        assert!(screen.contains("[节] 缺少结尾的 ]"), "{screen}");
        assert!(
            screen.contains("> 打开备份 某某区教育局-2024.toml.bak"),
            "{screen}"
        );
        assert!(
            screen.contains("打开恢复文件（自动保存于 2026-11-28 09:12）"),
            "{screen}"
        );
    }
}

#[test]
fn open_file_of_a_missing_file_says_why_whole_and_keeps_the_path() {
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("tests/fixtures/import");
        let effects = update(&mut app, Action::Command(Command::OpenFile));
        run_effects(&mut app, effects);
        for c in "tests/fixtures/没有这份草稿.toml".chars() {
            update(&mut app, Action::Char(c));
        }
        let effects = update(&mut app, Action::Command(Command::Enter));
        run_effects(&mut app, effects);
        let screen = snapshot("open_file_missing", &app);
        let joined: String = screen
            .lines()
            .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
            .collect::<String>()
            .replace(' ', "");
        assert!(
            joined.contains("无法读取：找不到文件或文件夹（Nosuchfileordirectory,oserror2）"),
            "the reason, whole:\n{screen}"
        );
        assert!(
            screen.contains("›  tests/fixtures/没有这份草稿.toml"),
            "{screen}"
        );
    }
}
