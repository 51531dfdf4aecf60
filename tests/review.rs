//! Reviewing through the interface's state: notes, decisions, scores, the
//! opinion, undo/redo, saving, conflicts, locks, stale reports — each
//! checked in the review file on disk.

use fuhe::app::{App, Popup, Tab};
use fuhe::checks::CheckConfig;
use fuhe::keymap::{Key, KeyCode, Keymap};
use fuhe::labels::Lang;
use fuhe::review::store::{OnDisk, read, review_path};
use fuhe::review::{Decision, Status};
use fuhe::workspace::Workspace;
use std::path::Path;

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("reports")).unwrap();
    for e in std::fs::read_dir("sample-data/reports").unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("reports").join(e.file_name())).unwrap();
    }
    dir
}

fn app(root: &Path, reviewer: &str) -> App {
    let ws = Workspace::open(root).unwrap();
    let mut a = App::new(
        root.into(),
        false,
        ws.reports,
        ws.errors,
        Lang::Zh,
        Keymap::default_map(),
        CheckConfig::default(),
    );
    a.reviewer = reviewer.into();
    a.check_all();
    a.refresh_review_info();
    a
}

fn typed(a: &mut App, s: &str) {
    for c in s.chars() {
        a.handle_key(Key::ch(c));
    }
}

fn key(a: &mut App, code: KeyCode) {
    a.handle_key(Key::plain(code));
}

fn ctrl(a: &mut App, c: char) {
    a.handle_key(Key::ctrl(c));
}

fn open(a: &mut App, dept: &str) {
    typed(a, "/");
    typed(a, dept);
    key(a, KeyCode::Enter);
    key(a, KeyCode::Enter);
}

fn on_disk(root: &Path, id: &str) -> fuhe::review::Review {
    match read(&review_path(root, id)).0 {
        OnDisk::Valid(r) => *r,
        other => panic!("{other:?}"),
    }
}

const DATA: &str = "linxiang-data-bureau-2024";

#[test]
fn annotate_undo_redo() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "1a");
    assert!(matches!(a.popup, Some(Popup::Editor { .. })));
    typed(&mut a, "到位资金超计划");
    key(&mut a, KeyCode::Enter);
    a.paste("需核实\u{1b}[31m追加文件");
    ctrl(&mut a, 's');
    assert!(a.popup.is_none());
    let r = on_disk(ws.path(), DATA);
    assert_eq!(r.annotations.len(), 1);
    assert_eq!(r.annotations[0].target, "project_forms[0].funds.arrived.total");
    assert_eq!(
        r.annotations[0].text, "到位资金超计划\n需核实追加文件",
        "pasted escapes are stripped"
    );
    assert_eq!(r.annotations[0].author, "张三");
    typed(&mut a, "u");
    assert!(on_disk(ws.path(), DATA).annotations.is_empty());
    ctrl(&mut a, 'r');
    let r = on_disk(ws.path(), DATA);
    assert_eq!(r.annotations.len(), 1);
    assert_eq!(r.history.len(), 3, "note, undo, redo are all history");
    assert_eq!(r.status, Status::InProgress);
}

#[test]
fn dismissing_needs_a_reason_and_confirming_toggles() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "5");
    let first = a.selected_flag().unwrap();
    typed(&mut a, "-");
    key(&mut a, KeyCode::Enter);
    assert!(
        a.message.as_ref().unwrap().0.contains("理由"),
        "refused without a reason"
    );
    assert!(matches!(a.popup, Some(Popup::Form { .. })));
    typed(&mut a, "资金来源表述为笔误，已核实");
    key(&mut a, KeyCode::Enter);
    let r = on_disk(ws.path(), DATA);
    let d = &r.flag_decisions[0];
    assert_eq!(
        (d.flag.as_str(), d.decision),
        (first.key().as_str(), Decision::Dismissed)
    );
    assert_eq!(d.reason.as_deref(), Some("资金来源表述为笔误，已核实"));
    key(&mut a, KeyCode::Down);
    typed(&mut a, "+");
    assert_eq!(on_disk(ws.path(), DATA).flag_decisions[1].decision, Decision::Confirmed);
    typed(&mut a, "+");
    assert_eq!(
        on_disk(ws.path(), DATA).flag_decisions.len(),
        1,
        "confirming again takes it back"
    );
}

