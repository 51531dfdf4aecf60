//! Each sample report's planted problems (sample-data/README.md) are found,
//! and the clean one gets nothing.

use fuhe::checks::{CheckConfig, Flag, Severity, check_report};
use fuhe::workspace::load_report;
use std::path::Path;

fn flags(name: &str) -> Vec<Flag> {
    let r = load_report(&Path::new("sample-data/reports").join(name)).unwrap();
    check_report(&r.report, &CheckConfig::default())
}

fn has(f: &[Flag], rule: &str, path: &str) -> bool {
    f.iter().any(|x| x.rule == rule && x.path == path)
}

#[test]
fn education_is_clean() {
    let f = flags("linxiang-education-bureau-2024.json");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn health_tables_do_not_add_up() {
    let f = flags("linxiang-health-commission-2024.json");
    assert!(has(
        &f,
        "income.row_sum",
        "department_form.income.institutions[2].total"
    ));
    assert!(has(
        &f,
        "expenditure.summary_sum",
        "department_form.expenditure.summary.total"
    ));
    assert!(has(
        &f,
        "expenditure.basic_sum",
        "department_form.expenditure.institutions[1].basic"
    ));
    assert!(has(
        &f,
        "three_public.row_sum",
        "department_form.three_public.institutions[0].total"
    ));
    assert!(has(&f, "expenses.sum", "project_forms[0].expense_total"));
    let e = f.iter().find(|x| x.rule == "expenses.sum").unwrap();
    assert_eq!(
        (e.expected.as_deref(), e.found.as_deref()),
        (Some("2137.1"), Some("2145.6"))
    );
    assert!(
        f.iter().all(|x| x.severity == Severity::Error),
        "only the planted errors: {f:#?}"
    );
}

#[test]
fn transport_full_score_despite_missed_indicators() {
    let f = flags("linxiang-transport-bureau-2024.json");
    for i in [0, 2, 4] {
        assert!(
            has(
                &f,
                "indicator.below_target",
                &format!("department_form.indicators[{i}].actual")
            ),
            "{i}"
        );
    }
    for i in [0, 3, 5, 6] {
        assert!(
            has(
                &f,
                "indicator.below_target",
                &format!("project_forms[0].indicators[{i}].actual")
            ),
            "{i}"
        );
    }
    assert!(has(
        &f,
        "indicator.target_too_low",
        "department_form.indicators[7].target"
    ));
    assert!(has(&f, "score.inflated", "department_form.self_score"));
    assert!(has(&f, "score.inflated", "project_forms[0].self_score"));
    assert!(has(&f, "completeness.over_quota", "department_form.basic.staff_actual"));
}

#[test]
fn agriculture_unexplained_budget_change_and_wrong_share() {
    let f = flags("linxiang-agriculture-bureau-2024.json");
    let b = f.iter().find(|x| x.rule == "budget.planned_vs_arrived").unwrap();
    assert_eq!(b.path, "project_forms[0].funds.arrived.total");
    assert_eq!(b.severity, Severity::Warning, "a deviation is for the auditor to judge");
    assert!(b.message_zh.contains("叙述中没有说明原因"));
    assert!(b.message_zh.contains("+27.5%"));
    let e = f.iter().find(|x| x.rule == "budget.execution_rate").unwrap();
    assert_eq!(e.path, "project_forms[1].funds.spent.total");
    assert_eq!(e.severity, Severity::Warning);
    let s = f.iter().find(|x| x.rule == "narrative.share").unwrap();
    assert_eq!(
        (s.expected.as_deref(), s.found.as_deref()),
        (Some("31.7%"), Some("35.2%"))
    );
}

#[test]
fn civil_affairs_vouchers() {
    let f = flags("linxiang-civil-affairs-bureau-2024.json");
    let dups: Vec<&str> = f
        .iter()
        .filter(|x| x.rule == "voucher.duplicate")
        .map(|x| x.message_en.as_str())
        .collect();
    assert_eq!(dups.len(), 3, "{dups:#?}");
    for v in ["3月12#", "7月8#", "11月20#"] {
        assert!(dups.iter().any(|d| d.contains(v)), "{v}");
    }
    assert!(has(
        &f,
        "voucher.duplicate_in_line",
        "project_forms[0].expenses[8].vouchers"
    ));
    assert!(has(&f, "voucher.unreadable", "project_forms[0].expenses[9].vouchers"));
    assert!(has(
        &f,
        "voucher.month_out_of_range",
        "project_forms[0].expenses[10].vouchers"
    ));
    assert!(!f.iter().any(|x| x.severity == Severity::Error), "{f:#?}");
}

#[test]
fn natural_resources_missing_fields() {
    let f = flags("linxiang-natural-resources-bureau-2024.json");
    for p in [
        "department_form.basic.phone",
        "department_form.basic.staff_quota",
        "department_form.cover.report_date",
        "department_form.evaluators",
        "department_form.self_score",
        "department_form.grade",
        "project_forms[0].leader",
        "project_forms[0].period",
    ] {
        assert!(has(&f, "completeness.blank", p), "{p}");
    }
    for i in [3, 7, 10] {
        assert!(has(
            &f,
            "indicator.actual_missing",
            &format!("department_form.indicators[{i}].actual")
        ));
    }
    assert!(has(&f, "completeness.sign_off", "department_form.sign_offs[0]"));
    assert!(has(&f, "completeness.sign_off", "project_forms[0].sign_offs[2]"));
}

#[test]
fn what_a_careful_reviewer_finds_in_the_sample_submission() {
    let f = flags("linxiang-data-bureau-2024.json");
    // The narrative measures 95.45 % where the form claims ≥100 %.
    let c = f
        .iter()
        .find(|x| x.rule == "indicator.narrative_contradiction" && x.path == "project_forms[0].indicators[9].actual")
        .expect("一网通办覆盖率 against 覆盖率95.45%");
    assert!(c.message_zh.contains("95.45%"), "{}", c.message_zh);
    // 全年办件总量 10000件 and 全年行政许可事项 9000 → 10000: the same measure?
    assert!(has(&f, "cross.likely_same_measure", "department_form.indicators[2]"));
    assert!(
        has(&f, "text.typo", "department_form.indicators[1].name"),
        "材料一次性通过率真"
    );
    assert!(
        has(&f, "completeness.blank", "project_forms[0].postcode"),
        "a blank 邮编"
    );
    // The sums of the sample's tables are right: none is flagged.
    assert!(
        !f.iter()
            .any(|x| x.rule.ends_with("_sum") || x.rule == "expenditure.balance" || x.rule == "funds.balance"),
        "{:#?}",
        f.iter().filter(|x| x.rule.ends_with("_sum")).collect::<Vec<_>>()
    );
    // Only certain findings are errors.
    let errors: Vec<&str> = f
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| x.rule.as_str())
        .collect();
    assert_eq!(
        errors,
        [
            "narrative.funding_split",
            "indicator.impossible_target",
            "indicator.impossible_target"
        ],
        "{errors:?}"
    );
}
