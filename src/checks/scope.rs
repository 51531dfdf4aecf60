//! What a narrative figure is about, before it is compared with a table.
//!
//! Departments break their figures down in prose: by unit (`局机关编制12人、
//! 实有11人，二级机构XX中心编制9人`), by project (`XX专项经费项目支出96.2万元`),
//! by year, into combined (`A和B共…`), pending (`尚未完成结算`) or planned
//! (`计划`, `预计`) amounts. Comparing such a figure with the department's
//! total is the classic false alarm. So each figure is read in its clause
//! first: which unit or project it belongs to, and which words change what
//! it means. A figure whose scope is not the whole department — or cannot be
//! settled — is not compared with department totals at all.

use crate::model::Report;

/// Who a figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole department (no unit named, or the department itself).
    Department,
    /// One unit of the department: a row of the tables when `Some`.
    Unit(Option<usize>),
}

/// Words that change what a figure means; any of them keeps a figure out of
/// a comparison with a table cell of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// `A和B共X`, `合计`, `累计` over several things, `分别为`.
    Combined,
    /// `尚未`, `未完成`, `待`, `剩余`: what is not (yet) done.
    Pending,
    /// `计划`, `预计`, `年初预算`, `拟`, `力争`: a plan, not an outcome.
    Planned,
    /// `比上年`, `同比`, `增长`, `减少`: a difference, not a level.
    Comparative,
    /// Another year than the report's.
    OtherYear,
    /// `约`, `近`, `以上`, `余`: an approximation.
    Approximate,
    /// After `结余` / `余额` in the sentence: a list of what is left, not spent.
    Balance,
    /// `剔除…因素`, `扣除`, `不含`: a figure adjusted from the table's.
    Adjusted,
}

impl Hedge {
    pub fn zh(self) -> &'static str {
        match self {
            Hedge::Combined => "合计或分列的数",
            Hedge::Pending => "尚未完成的部分",
            Hedge::Planned => "计划数",
            Hedge::Comparative => "增减额",
            Hedge::OtherYear => "其他年度的数",
            Hedge::Approximate => "约数",
            Hedge::Balance => "结余数",
            Hedge::Adjusted => "调整口径的数",
        }
    }
}

/// The units a report's tables name (二级机构 rows), for telling a unit's
/// figure from the department's.
pub struct Units {
    /// (row index in the tables, the unit's name without numbering).
    names: Vec<(usize, String)>,
    department: String,
}

/// Words that always name a part of a department, never the whole.
const UNIT_WORDS: &[&str] = &[
    "局机关",
    "机关本级",
    "本级",
    "二级机构",
    "二级单位",
    "下属单位",
    "所属单位",
    "直属单位",
    "下属",
    "局属",
    // A unit named a sentence earlier, by reference (`该站核定编制36名`).
    "该站",
    "该中心",
    "该所",
    "该馆",
    "该院",
    "该队",
    "该校",
    "该单位",
    // A group row by its group word (`各所`, `各站`: the 各自然资源所 row).
    "各所",
    "各站",
    "各中心",
    "各队",
    "各馆",
    "各校",
];

/// Endings of a unit's own name (临湘市文化馆, XX中心, XX站).
const UNIT_ENDINGS: &[char] = &['馆', '站', '所', '队', '院', '校'];

/// Words that name the whole department.
const WHOLE_WORDS: &[&str] = &[
    "全局",
    "本部门",
    "部门整体",
    "我局",
    "全系统",
    "汇总",
    "局机关及二级机构",
];

impl Units {
    pub fn new(report: &Report) -> Units {
        let d = &report.department_form;
        let mut names = Vec::new();
        for (i, r) in d.income.institutions.iter().enumerate() {
            let n = unit_name(&r.institution);
            // The template's placeholders (二级机构1) name no real unit.
            if n.chars().count() >= 2 && !n.starts_with("二级机构") && !n.contains("汇总") {
                names.push((i, n));
            }
        }
        for (i, r) in d.expenditure.institutions.iter().enumerate() {
            let n = unit_name(&r.institution);
            if n.chars().count() >= 2
                && !n.starts_with("二级机构")
                && !n.contains("汇总")
                && !names.iter().any(|(_, m)| *m == n)
            {
                names.push((i, n));
            }
        }
        Units {
            names,
            department: report.department.clone(),
        }
    }

    /// The scope in force at `pos` of a sentence: the last unit or whole-
    /// department word before it wins (`局机关编制12人、实有11人` — 实有 is
    /// still 局机关's).
    pub fn scope_at(&self, chars: &[char], pos: usize) -> Scope {
        self.named_scope_at(chars, pos).unwrap_or(Scope::Department)
    }

