//! Recovery files: the editor's whole state, written atomically to the state folder within
//! seconds of every change, never over the draft itself.
//!
//! A recovery file is a draft file whose first line names the draft it belongs to, so the start
//! screen can list drafts with unrecovered work. Opening a draft whose recovery file is newer
//! than it offers to restore it, to discard it, or to show what differs.

use crate::report::{Draft, load, save};
use crate::template::Template;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The first line of a recovery file, followed by the draft's absolute path.
const HEADER: &str = "# gongkai recovery of: ";

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

fn absolute(draft: &Path) -> PathBuf {
    std::path::absolute(draft).unwrap_or_else(|_| draft.to_path_buf())
}

impl Store {
    /// Where a draft's recovery file lives: its name and a hash of its full path.
    pub fn path_for(&self, draft: &Path) -> PathBuf {
        let full = absolute(draft);
        let stem = draft
            .file_stem()
            .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
        let stem: String = stem.chars().take(40).collect();
        let hash = fnv1a(full.as_os_str().as_encoded_bytes());
        self.folder.join(format!("{stem}-{hash:016x}.toml"))
    }

    /// Writes the editor's state for a draft, atomically.
    pub fn write(
        &self,
        draft_path: &Path,
        template: &Template,
        draft: &Draft,
    ) -> std::io::Result<PathBuf> {
        let path = self.path_for(draft_path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = format!(
            "{HEADER}{}\n{}",
            absolute(draft_path).display(),
            save::to_toml(template, draft)
        );
        crate::atomic::write(&path, text.as_bytes())?;
        Ok(path)
    }

    /// Removes a draft's recovery file (after a clean save, or when the officer discards it).
    pub fn discard(&self, draft_path: &Path) {
        let _ = std::fs::remove_file(self.path_for(draft_path));
    }

    /// The recovery file of a draft, if it is newer than the draft (or the draft is gone).
    pub fn pending(&self, draft_path: &Path) -> Option<Pending> {
        let recovery = self.path_for(draft_path);
        let saved_at = modified(&recovery)?;
        let newer = modified(draft_path).is_none_or(|d| saved_at > d);
        newer.then(|| Pending {
            recovery,
            draft_path: absolute(draft_path),
            saved_at,
        })
    }

    /// Every recovery file with work newer than its draft, newest first, for the start screen.
    pub fn all_pending(&self) -> Vec<Pending> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut out: Vec<Pending> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                let first = text.lines().next()?;
                let draft_path = PathBuf::from(first.strip_prefix(HEADER)?);
                self.pending(&draft_path).filter(|p| p.recovery == e.path())
            })
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.saved_at));
        out
    }
}

/// Unrecovered work for a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub recovery: PathBuf,
    pub draft_path: PathBuf,
    pub saved_at: SystemTime,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Reads a recovery file back into a draft.
pub fn read(pending: &Pending) -> Result<Draft, load::LoadError> {
    load::load_file(&pending.recovery)
}

/// One thing that differs between the saved draft and the recovered work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// A cell key, `text.<section>`, `report.<field>`, `fees.<key>` or `acknowledged`.
    pub key: String,
    pub label: String,
    pub saved: String,
    pub recovered: String,
}

/// What differs between the saved draft and the recovered one, in report order.
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
    for section in template.prose_sections() {
        push(
            format!("text.{}", section.key),
            section.heading.clone(),
            saved.text(&section.key).into(),
            recovered.text(&section.key).into(),
        );
    }
    let show = |n: Option<crate::report::Number>| n.map_or_else(String::new, |n| n.to_string());
    for cell in &template.compiled().inputs {
        push(
            cell.key.clone(),
            crate::check::cell_label(template, &cell.key),
            show(saved.cell(&cell.key)),
            show(recovered.cell(&cell.key)),
        );
    }
    for fee in &template.fees {
        push(
            format!("fees.{}", fee.key),
            fee.label.clone(),
            show(saved.fees.get(&fee.key).copied()),
            show(recovered.fees.get(&fee.key).copied()),
        );
    }
    let acks = |d: &Draft| {
        d.acknowledged
            .iter()
            .map(|a| {
                format!(
                    "{} {}: {}",
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
    out
}
