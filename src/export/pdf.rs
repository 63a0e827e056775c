//! PDF, made from the Word export by LibreOffice — the one place in the export module that
//! runs another program. The renderers stay pure functions of the report; this module only
//! finds `soffice`/`libreoffice` on the PATH and hands it the .docx.
//!
//! LibreOffice runs headless with a profile folder of its own, made for the conversion and
//! removed after it: a LibreOffice the officer has open (or a locked, half-written profile)
//! would otherwise take the job or hang it. It gets [`TIMEOUT`] and is killed after that.
//! Writing the PDF where it belongs is the caller's (atomically, like every export).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a conversion may take before LibreOffice is stopped (a first start builds its
/// profile, which takes a few seconds; a report converts in one or two more).
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// Why no PDF was made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// Neither `soffice` nor `libreoffice` is on the PATH.
    #[error("LibreOffice is not installed")]
    NotInstalled,
    /// LibreOffice ran past [`TIMEOUT`] and was stopped.
    #[error("LibreOffice did not finish within {} s", TIMEOUT.as_secs())]
    TimedOut,
    /// The work folder could not be written, or LibreOffice could not be started.
    #[error("LibreOffice could not convert the report: {}", .0.detail)]
    Io(crate::report::IoFault),
    /// LibreOffice wrote something that is not a PDF.
    #[error("LibreOffice wrote something that is not a PDF")]
    NotAPdf,
    /// LibreOffice ended (with this status) without writing a PDF.
    #[error("LibreOffice wrote no PDF ({0})")]
    NoOutput(String),
}

/// The LibreOffice program on the PATH, if there is one (`soffice` first: on some systems
/// `libreoffice` is a shell wrapper that starts it).
pub fn office() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| [dir.join("soffice"), dir.join("libreoffice")])
        .find(|p| is_program(p))
}

fn is_program(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// A folder of our own in the system's temporary folder, removed when dropped.
struct WorkFolder(PathBuf);

impl WorkFolder {
    fn new() -> std::io::Result<WorkFolder> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!("gongkai-pdf-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&dir)?;
        Ok(WorkFolder(dir))
    }
}

impl Drop for WorkFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A path as a `file://` URL, as `-env:UserInstallation` takes it.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char)
            }
            b'\\' => url.push('/'),
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    url
}

/// Converts a .docx to PDF with LibreOffice.
pub fn convert(docx: &[u8]) -> Result<Vec<u8>, PdfError> {
    let office = office().ok_or(PdfError::NotInstalled)?;
    let failed = |e: std::io::Error| PdfError::Io(crate::report::IoFault::from(&e));
    let work = WorkFolder::new().map_err(failed)?;
    let input = work.0.join("report.docx");
    std::fs::write(&input, docx).map_err(failed)?;
    let mut child = Command::new(office)
        .arg(format!(
            "-env:UserInstallation={}",
            file_url(&work.0.join("profile"))
        ))
        .args(["--headless", "--norestore", "--nolockcheck"])
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(&work.0)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(failed)?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(failed)? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(PdfError::TimedOut);
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let pdf = std::fs::read(work.0.join("report.pdf"));
    match pdf {
        Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
        Ok(_) => Err(PdfError::NotAPdf),
        Err(_) => Err(PdfError::NoOutput(status.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::file_url;
    use std::path::Path;

    #[test]
    fn profile_folder_is_a_file_url() {
        assert_eq!(
            file_url(Path::new("/srv/a b/报告")),
            "file:///srv/a%20b/%E6%8A%A5%E5%91%8A"
        );
    }
}
