//! A report's review at a glance — for `fuhe check`, `fuhe summary`,
//! `fuhe export` and the report list: state, conclusion, the findings still
//! open, and per form the self-score beside the review score.

use super::store::{self, OnDisk};
use super::{Conclusion, Review, Status};
use crate::checks::{Flag, Severity};
use crate::scoring::{self, Rubric, Sheet};
use crate::workspace::LoadedReport;
use rust_decimal::Decimal;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct FormScore {
    /// None: the department form.
    pub form: Option<usize>,
    pub name: String,
    pub self_score: Option<Decimal>,
    pub self_grade: Option<String>,
    pub lines: Vec<scoring::ScoreLine>,
    /// fuhe's suggestion, and the auditor's score once every line is scored.
    pub sheet: Sheet,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub review: Option<Review>,
    /// The review file exists but is not valid (message).
    pub invalid: Option<String>,
    pub stale: bool,
    pub forms: Vec<FormScore>,
    /// Error findings not dismissed.
    pub open_errors: usize,
    /// Findings neither confirmed nor dismissed.
    pub undecided: usize,
}

impl Summary {
    /// The summary of a report without a review file, as `fuhe check` needs
    /// it when the findings come from its cache: every finding undecided,
    /// no score sheets worked out (`forms` is empty).
    pub fn unreviewed(flags: &[Flag]) -> Summary {
        Summary {
            review: None,
            invalid: None,
            stale: false,
            forms: Vec::new(),
            open_errors: flags.iter().filter(|f| f.severity == Severity::Error).count(),
            undecided: flags.len(),
        }
    }

    pub fn status(&self) -> Option<Status> {
        self.review.as_ref().map(|r| r.status)
    }

    pub fn conclusion(&self) -> Option<Conclusion> {
        self.review.as_ref().and_then(|r| r.opinion.conclusion)
    }

    pub fn status_zh(&self) -> String {
        let base = if self.invalid.is_some() {
            "复核文件无效".to_string()
        } else {
            self.status().map_or("未审".to_string(), |s| s.zh().to_string())
        };
        if self.stale {
            format!("{base}（报告已改）")
        } else {
            base
        }
    }

    pub fn status_en(&self) -> String {
        let base = if self.invalid.is_some() {
            "review file invalid".to_string()
        } else {
            self.status().map_or("not reviewed".to_string(), |s| s.en().to_string())
        };
        if self.stale {
            format!("{base} (report changed)")
        } else {
            base
        }
    }
}

/// Summarises the review of one report.
pub fn summarize(root: &Path, r: &LoadedReport, flags: &[Flag], rubric: &Rubric) -> Summary {
    summarize_with(root, r, flags, rubric, true)
}

/// Like [`summarize`]; without `all_scores`, score sheets are worked out
/// only when a review exists (`fuhe check` over thousands of unreviewed
/// reports needs none of them).
pub fn summarize_with(root: &Path, r: &LoadedReport, flags: &[Flag], rubric: &Rubric, all_scores: bool) -> Summary {
    let (review, invalid) = match store::read(&store::review_path(root, &r.id)).0 {
        OnDisk::Valid(rv) => (Some(*rv), None),
        OnDisk::Missing => (None, None),
        OnDisk::Invalid(m) => (None, Some(m)),
    };
    let mut forms = Vec::new();
    // (form, name, self-score, grade as written)
    type FormFacts = (Option<usize>, String, Option<Decimal>, Option<String>);
    let mut list: Vec<FormFacts> = vec![(
        None,
        "部门整体".into(),
        r.report.department_form.self_score,
        r.report.department_form.grade.clone(),
    )];
    for (i, p) in r.report.project_forms.iter().enumerate() {
        list.push((Some(i), p.label(i), p.self_score, p.grade.clone()));
    }
    for (form, name, self_score, self_grade) in list {
        let lines = if all_scores || review.is_some() {
            scoring::suggest(&r.report, form, rubric, &super::decided_flags(flags, review.as_ref()))
        } else {
            Vec::new()
        };
        let sheet = scoring::sheet(
            &lines,
            |l| review.as_ref().and_then(|rv| rv.score(&l.id)).map(|s| s.score),
            rubric,
            form.is_some(),
            scoring::execution_rate(&r.report, form),
        );
        forms.push(FormScore {
            form,
            name,
            self_score,
            self_grade,
            lines,
            sheet,
        });
    }
    let decided = |f: &Flag| review.as_ref().and_then(|rv| rv.decision(f)).map(|d| d.decision);
    let open_errors = flags
        .iter()
        .filter(|f| f.severity == Severity::Error && decided(f) != Some(super::Decision::Dismissed))
        .count();
    let undecided = flags.iter().filter(|f| decided(f).is_none()).count();
    Summary {
        stale: review.as_ref().is_some_and(|rv| rv.report_sha256 != r.sha256),
        review,
        invalid,
        forms,
        open_errors,
        undecided,
    }
}
