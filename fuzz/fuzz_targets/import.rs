//! Any bytes as a published report (portal page, Word file, text): the importer never panics
//! or hangs; a report it reads saves as a draft that loads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    gongkai::fuzzing::import(bytes);
});
