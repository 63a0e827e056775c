//! `gongkai check`: the findings of drafts, for a person or (with `--json`) for a program.

use super::{err_line, out_line, today};
use crate::check::{Finding, Outcome, Severity, Summary, codes};
use crate::i18n::{self, Lang};
use crate::library::{self, Loaded};
use crate::report::Draft;
use crate::template::Template;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Args, Debug)]
pub(super) struct CheckArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[arg(long, value_name = "LAST.toml")]
    previous: Option<PathBuf>,
    #[arg(long)]
    json: bool,
    #[arg(long, value_enum)]
    sort: Option<SortBy>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortBy {
    Errors,
    Agency,
}

/// What is kept of one checked draft once its report is rendered: the draft itself is dropped,
/// so checking ten thousand drafts holds ten thousand summaries, not ten thousand drafts.
struct Checked {
    path: PathBuf,
    /// A published file (imported in memory), not a draft.
    published: bool,
    /// Why a file of a folder was left out (it is then not reported at all).
    skipped: Option<String>,
    /// `None` for a draft that could not be read.
    summary: Option<(String, i32, Summary)>,
    /// The lines for stdout and stderr, or the JSON object.
    out: Vec<String>,
    err: Vec<String>,
    json: serde_json::Value,
}

/// A file to check: a draft, or a published report named on the command line or found in a
/// folder (where gongkai's own exports and files that are not reports are skipped).
struct Source {
    path: PathBuf,
    published: bool,
    in_folder: bool,
}

