//! Budget against actual: planned vs arrived funds (预算调整) and arrived vs
//! spent (执行率).
//!
//! A budget changed during the year, or money that arrived and was not
//! spent, is what a 复核 asks about first: it may be legitimate (追加 by
//! the government, a project delayed) but the department must say so. A
//! deviation above the threshold with no explanation in the narrative is an
//! error; with one (a sentence with 调整, 追加, 偏差 …) it is a warning that
//! quotes the sentence, so the auditor can judge it.

use super::arithmetic::measure_label;
use super::narrative::{form_sentences, quote};
use super::places::{dept, project};
use super::{CheckConfig, Flag, Severity, pct, ratio_pct, signed};
use crate::finding::quoting;
use crate::model::Report;
use crate::rules;
use rust_decimal::Decimal;

/// Words with which departments explain a change of budget or execution.
pub const EXPLAIN_WORDS: &[&str] = &[
    "调整",
    "追加",
    "调增",
    "调减",
    "追减",
    "偏差",
    "变动",
    "差异",
    "压减",
    "收回",
    "未到位",
    "延期",
    "推迟",
    "滞后",
    "结转",
];

/// The first narrative sentence of the report that explains a change.
fn explanation(report: &Report, project_index: usize) -> Option<String> {
    let p = &report.project_forms[project_index];
    // The department's narrative explains this project's change only in a
    // sentence that names the project.
    let name = p.name.as_deref().filter(|n| n.chars().count() >= 4);
    form_sentences(&p.narrative)
        .map(|s| s.text)
        .chain(
            form_sentences(&report.department_form.narrative)
                .map(|s| s.text)
                .filter(|t| name.is_some_and(|n| t.contains(n))),
        )
        .find(|t| explains_money(t))
        .map(|t| t.to_string())
}

/// A sentence that explains a change of money: an explaining word (追加,
/// 调整, 未到位 …; 上年结转 is income, not a reason) about funds (资金,
/// 预算, 经费, 到位, 拨付). "施工进度滞后" explains a delay of work, not of money.
fn explains_money(t: &str) -> bool {
    let cleaned = t.replace("上年结转", "");
    EXPLAIN_WORDS.iter().any(|w| cleaned.contains(w))
        && ["资金", "预算", "经费", "到位", "拨付", "拨款", "安排"]
            .iter()
            .any(|w| t.contains(w))
}

pub fn check(report: &Report, config: &CheckConfig, flags: &mut Vec<Flag>) {
    let threshold = config.deviation_pct;
    for (i, p) in report.project_forms.iter().enumerate() {
        let funds = project(i, &p.label(i)).child("funds", "资金", "funds");
        let f = &p.funds;
        if let (Some(planned), Some(arrived)) = (f.planned.total, f.arrived.total)
            && let Some(dev_pct) = ratio_pct(arrived - planned, planned)
            && dev_pct.abs() > threshold
        {
            let diff = arrived - planned;
            let (zh, en) = measure_label("arrived");
            let place = funds.child("arrived", zh, en).child("total", "合计", "total");
            flags.push(explained(
                &rules::BUDGET_PLANNED_VS_ARRIVED,
                if diff > Decimal::ZERO {
                    &rules::MORE_ARRIVED
                } else {
                    &rules::LESS_ARRIVED
                },
                quoting![
                    planned,
                    arrived,
                    change = diff.abs(),
                    change_signed = signed(diff),
                    deviation = pct(dev_pct, true),
                    threshold
                ],
                &place,
                explanation(report, i),
                planned,
                arrived,
            ));
        }
        if let (Some(arrived), Some(spent)) = (f.arrived.total, f.spent.total) {
            let (zh, en) = measure_label("spent");
            let place = funds.child("spent", zh, en).child("total", "合计", "total");
            if spent > arrived {
                flags.push(
                    Flag::said(
                        &rules::BUDGET_OVERSPEND,
                        Severity::Error,
                        &place,
                        quoting![spent, arrived, over = spent - arrived],
                    )
                    .values(format!("≤{arrived}"), spent),
                );
            } else if let Some(rate) = ratio_pct(spent, arrived)
                && Decimal::ONE_HUNDRED - rate > threshold
            {
                flags.push(explained(
                    &rules::BUDGET_EXECUTION_RATE,
                    &rules::PROJECT_RATE_LOW,
                    quoting![
                        rate = pct(rate, false),
                        spent,
                        arrived,
                        floor = Decimal::ONE_HUNDRED - threshold,
                        unspent = arrived - spent
                    ],
                    &place,
                    explanation(report, i),
                    arrived,
                    spent,
                ));
            }
        }
    }

    // The department as a whole: expenditure against income.
    let d = &report.department_form;
    if let (Some(inc), Some(exp)) = (
        d.income.summary.as_ref().and_then(|r| r.total),
        d.expenditure.summary.as_ref().and_then(|r| r.total),
    ) && let Some(rate) = ratio_pct(exp, inc)
        && Decimal::ONE_HUNDRED - rate > threshold
    {
        let place = dept()
            .child("expenditure", "支出表", "expenditure table")
            .child("summary", "汇总行", "summary row")
            .child("total", "支出合计", "total");
        let sentence = form_sentences(&d.narrative)
            .find(|s| explains_money(s.text))
            .map(|s| s.text.to_string());
        flags.push(explained(
            &rules::BUDGET_EXECUTION_RATE,
            &rules::DEPARTMENT_RATE_LOW,
            quoting![exp, inc, rate = pct(rate, false)],
            &place,
            sentence,
            inc,
            exp,
        ));
    }
}

/// A deviation, with the narrative's explanation for the auditor to judge:
/// `message` (one of `rule`'s) says what deviates; `EXPLAINED` or
/// `UNEXPLAINED` adds the explanation or its absence.
fn explained(
    rule: &rules::Rule,
    message: &rules::Message,
    values: &[(&str, &dyn std::fmt::Display)],
    place: &super::Place,
    sentence: Option<String>,
    expected: Decimal,
    found: Decimal,
) -> Flag {
    let (what, what_en) = message.say(values);
    match sentence {
        Some(s) => Flag::said_as(
            rule,
            &rules::EXPLAINED,
            Severity::Warning,
            place,
            quoting![what, reason = quote(&s), what_en],
        ),
        // The deviation is certain, but whether the narrative explains it
        // is a reading of prose (departments explain in words no list
        // holds): the auditor judges, so never an error.
        None => Flag::said_as(
            rule,
            &rules::UNEXPLAINED,
            Severity::Warning,
            place,
            quoting![what, what_en],
        ),
    }
    .values(expected, found)
}
