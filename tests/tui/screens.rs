//! Every screen drawn through ratatui's TestBackend at 80×24 and 160×48, kept as snapshots
//! (`tests/tui/snapshots/`), with assertions on what matters: the balance error, the cursor on a
//! Chinese caret, the too-small message, the help overlay.

use crate::render::draw;
use crate::support::{go_to_section, press, run_effects, to_last_cell};
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

use crate::common::screen::SAMPLE;

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
    // A line that fills the width wraps, and the caret goes with it. (The text is wrapped one
    // column short of the area, so that the caret after a full line has a column.)
    let width = usize::from(areas.content.width) - 1;
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
        // The box says what ticking it does, whichever way it is ticked.
        assert!(
            screen.contains("[ ] 每页标注“草稿”（不勾选即导出定稿）"),
            "{screen}"
        );
        press(&mut app, Command::Down);
        update(&mut app, Action::Char(' '));
        let (screen, _) = draw(&app);
        assert!(screen.contains("[x] 每页标注“草稿”"), "{screen}");
    }
}

#[test]
fn review_reports_a_wrong_cell_once() {
    for (w, h) in SIZES {
        let loaded = gongkai::library::load(std::path::Path::new(SAMPLE)).expect("sample loads");
        let mut draft = loaded.draft;
        draft.cells.insert(
            "requests.carried_forward.business".into(),
            gongkai::report::Number::Count(2),
        );
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        app.open(Doc::new(SAMPLE.into(), loaded.template, draft, None));
        while app.current_page() != Some(Page::Review) {
            press(&mut app, Command::NextSection);
        }
        let (screen, _) = draw(&app);
        assert_eq!(screen.matches("列不平").count(), 1, "{screen}");
        // The section list counts what the pages list: one error, in 三 and in 检查.
        assert_eq!(screen.matches("✗ 1个错误").count(), 2, "{screen}");
        assert!(
            screen.contains("错误 1 ·"),
            "the page's own count too:\n{screen}"
        );
        assert!(screen.contains("商业企业列不平"), "{screen}");
        assert!(!screen.contains("总计列不平"), "{screen}");
    }
}

#[test]
fn enter_on_a_prose_finding_shows_its_sentence_with_the_caret() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        while app.current_page() != Some(Page::Review) {
            press(&mut app, Command::NextSection);
        }
        // The first item under its heading is the sample's one warning, about 1217 in 一.
        press(&mut app, Command::Enter);
        let (screen, cursor) = draw(&app);
        let cursor = cursor.expect("the caret is shown");
        let line = screen.lines().nth(usize::from(cursor.y)).unwrap();
        assert!(screen.contains("一、总体情况"), "{screen}");
        assert!(
            line.contains("年内共办结行政许可") || line.contains("1217"),
            "the caret's line is the sentence at {w}×{h}: {line}\n{screen}"
        );
    }
}

#[test]
fn an_acknowledged_warning_reads_the_same_in_its_section_and_in_review() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        while app.current_page() != Some(Page::Review) {
            press(&mut app, Command::NextSection);
        }
        press(&mut app, Command::Acknowledge);
        for c in "正文为办结件数".chars() {
            update(&mut app, Action::Char(c));
        }
        press(&mut app, Command::Enter);
        let (review, _) = draw(&app);
        assert!(review.contains("✓ 已确认：正文"), "{review}");
        while app.current_page() != Some(Page::Section(0)) {
            press(&mut app, Command::PrevSection);
        }
        let (section, _) = draw(&app);
        assert!(section.contains("一、总体情况"), "{section}");
        assert!(section.contains("✓ 已确认：正文"), "{section}");
        assert!(!section.contains("! 警告：正文"), "{section}");
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
        // On 三 the note says what the balance line's sign means, whole.
        // The popup's text: what stands between the columns of its corners.
        let columns =
            |l: &str, corner: char| l.find(corner).map(|i| UnicodeWidthStr::width(&l[..i]));
        let top = screen.lines().find(|l| l.contains('┌')).unwrap();
        let (left, right) = (columns(top, '┌').unwrap(), columns(top, '┐').unwrap());
        let note: String = screen
            .lines()
            .map(|l| {
                let mut x = 0;
                let mut inside = String::new();
                for c in l.chars() {
                    if x > left && x < right && c != ' ' {
                        inside.push(c);
                    }
                    x += UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
                }
                inside
            })
            .collect();
        assert!(
            note.contains("勾稽行✗后为一+二减（七）+四之差，负数即办理结果与结转多于收到的申请。"),
            "{screen}"
        );
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
            why: gongkai::report::IoFault::from(&std::io::Error::from(
                std::io::ErrorKind::StorageFull,
            )),
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

