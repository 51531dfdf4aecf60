//! Indicators: targets that can be measured, actuals that were measured,
//! and whether they were met.
//!
//! The score of a self-evaluation rests on its indicators. A blank actual,
//! an actual that only repeats the target ("≥100%"), a target no one can
//! exceed or that makes no sense (a 下降率 of ≥100 % would mean the cost
//! vanished), or a sentence where a number belongs, all leave the score
//! without evidence. Actuals below target cost points; far above target
//! means the target was set too low (local rules deduct 2 points).

use super::narrative::figures;
use crate::finding::quoting;
use crate::rules;

/// A narrative sentence with its paragraph's place and owning project form.
pub(crate) type Sentence3<'a> = (super::narrative::Sentence<'a>, std::rc::Rc<Place>, Option<usize>);
use super::places::{dept, index, project};
use super::{CheckConfig, Flag, Place, Severity, pct};
use crate::assess::{Outcome, assess, is_reverse};
use crate::indicator::{Comparator, Meaning};
use crate::model::{Form, Indicator, Report};
use crate::text::clean;
use rust_decimal::Decimal;

pub fn check(report: &Report, config: &CheckConfig, sentences: &[Sentence3], flags: &mut Vec<Flag>) {
    // Every clause of the narrative that states a number, for matching
    // indicators against: both uses want a figure (a mention to show beside
    // a missing actual, a figure that contradicts the actual), and most
    // clauses have none.
    let clauses: Vec<(&str, usize)> = sentences
        .iter()
        .enumerate()
        .filter(|(_, (s, _, _))| s.text.bytes().any(|b| b.is_ascii_digit()))
        .flat_map(|(i, (s, _, _))| s.text.split(['，', '；', '。', ',', '：', ':']).map(move |c| (c, i)))
        .filter(|(c, _)| c.bytes().any(|b| b.is_ascii_digit()))
        .collect();
    let mut forms: Vec<(Place, &dyn Form)> = vec![(dept(), &report.department_form)];
    for (i, p) in report.project_forms.iter().enumerate() {
        forms.push((project(i, &p.label(i)), p));
    }
    let probes: Vec<Vec<NameProbe>> = forms
        .iter()
        .map(|(_, f)| f.indicators().iter().map(NameProbe::new).collect())
        .collect();
    let clause_index = ClauseIndex::new(&clauses, probes.iter().flatten());
    let units = super::scope::Units::new(report);
    for (fi, ((base, form), probes)) in forms.into_iter().zip(&probes).enumerate() {
        let owner = fi.checked_sub(1);
        for ((i, ind), probe) in form.indicators().iter().enumerate().zip(probes) {
            let name = clean(ind.display_name());
            // Places are written out only for a finding: most indicators have none.
            let row = || {
                index(
                    &base,
                    "indicators",
                    i,
                    &format!("指标“{name}”"),
                    &format!("indicator \"{name}\""),
                )
            };
            check_one(
                ind,
                &name,
                &row,
                config,
                sentences,
                (probe, &clause_index, owner, &units, report.year),
                flags,
            );
        }
    }
}

/// Whether a clause states what was due: 应 before a verb (`应核查`,
/// `应发放`), not 应用 / 应急 / 响应 / 供应.
fn due(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    chars.windows(2).enumerate().any(|(i, w)| {
        w[0] == '应'
            && "核发完资办整参检收缴到安录登评审纳补拨支付".contains(w[1])
            && !(i > 0 && "响供相反适对".contains(chars[i - 1]))
    })
}

/// Whether a clause names a year other than `year` (`2022年`, `2022—2024年`).
fn other_year(clause: &str, year: u16) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    chars.windows(5).any(|w| {
        w[4] == '年'
            && w[..4].iter().all(|c| c.is_ascii_digit())
            && w[..4]
                .iter()
                .collect::<String>()
                .parse::<u16>()
                .is_ok_and(|y| y != year && (1990..2100).contains(&y))
    })
}

