//! Whether an indicator was met, judged from its target and actual values.
//!
//! Shared by the checks, the suggested scores and the interface, so that
//! all three say the same thing about the same row.

use crate::indicator::{Comparator, IndicatorValue, Quantity};
use crate::model::Indicator;
use rust_decimal::Decimal;

/// Which part of the national scoring weights an indicator falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// 产出指标 (数量 / 质量 / 时效 / 成本).
    Output,
    /// 效益指标 (社会 / 经济 / 生态 / 可持续).
    Benefit,
    /// 满意度指标.
    Satisfaction,
}

impl Category {
    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(self) -> &'static crate::labels::L {
        match self {
            Category::Output => &crate::labels::CATEGORY_OUTPUT,
            Category::Benefit => &crate::labels::CATEGORY_BENEFIT,
            Category::Satisfaction => &crate::labels::CATEGORY_SATISFACTION,
        }
    }

    pub fn zh(self) -> &'static str {
        self.label().zh
    }
    pub fn en(self) -> &'static str {
        self.label().en
    }
}

/// The category from the level-2 group first (a 社会效益 row named
/// 投诉处理满意率 is a benefit), then the level-1 group, then the name.
pub fn category(ind: &Indicator) -> Category {
    let l2 = ind.level2.as_deref().unwrap_or("");
    let l1 = ind.level1.as_deref().unwrap_or("");
    if l2.contains("满意") {
        Category::Satisfaction
    } else if l2.contains("效益") {
        Category::Benefit
    } else if ["数量", "质量", "时效", "成本"].iter().any(|w| l2.contains(w)) {
        Category::Output
    } else if l1.contains("满意") {
        Category::Satisfaction
    } else if l1.contains("效益") {
        Category::Benefit
    } else if l1.contains("产出") {
        Category::Output
    } else if ind.name.contains("满意") {
        Category::Satisfaction
    } else {
        Category::Output
    }
}

/// Whether smaller is better for this indicator (costs, losses, delays).
pub fn is_reverse(ind: &Indicator, target: &Quantity) -> bool {
    match target.comparator {
        Some(c) if c.is_upper_bound() => true,
        Some(Comparator::Ge | Comparator::Gt) => false,
        _ => {
            let n = ind.display_name();
            let good = ["节约", "减少", "下降", "降低", "满意", "增长", "提高"];
            let bad = ["损失", "差错", "事故", "超期", "延误", "投诉量", "投诉率", "成本"];
            bad.iter().any(|w| n.contains(w)) && !good.iter().any(|w| n.contains(w))
        }
    }
}

/// What the values say about an indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// No actual value was reported.
    Missing,
    /// The actual only restates the target ("≥100%"), or is text where a
    /// number is needed: nothing was measured.
    NotMeasurable,
    /// Measured and met. `overshoot_pct` is how far above a positive target.
    Met { overshoot_pct: Option<Decimal> },
    /// Measured and missed: `achieved` is B/A (or A/B for reverse ones), 0–1.
    Missed { achieved: Decimal },
    /// Both sides are text, or units differ: the auditor must judge.
    Unjudged,
}

impl Outcome {
    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(&self) -> &'static crate::labels::L {
        match self {
            Outcome::Missing => &crate::labels::OUTCOME_MISSING,
            Outcome::NotMeasurable => &crate::labels::OUTCOME_NOT_MEASURABLE,
            Outcome::Met { .. } => &crate::labels::OUTCOME_MET,
            Outcome::Missed { .. } => &crate::labels::OUTCOME_MISSED,
            Outcome::Unjudged => &crate::labels::OUTCOME_UNJUDGED,
        }
    }

    pub fn zh(&self) -> &'static str {
        self.label().zh
    }
    pub fn en(&self) -> &'static str {
        self.label().en
    }
}

fn blank(v: &Option<IndicatorValue>) -> bool {
    v.as_ref().is_none_or(|v| v.is_blank())
}

fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Judges an indicator from its values.
pub fn assess(ind: &Indicator) -> Outcome {
    if blank(&ind.actual) {
        return Outcome::Missing;
    }
    // A deadline (`2024年10月底前`) against the date it was done.
    // A date without its year (`11月28日`) is in the deadline's year.
    let due = ind.target.as_ref().and_then(|t| deadline(&t.text));
    let done = ind.actual.as_ref().and_then(|a| {
        date(&a.text).or_else(|| {
            let (m, d) = month_day(&a.text)?;
            due.map(|(y, _, _)| (0, (y, m, d)))
        })
    });
    if let (Some(due), Some(done)) = (due, done) {
        return if done.1 <= due {
            Outcome::Met { overshoot_pct: None }
        } else {
            // Late is not done on time: a time indicator earns nothing.
            Outcome::Missed {
                achieved: Decimal::ZERO,
            }
        };
    }
    let actual = ind.actual.as_ref().and_then(|a| a.quantity());
    let target = ind.target.as_ref().and_then(|t| t.quantity());
    match (target, actual) {
        (_, Some(a)) if a.comparator.is_some_and(|c| c != Comparator::Eq) => Outcome::NotMeasurable,
        (Some(_), None) => Outcome::NotMeasurable,
        (Some(t), Some(a)) if same_unit(t, a) => {
            let (tv, av) = (t.number, a.number);
            if is_reverse(ind, t) {
                let met = match t.comparator {
                    Some(Comparator::Lt) => av < tv,
                    _ => av <= tv,
                };
                if met {
                    Outcome::Met { overshoot_pct: None }
                } else {
                    let achieved = if av.is_zero() { Decimal::ZERO } else { tv / av };
                    Outcome::Missed { achieved }
                }
            } else {
                let met = match t.comparator {
                    Some(Comparator::Gt) => av > tv,
                    Some(Comparator::Eq) => av == tv,
                    _ => av >= tv,
                };
                if met {
                    let overshoot = (!tv.is_zero()).then(|| (av - tv) * Decimal::ONE_HUNDRED / tv);
                    Outcome::Met {
                        overshoot_pct: overshoot.filter(|o| *o > Decimal::ZERO),
                    }
                } else {
                    let achieved = if tv.is_zero() {
                        Decimal::ZERO
                    } else {
                        (av / tv).min(Decimal::ONE)
                    };
                    Outcome::Missed { achieved }
                }
            }
        }
        _ => Outcome::Unjudged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amount::dec;

    fn ind(name: &str, target: &str, actual: Option<&str>) -> Indicator {
        Indicator {
            name: name.into(),
            target: Some(IndicatorValue::parse(target)),
            actual: actual.map(IndicatorValue::parse),
            ..Default::default()
        }
    }

    #[test]
    fn outcomes() {
        assert_eq!(assess(&ind("审批合规率", "≥100%", None)), Outcome::Missing);
        assert_eq!(assess(&ind("合法率", "≥100%", Some("≥100%"))), Outcome::NotMeasurable);
        match assess(&ind("全年行政许可事项", "9000", Some("10000"))) {
            Outcome::Met { overshoot_pct: Some(o) } => assert_eq!(o.round_dp(2), dec("11.11")),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            assess(&ind("覆盖率", "≥95%", Some("82.3%"))),
            Outcome::Missed {
                achieved: dec("82.3") / dec("95")
            }
        );
        assert_eq!(
            assess(&ind("办结时限", "≤30天", Some("45天"))),
            Outcome::Missed {
                achieved: dec("30") / dec("45")
            }
        );
        assert_eq!(
            assess(&ind("企业因审批延迟损失", "0损失", Some("0损失"))),
            Outcome::Met { overshoot_pct: None }
        );
        assert_eq!(assess(&ind("绿色审批", "建立机制", Some("已建立"))), Outcome::Unjudged);
        assert_eq!(assess(&ind("人数", "≥300人", Some("已完成"))), Outcome::NotMeasurable);
    }

    #[test]
    fn categories() {
        let mut i = ind("投诉处理满意率", "≥100%", None);
        i.level1 = Some("项目效益指标".into());
        i.level2 = Some("社会效益指标".into());
        assert_eq!(category(&i), Category::Benefit);
        i.level2 = Some("服务对象满意度指标".into());
        assert_eq!(category(&i), Category::Satisfaction);
        i.level1 = Some("产出目标".into());
        i.level2 = Some("质量指标".into());
        assert_eq!(category(&i), Category::Output);
    }
}

/// A date in a value: `2024年11月20日`, `2024年11月`, `2024.11.20`,
/// `2024-11-20`. The text before and after is returned with the date as
/// (year, month, day); a date without a day is the month's last day when
/// `end_of_month`, else its first. None for anything else.
fn find_date(text: &str, end_of_month: bool) -> Option<(usize, (u32, u32, u32), usize)> {
    let chars: Vec<char> = text.chars().collect();
    let num = |from: usize| -> (Option<u32>, usize) {
        let n: String = chars[from..].iter().take_while(|c| c.is_ascii_digit()).collect();
        (n.parse().ok(), from + n.chars().count())
    };
    for start in 0..chars.len() {
        if !chars[start].is_ascii_digit() || (start > 0 && chars[start - 1].is_ascii_digit()) {
            continue;
        }
        let (Some(y), e) = num(start) else { continue };
        if !(1990..=2100).contains(&y) || !matches!(chars.get(e), Some('年' | '.' | '-' | '/')) {
            continue;
        }
        let (Some(m), e2) = num(e + 1) else { continue };
        if !(1..=12).contains(&m) {
            continue;
        }
        let mut end = e2;
        if chars.get(end) == Some(&'月') {
            end += 1;
        }
        let (d, e3) = num(end);
        let day = match d {
            Some(d) if (1..=31).contains(&d) => {
                end = e3;
                if chars.get(end) == Some(&'日') || chars.get(end) == Some(&'号') {
                    end += 1;
                }
                d
            }
            _ if end_of_month => days_in(y, m),
            _ => 1,
        };
        return Some((start, (y, m, day), end));
    }
    None
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A target that is a deadline: a date followed by 前 / 之前 / 以前 / 底前
/// (`2024年10月底前`, `2024年10月31日前`). Month-only deadlines mean the
/// month's end.
pub fn deadline(text: &str) -> Option<(u32, u32, u32)> {
    let (_, d, end) = find_date(text, true)?;
    let rest: String = text.chars().skip(end).collect();
    let rest = rest.trim_start_matches(['底', '末', ' ']);
    ["前", "之前", "以前", "内"]
        .iter()
        .any(|w| rest.starts_with(w))
        .then_some(d)
}

/// `11月28日` in a value: (month, day).
fn month_day(text: &str) -> Option<(u32, u32)> {
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().position(|&c| c == '月')?;
    let m: String = chars[..at]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let day: String = chars[at + 1..].iter().take_while(|c| c.is_ascii_digit()).collect();
    let ends = chars.get(at + 1 + day.chars().count()) == Some(&'日');
    let (m, d): (u32, u32) = (m.parse().ok()?, day.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d) && ends).then_some((m, d))
}

/// A completion date (`2024年11月20日`, `2024年11月` = that month's end:
/// the latest it could mean, so lateness is never overstated).
pub fn date(text: &str) -> Option<(usize, (u32, u32, u32))> {
    let (start, d, _) = find_date(text, true)?;
    Some((start, d))
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn deadlines_and_dates() {
        assert_eq!(deadline("2024年10月底前"), Some((2024, 10, 31)));
        assert_eq!(month_day("11月28日"), Some((11, 28)));
        assert_eq!(month_day("11月"), None);
        assert_eq!(deadline("2024年10月31日前完成"), Some((2024, 10, 31)));
        assert_eq!(deadline("2024年2月之前"), Some((2024, 2, 29)));
        assert_eq!(deadline("≥92%"), None);
        assert_eq!(deadline("2024年完成"), None);
        assert_eq!(date("2024年11月20日").map(|d| d.1), Some((2024, 11, 20)));
        assert_eq!(date("2024.9.30").map(|d| d.1), Some((2024, 9, 30)));
        assert_eq!(date("2024年10月").map(|d| d.1), Some((2024, 10, 31)));
        assert_eq!(date("按期完成"), None);
    }

    #[test]
    fn a_late_date_misses_the_deadline() {
        let ind = |t: &str, a: &str| Indicator {
            name: "健身器材安装完成时间".into(),
            target: Some(IndicatorValue::parse(t)),
            actual: Some(IndicatorValue::parse(a)),
            ..Default::default()
        };
        assert_eq!(
            assess(&ind("2024年10月底前", "2024年11月20日")),
            Outcome::Missed {
                achieved: Decimal::ZERO
            }
        );
        assert_eq!(
            assess(&ind("2024年10月底前", "2024年10月28日")),
            Outcome::Met { overshoot_pct: None }
        );
        // The year of a date written without one is the deadline's.
        assert_eq!(
            assess(&ind("2023年11月30日前", "11月28日")),
            Outcome::Met { overshoot_pct: None }
        );
        assert!(matches!(
            assess(&ind("2023年11月30日前", "12月5日")),
            Outcome::Missed { .. }
        ));
        assert_eq!(
            assess(&ind("2024年10月底前", "2024年10月")),
            Outcome::Met { overshoot_pct: None }
        );
    }
}
