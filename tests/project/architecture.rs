//! ARCHITECTURE.md stays true to the code: every file or folder it names exists.

use std::path::Path;

/// The paths a text names in backticks: `src/…`, `assets/…`, `tests/…`.
fn named_paths(text: &str) -> Vec<&str> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            ["src/", "assets/", "tests/"]
                .iter()
                .any(|p| s.starts_with(p))
        })
        .collect()
}

#[test]
fn every_path_the_map_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("the map");
    let named = named_paths(&map);
    assert!(named.len() > 40, "the map names the modules: {named:?}");
    let missing: Vec<&&str> = named.iter().filter(|p| !root.join(p).exists()).collect();
    assert!(
        missing.is_empty(),
        "named in ARCHITECTURE.md but not there: {missing:?}"
    );
}

#[test]
fn a_path_that_is_not_there_is_caught() {
    let named = named_paths("see `src/nowhere.rs` and `cargo test`");
    assert_eq!(named, ["src/nowhere.rs"]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(!root.join(named[0]).exists());
}
