//! Any bytes as a PDF: the PDF reader (fonts, content streams, tables from rules) never panics
//! or hangs, and what it reads goes through the importer's back end as well.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    gongkai::fuzzing::pdf(bytes);
});
