//! The parts both forms share: qualitative goals, score and grade,
//! evaluators, sign-off blocks, 填报人 and the narrative (the indicator
//! table is in [`super::indicators`]).

use super::label;
use super::layout::Addr;
use super::map::{Mapper, Span};
use super::tables::{Field, cell_label, leaf_labels, match_columns};
use crate::model::{Evaluator, FilledBy, Goals, NarrativeSection, SignOff};
use rust_decimal::Decimal;

/// 预期目标 / 实际完成: the header row, and the values in the row below,
/// under the same cells.
pub fn goals(m: &mut Mapper<'_>, span: Span, form: &str) -> Goals {
    let mut g = Goals::default();
    let Some((b, i)) = m.find_label(span, &["预期目标"]) else {
        m.missing.push(format!("{form} · 预期目标"));
        return g;
    };
    let achieved = m.doc.row(b).and_then(|cells| {
        cells
            .iter()
            .position(|c| label::is_any(&cell_label(c), &["实际完成", "实际完成情况"]))
    });
    g.expected = m.text(b + 1, i);
    match achieved {
        Some(j) => g.achieved = m.text(b + 1, j),
        None => m.missing.push(format!("{form} · 实际完成")),
    }
    g
}

/// 绩效自评综合得分 and 评价等次.
pub fn score_and_grade(m: &mut Mapper<'_>, span: Span, form: &str) -> (Option<Decimal>, Option<String>) {
    let score = m
        .value_of(span, form, &["绩效自评综合得分", "自评综合得分", "自评得分"])
        .and_then(|(b, c)| m.amount(b, c, &format!("{form} · 绩效自评综合得分")));
    let grade = m
        .value_of(span, form, &["评价等次", "自评等次"])
        .and_then(|(b, c)| m.text(b, c));
    (score, grade)
}

const EVALUATOR_FIELDS: &[Field] = &[
    ("name", &["姓名"]),
    ("title", &["职务/职称", "职称/职务", "职务", "职称"]),
    ("unit", &["单位", "工作单位"]),
    ("signature", &["签字", "签名"]),
];

/// The 评价人员 table: rows under the 姓名 / 单位 header, empty rows left out.
pub fn evaluators(m: &mut Mapper<'_>, span: Span, form: &str) -> (Vec<Evaluator>, usize) {
    let mut out = Vec::new();
    let Some((head, _)) = m.find_label(span, &["姓名"]) else {
        m.missing.push(format!("{form} · 评价人员 (姓名)"));
        return (out, span.start);
    };
    let Some(cells) = m.doc.row(head) else {
        return (out, head);
    };
    let cols = match_columns(&leaf_labels(&[cells]), EVALUATOR_FIELDS);
    let mut b = head + 1;
    while b < span.end {
        let Some(cells) = m.doc.row(b) else { break };
        if cells.len() < 2 {
            break;
        }
        b += 1;
        if cells.iter().all(|c| c.is_blank()) {
            continue;
        }
        let mut get = |i: usize| cols[i].and_then(|c| m.text(b - 1, c));
        out.push(Evaluator {
            name: get(0),
            title: get(1),
            unit: get(2),
            signature: get(3),
        });
    }
    (out, b)
}

/// Sign-off blocks after the evaluators: one-cell rows whose first line is
/// a role ending in 意见 or (签字). The line "…负责人（签章）：NAME" gives
/// the signer, a "年 月 日" line the date (null while left blank), any
/// other line the opinion.
pub fn sign_offs(m: &mut Mapper<'_>, span: Span, from: usize) -> Vec<SignOff> {
    let mut out = Vec::new();
    let doc = m.doc;
    for b in from..span.end {
        let Some(cells) = doc.row(b) else { continue };
        // The role is the row's first filled cell; the lines of any other
        // cell of the row (an opinion typed beside it) follow it.
        let ps: Vec<(Addr, String)> = cells
            .iter()
            .enumerate()
            .flat_map(|(c, cell)| {
                cell.paras
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.trim().is_empty())
                    .map(move |(i, p)| (Mapper::addr(b, c, i), p.clone()))
            })
            .collect();
        let Some((a0, first)) = ps.first().cloned() else {
            continue;
        };
        let (role, inline) = split_colon(&first);
        let n = label::norm(role);
        if !(n.ends_with("意见") || n.ends_with("(签字)") || n.ends_with("签字") || n.ends_with("(签章)")) {
            continue;
        }
        let mut s = SignOff {
            role: role.trim().to_string(),
            ..SignOff::default()
        };
        m.put(a0, &s.role);
        let mut opinion = Vec::new();
        let signs_inline = !n.ends_with("意见");
        if let Some(t) = inline.filter(|t| !t.is_empty()) {
            m.put(a0, t);
            if signs_inline {
                s.signer = Some(t.to_string());
            } else {
                opinion.push(t.to_string());
            }
        }
        for (a, p) in ps.iter().skip(1) {
            let a = *a;
            let t = p.trim();
            if is_date_line(t) {
                if t.chars().any(|ch| ch.is_ascii_digit()) {
                    m.put(a, t);
                    s.date = Some(t.to_string());
                }
            } else if t.contains("签章") || t.contains("签字") || t.contains("签名") {
                let (_, who) = split_colon(t);
                if let Some(w) = who.filter(|w| !w.is_empty()) {
                    m.put(a, w);
                    s.signer = Some(w.to_string());
                }
            } else {
                m.put(a, t);
                opinion.push(t.to_string());
            }
        }
        s.opinion = (!opinion.is_empty()).then(|| opinion.join("\n"));
        out.push(s);
    }
    out
}