    /// Like [`Units::scope_at`], None when the sentence names no subject
    /// before `pos` — then the subject of the sentence before it, in the
    /// same paragraph, is still in force (`评审中心为公益一类事业单位。
    /// 核定编制26名…` — the 26 are the centre's).
    pub fn named_scope_at(&self, chars: &[char], pos: usize) -> Option<Scope> {
        // A closed aside in brackets (`（含执法大队30人）`) names no subject
        // for what follows it: read the sentence without it.
        let mut before = String::new();
        let mut depth = 0usize;
        let mut aside = String::new();
        for &c in &chars[..pos.min(chars.len())] {
            match c {
                '（' | '(' => {
                    depth += 1;
                    aside.push(c);
                }
                '）' | ')' if depth > 0 => {
                    depth -= 1;
                    aside.push(c);
                    if depth == 0 {
                        aside.clear();
                    }
                }
                _ if depth > 0 => aside.push(c),
                _ => before.push(c),
            }
        }
        // An aside still open at the figure is where the figure stands.
        before.push_str(&aside);
        let mut last: Option<(usize, Scope)> = None;
        let mut note = |at: Option<usize>, s: Scope| {
            if let Some(at) = at
                && last.as_ref().is_none_or(|(l, _)| at >= *l)
            {
                last = Some((at, s));
            }
        };
        // Positions are where a word ends; at a tie the later rule wins
        // (a table row's name over its 馆 ending, the whole over 局机关).
        let end = |w: &str| before.rfind(w).map(|at| at + w.len());
        for w in UNIT_WORDS {
            note(end(w), Scope::Unit(None));
        }
        // A name ending in 中心 / 馆 / 站 … in the figure's clause.
        if let Some(at) = unit_suffix_at(&before) {
            note(Some(at + 1), Scope::Unit(None));
        }
        for (row, name) in &self.names {
            note(end(name), Scope::Unit(Some(*row)));
            // Prose drops the place: 桃江县公路建设养护中心 is 公路建设养护中心.
            let short = without_place(name);
            if short.chars().count() >= 3 && short != name.as_str() {
                note(end(short), Scope::Unit(Some(*row)));
            }
            let owned = without_owner(if short.chars().count() >= 3 {
                short
            } else {
                name.as_str()
            });
            if owned.chars().count() >= 2 && owned != short {
                note(end(owned), Scope::Unit(Some(*row)));
            }
        }
        for w in WHOLE_WORDS {
            note(end(w), Scope::Department);
        }
        if !self.department.is_empty() {
            note(end(&self.department), Scope::Department);
        }
        last.map(|(_, s)| s)
    }
}

/// A unit's name without the county or city it opens with.
fn without_place(name: &str) -> &str {
    // A place is a name before 县 / 市 / 区 (桃江县…): 区属… opens with none.
    match name
        .char_indices()
        .take(5)
        .find(|(i, c)| *i > 0 && matches!(c, '县' | '市' | '区'))
    {
        Some((i, c)) => &name[i + c.len_utf8()..],
        None => name,
    }
}

/// A table row's institution without its numbering (`2、临湘市文化馆`).
fn unit_name(s: &str) -> String {
    let name = s
        .trim()
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '、' | '.' | '．' | ' ' | '（' | '）' | '(' | ')')
        })
        .trim();
    // A group row's count in brackets (`区属公办幼儿园（9所）`) is no part of
    // the name prose uses.
    let name = match name.find(['（', '(']) {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    name.trim().to_string()
}

/// What prose calls a group row or a unit whose name opens with who owns
/// it: 区属公办幼儿园 is 幼儿园, 县直属中小学 is 中小学.
fn without_owner(name: &str) -> &str {
    let mut n = name;
    loop {
        let before = n;
        for p in [
            "区属", "县属", "市属", "直属", "公办", "民办", "所属", "全区", "全县", "全市",
        ] {
            n = n.strip_prefix(p).unwrap_or(n);
        }
        if n == before {
            break;
        }
    }
    n
}

/// Where a unit's own name (`XX中心`, `XX馆`) ends the text, if it does
/// within the last clause: `二级机构XX中心编制` / `文化馆实有`.
fn unit_suffix_at(before: &str) -> Option<usize> {
    // The whole sentence so far: `——公路建设养护中心支出2478.6万元，其中项目
    // 支出1392.4万元` is still about the 中心 after the comma.
    let clause_start = 0;
    let clause = before;
    let mut found = None;
    for (i, c) in clause.char_indices() {
        let two_before = clause[..i].chars().rev().take(2).count() == 2;
        // 所 also starts 所有 / 所属 / 所在: only a name's last character counts.
        let next = clause[i + c.len_utf8()..].chars().next();
        let word_goes_on = (c == '所' && next.is_some_and(|n| "有属在以得需示".contains(n)))
            // 校 also starts 校验 / 校准 / 校对 / 校园.
            || (c == '校' && next.is_some_and(|n| "验准对正园".contains(n)));
        if ((UNIT_ENDINGS.contains(&c) && !word_goes_on) || clause[i..].starts_with("中心")) && two_before {
            found = Some(clause_start + i);
        }
    }
    found
}

