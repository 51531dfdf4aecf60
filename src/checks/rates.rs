//! Rates the narrative measures against the rates the indicators claim.
//!
//! Departments fill a rate indicator's actual with the target again
//! (`≥100%`) or a round `100%`, while their own narrative states what was
//! measured: `市镇村三级事项覆盖率95.45%`, or counts that imply the rate
//! (`收到信件630件，已办结504件` → 办结率 80 %). When the measured value is
//! below what the form claims, the claim is not supported.
//!
//! Matching prose to an indicator is a reading, so this is a warning that
//! quotes the sentence. It is raised only when the measure is the same:
//! the rate's own word (覆盖率, 办结率 …) names exactly one rate indicator of
//! the form, and the clause is not about a plan, another year, a change, a
//! part still pending, or a combination of things.

use super::indicators::Sentence3;
use super::places::{dept, indicator, project};
use super::scope::{Hedge, hedges};
use super::{Flag, Severity, pct};
use crate::finding::quoting;
use crate::model::{Form, Indicator, Report};
use crate::rules;
use crate::text::clean;
use rust_decimal::Decimal;

pub fn check(report: &Report, sentences: &[Sentence3], flags: &mut Vec<Flag>) {
    let mut forms: Vec<(Option<usize>, &dyn Form)> = vec![(None, &report.department_form)];
    for (i, p) in report.project_forms.iter().enumerate() {
        forms.push((Some(i), p));
    }
    // Each indicator's rate word, worked out once, and how often each word
    // occurs in the report and in each form: counted by pairs this took
    // minutes on a form of 20 000 indicators.
    let stems: Vec<Vec<Option<String>>> = forms
        .iter()
        .map(|(_, f)| f.indicators().iter().map(|i| rate_stem(i.display_name())).collect())
        .collect();
    let tally = |list: &[Option<String>], into: &mut std::collections::HashMap<String, usize>| {
        for s in list.iter().flatten() {
            *into.entry(s.clone()).or_default() += 1;
        }
    };
    let mut in_report = std::collections::HashMap::new();
    for list in &stems {
        tally(list, &mut in_report);
    }
    let department_stems = &stems[0];
    for ((owner, form), form_stems) in forms.into_iter().zip(&stems) {
        let inds = form.indicators();
        let mut in_this_form = std::collections::HashMap::new();
        tally(form_stems, &mut in_this_form);
        for (i, ind) in inds.iter().enumerate() {
            let Some(stem) = form_stems[i].clone() else {
                continue;
            };
            // The word must name one rate of this form, or it says nothing
            // about which indicator the sentence measures.
            let in_form = in_this_form.get(&stem).copied().unwrap_or(0);
            let unique = in_form == 1 && in_report.get(&stem) == Some(&1);
            let qualifier = qualifier(ind.display_name(), &stem);
            let Some(claimed) = claimed_rate(ind) else { continue };
            // The form's own narrative, and for a project the department's,
            // which describes the projects too. A sentence counts when the
            // rate's word belongs to this indicator alone in the report, or
            // the paragraph names the indicator's subject (一网通办 of
            // 一网通办覆盖率, 投诉举报 of 投诉举报按时办结率).
            // A figure in the department's narrative that is exactly what the
            // department claims for its own rate of the same word is the
            // department's measure, not this project's.
            let departments_own = |v: Decimal| {
                report
                    .department_form
                    .indicators
                    .iter()
                    .zip(department_stems)
                    .any(|(d, d_stem)| {
                        d_stem.as_deref() == Some(stem.as_str())
                            && d.actual
                                .as_ref()
                                .and_then(|a| a.quantity())
                                .is_some_and(|q| q.number == v)
                    })
            };
            let candidates = sentences.iter().filter(|(s, _, o)| {
                // Every reading below needs the rate's word and a digit: one
                // cheap look rules out nearly every sentence.
                // (or, for what was due and what was done, 应 and 已).
                let words = s.text.contains(stem.as_str()) || (s.text.contains('应') && s.text.contains('已'));
                if !words || !s.text.bytes().any(|b| b.is_ascii_digit()) {
                    return false;
                }
                let para = paragraph(report, *o, s.section, s.paragraph);
                let names_it = qualifier.as_deref().is_some_and(|q| mostly_in(q, para));
                (*o == owner && (unique || names_it)) || (owner.is_some() && o.is_none() && names_it)
            });
            for (s, place, o) in candidates {
                // With two rates of the word in the form (记账合格率, 抽查合格
                // 率), a bare 合格率 could be either: only a figure whose
                // clause names this one counts.
                let Some((measured, quote)) =
                    measured_rate(s.text, &stem, qualifier.as_deref(), report.year, in_form > 1)
                else {
                    continue;
                };
                if supports(measured, claimed) || (owner.is_some() && o.is_none() && departments_own(measured)) {
                    continue;
                }
                let name = clean(ind.display_name());
                let base = match owner {
                    None => dept(),
                    Some(pi) => project(pi, &report.project_forms[pi].label(pi)),
                };
                let actual_text = ind.actual.as_ref().map(|a| clean(a.text.trim())).unwrap_or_default();
                let claim = if actual_text.is_empty() {
                    ind.target.as_ref().map(|t| clean(t.text.trim())).unwrap_or_default()
                } else {
                    actual_text.clone()
                };
                let what = if actual_text.is_empty() {
                    "目标"
                } else {
                    "实际完成值"
                };
                let what_en = if actual_text.is_empty() { "target" } else { "actual" };
                let place_ind = indicator(&base, i, &name).child("actual", "实际完成值", "actual");
                // A stated rate as written; a rate from counts to one decimal.
                let shown = if measured.scale() <= 2 && quote.contains(&format!("{measured}%")) {
                    format!("{measured}%")
                } else {
                    pct(measured, false)
                };
                flags.push(
                    Flag::said_as(
                        &rules::INDICATOR_NARRATIVE_CONTRADICTION,
                        &rules::NARRATIVE_MEASURES_LESS,
                        Severity::Warning,
                        &place_ind,
                        quoting![name, what, claim, stem, shown, quote, what_en],
                    )
                    // What the narrative measured is what the cell should
                    // say; the cell's claim is what was found.
                    .values(&shown, &claim)
                    .related(vec![place.path.clone()]),
                );
                break;
            }
        }
    }
}

