//! Import speed: one published report read into a draft, per format, and `check` of a folder
//! of 100 portal pages through the library.
//!
//! Targets (issue 10): under 20 ms for one portal page; under 3 s for 100 pages. Run with
//! `cargo bench --bench import`.

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

fn one_file(c: &mut Criterion) {
    for (name, file) in FIXTURES {
        let bytes = std::fs::read(format!("tests/fixtures/import/{file}")).expect("fixture");
        c.bench_function(&format!("import {name}"), |b| {
            b.iter(|| black_box(import_bytes(black_box(&bytes), None).expect("imports")))
        });
    }
}

fn hundred_pages(c: &mut Criterion) {
    let page = std::fs::read("tests/fixtures/import/xiamen-2020-portal.html").expect("fixture");
    let pages: Vec<Vec<u8>> = (0..100).map(|_| page.clone()).collect();
    let mut group = c.benchmark_group("folder");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("import + check 100 portal pages (2 threads)", |b| {
        b.iter(|| {
            gongkai::library::parallel_map(pages.iter().collect(), |bytes: &Vec<u8>| {
                let imported = import_bytes(bytes, Some("html")).expect("imports");
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

criterion_group!(benches, one_file, hundred_pages);
criterion_main!(benches);
