//! `gongkai ledger` and the ledger module, on ledgers generated with known counts: every
//! computed cell compared with the test's own count, every kind of bad row refused by its
//! row, the draft untouched then, the ledger template read back after it is filled.

use crate::common::ledger as ledger_support;
use assert_cmd::Command;
use gongkai::ledger::{self, LedgerError, RowProblem};
use gongkai::report::{Number, load};
use jiff::civil::date;
use ledger_support::{GenCase, cases, csv_text, expected, expected_fees, xlsx_bytes};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

fn gongkai() -> Command {
    let mut cmd = Command::cargo_bin("gongkai").unwrap();
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("GONGKAI_TODAY", "2025-01-10");
    cmd
}

/// Several hundred cases from mid-2022 to the end of 2024: some received in 2022 are still
/// open across both year ends.
fn two_years() -> Vec<GenCase> {
    let mut all = cases(7, 480, date(2022, 6, 1), date(2024, 12, 31));
    // Open across both year ends for certain, whatever the seed gives.
    for c in all.iter_mut().take(3) {
        c.received = date(2022, 11, 3);
        c.concluded = None;
        c.result = None;
    }
    all
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn assert_counts(counted: &ledger::Counted, cases: &[GenCase], year: i16) {
    let want = expected(cases, year);
    assert_eq!(counted.cells.len(), want.len(), "the same cells");
    for (key, n) in &want {
        assert_eq!(counted.cells.get(key), Some(n), "{key} in {year}");
    }
    // 一 + 二 = （七） + 四 in every column.
    for column in ledger_support::COLUMNS {
        let get = |row: &str| want[&format!("requests.{row}.{column}")];
        let results: u64 = want
            .iter()
            .filter(|(k, _)| {
                k.ends_with(&format!(".{column}"))
                    && !["new_received", "carried_over", "carried_forward"]
                        .iter()
                        .any(|r| k.contains(&format!(".{r}.")))
            })
            .map(|(_, n)| n)
            .sum();
        assert_eq!(
            get("new_received") + get("carried_over"),
            results + get("carried_forward"),
            "{column} balances in {year}"
        );
    }
    let (notices, billed, collected) = expected_fees(cases, year);
    let fees = counted.fees.expect("fee columns are read");
    assert_eq!(fees.notices, notices);
    assert_eq!(fees.billed, Decimal::new(billed as i64, 2));
    assert_eq!(fees.collected, Decimal::new(collected as i64, 2));
}

#[test]
fn a_csv_ledger_with_every_date_notation_gives_each_years_table() {
    let dir = tempfile::tempdir().unwrap();
    let cases = two_years();
    assert!(
        cases
            .iter()
            .any(|c| c.received.year() == 2022 && c.concluded.is_none())
    );
    let path = write(dir.path(), "台账.csv", csv_text(&cases).as_bytes());
    for year in [2023, 2024] {
        let counted = ledger::read_and_count(&path, year, None).expect("counted");
        assert_counts(&counted, &cases, year as i16);
    }
    let carried = |c: &ledger::Counted| -> u64 {
        ledger_support::COLUMNS
            .iter()
            .map(|col| c.get("carried_over", col).unwrap())
            .sum()
    };
    let counted = ledger::read_and_count(&path, 2024, None).unwrap();
    assert!(
        carried(&counted) >= 3,
        "the 2022 cases still open are carried into 2024"
    );
}

#[test]
fn a_gb18030_csv_reads_as_its_utf8_twin() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases(11, 120, date(2023, 1, 1), date(2024, 12, 31));
    let text = csv_text(&cases);
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let gb_path = write(dir.path(), "gb.csv", &gb);
    let bom_path = write(
        dir.path(),
        "bom.csv",
        &[b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    );
    for path in [gb_path, bom_path] {
        let counted = ledger::read_and_count(&path, 2024, None).expect("counted");
        assert_counts(&counted, &cases, 2024);
    }
}

#[test]
fn an_xlsx_ledger_with_a_title_row_and_date_cells_is_read_from_the_years_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let cases = two_years();
    let path = write(dir.path(), "台账.xlsx", &xlsx_bytes(&cases, 2024));
    let counted = ledger::read_and_count(&path, 2024, None).expect("counted");
    assert_counts(&counted, &cases, 2024);
    // --sheet chooses another sheet: the notes sheet has no header.
    match ledger::read(&path, Some(2024), Some("说明")) {
        Err(LedgerError::Headers { sheet, .. }) => assert_eq!(sheet.as_deref(), Some("说明")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_ledger_across_the_change_of_format_reads_each_year_in_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let text = "收到日期,申请人类型,办理结果,办结日期\n\
                2020-03-01,公民,其他处理,2020-03-20\n\
                2020-12-20,公民,其他处理—其他,2021-01-08\n\
                2021-02-01,企业,（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,2021-03-01\n";
    let path = write(dir.path(), "a.csv", text.as_bytes());
    let c2020 = ledger::read_and_count(&path, 2020, None).unwrap();
    assert_eq!(c2020.template.id, "gip-2019");
    assert_eq!(c2020.get("other_handling", "natural_person"), Some(1));
    assert_eq!(c2020.get("carried_forward", "natural_person"), Some(1));
    let c2021 = ledger::read_and_count(&path, 2021, None).unwrap();
    assert_eq!(c2021.get("other_misc", "natural_person"), Some(1));
    assert_eq!(c2021.get("other_no_correction", "business"), Some(1));
    assert_eq!(c2021.get("carried_over", "natural_person"), Some(1));
}

#[test]
fn every_kind_of_bad_row_is_named_by_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = "某局台账\n\
                收到日期,申请人类型,办理结果,办结日期\n\
                2024-01-02,公民,予以公布,2024-01-10\n\
                2024-02-30,公民,予以公开,2024-03-01\n\
                2024-03-01,外国友人,予以公开,2024-03-05\n\
                2024-04-10,企业,予以公开,2024-04-01\n\
                2024-05-01,企业,予以公开,\n\
                ,,,\n\
                2024-06-01,企业,,2024-06-05\n\
                2024-07-01,公民,,\n";
    let path = write(dir.path(), "bad.csv", text.as_bytes());
    let Err(LedgerError::BadRows { rows, .. }) = ledger::read(&path, Some(2024), None) else {
        panic!("refused");
    };
    let found: Vec<(u32, &RowProblem)> = rows.iter().map(|r| (r.row, &r.problem)).collect();
    assert!(
        matches!(found[0], (3, RowProblem::UnknownResult { .. })),
        "{found:?}"
    );
    assert!(
        matches!(found[1], (4, RowProblem::BadDate { .. })),
        "{found:?}"
    );
    assert!(
        matches!(found[2], (5, RowProblem::UnknownApplicant { .. })),
        "{found:?}"
    );
    assert!(
        matches!(found[3], (6, RowProblem::ConcludedBeforeReceived { .. })),
        "{found:?}"
    );
    assert!(
        matches!(found[4], (7, RowProblem::ResultWithoutConclusion { .. })),
        "{found:?}"
    );
    // Row 8 is empty and skipped; row 10 is an open case, which is fine.
    assert!(
        matches!(found[5], (9, RowProblem::ConclusionWithoutResult)),
        "{found:?}"
    );
    assert_eq!(found.len(), 6);
}

fn new_draft(dir: &Path, year: i32) -> PathBuf {
    let draft = dir.join("draft.toml");
    gongkai()
        .env("GONGKAI_HOME", dir.join("home"))
        .args(["new", "--agency", "某局", "--year", &year.to_string(), "-o"])
        .arg(&draft)
        .assert()
        .success();
    draft
}

#[test]
fn a_bad_row_leaves_the_draft_as_it_was_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let draft = new_draft(dir.path(), 2024);
    let before = std::fs::read(&draft).unwrap();
    let ledger = write(
        dir.path(),
        "bad.csv",
        "收到日期,申请人类型,办理结果,办结日期\n2024-01-02,公民,予以公布,2024-01-10\n".as_bytes(),
    );
    let out = gongkai()
        .args(["ledger"])
        .arg(&ledger)
        .arg("--into")
        .arg(&draft)
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("第 2 行 C 列（办理结果）：“予以公布”不是 gip-2021"),
        "{stderr}"
    );
    assert!(stderr.contains("最接近的是“（一）予以公开”"), "{stderr}");
    assert_eq!(std::fs::read(&draft).unwrap(), before);
    assert!(!gongkai::atomic::backup_path(&draft).exists());
}

