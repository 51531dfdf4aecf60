//! Every rule has a case that must fire and a case that must not: the clean
//! base report below passes every rule, and each test breaks one thing.

use fuhe::checks::{CheckConfig, Flag, Severity, check_report};
use fuhe::indicator::IndicatorValue;
use fuhe::model::Report;
use fuhe::model::amount::dec;
use fuhe::voucher::VoucherRef;

fn base() -> Report {
    let v = serde_json::json!({
      "department": "临湘市测试局", "year": 2024,
      "department_form": {
        "cover": {"report_date": "2025年5月20日"},
        "basic": {"contact": "张三", "phone": "0730-1234567", "staff_quota": 10, "staff_actual": 10,
                  "duties": "负责全市测试工作。", "annual_tasks": "完成测试任务。"},
        "income": {"summary": {"institution": "汇总", "total": "100", "public_finance": "90", "other": "10"},
                   "institutions": [{"institution": "局机关", "total": "100", "public_finance": "90", "other": "10"},
                                    {"institution": "二级机构1"}]},
        "expenditure": {"summary": {"institution": "汇总", "total": "100", "basic": "40", "personnel": "30", "public_use": "10", "project": "60"},
                        "institutions": [{"institution": "局机关", "total": "100", "basic": "40", "personnel": "30", "public_use": "10", "project": "60"}]},
        "three_public": {"summary": {"institution": "汇总", "total": "2", "reception": "2", "vehicle_operation": "0", "vehicle_purchase": "0", "overseas": "0"},
                         "institutions": [{"institution": "局机关", "total": "2", "reception": "2", "vehicle_operation": "0", "vehicle_purchase": "0", "overseas": "0"}]},
        "fixed_assets": {"summary": {"institution": "汇总", "total": "50", "in_use": "50"},
                         "institutions": [{"institution": "局机关", "total": "50", "in_use": "50"}]},
        "indicators": [
          {"level1": "产出目标", "level2": "数量指标", "name": "指标1：办件量", "target": "≥1000件", "actual": "1100件"},
          {"level1": "效益目标", "level2": "社会效益", "name": "指标1：网上办理率", "target": "≥90%", "actual": "95%"},
          {"level1": "效益目标", "level2": "满意度", "name": "指标1：群众满意度", "target": "≥90%", "actual": "96%"}
        ],
        "self_score": "95", "grade": "优",
        "evaluators": [{"name": "张三", "title": "局长", "unit": "临湘市测试局", "signature": "张三"}],
        "sign_offs": [{"role": "评价组组长（签字）", "signer": "张三", "date": "2025年5月20日"},
                      {"role": "部门（单位）意见", "opinion": "同意。", "signer": "李四", "date": "2025年5月20日"},
                      {"role": "财政部门归口业务科室意见"}],
        "narrative": [{"heading": "一、收支情况", "paragraphs": [
          "2024年度收入100万元，其中财政拨款收入90万元，其他资金10万元。2024年度支出100万元，其中：人员经费支出30万元，公用经费支出10万元，项目支出60万元。",
          "现有编制人数10人，实际在岗人数10人。全年办件量1100件。"
        ]}]
      },
      "project_forms": [{
        "name": "测试项目", "leader": "王五", "phone": "0730-7654321", "address": "临湘市长安路1号", "postcode": "414300", "period": "2024年1月至12月",
        "funds": {"planned": {"total": "60", "city": "60"}, "arrived": {"total": "60", "city": "60"},
                  "spent": {"total": "60", "city": "60"}, "balance": {"total": "0", "city": "0"}},
        "expenses": [{"content": "设备购置费", "amount": "35", "vouchers": "1月1#2#"},
                     {"content": "系统运维费", "amount": "25", "vouchers": "2月3-4#"}],
        "expense_total": "60",
        "indicators": [
          {"level1": "产出指标", "level2": "数量指标", "name": "设备台数", "target": "≥10台", "actual": "10台"},
          {"level1": "效益指标", "level2": "社会效益指标", "name": "系统可用率", "target": "≥99%", "actual": "99.5%"},
          {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "用户满意度", "target": "≥90%", "actual": "93%"}
        ],
        "self_score": "92", "grade": "优",
        "evaluators": [{"name": "王五", "signature": "王五"}],
        "sign_offs": [{"role": "评价组组长（签字）", "signer": "王五", "date": "2025年5月20日"}],
        "narrative": [{"heading": "（一）项目概况", "paragraphs": [
          "2024年专项资金支出60万元，占总支出的60%，资金来源为财政拨款收入60万元。其中设备购置费35万元，系统运维费25万元。"
        ]}]
      }]
    });
    serde_json::from_value(v).expect("base report")
}

fn flags(r: &Report) -> Vec<Flag> {
    check_report(r, &CheckConfig::default())
}

