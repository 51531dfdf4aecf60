//! Interface measurements for the benchmark script (benches/run.sh):
//!
//!     cargo run --release --example bench_ui -- WORKSPACE
//!
//! Prints the time to load the workspace and draw the first list, the time
//! until every row has its flag counts, the voucher index size and the time
//! per keystroke of a lookup, and the bytes written to the terminal for one
//! row move and one tab switch (drawn through crossterm into a buffer).

use fuhe::app::App;
use fuhe::checks::CheckConfig;
use fuhe::keymap::{Key, KeyCode, Keymap};
use fuhe::labels::Lang;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The same allocator as the `fuhe` binary, so the figures are its figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Counts the bytes the terminal would receive.
struct Counter(Arc<AtomicUsize>);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "sample-data".into()));
    let t = Instant::now();
    let dir = if root.join("reports").is_dir() {
        root.join("reports")
    } else {
        root.clone()
    };
    let files = fuhe::workspace::report_files(&dir).unwrap_or_default();
    let n = files.len();
    let mut app = App::new_lazy(
        root,
        false,
        files,
        Lang::Zh,
        Keymap::default_map(),
        CheckConfig::default(),
    );
    let theme = fuhe::tui::theme::Theme {
        color: true,
        threshold: rust_decimal::Decimal::from(10),
    };
    let bytes = Arc::new(AtomicUsize::new(0));
    let mut term = Terminal::new(CrosstermBackend::new(Counter(bytes.clone()))).unwrap_or_else(|e| panic!("{e}"));
    let _ = term.resize(ratatui::layout::Rect::new(0, 0, 120, 40));
    let _ = term.draw(|f| fuhe::tui::draw::draw(f, &mut app, &theme));
    println!("reports: {n}");
    println!("first list drawn: {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    let t2 = Instant::now();
    app.start_checks();
    while app.checking() {
        app.poll();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    println!(
        "all flag counts in: {:.0} ms after the first screen",
        t2.elapsed().as_secs_f64() * 1000.0
    );

    // Bytes per row move and per tab switch.
    let mut measure = |app: &mut App, key: Key| {
        bytes.store(0, Ordering::Relaxed);
        app.handle_key(key);
        let _ = term.draw(|f| fuhe::tui::draw::draw(f, app, &theme));
        bytes.load(Ordering::Relaxed)
    };
    measure(&mut app, Key::plain(KeyCode::Home));
    let down = measure(&mut app, Key::plain(KeyCode::Down));
    println!("bytes for one row move in the list: {down}");
    measure(&mut app, Key::plain(KeyCode::Enter));
    let row = measure(&mut app, Key::plain(KeyCode::Down));
    let tab = measure(&mut app, Key::plain(KeyCode::Tab));
    println!("bytes for one row move in a report: {row}");
    println!("bytes for one tab switch: {tab}");

    // Voucher lookup, keystroke by keystroke.
    app.handle_key(Key::plain(KeyCode::Esc));
    let t3 = Instant::now();
    app.handle_key(Key::ch('v'));
    println!("voucher index built: {:.0} ms", t3.elapsed().as_secs_f64() * 1000.0);
    println!(
        "voucher entries: {}",
        app.voucher_index().map_or(0, |i| i.entries.len())
    );
    // The same strings for `fzf --filter` (benches/run.sh compares).
    if let Some(out) = std::env::args().nth(2)
        && let Some(idx) = app.voucher_index()
    {
        let text: String = idx.entries.iter().map(|e| format!("{}\n", idx.entry_text(e))).collect();
        let _ = std::fs::write(out, text);
    }
    // Typing a voucher, deleting it, then typing names; each keystroke
    // timed. The sequence is typed five times: the first pass is printed key
    // by key, the figures are over all passes (one pass is at the mercy of
    // whatever else the machine does in those milliseconds).
    let sequence: Vec<char> =
        "5月19\u{8}\u{8}\u{8}\u{8}519\u{8}\u{8}\u{8}费\u{8}软件平台\u{8}\u{8}\u{8}\u{8}数据局 软件\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}软件 数据局\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}"
            .chars()
            .collect();
    let mut times = Vec::new();
    let mut worst_of: Vec<(f64, String)> = Vec::new();
    for pass in 0..5 {
        let mut typed = String::new();
        let mut shown = Vec::new();
        for &c in &sequence {
            let key = if c == '\u{8}' {
                typed.pop();
                Key::plain(KeyCode::Backspace)
            } else {
                typed.push(c);
                Key::ch(c)
            };
            let t = Instant::now();
            app.handle_key(key);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            times.push(ms);
            worst_of.push((ms, typed.clone()));
            shown.push(format!("{typed:?} {ms:.1}"));
        }
        if pass == 0 {
            println!("lookup keystrokes, first pass (query, ms): {}", shown.join(" · "));
        }
    }
    times.sort_by(f64::total_cmp);
    worst_of.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "lookup per keystroke over {} keystrokes: median {:.1} ms, 95th percentile {:.1} ms, worst {:.1} ms ({:?})",
        times.len(),
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        worst_of[0].0,
        worst_of[0].1
    );
}
