//! Writes what the .deb installs besides the binary, generated from the command line's
//! definition so that it never drifts from `--help`:
//!
//! - `man/man1/gongkai.1` and one page per command (`gongkai-check.1`, …), in English, and the
//!   same in Chinese under `man/zh_CN/man1/` (`man` picks them in a Chinese locale);
//! - `completions/gongkai.bash` and `completions/_gongkai` (zsh).
//!
//! Run as `cargo run --example package_files -- OUT_DIR`; `scripts/release.sh` does. An
//! example rather than part of the program, so the binary carries neither clap_mangen nor
//! clap_complete.

use clap_complete::Shell;
use gongkai::i18n::Lang;
use std::path::{Path, PathBuf};

#[allow(dead_code)] // the tests include this file for `write_all` only
fn main() -> std::io::Result<()> {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: cargo run --example package_files -- OUT_DIR");
        std::process::exit(2);
    };
    for path in write_all(&PathBuf::from(out))? {
        println!("{}", path.display());
    }
    Ok(())
}

/// Writes the man pages and completions under `out`; returns the files written.
pub fn write_all(out: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (lang, dir) in [(Lang::En, "man/man1"), (Lang::Zh, "man/zh_CN/man1")] {
        let dir = out.join(dir);
        std::fs::create_dir_all(&dir)?;
        let mut cmd = gongkai::cli::command(lang);
        // Names the commands `gongkai-check` and so on, as their pages are called.
        cmd.build();
        man_pages(cmd, &dir, &mut written)?;
    }
    let dir = out.join("completions");
    std::fs::create_dir_all(&dir)?;
    for shell in [Shell::Bash, Shell::Zsh] {
        // Chinese, as the program is by default.
        let mut cmd = gongkai::cli::command(Lang::Zh);
        written.push(clap_complete::generate_to(
            shell, &mut cmd, "gongkai", &dir,
        )?);
    }
    Ok(written)
}

/// The page of a command and of each of its commands, dated by the commit built from.
fn man_pages(cmd: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub.clone(), dir, written)?;
    }
    let man = clap_mangen::Man::new(cmd)
        .date(gongkai::build_info::date().unwrap_or_default())
        .source(format!("gongkai {}", gongkai::build_info::VERSION));
    written.push(man.generate_to(dir)?);
    Ok(())
}
