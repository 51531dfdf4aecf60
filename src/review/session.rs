//! The review of the open report: its file, its lock, undo and redo, and
//! what the status line says about saving. Every change is saved at once;
//! a conflict, an unreadable file or a lock held by someone else makes the
//! session read-only until the auditor decides, and nothing is lost. When
//! the workspace cannot be written the review is kept outside it: in the
//! rescue folder, or in a folder the auditor chose.

use crate::labels::Lang;
pub use crate::paths::{default_folder, kept_path, rescue_path};
use crate::review::lock::{self, Lock, LockError};
use crate::review::store::{self, OnDisk, SaveError, Store};
use crate::review::{Change, Review};
use crate::workspace::LoadedReport;
use std::path::{Path, PathBuf};

/// What the status line shows about the review file.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing changed yet in this session.
    Clean,
    Saved(String),
    /// Saved, at this time, in the folder chosen instead of the workspace.
    SavedTo(String, PathBuf),
    Failed(String),
}

/// A save that could not write the workspace, kept for the interface: the
/// first one of a run opens the offer of another folder.
#[derive(Debug, Clone, PartialEq)]
pub struct IoFailure {
    /// Why, as the system said it.
    pub error: String,
    /// Where the review was kept instead; None when that failed too.
    pub rescued: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Session {
    pub report: usize,
    pub report_id: String,
    pub report_file: String,
    pub report_sha256: String,
    pub reviewer: String,
    pub store: Store,
    pub review: Option<Review>,
    /// Why changes are refused (lock held elsewhere, invalid file).
    pub read_only: Option<String>,
    /// The other version, when a save found the file changed on disk.
    pub conflict: Option<OnDisk>,
    pub save_state: SaveState,
    undo: Vec<Change>,
    redo: Vec<Change>,
    _lock: Option<Lock>,
    root: PathBuf,
    /// Told once: a stale lock was taken over.
    pub notice: Option<String>,
    /// A holder on another host named in the lock file: the session is
    /// read-only until the auditor takes the lock over ([`Session::take_over`]).
    pub foreign: Option<lock::Holder>,
    /// fuhe's own data folder, which holds the rescue folder; None without
    /// a home folder.
    pub data_dir: Option<PathBuf>,
    /// The folder chosen for this workspace's reviews because the workspace
    /// cannot be written: saves go there and the workspace is not tried.
    pub folder: Option<PathBuf>,
    /// The last failure to write the workspace, until the interface takes it.
    pub io_failure: Option<IoFailure>,
    /// Where the last save went when the workspace could not be written and
    /// the review was kept in the rescue folder instead; None once a save
    /// reaches the workspace (or the chosen folder).
    pub only_rescued: Option<PathBuf>,
    /// Copies outside the workspace already taken into `review`: a copy an
    /// earlier run left is read before this session first overwrites it.
    taken_in: Vec<PathBuf>,
    /// For the messages this session puts on the status line.
    lang: Lang,
}

/// The review file's state as the list shows it, without opening a session.
pub fn peek(root: &Path, id: &str) -> OnDisk {
    store::read(&store::review_path(root, id)).0
}

impl Session {
    pub fn open(root: &Path, index: usize, r: &LoadedReport, reviewer: &str, lang: Lang) -> Session {
        let path = store::review_path(root, &r.id);
        let (store, disk) = Store::open(path);
        let report_file = r.path.strip_prefix(root).unwrap_or(&r.path).display().to_string();
        let mut s = Session {
            report: index,
            report_id: r.id.clone(),
            report_file,
            report_sha256: r.sha256.clone(),
            reviewer: reviewer.to_string(),
            store,
            review: None,
            read_only: None,
            conflict: None,
            save_state: SaveState::Clean,
            undo: Vec::new(),
            redo: Vec::new(),
            _lock: None,
            foreign: None,
            root: root.to_path_buf(),
            notice: None,
            data_dir: crate::workspace::data_dir().ok(),
            folder: None,
            io_failure: None,
            only_rescued: None,
            taken_in: Vec::new(),
            lang,
        };
        match disk {
            // Written by a newer fuhe: shown, never written back by this one.
            OnDisk::Valid(rv) if rv.fuhe_review > crate::review::REVIEW_FORMAT => {
                s.read_only = Some(format!(
                    "{} {} — {}",
                    lang.t(&crate::labels::REVIEW_FILE_FORMAT),
                    rv.fuhe_review,
                    lang.t(&crate::labels::WRITTEN_BY_A_NEWER_FUHE_OPENED_READ)
                ));
                s.review = Some(*rv);
            }
            // Another report's review under this name: left alone.
            OnDisk::Valid(rv) if rv.report_id != r.id => {
                s.read_only = Some(format!(
                    "{} “{}” — {}",
                    lang.t(&crate::labels::THE_REVIEW_FILE_BELONGS_TO_REPORT),
                    crate::text::clean(&rv.report_id),
                    lang.t(&crate::labels::LEFT_AS_IT_IS_MOVE_IT_AWAY)
                ));
            }
            OnDisk::Valid(rv) => s.review = Some(*rv),
            OnDisk::Missing => {}
            OnDisk::Invalid(m) => {
                s.read_only = Some(format!(
                    "{m} — {}",
                    lang.t(&crate::labels::THE_REVIEW_FILE_IS_NOT_VALID_IT_IS)
                ));
            }
        }
        match lock::acquire(&lock::lock_path(root, &r.id), reviewer) {
            Ok(l) => {
                if let Some(h) = &l.took_over {
                    s.notice = Some(format!(
                        "{} {} ({}, pid {})",
                        lang.t(&crate::labels::TOOK_OVER_A_STALE_LOCK_OF),
                        h.reviewer,
                        h.host,
                        h.pid
                    ));
                }
                s._lock = Some(l);
            }
            Err(LockError::Held(h)) => {
                s.read_only = Some(format!(
                    "{} {} @ {} (pid {}) {} {}; {}",
                    lang.t(&crate::labels::HELD_BY),
                    crate::text::clean(&h.reviewer),
                    crate::text::clean(&h.host),
                    h.pid,
                    lang.t(&crate::labels::SINCE),
                    crate::clock::minute(&h.since),
                    lang.t(&crate::labels::READ_ONLY),
                ));
            }
            // A review file that is itself the problem keeps the session
            // read-only whatever the lock: taking the lock over cannot help.
            Err(LockError::Foreign(h)) if s.read_only.is_some() => {
                let why = s.read_only.take().unwrap_or_default();
                s.read_only = Some(format!(
                    "{why}; {} {} @ {}",
                    lang.t(&crate::labels::HELD_ON_ANOTHER_HOST_BY),
                    crate::text::clean(&h.reviewer),
                    crate::text::clean(&h.host)
                ));
            }
            Err(LockError::Foreign(h)) => {
                s.read_only = Some(format!(
                    "{} {} @ {} (pid {}) {} {}; {}",
                    lang.t(&crate::labels::HELD_ON_ANOTHER_HOST_BY),
                    crate::text::clean(&h.reviewer),
                    crate::text::clean(&h.host),
                    h.pid,
                    lang.t(&crate::labels::SINCE),
                    crate::clock::minute(&h.since),
                    lang.t(&crate::labels::READ_ONLY_IF_THAT_SESSION_IS_GONE),
                ));
                s.foreign = Some(h);
            }
            Err(LockError::Io(m)) => {
                // The workspace cannot be written: work on without a lock;
                // saves then go to the rescue folder (see `save`).
                s.notice = Some(format!(
                    "{}: {m}",
                    lang.t(&crate::labels::CANNOT_TAKE_THE_LOCK_THE_WORKSPACE)
                ));
            }
        }
        s
    }

