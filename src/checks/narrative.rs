//! Narrative against tables: the amounts, shares and head counts stated in
//! the report's prose must agree with the tables they describe.
//!
//! Departments write the narrative last, often from an older draft or from
//! another unit's report; a figure that contradicts the table is either a
//! typo or a sign that one of the two is not true. We read each sentence,
//! find amounts (`224.32万元`), shares (`占总支出的81.4%`) and head counts
//! (`编制人数22人`), work out which table item the words before the number
//! name (人员经费, 项目支出, 财政拨款, an expense line's name …) and compare.
//! A figure whose words name no table item is left alone: only what can be
//! matched is judged.

use super::places::{dept, project};
use super::{CheckConfig, Flag, Place, Severity, pct, ratio_pct, sum_opt};
use crate::finding::quoting;
use crate::model::{NarrativeSection, Report};
use crate::rules;
use rust_decimal::Decimal;

/// A sentence of a narrative, with where it stands.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// A slice of the paragraph: sentences are never copied.
    pub text: &'a str,
    pub section: usize,
    pub paragraph: usize,
}

/// Splits text into sentences at 。！？ and line breaks (a sentence keeps
/// its closing mark; line breaks and blank pieces are dropped).
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                let piece = &text[start..i];
                if !piece.trim().is_empty() {
                    out.push(piece);
                }
                start = i + 1;
            }
            '。' | '！' | '？' => {
                let end = i + c.len_utf8();
                out.push(&text[start..end]);
                start = end;
            }
            _ => {}
        }
    }
    let rest = &text[start..];
    if !rest.trim().is_empty() {
        out.push(rest);
    }
    out
}

/// Every sentence of a form's narrative, in order.
pub fn form_sentences(sections: &[NarrativeSection]) -> impl Iterator<Item = Sentence<'_>> + '_ {
    sections.iter().enumerate().flat_map(|(si, s)| {
        s.paragraphs.iter().enumerate().flat_map(move |(pi, p)| {
            split_sentences(p).into_iter().map(move |text| Sentence {
                text,
                section: si,
                paragraph: pi,
            })
        })
    })
}

/// A short, safe quotation of report text for messages.
pub fn quote(s: &str) -> String {
    crate::text::truncate(crate::text::clean(s).trim(), 120)
}

/// A paragraph's place.
pub fn paragraph_place(base: &Place, sections: &[NarrativeSection], si: usize, pi: usize) -> Place {
    let heading = sections[si]
        .heading
        .as_deref()
        .map(|h| crate::text::truncate(&crate::text::clean(h), 30))
        .unwrap_or_default();
    Place {
        path: format!("{}.narrative[{si}].paragraphs[{pi}]", base.path),
        zh: format!("{}·综述“{heading}”第{}段", base.zh, pi + 1),
        en: format!("{} · narrative \"{heading}\" paragraph {}", base.en, pi + 1),
    }
}

/// All narrative sentences of a report with the paragraph's place and the
/// project form they belong to (None for the department form).
pub fn report_sentences(report: &Report) -> Vec<(Sentence<'_>, std::rc::Rc<Place>, Option<usize>)> {
    let mut out = Vec::new();
    let forms = std::iter::once((dept(), &report.department_form.narrative, None)).chain(
        report
            .project_forms
            .iter()
            .enumerate()
            .map(|(i, p)| (project(i, &p.label(i)), &p.narrative, Some(i))),
    );
    for (base, narrative, form) in forms {
        // One place per paragraph, shared by its sentences.
        let mut last: Option<((usize, usize), std::rc::Rc<Place>)> = None;
        for s in form_sentences(narrative) {
            let at = (s.section, s.paragraph);
            let place = match &last {
                Some((k, p)) if *k == at => p.clone(),
                _ => {
                    let p = std::rc::Rc::new(paragraph_place(&base, narrative, s.section, s.paragraph));
                    last = Some((at, p.clone()));
                    p
                }
            };
            out.push((s, place, form));
        }
    }
    out
}

/// A number found in text, with its char span.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: Decimal,
    pub start: usize,
    pub end: usize,
    /// What follows the number: "万元", "%", "人" …
    pub unit: String,
}

/// Numbers followed by a unit in a sentence (char positions).
pub fn figures(chars: &[char]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut s = String::new();
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (chars[i] == '.' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()))
                || (chars[i] == ',' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            if chars[i] != ',' {
                s.push(chars[i]);
            }
            i += 1;
        }
        let Ok(value) = Decimal::from_str_exact(&s) else {
            continue;
        };
        let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
        // 名 counts people as 人 does (实有在编人员93名).
        let unit = ["万元", "亿元", "%", "％", "人", "名"]
            .iter()
            .find(|u| rest.starts_with(**u))
            .map(|u| match *u {
                "％" => "%",
                "名" => "人",
                u => u,
            })
            .unwrap_or("")
            .to_string();
        out.push(Figure {
            value,
            start,
            end: i,
            unit,
        });
    }
    out
}

/// The words that name a figure: the clause before it, without "其中",
/// "用于", a leading year or "为".
fn label_before(chars: &[char], start: usize) -> String {
    let mut j = start;
    while j > 0
        && !matches!(
            chars[j - 1],
            '，' | '。' | '；' | '：' | ',' | ';' | ':' | '、' | '！' | '？'
        )
    {
        j -= 1;
    }
    let mut label: String = chars[j..start].iter().collect();
    for p in ["其中：", "其中", "主要是", "资金主要是", "合计"] {
        if let Some(r) = label.strip_prefix(p) {
            label = r.to_string();
        }
    }
    // "2024年度收入" → "收入"; "1、2024年度收入" → "收入"
    let trimmed = label.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '、' | '.' | ' '));
    let trimmed = trimmed
        .strip_prefix("年度")
        .or_else(|| trimmed.strip_prefix('年'))
        .unwrap_or(trimmed);
    trimmed
        .trim_end_matches(['为', '是', '达', '约', ' '])
        .trim_end_matches("决算")
        .trim_end_matches(['为', ' '])
        .to_string()
}

/// A table item a narrative can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    IncomeTotal,
    Fiscal,
    /// 政府基金拨款 alone (财政拨款 is it and 公共财政 together).
    GovFund,
    OtherFunds,
    Carryover,
    ExpTotal,
    Basic,
    Personnel,
    PublicUse,
    Project,
    ThreeTotal,
    Reception,
    Overseas,
    Vehicle,
    VehiclePurchase,
    VehicleOperation,
    FixedTotal,
    ExpenseLine(usize, usize),
    ProjectTotal(usize),
}