fn find(r: &Report, rule: &str) -> Vec<Flag> {
    flags(r).into_iter().filter(|f| f.rule == rule).collect()
}

fn one(r: &Report, rule: &str) -> Flag {
    let f = find(r, rule);
    assert_eq!(f.len(), 1, "{rule}: {:#?}", flags(r));
    f.into_iter().next().unwrap()
}

fn iv(s: &str) -> Option<IndicatorValue> {
    Some(IndicatorValue::parse(s))
}

#[test]
fn the_clean_report_has_no_findings() {
    let f = flags(&base());
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn income_rows_and_summary() {
    let mut r = base();
    r.department_form.income.institutions[0].other = Some(dec("12"));
    let f = one(&r, "income.row_sum");
    assert_eq!(f.path, "department_form.income.institutions[0].total");
    assert_eq!((f.expected.as_deref(), f.found.as_deref()), (Some("102"), Some("100")));
    assert_eq!(f.severity, Severity::Error);
    let f = one(&r, "income.summary_sum");
    assert_eq!(f.path, "department_form.income.summary.other");
    // The blank 二级机构 row is not checked, and blank is not zero.
    assert!(find(&base(), "income.row_sum").is_empty());
}

#[test]
fn a_total_missing_while_parts_are_filled_is_a_warning() {
    let mut r = base();
    r.department_form.fixed_assets.institutions[0].total = None;
    let f = one(&r, "fixed_assets.row_sum");
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn expenditure_rows() {
    let mut r = base();
    r.department_form.expenditure.institutions[0].personnel = Some(dec("31"));
    assert_eq!(
        one(&r, "expenditure.basic_sum").path,
        "department_form.expenditure.institutions[0].basic"
    );
    assert!(find(&r, "expenditure.row_sum").is_empty());
    let mut r = base();
    r.department_form.expenditure.summary.as_mut().unwrap().total = Some(dec("101"));
    assert_eq!(
        one(&r, "expenditure.row_sum").path,
        "department_form.expenditure.summary.total"
    );
    assert_eq!(
        one(&r, "expenditure.summary_sum").path,
        "department_form.expenditure.summary.total"
    );
}

#[test]
fn balance_for_the_year() {
    let mut r = base();
    r.department_form.expenditure.summary.as_mut().unwrap().balance_year = Some(dec("0"));
    assert!(find(&r, "expenditure.balance").is_empty());
    r.department_form.expenditure.summary.as_mut().unwrap().balance_year = Some(dec("5"));
    let f = one(&r, "expenditure.balance");
    assert_eq!(f.expected.as_deref(), Some("0"));
}

#[test]
fn three_public_and_fixed_assets() {
    let mut r = base();
    r.department_form.three_public.institutions[0].overseas = Some(dec("1"));
    one(&r, "three_public.row_sum");
    one(&r, "three_public.summary_sum");
    let mut r = base();
    r.department_form.fixed_assets.summary.as_mut().unwrap().leased = Some(dec("3"));
    one(&r, "fixed_assets.row_sum");
    one(&r, "fixed_assets.summary_sum");
}

#[test]
fn project_funds() {
    let mut r = base();
    r.project_forms[0].funds.arrived.other = Some(dec("5"));
    let f = one(&r, "funds.source_sum");
    assert_eq!(f.path, "project_forms[0].funds.arrived.total");
    let mut r = base();
    r.project_forms[0].funds.balance.total = Some(dec("2"));
    let f = one(&r, "funds.balance");
    assert_eq!(f.path, "project_forms[0].funds.balance.total");
}

#[test]
fn expense_lines() {
    let mut r = base();
    r.project_forms[0].expenses[1].amount = Some(dec("16.5"));
    let f = one(&r, "expenses.sum");
    assert_eq!((f.expected.as_deref(), f.found.as_deref()), (Some("51.5"), Some("60")));
    let mut r = base();
    r.project_forms[0].expense_total = Some(dec("61"));
    r.project_forms[0].expenses[1].amount = Some(dec("26"));
    one(&r, "expenses.total_vs_spent");
}

#[test]
fn department_project_spending_equals_project_forms() {
    let mut r = base();
    r.department_form.expenditure.summary.as_mut().unwrap().project = Some(dec("70"));
    let f = one(&r, "cross.project_spending");
    assert_eq!((f.expected.as_deref(), f.found.as_deref()), (Some("60"), Some("70")));
}

#[test]
fn same_measure_in_both_forms() {
    let mut r = base();
    r.project_forms[0].indicators[0].name = "办件量".into();
    r.project_forms[0].indicators[0].target = iv("≥900件");
    let f = one(&r, "cross.same_measure");
    assert_eq!(f.related, vec!["project_forms[0].indicators[0]".to_string()]);
    r.project_forms[0].indicators[0].target = iv("≥1000件");
    r.project_forms[0].indicators[0].actual = iv("1100件");
    assert!(find(&r, "cross.same_measure").is_empty());
}

#[test]
fn budget_change_is_a_warning_that_quotes_the_explanation() {
    // The change is certain, whether the prose explains it is not: a
    // warning either way, saying what was (not) found.
    let mut r = base();
    let p = &mut r.project_forms[0];
    p.funds.planned.total = Some(dec("50"));
    p.funds.planned.city = Some(dec("50"));
    let f = one(&r, "budget.planned_vs_arrived");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message_zh.contains("+20.0%") && f.message_zh.contains("没有说明"),
        "{}",
        f.message_zh
    );
    r.project_forms[0].narrative[0]
        .paragraphs
        .push("年中财政追加预算10万元用于设备更新。".into());
    let f = one(&r, "budget.planned_vs_arrived");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message_zh.contains("年中财政追加预算10万元用于设备更新"));
    // Within the threshold: nothing.
    let mut r = base();
    r.project_forms[0].funds.planned.total = Some(dec("55"));
    r.project_forms[0].funds.planned.city = Some(dec("55"));
    assert!(find(&r, "budget.planned_vs_arrived").is_empty());
    // The threshold is configurable.
    let cfg = CheckConfig {
        deviation_pct: dec("5"),
        ..Default::default()
    };
    assert_eq!(
        check_report(&r, &cfg)
            .iter()
            .filter(|f| f.rule == "budget.planned_vs_arrived")
            .count(),
        1
    );
}

