//! What the review keys do: notes, decisions on findings, scores, the
//! opinion, undo and redo, resolving a save conflict, and choosing another
//! folder when the workspace cannot be written. Every change goes through
//! the open report's [`Session`], which saves it at once.

use super::session::{self, SaveState, Session, peek};
use super::{App, Input, Popup, Tab, flag_detail};
use crate::checks::Flag;
use crate::keymap::{Action, Mode};
use crate::review::Opinion as ReviewOpinion;
use crate::review::Review;
use crate::review::store::{self, OnDisk};
use crate::review::{Annotation, Change, Decision, FlagDecision, ScoreEntry, Status, now};
use crate::scoring::{self, ScoreLine};
use rust_decimal::Decimal;
use std::path::PathBuf;

/// What a text editor writes to.
#[derive(Debug, Clone, PartialEq)]
pub enum EditTarget {
    Annotation(String),
    OpinionText,
}

/// What a one-line form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormPurpose {
    /// Dismissing this finding (its key).
    Dismiss(String),
    /// Scoring this line (its id) of this form.
    Score { form: Option<usize>, item: String },
}

/// Where this workspace's reviews go when it cannot be written. Decided
/// once per run: the auditor is asked at the first failed save, not at
/// every one.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Elsewhere {
    /// No save has failed yet.
    #[default]
    NotAsked,
    /// Each save tries the workspace, then goes to the rescue folder.
    Rescue,
    /// Each save goes to this folder, as `<id>.review.json`.
    Folder(PathBuf),
}

/// A review's state as the report list shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewInfo {
    /// None: not reviewed (未审).
    pub status: Option<Status>,
    pub invalid: bool,
    pub stale: bool,
    /// The department form's sheet: fuhe's suggestion (once the report is
    /// checked) and the auditor's score once every line is scored.
    pub sheet: Option<scoring::Sheet>,
}

impl ReviewInfo {
    pub fn label(&self, lang: crate::labels::Lang) -> String {
        let base = if self.invalid {
            lang.t(&crate::labels::INVALID).to_string()
        } else {
            match self.status {
                None => lang.t(&crate::labels::STATUS_UNREVIEWED).to_string(),
                Some(s) => lang.t(s.label()).to_string(),
            }
        };
        if self.stale {
            format!("{base}{}", lang.t(&crate::labels::STALE))
        } else {
            base
        }
    }
}

impl App {
    /// The scoring lines of a form of the open report, with its flags.
    pub fn score_lines(&self, report: usize, form: Option<usize>) -> Vec<ScoreLine> {
        let review = self
            .session
            .as_ref()
            .filter(|s| s.report == report)
            .and_then(|s| s.review.as_ref());
        self.score_lines_with(report, form, review)
    }

    /// The scoring lines of a form, given the report's review. Points come
    /// off for certain findings and for those the auditor confirmed, not
    /// for warnings nobody has looked at.
    fn score_lines_with(&self, report: usize, form: Option<usize>, review: Option<&Review>) -> Vec<ScoreLine> {
        let flags = crate::review::decided_flags(self.flags_of(report), review);
        scoring::suggest(&self.slots[report].file.report, form, self.config.rubric(), &flags)
    }

    /// A form's sheet: fuhe's suggestion, and the auditor's total once
    /// every line is scored (see [`scoring::Sheet`]).
    pub fn sheet(&self, report: usize, form: Option<usize>, review: Option<&Review>) -> scoring::Sheet {
        let lines = self.score_lines_with(report, form, review);
        scoring::sheet(
            &lines,
            |l| review.and_then(|r| r.score(&l.id)).map(|s| s.score),
            self.config.rubric(),
            form.is_some(),
            scoring::execution_rate(&self.slots[report].file.report, form),
        )
    }

    /// Reads every report's review state for the list.
    pub fn refresh_review_info(&mut self) {
        for i in 0..self.slots.len() {
            self.refresh_review_info_of(i);
        }
    }

    pub fn refresh_review_info_of(&mut self, i: usize) {
        let whole = self.slots.get(i).is_some_and(|s| s.held == super::Held::Full);
        self.refresh_review_info_with(i, whole);
    }