fn check_one(
    ind: &Indicator,
    name: &str,
    row: &dyn Fn() -> Place,
    config: &CheckConfig,
    sentences: &[Sentence3],
    (probe, clauses, owner, units, year): (&NameProbe, &ClauseIndex, Option<usize>, &super::scope::Units, u16),
    flags: &mut Vec<Flag>,
) {
    let target_place = || row().child("target", "指标值", "target");
    let actual_place = || row().child("actual", "实际完成值", "actual");
    let target_text = ind.target.as_ref().map(|t| clean(&t.text)).unwrap_or_default();
    let actual_text = ind.actual.as_ref().map(|t| clean(&t.text)).unwrap_or_default();
    let target_q = ind.target.as_ref().and_then(|t| t.quantity());

    // Targets.
    match ind.target.as_ref().map(|t| &t.meaning) {
        None => flags.push(Flag::said(
            &rules::INDICATOR_TARGET_MISSING,
            Severity::Warning,
            &target_place(),
            quoting![name],
        )),
        Some(_) if ind.target.as_ref().is_some_and(|t| t.is_blank()) => flags.push(Flag::said(
            &rules::INDICATOR_TARGET_MISSING,
            Severity::Warning,
            &target_place(),
            quoting![name],
        )),
        // Zero (清零, 零事故) and graded levels (AAAA级, 一级) are measurable.
        Some(Meaning::Qualitative) if ["清零", "零", "级"].iter().any(|w| target_text.contains(w)) => {}
        Some(Meaning::Qualitative) => flags.push(
            Flag::said(
                &rules::INDICATOR_QUALITATIVE_TARGET,
                Severity::Warning,
                &target_place(),
                quoting![name, target_text],
            )
            .values("a number with a unit", &target_text),
        ),
        Some(Meaning::Quantity(q)) => {
            let n = ind.display_name();
            let lower_is_claimed = ["下降", "降低", "减少", "压减", "节约率"].iter().any(|w| n.contains(w));
            let can_exceed = ["增长", "增速", "提高", "提升", "增幅"].iter().any(|w| n.contains(w));
            let at_least_100 = q.is_percent()
                && q.number >= Decimal::ONE_HUNDRED
                && matches!(q.comparator, Some(Comparator::Ge | Comparator::Gt));
            // Certain only when the name is the reduction rate itself
            // (成本下降率, 减少重复率); "降低成本完成率" is a completion rate.
            let completion = [
                "完成率",
                "达标率",
                "执行率",
                "落实率",
                "到位率",
                "合格率",
                "通过率",
                "覆盖率",
                "办结率",
            ]
            .iter()
            .any(|w| n.ends_with(w));
            if at_least_100 && lower_is_claimed && !completion {
                flags.push(
                    Flag::said(
                        &rules::INDICATOR_IMPOSSIBLE_TARGET,
                        Severity::Error,
                        &target_place(),
                        quoting![name, target_text],
                    )
                    .values("<100%", &target_text),
                );
            } else if at_least_100 && !can_exceed {
                flags.push(
                    Flag::said(
                        &rules::INDICATOR_RATE_CEILING,
                        Severity::Warning,
                        &target_place(),
                        quoting![name, target_text],
                    )
                    .values("≤100%", &target_text),
                );
            }
        }
    }

    // Actuals.
    match assess(ind) {
        Outcome::Missing => {
            let mention = narrative_mention(probe, clauses);
            let rule = &rules::INDICATOR_ACTUAL_MISSING;
            flags.push(match &mention {
                Some(m) => Flag::said_as(
                    rule,
                    &rules::ACTUAL_MISSING_NARRATIVE_SAYS,
                    Severity::Warning,
                    &actual_place(),
                    quoting![name, target_text, mention = m],
                ),
                None => Flag::said_as(
                    rule,
                    &rules::ACTUAL_MISSING,
                    Severity::Warning,
                    &actual_place(),
                    quoting![name, target_text],
                ),
            });
        }
        Outcome::NotMeasurable => {
            let restates = ind
                .actual
                .as_ref()
                .and_then(|a| a.quantity())
                .is_some_and(|a| a.comparator.is_some_and(|c| c != Comparator::Eq));
            if restates {
                flags.push(
                    Flag::said(
                        &rules::INDICATOR_ACTUAL_RESTATES_TARGET,
                        Severity::Warning,
                        &actual_place(),
                        quoting![name, actual_text],
                    )
                    .values("实测值", &actual_text),
                );
            } else {
                flags.push(
                    Flag::said(
                        &rules::INDICATOR_ACTUAL_UNMEASURABLE,
                        Severity::Warning,
                        &actual_place(),
                        quoting![name, target_text, actual_text],
                    )
                    .values("实测值", &actual_text),
                );
            }
        }
        Outcome::Missed { .. }
            if ind
                .target
                .as_ref()
                .is_some_and(|t| crate::assess::deadline(&t.text).is_some()) =>
        {
            flags.push(
                Flag::said_as(
                    &rules::INDICATOR_BELOW_TARGET,
                    &rules::DONE_LATE,
                    Severity::Warning,
                    &actual_place(),
                    quoting![name, target_text, actual_text],
                )
                .values(&target_text, &actual_text),
            );
        }
        Outcome::Missed { achieved } => {
            let reverse = target_q.is_some_and(|t| is_reverse(ind, t));
            flags.push(
                Flag::said_as(
                    &rules::INDICATOR_BELOW_TARGET,
                    if reverse {
                        &rules::TARGET_MISSED_REVERSE
                    } else {
                        &rules::TARGET_MISSED
                    },
                    Severity::Warning,
                    &actual_place(),
                    quoting![
                        name,
                        target_text,
                        actual_text,
                        achieved = pct(achieved * Decimal::ONE_HUNDRED, false)
                    ],
                )
                .values(&target_text, &actual_text),
            );
        }
        Outcome::Met { overshoot_pct: Some(o) } if o >= config.rubric().overshoot_pct => {
            flags.push(
                Flag::said(
                    &rules::INDICATOR_TARGET_TOO_LOW,
                    Severity::Warning,
                    &target_place(),
                    quoting![name, actual_text, target_text, over = pct(o, false)],
                )
                .values(&target_text, &actual_text),
            );
        }
        _ => {}
    }

    // Narrative figures that contradict a measured actual.
    if let Some(actual) = ind.actual.as_ref().and_then(|a| a.quantity())
        && actual.comparator.is_none()
        && let Some(unit) = actual.unit.as_deref()
        && unit != "%"
    {
        for (clause, si) in clauses.mentioning(probe) {
            let place = &sentences[si].1;
            // A form's own narrative speaks of its own indicators; another
            // form's figure of the same words is another programme's.
            if sentences[si].2 != owner {
                continue;
            }
            // A breakdown (其中…、…), figures given one by one (分别), or
            // what is planned, pending or combined is not the measured total.
            if [
                "其中",
                "分别",
                "未",
                "含",
                "抽样",
                "抽查",
                "调查",
                "计划",
                "预计",
                "合计",
                "共计",
                "累计",
                "预算",
                "以内",
                "控制在",
                "不超过",
                // What remains to do, or is planned next.
                "剩余",
                "加快",
                "下一步",
                "力争",
                // Adjusted, another year's, a change, a balance.
                "剔除",
                "扣除",
                "上年",
                "去年",
                "同比",
                "结余",
            ]
            .iter()
            .any(|w| clause.contains(w))
            {
                continue;
            }
            // A year named in the clause that is not the report's: another
            // year's figure (`2022年门票收入78.6万元`).
            if other_year(clause, year) {
                continue;
            }
            // What was due (`应核查…2462个`) is not what was done.
            if due(clause) {
                continue;
            }
            // The clause must name this measure, not a sibling: every piece
            // of the name (农村特困人员基本生活标准 is not 城市…).
            if !names_fully(ind.display_name(), clause) {
                continue;
            }
            // This year's new ones (新增…26人) are not the stock the
            // indicator counts (…累计34人), unless its name says 新增.
            if clause.contains("新增") && !ind.display_name().contains("新增") {
                continue;
            }
            // A department measure stated for one unit, or for some units
            // together (局机关和服务中心共支出…), is a part, not the total.
            if owner.is_none() {
                let chars: Vec<char> = clause.chars().collect();
                if units.scope_at(&chars, chars.len()) != super::scope::Scope::Department {
                    continue;
                }
            }
            {
                let chars: Vec<char> = clause.chars().collect();
                let stated: Vec<(Decimal, bool)> = number_with_unit(&chars, unit);
                // One figure is a statement of the measure; several (18所中
                // 15所…12所) are a breakdown or a ratio.
                if stated.len() != 1 {
                    continue;
                }
                let consistent = stated.iter().any(|(v, approx)| {
                    if *approx {
                        actual.number >= *v
                    } else {
                        *v == actual.number
                    }
                });
                if !consistent {
                    let shown: Vec<String> = stated.iter().map(|(v, _)| format!("{v}{unit}")).collect();
                    flags.push(
                        Flag::said_as(
                            &rules::INDICATOR_NARRATIVE_CONTRADICTION,
                            &rules::NARRATIVE_SAYS_OTHERWISE,
                            Severity::Warning,
                            &actual_place(),
                            quoting![
                                name,
                                actual_text,
                                clause = super::narrative::quote(clause),
                                shown = shown.join("、"),
                                shown_en = shown.join(", ")
                            ],
                        )
                        .values(&actual_text, shown.join("、"))
                        .related(vec![place.path.clone()]),
                    );
                    return;
                }
            }
        }
    }
}

