//! Records which source the binary is built from, for `gongkai --version` and the editor's
//! help: the commit and its date (the commit's, not the clock's, so the same source gives the
//! same binary).
//!
//! In a git checkout both come from `git`; the script runs again only when HEAD or the branch
//! it points to moves, not on every `cargo test`. Outside one (a crate tarball) the commit is
//! the one `cargo package` wrote into `.cargo_vcs_info.json`, else unknown, and the date
//! unknown. `GONGKAI_BUILD_COMMIT` and `GONGKAI_BUILD_DATE` override both (for packagers).

use std::path::{Path, PathBuf};
use std::process::Command;

/// How many hex digits of the commit are kept: enough to find it, short enough to show.
const SHORT: usize = 9;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=GONGKAI_BUILD_COMMIT");
    println!("cargo:rerun-if-env-changed=GONGKAI_BUILD_DATE");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));

    let checkout = in_checkout(&dir);
    if checkout {
        watch_head(&dir);
    }
    let commit = env_value("GONGKAI_BUILD_COMMIT")
        .or_else(|| {
            if checkout {
                git(&dir, &["rev-parse", "HEAD"])
            } else {
                vcs_info_commit(&dir)
            }
        })
        .map(|c| c.chars().take(SHORT).collect::<String>())
        .unwrap_or_default();
    let date = env_value("GONGKAI_BUILD_DATE")
        .or_else(|| {
            checkout
                .then(|| git(&dir, &["log", "-1", "--format=%cd", "--date=short", "HEAD"]))
                .flatten()
        })
        .unwrap_or_default();
    // Empty means unknown: the program says so in the user's language.
    println!("cargo:rustc-env=GONGKAI_BUILD_COMMIT={commit}");
    println!("cargo:rustc-env=GONGKAI_BUILD_DATE={date}");
}

fn env_value(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|v| !v.trim().is_empty())
}

/// Runs git in `dir`; its trimmed output when it succeeds and says something.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// Whether `dir` is this project's git checkout: its Cargo.toml is tracked. A tarball unpacked
/// inside some other repository must not take that repository's commit.
fn in_checkout(dir: &Path) -> bool {
    git(dir, &["ls-files", "--error-unmatch", "Cargo.toml"]).is_some()
}

/// Asks cargo to run the script again when HEAD or its branch moves: HEAD itself, the loose
/// ref (or its folder while the ref is only packed) and `packed-refs`. Only paths that exist
/// are named: cargo would run the script on every build for a missing one.
fn watch_head(dir: &Path) {
    let git_path = |name: &str| git(dir, &["rev-parse", "--git-path", name]).map(|p| dir.join(p));
    let mut watched = Vec::new();
    watched.extend(git_path("HEAD"));
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"])
        && let Some(loose) = git_path(&branch)
    {
        if loose.exists() {
            watched.push(loose);
        } else if let Some(parent) = loose.parent() {
            watched.push(parent.to_path_buf());
        }
    }
    watched.extend(git_path("packed-refs"));
    for path in watched.into_iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

/// The commit `cargo package` records in `.cargo_vcs_info.json`:
/// `{"git": {"sha1": "…"}, …}`. Read by hand to keep the build script free of dependencies.
fn vcs_info_commit(dir: &Path) -> Option<String> {
    let path = dir.join(".cargo_vcs_info.json");
    if !path.exists() {
        return None;
    }
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).ok()?;
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let value = after.split('"').nth(1)?;
    value
        .chars()
        .all(|c| c.is_ascii_hexdigit())
        .then(|| value.to_string())
        .filter(|v| !v.is_empty())
}
