//! The commands, run as a user runs them: `check` on the sample, on hostile drafts and on a
//! folder; `new` with good and bad years; `--json`; `--lang en`.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

const SAMPLE: &str = "assets/samples/xiamen-hrss-2020.toml";

fn gongkai() -> Command {
    let mut cmd = Command::cargo_bin("gongkai").unwrap();
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        // A fixed today, far from the sample's deadline, so output does not depend on the date.
        .env("GONGKAI_TODAY", "2026-11-28");
    cmd
}

#[test]
fn check_reports_the_samples_one_warning_and_nothing_else() {
    let out = gongkai().args(["check", SAMPLE]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let findings: Vec<&str> = stdout.lines().filter(|l| l.starts_with("    ")).collect();
    assert_eq!(
        findings,
        [
            "    警告  narrative.mismatch  正文「年内共办结行政许可1217件」写的是 1217，表中行政许可 · 处理决定数量为 1037"
        ]
    );
    assert!(stdout.contains("合计：0 个错误，1 个警告，0 个提示，0 个空白格（已填 166/166）"));
}

#[test]
fn check_json_follows_the_findings_format() {
    let out = gongkai()
        .args(["check", "--json", SAMPLE])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["template"], "gip-2019");
    assert_eq!(v["file"], SAMPLE);
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["blank"], 0);
    let f = &v["findings"][0];
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["code"], "narrative.mismatch");
    assert_eq!(f["cell"], "proactive.licensing.decisions");
    assert_eq!(f["expected"], 1037);
    assert_eq!(f["actual"], 1217);
    assert!(f["message"].as_str().unwrap().contains("1217"));
}

#[test]
fn check_speaks_english_on_request() {
    gongkai()
        .args(["--lang", "en", "check", SAMPLE])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning  narrative.mismatch  the text",
        ))
        .stdout(predicate::str::contains("total: 0 errors, 1 warning,"));
    gongkai()
        .env("LANG", "en_US.UTF-8")
        .args(["check", SAMPLE])
        .assert()
        .stdout(predicate::str::contains("the text"));
}

#[test]
fn check_exits_1_on_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unbalanced.toml");
    let text = std::fs::read_to_string(SAMPLE).unwrap().replace(
        "carried_forward = { natural_person = 0, business = 1",
        "carried_forward = { natural_person = 0, business = 2",
    );
    std::fs::write(&path, text).unwrap();
    gongkai()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "错误  requests.balance  商业企业列不平：办理结果与结转下年度共 2 件，比本年新收与上年结转的申请（共 1 件）多 1 件",
        ));
}

fn bad_drafts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/bad")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// `# expect: LINE:COLUMN fragment` on a bad draft's first line.
fn expectation(path: &Path) -> (String, String) {
    let bytes = std::fs::read(path).unwrap();
    let first = bytes.split(|&b| b == b'\n').next().unwrap();
    let first = std::str::from_utf8(first).unwrap();
    let rest = first
        .strip_prefix("# expect: ")
        .expect("an expectation line");
    let (position, fragment) = rest.split_once(' ').unwrap();
    (position.to_string(), fragment.to_string())
}

#[test]
fn every_hostile_draft_is_refused_with_its_line_and_column() {
    let files = bad_drafts();
    assert!(files.len() >= 20, "the hostile drafts are all there");
    for path in files {
        let before = std::fs::read(&path).unwrap();
        let (position, fragment) = expectation(&path);
        let out = gongkai().arg("check").arg(&path).assert().code(2);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        let prefix = format!("{}:{position}: ", path.display());
        assert!(
            stderr.starts_with(&prefix) && stderr.contains(&fragment),
            "{}: wanted “{prefix}…{fragment}…”, got “{stderr}”",
            path.display()
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{} was changed",
            path.display()
        );
    }
}