#[test]
fn execution_rate_and_overspending() {
    let mut r = base();
    let p = &mut r.project_forms[0];
    p.funds.spent.total = Some(dec("50"));
    p.funds.spent.city = Some(dec("50"));
    p.funds.balance.total = Some(dec("10"));
    p.funds.balance.city = Some(dec("10"));
    let f = one(&r, "budget.execution_rate");
    assert!(f.message_zh.contains("83.3%"), "{}", f.message_zh);
    let mut r = base();
    let p = &mut r.project_forms[0];
    p.funds.spent.total = Some(dec("65"));
    p.funds.spent.city = Some(dec("65"));
    p.funds.balance.total = Some(dec("-5"));
    p.funds.balance.city = Some(dec("-5"));
    one(&r, "budget.overspend");
}

#[test]
fn narrative_amounts() {
    let mut r = base();
    r.department_form.narrative[0].paragraphs[0] =
        r.department_form.narrative[0].paragraphs[0].replace("人员经费支出30万元", "人员经费支出32万元");
    let f = one(&r, "narrative.amount");
    assert_eq!(f.path, "department_form.narrative[0].paragraphs[0]");
    assert_eq!((f.expected.as_deref(), f.found.as_deref()), (Some("30"), Some("32")));
    assert_eq!(
        f.related,
        vec!["department_form.expenditure.summary.personnel".to_string()]
    );
    // An expense line named loosely in the narrative.
    let mut r = base();
    r.project_forms[0].narrative[0].paragraphs[0] =
        r.project_forms[0].narrative[0].paragraphs[0].replace("系统运维费25万元", "系统运维经费27万元");
    let f = one(&r, "narrative.amount");
    assert!(f.related[0].contains("expenses[1]"), "{f:?}");
    // Rounded in the narrative to its own precision is fine.
    let mut r = base();
    r.department_form.expenditure.summary.as_mut().unwrap().personnel = Some(dec("30.2"));
    r.department_form.expenditure.institutions[0].personnel = Some(dec("30.2"));
    r.department_form.expenditure.summary.as_mut().unwrap().public_use = Some(dec("9.8"));
    r.department_form.expenditure.institutions[0].public_use = Some(dec("9.8"));
    assert!(
        find(&r, "narrative.amount").is_empty(),
        "{:?}",
        find(&r, "narrative.amount")
    );
}

#[test]
fn narrative_shares() {
    let mut r = base();
    r.project_forms[0].narrative[0].paragraphs[0] =
        r.project_forms[0].narrative[0].paragraphs[0].replace("占总支出的60%", "占总支出的65.2%");
    let f = one(&r, "narrative.share");
    assert_eq!(f.expected.as_deref(), Some("60.0%"));
    let mut r = base();
    r.project_forms[0].narrative[0].paragraphs[0] =
        r.project_forms[0].narrative[0].paragraphs[0].replace("占总支出的60%", "占总支出的60.0%");
    assert!(find(&r, "narrative.share").is_empty());
}

#[test]
fn narrative_funding_split() {
    let mut r = base();
    r.project_forms[0].narrative[0].paragraphs[0] = r.project_forms[0].narrative[0].paragraphs[0].replace(
        "资金来源为财政拨款收入60万元",
        "资金来源为财政拨款收入55万元，其他收入5万元",
    );
    let f = one(&r, "narrative.funding_split");
    assert!(f.related.contains(&"project_forms[0].funds.arrived".to_string()));
}

