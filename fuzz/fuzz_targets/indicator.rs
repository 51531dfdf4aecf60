#![no_main]
//! The indicator value parser never panics.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = fuhe::indicator::parse(s);
});
