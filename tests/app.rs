//! The interface's behaviour, driven by keys without a terminal.

use fuhe::app::{App, Popup, Tab};
use fuhe::checks::CheckConfig;
use fuhe::keymap::{Key, KeyCode, Keymap};
use fuhe::labels::Lang;
use fuhe::workspace::Workspace;
use std::path::Path;

pub fn sample_app(keymap: &str) -> App {
    let ws = Workspace::open(Path::new("sample-data")).unwrap();
    let mut app = App::new(
        "sample-data".into(),
        false,
        ws.reports,
        ws.errors,
        Lang::Zh,
        Keymap::builtin(keymap).unwrap(),
        CheckConfig::default(),
    );
    app.check_all();
    app
}

fn keys(app: &mut App, ks: &[Key]) {
    for k in ks {
        app.handle_key(*k);
    }
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.handle_key(Key::ch(c));
    }
}

fn enter() -> Key {
    Key::plain(KeyCode::Enter)
}

fn open_data_bureau(app: &mut App) {
    typed(app, "/");
    typed(app, "数据局");
    keys(app, &[enter(), enter()]);
    let r = app.current().unwrap();
    assert_eq!(app.report(r).report.department, "临湘市数据局");
}

#[test]
fn the_list_opens_on_the_first_report_by_department() {
    let mut app = sample_app("default");
    assert_eq!(app.list.visible.len(), 7);
    let first = app.list.visible[0];
    keys(&mut app, &[enter()]);
    assert_eq!(app.view.as_ref().unwrap().report, first);
    assert_eq!(app.view.as_ref().unwrap().tab, Tab::Overview);
}

#[test]
fn filter_narrows_the_list_and_escape_restores_it() {
    let mut app = sample_app("default");
    typed(&mut app, "/");
    assert!(matches!(app.popup, Some(Popup::Filter { .. })));
    typed(&mut app, "民政");
    assert_eq!(app.list.visible.len(), 1);
    // Typing "q" in the filter is text, not quit.
    typed(&mut app, "q");
    assert!(!app.quit);
    keys(&mut app, &[Key::plain(KeyCode::Backspace), Key::plain(KeyCode::Esc)]);
    assert_eq!(app.list.visible.len(), 7);
    assert!(app.popup.is_none());
}

#[test]
fn sorting_by_errors_puts_the_worst_first() {
    let mut app = sample_app("default");
    // The column cursor: department → year → forms → self-score →
    // suggested → review score → errors; s sorts by it.
    for _ in 0..6 {
        keys(&mut app, &[Key::plain(KeyCode::Right)]);
    }
    typed(&mut app, "s");
    let first = app.list.visible[0];
    assert_eq!(app.report(first).report.department, "临湘市卫生健康局");
    typed(&mut app, "s"); // the same column again: reversed
    let last = *app.list.visible.last().unwrap();
    assert_eq!(app.report(last).report.department, "临湘市卫生健康局");
}

#[test]
fn funds_tab_shows_planned_beside_arrived() {
    let mut app = sample_app("default");
    open_data_bureau(&mut app);
    typed(&mut app, "1");
    let v = app.view.as_ref().unwrap();
    assert_eq!(v.tab, Tab::Funds);
    let row = app.selected_row().unwrap();
    let texts: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(&texts[..5], &["合计", "1049", "1281.79", "+232.79", "+22.2%"]);
    // The arrived cell carries the budget flag.
    assert!(app.row_flags(row).iter().any(|f| f.rule == "budget.planned_vs_arrived"));
}

#[test]
fn a_finding_jumps_to_its_cell_and_back() {
    let mut app = sample_app("default");
    open_data_bureau(&mut app);
    typed(&mut app, "5");
    // Move to the budget finding and jump.
    let target = app
        .view
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .position(|r| r.path.as_deref() == Some("project_forms[0].funds.arrived.total"))
        .unwrap();
    while app.view.as_ref().unwrap().selected[Tab::Flags.index()] < target {
        keys(&mut app, &[Key::plain(KeyCode::Down)]);
    }
    keys(&mut app, &[enter()]);
    assert_eq!(app.view.as_ref().unwrap().tab, Tab::Funds);
    assert_eq!(app.selected_row().unwrap().cells[2].text, "1281.79");
    // Enter on a flagged item goes to its finding.
    keys(&mut app, &[enter()]);
    assert_eq!(app.view.as_ref().unwrap().tab, Tab::Flags);
    assert_eq!(
        app.selected_row().unwrap().path.as_deref(),
        Some("project_forms[0].funds.arrived.total")
    );
}