/// "  年   月   日" or "2025年6月10日": nothing but a date (or its blanks).
fn is_date_line(t: &str) -> bool {
    t.contains('年')
        && t.contains('日')
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '年' | '月' | '日'))
}

/// Splits "role：rest" at the first colon (full or half width).
fn split_colon(s: &str) -> (&str, Option<&str>) {
    match s.find(['：', ':']) {
        Some(i) => {
            let c = s[i..].chars().next().map_or(1, char::len_utf8);
            (&s[..i], Some(s[i + c..].trim()))
        }
        None => (s.trim_end(), None),
    }
}

/// "填报人（签名）：金虹   联系电话：13974016685", in or out of a cell.
pub fn filled_by(m: &mut Mapper<'_>, stream: &[(Addr, &str)], form: &str) -> FilledBy {
    let mut f = FilledBy::default();
    let Some((a, text)) = stream.iter().find(|(_, t)| t.contains("填报人")) else {
        m.missing.push(format!("{form} · 填报人"));
        return f;
    };
    let rest = label::strip_label(text, "填报人（签名）")
        .or_else(|| label::strip_label(text, "填报人"))
        .unwrap_or("");
    let (name, phone) = match rest.find("联系电话").or_else(|| rest.find("电话")) {
        Some(i) => {
            let p = &rest[i..];
            let p = label::strip_label(p, "联系电话").or_else(|| label::strip_label(p, "电话"));
            (&rest[..i], p)
        }
        None => (rest, None),
    };
    for (slot, v) in [(&mut f.name, name), (&mut f.phone, phone.unwrap_or(""))] {
        let v = v.trim();
        if !v.is_empty() {
            m.put(*a, v);
            *slot = Some(v.to_string());
        }
    }
    f
}

/// A line of the narrative that is a heading: short, and no sentence in it.
pub fn is_heading(t: &str) -> bool {
    t.chars().count() <= 40 && !t.contains(['。', '；', ';', '！', '？']) && !t.ends_with(['，', ','])
}

/// 评价报告综述（文字部分）: the paragraphs after that title, up to `stop`
/// (the next form's first line) or the end of the form. Each heading
/// starts a section; every other line is one paragraph of it.
pub fn narrative(m: &mut Mapper<'_>, stream: &[(Addr, &str)], stop: Option<Addr>, form: &str) -> Vec<NarrativeSection> {
    let mut out: Vec<NarrativeSection> = Vec::new();
    let Some(start) = stream.iter().position(|(_, t)| label::contains(t, "评价报告综述")) else {
        m.missing.push(format!("{form} · 评价报告综述"));
        return out;
    };
    for (a, t) in &stream[start + 1..] {
        if Some(*a) == stop {
            break;
        }
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        m.put(*a, t);
        if is_heading(t) {
            out.push(NarrativeSection {
                heading: Some(t.to_string()),
                paragraphs: Vec::new(),
            });
        } else {
            match out.last_mut() {
                Some(s) => s.paragraphs.push(t.to_string()),
                None => out.push(NarrativeSection {
                    heading: None,
                    paragraphs: vec![t.to_string()],
                }),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(is_heading("（七）附件"));
        assert!(is_heading("(五）项目主要绩效情况分析根据"));
        assert!(!is_heading(
            "存在业务部门与财务部门在资金监管上存在交叉；上下协调沟通有待加强。"
        ));
    }
}
