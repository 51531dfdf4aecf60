#![no_main]
//! The text-extraction importer: reader and mapper.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let doc = fuhe::import::txt::read(s);
    let _ = fuhe::import::map(&doc);
});
