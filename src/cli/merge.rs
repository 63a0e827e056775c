//! `gongkai merge`: a supervising office sums its units' drafts into the summary draft.

use super::KindArg;
use super::{err_line, fit_width, out_line, today};
use crate::check::Summary;
use crate::i18n::{self, Lang};
use crate::library;
use crate::report::AgencyKind;
use crate::report::merge::{self, Refusal, Unit};
use crate::template::Template;
use clap::Args;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(super) struct MergeArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[arg(long)]
    agency: String,
    #[arg(long, value_enum, default_value = "government")]
    kind: KindArg,
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[arg(long, value_name = "UNITS.txt")]
    expect: Option<PathBuf>,
    #[arg(long)]
    allow_errors: bool,
}

/// One unit's draft as read and checked.
struct Read {
    path: PathBuf,
    /// The unit, its check summary, and whether it is itself a summary of units.
    result: Result<(Unit, Summary, bool), library::OpenError>,
}

pub(super) fn run(args: &MergeArgs, lang: Lang) -> ExitCode {
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            // The units' drafts and their published reports (portal pages, Word files, PDFs).
            let found = library::drafts_in(path)
                .and_then(|drafts| Ok((drafts, library::published_in(path)?)));
            match found {
                Ok((drafts, published)) => {
                    files.extend(drafts);
                    files.extend(published);
                }
                Err(e) => {
                    err_line(&format!("{}: {}", path.display(), i18n::io_error(lang, &e)));
                    return ExitCode::from(2);
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    // Merging again into the same folder must not count last run's summary as a unit.
    if let Some(output) = &args.output {
        let output = std::path::absolute(output).ok();
        files.retain(|f| std::path::absolute(f).ok() != output);
    }
    files.sort();
    files.dedup();

    let expected = match &args.expect {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(text) => Some(unit_names(&text)),
            Err(e) => {
                err_line(&format!("{}: {}", p.display(), i18n::io_error(lang, &e)));
                return ExitCode::from(2);
            }
        },
        None => None,
    };

    let today = today();
    let read = library::parallel_map(files, |path| {
        let result = library::open_report(&path).map(|loaded| {
            let outcome = library::check_draft(&path, &loaded, None, today);
            let summary_of_others = !loaded.draft.sources.is_empty();
            (
                Unit::from_draft(loaded.template, &loaded.draft),
                outcome.summary(),
                summary_of_others,
            )
        });
        Read { path, result }
    });
    let mut unreadable = false;
    // A published report whose unit also has a draft here is that unit's report once: the
    // draft counts. gongkai's own exports in the folder are its drafts again.
    let drafts_of: std::collections::BTreeSet<(String, i32)> = read
        .iter()
        .filter(|r| !library::is_published(&r.path))
        .filter_map(|r| r.result.as_ref().ok())
        .map(|(unit, _, _)| (unit.name.clone(), unit.year))
        .collect();
    let read: Vec<Read> = read
        .into_iter()
        .filter(|r| {
            let twice = library::is_published(&r.path)
                && r.result
                    .as_ref()
                    .is_ok_and(|(u, _, _)| drafts_of.contains(&(u.name.clone(), u.year)));
            if twice {
                err_line(&i18n::merge_published_skipped(lang, &r.path));
            }
            !twice
        })
        .collect();
    for r in &read {
        if let Err(e) = &r.result {
            err_line(&i18n::open_error(lang, e));
            unreadable = true;
        }
    }
    if unreadable {
        err_line(i18n::merge_nothing_written(lang));
        return ExitCode::from(2);
    }
    let mut units: Vec<(&Path, &Unit, &Summary)> = Vec::new();
    for r in &read {
        match &r.result {
            // A summary (an earlier merge) beside its units is not one of them.
            Ok((unit, _, true)) => {
                out_line(&i18n::merge_skipped_summary(lang, &r.path, &unit.name))
            }
            Ok((unit, summary, false)) => units.push((r.path.as_path(), unit, summary)),
            Err(_) => {}
        }
    }
    let Some((template_id, year)) = merge::majority(
        &units
            .iter()
            .map(|(_, u, _)| (u.template.clone(), u.year))
            .collect::<Vec<_>>(),
    ) else {
        err_line(i18n::merge_no_drafts(lang));
        return ExitCode::from(2);
    };
    let Some(template) = Template::builtin(&template_id) else {
        return ExitCode::from(2);
    };

    // Every reason to leave a unit out, named, before anything is written.
    let mut refusals: Vec<(&Path, String, Refusal)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut twice = BTreeSet::new();
    for (_, unit, _) in &units {
        if !seen.insert(unit.name.clone()) {
            twice.insert(unit.name.clone());
        }
    }
    for (path, unit, summary) in &units {
        let refusal = if unit.name.is_empty() {
            Some(Refusal::NoName)
        } else if unit.year != year || unit.template != template_id {
            Some(Refusal::OtherYear {
                year: unit.year,
                template: unit.template.clone(),
            })
        } else if twice.contains(&unit.name) {
            Some(Refusal::SameName)
        } else if summary.errors > 0 && !args.allow_errors {
            Some(Refusal::HasErrors {
                errors: summary.errors,
            })
        } else {
            None
        };
        if let Some(r) = refusal {
            refusals.push((path, unit.name.clone(), r));
        }
    }
    if !refusals.is_empty() {
        for (path, name, refusal) in &refusals {
            err_line(&format!(
                "{}: {}",
                path.display(),
                i18n::merge_refusal(lang, name, refusal, year, &template_id)
            ));
        }
        err_line(i18n::merge_nothing_written(lang));
        return ExitCode::from(1);
    }

    let kind = AgencyKind::from(args.kind);
    let owned: Vec<Unit> = units.iter().map(|(_, u, _)| (*u).clone()).collect();
    let merged = merge::merge(template, args.agency.trim(), kind, &owned);
    let output = match &args.output {
        Some(p) => p.clone(),
        None => crate::paths::drafts_dir().join(crate::paths::draft_file_name(&args.agency, year)),
    };
    if let Err(e) = super::write_new(&output, template, &merged.draft) {
        err_line(&format!(
            "{}: {}",
            output.display(),
            i18n::write_refused(lang, &e, args.output.is_none())
        ));
        return ExitCode::from(1);
    }

    out_line(&i18n::merged(
        lang,
        units.len(),
        year,
        &template_id,
        &output,
    ));
    print_units(&units, lang);
    if !merged.blanks.is_empty() {
        out_line("");
        out_line(i18n::merge_blanks_heading(lang));
        for (key, names) in &merged.blanks {
            out_line(&format!(
                "  {}：{}",
                template.cell_label(key),
                names.join(lang.pick("、", ", "))
            ));
        }
    }
    for key in &merged.overflow {
        out_line(&i18n::merge_overflow(lang, &template.cell_label(key)));
    }
    let mut missing_any = false;
    if let Some(expected) = expected {
        let present: BTreeSet<String> = units.iter().map(|(_, u, _)| u.name.clone()).collect();
        let missing: Vec<String> = expected.difference(&present).cloned().collect();
        let unexpected: Vec<String> = present.difference(&expected).cloned().collect();
        if !missing.is_empty() {
            missing_any = true;
            out_line(&i18n::merge_missing(lang, &missing));
        }
        if !unexpected.is_empty() {
            out_line(&i18n::merge_unexpected(lang, &unexpected));
        }
    }
    // A sum too large to hold is left blank: the summary is not whole.
    ExitCode::from(if missing_any || !merged.overflow.is_empty() {
        1
    } else {
        0
    })
}

/// The unit names of an `--expect` file: one per line; blank lines and `#` comments skipped.
pub fn unit_names(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(|l| l.trim().trim_start_matches('\u{feff}'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn print_units(units: &[(&Path, &Unit, &Summary)], lang: Lang) {
    const NUMBER: usize = 6;
    const NAME: usize = 80 - 3 * NUMBER - 2;
    let h = i18n::table_headings(lang);
    out_line("");
    out_line(&format!(
        "{}{}{}{}",
        fit_width(h[0], NAME),
        super::check::right(h[2], NUMBER),
        super::check::right(h[3], NUMBER),
        super::check::right(h[4], NUMBER)
    ));
    let mut rows: Vec<&(&Path, &Unit, &Summary)> = units.iter().collect();
    rows.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    for (_, unit, s) in rows {
        out_line(&format!(
            "{}{:>6}{:>6}{:>6}",
            fit_width(&unit.name, NAME),
            s.errors,
            s.warnings,
            s.blank
        ));
    }
}