/// Whether a clause holds every two-character piece of an indicator's name
/// (numbering such as `指标1：` and punctuation aside).
fn names_fully(name: &str, clause: &str) -> bool {
    let name = name.rsplit(['：', ':']).next().unwrap_or(name);
    let chars: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).collect();
    let text: Vec<char> = clause.chars().filter(|c| c.is_alphanumeric()).collect();
    chars.len() >= 2 && chars.windows(2).all(|w| text.windows(2).any(|t| t == w))
}

/// Numbers followed by `unit` in a clause; `true` when marked approximate
/// ("10000余件": at least).
fn number_with_unit(chars: &[char], unit: &str) -> Vec<(Decimal, bool)> {
    let u: Vec<char> = unit.chars().collect();
    let mut out = Vec::new();
    for f in figures(chars) {
        let mut e = f.end;
        let approx = matches!(chars.get(e), Some('余' | '多'));
        if approx {
            e += 1;
        }
        // 名 counts people as 人 does.
        let same = chars.len() >= e + u.len() && chars[e..e + u.len()] == u[..]
            || (unit == "人" && chars.get(e) == Some(&'名'));
        if same {
            out.push((f.value, approx));
        }
    }
    out
}

/// Whether a clause talks about the indicator: most (¾) of the
/// two-character pieces of its name appear in it. The pieces are cut once
/// per indicator; a narrative has thousands of clauses.
struct NameProbe {
    bigrams: Vec<[char; 2]>,
}