#[test]
fn narrative_staff() {
    let mut r = base();
    r.department_form.narrative[0].paragraphs[1] = "现有编制人数12人，实际在岗人数10人。".into();
    let f = one(&r, "narrative.staff");
    assert_eq!((f.expected.as_deref(), f.found.as_deref()), (Some("10"), Some("12")));
}

/// A unit named in one sentence is still the subject of the next ones in
/// the same paragraph of the department's narrative, until another subject
/// is named: its figures are never the department's.
#[test]
fn a_units_subject_carries_into_the_next_sentence() {
    for said in [
        "测试中心为公益一类事业单位。核定编制26名，年末实有人员24人。",
        "测试中心为全额拨款事业单位，2024年基本支出2496.7万元。其中人员支出2186.4万元，公用支出310.3万元。",
        "统防统治项目由植保站组织实施，2023年计划安排210万元。实际支出197.4万元，执行率94.0%。",
    ] {
        let mut r = base();
        r.department_form.narrative[0].paragraphs[1] = said.into();
        let wrong = errors(&r);
        assert!(
            wrong.iter().all(|f| !f.rule.starts_with("narrative.")),
            "{said}: {wrong:#?}"
        );
    }
    // Once the department is named again, its figures are compared.
    let mut r = base();
    r.department_form.narrative[0].paragraphs[1] =
        "测试中心为公益一类事业单位。全局现有编制人数12人，实际在岗人数10人。".into();
    assert_eq!(one(&r, "narrative.staff").found.as_deref(), Some("12"));
    // A sentence in another paragraph starts afresh.
    let mut r = base();
    r.department_form.narrative[0].paragraphs[0] = "测试中心为公益一类事业单位。".into();
    r.department_form.narrative[0].paragraphs[1] = "现有编制人数12人，实际在岗人数10人。".into();
    one(&r, "narrative.staff");
}

#[test]
fn indicator_targets() {
    let mut r = base();
    r.department_form.indicators[0].target = None;
    one(&r, "indicator.target_missing");
    let mut r = base();
    r.department_form.indicators[0].target = iv("推行一窗通取");
    one(&r, "indicator.qualitative_target");
    let mut r = base();
    r.department_form.indicators[1].target = iv("≥100%");
    r.department_form.indicators[1].actual = iv("100%");
    one(&r, "indicator.rate_ceiling");
    r.department_form.indicators[1].name = "企业开办成本下降率".into();
    assert_eq!(one(&r, "indicator.impossible_target").severity, Severity::Error);
    assert!(find(&r, "indicator.rate_ceiling").is_empty());
    // A growth rate may exceed 100 %.
    r.department_form.indicators[1].name = "市场主体增长率".into();
    assert!(find(&r, "indicator.rate_ceiling").is_empty());
    assert!(find(&r, "indicator.impossible_target").is_empty());
}

#[test]
fn indicator_actuals() {
    let mut r = base();
    r.department_form.indicators[0].actual = None;
    let f = one(&r, "indicator.actual_missing");
    assert!(
        f.message_zh.contains("全年办件量1100件"),
        "the narrative's figure is shown: {}",
        f.message_zh
    );
    let mut r = base();
    r.project_forms[0].indicators[1].actual = iv("≥99%");
    one(&r, "indicator.actual_restates_target");
    let mut r = base();
    r.project_forms[0].indicators[1].actual = iv("运行良好");
    one(&r, "indicator.actual_unmeasurable");
}

#[test]
fn indicators_below_and_far_above_target() {
    let mut r = base();
    r.project_forms[0].indicators[1].actual = iv("97.2%");
    let f = one(&r, "indicator.below_target");
    assert_eq!(
        (f.expected.as_deref(), f.found.as_deref()),
        (Some("≥99%"), Some("97.2%"))
    );
    // Reverse: above the ceiling is missed, below is met.
    let mut r = base();
    r.project_forms[0].indicators[0].name = "审批办结时限".into();
    r.project_forms[0].indicators[0].target = iv("≤30天");
    r.project_forms[0].indicators[0].actual = iv("45天");
    one(&r, "indicator.below_target");
    r.project_forms[0].indicators[0].actual = iv("20天");
    assert!(find(&r, "indicator.below_target").is_empty());
    let mut r = base();
    r.project_forms[0].indicators[0].actual = iv("13台");
    one(&r, "indicator.target_too_low");
    r.project_forms[0].indicators[0].actual = iv("12台");
    assert!(find(&r, "indicator.target_too_low").is_empty());
}