/// Whether a measured rate bears out the claim as the form writes it: a
/// claim of 97.9 % is borne out by 1241 of 1268 (97.87 %), which rounds to
/// it; a claim of 100 % only by every one, as 100 % says all.
fn supports(measured: Decimal, claimed: Decimal) -> bool {
    if claimed >= Decimal::ONE_HUNDRED {
        return measured >= claimed;
    }
    let at_claims_precision =
        measured.round_dp_with_strategy(claimed.scale(), rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    at_claims_precision >= claimed
}

/// The text of a narrative paragraph (department form when `owner` is None).
fn paragraph(report: &Report, owner: Option<usize>, section: usize, paragraph: usize) -> &str {
    let narrative = match owner {
        None => &report.department_form.narrative,
        Some(pi) => &report.project_forms[pi].narrative,
    };
    narrative
        .get(section)
        .and_then(|s| s.paragraphs.get(paragraph))
        .map_or("", |p| p.as_str())
}

/// What a rate is of: the name without numbering and without its
/// `<stem>率` (一网通办 of 一网通办覆盖率); None when under two characters.
fn qualifier(name: &str, stem: &str) -> Option<String> {
    let name = name.rsplit(['：', ':']).next().unwrap_or(name);
    let q = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let q = q.strip_suffix('率')?.strip_suffix(stem)?;
    let q = q.trim_end_matches(['的', '事', '项']);
    (q.chars().count() >= 2).then(|| q.to_string())
}

/// Whether most (at least half) of the two-character pieces of `q` are in
/// `text`. Words that name the same thing are read as one: problems an
/// audit 发现 are the problems it 查出.
fn mostly_in(q: &str, text: &str) -> bool {
    // `q` written either way (the words are of one length, so its pieces
    // line up); `text`, which may be a whole paragraph, is never copied.
    let mut ways = vec![q.to_string()];
    for (a, b) in [("发现", "查出"), ("查出", "发现")] {
        if q.contains(a) {
            ways.push(q.replace(a, b));
        }
    }
    let pieces: Vec<Vec<String>> = ways
        .iter()
        .map(|w| {
            let c: Vec<char> = w.chars().collect();
            c.windows(2).map(|p| p.iter().collect()).collect()
        })
        .collect();
    let n = pieces[0].len();
    if n == 0 {
        return false;
    }
    let hits = (0..n)
        .filter(|&i| pieces.iter().any(|way| text.contains(way[i].as_str())))
        .count();
    hits * 2 >= n && hits >= 2.min(n)
}

/// The two characters before 率 at the end of a rate's name: 覆盖 of
/// 一网通办覆盖率, 办结 of 法定时限内办结率. Names that are not a rate of
/// done-over-total (增长率, 下降率, 满意率 — surveyed, not counted) give None.
fn rate_stem(name: &str) -> Option<String> {
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    if n < 3 || chars[n - 1] != '率' {
        return None;
    }
    let stem: String = chars[n - 3..n - 1].iter().collect();
    const NOT_COUNTED: &[&str] = &[
        "增长", "下降", "降低", "减少", "满意", "重复", "增速", "节约", "使用", "执行",
    ];
    (!NOT_COUNTED.contains(&stem.as_str())).then_some(stem)
}

/// What the form claims for a rate: the actual as a number (`≥100%` claims
/// 100), or, with no actual, nothing (a blank is another finding).
fn claimed_rate(ind: &Indicator) -> Option<Decimal> {
    let a = ind.actual.as_ref()?.quantity()?;
    if !a.is_percent() || a.comparator.is_some_and(|c| c.is_upper_bound()) {
        return None;
    }
    Some(a.number)
}

/// A rate the sentence measures for `stem`: `…覆盖率95.45%`, or counts
/// `受理/收到/接到 X件 … 办结 Y件` when the stem is 办结 / 办理 / 处理.
fn measured_rate(
    sentence: &str,
    stem: &str,
    qualifier: Option<&str>,
    year: u16,
    named_only: bool,
) -> Option<(Decimal, String)> {
    let chars: Vec<char> = sentence.chars().collect();
    let figs = super::narrative::figures(&chars);
    let key: Vec<char> = format!("{stem}率").chars().collect();
    // Every `<stem>率N%` of the sentence, with what its clause says it is of.
    let k: String = key.iter().collect();
    let mut found: Vec<(&super::narrative::Figure, bool)> = Vec::new();
    let mut named = false;
    for f in &figs {
        if f.unit != "%" || f.start < key.len() {
            continue;
        }
        // The rate's word right before the number (`覆盖率95.45%`,
        // `覆盖率达95.45%`, `覆盖率为95.45%`).
        let before: String = chars[f.start.saturating_sub(key.len() + 4)..f.start].iter().collect();
        if !before.contains(&k) {
            continue;
        }
        // What the clause says the rate is of (化肥 of 化肥利用率): when it
        // names something, it must be the indicator's subject.
        let (cs, _) = super::scope::clause(&chars, f.start, f.end);
        let clause: String = chars[cs..f.start].iter().collect();
        let of: &str = clause.split(k.as_str()).next().unwrap_or("");
        let of = of.trim_start_matches(|c: char| !c.is_alphanumeric());
        // Surely ours when the clause names the indicator's subject; maybe
        // ours when it names nothing or only a part of it (资助 of
        // 脱贫家庭等困难学生资助覆盖率, but also 规范 of every 规范管理率).
        // The part of the sentence the figure belongs to (after the last
        // `；`) may name the subject a clause earlier: `严重精神障碍患者在册
        // 2836人，规范管理2501人，规范管理率88.2%`.
        let seg_start = chars[..f.start]
            .iter()
            .rposition(|c| matches!(c, '；' | ';'))
            .map_or(0, |i| i + 1);
        let segment: String = chars[seg_start..f.start].iter().collect();
        let is_ours = qualifier.is_some_and(|q| mostly_in(q, of) || mostly_in(q, &segment));
        let maybe = of.chars().count() < 2 || qualifier.is_some_and(|q| mostly_in(of, q));
        if !is_ours && (!maybe || named_only) {
            continue;
        }
        named |= is_ours;
        found.push((f, is_ours));
    }
    // A sentence that names this indicator's rate explicitly speaks of it
    // there; its bare `管理率58.6%` elsewhere is another measure's.
    for (f, is_ours) in found {
        if named && !is_ours {
            continue;
        }
        let hs = hedges(&chars, f.start, f.end, year);
        if hs.iter().any(|h| *h != Hedge::Approximate) || f.value > Decimal::ONE_HUNDRED {
            if is_ours {
                return None;
            }
            continue;
        }
        return Some((f.value, super::narrative::quote(sentence.trim())));
    }
    if let Some(r) = part_of_whole(&chars, &figs, stem, qualifier, year) {
        return Some(r);
    }
    if let Some(r) = due_and_done(&chars, &figs, stem, qualifier, year) {
        return Some(r);
    }
    if let Some(r) = subject_then_done(&chars, &figs, stem, qualifier, year) {
        return Some(r);
    }
    // Taken in, then dealt with: `受理评审项目1268个…按时完成1241个` for
    // 按时完成率 as for 办结率.
    if matches!(
        stem,
        "办结" | "处理" | "办理" | "答复" | "回复" | "结案" | "处置" | "完成"
    ) {
        return counted_rate(&chars, &figs, stem, qualifier, year, RECEIVED);
    }
    // Found, then dealt with: `查出问题412个…已整改389个` for 整改率,
    // `抽查260次，达标246次` for 达标率 — the finding words are the
    // measure's own, so the counts are its.
    counted_rate(&chars, &figs, stem, qualifier, year, FOUND)
}

/// `412人中已集中供养386人` → 93.7 % for 集中供养率: a whole (`N人中`),
/// then a part in the same unit whose words hold the rate's word, in one
/// clause; the sentence must name the indicator's subject.
fn part_of_whole(
    chars: &[char],
    figs: &[super::narrative::Figure],
    stem: &str,
    qualifier: Option<&str>,
    year: u16,
) -> Option<(Decimal, String)> {
    for (i, whole) in figs.iter().enumerate() {
        // The count word right after the number (人, 个, 所 …), then 中
        // within a few characters (`138个建制村中`, `412人中`).
        let Some(&u) = chars.get(whole.end) else { continue };
        if !u.is_alphabetic() || u.is_ascii() {
            continue;
        }
        let unit: String = u.to_string();
        let Some(zhong) = (whole.end + 1..(whole.end + 10).min(chars.len()))
            .take_while(|&j| !chars[j].is_ascii_digit() && !matches!(chars[j], '，' | '；' | '。'))
            .find(|&j| chars[j] == '中')
        else {
            continue;
        };
        let unit_end = zhong;
        let (cs, ce) = super::scope::clause(chars, whole.start, whole.end);
        let text: String = chars[cs..ce].iter().collect();
        if qualifier.is_some_and(|q| !mostly_in(q, &text)) {
            continue;
        }
        let Some(part) = figs[i + 1..]
            .iter()
            .find(|f| f.end <= ce && chars[f.end..].iter().collect::<String>().starts_with(unit.as_str()))
        else {
            continue;
        };
        let words: String = chars[unit_end..part.start].iter().collect();
        if !words.contains(stem) || words.contains('未') {
            continue;
        }
        // The part lies in the whole's clause, so the quote is that clause.
        if let Some(r) = done_over_due(chars, whole, part, year) {
            return Some(r);
        }
    }
    None
}

/// `应资助参保困难群众49868人，已资助参保49550人` → 99.4 %: what was due
/// (`应` and a verb, N of a unit), then what was done (`已` and the same
/// verb, M of the same unit); the verb must be the rate's word or in the
/// indicator's name, so the rate is the indicator's.
fn due_and_done(
    chars: &[char],
    figs: &[super::narrative::Figure],
    stem: &str,
    qualifier: Option<&str>,
    year: u16,
) -> Option<(Decimal, String)> {
    let label = |f: &super::narrative::Figure| clause_before(chars, f);
    for (i, due) in figs.iter().enumerate() {
        let l = label(due);
        let Some(at) = l.rfind('应') else { continue };
        let verb: String = l[at + '应'.len_utf8()..].chars().take(2).collect();
        if verb.chars().count() < 2 || !verb.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            continue;
        }
        if verb != stem && !qualifier.is_some_and(|q| q.contains(verb.as_str())) {
            continue;
        }
        let Some(&unit) = chars.get(due.end) else { continue };
        if !unit.is_alphabetic() || unit.is_ascii() {
            continue;
        }
        let Some(done) = figs[i + 1..].iter().find(|f| {
            let dl = label(f);
            chars.get(f.end) == Some(&unit) && dl.contains(&format!("已{verb}")) && !dl.contains('未')
        }) else {
            continue;
        };
        if let Some(r) = done_over_due(chars, due, done, year) {
            return Some(r);
        }
    }
    None
}

