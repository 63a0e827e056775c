//! Drafts the export tests share: the sample report with its one warning answered, and a
//! finished gip-2021 report.
#![allow(dead_code)]

use gongkai::check::{self, Options, Outcome};
use gongkai::export::{self, ExportOptions, Format};
use gongkai::report::{Draft, load};
use gongkai::template::Template;
use std::path::PathBuf;

/// When the exports of the tests are made (the Word file records it).
pub const MADE: &str = "2021-01-20T09:30:00Z";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample report as shipped: it has one unanswered warning (正文1217件 against 1037).
pub fn sample_text() -> String {
    std::fs::read_to_string(root().join("assets/samples/xiamen-hrss-2020.toml"))
        .expect("the sample draft is in assets/samples")
}

/// The answer to the sample's warning, as the officer would record it.
pub const ACKNOWLEDGEMENT: &str = r#"
[[acknowledged]]
code = "narrative.mismatch"
cell = "proactive.licensing.decisions"
reason = "正文1217件为全年办结件数，含非行政许可事项；表中1037件为行政许可处理决定数量"
"#;

/// The sample report with its warning acknowledged: finished, ready to export.
pub fn acknowledged_sample_text() -> String {
    format!("{}{ACKNOWLEDGEMENT}", sample_text())
}

/// A finished gip-2021 report with 信息处理费 figures (a made-up agency).
pub fn gip_2021_text() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/gip-2021-department.toml"))
        .expect("the gip-2021 fixture is in tests/fixtures")
}

pub fn load_draft(text: &str) -> (&'static Template, Draft) {
    let draft = load::load_str(text).expect("the draft loads");
    let template = Template::builtin(&draft.template).expect("a built-in template");
    (template, draft)
}

pub fn outcome(template: &Template, draft: &Draft) -> Outcome {
    check::check(template, draft, &Options::default())
}

/// Renders a draft; `draft_mark` asks for a draft export.
pub fn render(text: &str, format: Format, draft_mark: bool) -> Vec<u8> {
    let (template, draft) = load_draft(text);
    let outcome = outcome(template, &draft);
    let options = ExportOptions {
        draft_mark,
        lang: Default::default(),
        made: MADE.parse().expect("a time"),
    };
    export::render(format, template, &draft, &outcome, &options).expect("the export renders")
}

pub fn render_text(text: &str, format: Format, draft_mark: bool) -> String {
    String::from_utf8(render(text, format, draft_mark)).expect("UTF-8 output")
}