#[test]
fn narrative_contradicts_an_indicator() {
    let mut r = base();
    r.department_form.narrative[0].paragraphs[1] = "现有编制人数10人，实际在岗人数10人。全年办件量980件。".into();
    let f = one(&r, "indicator.narrative_contradiction");
    assert_eq!(f.path, "department_form.indicators[0].actual");
    // This year's new ones are not the total the indicator counts, and a
    // figure of one unit (or of two together) is not the department's.
    for said in [
        "全年新增办件量980件，累计办件量1000件。",
        "局机关和测试中心共完成办件量980件。",
        "2023年办件量980件，2024年进一步增加。",
        "剔除重复件后办件量980件。",
        "下一步将加快剩余980件的办理。",
        "全年应办件量980件，已全部办结。",
    ] {
        let mut r = base();
        r.department_form.narrative[0].paragraphs[1] = said.into();
        assert!(find(&r, "indicator.narrative_contradiction").is_empty(), "{said}");
    }
}

#[test]
fn scores_and_grades() {
    let mut r = base();
    r.department_form.self_score = Some(dec("105"));
    one(&r, "score.out_of_range");
    let mut r = base();
    r.department_form.self_score = Some(dec("85"));
    let f = one(&r, "score.grade_mismatch");
    assert_eq!(f.expected.as_deref(), Some("良"));
    let mut r = base();
    r.department_form.grade = Some("甲等".into());
    one(&r, "score.grade_unknown");
}

#[test]
fn inflated_self_score() {
    let mut r = base();
    for i in &mut r.project_forms[0].indicators {
        i.actual = i.target.clone();
    }
    r.project_forms[0].self_score = Some(dec("100"));
    let f = one(&r, "score.inflated");
    assert_eq!(f.path, "project_forms[0].self_score");
    // The bound rests on fuhe's rubric: a judgment for the auditor.
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.expected.as_deref(), Some("≈10"));
    // A near-full score that the evidence supports is not flagged.
    let mut r = base();
    r.project_forms[0].self_score = Some(dec("100"));
    assert!(find(&r, "score.inflated").is_empty());
}

#[test]
fn vouchers() {
    let mut r = base();
    r.project_forms[0].expenses[1].vouchers = Some(VoucherRef::parse("1月2#2月3-4#"));
    let f = one(&r, "voucher.duplicate");
    assert!(f.message_zh.contains("1月2#"));
    assert_eq!(f.related, vec!["project_forms[0].expenses[1].vouchers".to_string()]);
    let mut r = base();
    r.project_forms[0].expenses[0].vouchers = Some(VoucherRef::parse("1月1#2#1-2#"));
    assert_eq!(find(&r, "voucher.duplicate_in_line").len(), 2);
    let mut r = base();
    r.project_forms[0].expenses[0].vouchers = Some(VoucherRef::parse("13月1#2#"));
    one(&r, "voucher.month_out_of_range");
    r.project_forms[0].expenses[0].vouchers = Some(VoucherRef::parse("1月9-3#"));
    one(&r, "voucher.unreadable");
    r.project_forms[0].expenses[0].vouchers = Some(VoucherRef::parse("1月1#/2#"));
    assert_eq!(one(&r, "voucher.odd_format").severity, Severity::Info);
    r.project_forms[0].expenses[0].vouchers = None;
    one(&r, "voucher.missing");
}

#[test]
fn completeness() {
    let mut r = base();
    r.department_form.basic.phone = None;
    r.department_form.basic.staff_quota = None;
    assert_eq!(find(&r, "completeness.blank").len(), 2);
    // A project's 邮编 is a basic fact too (the sample leaves it blank).
    r.project_forms[0].postcode = None;
    assert!(
        find(&r, "completeness.blank")
            .iter()
            .any(|f| f.path == "project_forms[0].postcode")
    );
    let mut r = base();
    r.department_form.basic.staff_actual = Some(12);
    r.department_form.narrative[0].paragraphs[1] = "现有编制人数10人，实际在岗人数12人。全年办件量1100件。".into();
    let f = one(&r, "completeness.over_quota");
    assert!(f.message_zh.contains("超编2人"));
    let mut r = base();
    r.department_form.evaluators[0].signature = None;
    one(&r, "completeness.unsigned");
    r.department_form.evaluators.clear();
    one(&r, "completeness.blank");
    let mut r = base();
    r.department_form.sign_offs[1].date = None;
    one(&r, "completeness.sign_off");
    // The finance section's block is the auditor's: never flagged.
    assert!(find(&base(), "completeness.sign_off").is_empty());
}

#[test]
fn text_quality() {
    let mut r = base();
    let long = "本单位严格按规定要求管理和使用各项资金，所有资金的日常财务管理均按单位相关管理制度执行，建立了工作有计划、实施有方案的管理机制。";
    r.department_form.narrative[0].paragraphs.push(long.into());
    assert!(find(&r, "text.repeated").is_empty());
    r.project_forms[0].narrative[0].paragraphs.push(long.into());
    let f = one(&r, "text.repeated");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(f.related.len(), 1);
    let mut r = base();
    r.project_forms[0].narrative[0]
        .paragraphs
        .push("通过公共资源交易平台为投标人降低成本，评审专家满意度100%。".into());
    one(&r, "text.foreign_activity");
    r.department_form.basic.duties = Some("负责公共资源交易监督管理。".into());
    assert!(find(&r, "text.foreign_activity").is_empty());
}

