//! A project's narrative against its own funds table, source by source:
//! `计划安排资金1860万元，其中中央财政1290万元、省财政279万元、县财政372万元`
//! must be what the table gives for 计划安排 from 中央, 省 and 县.
//!
//! The measure (planned, arrived, spent, balance) is the one the sentence
//! last named before the figure; a sentence that names none is not read.
//! The figure is tied to one cell of the project's own form, but the
//! measure is read from prose, so a mismatch is a warning that says which
//! cell it was compared with.

use super::places::project;
use super::scope::hedges;
use super::{Flag, Severity};
use crate::finding::quoting;
use crate::model::{FundRow, Report};
use crate::rules;

/// (label as written, column of the funds table, name in messages).
const SOURCES: &[(&[&str], usize, &str, &str)] = &[
    (
        &["中央财政", "中央财政资金", "中央资金", "中央补助", "中央补助资金"],
        0,
        "中央财政",
        "central",
    ),
    (
        &["省财政", "省级财政", "省财政资金", "省级资金", "省级补助"],
        1,
        "省财政",
        "provincial",
    ),
    (&["市财政", "市级财政", "市财政资金", "市级资金"], 2, "市财政", "city"),
    (
        &["县财政", "县级财政", "县财政资金", "县级资金", "县市区财政", "区财政"],
        3,
        "县市区财政",
        "county",
    ),
];

/// Measure words, the column they name, and its key in the report.
const MEASURES: &[(&str, &str, &str)] = &[
    ("计划安排", "计划安排资金", "planned"),
    ("年初预算", "计划安排资金", "planned"),
    ("实际到位", "实际到位资金", "arrived"),
    ("调整为", "实际到位资金", "arrived"),
    ("到位", "实际到位资金", "arrived"),
    ("实际支出", "实际支出", "spent"),
    ("结余", "结余", "balance"),
];

pub fn check(report: &Report, sentences: &[super::indicators::Sentence3], flags: &mut Vec<Flag>) {
    for (s, place, owner) in sentences {
        let Some(pi) = *owner else { continue };
        if !s.text.contains("财政") && !s.text.contains("资金") {
            continue;
        }
        let p = &report.project_forms[pi];
        let chars: Vec<char> = s.text.chars().collect();
        for fig in super::narrative::figures(&chars) {
            if fig.unit != "万元" {
                continue;
            }
            let (cs, _) = super::scope::clause(&chars, fig.start, fig.end);
            let label: String = chars[cs..fig.start].iter().collect();
            let label = label
                .trim_start_matches("其中")
                .trim_start_matches(['：', ':', '、'])
                .trim_end_matches(['为', '是', ' ']);
            // A list `中央财政80万元、省财政60万元` puts several in one clause:
            // the label is what follows the last 、.
            let label = label.rsplit('、').next().unwrap_or(label);
            let Some(&(_, col, zh, en)) = SOURCES
                .iter()
                .find(|(names, ..)| names.contains(&label))
                .or_else(|| source_by_level(label))
            else {
                continue;
            };
            if hedges(&chars, fig.start, fig.end, report.year)
                .iter()
                .any(|h| !matches!(h, super::scope::Hedge::Planned))
            {
                continue;
            }
            let before: String = chars[..fig.start].iter().collect();
            let Some((_, m_zh, m_key)) = MEASURES
                .iter()
                .filter_map(|m| before.rfind(m.0).map(|at| (at + m.0.len(), m)))
                .max_by_key(|(at, _)| *at)
                .map(|(_, m)| *m)
            else {
                continue;
            };
            let row: &FundRow = match m_key {
                "planned" => &p.funds.planned,
                "arrived" => &p.funds.arrived,
                "spent" => &p.funds.spent,
                _ => &p.funds.balance,
            };
            // In a county-level city 市财政 is the 县市区 column.
            let sources = row.sources();
            let col = if col == 2 && sources[2].is_none() && sources[3].is_some() {
                3
            } else {
                col
            };
            let Some(table) = sources[col] else { continue };
            if table == fig.value || table.round_dp(fig.value.scale()) == fig.value {
                continue;
            }
            let cell = project(pi, &p.label(pi))
                .child("funds", "资金", "funds")
                .child(m_key, m_zh, m_key)
                .child(SOURCE_KEYS[col], zh, en);
            let zh = ["中央财政", "省财政", "市财政", "县市区财政"][col];
            flags.push(
                Flag::said_as(
                    &rules::NARRATIVE_AMOUNT,
                    &rules::AMOUNT_BY_SOURCE,
                    Severity::Warning,
                    place,
                    quoting![m_zh, label, value = fig.value, zh, table, en, m_key],
                )
                .values(table, fig.value)
                .related(vec![cell.path]),
            );
        }
    }
}

const SOURCE_KEYS: [&str; 4] = ["central", "provincial", "city", "county"];

/// A source named by its level and a kind of money (`中央车购税资金`,
/// `省级补助资金`, `县级配套资金`): short, opening with the level, ending
/// with a money word.
fn source_by_level(label: &str) -> Option<&'static (&'static [&'static str], usize, &'static str, &'static str)> {
    if label.chars().count() > 9
        || !["资金", "财政", "补助", "配套", "拨款", "投资", "奖补"]
            .iter()
            .any(|w| label.ends_with(w))
    {
        return None;
    }
    let col = if label.starts_with("中央") {
        0
    } else if label.starts_with('省') {
        1
    } else if label.starts_with('市') {
        2
    } else if label.starts_with('县') || label.starts_with('区') {
        3
    } else {
        return None;
    };
    SOURCES.iter().find(|s| s.1 == col)
}