// ---- The prose editor as an officer types in it (issue: the editor as a new officer found it).

/// The cells of a region of the screen, one string a row, a wide character's second cell
/// skipped, spaces at the end kept off.
fn region(app: &App, area: ratatui::layout::Rect) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    (area.y..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in area.x..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                line.push_str(symbol);
            }
            line.trim_end().to_string()
        })
        .collect()
}

fn prose_text(app: &App, key: &str) -> String {
    app.doc.as_ref().unwrap().draft.text(key).to_string()
}

/// Marks that may not start a line, and marks that may not end one (禁则).
const CLOSING: &str = "」。，》）；：？！…”’";
const OPENING: &str = "「《（“‘";

fn assert_kinsoku(lines: &[String], what: &str) {
    for (i, l) in lines.iter().enumerate() {
        if let Some(first) = l.chars().next() {
            assert!(
                !CLOSING.contains(first),
                "{what}: line {i} starts with {first}:\n{}",
                lines.join("\n")
            );
        }
        // A line followed by another (the text goes on) may not end with an opening mark.
        let goes_on = lines.get(i + 1).is_some_and(|n| !n.is_empty());
        if let Some(last) = l.chars().last()
            && goes_on
        {
            assert!(
                !OPENING.contains(last),
                "{what}: line {i} ends with {last}:\n{}",
                lines.join("\n")
            );
        }
    }
}

/// Texts where a run of closing marks or an opening mark falls at every place of a line.
fn kinsoku_texts() -> Vec<String> {
    (0..44)
        .map(|p| {
            format!(
                "{}「引文」。《条例》）；后文继续写下去，直到行尾。",
                "字".repeat(p)
            )
        })
        .collect()
}

#[test]
fn prose_lines_keep_the_kinsoku_for_runs_of_marks() {
    for (w, h) in SIZES {
        for text in kinsoku_texts() {
            let mut app = empty(w, h);
            go_to_section(&mut app, "problems");
            update(&mut app, Action::Paste(text.clone()));
            let area = gongkai::tui::update::prose_layout(&app).text;
            let lines = region(&app, area);
            assert_kinsoku(&lines, &format!("editor {w}×{h}"));
            let shown: String = lines.concat();
            assert_eq!(shown, text, "nothing is lost in the wrap at {w}×{h}");
        }
    }
}

#[test]
fn last_years_text_keeps_the_kinsoku_for_runs_of_marks() {
    for (w, h) in SIZES {
        for text in kinsoku_texts() {
            let mut app = next_year(w, h);
            if let Some(last) = app.doc.as_mut().unwrap().last.as_mut() {
                last.draft.text.insert("overview".into(), text.clone());
            }
            go_to_section(&mut app, "overview");
            press(&mut app, Command::LastText);
            let body = gongkai::tui::update::prose_layout(&app)
                .last_body
                .expect("last year's text is shown");
            let lines = region(&app, body);
            assert_kinsoku(&lines, &format!("last year {w}×{h}"));
            assert_eq!(lines.concat(), text, "nothing is lost at {w}×{h}");
        }
    }
}