/// The score field opens with the suggestion, selected: a digit typed
/// replaces it (8, never 108), while moving the cursor first keeps it to
/// edit. A score the auditor did not type is never saved by accident.
#[test]
fn a_typed_score_replaces_the_suggestion() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "s");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Enter);
    assert_eq!(score_field(&a).text, "10", "prefilled with the suggestion");
    assert!(score_field(&a).proposed, "shown as a proposal");
    typed(&mut a, "8");
    assert_eq!(score_field(&a).text, "8");
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "到位资金超计划");
    key(&mut a, KeyCode::Enter);
    assert_eq!(on_disk(ws.path(), DATA).scores[0].score.to_string(), "8");
    // Opened again (saving moved to the next line) it proposes the
    // auditor's 8; End, then a digit, edits it.
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::End);
    typed(&mut a, ".5");
    assert_eq!(score_field(&a).text, "8.5");
    // Typed with a Chinese input method: ８。５ is 8.5; a comma is refused,
    // not taken for a thousands separator (1，5 is not 15).
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "１，５");
    key(&mut a, KeyCode::Enter);
    assert!(a.message.as_ref().unwrap().0.contains("0–10"), "{:?}", a.message);
    ctrl(&mut a, 'u');
    typed(&mut a, "７。５");
    key(&mut a, KeyCode::Enter);
    assert_eq!(on_disk(ws.path(), DATA).scores[0].score.to_string(), "7.5");
    // Backspace on a proposal empties the field.
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Backspace);
    assert_eq!(score_field(&a).text, "");
}

/// The score field of the open score form.
fn score_field(a: &App) -> &fuhe::app::Input {
    match &a.popup {
        Some(Popup::Form { fields, .. }) => &fields[0].1,
        other => panic!("no score form: {other:?}"),
    }
}

#[test]
fn scores_need_a_reason_when_they_differ_and_totals_are_computed() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "s");
    // Tab to the project form; the first line is the budget execution rate.
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Enter);
    let Some(Popup::Form { fields, .. }) = &a.popup else {
        panic!("{:?}", a.popup)
    };
    assert_eq!(fields[0].1.text, "10", "prefilled with the suggestion");
    ctrl(&mut a, 'u');
    typed(&mut a, "8");
    key(&mut a, KeyCode::Enter);
    assert!(a.message.as_ref().unwrap().0.contains("理由"));
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "到位资金超计划22.2%，预算编制不准");
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.popup, Some(Popup::Scores { .. })), "back on the sheet");
    let r = on_disk(ws.path(), DATA);
    assert_eq!(r.scores[0].item, "project_forms[0]#budget_execution");
    assert_eq!(r.scores[0].score.to_string(), "8");
    assert_eq!(r.scores[0].suggested.map(|s| s.to_string()).as_deref(), Some("10"));
    // A score above the weight is refused.
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Enter);
    ctrl(&mut a, 'u');
    typed(&mut a, "12");
    key(&mut a, KeyCode::Enter);
    assert!(a.message.as_ref().unwrap().0.contains("0–10"));
    key(&mut a, KeyCode::Esc);
    // One line scored of fourteen: no review total yet, only how far it got.
    let one = a.sheet(a.current().unwrap(), Some(0), Some(&on_disk(ws.path(), DATA)));
    assert_eq!((one.review.is_none(), one.scored, one.items), (true, 1, 14));
    assert_eq!(one.review_text(Lang::Zh), "已评 1/14");
    // Taking every suggestion scores the rest.
    typed(&mut a, "A");
    let r = on_disk(ws.path(), DATA);
    assert_eq!(r.scores.len(), 14, "budget line plus 13 indicators");
    let review = r.clone();
    // The indicators tab shows review scores beside self-scores.
    key(&mut a, KeyCode::Esc);
    typed(&mut a, "2");
    let rows = &a.view.as_ref().unwrap().rows;
    let measured = rows
        .iter()
        .find(|r| r.path.as_deref() == Some("project_forms[0].indicators[0]"))
        .unwrap();
    assert_eq!(measured.cells[6].text, "7.15");
    let t = a.sheet(a.current().unwrap(), Some(0), Some(&review)).review.unwrap();
    assert_eq!(t.total.to_string(), "22.29", "8 + the two measured indicators");
    assert_eq!(t.grade, "差");
}

