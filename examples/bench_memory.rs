//! Where the interface's memory goes with many reports open in the list:
//! the bytes held (counted by the allocator) after reading the reports as
//! the list keeps them, after checking them, and after building the voucher
//! index. Figures are printed, not asserted.
//!
//! `cargo run --release --example bench_memory -- WORKSPACE`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;
static HELD: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        HELD.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        HELD.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        HELD.fetch_add(new as isize - l.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mb(b: isize) -> f64 {
    b as f64 / 1_048_576.0
}

fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "sample-data".into()));
    let dir = if root.join("reports").is_dir() {
        root.join("reports")
    } else {
        root.clone()
    };
    let files = fuhe::workspace::report_files(&dir).unwrap_or_default();
    let disk: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let base = HELD.load(Ordering::Relaxed);
    let mut reports = Vec::new();
    let mut parts = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let Ok(mut r) = fuhe::workspace::load_report(f) else {
            continue;
        };
        let part_before = HELD.load(Ordering::Relaxed);
        let part = fuhe::app::lookup::Part::of(i, &r);
        let _ = part_before;
        parts.push(part);
        r.report.slim_down();
        reports.push(r);
    }
    let all = HELD.load(Ordering::Relaxed) - base;
    let mut flags = Vec::new();
    let before = HELD.load(Ordering::Relaxed);
    for r in &reports {
        flags.push(fuhe::checks::check_report(
            &r.report,
            &fuhe::checks::CheckConfig::default(),
        ));
    }
    let f_bytes = HELD.load(Ordering::Relaxed) - before;
    let before = HELD.load(Ordering::Relaxed);
    let mut index = fuhe::app::lookup::VoucherIndex::default();
    for p in parts.drain(..) {
        index.append(p);
    }
    index.finish();
    let i_bytes = HELD.load(Ordering::Relaxed) - before;
    println!(
        "{} reports, {:.0} MB on disk: slim reports + index parts {:.0} MB; findings {:.0} MB ({} findings); \
         index change when parts are joined {:+.0} MB; held in all {:.0} MB",
        reports.len(),
        disk as f64 / 1_048_576.0,
        mb(all),
        mb(f_bytes),
        flags.iter().map(Vec::len).sum::<usize>(),
        mb(i_bytes),
        mb(HELD.load(Ordering::Relaxed) - base)
    );
    let before = HELD.load(Ordering::Relaxed);
    drop(index);
    println!(
        "voucher index alone: {:.0} MB",
        mb(before - HELD.load(Ordering::Relaxed))
    );
    let before = HELD.load(Ordering::Relaxed);
    drop(reports);
    println!(
        "slim reports alone: {:.0} MB",
        mb(before - HELD.load(Ordering::Relaxed))
    );
}