#[test]
fn end_on_an_exactly_full_line_keeps_the_caret_on_that_line() {
    for (w, h) in SIZES {
        let mut app = empty(w, h);
        go_to_section(&mut app, "problems");
        let area = gongkai::tui::update::prose_layout(&app).text;
        update(
            &mut app,
            Action::Paste("字".repeat(usize::from(area.width) * 2)),
        );
        // To the first line, and to its end: the line is full of Han characters.
        for _ in 0..10 {
            press(&mut app, Command::Up);
        }
        press(&mut app, Command::End);
        let lines = region(&app, area);
        let first = lines[0].clone();
        let (_, cursor) = draw(&app);
        let cursor = cursor.expect("a cursor");
        assert_eq!(cursor.y, area.y, "still on the first line at {w}×{h}");
        assert_eq!(
            cursor.x,
            area.x + first.width() as u16,
            "just after its last character at {w}×{h}"
        );
        assert!(cursor.x < area.right(), "inside the text area at {w}×{h}");
        // End again stays there.
        press(&mut app, Command::End);
        assert_eq!(draw(&app).1, Some(cursor));
        // The next character goes after the line's last one, not into the next line's middle.
        update(&mut app, Action::Char('甲'));
        let text = prose_text(&app, "problems");
        assert!(text.starts_with(&format!("{first}甲")), "{text}");
        // Home goes back to the start of that line.
        press(&mut app, Command::Up);
        press(&mut app, Command::End);
        press(&mut app, Command::Home);
        assert_eq!(draw(&app).1, Some(Position::new(area.x, area.y)));
    }
}

#[test]
fn ctrl_home_and_ctrl_end_go_to_the_start_and_end_of_the_text() {
    for (w, h) in SIZES {
        let mut app = empty(w, h);
        go_to_section(&mut app, "problems");
        let area = gongkai::tui::update::prose_layout(&app).text;
        let para = "一是信息公开工作人员流动较快，业务能力有待提高。".repeat(4);
        let text = format!("{para}\n").repeat(12) + "最后一句";
        update(&mut app, Action::Paste(text.clone()));
        press(&mut app, Command::TextStart);
        assert_eq!(app.prose["problems"].caret, 0);
        let lines = region(&app, area);
        assert!(lines[0].starts_with("一是信息公开"), "{lines:?}");
        assert_eq!(draw(&app).1, Some(Position::new(area.x, area.y)));
        press(&mut app, Command::TextEnd);
        assert_eq!(app.prose["problems"].caret, text.len());
        // The end is on screen, the cursor after 最后一句.
        let lines = region(&app, area);
        let cursor = draw(&app).1.expect("a cursor");
        let row = usize::from(cursor.y - area.y);
        assert_eq!(lines[row], "最后一句", "{lines:?}");
        assert_eq!(cursor.x, area.x + 8);
        // Home and End stay on the visual line.
        press(&mut app, Command::Home);
        assert_eq!(draw(&app).1, Some(Position::new(area.x, cursor.y)));
        // Listed in the help, which still has room for every key of the section.
        press(&mut app, Command::Help);
        let (screen, _) = draw(&app);
        for key in [
            "Ctrl-Home / Ctrl-End",
            "Home / End",
            "Ctrl-Z",
            "Backspace",
            "Del",
        ] {
            assert!(screen.contains(key), "{key} missing at {w}×{h}:\n{screen}");
        }
    }
}