    /// Takes over the lock of the other host's holder the auditor was
    /// shown: the session becomes writable (unless the review file itself
    /// is what keeps it read-only). A save still never overwrites what that
    /// session may have written since: a conflict is shown as always.
    pub fn take_over(&mut self) -> Result<String, String> {
        let Some(h) = self.foreign.clone() else {
            return Err(self.lang.t(&crate::labels::NO_LOCK_TO_TAKE_OVER).into());
        };
        match lock::acquire_over(&lock::lock_path(&self.root, &self.report_id), &self.reviewer, &h) {
            Ok(l) => {
                self._lock = Some(l);
                self.foreign = None;
                self.read_only = None;
                Ok(format!(
                    "{} {} @ {}",
                    self.lang.t(&crate::labels::TOOK_OVER_THE_LOCK_OF),
                    crate::text::clean(&h.reviewer),
                    crate::text::clean(&h.host)
                ))
            }
            Err(LockError::Held(x) | LockError::Foreign(x)) => Err(format!(
                "{} {} @ {}",
                self.lang.t(&crate::labels::NOT_TAKEN_OVER_THE_LOCK_IS_NOW_HELD),
                crate::text::clean(&x.reviewer),
                crate::text::clean(&x.host)
            )),
            Err(LockError::Io(m)) => Err(m),
        }
    }

