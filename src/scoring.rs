//! Scoring rubrics and suggested scores.
//!
//! A rubric (JSON, default `sample-data/rubrics/default.json`, built in)
//! lists the scoring items of each kind of form with their weights and how
//! fuhe can suggest a score from the data: the execution rate × weight; an
//! indicator's weight × B/A (A/B for reverse ones) when missed, nothing when
//! its actual is missing or unmeasurable; the staff-quota ratio; the budget
//! adjustment bands of the Hunan framework; a deduction per error found.
//! Items no data can settle ("judgment") get no suggestion: the auditor
//! scores them. The total and the grade are always computed from the items,
//! never typed.

use crate::assess::{Category, Outcome, assess, category};
use crate::finding::{Flag, Severity};
use crate::model::{Form, Report};
use crate::numbers::{pct, ratio_pct, sum_opt};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub grades: Vec<GradeBand>,
    /// Share of its weight a qualitative indicator gets until judged.
    #[serde(with = "crate::model::amount::req")]
    pub qualitative_share: Decimal,
    /// An actual this % above a "≥" target means the target was too low…
    #[serde(with = "crate::model::amount::req")]
    pub overshoot_pct: Decimal,
    /// …and costs this many points.
    #[serde(with = "crate::model::amount::req")]
    pub overshoot_deduction: Decimal,
    pub project: FormRubric,
    pub department: FormRubric,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub grade: String,
    #[serde(with = "crate::model::amount::req")]
    pub min: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormRubric {
    pub items: Vec<RubricItem>,
    /// Caps on the total by execution rate (some provinces): below `below` %
    /// the total is at most `max`.
    #[serde(default)]
    pub execution_caps: Vec<Cap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    #[serde(with = "crate::model::amount::req")]
    pub below: Decimal,
    #[serde(with = "crate::model::amount::req")]
    pub max: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    ExecutionRate,
    Indicators,
    StaffControl,
    BudgetAdjustment,
    Compliance,
    Judgment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryName {
    Output,
    Benefit,
    Satisfaction,
}

impl CategoryName {
    fn category(self) -> Category {
        match self {
            CategoryName::Output => Category::Output,
            CategoryName::Benefit => Category::Benefit,
            CategoryName::Satisfaction => Category::Satisfaction,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricItem {
    pub id: String,
    pub group: String,
    pub label_zh: String,
    pub label_en: String,
    #[serde(with = "crate::model::amount::req")]
    pub weight: Decimal,
    pub method: Method,
    #[serde(default)]
    pub category: Option<CategoryName>,
    /// For `compliance`: points off per error-severity finding.
    #[serde(default, with = "crate::model::amount::opt")]
    pub per_error: Option<Decimal>,
}

/// The built-in rubric.
pub const DEFAULT_RUBRIC: &str = include_str!("../sample-data/rubrics/default.json");

impl Rubric {
    /// The built-in rubric, parsed once per process.
    pub fn builtin() -> Rubric {
        Rubric::builtin_ref().clone()
    }

    /// The built-in rubric without a copy (the checks read it for every
    /// report).
    pub fn builtin_ref() -> &'static Rubric {
        static BUILTIN: std::sync::OnceLock<Rubric> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| serde_json::from_str(DEFAULT_RUBRIC).unwrap_or_else(|_| Rubric::fallback()))
    }

    /// Only reached if the shipped JSON were broken (a test guards it).
    fn fallback() -> Rubric {
        Rubric {
            name: "fallback".into(),
            description: String::new(),
            grades: vec![],
            qualitative_share: Decimal::new(5, 1),
            overshoot_pct: Decimal::from(30),
            overshoot_deduction: Decimal::from(2),
            project: FormRubric {
                items: vec![],
                execution_caps: vec![],
            },
            department: FormRubric {
                items: vec![],
                execution_caps: vec![],
            },
        }
    }

    /// Reads a rubric file; the message names the file and the place.
    pub fn load(path: &std::path::Path) -> Result<Rubric, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let de = &mut serde_json::Deserializer::from_str(&text);
        let r: Rubric = serde_path_to_error::deserialize(de).map_err(|e| {
            let p = e.path().to_string();
            format!("{}: at {p}: {}", path.display(), e.into_inner())
        })?;
        for f in [&r.project, &r.department] {
            let total: Decimal = f.items.iter().map(|i| i.weight).sum();
            if total != Decimal::ONE_HUNDRED {
                return Err(format!("{}: item weights add up to {total}, not 100", path.display()));
            }
        }
        Ok(r)
    }

    /// The workspace's rubric (`rubric.json` beside `reports/`), else the
    /// built-in one; a broken file is reported and the built-in used.
    pub fn for_workspace(root: &std::path::Path) -> (Rubric, Option<String>) {
        let p = root.join("rubric.json");
        if !p.exists() {
            return (Rubric::builtin(), None);
        }
        match Rubric::load(&p) {
            Ok(r) => (r, None),
            Err(e) => (Rubric::builtin(), Some(format!("{e}; using the built-in rubric"))),
        }
    }

    pub fn grade(&self, total: Decimal) -> String {
        let mut bands = self.grades.clone();
        bands.sort_by_key(|b| std::cmp::Reverse(b.min));
        bands
            .iter()
            .find(|b| total >= b.min)
            .map(|b| b.grade.clone())
            .unwrap_or_else(|| crate::model::Grade::for_score(total).zh().to_string())
    }

    /// "预算执行10、产出50、效益30、满意度10": the weights by group.
    pub fn summary(&self, project: bool) -> String {
        let f = if project { &self.project } else { &self.department };
        let mut groups: Vec<(String, Decimal)> = Vec::new();
        for i in &f.items {
            match groups.iter_mut().find(|g| g.0 == i.group) {
                Some(g) => g.1 += i.weight,
                None => groups.push((i.group.clone(), i.weight)),
            }
        }
        groups
            .iter()
            .map(|(g, w)| format!("{g}{w}"))
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// One line of a form's scoring: a rubric item, or one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreLine {
    /// Stable id within the report: `project_forms[0]#budget_execution`,
    /// `department_form.indicators[3]`.
    pub id: String,
    /// The item in the report it scores, when there is one.
    pub path: Option<String>,
    pub group: String,
    pub label_zh: String,
    pub label_en: String,
    pub weight: Decimal,
    /// None: the auditor must judge.
    pub suggested: Option<Decimal>,
    pub reason_zh: String,
    pub reason_en: String,
    /// The score the form itself gives this line, if it does.
    pub self_score: Option<Decimal>,
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Rounds half away from zero (四舍五入), as forms and auditors do.
fn r2(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Splits `total` into `n` weights of two decimals that add up exactly to
/// it (the first ones get the spare hundredths).
fn split_weight(total: Decimal, n: usize) -> Vec<Decimal> {
    if n == 0 {
        return Vec::new();
    }
    let cents = (total * Decimal::ONE_HUNDRED).trunc();
    let each = (cents / Decimal::from(n as u64)).trunc();
    let spare = cents - each * Decimal::from(n as u64);
    (0..n)
        .map(|i| {
            let extra = if Decimal::from(i as u64) < spare {
                Decimal::ONE
            } else {
                Decimal::ZERO
            };
            ((each + extra) / Decimal::ONE_HUNDRED).normalize()
        })
        .collect()
}

/// The scoring lines of the department form (`None`) or a project form,
/// with fuhe's suggestions. `flags` are the report's findings (for the
/// compliance item).
pub fn suggest(report: &Report, project: Option<usize>, rubric: &Rubric, flags: &[Flag]) -> Vec<ScoreLine> {
    let (base, form, spent, received, fr): (String, &dyn Form, _, _, &FormRubric) = match project {
        None => {
            let f = &report.department_form;
            (
                crate::item::ItemPath::department().into(),
                f,
                f.expenditure.summary.as_ref().and_then(|r| r.total),
                f.income.summary.as_ref().and_then(|r| r.total),
                &rubric.department,
            )
        }
        Some(i) => {
            let p = &report.project_forms[i];
            (
                crate::item::ItemPath::project(i).into(),
                p,
                p.funds.spent.total,
                p.funds.arrived.total,
                &rubric.project,
            )
        }
    };
    let inds = form.indicators();
    // Indicator items of absent categories pass their weight to the others.
    let ind_items: Vec<&RubricItem> = fr.items.iter().filter(|i| i.method == Method::Indicators).collect();
    let present = |it: &RubricItem| {
        it.category
            .is_some_and(|c| inds.iter().any(|i| category(i) == c.category()))
    };
    let ind_total: Decimal = ind_items.iter().map(|i| i.weight).sum();
    let present_total: Decimal = ind_items.iter().filter(|i| present(i)).map(|i| i.weight).sum();
    let mut lines = Vec::new();
    for item in &fr.items {
        let id = format!("{base}#{}", item.id);
        let mut line = ScoreLine {
            id,
            path: None,
            group: item.group.clone(),
            label_zh: item.label_zh.clone(),
            label_en: item.label_en.clone(),
            weight: item.weight,
            suggested: None,
            reason_zh: "需审核人员判断".into(),
            reason_en: "the auditor judges".into(),
            self_score: None,
        };
        match item.method {
            Method::ExecutionRate => {
                line.path = Some(if project.is_some() {
                    format!("{base}.funds.spent.total")
                } else {
                    format!("{base}.expenditure.summary.total")
                });
                match (spent, received) {
                    (Some(s), Some(r)) if !r.is_zero() => {
                        let rate = ratio_pct(s, r).unwrap_or_default();
                        let capped = rate.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                        line.suggested = Some(r2(item.weight * capped / Decimal::ONE_HUNDRED));
                        line.reason_zh = format!("执行率{}（{s} / {r}）× {}", pct(rate, false), item.weight);
                        line.reason_en = format!("execution {} ({s} / {r}) × {}", pct(rate, false), item.weight);
                    }
                    _ => {
                        line.suggested = Some(Decimal::ZERO);
                        line.reason_zh = "缺少支出或收入（到位）数，无法计算执行率".into();
                        line.reason_en = "no figures to compute the execution rate".into();
                    }
                }
                lines.push(line);
            }
            Method::StaffControl => {
                line.path = Some(format!("{base}.basic.staff_actual"));
                let b = &report.department_form.basic;
                match (b.staff_quota, b.staff_actual) {
                    (Some(q), Some(a)) if a <= q => {
                        line.suggested = Some(item.weight);
                        line.reason_zh = format!("实有{a}人 ≤ 编制{q}人");
                        line.reason_en = format!("{a} staff within the quota of {q}");
                    }
                    (Some(q), Some(a)) => {
                        line.suggested = Some(r2(item.weight * Decimal::from(q) / Decimal::from(a)));
                        line.reason_zh = format!("实有{a}人超编制{q}人，按{q}/{a}计");
                        line.reason_en = format!("{a} staff over the quota of {q}: scored at {q}/{a}");
                    }
                    _ => {
                        line.suggested = Some(Decimal::ZERO);
                        line.reason_zh = "编制或实有人数未填".into();
                        line.reason_en = "quota or staff number not filled in".into();
                    }
                }
                lines.push(line);
            }
            Method::BudgetAdjustment => {
                let planned = sum_opt(
                    &report
                        .project_forms
                        .iter()
                        .map(|p| p.funds.planned.total)
                        .collect::<Vec<_>>(),
                );
                let arrived = sum_opt(
                    &report
                        .project_forms
                        .iter()
                        .map(|p| p.funds.arrived.total)
                        .collect::<Vec<_>>(),
                );
                match (planned, arrived) {
                    (Some(p), Some(a)) if !p.is_zero() => {
                        let rate = ratio_pct((a - p).abs(), p).unwrap_or_default();
                        // 0 → full, ≤10 % → 2/3, ≤20 % → 1/3, ≤30 % → 1/6, more → 0.
                        let share = if rate.is_zero() {
                            Decimal::ONE
                        } else if rate <= d(10) {
                            d(2) / d(3)
                        } else if rate <= d(20) {
                            d(1) / d(3)
                        } else if rate <= d(30) {
                            d(1) / d(6)
                        } else {
                            Decimal::ZERO
                        };
                        line.suggested = Some(r2(item.weight * share));
                        line.reason_zh = format!("预算调整率{}（计划{p}，到位{a}）", pct(rate, false));
                        line.reason_en = format!("budget adjusted by {} (planned {p}, arrived {a})", pct(rate, false));
                    }
                    _ => {
                        line.reason_zh = "没有项目计划与到位数，需判断".into();
                        line.reason_en = "no project planned and arrived figures: judge".into();
                    }
                }
                lines.push(line);
            }
            Method::Compliance => {
                let errors = flags
                    .iter()
                    .filter(|f| {
                        f.severity == Severity::Error
                            && !f.rule.starts_with("score.")
                            && !f.rule.starts_with("indicator.")
                    })
                    .count();
                let per = item.per_error.unwrap_or(Decimal::ONE);
                line.suggested = Some((item.weight - per * Decimal::from(errors as u64)).max(Decimal::ZERO));
                line.reason_zh = format!("发现{errors}处错误，每处扣{per}分");
                line.reason_en = format!("{errors} errors found, {per} off each");
                lines.push(line);
            }
            Method::Judgment => lines.push(line),
            Method::Indicators => {
                let Some(cat) = item.category.map(CategoryName::category) else {
                    continue;
                };
                let members: Vec<usize> = (0..inds.len()).filter(|i| category(&inds[*i]) == cat).collect();
                if members.is_empty() || present_total.is_zero() {
                    continue;
                }
                let group_weight = item.weight * ind_total / present_total;
                let weights = split_weight(group_weight, members.len());
                for (i, each) in members.into_iter().zip(weights) {
                    let ind = &inds[i];
                    let (score, zh, en) = indicator_score(ind, each, rubric);
                    lines.push(ScoreLine {
                        id: format!("{base}.indicators[{i}]"),
                        path: Some(format!("{base}.indicators[{i}]")),
                        group: item.group.clone(),
                        label_zh: format!(
                            "{}·{}",
                            item.label_zh.trim_end_matches("指标"),
                            crate::text::clean(ind.display_name())
                        ),
                        label_en: format!(
                            "{} · {}",
                            item.label_en.trim_end_matches(" indicators"),
                            crate::text::clean(ind.display_name())
                        ),
                        weight: each,
                        suggested: Some(r2(score)),
                        reason_zh: zh,
                        reason_en: en,
                        self_score: ind.score,
                    });
                }
            }
        }
    }
    lines
}

fn indicator_score(ind: &crate::model::Indicator, weight: Decimal, rubric: &Rubric) -> (Decimal, String, String) {
    match assess(ind) {
        Outcome::Met { overshoot_pct: Some(o) } if o >= rubric.overshoot_pct => (
            (weight - rubric.overshoot_deduction).max(Decimal::ZERO),
            format!(
                "达成，但超目标{}，目标偏低扣{}分",
                pct(o, false),
                rubric.overshoot_deduction
            ),
            format!(
                "met, {} above target: {} off for a low target",
                pct(o, false),
                rubric.overshoot_deduction
            ),
        ),
        Outcome::Met { .. } => (weight, "实测达成，满分".into(), "measured and met: full".into()),
        Outcome::Missed { achieved } => (
            weight * achieved,
            format!(
                "未达目标，按完成比例{}计分",
                pct(achieved * Decimal::ONE_HUNDRED, false)
            ),
            format!(
                "missed: scored at {} achieved",
                pct(achieved * Decimal::ONE_HUNDRED, false)
            ),
        ),
        Outcome::Missing => (
            Decimal::ZERO,
            "无实际完成值，不得分".into(),
            "no actual value: no points".into(),
        ),
        Outcome::NotMeasurable => (
            Decimal::ZERO,
            "实际值不是实测数值，不得分".into(),
            "the actual is not a measured value: no points".into(),
        ),
        Outcome::Unjudged => (
            weight * rubric.qualitative_share,
            format!(
                "定性指标，暂按{}计，待判断",
                pct(rubric.qualitative_share * Decimal::ONE_HUNDRED, false)
            ),
            format!(
                "qualitative: {} until judged",
                pct(rubric.qualitative_share * Decimal::ONE_HUNDRED, false)
            ),
        ),
    }
}

/// A computed total.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub total: Decimal,
    pub grade: String,
    /// Lines with no score yet (judgment items the auditor has not scored).
    pub unscored: usize,
    /// The execution-rate cap that applied, if any.
    pub capped_at: Option<Decimal>,
}

/// Totals the lines, taking each line's score from `chosen` (the review
/// score, or the suggestion), and applies the rubric's execution caps.
pub fn total(
    lines: &[ScoreLine],
    chosen: impl Fn(&ScoreLine) -> Option<Decimal>,
    rubric: &Rubric,
    project: bool,
    execution_rate: Option<Decimal>,
) -> Total {
    let mut sum = Decimal::ZERO;
    let mut unscored = 0;
    for l in lines {
        match chosen(l) {
            Some(s) => sum += s,
            None => unscored += 1,
        }
    }
    let caps = if project {
        &rubric.project.execution_caps
    } else {
        &rubric.department.execution_caps
    };
    let mut capped_at = None;
    if let Some(rate) = execution_rate {
        let mut cs = caps.clone();
        cs.sort_by_key(|c| c.below);
        if let Some(c) = cs.iter().find(|c| rate < c.below)
            && sum > c.max
        {
            sum = c.max;
            capped_at = Some(c.max);
        }
    }
    let total = r2(sum);
    Total {
        grade: rubric.grade(total),
        total,
        unscored,
        capped_at,
    }
}

/// A form's scores, kept apart as the auditor signs them: fuhe's
/// suggestion from the evidence, and the auditor's own — which exists only
/// once the auditor has scored (or explicitly taken the suggestion for)
/// every line. Until then the review is "scored n of N", never a total made
/// up of suggestions and zeros.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// From the suggestions alone; judgment lines fuhe cannot suggest are
    /// counted in `suggested.unscored`.
    pub suggested: Total,
    /// The auditor's total, once every line is scored.
    pub review: Option<Total>,
    /// Lines the auditor has scored.
    pub scored: usize,
    /// All lines.
    pub items: usize,
}

impl Sheet {
    /// What a review column shows: the auditor's total and grade, or how
    /// far the scoring has got (`已评 3/12`), or `—` before any line is
    /// scored. Never a total the auditor did not give.
    pub fn review_text(&self, lang: crate::labels::Lang) -> String {
        match &self.review {
            Some(t) => format!("{} {}", t.total, crate::model::Grade::shown_short(&t.grade, lang)),
            None if self.scored == 0 => "—".into(),
            None => format!("{} {}/{}", lang.t(&crate::labels::SCORED), self.scored, self.items),
        }
    }

    /// What a suggestion column shows: fuhe's total and grade — or, while
    /// lines only the auditor can judge are open, `≥` the total without a
    /// grade: those lines can only add to it.
    pub fn suggested_text(&self, lang: crate::labels::Lang) -> String {
        if self.suggested.unscored > 0 {
            format!("≥{}", self.suggested.total)
        } else {
            format!(
                "{} {}",
                self.suggested.total,
                crate::model::Grade::shown_short(&self.suggested.grade, lang)
            )
        }
    }
}

/// The sheet of a form from its lines and the auditor's scores.
pub fn sheet(
    lines: &[ScoreLine],
    review_score: impl Fn(&ScoreLine) -> Option<Decimal>,
    rubric: &Rubric,
    project: bool,
    execution_rate: Option<Decimal>,
) -> Sheet {
    let scored = lines.iter().filter(|l| review_score(l).is_some()).count();
    let complete = scored == lines.len() && !lines.is_empty();
    Sheet {
        suggested: total(lines, |l| l.suggested, rubric, project, execution_rate),
        review: complete.then(|| total(lines, &review_score, rubric, project, execution_rate)),
        scored,
        items: lines.len(),
    }
}

/// The execution rate (%) of a form, for caps.
pub fn execution_rate(report: &Report, project: Option<usize>) -> Option<Decimal> {
    let (s, r) = match project {
        None => (
            report
                .department_form
                .expenditure
                .summary
                .as_ref()
                .and_then(|r| r.total),
            report.department_form.income.summary.as_ref().and_then(|r| r.total),
        ),
        Some(i) => (
            report.project_forms[i].funds.spent.total,
            report.project_forms[i].funds.arrived.total,
        ),
    };
    ratio_pct(s?, r?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_rubric_loads_and_weighs_100() {
        let r: Rubric = serde_json::from_str(DEFAULT_RUBRIC).unwrap();
        for f in [&r.project, &r.department] {
            assert_eq!(f.items.iter().map(|i| i.weight).sum::<Decimal>(), Decimal::ONE_HUNDRED);
        }
        assert_eq!(r.summary(true), "预算执行10、产出50、效益30、满意度10");
        assert_eq!(r.summary(false), "投入15、过程40、产出与效果45");
        assert_eq!(r.grade(Decimal::from(90)), "优");
        assert_eq!(r.grade(Decimal::new(8999, 2)), "良");
        assert_eq!(r.grade(Decimal::from(59)), "差");
    }

    #[test]
    fn a_broken_rubric_is_refused_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("rubric.json");
        std::fs::write(&p, DEFAULT_RUBRIC.replace("\"weight\": \"50\"", "\"weight\": \"55\"")).unwrap();
        assert!(Rubric::load(&p).unwrap_err().contains("105"));
        std::fs::write(
            &p,
            DEFAULT_RUBRIC.replace("\"method\": \"judgment\"", "\"method\": \"guess\""),
        )
        .unwrap();
        let e = Rubric::load(&p).unwrap_err();
        assert!(e.contains("department.items") && e.contains("guess"), "{e}");
        let (r, problem) = Rubric::for_workspace(dir.path());
        assert_eq!(r, Rubric::builtin());
        assert!(problem.unwrap().contains("rubric.json"));
    }

    #[test]
    fn weights_split_exactly_and_round_half_up() {
        let w = split_weight(Decimal::from(50), 7);
        assert_eq!(w.iter().copied().sum::<Decimal>(), Decimal::from(50));
        assert_eq!(w[0].to_string(), "7.15");
        assert_eq!(w[6].to_string(), "7.14");
        assert_eq!(r2(crate::model::amount::dec("3.125")).to_string(), "3.13");
    }

    #[test]
    fn caps_by_execution_rate() {
        let r = Rubric::builtin();
        let line = |s: &str| ScoreLine {
            id: "x".into(),
            path: None,
            group: String::new(),
            label_zh: String::new(),
            label_en: String::new(),
            weight: Decimal::from(100),
            suggested: Some(crate::model::amount::dec(s)),
            reason_zh: String::new(),
            reason_en: String::new(),
            self_score: None,
        };
        let lines = vec![line("95")];
        let t = total(&lines, |l| l.suggested, &r, true, Some(Decimal::from(75)));
        assert_eq!((t.total, t.capped_at), (Decimal::from(89), Some(Decimal::from(89))));
        assert_eq!(t.grade, "良");
        let t = total(&lines, |l| l.suggested, &r, true, Some(Decimal::from(95)));
        assert_eq!(t.total, Decimal::from(95));
        let t = total(&lines, |_| None, &r, true, None);
        assert_eq!((t.total, t.unscored), (Decimal::ZERO, 1));
    }
}