#[test]
fn undo_steps_by_typed_run_and_deletion_run_and_redo_restores_the_caret() {
    for (w, h) in SIZES {
        let mut app = empty(w, h);
        go_to_section(&mut app, "problems");
        let area = gongkai::tui::update::prose_layout(&app).text;
        for c in "人员流动较快".chars() {
            update(&mut app, Action::Char(c));
        }
        press(&mut app, Command::Backspace);
        press(&mut app, Command::Backspace);
        let at = |app: &App, cols: u16| {
            let (screen, cursor) = draw(app);
            (screen, cursor == Some(Position::new(area.x + cols, area.y)))
        };
        assert_eq!(prose_text(&app, "problems"), "人员流动");
        // The first undo takes back the deletions only, the caret where they began.
        press(&mut app, Command::Undo);
        assert_eq!(prose_text(&app, "problems"), "人员流动较快");
        let (screen, caret_ok) = at(&app, 12);
        assert!(screen.contains("人员流动较快"), "{screen}");
        assert!(caret_ok, "after 快 at {w}×{h}");
        // The second, the typed run.
        press(&mut app, Command::Undo);
        assert_eq!(prose_text(&app, "problems"), "");
        // Redo gives the typed run back whole, the caret after it …
        press(&mut app, Command::Redo);
        assert_eq!(prose_text(&app, "problems"), "人员流动较快");
        let (screen, caret_ok) = at(&app, 12);
        assert!(screen.contains("人员流动较快"), "{screen}");
        assert!(caret_ok, "redo: after 快 at {w}×{h}");
        // … then the deletions, the caret where they ended.
        press(&mut app, Command::Redo);
        assert_eq!(prose_text(&app, "problems"), "人员流动");
        assert!(at(&app, 8).1, "redo: after 动 at {w}×{h}");
    }
}

#[test]
fn a_paste_and_a_moved_caret_end_a_typed_run() {
    let mut app = empty(80, 24);
    go_to_section(&mut app, "problems");
    for c in "甲乙".chars() {
        update(&mut app, Action::Char(c));
    }
    update(&mut app, Action::Paste("丙丁".into()));
    for c in "戊".chars() {
        update(&mut app, Action::Char(c));
    }
    press(&mut app, Command::Left);
    update(&mut app, Action::Char('己'));
    let steps = ["甲乙丙丁戊", "甲乙丙丁", "甲乙", ""];
    for want in steps {
        press(&mut app, Command::Undo);
        assert_eq!(prose_text(&app, "problems"), want);
    }
    for want in ["甲乙", "甲乙丙丁", "甲乙丙丁戊", "甲乙丙丁己戊"] {
        press(&mut app, Command::Redo);
        assert_eq!(prose_text(&app, "problems"), want);
    }
    // The caret is after 己, where the last edit left it.
    let area = gongkai::tui::update::prose_layout(&app).text;
    assert_eq!(draw(&app).1, Some(Position::new(area.x + 10, area.y)));
}

#[test]
fn a_long_number_being_typed_is_shown_whole() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "requests");
        for c in "1234567890".chars() {
            update(&mut app, Action::Char(c));
        }
        let (screen, cursor) = draw(&app);
        let cursor = cursor.expect("a cell being typed shows the cursor");
        let line = screen.lines().nth(usize::from(cursor.y)).unwrap();
        assert!(line.contains("1234567890"), "{w}×{h}: {line}");
        // The cursor is just after the last digit.
        let row = region(&app, ratatui::layout::Rect::new(0, cursor.y, cursor.x, 1));
        assert!(row[0].trim_end().ends_with("1234567890"), "{row:?}");
        insta::assert_snapshot!(format!("long_number_typed_{w}x{h}"), screen);
        // Confirmed, the cell goes back to its width (the figure, cut, with the others).
        press(&mut app, Command::Enter);
        let (screen, _) = draw(&app);
        assert!(screen.contains("一、本年新收"), "{screen}");
    }
}

// ------------------------------------------------------------ nothing cut silently (issue 14)

/// The part of each screen line right of the section list (its `│`).
fn right_of_sidebar(line: &str) -> &str {
    line.split_once('│').map_or("", |(_, r)| r)
}

/// A draft kept outside the data folder, in a deep folder, so its export goes beside it.
fn county(w: u16, h: u16) -> App {
    let loaded = gongkai::library::load(std::path::Path::new(SAMPLE)).expect("sample loads");
    let mut draft = loaded.draft;
    draft.report.agency = "某某县人民政府办公室".into();
    let mut app = App::new(Lang::Zh, look(), w, h);
    app.drafts_dir = PathBuf::from("drafts");
    app.open(Doc::new(
        "/srv/公开/某某县人民政府办公室/2020年度/草稿.toml".into(),
        loaded.template,
        draft,
        None,
    ));
    while app.current_page() != Some(Page::Export) {
        press(&mut app, Command::NextSection);
    }
    app
}