/// Sets the department narrative's second paragraph.
fn said(r: &mut Report, text: &str) {
    r.department_form.narrative[0].paragraphs.push(text.into());
}

fn errors(r: &Report) -> Vec<Flag> {
    flags(r).into_iter().filter(|f| f.severity == Severity::Error).collect()
}

#[test]
fn correct_statements_of_other_departments_are_left_alone() {
    // Each is how departments really write a correct figure that a naive
    // comparison with the department's totals calls wrong.
    for text in [
        // Staff by unit (the department has 10 in all).
        "局机关编制6人、实有6人，二级机构测试中心编制4人、实有4人。",
        // A project's spending and its share of all project spending (60).
        "文化惠民专项经费项目支出21万元，占项目实际支出的35%。",
        // Two activities together; what is not yet done; a plan; another year.
        "A活动和B活动共带动消费320万元。",
        "其中12个项目尚未完成结算，涉及资金15万元。",
        "计划安排项目支出80万元。",
        "2023年度支出88万元。",
        "三公经费比上年减少1.2万元。",
        // A unit's own money.
        "局机关人员经费支出18万元。",
        // A balance list after 结余.
        "项目结余3万元，其中测试项目1万元。",
    ] {
        let mut r = base();
        said(&mut r, text);
        let e = errors(&r);
        assert!(e.is_empty(), "{text}: {e:#?}");
        let narrative: Vec<Flag> = flags(&r)
            .into_iter()
            .filter(|f| f.rule.starts_with("narrative."))
            .collect();
        assert!(narrative.is_empty(), "{text}: {narrative:#?}");
    }
}

#[test]
fn the_income_tables_other_column_is_quoted_as_is() {
    // 其他收入 quotes the column (10), while the residual is thrown off by
    // a wrong appropriation elsewhere in the row.
    let mut r = base();
    r.department_form.income.summary.as_mut().unwrap().total = Some(dec("105"));
    said(&mut r, "本年其他收入10万元。");
    let other: Vec<Flag> = find(&r, "narrative.amount")
        .into_iter()
        .filter(|f| f.message_zh.contains("其他收入"))
        .collect();
    assert!(other.is_empty(), "{other:#?}");
}

#[test]
fn a_wrong_department_figure_is_still_an_error() {
    let mut r = base();
    said(&mut r, "全年部门项目支出合计66万元。");
    let f = one(&r, "narrative.amount");
    assert_eq!(f.severity, Severity::Error);
    let mut r = base();
    said(&mut r, "临湘市测试局现有编制人数12人。");
    assert_eq!(one(&r, "narrative.staff").severity, Severity::Error);
    // Counted in 名, at the year's end.
    let mut r = base();
    said(&mut r, "全局核定编制10名；年末实有在编人员12名，其中局机关12名。");
    assert_eq!(one(&r, "narrative.staff").severity, Severity::Error);
    // The same figure for a unit is not compared.
    let mut r = base();
    said(&mut r, "局机关现有编制人数12人。");
    assert!(find(&r, "narrative.staff").is_empty());
}

#[test]
fn a_share_with_a_wrong_percentage_is_an_error_in_the_departments_narrative() {
    let mut r = base();
    said(&mut r, "项目支出60万元，占总支出的50%。");
    let f = one(&r, "narrative.share");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.expected.as_deref(), Some("60.0%"));
}

#[test]
fn project_narratives_speak_of_their_own_project() {
    let mut r = base();
    // Bare 实际支出 in a project's narrative is that project's spending (60).
    r.project_forms[0].narrative[0]
        .paragraphs
        .push("实际支出60万元，占项目支出的100%。".into());
    assert!(errors(&r).is_empty(), "{:#?}", errors(&r));
    r.project_forms[0].narrative[0]
        .paragraphs
        .push("实际支出66万元。".into());
    let f = one(&r, "narrative.amount");
    assert_eq!(f.severity, Severity::Error, "its own total, in its own narrative");
}

#[test]
fn blank_parts_count_as_zero() {
    // Forms leave zero cells blank; a row whose filled parts fall short of
    // its total does not add up.
    let mut r = base();
    r.department_form.income.institutions[0].other = None;
    let f = find(&r, "income.row_sum");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
}