#[test]
fn into_a_draft_writes_every_cell_records_the_ledger_and_balances() {
    let dir = tempfile::tempdir().unwrap();
    let draft = new_draft(dir.path(), 2024);
    let cases = two_years();
    let ledger_path = write(dir.path(), "台账.xlsx", &xlsx_bytes(&cases, 2024));
    let out = gongkai()
        .args(["ledger"])
        .arg(&ledger_path)
        .arg("--into")
        .arg(&draft)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("一、本年新收政府信息公开申请数量 · 自然人：空 → "),
        "{stdout}"
    );
    assert!(gongkai::atomic::backup_path(&draft).exists());
    let loaded = load::load_file(&draft).unwrap();
    assert_eq!(
        loaded.ledger.as_ref().map(|l| l.file.as_str()),
        Some("台账.xlsx")
    );
    for (key, n) in expected(&cases, 2024) {
        assert_eq!(loaded.cell(&key), Some(Number::Count(n)), "{key}");
    }
    // The draft now balances and its ledger hint is quiet.
    let check = gongkai().arg("check").arg(&draft).assert();
    let stdout = String::from_utf8(check.get_output().stdout.clone()).unwrap();
    assert!(!stdout.contains("requests.balance"), "{stdout}");
    assert!(!stdout.contains("ledger.stale"), "{stdout}");
    // Run again: nothing to change.
    gongkai()
        .args(["ledger"])
        .arg(&ledger_path)
        .arg("--into")
        .arg(&draft)
        .assert()
        .success()
        .stdout(predicates::str::contains("表三已与台账一致"));
    // The ledger changes: the hint says table 三 no longer equals it; gone: says so.
    let mut fewer = cases.clone();
    fewer.truncate(cases.len() - 40);
    std::fs::write(&ledger_path, xlsx_bytes(&fewer, 2024)).unwrap();
    gongkai()
        .arg("check")
        .arg(&draft)
        .assert()
        .stdout(predicates::str::contains("ledger.stale"))
        .stdout(predicates::str::contains("现在的统计不一致"));
    std::fs::remove_file(&ledger_path).unwrap();
    gongkai()
        .arg("check")
        .arg(&draft)
        .assert()
        .stdout(predicates::str::contains("已不存在"));
}