#[test]
fn a_folder_is_every_draft_in_it_with_a_summary_table() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    std::fs::write(dir.path().join("a.toml"), &sample).unwrap();
    let other = sample.replace(
        "agency = \"厦门市人力资源和社会保障局\"",
        "agency = \"厦门市某某区一个名字非常非常长的行政机关单位的下属事业单位办公室\"",
    );
    std::fs::write(dir.path().join("b.toml"), other).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a draft").unwrap();
    let out = gongkai().arg("check").arg(dir.path()).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let table: Vec<&str> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("单位"))
        .collect();
    assert_eq!(table.len(), 3, "{stdout}");
    for line in &table {
        assert!(
            unicode_width::UnicodeWidthStr::width(*line) <= 80,
            "“{line}” is wider than 80 columns"
        );
    }
    assert!(table[1].starts_with("厦门市人力资源和社会保障局"));
    assert!(table[2].contains('…'), "a long name is cut: {}", table[2]);
    assert!(table[1].ends_with("2020     0     1     0"));

    let out = gongkai()
        .args(["check", "--json"])
        .arg(dir.path())
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn a_folder_with_an_unreadable_draft_exits_2_and_still_checks_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SAMPLE, dir.path().join("good.toml")).unwrap();
    std::fs::copy(
        "tests/bad/unknown-key-typo.toml",
        dir.path().join("typo.toml"),
    )
    .unwrap();
    gongkai()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(predicate::str::contains("narrative.mismatch"))
        .stdout(predicate::str::contains("typo.toml").and(predicate::str::contains("无法读取")))
        .stderr(predicate::str::contains("未知的键“yaer”"));
}

#[test]
fn check_of_a_folder_given_as_a_file_or_a_missing_file_exits_2() {
    gongkai()
        .args(["check", "no-such-draft.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-draft.toml"));
}