    /// Whether the review was made of an older version of the report.
    pub fn stale(&self) -> bool {
        self.review
            .as_ref()
            .is_some_and(|r| r.report_sha256 != self.report_sha256)
    }

    /// What changed in the report since the review's version.
    pub fn changes_since_review(&self, current: &crate::model::Report) -> Option<Vec<crate::review::diff::Difference>> {
        if !self.stale() {
            return None;
        }
        let old = std::fs::read(store::snapshot_path(&self.root, &self.report_id)).ok()?;
        let old: serde_json::Value = serde_json::from_slice(&old).ok()?;
        let new = serde_json::to_value(current).ok()?;
        Some(crate::review::diff::diff(&old, &new))
    }

    /// Applies a change and saves. Returns an error message for the status
    /// line when the change was refused.
    pub fn change(&mut self, c: Change, current: &crate::model::Report) -> Result<(), String> {
        self.do_change(&c, current)?;
        self.undo.push(c);
        self.redo.clear();
        Ok(())
    }

    fn do_change(&mut self, c: &Change, current: &crate::model::Report) -> Result<(), String> {
        if let Some(why) = &self.read_only {
            return Err(why.clone());
        }
        if self.conflict.is_some() {
            return Err(self.lang.t(&crate::labels::RESOLVE_THE_CONFLICT_FIRST_KEEP_MINE).into());
        }
        let creating = self.review.is_none();
        let review = self.review.get_or_insert_with(|| {
            Review::new(&self.report_id, &self.report_file, &self.report_sha256, &self.reviewer)
        });
        review.apply(c, &self.reviewer);
        if creating {
            // Keep the report as reviewed, to show what changes later.
            let snap = store::snapshot_path(&self.root, &self.report_id);
            if let Ok(bytes) = serde_json::to_vec_pretty(current) {
                let _ = crate::atomic::write_atomic(&snap, &bytes, || Ok(()));
            }
        }
        self.save();
        Ok(())
    }

    /// Saves the review now; the result goes to the status line.
    pub fn save(&mut self) {
        let Some(review) = &self.review else { return };
        let Some(folder) = self.folder.clone() else {
            let result = self.store.save(review);
            return self.settle(result);
        };
        let path = kept_path(&folder, &self.report_id);
        match self.write_kept(&path) {
            Ok(()) => self.save_state = SaveState::SavedTo(crate::review::now(), folder),
            Err(e) => self.settle(Err(SaveError::Io(format!("{}: {e}", path.display())))),
        }
    }

