//! What the 复核意见书 says, independent of its format.

use crate::checks::{Flag, pct, ratio_pct, signed};
use crate::labels::Lang;
use crate::model::{FUND_SOURCES, Report};
use crate::review::summary::{FormScore, Summary};
use crate::review::{Decision, Review, Status};
use crate::text::{clean, clean_typed};
use crate::workspace::LoadedReport;
use rust_decimal::Decimal;

/// The document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    /// The review is not done: every format marks the document 草稿.
    pub draft: bool,
    /// The header: (what, value).
    pub facts: Vec<(String, String)>,
    pub blocks: Vec<Block>,
    /// The signature line: reviewer and the local date (the completion date
    /// of a finished review, else today).
    pub reviewer: String,
    pub date: String,
    /// A small line at the foot: the report file's name and its SHA-256.
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    /// A paragraph; its line breaks are kept in every format.
    Text(String),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Relative column widths (for Word).
    pub widths: Vec<u32>,
}

impl Document {
    /// The words of the document in its language.
    pub fn w<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(zh, en)
    }
}

fn opt(v: Option<Decimal>) -> String {
    v.map_or("—".into(), |d| d.to_string())
}

/// Builds the document of a report's review.
pub fn document(r: &LoadedReport, flags: &[Flag], s: &Summary, lang: Lang) -> Document {
    let w = |l: &crate::labels::L| lang.t(l).to_string();
    let rep: &Report = &r.report;
    let review: Option<&Review> = s.review.as_ref();
    let done = review.is_some_and(|rv| rv.status == Status::Done);
    let dept = clean(&rep.department);
    let title = match lang {
        Lang::Zh => format!("{dept}{}年度绩效自评复核意见书", rep.year),
        Lang::En => format!("Review of the {} performance self-evaluation: {dept}", rep.year),
    };

    // ----- header -----
    let mut forms = vec![w(&crate::labels::DOC_DEPARTMENT_FORM)];
    forms.extend(
        rep.project_forms
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}“{}”", w(&crate::labels::DOC_PROJECT_FORM), clean(&p.label(i)))),
    );
    let status = match (review, &s.invalid) {
        (_, Some(_)) => w(&crate::labels::DOC_REVIEW_FILE_INVALID),
        (None, None) => w(&crate::labels::DOC_NOT_REVIEWED),
        (Some(rv), None) => match rv.completed() {
            Some(t) => format!("{} {}", w(&crate::labels::DOC_DONE), crate::clock::date(t)),
            None => w(&crate::labels::DOC_IN_PROGRESS_DRAFT),
        },
    };
    let (confirmed, dismissed, undecided) = tally(flags, review);
    let mut facts = vec![
        (w(&crate::labels::DOC_DEPARTMENT), dept.clone()),
        (w(&crate::labels::DOC_YEAR), rep.year.to_string()),
        (
            w(&crate::labels::DOC_FORMS),
            forms.join(lang.t(&crate::labels::LIST_SEPARATOR)),
        ),
        (w(&crate::labels::DOC_REVIEW_STATUS), status),
        (
            w(&crate::labels::DOC_REVIEWER),
            review.map_or("—".into(), |rv| clean(&rv.reviewer)),
        ),
    ];
    if let Some(rv) = review {
        facts.push((
            w(&crate::labels::DOC_STARTED_LAST_CHANGED),
            format!(
                "{} / {}",
                crate::clock::minute(&rv.created),
                crate::clock::minute(&rv.updated)
            ),
        ));
    }
    facts.push((
        w(&crate::labels::DOC_FINDINGS),
        match lang {
            Lang::Zh => format!(
                "{} 项：确认 {confirmed} 项，不采纳 {dismissed} 项，未决定 {undecided} 项",
                flags.len()
            ),
            Lang::En => format!(
                "{}: {confirmed} confirmed, {dismissed} set aside, {undecided} undecided",
                flags.len()
            ),
        },
    ));
    if let Some(m) = &s.invalid {
        facts.push((w(&crate::labels::DOC_REVIEW_FILE), clean(m)));
    }

    let mut blocks = Vec::new();
    // Sections are numbered as Chinese documents number them (一、二、…).
    let mut sections = 0;
    let mut heading = |zh: &str, en: &str| {
        sections += 1;
        Block::Heading(match lang {
            Lang::Zh => format!("{}、{zh}", ["一", "二", "三", "四", "五", "六"][(sections - 1).min(5)]),
            Lang::En => format!("{sections}. {en}"),
        })
    };

    // ----- budget beside actual -----
    blocks.push(heading("预算与实际（万元）", "Budget beside actual (10k yuan)"));
    blocks.extend(department_money(rep, lang));
    if let Some(t) = project_funds(rep, lang) {
        blocks.push(Block::Text(w(&crate::labels::DOC_PROJECT_FUNDS)));
        blocks.push(Block::Table(t));
    }

    // ----- findings -----
    blocks.push(heading("复核发现的问题", "Findings"));
    let mut kept = Vec::new();
    let mut set_aside = Vec::new();
    for f in flags {
        match review.and_then(|rv| rv.decision(f)) {
            Some(d) if d.decision == Decision::Confirmed => {
                let mut note: Vec<String> = Vec::new();
                if let Some(reason) = d.reason.as_deref().filter(|t| !t.trim().is_empty()) {
                    note.push(clean_typed(reason));
                }
                if let Some(a) = review.and_then(|rv| rv.annotation(&f.key()).or_else(|| rv.annotation(&f.path))) {
                    note.push(clean_typed(&a.text));
                }
                kept.push(vec![
                    lang.t(f.severity.label()).to_string(),
                    clean(lang.pick(&f.place_zh, &f.place_en)),
                    clean(lang.pick(&f.message_zh, &f.message_en)),
                    note.join("\n"),
                ]);
            }
            Some(d) => set_aside.push(vec![
                clean(lang.pick(&f.place_zh, &f.place_en)),
                clean(lang.pick(&f.message_zh, &f.message_en)),
                clean_typed(d.reason.as_deref().unwrap_or("—")),
            ]),
            None => {}
        }
    }
    if kept.is_empty() {
        blocks.push(Block::Text(w(&crate::labels::DOC_CONFIRMED_NONE)));
    } else {
        blocks.push(Block::Text(w(&crate::labels::DOC_CONFIRMED_HEADING)));
        blocks.push(Block::Table(Table {
            head: vec![
                w(&crate::labels::DOC_SEVERITY),
                w(&crate::labels::DOC_PLACE),
                w(&crate::labels::DOC_FINDING),
                w(&crate::labels::DOC_REVIEWER_S_NOTE),
            ],
            rows: kept,
            widths: vec![8, 22, 45, 25],
        }));
    }
    if !set_aside.is_empty() {
        blocks.push(Block::Text(w(&crate::labels::DOC_FINDINGS_SET_ASIDE_WITH_THE)));
        blocks.push(Block::Table(Table {
            head: vec![
                w(&crate::labels::DOC_PLACE),
                w(&crate::labels::DOC_FINDING),
                w(&crate::labels::DOC_REASON),
            ],
            rows: set_aside,
            widths: vec![24, 46, 30],
        }));
    }
    if undecided > 0 {
        blocks.push(Block::Text(match lang {
            Lang::Zh => format!("另有 {undecided} 项问题尚未决定，未列入本意见书。"),
            Lang::En => format!("{undecided} further findings are undecided and not listed."),
        }));
    }

    // ----- scores -----
    blocks.push(heading("评分", "Scores"));
    for f in &s.forms {
        let name = match f.form {
            None => w(&crate::labels::DOC_DEPARTMENT_FORM_SHORT),
            Some(_) => clean(&f.name),
        };
        blocks.push(Block::Text(format!("{name}{}", lang.t(&crate::labels::COLON))));
        blocks.push(Block::Table(score_table(f, review, lang)));
    }

    // ----- notes not on a finding -----
    let notes: Vec<Vec<String>> = review
        .map(|rv| {
            rv.annotations
                .iter()
                // Notes on a confirmed finding are in its row above; every
                // other note is listed here, so none is lost.
                .filter(|a| {
                    !flags.iter().any(|f| {
                        (f.key() == a.target || f.path == a.target)
                            && rv.decision(f).map(|d| d.decision) == Some(Decision::Confirmed)
                    })
                })
                .map(|a| {
                    let place = flags
                        .iter()
                        .find(|f| f.key() == a.target || f.path == a.target)
                        .map(|f| clean(lang.pick(&f.place_zh, &f.place_en)))
                        .unwrap_or_else(|| match a.target.as_str() {
                            "report" => w(&crate::labels::DOC_THE_WHOLE_REPORT),
                            t => clean(t),
                        });
                    vec![
                        place,
                        clean_typed(&a.text),
                        clean(&a.author),
                        crate::clock::minute(&a.time),
                    ]
                })
                .collect()
        })
        .unwrap_or_default();
    if !notes.is_empty() {
        blocks.push(heading("复核批注", "Reviewer's notes"));
        blocks.push(Block::Table(Table {
            head: vec![
                w(&crate::labels::DOC_NOTE_ITEM),
                w(&crate::labels::DOC_NOTE),
                w(&crate::labels::DOC_AUTHOR),
                w(&crate::labels::DOC_TIME),
            ],
            rows: notes,
            widths: vec![25, 50, 10, 15],
        }));
    }

    // ----- opinion -----
    blocks.push(heading("财政部门归口业务科室意见", "The finance section's opinion"));
    let opinion = review.map(|rv| rv.opinion.clone()).unwrap_or_default();
    let dept_sheet = s.forms.first().map(|f| &f.sheet);
    blocks.push(Block::Text(format!(
        "{}{}",
        w(&crate::labels::DOC_CONCLUSION),
        opinion.conclusion.map_or("—".into(), |c| lang.t(c.label()).to_string())
    )));
    blocks.push(Block::Text(format!(
        "{}{}",
        w(&crate::labels::DOC_REVIEW_SCORE_AND_GRADE),
        dept_sheet.map_or("—".into(), |sh| sh.review_text(lang))
    )));
    blocks.push(Block::Text(format!(
        "{}\n{}",
        w(&crate::labels::DOC_OPINION),
        opinion
            .text
            .as_deref()
            .map(clean_typed)
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "—".into())
    )));

    let date_of = |t: &str| match lang {
        Lang::Zh => crate::clock::date_zh(t),
        Lang::En => crate::clock::date(t),
    };
    let date = match review.and_then(|rv| rv.completed()) {
        Some(t) => date_of(t),
        None => date_of(&crate::clock::now()),
    };
    let file = r
        .path
        .file_name()
        .map(|n| clean(&n.to_string_lossy()))
        .unwrap_or_default();
    Document {
        lang,
        title,
        draft: !done,
        facts,
        blocks,
        reviewer: review.map_or(String::new(), |rv| clean(&rv.reviewer)),
        date,
        footer: format!("{}{file} · SHA-256 {}", w(&crate::labels::DOC_REPORT_FILE), r.sha256),
    }
}

