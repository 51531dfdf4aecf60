//! The sample submission (临湘市数据局 2024) as transcribed in
//! `sample-data/reports/`: every key amount equals the paper form, every
//! voucher string and indicator value of the form parses or reports its
//! problem.

use fuhe::indicator::{Comparator, Meaning};
use fuhe::model::amount::dec;
use fuhe::voucher::ProblemKind;
use fuhe::workspace::{Workspace, load_report};
use std::path::Path;

fn sample() -> fuhe::model::Report {
    load_report(Path::new("sample-data/reports/linxiang-data-bureau-2024.json"))
        .expect("sample loads")
        .report
}

fn d(s: &str) -> Option<rust_decimal::Decimal> {
    Some(dec(s))
}

#[test]
fn key_totals_equal_the_form() {
    let r = sample();
    assert_eq!(r.department, "临湘市数据局");
    assert_eq!(r.year, 2024);
    let f = &r.department_form;
    let inc = f.income.summary.as_ref().unwrap();
    assert_eq!(inc.total, d("1574.84"));
    assert_eq!(inc.public_finance, d("1499.07"));
    assert_eq!(inc.other, d("75.77"));
    assert_eq!(inc.carryover, None, "blank is not zero");
    let exp = f.expenditure.summary.as_ref().unwrap();
    assert_eq!(exp.total, d("1574.84"));
    assert_eq!(exp.basic, d("293.05"));
    assert_eq!(exp.personnel, d("224.32"));
    assert_eq!(exp.public_use, d("68.73"));
    assert_eq!(exp.project, d("1281.79"));
    assert_eq!(exp.balance_year, None);
    let tp = f.three_public.summary.as_ref().unwrap();
    assert_eq!(tp.total, d("6.5"));
    assert_eq!(tp.reception, d("6.5"));
    assert_eq!(tp.overseas, d("0"), "a written 0 stays 0");
    assert_eq!(f.fixed_assets.summary.as_ref().unwrap().total, d("136.54"));
    assert_eq!(f.income.institutions.len(), 3);
    assert_eq!(f.income.institutions[1].institution, "2、二级机构1");
    assert_eq!(f.income.institutions[1].total, None);
    assert_eq!(f.basic.staff_quota, Some(22));
    assert_eq!(f.basic.staff_actual, Some(22));
    assert_eq!(f.self_score, d("100"));
    assert_eq!(f.grade.as_deref(), Some("优"));
    assert_eq!(f.indicators.len(), 15);
    assert!(f.indicators.iter().all(|i| i.actual.is_none()));

    let p = &r.project_forms[0];
    assert_eq!(p.funds.planned.total, d("1049"));
    assert_eq!(p.funds.planned.city, d("1049"));
    assert_eq!(p.funds.arrived.total, d("1281.79"));
    assert_eq!(p.funds.spent.total, d("1281.79"));
    assert_eq!(p.funds.balance.total, d("0"));
    assert_eq!(p.funds.planned.other, None);
    assert_eq!(p.expense_total, d("1281.79"));
    let lines: Vec<(&str, String)> = p
        .expenses
        .iter()
        .map(|e| (e.content.as_deref().unwrap(), e.amount.unwrap().to_string()))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("智慧大厅政务服务工作经费费支出", "178.95".to_string()),
            ("智慧政务大厅信息硬件运维经费支出", "60.5".into()),
            ("智慧大厅水、电、物业管理经费", "195.9".into()),
            ("劳务派遣人员经费支出", "234".into()),
            ("食堂工作经费支出", "197".into()),
            ("软件平台系统维护更新支出", "52".into()),
            ("12345平台建设经费", "72.39".into()),
            ("数字化平台", "100".into()),
            ("其他零星专项", "191.05".into()),
        ]
    );
    assert_eq!(p.indicators.len(), 13);
    assert_eq!(p.self_score, d("100"));
}

#[test]
fn voucher_strings_of_the_form() {
    let r = sample();
    let p = &r.project_forms[0];
    let expected: [(usize, &[ProblemKind]); 9] = [
        (99, &[ProblemKind::LeadingZero]),
        (5, &[]),
        (17, &[]),
        (13, &[]),
        (8, &[]),
        (5, &[ProblemKind::Whitespace]),
        (4, &[]),
        (23, &[]),
        (26, &[ProblemKind::StraySeparator]),
    ];
    for (line, (count, problems)) in p.expenses.iter().zip(expected) {
        let v = line.vouchers.as_ref().unwrap();
        let kinds: Vec<ProblemKind> = v.problems.iter().map(|p| p.kind).collect();
        assert_eq!(
            v.entries.len(),
            count,
            "{}: {:?}",
            v.raw,
            v.vouchers().collect::<Vec<_>>()
        );
        assert_eq!(kinds, problems, "{}", v.raw);
    }
    let first = p.expenses[0].vouchers.as_ref().unwrap();
    assert_eq!(first.problems[0].token, "01-25#");
    assert_eq!(first.problems[0].month, Some(12));
    assert!(first.raw.starts_with("1月5#9-13#"));
    let soft = p.expenses[5].vouchers.as_ref().unwrap();
    assert_eq!(soft.raw, "3月 11#13#5月19#11月20#12月42#", "kept byte for byte");
}

#[test]
fn indicator_values_of_the_form() {
    let r = sample();
    let mut qualitative = Vec::new();
    let mut ge_100 = 0;
    for i in r
        .department_form
        .indicators
        .iter()
        .chain(r.project_forms[0].indicators.iter())
    {
        for v in [&i.target, &i.actual].into_iter().flatten() {
            match &v.meaning {
                Meaning::Qualitative => qualitative.push(v.text.clone()),
                Meaning::Quantity(q) => {
                    if q.comparator == Some(Comparator::Ge) && q.number == dec("100") && q.is_percent() {
                        ge_100 += 1;
                    }
                }
            }
        }
    }
    assert_eq!(qualitative, vec!["推行一窗通取", "建立重大项目生态影响评估机制"]);
    // 7 department targets, 8 project targets and their 8 restated actuals.
    assert_eq!(ge_100, 7 + 8 + 8);
}

#[test]
fn every_sample_file_loads() {
    let ws = Workspace::open(Path::new("sample-data")).unwrap();
    assert!(ws.errors.is_empty(), "{:?}", ws.errors);
    assert!(
        ws.reports.len() >= 7,
        "the sample workspace holds the form and six others"
    );
}
