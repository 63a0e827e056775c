//! Which version of gongkai this is and which source it was built from (recorded by
//! `build.rs`): `gongkai --version` and the editor's help show it, so a reviewer knows which
//! version checked a report.

/// The version in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit the binary was built from (its first 9 hex digits), when known.
pub fn commit() -> Option<&'static str> {
    non_empty(env!("GONGKAI_BUILD_COMMIT"))
}

/// The date of that commit (`YYYY-MM-DD`), when known.
pub fn date() -> Option<&'static str> {
    non_empty(env!("GONGKAI_BUILD_DATE"))
}

fn non_empty(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}