    /// The review state for the list; the suggested score is made again only
    /// from a report with its tables (`tables`), else the one made when it
    /// had them stands.
    pub(super) fn refresh_review_info_with(&mut self, i: usize, tables: bool) {
        if self
            .slots
            .get(i)
            .is_none_or(|s| matches!(s.held, super::Held::Unread(_) | super::Held::Failed))
        {
            return;
        }
        let review = match &self.session {
            Some(s) if s.report == i => s
                .review
                .clone()
                .map(|r| OnDisk::Valid(Box::new(r)))
                .unwrap_or(OnDisk::Missing),
            _ => self.peek_review(i),
        };
        // Findings let go (a report not open, quickly checked) leave the
        // sheet made while they were held; without findings yet, none.
        let held = tables && self.slots[i].flags.is_some();
        let kept = self.slots[i].review.sheet.clone();
        let sheet = |review: Option<&Review>| {
            if held {
                Some(self.sheet(i, None, review))
            } else {
                kept.clone()
            }
        };
        self.slots[i].review = match review {
            OnDisk::Missing => ReviewInfo {
                sheet: sheet(None),
                ..Default::default()
            },
            OnDisk::Invalid(_) => ReviewInfo {
                invalid: true,
                ..Default::default()
            },
            OnDisk::Valid(r) => ReviewInfo {
                status: Some(r.status),
                invalid: false,
                stale: r.report_sha256 != self.slots[i].file.sha256,
                sheet: sheet(Some(&r)),
            },
        };
    }

    /// A report's review for the list: the workspace's, or the copy kept
    /// outside it this run when that one is later.
    fn peek_review(&self, i: usize) -> OnDisk {
        let id = &self.slots[i].file.id;
        let in_workspace = peek(&self.root, id);
        let kept = match (&self.elsewhere, &self.data_dir) {
            (Elsewhere::Folder(dir), _) => session::kept_path(dir, id),
            (Elsewhere::Rescue, Some(data)) => session::rescue_path(data, &self.root, id),
            _ => return in_workspace,
        };
        match (in_workspace, store::read(&kept).0) {
            (OnDisk::Valid(w), OnDisk::Valid(k)) if !crate::clock::earlier(&k.updated, &w.updated) => OnDisk::Valid(k),
            (OnDisk::Missing, k @ OnDisk::Valid(_)) => k,
            (w, _) => w,
        }
    }

    pub(super) fn open_session(&mut self, report: usize) {
        if self.session.as_ref().is_some_and(|s| s.report == report) {
            return;
        }
        self.session = None;
        let mut s = Session::open(&self.root, report, &self.slots[report].file, &self.reviewer, self.lang);
        s.data_dir = self.data_dir.clone();
        // Reopened after saves went elsewhere: continue from that copy. A
        // copy that cannot be taken in is reported by the first save.
        match &self.elsewhere {
            // A fresh run: work an earlier run could only keep in the rescue
            // folder comes back into the review as soon as the workspace can
            // be written; the rescued file is kept, renamed, beside it.
            Elsewhere::NotAsked => {
                if s.read_only.is_none()
                    && let Some(p) = s.rescue_path().filter(|p| p.is_file())
                    && s.take_in(&p).is_ok()
                {
                    s.save();
                    if matches!(s.save_state, session::SaveState::Saved(_)) {
                        let done = p.with_extension(format!("merged-{}.json", crate::review::now().replace(':', "")));
                        let _ = std::fs::rename(&p, &done);
                        s.notice = Some(format!(
                            "{} {}",
                            self.lang.t(&crate::labels::WORK_AN_EARLIER_RUN_KEPT_ONLY_IN_THE),
                            done.display()
                        ));
                    }
                }
            }
            Elsewhere::Rescue => {
                if let Some(p) = s.rescue_path() {
                    let _ = s.take_in(&p);
                }
            }
            Elsewhere::Folder(dir) => {
                let _ = s.take_in(&session::kept_path(dir, &s.report_id));
                s.folder = Some(dir.clone());
            }
        }
        if let Some(why) = &s.read_only {
            self.message = Some((why.clone(), true));
        } else if let Some(n) = &s.notice {
            self.message = Some((n.clone(), false));
        }
        self.session = Some(s);
    }

    /// Leaves the report: the lock is released.
    pub(super) fn close_report(&mut self) {
        self.view = None;
        if let Some(s) = self.session.take() {
            let i = s.report;
            drop(s);
            self.refresh_review_info_of(i);
        }
    }