#[test]
fn opinion_and_done_refused_until_complete() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "教育局");
    typed(&mut a, "o");
    key(&mut a, KeyCode::Down); // 基本认可
    key(&mut a, KeyCode::Enter);
    for _ in 0..4 {
        key(&mut a, KeyCode::Down);
    }
    key(&mut a, KeyCode::Enter); // mark done
    let msg = a.message.clone().unwrap().0;
    assert!(
        msg.contains("未填写财政部门归口业务科室意见") && msg.contains("评分项"),
        "{msg}"
    );
    assert_eq!(
        on_disk(ws.path(), "linxiang-education-bureau-2024").status,
        Status::InProgress
    );
    // Write the opinion.
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "该单位自评材料完整，数据基本准确，同意自评结果。");
    ctrl(&mut a, 's');
    key(&mut a, KeyCode::Esc);
    // Score the judgment items of every form (the rest take suggestions).
    typed(&mut a, "s");
    for _ in 0..3 {
        typed(&mut a, "A");
        let Some(Popup::Scores { form, .. }) = a.popup.clone() else {
            panic!()
        };
        let lines = a.score_lines(a.current().unwrap(), form);
        for (i, l) in lines.iter().enumerate() {
            if l.suggested.is_none() {
                if let Some(Popup::Scores { selected, .. }) = &mut a.popup {
                    *selected = i;
                }
                key(&mut a, KeyCode::Enter);
                ctrl(&mut a, 'u');
                typed(&mut a, &l.weight.to_string());
                key(&mut a, KeyCode::Tab);
                typed(&mut a, "材料齐全");
                key(&mut a, KeyCode::Enter);
            }
        }
        key(&mut a, KeyCode::Tab);
    }
    key(&mut a, KeyCode::Esc);
    typed(&mut a, "o");
    for _ in 0..5 {
        key(&mut a, KeyCode::Down);
    }
    key(&mut a, KeyCode::Enter);
    let r = on_disk(ws.path(), "linxiang-education-bureau-2024");
    assert_eq!(r.status, Status::Done, "{:?}", a.message);
    assert_eq!(r.opinion.conclusion, Some(fuhe::review::Conclusion::MostlyApproved));
    assert!(r.opinion.text.as_deref().unwrap().contains("同意自评结果"));
    let i = a.current().unwrap();
    assert_eq!(a.slots[i].review.status, Some(Status::Done));

    // Done is signed: a stray key changes nothing, and says how to reopen.
    let before = std::fs::read(review_path(ws.path(), "linxiang-education-bureau-2024")).unwrap();
    assert!(a.popup.is_none(), "marking done closes the opinion");
    typed(&mut a, "5");
    for k in ["+", "-", "a", "u"] {
        typed(&mut a, k);
        assert!(a.popup.is_none(), "{k} opened nothing");
        let msg = a.message.clone().unwrap().0;
        assert!(
            msg.contains("复核已完成，只读") && msg.contains("重新打开"),
            "{k}: {msg}"
        );
    }
    assert_eq!(
        std::fs::read(review_path(ws.path(), "linxiang-education-bureau-2024")).unwrap(),
        before,
        "nothing was written"
    );
    // Reopening takes the item and a second Enter; any other key cancels.
    typed(&mut a, "o");
    for _ in 0..5 {
        key(&mut a, KeyCode::Down);
    }
    key(&mut a, KeyCode::Enter);
    assert!(a.message.clone().unwrap().0.contains("再按 Enter"));
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        on_disk(ws.path(), "linxiang-education-bureau-2024").status,
        Status::Done,
        "cancelled"
    );
    key(&mut a, KeyCode::Enter);
    let r = on_disk(ws.path(), "linxiang-education-bureau-2024");
    assert_eq!(r.status, Status::InProgress, "reopened");
    let last = r.history.last().unwrap();
    assert_eq!((last.what.as_str(), last.who.as_str()), ("status", "张三"));
    assert_eq!(last.new, serde_json::json!("in_progress"));
    assert!(fuhe::clock::parse(&last.time).is_some(), "{}", last.time);
}

