//! From blocks to a [`Report`]: where each form starts, its cover, and the
//! account of numbers placed. The forms themselves are in [`super::department`]
//! and [`super::project`].

use super::department::department_form;
use super::label;
use super::layout::{Addr, Block, Doc};
use super::map::{Mapper, NotPlaced, Span};
use super::project::project_form;
use crate::model::{Cover, REPORT_FORMAT, Report};

/// A report built from a file, with the account of what went where.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub report: Report,
    /// Numbers of the source that are in the report.
    pub placed: usize,
    pub not_placed: Vec<NotPlaced>,
    /// Labels looked for and not found.
    pub missing: Vec<String>,
    pub notes: Vec<String>,
}

/// Why no report could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapError {
    /// Nothing of the self-evaluation form was found.
    NoForm,
    /// The cover has no 部门(单位)名称 (or it is blank).
    NoDepartment,
    /// The title has no budget year.
    NoYear,
}

const PROJ: &str = "项目表";

/// Where the project forms start: the row of 一、项目基本概况 (or, without
/// it, of 项目负责人 when no 项目基本概况 row precedes it).
fn project_starts(doc: &Doc) -> Vec<usize> {
    let mut starts = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        if let Block::Row(cells) = block
            && cells.iter().any(|c| {
                c.paras
                    .first()
                    .is_some_and(|p| label::is(label::strip_numbering(p), "项目基本概况"))
            })
        {
            starts.push(b);
        }
    }
    if starts.is_empty()
        && let Some(b) = (0..doc.blocks.len()).find(|&b| {
            doc.row(b)
                .is_some_and(|cells| cells.iter().any(|c| label::is(&c.paras.join(""), "项目负责人")))
        })
    {
        starts.push(b);
    }
    starts
}

/// The last "…（制）" line before `before` in the stream, after `after`:
/// the issuer printed above a project form.
fn issuer_before(stream: &[(Addr, &str)], after: usize, before: usize) -> Option<(Addr, String)> {
    stream
        .iter()
        .filter(|(a, _)| a.block >= after && a.block < before)
        .rev()
        .find(|(_, t)| label::norm(t).ends_with("(制)"))
        .map(|(a, t)| (*a, t.trim().to_string()))
}

/// Labels of which at least one must be in a file for it to be a form.
const FORM_MARKERS: &[&str] = &[
    "收入合计",
    "支出合计",
    "三公经费合计",
    "绩效自评综合得分",
    "评价等次",
    "指标（目标）值",
    "计划安排资金",
    "会计凭证号",
];

/// Builds the report from the blocks of a file.
pub fn map(doc: &Doc) -> Result<Mapped, MapError> {
    let looks_like_form = doc.blocks.iter().any(|b| match b {
        Block::Row(cells) => cells.iter().any(|c| label::is_any(&c.paras.join(""), FORM_MARKERS)),
        Block::Para(_) => false,
    });
    if !looks_like_form {
        return Err(MapError::NoForm);
    }
    let mut m = Mapper::new(doc);
    let n = doc.blocks.len();
    let starts = project_starts(doc);
    let dept_span = Span {
        start: 0,
        end: starts.first().copied().unwrap_or(n),
    };
    let all = m.stream(Span { start: 0, end: n });

    // The issuer line above each project form ends the text before it.
    let mut issuers = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let after = if k == 0 { 0 } else { starts[k - 1] };
        // Not the cover's own issuer: only after the previous form's narrative title.
        let after_title = all
            .iter()
            .filter(|(a, t)| a.block >= after && a.block < s && label::contains(t, "评价报告综述"))
            .map(|(a, _)| a.block)
            .next()
            .unwrap_or(after);
        issuers.push(issuer_before(&all, after_title, s));
    }

    let (department, year, cover) = cover(&mut m, dept_span)?;
    let dept_stop = issuers.first().cloned().flatten().map(|(a, _)| a);
    let department_form = department_form(&mut m, dept_span, cover, dept_stop);
    if department_form.income.summary.is_none()
        && department_form.expenditure.summary.is_none()
        && department_form.indicators.is_empty()
        && starts.is_empty()
    {
        return Err(MapError::NoForm);
    }
    let mut project_forms = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let span = Span {
            start: s,
            end: starts.get(k + 1).copied().unwrap_or(n),
        };
        let stop = issuers.get(k + 1).cloned().flatten().map(|(a, _)| a);
        let name = format!("{PROJ}{}", k + 1);
        let mut p = project_form(&mut m, span, &name, stop);
        if let Some(Some((a, t))) = issuers.get(k) {
            m.put(*a, t);
            p.issuer = Some(t.clone());
        }
        if p.name.is_none() {
            // A title line "项目名称：…" between the issuer and the table.
            let from = issuers.get(k).cloned().flatten().map_or(s, |(a, _)| a.block);
            let title = all
                .iter()
                .filter(|(a, _)| a.block >= from && a.block < s)
                .find_map(|(a, t)| label::strip_label(t, "项目名称").map(|v| (*a, v)));
            if let Some((a, v)) = title.filter(|(_, v)| !v.is_empty()) {
                m.put(a, v);
                p.name = Some(v.to_string());
            }
        }
        project_forms.push(p);
    }
    let (placed, not_placed) = m.coverage();
    Ok(Mapped {
        report: Report {
            fuhe_report: REPORT_FORMAT,
            department,
            year,
            department_form,
            project_forms,
        },
        placed,
        not_placed,
        missing: m.missing,
        notes: m.notes,
    })
}

