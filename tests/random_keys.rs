//! Random key sequences on the sample workspace: the interface never
//! panics, every screen draws, and any review file written stays valid.

use fuhe::app::App;
use fuhe::checks::CheckConfig;
use fuhe::keymap::{Key, KeyCode, Keymap};
use fuhe::labels::Lang;
use fuhe::review::store::{OnDisk, read};
use fuhe::workspace::Workspace;
use proptest::prelude::*;

fn key_strategy() -> impl Strategy<Value = Key> {
    let chars: Vec<char> = "0123456789asoucvnpfr+-=A?/qjkhlgGmtk数据局5月19 ".chars().collect();
    let codes = vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::F(2),
    ];
    prop_oneof![
        proptest::sample::select(chars).prop_map(Key::ch),
        proptest::sample::select(codes).prop_map(Key::plain),
        proptest::sample::select(vec!['s', 'u', 'r', 'z', 'y', 'd']).prop_map(Key::ctrl),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic_or_corrupt(keys in proptest::collection::vec(key_strategy(), 1..80), vim in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("reports")).unwrap();
        for name in ["linxiang-data-bureau-2024.json", "linxiang-education-bureau-2024.json"] {
            std::fs::copy(format!("sample-data/reports/{name}"), dir.path().join("reports").join(name)).unwrap();
        }
        let ws = Workspace::open(dir.path()).unwrap();
        let keymap = Keymap::builtin(if vim { "vim" } else { "default" }).unwrap();
        let mut app = App::new(dir.path().into(), false, ws.reports, ws.errors, Lang::Zh, keymap, CheckConfig::default());
        app.reviewer = "测试".into();
        app.check_all();
        let theme = fuhe::tui::theme::Theme { color: true, threshold: rust_decimal::Decimal::from(10) };
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        for k in keys {
            if app.quit {
                break;
            }
            app.handle_key(k);
            term.draw(|f| fuhe::tui::draw::draw(f, &mut app, &theme)).unwrap();
        }
        for e in std::fs::read_dir(dir.path().join("reviews")).into_iter().flatten().flatten() {
            let p = e.path();
            if p.to_string_lossy().ends_with(".review.json") {
                prop_assert!(matches!(read(&p).0, OnDisk::Valid(_)), "{} is not a valid review", p.display());
            }
        }
    }
}