    /// The finding on the selected row (Findings tab), or the selected row's
    /// first finding elsewhere.
    pub fn selected_flag(&self) -> Option<Flag> {
        let v = self.view.as_ref()?;
        let row = self.selected_row()?;
        if v.tab == Tab::Flags {
            self.flags_of(v.report)
                .iter()
                .find(|f| {
                    Some(&f.path) == row.path.as_ref() && row.detail.as_deref() == Some(&flag_detail(f, self.lang))
                })
                .cloned()
        } else {
            self.row_flags(row).first().map(|f| (*f).clone())
        }
    }

    /// Like [`App::selected_flag`], borrowed.
    pub fn selected_flag_ref(&self) -> Option<&Flag> {
        let v = self.view.as_ref()?;
        let row = self.selected_row()?;
        if v.tab == Tab::Flags {
            self.flags_of(v.report).iter().find(|f| {
                Some(&f.path) == row.path.as_ref() && row.detail.as_deref() == Some(&flag_detail(f, self.lang))
            })
        } else {
            self.row_flags(row).first().copied()
        }
    }

    /// The Overview's review section: state, conclusion, totals, undecided
    /// findings, and — when the report changed since — what changed.
    pub(super) fn review_rows(&self, report: usize) -> Vec<super::views::ViewRow> {
        use super::views::{Cell, RowKind, ViewRow};
        let lang = self.lang;
        let row = |label: &str, value: String, path: Option<&str>| ViewRow {
            kind: RowKind::Data,
            cells: vec![Cell::text(label), Cell::text(value)],
            path: path.map(String::from),
            detail: None,
        };
        let heading = |t: &str| ViewRow {
            kind: RowKind::Heading,
            cells: vec![Cell::text(t)],
            path: None,
            detail: None,
        };
        let mut rows = vec![heading(lang.t(&crate::labels::COL_REVIEW))];
        let Some(s) = self.session.as_ref().filter(|s| s.report == report) else {
            return rows;
        };
        if let Some(why) = &s.read_only {
            rows.push(row(lang.t(&crate::labels::READ_ONLY), crate::text::clean(why), None));
        }
        let Some(r) = &s.review else {
            rows.push(row(
                lang.t(&crate::labels::STATUS),
                lang.t(&crate::labels::STATUS_UNREVIEWED).into(),
                Some("report"),
            ));
            return rows;
        };
        rows.push(row(
            lang.t(&crate::labels::STATUS),
            format!(
                "{} · {} {} · {}",
                lang.t(r.status.label()),
                lang.t(&crate::labels::REVIEWER),
                crate::text::clean(&r.reviewer),
                crate::clock::minute(&r.updated)
            ),
            Some("report"),
        ));
        rows.push(row(
            lang.t(&crate::labels::CONCLUSION),
            r.opinion
                .conclusion
                .map_or("—".into(), |c| lang.t(c.label()).to_string()),
            None,
        ));
        let mut forms = vec![(lang.t(&crate::labels::DEPARTMENT).to_string(), None)];
        for (i, p) in self.slots[report].file.report.project_forms.iter().enumerate() {
            forms.push((crate::text::clean(&p.label(i)), Some(i)));
        }
        for (name, form) in forms {
            let sh = self.sheet(report, form, Some(r));
            rows.push(row(
                &format!("{}{name}", lang.t(&crate::labels::REVIEW_SCORE)),
                format!(
                    "{} · {} {}",
                    sh.review_text(lang),
                    lang.t(&crate::labels::SUGGESTED_TOTAL),
                    sh.suggested_text(lang)
                ),
                None,
            ));
        }
        let (errors, all) = r.undecided(self.flags_of(report));
        rows.push(row(
            lang.t(&crate::labels::UNDECIDED_FINDINGS),
            format!("{all} ({errors} {})", lang.t(&crate::labels::ERRORS)),
            None,
        ));
        if let Some(changes) = s.changes_since_review(&self.slots[report].file.report) {
            rows.push(heading(
                lang.t(&crate::labels::THE_REPORT_CHANGED_SINCE_THE_REVIEW_BEGA),
            ));
            for d in changes.iter().take(30) {
                rows.push(ViewRow {
                    kind: RowKind::Data,
                    cells: vec![Cell::text(d.path.clone()), Cell::text(format!("{} → {}", d.old, d.new))],
                    path: Some(d.path.clone()),
                    detail: None,
                });
            }
        } else if s.stale() {
            rows.push(row(
                lang.t(&crate::labels::REPORT_CHANGED),
                lang.t(&crate::labels::THE_REPORT_FILE_CHANGED_SINCE_THE_REVIEW).into(),
                None,
            ));
        }
        rows
    }