/// The clause around a figure: from the last `，；。` before it to the next
/// after it.
pub fn clause(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let stop = |c: &char| matches!(c, '，' | '；' | '。' | ',' | ';' | '！' | '？');
    let s = chars[..start].iter().rposition(stop).map_or(0, |i| i + 1);
    let e = chars[end..].iter().position(stop).map_or(chars.len(), |i| end + i);
    (s, e)
}

/// The words in a figure's clause that change what it means. `label` is the
/// text naming the figure (the clause up to the number).
pub fn hedges(chars: &[char], start: usize, end: usize, year: u16) -> Vec<Hedge> {
    let (cs, ce) = clause(chars, start, end);
    let before: String = chars[cs..start].iter().collect();
    let after: String = chars[end..ce].iter().collect();
    let sentence_before: String = chars[..start].iter().collect();
    let mut out = Vec::new();
    let joined = ['和', '及', '与', '、'].iter().any(|c| before.contains(*c)) || before.contains("以及");
    let summed = ["共", "合计", "累计", "总计", "一共", "小计"]
        .iter()
        .any(|w| before.contains(w));
    if (joined && summed) || sentence_before.contains("分别") {
        out.push(Hedge::Combined);
    }
    // 尚未完成 / 未结算 / 待支付 / 剩余: about what is not done.
    let pending = [
        "尚未",
        "未完成",
        "未结算",
        "未支付",
        "未拨付",
        "待",
        "剩余",
        "仍有",
        "还有",
    ];
    if pending.iter().any(|w| before.contains(w) || after.contains(w)) {
        out.push(Hedge::Pending);
    }
    let planned = [
        "计划",
        "预计",
        "预算数",
        "年初预算",
        "预算安排",
        "拟",
        "力争",
        "目标",
        "预期",
        "申请",
    ];
    if planned.iter().any(|w| before.contains(w)) {
        out.push(Hedge::Planned);
    }
    let comparative = [
        "比上年",
        "较上年",
        "同比",
        "上年同期",
        "增长",
        "减少",
        "下降",
        "增加",
        "节约",
        "压减",
        "降低",
        "提高",
        "增幅",
        "减幅",
        "环比",
    ];
    if comparative.iter().any(|w| before.contains(w)) {
        out.push(Hedge::Comparative);
    }
    if ["剔除", "扣除", "不含", "除去", "不包括", "口径"]
        .iter()
        .any(|w| sentence_before.contains(w))
    {
        out.push(Hedge::Adjusted);
    }
    if ["结余", "余额", "质保金"].iter().any(|w| sentence_before.contains(w)) {
        out.push(Hedge::Balance);
    }
    if other_year(&sentence_before, year) {
        out.push(Hedge::OtherYear);
    }
    let approx = [
        "约",
        "近",
        "超过",
        "以上",
        "左右",
        "余",
        "多",
        "不低于",
        "不少于",
        "达到",
    ];
    let near_after: String = chars[end..(end + 3).min(chars.len())].iter().collect();
    if before.ends_with('约')
        || before.ends_with('近')
        || near_after.starts_with('余')
        || near_after.starts_with('多')
        || ["以上", "左右"].iter().any(|w| after.starts_with(w))
        || approx[..4].iter().any(|w| before.ends_with(w))
    {
        out.push(Hedge::Approximate);
    }
    out
}

