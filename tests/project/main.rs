//! The repository itself, in one test binary: ARCHITECTURE.md names only paths that exist
//! (`architecture`), the crate's layers do not reach where they must not (`layers`), and the
//! man pages and completions the .deb installs cover every command (`package_files`).

mod architecture;
mod layers;
mod package_files;