/// What the 导出 page's 文件 field shows, its lines joined.
fn path_field(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().map(right_of_sidebar).collect();
    let first = lines
        .iter()
        .position(|l| l.trim_start().starts_with("文件"))
        .expect("the file field");
    let mut out = lines[first].trim_start()["文件".len()..].trim().to_string();
    for l in &lines[first + 1..] {
        if l.contains("[ 导出 ]") {
            break;
        }
        out.push_str(l.trim());
    }
    out
}

#[test]
fn the_export_field_shows_the_whole_folder_and_file() {
    for (w, h) in SIZES {
        let app = county(w, h);
        let path = app.export.path.text.clone();
        assert!(
            path.starts_with("/srv/公开/某某县人民政府办公室/2020年度/某某县人民政府办公室"),
            "{path}"
        );
        assert!(path.ends_with(".docx"), "{path}");
        let (screen, _) = draw(&app);
        assert_eq!(path_field(&screen), path, "{screen}");
        // The form follows the list of what blocks a final export, not the foot of the page.
        let lines: Vec<&str> = screen.lines().collect();
        let status = lines
            .iter()
            .position(|l| l.contains("尚不能导出定稿"))
            .unwrap();
        let form = lines.iter().position(|l| l.contains("格式    <")).unwrap();
        assert!(form - status <= 6, "{screen}");
        // A path too long for three lines loses its middle, never its file name.
        let mut app = app;
        let deep = format!("/srv/{}/{}", "很深的文件夹/".repeat(30), "报告.docx");
        app.export.path = gongkai::tui::text::Field::new(&deep);
        let (screen, _) = draw(&app);
        let shown = path_field(&screen);
        assert!(shown.starts_with("/srv/"), "{screen}");
        assert!(
            shown.contains('…') && shown.ends_with("/报告.docx"),
            "{screen}"
        );
    }
}

#[test]
fn after_exporting_the_message_says_where_in_full() {
    for (w, h) in SIZES {
        let mut app = county(w, h);
        let path = PathBuf::from(app.export.path.text.clone());
        update(&mut app, Action::Exported(Ok(path.clone())));
        let (screen, _) = draw(&app);
        let lines: Vec<&str> = screen.lines().collect();
        let first = lines
            .iter()
            .position(|l| l.contains("已导出"))
            .expect("the message");
        // Every line from the message's first down to the footer is the message.
        let said: String = lines[first..lines.len() - 1]
            .iter()
            .map(|l| l.trim())
            .collect();
        assert_eq!(said, format!("✓ 已导出 {}", path.display()), "{screen}");
    }
}

#[test]
fn home_end_and_arrows_work_in_the_export_path_field() {
    use gongkai::tui::keys::{Context, Key, lookup};
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let key = |code, mods| Key { code, mods };
    let command = |k| lookup(Context::Export, k).map(|b| b.command);
    assert_eq!(
        command(key(KeyCode::Home, KeyModifiers::NONE)),
        Some(Command::Home)
    );
    assert_eq!(
        command(key(KeyCode::Char('a'), KeyModifiers::CONTROL)),
        Some(Command::Home)
    );
    assert_eq!(
        command(key(KeyCode::End, KeyModifiers::NONE)),
        Some(Command::End)
    );
    assert_eq!(
        command(key(KeyCode::Char('e'), KeyModifiers::CONTROL)),
        Some(Command::End)
    );
    for (w, h) in SIZES {
        let mut app = county(w, h);
        press(&mut app, Command::Down);
        press(&mut app, Command::Down);
        assert_eq!(app.export.field, 2);
        let areas = gongkai::tui::layout::areas(w, h);
        let (screen, end) = draw(&app);
        let end = end.expect("the caret in the field");
        press(&mut app, Command::Home);
        assert_eq!(app.export.path.caret, 0);
        let (_, home) = draw(&app);
        let home = home.expect("the caret in the field");
        let row = screen
            .lines()
            .position(|l| right_of_sidebar(l).trim_start().starts_with("文件"))
            .unwrap() as u16;
        assert_eq!(
            (home.x, home.y),
            (areas.content.x + 8, row),
            "Home: the start"
        );
        press(&mut app, Command::Right);
        let (_, right) = draw(&app);
        assert_eq!(right.unwrap().x, home.x + 1, "Right: one column on ('/')");
        press(&mut app, Command::End);
        assert_eq!(app.export.path.caret, app.export.path.text.len());
        assert_eq!(draw(&app).1, Some(end), "End: after the extension");
        press(&mut app, Command::Left);
        assert!(app.export.path.caret < app.export.path.text.len());
    }
}

