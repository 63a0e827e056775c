//! Core speed: load + check of the sample, and checking a folder of 10,000 drafts.
//!
//! Targets (issue 2): under 200 µs for the sample; under 2 s for the folder. Run with
//! `cargo bench --bench core`; the folder is generated once in a temporary directory.

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::check::{self, Options};
use gongkai::library;
use gongkai::report::{Number, load, save};
use gongkai::template::Template;
use std::hint::black_box;
use std::time::Duration;

const SAMPLE: &str = include_str!("../assets/samples/xiamen-hrss-2020.toml");

fn sample(c: &mut Criterion) {
    c.bench_function("load + check the sample", |b| {
        b.iter(|| {
            let draft = load::load_str(black_box(SAMPLE)).unwrap();
            let template = Template::builtin(&draft.template).unwrap();
            black_box(check::check(template, &draft, &Options::default()))
        })
    });
    let draft = load::load_str(SAMPLE).unwrap();
    let template = Template::builtin(&draft.template).unwrap();
    c.bench_function("check the sample (loaded)", |b| {
        b.iter(|| {
            black_box(check::check(
                template,
                black_box(&draft),
                &Options::default(),
            ))
        })
    });
    c.bench_function("save the sample", |b| {
        b.iter(|| black_box(save::to_toml(template, black_box(&draft))))
    });
}

/// Writes `count` variants of the sample (other agencies, other figures) into a folder.
pub fn write_folder(dir: &std::path::Path, count: usize) {
    let base = load::load_str(SAMPLE).unwrap();
    let template = Template::builtin(&base.template).unwrap();
    for i in 0..count {
        let mut d = base.clone();
        d.report.agency = format!("测试单位{i:05}");
        d.cells.insert(
            "proactive.licensing.decisions".into(),
            Number::Count(1000 + i as u64 % 50),
        );
        save::save(&dir.join(format!("d{i:05}.toml")), template, &d).unwrap();
    }
}

fn folder(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), 10_000);
    let mut group = c.benchmark_group("folder of 10,000 drafts");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    // As `gongkai check FOLDER` does it: every draft loaded and checked, on every core.
    group.bench_function("load + check every draft", |b| {
        b.iter(|| {
            let files = library::drafts_in(dir.path()).unwrap();
            let errors: usize = library::parallel_map(files, |path| {
                let loaded = library::load(&path).unwrap();
                library::check_draft(&path, &loaded, None, None)
                    .summary()
                    .errors
            })
            .into_iter()
            .sum();
            black_box(errors)
        })
    });
    group.finish();
}

criterion_group!(benches, sample, folder);
criterion_main!(benches);