    /// What a note on the selection attaches to.
    fn annotation_target(&self) -> String {
        let Some(v) = &self.view else { return "report".into() };
        if v.tab == Tab::Flags {
            return self.selected_flag().map(|f| f.key()).unwrap_or_else(|| "report".into());
        }
        let Some(row) = self.selected_row() else {
            return "report".into();
        };
        if let Some(p) = &row.path {
            return p.clone();
        }
        let flags = self.row_flags(row);
        row.cells
            .iter()
            .filter_map(|c| c.path.clone())
            .find(|p| flags.iter().any(|f| &f.path == p))
            .or_else(|| row.cells.iter().find_map(|c| c.path.clone()))
            .unwrap_or_else(|| "report".into())
    }

    /// The note on a target in the open report's review.
    pub fn note(&self, target: &str) -> Option<&Annotation> {
        self.session.as_ref()?.review.as_ref()?.annotation(target)
    }

    /// The decision on a finding in the open report's review.
    pub fn decision(&self, f: &Flag) -> Option<&FlagDecision> {
        self.session.as_ref()?.review.as_ref()?.decision(f)
    }

    pub(super) fn apply(&mut self, c: Change) {
        let Some(s) = &mut self.session else { return };
        let report = &self.slots[s.report].file.report;
        match s.change(c, report) {
            Ok(()) => self.after_change(),
            Err(e) => self.message = Some((e, true)),
        }
    }

    pub(super) fn after_change(&mut self) {
        let lang = self.lang;
        let Some(s) = &mut self.session else { return };
        let i = s.report;
        if s.conflict.is_some() {
            self.below.clear();
            self.popup = Some(Popup::Conflict);
        }
        match &s.save_state {
            SaveState::Failed(m) => self.message = Some((m.clone(), true)),
            SaveState::SavedTo(t, dir) => {
                self.message = Some((
                    format!(
                        "{} {} {} {}",
                        lang.t(&crate::labels::SAVED),
                        crate::clock::clock(t),
                        lang.t(&crate::labels::TO_FOLDER),
                        dir.display()
                    ),
                    false,
                ))
            }
            _ => {}
        }
        if let Some(failure) = s.io_failure.take()
            && self.elsewhere == Elsewhere::NotAsked
        {
            // The rescue folder stays in force unless another is accepted.
            self.elsewhere = Elsewhere::Rescue;
            let default = self
                .data_dir
                .as_ref()
                .map(|d| session::default_folder(d, &self.root).display().to_string())
                .unwrap_or_default();
            self.open_popup(Popup::SaveFolder {
                error: failure.error,
                rescued: failure.rescued,
                input: Input::with(&default),
                problem: None,
            });
        }
        self.refresh_review_info_of(i);
        self.refresh_rows();
    }

