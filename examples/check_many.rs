//! Checks the bundled sample many times, for counting instructions: `benches/check-instructions.sh`
//! runs it under callgrind with 0 and with N checks, and the difference over N is the cost of one
//! check, steady on a shared machine where criterion's timings are not.
use gongkai::check::{self, Options};
use gongkai::report::load;
use gongkai::template::Template;
use std::hint::black_box;
const SAMPLE: &str = include_str!("../assets/samples/xiamen-hrss-2020.toml");
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(200);
    let draft = load::load_str(SAMPLE).unwrap();
    let template = Template::builtin(&draft.template).unwrap();
    let _ = check::check(template, &draft, &Options::default());
    for _ in 0..n {
        black_box(check::check(
            template,
            black_box(&draft),
            &Options::default(),
        ));
    }
}
