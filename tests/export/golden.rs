//! Golden files: the sample report (its warning acknowledged) and the gip-2021 fixture in every
//! format, compared byte for byte with `tests/golden/`. After a deliberate change, regenerate
//! them with `GONGKAI_BLESS=1 cargo test --test export golden` and look at the diff (and at the
//! rendered documents) before committing.

use crate::support::{acknowledged_sample_text, gip_2021_text, render, root};
use gongkai::export::Format;

/// The formats the program renders itself. PDF is LibreOffice's rendering of the Word file
/// (which has its golden file); LibreOffice stamps each PDF with its own time and id.
fn rendered_formats() -> impl Iterator<Item = Format> {
    Format::ALL.into_iter().filter(|&f| f != Format::Pdf)
}

fn check_golden(name: &str, text: &str, format: Format) {
    let actual = render(text, format, false);
    let path = root()
        .join("tests/golden")
        .join(format!("{name}.{}", format.extension()));
    if std::env::var_os("GONGKAI_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &actual).expect("the golden file is written");
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run GONGKAI_BLESS=1 cargo test --test export golden",
            path.display()
        )
    });
    if actual != expected {
        let shown = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        let line = shown(&actual)
            .lines()
            .zip(shown(&expected).lines())
            .position(|(a, e)| a != e);
        panic!(
            "{} differs from the export (first differing line: {line:?}); \
             if the change is meant, run GONGKAI_BLESS=1 cargo test --test export golden",
            path.display()
        );
    }
}

#[test]
fn sample_matches_its_golden_files() {
    for format in rendered_formats() {
        check_golden("xiamen-hrss-2020", &acknowledged_sample_text(), format);
    }
}

#[test]
fn gip_2021_report_matches_its_golden_files() {
    for format in rendered_formats() {
        check_golden("gip-2021-department", &gip_2021_text(), format);
    }
}

#[test]
fn exports_are_the_same_every_time() {
    // Golden files only work if nothing (a clock, a random id) changes between runs.
    for format in rendered_formats() {
        let text = acknowledged_sample_text();
        assert_eq!(render(&text, format, false), render(&text, format, false));
    }
}