#[test]
fn a_conflict_never_overwrites_and_can_be_merged() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "1a");
    typed(&mut a, "mine");
    ctrl(&mut a, 's');
    // Someone else writes the file.
    let path = review_path(ws.path(), DATA);
    let mut theirs = on_disk(ws.path(), DATA);
    theirs.reviewer = "李四".into();
    theirs.annotations[0].text = "theirs".into();
    theirs.annotations[0].time = "2099-01-01T00:00:00Z".into();
    theirs.annotations.push(fuhe::review::Annotation {
        target: "report".into(),
        text: "整体意见".into(),
        author: "李四".into(),
        time: "2099-01-01T00:00:00Z".into(),
    });
    std::fs::write(&path, serde_json::to_string_pretty(&theirs).unwrap()).unwrap();
    let before = std::fs::read(&path).unwrap();
    typed(&mut a, "2a");
    typed(&mut a, "second");
    ctrl(&mut a, 's');
    assert!(matches!(a.popup, Some(Popup::Conflict)));
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    typed(&mut a, "m");
    let r = on_disk(ws.path(), DATA);
    let texts: Vec<&str> = r.annotations.iter().map(|x| x.text.as_str()).collect();
    assert!(
        texts.contains(&"theirs") && texts.contains(&"整体意见") && texts.contains(&"second"),
        "{texts:?}"
    );
}

#[test]
fn a_second_session_is_told_who_holds_the_report() {
    let ws = workspace();
    // Another fuhe holds the report: its name in the lock file, and the
    // operating system's lock on it (taken here as another process would).
    let lock = fuhe::review::lock::lock_path(ws.path(), DATA);
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let holder = serde_json::json!({"reviewer": "张三", "host": fuhe::review::lock::hostname(), "pid": 1, "since": "2026-11-27T08:00:00Z"});
    std::fs::write(&lock, holder.to_string()).unwrap();
    let held = std::fs::File::open(&lock).unwrap();
    held.try_lock().unwrap();
    let mut b = app(ws.path(), "李四");
    open(&mut b, "数据局");
    assert!(b.message.as_ref().unwrap().0.contains("正由 张三"), "{:?}", b.message);
    typed(&mut b, "1a");
    // Read-only says so up front: no editor takes text it would throw away.
    assert!(b.popup.is_none(), "no editor in a read-only session");
    assert!(b.message.as_ref().unwrap().0.contains("只读"), "{:?}", b.message);
    typed(&mut b, "x");
    ctrl(&mut b, 's');
    assert!(
        read(&review_path(ws.path(), DATA)).0 == OnDisk::Missing,
        "read-only: nothing written"
    );
    drop(held);
    std::fs::remove_file(&lock).unwrap();
    // A session holds the lock while the report is open and lets go on leaving.
    let mut c = app(ws.path(), "王五");
    open(&mut c, "数据局");
    assert!(c.session.as_ref().unwrap().read_only.is_none());
    assert!(lock.exists());
    key(&mut c, KeyCode::Esc);
    assert!(!lock.exists());
}

#[test]
fn an_invalid_review_file_is_left_alone() {
    let ws = workspace();
    let path = review_path(ws.path(), DATA);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "{ not json").unwrap();
    let mut a = app(ws.path(), "张三");
    let i = a.slots.iter().position(|s| s.file.id == DATA).unwrap();
    assert!(a.slots[i].review.invalid);
    open(&mut a, "数据局");
    assert!(
        a.message.as_ref().unwrap().0.contains("复核文件无效"),
        "{:?}",
        a.message
    );
    typed(&mut a, "1a");
    typed(&mut a, "x");
    ctrl(&mut a, 's');
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
}

#[test]
fn a_changed_report_makes_the_review_stale_and_shows_what_changed() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "1a");
    typed(&mut a, "note");
    ctrl(&mut a, 's');
    key(&mut a, KeyCode::Esc);
    drop(a);
    let file = ws.path().join("reports").join(format!("{DATA}.json"));
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("\"1049\"", "\"1100\"", 1);
    std::fs::write(&file, text).unwrap();
    let mut a = app(ws.path(), "张三");
    let i = a.slots.iter().position(|s| s.file.id == DATA).unwrap();
    assert!(a.slots[i].review.stale);
    open(&mut a, "数据局");
    assert_eq!(a.view.as_ref().unwrap().tab, Tab::Overview);
    let rows = &a.view.as_ref().unwrap().rows;
    let change = rows
        .iter()
        .find(|r| r.cells.len() == 2 && r.cells[1].text == "1049 → 1100")
        .expect("the change is listed");
    assert_eq!(change.cells[0].text, "project_forms[0].funds.planned.total");
    // And `fuhe check`'s summary says so.
    let r = &a.report(i);
    let s = fuhe::review::summary::summarize(ws.path(), r, a.flags_of(i), a.config.rubric());
    assert!(s.stale && s.status_zh().contains("报告已改"));
}