#[test]
fn json_gives_the_table_the_changes_and_the_unread_rows() {
    let dir = tempfile::tempdir().unwrap();
    let draft = new_draft(dir.path(), 2024);
    let cases = cases(3, 200, date(2023, 6, 1), date(2024, 12, 31));
    let path = write(dir.path(), "l.csv", csv_text(&cases).as_bytes());
    let out = gongkai()
        .args(["ledger", "--json"])
        .arg(&path)
        .arg("--into")
        .arg(&draft)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["year"], 2024);
    assert_eq!(v["template"], "gip-2021");
    assert_eq!(v["cases"], 200);
    let rows = v["table"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 25, "every numeric row of gip-2021's table 三");
    assert_eq!(rows[0]["key"], "new_received");
    assert_eq!(rows[23]["key"], "total_handled");
    let want = expected(&cases, 2024);
    assert_eq!(
        rows[0]["values"]["natural_person"],
        want["requests.new_received.natural_person"]
    );
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes[0]["cell"], "requests.new_received.natural_person");
    assert_eq!(changes[0]["old"], serde_json::Value::Null);
    assert_eq!(v["unread"], serde_json::json!([]));
    let (_, billed, _) = expected_fees(&cases, 2024);
    assert_eq!(
        v["fees"]["billed"],
        Decimal::new(billed as i64, 2).normalize().to_string()
    );

    let bad = write(
        dir.path(),
        "bad.csv",
        "收到日期,申请人类型,办理结果,办结日期\n2024-01-02,火星人,予以公开,2024-01-10\n".as_bytes(),
    );
    let out = gongkai()
        .args(["ledger", "--json", "--year", "2024"])
        .arg(&bad)
        .assert()
        .code(2);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["unread"][0]["row"], 2);
    assert_eq!(v["unread"][0]["column"], "B");
    assert_eq!(v["unread"][0]["header"], "申请人类型");
}