/// `符合政府安排工作条件退役士兵23人，已安置…21人` → 91.3 % for that
/// 安置率: the indicator's own subject counted (its clause names it), then
/// in the same statement `已` and the rate's word, M of the same unit.
/// Without the subject named there is no telling whose count it is.
fn subject_then_done(
    chars: &[char],
    figs: &[super::narrative::Figure],
    stem: &str,
    qualifier: Option<&str>,
    year: u16,
) -> Option<(Decimal, String)> {
    let q = qualifier?;
    let label = |f: &super::narrative::Figure| clause_before(chars, f);
    for (i, whole) in figs.iter().enumerate() {
        let Some(&unit) = chars.get(whole.end) else { continue };
        if !unit.is_alphabetic() || unit.is_ascii() || !mostly_in(q, &label(whole)) {
            continue;
        }
        let Some(done) = figs[i + 1..].iter().find(|f| {
            let l = label(f);
            chars.get(f.end) == Some(&unit)
                && l.find('已').is_some_and(|at| l[at..].contains(stem))
                && !l.contains('未')
        }) else {
            continue;
        };
        // One statement: no `；` or `。` between the count and what was done.
        if chars[whole.end..done.start]
            .iter()
            .any(|c| matches!(c, '；' | ';' | '。'))
        {
            continue;
        }
        if let Some(r) = done_over_due(chars, whole, done, year) {
            return Some(r);
        }
    }
    None
}

