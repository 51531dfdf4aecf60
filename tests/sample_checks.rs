//! The checks on the sample submission (临湘市数据局 2024): what a reviewer
//! must be told, and the sums that do add up and must not be flagged.

use fuhe::checks::{CheckConfig, Flag, Severity, check_report};
use fuhe::workspace::load_report;
use std::path::Path;

fn flags() -> Vec<Flag> {
    let r = load_report(Path::new("sample-data/reports/linxiang-data-bureau-2024.json")).unwrap();
    check_report(&r.report, &CheckConfig::default())
}

fn rule<'a>(f: &'a [Flag], id: &str) -> Vec<&'a Flag> {
    f.iter().filter(|x| x.rule == id).collect()
}

#[test]
fn planned_1049_vs_arrived_1281_79() {
    let f = flags();
    let b = rule(&f, "budget.planned_vs_arrived");
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].path, "project_forms[0].funds.arrived.total");
    assert!(b[0].message_zh.contains("增加232.79（+22.2%）"), "{}", b[0].message_zh);
    assert!(b[0].message_en.contains("+232.79 (+22.2%)"), "{}", b[0].message_en);
    // The narrative's 偏差 … 追加 sentence explains it: a warning quoting it.
    assert_eq!(b[0].severity, Severity::Warning);
    assert!(b[0].message_zh.contains("年中单位追加的一些小金额项目"));
}

#[test]
fn funding_split_the_table_does_not_show() {
    let f = flags();
    let s = rule(&f, "narrative.funding_split");
    assert_eq!(s.len(), 1, "one finding, with its repeated places");
    assert!(s[0].message_zh.contains("1266.79") && s[0].message_zh.contains("15"));
    assert_eq!(s[0].severity, Severity::Error);
    assert!(s[0].related.iter().any(|p| p.starts_with("project_forms[0].narrative")));
}

#[test]
fn department_indicators_without_actuals_and_rate_targets() {
    let f = flags();
    let missing: Vec<_> = rule(&f, "indicator.actual_missing");
    assert_eq!(missing.len(), 15);
    assert!(
        missing
            .iter()
            .all(|m| m.path.starts_with("department_form.indicators["))
    );
    let ceiling = rule(&f, "indicator.rate_ceiling");
    // 6 department and 7 project targets of ≥100 % (the two 下降/减少 rates
    // are flagged as impossible instead).
    assert_eq!(ceiling.len(), 6 + 7);
    let impossible = rule(&f, "indicator.impossible_target");
    assert_eq!(impossible.len(), 2);
    assert!(impossible.iter().any(|i| i.message_zh.contains("企业开办成本下降率")));
    assert_eq!(rule(&f, "indicator.actual_restates_target").len(), 11);
    assert_eq!(rule(&f, "indicator.qualitative_target").len(), 2);
}

#[test]
fn self_score_of_100_is_not_supported() {
    let f = flags();
    let s = rule(&f, "score.inflated");
    assert_eq!(s.len(), 2);
    let dept = s.iter().find(|x| x.path == "department_form.self_score").unwrap();
    assert_eq!(dept.found.as_deref(), Some("100"));
    assert_eq!(dept.expected.as_deref(), Some("≈45.67"));
    let proj = s.iter().find(|x| x.path == "project_forms[0].self_score").unwrap();
    assert_eq!(proj.expected.as_deref(), Some("≈24.29"));
}

#[test]
fn every_voucher_under_two_lines() {
    let f = flags();
    let d = rule(&f, "voucher.duplicate");
    let mut vouchers: Vec<String> = d
        .iter()
        .map(|x| x.message_en.split_whitespace().nth(1).unwrap().to_string())
        .collect();
    vouchers.sort();
    let mut expected = vec![
        "1月5#", "2月19#", "5月12#", "5月19#", "9月10#", "9月23#", "10月5#", "10月7#", "11月8#", "11月19#", "11月22#",
        "11月23#", "12月33#", "12月36#", "12月42#", "12月44#",
    ];
    expected.sort();
    assert_eq!(vouchers, expected);
    let may19 = d.iter().find(|x| x.message_zh.contains("5月19#")).unwrap();
    assert!(may19.message_zh.contains("3条"));
    assert_eq!(may19.related.len(), 2);
    // 01-25# is reported, not counted.
    let u = rule(&f, "voucher.unreadable");
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].found.as_deref(), Some("01-25#"));
}

#[test]
fn sums_that_add_up_are_not_flagged() {
    let f = flags();
    for id in [
        "income.row_sum",
        "income.summary_sum",
        "expenditure.row_sum",
        "expenditure.basic_sum",
        "expenditure.summary_sum",
        "three_public.row_sum",
        "fixed_assets.row_sum",
        "funds.source_sum",
        "funds.balance",
        "expenses.sum",
        "expenses.total_vs_spent",
        "cross.project_spending",
        "narrative.amount",
        "narrative.share",
        "narrative.staff",
    ] {
        assert!(rule(&f, id).is_empty(), "{id}: {:#?}", rule(&f, id));
    }
}
