//! Recovery files: the editor's whole state, written atomically to the state folder within
//! seconds of every change, never over the draft itself.
//!
//! A recovery file is a draft file whose first line names the draft it belongs to, so the start
//! screen can list drafts with unrecovered work. Whether a recovery file holds unrecovered work
//! is decided by its content, never by the files' times: a draft touched, synced, restored
//! from a backup or made anew may be newer than the work kept for it. A recovery file that says
//! the same as its draft is stale; one that says anything else is offered until the officer
//! answers.
//!
//! Files are named after the draft's canonical path (`dir/../dir/d.toml` and a link to it are
//! the same draft), and found by their first line too, so a file written under another
//! spelling of the path, or by an older version, is never orphaned.

use crate::report::{Draft, load, save};
use crate::template::Template;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The first line of a recovery file, followed by the draft's absolute path.
const HEADER: &str = "# gongkai recovery of: ";

/// What an unreadable recovery file is renamed to, beside it, before anything is written.
const UNREADABLE: &str = "unreadable";

/// A folder of recovery files: the state folder's `recovery`, or any other (tests).
#[derive(Debug, Clone)]
pub struct Store {
    pub folder: PathBuf,
}

impl Default for Store {
    fn default() -> Store {
        Store {
            folder: crate::paths::state_dir().join("recovery"),
        }
    }
}

/// A stable 64-bit FNV-1a hash: the recovery file's name must not change between builds.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub use crate::paths::canonical;

/// The draft a recovery file belongs to, from its first line.
fn owner(recovery: &Path) -> Option<PathBuf> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(recovery).ok()?;
    let mut first = String::new();
    std::io::BufReader::new(file)
        .take(64 * 1024)
        .read_line(&mut first)
        .ok()?;
    let path = first.trim_end_matches(['\n', '\r']).strip_prefix(HEADER)?;
    Some(PathBuf::from(path))
}

/// What a recovery file holds, against its draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Work the draft does not have (or the draft is gone or unreadable).
    Unrecovered,
    /// The same as the draft: nothing to recover.
    Stale,
    /// The recovery file itself cannot be read.
    Unreadable,
}

impl Store {
    /// Where a draft's recovery file lives: its name and a hash of its canonical path.
    pub fn path_for(&self, draft: &Path) -> PathBuf {
        let full = canonical(draft);
        let stem = draft
            .file_stem()
            .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
        let stem: String = stem.chars().take(40).collect();
        let hash = fnv1a(full.as_os_str().as_encoded_bytes());
        self.folder.join(format!("{stem}-{hash:016x}.toml"))
    }

    /// Writes the editor's state for a draft, atomically, to its recovery file. The folder is
    /// made private, and the file gets the draft's mode; a link at the file's place is
    /// replaced, never followed.
    pub fn write(
        &self,
        draft_path: &Path,
        template: &Template,
        draft: &Draft,
    ) -> std::io::Result<PathBuf> {
        let path = self.path_for(draft_path);
        self.make_folder()?;
        let text = format!(
            "{HEADER}{}\n{}",
            canonical(draft_path).display(),
            save::to_toml(template, draft)
        );
        let mode = crate::atomic::mode_of(draft_path).map(|m| m & 0o700 | 0o600);
        crate::atomic::write_companion(&path, text.as_bytes(), mode)?;
        Ok(path)
    }

