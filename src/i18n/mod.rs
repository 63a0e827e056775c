//! Every sentence gongkai says to a person, in Chinese and English: this module is the one
//! place user-facing strings live, one file per area (findings, loading, command line, …).
//!
//! Chinese is the default; `--lang en` (or an English `LANG`) switches. Official labels — row
//! and column names, section headings — stay Chinese in both, as the format prints them.

mod cli;
mod export;
mod findings;
mod import;
pub mod ledger;
mod loading;
pub mod tui;

pub use cli::*;
pub use export::*;
pub use findings::*;
pub use import::*;
pub use loading::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From `LANG`/`LC_ALL`: English when they say so, Chinese otherwise.
    pub fn from_env() -> Lang {
        let english = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .is_some_and(|v| v.starts_with("en"));
        if english { Lang::En } else { Lang::Zh }
    }

    /// Picks the sentence in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub(crate) fn list(self, items: &[String]) -> String {
        items.join(self.pick("、", ", "))
    }
}