#[test]
fn voucher_lookup_lists_every_line_holding_5_19() {
    let mut app = sample_app("default");
    typed(&mut app, "v");
    typed(&mut app, "5月19");
    let Some(Popup::Lookup { results, .. }) = &app.popup else {
        panic!()
    };
    let idx = app.voucher_index().unwrap();
    let lines: Vec<&str> = results
        .iter()
        .map(|i| &idx.entries[*i])
        .filter(|e| e.voucher.to_string() == "5月19#")
        .map(|e| idx.line_name(e))
        .collect();
    assert_eq!(
        lines,
        vec![
            "智慧大厅政务服务工作经费费支出",
            "智慧政务大厅信息硬件运维经费支出",
            "软件平台系统维护更新支出"
        ]
    );
    keys(&mut app, &[Key::plain(KeyCode::Down), enter()]);
    assert!(app.popup.is_none());
    assert_eq!(app.view.as_ref().unwrap().tab, Tab::Expenses);
    assert_eq!(
        app.selected_row().unwrap().cells[0].text,
        "智慧政务大厅信息硬件运维经费支出"
    );
    // Fuzzy on a line's name.
    typed(&mut app, "v");
    typed(&mut app, "食堂");
    let Some(Popup::Lookup { results, .. }) = &app.popup else {
        panic!()
    };
    assert!(!results.is_empty());
    assert!(results.iter().all(|i| {
        let idx = app.voucher_index().unwrap();
        idx.line_name(&idx.entries[*i]).contains("食堂")
    }));
}

#[test]
fn copy_puts_the_voucher_string_on_the_clipboard() {
    let mut app = sample_app("default");
    open_data_bureau(&mut app);
    typed(&mut app, "3");
    keys(
        &mut app,
        &[
            Key::plain(KeyCode::Down),
            Key::plain(KeyCode::Down),
            Key::plain(KeyCode::Down),
            Key::plain(KeyCode::Down),
            Key::plain(KeyCode::Down),
        ],
    );
    typed(&mut app, "c");
    assert_eq!(app.clipboard.as_deref(), Some("3月 11#13#5月19#11月20#12月42#"));
}