#[test]
fn the_review_schema_names_every_field_written() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "1a");
    typed(&mut a, "x");
    ctrl(&mut a, 's');
    typed(&mut a, "5-");
    typed(&mut a, "r");
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "s");
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "=");
    key(&mut a, KeyCode::Esc);
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(review_path(ws.path(), DATA)).unwrap()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("sample-data/review.schema.json").unwrap()).unwrap();
    let props =
        |v: &serde_json::Value| -> Vec<String> { v["properties"].as_object().unwrap().keys().cloned().collect() };
    for k in written.as_object().unwrap().keys() {
        assert!(props(&schema).contains(k), "{k} not in the schema");
    }
    for (field, def) in [
        ("annotations", "annotation"),
        ("flag_decisions", "flag_decision"),
        ("scores", "score"),
        ("history", "history_entry"),
    ] {
        let item = &written[field][0];
        for k in item.as_object().unwrap().keys() {
            assert!(
                props(&schema["$defs"][def]).contains(k),
                "{field}.{k} not in the schema"
            );
        }
    }
}

#[test]
fn a_workspace_that_cannot_be_written_keeps_the_review_elsewhere() {
    let ws = workspace();
    let data = tempfile::tempdir().unwrap();
    // SAFETY of the test: no other test in this binary reads FUHE_DATA_DIR.
    unsafe { std::env::set_var("FUHE_DATA_DIR", data.path()) };
    // A file where reviews/ should be: nothing can be written there (root
    // ignores permission bits, so a read-only folder would not do).
    std::fs::write(ws.path().join("reviews"), "").unwrap();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "1a");
    typed(&mut a, "保存不了也不能丢");
    ctrl(&mut a, 's');
    let msg = a.message.clone().unwrap().0;
    assert!(msg.contains("没有丢失") && msg.contains("rescue"), "{msg}");
    let rescued: Vec<_> = std::fs::read_dir(data.path().join("rescue"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rescued.len(), 1);
    assert!(
        std::fs::read_to_string(&rescued[0])
            .unwrap()
            .contains("保存不了也不能丢")
    );
}

/// A workspace whose `reviews/` cannot be written (a file stands where the
/// folder should be: root ignores permission bits), and an app whose data
/// folder is a fresh temporary one, with the data bureau's report open.
fn read_only_workspace() -> (tempfile::TempDir, tempfile::TempDir, App) {
    let ws = workspace();
    std::fs::write(ws.path().join("reviews"), "").unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut a = app(ws.path(), "张三");
    // Set here rather than through FUHE_DATA_DIR, which tests running at
    // the same time would share.
    a.data_dir = Some(data.path().into());
    open(&mut a, "数据局");
    (ws, data, a)
}

fn note(a: &mut App, tab_and_key: &str, text: &str) {
    typed(a, tab_and_key);
    typed(a, text);
    ctrl(a, 's');
}

/// Leaves the report and opens it again: a new session of its review.
fn reopen(a: &mut App) {
    key(a, KeyCode::Esc);
    if a.view.is_some() {
        // Work kept only in the rescue folder: leaving asks, Esc again leaves.
        assert!(a.message.as_ref().unwrap().0.contains("救援"), "{:?}", a.message);
        key(a, KeyCode::Esc);
    }
    assert!(a.view.is_none());
    typed(a, "/");
    ctrl(a, 'u');
    typed(a, "数据局");
    key(a, KeyCode::Enter);
    key(a, KeyCode::Enter);
    assert!(a.view.is_some());
}

fn valid(path: &Path) -> fuhe::review::Review {
    match read(path).0 {
        OnDisk::Valid(r) => *r,
        other => panic!("{}: {other:?}", path.display()),
    }
}

fn notes(r: &fuhe::review::Review) -> Vec<&str> {
    r.annotations.iter().map(|n| n.text.as_str()).collect()
}

fn rescued(ws: &Path, data: &Path) -> std::path::PathBuf {
    fuhe::review::session::rescue_path(data, ws, DATA)
}

