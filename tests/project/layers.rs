//! The layers of the crate, read from its source: the domain knows nothing of terminals or of
//! its clients, the words (`i18n`) take plain facts rather than reaching up into the editor or
//! the command line, the editor never calls into the command line, and the domain's own
//! modules do not loop (numbers ← templates ← reports ← checks); and the layers ARCHITECTURE.md
//! draws are the imports: no module names one of a layer above its own.
//!
//! A module "names" another when its code (comments aside) has a path to it: `crate::tui`,
//! `crate::{tui, …}`, or `super::…` climbing up to it.

use std::path::{Path, PathBuf};

/// The source tree read: `src/` of this crate, or another given in `GONGKAI_LAYERS_SRC` (to
/// see the rules fail on an older tree).
fn src() -> PathBuf {
    std::env::var_os("GONGKAI_LAYERS_SRC").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        PathBuf::from,
    )
}

/// The `.rs` files at `part` (a file or a folder) under `src`, by path; none when it is not
/// there (an older tree without `number.rs`).
fn files(src: &Path, part: &str) -> Vec<PathBuf> {
    let root = src.join(part);
    let mut out = Vec::new();
    let mut todo = vec![root];
    while let Some(p) = todo.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).expect("read a source folder") {
                todo.push(e.expect("a source entry").path());
            }
        } else if p.is_file() && p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The module path of a source file: `src/i18n/tui.rs` is `["i18n", "tui"]`, `src/i18n/mod.rs`
