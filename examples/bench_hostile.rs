//! How the interface answers keys when a workspace holds the largest and
//! oddest reports fuhe still reads (issue 14: "the interface stays
//! responsive while a huge report is being read or checked").
//!
//! For each hostile report, beside the sample, it starts the interface as
//! `fuhe WORKSPACE` does (file names first, reading and checking on
//! background threads), then times, at 120×40 on ratatui's TestBackend:
//! keys in the list while the report is still being checked, opening it,
//! and keys plus a redraw on every tab. Figures are printed, not asserted.
//!
//! `cargo run --release --example bench_hostile`

use fuhe::app::App;
use fuhe::checks::CheckConfig;
use fuhe::keymap::{Key, KeyCode, Keymap};
use fuhe::labels::Lang;
use serde_json::json;
use std::time::{Duration, Instant};

type Term = ratatui::Terminal<ratatui::backend::TestBackend>;

fn sample() -> serde_json::Value {
    serde_json::from_str(include_str!("../sample-data/reports/linxiang-data-bureau-2024.json")).expect("the sample")
}

/// The hostile reports: name and JSON.
fn cases() -> Vec<(&'static str, serde_json::Value)> {
    let mut out = Vec::new();

    let mut r = sample();
    r["department"] = json!("临湘市凭证局");
    let lines: Vec<_> = (0..5000)
        .map(|i| json!({"content": format!("支出{i}"), "amount": "1", "vouchers": "1月1-999#"}))
        .collect();
    r["project_forms"][0]["expenses"] = json!(lines);
    out.push(("5 000 expense lines of 1月1-999#", r));

    let mut r = sample();
    r["department"] = json!("临湘市叙述局");
    let para = "全年完成投资1234.5万元，完成率98.5%，其中基本支出300万元。".repeat(400);
    let n = 7_000_000 / para.len();
    r["department_form"]["narrative"][0]["paragraphs"] = json!(vec![para; n]);
    out.push(("a 7 MB narrative, figures in every sentence", r));

    let mut r = sample();
    r["department"] = json!("临湘市明细局");
    let lines: Vec<_> = (0..fuhe::workspace::MAX_EXPENSE_LINES)
        .map(|i| {
            json!({"content": format!("办公用品采购{i}"), "amount": "1.25",
                   "vouchers": format!("{}月{}#", i % 12 + 1, i / 12 + 1)})
        })
        .collect();
    r["project_forms"][0]["expenses"] = json!(lines);
    out.push(("20 000 expense lines (the most read)", r));

    let mut r = sample();
    r["department"] = json!("临湘市指标局");
    let one = r["department_form"]["indicators"][0].clone();
    r["department_form"]["indicators"] = json!(vec![one; fuhe::workspace::MAX_INDICATORS]);
    out.push(("1 000 indicators in one form (the most read)", r));
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and worst of a few key presses plus a redraw.
fn keys(app: &mut App, term: &mut Term, theme: &fuhe::tui::theme::Theme, key: Key, n: usize) -> (f64, f64) {
    let mut times = Vec::new();
    for _ in 0..n {
        let t = Instant::now();
        app.handle_key(key);
        app.poll();
        term.draw(|f| fuhe::tui::draw::draw(f, app, theme)).expect("draw");
        times.push(ms(t.elapsed()));
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() - 1])
}

/// The interface over the workspace, reading and checking in the background.
fn started(root: &std::path::Path, files: Vec<std::path::PathBuf>) -> App {
    let mut app = App::new_lazy(
        root.into(),
        false,
        files,
        Lang::Zh,
        Keymap::default_map(),
        CheckConfig::default(),
    );
    app.start_checks();
    app
}

/// Puts the selection on the hostile report (the list sorts by department).
fn select_hostile(app: &mut App) {
    app.list.selected = (0..app.list.visible.len())
        .find(|&k| app.report(app.list.visible[k]).id == "a-hostile")
        .expect("listed");
    app.list.moved = true;
}