#[test]
fn vim_keys() {
    let mut app = sample_app("vim");
    typed(&mut app, "G");
    assert_eq!(app.list.selected, 6);
    typed(&mut app, "gg");
    assert_eq!(app.list.selected, 0);
    typed(&mut app, "j");
    assert_eq!(app.list.selected, 1);
    typed(&mut app, "l");
    assert!(app.view.is_some());
    typed(&mut app, "l");
    assert_eq!(app.view.as_ref().unwrap().tab, Tab::Funds);
    typed(&mut app, "h");
    assert_eq!(app.view.as_ref().unwrap().tab, Tab::Overview);
    typed(&mut app, "q");
    assert!(app.view.is_none());
    assert!(!app.quit);
    typed(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn help_lists_keys_and_closes() {
    let mut app = sample_app("default");
    typed(&mut app, "?");
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert!(app.popup.is_none());
}

#[test]
fn next_flagged_row_skips_clean_rows() {
    let mut app = sample_app("default");
    open_data_bureau(&mut app);
    typed(&mut app, "3");
    typed(&mut app, "n");
    let row = app.selected_row().unwrap();
    assert!(!app.row_flags(row).is_empty());
}

#[test]
fn readme_documents_every_action() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for a in fuhe::keymap::Action::ALL {
        assert!(readme.contains(&format!("`{}`", a.id())), "README lacks {}", a.id());
    }
}

/// An app over report files not read yet, in the default keymap.
fn lazy_app(root: impl AsRef<Path>, files: Vec<std::path::PathBuf>, lang: Lang) -> App {
    App::new_lazy(
        root.as_ref().to_path_buf(),
        false,
        files,
        lang,
        Keymap::builtin("default").unwrap(),
        CheckConfig::default(),
    )
}

/// Starts the background readers and takes their results until every report
/// is read (at most 30 s).
fn read_in_background(app: &mut App) {
    app.start_checks();
    let t = std::time::Instant::now();
    while app.checking() && t.elapsed() < std::time::Duration::from_secs(30) {
        app.poll();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Reports read in the background are kept without their narratives and
/// voucher strings (the bulk of a report) and read in full again when
/// opened, with the same findings; the list and the voucher lookup work on
/// the kept part.
#[test]
fn background_reports_keep_no_narrative_until_opened() {
    let files = fuhe::workspace::report_files(Path::new("sample-data/reports")).unwrap();
    let mut app = lazy_app("sample-data", files, Lang::Zh);
    read_in_background(&mut app);
    assert!(!app.checking(), "every report read");
    let i = app
        .slots
        .iter()
        .position(|s| s.file.id == "linxiang-data-bureau-2024")
        .unwrap();
    let vouchers_kept = |app: &App| {
        app.report(i).report.project_forms[0]
            .expenses
            .iter()
            .filter(|e| e.vouchers.is_some())
            .count()
    };
    assert_eq!(app.slots[i].held, fuhe::app::Held::Slim);
    assert!(app.report(i).report.department_form.narrative.is_empty());
    assert_eq!(vouchers_kept(&app), 0);
    // Checked on the full file before it was slimmed down: the narrative's
    // findings are counted. A quick check's findings are not kept for a
    // report not open, only their counts (a slow one's are kept: on a busy
    // machine even the sample's check can be slow, so either is right here,
    // as long as what is kept is the whole file's findings).
    let full = fuhe::workspace::load_report(&app.report(i).path).unwrap();
    let flags_before = fuhe::checks::check_report(&full.report, &CheckConfig::default());
    assert!(flags_before.iter().any(|f| f.rule == "narrative.funding_split"));
    assert_eq!(app.slots[i].tally, Some(fuhe::checks::counts(&flags_before)));
    if let Some(kept) = &app.slots[i].flags {
        assert_eq!(kept, &flags_before);
    }
    // The lookup finds 5月19# without any narrative in memory.
    app.handle_key(Key::ch('v'));
    typed(&mut app, "5月19");
    match &app.popup {
        Some(Popup::Lookup { results, .. }) => assert!(results.len() >= 3),
        other => panic!("no lookup: {other:?}"),
    }
    app.handle_key(Key::plain(KeyCode::Esc));
    app.open(i);
    assert_eq!(app.slots[i].held, fuhe::app::Held::Full);
    assert!(!app.report(i).report.department_form.narrative.is_empty());
    assert_eq!(vouchers_kept(&app), 9, "the nine expense lines' voucher strings");
    assert_eq!(app.slots[i].flags.as_ref().unwrap(), &flags_before);
    app.act(fuhe::keymap::Action::TabNarrative);
    let view = app.view.as_ref().unwrap();
    assert_eq!(view.tab, Tab::Narrative);
    assert!(view.rows.len() > 20, "the narrative is shown: {} rows", view.rows.len());
}

/// The list's next-report-with-findings key goes by the counts, so it still
/// finds reports whose findings were let go once counted.
#[test]
fn next_flagged_report_finds_reports_that_let_their_findings_go() {
    let files = fuhe::workspace::report_files(Path::new("sample-data/reports")).unwrap();
    let mut app = lazy_app("sample-data", files, Lang::Zh);
    // However slow this machine is, a check counts as quick here.
    app.keep_findings_over = std::time::Duration::MAX;
    read_in_background(&mut app);
    assert!(
        app.slots.iter().all(|s| s.flags.is_none()),
        "every report let its findings go"
    );
    let flagged: Vec<usize> = (0..app.list.visible.len())
        .filter(|&k| app.slots[app.list.visible[k]].tally.is_some_and(|(e, w, _)| e + w > 0))
        .collect();
    assert!(flagged.len() >= 2, "the samples have reports with findings");
    let start = app.list.selected;
    app.act(fuhe::keymap::Action::NextFlagged);
    let expected = flagged.iter().copied().find(|&k| k > start).unwrap_or(flagged[0]);
    assert_eq!(app.list.selected, expected);
    app.act(fuhe::keymap::Action::PrevFlagged);
    let back = flagged
        .iter()
        .rev()
        .copied()
        .find(|&k| k < expected)
        .unwrap_or(*flagged.last().unwrap());
    assert_eq!(app.list.selected, back);
}

/// Reports not open keep only what the list and the lookup show, and the
/// list shows the same figures as when every report is held whole: counts,
/// suggested scores, the filter by a project's or expense line's name.
#[test]
fn reports_kept_for_the_list_show_what_whole_ones_show() {
    let files = fuhe::workspace::report_files(Path::new("sample-data/reports")).unwrap();
    let mut lazy = lazy_app("sample-data", files, Lang::Zh);
    // However slow this machine is, a check counts as quick here.
    lazy.keep_findings_over = std::time::Duration::MAX;
    read_in_background(&mut lazy);
    let whole = sample_app("default");
    let by_id = |app: &App, id: &str| app.slots.iter().position(|s| s.file.id == id).unwrap();
    for s in &whole.slots {
        let i = by_id(&lazy, &s.file.id);
        let kept = &lazy.slots[i];
        assert_eq!(kept.held, fuhe::app::Held::Slim);
        assert!(kept.file.report.department_form.indicators.is_empty(), "tables let go");
        assert!(kept.flags.is_none(), "findings let go, counted");
        assert_eq!(kept.tally, s.tally, "{}", s.file.id);
        let total = |slot: &fuhe::app::Slot| slot.review.sheet.as_ref().map(|sh| sh.suggested.total);
        assert_eq!(total(kept), total(s), "{}", s.file.id);
        assert!(total(kept).is_some());
    }
    lazy.handle_key(Key::ch('/'));
    typed(&mut lazy, "软件平台系统维护");
    let shown: Vec<&str> = lazy
        .list
        .visible
        .iter()
        .map(|&i| lazy.report(i).report.department.as_str())
        .collect();
    assert_eq!(shown, ["临湘市数据局"]);
}

/// A report opened before the background check got to it is read at once
/// and not checked a second time: its findings arrive from the check, the
/// findings tab says it is checking until then, and they are the findings
/// of the file opened. A report changed after the list was read is checked
/// again when opened.
#[test]
fn a_report_opened_before_its_check_gets_the_checks_findings() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let sample = Path::new("sample-data/reports/linxiang-data-bureau-2024.json");
    let file = reports.join("data.json");
    std::fs::copy(sample, &file).unwrap();
    let mut app = lazy_app(ws.path(), vec![file.clone()], Lang::Zh);
    app.start_checks();
    app.open(0);
    assert!(app.view.is_some());
    assert_eq!(app.slots[0].held, fuhe::app::Held::Full);
    if app.slots[0].flags.is_none() {
        app.act(fuhe::keymap::Action::TabFlags);
        let first = &app.view.as_ref().unwrap().rows[0].cells[0].text;
        assert!(first.contains("检查"), "says it is checking: {first}");
    }
    let t = std::time::Instant::now();
    while app.checking() && t.elapsed() < std::time::Duration::from_secs(30) {
        app.poll();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let want = fuhe::checks::check_report(&app.report(0).report, &CheckConfig::default());
    assert_eq!(app.slots[0].flags.as_ref().unwrap(), &want);
    assert_eq!(app.slots[0].held, fuhe::app::Held::Full, "still the full report");
    app.act(fuhe::keymap::Action::TabFlags);
    assert!(app.view.as_ref().unwrap().rows.len() > 10, "the findings are listed");

    // Changed after the list read it: checked again on opening.
    app.view = None;
    let mut changed: serde_json::Value = serde_json::from_slice(&std::fs::read(sample).unwrap()).unwrap();
    changed["department_form"]["indicators"] = serde_json::json!([]);
    let mut again = lazy_app(ws.path(), vec![file.clone()], Lang::Zh);
    read_in_background(&mut again);
    std::fs::write(&file, changed.to_string()).unwrap();
    again.open(0);
    let want = fuhe::checks::check_report(&again.report(0).report, &CheckConfig::default());
    assert!(again.report(0).report.department_form.indicators.is_empty());
    assert_eq!(again.slots[0].flags.as_ref().unwrap(), &want);
}

/// A report whose file turned bad after the list was read is not opened
/// from what was kept: the auditor is told which file and where it broke.
#[test]
fn a_report_broken_after_listing_says_so_when_opened() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let src = Path::new("sample-data/reports/linxiang-education-bureau-2024.json");
    let file = reports.join("edu.json");
    std::fs::copy(src, &file).unwrap();
    let mut app = lazy_app(ws.path(), vec![file.clone()], Lang::En);
    read_in_background(&mut app);
    assert_eq!(app.slots[0].held, fuhe::app::Held::Slim);
    std::fs::write(&file, "{\"fuhe_report\": 1, \"department\": 12}").unwrap();
    app.open(0);
    assert!(app.view.is_none(), "not opened from the kept copy");
    let (msg, is_error) = app.message.clone().unwrap();
    assert!(is_error);
    assert!(msg.contains("edu.json") && msg.contains("department"), "{msg}");
    // The file mended: it opens.
    std::fs::copy(src, &file).unwrap();
    app.open(0);
    assert!(app.view.is_some());
    assert!(!app.report(0).report.department_form.narrative.is_empty());
}

/// A report that could not be read is never opened from its placeholder:
/// there is nothing to review, so nothing can be scored, approved or marked
/// done for it; the list names it as not read.
#[test]
fn an_unreadable_report_cannot_be_opened_or_reviewed() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let file = reports.join("bad.json");
    std::fs::write(&file, "{\"fuhe_report\": 1, \"department\": 12}").unwrap();
    let mut app = lazy_app(ws.path(), vec![file.clone()], Lang::En);
    read_in_background(&mut app);
    assert_eq!(app.slots[0].held, fuhe::app::Held::Failed);
    assert!(
        app.report(0).report.department.contains("bad"),
        "{}",
        app.report(0).report.department
    );
    app.open(0);
    assert!(app.view.is_none() && app.session.is_none(), "nothing to review");
    let (msg, is_error) = app.message.clone().unwrap();
    assert!(is_error && msg.contains("bad.json"), "{msg}");
    assert!(!ws.path().join("reviews").exists(), "no review file was made");
}

fn alt(c: char) -> Key {
    Key {
        alt: true,
        ..Key::ch(c)
    }
}

#[test]
fn esc_joined_with_the_next_key_acts_as_both() {
    // Over SSH, Esc and the key after it arrive in one read and are decoded
    // as Alt+key; nothing binds Alt+o, so it is Esc then o.
    for keymap in ["default", "vim"] {
        let mut app = sample_app(keymap);
        open_data_bureau(&mut app);
        typed(&mut app, "s");
        assert!(matches!(app.popup, Some(Popup::Scores { .. })), "{keymap}");
        keys(&mut app, &[alt('o')]);
        assert!(
            matches!(app.popup, Some(Popup::Opinion { .. })),
            "{keymap}: Alt+o on the score sheet closes it and opens the opinion"
        );
        // In a text field too: Esc closes the filter, then the key acts.
        keys(&mut app, &[Key::plain(KeyCode::Esc)]);
        assert!(app.popup.is_none());
        typed(&mut app, "?");
        assert!(matches!(app.popup, Some(Popup::Help { .. })));
        keys(&mut app, &[alt('/')]);
        assert!(
            matches!(
                app.popup,
                Some(Popup::Filter { .. }) | Some(Popup::Lookup { .. }) | None
            ),
            "{keymap}: the help closed"
        );
        assert!(!matches!(app.popup, Some(Popup::Help { .. })));
    }
}

#[test]
fn a_bound_alt_key_keeps_its_action() {
    use fuhe::keymap::{Action, Mode};
    let mut km = Keymap::builtin("default").unwrap();
    km.bindings
        .entry(Mode::Global)
        .or_default()
        .insert(vec![alt('h')], Action::Help);
    let ws = Workspace::open(Path::new("sample-data")).unwrap();
    let mut app = App::new(
        "sample-data".into(),
        false,
        ws.reports,
        ws.errors,
        Lang::Zh,
        km,
        CheckConfig::default(),
    );
    app.check_all();
    keys(&mut app, &[alt('h')]);
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
}

const KEYS_START: &str = "<!-- keys:start (generated from keymaps/; tests/app.rs fails when they differ) -->\n";
const KEYS_END: &str = "<!-- keys:end -->";

#[test]
fn the_readme_key_table_is_the_keymaps() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = Keymap::readme_table();
    let (Some(s), Some(e)) = (readme.find(KEYS_START), readme.find(KEYS_END)) else {
        panic!("README.md lacks the keys markers");
    };
    if readme[s + KEYS_START.len()..e] != table {
        if std::env::var_os("FUHE_UPDATE_README").is_some() {
            let updated = format!("{}{table}{}", &readme[..s + KEYS_START.len()], &readme[e..]);
            std::fs::write("README.md", updated).unwrap();
        }
        panic!("README.md's key table differs from keymaps/; run with FUHE_UPDATE_README=1 to rewrite it");
    }
}

