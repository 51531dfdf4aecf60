//! Text quality: paragraphs repeated verbatim, and passages about another
//! kind of unit's business.
//!
//! A narrative padded with the same paragraph three times says less than it
//! seems to; a passage about bidders and procurement experts in a data
//! bureau's report was copied from a public-resource trading centre's. The
//! second is judged honestly only where it can be: by a short list of terms
//! that name one kind of unit's core business, flagged when two or more of
//! them appear in the narrative and none in the unit's own duties, tasks or
//! goals. Both are notes for the auditor (info), not faults.

use super::narrative::quote;
use super::{CheckConfig, Flag, Severity};
use crate::model::{Report, is_blank};

/// (kind of unit, terms of its core business).
const FOREIGN_TERMS: &[(&str, &str, &[&str])] = &[
    (
        "公共资源交易中心",
        "public-resource trading centre",
        &[
            "公共资源交易",
            "投标人",
            "招标人",
            "集采机构",
            "评审专家",
            "开标",
            "评标",
        ],
    ),
    (
        "医疗卫生机构",
        "health provider",
        &["门诊量", "住院", "床位使用率", "诊疗人次", "手术"],
    ),
    ("学校", "school", &["在校生", "升学率", "课堂教学", "班主任", "学籍"]),
    ("公安机关", "police", &["刑事案件", "破案", "治安案件", "警情"]),
];

pub fn check(
    report: &Report,
    _config: &CheckConfig,
    sentences: &[super::indicators::Sentence3],
    flags: &mut Vec<Flag>,
) {
    // Repeated paragraphs and long repeated sentences (a map: padded
    // narratives can hold tens of thousands of sentences).
    struct Seen {
        first: String,
        others: Vec<String>,
        count: usize,
    }
    let mut order: Vec<String> = Vec::new();
    let mut seen: std::collections::HashMap<String, Seen> = std::collections::HashMap::new();
    for (s, place, _) in sentences {
        // 60 characters take at least 60 bytes: most sentences stop here.
        if s.text.len() < 60 {
            continue;
        }
        let norm: String = s.text.chars().filter(|c| !c.is_whitespace()).collect();
        if norm.chars().count() < 60 {
            continue;
        }
        match seen.get_mut(&norm) {
            Some(e) => {
                e.count += 1;
                if e.first != place.path && !e.others.contains(&place.path) && e.others.len() < 50 {
                    e.others.push(place.path.clone());
                }
            }
            None => {
                order.push(norm.clone());
                seen.insert(
                    norm,
                    Seen {
                        first: place.path.clone(),
                        others: Vec::new(),
                        count: 1,
                    },
                );
            }
        }
    }
    let repeated = order
        .into_iter()
        .filter_map(|t| seen.remove(&t).filter(|e| e.count > 1).map(|e| (t, e)));
    for (text, Seen { first, others, count }) in repeated {
        let place = sentences
            .iter()
            .find(|s| s.1.path == first)
            .map(|s| s.1.clone())
            .unwrap_or_else(super::places::dept);
        flags.push(
            Flag::new(
                "text.repeated",
                Severity::Info,
                &place,
                format!("同一段文字在综述中出现{count}次：“{}”", quote(&text)),
                format!(
                    "The same text appears {count} times in the narrative: \"{}\"",
                    quote(&text)
                ),
            )
            .related(others),
        );
    }

    // Another unit's business.
    let own: String = {
        let d = &report.department_form;
        let mut t = String::new();
        for v in [&d.basic.duties, &d.basic.annual_tasks, &d.qualitative_goals.expected] {
            if !is_blank(v) {
                t.push_str(v.as_deref().unwrap_or(""));
            }
        }
        t.push_str(&report.department);
        t
    };
    for (kind_zh, kind_en, terms) in FOREIGN_TERMS {
        if terms.iter().any(|t| own.contains(t)) {
            continue;
        }
        let mut hits: Vec<&str> = Vec::new();
        let mut first = None;
        for (s, place, _) in sentences {
            for t in terms.iter() {
                if s.text.contains(t) && !hits.contains(t) {
                    hits.push(t);
                    first.get_or_insert_with(|| (place.clone(), s.text.clone()));
                }
            }
        }
        if hits.len() >= 2
            && let Some((place, text)) = first
        {
            flags.push(
                Flag::new(
                    "text.foreign_activity",
                    Severity::Info,
                    &place,
                    format!(
                        "综述提到{}的业务（{}），而本单位职能职责中没有这些内容，可能抄自其他单位的报告：“{}”",
                        kind_zh,
                        hits.join("、"),
                        quote(&text)
                    ),
                    format!(
                        "The narrative describes the business of a {kind_en} ({}), which the unit's own duties never mention; it may be copied from another unit's report: \"{}\"",
                        hits.join(", "),
                        quote(&text)
                    ),
                )
                .values("本单位业务", hits.join("、")),
            );
        }
    }
}