/// The figure's clause up to the figure: what it is the count of.
fn clause_before(chars: &[char], f: &super::narrative::Figure) -> String {
    let (cs, _) = super::scope::clause(chars, f.start, f.end);
    chars[cs..f.start].iter().collect()
}

/// Words for what came in to be dealt with.
const RECEIVED: &[&str] = &["受理", "收到", "接到", "接收", "共受理", "立案", "查处"];
/// Words for what was found to be dealt with, or looked at.
const FOUND: &[&str] = &["查出", "发现", "抽查", "排查", "核查", "检查"];
/// Count words both figures must share.
const COUNTED_IN: &[char] = &['件', '起', '个', '次', '户', '家', '项', '份', '处'];

/// `收到信件630件，已办结504件` → 80 %: a received count, then a done count
/// in the same unit, neither hedged, the done count not larger.
fn counted_rate(
    chars: &[char],
    figs: &[super::narrative::Figure],
    stem: &str,
    qualifier: Option<&str>,
    year: u16,
    first_words: &[&str],
) -> Option<(Decimal, String)> {
    let unit_after = |f: &super::narrative::Figure| chars.get(f.end).copied();
    let label = |f: &super::narrative::Figure| clause_before(chars, f);
    let received = figs.iter().find(|f| {
        let l = label(f);
        first_words.iter().any(|w| l.contains(w)) && unit_after(f).is_some_and(|u| COUNTED_IN.contains(&u))
    })?;
    if qualifier.is_some_and(|q| !mostly_in(q, &label(received))) {
        return None;
    }
    // What was found and what was done with it are one statement: no
    // `；` or breakdown (其中) between them, where another count begins.
    let one_statement = |f: &super::narrative::Figure| {
        let between: String = chars[received.end..f.start].iter().collect();
        first_words != FOUND || !(between.contains(['；', ';', '。']) || between.contains("其中"))
    };
    let done = figs.iter().find(|f| {
        f.start > received.end
            && label(f).contains(stem)
            && unit_after(f) == unit_after(received)
            && one_statement(f)
            && !label(f).contains("未")
    })?;
    done_over_due(chars, received, done, year)
}