#[test]
fn new_writes_a_draft_of_the_right_format_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.toml");
    gongkai()
        .args(["new", "--agency", "某某市某某局", "--year", "2024", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("gip-2021"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("template = \"gip-2021\""));
    assert!(text.contains("agency = \"某某市某某局\""));
    // Every cell blank: the new draft checks with blanks and empty prose, but loads.
    gongkai().arg("check").arg(&path).assert().code(1);

    gongkai()
        .args(["new", "--agency", "别的单位", "--year", "2024", "-o"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("文件已存在"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    let old = dir.path().join("old.toml");
    gongkai()
        .args([
            "new",
            "--agency",
            "某某局",
            "--year",
            "2020",
            "--kind",
            "government",
            "-o",
        ])
        .arg(&old)
        .assert()
        .success();
    let text = std::fs::read_to_string(&old).unwrap();
    assert!(text.contains("template = \"gip-2019\"") && text.contains("kind = \"government\""));
}

#[test]
fn new_refuses_years_without_a_format() {
    gongkai()
        .args([
            "new",
            "--agency",
            "某某局",
            "--year",
            "2018",
            "-o",
            "x.toml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不能新建 2018 年的报告"));
    gongkai()
        .args([
            "new",
            "--agency",
            "某某局",
            "--year",
            "2028",
            "-o",
            "x.toml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("最晚只能为明年（2027 年）"));
    assert!(!Path::new("x.toml").exists());
}

#[test]
fn new_without_a_path_writes_into_the_data_folder() {
    let home = tempfile::tempdir().unwrap();
    gongkai()
        .env("GONGKAI_HOME", home.path())
        .args(["new", "--agency", "某某局", "--year", "2025"])
        .assert()
        .success();
    assert!(home.path().join("drafts/某某局-2025.toml").is_file());
    gongkai()
        .env("GONGKAI_HOME", home.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("某某局").and(predicate::str::contains("1 份草稿")));
}

#[test]
fn every_command_has_help_in_both_languages() {
    for command in ["check", "new", "list"] {
        gongkai()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("用法："));
        gongkai()
            .args(["--lang", "en", command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage:"));
    }
    gongkai()
        .args(["check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("缺少必填的参数"));
}

#[test]
fn new_from_last_year_fills_carried_over_and_checks_it() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("2020.toml");
    std::fs::copy(SAMPLE, &last).unwrap();
    let this = dir.path().join("2021.toml");
    gongkai()
        .args(["new", "--from"])
        .arg(&last)
        .arg("-o")
        .arg(&this)
        .assert()
        .success()
        .stdout(predicate::str::contains("gip-2021"))
        .stdout(predicate::str::contains(
            "未结转上年数据：规章 · 现行有效件数",
        ));
    let text = std::fs::read_to_string(&this).unwrap();
    assert!(text.contains("agency = \"厦门市人力资源和社会保障局\"\nyear = 2021"));
    assert!(text.contains("carried_over = { natural_person = 0, business = 1,"));
    assert!(text.contains("file = \"2020.toml\""));
    // check finds last year's draft through [previous].file: no carry warning, and the
    // 上年结转 cells are not blank.
    let out = gongkai().arg("check").arg(&this).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!stdout.contains("previous.carry"), "{stdout}");
    assert!(
        !stdout.contains("二、上年结转政府信息公开申请数量：整行空白"),
        "{stdout}"
    );
}

fn unit_drafts(dir: &Path) {
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    for (file, name) in [("a.toml", "甲局"), ("b.toml", "乙局"), ("c.toml", "丙局")] {
        std::fs::write(
            dir.join(file),
            sample.replace("厦门市人力资源和社会保障局", name),
        )
        .unwrap();
    }
}

#[test]
fn merge_sums_three_units_and_names_the_missing_fourth() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("units");
    std::fs::create_dir(&units).unwrap();
    unit_drafts(&units);
    let expect = dir.path().join("units.txt");
    std::fs::write(&expect, "# 应报单位\n甲局\n乙局\n丙局\n丁局\n").unwrap();
    let out = dir.path().join("sum.toml");
    gongkai()
        .arg("merge")
        .arg(&units)
        .args(["--agency", "厦门市人民政府", "-o"])
        .arg(&out)
        .arg("--expect")
        .arg(&expect)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("已汇总 3 个单位的 2020 年报告"))
        .stdout(predicate::str::contains(
            "下级缺报（名单中有、但没有草稿）：丁局",
        ));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("new_received = { natural_person = 93, business = 3,"));
    assert!(text.contains("litigation_direct = { upheld = 9, corrected = 6,"));
    assert!(text.contains("amount = 720000.0, amount_unit = \"元\""));
    assert!(text.contains("sources = [\"丙局\", \"乙局\", \"甲局\"]"));

    // Merging again into the same folder does not take the summary for a unit, and never
    // overwrites it.
    std::fs::copy(&out, units.join("sum.toml")).unwrap();
    gongkai()
        .arg("merge")
        .arg(&units)
        .args(["--agency", "厦门市人民政府", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("跳过"))
        .stderr(predicate::str::contains("文件已存在"));
}

#[test]
fn merge_refuses_a_unit_of_another_year_naming_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    unit_drafts(dir.path());
    let other = std::fs::read_to_string(dir.path().join("c.toml"))
        .unwrap()
        .replace("year = 2020", "year = 2019");
    std::fs::write(dir.path().join("c.toml"), other).unwrap();
    let out = dir.path().join("out/sum.toml");
    gongkai()
        .arg("merge")
        .arg(dir.path())
        .args(["--agency", "某市", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "丙局：是 2019 年（gip-2019）的报告，本次汇总的是 2020 年",
        ))
        .stderr(predicate::str::contains("未写入任何文件"));
    assert!(!out.exists());
}

#[test]
fn merge_refuses_drafts_with_errors_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    unit_drafts(dir.path());
    let broken = std::fs::read_to_string(dir.path().join("b.toml"))
        .unwrap()
        .replace(
            "carried_forward = { natural_person = 0, business = 1",
            "carried_forward = { natural_person = 0, business = 2",
        );
    std::fs::write(dir.path().join("b.toml"), broken).unwrap();
    let out = dir.path().join("sum.toml");
    gongkai()
        .arg("merge")
        .arg(dir.path())
        .args(["--agency", "某市", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("乙局：有 2 个错误"));
    assert!(!out.exists());
    gongkai()
        .arg("merge")
        .arg(dir.path())
        .args(["--agency", "某市", "--allow-errors", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.exists());
}

#[test]
fn export_refuses_what_check_finds_against_last_years_draft() {
    // Last year's report copied whole as this year's: check and export both read last year's
    // draft through [previous].file and find the copy.
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    std::fs::write(
        dir.path().join("2019.toml"),
        sample.replace("year = 2020", "year = 2019"),
    )
    .unwrap();
    let this = dir.path().join("2020.toml");
    std::fs::write(
        &this,
        format!(
            "{sample}\n[previous]\nfile = \"2019.toml\"\n\n[[acknowledged]]\ncode = \"narrative.mismatch\"\ncell = \"proactive.licensing.decisions\"\nreason = \"已核实\"\n"
        ),
    )
    .unwrap();
    gongkai()
        .arg("check")
        .arg(&this)
        .assert()
        .success()
        .stdout(predicate::str::contains("previous.same"));
    gongkai()
        .arg("export")
        .arg(&this)
        .args(["--to", "txt", "-o"])
        .arg(dir.path().join("out.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("所有数字与2019年报告完全相同"));
    assert!(!dir.path().join("out.txt").exists());
}

#[test]
fn a_five_megabyte_unknown_key_is_quoted_by_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge-key.toml");
    let key = "x".repeat(5 * 1024 * 1024);
    std::fs::write(
        &path,
        format!("schema = 1\ntemplate = \"gip-2019\"\n\n{key} = 1\n"),
    )
    .unwrap();
    let out = gongkai().arg("check").arg(&path).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains(&format!("未知的键“{}…”", "x".repeat(40))));
    assert!(
        stderr.len() < 1000,
        "not echoed whole: {} bytes",
        stderr.len()
    );
}

#[test]
fn a_draft_over_twenty_megabytes_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let padding = format!("\n# {}\n", "填".repeat(7 * 1024 * 1024));
    std::fs::write(&path, format!("{sample}{padding}")).unwrap();
    gongkai()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("超过 20 MB"));
}

#[test]
fn control_characters_in_a_draft_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    std::fs::write(
        &path,
        sample.replace(
            "agency = \"厦门市人力资源和社会保障局\"",
            "agency = \"厦门\\u001b]0;owned\\u0007\\u001b[2J局\"",
        ),
    )
    .unwrap();
    for args in [vec!["check"], vec!["list"]] {
        let mut cmd = gongkai();
        cmd.env("GONGKAI_HOME", dir.path());
        if args[0] == "check" {
            cmd.arg("check").arg(dir.path());
        } else {
            std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
            std::fs::copy(&path, dir.path().join("drafts/a.toml")).unwrap();
            cmd.arg("list");
        }
        let out = cmd.assert();
        let output = out.get_output();
        for bytes in [&output.stdout, &output.stderr] {
            assert!(
                !bytes.iter().any(|&b| b == 0x1b || b == 0x07),
                "{args:?} printed a control character"
            );
        }
    }
}

#[test]
fn a_closed_pipe_ends_check_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::copy(SAMPLE, dir.path().join(format!("d{i:02}.toml"))).unwrap();
    }
    // Lines on standard error too, which `eprintln!` would panic on.
    std::fs::write(dir.path().join("z.toml"), "broken").unwrap();
    // Both pipes closed by their reader before the program writes a line (as `| head` does once
    // it has its line): every write fails with EPIPE.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gongkai"))
        .arg("check")
        .arg(dir.path())
        .env("GONGKAI_TODAY", "2026-11-28")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    let code = child.wait().unwrap().code();
    assert_eq!(
        code,
        Some(2),
        "the broken draft's exit code, not a panic's 101"
    );
}