/// (confirmed, set aside, undecided).
fn tally(flags: &[Flag], review: Option<&Review>) -> (usize, usize, usize) {
    flags.iter().fold((0, 0, 0), |(c, d, u), f| {
        match review.and_then(|rv| rv.decision(f)).map(|x| x.decision) {
            Some(Decision::Confirmed) => (c + 1, d, u),
            Some(Decision::Dismissed) => (c, d + 1, u),
            None => (c, d, u + 1),
        }
    })
}

/// The department's income and expenditure: its own table, not squeezed
/// into the project funds' columns.
fn department_money(rep: &Report, lang: Lang) -> Vec<Block> {
    let w = |l: &crate::labels::L| lang.t(l).to_string();
    let d = &rep.department_form;
    let inc = d.income.summary.as_ref();
    let exp = d.expenditure.summary.as_ref();
    if inc.is_none() && exp.is_none() {
        return Vec::new();
    }
    let spent = exp.and_then(|e| e.total);
    let share = |v: Option<Decimal>| match (v, spent) {
        (Some(v), Some(t)) => ratio_pct(v, t).map_or(String::new(), |p| pct(p, false)),
        _ => String::new(),
    };
    let mut rows = vec![
        vec![
            w(&crate::labels::DOC_INCOME),
            opt(inc.and_then(|i| i.total)),
            String::new(),
        ],
        vec![w(&crate::labels::DOC_EXPENDITURE), opt(spent), String::new()],
        vec![
            w(&crate::labels::DOC_OF_WHICH_BASIC),
            opt(exp.and_then(|e| e.basic)),
            share(exp.and_then(|e| e.basic)),
        ],
        vec![
            w(&crate::labels::DOC_OF_WHICH_PROJECTS),
            opt(exp.and_then(|e| e.project)),
            share(exp.and_then(|e| e.project)),
        ],
    ];
    if let (Some(i), Some(e)) = (inc.and_then(|i| i.total), spent) {
        rows.push(vec![
            w(&crate::labels::DOC_INCOME_LESS_EXPENDITURE),
            signed(i - e),
            String::new(),
        ]);
    }
    vec![
        Block::Text(w(&crate::labels::DOC_THE_DEPARTMENT_S_INCOME_AND)),
        Block::Table(Table {
            head: vec![
                w(&crate::labels::DOC_NOTE_ITEM),
                w(&crate::labels::DOC_AMOUNT),
                w(&crate::labels::DOC_SHARE_OF_SPENDING),
            ],
            rows,
            widths: vec![40, 30, 30],
        }),
    ]
}