#[test]
fn without_a_draft_the_year_is_required() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "l.csv",
        "收到日期,申请人类型,办理结果,办结日期\n".as_bytes(),
    );
    gongkai()
        .arg("ledger")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--year"));
    gongkai()
        .args(["ledger", "--lang", "en"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("give the year with --year"));
}

#[test]
fn a_year_no_report_can_be_for_is_refused_not_counted_as_an_empty_table() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = csv_text(&two_years());
    let path = write(dir.path(), "l.csv", bytes.as_bytes());
    // A typo of 2024, once counted as an empty table headed 4464 (70000 wrapped into 16 bits).
    for typo in ["70000", "20224", "1999"] {
        gongkai()
            .args(["ledger", "--year", typo])
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(format!(
                "--year {typo} 不是可用的统计年度"
            )));
    }
    gongkai()
        .args(["ledger", "--year", "2024"])
        .arg(&path)
        .assert()
        .success();
    // The count itself refuses a year no date can hold, whoever asks.
    let cases = ledger::read(&path, Some(2024), None).unwrap();
    assert!(matches!(
        ledger::count(&cases, 70000),
        Err(LedgerError::NoFormat { year: 70000 })
    ));
}

#[test]
fn headers_that_cannot_be_matched_say_what_was_found_and_what_is_needed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "l.csv",
        "序号,日期,申请人类型,结果\n1,2024-01-01,公民,予以公开\n".as_bytes(),
    );
    gongkai()
        .args(["ledger", "--year", "2024"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "最接近的是第 1 行，找到 “申请人类型”（申请人类型）；缺少 收到日期、办理结果、办结日期",
        ))
        .stderr(predicates::str::contains(
            "收到日期列的表头可写作：收到日期、受理日期、申请日期、登记日期",
        ));
}

#[test]
fn an_editor_holding_the_draft_stops_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let draft = new_draft(dir.path(), 2024);
    let before = std::fs::read(&draft).unwrap();
    let path = write(
        dir.path(),
        "l.csv",
        csv_text(&cases(5, 30, date(2024, 1, 1), date(2024, 6, 1))).as_bytes(),
    );
    let _held = gongkai::lock::acquire(&draft).expect("lock taken");
    gongkai()
        .arg("ledger")
        .arg(&path)
        .arg("--into")
        .arg(&draft)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("正在被编辑器打开"));
    assert_eq!(std::fs::read(&draft).unwrap(), before);
}

#[test]
fn the_template_round_trips_filled_with_its_own_drop_down_labels() {
    use gongkai::ledger::template_file;
    use gongkai::template::Template;
    let dir = tempfile::tempdir().unwrap();
    let template = Template::for_year(2024).unwrap();
    let columns = template_file::columns(template);
    let wording = gongkai::i18n::ledger::template_wording(gongkai::i18n::Lang::Zh, &columns, 2024);
    let (applicants, results) = template_file::choices(template);
    assert_eq!(
        applicants,
        [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他"
        ]
    );
    assert_eq!(results.len(), 21, "the input rows of 三、本年度办理结果");
    assert_eq!(results[2], "（三）不予公开 1.属于国家秘密");
    let mut workbook = template_file::build(template, &wording).unwrap();
    let col =
        |role: ledger::Role| columns.iter().position(|c| c.role == Some(role)).unwrap() as u16;
    let sheet = workbook.worksheet_from_index(0).unwrap();
    let day = |m: u8, d: u8| rust_xlsxwriter::ExcelDateTime::from_ymd(2024, m, d).unwrap();
    // One case per result, each by a different applicant type; one still open.
    for (i, result) in results.iter().enumerate() {
        let row = 1 + i as u32;
        sheet
            .write_datetime(row, col(ledger::Role::Received), day(1, 2))
            .unwrap();
        sheet
            .write_string(row, col(ledger::Role::Applicant), &applicants[i % 6])
            .unwrap();
        sheet
            .write_string(row, col(ledger::Role::Result), result)
            .unwrap();
        sheet
            .write_datetime(row, col(ledger::Role::Concluded), day(2, 1))
            .unwrap();
    }
    let open = 1 + results.len() as u32;
    sheet
        .write_datetime(open, col(ledger::Role::Received), day(12, 30))
        .unwrap();
    sheet
        .write_string(open, col(ledger::Role::Applicant), "自然人")
        .unwrap();
    sheet
        .write_datetime(open, col(ledger::Role::FeeNoticeDate), day(12, 31))
        .unwrap();
    sheet
        .write_number(open, col(ledger::Role::FeeBilled), 45.5)
        .unwrap();
    let path = dir.path().join("台账.xlsx");
    workbook.save(&path).unwrap();

    let counted = ledger::read_and_count(&path, 2024, None).expect("read back");
    let table = template.table("requests").unwrap();
    for (i, row) in table.expand_rows("results").iter().enumerate() {
        for (j, column) in ledger_support::COLUMNS.iter().enumerate() {
            let want = u64::from(j == i % 6);
            assert_eq!(
                counted.get(&row.key, column),
                Some(want),
                "{} {column}",
                row.key
            );
        }
    }
    assert_eq!(counted.get("new_received", "natural_person"), Some(5));
    assert_eq!(counted.get("carried_forward", "natural_person"), Some(1));
    let fees = counted.fees.unwrap();
    assert_eq!((fees.notices, fees.billed), (1, Decimal::new(455, 1)));
}

