#![no_main]
//! The voucher parser: any string parses, every problem points inside it.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let v = fuhe::voucher::VoucherRef::parse(s);
    let n = s.chars().count();
    for p in &v.problems {
        assert!(p.start <= p.end && p.end <= n);
    }
    for e in &v.entries {
        assert!((1..=12).contains(&e.voucher.month));
    }
});
