//! Any text as a template: parsing never panics; a template that parses lays out every table,
//! compiles its lookups and checks drafts without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    gongkai::fuzzing::template(bytes);
});
