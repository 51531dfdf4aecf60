//! Across forms: the department form and its project forms describe the
//! same money and often the same measures. The department's 项目支出 must
//! be what the project forms spent, and a measure stated in both must have
//! the same target and value; otherwise one of the two forms is not true.

use super::places::{dept, index, indicator, project};
use super::{CheckConfig, Flag, Severity, sum_opt};
use crate::finding::quoting;
use crate::indicator::{Comparator, IndicatorValue};
use crate::model::{Indicator, Report};
use crate::rules;
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
            // A project form that covers several years may count spending
            // of other years: then more is a question, not a contradiction.
            let single_year = report.project_forms.iter().all(|p| {
                p.period
                    .as_deref()
                    .is_none_or(|t| years_in(t).iter().all(|y| *y == u32::from(report.year)))
            });
            let flag = if sum > dept_project {
                Flag::said_as(
                    &rules::CROSS_PROJECT_SPENDING,
                    &rules::PROJECT_FORMS_SPENT_MORE,
                    if single_year {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    &place,
                    quoting![dept_project, n, sum, off],
                )
            } else {
                Flag::said_as(
                    &rules::CROSS_PROJECT_SPENDING,
                    &rules::PROJECT_FORMS_SPENT_LESS,
                    Severity::Info,
                    &place,
                    quoting![dept_project, n, sum, off],
                )
            };
            flags.push(
                flag.values(sum, dept_project).related(
                    (0..n)
                        .map(|i| {
                            crate::item::ItemPath::project(i)
                                .field("funds")
                                .field("spent")
                                .field("total")
                                .into()
                        })
                        .collect(),
                ),
            );
        }
    }

    same_measures(report, flags);
    likely_same_measures(report, flags);
}

/// The four-digit years a text names (`2023年1月起至2024年12月止`).
fn years_in(text: &str) -> Vec<u32> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(3) {
        let four = &chars[i..i + 4];
        let boundary =
            (i == 0 || !chars[i - 1].is_ascii_digit()) && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if boundary && four.iter().all(|c| c.is_ascii_digit()) {
            let y: u32 = four.iter().collect::<String>().parse().unwrap_or(0);
            if (1990..=2100).contains(&y) {
                out.push(y);
            }
        }
    }
    out
}

fn text(v: &Option<IndicatorValue>) -> Option<String> {
    v.as_ref().map(|v| clean(v.text.trim())).filter(|t| !t.is_empty())
}

/// Whether two values say the same: the same text, or the same number,
/// unit and direction however worded (`培训场次≥12场` / `≥12场` / `12场`).
fn same_value(a: &Option<IndicatorValue>, b: &Option<IndicatorValue>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            let (a, b) = (clean(x.text.trim()), clean(y.text.trim()));
            // `欠薪案件动态清零` and `动态清零`: a target that repeats (part
            // of) the name ends in the same words.
            let (short, long) = if a.chars().count() <= b.chars().count() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            if a == b || (short.chars().count() >= 2 && long.ends_with(short.as_str())) {
                return true;
            }
            match (x.quantity(), y.quantity()) {
                (Some(p), Some(q)) => {
                    let dir = |c: Option<Comparator>| match c {
                        None | Some(Comparator::Eq | Comparator::Ge | Comparator::Gt) => 0,
                        Some(Comparator::Le | Comparator::Lt) => 1,
                    };
                    p.number == q.number
                        && (p.unit == q.unit || p.unit.is_none() || q.unit.is_none())
                        && dir(p.comparator) == dir(q.comparator)
                }
                _ => false,
            }
        }
        _ => true,
    }
}

/// Whether a department's count or amount can hold a project's as its part
/// (the department's 培训场次 ≥15 includes a project's ≥8): not a rate, the
/// same unit and direction, and the department's figure not smaller.
fn part_of_whole(dept: &Option<IndicatorValue>, proj: &Option<IndicatorValue>) -> bool {
    let (Some(d), Some(p)) = (
        dept.as_ref().and_then(|v| v.quantity()),
        proj.as_ref().and_then(|v| v.quantity()),
    ) else {
        return false;
    };
    let upper = |c: Option<Comparator>| c.is_some_and(|c| c.is_upper_bound());
    !d.is_percent()
        && !p.is_percent()
        && (d.unit == p.unit || d.unit.is_none() || p.unit.is_none())
        && upper(d.comparator) == upper(p.comparator)
        && d.number >= p.number
}

