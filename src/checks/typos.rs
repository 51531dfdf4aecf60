//! Typos in the names that a review quotes back: indicator names and
//! expense lines. A name is copied into the review, the bureau's tables and
//! next year's targets, so `材料一次性通过率真` (率 with a stray 真) or
//! `工作经费费支出` (a doubled 费) is worth a word to the department. Only two
//! patterns that are nearly never intended are looked for; prose is not
//! spell-checked.

use super::places::{dept, index, indicator, project};
use super::{Flag, Place, Severity};
use crate::finding::quoting;
use crate::model::{Form, Report};
use crate::rules;
use crate::text::clean;

/// Doubled characters that Chinese writes on purpose (层层把关, 户户通, 逐一).
const REDUPLICATED: &str =
    "常人天层年个处事步时家件项一多明刚渐看谢户村乡镇点条样面方重纷频屡久默悄慢好大小高深紧稳实星";

pub fn check(report: &Report, flags: &mut Vec<Flag>) {
    let mut forms: Vec<(Place, &dyn Form)> = vec![(dept(), &report.department_form)];
    for (i, p) in report.project_forms.iter().enumerate() {
        forms.push((project(i, &p.label(i)), p));
    }
    for (base, form) in &forms {
        for (i, ind) in form.indicators().iter().enumerate() {
            if let Some(slip) = typo(ind.display_name()) {
                let name = clean(ind.display_name());
                let place = indicator(base, i, &name).child("name", "指标名称", "name");
                flags.push(typo_flag(&place, &name, slip));
            }
        }
    }
    one_character_apart(&forms, flags);
    for (pi, p) in report.project_forms.iter().enumerate() {
        let base = project(pi, &p.label(pi));
        for (li, e) in p.expenses.iter().enumerate() {
            let Some(content) = e.content.as_deref() else { continue };
            if let Some(slip) = typo(content) {
                let name = clean(content);
                let place = index(&base, "expenses", li, &name, &format!("expense line \"{name}\"")).child(
                    "content",
                    "支出内容",
                    "content",
                );
                flags.push(typo_flag(&place, &name, slip));
            }
        }
    }
}

/// Characters whose change makes another, intended measure: levels,
/// numbers, periods, places (省级 / 市级, 一季度 / 二季度, 男 / 女).
const MEANINGFUL: &str = "一二三四五六七八九十百千万省市县区镇乡村组上下前后左右年月日季周男女老幼大中小高低初终新旧增减出入内外进收支正负主次单双多少长短春夏秋冬早晚东西南北甲乙丙丁城农";

/// The same indicator named twice with one character changed, in two
/// forms of one report (`食用农产品快检数量` / `食用农产品块检数量`): one of
/// the two is a slip. The project form's copy is flagged (the department
/// form is the one the bureau reads first), the other named beside it.
fn one_character_apart(forms: &[(Place, &dyn Form)], flags: &mut Vec<Flag>) {
    let mut seen = std::collections::HashSet::new();
    // Each name's characters once, not once per pair.
    let names: Vec<Vec<Vec<char>>> = forms
        .iter()
        .map(|(_, f)| {
            f.indicators()
                .iter()
                .map(|i| i.display_name().chars().collect())
                .collect()
        })
        .collect();
    for (fi, (_, first)) in forms.iter().enumerate() {
        for (lj, (later_base, later)) in forms.iter().enumerate().skip(fi + 1) {
            for (ai, a) in first.indicators().iter().enumerate() {
                let an = &names[fi][ai];
                for (j, b) in later.indicators().iter().enumerate() {
                    let bn = &names[lj][j];
                    if an.len() != bn.len() || an.len() < 5 {
                        continue;
                    }
                    let diff: Vec<usize> = (0..an.len()).filter(|&k| an[k] != bn[k]).collect();
                    let [k] = diff[..] else { continue };
                    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
                    if !cjk(an[k]) || !cjk(bn[k]) || MEANINGFUL.contains(an[k]) || MEANINGFUL.contains(bn[k]) {
                        continue;
                    }
                    let name = clean(b.display_name());
                    if !seen.insert(name.clone()) {
                        continue;
                    }
                    let other = clean(a.display_name());
                    let place = indicator(later_base, j, &name).child("name", "指标名称", "name");
                    flags.push(typo_flag(
                        &place,
                        &name,
                        Slip::OneApart {
                            other,
                            this: bn[k],
                            that: an[k],
                        },
                    ));
                }
            }
        }
    }
}

/// What looks wrong in a name; each kind is a message of `text.typo`.
#[derive(Debug, PartialEq)]
enum Slip {
    /// One character too many after 率 (通过率真).
    AfterRate { stray: char, fixed: String },
    /// A word written with a character that reads the same (达表 for 达标).
    Wrong { wrong: &'static str, right: &'static str },
    /// A word-end character doubled (经费费).
    Doubled { doubled: char },
    /// The same name in another form, one character apart.
    OneApart { other: String, this: char, that: char },
}

fn typo_flag(place: &Place, name: &str, slip: Slip) -> Flag {
    let (rule, w) = (&rules::TEXT_TYPO, Severity::Warning);
    match slip {
        Slip::AfterRate { stray, fixed } => {
            Flag::said_as(rule, &rules::TYPO_AFTER_RATE, w, place, quoting![name, stray, fixed])
        }
        Slip::Wrong { wrong, right } => {
            Flag::said_as(rule, &rules::TYPO_WRONG_WORD, w, place, quoting![name, wrong, right])
        }
        Slip::Doubled { doubled } => Flag::said_as(rule, &rules::TYPO_DOUBLED, w, place, quoting![name, doubled]),
        Slip::OneApart { other, this, that } => Flag::said_as(
            rule,
            &rules::TYPO_ONE_APART,
            w,
            place,
            quoting![name, other, this, that],
        ),
    }
}

