//! `gongkai edit FILE` and bare `gongkai`: the full-screen editor.

use super::{err_line, today};
use crate::i18n::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub(super) struct EditArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    pub(super) ascii: bool,
}

/// Opens the editor on a file, or on the start screen.
pub(super) fn run(file: Option<PathBuf>, lang: Lang, ascii: bool) -> ExitCode {
    let options = crate::tui::Options {
        file,
        lang,
        ascii,
        today: today(),
    };
    match crate::tui::run(options) {
        Ok(ended) => {
            if let Some(m) = ended.message {
                err_line(&m.to_string());
            }
            ExitCode::from(ended.code)
        }
        Err(e) => {
            err_line(&e.to_string());
            ExitCode::from(2)
        }
    }
}

pub(super) fn file(args: &EditArgs) -> PathBuf {
    args.file.clone()
}