fn esc() -> Key {
    Key::plain(KeyCode::Esc)
}

/// A filter in force is never hidden: Esc in the list clears it.
#[test]
fn esc_clears_the_list_filter_in_both_keymaps() {
    for km in ["default", "vim"] {
        let mut app = sample_app(km);
        open_data_bureau(&mut app);
        keys(&mut app, &[esc()]);
        assert!(app.view.is_none());
        assert_eq!(
            (app.list.filter.as_str(), app.list.visible.len()),
            ("数据局", 1),
            "{km}: still filtered"
        );
        keys(&mut app, &[esc()]);
        assert_eq!(
            (app.list.filter.as_str(), app.list.visible.len()),
            ("", 7),
            "{km}: Esc cleared it"
        );
    }
}

/// Departments in pinyin order (交通 教育 民政 农业 数据 卫生 自然), and the
/// list starts on its first row.
#[test]
fn departments_sort_in_pinyin_order_from_the_first_row() {
    let app = sample_app("default");
    let names: Vec<String> = app
        .list
        .visible
        .iter()
        .map(|&i| app.report(i).report.department.replace("临湘市", ""))
        .collect();
    assert_eq!(
        names,
        [
            "交通运输局",
            "教育局",
            "民政局",
            "农业农村局",
            "数据局",
            "卫生健康局",
            "自然资源局"
        ]
    );
    assert_eq!(app.list.selected, 0);
}

