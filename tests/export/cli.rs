//! `gongkai export` from the command line: refusals (listing each blocker, exit 1, writing
//! nothing), draft exports, several formats at once, where files go, and replacing.

use crate::support::{ACKNOWLEDGEMENT, acknowledged_sample_text, sample_text};
use assert_cmd::Command;
use predicates::str::contains;
use std::path::{Path, PathBuf};

const NAME: &str = "厦门市人力资源和社会保障局2020年政府信息公开工作年度报告";

fn gongkai(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gongkai").unwrap();
    cmd.env("GONGKAI_HOME", dir.join("home"))
        .env("GONGKAI_TODAY", "2021-01-10")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

fn write_draft(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("draft.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The files in a folder besides the draft (and the GONGKAI_HOME folder).
fn written(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "draft.toml" && n != "home")
        .collect();
    names.sort();
    names
}

#[test]
fn unanswered_warning_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &sample_text());
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "docx", "--to", "html"])
        .assert()
        .code(1)
        .stderr(contains("还有 1 处问题未解决"))
        .stderr(contains("narrative.mismatch"))
        .stderr(contains("年内共办结行政许可1217件"));
    assert!(written(dir.path()).is_empty());
}

#[test]
fn errors_and_blank_cells_are_refused_each_listed() {
    let dir = tempfile::tempdir().unwrap();
    // 一 natural persons 31 → 30 breaks the balance of that column; 行政强制 left blank.
    let text = acknowledged_sample_text()
        .replace(
            "new_received = { natural_person = 31,",
            "new_received = { natural_person = 30,",
        )
        .replace(
            "coercion = { last_year = 2, change = 0, decisions = 0 }",
            "coercion = {}",
        );
    let draft = write_draft(dir.path(), &text);
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "txt"])
        .assert()
        .code(1)
        .stderr(contains("requests.balance"))
        .stderr(contains("自然人列不平：办理结果与结转下年度共 32 件，比本年新收与上年结转的申请（共 31 件）多 1 件"))
        .stderr(contains("blank"))
        .stderr(contains("行政强制：整行空白"));
    assert!(written(dir.path()).is_empty());
}

#[test]
fn refusal_speaks_english_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &sample_text());
    gongkai(dir.path())
        .args(["--lang", "en", "export"])
        .arg(&draft)
        .args(["--to", "md"])
        .assert()
        .code(1)
        .stderr(contains("1 problems remain"))
        .stderr(contains("warning  narrative.mismatch"));
    assert!(written(dir.path()).is_empty());
}

#[test]
fn acknowledged_report_exports_every_format_next_to_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &acknowledged_sample_text());
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args([
            "--to", "docx", "--to", "html", "--to", "txt", "--to", "md", "--to", "json",
        ])
        .assert()
        .success()
        .stdout(contains(format!(
            "已导出报告：{}",
            dir.path().join(format!("{NAME}.docx")).display()
        )));
    let expected: Vec<String> = ["docx", "html", "json", "md", "txt"]
        .iter()
        .map(|ext| format!("{NAME}.{ext}"))
        .collect();
    assert_eq!(written(dir.path()), expected);
    let txt = std::fs::read_to_string(dir.path().join(format!("{NAME}.txt"))).unwrap();
    assert!(txt.contains("三、收到和处理政府信息公开申请情况"));
}

#[test]
fn draft_flag_writes_an_unfinished_report_marked_as_draft() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &sample_text());
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "txt", "--draft"])
        .assert()
        .success()
        .stdout(contains("已导出草稿"));
    let txt = std::fs::read_to_string(dir.path().join(format!("{NAME}.txt"))).unwrap();
    // The first line marks the file as gongkai's own; the draft mark heads the report below it.
    let mut lines = txt.lines();
    assert_eq!(lines.next(), Some("generator: gongkai"));
    assert!(lines.next().unwrap().contains("【草稿】"));
    assert!(txt.contains("年度报告（草稿）"));
}

#[test]
fn existing_export_is_replaced_and_the_output_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &acknowledged_sample_text());
    let target = dir.path().join(format!("{NAME}.md"));
    std::fs::write(&target, "an older export").unwrap();
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "md"])
        .assert()
        .success()
        .stdout(contains("替换了原有文件"));
    let md = std::fs::read_to_string(&target).unwrap();
    assert!(md.starts_with(&format!("# {NAME}")));
}

#[test]
fn output_names_a_file_or_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &acknowledged_sample_text());
    // One format: the file as named.
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "html", "-o"])
        .arg(dir.path().join("out/report.htm"))
        .assert()
        .success();
    assert!(dir.path().join("out/report.htm").is_file());
    // Several formats: the name with each format's extension.
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "md", "--to", "json", "-o"])
        .arg(dir.path().join("out/report"))
        .assert()
        .success();
    assert!(dir.path().join("out/report.md").is_file());
    assert!(dir.path().join("out/report.json").is_file());
    // A folder: the default names in it.
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "txt", "-o"])
        .arg(dir.path().join("folder"))
        .assert()
        .success();
    assert!(
        dir.path()
            .join("folder")
            .join(format!("{NAME}.txt"))
            .is_file()
    );
}

#[test]
fn the_draft_itself_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &acknowledged_sample_text());
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "json", "-o"])
        .arg(&draft)
        .assert()
        .code(2)
        .stderr(contains("这是报告草稿本身"));
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        acknowledged_sample_text()
    );
}

#[test]
fn unknown_format_and_unreadable_draft_are_unusable_input() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(dir.path(), &acknowledged_sample_text());
    gongkai(dir.path())
        .arg("export")
        .arg(&draft)
        .args(["--to", "odt"])
        .assert()
        .code(2)
        .stderr(contains("docx、html、txt、md、json、pdf"));
    let broken = write_draft(
        dir.path(),
        &format!("{}\nnonsense = 1\n{ACKNOWLEDGEMENT}", sample_text()),
    );
    gongkai(dir.path())
        .arg("export")
        .arg(&broken)
        .args(["--to", "txt"])
        .assert()
        .code(2);
    assert!(written(dir.path()).is_empty());
}

const SAMPLE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/samples/xiamen-hrss-2020.toml"
);

#[test]
fn export_never_writes_over_another_draft() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.toml");
    std::fs::copy(SAMPLE_PATH, &other).unwrap();
    let before = std::fs::read(&other).unwrap();
    gongkai(dir.path())
        .args(["export", SAMPLE_PATH, "--to", "md", "--draft", "-o"])
        .arg(&other)
        .assert()
        .code(2)
        .stderr(contains("这是一份报告草稿"));
    assert_eq!(std::fs::read(&other).unwrap(), before);

    // Nor over a file an editor holds, whatever it holds.
    let held = dir.path().join("held.md");
    std::fs::write(&held, "正在编辑").unwrap();
    let _lock = gongkai::lock::acquire(&held).unwrap();
    gongkai(dir.path())
        .args(["export", SAMPLE_PATH, "--to", "md", "--draft", "-o"])
        .arg(&held)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&held).unwrap(), "正在编辑");
}
