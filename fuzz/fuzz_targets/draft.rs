//! Any bytes as a draft file: loading never panics; a draft that loads is checked, written out
//! and read back to the same draft, and every message of its findings can be written.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    gongkai::fuzzing::draft(bytes);
});