/// Reports read in the background arrive in any order and change the sort;
/// until the auditor moves, the first row stays selected.
#[test]
fn the_selection_stays_on_the_first_row_while_reports_arrive() {
    let files = fuhe::workspace::report_files(Path::new("sample-data/reports")).unwrap();
    let mut app = lazy_app("sample-data", files, Lang::Zh);
    read_in_background(&mut app);
    assert_eq!(app.list.selected, 0);
    assert!(app.report(app.list.visible[0]).report.department.contains("交通运输局"));
}

/// Ctrl-o goes back along every jump — finding → cell, list → report — and
/// Tab in the list goes forward again.
#[test]
fn the_jump_list_goes_back_and_forward() {
    for km in ["default", "vim"] {
        let mut app = sample_app(km);
        open_data_bureau(&mut app);
        typed(&mut app, "5");
        keys(&mut app, &[Key::plain(KeyCode::Down)]);
        let finding_row = app.view.as_ref().unwrap().selected[Tab::Flags.index()];
        keys(&mut app, &[enter()]);
        let cell_tab = app.view.as_ref().unwrap().tab;
        assert_ne!(cell_tab, Tab::Flags, "{km}: jumped to the cell");
        keys(&mut app, &[Key::ctrl('o')]);
        let v = app.view.as_ref().unwrap();
        assert_eq!(
            (v.tab, v.selected[Tab::Flags.index()]),
            (Tab::Flags, finding_row),
            "{km}"
        );
        keys(&mut app, &[Key::ctrl('o')]);
        assert!(app.view.is_none(), "{km}: back at the list");
        assert_eq!(app.report(app.current().unwrap()).report.department, "临湘市数据局");
        keys(&mut app, &[Key::plain(KeyCode::Tab)]);
        assert_eq!(
            app.view.as_ref().map(|v| v.tab),
            Some(Tab::Flags),
            "{km}: forward again"
        );
        keys(&mut app, &[Key::plain(KeyCode::Tab)]);
        assert_eq!(
            app.view.as_ref().map(|v| v.tab),
            Some(Tab::Overview),
            "{km}: Tab is next tab in a report"
        );
    }
    // Nothing to go back to in a report: Backspace (default) goes up a level.
    let mut app = sample_app("default");
    keys(&mut app, &[enter()]);
    app.jumps.clear();
    keys(&mut app, &[Key::plain(KeyCode::Backspace)]);
    assert!(app.view.is_none());
}