#[test]
fn merge_reports_a_sum_past_the_largest_figure_as_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("units");
    std::fs::create_dir(&units).unwrap();
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    for (file, name) in [("a.toml", "甲局"), ("b.toml", "乙局")] {
        let text = sample
            .replace("厦门市人力资源和社会保障局", name)
            .replace("decisions = 1037", "decisions = 999999999999");
        assert!(text.contains("999999999999"), "the sample's licensing row");
        std::fs::write(units.join(file), text).unwrap();
    }
    let out = dir.path().join("sum.toml");
    gongkai()
        .arg("merge")
        .arg(&units)
        .args(["--agency", "厦门市人民政府", "--allow-errors", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("超过报告能填的最大数"));
    // What was written reads back.
    gongkai()
        .arg("check")
        .arg(&out)
        .assert()
        .code(predicate::ne(2));
}

#[test]
fn version_names_the_commit_and_date_it_was_built_from() {
    let out = gongkai()
        .args(["--lang", "en", "--version"])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let line = stdout.trim_end();
    // gongkai 0.1.0 (commit 0123456ab, date 2026-12-07), "unknown" outside a git checkout.
    let rest = line
        .strip_prefix(&format!("gongkai {} (commit ", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("{line}"));
    let (commit, rest) = rest
        .split_once(", date ")
        .unwrap_or_else(|| panic!("{line}"));
    let date = rest.strip_suffix(')').unwrap_or_else(|| panic!("{line}"));
    let hex = commit.len() == 9 && commit.chars().all(|c| c.is_ascii_hexdigit());
    assert!(hex || commit == "unknown", "{line}");
    let shape = date.len() == 10
        && date.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    assert!(shape || date == "unknown", "{line}");
    // In a git checkout, it is the checked-out commit.
    let head = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let overridden = std::env::var_os("GONGKAI_BUILD_COMMIT").is_some();
    if let Some(head) = head.filter(|_| commit != "unknown" && !overridden) {
        assert!(head.starts_with(commit), "{line} is not HEAD {head}");
    }

    let out = gongkai().args(["-V"]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.starts_with(&format!("gongkai {}（提交 ", env!("CARGO_PKG_VERSION"))),
        "{stdout}"
    );
}

/// The part of a message outside brackets (（…） and (…)): what must be in the user's language.
fn outside_brackets(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// English words (two letters or more) in a text, file names aside.
fn english_words(text: &str, except: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    for e in except {
        text = text.replace(e, "");
    }
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && *w != "TOML")
        .map(str::to_string)
        .collect()
}

#[test]
fn a_missing_file_is_said_in_chinese_with_the_system_words_in_brackets() {
    let out = gongkai()
        .args(["check", "/no/such/folder/草稿.toml"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("找不到文件或文件夹"), "{stderr}");
    assert!(
        stderr.contains("（No such file or directory, os error 2）"),
        "{stderr}"
    );
    let english = english_words(&outside_brackets(&stderr), &["/no/such/folder/草稿.toml"]);
    assert!(
        english.is_empty(),
        "English outside brackets: {english:?} in “{stderr}”"
    );

    let out = gongkai()
        .args(["export", "/no/such/folder/草稿.toml", "--to", "html"])
        .assert()
        .failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let english = english_words(&outside_brackets(&stderr), &["/no/such/folder/草稿.toml"]);
    assert!(
        english.is_empty(),
        "English outside brackets: {english:?} in “{stderr}”"
    );
}

#[test]
fn a_toml_syntax_error_is_a_chinese_sentence_naming_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏.toml");
    std::fs::write(&path, "schema = 1\n[report\nagency = \"某某局\"\n").unwrap();
    let out = gongkai().arg("check").arg(&path).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let shown = path.display().to_string();
    assert!(stderr.starts_with(&format!("{shown}:2:8: ")), "{stderr}");
    assert!(
        stderr.contains("TOML 语法错误：[节] 缺少结尾的 ]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("（unclosed table, expected `]`）"),
        "{stderr}"
    );
    let english = english_words(&outside_brackets(&stderr), &[&shown]);
    assert!(
        english.is_empty(),
        "English outside brackets: {english:?} in “{stderr}”"
    );

    // A duplicate key, and a value that is not quoted.
    std::fs::write(&path, "schema = 1\nschema = 1\n").unwrap();
    gongkai()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            ":2:1: TOML 语法错误：同一个键写了两次",
        ));
    std::fs::write(&path, "schema = 1\ntemplate = gip\n").unwrap();
    gongkai()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            ":2:12: TOML 语法错误：文字要加引号",
        ));
}