    /// Records how a save went. When the workspace (or the chosen folder)
    /// cannot be written the review is kept in the rescue folder at once, so
    /// nothing is lost even if the auditor quits right away.
    fn settle(&mut self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                self.only_rescued = None;
                self.save_state = SaveState::Saved(crate::review::now())
            }
            Err(SaveError::Conflict { theirs }) => {
                self.conflict = Some(theirs);
                self.save_state =
                    SaveState::Failed(self.lang.t(&crate::labels::CONFLICT_THE_REVIEW_FILE_WAS_CHANGED).into());
            }
            Err(SaveError::Io(m)) => {
                let rescued = self.rescue();
                self.only_rescued = rescued.clone();
                self.save_state = SaveState::Failed(match &rescued {
                    Some(p) => format!(
                        "{m}; {} {} — {}",
                        self.lang.t(&crate::labels::SAVED_INSTEAD_TO),
                        p.display(),
                        self.lang.t(&crate::labels::NOTHING_LOST_SHORT)
                    ),
                    None => format!(
                        "{m}; {}",
                        self.lang.t(&crate::labels::COULD_NOT_SAVE_ANYWHERE_ELSE_EITHER)
                    ),
                });
                // The popup names the folder itself; the system's words suffice.
                let prefix = format!("{}: ", self.store.path.display());
                let error = m.strip_prefix(&prefix).unwrap_or(&m).to_string();
                self.io_failure = Some(IoFailure { error, rescued });
            }
            Err(e) => self.save_state = SaveState::Failed(e.to_string()),
        }
    }

    /// Where this review goes in the rescue folder; None without a data folder.
    pub fn rescue_path(&self) -> Option<PathBuf> {
        Some(rescue_path(self.data_dir.as_ref()?, &self.root, &self.report_id))
    }

    fn rescue(&mut self) -> Option<PathBuf> {
        let path = self.rescue_path()?;
        self.write_kept(&path).ok()?;
        Some(path)
    }

    /// Writes the review to a copy outside the workspace, atomically, after
    /// taking in what an earlier run may have left there.
    fn write_kept(&mut self, path: &Path) -> std::io::Result<()> {
        if !self.taken_in.iter().any(|p| p == path) {
            self.take_in(path).map_err(std::io::Error::other)?;
        }
        let review = self.review.as_ref().ok_or_else(|| std::io::Error::other("no review"))?;
        let mut bytes = serde_json::to_vec_pretty(review)?;
        bytes.push(b'\n');
        crate::atomic::write_atomic(path, &bytes, || Ok(()))
    }

    /// Takes in the copy of this review kept at `path` outside the
    /// workspace (by this run or an earlier one). The later version wins
    /// whole; when this session's is later, the copy's notes, decisions and
    /// scores are merged in, so overwriting the copy loses nothing. A file
    /// there that is not a review of this report is refused: it is not ours
    /// to overwrite.
    pub fn take_in(&mut self, path: &Path) -> Result<(), String> {
        match store::read(path).0 {
            OnDisk::Missing => {}
            OnDisk::Invalid(m) => return Err(format!("{m}; the file is not overwritten")),
            OnDisk::Valid(kept) if kept.report_id != self.report_id => {
                return Err(format!(
                    "{}: a review of {}, not of {}; the file is not overwritten",
                    path.display(),
                    kept.report_id,
                    self.report_id
                ));
            }
            OnDisk::Valid(kept) => {
                self.review = Some(match self.review.take() {
                    Some(mine) if crate::clock::earlier(&kept.updated, &mine.updated) => merge(*kept, mine),
                    _ => *kept,
                });
            }
        }
        self.taken_in.push(path.to_path_buf());
        Ok(())
    }

    pub fn undo(&mut self, current: &crate::model::Report) -> Result<bool, String> {
        let Some(c) = self.undo.pop() else { return Ok(false) };
        match self.do_change(&c.inverse(), current) {
            Ok(()) => {
                self.redo.push(c);
                Ok(true)
            }
            Err(e) => {
                self.undo.push(c);
                Err(e)
            }
        }
    }

    pub fn redo(&mut self, current: &crate::model::Report) -> Result<bool, String> {
        let Some(c) = self.redo.pop() else { return Ok(false) };
        match self.do_change(&c, current) {
            Ok(()) => {
                self.undo.push(c);
                Ok(true)
            }
            Err(e) => {
                self.redo.push(c);
                Err(e)
            }
        }
    }

    /// Conflict: keep this session's version (overwrite the other).
    /// Conflict: this session's version wins wherever both have something
    /// for the same item; what only the other has (a note on another item)
    /// and the other's history are kept — nobody's work is deleted.
    pub fn keep_mine(&mut self) {
        self.conflict = None;
        let Some(mine) = self.review.take() else { return };
        let joined = match self.store.reload() {
            OnDisk::Valid(theirs) => join(*theirs, mine, true),
            _ => mine,
        };
        let result = self.store.overwrite(&joined);
        self.review = Some(joined);
        self.settle(result);
    }

    /// Conflict: take the version on disk, dropping this session's.
    pub fn take_theirs(&mut self) {
        self.conflict = None;
        match self.store.reload() {
            OnDisk::Valid(r) => {
                self.review = Some(*r);
                self.save_state = SaveState::Saved(crate::review::now());
            }
            OnDisk::Missing => self.review = None,
            OnDisk::Invalid(m) => self.read_only = Some(m),
        }
        self.undo.clear();
        self.redo.clear();
    }

    /// Conflict: the version on disk plus this session's annotations,
    /// decisions and scores where the other has none for the same item or an
    /// older one; the histories are joined.
    pub fn merge(&mut self) {
        let theirs = match self.store.reload() {
            OnDisk::Valid(r) => *r,
            _ => return self.keep_mine(),
        };
        self.conflict = None;
        let Some(mine) = self.review.take() else {
            self.review = Some(theirs);
            return;
        };
        self.review = Some(merge(theirs, mine));
        self.save();
    }
}