/// `/` in a report finds rows of the current view; n / N go from hit to
/// hit; Esc clears the search before it leaves the report.
#[test]
fn search_inside_a_report_and_esc_clears_it_first() {
    for km in ["default", "vim"] {
        let mut app = sample_app(km);
        open_data_bureau(&mut app);
        typed(&mut app, "3"); // expense lines
        typed(&mut app, "/软件");
        keys(&mut app, &[enter()]);
        let hits = app.hits();
        assert!(!hits.is_empty(), "{km}: 软件 is on an expense line");
        let v = app.view.as_ref().unwrap();
        let at = v.selected[Tab::Expenses.index()];
        assert_eq!(at, hits[0], "{km}: on the first hit");
        let row = app.selected_row().unwrap();
        assert!(
            row.cells.iter().any(|c| c.text.contains("软件"))
                || row.detail.as_deref().is_some_and(|d| d.contains("软件"))
        );
        typed(&mut app, "n");
        let after = app.view.as_ref().unwrap().selected[Tab::Expenses.index()];
        assert_eq!(after, hits[1 % hits.len()], "{km}: n goes to the next hit");
        keys(&mut app, &[esc()]);
        assert!(app.view.is_some(), "{km}: Esc cleared the search, still in the report");
        assert!(app.view.as_ref().unwrap().find.is_empty());
        keys(&mut app, &[esc()]);
        assert!(app.view.is_none(), "{km}: the next Esc leaves");
    }
}

