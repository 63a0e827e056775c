//! `gongkai export`: the report in the official layout, in one or more formats.
//!
//! A finished export is refused (exit 1, each blocker listed, nothing written) while the
//! report has errors, blank cells or unanswered warnings; `--draft` writes anyway and marks the
//! document 草稿. Every format is rendered before the first file is written, and each file is
//! written atomically: an existing file is replaced whole, never left half-written.

use super::{err_line, out_line, today};
use crate::check::Finding;
use crate::export::{self, ExportOptions, Format};
use crate::i18n::{self, Lang};
use crate::library;
use crate::template::Template;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(super) struct ExportArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long = "to", required = true, value_name = "FORMAT", value_parser = format_parser(), action = clap::ArgAction::Append)]
    to: Vec<Format>,
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[arg(long)]
    draft: bool,
}

/// `--to` takes the extensions of [`Format::ALL`]; clap lists them when the value is wrong.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(Format::ALL.map(Format::extension))
        // Every possible value is an extension of a format, so it parses.
        .map(|name| Format::parse(&name).unwrap_or(Format::Txt))
}

pub(super) fn run(args: &ExportArgs, lang: Lang) -> ExitCode {
    let loaded = match library::load(&args.file) {
        Ok(l) => l,
        Err(e) => {
            err_line(&i18n::load_error(lang, &e));
            return ExitCode::from(2);
        }
    };
    let outcome = library::check_draft(&args.file, &loaded, None, today());
    if !args.draft {
        let blockers = export::blockers(&outcome);
        if !blockers.is_empty() {
            err_line(&i18n::export_refused(lang, &args.file, blockers.len()));
            for line in blocker_lines(loaded.template, &blockers, lang) {
                err_line(&format!("  {line}"));
            }
            return ExitCode::from(1);
        }
    }

    let mut formats = args.to.clone();
    formats.dedup_by(|a, b| a == b);
    // PDF needs LibreOffice: without it, say so before anything is written.
    if formats.contains(&Format::Pdf) && export::pdf::office().is_none() {
        err_line(&i18n::pdf_unavailable(lang));
        return ExitCode::from(2);
    }
    let mut targets: Vec<(Format, PathBuf)> = Vec::new();
    for &format in &formats {
        let path = output_path(args, &loaded.draft, format, formats.len());
        if export::is_same_file(&path, &args.file) {
            err_line(&i18n::output_is_input(lang, &path));
            return ExitCode::from(2);
        }
        if crate::library::is_a_draft_to_keep(&path) {
            err_line(&i18n::output_is_a_draft(lang, &path));
            return ExitCode::from(2);
        }
        if targets.iter().any(|(f, p)| *f != format && p == &path) {
            err_line(&i18n::same_output(lang, &path));
            return ExitCode::from(2);
        }
        if !targets.iter().any(|(f, _)| *f == format) {
            targets.push((format, path));
        }
    }

    let export_options = ExportOptions {
        draft_mark: args.draft,
        lang,
        made: crate::clock::now(),
    };
    // Everything is rendered before anything is written: a failure writes nothing.
    let mut rendered = Vec::new();
    for (format, path) in targets {
        match export::render(
            format,
            loaded.template,
            &loaded.draft,
            &outcome,
            &export_options,
        ) {
            Ok(bytes) => rendered.push((path, bytes)),
            Err(e) => {
                err_line(&i18n::render_failed(lang, format.extension(), &e));
                return ExitCode::from(1);
            }
        }
    }
    for (path, bytes) in rendered {
        let replaced = path.exists();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            err_line(&i18n::write_failed(lang, &path, &e));
            return ExitCode::from(1);
        }
        if let Err(e) = crate::atomic::write(&path, &bytes) {
            err_line(&i18n::write_failed(lang, &path, &e));
            return ExitCode::from(1);
        }
        out_line(&i18n::exported(lang, &path, replaced, args.draft));
    }
    ExitCode::SUCCESS
}

/// Where one format goes. Without `-o`: the default name next to the draft. With `-o` naming
/// a folder (one that exists, or written with a trailing `/`): the default name in it. With `-o`
/// naming a file: that file for one format; for several, that name with each format's extension.
fn output_path(
    args: &ExportArgs,
    draft: &crate::report::Draft,
    format: Format,
    count: usize,
) -> PathBuf {
    let default_name = export::default_file_name(draft, format);
    let Some(out) = &args.output else {
        let dir = args.file.parent().unwrap_or(Path::new(""));
        return dir.join(default_name);
    };
    let text = out.to_string_lossy();
    if out.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return out.join(default_name);
    }
    if count > 1 {
        out.with_extension(format.extension())
    } else {
        out.clone()
    }
}

/// One line per blocker; the blank cells of a row share a line, as `check` prints them.
fn blocker_lines(template: &Template, blockers: &[&Finding], lang: Lang) -> Vec<String> {
    super::check::finding_lines(template, blockers, lang)
        .into_iter()
        .map(|(_, line)| line)
        .collect()
}
