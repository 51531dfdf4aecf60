//! Score: the self-score must lie in 0–100, match its grade band, and be
//! supported by the evidence in the form (自评打分偏高 is the commonest
//! finding of a 复核).
//!
//! "What the evidence supports" uses the national weights of 财预〔2020〕10号
//! for self-evaluations: 预算执行率 10, 产出 50, 效益 30, 满意度 10 (a
//! missing group's weight goes to the others in proportion), each group's
//! weight spread evenly over its indicators. An indicator earns its weight
//! when measured and met, weight × B/A (A/B for reverse ones) when missed,
//! nothing when its actual is missing or unmeasurable, and half when both
//! sides are text the auditor must judge. The department form's execution
//! rate is expenditure / income; a project's is spent / arrived.

use super::places::{dept, index, project};
use super::{CheckConfig, Flag, Place, Severity, ratio_pct};
use crate::assess::{Category, Outcome, assess, category};
use crate::model::{Form, Grade, Report};
use rust_decimal::Decimal;

/// One line of the evidence score.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceItem {
    pub path: String,
    pub label_zh: String,
    pub label_en: String,
    pub weight: Decimal,
    pub score: Decimal,
    pub reason_zh: String,
    pub reason_en: String,
}

/// The score the form's own figures support, item by item.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceScore {
    pub items: Vec<EvidenceItem>,
    pub total: Decimal,
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Evidence score of the department form (`None`) or a project form.
pub fn evidence_score(report: &Report, project_index: Option<usize>, config: &CheckConfig) -> EvidenceScore {
    let (base, form, spent, received): (Place, &dyn Form, _, _) = match project_index {
        None => {
            let f = &report.department_form;
            (
                dept(),
                f,
                f.expenditure.summary.as_ref().and_then(|r| r.total),
                f.income.summary.as_ref().and_then(|r| r.total),
            )
        }
        Some(i) => {
            let p = &report.project_forms[i];
            (project(i, &p.label(i)), p, p.funds.spent.total, p.funds.arrived.total)
        }
    };
    let mut items = Vec::new();

    // 预算执行率 10
    let (score, zh, en) = match (spent, received) {
        (Some(s), Some(r)) if !r.is_zero() => {
            let rate = ratio_pct(s, r).unwrap_or_default();
            let capped = rate.min(Decimal::ONE_HUNDRED).max(Decimal::ZERO);
            (
                d(10) * capped / Decimal::ONE_HUNDRED,
                format!("执行率{}（{s} / {r}），10 × 执行率", super::pct(rate, false)),
                format!("execution {} ({s} / {r}), 10 × rate", super::pct(rate, false)),
            )
        }
        _ => (
            Decimal::ZERO,
            "缺少支出或到位数，无法计算执行率".into(),
            "no figures to compute the execution rate".into(),
        ),
    };
    items.push(EvidenceItem {
        path: format!("{}.funds", base.path),
        label_zh: "预算执行率".into(),
        label_en: "budget execution".into(),
        weight: d(10),
        score,
        reason_zh: zh,
        reason_en: en,
    });

    // 产出 50 / 效益 30 / 满意度 10, spread over the indicators.
    let inds = form.indicators();
    let nominal = [
        (Category::Output, d(50)),
        (Category::Benefit, d(30)),
        (Category::Satisfaction, d(10)),
    ];
    let present: Vec<(Category, Decimal, usize)> = nominal
        .iter()
        .map(|(c, w)| (*c, *w, inds.iter().filter(|i| category(i) == *c).count()))
        .filter(|(_, _, n)| *n > 0)
        .collect();
    let present_weight: Decimal = present.iter().map(|p| p.1).sum();
    for (i, ind) in inds.iter().enumerate() {
        let c = category(ind);
        let Some((_, w, n)) = present.iter().find(|p| p.0 == c) else {
            continue;
        };
        let weight = d(90) * *w / present_weight / Decimal::from(*n as u64);
        let (score, zh, en) = match assess(ind) {
            Outcome::Met { overshoot_pct: Some(o) } if o >= config.overshoot_pct => (
                (weight - d(2)).max(Decimal::ZERO),
                format!("达成，但超目标{}，目标偏低扣2分", super::pct(o, false)),
                format!(
                    "met, but {} above target: 2 points off for a low target",
                    super::pct(o, false)
                ),
            ),
            Outcome::Met { .. } => (weight, "实测达成，得满分".into(), "measured and met: full marks".into()),
            Outcome::Missed { achieved } => (
                weight * achieved,
                format!(
                    "未达目标，按完成比例{}计分",
                    super::pct(achieved * Decimal::ONE_HUNDRED, false)
                ),
                format!(
                    "missed: scored at {} achieved",
                    super::pct(achieved * Decimal::ONE_HUNDRED, false)
                ),
            ),
            Outcome::Missing => (
                Decimal::ZERO,
                "无实际完成值，无证据".into(),
                "no actual value: no evidence".into(),
            ),
            Outcome::NotMeasurable => (
                Decimal::ZERO,
                "实际值不是实测数值，无证据".into(),
                "the actual is not a measured value: no evidence".into(),
            ),
            Outcome::Unjudged => (
                weight / d(2),
                "定性指标，暂按一半计，待审核判断".into(),
                "qualitative: half assumed until judged".into(),
            ),
        };
        let name = crate::text::clean(ind.display_name());
        items.push(EvidenceItem {
            path: index(&base, "indicators", i, "", "").path,
            label_zh: format!("{}·{name}", c.zh()),
            label_en: format!("{} · {name}", c.en()),
            weight,
            score,
            reason_zh: zh,
            reason_en: en,
        });
    }
    let total = items.iter().map(|i| i.score).sum::<Decimal>().round_dp(2).normalize();
    EvidenceScore { items, total }
}