impl NameProbe {
    fn new(ind: &Indicator) -> NameProbe {
        let name: Vec<char> = ind
            .display_name()
            .chars()
            .filter(|c| !c.is_ascii_punctuation())
            .collect();
        let bigrams = if name.len() < 3 {
            Vec::new()
        } else {
            name.windows(2).map(|w| [w[0], w[1]]).collect()
        };
        NameProbe { bigrams }
    }

    /// Whether one clause mentions the indicator (what [`ClauseIndex`]
    /// answers for all clauses at once).
    #[cfg(test)]
    fn matches(&self, clause: &str) -> bool {
        let n = self.bigrams.len();
        let chars: Vec<char> = clause.chars().collect();
        let hits = self
            .bigrams
            .iter()
            .filter(|b| chars.windows(2).any(|w| w == &b[..]))
            .count();
        n > 0 && hits >= (n * 3).div_ceil(4)
    }
}

/// A narrative clause that mentions the indicator with a number, to show
/// beside a missing actual.
fn narrative_mention(probe: &NameProbe, clauses: &ClauseIndex) -> Option<String> {
    clauses
        .mentioning(probe)
        .find(|(c, _)| c.chars().any(|ch| ch.is_ascii_digit()))
        .map(|(c, _)| super::narrative::quote(c))
}

/// The narrative's clauses with, for each two-character piece of an
/// indicator name, the clauses that hold it: finding the clauses that
/// mention an indicator is then a matter of counting, not of searching every
/// clause for every piece of every name (that was a third of all checking).
/// Only the pieces some name has are indexed, found by binary search in a
/// short sorted list, so building it is one cheap pass over the narrative.
struct ClauseIndex<'a> {
    clauses: &'a [(&'a str, usize)],
    /// The pieces of all names, sorted; `postings[i]` lists the clauses
    /// holding `pieces[i]`.
    pieces: Vec<[char; 2]>,
    postings: Vec<Vec<u32>>,
}

