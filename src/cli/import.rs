//! `gongkai import`: published reports (portal page, Word file, text) into drafts, each with
//! its import summary; nothing is written for a file that cannot be read, and no existing
//! file is overwritten.

use super::{err_line, out_line};
use crate::i18n::{self, Lang};
use crate::import::{self, Imported};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(super) struct ImportArgs {
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[arg(short, long, value_name = "OUT", conflicts_with = "dir")]
    output: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub(super) fn run(args: &ImportArgs, lang: Lang) -> ExitCode {
    if args.output.is_some() && args.files.len() > 1 {
        err_line(&i18n::import_one_output(lang));
        return ExitCode::from(2);
    }
    let mut worst = 0u8;
    let mut values = Vec::new();
    for file in &args.files {
        let (code, value) = import_one(file, args, lang);
        worst = worst.max(code);
        values.push(value);
    }
    if args.json {
        let doc = if args.files.len() > 1 {
            serde_json::Value::Array(values)
        } else {
            values.pop().unwrap_or(serde_json::Value::Null)
        };
        out_line(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    ExitCode::from(worst)
}

/// Imports one file and writes its draft; the exit code of this file and its JSON.
fn import_one(file: &Path, args: &ImportArgs, lang: Lang) -> (u8, serde_json::Value) {
    let imported = match import::import_file(file) {
        Ok(i) => i,
        Err(e) => {
            let message = i18n::import_error(lang, file, &e);
            err_line(&message);
            return (
                2,
                serde_json::json!({"file": file.display().to_string(), "error": message}),
            );
        }
    };
    let name = crate::paths::draft_file_name(
        imported.draft.report.agency.trim(),
        imported.draft.report.year,
    );
    let target = match (&args.output, &args.dir) {
        (Some(out), _) => out.clone(),
        (None, Some(dir)) => dir.join(name),
        (None, None) => crate::paths::drafts_dir().join(name),
    };
    let mut value = summary_json(lang, file, &imported);
    match super::write_new(&target, imported.template, &imported.draft) {
        Ok(()) => {
            value["output"] = target.display().to_string().into();
            if !args.json {
                out_line(&i18n::imported(lang, file, &target));
                print_summary(lang, &imported);
            }
            (0, value)
        }
        Err(e) => {
            let message = format!(
                "{}: {}",
                target.display(),
                i18n::write_refused(lang, &e, args.output.is_none() && args.dir.is_none())
            );
            err_line(&message);
            value["error"] = message.into();
            (1, value)
        }
    }
}

fn print_summary(lang: Lang, imported: &Imported) {
    for line in i18n::import_summary(lang, imported.template, &imported.summary) {
        out_line(&line);
    }
    for f in &imported.printed_totals {
        out_line(&format!(
            "  {}  {}  {}",
            i18n::severity(lang, f.severity),
            f.code,
            i18n::finding(lang, f)
        ));
    }
}

/// The import as data: the same facts as the printed summary.
pub(super) fn summary_json(lang: Lang, file: &Path, imported: &Imported) -> serde_json::Value {
    serde_json::json!({
        "file": file.display().to_string(),
        "template": imported.template.id,
        "agency": imported.draft.report.agency,
        "year": imported.draft.report.year,
        "summary": imported.summary,
        "findings": imported
            .printed_totals
            .iter()
            .map(|f| crate::export::json::finding_value(lang, f))
            .collect::<Vec<_>>(),
    })
}
