//! How fast the narrative tab answers a key when a report's narrative is as
//! large as fuhe accepts (issue 14: a report of several megabytes of text
//! made each key take seconds). Builds a report of about 7 MB of narrative
//! from the sample, opens it, goes to the narrative tab and times a key
//! plus a redraw at 120×40. Figures are printed, not asserted.
//!
//! `cargo run --release --example bench_narrative`

use fuhe::app::App;
use fuhe::checks::CheckConfig;
use fuhe::keymap::{Key, KeyCode, Keymap};
use fuhe::labels::Lang;
use fuhe::workspace::Workspace;
use std::time::Instant;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).expect("reports/");
    let sample = include_str!("../sample-data/reports/linxiang-data-bureau-2024.json");
    let mut r: serde_json::Value = serde_json::from_str(sample).expect("the sample");
    let para = "临湘市数据局2024年度部门整体支出绩效自评，".repeat(1000);
    r["department_form"]["narrative"][0]["paragraphs"] = serde_json::json!(vec![para; 120]);
    let text = serde_json::to_string(&r).expect("json");
    std::fs::write(reports.join("big.json"), &text).expect("write");
    let ws = Workspace::open(dir.path()).expect("workspace");
    let mut app = App::new(
        dir.path().into(),
        false,
        ws.reports,
        ws.errors,
        Lang::Zh,
        Keymap::default_map(),
        CheckConfig::default(),
    );
    app.check_all();
    app.handle_key(Key::plain(KeyCode::Enter));
    app.handle_key(Key::ch('4'));
    let theme = fuhe::tui::theme::Theme::from_env(rust_decimal::Decimal::from(10));
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    let mut times = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        app.handle_key(Key::plain(KeyCode::Down));
        term.draw(|f| fuhe::tui::draw::draw(f, &mut app, &theme)).expect("draw");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "narrative of {:.1} MB: key + redraw median {:.1} ms, worst {:.1} ms (50 keys)",
        text.len() as f64 / 1e6,
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
