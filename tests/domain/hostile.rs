//! Files an officer should never have to give gongkai, and what it does with them: a clear
//! message or the work done, never a panic, a hang or a partial write.

use crate::common::{self, SAMPLE};
use assert_cmd::Command;
use predicates::prelude::*;
use std::time::Instant;

fn gongkai() -> Command {
    let mut cmd = Command::cargo_bin("gongkai").unwrap();
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env("GONGKAI_TODAY", "2026-11-28")
        .timeout(std::time::Duration::from_secs(60));
    cmd
}

/// The sample with its 一 replaced by `overview`.
fn sample_with_overview(overview: &str) -> String {
    let start = SAMPLE.find("overview = '''").unwrap();
    let end = start + SAMPLE[start..].find("'''\n").unwrap() + 4;
    let end = end + SAMPLE[end..].find("'''").unwrap() + 4;
    format!(
        "{}overview = '''\n{overview}'''\n{}",
        &SAMPLE[..start],
        &SAMPLE[end..]
    )
}

#[test]
fn a_megabyte_of_prose_is_checked_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "依法公开政府信息，按要求受理信息公开申请 32 件，其中网上申请 18 件。年内共办结行政许可1037件。\n";
    let overview = paragraph.repeat(1_048_576 / paragraph.len() + 1);
    let path = dir.path().join("big.toml");
    std::fs::write(&path, sample_with_overview(&overview)).unwrap();
    let started = Instant::now();
    gongkai().arg("check").arg(&path).assert().success();
    eprintln!("check of 1 MB of prose: {:?}", started.elapsed());
    let started = Instant::now();
    gongkai()
        .arg("export")
        .arg(&path)
        .args([
            "--to", "txt", "--to", "docx", "--to", "html", "--draft", "-o",
        ])
        .arg(dir.path().join("out/"))
        .assert()
        .success();
    eprintln!("export of 1 MB of prose: {:?}", started.elapsed());
}

#[test]
fn a_run_on_sentence_of_many_figures_is_read_in_pieces_and_quoted_briefly() {
    // Prose without a 。 (a pasted list): one "sentence" of 20,000 figures. Read whole, each
    // finding quoted its clause up to the figure, a gigabyte in all.
    let overview = "收到申请1件".repeat(20_000);
    let mut draft = common::sample();
    draft.text.insert("overview".into(), overview);
    let outcome = common::run(&draft);
    let quotes: Vec<&str> = outcome.findings.iter().filter_map(|f| f.quote()).collect();
    assert!(
        quotes.len() > 10_000,
        "the figures are still read: {}",
        quotes.len()
    );
    let longest = quotes.iter().map(|q| q.chars().count()).max().unwrap_or(0);
    assert!(longest <= 100, "a quote of {longest} characters");
}

#[test]
fn a_ten_thousand_character_line_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let line = "行政许可".repeat(2_500);
    let path = dir.path().join("long.toml");
    std::fs::write(&path, sample_with_overview(&format!("{line}\n"))).unwrap();
    gongkai().arg("check").arg(&path).assert().success();
    // A long line in a bad place is still pointed at by line and column.
    let bad = SAMPLE.replacen("phone = \"5327743\"", &format!("phone = \"{line}"), 1);
    std::fs::write(&path, bad).unwrap();
    gongkai()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("long.toml:11:"));
}

#[test]
fn a_folder_given_as_a_draft_is_named_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("draft.toml");
    std::fs::create_dir(&folder).unwrap();
    gongkai()
        .arg("export")
        .arg(&folder)
        .args(["--to", "txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不是普通文件"));
}

#[cfg(unix)]
#[test]
fn a_fifo_given_as_a_draft_is_refused_without_waiting_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let started = Instant::now();
    gongkai()
        .arg("check")
        .arg(&fifo)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不是普通文件"));
    assert!(
        started.elapsed().as_secs() < 30,
        "it did not wait for a writer"
    );
}

#[cfg(unix)]
#[test]
fn a_draft_through_a_symlink_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    std::fs::write(&real, SAMPLE).unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    gongkai().arg("check").arg(&link).assert().success();
}

#[test]
fn an_empty_file_and_a_binary_file_get_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.toml");
    std::fs::write(&empty, "").unwrap();
    gongkai()
        .arg("check")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.toml:1:1: 缺少“schema”"));
    let binary = dir.path().join("binary.toml");
    std::fs::write(&binary, [0x89u8, b'P', b'N', b'G', 0, 0xff, 0xfe]).unwrap();
    gongkai()
        .arg("check")
        .arg(&binary)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不是 UTF-8"));
}