impl<'a> ClauseIndex<'a> {
    fn new<'p>(clauses: &'a [(&'a str, usize)], probes: impl Iterator<Item = &'p NameProbe>) -> ClauseIndex<'a> {
        let mut pieces: Vec<[char; 2]> = probes.flat_map(|p| p.bigrams.iter().copied()).collect();
        pieces.sort_unstable();
        pieces.dedup();
        let mut postings = vec![Vec::new(); pieces.len()];
        // Most characters start no piece: a mask of the first characters
        // skips them before any search.
        let bit = crate::text::char_bit;
        let firsts = pieces.iter().fold(0u64, |m, p| m | bit(p[0]));
        if !pieces.is_empty() {
            for (i, (clause, _)) in clauses.iter().enumerate() {
                let i = i as u32;
                let mut chars = clause.chars();
                let Some(mut prev) = chars.next() else { continue };
                for c in chars {
                    if firsts & bit(prev) != 0
                        && let Ok(k) = pieces.binary_search(&[prev, c])
                    {
                        let list: &mut Vec<u32> = &mut postings[k];
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                    prev = c;
                }
            }
        }
        ClauseIndex {
            clauses,
            pieces,
            postings,
        }
    }

    /// The clauses, in narrative order, that [`NameProbe::matches`].
    fn mentioning(&self, probe: &NameProbe) -> impl Iterator<Item = (&'a str, usize)> + '_ {
        let needed = (probe.bigrams.len() * 3).div_ceil(4);
        let mut all: Vec<u32> = Vec::new();
        if needed > 0 {
            for b in &probe.bigrams {
                if let Ok(k) = self.pieces.binary_search(b) {
                    all.extend_from_slice(&self.postings[k]);
                }
            }
        }
        all.sort_unstable();
        let mut found = Vec::new();
        let mut at = 0;
        while at < all.len() {
            let run = all[at..].iter().take_while(|&&i| i == all[at]).count();
            if run >= needed {
                found.push(all[at]);
            }
            at += run;
        }
        found.into_iter().map(|i| self.clauses[i as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::IndicatorValue;

    #[test]
    fn finds_the_indicator_in_a_clause() {
        let ind = Indicator {
            name: "指标2：配置审批账号".into(),
            target: Some(IndicatorValue::parse("101个")),
            ..Default::default()
        };
        let probe = NameProbe::new(&ind);
        assert!(probe.matches("共计配置101个审批账号"));
        assert!(!probe.matches("办件量已产生10000余件"));
        let chars: Vec<char> = "办件量已产生10000余件".chars().collect();
        assert_eq!(number_with_unit(&chars, "件"), vec![(Decimal::from(10000), true)]);
    }

    #[test]
    fn the_clause_index_finds_what_searching_each_clause_finds() {
        let clauses: Vec<(&str, usize)> = [
            "共计配置101个审批账号",
            "审批账号配置完成",
            "办件量已产生10000余件",
            "配置",
            "",
            "账号账号审批配置配置",
            "共计配置审批101个账号",
        ]
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i))
        .collect();
        let names = [
            "指标2：配置审批账号",
            "办件量",
            "配置",
            "审批账号配置",
            "无关指标名称",
            "账号",
        ];
        let probes: Vec<NameProbe> = names
            .iter()
            .map(|n| {
                NameProbe::new(&Indicator {
                    name: (*n).into(),
                    ..Default::default()
                })
            })
            .collect();
        let index = ClauseIndex::new(&clauses, probes.iter());
        for (name, probe) in names.iter().zip(&probes) {
            let by_index: Vec<usize> = index.mentioning(probe).map(|(_, i)| i).collect();
            let by_search: Vec<usize> = clauses
                .iter()
                .filter(|(c, _)| probe.matches(c))
                .map(|(_, i)| *i)
                .collect();
            assert_eq!(by_index, by_search, "{name}");
        }
        let found: Vec<usize> = index.mentioning(&probes[0]).map(|(_, i)| i).collect();
        assert_eq!(found, vec![0, 1, 6]);
    }
}