#[test]
fn department_measures_made_of_projects() {
    let mut r = base();
    // The department's count holds the project's (15 ≥ 8): not a contradiction.
    r.department_form.indicators[0].name = "培训场次".into();
    r.department_form.indicators[0].target = iv("培训场次≥15场");
    r.department_form.indicators[0].actual = iv("16场");
    r.project_forms[0].indicators[0].name = "培训场次".into();
    r.project_forms[0].indicators[0].target = iv("≥8场");
    r.project_forms[0].indicators[0].actual = iv("9场");
    assert!(
        find(&r, "cross.same_measure").is_empty(),
        "{:#?}",
        find(&r, "cross.same_measure")
    );
    // A target that repeats the name is the same target.
    r.department_form.indicators[0].target = iv("培训场次≥8场");
    r.department_form.indicators[0].actual = iv("9场");
    assert!(find(&r, "cross.same_measure").is_empty());
    // A department control figure over two projects is their sum.
    let mut r = base();
    let second = r.project_forms[0].clone();
    r.project_forms.push(second);
    r.department_form.indicators[0].name = "项目支出控制数".into();
    r.department_form.indicators[0].target = iv("≤120万元");
    r.department_form.indicators[0].actual = iv("120万元");
    for p in &mut r.project_forms {
        p.indicators[0].name = "项目支出控制数".into();
        p.indicators[0].target = iv("≤60万元");
        p.indicators[0].actual = iv("60万元");
    }
    assert!(
        find(&r, "cross.same_measure").is_empty(),
        "{:#?}",
        find(&r, "cross.same_measure")
    );
    r.department_form.indicators[0].target = iv("≤100万元");
    let f = one(&r, "cross.same_measure");
    assert!(f.message_zh.contains("合计为120万元"), "{}", f.message_zh);
}

#[test]
fn a_rate_the_narrative_measures_below_the_claim() {
    let mut r = base();
    said(&mut r, "全年网上办理事项占比统计，网上办理率为88.5%。");
    let f = one(&r, "indicator.narrative_contradiction");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.path, "department_form.indicators[1].actual");
    // The same rate at or above the claim, or another rate's, is no finding.
    let mut r = base();
    said(&mut r, "网上办理率为96%，线下办理率为4%。");
    assert!(find(&r, "indicator.narrative_contradiction").is_empty());
}

#[test]
fn a_units_line_in_a_prose_table_is_its_row() {
    let mut r = base();
    r.department_form.income.institutions[1] =
        serde_json::from_value(serde_json::json!({"institution": "2、临湘市测试中心", "total": "20"})).unwrap();
    r.department_form
        .expenditure
        .institutions
        .push(serde_json::from_value(serde_json::json!({"institution": "2、临湘市测试中心", "total": "18"})).unwrap());
    let lines = |r: &mut Report, line: &str| {
        r.department_form.narrative[0]
            .paragraphs
            .push("各单位收支情况如下（单位：万元）：".into());
        r.department_form.narrative[0].paragraphs.push(line.into());
    };
    // Right: nothing. (The summary rows no longer add up here; only the
    // narrative is looked at.)
    let mut ok = r.clone();
    lines(&mut ok, "测试中心：收入20，支出18，结余2。");
    assert!(
        find(&ok, "narrative.amount").is_empty(),
        "{:#?}",
        find(&ok, "narrative.amount")
    );
    // A dash list of units, each line opening with its name: right lines
    // (the next unit's figures after `；` are its own) say nothing.
    let mut dash = ok.clone();
    dash.department_form.narrative[0]
        .paragraphs
        .push("——测试中心支出18万元，其中基本支出10万元；——局机关支出81万元，其中项目支出60万元。".into());
    assert!(
        find(&dash, "narrative.amount")
            .iter()
            .all(|f| !f.message_zh.contains("测试中心")),
        "{:#?}",
        find(&dash, "narrative.amount")
    );
    let mut dash_wrong = ok.clone();
    dash_wrong.department_form.narrative[0]
        .paragraphs
        .push("——测试中心支出81万元，其中基本支出10万元；".into());
    let f = one(&dash_wrong, "narrative.amount");
    assert!(
        f.message_zh.contains("测试中心") && f.severity == Severity::Warning,
        "{f:#?}"
    );
    // Digits transposed: the unit's own row says 18.
    lines(&mut r, "测试中心：收入20，支出81，结余2。");
    let f = one(&r, "narrative.amount");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.related,
        vec!["department_form.expenditure.institutions[1].total".to_string()]
    );
}

