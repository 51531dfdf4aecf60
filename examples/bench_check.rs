//! The share of `fuhe check`'s work that is parsing and that is checking,
//! on one core: reads every report of a workspace, then times parsing all of
//! them and checking all of them separately. Figures are printed, never
//! asserted. Usage: `bench_check WORKSPACE`.

use fuhe::checks::{CheckConfig, check_report};
use std::time::{Duration, Instant};

/// The same allocator as the `fuhe` binary, so the figures are its figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let Some(root) = std::env::args_os().nth(1) else {
        eprintln!("usage: bench_check WORKSPACE");
        std::process::exit(2);
    };
    let root = std::path::PathBuf::from(root);
    let dir = if root.join("reports").is_dir() {
        root.join("reports")
    } else {
        root
    };
    let files = fuhe::workspace::report_files(&dir).expect("read the folder");
    let t = Instant::now();
    let bytes: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    let read = t.elapsed();
    let total: usize = bytes.iter().map(Vec::len).sum();

    // As `fuhe check` does: each report parsed, checked and dropped in turn.
    let config = CheckConfig::default();
    let (mut parse, mut check, mut hash) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut n, mut flags) = (0usize, 0usize);
    for b in &bytes {
        let t = Instant::now();
        let Ok(report) = fuhe::workspace::parse_report(b) else {
            continue;
        };
        parse += t.elapsed();
        let t = Instant::now();
        flags += check_report(&report, &config).len();
        check += t.elapsed();
        let t = Instant::now();
        let _ = fuhe::cache::content_hash(b);
        hash += t.elapsed();
        n += 1;
    }

    let per = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / n.max(1) as f64;
    println!(
        "{} reports, {:.0} MB, {} findings (one core)",
        n,
        total as f64 / 1e6,
        flags
    );
    println!("read  {:>7.0} ms", read.as_secs_f64() * 1000.0);
    println!(
        "parse {:>7.0} ms  {:.3} ms/report  {:.0} MB/s",
        parse.as_secs_f64() * 1000.0,
        per(parse),
        total as f64 / 1e6 / parse.as_secs_f64()
    );
    println!(
        "check {:>7.0} ms  {:.3} ms/report  ({:.2}× the parse)",
        check.as_secs_f64() * 1000.0,
        per(check),
        check.as_secs_f64() / parse.as_secs_f64()
    );
    println!(
        "hash  {:>7.0} ms  {:.3} ms/report  (BLAKE3, what a cached re-check costs instead)",
        hash.as_secs_f64() * 1000.0,
        per(hash)
    );
}