/// Whether the sentence up to a figure names a year other than the
/// report's (`2023年收入…`, `上年`, `去年`). The year the report is about
/// and the year it was written in (`2025年6月`) are common; only a year
/// nearest before the figure decides.
fn other_year(before: &str, year: u16) -> bool {
    if ["上年度", "上一年", "去年", "前年"].iter().any(|w| before.contains(w)) {
        return true;
    }
    // `由上年91.2%提高到…`: last year's figure right after 上年 (上年结转
    // names a category, with the figure after 结转).
    if before.trim_end().ends_with("上年") {
        return true;
    }
    let chars: Vec<char> = before.chars().collect();
    let mut last: Option<u32> = None;
    let mut i = 0;
    while i + 4 < chars.len() {
        if chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit())
        {
            let y: String = chars[i..i + 4].iter().collect();
            last = y.parse().ok();
            i += 5;
        } else {
            i += 1;
        }
    }
    last.is_some_and(|y| (1990..=2100).contains(&y) && y != u32::from(year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;

    fn units(rows: &[&str]) -> Units {
        let mut r = Report {
            fuhe_report: 1,
            department: "临湘市文化旅游广电局".into(),
            year: 2024,
            department_form: Default::default(),
            project_forms: Vec::new(),
        };
        for n in rows {
            r.department_form.income.institutions.push(crate::model::IncomeRow {
                institution: (*n).into(),
                ..Default::default()
            });
        }
        Units::new(&r)
    }

    fn scope(u: &Units, s: &str, fig: &str) -> Scope {
        let chars: Vec<char> = s.chars().collect();
        let text: String = chars.iter().collect();
        let byte = text.find(fig).unwrap();
        let pos = text[..byte].chars().count();
        u.scope_at(&chars, pos)
    }

    #[test]
    fn unit_breakdowns_are_not_the_department() {
        let u = units(&["1、局机关", "2、临湘市文化馆", "3、临湘市图书馆"]);
        let s = "局机关编制12人、实有11人，二级机构文化馆编制9人、实有9人。";
        assert_eq!(scope(&u, s, "12人"), Scope::Unit(Some(0)));
        assert_eq!(scope(&u, s, "11人"), Scope::Unit(Some(0)));
        assert_eq!(scope(&u, s, "9人"), Scope::Unit(Some(1)));
        let s = "临湘市图书馆实有人数8人。";
        assert_eq!(scope(&u, s, "8人"), Scope::Unit(Some(2)));
        let s = "XX服务中心实有人数5人。";
        assert_eq!(scope(&u, s, "5人"), Scope::Unit(None));
        let s = "全局编制68人（含文化馆30人）；实有62人。";
        assert_eq!(scope(&u, s, "62人"), Scope::Department, "an aside names no subject");
        let s = "——图书馆支出20万元，其中项目支出8万元；";
        assert_eq!(scope(&u, s, "8万元"), Scope::Unit(Some(2)));
    }

    #[test]
    fn the_whole_department_is_compared() {
        let u = units(&["1、局机关", "2、二级机构1"]);
        let s = "临湘市文化旅游广电局现有编制人数22人，实际在岗人数22人。";
        assert_eq!(scope(&u, s, "22人"), Scope::Department);
        let s = "2024年度收入1574.84万元，其中财政拨款收入1499.07万元。";
        assert_eq!(scope(&u, s, "1499"), Scope::Department);
        let s = "局机关编制12人，全局编制21人。";
        assert_eq!(scope(&u, s, "21人"), Scope::Department);
    }

    fn hedged(s: &str, fig: &str) -> Vec<Hedge> {
        let chars: Vec<char> = s.chars().collect();
        let byte = s.find(fig).unwrap();
        let start = s[..byte].chars().count();
        hedges(&chars, start, start + fig.chars().count(), 2024)
    }

    #[test]
    fn words_that_change_a_figure() {
        assert!(hedged("A活动和B活动共带动消费320万元。", "320").contains(&Hedge::Combined));
        assert!(hedged("人员经费和公用经费分别为224.32万元、68.73万元。", "68.73").contains(&Hedge::Combined));
        assert!(hedged("其中12个项目尚未完成结算。", "12").contains(&Hedge::Pending));
        assert!(hedged("计划安排资金1049万元。", "1049").contains(&Hedge::Planned));
        assert!(hedged("三公经费比上年减少2.1万元。", "2.1").contains(&Hedge::Comparative));
        assert!(hedged("2023年项目支出300万元。", "300").contains(&Hedge::OtherYear));
        assert!(hedged("普及率由上年91.2%提高到93.6%。", "91.2").contains(&Hedge::OtherYear));
        assert!(!hedged("普及率由上年91.2%提高到93.6%。", "93.6").contains(&Hedge::OtherYear));
        assert!(hedged("收入约1575万元。", "1575").contains(&Hedge::Approximate));
        assert!(hedged("剔除车辆购置因素，“三公”经费47.21万元。", "47.21").contains(&Hedge::Adjusted));
        // Plain statements carry none.
        assert!(hedged("三公经费支出合计6.5万元，其中公务接待费6.5万元。", "6.5").is_empty());
        assert!(hedged("2024年度收入1574.84万元。", "1574.84").is_empty());
        assert!(hedged("2024年专项资金支出1281.79万元，占总支出的81.4%。", "1281.79").is_empty());
    }
}
