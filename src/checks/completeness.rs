//! Completeness: the fields without which a submission is not a valid
//! self-evaluation (who evaluated, who signed, when, staffing, the score),
//! and staffing above quota (实有人数 > 人员编制, 超编).
//!
//! The 财政部门归口业务科室意见 block is the auditor's own and is never
//! flagged as blank.

use super::places::{dept, index, project};
use super::{CheckConfig, Flag, Place, Severity};
use crate::finding::quoting;
use crate::model::{Form, Report, is_blank};
use crate::rules;

fn blank_flag(place: &Place, what_zh: &str, what_en: &str) -> Flag {
    Flag::said(
        &rules::COMPLETENESS_BLANK,
        Severity::Warning,
        place,
        quoting![what_zh, what_en],
    )
}

pub fn check(report: &Report, _config: &CheckConfig, flags: &mut Vec<Flag>) {
    let d = &report.department_form;
    let dp = dept();
    let cover = dp.child("cover", "封面", "cover");
    if is_blank(&d.cover.report_date) {
        flags.push(blank_flag(
            &cover.child("report_date", "报告日期", "report date"),
            "报告日期",
            "The report date",
        ));
    }
    let basic = dp.child("basic", "基本概况", "basic facts");
    for (key, zh, en, v) in [
        ("contact", "联系人", "The contact person", &d.basic.contact),
        ("phone", "联络电话", "The contact phone", &d.basic.phone),
        ("duties", "职能职责概述", "The duties", &d.basic.duties),
    ] {
        if is_blank(v) {
            flags.push(blank_flag(&basic.child(key, zh, key), zh, en));
        }
    }
    if d.basic.staff_quota.is_none() {
        flags.push(blank_flag(
            &basic.child("staff_quota", "人员编制", "staff quota"),
            "人员编制",
            "The staff quota",
        ));
    }
    if d.basic.staff_actual.is_none() {
        flags.push(blank_flag(
            &basic.child("staff_actual", "实有人数", "actual staff"),
            "实有人数",
            "The actual staff number",
        ));
    }
    if let (Some(q), Some(a)) = (d.basic.staff_quota, d.basic.staff_actual)
        && a > q
    {
        flags.push(
            Flag::said(
                &rules::COMPLETENESS_OVER_QUOTA,
                Severity::Warning,
                &basic.child("staff_actual", "实有人数", "actual staff"),
                quoting![a, q, over = a - q],
            )
            .values(format!("≤{q}"), a),
        );
    }

    let mut forms: Vec<(Place, &dyn Form)> = vec![(dp.clone(), d)];
    for (i, p) in report.project_forms.iter().enumerate() {
        let base = project(i, &p.label(i));
        // No name check: the provincial template has no 项目名称 field (the
        // name is in the title, when at all), so a blank name is no fault
        // of the department's; the form is called 项目N instead.
        for (key, zh, en, v) in [
            ("leader", "项目负责人", "The project leader", &p.leader),
            ("phone", "联系电话", "The contact phone", &p.phone),
            ("address", "项目地址", "The project address", &p.address),
            ("postcode", "邮编", "The postcode", &p.postcode),
            ("period", "项目起止时间", "The project period", &p.period),
        ] {
            if is_blank(v) {
                flags.push(blank_flag(&base.child(key, zh, key), zh, en));
            }
        }
        forms.push((base, p));
    }

    for (base, form) in forms {
        if form.self_score().is_none() {
            flags.push(blank_flag(
                &base.child("self_score", "自评得分", "self-score"),
                "绩效自评综合得分",
                "The self-score",
            ));
        }
        if form.grade().is_none_or(|g| g.trim().is_empty()) {
            flags.push(blank_flag(
                &base.child("grade", "评价等次", "grade"),
                "评价等次",
                "The grade",
            ));
        }
        let evaluators = form.evaluators();
        if evaluators.is_empty() {
            flags.push(blank_flag(
                &base.child("evaluators", "评价人员", "evaluators"),
                "评价人员名单",
                "The list of evaluators",
            ));
        } else {
            let unsigned: Vec<String> = evaluators
                .iter()
                .filter(|e| is_blank(&e.signature))
                .map(|e| crate::text::clean(e.name.as_deref().unwrap_or("（无名）")))
                .collect();
            if !unsigned.is_empty() {
                flags.push(Flag::said(
                    &rules::COMPLETENESS_UNSIGNED,
                    Severity::Warning,
                    &base.child("evaluators", "评价人员", "evaluators"),
                    quoting![unsigned = unsigned.join("、"), unsigned_en = unsigned.join(", ")],
                ));
            }
        }
        for (i, s) in form.sign_offs().iter().enumerate() {
            if s.role.contains("财政") {
                continue;
            }
            let role = crate::text::clean(&s.role);
            let place = index(&base, "sign_offs", i, &role, &role);
            let mut missing = Vec::new();
            let mut missing_en = Vec::new();
            if is_blank(&s.signer) {
                missing.push("签字（签章）");
                missing_en.push("signature");
            }
            if is_blank(&s.date) {
                missing.push("日期");
                missing_en.push("date");
            }
            if role.contains("意见") && is_blank(&s.opinion) {
                missing.push("意见");
                missing_en.push("opinion");
            }
            if !missing.is_empty() {
                flags.push(Flag::said(
                    &rules::COMPLETENESS_SIGN_OFF,
                    Severity::Warning,
                    &place,
                    quoting![role, missing = missing.join("、"), missing_en = missing_en.join(", ")],
                ));
            }
        }
    }
}