#[test]
fn section_names_are_whole_when_wide_and_marked_when_cut() {
    let app = sample(160, 48);
    let (screen, _) = draw(&app);
    for name in [
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ] {
        assert!(screen.contains(name), "{name}\n{screen}");
    }
    let app = sample(80, 24);
    let (screen, _) = draw(&app);
    for cut in ["二、主动公开政…", "三、收到和处理…", "四、政府信息公…"]
    {
        assert!(screen.contains(cut), "{cut}\n{screen}");
    }
}

#[test]
fn the_focused_cells_label_keeps_its_column_at_80_columns() {
    let mut app = sample(80, 24);
    go_to_section(&mut app, "requests");
    // 三（三）1.属于国家秘密, column 社会公益组织.
    for _ in 0..4 {
        press(&mut app, Command::Down);
    }
    for _ in 0..3 {
        press(&mut app, Command::Right);
    }
    let (screen, _) = draw(&app);
    let panel: String = screen
        .lines()
        .skip_while(|l| !l.contains("────"))
        .skip(1)
        .take(2)
        .map(|l| right_of_sidebar(l).trim())
        .collect();
    assert!(
        panel.contains("三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密"),
        "{screen}"
    );
    assert!(
        panel.contains("申请人情况 › 法人或其他组织 › 社会公益组织"),
        "{screen}"
    );
}

#[test]
fn the_blocker_list_shows_or_counts_every_blocker() {
    let mut app = sample(80, 24);
    go_to_section(&mut app, "requests");
    // 一 of five columns off by one: five balance errors, the total's, and the text's.
    for _ in 0..5 {
        update(&mut app, Action::Char('9'));
        press(&mut app, Command::Enter);
        press(&mut app, Command::Up);
        press(&mut app, Command::Right);
    }
    while app.current_page() != Some(Page::Export) {
        press(&mut app, Command::NextSection);
    }
    let (screen, _) = draw(&app);
    let said: usize = screen
        .lines()
        .find_map(|l| {
            let (_, rest) = l.split_once("还有 ")?;
            rest.split_once(" 项需处理")?.0.parse().ok()
        })
        .expect("the count");
    assert!(said >= 6, "{screen}");
    let listed = screen
        .lines()
        .map(right_of_sidebar)
        .filter(|l| l.starts_with("   ! ") || l.starts_with("   ✗ ") || l.starts_with("   - "))
        .count();
    let more: usize = screen
        .lines()
        .find_map(|l| {
            let (_, rest) = l.split_once("   还有 ")?;
            rest.split_once(" 项…")?.0.parse().ok()
        })
        .unwrap_or(0);
    assert_eq!(listed + more, said, "{screen}");
    assert!(more > 0, "80×24 cannot list them all: {screen}");
}