#[test]
fn a_read_only_workspace_offers_another_folder_once_and_saves_there() {
    let (ws, data, mut a) = read_only_workspace();
    note(&mut a, "1a", "第一条");
    // Rescued at once, before anything is chosen.
    assert_eq!(notes(&valid(&rescued(ws.path(), data.path()))), ["第一条"]);
    let default = fuhe::review::session::default_folder(data.path(), ws.path());
    let Some(Popup::SaveFolder {
        error,
        rescued: at,
        input,
        ..
    }) = a.popup.clone()
    else {
        panic!("{:?}", a.popup)
    };
    assert!(error.contains("os error"), "{error}");
    assert_eq!(at, Some(rescued(ws.path(), data.path())));
    assert_eq!(input.text, default.display().to_string());
    // Enter takes the folder offered.
    key(&mut a, KeyCode::Enter);
    assert!(a.popup.is_none(), "{:?}", a.popup);
    let file = default.join(format!("{DATA}.review.json"));
    assert_eq!(notes(&valid(&file)), ["第一条"], "saved there at once");
    let msg = a.message.clone().unwrap().0;
    assert!(
        msg.starts_with("已保存 ") && msg.ends_with(&default.display().to_string()),
        "{msg}"
    );
    // Later changes go there, and nobody asks again.
    note(&mut a, "2a", "第二条");
    assert!(a.popup.is_none(), "{:?}", a.popup);
    assert_eq!(notes(&valid(&file)), ["第一条", "第二条"]);
    assert_eq!(notes(&valid(&rescued(ws.path(), data.path()))), ["第一条"]);
    // Reopening the report continues from that copy, and the list sees it.
    reopen(&mut a);
    let i = a.slots.iter().position(|s| s.file.id == DATA).unwrap();
    assert_eq!(a.slots[i].review.status, Some(Status::InProgress));
    note(&mut a, "3a", "第三条");
    assert!(a.popup.is_none(), "{:?}", a.popup);
    assert_eq!(notes(&valid(&file)), ["第一条", "第二条", "第三条"]);
    assert_eq!(valid(&file).history.len(), 3);
}

#[test]
fn a_folder_that_cannot_be_written_keeps_the_offer_open_with_the_reason() {
    let (ws, data, mut a) = read_only_workspace();
    note(&mut a, "1a", "不能丢");
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("file"), "").unwrap();
    let blocked = elsewhere.path().join("file").join("复核");
    ctrl(&mut a, 'u');
    typed(&mut a, &blocked.display().to_string());
    key(&mut a, KeyCode::Enter);
    let Some(Popup::SaveFolder { problem, .. }) = &a.popup else {
        panic!("{:?}", a.popup)
    };
    let problem = problem.clone().unwrap();
    assert!(problem.contains(&blocked.display().to_string()), "{problem}");
    ctrl(&mut a, 'u');
    key(&mut a, KeyCode::Enter);
    let Some(Popup::SaveFolder { problem, .. }) = &a.popup else {
        panic!("{:?}", a.popup)
    };
    assert_eq!(problem.as_deref(), Some("请输入文件夹路径"));
    assert_eq!(notes(&valid(&rescued(ws.path(), data.path()))), ["不能丢"]);
    // A folder typed by hand, created as needed.
    let chosen = elsewhere.path().join("临湘").join("复核");
    a.paste(&chosen.display().to_string());
    key(&mut a, KeyCode::Enter);
    assert!(a.popup.is_none(), "{:?}", a.popup);
    note(&mut a, "2a", "也不能丢");
    let file = chosen.join(format!("{DATA}.review.json"));
    assert_eq!(notes(&valid(&file)), ["不能丢", "也不能丢"]);
}

#[test]
fn declining_the_offer_keeps_rescuing_without_asking_again() {
    let (ws, data, mut a) = read_only_workspace();
    note(&mut a, "1a", "一");
    assert!(matches!(a.popup, Some(Popup::SaveFolder { .. })));
    key(&mut a, KeyCode::Esc);
    assert!(a.popup.is_none());
    note(&mut a, "2a", "二");
    assert!(a.popup.is_none(), "asked once: {:?}", a.popup);
    let msg = a.message.clone().unwrap().0;
    assert!(msg.contains("没有丢失") && msg.contains("rescue"), "{msg}");
    let rescue = rescued(ws.path(), data.path());
    assert_eq!(notes(&valid(&rescue)), ["一", "二"]);
    // Reopened, the report continues from the rescued copy.
    reopen(&mut a);
    note(&mut a, "3a", "三");
    assert_eq!(notes(&valid(&rescue)), ["一", "二", "三"]);
    assert_eq!(std::fs::read_dir(data.path().join("rescue")).unwrap().count(), 1);
}

