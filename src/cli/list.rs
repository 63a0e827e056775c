//! `gongkai list`: the drafts in the data folder.

use super::{err_line, fit_width, out_line, today};
use crate::i18n::{self, Lang};
use crate::library;
use std::process::ExitCode;

pub(super) fn run(lang: Lang) -> ExitCode {
    let dir = crate::paths::drafts_dir();
    let entries = match library::entries(&dir, today()) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            err_line(&format!("{}: {}", dir.display(), i18n::io_error(lang, &e)));
            return ExitCode::from(2);
        }
    };
    out_line(&i18n::list_heading(lang, &dir, entries.len()));
    for e in &entries {
        let name = e
            .path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        match &e.result {
            Ok((meta, p)) => out_line(&format!(
                "  {}  {}  {}  {}",
                fit_width(&meta.agency, 30),
                i18n::year(lang, meta.year),
                i18n::progress_short(lang, p),
                name
            )),
            Err(err) => out_line(&format!(
                "  {}  {}",
                fit_width(&name, 30),
                i18n::problem(lang, &err.problem)
            )),
        }
    }
    ExitCode::SUCCESS
}