    fn make_folder(&self) -> std::io::Result<()> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&self.folder)
    }

    /// Every recovery file of a draft, newest first: the one named for it and any other whose
    /// first line names it (another spelling of its path, an older version's name).
    pub fn files_of(&self, draft_path: &Path) -> Vec<PathBuf> {
        let own = self.path_for(draft_path);
        let me = canonical(draft_path);
        let mut found: Vec<(SystemTime, PathBuf)> = self
            .toml_files()
            .into_iter()
            .filter(|p| *p == own || owner(p).is_some_and(|o| canonical(&o) == me))
            .map(|p| (modified(&p).unwrap_or(SystemTime::UNIX_EPOCH), p))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// The `.toml` files of the folder (links left out: they are no file of ours).
    fn toml_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .filter(|p| p.symlink_metadata().is_ok_and(|m| m.is_file()))
            .collect()
    }

    /// Removes one recovery file: the officer discarded it, or its work is saved.
    pub fn remove(&self, recovery: &Path) {
        // Only files of this folder, never through a link.
        if recovery.parent() == Some(self.folder.as_path()) {
            let _ = std::fs::remove_file(recovery);
        }
    }

    /// Removes a draft's own recovery file (after a clean save).
    pub fn discard(&self, draft_path: &Path) {
        self.remove(&self.path_for(draft_path));
    }

    /// Puts an unreadable recovery file aside as `<name>.unreadable`, so nothing is written
    /// over it; returns where it went.
    pub fn set_aside(&self, recovery: &Path) -> std::io::Result<PathBuf> {
        let mut name = recovery.file_name().unwrap_or_default().to_os_string();
        name.push(".");
        name.push(UNREADABLE);
        let mut target = recovery.with_file_name(&name);
        let mut n = 2;
        while target.symlink_metadata().is_ok() {
            let mut numbered = name.clone();
            numbered.push(format!(".{n}"));
            target = recovery.with_file_name(numbered);
            n += 1;
        }
        std::fs::rename(recovery, &target)?;
        Ok(target)
    }

    /// The recovery files of a draft holding work it does not have (or that cannot be read),
    /// newest first. Stale ones (saying what the draft says) are skipped here; opening the draft
    /// removes them ([`crate::tui::runtime::offer_recovery`]).
    pub fn pending_of(&self, draft_path: &Path) -> Vec<Pending> {
        let saved = load::load_file(draft_path).ok();
        self.files_of(draft_path)
            .into_iter()
            .filter_map(|recovery| {
                let state = state_against(&recovery, saved.as_ref());
                (state != State::Stale)
                    .then(|| Pending::of(draft_path, recovery, state == State::Unrecovered))
            })
            .collect()
    }

    /// The newest recovery file of a draft with work it does not have, if any.
    pub fn pending(&self, draft_path: &Path) -> Option<Pending> {
        self.pending_of(draft_path).into_iter().next()
    }

    /// Every recovery file with work its draft does not have, newest first, for the start
    /// screen: each one listed, several of one draft included.
    pub fn all_pending(&self) -> Vec<Pending> {
        let mut out: Vec<Pending> = Vec::new();
        let mut drafts: Vec<PathBuf> = Vec::new();
        for file in self.toml_files() {
            let Some(owner) = owner(&file) else { continue };
            let owner = canonical(&owner);
            if !drafts.contains(&owner) {
                out.extend(self.pending_of(&owner));
                drafts.push(owner);
            }
        }
        out.sort_by_key(|p| std::cmp::Reverse(p.saved_at));
        out
    }
}

/// A recovery file against the saved draft (`None`: gone or unreadable).
fn state_against(recovery: &Path, saved: Option<&Draft>) -> State {
    match load::load_file(recovery) {
        Err(_) => State::Unreadable,
        Ok(recovered) if Some(&recovered) == saved => State::Stale,
        Ok(_) => State::Unrecovered,
    }
}

/// Unrecovered work for a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub recovery: PathBuf,
    pub draft_path: PathBuf,
    pub saved_at: SystemTime,
    /// Whether the recovery file can be read (else it is put aside before anything is written).
    pub readable: bool,
}