/// Each project form's funds: planned, arrived (with the change), spent,
/// balance and the execution rate, in total and by source.
fn project_funds(rep: &Report, lang: Lang) -> Option<Table> {
    let mut rows = Vec::new();
    for (pi, p) in rep.project_forms.iter().enumerate() {
        let f = &p.funds;
        let mut sources: Vec<(usize, &str)> = vec![(0, lang.t(&crate::labels::TOTAL))];
        sources.extend(
            FUND_SOURCES
                .iter()
                .enumerate()
                .map(|(i, s)| (i + 1, lang.pick(s.1, s.2))),
        );
        for (k, name) in sources {
            let pick = |row: &crate::model::FundRow| if k == 0 { row.total } else { row.sources()[k - 1] };
            let (pl, ar, sp, ba) = (pick(&f.planned), pick(&f.arrived), pick(&f.spent), pick(&f.balance));
            if k > 0 && [pl, ar, sp, ba].iter().all(Option::is_none) {
                continue;
            }
            let change = match (pl, ar) {
                (Some(a), Some(b)) => format!(
                    "{} ({})",
                    signed(b - a),
                    ratio_pct(b - a, a).map_or("—".into(), |p| pct(p, true))
                ),
                _ => "—".into(),
            };
            let exec = match (sp, ar) {
                (Some(s), Some(a)) => ratio_pct(s, a).map_or("—".into(), |p| pct(p, false)),
                _ => "—".into(),
            };
            rows.push(vec![
                if k == 0 { clean(&p.label(pi)) } else { String::new() },
                name.to_string(),
                opt(pl),
                opt(ar),
                change,
                opt(sp),
                opt(ba),
                exec,
            ]);
        }
    }
    let w = |l: &crate::labels::L| lang.t(l).to_string();
    (!rows.is_empty()).then(|| Table {
        head: vec![
            w(&crate::labels::DOC_PROJECT),
            w(&crate::labels::DOC_SOURCE),
            w(&crate::labels::DOC_PLANNED),
            w(&crate::labels::DOC_ARRIVED),
            w(&crate::labels::DOC_CHANGE),
            w(&crate::labels::DOC_SPENT),
            w(&crate::labels::DOC_BALANCE),
            w(&crate::labels::DOC_EXECUTED),
        ],
        rows,
        widths: vec![22, 10, 10, 10, 14, 10, 10, 10],
    })
}

