//! `gongkai new`: a new draft, its format following from the year; with `--from`, started
//! from last year's draft.

use super::KindArg;
use super::{err_line, out_line};
use crate::i18n::{self, Lang};
use crate::library::{self, write_new};
use crate::ops;
use crate::report::{AgencyKind, Draft};
use crate::template::Template;
use clap::Args;
use std::path::PathBuf;
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
    ops::allowed_years(crate::clock::this_year())
}

/// A year the year rule refuses, said and ended with the usage exit code.
fn year_refused(lang: Lang, r: ops::YearRefused) -> ExitCode {
    err_line(&i18n::year_refused(lang, r.year, r.first, r.last));
    ExitCode::from(2)
}

pub(super) fn run(args: &NewArgs, lang: Lang) -> ExitCode {
    let this_year = crate::clock::this_year();
    let (first, last) = ops::allowed_years(this_year);
    // Last year's report as published is first made a draft of its own (see
    // `ops::import_last_year`).
    let imported_from;
    let from = match &args.from {
        Some(from) if library::is_published(from) => {
            match ops::import_last_year(from, args.output.as_deref(), &crate::paths::drafts_dir()) {
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
            let drafts_dir = crate::paths::drafts_dir();
            match ops::next_year_from(from, args.output.as_deref(), &drafts_dir) {
                Ok(next) => (next.carried.draft, next.carried.not_carried),
                Err(ops::NextYearError::Load(e)) => {
                    err_line(&i18n::load_error(lang, &e));
                    return ExitCode::from(2);
                }
                Err(ops::NextYearError::Year { year }) => {
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
            let template = match ops::new_report_format(year, this_year) {
                Ok(t) => t,
                Err(refused) => return year_refused(lang, refused),
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
    if let Err(refused) = ops::new_report_format(year, this_year) {
        return year_refused(lang, refused);
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
                i18n::write_refused(lang, &message, args.output.is_none())
            ));
            ExitCode::from(1)
        }
    }
}

fn default_path(agency: &str, year: i32) -> PathBuf {
    crate::paths::drafts_dir().join(crate::paths::draft_file_name(agency.trim(), year))
}
