//! Import speed: one published report read into a draft, per format, and `check` of a folder
//! of 100 portal pages, and of 100 PDFs, through the library.
//!
//! Targets: under 20 ms for one portal page and 3 s for 100 pages (issue 10); under 200 ms for
//! one PDF and 20 s for 100 (issue 11). Run with `cargo bench --bench import`.

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::import::import_bytes;
use std::hint::black_box;
use std::time::Duration;

const FIXTURES: [(&str, &str); 4] = [
    (
        "portal page (MSO, UTF-8, 100 KB)",
        "xiamen-2020-portal.html",
    ),
    (
        "portal page (GBK, undeclared)",
        "xiamen-2020-portal-gbk-undeclared.html",
    ),
    ("Word template filled", "filled-template-2023.docx"),
    ("pdftotext text", "xiamen-hrss-2020.txt"),
];

/// The real WPS export (洪泽区 2023).
const PDF: &str = "tests/fixtures/pdf/hongze-2023.pdf";

fn one_file(c: &mut Criterion) {
    for (name, file) in FIXTURES {
        let bytes = std::fs::read(format!("tests/fixtures/import/{file}")).expect("fixture");
        c.bench_function(&format!("import {name}"), |b| {
            b.iter(|| black_box(import_bytes(black_box(&bytes), None).expect("imports")))
        });
    }
    let pdf = std::fs::read(PDF).expect("fixture");
    c.bench_function("import PDF (WPS, 5 pages)", |b| {
        b.iter(|| black_box(import_bytes(black_box(&pdf), None).expect("imports")))
    });
}

/// Imports and checks 100 copies of a file on both cores, as `check FOLDER` does.
fn hundred(c: &mut Criterion, name: &str, file: &[u8], extension: &str) {
    let files: Vec<Vec<u8>> = (0..100).map(|_| file.to_vec()).collect();
    let mut group = c.benchmark_group("folder");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function(name, |b| {
        b.iter(|| {
            gongkai::library::parallel_map(files.iter().collect(), |bytes: &Vec<u8>| {
                let imported = import_bytes(bytes, Some(extension)).expect("imports");
                let outcome = gongkai::check::check(
                    imported.template,
                    &imported.draft,
                    &gongkai::check::Options::default(),
                );
                black_box(outcome.findings.len())
            })
        })
    });
    group.finish();
}

fn hundred_pages(c: &mut Criterion) {
    let page = std::fs::read("tests/fixtures/import/xiamen-2020-portal.html").expect("fixture");
    hundred(
        c,
        "import + check 100 portal pages (2 threads)",
        &page,
        "html",
    );
    let pdf = std::fs::read(PDF).expect("fixture");
    hundred(c, "import + check 100 PDFs (2 threads)", &pdf, "pdf");
}

criterion_group!(benches, one_file, hundred_pages);
criterion_main!(benches);