#[test]
fn table_three_shows_six_digit_figures_and_their_differences_whole() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "requests");
        for c in "123456".chars() {
            update(&mut app, Action::Char(c));
        }
        press(&mut app, Command::Enter);
        // 二 of 法律服务机构 (the fifth column): 0 → 1234, a four-digit difference.
        for _ in 0..4 {
            press(&mut app, Command::Right);
        }
        for c in "1234".chars() {
            update(&mut app, Action::Char(c));
        }
        press(&mut app, Command::Enter);
        let (screen, _) = draw(&app);
        assert!(screen.contains(" 1234 "), "{screen}");
        assert!(screen.contains("✗+1234"), "{screen}");
        assert!(
            !screen.contains("1234…") && !screen.contains("✗+12…"),
            "{screen}"
        );
        if w == 80 {
            // Not every column fits: they scroll, and say so.
            assert!(screen.contains('‹') && screen.contains('›'), "{screen}");
        }
        // Back to the first column: its figures are on screen again.
        for _ in 0..4 {
            press(&mut app, Command::Left);
        }
        let (screen, _) = draw(&app);
        assert!(screen.contains(" 123456 "), "{screen}");
        assert!(screen.contains("✗+123425"), "{screen}");
        if w == 80 {
            insta::assert_snapshot!("requests_wide_figures_80x24", screen);
        }
    }
}

#[test]
fn table_two_keeps_the_focused_blocks_caption_and_headers_when_it_scrolls() {
    let mut app = sample(80, 24);
    go_to_section(&mut app, "proactive");
    for step in 0..12 {
        let (screen, _) = draw(&app);
        let first = right_of_sidebar(screen.lines().nth(2).unwrap()).trim();
        assert!(
            first.starts_with("第二十条"),
            "after {step} steps down, the first line is no caption:\n{screen}"
        );
        assert!(
            !screen
                .lines()
                .any(|l| right_of_sidebar(l).trim_start().starts_with("作数量")
                    || l.contains(" 作数量")),
            "no header broken mid-word: {screen}"
        );
        press(&mut app, Command::Down);
    }
}

