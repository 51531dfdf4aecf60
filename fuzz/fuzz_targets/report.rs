#![no_main]
//! Report loading, then every check, on arbitrary bytes.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = fuhe::workspace::parse_report(data) {
        let _ = fuhe::checks::check_report(&r, &fuhe::checks::CheckConfig::default());
    }
});
