//! The one way gongkai writes a file: to a temporary file in the same folder, synced to disk,
//! then renamed over the target and the folder synced. A reader never sees half a file, and a
//! failure leaves the old file as it was.

use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically, replacing any file there.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a folder",
        ));
    }
    let mut file = AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    // commit() syncs the file, renames it into place and syncs the folder; dropping the file
    // without committing (on any error above) discards the temporary file.
    file.commit()
}
