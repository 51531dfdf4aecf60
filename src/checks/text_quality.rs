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
use crate::finding::quoting;
use crate::model::{Report, is_blank};
use crate::rules;

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

/// (kind, term) of each pattern of [`foreign_finder`].
const FOREIGN_INDEX: &[(usize, usize)] = &{
    const N: usize = {
        let mut n = 0;
        let mut k = 0;
        while k < FOREIGN_TERMS.len() {
            n += FOREIGN_TERMS[k].2.len();
            k += 1;
        }
        n
    };
    let mut out = [(0, 0); N];
    let (mut i, mut k) = (0, 0);
    while k < FOREIGN_TERMS.len() {
        let mut t = 0;
        while t < FOREIGN_TERMS[k].2.len() {
            out[i] = (k, t);
            i += 1;
            t += 1;
        }
        k += 1;
    }
    out
};

/// One automaton for all the terms, built once.
fn foreign_finder() -> &'static aho_corasick::AhoCorasick {
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    FINDER.get_or_init(|| {
        let terms = FOREIGN_TERMS.iter().flat_map(|(_, _, terms)| terms.iter());
        // A DFA: the narrative is long and nearly every byte of Chinese
        // text could start a term, so scanning speed is what counts.
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(terms)
            .expect("fixed, valid terms")
    })
}

/// A SIMD searcher (Teddy) for "does this text hold any term at all",
/// several times faster on Chinese text than the automaton; None where the
/// processor lacks the instructions.
fn quick_finder() -> Option<&'static aho_corasick::packed::Searcher> {
    static QUICK: std::sync::OnceLock<Option<aho_corasick::packed::Searcher>> = std::sync::OnceLock::new();
    QUICK
        .get_or_init(|| {
            aho_corasick::packed::Searcher::new(FOREIGN_TERMS.iter().flat_map(|(_, _, terms)| terms.iter()))
        })
        .as_ref()
}

pub fn check(
    report: &Report,
    _config: &CheckConfig,
    sentences: &[super::indicators::Sentence3],
    flags: &mut Vec<Flag>,
) {
    // Repeated paragraphs and long repeated sentences (a map: padded
    // narratives can hold tens of thousands of sentences).
    struct Seen<'s> {
        text: std::borrow::Cow<'s, str>,
        first: &'s str,
        others: Vec<String>,
        count: usize,
    }
    // Sentences without whitespace (nearly all) are keys as they stand.
    let mut seen: Vec<Seen> = Vec::new();
    let mut at: std::collections::HashMap<std::borrow::Cow<str>, usize, foldhash::fast::RandomState> =
        std::collections::HashMap::default();
    for (s, place, _) in sentences {
        // 60 characters take at least 60 bytes: most sentences stop here.
        if s.text.len() < 60 {
            continue;
        }
        // One pass: the characters that are not whitespace, and whether any is.
        let (mut kept, mut spaced) = (0usize, false);
        for c in s.text.chars() {
            if c.is_whitespace() {
                spaced = true;
            } else {
                kept += 1;
            }
        }
        if kept < 60 {
            continue;
        }
        let norm: std::borrow::Cow<str> = if spaced {
            s.text.chars().filter(|c| !c.is_whitespace()).collect::<String>().into()
        } else {
            s.text.into()
        };
        match at.get(&norm) {
            Some(&i) => {
                let e = &mut seen[i];
                e.count += 1;
                if e.first != place.path && !e.others.contains(&place.path) && e.others.len() < 50 {
                    e.others.push(place.path.clone());
                }
            }
            None => {
                at.insert(norm.clone(), seen.len());
                seen.push(Seen {
                    text: norm,
                    first: &place.path,
                    others: Vec::new(),
                    count: 1,
                });
            }
        }
    }
    let repeated = seen.into_iter().filter(|e| e.count > 1);
    for Seen {
        text,
        first,
        others,
        count,
    } in repeated
    {
        let place = sentences
            .iter()
            .find(|s| s.1.path == first)
            .map(|s| s.1.clone())
            .unwrap_or_else(|| std::rc::Rc::new(super::places::dept()));
        flags.push(
            Flag::said(
                &rules::TEXT_REPEATED,
                Severity::Info,
                &place,
                quoting![count, text = quote(&text)],
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
    // Every term of every kind in one pass over each sentence.
    let finder = foreign_finder();
    let mut hits: Vec<Vec<&str>> = vec![Vec::new(); FOREIGN_TERMS.len()];
    let mut firsts: Vec<Option<(super::Place, String)>> = vec![None; FOREIGN_TERMS.len()];
    let mut found: Vec<(usize, usize)> = Vec::new();
    // Nearly no paragraph holds a term: one quick test per paragraph (no
    // term holds a line break or a full stop, so a term in a paragraph is
    // in one of its sentences), then its sentences one by one.
    let mut paragraph_has_term = (usize::MAX, usize::MAX, None, false);
    for (s, place, owner) in sentences {
        if (s.section, s.paragraph, *owner) != (paragraph_has_term.0, paragraph_has_term.1, paragraph_has_term.2) {
            let narrative = match owner {
                None => &report.department_form.narrative,
                Some(i) => &report.project_forms[*i].narrative,
            };
            let paragraph = &narrative[s.section].paragraphs[s.paragraph];
            let has = match quick_finder() {
                Some(q) => q.find(paragraph.as_str()).is_some(),
                None => finder.is_match(paragraph.as_str()),
            };
            paragraph_has_term = (s.section, s.paragraph, *owner, has);
        }
        if !paragraph_has_term.3 {
            continue;
        }
        // In list order within a sentence, as the findings' keys have it.
        found.clear();
        found.extend(
            finder
                .find_overlapping_iter(s.text)
                .map(|m| FOREIGN_INDEX[m.pattern().as_usize()]),
        );
        found.sort_unstable();
        found.dedup();
        for &(k, t) in &found {
            let term = FOREIGN_TERMS[k].2[t];
            if !hits[k].contains(&term) {
                hits[k].push(term);
                firsts[k].get_or_insert_with(|| ((**place).clone(), s.text.to_string()));
            }
        }
    }
    for (((kind_zh, kind_en, terms), hits), first) in FOREIGN_TERMS.iter().zip(hits).zip(firsts) {
        if terms.iter().any(|t| own.contains(t)) {
            continue;
        }
        if hits.len() >= 2
            && let Some((place, text)) = first
        {
            flags.push(
                Flag::said(
                    &rules::TEXT_FOREIGN_ACTIVITY,
                    Severity::Info,
                    &place,
                    quoting![
                        kind_zh,
                        hits = hits.join("、"),
                        text = quote(&text),
                        kind_en,
                        hits_en = hits.join(", ")
                    ],
                )
                .values("本单位业务", hits.join("、")),
            );
        }
    }
}
