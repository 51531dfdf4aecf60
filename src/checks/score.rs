//! Score: the self-score must lie in 0–100, match its grade band, and be
//! supported by the evidence in the form (自评打分偏高 is the commonest
//! finding of a 复核).
//!
//! "What the evidence supports" is the rubric's suggested score (see
//! [`crate::scoring`]: for project forms the national weights of
//! 财预〔2020〕10号, 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10; for the
//! department form the Hunan 投入 / 过程 / 产出与效果 framework), with the
//! items only an auditor can judge given their full weight, so that the
//! figure is the most the form could earn.

use super::places::{dept, project};
use super::{CheckConfig, Flag, Place, Severity};
use crate::assess::{Outcome, assess};
use crate::finding::quoting;
use crate::model::{Form, Grade, Report};
use crate::rules;
use crate::scoring::{execution_rate, suggest, total};
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

/// The most the evidence supports for the department form (`None`) or a
/// project form, by the rubric's suggestions; items only the auditor can
/// judge are given their full weight (the benefit of the doubt), so the
/// figure is an upper bound.
pub fn evidence_score(
    report: &Report,
    project_index: Option<usize>,
    config: &CheckConfig,
    flags: &[Flag],
) -> EvidenceScore {
    let rubric = config.rubric();
    let lines = suggest(report, project_index, rubric, flags);
    let t = total(
        &lines,
        |l| Some(l.suggested.unwrap_or(l.weight)),
        rubric,
        project_index.is_some(),
        execution_rate(report, project_index),
    );
    let items = lines
        .into_iter()
        .map(|l| EvidenceItem {
            path: l.path.unwrap_or(l.id),
            label_zh: l.label_zh,
            label_en: l.label_en,
            weight: l.weight,
            score: l.suggested.unwrap_or(l.weight),
            reason_zh: if l.suggested.is_some() {
                l.reason_zh
            } else {
                "需判断，暂按满分".into()
            },
            reason_en: if l.suggested.is_some() {
                l.reason_en
            } else {
                "to judge: full weight assumed".into()
            },
        })
        .collect();
    EvidenceScore { items, total: t.total }
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
                Flag::said(
                    &rules::SCORE_OUT_OF_RANGE,
                    Severity::Error,
                    &score_place,
                    quoting![score],
                )
                .values("0–100", score),
            );
            continue;
        }
        let band = Grade::for_score(score);
        if let Some(text) = form.grade().map(str::trim).filter(|g| !g.is_empty()) {
            match Grade::parse(text) {
                Some(g) if g != band => new.push(
                    Flag::said(
                        &rules::SCORE_GRADE_MISMATCH,
                        Severity::Error,
                        &grade_place,
                        quoting![
                            score,
                            band = band.zh(),
                            band_range = band.band(),
                            grade = crate::text::clean(text)
                        ],
                    )
                    .values(band.zh(), crate::text::clean(text)),
                ),
                Some(_) => {}
                None => new.push(
                    Flag::said(
                        &rules::SCORE_GRADE_UNKNOWN,
                        Severity::Warning,
                        &grade_place,
                        quoting![grade = crate::text::clean(text)],
                    )
                    .values("优/良/中/差", crate::text::clean(text)),
                ),
            }
        }

        // 自评打分偏高
        if score < config.near_full_score {
            continue;
        }
        let inds = form.indicators();
        let outcomes: Vec<Outcome> = inds.iter().map(assess).collect();
        let unmeasured = outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Missing | Outcome::NotMeasurable))
            .count();
        let missed = outcomes.iter().filter(|o| matches!(o, Outcome::Missed { .. })).count();
        let owner = crate::item::ItemPath::form(pi).to_string();
        let errors = flags
            .iter()
            .filter(|f| f.severity == Severity::Error && owns(&owner, &f.path))
            .count();
        // Nothing speaks against the score: no need to work out the evidence.
        if unmeasured == 0 && missed == 0 && errors == 0 {
            continue;
        }
        let evidence = evidence_score(report, pi, config, flags);
        if score - evidence.total < Decimal::ONE {
            continue;
        }
        let rubric_summary = config.rubric().summary(pi.is_some());
        let supported_grade = Grade::for_score(evidence.total);
        // The bound rests on fuhe's rubric, which is local practice, not
        // the department's own scoring: a judgment for the auditor, never
        // an error, however far apart.
        let severity = Severity::Warning;
        let mut why: Vec<(String, String)> = Vec::new();
        if unmeasured > 0 {
            why.push(rules::INFLATED_UNMEASURED.say(quoting![unmeasured, count = inds.len()]));
        }
        if missed > 0 {
            why.push(rules::INFLATED_MISSED.say(quoting![missed]));
        }
        match errors {
            0 => {}
            1 => why.push(rules::INFLATED_ONE_ERROR.say(&[])),
            _ => why.push(rules::INFLATED_ERRORS.say(quoting![errors])),
        }
        let (why_zh, why_en): (Vec<String>, Vec<String>) = why.into_iter().unzip();
        new.push(
            Flag::said(
                &rules::SCORE_INFLATED,
                severity,
                &score_place,
                quoting![
                    score,
                    band = band.zh(),
                    why = why_zh.join("，"),
                    rubric_summary,
                    total = evidence.total,
                    grade = supported_grade.zh(),
                    band_en = band.en(),
                    why_en = why_en.join(", "),
                    grade_en = supported_grade.en()
                ],
            )
            .values(format!("≈{}", evidence.total), score),
        );
    }
    flags.extend(new);
}

/// Whether the item at `path` is in the form at `owner`:
/// "project_forms[1]" owns "project_forms[1].funds", not "project_forms[10]".
fn owns(owner: &str, path: &str) -> bool {
    crate::item::ItemPath::is_under(path, owner)
}

#[cfg(test)]
mod tests {
    use super::owns;

    #[test]
    fn a_form_owns_its_own_items_only() {
        assert!(owns("project_forms[1]", "project_forms[1].funds.spent.total"));
        assert!(owns("project_forms[1]", "project_forms[1]"));
        assert!(!owns("project_forms[1]", "project_forms[10].funds"));
        assert!(!owns("project_forms[1]", "department_form.income"));
        assert!(owns("department_form", "department_form.income.summary.total"));
        assert!(!owns("department_form", "project_forms[0].name"));
    }
}