/// The display column where the first occurrence of `word` ends.
fn end_column(line: &str, word: &str) -> usize {
    let at = line.find(word).unwrap() + word.len();
    unicode_width::UnicodeWidthStr::width(&line[..at])
}

#[test]
fn the_folder_summary_header_sits_over_its_figures_by_display_width() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SAMPLE, dir.path().join("a.toml")).unwrap();
    for lang in ["zh", "en"] {
        let out = gongkai()
            .args(["--lang", lang, "check"])
            .arg(dir.path())
            .assert()
            .success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let header = stdout
            .lines()
            .find(|l| l.starts_with("单位") || l.starts_with("Agency"))
            .unwrap();
        let row = stdout
            .lines()
            .find(|l| l.starts_with("厦门市人力资源和社会保障局"))
            .unwrap();
        let (year, errors, blank) = match lang {
            "zh" => ("年度", "错误", "空白"),
            _ => ("Year", "Errors", "Blank"),
        };
        assert_eq!(
            end_column(header, year),
            end_column(row, "2020"),
            "{header}\n{row}"
        );
        // The figures: 2020, 0 errors, 1 warning, 0 blank.
        let figures: Vec<usize> = row
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .filter(|(i, _)| !row[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
            .map(|(i, _)| unicode_width::UnicodeWidthStr::width(&row[..=i]))
            .collect();
        assert_eq!(end_column(header, errors), figures[1], "{header}\n{row}");
        assert_eq!(end_column(header, blank), figures[3], "{header}\n{row}");
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(header),
            unicode_width::UnicodeWidthStr::width(row)
        );
    }
}