/// Whether what stands before a bare measure word says nothing of what it
/// is about: years, numbering, the department's name, words such as 全年 /
/// 本年度, and earlier bare totals of the same sentence (`收入X万元，支出Y万元`).
fn opens_sentence(report: &Report, before: &[char]) -> bool {
    let text: String = before.iter().collect();
    let text = text.replace(report.department.as_str(), "");
    // The project's own funds named before its spending (`实际到位115万元，
    // 实际支出112.4万元`) are the same subject.
    let mut rest = text;
    for w in [
        "实际到位",
        "计划安排",
        "到位资金",
        "到位",
        "资金",
        "全部为",
        "县级",
        "市级",
        "省级",
        "中央",
        "财政",
        "全年",
        "本年度",
        "本年",
        "当年",
        "年度",
        "全局",
        "部门",
        "单位",
        "我局",
        "本单位",
        "实际",
        "决算",
        "收入",
        "支出",
        "合计",
        "共计",
    ] {
        rest = rest.replace(w, "");
    }
    let rest = rest.as_str();
    rest.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(
                c,
                '年' | '度'
                    | '、'
                    | '.'
                    | '，'
                    | ','
                    | '：'
                    | ':'
                    | '（'
                    | '）'
                    | '('
                    | ')'
                    | '万'
                    | '元'
                    | '收'
                    | '入'
                    | '支'
                    | '出'
                    | '合'
                    | '计'
                    | '共'
                    | '全'
                    | '本'
                    | '当'
                    | '实'
                    | '际'
            )
    })
}

/// Whether the text names a project: 项目, 专项, 经费, or a project form's name.
fn names_project(report: &Report, before: &[char]) -> bool {
    let text: String = before.iter().collect();
    ["项目", "专项", "经费"].iter().any(|w| text.contains(w))
        || report
            .project_forms
            .iter()
            .filter_map(|p| p.name.as_deref())
            .any(|n| text.contains(without_place_and_year(n)))
}

/// Whether a sentence talks about project (专项) money.
fn project_context(sentence: &str) -> bool {
    ["专项", "项目资金", "项目经费"].iter().any(|w| sentence.contains(w))
}

/// The budget category a label names, when it names exactly one: the label
/// must *be* the category (人员经费, “三公”经费支出合计), not merely contain
/// it — `XX专项经费项目支出` is one project's spending, `劳务派遣人员经费`
/// an expense line, `局机关人员经费` a unit's.
fn classify(label: &str) -> Option<Item> {
    let core = category_core(label);
    let label = core.as_str();
    let has = |w: &str| label.contains(w);
    let is = |ws: &[&str]| ws.contains(&label);
    // The three public expenses are named in many ways, none of them
    // anything else's name.
    Some(if is(&["三公经费", "三公"]) {
        Item::ThreeTotal
    } else if is(&["公务接待费", "公务接待"]) {
        Item::Reception
    } else if is(&["因公出国费", "因公出国", "因公出国境费", "因公出国境"]) {
        Item::Overseas
    } else if has("公务用车购置") && (has("运行") || has("运维")) && label.starts_with("公务用车") {
        Item::Vehicle
    } else if is(&["公务用车购置费", "公务用车购置"]) {
        Item::VehiclePurchase
    } else if is(&["公务用车运行维护费", "公务用车运维费", "公务用车运行费"]) {
        Item::VehicleOperation
    } else if is(&["固定资产", "固定资产总额", "固定资产原值"]) {
        Item::FixedTotal
    } else if is(&["人员经费", "人员"]) {
        Item::Personnel
    } else if is(&["公用经费", "公用"]) {
        Item::PublicUse
    } else if is(&["基本"]) {
        Item::Basic
    } else if is(&["项目", "专项资金", "专项", "项目经费"]) {
        Item::Project
    } else if is(&["财政拨款", "财政拨款收入", "财政拨款资金"]) {
        Item::Fiscal
    } else if is(&["政府基金拨款", "政府性基金拨款", "政府基金拨款收入"]) {
        Item::GovFund
    } else if is(&["上年结转", "上年结转收入", "上年结转资金"]) {
        Item::Carryover
    } else if is(&["其他资金", "其他收入", "其他"]) {
        Item::OtherFunds
    } else if is(&["收入", "总收入", "部门收入", "部门总收入", "收入总计"]) {
        Item::IncomeTotal
    } else if label_is_spending(&core) {
        Item::ExpTotal
    } else {
        return None;
    })
}