#[test]
fn two_drafts_of_one_agency_are_told_apart_on_the_start_screen() {
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        app.entries = vec![
            entry(
                "drafts/厦门市人力资源和社会保障局-2020.toml",
                "厦门市人力资源和社会保障局",
                2020,
                "gip-2019",
            ),
            entry(
                "drafts/厦门市人力资源和社会保障局-2020-修订稿.toml",
                "厦门市人力资源和社会保障局",
                2020,
                "gip-2019",
            ),
        ];
        let (screen, _) = draw(&app);
        let rows: Vec<&str> = screen.lines().filter(|l| l.contains("2020年")).collect();
        assert_eq!(rows.len(), 2, "{screen}");
        assert_ne!(rows[0], rows[1], "{screen}");
        assert!(rows[0].ends_with("2020.toml"), "{screen}");
        assert!(rows[1].ends_with("修订稿.toml"), "{screen}");
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
    let why = e;
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

// ---- Small things that add up ----

#[test]
fn tab_stops_at_the_end_of_table_three_and_says_where_it_goes_on() {
    for (w, h) in SIZES {
        let mut app = empty(w, h);
        go_to_section(&mut app, "requests");
        to_last_cell(&mut app, "requests");
        update(&mut app, Action::Char('5'));
        press(&mut app, Command::NextField);
        let screen = snapshot("table_end", &app);
        assert!(screen.contains("三、收到和处理"), "still on table 三");
        assert!(screen.contains("› 本表已到末尾"), "a hint, not a ✓");
        update(&mut app, Action::Char('7'));
        let screen = snapshot("table_end_typed", &app);
        assert!(screen.contains("✗ “7”未输入"));
    }
}

#[test]
fn read_only_footer_and_help_list_only_the_keys_that_work() {
    for (w, h) in SIZES {
        let mut app = held(w, h);
        press(&mut app, Command::ViewReadOnly);
        go_to_section(&mut app, "requests");
        let screen = snapshot("read_only_table", &app);
        let footer = screen.lines().nth(usize::from(h) - 1).unwrap();
        for gone in ["保存", "修改", "填0", "撤销", "导入"] {
            assert!(!footer.contains(gone), "{gone} in the footer: {footer}");
        }
        assert!(footer.contains("PgDn"), "{footer}");
        press(&mut app, Command::Help);
        let screen = snapshot("read_only_help", &app);
        for gone in ["Ctrl-S", "Ctrl-Z", "Ctrl-O"] {
            assert!(!screen.contains(gone), "{gone} in the help");
        }
        assert!(screen.contains("PgDn"));
    }
}

#[test]
fn table_three_scrolled_at_80x24_shows_from_the_top_at_160x48() {
    let mut app = sample(80, 24);
    go_to_section(&mut app, "requests");
    for _ in 0..30 {
        press(&mut app, Command::Down);
    }
    let small = snapshot("grown_requests", &app);
    assert!(!small.contains("一、本年新收政府信息公开申请数量"));
    update(&mut app, Action::Resize(160, 48));
    let large = snapshot("grown_requests", &app);
    assert!(
        large.contains("一、本年新收政府信息公开申请数量"),
        "the rows above are back in view"
    );
    assert!(
        large.contains("四、结转下年度"),
        "and the focused row stays"
    );
}

#[test]
fn u_off_an_amount_says_why_without_a_tick() {
    for (w, h) in SIZES {
        let template = Template::for_year(2020).expect("a format");
        let draft = Draft::new(&template.id, "某某区教育局", 2020, AgencyKind::Department);
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        app.open(Doc::new("new.toml".into(), template, draft, None));
        go_to_section(&mut app, "proactive");
        press(&mut app, Command::CycleUnit);
        let screen = snapshot("unit_refused", &app);
        assert!(screen.contains("✗ 单位未切换"), "{screen}");
        assert!(!screen.contains("✓ 单位"));
    }
}

#[test]
fn a_refused_letter_keeps_the_tables_footer() {
    for (w, h) in SIZES {
        let mut app = sample(w, h);
        go_to_section(&mut app, "requests");
        let before = draw(&app).0;
        update(&mut app, Action::Char('a'));
        let screen = snapshot("refused_letter", &app);
        let foot = |s: &str| s.lines().nth(usize::from(h) - 1).unwrap().to_string();
        assert_eq!(foot(&screen), foot(&before), "the footer is the table's");
        assert!(screen.contains("“a”未输入"));
    }
}

#[test]
fn esc_on_the_start_screen_says_how_to_quit() {
    for (w, h) in SIZES {
        let mut app = App::new(Lang::Zh, look(), w, h);
        app.drafts_dir = PathBuf::from("drafts");
        press(&mut app, Command::Cancel);
        let screen = snapshot("start_esc", &app);
        assert!(screen.contains("按 Ctrl-Q 或 q 退出"), "{screen}");
    }
}

#[test]
fn the_export_path_is_corrected_with_the_real_keys() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let key = |app: &mut App, code: KeyCode| {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = gongkai::tui::translate(app, event) {
            update(app, action);
        }
    };
    for (w, h) in SIZES {
        let mut app = county(w, h);
        press(&mut app, Command::Down);
        press(&mut app, Command::Down);
        assert_eq!(app.export.field, 2);
        let before = app.export.path.text.clone();
        // Backspace shortens it, a space is a space (not the draft box), Delete deletes forward.
        for _ in 0..".docx".chars().count() {
            key(&mut app, KeyCode::Backspace);
        }
        for c in " 副本?.docx".chars() {
            key(&mut app, KeyCode::Char(c));
        }
        let stem = before.strip_suffix(".docx").unwrap();
        assert_eq!(app.export.path.text, format!("{stem} 副本?.docx"));
        assert!(!app.export.draft_mark, "the space went into the path");
        assert!(!app.help, "the ? went into the path");
        key(&mut app, KeyCode::Home);
        key(&mut app, KeyCode::Delete);
        assert_eq!(app.export.path.text, format!("{} 副本?.docx", &stem[1..]));
        let (screen, _) = draw(&app);
        assert!(screen.contains("副本?.docx"), "{screen}");
    }
}