pub(super) fn run(args: &CheckArgs, lang: Lang) -> ExitCode {
    let mut files = Vec::new();
    let mut unusable = false;
    let mut many = args.paths.len() > 1;
    for path in &args.paths {
        if path.is_dir() {
            many = true;
            let found = library::drafts_in(path)
                .and_then(|drafts| Ok((drafts, library::published_in(path)?)));
            match found {
                Ok((drafts, published)) => {
                    files.extend(drafts.into_iter().map(|path| Source {
                        path,
                        published: false,
                        in_folder: true,
                    }));
                    files.extend(published.into_iter().map(|path| Source {
                        path,
                        published: true,
                        in_folder: true,
                    }));
                }
                Err(e) => {
                    err_line(&format!("{}: {}", path.display(), i18n::io_error(lang, &e)));
                    unusable = true;
                }
            }
        } else {
            let published = path.extension().is_none_or(|e| e != "toml")
                && crate::import::is_published_name(&path.to_string_lossy());
            files.push(Source {
                path: path.clone(),
                published,
                in_folder: false,
            });
        }
    }
    // Last year's report may be a draft or the report as published.
    let previous = match &args.previous {
        Some(p) => match library::open_report(p) {
            Ok(loaded) => Some(loaded),
            Err(e) => {
                err_line(&i18n::open_error(lang, &e));
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let today = today();
    let json = args.json;
    let mut checked = library::parallel_map(files, |source| {
        if source.published {
            check_published(source, previous.as_ref(), today, lang, json)
        } else {
            check_one(source.path, previous.as_ref(), today, lang, json)
        }
    });
    skip_published_with_draft(&mut checked, lang);
    for c in &checked {
        if let Some(note) = &c.skipped {
            err_line(note);
        }
    }
    checked.retain(|c| c.skipped.is_none());
    sort_checked(&mut checked, args.sort);

    if args.json {
        let mut values: Vec<serde_json::Value> =
            checked.iter_mut().map(|c| c.json.take()).collect();
        let doc = if many {
            serde_json::Value::Array(values)
        } else {
            values.pop().unwrap_or(serde_json::Value::Null)
        };
        out_line(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        for c in &checked {
            for line in &c.err {
                err_line(line);
            }
            for line in &c.out {
                out_line(line);
            }
        }
        if many {
            print_table(&checked, lang);
        }
    }
    let any_unusable = unusable || checked.iter().any(|c| c.summary.is_none());
    let any_error = checked
        .iter()
        .any(|c| c.summary.as_ref().is_some_and(|(_, _, s)| s.errors > 0));
    ExitCode::from(if any_unusable {
        2
    } else if any_error {
        1
    } else {
        0
    })
}

fn check_one(
    path: PathBuf,
    previous: Option<&Loaded>,
    today: Option<jiff::civil::Date>,
    lang: Lang,
    json: bool,
) -> Checked {
    match library::load(&path) {
        Ok(loaded) => {
            let outcome = library::check_draft(&path, &loaded, previous, today);
            let summary = outcome.summary();
            let (out, value) = if json {
                let value = findings_json(lang, &path, loaded.template, &loaded.draft, &outcome);
                (Vec::new(), value)
            } else {
                (
                    report_lines(&path, &loaded, &outcome, lang),
                    serde_json::Value::Null,
                )
            };
            Checked {
                summary: Some((
                    loaded.draft.report.agency,
                    loaded.draft.report.year,
                    summary,
                )),
                path,
                published: false,
                skipped: None,
                out,
                err: Vec::new(),
                json: value,
            }
        }
        Err(e) => Checked {
            published: false,
            skipped: None,
            json: serde_json::json!({
                "file": path.display().to_string(),
                "error": i18n::problem(lang, &e.problem),
                "line": e.line,
                "column": e.column,
            }),
            err: vec![i18n::load_error(lang, &e)],
            out: Vec::new(),
            summary: None,
            path,
        },
    }
}

/// A published report imported in memory and checked as a draft would be, with the findings
/// about its printed totals added.
fn check_published(
    source: Source,
    previous: Option<&Loaded>,
    today: Option<jiff::civil::Date>,
    lang: Lang,
    json: bool,
) -> Checked {
    let path = source.path;
    let skip = |note: String, path: PathBuf| Checked {
        path,
        published: true,
        skipped: Some(note),
        summary: None,
        out: Vec::new(),
        err: Vec::new(),
        json: serde_json::Value::Null,
    };
    let imported = match crate::import::import_file(&path) {
        Ok(i) if i.own_export && source.in_folder => {
            return skip(i18n::skipped(lang, &path, &i18n::Skipped::OwnExport), path);
        }
        Ok(i) => i,
        Err(crate::import::ImportError::NotAReport | crate::import::ImportError::UnknownFormat)
            if source.in_folder =>
        {
            return skip(i18n::skipped(lang, &path, &i18n::Skipped::NotAReport), path);
        }
        Err(e) => {
            let message = i18n::import_error(lang, &path, &e);
            return Checked {
                json: serde_json::json!({"file": path.display().to_string(), "error": message}),
                err: vec![message],
                out: Vec::new(),
                summary: None,
                published: true,
                skipped: None,
                path,
            };
        }
    };
    let loaded = Loaded {
        template: imported.template,
        draft: imported.draft,
        // The importer cleans what it reads.
        dropped_controls: 0,
    };
    let mut outcome = library::check_draft(&path, &loaded, previous, today);
    outcome
        .findings
        .extend(imported.printed_totals.iter().cloned());
    let (out, value) = if json {
        let value = findings_json(lang, &path, loaded.template, &loaded.draft, &outcome);
        (Vec::new(), value)
    } else {
        let mut lines = report_lines(&path, &loaded, &outcome, lang);
        // Under the heading, what the import read: a reviewer sees how far to trust it.
        lines.insert(
            1.min(lines.len()),
            i18n::read_from_published(lang, &imported.summary),
        );
        (lines, serde_json::Value::Null)
    };
    Checked {
        summary: Some((
            loaded.draft.report.agency.clone(),
            loaded.draft.report.year,
            outcome.summary(),
        )),
        path,
        published: true,
        skipped: None,
        out,
        err: Vec::new(),
        json: value,
    }
}

/// In a folder, a published report whose agency and year a draft of the same folder has is
/// that draft's report, and a second published file of the same agency and year is the same
/// report again: each is skipped, so no unit is counted twice.
fn skip_published_with_draft(checked: &mut [Checked], lang: Lang) {
    let mut drafts: Vec<(PathBuf, String, i32, PathBuf)> = checked
        .iter()
        .filter(|c| !c.published)
        .filter_map(|c| {
            let (agency, year, _) = c.summary.as_ref()?;
            Some((
                c.path.parent()?.to_path_buf(),
                agency.trim().to_string(),
                *year,
                c.path.clone(),
            ))
        })
        .collect();
    for c in checked
        .iter_mut()
        .filter(|c| c.published && c.skipped.is_none())
    {
        let Some((agency, year, _)) = &c.summary else {
            continue;
        };
        let folder = c.path.parent().map(Path::to_path_buf);
        if let Some((_, _, _, draft)) = drafts
            .iter()
            .find(|(dir, a, y, _)| Some(dir) == folder.as_ref() && a == agency.trim() && y == year)
        {
            c.skipped = Some(i18n::skipped(
                lang,
                &c.path,
                &i18n::Skipped::DraftPresent { draft },
            ));
        } else if let Some(folder) = folder {
            // The first published file of a unit stands for it: the same report as a page and
            // as a Word file is one unit.
            drafts.push((folder, agency.trim().to_string(), *year, c.path.clone()));
        }
    }
}

fn sort_checked(checked: &mut [Checked], sort: Option<SortBy>) {
    match sort {
        Some(SortBy::Errors) => checked.sort_by_key(|c| {
            std::cmp::Reverse(c.summary.as_ref().map_or(usize::MAX, |(_, _, s)| s.errors))
        }),
        Some(SortBy::Agency) => checked.sort_by(|a, b| {
            let name = |c: &Checked| {
                c.summary.as_ref().map_or_else(
                    || c.path.display().to_string(),
                    |(agency, _, _)| agency.clone(),
                )
            };
            name(a).cmp(&name(b))
        }),
        None => {}
    }
}

/// The findings of one draft as DESIGN.md's findings format.
pub fn findings_json(
    lang: Lang,
    file: &Path,
    template: &Template,
    draft: &Draft,
    outcome: &Outcome,
) -> serde_json::Value {
    serde_json::json!({
        "file": file.display().to_string(),
        "template": template.id,
        "agency": draft.report.agency,
        "year": draft.report.year,
        "findings": outcome
            .findings
            .iter()
            .map(|f| crate::export::json::finding_value(lang, f))
            .collect::<Vec<_>>(),
        "summary": outcome.summary(),
    })
}

/// Blank cells of one row, printed on one line.
fn blank_line(template: &Template, keys: &[&str], lang: Lang) -> String {
    let Some(first) = keys.first().and_then(|k| template.cell(k)) else {
        return String::new();
    };
    let row = first.table.row_path(first.row).join(" · ");
    let all_inputs = first
        .block
        .columns
        .iter()
        .filter(|c| c.sum.is_none())
        .count();
    if keys.len() == all_inputs && all_inputs > 1 {
        return i18n::blank_row(lang, &row, None);
    }
    let columns: Vec<String> = keys
        .iter()
        .filter_map(|k| template.cell(k))
        .map(|c| c.column.header.clone())
        .collect();
    i18n::blank_row(lang, &row, Some(&columns))
}

/// One line per finding — `severity  code  message` — with the blank cells of a row on one
/// line; each with the section it belongs to.
pub(super) fn finding_lines<'f>(
    template: &Template,
    findings: &[&'f Finding],
    lang: Lang,
) -> Vec<(&'f str, String)> {
    let row_of = |f: &Finding| {
        f.cell
            .as_deref()
            .and_then(crate::template::split_cell_key)
            .map(|(t, r, _)| crate::template::row_key(t, r))
    };
    let mut lines = Vec::new();
    let mut i = 0;
    while i < findings.len() {
        let f = findings[i];
        if f.code == codes::BLANK {
            let row = row_of(f);
            let mut keys = Vec::new();
            while i < findings.len()
                && findings[i].code == codes::BLANK
                && row_of(findings[i]) == row
            {
                keys.extend(findings[i].cell.as_deref());
                i += 1;
            }
            let line = format!(
                "{}  {}  {}",
                i18n::severity(lang, Severity::Warning),
                codes::BLANK,
                blank_line(template, &keys, lang)
            );
            lines.push((f.section.as_str(), line));
            continue;
        }
        let mut line = format!(
            "{}  {}  {}",
            i18n::severity(lang, f.severity),
            f.code,
            i18n::finding(lang, f)
        );
        if let Some(reason) = &f.acknowledged {
            line.push_str(&i18n::acknowledged_suffix(lang, reason));
        }
        lines.push((f.section.as_str(), line));
        i += 1;
    }
    lines
}

/// The human report of one draft: a heading, its findings grouped by section, a summary.
fn report_lines(path: &Path, loaded: &Loaded, outcome: &Outcome, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    let mut out_line = |line: &str| lines.push(line.to_string());
    let draft = &loaded.draft;
    out_line(&format!(
        "{}  {} {} · {}",
        path.display(),
        draft.report.agency,
        i18n::year(lang, draft.report.year),
        loaded.template.id
    ));
    let mut section = "";
    let findings: Vec<&Finding> = outcome.findings.iter().collect();
    for (in_section, line) in finding_lines(loaded.template, &findings, lang) {
        if in_section != section {
            section = in_section;
            out_line(&format!(
                "  {}",
                i18n::section_name(lang, loaded.template, section)
            ));
        }
        out_line(&format!("    {line}"));
    }
    let p = library::progress(loaded, outcome);
    out_line(&format!("  {}", i18n::summary_line(lang, &p)));
    lines
}

/// Cuts text to a display width (a Chinese character takes two columns), marking the cut.
pub fn fit_width(text: &str, width: usize) -> String {
    if text.width() <= width {
        let pad = width - text.width();
        return format!("{text}{}", " ".repeat(pad));
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    used += 1;
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// The reviewer's table: one line per draft, fitting 80 columns.
fn print_table(checked: &[Checked], lang: Lang) {
    const NUMBER: usize = 6;
    const NAME: usize = 80 - 6 - 3 * NUMBER - 2;
    let h = i18n::table_headings(lang);
    out_line("");
    out_line(&format!(
        "{}{}{}{}{}",
        fit_width(h[0], NAME),
        // Padded by display width, as the figures below: 年度 takes four columns, not two.
        right(h[1], NUMBER),
        right(h[2], NUMBER),
        right(h[3], NUMBER),
        right(h[4], NUMBER)
    ));
    for c in checked {
        match &c.summary {
            Some((agency, year, s)) => {
                out_line(&format!(
                    "{}{:>6}{:>6}{:>6}{:>6}",
                    fit_width(agency, NAME),
                    year,
                    s.errors,
                    s.warnings,
                    s.blank
                ));
            }
            None => {
                let name = c
                    .path
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                out_line(&format!(
                    "{}{}",
                    fit_width(&name, NAME),
                    i18n::unreadable(lang)
                ));
            }
        }
    }
}

pub(super) fn right(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width());
    format!("{}{text}", " ".repeat(pad))
}
