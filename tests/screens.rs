//! Every screen drawn with ratatui's TestBackend, in 80×24 and wide, in
//! both languages (snapshots under tests/snapshots/), and drawing at any
//! size never panics.

use fuhe::app::App;
use fuhe::checks::CheckConfig;
use fuhe::keymap::{Key, KeyCode, Keymap};
use fuhe::labels::Lang;
use fuhe::tui::draw::draw;
use fuhe::tui::theme::Theme;
use fuhe::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

fn app(lang: Lang) -> App {
    let ws = Workspace::open(Path::new("sample-data")).unwrap();
    let mut app = App::new(
        "sample-data".into(),
        false,
        ws.reports,
        ws.errors,
        lang,
        Keymap::default_map(),
        CheckConfig::default(),
    );
    app.check_all();
    app
}

fn press(app: &mut App, s: &str) {
    for c in s.chars() {
        app.handle_key(Key::ch(c));
    }
}

fn enter(app: &mut App) {
    app.handle_key(Key::plain(KeyCode::Enter));
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme {
        color: false,
        threshold: CheckConfig::default().deviation_pct,
    };
    t.draw(|f| draw(f, app, &theme)).unwrap();
    screen_text(t.backend().buffer())
}

/// The screen as a person sees it: one line per row, wide characters once.
fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Opens the data bureau's report and goes to a tab (by its key).
fn data_bureau(lang: Lang, tab: &str) -> App {
    let mut a = app(lang);
    press(&mut a, "/数据局");
    enter(&mut a);
    enter(&mut a);
    press(&mut a, tab);
    a
}

fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut lookup = app(lang);
    press(&mut lookup, "v5月19");
    let mut help = app(lang);
    press(&mut help, "?");
    vec![
        ("list", app(lang)),
        ("overview", data_bureau(lang, "0")),
        ("funds", data_bureau(lang, "1")),
        ("indicators", data_bureau(lang, "2")),
        ("expenses", data_bureau(lang, "3")),
        ("narrative", data_bureau(lang, "4")),
        ("flags", data_bureau(lang, "5")),
        ("lookup", lookup),
        ("help", help),
    ]
}

#[test]
fn snapshots_80x24_chinese() {
    for (name, mut a) in screens(Lang::Zh) {
        insta::assert_snapshot!(format!("zh_80x24_{name}"), render(&mut a, 80, 24));
    }
}

#[test]
fn snapshots_80x24_english() {
    for (name, mut a) in screens(Lang::En) {
        insta::assert_snapshot!(format!("en_80x24_{name}"), render(&mut a, 80, 24));
    }
}

#[test]
fn snapshots_wide() {
    for (name, mut a) in screens(Lang::Zh) {
        insta::assert_snapshot!(format!("zh_160x40_{name}"), render(&mut a, 160, 40));
    }
    for (name, mut a) in screens(Lang::En) {
        insta::assert_snapshot!(format!("en_160x40_{name}"), render(&mut a, 160, 40));
    }
}

/// The offer of another folder after a failed save, over the report; its
/// state is set directly so the paths are the same on every machine.
#[test]
fn the_offer_of_another_folder_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = data_bureau(lang, "0");
        let data = "/home/auditor/.local/share/fuhe/rescue";
        a.popup = Some(fuhe::app::Popup::SaveFolder {
            error: "Read-only file system (os error 30)".into(),
            rescued: Some(format!("{data}/5e0c3b9a1f42-linxiang-data-bureau-2024.review.json").into()),
            input: fuhe::app::Input::with(&format!("{data}/sample-data-5e0c3b9a1f42")),
            problem: None,
        });
        let name = format!("{}_80x24_save_folder", if lang == Lang::Zh { "zh" } else { "en" });
        insta::assert_snapshot!(name, render(&mut a, 80, 24));
    }
    // The help screen lists its keys, the last mode's too, then the rules
    // from the registry, at the end.
    let mut a = app(Lang::Zh);
    a.popup = Some(fuhe::app::Popup::Help { scroll: 0 });
    let help = render(&mut a, 80, 400);
    assert!(help.contains("工作区无法写入：另选保存文件夹"), "{help}");
    assert!(help.contains("Ctrl-u") && help.contains("清空输入"), "{help}");
    let keys_end = help.find("清空输入").unwrap();
    let rules = help.find("检查规则").expect("the rules section");
    assert!(rules > keys_end, "rules come after the keys");
    for r in fuhe::rules::ALL {
        assert!(help.contains(r.id) && help.contains(r.title_zh), "{} in the help", r.id);
    }
    a.popup = Some(fuhe::app::Popup::Help { scroll: usize::MAX });
    let end = render(&mut a, 80, 24);
    assert!(
        end.contains("text.foreign_activity") && end.contains("与职能无关的内容"),
        "{end}"
    );
}

#[test]
fn columns_stay_aligned_with_chinese_text() {
    // In the expense lines every amount ends in the same column, whatever the
    // width of the Chinese name before it.
    let mut a = data_bureau(Lang::Zh, "3");
    let screen = render(&mut a, 100, 30);
    let ends: Vec<usize> = screen
        .lines()
        .filter(|l| l.contains("经费") || l.contains("支出\"") || l.contains("数字化平台"))
        .filter_map(|l| {
            ["178.95", "60.5", "195.9", "234 ", "197 ", "72.39", "191.05"]
                .iter()
                .find_map(|amt| {
                    l.find(amt)
                        .map(|b| unicode_width::UnicodeWidthStr::width(&l[..b + amt.trim().len()]))
                })
        })
        .collect();
    assert!(ends.len() >= 6, "{screen}");
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{ends:?}\n{screen}");
}

#[test]
fn any_size_draws_without_panic() {
    let mut a = data_bureau(Lang::Zh, "4");
    for w in 1..=30 {
        for h in 1..=10 {
            render(&mut a, w, h);
        }
    }
    render(&mut a, 400, 120);
    let small = render(&mut a, 40, 10);
    assert!(small.contains("终端太小"), "{small}");
    // It names the size it has and the size it needs.
    let flat: String = small.lines().map(str::trim_end).collect();
    assert!(
        flat.contains("当前 40×10") && flat.contains("至少需要 60×15"),
        "{small}"
    );
}

/// A score's form is drawn over the score sheet it was opened from, which
/// stays in view around it.
#[test]
fn a_scores_form_shows_over_its_sheet() {
    let mut app = app(Lang::Zh);
    enter(&mut app);
    app.act(fuhe::keymap::Action::Score);
    app.handle_key(Key::plain(KeyCode::Down));
    app.handle_key(Key::plain(KeyCode::Down));
    enter(&mut app);
    let s = render(&mut app, 120, 32);
    assert!(s.contains("复核评分"), "the sheet under it:\n{s}");
    assert!(
        s.contains("复核分") && s.contains("Enter 保存"),
        "the form on top:\n{s}"
    );
}