/// On the findings tab a key shows only the undecided, confirmed, set-aside
/// findings or the errors, in turn.
#[test]
fn the_findings_tab_shows_one_set_at_a_time() {
    let mut app = sample_app("default");
    open_data_bureau(&mut app);
    typed(&mut app, "5");
    let all = app.view.as_ref().unwrap().rows.len();
    typed(&mut app, "f");
    assert_eq!(app.view.as_ref().unwrap().shown, fuhe::app::Shown::Undecided);
    assert_eq!(app.view.as_ref().unwrap().rows.len(), all, "nothing decided yet");
    typed(&mut app, "f"); // confirmed: none
    let rows = &app.view.as_ref().unwrap().rows;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].cells[0].text.contains("已确认"));
    typed(&mut app, "ff"); // errors only
    assert_eq!(app.view.as_ref().unwrap().shown, fuhe::app::Shown::Errors);
    let errors = app
        .flags_of(app.current().unwrap())
        .iter()
        .filter(|f| f.severity == fuhe::checks::Severity::Error)
        .count();
    assert_eq!(
        app.view.as_ref().unwrap().rows.len(),
        errors + 1,
        "a heading and the errors"
    );
    keys(&mut app, &[esc()]);
    assert_eq!(
        app.view.as_ref().unwrap().shown,
        fuhe::app::Shown::All,
        "Esc shows all again"
    );
    assert_eq!(app.view.as_ref().unwrap().rows.len(), all);
}

/// The findings index the rows use gives, for every row of every tab of
/// every sample report, the same findings in the same order as testing
/// each finding against the row.
#[test]
fn the_findings_index_finds_what_testing_every_finding_finds() {
    let mut app = sample_app("default");
    let mut compared = 0;
    for k in 0..app.list.visible.len() {
        let report = app.list.visible[k];
        app.open(report);
        for tab in Tab::ALL {
            if tab == Tab::Flags {
                continue;
            }
            app.view.as_mut().unwrap().tab = tab;
            app.refresh_rows();
            let v = app.view.as_ref().unwrap();
            let flags = app.flags_of(report);
            for row in &v.rows {
                let by_index: Vec<&fuhe::checks::Flag> = app.row_flags(row);
                let by_scan: Vec<&fuhe::checks::Flag> = flags
                    .iter()
                    .filter(|f| row.owns(&f.path) || f.related.iter().any(|r| row.owns(r)))
                    .collect();
                assert_eq!(by_index, by_scan, "{:?} in {}", row.path, app.report(report).id);
                compared += by_scan.len();
            }
        }
        app.view = None;
    }
    assert!(compared > 100, "the sample's rows carry findings: {compared}");
    let is_under = fuhe::item::ItemPath::is_under;
    assert!(is_under(
        "project_forms[0].expenses[3].vouchers",
        "project_forms[0].expenses[3]"
    ));
    assert!(is_under("project_forms[0]", "project_forms[0]"));
    assert!(!is_under(
        "project_forms[0].expenses[13]",
        "project_forms[0].expenses[1]"
    ));
    assert!(!is_under(
        "department_form.indicators_extra",
        "department_form.indicators"
    ));
}

/// Popups stack: the help over the score sheet, and a score's form over it,
/// each give the sheet back as it was when they close.
#[test]
fn closing_a_popup_brings_back_the_one_under_it() {
    let mut app = sample_app("default");
    open_data_bureau(&mut app);
    app.act(fuhe::keymap::Action::Score);
    keys(&mut app, &[Key::plain(KeyCode::Down), Key::plain(KeyCode::Down)]);
    let sheet = app.popup.clone();
    assert!(matches!(sheet, Some(Popup::Scores { selected: 2, .. })), "{sheet:?}");
    app.act(fuhe::keymap::Action::Help);
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    // The help key again closes the help rather than stacking another.
    app.act(fuhe::keymap::Action::Help);
    assert_eq!(format!("{:?}", app.popup), format!("{sheet:?}"));
    app.act(fuhe::keymap::Action::Help);
    app.handle_key(Key::plain(KeyCode::Esc));
    assert_eq!(format!("{:?}", app.popup), format!("{sheet:?}"), "the sheet, as it was");
    app.handle_key(enter());
    assert!(matches!(app.popup, Some(Popup::Form { .. })), "{:?}", app.popup);
    app.handle_key(Key::plain(KeyCode::Esc));
    assert_eq!(format!("{:?}", app.popup), format!("{sheet:?}"));
    app.handle_key(Key::plain(KeyCode::Esc));
    assert!(app.popup.is_none() && app.below.is_empty());
    assert!(app.view.is_some(), "still in the report");
}

