//! Broken and hostile input, each with the exact behaviour expected: a clear
//! message naming file and place, no panic, nothing unsafe drawn.

use fuhe::checks::{CheckConfig, check_report};
use fuhe::workspace::{Workspace, load_report, parse_report, sanitize_id};
use serde_json::json;

fn minimal() -> serde_json::Value {
    json!({"department": "临湘市测试局", "year": 2024, "department_form": {}})
}

fn err_of(bytes: &[u8]) -> String {
    parse_report(bytes).unwrap_err().to_string()
}

#[test]
fn empty_truncated_and_non_json() {
    assert!(err_of(b"").contains("empty"));
    assert!(err_of(b"   \n").contains("empty"));
    assert!(err_of(br#"{"department": "x", "year": 20"#).contains("truncated"));
    assert!(err_of(b"<html>").contains("not valid JSON"));
    let e = parse_report(b"{\"department\": \"\xff\xfe\", \"year\": 2024, \"department_form\": {}}").unwrap_err();
    assert_eq!(e.line, Some(1), "invalid UTF-8 is placed: {e}");
}

#[test]
fn wrong_types_and_unknown_fields_name_the_place() {
    let mut v = minimal();
    v["year"] = json!("2024");
    let e = parse_report(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(e.json_path.as_deref(), Some("year"), "{e}");
    let mut v = minimal();
    v["department_form"]["basic"] = json!({"staff_quota": -3});
    let e = parse_report(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(e.json_path.as_deref(), Some("department_form.basic.staff_quota"), "{e}");
    let mut v = minimal();
    v["department_form"]["income"] = json!({"summary": {"institution": "汇总", "totl": "1"}});
    let e = parse_report(v.to_string().as_bytes()).unwrap_err();
    assert!(e.message.contains("unknown field `totl`"), "{e}");
}

#[test]
fn odd_amounts() {
    let with_total = |t: serde_json::Value| {
        let mut v = minimal();
        v["department_form"]["income"] = json!({"summary": {"institution": "汇总", "total": t}});
        parse_report(v.to_string().as_bytes())
    };
    let total = |t: serde_json::Value| {
        with_total(t).map(|r| r.department_form.income.summary.unwrap().total.unwrap().to_string())
    };
    assert_eq!(total(json!("-0")).unwrap(), "0");
    assert_eq!(total(json!("12,345.6")).unwrap(), "12345.6");
    assert_eq!(total(json!("1574.840")).unwrap(), "1574.840", "precision kept");
    for bad in [
        json!("1e30"),
        json!("NaN"),
        json!("1234567890123456789012345678901234567890"),
        json!(""),
        json!(true),
    ] {
        let e = with_total(bad.clone()).unwrap_err();
        assert_eq!(
            e.json_path.as_deref(),
            Some("department_form.income.summary.total"),
            "{bad}: {e}"
        );
    }
    // A bare NaN is not JSON at all.
    assert!(
        err_of(br#"{"department": "x", "year": 2024, "department_form": {"self_score": NaN}}"#)
            .contains("not valid JSON")
    );
}

fn big_report() -> serde_json::Value {
    let mut v = minimal();
    let para = "本单位严格按规定要求管理和使用各项资金，专项资金支出1281.79万元，占总支出的81.4%。".repeat(100_000);
    v["department_form"]["narrative"] = json!([{"heading": "一、概况", "paragraphs": [para]}]);
    let lines: Vec<serde_json::Value> = (0..5000)
        .map(|i| json!({"content": format!("支出{i}"), "amount": "1.5", "vouchers": format!("{}月{}#", i % 12 + 1, i % 300 + 1)}))
        .collect();
    let voucher = "1月1#2-3#".repeat(12_500);
    v["project_forms"] = json!([{
        "funds": {"spent": {"total": "7500"}},
        "expenses": lines,
        "expense_total": "7500",
    }, {
        "expenses": [{"content": "长凭证", "amount": "1", "vouchers": voucher}],
    }]);
    v
}

#[test]
fn huge_narrative_many_lines_and_a_100k_voucher_string() {
    let v = big_report();
    let bytes = v.to_string();
    assert!(bytes.len() > 10_000_000);
    let r = parse_report(bytes.as_bytes()).unwrap();
    assert_eq!(
        r.project_forms[1].expenses[0]
            .vouchers
            .as_ref()
            .unwrap()
            .raw
            .chars()
            .count(),
        100_000
    );
    let flags = check_report(&r, &CheckConfig::default());
    assert!(
        flags.iter().any(|f| f.rule == "voucher.duplicate"),
        "5000 lines over 12×300 vouchers repeat"
    );
    assert!(
        flags.iter().any(|f| f.rule == "voucher.duplicate_in_line"),
        "the long string repeats itself"
    );
}

#[test]
fn escapes_bidi_and_zero_width_never_reach_the_screen_or_messages() {
    let evil = "临湘\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}市\u{202e}局\u{200b}\u{0}";
    let mut v = minimal();
    v["department"] = json!(evil);
    v["department_form"]["basic"] = json!({"contact": evil, "duties": evil, "staff_quota": 1, "staff_actual": 2});
    v["department_form"]["indicators"] = json!([{"name": evil, "target": format!("≥100%{evil}"), "actual": evil}]);
    v["department_form"]["narrative"] = json!([{"heading": evil, "paragraphs": [format!("{evil}人员经费支出5万元")]}]);
    v["department_form"]["expenditure"] =
        json!({"summary": {"institution": evil, "total": "3", "basic": "3", "personnel": "3", "public_use": "0"}});
    v["project_forms"] =
        json!([{"name": evil, "expenses": [{"content": evil, "amount": "1", "vouchers": format!("1月1#{evil}")}]}]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/evil.json"), v.to_string()).unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    assert!(ws.errors.is_empty(), "{:?}", ws.errors);
    let flags = check_report(&ws.reports[0].report, &CheckConfig::default());
    assert!(!flags.is_empty());
    for f in &flags {
        for s in [&f.message_zh, &f.message_en, &f.place_zh, &f.place_en] {
            assert!(
                !s.contains('\u{1b}') && !s.contains('\u{202e}') && !s.contains('\u{200b}') && !s.contains('\u{7}'),
                "{s:?}"
            );
        }
    }
    // Every screen of the report, drawn.
    let mut app = fuhe::app::App::new(
        dir.path().into(),
        false,
        ws.reports,
        vec![],
        fuhe::labels::Lang::Zh,
        fuhe::keymap::Keymap::default_map(),
        CheckConfig::default(),
    );
    app.check_all();
    let theme = fuhe::tui::theme::Theme {
        color: false,
        threshold: rust_decimal::Decimal::from(10),
    };
    let mut screens = Vec::new();
    let mut draw = |app: &mut fuhe::app::App| {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        t.draw(|f| fuhe::tui::draw::draw(f, app, &theme)).unwrap();
        let buf = t.backend().buffer().clone();
        screens.push(buf.content.iter().map(|c| c.symbol().to_string()).collect::<String>());
    };
    draw(&mut app);
    app.handle_key(fuhe::keymap::Key::plain(fuhe::keymap::KeyCode::Enter));
    for tab in "012345".chars() {
        app.handle_key(fuhe::keymap::Key::ch(tab));
        draw(&mut app);
    }
    for s in &screens {
        assert!(!s.contains('\u{1b}') && !s.contains('\u{202e}') && !s.contains('\u{200b}') && !s.contains('\u{0}'));
    }
    assert!(
        screens[1].replace(' ', "").contains("临湘市局"),
        "the name is still readable"
    );
}

#[test]
fn report_ids_never_leave_the_workspace() {
    for hostile in [
        "../../etc/passwd",
        "..",
        "/etc/passwd",
        "a/../../b",
        "C:\\Windows\\x",
        "\u{0}x",
    ] {
        let id = sanitize_id(hostile);
        assert!(
            !id.contains('/') && !id.contains('\\') && !id.starts_with('.') && !id.contains('\u{0}'),
            "{id}"
        );
        let p = fuhe::review::store::review_path(std::path::Path::new("/ws"), hostile);
        assert!(
            p.starts_with("/ws/reviews/") && p.components().count() == 4,
            "{}",
            p.display()
        );
    }
}

#[test]
fn a_workspace_with_bad_files_still_loads_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("good.json"), minimal().to_string()).unwrap();
    std::fs::write(reports.join("empty.json"), "").unwrap();
    std::fs::write(reports.join("broken.json"), "{\"department\":").unwrap();
    std::fs::write(reports.join("binary.json"), [0xff, 0x00, 0x12]).unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.reports.len(), 1);
    assert_eq!(ws.errors.len(), 3);
    for e in &ws.errors {
        assert!(e.to_string().contains(".json"), "the file is named: {e}");
    }
    assert!(load_report(&reports.join("good.json")).is_ok());
}

/// More indicators in one form, or more project forms, than any report
/// has: refused with the place and the count, not checked for minutes.
#[test]
fn more_indicators_or_projects_than_any_form_are_refused_with_the_place() {
    let one = json!({"name": "覆盖率", "target": "≥95%", "actual": "96%"});
    let mut v = minimal();
    v["department_form"]["indicators"] = json!(vec![one.clone(); fuhe::workspace::MAX_INDICATORS]);
    assert!(
        parse_report(v.to_string().as_bytes()).is_ok(),
        "the most a form holds is read"
    );
    v["project_forms"] = json!([{}, {"indicators": vec![one.clone(); fuhe::workspace::MAX_INDICATORS + 1]}]);
    let e = parse_report(v.to_string().as_bytes()).expect_err("refused");
    assert_eq!(e.json_path.as_deref(), Some("project_forms[1].indicators"));
    assert!(e.message.contains("1001 indicators"), "{}", e.message);
    let line = json!({"content": "办公用品", "amount": "1"});
    let mut v = minimal();
    v["project_forms"] = json!([{"expenses": vec![line.clone(); 15_000]}, {"expenses": vec![line; 5_001]}]);
    let e = parse_report(v.to_string().as_bytes()).expect_err("refused");
    assert!(e.message.contains("20001 expense lines in all"), "{}", e.message);
    let mut v = minimal();
    v["project_forms"] = json!(vec![json!({}); fuhe::workspace::MAX_PROJECT_FORMS + 1]);
    let e = parse_report(v.to_string().as_bytes()).expect_err("refused");
    assert_eq!(e.json_path.as_deref(), Some("project_forms"));
}