/// A form's score sheet: self-score, fuhe's suggestion and the review score
/// per line, with the auditor's reason (or fuhe's basis).
fn score_table(f: &FormScore, review: Option<&Review>, lang: Lang) -> Table {
    let w = |l: &crate::labels::L| lang.t(l).to_string();
    let mut rows = Vec::new();
    for l in &f.lines {
        let entry = review.and_then(|rv| rv.score(&l.id));
        rows.push(vec![
            clean(&l.group),
            clean(lang.pick(&l.label_zh, &l.label_en)),
            l.weight.to_string(),
            opt(l.self_score),
            l.suggested.map_or(w(&crate::labels::DOC_TO_JUDGE), |s| s.to_string()),
            entry.map_or("—".into(), |e| e.score.to_string()),
            entry
                .and_then(|e| e.reason.as_deref())
                .map(clean_typed)
                .unwrap_or_else(|| clean(lang.pick(&l.reason_zh, &l.reason_en))),
        ]);
    }
    let weight: Decimal = f.lines.iter().map(|l| l.weight).sum::<Decimal>().normalize();
    rows.push(vec![
        String::new(),
        w(&crate::labels::DOC_TOTAL),
        weight.to_string(),
        match (f.self_score, f.self_grade.as_deref()) {
            (Some(s), Some(g)) => format!("{s} {}", crate::model::Grade::shown(&clean(g), lang)),
            (s, _) => opt(s),
        },
        f.sheet.suggested_text(lang),
        f.sheet.review_text(lang),
        f.sheet
            .review
            .as_ref()
            .and_then(|t| t.capped_at)
            .map_or(String::new(), |c| match lang {
                Lang::Zh => format!("按执行率封顶{c}分"),
                Lang::En => format!("capped at {c} by the execution rate"),
            }),
    ]);
    Table {
        head: vec![
            w(&crate::labels::DOC_GROUP),
            w(&crate::labels::DOC_SCORE_ITEM),
            w(&crate::labels::DOC_WEIGHT),
            w(&crate::labels::DOC_SELF),
            w(&crate::labels::DOC_SUGGESTED),
            w(&crate::labels::DOC_REVIEW),
            w(&crate::labels::DOC_BASIS_REASON),
        ],
        rows,
        widths: vec![10, 25, 7, 9, 10, 9, 30],
    }
}