#[test]
fn the_template_command_writes_an_xlsx_with_a_hidden_list_sheet_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("台账.xlsx");
    gongkai()
        .args(["ledger", "--template", "--year", "2024", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicates::str::contains("已生成空白台账"));
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["台账", "填写说明", "选项"]);
    let lists = workbook.worksheet_range("选项").unwrap();
    assert_eq!(
        lists.get_value((0, 0)).map(|d| d.to_string()),
        Some("自然人".into())
    );
    let sheets = workbook.sheets_metadata();
    assert_eq!(sheets[2].visible, calamine::SheetVisible::Hidden);
    // Empty, it reads as a ledger of no cases.
    let counted = ledger::read_and_count(&path, 2024, None).unwrap();
    assert!(counted.cells.values().all(|n| *n == 0));
    gongkai()
        .args(["ledger", "--template", "-o"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("文件已存在"));
}

#[test]
fn a_draft_keeps_its_ledger_through_save_and_load_and_refuses_unknown_ledger_keys() {
    use gongkai::report::{AgencyKind, Draft, LedgerSource, save};
    use gongkai::template::Template;
    let template = Template::builtin("gip-2021").unwrap();
    let mut draft = Draft::new("gip-2021", "某局", 2024, AgencyKind::Department);
    draft.ledger = Some(LedgerSource {
        file: "台账 2024.xlsx".into(),
        sheet: Some("2024年".into()),
    });
    let text = save::to_toml(template, &draft);
    assert!(
        text.contains("[ledger]\nfile = \"台账 2024.xlsx\"\nsheet = \"2024年\""),
        "{text}"
    );
    assert_eq!(load::load_str(&text), Ok(draft));
    let bad = text.replace("file = ", "path = ");
    let e = load::load_str(&bad).unwrap_err();
    assert_eq!(
        gongkai::i18n::problem(gongkai::i18n::Lang::Zh, &e.problem),
        gongkai::i18n::problem(
            gongkai::i18n::Lang::Zh,
            &gongkai::report::Problem::UnknownKey {
                key: "path".into(),
                expected: vec!["file".into(), "sheet".into()]
            }
        )
    );
}

#[test]
fn the_stale_hint_speaks_only_when_table_three_differs_from_its_ledger() {
    use gongkai::check::{self, LedgerNow, Options, codes};
    use gongkai::report::{AgencyKind, Draft, LedgerSource};
    use gongkai::template::Template;
    let template = Template::builtin("gip-2021").unwrap();
    let mut draft = Draft::new("gip-2021", "某局", 2024, AgencyKind::Department);
    let key = "requests.new_received.natural_person";
    draft.cells.insert(key.into(), Number::Count(3));
    let run = |draft: &Draft, now: LedgerNow| {
        let options = Options {
            ledger: Some(&now),
            ..Options::default()
        };
        check::check(template, draft, &options)
            .findings
            .into_iter()
            .filter(|f| f.code == codes::LEDGER_STALE)
            .collect::<Vec<_>>()
    };
    let same = LedgerNow::Counted(vec![(key.into(), Number::Count(3))]);
    let other = LedgerNow::Counted(vec![(key.into(), Number::Count(4))]);
    // A draft that names no ledger: quiet whatever the ledger says.
    assert!(run(&draft, other.clone()).is_empty());
    draft.ledger = Some(LedgerSource {
        file: "l.csv".into(),
        sheet: None,
    });
    assert!(run(&draft, same).is_empty(), "equal: quiet");
    let found = run(&draft, other);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cell.as_deref(), Some(key));
    assert_eq!(found[0].section, "requests");
    assert_eq!(
        gongkai::i18n::finding(gongkai::i18n::Lang::Zh, &found[0]),
        "表三与台账“l.csv”现在的统计不一致（1 处），可重新从台账导入"
    );
    let gone = run(&draft, LedgerNow::Gone);
    assert_eq!(
        gongkai::i18n::finding(gongkai::i18n::Lang::En, &gone[0]),
        "the ledger table 三 came from, “l.csv”, is gone"
    );
}