#[test]
fn help_lists_every_command_with_a_description_and_full_width_colons() {
    for lang in ["zh", "en"] {
        let out = gongkai()
            .args(["--lang", lang, "--help"])
            .assert()
            .success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let commands: Vec<&str> = stdout
            .lines()
            .skip_while(|l| !(l.starts_with("命令") || l.starts_with("Commands")))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .collect();
        let names: Vec<&str> = commands
            .iter()
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "edit", "check", "new", "merge", "export", "ledger", "import", "list"
            ],
            "{stdout}"
        );
        for line in &commands {
            assert!(
                line.split_whitespace().count() >= 2,
                "no description: “{line}”"
            );
        }
        // Every option and argument of every command says what it is for.
        for command in names {
            let out = gongkai()
                .args(["--lang", lang, command, "--help"])
                .assert()
                .success();
            let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
            for line in help.lines().filter(|l| {
                let t = l.trim_start();
                l.starts_with("  ")
                    && (t.starts_with('-') || t.starts_with('<') || t.starts_with('['))
            }) {
                let described = line
                    .trim_start()
                    .split("  ")
                    .filter(|part| !part.trim().is_empty())
                    .count()
                    >= 2;
                assert!(described, "{command}: no description: “{line}”");
            }
            assert!(
                !help.contains("[default:"),
                "{command}: clap's English default\n{help}"
            );
            if lang == "zh" {
                for heading in ["用法", "命令", "参数", "选项"] {
                    assert!(
                        !help.contains(&format!("{heading}:")),
                        "{command}: half-width colon after {heading}\n{help}"
                    );
                }
                assert!(help.contains("用法：gongkai"), "{help}");
                assert!(help.contains("选项：\n"), "{help}");
            }
            // --ascii only where the editor draws: bare gongkai and edit.
            assert_eq!(
                help.contains("--ascii"),
                command == "edit",
                "{command}: --ascii\n{help}"
            );
        }
        assert!(stdout.contains("--ascii"));
    }
}

#[test]
fn a_draft_named_where_a_command_goes_is_answered_with_edit() {
    gongkai()
        .arg("报告.toml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "没有这个命令：报告.toml。要打开这份草稿，请用：gongkai edit 报告.toml",
        ));
    gongkai().arg("chekc").assert().code(2).stderr(
        predicate::str::contains("没有这个命令：chekc").and(predicate::str::contains("edit").not()),
    );
}
