//! The one way gongkai writes a file: to a temporary file in the same folder, synced to disk,
//! then renamed over the target and the folder synced. A reader never sees half a file, and a
//! failure leaves the old file as it was.

use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, replacing any file there. A folder, FIFO or device at
/// `path` is refused, not replaced.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        let kind = if meta.is_dir() {
            std::io::ErrorKind::IsADirectory
        } else {
            std::io::ErrorKind::InvalidInput
        };
        // The kind says it all; `i18n::io_error` words it for the user.
        return Err(kind.into());
    }
    // Through a symlink, the file it points to is replaced and the link kept.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut file = AtomicWriteFile::open(&target)?;
    file.write_all(bytes)?;
    // commit() syncs the file, renames it into place and syncs the folder; dropping the file
    // without committing (on any error above) discards the temporary file.
    file.commit()
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
    match std::fs::read(path) {
        Ok(old) if old != bytes => write(&backup_path(path), &old)?,
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    write(path, bytes)
}