/// A unit's 结余 in its line is its row's balance for the year, or the
/// accumulated one: either agreeing is right; neither is a warning that
/// points at the row.
#[test]
fn a_units_balance_in_its_line_is_its_rows() {
    let mut r = base();
    r.department_form.expenditure.institutions.push(
        serde_json::from_value(serde_json::json!({
            "institution": "2、临湘市测试中心", "total": "310.4",
            "balance_year": "16.4", "balance_accumulated": "61.4"
        }))
        .unwrap(),
    );
    let said_of_unit = |line: &str| {
        let mut r = r.clone();
        r.department_form.narrative[0].paragraphs.push(line.into());
        find(&r, "narrative.amount")
            .into_iter()
            .filter(|f| f.message_zh.contains("测试中心"))
            .collect::<Vec<_>>()
    };
    assert!(said_of_unit("测试中心收入326.8万元，支出310.4万元，结余16.4万元；").is_empty());
    assert!(
        said_of_unit("测试中心收入326.8万元，支出310.4万元，结余61.4万元；").is_empty(),
        "the accumulated balance is a 结余 too"
    );
    let f = said_of_unit("测试中心收入326.8万元，支出310.4万元，结余64.1万元；");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].related,
        vec!["department_form.expenditure.institutions[1].balance_year".to_string()]
    );
    assert!(f[0].message_zh.contains("当年结余为16.4"), "{}", f[0].message_zh);
}

/// A short name the narrative declares (`（以下简称测管站）`) names the unit in
/// later lines, after a lead-in without figures (分单位看，); a row that does
/// not add up itself is no evidence against the narrative.
#[test]
fn a_declared_short_name_is_the_unit() {
    let mut r = base();
    r.department_form.expenditure.institutions.push(
        serde_json::from_value(serde_json::json!({
            "institution": "2、临湘市测试管理站", "total": "18", "basic": "10", "project": "8",
            "balance_year": "2"
        }))
        .unwrap(),
    );
    r.department_form.narrative[0]
        .paragraphs
        .push("下属临湘市测试管理站（以下简称测管站）1个二级机构。".into());
    let said_of_unit = |r: &Report, line: &str| {
        let mut r = r.clone();
        r.department_form.narrative[0].paragraphs.push(line.into());
        find(&r, "narrative.amount")
            .into_iter()
            .filter(|f| f.message_zh.contains("测试管理站"))
            .collect::<Vec<_>>()
    };
    assert!(said_of_unit(&r, "分单位看，测管站收入20万元，支出18万元，结余2万元；").is_empty());
    let f = said_of_unit(
        &r,
        "分单位看，局机关支出81万元；测管站收入20万元，支出18万元，结余20万元；",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].related,
        vec!["department_form.expenditure.institutions[1].balance_year".to_string()]
    );
    let f = said_of_unit(&r, "测管站支出18万元，其中项目支出80万元。");
    assert_eq!(f.len(), 1, "{f:#?}");
    // The row's parts do not add up to its total: no telling which is wrong.
    let mut broken = r.clone();
    broken.department_form.expenditure.institutions[1].project = Some(rust_decimal::Decimal::from(80));
    broken.department_form.expenditure.institutions[1].total = Some(rust_decimal::Decimal::from(18));
    assert!(said_of_unit(&broken, "测管站支出18万元，其中项目支出8万元。").is_empty());
    // An undeclared short name is not the unit.
    let mut undeclared = r.clone();
    undeclared.department_form.narrative[0].paragraphs.pop();
    assert!(said_of_unit(&undeclared, "测管站收入20万元，支出18万元，结余20万元；").is_empty());
}

/// A unit written by its usual short name (业余体校 for 业余体育学校) is that
/// unit: its figures are never the department's.
#[test]
fn a_unit_by_its_short_name_is_not_the_department() {
    let mut r = base();
    said(
        &mut r,
        "——业余体校：支出748.88万元，其中基本支出512.3万元、项目支出236.58万元。",
    );
    let wrong: Vec<_> = find(&r, "narrative.amount")
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A group row is named by what it is (`4、区属公办幼儿园（9所）` is 幼儿园 in
/// prose): its figures are never the department's.
#[test]
fn a_group_row_by_its_plain_name_is_not_the_department() {
    let mut r = base();
    r.department_form.expenditure.institutions.push(
        serde_json::from_value(
            serde_json::json!({"institution": "4、区属公办幼儿园（9所）", "total": "5236.5", "project": "1268.2"}),
        )
        .unwrap(),
    );
    said(
        &mut r,
        "幼儿园支出5236.5万元，占6.0%，其中项目支出1268.2万元，占幼儿园支出的24.2%。",
    );
    let wrong: Vec<_> = errors(&r)
        .into_iter()
        .filter(|f| f.rule == "narrative.amount")
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// 基本支出中人员经费 is 人员经费, and is compared with it.
#[test]
fn personnel_within_basic_spending_is_personnel() {
    let mut r = base();
    let personnel = r
        .department_form
        .expenditure
        .summary
        .as_ref()
        .unwrap()
        .personnel
        .unwrap();
    said(
        &mut r,
        &format!(
            "基本支出中人员经费{}万元。",
            personnel + rust_decimal::Decimal::from(10)
        ),
    );
    assert!(!find(&r, "narrative.amount").is_empty());
    let mut ok = base();
    said(&mut ok, &format!("基本支出中人员经费{personnel}万元。"));
    assert!(find(&ok, "narrative.amount").is_empty());
}
