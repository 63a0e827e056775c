//! The command line: arguments (with help in the user's language) and one module per command.

mod check;
mod edit;
mod export;
mod import;
mod ledger;
mod list;
mod merge;
mod new;

pub use crate::report::merge::Refusal;
pub use check::{findings_json, fit_width};
pub use merge::unit_names;
// Kept as paths of the command line; their home is below both clients.
pub use crate::library::{NewError, write_new};
pub use crate::ops::reference_from;
pub use new::year_range;

use crate::i18n::{self, Lang};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "gongkai", version, disable_help_subcommand = true)]
struct Cli {
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// Only the editor draws borders: `gongkai --ascii` and `gongkai edit --ascii FILE`.
    #[arg(long)]
    ascii: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    Edit(edit::EditArgs),
    Check(check::CheckArgs),
    New(new::NewArgs),
    Merge(merge::MergeArgs),
    Export(export::ExportArgs),
    Ledger(ledger::LedgerArgs),
    Import(import::ImportArgs),
    List,
}

/// The language asked for on the command line, before clap has parsed it (clap's own help
/// must already be in that language).
fn early_lang(args: &[String]) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("en") => return Lang::En,
            Some("zh") => return Lang::Zh,
            _ => {}
        }
    }
    Lang::from_env()
}

/// The command line's definition with its help in a language: what `--help` shows, and what
/// the man pages and shell completions are generated from (`examples/package_files.rs`), so
/// they never drift from it.
pub fn command(lang: Lang) -> clap::Command {
    i18n::localize_cli(Cli::command(), lang)
}

/// Runs the command line and returns the exit code of DESIGN.md.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = early_lang(&args);
    let command = command(lang);
    let matches = match command.try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) if e.use_stderr() => {
            err_line(&i18n::clap_error(lang, &e));
            return ExitCode::from(2);
        }
        Err(e) => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    let lang = cli.lang.unwrap_or(lang);
    match cli.command {
        Some(Command::Check(a)) => check::run(&a, lang),
        Some(Command::New(a)) => new::run(&a, lang),
        Some(Command::Merge(a)) => merge::run(&a, lang),
        Some(Command::Export(a)) => export::run(&a, lang),
        Some(Command::Ledger(a)) => ledger::run(&a, lang),
        Some(Command::Import(a)) => import::run(&a, lang),
        Some(Command::List) => list::run(lang),
        Some(Command::Edit(a)) => edit::run(Some(edit::file(&a)), lang, cli.ascii || a.ascii),
        None => edit::run(None, lang, cli.ascii),
    }
}

/// `--kind`: a department's report or a people's government's own.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum KindArg {
    Department,
    Government,
}

impl From<KindArg> for crate::report::AgencyKind {
    fn from(k: KindArg) -> crate::report::AgencyKind {
        match k {
            KindArg::Department => crate::report::AgencyKind::Department,
            KindArg::Government => crate::report::AgencyKind::Government,
        }
    }
}

pub(crate) fn today() -> Option<jiff::civil::Date> {
    Some(crate::clock::today())
}

/// One line to standard output. Control characters from a draft (an agency name that would
/// clear the reviewer's screen or set the terminal's title) are shown as escapes, and a closed
/// pipe (`gongkai check … | head`) ends nothing: the rest is simply not read.
pub(crate) fn out_line(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", crate::report::text::for_terminal(text));
}

/// One line to standard error, as [`out_line`] (`eprintln!` would panic on a closed pipe).
pub(crate) fn err_line(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", crate::report::text::for_terminal(text));
}