/// The cover: the body paragraphs before the first table.
fn cover(m: &mut Mapper<'_>, span: Span) -> Result<(String, u16, Cover), MapError> {
    let doc = m.doc;
    let first_row = (span.start..span.end)
        .find(|&b| doc.row(b).is_some())
        .unwrap_or(span.end);
    let paras: Vec<(Addr, &str)> = m.stream(Span {
        start: span.start,
        end: first_row,
    });
    let mut c = Cover::default();
    let mut department = None;
    let mut title: Vec<(Addr, &str)> = Vec::new();
    let mut seen_name = false;
    for (a, t) in &paras {
        let t = t.trim();
        let take = |m: &mut Mapper<'_>, slot: &mut Option<String>, v: &str| {
            if !v.is_empty() && slot.is_none() {
                m.put(*a, v);
                *slot = Some(v.to_string());
            }
        };
        if let Some(v) = ["部门（单位）名称", "单位名称", "部门名称"]
            .iter()
            .find_map(|l| label::strip_label(t, l))
        {
            take(m, &mut department, v);
            seen_name = true;
        } else if let Some(v) = label::strip_label(t, "评价方式") {
            take(m, &mut c.evaluation_method, v);
        } else if let Some(v) = label::strip_label(t, "评价机构") {
            take(m, &mut c.evaluation_body, v);
        } else if let Some(v) = label::strip_label(t, "报告日期") {
            take(m, &mut c.report_date, v);
        } else if label::norm(t).ends_with("(制)") {
            take(m, &mut c.issuer, t);
        } else if c.attachment.is_none() && title.is_empty() && t.starts_with("附件") && t.chars().count() <= 8 {
            take(m, &mut c.attachment, t);
        } else if !seen_name {
            title.push((*a, t));
        }
    }
    if !title.is_empty() {
        for (a, t) in &title {
            m.put(*a, t);
        }
        c.title = Some(title.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(""));
    }
    let Some(department) = department else {
        return Err(MapError::NoDepartment);
    };
    let year = c.title.as_deref().and_then(year_in).ok_or(MapError::NoYear)?;
    Ok((department, year, c))
}

/// The first "20xx年" (or 19xx) in the text: the budget year of the title.
fn year_in(t: &str) -> Option<u16> {
    let chars: Vec<char> = t.chars().collect();
    for w in chars.windows(5) {
        if w[4] == '年' && w[..4].iter().all(char::is_ascii_digit) && matches!(w[0], '1' | '2') {
            let y: String = w[..4].iter().collect();
            return y.parse().ok();
        }
    }
    None
}
