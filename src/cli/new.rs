//! `gongkai new`: a new draft, its format following from the year.

use super::{out_line, today};
use crate::i18n::{self, Lang};
use crate::report::{self, AgencyKind, Draft};
use crate::template::Template;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(super) struct NewArgs {
    #[arg(long)]
    agency: String,
    #[arg(long)]
    year: i32,
    #[arg(long, value_enum, default_value = "department")]
    kind: KindArg,
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KindArg {
    Department,
    Government,
}

impl From<KindArg> for AgencyKind {
    fn from(k: KindArg) -> AgencyKind {
        match k {
            KindArg::Department => AgencyKind::Department,
            KindArg::Government => AgencyKind::Government,
        }
    }
}

/// The report years `new` accepts: from the first format to next year.
fn year_range() -> (i32, i32) {
    let first = Template::all()
        .iter()
        .map(|t| t.first_year)
        .min()
        .unwrap_or(2019);
    let this_year = today().map_or(2026, |d| i32::from(d.year()));
    (first, this_year + 1)
}

pub(super) fn run(args: &NewArgs, lang: Lang) -> ExitCode {
    let (first, last) = year_range();
    if args.year < first || args.year > last {
        eprintln!("{}", i18n::year_refused(lang, args.year, first, last));
        return ExitCode::from(2);
    }
    let agency = args.agency.trim();
    if agency.is_empty() {
        eprintln!("{}", i18n::agency_missing(lang));
        return ExitCode::from(2);
    }
    let Some(template) = Template::for_year(args.year) else {
        eprintln!("{}", i18n::year_refused(lang, args.year, first, last));
        return ExitCode::from(2);
    };
    let draft = Draft::new(&template.id, agency, args.year, args.kind.into());
    let path = match &args.output {
        Some(p) => p.clone(),
        None => crate::paths::drafts_dir().join(crate::paths::draft_file_name(agency, args.year)),
    };
    match write_new(&path, template, &draft) {
        Ok(()) => {
            out_line(&i18n::created(lang, &path, &template.id));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!(
                "{}: {}",
                path.display(),
                i18n::write_refused(lang, &message)
            );
            ExitCode::from(1)
        }
    }
}

/// Writes a new draft, never over an existing file.
pub fn write_new(path: &Path, template: &Template, draft: &Draft) -> Result<(), NewError> {
    if path.exists() {
        return Err(NewError::Exists);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(NewError::Io)?;
    }
    report::save::save(path, template, draft).map_err(NewError::Io)
}

#[derive(Debug)]
pub enum NewError {
    Exists,
    Io(std::io::Error),
}