/// Moves down and up until every report is checked: how many keys, and the
/// slowest key plus redraw.
fn keys_until_checked(app: &mut App, term: &mut Term, theme: &fuhe::tui::theme::Theme) -> (usize, f64) {
    let mut worst = 0f64;
    let mut presses = 0;
    while app.checking() {
        let t = Instant::now();
        app.handle_key(Key::plain(if presses % 2 == 0 { KeyCode::Down } else { KeyCode::Up }));
        app.poll();
        term.draw(|f| fuhe::tui::draw::draw(f, app, theme)).expect("draw");
        worst = worst.max(ms(t.elapsed()));
        presses += 1;
        std::thread::sleep(Duration::from_millis(20));
    }
    (presses, worst)
}

fn run(name: &str, report: &serde_json::Value) {
    println!("{name}");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).expect("reports/");
    let text = serde_json::to_string(report).expect("json");
    std::fs::write(reports.join("a-hostile.json"), &text).expect("write");
    std::fs::write(reports.join("b-sample.json"), sample().to_string()).expect("write");
    let files = fuhe::workspace::report_files(&reports).expect("files");
    let theme = fuhe::tui::theme::Theme::from_env(rust_decimal::Decimal::from(10));
    let mut term = Term::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");

    // Opening it at once, while it is still being read and checked.
    let mut app = started(dir.path(), files.clone());
    select_hostile(&mut app);
    let t = Instant::now();
    app.handle_key(Key::plain(KeyCode::Enter));
    term.draw(|f| fuhe::tui::draw::draw(f, &mut app, &theme)).expect("draw");
    let open = ms(t.elapsed());
    let (presses, worst) = keys_until_checked(&mut app, &mut term, &theme);
    println!("  opened at once: {open:.0} ms; {presses} keys until its findings arrived, worst {worst:.0} ms");

    // Keys in the list while it is read and checked, then opening it.
    let start = Instant::now();
    let mut app = started(dir.path(), files);
    term.draw(|f| fuhe::tui::draw::draw(f, &mut app, &theme)).expect("draw");
    let first = ms(start.elapsed());
    let (presses, worst_while) = keys_until_checked(&mut app, &mut term, &theme);
    let checked = ms(start.elapsed());
    select_hostile(&mut app);
    let t = Instant::now();
    app.handle_key(Key::plain(KeyCode::Enter));
    term.draw(|f| fuhe::tui::draw::draw(f, &mut app, &theme)).expect("draw");
    let open = ms(t.elapsed());
    println!(
        "  {:.1} MB: first screen {first:.0} ms; checked after {checked:.0} ms, \
         {presses} list keys meanwhile, worst {worst_while:.0} ms; open {open:.0} ms",
        text.len() as f64 / 1e6
    );
    let names = ["overview", "funds", "indicators", "expenses", "narrative", "findings"];
    for (tab, tab_name) in ['0', '1', '2', '3', '4', '5'].into_iter().zip(names) {
        let t = Instant::now();
        app.handle_key(Key::ch(tab));
        term.draw(|f| fuhe::tui::draw::draw(f, &mut app, &theme)).expect("draw");
        let switch = ms(t.elapsed());
        let (down, down_worst) = keys(&mut app, &mut term, &theme, Key::plain(KeyCode::Down), 30);
        let (page, page_worst) = keys(&mut app, &mut term, &theme, Key::plain(KeyCode::PageDown), 10);
        let (end, _) = keys(&mut app, &mut term, &theme, Key::plain(KeyCode::End), 1);
        println!(
            "  {tab_name:>10}: switch {switch:.1} ms; Down median {down:.1} worst {down_worst:.1}; \
             PageDown median {page:.1} worst {page_worst:.1}; End {end:.1} ms"
        );
    }
}

/// `bench_hostile [N]`: only the N-th case (1-based) when given.
fn main() {
    let only: Option<usize> = std::env::args().nth(1).and_then(|a| a.parse().ok());
    for (k, (name, report)) in cases().into_iter().enumerate() {
        if only.is_none_or(|n| n == k + 1) {
            run(name, &report);
        }
    }
}
