//! Across forms: the department form and its project forms describe the
//! same money and often the same measures. The department's 项目支出 must
//! be what the project forms spent, and a measure stated in both must have
//! the same target and value; otherwise one of the two forms is not true.

use super::places::{dept, index, project};
use super::{CheckConfig, Flag, Severity, sum_opt};
use crate::model::{Indicator, Report};
use crate::text::clean;

pub fn check(report: &Report, config: &CheckConfig, flags: &mut Vec<Flag>) {
    let d = &report.department_form;
    if !report.project_forms.is_empty()
        && let Some(dept_project) = d.expenditure.summary.as_ref().and_then(|r| r.project)
    {
        let spent: Vec<_> = report.project_forms.iter().map(|p| p.funds.spent.total).collect();
        if let Some(sum) = sum_opt(&spent)
            && (sum - dept_project).abs() > config.sum_tolerance
        {
            let place = dept()
                .child("expenditure", "支出表", "expenditure table")
                .child("summary", "汇总行", "summary row")
                .child("project", "项目支出", "project expenditure");
            let n = report.project_forms.len();
            let off = super::signed(dept_project - sum);
            // Projects can only spend what the department spent on projects:
            // more is a contradiction. Less is normal — only key projects
            // get a self-evaluation form — so it is only worth knowing.
            let flag = if sum > dept_project {
                Flag::new(
                    "cross.project_spending",
                    Severity::Error,
                    &place,
                    format!("部门整体表的项目支出为{dept_project}，但{n}张项目表的实际支出合计为{sum}，多于部门项目支出（差{off}）。"),
                    format!(
                        "The department form gives project expenditure {dept_project}, but the {n} project form(s) spent {sum} in total, more than the department did (off by {off})."
                    ),
                )
            } else {
                Flag::new(
                    "cross.project_spending",
                    Severity::Info,
                    &place,
                    format!("部门整体表的项目支出为{dept_project}，{n}张项目表的实际支出合计为{sum}，另有{off}的项目支出未提交项目自评表（或未纳入）。"),
                    format!(
                        "The department form gives project expenditure {dept_project}; the {n} project form(s) cover {sum}, leaving {off} of project spending without a self-evaluation form."
                    ),
                )
            };
            flags.push(
                flag.values(sum, dept_project)
                    .related((0..n).map(|i| format!("project_forms[{i}].funds.spent.total")).collect()),
            );
        }
    }

    // The same measure in the department form and a project form.
    for (di, di_ind) in d.indicators.iter().enumerate() {
        for (pi, p) in report.project_forms.iter().enumerate() {
            for (ii, pi_ind) in p.indicators.iter().enumerate() {
                if !same_measure(di_ind, pi_ind) {
                    continue;
                }
                let text = |v: &Option<crate::indicator::IndicatorValue>| {
                    v.as_ref().map(|v| clean(v.text.trim())).filter(|t| !t.is_empty())
                };
                let (dt, pt) = (text(&di_ind.target), text(&pi_ind.target));
                let (da, pa) = (text(&di_ind.actual), text(&pi_ind.actual));
                let target_differs = matches!((&dt, &pt), (Some(a), Some(b)) if a != b);
                let actual_differs = matches!((&da, &pa), (Some(a), Some(b)) if a != b);
                if !(target_differs || actual_differs) {
                    continue;
                }
                let dname = clean(di_ind.display_name());
                let pname = clean(pi_ind.display_name());
                let place = index(
                    &dept(),
                    "indicators",
                    di,
                    &format!("指标“{dname}”"),
                    &format!("indicator \"{dname}\""),
                );
                let other = index(&project(pi, &p.label(pi)), "indicators", ii, &pname, &pname);
                let (what_zh, what_en, a, b) = if target_differs {
                    ("目标值", "target", dt.unwrap_or_default(), pt.unwrap_or_default())
                } else {
                    (
                        "实际完成值",
                        "actual value",
                        da.unwrap_or_default(),
                        pa.unwrap_or_default(),
                    )
                };
                flags.push(
                    Flag::new(
                        "cross.same_measure",
                        Severity::Warning,
                        &place,
                        format!("同一指标在两张表中{what_zh}不同：部门整体表“{dname}”为“{a}”，项目表“{pname}”为“{b}”。"),
                        format!(
                            "The same measure has different {what_en}s: department form \"{dname}\" says \"{a}\", project form \"{pname}\" says \"{b}\"."
                        ),
                    )
                    .values(&a, &b)
                    .related(vec![other.path]),
                );
            }
        }
    }
}

/// The same name, or the same name with a generic word added ("绿色审批"
/// / "绿色审批标准"); "受益农户满意度" is not "农户满意度".
fn same_measure(a: &Indicator, b: &Indicator) -> bool {
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    // Cheap first: names that share no first character cannot match.
    let first = |s: &str| s.chars().find(|c| c.is_alphanumeric());
    let (fa, fb) = (first(a.display_name()), first(b.display_name()));
    if fa.is_none() || fa != fb {
        return false;
    }
    let (x, y) = (norm(a.display_name()), norm(b.display_name()));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let (short, long) = if x.chars().count() <= y.chars().count() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    x == y
        || (short.chars().count() >= 4
            && ["标准", "指标", "情况", "工作", "目标"]
                .iter()
                .any(|g| long.strip_suffix(g) == Some(short.as_str())))
}