/// is `["i18n"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("a file under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// The code of a file without its comments (a line's `//` onwards; `//` inside a string
/// only shortens what is read, so nothing is named that is not there).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split_once("//").map_or(l, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The crate's top-level modules (and outside crates) a file's code names, with the path as
/// written.
fn named(src: &Path, file: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(file).expect("read a source file");
    let code = code(&text);
    let module = module_of(src, file);
    let mut out = Vec::new();
    for krate in ["ratatui", "crossterm"] {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(krate) {
            let before = rest[..i].chars().next_back();
            let after = rest[i + krate.len()..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !word(before) && !word(after) {
                out.push((krate.to_string(), krate.to_string()));
            }
            rest = &rest[i + krate.len()..];
        }
    }
    // `crate::x` and `super::…::x`, resolved to the crate's top-level module `x`.
    let bytes = code.as_str();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let starts_word = bytes[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let (depth, after) = if starts_word && rest.starts_with("crate::") {
            (Some(module.len()), &rest["crate::".len()..])
        } else if starts_word && rest.starts_with("super::") {
            let mut ups = 0;
            let mut r = rest;
            while let Some(next) = r.strip_prefix("super::") {
                ups += 1;
                r = next;
            }
            (Some(ups), r)
        } else {
            (None, rest)
        };
        let Some(ups) = depth else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // `super::` from `a::b` (a file `a/b.rs`) is `a`: the path below the crate root left.
        let left = module.len().saturating_sub(ups);
        let written = &rest[..rest.len() - after.len()];
        let targets: Vec<String> = if left > 0 {
            // Still inside a module: the name is `module[0]`, the file's own top-level module.
            vec![module[0].clone()]
        } else if let Some(group) = after.strip_prefix('{') {
            // `crate::{a, b::c}`: each item's first segment, at the group's top level.
            let mut names = Vec::new();
            let mut level = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => level += 1,
                    '}' if level == 0 => break,
                    '}' => level -= 1,
                    ',' if level == 0 => {
                        names.push(ident_at(item.trim()).to_string());
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            names.push(ident_at(item.trim()).to_string());
            names
        } else {
            vec![ident_at(after).to_string()]
        };
        for t in targets {
            out.push((t.clone(), format!("{written}{t}")));
        }
        i += written.len().max(1);
    }
    out
}

/// Every place where a file under one of `parts` names one of `forbidden`.
fn violations(parts: &[&str], forbidden: &[&str]) -> Vec<String> {
    let src = src();
    let mut out = Vec::new();
    for part in parts {
        for file in files(&src, part) {
            for (target, written) in named(&src, &file) {
                if forbidden.contains(&target.as_str()) {
                    out.push(format!("{} names {written}", file.display()));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

const DOMAIN: [&str; 8] = [
    "template",
    "report",
    "check",
    "export",
    "import",
    "ledger",
    "linebreak.rs",
    "number.rs",
];

#[test]
fn the_domain_knows_no_terminal_and_no_client() {
    let found = violations(&DOMAIN, &["tui", "cli", "ratatui", "crossterm"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_words_take_plain_facts_not_the_clients_types() {
    let found = violations(&["i18n"], &["tui", "cli"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_editor_never_calls_into_the_command_line() {
    let found = violations(&["tui"], &["cli"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn numbers_templates_and_reports_do_not_loop() {
    let numbers = violations(&["number.rs"], &["template", "report", "check"]);
    assert!(numbers.is_empty(), "{numbers:#?}");
    let templates = violations(&["template"], &["report", "check"]);
    assert!(templates.is_empty(), "{templates:#?}");
    let reports = violations(&["report"], &["check"]);
    assert!(reports.is_empty(), "{reports:#?}");
}

/// The scanner itself: what it must see, and what it must not take for a name.
#[test]
fn the_scanner_reads_paths_as_the_compiler_would() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let src = dir.path();
    std::fs::create_dir_all(src.join("i18n")).expect("a folder");
    let file = src.join("i18n").join("tui.rs");
    std::fs::write(
        &file,
        "use super::cli::x; // crate::tui in a comment\n\
         use super::super::tui::app;\n\
         use crate::{report, cli::y};\n\
         fn f() { crate::check::go(); ratatui_like(); }\n",
    )
    .expect("write");
    let mut names: Vec<String> = named(src, &file).into_iter().map(|(t, _)| t).collect();
    names.sort();
    // `super::cli` from `i18n::tui` is i18n's own `cli`; `ratatui_like` is not `ratatui`.
    assert_eq!(names, ["check", "cli", "i18n", "report", "tui"]);
}

/// The layers ARCHITECTURE.md draws, bottom first: each the top-level modules of its row of
/// the table under "## Layers" (`src/number.rs` is `number`, `src/template/` is `template`).
fn drawn_layers() -> Vec<(String, Vec<String>)> {
    let map =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .expect("ARCHITECTURE.md");
    let table = map
        .split("## Layers")
        .nth(1)
        .expect("a Layers section")
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2); // the header and its rule
    table
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let modules = cells[2]
                .split('`')
                .skip(1)
                .step_by(2)
                .filter_map(|p| p.strip_prefix("src/"))
                .map(|p| p.trim_end_matches('/').trim_end_matches(".rs").to_string())
                .collect();
            (cells[1].to_string(), modules)
        })
        .collect()
}

/// The arrows the map draws are the imports: a module names only modules of its own layer or
/// below, save the one crossing ARCHITECTURE.md states (`export` prints the report's own
/// words from `i18n`), and every module of the crate is on the map.
#[test]
fn the_layers_the_map_draws_are_the_imports() {
    let layers = drawn_layers();
    assert!(layers.len() >= 6, "the layers table: {layers:?}");
    let layer_of = |module: &str| {
        layers
            .iter()
            .position(|(_, ms)| ms.iter().any(|m| m == module))
    };
    let src = src();
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&src).expect("src") {
        let path = entry.expect("an entry").path();
        let module = module_of(&src, &path.join("mod.rs"))
            .first()
            .cloned()
            .unwrap_or_default();
        let module = if path.is_dir() {
            module
        } else {
            path.file_stem().unwrap().to_string_lossy().into_owned()
        };
        if module == "main" || module == "lib" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            found.push(format!("{module} is not on the map"));
            continue;
        };
        let part = if path.is_dir() {
            module.clone()
        } else {
            format!("{module}.rs")
        };
        for file in files(&src, &part) {
            for (target, written) in named(&src, &file) {
                let Some(theirs) = layer_of(&target) else {
                    continue; // an outside crate, or a name of the file's own module
                };
                let stated = module == "export" && target == "i18n";
                if theirs > own && !stated {
                    found.push(format!(
                        "{} ({}) names {written} ({})",
                        file.display(),
                        layers[own].0,
                        layers[theirs].0
                    ));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "{found:#?}");
}