impl Pending {
    /// A recovery file of a draft, as found.
    pub fn of(draft_path: &Path, recovery: PathBuf, readable: bool) -> Pending {
        Pending {
            saved_at: modified(&recovery).unwrap_or(SystemTime::UNIX_EPOCH),
            draft_path: canonical(draft_path),
            readable,
            recovery,
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
}

/// Reads a recovery file back into a draft.
pub fn read(pending: &Pending) -> Result<Draft, load::LoadError> {
    load::load_file(&pending.recovery)
}

/// One thing that differs between the saved draft and the recovered work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// A cell key, `text.<section>`, `report.<field>`, `fees.<key>`, `units.<cell>`,
    /// `previous.<key>`, `acknowledged`, `sources` or `template`.
    pub key: String,
    pub label: String,
    pub saved: String,
    pub recovered: String,
}

/// What differs between the saved draft and the recovered one, in report order. Every key of a
/// draft is compared: when two drafts differ, the list is never empty.
pub fn differences(template: &Template, saved: &Draft, recovered: &Draft) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut push = |key: String, label: String, a: String, b: String| {
        if a != b {
            out.push(Difference {
                key,
                label,
                saved: a,
                recovered: b,
            });
        }
    };
    push(
        "template".into(),
        "template".into(),
        saved.template.clone(),
        recovered.template.clone(),
    );
    let (m1, m2) = (&saved.report, &recovered.report);
    push(
        "report.agency".into(),
        "agency".into(),
        m1.agency.clone(),
        m2.agency.clone(),
    );
    push(
        "report.year".into(),
        "year".into(),
        m1.year.to_string(),
        m2.year.to_string(),
    );
    push(
        "report.kind".into(),
        "kind".into(),
        m1.kind.as_str().into(),
        m2.kind.as_str().into(),
    );
    for key in crate::report::META_TEXT_FIELDS.iter().skip(1) {
        push(
            format!("report.{key}"),
            key.to_string(),
            m1.text(key).unwrap_or_default().into(),
            m2.text(key).unwrap_or_default().into(),
        );
    }
    let mut sections: Vec<(String, String)> = template
        .prose_sections()
        .map(|s| (s.key.clone(), s.heading.clone()))
        .collect();
    // Text of a section this template lacks (a draft of another format) is compared too.
    for key in saved.text.keys().chain(recovered.text.keys()) {
        if !sections.iter().any(|(k, _)| k == key) {
            sections.push((key.clone(), key.clone()));
        }
    }
    for (key, heading) in sections {
        push(
            format!("text.{key}"),
            heading,
            saved.text(&key).into(),
            recovered.text(&key).into(),
        );
    }
    let show = |n: Option<crate::report::Number>| n.map_or_else(String::new, |n| n.to_string());
    let mut cells: Vec<String> = template
        .compiled()
        .inputs
        .iter()
        .map(|c| c.key.clone())
        .collect();
    for key in saved.cells.keys().chain(recovered.cells.keys()) {
        if !cells.contains(key) {
            cells.push(key.clone());
        }
    }
    for key in cells {
        push(
            key.clone(),
            template.cell_label(&key),
            show(saved.cell(&key)),
            show(recovered.cell(&key)),
        );
    }
    let unit_keys: std::collections::BTreeSet<&String> =
        saved.units.keys().chain(recovered.units.keys()).collect();
    for key in unit_keys {
        push(
            format!("units.{key}"),
            template.cell_label(key),
            saved.units.get(key).cloned().unwrap_or_default(),
            recovered.units.get(key).cloned().unwrap_or_default(),
        );
    }
    let mut fees: Vec<(String, String)> = template
        .fees
        .iter()
        .map(|f| (f.key.clone(), f.label.clone()))
        .collect();
    for key in saved.fees.keys().chain(recovered.fees.keys()) {
        if !fees.iter().any(|(k, _)| k == key) {
            fees.push((key.clone(), key.clone()));
        }
    }
    for (key, label) in fees {
        push(
            format!("fees.{key}"),
            label,
            show(saved.fees.get(&key).copied()),
            show(recovered.fees.get(&key).copied()),
        );
    }
    let previous = |d: &Draft, part: &str| -> String {
        let Some(p) = &d.previous else {
            return String::new();
        };
        match part {
            "year" => p.year.map(|y| y.to_string()).unwrap_or_default(),
            "file" => p.file.clone().unwrap_or_default(),
            "carried_forward" => listing(&p.carried_forward),
            _ => listing(&p.in_force),
        }
    };
    for part in ["year", "file", "carried_forward", "in_force"] {
        push(
            format!("previous.{part}"),
            format!("previous.{part}"),
            previous(saved, part),
            previous(recovered, part),
        );
    }
    let acks = |d: &Draft| {
        d.acknowledged
            .iter()
            .map(|a| {
                let quote = a
                    .quote
                    .as_deref()
                    .map(|q| format!(" 「{q}」"))
                    .unwrap_or_default();
                format!(
                    "{} {}{quote}: {}",
                    a.code,
                    a.cell.as_deref().unwrap_or(""),
                    a.reason
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    push(
        "acknowledged".into(),
        "acknowledged".into(),
        acks(saved),
        acks(recovered),
    );
    let ledger = |d: &Draft| {
        d.ledger
            .as_ref()
            .map_or_else(String::new, |l| match &l.sheet {
                Some(sheet) => format!("{} [{sheet}]", l.file),
                None => l.file.clone(),
            })
    };
    push(
        "ledger".into(),
        "ledger".into(),
        ledger(saved),
        ledger(recovered),
    );
    push(
        "sources".into(),
        "sources".into(),
        saved.sources.join("\n"),
        recovered.sources.join("\n"),
    );
    // A key added to drafts later and not named above: never let the two look the same.
    if out.is_empty() && saved != recovered {
        let dump = |d: &Draft| serde_json::to_string(d).unwrap_or_default();
        out.push(Difference {
            key: "draft".into(),
            label: "draft".into(),
            saved: dump(saved),
            recovered: dump(recovered),
        });
    }
    out
}

fn listing(values: &std::collections::BTreeMap<String, u64>) -> String {
    values
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}