    /// The folder typed in the offer: tried by writing a file there; if
    /// that works, the review is saved there now and every later save of
    /// this workspace's reviews goes there; if not, the offer stays open
    /// with the reason.
    pub(super) fn use_folder(&mut self) {
        let Some(Popup::SaveFolder { input, .. }) = &self.popup else {
            return;
        };
        let typed = input.text.trim().to_string();
        let result = if typed.is_empty() {
            Err(self.lang.t(&crate::labels::TYPE_A_FOLDER).to_string())
        } else {
            let dir = typed_folder(&typed);
            crate::atomic::probe_folder(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))
                .map(|()| dir.canonicalize().unwrap_or(dir))
                .and_then(|dir| self.save_in(dir))
        };
        match result {
            Ok(dir) => {
                self.elsewhere = Elsewhere::Folder(dir);
                self.close_popups();
                self.after_change();
            }
            Err(e) => {
                if let Some(Popup::SaveFolder { problem, .. }) = &mut self.popup {
                    *problem = Some(crate::text::clean(&e));
                }
            }
        }
    }

    /// Saves the open review in `dir` at once, so the choice is proven by
    /// the review itself; the session keeps saving there.
    fn save_in(&mut self, dir: PathBuf) -> Result<PathBuf, String> {
        let Some(s) = &mut self.session else { return Ok(dir) };
        s.take_in(&session::kept_path(&dir, &s.report_id))?;
        s.folder = Some(dir.clone());
        if s.review.is_none() {
            return Ok(dir);
        }
        s.save();
        if let SaveState::Failed(m) = &s.save_state {
            // Kept in the rescue folder meanwhile; the offer stays open.
            s.folder = None;
            s.io_failure = None;
            return Err(m.clone());
        }
        Ok(dir)
    }

    pub(super) fn review_or_new_opinion(&self) -> ReviewOpinion {
        self.session
            .as_ref()
            .and_then(|s| s.review.as_ref())
            .map(|r| r.opinion.clone())
            .unwrap_or_default()
    }

    pub(super) fn current_review(&self) -> Option<&crate::review::Review> {
        self.session.as_ref()?.review.as_ref()
    }

    /// Handles the review actions; false when the action is not one.
    pub(super) fn act_review(&mut self, a: Action) -> bool {
        use Action::*;
        let lang = self.lang;
        // A session that cannot write says so before anything is typed:
        // an editor that takes text only to throw it away loses work.
        let starts_change = matches!(
            (a, self.mode()),
            (Annotate, Mode::Report)
                | (Annotate, Mode::Input)
                | (ConfirmFlag, Mode::Report)
                | (DismissFlag, Mode::Report)
                | (Accept, Mode::Score)
                | (Accept, Mode::Opinion)
        );
        let reopening = matches!(
            (a, self.mode(), &self.popup),
            (Accept, Mode::Opinion, Some(Popup::Opinion { selected: 5 }))
        );
        if !reopening {
            self.reopen_armed = false;
        }
        // A finished review is signed work: nothing in it changes until the
        // auditor reopens it, explicitly.
        let changes_review = starts_change
            || matches!(
                (a, self.mode()),
                (TakeSuggestion | TakeAllSuggestions, Mode::Score)
                    | (Undo | Redo, Mode::Report | Mode::Score | Mode::Opinion)
            );
        if changes_review
            && !reopening
            && let Some(done) = self.current_review().and_then(|r| r.completed()).map(String::from)
        {
            self.message = Some((
                format!(
                    "{}{} — {}",
                    lang.t(&crate::labels::DONE_READ_ONLY),
                    crate::clock::minute(&done),
                    lang.t(&crate::labels::REOPEN_HOW)
                ),
                true,
            ));
            return true;
        }
        if starts_change
            && let Some(why) = self
                .session
                .as_ref()
                .filter(|s| self.view.as_ref().is_some_and(|v| v.report == s.report))
                .and_then(|s| s.read_only.clone())
        {
            self.message = Some((
                format!(
                    "{}：{} — {}",
                    lang.t(&crate::labels::READ_ONLY),
                    crate::text::clean(&why),
                    lang.t(&crate::labels::NOTHING_CAN_BE_CHANGED_NO_EDITOR)
                ),
                true,
            ));
            return true;
        }
        // The popup on top handles its own keys.
        if self.popup.is_some() && self.on_popup(a) {
            return true;
        }
        match (a, self.mode()) {
            (Annotate, Mode::Report) => {
                let target = self.annotation_target();
                let text = self.note(&target).map(|n| n.text.clone()).unwrap_or_default();
                // Name the item as a person would: a finding's place, else the row.
                let name = self
                    .view
                    .as_ref()
                    .and_then(|v| {
                        self.flags_of(v.report)
                            .iter()
                            .find(|f| f.path == target || f.key() == target)
                    })
                    .map(|f| crate::text::clean(lang.pick(&f.place_zh, &f.place_en)))
                    .or_else(|| {
                        self.selected_row()
                            .and_then(|r| r.cells.first())
                            .map(|c| crate::text::clean(&c.text))
                            .filter(|t| !t.is_empty())
                    })
                    .unwrap_or_else(|| lang.t(&crate::labels::THE_WHOLE_REPORT).into());
                self.open_popup(Popup::Editor {
                    title: format!(
                        "{}{}",
                        lang.t(&crate::labels::NOTE_ON),
                        crate::text::truncate(&name, 60)
                    ),
                    target: EditTarget::Annotation(target),
                    input: Input::with(&text),
                });
            }
            (ConfirmFlag, Mode::Report) => {
                let Some(f) = self.selected_flag() else {
                    self.message = Some((lang.t(&crate::labels::NO_FINDING_HERE).into(), true));
                    return true;
                };
                let old = self.decision(&f).cloned();
                let new = match &old {
                    Some(d) if d.decision == Decision::Confirmed => None,
                    _ => Some(FlagDecision {
                        flag: f.key(),
                        rule: f.rule.clone(),
                        path: f.path.clone(),
                        decision: Decision::Confirmed,
                        reason: None,
                        author: self.reviewer.clone(),
                        time: now(),
                    }),
                };
                self.apply(Change::Decision {
                    flag: f.key(),
                    old,
                    new,
                });
            }
            (DismissFlag, Mode::Report) => {
                let Some(f) = self.selected_flag() else {
                    self.message = Some((lang.t(&crate::labels::NO_FINDING_HERE).into(), true));
                    return true;
                };
                let reason = self.decision(&f).and_then(|d| d.reason.clone()).unwrap_or_default();
                self.open_popup(Popup::Form {
                    title: format!(
                        "{}{}",
                        lang.t(&crate::labels::DISMISS),
                        crate::text::truncate(&crate::text::clean(lang.pick(&f.message_zh, &f.message_en)), 60)
                    ),
                    fields: vec![(lang.t(&crate::labels::REASON_REQUIRED).into(), Input::with(&reason))],
                    focus: 0,
                    purpose: FormPurpose::Dismiss(f.key()),
                });
            }
            (Score, Mode::Report) => self.open_popup(Popup::Scores {
                form: None,
                selected: 0,
            }),
            (Opinion, Mode::Report) => self.open_popup(Popup::Opinion { selected: 0 }),
            (Undo | Redo, Mode::Report | Mode::Score | Mode::Opinion) => {
                let Some(s) = &mut self.session else { return true };
                let report = &self.slots[s.report].file.report;
                let r = if a == Undo { s.undo(report) } else { s.redo(report) };
                match r {
                    Ok(true) => {
                        self.message = Some((
                            if a == Undo {
                                lang.t(&crate::labels::UNDONE)
                            } else {
                                lang.t(&crate::labels::REDONE)
                            }
                            .into(),
                            false,
                        ));
                        self.after_change();
                    }
                    Ok(false) => self.message = Some((lang.t(&crate::labels::NOTHING_TO_UNDO_OR_REDO).into(), false)),
                    Err(e) => self.message = Some((e, true)),
                }
            }
            _ => return false,
        }
        true
    }

    pub(super) fn submit_form(&mut self) {
        let lang = self.lang;
        let Some(Popup::Form { fields, purpose, .. }) = self.popup.clone() else {
            return;
        };
        match purpose {
            FormPurpose::Dismiss(key) => {
                let reason = fields[0].1.text.trim().to_string();
                if reason.is_empty() {
                    self.message = Some((lang.t(&crate::labels::A_DISMISSAL_NEEDS_A_REASON).into(), true));
                    return;
                }
                let Some(f) = self
                    .view
                    .as_ref()
                    .and_then(|v| self.flags_of(v.report).iter().find(|f| f.key() == key).cloned())
                else {
                    self.close_popups();
                    return;
                };
                let old = self.decision(&f).cloned();
                let new = FlagDecision {
                    flag: key.clone(),
                    rule: f.rule.clone(),
                    path: f.path.clone(),
                    decision: Decision::Dismissed,
                    reason: Some(reason),
                    author: self.reviewer.clone(),
                    time: now(),
                };
                self.close_popups();
                self.apply(Change::Decision {
                    flag: key,
                    old,
                    new: Some(new),
                });
            }
            FormPurpose::Score { form, item } => {
                let Some(v) = &self.view else { return };
                let lines = self.score_lines(v.report, form);
                let Some(line) = lines.iter().find(|l| l.id == item) else {
                    return;
                };
                // Typed with a Chinese input method, ８。５ is 8.5.
                let text = crate::text::typed_number(&fields[0].1.text);
                // A comma is refused, not read as a thousands separator:
                // 1，5 meant 1.5, never 15.
                let parsed = match text.contains([',', '，']) {
                    true => Err(String::new()),
                    false => crate::model::amount::parse_amount(&text),
                };
                let score = match parsed {
                    Ok(s) if s >= Decimal::ZERO && s <= line.weight => s,
                    _ => {
                        self.message = Some((
                            format!(
                                "{} 0–{}",
                                lang.t(&crate::labels::THE_SCORE_MUST_BE_A_NUMBER_IN),
                                line.weight
                            ),
                            true,
                        ));
                        return;
                    }
                };
                let reason = fields
                    .get(1)
                    .map(|f| f.1.text.trim().to_string())
                    .filter(|r| !r.is_empty());
                if Some(score) != line.suggested && reason.is_none() {
                    self.message = Some((lang.t(&crate::labels::THE_SCORE_DIFFERS_FROM_THE).into(), true));
                    return;
                }
                let old = self.current_review().and_then(|r| r.score(&item)).cloned();
                let new = ScoreEntry {
                    item: item.clone(),
                    label: line.label_zh.clone(),
                    weight: line.weight,
                    suggested: line.suggested,
                    score,
                    reason,
                    author: self.reviewer.clone(),
                    time: now(),
                };
                let selected = lines.iter().position(|l| l.id == item).unwrap_or(0);
                self.open_popup(Popup::Scores {
                    form,
                    selected: (selected + 1).min(lines.len().saturating_sub(1)),
                });
                self.apply(Change::Score {
                    item,
                    old,
                    new: Some(new),
                });
            }
        }
    }

    /// Takes over another host's lock: the first press says whose it is
    /// and asks again, the second takes it.
    pub(super) fn take_over_lock(&mut self, armed: bool) {
        let lang = self.lang;
        let Some(s) = &mut self.session else { return };
        let Some(h) = s.foreign.clone() else {
            self.message = Some((lang.t(&crate::labels::NO_LOCK_TO_TAKE_OVER).into(), false));
            return;
        };
        if !armed {
            self.take_over_armed = true;
            self.message = Some((
                format!(
                    "{} {} @ {} ({}) {}",
                    lang.t(&crate::labels::PRESS_T_AGAIN_TO_TAKE_OVER_THE_LOCK),
                    crate::text::clean(&h.reviewer),
                    crate::text::clean(&h.host),
                    crate::clock::minute(&h.since),
                    lang.t(&crate::labels::ONLY_IF_THAT_SESSION_IS_GONE_SHOULD)
                ),
                true,
            ));
            return;
        }
        self.message = Some(match s.take_over() {
            Ok(m) => (m, false),
            Err(m) => (m, true),
        });
    }

    /// Marks the review done (refused, saying why, while items are missing),
    /// or back to in progress.
    pub(super) fn toggle_done(&mut self) {
        let lang = self.lang;
        let Some(v) = &self.view else { return };
        let report = v.report;
        let (status, missing) = match self.current_review() {
            None => (
                Status::InProgress,
                vec![("尚未开始复核".to_string(), "nothing reviewed yet".to_string())],
            ),
            Some(r) => {
                let mut lines = self.score_lines(report, None);
                for i in 0..self.slots[report].file.report.project_forms.len() {
                    lines.extend(self.score_lines(report, Some(i)));
                }
                (r.status, r.missing_for_done(self.flags_of(report), &lines))
            }
        };
        if status == Status::Done {
            self.apply(Change::Status {
                old: Status::Done,
                new: Status::InProgress,
            });
            return;
        }
        if !missing.is_empty() {
            let why: Vec<&str> = missing.iter().map(|(zh, en)| lang.pick(zh, en)).collect();
            self.message = Some((
                format!("{}{}", lang.t(&crate::labels::CANNOT_MARK_DONE), why.join("；")),
                true,
            ));
            return;
        }
        self.apply(Change::Status {
            old: Status::InProgress,
            new: Status::Done,
        });
        self.close_popups();
    }
}

/// A folder as typed: a leading `~` is the home folder, as in a shell.
fn typed_folder(typed: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    match typed.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => match home() {
            Some(h) => h.join(rest.trim_start_matches('/')),
            None => PathBuf::from(typed),
        },
        _ => PathBuf::from(typed),
    }
}