#[test]
fn review_files_from_elsewhere_are_not_written() {
    // A newer format: read-only. Another report's review: left alone.
    for (field, value, says) in [
        ("fuhe_review", serde_json::json!(99), "更新版本"),
        ("report_id", serde_json::json!("someone-else-2024"), "另一份报告"),
    ] {
        let ws = workspace();
        let path = review_path(ws.path(), DATA);
        let mut a = app(ws.path(), "张三");
        open(&mut a, "数据局");
        typed(&mut a, "1a");
        typed(&mut a, "note");
        ctrl(&mut a, 's');
        key(&mut a, KeyCode::Esc);
        drop(a);
        let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        v[field] = value;
        std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        let before = std::fs::read(&path).unwrap();
        let mut b = app(ws.path(), "李四");
        open(&mut b, "数据局");
        typed(&mut b, "1a");
        assert!(b.popup.is_none(), "{field}: no editor");
        let shown = b.session.as_ref().unwrap().read_only.clone().unwrap_or_default();
        assert!(shown.contains(says), "{field}: {shown}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{field}: the file is untouched");
    }
}

/// 张三 notes "mine"; meanwhile someone else rewrites the review (`theirs`
/// changes it further); 张三's second note then meets the conflict.
fn in_conflict(ws: &Path, theirs: impl FnOnce(&mut fuhe::review::Review)) -> App {
    let mut a = app(ws, "张三");
    open(&mut a, "数据局");
    typed(&mut a, "1a");
    typed(&mut a, "mine");
    ctrl(&mut a, 's');
    let mut other = on_disk(ws, DATA);
    other.annotations[0].text = "theirs".into();
    other.annotations[0].time = "2099-01-01T00:00:00Z".into();
    theirs(&mut other);
    std::fs::write(review_path(ws, DATA), serde_json::to_string_pretty(&other).unwrap()).unwrap();
    typed(&mut a, "2a");
    typed(&mut a, "second");
    ctrl(&mut a, 's');
    assert!(matches!(a.popup, Some(Popup::Conflict)));
    a
}

#[test]
fn quitting_with_an_open_conflict_asks_first() {
    let ws = workspace();
    let mut a = in_conflict(ws.path(), |_| {});
    // q asks, and the report stays open; q again leaves, as chosen.
    typed(&mut a, "q");
    assert!(!a.quit, "not quit at the first q");
    assert!(a.message.as_ref().unwrap().0.contains("冲突"), "{:?}", a.message);
    assert!(a.session.is_some());
    // Anything else in between: asked again.
    key(&mut a, KeyCode::F(1));
    key(&mut a, KeyCode::Esc);
    typed(&mut a, "q");
    assert!(!a.quit);
    typed(&mut a, "q");
    assert!(a.quit, "the same key again leaves");
}

