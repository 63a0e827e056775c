//! Reading and counting a 10,000-row case ledger, as `gongkai ledger` does: the xlsx (date
//! cells, a title row) and the CSV (every date notation).
//!
//! Target (issue 13): under 200 ms. Run with `cargo bench --bench ledger`.

#[path = "../tests/common/ledger.rs"]
mod ledger_support;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use std::hint::black_box;
use std::time::Duration;

fn ledger(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let cases = ledger_support::cases(1, 10_000, date(2023, 1, 1), date(2024, 12, 31));
    let xlsx = dir.path().join("台账.xlsx");
    std::fs::write(&xlsx, ledger_support::xlsx_bytes(&cases, 2024)).unwrap();
    let csv = dir.path().join("台账.csv");
    std::fs::write(&csv, ledger_support::csv_text(&cases)).unwrap();
    let mut group = c.benchmark_group("ledger");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("read + count 10,000 rows (xlsx)", |b| {
        b.iter(|| black_box(gongkai::ledger::read_and_count(black_box(&xlsx), 2024, None).unwrap()))
    });
    group.bench_function("read + count 10,000 rows (csv)", |b| {
        b.iter(|| black_box(gongkai::ledger::read_and_count(black_box(&csv), 2024, None).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, ledger);
criterion_main!(benches);
