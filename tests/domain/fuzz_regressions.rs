//! Every input the fuzzers keep — their minimised seeds (`fuzz/seeds/`) and any crash they
//! found, fixed since (`fuzz/regressions/`) — replayed through the same code the fuzz targets
//! run (`gongkai::fuzzing`).

use std::path::Path;

fn replay(folder: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| run(&bytes));
            assert!(result.is_ok(), "{} panics", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn draft_inputs_the_fuzzer_kept_do_not_panic() {
    let n = replay("fuzz/seeds/draft", gongkai::fuzzing::draft)
        + replay("fuzz/regressions/draft", gongkai::fuzzing::draft);
    assert!(n >= 200, "the draft seeds are there ({n} inputs)");
}

#[test]
fn template_inputs_the_fuzzer_kept_do_not_panic() {
    let n = replay("fuzz/seeds/template", gongkai::fuzzing::template)
        + replay("fuzz/regressions/template", gongkai::fuzzing::template);
    assert!(n >= 200, "the template seeds are there ({n} inputs)");
}

#[test]
fn import_inputs_the_fuzzer_kept_do_not_panic() {
    let n = replay("fuzz/seeds/import", gongkai::fuzzing::import)
        + replay("fuzz/regressions/import", gongkai::fuzzing::import);
    assert!(n >= 5, "the import seeds are there ({n} inputs)");
}

#[test]
fn pdf_inputs_the_fuzzer_kept_do_not_panic() {
    let n = replay("fuzz/seeds/pdf", gongkai::fuzzing::pdf)
        + replay("fuzz/regressions/pdf", gongkai::fuzzing::pdf)
        + replay("tests/fixtures/pdf", gongkai::fuzzing::pdf);
    assert!(n >= 3, "the PDF seeds are there ({n} inputs)");
}