#[test]
fn quitting_with_everything_saved_does_not_ask() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "1a");
    typed(&mut a, "mine");
    ctrl(&mut a, 's');
    typed(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn keeping_mine_keeps_the_others_notes_and_history() {
    let ws = workspace();
    let mut a = in_conflict(ws.path(), |theirs| {
        let other_note = fuhe::review::Annotation {
            target: "report".into(),
            text: "李四的整体意见".into(),
            author: "李四".into(),
            time: "2099-01-01T00:00:00Z".into(),
        };
        theirs.apply(
            &fuhe::review::Change::Annotation {
                target: "report".into(),
                old: None,
                new: Some(other_note),
            },
            "李四",
        );
    });
    typed(&mut a, "k");
    let r = on_disk(ws.path(), DATA);
    let texts: Vec<&str> = r.annotations.iter().map(|x| x.text.as_str()).collect();
    assert!(texts.contains(&"mine"), "mine wins where both wrote: {texts:?}");
    assert!(texts.contains(&"second"), "{texts:?}");
    assert!(
        texts.contains(&"李四的整体意见"),
        "the other's note on another item stays: {texts:?}"
    );
    assert!(
        r.history.iter().any(|h| h.who == "李四"),
        "the other's history stays: {:?}",
        r.history
    );
}

#[test]
fn rescued_work_comes_back_on_the_next_writable_start() {
    let (ws, data, mut a) = read_only_workspace();
    note(&mut a, "1a", "救援中的批注");
    key(&mut a, KeyCode::Esc); // the offer of another folder: declined
    let rescue = rescued(ws.path(), data.path());
    assert_eq!(notes(&valid(&rescue)), ["救援中的批注"]);
    drop(a);
    // Later the workspace can be written again: a new run takes it in.
    std::fs::remove_file(ws.path().join("reviews")).unwrap();
    let mut b = app(ws.path(), "张三");
    b.data_dir = Some(data.path().into());
    open(&mut b, "数据局");
    let r = valid(&review_path(ws.path(), DATA));
    assert_eq!(notes(&r), ["救援中的批注"], "in the workspace's review now");
    assert!(
        !rescue.exists(),
        "the rescued file is renamed, not left to be taken in twice"
    );
    let kept: Vec<_> = std::fs::read_dir(rescue.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(kept.iter().any(|n| n.contains("merged-")), "{kept:?}");
    assert!(b.message.as_ref().unwrap().0.contains("救援"), "{:?}", b.message);
}

/// A lock file naming a session on another host: the report opens
/// read-only and says who holds it since when; T asks, T again takes it
/// over, and the review can be written.
#[test]
fn another_hosts_lock_can_be_taken_over_explicitly() {
    let ws = workspace();
    let path = fuhe::review::lock::lock_path(ws.path(), DATA);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let other = fuhe::review::lock::Holder {
        reviewer: "李四".into(),
        host: "county-server-2".into(),
        pid: 4242,
        since: "2026-11-27T08:00:00+08:00".into(),
    };
    std::fs::write(&path, serde_json::to_string(&other).unwrap()).unwrap();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "5+");
    let msg = a.message.clone().unwrap().0;
    assert!(
        msg.contains("李四") && msg.contains("county-server-2") && msg.contains("按 T 接管"),
        "{msg}"
    );
    assert!(!review_path(ws.path(), DATA).exists(), "nothing written");
    typed(&mut a, "T");
    assert!(a.message.clone().unwrap().0.contains("再按 T 接管"));
    typed(&mut a, "T");
    let msg = a.message.clone().unwrap().0;
    assert!(msg.contains("已接管锁") && msg.contains("李四"), "{msg}");
    assert!(
        std::fs::read_to_string(&path).unwrap().contains("张三"),
        "the lock names the new holder"
    );
    typed(&mut a, "+");
    assert_eq!(
        on_disk(ws.path(), DATA).flag_decisions.len(),
        1,
        "the review is written"
    );
}

/// Text typed into an open note is never dropped unasked: Ctrl-c (quit) and
/// Ctrl-o (jump back) say the text is not saved, and only the same key
/// again goes; the note is then not written, as chosen. Saving first keeps
/// it, and then nothing asks.
#[test]
fn quitting_while_typing_a_note_asks_first() {
    let ws = workspace();
    let mut a = app(ws.path(), "张三");
    open(&mut a, "数据局");
    typed(&mut a, "a");
    typed(&mut a, "未保存的批注");
    ctrl(&mut a, 'c');
    assert!(!a.quit, "not quit at the first Ctrl-c");
    assert!(a.message.as_ref().unwrap().0.contains("尚未保存"), "{:?}", a.message);
    assert!(
        matches!(a.popup, Some(fuhe::app::Popup::Editor { .. })),
        "the editor stays open"
    );
    ctrl(&mut a, 'o');
    assert!(
        matches!(a.popup, Some(fuhe::app::Popup::Editor { .. })),
        "asked again for another key"
    );
    ctrl(&mut a, 's');
    assert!(a.popup.is_none());
    ctrl(&mut a, 'c');
    assert!(a.quit, "saved: nothing to ask");
    let r = on_disk(ws.path(), "linxiang-data-bureau-2024");
    assert!(r.annotations.iter().any(|n| n.text == "未保存的批注"));

    // The same key twice leaves without the text, as chosen.
    let mut b = app(ws.path(), "张三");
    open(&mut b, "数据局");
    typed(&mut b, "a");
    typed(&mut b, "放弃的文字");
    ctrl(&mut b, 'c');
    ctrl(&mut b, 'c');
    assert!(b.quit);
    let r = on_disk(ws.path(), "linxiang-data-bureau-2024");
    assert!(!r.annotations.iter().any(|n| n.text.contains("放弃")));
}