pub fn check(report: &Report, config: &CheckConfig, flags: &mut Vec<Flag>) {
    let mut forms: Vec<(Place, Option<usize>, &dyn Form)> = vec![(dept(), None, &report.department_form)];
    for (i, p) in report.project_forms.iter().enumerate() {
        forms.push((project(i, &p.label(i)), Some(i), p));
    }
    let mut new = Vec::new();
    for (base, pi, form) in forms {
        let score_place = base.child("self_score", "自评得分", "self-score");
        let grade_place = base.child("grade", "评价等次", "grade");
        let Some(score) = form.self_score() else {
            continue;
        };
        if score < Decimal::ZERO || score > Decimal::ONE_HUNDRED {
            new.push(
                Flag::new(
                    "score.out_of_range",
                    Severity::Error,
                    &score_place,
                    format!("自评得分{score}不在0–100之间。"),
                    format!("The self-score {score} is outside 0–100."),
                )
                .values("0–100", score),
            );
            continue;
        }
        let band = Grade::for_score(score);
        if let Some(text) = form.grade().map(str::trim).filter(|g| !g.is_empty()) {
            match Grade::parse(text) {
                Some(g) if g != band => new.push(
                    Flag::new(
                        "score.grade_mismatch",
                        Severity::Error,
                        &grade_place,
                        format!(
                            "自评{score}分应为“{}”（{}），但填写的等次是“{}”。",
                            band.zh(),
                            band.band(),
                            crate::text::clean(text)
                        ),
                        format!(
                            "A score of {score} is \"{}\" ({}), but the grade given is \"{}\".",
                            band.zh(),
                            band.band(),
                            crate::text::clean(text)
                        ),
                    )
                    .values(band.zh(), crate::text::clean(text)),
                ),
                Some(_) => {}
                None => new.push(
                    Flag::new(
                        "score.grade_unknown",
                        Severity::Warning,
                        &grade_place,
                        format!("评价等次“{}”不是优、良、中、差之一。", crate::text::clean(text)),
                        format!(
                            "The grade \"{}\" is none of 优 / 良 / 中 / 差.",
                            crate::text::clean(text)
                        ),
                    )
                    .values("优/良/中/差", crate::text::clean(text)),
                ),
            }
        }

        // 自评打分偏高
        if score < config.near_full_score {
            continue;
        }
        let evidence = evidence_score(report, pi, config);
        let inds = form.indicators();
        let outcomes: Vec<Outcome> = inds.iter().map(assess).collect();
        let unmeasured = outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Missing | Outcome::NotMeasurable))
            .count();
        let missed = outcomes.iter().filter(|o| matches!(o, Outcome::Missed { .. })).count();
        let errors = flags
            .iter()
            .filter(|f| f.severity == Severity::Error && owned_by(&f.path, pi))
            .count();
        let gap = score - evidence.total;
        if gap < Decimal::ONE || (unmeasured == 0 && missed == 0 && errors == 0) {
            continue;
        }
        let supported_grade = Grade::for_score(evidence.total);
        let severity = if supported_grade > band {
            Severity::Error
        } else {
            Severity::Warning
        };
        let mut why_zh = Vec::new();
        let mut why_en = Vec::new();
        if unmeasured > 0 {
            why_zh.push(format!("{unmeasured}/{}个指标没有实测值", inds.len()));
            why_en.push(format!(
                "{unmeasured} of {} indicators have no measured value",
                inds.len()
            ));
        }
        if missed > 0 {
            why_zh.push(format!("{missed}个指标未达目标"));
            why_en.push(format!("{missed} missed their target"));
        }
        if errors > 0 {
            why_zh.push(format!("发现{errors}处错误"));
            why_en.push(format!("{errors} errors were found"));
        }
        new.push(
            Flag::new(
                "score.inflated",
                severity,
                &score_place,
                format!(
                    "自评打分偏高：自评{score}分（{}），但{}；按现有证据（预算执行率10、产出50、效益30、满意度10）最多支持约{}分（{}）。",
                    band.zh(),
                    why_zh.join("，"),
                    evidence.total,
                    supported_grade.zh()
                ),
                format!(
                    "Self-score too high: {score} ({}), yet {}; the evidence (execution 10, output 50, benefit 30, satisfaction 10) supports about {} ({}).",
                    band.en(),
                    why_en.join(", "),
                    evidence.total,
                    supported_grade.en()
                ),
            )
            .values(format!("≈{}", evidence.total), score),
        );
    }
    flags.extend(new);
}

/// Whether a flag's path belongs to the given form.
fn owned_by(path: &str, project_index: Option<usize>) -> bool {
    match project_index {
        None => path.starts_with("department_form"),
        Some(i) => path.starts_with(&format!("project_forms[{i}]")),
    }
}
