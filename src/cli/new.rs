//! `gongkai new`: a new draft, its format following from the year; with `--from`, started
//! from last year's draft.

use super::KindArg;
use super::{err_line, out_line};
use crate::i18n::{self, Lang};
use crate::library;
use crate::report::{AgencyKind, Draft, carry};
use crate::template::Template;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(super) struct NewArgs {
    #[arg(long, required_unless_present = "from")]
    agency: Option<String>,
    #[arg(long, required_unless_present = "from")]
    year: Option<i32>,
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    #[arg(long, value_name = "LAST.toml")]
    from: Option<PathBuf>,
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The report years `new` accepts: from the first format to next year.
pub fn year_range() -> (i32, i32) {
    Template::allowed_years(crate::clock::this_year())
}

pub(super) fn run(args: &NewArgs, lang: Lang) -> ExitCode {
    let (first, last) = year_range();
    // Last year's report as published is first made a draft of its own, beside this year's, so
    // that `[previous].file` always names a draft.
    let imported_from;
    let from = match &args.from {
        Some(from) if library::is_published(from) => {
            let dir = match &args.output {
                Some(out) => out.parent().map(Path::to_path_buf).unwrap_or_default(),
                None => crate::paths::drafts_dir(),
            };
            match library::import_into(from, &dir) {
                Ok(done) => {
                    match &done.imported {
                        Some(_) => out_line(&i18n::imported(lang, from, &done.path)),
                        None => out_line(&i18n::import_reused(lang, from, &done.path)),
                    }
                    imported_from = done.path;
                    Some(&imported_from)
                }
                Err(e) => {
                    err_line(&i18n::import_into_error(lang, from, &e));
                    return ExitCode::from(2);
                }
            }
        }
        other => other.as_ref(),
    };
    let (mut draft, not_carried) = match from {
        Some(from) => {
            let loaded = match library::load(from) {
                Ok(l) => l,
                Err(e) => {
                    err_line(&i18n::load_error(lang, &e));
                    return ExitCode::from(2);
                }
            };
            let target = args.output.clone().unwrap_or_else(|| {
                default_path(&loaded.draft.report.agency, loaded.draft.report.year + 1)
            });
            let reference = reference_from(&target, from);
            match carry::next_year(loaded.template, &loaded.draft, Some(reference)) {
                Ok(c) => (c.draft, c.not_carried),
                Err(carry::CarryError::NoFormat { year }) => {
                    err_line(&i18n::year_refused(lang, year, first, last));
                    return ExitCode::from(2);
                }
            }
        }
        None => {
            // clap has made sure both are given without --from.
            let (Some(agency), Some(year)) = (&args.agency, args.year) else {
                return ExitCode::from(2);
            };
            let Some(template) = Template::for_year(year) else {
                err_line(&i18n::year_refused(lang, year, first, last));
                return ExitCode::from(2);
            };
            (
                Draft::new(&template.id, agency, year, AgencyKind::default()),
                Vec::new(),
            )
        }
    };
    if let Some(agency) = &args.agency {
        draft.report.agency = agency.clone();
    }
    if let Some(kind) = args.kind {
        draft.report.kind = kind.into();
    }
    let year = draft.report.year;
    if args.from.is_some() && args.year.is_some_and(|y| y != year) {
        err_line(&i18n::from_year_mismatch(lang, year));
        return ExitCode::from(2);
    }
    if year < first || year > last {
        err_line(&i18n::year_refused(lang, year, first, last));
        return ExitCode::from(2);
    }
    draft.report.agency = draft.report.agency.trim().to_string();
    if draft.report.agency.is_empty() {
        err_line(i18n::agency_missing(lang));
        return ExitCode::from(2);
    }
    let Some(template) = Template::builtin(&draft.template) else {
        return ExitCode::from(2);
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| default_path(&draft.report.agency, year));
    match write_new(&path, template, &draft) {
        Ok(()) => {
            out_line(&i18n::created(lang, &path, &template.id));
            if args.from.is_some() {
                out_line(&i18n::carried(lang, template, &draft));
                for item in &not_carried {
                    out_line(&format!("  {}", i18n::not_carried(lang, item)));
                }
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            err_line(&format!(
                "{}: {}",
                path.display(),
                i18n::write_refused(lang, &message)
            ));
            ExitCode::from(1)
        }
    }
}

fn default_path(agency: &str, year: i32) -> PathBuf {
    crate::paths::drafts_dir().join(crate::paths::draft_file_name(agency.trim(), year))
}

/// How the new draft names last year's: by file name when they share a folder, else by its
/// full path.
pub fn reference_from(new: &Path, last: &Path) -> String {
    let folder = |p: &Path| {
        std::path::absolute(p)
            .ok()
            .and_then(|a| a.parent().map(Path::to_path_buf))
    };
    match (folder(new), folder(last), last.file_name()) {
        (Some(a), Some(b), Some(name)) if a == b => name.to_string_lossy().into_owned(),
        _ => std::path::absolute(last)
            .unwrap_or_else(|_| last.to_path_buf())
            .display()
            .to_string(),
    }
}

pub use crate::library::{NewError, write_new};