/// The same measure in the department form and project forms. A measure
/// the department states for itself and that several projects state for
/// their part (a control figure: `项目支出控制数 ≤400万元` over projects of
/// `≤150万元` and `≤250万元`) is the sum of the projects', not each one's.
fn same_measures(report: &Report, flags: &mut Vec<Flag>) {
    let d = &report.department_form;
    let project_names: Vec<Vec<String>> = report
        .project_forms
        .iter()
        .map(|p| p.indicators.iter().map(|i| norm(i.display_name())).collect())
        .collect();
    for (di, di_ind) in d.indicators.iter().enumerate() {
        let dn = norm(di_ind.display_name());
        let matches: Vec<(usize, usize, &Indicator)> = report
            .project_forms
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| p.indicators.iter().enumerate().map(move |(ii, x)| (pi, ii, x)))
            .filter(|(pi, ii, _)| same_name(&dn, &project_names[*pi][*ii]))
            .collect();
        if matches.is_empty() {
            continue;
        }
        let dname = clean(di_ind.display_name());
        let place = indicator(&dept(), di, &dname);
        let in_projects: std::collections::BTreeSet<usize> = matches.iter().map(|m| m.0).collect();
        if in_projects.len() >= 2 {
            sum_of_projects(di_ind, &dname, &place, &matches, flags);
            continue;
        }
        for (pi, ii, pi_ind) in matches {
            let p = &report.project_forms[pi];
            let target_differs =
                !same_value(&di_ind.target, &pi_ind.target) && !part_of_whole(&di_ind.target, &pi_ind.target);
            // A department's rate and a project's are measured over different
            // people or cases (满意度 of all services, of one project): their
            // actuals may differ by right. Counts must not.
            let is_rate = di_ind
                .actual
                .as_ref()
                .and_then(|a| a.quantity())
                .is_some_and(|q| q.is_percent());
            let actual_differs = !is_rate
                && !same_value(&di_ind.actual, &pi_ind.actual)
                && !part_of_whole(&di_ind.actual, &pi_ind.actual);
            if !(target_differs || actual_differs) {
                continue;
            }
            let pname = clean(pi_ind.display_name());
            let other = index(&project(pi, &p.label(pi)), "indicators", ii, &pname, &pname);
            let (what_zh, what_en, a, b) = if target_differs {
                (
                    "目标值",
                    "target",
                    text(&di_ind.target).unwrap_or_default(),
                    text(&pi_ind.target).unwrap_or_default(),
                )
            } else {
                (
                    "实际完成值",
                    "actual value",
                    text(&di_ind.actual).unwrap_or_default(),
                    text(&pi_ind.actual).unwrap_or_default(),
                )
            };
            flags.push(
                Flag::said_as(
                    &rules::CROSS_SAME_MEASURE,
                    &rules::SAME_MEASURE_DIFFERS,
                    Severity::Warning,
                    &place,
                    quoting![what_zh, dname, a, pname, b, what_en],
                )
                .values(&a, &b)
                .related(vec![other.path]),
            );
        }
    }
}

/// A department measure stated by several projects: its target should be
/// the projects' targets added up (when all are amounts or counts in one
/// unit); a rate or a mismatch of units is not summed and not judged.
fn sum_of_projects(
    dept_ind: &Indicator,
    dname: &str,
    place: &super::Place,
    matches: &[(usize, usize, &Indicator)],
    flags: &mut Vec<Flag>,
) {
    let Some(dq) = dept_ind.target.as_ref().and_then(|t| t.quantity()) else {
        return;
    };
    if dq.is_percent() {
        return;
    }
    let mut sum = rust_decimal::Decimal::ZERO;
    let mut parts = Vec::new();
    for (_, _, x) in matches {
        let Some(q) = x.target.as_ref().and_then(|t| t.quantity()) else {
            return;
        };
        if q.is_percent() || (q.unit != dq.unit && q.unit.is_some() && dq.unit.is_some()) {
            return;
        }
        sum += q.number;
        parts.push(text(&x.target).unwrap_or_default());
    }
    // The department's figure may hold projects without a form (a control
    // figure over all its 项目支出): only a sum beyond it contradicts it.
    if sum <= dq.number {
        return;
    }
    let dt = text(&dept_ind.target).unwrap_or_default();
    let unit = dq.unit.clone().unwrap_or_default();
    flags.push(
        Flag::said_as(
            &rules::CROSS_SAME_MEASURE,
            &rules::SAME_MEASURE_PROJECTS_ADD_UP_TO,
            Severity::Warning,
            place,
            quoting![dname, dt, count = parts.len(), sum, unit, parts = parts.join(" + ")],
        )
        .values(format!("{sum}{unit}"), &dt)
        .related(
            matches
                .iter()
                .map(|(pi, ii, _)| crate::item::ItemPath::project(*pi).row("indicators", *ii).into())
                .collect(),
        ),
    );
}

