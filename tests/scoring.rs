//! Suggested scores on the sample submission: what score the evidence
//! supports, and why.

use fuhe::checks::{CheckConfig, check_report};
use fuhe::scoring::{Rubric, suggest, total};
use fuhe::workspace::load_report;
use std::path::Path;

#[test]
fn the_sample_project_form() {
    let r = load_report(Path::new("sample-data/reports/linxiang-data-bureau-2024.json"))
        .unwrap()
        .report;
    let flags = check_report(&r, &CheckConfig::default());
    let rubric = Rubric::builtin();
    let lines = suggest(&r, Some(0), &rubric, &flags);
    // Budget execution: 1281.79 of 1281.79 arrived → the full 10.
    assert_eq!(lines[0].id, "project_forms[0]#budget_execution");
    assert_eq!(lines[0].suggested.unwrap().to_string(), "10");
    assert!(lines[0].reason_zh.contains("执行率100.0%"));
    // Only 全年行政许可事项 (9000 → 10000) and 企业因审批延迟损失 (0 → 0) were measured.
    let earning: Vec<&str> = lines[1..]
        .iter()
        .filter(|l| l.suggested.is_some_and(|s| !s.is_zero()))
        .map(|l| l.label_zh.as_str())
        .collect();
    assert_eq!(earning, vec!["产出·全年行政许可事项", "产出·企业因审批延迟损失"]);
    let restated = lines.iter().find(|l| l.label_zh == "产出·行政许可事项合法率").unwrap();
    assert!(restated.reason_zh.contains("不是实测数值"));
    let weights: rust_decimal::Decimal = lines.iter().map(|l| l.weight).sum();
    assert_eq!(weights.normalize().to_string(), "100");
    let t = total(
        &lines,
        |l| l.suggested,
        &rubric,
        true,
        Some(rust_decimal::Decimal::from(100)),
    );
    assert_eq!((t.total.to_string().as_str(), t.grade.as_str()), ("24.29", "差"));
}

#[test]
fn the_sample_department_form() {
    let r = load_report(Path::new("sample-data/reports/linxiang-data-bureau-2024.json"))
        .unwrap()
        .report;
    let flags = check_report(&r, &CheckConfig::default());
    let lines = suggest(&r, None, &Rubric::builtin(), &flags);
    let by_id = |id: &str| lines.iter().find(|l| l.id == format!("department_form#{id}")).unwrap();
    assert_eq!(
        by_id("staff_control").suggested.unwrap().to_string(),
        "5",
        "22 staff within the quota of 22"
    );
    // Planned 1049, arrived 1281.79: adjusted by 22.2 % → 1/6 of 10.
    assert_eq!(by_id("budget_adjustment").suggested.unwrap().to_string(), "1.67");
    assert!(by_id("budget_adjustment").reason_zh.contains("22.2%"));
    assert_eq!(by_id("payment_progress").suggested.unwrap().to_string(), "10");
    assert!(by_id("management").suggested.is_none(), "the auditor judges");
    // No department indicator has an actual value: none earns anything.
    assert!(
        lines
            .iter()
            .filter(|l| l.id.contains(".indicators["))
            .all(|l| l.suggested.unwrap().is_zero())
    );
}

#[test]
fn only_certain_or_confirmed_findings_take_points_off() {
    use fuhe::checks::Severity;
    use fuhe::review::{Decision, FlagDecision, Review, decided_flags};
    let r = load_report(Path::new("sample-data/reports/linxiang-data-bureau-2024.json"))
        .unwrap()
        .report;
    let flags = check_report(&r, &CheckConfig::default());
    let compliance = |flags: &[fuhe::checks::Flag]| {
        suggest(&r, None, &Rubric::builtin(), flags)
            .into_iter()
            .find(|l| l.id == "department_form#compliance")
            .unwrap()
            .suggested
            .unwrap()
    };
    let before = compliance(&decided_flags(&flags, None));
    // Confirming a warning makes it count; setting an error aside does not.
    let warning = flags
        .iter()
        .find(|f| {
            f.severity == Severity::Warning
                && f.path.starts_with("department_form")
                && !f.rule.starts_with("indicator.")
                && !f.rule.starts_with("score.")
        })
        .unwrap();
    let mut review = Review::new("x", "x.json", "0", "王审核");
    review.flag_decisions.push(FlagDecision {
        flag: warning.key(),
        rule: warning.rule.clone(),
        path: warning.path.clone(),
        decision: Decision::Confirmed,
        reason: None,
        author: "王审核".into(),
        time: "2026-11-28T10:00:00+08:00".into(),
    });
    let after = compliance(&decided_flags(&flags, Some(&review)));
    assert_eq!(before - after, rust_decimal::Decimal::ONE, "{before} → {after}");
}
