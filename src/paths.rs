//! Where drafts, recovery files and locks live.
//!
//! Drafts go in the data folder `directories` gives (on Linux `~/.local/share/gongkai/drafts`),
//! recovery files and locks in its state folder. `GONGKAI_HOME=DIR` replaces both with
//! `DIR/drafts` and `DIR/state`, for tests and portable installs.

use std::path::{Path, PathBuf};

fn home() -> Option<PathBuf> {
    std::env::var_os("GONGKAI_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "gongkai")
}

/// The folder drafts are listed from and created in.
pub fn drafts_dir() -> PathBuf {
    if let Some(home) = home() {
        return home.join("drafts");
    }
    project().map_or_else(
        || PathBuf::from("gongkai-drafts"),
        |p| p.data_dir().join("drafts"),
    )
}

/// The folder for recovery files and locks.
pub fn state_dir() -> PathBuf {
    if let Some(home) = home() {
        return home.join("state");
    }
    project().map_or_else(
        || PathBuf::from("gongkai-state"),
        |p| {
            p.state_dir()
                .unwrap_or_else(|| p.data_local_dir())
                .to_path_buf()
        },
    )
}

/// Where exports of a draft kept in the data folder go: the user's documents folder (or home),
/// where a person looks for them — the data folder is hidden. `GONGKAI_HOME=DIR` makes it
/// `DIR/documents`. A draft elsewhere is exported beside itself.
pub fn documents_dir() -> PathBuf {
    if let Some(home) = home() {
        return home.join("documents");
    }
    directories::UserDirs::new()
        .map(|u| {
            u.document_dir()
                .map_or_else(|| u.home_dir().to_path_buf(), Path::to_path_buf)
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The folder an export of the draft at `draft` goes to by default.
pub fn export_dir(draft: &Path, drafts_dir: &Path) -> PathBuf {
    let data = std::fs::canonicalize(drafts_dir).ok();
    let in_data_folder = data.is_some() && canonical(draft).parent() == data.as_deref();
    if in_data_folder {
        documents_dir()
    } else {
        // As the officer named it (a relative path stays relative).
        draft.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}

/// A file name for a new draft: the agency and year, without characters a file system refuses.
pub fn draft_file_name(agency: &str, year: i32) -> String {
    format!("{}-{year}.toml", safe_file_stem(agency))
}

/// Text made fit to be a file name: characters a file system refuses become `_`, leading dots
/// (hidden files) and surrounding spaces go; empty text becomes `report`.
pub fn safe_file_stem(text: &str) -> String {
    let safe: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let safe = safe.trim().trim_start_matches('.');
    if safe.is_empty() {
        "report".to_string()
    } else {
        safe.to_string()
    }
}

/// The one name of a draft, whatever path reached it: links resolved, `..` gone. A draft that
/// does not exist (yet, or any more) is named by its folder's canonical path and its name.
pub fn canonical(draft: &Path) -> PathBuf {
    if let Ok(path) = std::fs::canonicalize(draft) {
        return path;
    }
    let full = std::path::absolute(draft).unwrap_or_else(|_| draft.to_path_buf());
    match (full.parent(), full.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(full),
        _ => full,
    }
}
