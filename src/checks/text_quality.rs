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

use super::narrative::{quote, report_sentences};
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

pub fn check(report: &Report, _config: &CheckConfig, flags: &mut Vec<Flag>) {
    let sentences = report_sentences(report);

    // Repeated paragraphs and long repeated sentences.
    let mut seen: Vec<(String, String, Vec<String>)> = Vec::new();
    for (s, place, _) in &sentences {
        let norm: String = s.text.chars().filter(|c| !c.is_whitespace()).collect();
        if norm.chars().count() < 60 {
            continue;
        }
        match seen.iter_mut().find(|e| e.0 == norm) {
            Some(e) => {
                if !e.2.contains(&place.path) && e.1 != place.path {
                    e.2.push(place.path.clone());
                }
            }
            None => seen.push((norm, place.path.clone(), Vec::new())),
        }
    }
    for (text, first, others) in seen.into_iter().filter(|e| !e.2.is_empty()) {
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
                format!("同一段文字在综述中出现{}次：“{}”", others.len() + 1, quote(&text)),
                format!(
                    "The same text appears {} times in the narrative: \"{}\"",
                    others.len() + 1,
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
        for (s, place, _) in &sentences {
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
