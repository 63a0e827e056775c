//! `gongkai ledger`: table 三 (and the fee figures) counted from the case ledger, printed or
//! written into a draft; and `--template`, an empty ledger to start from. The counting and
//! the writing into the draft are `crate::ledger`'s, shared with the editor.

use super::{err_line, out_line};
use crate::i18n::{self, Lang, ledger as words};
use crate::ledger::{self, Change, Counted, LedgerError};
use crate::library;
use crate::report::Number;
use crate::template::Template;
use clap::Args;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Args, Debug)]
pub(super) struct LedgerArgs {
    #[arg(value_name = "LEDGER", required_unless_present = "template")]
    ledger: Option<PathBuf>,
    #[arg(long, value_name = "DRAFT")]
    into: Option<PathBuf>,
    #[arg(long)]
    year: Option<i32>,
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    #[arg(long)]
    json: bool,
    #[arg(long, requires = "output", conflicts_with_all = ["ledger", "into", "sheet", "json"])]
    template: bool,
    #[arg(short, long, value_name = "FILE.xlsx")]
    output: Option<PathBuf>,
}

pub(super) fn run(args: &LedgerArgs, lang: Lang) -> ExitCode {
    if args.template {
        return write_template(args, lang);
    }
    let Some(path) = &args.ledger else {
        err_line(&words::needs_ledger(lang));
        return ExitCode::from(2);
    };
    let into = match &args.into {
        Some(draft_path) => match library::load(draft_path) {
            Ok(loaded) => Some((draft_path, loaded)),
            Err(e) => {
                err_line(&i18n::load_error(lang, &e));
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let year = match (&into, args.year) {
        (Some((_, loaded)), Some(given)) if given != loaded.draft.report.year => {
            err_line(&words::year_conflict(lang, given, loaded.draft.report.year));
            return ExitCode::from(2);
        }
        (Some((_, loaded)), _) => loaded.draft.report.year,
        (None, Some(year)) => {
            let (first, last) = crate::ops::allowed_years(crate::clock::this_year());
            if !(first..=last).contains(&year) {
                err_line(&words::year_out_of_range(lang, year, first, last));
                return ExitCode::from(2);
            }
            year
        }
        (None, None) => {
            err_line(&words::needs_year(lang));
            return ExitCode::from(2);
        }
    };
    let counted = ledger::read(path, Some(year), args.sheet.as_deref())
        .and_then(|cases| Ok((ledger::count(&cases, year)?, cases)));
    let (counted, cases) = match counted {
        Ok(c) => c,
        Err(e) => return refuse(lang, args.json, path, year, &e),
    };
    let Some((draft_path, loaded)) = into else {
        if args.json {
            out_line(&report_json(path, &cases, &counted, None, &[]).to_string());
        } else {
            print_table(lang, path, &cases, &counted);
        }
        return ExitCode::SUCCESS;
    };
    if loaded.template.id != counted.template.id {
        err_line(&words::format_mismatch(
            lang,
            draft_path,
            &loaded.template.id,
            year,
            &counted.template.id,
        ));
        return ExitCode::from(2);
    }
    // Held for the whole write, so an editor opened meanwhile sees the draft as taken.
    let _lock = match crate::lock::acquire(draft_path) {
        Ok(acquired) => Some(acquired),
        Err(crate::lock::LockError::Held(holder)) => {
            err_line(&words::lock_held(lang, draft_path, &holder, &import_key()));
            return ExitCode::from(1);
        }
        // No lock can be made (a read-only folder, something planted where it goes): the save
        // below says why it fails, if it does.
        Err(crate::lock::LockError::Io(_) | crate::lock::LockError::NotAFile(_)) => None,
    };
    let mut draft = loaded.draft.clone();
    let source = crate::report::LedgerSource {
        file: ledger::reference(draft_path, path),
        sheet: args.sheet.clone(),
    };
    let changes = ledger::apply(&mut draft, &counted, source);
    let unchanged = changes.is_empty() && draft == loaded.draft;
    if !unchanged && let Err(e) = crate::report::save::save(draft_path, loaded.template, &draft) {
        err_line(&words::write_failed(lang, draft_path, &e));
        return ExitCode::from(1);
    }
    if args.json {
        out_line(&report_json(path, &cases, &counted, Some(draft_path), &changes).to_string());
        return ExitCode::SUCCESS;
    }
    if unchanged {
        out_line(&words::unchanged(lang, draft_path));
        return ExitCode::SUCCESS;
    }
    out_line(&words::written(
        lang,
        draft_path,
        changes.len(),
        &crate::atomic::backup_path(draft_path),
    ));
    for change in &changes {
        let label = loaded.template.cell_label(&change.key);
        out_line(&format!(
            "  {}",
            words::change(lang, &label, change.old, change.new)
        ));
    }
    ExitCode::SUCCESS
}

/// The editor's key for 从台账导入, as its key table names it.
fn import_key() -> String {
    use crate::tui::{action::Command, keys};
    keys::KEYS
        .iter()
        .find(|b| b.command == Command::ImportLedger)
        .map(|b| keys::key_name(&b.keys[0]))
        .unwrap_or_default()
}

/// A ledger that cannot be counted: every reason, exit 2, nothing written.
fn refuse(lang: Lang, as_json: bool, path: &Path, year: i32, e: &LedgerError) -> ExitCode {
    if as_json {
        let (sheet, unread) = match e {
            LedgerError::BadRows { sheet, rows, .. } => (
                sheet.clone(),
                rows.iter()
                    .map(|r| {
                        json!({
                            "row": r.row,
                            "column": r.column.as_ref().map(|(letter, _)| letter),
                            "header": r.column.as_ref().map(|(_, header)| header),
                            "message": words::row_problem(lang, &r.problem),
                        })
                    })
                    .collect(),
            ),
            _ => (None, Vec::new()),
        };
        let error = match e {
            LedgerError::BadRows { .. } => Value::Null,
            other => Value::String(words::ledger_error(lang, other).join("\n")),
        };
        out_line(
            &json!({
                "ledger": path.display().to_string(),
                "sheet": sheet,
                "year": year,
                "error": error,
                "table": Value::Null,
                "fees": Value::Null,
                "changes": [],
                "unread": unread,
            })
            .to_string(),
        );
    } else {
        for line in words::ledger_error(lang, e) {
            err_line(&line);
        }
    }
    ExitCode::from(2)
}

fn number_json(n: Number) -> Value {
    match n {
        Number::Count(c) => json!(c),
        Number::Signed(s) => json!(s),
        Number::Amount(a) => json!(a.normalize().to_string()),
    }
}

/// One line of table 三 as printed: its depth, its label, and for a row (not a group label)
/// its key and counts by column.
type TableLine = (usize, String, Option<(String, Vec<u64>)>);

/// The rows of table 三 as printed: group labels and rows, with each row's counts by column.
fn table_rows(counted: &Counted) -> Vec<TableLine> {
    let Some(table) = counted
        .template
        .table(&crate::ledger::vocabulary::Vocabulary::get().rows.table)
    else {
        return Vec::new();
    };
    let columns: Vec<&str> = table.blocks[0]
        .columns
        .iter()
        .filter(|c| c.sum.is_none())
        .map(|c| c.key.as_str())
        .collect();
    let mut out = Vec::new();
    let mut groups_shown: Vec<String> = Vec::new();
    for (_, row) in table.rows() {
        // Group labels above the row, each once.
        let mut path = Vec::new();
        let mut next = row.group.as_deref();
        while let Some(key) = next {
            path.push(key.to_string());
            next = table.group(key).and_then(|g| g.parent.as_deref());
        }
        for (depth, key) in path.iter().rev().enumerate() {
            if !groups_shown.contains(key)
                && let Some(g) = table.group(key)
            {
                groups_shown.push(key.clone());
                out.push((depth, g.label.clone(), None));
            }
        }
        let level = table.row_level(row) - 1;
        let counts: Vec<u64> = match &row.sum {
            None => columns
                .iter()
                .map(|c| counted.get(&row.key, c).unwrap_or(0))
                .collect(),
            Some(parts) => columns
                .iter()
                .map(|c| {
                    parts
                        .iter()
                        .flat_map(|p| table.expand_rows(p))
                        .map(|r| counted.get(&r.key, c).unwrap_or(0))
                        .sum()
                })
                .collect(),
        };
        out.push((level, row.label.clone(), Some((row.key.clone(), counts))));
    }
    out
}

fn print_table(lang: Lang, path: &Path, cases: &ledger::Cases, counted: &Counted) {
    out_line(&words::table_heading(
        lang,
        path,
        cases.sheet.as_deref(),
        counted.year,
        &counted.template.id,
        cases.cases.len(),
    ));
    let Some(table) = counted
        .template
        .table(&crate::ledger::vocabulary::Vocabulary::get().rows.table)
    else {
        return;
    };
    let headers: Vec<&str> = table.blocks[0]
        .columns
        .iter()
        .map(|c| c.header.as_str())
        .collect();
    let widths: Vec<usize> = headers.iter().map(|h| h.width().max(6)).collect();
    let mut heading = String::new();
    for (h, w) in headers.iter().zip(&widths) {
        heading.push_str(&format!("{}{h} ", " ".repeat(w - h.width())));
    }
    out_line(&heading);
    for (level, label, counts) in table_rows(counted) {
        let mut line = String::new();
        match counts {
            Some((_, counts)) => {
                let total: u64 = counts.iter().sum();
                for (n, w) in counts.iter().chain([&total]).zip(&widths) {
                    line.push_str(&format!("{n:>w$} "));
                }
            }
            None => line.push_str(&" ".repeat(widths.iter().map(|w| w + 1).sum())),
        }
        line.push_str(&"  ".repeat(level));
        line.push_str(&label);
        out_line(line.trim_end());
    }
    for (_, value, unit, label) in fee_lines(counted) {
        out_line(&words::fee_line(lang, &label, &value, &unit));
    }
}

/// The fee figures, and the （六）2 cases they go with: (key, value, unit, label).
fn fee_lines(counted: &Counted) -> Vec<(String, String, String, String)> {
    if counted.fees.is_none() {
        return Vec::new();
    }
    let mut out: Vec<(String, String, String, String)> = counted
        .values()
        .into_iter()
        .filter_map(|(key, n)| {
            let fee = counted.template.fee(key.strip_prefix("fees.")?)?;
            Some((
                key.clone(),
                n.to_string(),
                fee.unit.clone(),
                fee.label.clone(),
            ))
        })
        .collect();
    if let Some(rule) = &counted.template.checks.unpaid_fees
        && let Some(cell) = counted.template.cell(&rule.cell)
    {
        let n: u64 = counted
            .cells
            .iter()
            .filter(|(k, _)| {
                crate::template::split_cell_key(k)
                    .is_some_and(|(t, r, _)| t == cell.table.key && r == cell.row.key)
            })
            .map(|(_, n)| n)
            .sum();
        out.push((
            rule.cell.clone(),
            n.to_string(),
            "件".into(),
            cell.table.row_path(cell.row)[1..].join(" "),
        ));
    }
    out
}

fn report_json(
    path: &Path,
    cases: &ledger::Cases,
    counted: &Counted,
    draft: Option<&PathBuf>,
    changes: &[Change],
) -> Value {
    let table = counted
        .template
        .table(&crate::ledger::vocabulary::Vocabulary::get().rows.table);
    let columns: Vec<Value> = table
        .map(|t| {
            t.blocks[0]
                .columns
                .iter()
                .map(|c| json!({"key": c.key, "header": c.header}))
                .collect()
        })
        .unwrap_or_default();
    let column_keys: Vec<String> = table
        .map(|t| t.blocks[0].columns.iter().map(|c| c.key.clone()).collect())
        .unwrap_or_default();
    let rows: Vec<Value> = table_rows(counted)
        .into_iter()
        .filter_map(|(_, label, row)| {
            let (key, counts) = row?;
            let total: u64 = counts.iter().sum();
            let mut values = serde_json::Map::new();
            for (k, n) in column_keys.iter().zip(counts.iter().chain([&total])) {
                values.insert(k.clone(), json!(n));
            }
            Some(json!({"key": key, "label": label, "values": values}))
        })
        .collect();
    let fees = counted.fees.map(|_| {
        let mut map = serde_json::Map::new();
        for (key, n) in counted.values() {
            if let Some(fee) = key.strip_prefix("fees.") {
                map.insert(fee.to_string(), number_json(n));
            }
        }
        for (key, value, _, _) in fee_lines(counted) {
            if !key.starts_with("fees.") {
                map.insert(
                    "unpaid_cases".into(),
                    json!(value.parse::<u64>().unwrap_or(0)),
                );
            }
        }
        Value::Object(map)
    });
    let template = counted.template;
    json!({
        "ledger": path.display().to_string(),
        "sheet": cases.sheet,
        "year": counted.year,
        "template": template.id,
        "cases": cases.cases.len(),
        "error": Value::Null,
        "table": {"columns": columns, "rows": rows},
        "fees": fees,
        "draft": draft.map(|d| d.display().to_string()),
        "changes": changes.iter().map(|c| json!({
            "cell": c.key,
            "label": template.cell_label(&c.key),
            "old": c.old.map(number_json),
            "new": number_json(c.new),
        })).collect::<Vec<_>>(),
        "unread": [],
    })
}

fn write_template(args: &LedgerArgs, lang: Lang) -> ExitCode {
    // clap has made sure -o is given with --template.
    let Some(path) = &args.output else {
        return ExitCode::from(2);
    };
    let year = args.year.unwrap_or_else(crate::clock::this_year);
    let Some(template) = Template::for_year(year) else {
        let (first, last) = super::year_range();
        err_line(&i18n::year_refused(lang, year, first, last));
        return ExitCode::from(2);
    };
    if path.exists() {
        err_line(&words::template_exists(lang, path));
        return ExitCode::from(1);
    }
    let columns = ledger::template_file::columns(template);
    let wording = words::template_wording(lang, &columns, year);
    match ledger::template_file::write(path, template, &wording) {
        Ok(()) => {
            out_line(&words::template_written(lang, path, &template.id, year));
            ExitCode::SUCCESS
        }
        Err(ledger::template_file::TemplateWriteError::Io(e)) => {
            err_line(&words::write_failed(lang, path, &e));
            ExitCode::from(1)
        }
        Err(ledger::template_file::TemplateWriteError::Xlsx(message)) => {
            err_line(&words::template_failed(lang, path, &message));
            ExitCode::from(1)
        }
    }
}