/// A label without quotes, brackets and the words that only say "amount"
/// (支出, 合计, 决算, 总额 …) at its end.
fn category_core(label: &str) -> String {
    let mut s: String = label
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’' | '（' | '）' | '(' | ')' | ' '))
        .collect::<String>()
        // 项目实际支出 is 项目支出.
        .replace("实际", "");
    // 基本支出中人员经费 is 人员经费: by definition a part of 基本支出.
    for p in ["基本支出中的", "基本支出中"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.to_string();
        }
    }
    for p in [
        "用于",
        "全年",
        "本年度",
        "本年",
        "当年",
        "年度",
        "全局",
        "本部门",
        "部门",
        "实际",
        "累计",
    ] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.to_string();
        }
    }
    let mut spent = false;
    loop {
        let before = s.len();
        for w in [
            "支出决算",
            "决算数",
            "决算",
            "合计",
            "总额",
            "金额",
            "共计",
            "支出",
            "数",
        ] {
            if let Some(r) = s.strip_suffix(w) {
                spent |= w.contains("支出");
                s = r.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    if spent && s.is_empty() {
        // "支出" alone: keep a marker that it was spending.
        return "\u{0}支出".to_string();
    }
    if spent && matches!(s.as_str(), "总" | "部门" | "部门总") {
        return format!("{s}\u{0}支出");
    }
    s
}

fn label_is_spending(core: &str) -> bool {
    core.contains('\u{0}')
}

/// Words too common in expense line names to tell lines apart.
const GENERIC: &[&str] = &[
    "经费", "支出", "费用", "项目", "汇总", "工作", "专项", "资金", "用于", "的",
];

/// The characters that tell a name apart: generic words (经费, 支出, …)
/// skipped, punctuation dropped, sorted and unique. One pass, no copies:
/// it runs for every expense line and narrative label of every report.
fn core_chars(name: &str) -> Vec<char> {
    let mut v = Vec::with_capacity(name.len() / 3 + 1);
    let mut rest = name;
    'next: while let Some(c) = rest.chars().next() {
        for g in GENERIC {
            if let Some(after) = rest.strip_prefix(g) {
                rest = after;
                continue 'next;
            }
        }
        if c.is_alphanumeric() {
            v.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// How much of `a`'s characters `b` has (0–1).
fn coverage(a: &[char], b: &[char]) -> f64 {
    if a.len() < 2 {
        return 0.0;
    }
    a.iter().filter(|c| b.binary_search(c).is_ok()).count() as f64 / a.len() as f64
}

/// The expense line a narrative label names, when exactly one fits well.
/// "用于…的支出" names a use, which may span several lines, and "A和B"
/// names two: neither is matched to a single line.
/// The names a narrative label can be matched against, prepared once per
/// report: project names and expense lines, as sorted character sets.
struct Names {
    projects: Vec<(usize, Vec<char>)>,
    lines: Vec<(usize, usize, Vec<char>)>,
    /// Labels already matched: narratives repeat the same phrases.
    cache: std::collections::HashMap<(String, Option<usize>), Option<Item>>,
}

impl Names {
    fn new(report: &Report) -> Names {
        let mut projects = Vec::new();
        let mut lines = Vec::new();
        for (pi, p) in report.project_forms.iter().enumerate() {
            if let Some(n) = &p.name {
                projects.push((pi, core_chars(without_place_and_year(n))));
            }
            for (li, e) in p.expenses.iter().enumerate() {
                if let Some(c) = &e.content {
                    lines.push((pi, li, core_chars(c)));
                }
            }
        }
        Names {
            projects,
            lines,
            cache: std::collections::HashMap::new(),
        }
    }

    fn match_expense(&mut self, label: &str, only: Option<usize>) -> Option<Item> {
        let key = (label.to_string(), only);
        if let Some(hit) = self.cache.get(&key) {
            return *hit;
        }
        let found = self.find(label, only);
        self.cache.insert(key, found);
        found
    }

    fn find(&self, label: &str, only: Option<usize>) -> Option<Item> {
        if label.starts_with("用于") || label.contains('和') || label.contains('及') || label.contains('与') {
            return None;
        }
        let l = core_chars(label);
        // A project's own name stands for its total spending.
        if let Some((pi, _)) = self
            .projects
            .iter()
            .find(|(pi, n)| only.is_none_or(|o| o == *pi) && !l.is_empty() && *n == l)
        {
            return Some(Item::ProjectTotal(*pi));
        }
        // A label that is mostly a project's name is about the project (its
        // spending, balance or plan), never one of its lines.
        let like_project = self
            .projects
            .iter()
            .any(|(pi, n)| only.is_none_or(|o| o == *pi) && coverage(&l, n) >= 0.8 && coverage(n, &l) >= 0.5);
        if like_project {
            return None;
        }
        let mut scored: Vec<(f64, usize, usize)> = Vec::new();
        for (pi, li, line) in &self.lines {
            if only.is_some_and(|o| o != *pi) {
                continue;
            }
            // The label's words must be the line's, and cover most of it.
            if coverage(line, &l) >= 0.75 {
                scored.push((coverage(&l, line), *pi, *li));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        match scored.as_slice() {
            [best, rest @ ..] if best.0 >= 0.8 && rest.first().is_none_or(|s| s.0 < best.0 - 0.2) => {
                Some(Item::ExpenseLine(best.1, best.2))
            }
            _ => None,
        }
    }
}

/// A project's name without the place and year it opens with
/// (`汨罗市2024年河湖长制工作经费` is named `河湖长制工作经费` in prose).
fn without_place_and_year(name: &str) -> &str {
    let mut rest = name.trim();
    // 汨罗市 / 平江县 / 岳阳市云溪区: a place is at most six characters.
    if let Some((i, c)) = rest
        .char_indices()
        .take(7)
        .find(|(_, c)| matches!(c, '市' | '县' | '区'))
    {
        rest = &rest[i + c.len_utf8()..];
    }
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 && rest[4..].starts_with('年') {
        rest = &rest[4 + '年'.len_utf8()..];
        rest = rest.strip_prefix('度').unwrap_or(rest);
    }
    if rest.chars().count() >= 2 { rest } else { name }
}

/// The table value of an item, its place and its name.
fn lookup(report: &Report, item: Item, in_project: Option<usize>) -> Option<(Option<Decimal>, Place, String, String)> {
    let d = &report.department_form;
    let inc = d.income.summary.as_ref();
    let exp = d.expenditure.summary.as_ref();
    let tp = d.three_public.summary.as_ref();
    let dp = dept();
    let inc_p = |k: &str, zh: &str| {
        dp.child("income", "收入表", "income table")
            .child("summary", "汇总行", "summary row")
            .child(k, zh, k)
    };
    let exp_p = |k: &str, zh: &str| {
        dp.child("expenditure", "支出表", "expenditure table")
            .child("summary", "汇总行", "summary row")
            .child(k, zh, k)
    };
    let tp_p = |k: &str, zh: &str| {
        dp.child("three_public", "三公经费表", "three public expenses")
            .child("summary", "汇总行", "summary row")
            .child(k, zh, k)
    };
    let fiscal = inc.and_then(|r| sum_opt(&[r.public_finance, r.government_fund]));
    Some(match item {
        Item::IncomeTotal => (
            inc.and_then(|r| r.total),
            inc_p("total", "收入合计"),
            "收入合计".into(),
            "total income".into(),
        ),
        Item::Fiscal => (
            fiscal,
            inc_p("public_finance", "公共财政拨款"),
            "财政拨款（公共财政+政府基金）".into(),
            "appropriations".into(),
        ),
        // The department's column only: project funds have no such column.
        Item::GovFund if in_project.is_none() => (
            inc.and_then(|r| r.government_fund),
            inc_p("government_fund", "政府基金拨款"),
            "政府基金拨款".into(),
            "government fund appropriations".into(),
        ),
        Item::GovFund => return None,
        Item::OtherFunds => {
            // The 其他收入 column; without one, all but appropriations.
            let (other, zh, en) = match (inc.and_then(|r| r.other), inc.and_then(|r| r.total), fiscal) {
                (Some(o), _, _) => (Some(o), "其他收入", "other income"),
                (None, Some(t), Some(f)) => (Some(t - f), "收入合计减财政拨款", "income other than appropriations"),
                _ => (None, "其他收入", "other income"),
            };
            (other, inc_p("other", "其他收入"), zh.into(), en.into())
        }
        Item::Carryover => (
            inc.and_then(|r| r.carryover),
            inc_p("carryover", "上年结转"),
            "上年结转".into(),
            "carry-over".into(),
        ),
        Item::ExpTotal => (
            exp.and_then(|r| r.total),
            exp_p("total", "支出合计"),
            "支出合计".into(),
            "total expenditure".into(),
        ),
        Item::Basic => (
            exp.and_then(|r| r.basic),
            exp_p("basic", "基本支出"),
            "基本支出".into(),
            "basic expenditure".into(),
        ),
        Item::Personnel => (
            exp.and_then(|r| r.personnel),
            exp_p("personnel", "人员支出"),
            "人员支出".into(),
            "personnel".into(),
        ),
        Item::PublicUse => (
            exp.and_then(|r| r.public_use),
            exp_p("public_use", "公用支出"),
            "公用支出".into(),
            "office and running costs".into(),
        ),
        Item::Project => match in_project {
            Some(pi) => {
                let p = &report.project_forms[pi];
                let place = project(pi, &p.label(pi))
                    .child("funds", "资金", "funds")
                    .child("spent", "实际支出", "spent")
                    .child("total", "合计", "total");
                (
                    p.funds.spent.total,
                    place,
                    "项目实际支出".into(),
                    "project spending".into(),
                )
            }
            None => (
                exp.and_then(|r| r.project),
                exp_p("project", "项目支出"),
                "项目支出".into(),
                "project expenditure".into(),
            ),
        },
        Item::ThreeTotal => (
            tp.and_then(|r| r.total),
            tp_p("total", "三公经费合计"),
            "三公经费合计".into(),
            "three public expenses".into(),
        ),
        Item::Reception => (
            tp.and_then(|r| r.reception),
            tp_p("reception", "公务接待费"),
            "公务接待费".into(),
            "official reception".into(),
        ),
        Item::Overseas => (
            tp.and_then(|r| r.overseas),
            tp_p("overseas", "因公出国费"),
            "因公出国费".into(),
            "overseas travel".into(),
        ),
        Item::Vehicle => (
            tp.and_then(|r| sum_opt(&[r.vehicle_purchase, r.vehicle_operation])),
            tp_p("vehicle_purchase", "公务用车购置费"),
            "公务用车购置及运维费".into(),
            "official vehicles".into(),
        ),
        Item::VehiclePurchase => (
            tp.and_then(|r| r.vehicle_purchase),
            tp_p("vehicle_purchase", "公务用车购置费"),
            "公务用车购置费".into(),
            "vehicle purchase".into(),
        ),
        Item::VehicleOperation => (
            tp.and_then(|r| r.vehicle_operation),
            tp_p("vehicle_operation", "公务用车运维费"),
            "公务用车运维费".into(),
            "vehicle operation".into(),
        ),
        Item::FixedTotal => {
            let fa = d.fixed_assets.summary.as_ref();
            let place = dp
                .child("fixed_assets", "固定资产表", "fixed assets")
                .child("summary", "汇总行", "summary row")
                .child("total", "固定资产合计", "total");
            (
                fa.and_then(|r| r.total),
                place,
                "固定资产合计".into(),
                "fixed assets".into(),
            )
        }
        Item::ProjectTotal(pi) => {
            let p = report.project_forms.get(pi)?;
            let name = crate::text::clean(&p.label(pi));
            let place = project(pi, &name)
                .child("funds", "资金", "funds")
                .child("spent", "实际支出", "spent")
                .child("total", "合计", "total");
            (
                p.funds.spent.total,
                place,
                format!("项目“{name}”实际支出"),
                format!("spending of project \"{name}\""),
            )
        }
        Item::ExpenseLine(pi, li) => {
            let p = report.project_forms.get(pi)?;
            let e = p.expenses.get(li)?;
            let name = crate::text::clean(&e.label(li));
            let place = super::places::index(
                &project(pi, &p.label(pi)),
                "expenses",
                li,
                &name,
                &format!("expense line \"{name}\""),
            )
            .child("amount", "实际支出数", "amount");
            (
                e.amount,
                place,
                format!("支出明细“{name}”"),
                format!("expense line \"{name}\""),
            )
        }
    })
}

/// Whether a narrative figure agrees with a table value, allowing the
/// narrative to round to its own precision ("1575万元" for 1574.84).
fn agrees(narrative: Decimal, table: Decimal) -> bool {
    narrative == table || (narrative.scale() < table.scale() && table.round_dp(narrative.scale()) == narrative)
}

/// The project a sentence's project money refers to.
fn project_of(report: &Report, owner: Option<usize>) -> Option<usize> {
    owner.or((report.project_forms.len() == 1).then_some(0))
}

pub fn check(
    report: &Report,
    _config: &CheckConfig,
    sentences: &[super::indicators::Sentence3],
    flags: &mut Vec<Flag>,
) {
    let mut found: Vec<Flag> = Vec::new();
    let mut names = Names::new(report);
    let units = super::scope::Units::new(report);
    // The subject the last sentence named, in force in the next sentences of
    // the same paragraph until one names another.
    let mut carried: Option<super::scope::Scope> = None;
    let mut paragraph_of_carried = None;
    for (sentence, place, owner) in sentences {
        let here = (*owner, sentence.section, sentence.paragraph);
        if paragraph_of_carried != Some(here) {
            carried = None;
            paragraph_of_carried = Some(here);
        }
        let chars: Vec<char> = sentence.text.chars().collect();
        // Only in the department's narrative: in a project's, the unit that
        // carries the project out (由…中心实施) does not make its money the
        // unit's.
        let carried_in = carried.filter(|_| owner.is_none());
        if let Some(s) = units.named_scope_at(&chars, chars.len()) {
            carried = Some(s);
        }
        // Only figures are checked here, and most sentences state none.
        if !sentence.text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let owner = *owner;
        let figs = figures(&chars);
        let in_project = project_context(sentence.text);
        let proj = if in_project { project_of(report, owner) } else { None };
        let mut split: Vec<(Item, Decimal)> = Vec::new();
        let mut split_hedged = false;
        for (k, fig) in figs.iter().enumerate() {
            // A figure about a unit, a project's part, a plan, what is pending,
            // another year or a sum of several things is not the cell of the
            // same name: it is read, never compared (see `scope`).
            if !matches!(fig.unit.as_str(), "万元" | "%" | "人") {
                continue;
            }
            // Reading a figure's scope costs more than naming it, and most
            // figures name nothing: scope is read only for those that do.
            let read_scope = || {
                let hedges = super::scope::hedges(&chars, fig.start, fig.end, report.year);
                let department_wide = units
                    .named_scope_at(&chars, fig.start)
                    .or(carried_in)
                    .is_none_or(|s| s == super::scope::Scope::Department);
                (hedges, department_wide)
            };
            match fig.unit.as_str() {
                "万元" => {
                    let label = label_before(&chars, fig.start);
                    if label.is_empty() {
                        continue;
                    }
                    // Project money is named by expense lines first, department
                    // money by budget category first.
                    let category = classify(&label);
                    let item = if in_project {
                        names.match_expense(&label, owner).or(category)
                    } else {
                        category.or_else(|| names.match_expense(&label, owner))
                    };
                    let Some(mut item) = item else { continue };
                    // A project's carry-over is its own (项目计划安排180万元，其中
                    // 上年结转30万元): never the department's income row.
                    if owner.is_some() && item == Item::Carryover {
                        continue;
                    }
                    let (hedges, department_wide) = read_scope();
                    if !hedges.is_empty() || !department_wide {
                        split_hedged |= in_project && category.is_some();
                        continue;
                    }
                    let core = category_core(&label);
                    let bare = matches!(core.as_str(), "\u{0}支出" | "收入");
                    // "实际支出279.05万元" after "XX经费计划安排…" is that
                    // project's: a bare measure word is the department's
                    // only where the sentence names no project.
                    if bare && owner.is_none() && names_project(report, &chars[..fig.start]) {
                        continue;
                    }
                    // A bare "支出" / "实际支出" / "收入" is about whatever the
                    // sentence is about: the form's own total only when it
                    // opens the sentence (`2024年度支出1574.84万元`, or after
                    // the income of the same sentence), never after another
                    // subject (`公务接待费预算5万元，实际支出3万元`).
                    if bare && !opens_sentence(report, &chars[..fig.start.saturating_sub(label.chars().count())]) {
                        continue;
                    }
                    // "XX项目，项目支出96.2万元": the department's 项目支出 only when
                    // no project is named before the label.
                    let label_start = fig.start.saturating_sub(label.chars().count());
                    if item == Item::Project
                        && owner.is_none()
                        && names_project(report, &chars[..label_start.min(fig.start)])
                    {
                        continue;
                    }
                    // A project's or line's name alone does not say which
                    // measure the figure is (planned, spent, balance).
                    if matches!(item, Item::ExpenseLine(..) | Item::ProjectTotal(_))
                        && !["支出", "经费", "费", "资金", "费用", "款"]
                            .iter()
                            .any(|w| label.ends_with(w))
                    {
                        continue;
                    }
                    // In a project's own narrative a bare "支出"/"实际支出" is
                    // that project's spending, not the department's total.
                    if owner.is_some()
                        && item == Item::ExpTotal
                        && matches!(category_core(&label).as_str(), "\u{0}支出")
                    {
                        item = Item::Project;
                    }
                    if in_project && matches!(item, Item::Fiscal | Item::OtherFunds) {
                        split.push((item, fig.value));
                        continue;
                    }
                    let scope = match (item, owner) {
                        (Item::Project, Some(o)) => Some(o),
                        _ if in_project => proj,
                        _ => None,
                    };
                    let Some((Some(table), tplace, name_zh, name_en)) = lookup(report, item, scope) else {
                        continue;
                    };
                    // 其他收入 is the income table's column; "其他资金" may also
                    // mean all but appropriations. Either reading that agrees
                    // settles it.
                    // Likewise 财政拨款 with or without 专户 money, 收入 with or
                    // without the carry-over (本年收入).
                    let inc = report.department_form.income.summary.as_ref();
                    let also: Vec<Decimal> = match (item, inc) {
                        (Item::OtherFunds, Some(r)) => match (r.total, sum_opt(&[r.public_finance, r.government_fund]))
                        {
                            (Some(t), Some(f)) => vec![t - f],
                            _ => Vec::new(),
                        },
                        (Item::Fiscal, Some(r)) => [
                            r.public_finance,
                            sum_opt(&[r.public_finance, r.government_fund, r.special_account]),
                        ]
                        .into_iter()
                        .flatten()
                        .collect(),
                        (Item::IncomeTotal, Some(r)) => match (r.total, r.carryover) {
                            (Some(t), Some(c)) => vec![t - c],
                            _ => Vec::new(),
                        },
                        _ => Vec::new(),
                    };
                    if agrees(fig.value, table) || also.iter().any(|o| agrees(fig.value, *o)) {
                        continue;
                    }
                    let severity = amount_severity(item, owner, scope);
                    let label = crate::text::clean(&label);
                    found.push(
                        Flag::said_as(
                            &rules::NARRATIVE_AMOUNT,
                            &rules::AMOUNT_AGAINST_TABLE,
                            severity,
                            place,
                            quoting![label, value = fig.value, name_zh, table, name_en],
                        )
                        .values(table, fig.value)
                        .related(vec![tplace.path]),
                    );
                }
                "%" if chars[..fig.start].contains(&'占') => {
                    let (hedges, department_wide) = read_scope();
                    if hedges.iter().all(|h| *h == super::scope::Hedge::Approximate) {
                        share(
                            report,
                            &chars,
                            &figs,
                            k,
                            place,
                            (owner, proj, department_wide),
                            &mut found,
                        )
                    }
                }
                "人" if owner.is_none() && staff_label(report, &chars, fig).is_some() => {
                    let (hedges, department_wide) = read_scope();
                    if hedges.is_empty() && department_wide {
                        staff(report, &chars, fig, place, &mut found)
                    }
                }
                _ => {}
            }
        }
        if let (false, false, Some(pi)) = (split.is_empty(), split_hedged, proj) {
            funding_split(report, pi, &split, place, &mut found);
        }
    }
    unit_lines(report, sentences, &mut found);
    // The same finding in repeated paragraphs is one flag with several
    // places (a map, not a search: a padded narrative repeats thousands of times).
    let mut seen: std::collections::HashMap<(String, String), usize> = std::collections::HashMap::new();
    let mut merged: Vec<Flag> = Vec::new();
    for f in found {
        match seen.get(&(f.rule.clone(), f.message_zh.clone())) {
            Some(&i) => {
                if merged[i].related.len() < 50 {
                    merged[i].related.push(f.path);
                }
            }
            None => {
                seen.insert((f.rule.clone(), f.message_zh.clone()), merged.len());
                merged.push(f);
            }
        }
    }
    flags.extend(merged);
}

/// A unit's line of a table written in prose: `学生资助管理中心：收入1765.44，
/// 支出1714.19，结余24.25。` under a line that says `（单位：万元）`. The unit
/// is a row of the tables (named with or without its county), so its 收入
/// and 支出 are that row's 收入合计 and 支出合计. Prose, so a warning.
/// The short names the department's narrative declares for its units
/// (`洪江市建筑管理站（以下简称建管站）`), as (short name, the row's name):
/// prose then names the unit by it.
fn declared_short_names(
    d: &crate::model::DepartmentForm,
    rows: &[String],
    short: &dyn Fn(&str) -> String,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in d.narrative.iter().flat_map(|s| &s.paragraphs) {
        for (at, _) in p.match_indices("以下简称") {
            let before = &p[..at];
            let Some(open) = before.rfind(['（', '(']) else {
                continue;
            };
            if !before[open..].chars().skip(1).all(|c| c == '“' || c == '"') {
                continue;
            }
            // The unit's name: back to the last separator before the bracket.
            let name_start = before[..open]
                .rfind(['、', '，', '。', '；', '：', ',', ';'])
                .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
            let name = before[name_start..open]
                .trim_start_matches("下属")
                .trim_start_matches("包括");
            let after = &p[at + "以下简称".len()..];
            let alias: String = after
                .trim_start_matches(['“', '"', '：', ':'])
                .chars()
                .take_while(|c| !matches!(c, '）' | ')' | '”' | '"' | '，' | '、'))
                .collect();
            let name = short(name);
            if alias.chars().count() < 2 || alias.chars().count() > 8 || name.chars().count() < 2 {
                continue;
            }
            if let Some(row) = rows.iter().find(|r| **r == name || name.ends_with(r.as_str())) {
                out.push((alias, row.clone()));
            }
        }
    }
    out
}

fn unit_lines(report: &Report, sentences: &[super::indicators::Sentence3], found: &mut Vec<Flag>) {
    let d = &report.department_form;
    let short = |n: &str| -> String {
        let n = n
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '、' | '.' | '．' | ' '));
        match n.char_indices().take(5).find(|(_, c)| matches!(c, '县' | '市' | '区')) {
            Some((i, c)) => n[i + c.len_utf8()..].to_string(),
            None => n.to_string(),
        }
    };
    let rows: Vec<String> = (d.expenditure.institutions.iter().map(|r| short(&r.institution)))
        .chain(d.income.institutions.iter().map(|r| short(&r.institution)))
        .filter(|n| n.chars().count() >= 2)
        .collect();
    let aliases = declared_short_names(d, &rows, &short);
    for (s, place, owner) in sentences {
        if owner.is_some() || !(s.text.contains("收入") || s.text.contains("支出")) {
            continue;
        }
        // `单位：收入…，支出…`, or a row's name (or the short name the
        // narrative declared for it) opening the line right before 收入 /
        // 支出 (`——服务中心支出569.67万元，其中…`): the name as written, and
        // the row's. A line ends at the next `；` or dash, where the next
        // unit's line may begin (`分单位看，局机关收入…，结余…；建管站收入…`).
        let opening = |text: &str| {
            rows.iter()
                .map(|n| (n.clone(), n.clone()))
                .chain(aliases.iter().cloned())
                .find(|(written, _)| {
                    text.strip_prefix(written.as_str())
                        .is_some_and(|after| after.starts_with("收入") || after.starts_with("支出"))
                })
        };
        for line in s.text.split(['；', ';']).flat_map(|l| l.split("——")) {
            let text = line.trim_start_matches(['—', '-', ' ', '　']);
            // A lead-in without figures (分单位看，) before the unit's name.
            let text = match text.split_once('，') {
                Some((lead, after)) if !lead.chars().any(|c| c.is_ascii_digit()) && opening(after).is_some() => after,
                _ => text,
            };
            let (who, rest) = match text.split_once(['：', ':']) {
                Some((who, rest)) => (who.to_string(), rest),
                None => match opening(text) {
                    Some((written, row)) => (row, &text[written.len()..]),
                    None => continue,
                },
            };
            let who = short(&who);
            let who = match aliases.iter().find(|(written, _)| *written == who) {
                Some((_, row)) => row.clone(),
                None => who,
            };
            if who.chars().count() < 2 {
                continue;
            }
            let income = d.income.institutions.iter().position(|r| short(&r.institution) == who);
            // A row that does not add up (基本 + 项目 ≠ 合计) is no evidence
            // against the narrative: which of its cells is wrong is open, and
            // the row's own sum is reported already.
            let adds_up = |r: &crate::model::ExpenditureRow| match (r.total, r.basic, r.project) {
                (Some(t), Some(b), Some(p)) => agrees(b + p, t),
                _ => true,
            };
            let spending = d
                .expenditure
                .institutions
                .iter()
                .position(|r| short(&r.institution) == who && adds_up(r));
            if income.is_none() && spending.is_none() {
                continue;
            }
            // The unit of figures written bare: declared in this paragraph or
            // one of the few before it in the same section.
            let section = &d.narrative[s.section];
            let declared = (s.paragraph.saturating_sub(6)..=s.paragraph)
                .filter_map(|i| section.paragraphs.get(i))
                .any(|p| p.contains("单位：万元") || p.contains("单位:万元") || p.contains("（万元）"));
            let chars: Vec<char> = rest.chars().collect();
            for fig in figures(&chars) {
                if !(fig.unit == "万元" || (fig.unit.is_empty() && declared)) {
                    continue;
                }
                let label = label_before(&chars, fig.start);
                // The row's figure for what the line names, its table and
                // cell, and the words for it in messages.
                let (row, table, key, base, col, zh, en) = if matches!(label.as_str(), "结余" | "当年结余") {
                    // A unit's 结余 (`收入326.8万元，支出310.4万元，结余61.4万元`)
                    // is its row's balance for the year, or the accumulated
                    // one: either agreeing settles it.
                    let Some(i) = spending else { continue };
                    let r = &d.expenditure.institutions[i];
                    let (year, accumulated) = (r.balance_year, r.balance_accumulated);
                    if [year, accumulated].into_iter().flatten().any(|t| agrees(fig.value, t)) {
                        continue;
                    }
                    let (col, zh, en) = if year.is_some() {
                        ("balance_year", "当年结余", "balance for the year")
                    } else {
                        ("balance_accumulated", "累计结余", "accumulated balance")
                    };
                    (i, year.or(accumulated), "expenditure", "支出表", col, zh, en)
                } else {
                    let item = match label.as_str() {
                        "收入" | "收入合计" => Some(Item::IncomeTotal),
                        "支出" | "支出合计" => Some(Item::ExpTotal),
                        _ => classify(&label),
                    };
                    let (col, zh, en) = match item {
                        Some(Item::IncomeTotal) => ("total", "收入合计", "total income"),
                        Some(Item::ExpTotal) => ("total", "支出合计", "total expenditure"),
                        Some(Item::Basic) => ("basic", "基本支出", "basic expenditure"),
                        Some(Item::Project) => ("project", "项目支出", "project expenditure"),
                        Some(Item::Personnel) => ("personnel", "人员支出", "personnel"),
                        Some(Item::PublicUse) => ("public_use", "公用支出", "office and running costs"),
                        _ => continue,
                    };
                    if item == Some(Item::IncomeTotal) {
                        let Some(i) = income else { continue };
                        (i, d.income.institutions[i].total, "income", "收入表", col, zh, en)
                    } else {
                        let Some(i) = spending else { continue };
                        let r = &d.expenditure.institutions[i];
                        let v = match col {
                            "total" => r.total,
                            "basic" => r.basic,
                            "project" => r.project,
                            "personnel" => r.personnel,
                            _ => r.public_use,
                        };
                        (i, v, "expenditure", "支出表", col, zh, en)
                    }
                };
                let Some(table) = table else { continue };
                if agrees(fig.value, table) {
                    continue;
                }
                let cell = crate::item::ItemPath::department()
                    .field(key)
                    .row("institutions", row)
                    .field(col)
                    .to_string();
                let who = crate::text::clean(&who);
                found.push(
                    Flag::said_as(
                        &rules::NARRATIVE_AMOUNT,
                        &rules::AMOUNT_OF_A_UNIT,
                        Severity::Warning,
                        place,
                        quoting![who, label, value = fig.value, base, zh, table, en],
                    )
                    .values(table, fig.value)
                    .related(vec![cell]),
                );
            }
        }
    }
}

/// How sure a narrative amount's mismatch is. Certain (an error) only when
/// the figure is named exactly and lives in the same form as the narrative:
/// a department category in the department's narrative, a project's own
/// total in its own narrative. Anything matched across forms or by a loose
/// name (an expense line) rests on reading prose: a warning.
fn amount_severity(item: Item, owner: Option<usize>, scope: Option<usize>) -> Severity {
    let same_form = match item {
        Item::ExpenseLine(..) => false,
        Item::ProjectTotal(pi) => owner == Some(pi),
        // The department's 项目支出 in its own narrative, or a project's
        // spending in that project's narrative.
        Item::Project => scope == owner,
        _ => owner.is_none(),
    };
    if same_form { Severity::Error } else { Severity::Warning }
}

/// `占…的P%`: recompute the share from the amount before it and the base it names.
fn share(
    report: &Report,
    chars: &[char],
    figs: &[Figure],
    k: usize,
    place: &Place,
    (owner, proj, department_wide): (Option<usize>, Option<usize>, bool),
    found: &mut Vec<Flag>,
) {
    let fig = &figs[k];
    // The base is named between 占 and the percentage, in the same clause.
    let before: String = chars[..fig.start].iter().collect();
    let Some(zhan) = before.rfind('占') else {
        return;
    };
    let zhan_char = before[..zhan].chars().count();
    let base_words: String = chars[zhan_char + 1..fig.start].iter().collect();
    if base_words.contains(['，', '。', '；', ',', ';']) {
        return;
    }
    // The part is the amount right before 占: at most a comma between
    // (`支出1281.79万元，占总支出的81.4%`), no other figure.
    let Some(part) = figs[..k].last().filter(|f| f.unit == "万元" && f.end <= zhan_char) else {
        return;
    };
    let between: String = chars[part.end..zhan_char].iter().collect();
    if between.chars().count() > 3 || between.contains(['。', '；', ';']) {
        return;
    }
    let part_hedges = super::scope::hedges(chars, part.start, part.end, report.year);
    if part_hedges.iter().any(|h| *h != super::scope::Hedge::Approximate) {
        return;
    }
    // 占其… / 占该项目… / 占本单位…: the base is the subject's own (a
    // unit's, a project's), named only by reference: not the department's.
    if ["其", "该", "本单位", "本项目", "此项"]
        .iter()
        .any(|w| base_words.trim_start().starts_with(w))
        && owner.is_none()
        && !department_wide
    {
        return;
    }
    if ["该项目", "本项目", "该专项", "该单位", "本单位"]
        .iter()
        .any(|w| base_words.contains(w))
        && owner.is_none()
    {
        return;
    }
    // 占植保站项目支出的…, 占评审中心…: a unit's own base, named in it.
    if owner.is_none() {
        let base_chars: Vec<char> = base_words.chars().collect();
        if super::scope::Units::new(report).scope_at(&base_chars, base_chars.len()) != super::scope::Scope::Department {
            return;
        }
    }
    let dept_base = |w: &str| base_words.contains(w);
    let base_item = if dept_base("总支出")
        || dept_base("支出总额")
        || dept_base("全部支出")
        || dept_base("支出合计")
        || dept_base("全局支出")
    {
        Item::ExpTotal
    } else if dept_base("专项") || dept_base("项目支出") || dept_base("项目实际支出") || dept_base("项目资金")
    {
        Item::Project
    } else if dept_base("基本支出") {
        Item::Basic
    } else if dept_base("总收入") || dept_base("收入") {
        Item::IncomeTotal
    } else {
        return;
    };
    // In the department's narrative the base is the department's; in a
    // project's, "专项/项目支出" is that project's, unless the part is the
    // project's own total (then the base is something wider: not settled).
    let base_scope = if owner.is_none() { None } else { owner.or(proj) };
    let Some((Some(base), _, base_zh, base_en)) = lookup(report, base_item, base_scope) else {
        return;
    };
    if base_item == Item::Project && base_scope.is_some() && part.value == base {
        return;
    }
    let Some(computed) = ratio_pct(part.value, base) else {
        return;
    };
    let stated = fig.value;
    // Off by more than rounding to the stated precision.
    let half_unit = Decimal::new(5, stated.scale() + 1);
    let fits = |v: Decimal| ratio_pct(v, base).is_some_and(|c| (c - stated).abs() <= half_unit);
    // `资金2006.5万元…，其中中央1460万元、省级546.5万元，占项目支出的50.5%`:
    // the share may be the subject's, before an aside. Any amount of the
    // sentence before the part that fits settles it.
    if figs[..k]
        .iter()
        .any(|f| f.unit == "万元" && f.end <= part.start && fits(f.value))
    {
        return;
    }
    let aside = chars[..part.start].iter().collect::<String>().contains("其中");
    if (computed - stated).abs() > half_unit {
        // Certain when the base is the department's and the clause is about
        // the whole department; a project's narrative quoting shares of
        // wider totals is read, not proven.
        let part_label_start = part
            .start
            .saturating_sub(label_before(chars, part.start).chars().count());
        let about_a_project = names_project(report, &chars[..part_label_start]);
        let severity = if owner.is_none() && department_wide && part_hedges.is_empty() && !about_a_project && !aside {
            Severity::Error
        } else {
            Severity::Warning
        };
        found.push(
            Flag::said(
                &rules::NARRATIVE_SHARE,
                severity,
                place,
                quoting![
                    value = part.value,
                    base_zh,
                    stated,
                    base,
                    computed = pct(computed, false),
                    base_en
                ],
            )
            .values(pct(computed, false), format!("{stated}%")),
        );
    }
}

/// Head counts: 编制人数 and 实有/在岗人数 against the basic facts.
/// Which head count a figure's label names: true for 编制, false for 实有.
fn staff_label(report: &Report, chars: &[char], fig: &Figure) -> Option<bool> {
    let label = label_before(chars, fig.start);
    let label = label.replace(report.department.as_str(), "");
    let label = label.trim_start_matches(|c: char| "全局单位部门本".contains(c));
    // At the year's end is when the basic facts count (年末实有 = 实有).
    let label = ["截至年底", "截至年末", "年末", "年底", "末", "底"]
        .iter()
        .find_map(|p| label.strip_prefix(p))
        .unwrap_or(label);
    let core: String = label
        .trim_start_matches(['现', '共', '核'])
        .trim_start_matches(['有', '定'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if STAFF_QUOTA.contains(&core.as_str()) {
        Some(true)
    } else if STAFF_ACTUAL.contains(&core.as_str()) {
        Some(false)
    } else {
        None
    }
}

const STAFF_QUOTA: &[&str] = &["编制", "编制人数", "人员编制", "编制数", "核定编制", "编制人员"];
const STAFF_ACTUAL: &[&str] = &[
    "实有",
    "实有人数",
    "实际在岗人数",
    "在岗人数",
    "在岗",
    "实际在岗",
    "在职人数",
    "在职",
    "实有在职人数",
    "在编人数",
    "在编",
    "实有在职人员",
    "在职人员",
    "实有人员",
    "在编人员",
    "在岗人员",
    "实际在岗人员",
    "实有在编人员",
    "实有在编",
];

fn staff(report: &Report, chars: &[char], fig: &Figure, place: &Place, found: &mut Vec<Flag>) {
    // Only the department's own head counts: 行政编制, 事业编制, 退休人员,
    // 劳务派遣 … are parts or other people (see [`staff_label`]).
    let label = label_before(chars, fig.start);
    let b = &report.department_form.basic;
    let (table, zh, en, key) = match staff_label(report, chars, fig) {
        Some(true) => (b.staff_quota, "人员编制", "staff quota", "staff_quota"),
        Some(false) => (b.staff_actual, "实有人数", "actual staff", "staff_actual"),
        None => return,
    };
    let Some(table) = table else { return };
    // "在岗人员30人（含聘用人员8人）" counts other people too, and
    // "其中在职20人" is a part.
    let (cs, ce) = super::scope::clause(chars, fig.start, fig.end);
    let after: String = chars[fig.end..ce].iter().collect();
    let before: String = chars[cs..fig.start].iter().collect();
    if ["含", "包括", "其中", "另有"]
        .iter()
        .any(|w| after.contains(w) || before.contains(w))
    {
        return;
    }
    if fig.value != Decimal::from(table) {
        let tplace = dept().child("basic", "基本概况", "basic facts").child(key, zh, en);
        found.push(
            Flag::said(
                &rules::NARRATIVE_STAFF,
                Severity::Error,
                place,
                quoting![label = crate::text::clean(&label), value = fig.value, zh, table, en],
            )
            .values(table, fig.value)
            .related(vec![tplace.path]),
        );
    }
}

/// A funding split stated for project money (财政拨款 X, 其他收入 Y) must
/// be what the funds table shows as arrived.
fn funding_split(report: &Report, pi: usize, split: &[(Item, Decimal)], place: &Place, found: &mut Vec<Flag>) {
    let p = &report.project_forms[pi];
    let a = &p.funds.arrived;
    let fiscal_table = sum_opt(&[a.central, a.provincial, a.city, a.county]).unwrap_or_default();
    let other_table = a.other.unwrap_or_default();
    let fiscal_n = split
        .iter()
        .filter(|s| s.0 == Item::Fiscal)
        .map(|s| s.1)
        .sum::<Decimal>();
    let other_n = split
        .iter()
        .filter(|s| s.0 == Item::OtherFunds)
        .map(|s| s.1)
        .sum::<Decimal>();
    let has_fiscal = split.iter().any(|s| s.0 == Item::Fiscal);
    let has_other = split.iter().any(|s| s.0 == Item::OtherFunds);
    let fiscal_bad = has_fiscal && !agrees(fiscal_n, fiscal_table);
    let other_bad = has_other && !agrees(other_n, other_table);
    if !(fiscal_bad || other_bad) {
        return;
    }
    let show = |v: Option<Decimal>| v.map_or("空".to_string(), |d| d.to_string());
    let fplace = project(pi, &p.label(pi))
        .child("funds", "资金", "funds")
        .child("arrived", "实际到位资金", "arrived");
    // Certain only when the report has this one project: with several, a
    // split in prose may be of all project money.
    // ... and only when the split adds up to this project's money, so it is
    // its split and not the department's.
    let project_total = [p.funds.arrived.total, p.funds.spent.total];
    let of_this_project = project_total.iter().flatten().any(|t| agrees(fiscal_n + other_n, *t));
    let severity = if report.project_forms.len() == 1 && of_this_project {
        Severity::Error
    } else {
        Severity::Warning
    };
    found.push(
        Flag::said(
            &rules::NARRATIVE_FUNDING_SPLIT,
            severity,
            place,
            quoting![
                fiscal_n,
                other_n,
                central = show(a.central),
                provincial = show(a.provincial),
                city = show(a.city),
                county = show(a.county),
                other = show(a.other),
                fiscal_table,
                other_table
            ],
        )
        .values(
            format!("财政{fiscal_table} + 其它{other_table}"),
            format!("财政拨款{fiscal_n} + 其他{other_n}"),
        )
        .related(vec![fplace.path]),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_items() {
        let s: Vec<char> = "1、2024年度收入1574.84万元，其中财政拨款收入1499.07万元"
            .chars()
            .collect();
        let f: Vec<Figure> = figures(&s).into_iter().filter(|f| f.unit == "万元").collect();
        assert_eq!(label_before(&s, f[0].start), "收入");
        assert_eq!(label_before(&s, f[1].start), "财政拨款收入");
        assert_eq!(classify("收入"), Some(Item::IncomeTotal));
        assert_eq!(classify("财政拨款收入"), Some(Item::Fiscal));
        let s: Vec<char> = "因公出国（境）费支出决算为0万元".chars().collect();
        let f = figures(&s);
        assert_eq!(classify(&label_before(&s, f[0].start)), Some(Item::Overseas));
        assert_eq!(classify("人员工资"), None);
    }

    #[test]
    fn expense_names_match_loosely_but_uniquely() {
        let a = core_chars("智慧政务大厅服务工作经费");
        let b = core_chars("智慧大厅政务服务工作经费费支出");
        assert!(coverage(&a, &b) >= 0.8);
        let c = core_chars("人员工资");
        let d = core_chars("劳务派遣人员经费支出");
        assert!(coverage(&c, &d) < 0.8);
    }

    #[test]
    fn narrative_rounding_is_allowed() {
        assert!(agrees(Decimal::new(1575, 0), Decimal::new(157484, 2)));
        assert!(!agrees(Decimal::new(157480, 2), Decimal::new(157484, 2)));
    }

    #[test]
    fn sentences() {
        assert_eq!(split_sentences("一。二！\n三"), vec!["一。", "二！", "三"]);
        assert_eq!(
            split_sentences("问？答，好、（是）。"),
            vec!["问？", "答，好、（是）。"]
        );
        assert_eq!(split_sentences("\n \n。\n"), vec!["。"]);
        assert!(split_sentences("").is_empty());
        assert_eq!(split_sentences("ab\r\ncd"), vec!["ab\r", "cd"]);
    }
}
