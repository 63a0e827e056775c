//! One editor per draft: a lock file beside the draft (`.<name>.toml.lock`), held with the
//! operating system's file lock (`File::try_lock`) for as long as the editor has it open.
//!
//! The file also says who holds it — process, host, since when — so a second editor can tell
//! the officer. The operating system drops the lock when its process ends, however it ends; a
//! lock file left behind by a process that no longer exists is therefore free, and is taken
//! over with a word about whose it was.
//!
//! A draft is one file however it is reached: the lock sits beside its canonical path, so a
//! symbolic link or `dir/../dir` reaches the same lock. A draft with several hard links (names
//! in other folders) is also locked by its device and inode in the state folder, so a second
//! editor reaching it through another name views it read-only. The lock file is never a link
//! followed, a folder or a FIFO waited on: in a shared folder such a thing may be planted.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Who holds (or held) a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// 0 when the lock file names nobody (a program that wrote no holder).
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
    /// The lock by device and inode, for a draft with more than one hard link.
    inode_lock: Option<(File, PathBuf)>,
    /// How many names (hard links) the draft has: more than one is said to the officer, since
    /// saving gives this name a new file and the other names keep the old one.
    pub hard_links: u64,
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
    /// Something that is no lock file stands where the lock goes (a folder, a FIFO, a device):
    /// it is left alone, and the draft can only be viewed.
    NotAFile(PathBuf),
}

/// The lock file of a draft, beside its canonical path.
pub fn lock_path(draft: &Path) -> PathBuf {
    let draft = crate::paths::canonical(draft);
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

/// Opens (or makes) a lock file without following a link and without waiting on a FIFO; a
/// link planted there is removed (the link itself, never its target) and a fresh file made.
fn open_lock(path: &Path, mode: u32) -> Result<File, LockError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32).mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
        std::fs::remove_file(path).map_err(LockError::Io)?;
    }
    let file = options.open(path).map_err(|e| {
        if std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
            LockError::NotAFile(path.to_path_buf())
        } else {
            LockError::Io(e)
        }
    })?;
    match file.metadata() {
        Ok(m) if m.is_file() => Ok(file),
        Ok(_) => Err(LockError::NotAFile(path.to_path_buf())),
        Err(e) => Err(LockError::Io(e)),
    }
}

/// Whether the open file is still the one at `path` (not unlinked or replaced meanwhile).
fn still_there(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// What takes the lock: opens the file, locks it, and makes sure it is still the file at the
/// path (a holder releasing removes the file before it unlocks: whoever locked the removed
/// file tries again). Returns the file and what it said before.
fn take(path: &Path, mode: u32) -> Result<(File, String), LockError> {
    const TRIES: usize = 20;
    let mut last = None;
    for _ in 0..TRIES {
        let mut file = open_lock(path, mode)?;
        let mut previous = String::new();
        match file.try_lock() {
            Ok(()) => {
                if !still_there(&file, path) {
                    last = None;
                    continue;
                }
                let _ = file.read_to_string(&mut previous);
                return Ok((file, previous));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let _ = file.read_to_string(&mut previous);
                let holder = parse_holder(&previous).unwrap_or(Holder {
                    pid: 0,
                    host: String::new(),
                    since: String::new(),
                });
                if still_there(&file, path) {
                    return Err(LockError::Held(holder));
                }
                last = Some(holder);
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
    }
    Err(last.map_or_else(
        || LockError::Io(std::io::Error::other("the lock file kept changing")),
        LockError::Held,
    ))
}

/// Takes the lock of a draft, or says who has it.
pub fn acquire(draft: &Path) -> Result<Acquired, LockError> {
    let path = lock_path(draft);
    let mode = crate::atomic::mode_of(draft).map_or(0o644, |m| m & 0o666);
    let hard_links = link_count(draft);
    // Several names: the lock of the file itself first, so no two names are edited at once.
    let inode_lock = match inode_lock_path(draft) {
        Some(inode_path) if hard_links > 1 => {
            if let Some(dir) = inode_path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let (mut file, _) = take(&inode_path, 0o600)?;
            write_holder(&mut file).map_err(LockError::Io)?;
            Some((file, inode_path))
        }
        _ => None,
    };
    let (mut file, previous) = take(&path, mode)?;
    write_holder(&mut file).map_err(LockError::Io)?;
    let lock = DraftLock {
        file,
        path,
        inode_lock,
        hard_links,
    };
    Ok(match parse_holder(&previous) {
        Some(old) => Acquired::TakenOver(lock, old),
        None => Acquired::Fresh(lock),
    })
}

fn write_holder(file: &mut File) -> std::io::Result<()> {
    let now = jiff::ZonedDateTime::now()
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    let me = format!(
        "pid={}\nhost={}\nsince={now}\n",
        std::process::id(),
        host_name()
    );
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(me.as_bytes())?;
    let _ = file.sync_data();
    Ok(())
}

/// How many hard links the draft has (1 where the system cannot tell).
fn link_count(draft: &Path) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(draft).map_or(1, |m| m.nlink())
    }
    #[cfg(not(unix))]
    {
        let _ = draft;
        1
    }
}

/// The state folder's lock of a file by device and inode.
fn inode_lock_path(draft: &Path) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(draft).ok()?;
        Some(crate::paths::state_dir().join("locks").join(format!(
            "{:x}-{:x}.lock",
            meta.dev(),
            meta.ino()
        )))
    }
    #[cfg(not(unix))]
    {
        let _ = draft;
        None
    }
}

/// Whether an editor holds the draft's lock now. Only looks: no lock file is made, none is
/// taken (an export asks this of the file it would replace, in a folder that may be another's).
pub fn is_held(draft: &Path) -> bool {
    let path = lock_path(draft);
    if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    let Ok(file) = options.open(&path) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(std::fs::TryLockError::WouldBlock) => true,
        Err(std::fs::TryLockError::Error(_)) => false,
    }
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
        // Remove the file while still holding the lock, so nobody reads a stale holder; whoever
        // opened it meanwhile finds, once it has the lock, that it is no longer the file there
        // and tries again.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
        if let Some((file, path)) = &self.inode_lock {
            let _ = std::fs::remove_file(path);
            let _ = file.unlock();
        }
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
    fn is_held_looks_without_making_or_taking_a_lock() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("a.toml");
        assert!(!is_held(&draft));
        assert!(!lock_path(&draft).exists(), "no lock file made by looking");
        let held = acquire(&draft).unwrap().into_lock();
        assert!(is_held(&draft));
        drop(held);
        assert!(!is_held(&draft));
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
