//! One editor per draft: a lock file beside the draft (`.<name>.toml.lock`), held with the
//! operating system's file lock (`File::try_lock`) for as long as the editor has it open.
//!
//! The file also says who holds it — process, host, since when — so a second editor can tell
//! the officer. The operating system drops the lock when its process ends, however it ends; a
//! lock file left behind by a process that no longer exists is therefore free, and is taken
//! over with a word about whose it was.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Who holds (or held) a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// Local time the lock was taken, `YYYY-MM-DD HH:MM`.
    pub since: String,
}

/// A held lock; dropping it releases the lock and removes the file.
#[derive(Debug)]
pub struct DraftLock {
    file: File,
    path: PathBuf,
}

#[derive(Debug)]
pub enum Acquired {
    Fresh(DraftLock),
    /// The lock file of a process that ended without releasing it, now ours.
    TakenOver(DraftLock, Holder),
}

#[derive(Debug)]
pub enum LockError {
    /// Another live process has the draft open.
    Held(Holder),
    /// The lock file cannot be made (a read-only folder, say): the draft can only be viewed.
    Io(std::io::Error),
}

/// The lock file of a draft.
pub fn lock_path(draft: &Path) -> PathBuf {
    let name = draft.file_name().unwrap_or_default().to_string_lossy();
    draft.with_file_name(format!(".{name}.lock"))
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "?".into())
}

fn parse_holder(text: &str) -> Option<Holder> {
    let mut pid = None;
    let mut host = None;
    let mut since = None;
    for line in text.lines() {
        match line.split_once('=') {
            Some(("pid", v)) => pid = v.trim().parse().ok(),
            Some(("host", v)) => host = Some(v.trim().to_string()),
            Some(("since", v)) => since = Some(v.trim().to_string()),
            _ => {}
        }
    }
    Some(Holder {
        pid: pid?,
        host: host.unwrap_or_default(),
        since: since.unwrap_or_default(),
    })
}

/// Takes the lock of a draft, or says who has it.
pub fn acquire(draft: &Path) -> Result<Acquired, LockError> {
    let path = lock_path(draft);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(LockError::Io)?;
    let mut previous = String::new();
    if let Err(e) = file.try_lock() {
        return match e {
            std::fs::TryLockError::WouldBlock => {
                let _ = file.read_to_string(&mut previous);
                Err(LockError::Held(parse_holder(&previous).unwrap_or(Holder {
                    pid: 0,
                    host: String::new(),
                    since: String::new(),
                })))
            }
            std::fs::TryLockError::Error(e) => Err(LockError::Io(e)),
        };
    }
    let _ = file.read_to_string(&mut previous);
    let now = jiff::ZonedDateTime::now()
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    let me = format!(
        "pid={}\nhost={}\nsince={now}\n",
        std::process::id(),
        host_name()
    );
    file.set_len(0).map_err(LockError::Io)?;
    file.seek(SeekFrom::Start(0)).map_err(LockError::Io)?;
    file.write_all(me.as_bytes()).map_err(LockError::Io)?;
    let _ = file.sync_data();
    let lock = DraftLock { file, path };
    Ok(match parse_holder(&previous) {
        Some(old) => Acquired::TakenOver(lock, old),
        None => Acquired::Fresh(lock),
    })
}

impl Acquired {
    pub fn into_lock(self) -> DraftLock {
        match self {
            Acquired::Fresh(l) | Acquired::TakenOver(l, _) => l,
        }
    }
}

impl Drop for DraftLock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, so nobody reads a stale holder.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_says_who_holds_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("a.toml");
        let first = acquire(&draft).unwrap().into_lock();
        match acquire(&draft) {
            Err(LockError::Held(h)) => {
                assert_eq!(h.pid, std::process::id());
                assert!(!h.since.is_empty());
            }
            other => panic!("expected Held, got {other:?}"),
        }
        drop(first);
        assert!(!lock_path(&draft).exists());
        assert!(matches!(acquire(&draft), Ok(Acquired::Fresh(_))));
    }

    #[test]
    fn a_lock_file_left_behind_is_taken_over_naming_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("a.toml");
        std::fs::write(
            lock_path(&draft),
            "pid=999999\nhost=old-host\nsince=2026-01-05 09:00\n",
        )
        .unwrap();
        match acquire(&draft) {
            Ok(Acquired::TakenOver(_, h)) => {
                assert_eq!(h.pid, 999_999);
                assert_eq!(h.host, "old-host");
            }
            other => panic!("expected TakenOver, got {other:?}"),
        }
    }
}