/// Joins two versions of a review (see [`Session::merge`]): the newer
/// entry wins for each item.
pub fn merge(theirs: Review, mine: Review) -> Review {
    join(theirs, mine, false)
}

/// Joins two versions item by item: for an item both have, mine when
/// `prefer_mine`, else the newer; items only one has are kept; the
/// histories are joined.
fn join(theirs: Review, mine: Review, prefer_mine: bool) -> Review {
    let mut out = theirs;
    for a in mine.annotations {
        match out.annotations.iter_mut().find(|x| x.target == a.target) {
            Some(x) if prefer_mine || crate::clock::earlier(&x.time, &a.time) => *x = a,
            Some(_) => {}
            None => out.annotations.push(a),
        }
    }
    for d in mine.flag_decisions {
        match out.flag_decisions.iter_mut().find(|x| x.flag == d.flag) {
            Some(x) if prefer_mine || crate::clock::earlier(&x.time, &d.time) => *x = d,
            Some(_) => {}
            None => out.flag_decisions.push(d),
        }
    }
    for s in mine.scores {
        match out.scores.iter_mut().find(|x| x.item == s.item) {
            Some(x) if prefer_mine || crate::clock::earlier(&x.time, &s.time) => *x = s,
            Some(_) => {}
            None => out.scores.push(s),
        }
    }
    let newer_opinion = match (&out.opinion.time, &mine.opinion.time) {
        (Some(t), Some(m)) => crate::clock::earlier(t, m),
        (None, Some(_)) => true,
        (_, None) => false,
    };
    if (prefer_mine && mine.opinion.time.is_some()) || newer_opinion {
        out.opinion = mine.opinion;
    }
    let mut history = out.history.clone();
    for h in mine.history {
        if !history
            .iter()
            .any(|x| x.time == h.time && x.who == h.who && x.target == h.target && x.new == h.new)
        {
            history.push(h);
        }
    }
    history.sort_by(|a, b| {
        let t = match (crate::clock::parse(&a.time), crate::clock::parse(&b.time)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => a.time.cmp(&b.time),
        };
        t.then(a.seq.cmp(&b.seq))
    });
    for (i, h) in history.iter_mut().enumerate() {
        h.seq = i as u64 + 1;
    }
    out.history = history;
    if crate::clock::earlier(&out.updated, &mine.updated) {
        out.updated = mine.updated;
    }
    out
}