/// `done / due × 100`, quoted from the first figure's clause to the second's;
/// None when either is hedged (planned, another year …), the whole is zero,
/// or the part is larger.
fn done_over_due(
    chars: &[char],
    due: &super::narrative::Figure,
    done: &super::narrative::Figure,
    year: u16,
) -> Option<(Decimal, String)> {
    for f in [due, done] {
        if hedges(chars, f.start, f.end, year)
            .iter()
            .any(|h| *h != Hedge::Approximate)
        {
            return None;
        }
    }
    if due.value.is_zero() || done.value > due.value {
        return None;
    }
    let from = super::scope::clause(chars, due.start, due.end).0;
    let to = super::scope::clause(chars, done.start, done.end).1;
    let quote: String = chars[from..to].iter().collect();
    Some((
        done.value * Decimal::ONE_HUNDRED / due.value,
        super::narrative::quote(quote.trim()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(rate_stem("一网通办覆盖率").as_deref(), Some("覆盖"));
        assert_eq!(rate_stem("指标1：法定时限内办结率").as_deref(), Some("办结"));
        assert_eq!(rate_stem("市场主体增长率"), None);
        assert_eq!(rate_stem("群众满意率"), None);
        assert_eq!(rate_stem("全年办件总量"), None);
    }

    #[test]
    fn rates_the_narrative_measures() {
        let (r, _) = measured_rate(
            "市镇村三级事项覆盖数3081项，覆盖率95.45%。",
            "覆盖",
            Some("一网通办"),
            2024,
            false,
        )
        .unwrap();
        assert_eq!(r, Decimal::new(9545, 2));
        let (r, _) = measured_rate("市长信箱收到信件630件，已办结504件。", "办结", None, 2024, false).unwrap();
        assert_eq!(r, Decimal::from(80));
        // Cases are counted in 起.
        let (r, _) = measured_rate("受理行政案件4128起，办结4067起。", "办结", None, 2024, false).unwrap();
        assert_eq!(r.round_dp(1), Decimal::new(985, 1));
        // Not the same measure, a plan, another year, or pending: nothing.
        // Another measure's rate in the same sentence is not this one's.
        let s = "化肥利用率43.1%，畜禽粪污综合利用率92.4%。";
        let (r, _) = measured_rate(s, "利用", Some("畜禽粪污综合"), 2024, false).unwrap();
        assert_eq!(r, Decimal::new(924, 1));
        let s = "全县138个建制村中已通客车135个，其余3个暂未开通。";
        let (r, _) = measured_rate(s, "客车", Some("建制村通"), 2024, false).unwrap();
        assert_eq!(r.round_dp(1), Decimal::new(978, 1));
        let s = "应助对象4186人，已落实资助4138人，资助覆盖率98.9%。";
        let (r, _) = measured_rate(s, "覆盖", Some("脱贫家庭等困难学生资助"), 2024, false).unwrap();
        assert_eq!(r, Decimal::new(989, 1));
        let s = "全县生活不能自理特困人员412人中已集中供养386人，其余26人居家分散供养。";
        let (r, _) = measured_rate(s, "供养", Some("生活不能自理特困人员集中"), 2024, false).unwrap();
        assert_eq!(r.round_dp(1), Decimal::new(937, 1));
        // The sentence names this rate with 分别: its bare 管理率 is another's.
        let s = "完成健康管理57802人，管理率58.6%；高血压、2型糖尿病患者规范管理率分别为63.5%和61.8%。";
        assert!(measured_rate(s, "管理", Some("高血压患者规范"), 2024, false).is_none());
        // What was due and what was done, with the indicator's verb.
        let s = "2024年度应资助参保困难群众49868人，已资助参保49550人（其中特困人员和低保对象共39710人），其余318人因户籍迁出未及时比对，尚未资助参保。";
        let (r, _) = measured_rate(s, "覆盖", Some("困难群众参保资助"), 2024, false).unwrap();
        assert_eq!(r.round_dp(1), Decimal::new(994, 1));
        // Another verb than the indicator's, or what is still due: nothing.
        assert!(measured_rate(s, "覆盖", Some("医疗救助"), 2024, false).is_none());
        let s = "应发放补贴1200户，计划年底前发放1150户。";
        assert!(measured_rate(s, "发放", None, 2024, false).is_none());
        assert!(measured_rate("计划覆盖率达到95%。", "覆盖", None, 2024, false).is_none());
        // Two rates of the word in the form: a bare 合格率 is not this one's.
        let s = "抽查企业报表250份，合格244份，合格率97.6%。";
        assert!(measured_rate(s, "合格", Some("住户调查记账"), 2024, true).is_none());
        assert!(measured_rate(s, "合格", Some("住户调查记账"), 2024, false).is_some());
        assert!(measured_rate("2023年覆盖率为90%。", "覆盖", None, 2024, false).is_none());
        assert!(measured_rate("通过率95%。", "覆盖", None, 2024, false).is_none());
        assert!(measured_rate("受理630件，尚未办结126件。", "办结", None, 2024, false).is_none());
        assert!(
            measured_rate("收到信件630件，已办结630件。", "办结", None, 2024, false)
                .is_some_and(|(r, _)| r == Decimal::ONE_HUNDRED)
        );
    }

    /// What was taken in, then completed, for a 按时完成率: the breakdown
    /// of what was taken in (其中…) does not stand between them.
    #[test]
    fn completed_of_what_was_taken_in() {
        let s = "全年受理评审项目1268个，其中预算评审712个、结算评审556个，按时完成1241个，27个因建设单位补充资料延期完成；";
        let (r, _) = measured_rate(s, "完成", Some("评审项目按时"), 2024, false).unwrap();
        assert_eq!(r.round_dp(1), Decimal::new(979, 1));
        // Another subject than the indicator's, or what is not yet done.
        let s = "受理群众投诉35件，完成整改30件。";
        assert!(measured_rate(s, "完成", Some("项目验收"), 2024, false).is_none());
        let s = "受理评审项目1268个，未完成27个。";
        assert!(measured_rate(s, "完成", Some("评审项目按时"), 2024, false).is_none());
    }

    /// Problems an audit 查出 are the problems its indicator says it 发现.
    #[test]
    fn found_problems_are_the_ones_found() {
        assert!(mostly_in("审计发现问题", "审计查出问题412个"));
        let s = "审计查出问题412个，截至2024年12月底已整改到位389个，其余23个正在整改；";
        let (r, _) = measured_rate(s, "整改", Some("审计发现问题"), 2024, false).unwrap();
        assert_eq!(r.round_dp(1), Decimal::new(944, 1));
        assert!(!mostly_in("审计发现问题", "审计项目62个"));
    }

    /// The subject counted, then how many of it were dealt with.
    #[test]
    fn the_subject_counted_then_done() {
        let q = Some("符合政府安排工作条件退役士兵");
        let s = "（2）符合政府安排工作条件退役士兵23人，已安置到机关事业单位和国有企业21人，其余2人因岗位双向选择尚未完成，预计2025年6月底前安置到位。";
        let (r, _) = measured_rate(s, "安置", q, 2024, false).unwrap();
        assert_eq!(r.round_dp(1), Decimal::new(913, 1));
        // Another subject counted, another statement, what is not yet done,
        // or no subject to look for: nothing.
        let s = "接收退役士兵146人，已安置21人。";
        assert!(measured_rate(s, "安置", q, 2024, false).is_none());
        let s = "符合政府安排工作条件退役士兵23人。已安置21人。";
        assert!(measured_rate(s, "安置", q, 2024, false).is_none());
        let s = "符合政府安排工作条件退役士兵23人，已安置但未报到2人。";
        assert!(measured_rate(s, "安置", q, 2024, false).is_none());
        let s = "退役士兵23人，已安置21人。";
        assert!(measured_rate(s, "安置", None, 2024, false).is_none());
    }

    /// A claim is borne out by a measure that rounds to it as the form
    /// writes it; 100 % only by every one.
    #[test]
    fn a_claim_is_read_at_its_own_precision() {
        let exact = Decimal::from(1241) * Decimal::ONE_HUNDRED / Decimal::from(1268);
        assert!(supports(exact, Decimal::new(979, 1)), "97.87 % bears out 97.9 %");
        assert!(supports(exact, Decimal::from(98)), "and 98 %");
        assert!(!supports(exact, Decimal::new(980, 1)), "not 98.0 %");
        assert!(!supports(exact, Decimal::ONE_HUNDRED), "100 % says every one");
        assert!(!supports(Decimal::new(9992, 2), Decimal::ONE_HUNDRED));
        assert!(supports(Decimal::ONE_HUNDRED, Decimal::ONE_HUNDRED));
        assert!(!supports(Decimal::new(9545, 2), Decimal::from(96)));
    }
}
