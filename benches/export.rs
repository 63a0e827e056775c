//! Exporting the sample report (its warning acknowledged) to each format. Target: under 20 ms
//! each. Run with `cargo bench --bench export`.

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::check::{self, Options};
use gongkai::export::{self, ExportOptions, Format};
use gongkai::report::load;
use gongkai::template::Template;
use std::hint::black_box;

const SAMPLE: &str = include_str!("../assets/samples/xiamen-hrss-2020.toml");
const ACKNOWLEDGEMENT: &str = r#"
[[acknowledged]]
code = "narrative.mismatch"
cell = "proactive.licensing.decisions"
reason = "正文1217件为全年办结件数，含非行政许可事项"
"#;

fn export_sample(c: &mut Criterion) {
    let text = format!("{SAMPLE}{ACKNOWLEDGEMENT}");
    let draft = load::load_str(&text).expect("the sample loads");
    let template = Template::builtin(&draft.template).expect("a built-in template");
    let outcome = check::check(template, &draft, &Options::default());
    assert!(outcome.is_finished(), "the acknowledged sample is finished");
    let options = ExportOptions::default();
    let mut group = c.benchmark_group("export_sample");
    // PDF is LibreOffice's time, not ours (seconds, not milliseconds): it is left out.
    for format in Format::ALL.into_iter().filter(|&f| f != Format::Pdf) {
        group.bench_function(format.extension(), |b| {
            b.iter(|| {
                export::render(black_box(format), template, &draft, &outcome, &options)
                    .expect("the export renders")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, export_sample);
criterion_main!(benches);
