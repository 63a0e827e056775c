//! The one way gongkai writes a file: to a temporary file in the same folder, synced to disk,
//! then renamed over the target and the folder synced. A reader never sees half a file, and a
//! failure leaves the old file as it was.
//!
//! Two kinds of file are written. A draft (and an export) may be a symbolic link the officer
//! made on purpose: the file it points to is replaced and the link kept. The files gongkai
//! keeps beside a draft — its `.bak`, its lock, its recovery file — are never followed: in a
//! shared folder anyone who can write the folder could plant a link there and have the next
//! officer overwrite a file of theirs, so a link in such a place is replaced itself.

use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Refuses what must never be replaced: a folder, a FIFO, a device. `follow` says whether a
/// link at `path` is looked through (a draft) or is itself what is there (a companion file).
fn refuse_non_file(path: &Path, follow: bool) -> std::io::Result<()> {
    let meta = if follow {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    };
    match meta {
        Ok(meta) if meta.is_dir() => Err(std::io::ErrorKind::IsADirectory.into()),
        // The kind says it all; `i18n::io_error` words it for the user.
        Ok(meta) if !meta.is_file() && !meta.is_symlink() => {
            Err(std::io::ErrorKind::InvalidInput.into())
        }
        _ => Ok(()),
    }
}

/// Writes `bytes` to `target` through a temporary file, with `mode` when given.
fn replace(target: &Path, bytes: &[u8], mode: Option<u32>) -> std::io::Result<()> {
    let mut file = AtomicWriteFile::open(target)?;
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    file.write_all(bytes)?;
    // commit() syncs the file, renames it into place and syncs the folder; dropping the file
    // without committing (on any error above) discards the temporary file.
    file.commit()
}

/// Writes a draft or an export to `path` atomically, replacing any file there. Through a
/// symlink, the file it points to is replaced and the link kept. A folder, FIFO or device at
/// `path` is refused, not replaced.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    refuse_non_file(path, true)?;
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    replace(&target, bytes, None)
}

/// Writes one of the files kept beside a draft (its backup, its recovery file) atomically,
/// never following a link at `path`: a link there is replaced, its target left untouched.
/// `mode` is the draft's, so a private draft does not leave a readable copy.
pub fn write_companion(path: &Path, bytes: &[u8], mode: Option<u32>) -> std::io::Result<()> {
    refuse_non_file(path, false)?;
    replace(path, bytes, mode)
}

/// The permission bits of a file (following a link), where the system has them.
pub fn mode_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The backup kept of a draft's previous version: `<name>.toml.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, first keeping what was there as `<name>.bak`. The
/// backup is written atomically too, so at every moment both the draft and a whole copy of
/// its previous version exist on disk.
pub fn write_keeping_backup(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Before reading: reading a FIFO would wait for a writer that never comes.
    refuse_non_file(path, true)?;
    match std::fs::read(path) {
        Ok(old) if old != bytes => {
            write_companion(&backup_path(path), &old, mode_of(path))?;
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    write(path, bytes)
}

/// What a file is on disk — its size, time and a hash of its bytes — to tell whether another
/// program changed or replaced it since it was read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnDisk {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl OnDisk {
    /// The file as it is now; `None` when it cannot be read (gone, say).
    pub fn of(path: &Path) -> Option<OnDisk> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        // FNV-1a: no cryptography is needed to notice a change.
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Some(OnDisk {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            hash,
        })
    }

    /// Whether the content differs (a new time alone, from a `touch` or a sync, is no change).
    pub fn content_differs(&self, other: &OnDisk) -> bool {
        self.len != other.len || self.hash != other.hash
    }
}

/// How old a temporary file must be before it is taken for one left by a write that died:
/// no write takes that long, and another editor's write in progress is never removed.
const STALE_TEMPORARY: Duration = Duration::from_secs(10 * 60);

/// Whether `name` is one of the temporary names the writer gives a file called `base`:
/// `.<base>.XXXXXX`, six letters or digits.
fn is_temporary_of(name: &str, base: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(base))
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|suffix| {
            // `.lock` and `.bak` are shorter: they never match.
            suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes temporary files left beside a draft (and beside its backup) by a write that died
/// before its rename, once they are older than ten minutes by this machine's clock. The
/// draft's lock file is never among them. Returns how many were removed.
pub fn remove_stale_temporaries(draft: &Path, now: SystemTime) -> usize {
    let Some(dir) = draft.parent().map(|d| {
        if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        }
    }) else {
        return 0;
    };
    let Some(base) = draft.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let backup = format!("{base}.bak");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(is_temporary_of(name, base) || is_temporary_of(name, &backup)) {
            continue;
        }
        // Only plain files, looked at without following a link.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_TEMPORARY);
        if meta.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_writers_own_temporary_names_are_temporary() {
        assert!(is_temporary_of(".a.toml.Ab3dE9", "a.toml"));
        assert!(!is_temporary_of(".a.toml.lock", "a.toml"));
        assert!(!is_temporary_of(".a.toml.bak", "a.toml"));
        assert!(!is_temporary_of(".a.toml.Ab3dE", "a.toml"));
        assert!(!is_temporary_of(".a.toml.Ab3-E9", "a.toml"));
        assert!(!is_temporary_of(".b.toml.Ab3dE9", "a.toml"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_backup_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let draft = dir.path().join("a.toml");
        std::fs::write(&draft, "old").unwrap();
        std::os::unix::fs::symlink(&victim, backup_path(&draft)).unwrap();
        write_keeping_backup(&draft, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let bak = backup_path(&draft);
        assert!(!bak.symlink_metadata().unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(bak).unwrap(), "old");
        assert_eq!(std::fs::read_to_string(&draft).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn the_backup_of_a_private_draft_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("a.toml");
        std::fs::write(&draft, "old").unwrap();
        std::fs::set_permissions(&draft, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_keeping_backup(&draft, b"new").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&backup_path(&draft)), 0o600);
        assert_eq!(mode(&draft), 0o600);
    }

    #[test]
    fn old_temporaries_go_and_young_ones_and_locks_stay() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("a.toml");
        std::fs::write(&draft, "x").unwrap();
        for name in [
            ".a.toml.Q1w2E3",
            ".a.toml.lock",
            ".a.toml.bak.Zz9Yy8",
            ".b.toml.Q1w2E3",
        ] {
            std::fs::write(dir.path().join(name), "t").unwrap();
        }
        let soon = SystemTime::now() + Duration::from_secs(60);
        assert_eq!(remove_stale_temporaries(&draft, soon), 0, "young");
        let later = SystemTime::now() + STALE_TEMPORARY + Duration::from_secs(1);
        assert_eq!(remove_stale_temporaries(&draft, later), 2);
        assert!(dir.path().join(".a.toml.lock").exists());
        assert!(dir.path().join(".b.toml.Q1w2E3").exists());
        assert!(draft.exists());
    }
}