/// What looks wrong in a short name, if anything.
fn typo(name: &str) -> Option<Slip> {
    let name = name.trim();
    // One look at the whole name rules out nearly all (130 000 expense
    // lines in a large workspace).
    let suspicious = name.contains('率')
        || name.ends_with('律')
        || name.ends_with("时常")
        || ["达表", "货款", "检侧", "按装", "既时", "复盖"]
            .iter()
            .any(|w| name.contains(w))
        || ["费费", "率率", "额额", "的的"].iter().any(|d| name.contains(d));
    if !suspicious {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    // A rate's name ends at 率; one stray character after it is a slip
    // (通过率真). Brackets, units and 指标 after it are not.
    if let Some(pos) = chars.iter().rposition(|&c| c == '率')
        && pos + 2 == chars.len()
        && cjk(chars[pos + 1])
        && !"值类等数".contains(chars[pos + 1])
        && pos >= 2
    {
        let fixed: String = chars[..=pos].iter().collect();
        return Some(Slip::AfterRate {
            stray: chars[pos + 1],
            fixed,
        });
    }
    // Slips that read the same: 达表 for 达标, 律 for 率 at a rate's end.
    let text: String = chars.iter().collect();
    // A measure ending in 时常 (often) means 时长 (a duration): 开放时常.
    if text.ends_with("时常") && chars.len() > 3 {
        return Some(Slip::Wrong {
            wrong: "时常",
            right: "时长",
        });
    }
    for (wrong, right) in [
        ("达表", "达标"),
        ("担保货款", "担保贷款"),
        ("贴息货款", "贴息贷款"),
        ("小额货款", "小额贷款"),
        ("检侧", "检测"),
        ("按装", "安装"),
        ("既时", "及时"),
        ("复盖", "覆盖"),
    ] {
        if text.contains(wrong) {
            return Some(Slip::Wrong { wrong, right });
        }
    }
    if text.ends_with('律')
        && [
            "合格", "满意", "覆盖", "完成", "及时", "办结", "执行", "达标", "通过", "知晓", "到位", "利用",
        ]
        .iter()
        .any(|w| text.ends_with(&format!("{w}律")))
    {
        return Some(Slip::Wrong {
            wrong: "律",
            right: "率",
        });
    }
    // A doubled character across two words is normal Chinese (辍学学生,
    // 低保保障, 中学学生); only characters that end a word and begin none
    // are a slip when doubled (经费费).
    for w in chars.windows(2) {
        if w[0] == w[1] && cjk(w[0]) && "费率额的".contains(w[0]) && !REDUPLICATED.contains(w[0]) {
            return Some(Slip::Doubled { doubled: w[0] });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of slip says what it found, in both languages.
    #[test]
    fn each_slip_says_what_it_found() {
        let place = Place::new("x", "", "");
        let said = |name: &str| {
            let f = typo_flag(&place, name, typo(name).unwrap());
            (f.message_zh, f.message_en)
        };
        assert_eq!(
            said("材料一次性通过率真"),
            (
                "名称“材料一次性通过率真”疑有错字：“率”后多出“真”，应为“材料一次性通过率”。".into(),
                "The name \"材料一次性通过率真\" seems to hold a typo: a stray \"真\" after 率; probably \"材料一次性通过率\".".into()
            )
        );
        assert_eq!(said("群众满意律").0, "名称“群众满意律”疑有错字：“律”应为“率”。");
        assert_eq!(said("工作经费费支出").0, "名称“工作经费费支出”疑有错字：“费费”重复。");
        let apart = typo_flag(
            &place,
            "块检",
            Slip::OneApart {
                other: "快检".into(),
                this: '块',
                that: '快',
            },
        );
        assert_eq!(
            apart.message_zh,
            "名称“块检”疑有错字：与另一张表的“快检”只差一个字（“块”/“快”），其中一处可能写错。"
        );
    }

    #[test]
    fn slips_found() {
        assert!(typo("材料一次性通过率真").is_some());
        assert!(typo("智慧大厅政务服务工作经费费支出").is_some());
        assert!(typo("敬老院消防安全达表率").is_some());
        assert!(typo("定点医药机构现场检查复盖率").is_some());
        assert!(typo("定点医药机构现场检查覆盖率").is_none());
        assert!(typo("体育场馆免费开放时常").is_some());
        assert!(typo("体育场馆免费开放时长").is_none());
        assert!(typo("时常").is_none());
        assert!(typo("群众满意律").is_some());
        assert!(typo("创业担保货款发放额").is_some());
        assert!(typo("货款结算及时率").is_none(), "货款 (payment for goods) is a word");
    }

    #[test]
    fn correct_names_left_alone() {
        for n in [
            "材料一次性通过率",
            "指标1：审批合规率",
            "层层落实责任制",
            "户户通覆盖率",
            "因贫失学辍学学生人数",
            "城乡低保保障人数",
            "家庭经济困难学生生活补助",
            "羊楼司镇中学学生宿舍改造",
            "绿色审批",
            "无纸化审批覆盖率（电子证照电子印章）",
            "群众满意率",
            "覆盖率值",
            "",
        ] {
            assert!(typo(n).is_none(), "{n}");
        }
    }
}
