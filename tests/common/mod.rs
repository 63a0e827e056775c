//! Drafts for the tests: the sample, and complete, quiet drafts of each format to change one
//! thing in.
#![allow(dead_code)]

pub mod ledger;
pub mod pty;
pub mod screen;

use gongkai::check::{self, Finding, LastYear, Options, Outcome};
use gongkai::report::{AgencyKind, Draft, Number, load};
use gongkai::template::Template;

pub const SAMPLE: &str = include_str!("../../assets/samples/xiamen-hrss-2020.toml");

/// `cases` runs of a property, and the failures proptest finds kept beside the test's source
/// (`tests/AREA/NAME.proptest-regressions`) and replayed first. Proptest would otherwise keep
/// them in one `tests/proptest-regressions/` folder, named without their area, once a test's
/// folder has a `main.rs`.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..proptest::test_runner::Config::with_cases(cases)
    }
}

pub fn sample() -> Draft {
    load::load_str(SAMPLE).expect("the sample loads")
}

pub fn template(draft: &Draft) -> &'static Template {
    Template::builtin(&draft.template).expect("known template")
}

/// A gip-2021 draft with every cell 0 and prose that satisfies every check.
pub fn quiet_2021() -> Draft {
    let t = Template::builtin("gip-2021").unwrap();
    let mut d = Draft::new("gip-2021", "某某市某某局", 2024, AgencyKind::Department);
    for cell in t.input_cells() {
        d.cells.insert(cell.key(), Number::zero(cell.column.kind));
    }
    for fee in &t.fees {
        d.fees.insert(fee.key.clone(), Number::zero(fee.kind));
    }
    d.report.contact_office = "办公室".into();
    d.report.address = "某某市某某路 1 号".into();
    d.report.phone = "0000-0000000".into();
    d.text.insert(
        "overview".into(),
        "（一）主动公开\n本机关坚持以公开为常态、不公开为例外，及时公开各类政府信息。\n\
         （二）依申请公开\n本机关严格按照条例规定的程序和时限受理、办理政府信息公开申请。\n\
         （三）政府信息管理\n本机关落实公开属性源头认定和发布前保密审查制度，规范信息管理。\n\
         （四）政府信息公开平台建设\n本机关持续优化门户网站信息公开专栏，及时更新各栏目内容。\n\
         （五）监督保障\n本机关将政务公开纳入年度绩效考核，主动接受社会监督，落实责任。"
            .into(),
    );
    d.text
        .insert("problems".into(), "存在问题和改进措施。".into());
    d.text
        .insert("other".into(), "无其他需要报告的事项。".into());
    d
}

pub fn set(d: &mut Draft, key: &str, n: u64) {
    d.cells.insert(key.to_string(), Number::Count(n));
}

pub fn run(d: &Draft) -> Outcome {
    check::check(template(d), d, &Options::default())
}

pub fn run_with(d: &Draft, options: &Options) -> Outcome {
    check::check(template(d), d, options)
}

pub fn run_against(d: &Draft, last: &Draft) -> Outcome {
    let options = Options {
        last_year: Some(LastYear::from_draft(template(last), last)),
        today: None,
        ledger: None,
    };
    check::check(template(d), d, &options)
}

/// The findings with a code.
pub fn with_code<'o>(o: &'o Outcome, code: &str) -> Vec<&'o Finding> {
    o.findings.iter().filter(|f| f.code == code).collect()
}

/// The messages of the findings with a code, in Chinese.
pub fn messages(o: &Outcome, code: &str) -> Vec<String> {
    with_code(o, code)
        .iter()
        .map(|f| gongkai::i18n::finding(gongkai::i18n::Lang::Zh, f))
        .collect()
}

/// Makes a folder refuse new files, even to root (who ignores permissions): `chattr +i` where
/// the file system has it. Returns a guard that undoes it, or `None` if neither works here.
#[cfg(unix)]
pub fn read_only(folder: &std::path::Path) -> Option<impl Drop> {
    use std::os::unix::fs::PermissionsExt;
    struct Undo(std::path::PathBuf, bool);
    impl Drop for Undo {
        fn drop(&mut self) {
            if self.1 {
                let _ = std::process::Command::new("chattr")
                    .arg("-i")
                    .arg(&self.0)
                    .status();
            }
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
        }
    }
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).ok()?;
    let probe = folder.join(".probe");
    if std::fs::write(&probe, "x").is_err() {
        return Some(Undo(folder.to_path_buf(), false));
    }
    let _ = std::fs::remove_file(&probe);
    let immutable = std::process::Command::new("chattr")
        .arg("+i")
        .arg(folder)
        .status()
        .is_ok_and(|s| s.success());
    let guard = Undo(folder.to_path_buf(), immutable);
    (immutable && std::fs::write(&probe, "x").is_err()).then_some(guard)
}