#[test]
fn a_bad_row_of_a_workbook_is_named_by_its_sheet_and_the_sheets_own_row_number() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("2024年台账").unwrap();
    sheet.write_string(0, 0, "某局台账").unwrap();
    // The header on row 4, the data from row 5; row 7 concludes before it was received.
    for (i, h) in ["收到日期", "申请人类型", "办理结果", "办结日期"]
        .iter()
        .enumerate()
    {
        sheet.write_string(3, i as u16, *h).unwrap();
    }
    for (row, received, concluded) in [
        (4, "2024-01-02", "2024-01-05"),
        (5, "2024-02-01", "2024-02-09"),
        (6, "2024-04-10", "2024-04-01"),
    ] {
        sheet.write_string(row, 0, received).unwrap();
        sheet.write_string(row, 1, "公民").unwrap();
        sheet.write_string(row, 2, "予以公开").unwrap();
        sheet.write_string(row, 3, concluded).unwrap();
    }
    let path = dir.path().join("台账.xlsx");
    workbook.save(&path).unwrap();
    gongkai()
        .args(["ledger", "--year", "2024"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "工作表“2024年台账”：1 处不能统计",
        ))
        .stderr(predicates::str::contains(
            "第 7 行 D 列（办结日期）：办结日期 2024-04-01 早于收到日期 2024-04-10",
        ));
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "台账.xlsx", b"not a zip");
    gongkai()
        .args(["ledger", "--year", "2024"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("无法作为电子表格读取"));
    gongkai()
        .args(["ledger", "--year", "2024"])
        .arg(dir.path().join("none.csv"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("找不到"));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces a hostile or careless ledger is made of.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "收到日期",
            "申请人类型",
            "办理结果",
            "办结日期",
            "收费通知日期",
            "收费金额",
            "实收金额",
            "2024-01-02",
            "2023/12/31",
            "2024.2.30",
            "2024年13月1日",
            "45356",
            "-3",
            "1e9",
            "公民",
            "企业",
            "火星人",
            "予以公开",
            "不予公开—属于国家秘密",
            "其他处理",
            "",
            ",",
            "\"",
            "\n",
            "\r\n",
            "\u{FEFF}",
            "是",
            "¥12.5",
            "abc",
        ])
    }

    proptest! {
        #![proptest_config(crate::common::proptest_config(200))]
        #[test]
        fn any_csv_is_read_or_refused_and_what_is_read_balances(
            pieces in prop::collection::vec(piece(), 0..120),
            latin1 in any::<bool>(),
        ) {
            let dir = tempfile::tempdir().unwrap();
            // A real header first, so that some bodies are read and counted, not all refused.
            let text = format!("收到日期,申请人类型,办理结果,办结日期\n{}", pieces.concat());
            let bytes = if latin1 {
                text.bytes().map(|b| b ^ 0x80).collect::<Vec<u8>>()
            } else {
                text.into_bytes()
            };
            let path = write(dir.path(), "x.csv", &bytes);
            if let Ok(counted) = ledger::read_and_count(&path, 2024, None) {
                let table = counted.template.table("requests").unwrap();
                let results: Vec<String> =
                    table.expand_rows("results").iter().map(|r| r.key.clone()).collect();
                for column in ledger_support::COLUMNS {
                    let get = |row: &str| counted.get(row, column).unwrap();
                    let handled: u64 = results.iter().map(|r| get(r)).sum();
                    prop_assert_eq!(
                        get("new_received") + get("carried_over"),
                        handled + get("carried_forward")
                    );
                }
            }
        }
    }
}