/// The score sheet is worked out when it opens and whenever what it rests
/// on changes, not on each frame: after taking a suggestion the kept sheet
/// counts it, and it is let go when the sheet closes.
#[test]
fn the_score_sheet_is_worked_out_on_change_not_per_frame() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::copy(
        "sample-data/reports/linxiang-data-bureau-2024.json",
        reports.join("data.json"),
    )
    .unwrap();
    let loaded = fuhe::workspace::Workspace::open(ws.path()).unwrap();
    let mut app = App::new(
        ws.path().into(),
        false,
        loaded.reports,
        loaded.errors,
        Lang::Zh,
        Keymap::builtin("default").unwrap(),
        CheckConfig::default(),
    );
    app.check_all();
    app.open(0);
    app.act(fuhe::keymap::Action::Score);
    let scored = |app: &App| app.sheet_view(0, None).map(|v| v.sheet.scored);
    assert_eq!(scored(&app), Some(0));
    app.act(fuhe::keymap::Action::TakeSuggestion);
    assert_eq!(scored(&app), Some(1), "worked out again after the change");
    let fresh = app.sheet(0, None, app.session.as_ref().and_then(|s| s.review.as_ref()));
    assert_eq!(app.sheet_view(0, None).unwrap().sheet.scored, fresh.scored);
    app.act(fuhe::keymap::Action::Back);
    assert!(app.sheet_view.is_none(), "let go with the sheet");
}

/// Every key the footer offers — on the list, on each tab of a report, in
/// each popup — is bound where it is offered, in both shipped keymaps, and
/// a component that gives an action a word of its own says it.
#[test]
fn every_hint_offered_is_a_bound_key() {
    use fuhe::keymap::{Action, Mode};
    for keymap in ["default", "vim"] {
        let mut app = sample_app(keymap);
        let check = |app: &App, place: &str| {
            let mode = app.mode();
            for h in app.hints() {
                let bound = !app.keymap.keys_for(mode, h.action).is_empty()
                    || !app.keymap.keys_for(Mode::Global, h.action).is_empty();
                assert!(
                    bound,
                    "{keymap}: {place} offers {:?}, which no key does there",
                    h.action
                );
                assert!(!h.word(Lang::Zh).is_empty() && !h.word(Lang::En).is_empty());
            }
        };
        check(&app, "the list");
        app.list.filter = "数据".into();
        app.refresh_list();
        let first = app.hints()[0];
        assert_eq!((first.action, first.word(Lang::Zh)), (Action::Back, "清除筛选"));
        check(&app, "the filtered list");
        let report = app.list.visible[0];
        app.open(report);
        for tab in Tab::ALL {
            app.act(match tab {
                Tab::Overview => Action::TabOverview,
                Tab::Funds => Action::TabFunds,
                Tab::Indicators => Action::TabIndicators,
                Tab::Expenses => Action::TabExpenses,
                Tab::Narrative => Action::TabNarrative,
                Tab::Flags => Action::TabFlags,
            });
            check(&app, &format!("the {tab:?} tab"));
        }
        let find = app.hints().into_iter().find(|h| h.action == Action::Search).unwrap();
        assert_eq!(find.word(Lang::En), "find", "/ finds in a report");
        // With a search in force, n goes from hit to hit, and says so.
        app.act(Action::TabNarrative);
        let next = |app: &App| {
            app.hints()
                .into_iter()
                .find(|h| h.action == Action::NextFlagged)
                .unwrap()
        };
        assert_eq!(next(&app).word(Lang::Zh), "下个问题");
        app.view.as_mut().unwrap().find = "资金".into();
        assert_eq!(next(&app).word(Lang::Zh), "下一处");
        check(&app, "a report with a search in force");
        app.view.as_mut().unwrap().find.clear();
        for popup in [
            Popup::Help { scroll: 0 },
            Popup::Scores {
                form: None,
                selected: 0,
            },
            Popup::Opinion { selected: 0 },
            Popup::Conflict,
            Popup::SaveFolder {
                error: "Read-only file system".into(),
                rescued: None,
                input: fuhe::app::Input::default(),
                problem: None,
            },
        ] {
            app.popup = Some(popup.clone());
            check(&app, &format!("{popup:?}"));
        }
        app.popup = None;
        app.act(Action::Annotate);
        assert!(matches!(app.popup, Some(Popup::Editor { .. })));
        check(&app, "the note's editor");
        app.act(Action::Cancel);
        app.act(Action::VoucherLookup);
        check(&app, "the voucher lookup");
    }
}