/// Differently named indicators that probably measure the same thing: the
/// same kind (二级指标), a shared word in the name, and one form's target is
/// the other's actual (`全年办件总量 10000件` / `全年行政许可事项 9000 → 10000`).
/// Only a question for the auditor: a warning that asks.
fn likely_same_measures(report: &Report, flags: &mut Vec<Flag>) {
    let d = &report.department_form;
    for (di, a) in d.indicators.iter().enumerate() {
        let Some(at) = a.target.as_ref().and_then(|t| t.quantity()) else {
            continue;
        };
        for (pi, p) in report.project_forms.iter().enumerate() {
            for (ii, b) in p.indicators.iter().enumerate() {
                // Cheap tests first: most pairs differ in number.
                let Some(bt) = b.target.as_ref().and_then(|t| t.quantity()) else {
                    continue;
                };
                // One form's target is the other's actual: the two forms
                // count the same thing. Similar names alone are not enough —
                // a department's rate and one project's may differ by right.
                // Rates are left out: 100 % and 95 % are everyone's figures,
                // so a crossing says nothing.
                let ba = b.actual.as_ref().and_then(|t| t.quantity());
                let aa = a.actual.as_ref().and_then(|t| t.quantity());
                let crossed = !at.is_percent()
                    && !bt.is_percent()
                    && (ba.is_some_and(|x| x.number == at.number) || aa.is_some_and(|x| x.number == bt.number));
                if !crossed
                    || same_value(&a.target, &b.target)
                    || !same_kind(a, b)
                    || same_measure(a, b)
                    || !shares_word(a.display_name(), b.display_name())
                {
                    continue;
                }
                let dname = clean(a.display_name());
                let pname = clean(b.display_name());
                let place = indicator(&dept(), di, &dname);
                let other = index(&project(pi, &p.label(pi)), "indicators", ii, &pname, &pname);
                let (x, y) = (text(&a.target).unwrap_or_default(), text(&b.target).unwrap_or_default());
                flags.push(
                    Flag::said(
                        &rules::CROSS_LIKELY_SAME_MEASURE,
                        Severity::Warning,
                        &place,
                        quoting![dname, x, pname, y],
                    )
                    .values(&x, &y)
                    .related(vec![other.path]),
                );
            }
        }
    }
}

/// The same 二级指标 (数量, 质量, 时效, 成本, 效益 …), when both say.
fn same_kind(a: &Indicator, b: &Indicator) -> bool {
    const KINDS: &[&str] = &["数量", "质量", "时效", "成本", "社会", "经济", "生态", "满意"];
    let kind = |i: &Indicator| {
        let l = i.level2.as_deref().unwrap_or_default();
        KINDS.iter().position(|k| l.contains(k))
    };
    matches!((kind(a), kind(b)), (Some(x), Some(y)) if x == y)
}

/// A two-character word in both names, other than generic ones.
fn shares_word(a: &str, b: &str) -> bool {
    const GENERIC: &[&str] = &["指标", "完成", "情况", "工作", "率达", "数量"];
    let bc: Vec<char> = b.chars().collect();
    let ac: Vec<char> = a
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !c.is_ascii_digit())
        .collect();
    ac.windows(2).any(|w| {
        let word: String = w.iter().collect();
        !GENERIC.contains(&word.as_str()) && w.iter().all(|c| !matches!(c, '：' | ':')) && bc.windows(2).any(|v| v == w)
    })
}

/// The same name, or the same name with a generic word added ("绿色审批"
/// / "绿色审批标准"); "受益农户满意度" is not "农户满意度".
fn same_measure(a: &Indicator, b: &Indicator) -> bool {
    same_name(&norm(a.display_name()), &norm(b.display_name()))
}

/// A name's letters and digits only, for comparing names.
fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// [`same_measure`] on names already passed through [`norm`] (made once
/// per indicator, not once per pair).
fn same_name(x: &str, y: &str) -> bool {
    if x.is_empty() || y.is_empty() || x.chars().next() != y.chars().next() {
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
                .any(|g| long.strip_suffix(g) == Some(short)))
}
