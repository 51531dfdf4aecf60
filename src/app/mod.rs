//! The interface's state and what each action does to it — no drawing.
//!
//! The terminal layer ([`crate::tui`]) turns key presses into [`Key`]s,
//! hands them to [`App::handle_key`], and draws whatever state results; so
//! every behaviour here is tested by feeding keys, without a terminal.

pub mod lookup;
mod popups;
mod reviewing;
mod screens;
pub use crate::review::session;
pub use screens::{Hint, ListScreen, ReportView};
mod find;
mod jumps;
pub use find::Shown;
pub use jumps::Spot;
pub mod views;

pub use reviewing::{EditTarget, Elsewhere, FormPurpose, ReviewInfo};

use crate::checks::{CheckConfig, Flag, Severity, check_report, counts};
use crate::item::ItemPath;
use crate::keymap::{Action, Key, KeyCode, Keymap, Lookup, Mode};
use crate::labels::Lang;
use crate::workspace::{LoadError, LoadedReport};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use views::{RowKind, ViewRow};

/// The tabs of a report, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Funds,
    Indicators,
    Expenses,
    Narrative,
    Flags,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Funds,
        Tab::Indicators,
        Tab::Expenses,
        Tab::Narrative,
        Tab::Flags,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Tab::Overview => lang.t(&crate::labels::OVERVIEW),
            Tab::Funds => lang.t(&crate::labels::FUNDS),
            Tab::Indicators => lang.t(&crate::labels::INDICATORS),
            Tab::Expenses => lang.t(&crate::labels::EXPENSES),
            Tab::Narrative => lang.t(&crate::labels::NARRATIVE),
            Tab::Flags => lang.t(&crate::labels::FINDINGS),
        }
    }

    /// The tab that shows an item, from its JSON path.
    pub fn for_path(path: &str) -> Tab {
        let has = |w: &str| path.contains(w);
        if has(".funds") || has(".income") || has(".expenditure") || has(".three_public") || has(".fixed_assets") {
            Tab::Funds
        } else if has(".indicators") || has(".qualitative_goals") {
            Tab::Indicators
        } else if has(".expenses") || has(".expense_total") {
            Tab::Expenses
        } else if has(".narrative") {
            Tab::Narrative
        } else {
            Tab::Overview
        }
    }
}

/// Columns of the report list, for sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Department,
    Year,
    Forms,
    SelfScore,
    Suggested,
    ReviewScore,
    Errors,
    Warnings,
    Status,
}

impl SortColumn {
    pub const ALL: [SortColumn; 9] = [
        SortColumn::Department,
        SortColumn::Year,
        SortColumn::Forms,
        SortColumn::SelfScore,
        SortColumn::Suggested,
        SortColumn::ReviewScore,
        SortColumn::Errors,
        SortColumn::Warnings,
        SortColumn::Status,
    ];
}

/// A one-line text input with a cursor (char index).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Input {
    pub text: String,
    pub cursor: usize,
    /// The text is fuhe's proposal (a suggested score): the first character
    /// typed replaces it rather than joining it — typing 8 over 4.48 gives
    /// 8, not 4.488 — and moving the cursor keeps it to edit.
    pub proposed: bool,
}

impl Input {
    pub fn with(text: &str) -> Input {
        Input {
            text: text.to_string(),
            cursor: text.chars().count(),
            proposed: false,
        }
    }

    /// A proposal the first typed character replaces (see `proposed`).
    pub fn proposal(text: &str) -> Input {
        Input {
            proposed: !text.is_empty(),
            ..Input::with(text)
        }
    }

    fn byte(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(b, _)| b)
    }

    fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Applies an editing key; returns whether the text changed.
    pub fn edit(&mut self, key: Key) -> bool {
        if key.ctrl || key.alt {
            return false;
        }
        if std::mem::take(&mut self.proposed) {
            match key.code {
                // Typing or deleting replaces the proposal as a whole.
                KeyCode::Char(c) if !c.is_control() => self.clear(),
                KeyCode::Backspace | KeyCode::Delete => {
                    self.clear();
                    return true;
                }
                _ => {}
            }
        }
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char(c) if !c.is_control() => {
                let b = self.byte(self.cursor);
                self.text.insert(b, c);
                self.cursor += 1;
                true
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let b = self.byte(self.cursor);
                self.text.remove(b);
                true
            }
            KeyCode::Delete if self.cursor < len => {
                let b = self.byte(self.cursor);
                self.text.remove(b);
                true
            }
            KeyCode::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            KeyCode::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            KeyCode::Home => {
                self.cursor = 0;
                false
            }
            KeyCode::End => {
                self.cursor = len;
                false
            }
            _ => false,
        }
    }

    /// Inserts pasted text (line breaks become spaces).
    pub fn paste(&mut self, s: &str) {
        for c in crate::text::clean(s).chars() {
            self.edit(Key::ch(c));
        }
    }

    /// Editing for multi-line text: Enter is a new line; ↑/↓ move between
    /// lines, keeping the column by display width.
    pub fn edit_multiline(&mut self, key: Key) {
        if key.ctrl || key.alt {
            return;
        }
        match key.code {
            KeyCode::Enter => {
                let b = self.byte(self.cursor);
                self.text.insert(b, '\n');
                self.cursor += 1;
            }
            KeyCode::Up | KeyCode::Down => {
                let chars: Vec<char> = self.text.chars().collect();
                let line_start = |i: usize| chars[..i].iter().rposition(|c| *c == '\n').map_or(0, |p| p + 1);
                let start = line_start(self.cursor);
                let col: usize = chars[start..self.cursor]
                    .iter()
                    .map(|c| crate::text::width(&c.to_string()))
                    .sum();
                let (from, to) = if key.code == KeyCode::Up {
                    if start == 0 {
                        return;
                    }
                    (line_start(start - 1), start - 1)
                } else {
                    let Some(nl) = chars[self.cursor..].iter().position(|c| *c == '\n') else {
                        return;
                    };
                    let from = self.cursor + nl + 1;
                    let to = chars[from..]
                        .iter()
                        .position(|c| *c == '\n')
                        .map_or(chars.len(), |p| from + p);
                    (from, to)
                };
                let mut w = 0;
                let mut pos = from;
                while pos < to {
                    let cw = crate::text::width(&chars[pos].to_string());
                    if w + cw > col {
                        break;
                    }
                    w += cw;
                    pos += 1;
                }
                self.cursor = pos;
            }
            _ => {
                self.edit(key);
            }
        }
    }

    /// Inserts pasted text as it was typed: CR, CRLF and LF are line
    /// breaks (terminals send CR), tabs are kept, control characters and
    /// escape sequences removed.
    pub fn paste_multiline(&mut self, s: &str) {
        for c in crate::text::clean_typed(s).chars() {
            match c {
                '\n' => self.edit_multiline(Key::plain(KeyCode::Enter)),
                // A tab is text here (a typed Tab moves between fields).
                '\t' => {
                    let b = self.byte(self.cursor);
                    self.text.insert(b, '\t');
                    self.cursor += 1;
                }
                c => {
                    self.edit(Key::ch(c));
                }
            }
        }
    }

    /// The text wrapped to `width` columns, and the cursor's (row, column)
    /// in it, by display width: Chinese takes two columns.
    pub fn layout(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(2);
        let mut lines = vec![String::new()];
        let mut w = 0;
        let mut cursor = (0, 0);
        for (i, c) in self.text.chars().enumerate() {
            if i == self.cursor {
                cursor = (lines.len() - 1, w);
            }
            if c == '\n' {
                lines.push(String::new());
                w = 0;
                continue;
            }
            // A tab is shown as one space: raw, a terminal would jump.
            let c = if c == '\t' { ' ' } else { c };
            let cw = crate::text::width(&c.to_string());
            if w + cw > width {
                lines.push(String::new());
                w = 0;
            }
            if let Some(l) = lines.last_mut() {
                l.push(c);
            }
            w += cw;
        }
        if self.cursor >= self.text.chars().count() {
            if w >= width {
                lines.push(String::new());
                w = 0;
            }
            cursor = (lines.len() - 1, w);
        }
        (lines, cursor)
    }

    /// Display columns before the cursor, for placing the terminal cursor.
    pub fn cursor_width(&self) -> usize {
        let b = self.byte(self.cursor);
        crate::text::width(&self.text[..b])
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help {
        scroll: usize,
    },
    Filter {
        input: Input,
        before: String,
    },
    Lookup {
        input: Input,
        results: Vec<usize>,
        selected: usize,
    },
    /// Multi-line text: a note, the opinion, a reason.
    Editor {
        title: String,
        target: EditTarget,
        input: Input,
    },
    /// One-line fields (a score and its reason; a dismissal's reason).
    Form {
        title: String,
        fields: Vec<(String, Input)>,
        focus: usize,
        purpose: FormPurpose,
    },
    /// The score sheet of one form (None: the department form).
    Scores {
        form: Option<usize>,
        selected: usize,
    },
    /// Conclusion, opinion text, mark done.
    Opinion {
        selected: usize,
    },
    /// The review file changed on disk while we worked.
    Conflict,
    /// The workspace cannot be written: the review was rescued, and another
    /// folder is offered for the rest of the run.
    SaveFolder {
        /// Why the save failed, as the system said it.
        error: String,
        /// Where the change was kept already; None when nowhere.
        rescued: Option<PathBuf>,
        input: Input,
        /// Why the folder typed cannot be used.
        problem: Option<String>,
    },
}

/// What drawing learns about the screen and hands back after each frame
/// (drawing itself only reads the app): how many rows a page holds, for
/// Page Up / Page Down, and where each list is scrolled to, so that the
/// next frame moves the view no more than the selection needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Rows a page of the view on screen holds.
    pub page: usize,
    /// First row shown of the list of reports.
    pub list_offset: usize,
    /// First row shown on each tab of the open report.
    pub offsets: [usize; 6],
    /// The most the help can be scrolled.
    pub help_scroll_max: Option<usize>,
}

impl Default for Layout {
    /// Before the first frame a page is ten rows, as it always was.
    fn default() -> Layout {
        Layout {
            page: 10,
            list_offset: 0,
            offsets: [0; 6],
            help_scroll_max: None,
        }
    }
}

impl App {
    /// Takes in what a frame learned (the terminal layer calls this after
    /// drawing). The help's scroll is kept within its lines.
    pub fn learn_layout(&mut self, layout: Layout) {
        if let (Some(max), Some(Popup::Help { scroll })) = (layout.help_scroll_max, &mut self.popup) {
            *scroll = (*scroll).min(max);
        }
        self.layout = layout;
    }

    /// Shows a popup in place of any open ones.
    pub fn open_popup(&mut self, p: Popup) {
        self.close_popups();
        self.push_popup(p);
    }

    /// Shows a popup over the open one, which comes back when it closes.
    pub fn push_popup(&mut self, p: Popup) {
        if matches!(p, Popup::Editor { .. } | Popup::Form { .. }) {
            self.typed = false;
        }
        if let Some(top) = self.popup.take() {
            self.below.push(top);
        }
        self.popup = Some(p);
    }

    /// Whether text typed into an editor or form still open, and not saved,
    /// would go with this action (leaving, jumping away, the lookup, which
    /// replaces every popup).
    fn drops_typing(&self, a: Action) -> bool {
        self.typed
            && matches!(
                a,
                Action::Quit | Action::JumpBack | Action::JumpForward | Action::VoucherLookup
            )
            && (self.below.iter().chain(&self.popup)).any(|p| matches!(p, Popup::Editor { .. } | Popup::Form { .. }))
    }

    /// Closes the top popup; the one under it, if any, is shown again.
    pub fn close_popup(&mut self) {
        self.popup = self.below.pop();
    }

    /// Takes the top popup out to act on it; the one under it is shown.
    /// `push_popup` puts it back as it was.
    pub fn take_popup(&mut self) -> Option<Popup> {
        let top = self.popup.take();
        self.popup = self.below.pop();
        top
    }

    /// Closes every popup.
    pub fn close_popups(&mut self) {
        self.below.clear();
        self.popup = None;
    }
}

/// A form's score sheet as the popup shows it, worked out when the sheet
/// opens or what it rests on changes (the review, the findings), not on
/// every frame it is drawn.
#[derive(Debug, Clone)]
pub struct SheetView {
    /// Report, form, and the review's and the findings' state it was made from.
    key: (usize, Option<usize>, usize, String, usize),
    pub lines: Vec<crate::scoring::ScoreLine>,
    pub sheet: crate::scoring::Sheet,
}

impl App {
    fn sheet_key(&self, report: usize, form: Option<usize>) -> (usize, Option<usize>, usize, String, usize) {
        let review = self
            .current_review()
            .filter(|_| self.view.as_ref().is_some_and(|v| v.report == report));
        (
            report,
            form,
            review.map_or(0, |r| r.history.len()),
            review.map(|r| r.updated.clone()).unwrap_or_default(),
            self.flags_of(report).len(),
        )
    }

    /// The sheet worked out for this report and form, if it is current.
    pub fn sheet_view(&self, report: usize, form: Option<usize>) -> Option<&SheetView> {
        self.sheet_view
            .as_ref()
            .filter(|s| s.key == self.sheet_key(report, form))
    }

    /// Works the open score sheet out again when what it rests on changed.
    pub(super) fn refresh_sheet_view(&mut self) {
        let form = self.below.iter().chain(&self.popup).find_map(|p| match p {
            Popup::Scores { form, .. } => Some(*form),
            _ => None,
        });
        let (Some(form), Some(report)) = (form, self.view.as_ref().map(|v| v.report)) else {
            self.sheet_view = None;
            return;
        };
        if self.sheet_view(report, form).is_some() {
            return;
        }
        let key = self.sheet_key(report, form);
        let lines = self.score_lines(report, form);
        let review = self.current_review().cloned();
        let sheet = self.sheet(report, form, review.as_ref());
        self.sheet_view = Some(SheetView { key, lines, sheet });
    }
}

/// One report of the workspace as the app holds it: everything the list,
/// the summary and an open report need of it, in one place, so nothing can
/// fall out of step.
#[derive(Debug, Clone)]
pub struct Slot {
    /// The report: named after its file until read, then its tables (see
    /// [`Held`]).
    pub file: LoadedReport,
    pub held: Held,
    /// Its findings; None until the background check has got there, and
    /// for a report not open whose check was quick (see `KEEP_FINDINGS`).
    pub flags: Option<Vec<Flag>>,
    /// How many errors, warnings and infos it has; None until checked.
    pub tally: Option<(usize, usize, usize)>,
    /// Its review's state for the list.
    pub review: ReviewInfo,
}

/// How much of a report is held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// Not read yet: a placeholder named after the file.
    Unread(PathBuf),
    /// Read and checked in the background, then kept with only what the
    /// list and the lookup show (see
    /// [`crate::model::Report::keep_list_part`]); read again in full when
    /// opened. Its suggested score was made before, from the whole report.
    Slim,
    /// Read in full (it was opened, or the app was made from read reports).
    Full,
    /// Could not be read: a placeholder that is never reviewed; opening it
    /// tries to read it again and says why it cannot.
    Failed,
}

impl Slot {
    fn new(file: LoadedReport, held: Held) -> Slot {
        Slot {
            file,
            held,
            flags: None,
            tally: None,
            review: ReviewInfo::default(),
        }
    }

    /// Its findings, and their count for the list.
    fn set_flags(&mut self, flags: Vec<Flag>) {
        self.tally = Some(counts(&flags));
        self.flags = Some(flags);
    }

    /// Whether its findings are known (held, or counted and let go).
    pub fn checked(&self) -> bool {
        self.tally.is_some()
    }
}

/// A report not open keeps its findings only when checking it again on
/// opening would keep the auditor waiting. The findings of 10 000 reports
/// took 455 MB; checking a report of ordinary size takes a quarter of a
/// millisecond.
const KEEP_FINDINGS: std::time::Duration = std::time::Duration::from_millis(30);

pub struct App {
    pub root: PathBuf,
    pub bundled: bool,
    /// The workspace's reports, in file order.
    pub slots: Vec<Slot>,
    pub load_errors: Vec<LoadError>,
    pub lang: Lang,
    pub keymap: Keymap,
    pub config: CheckConfig,
    /// The list of reports (see [`ListScreen`]).
    pub list: ListScreen,
    /// The open report, when one is.
    pub view: Option<ReportView>,
    /// The popup on top, which decides the mode and takes the keys.
    pub popup: Option<Popup>,
    /// The popups under it, innermost last: closing the top one brings back
    /// the one it was opened from as it was (the score sheet under a score's
    /// form, the opinion under its text, anything under the help).
    pub below: Vec<Popup>,
    /// Something was typed into the open editor or form since it opened.
    typed: bool,
    pub pending: Vec<Key>,
    /// A message for the status line; `true` when it reports a problem.
    pub message: Option<(String, bool)>,
    /// Text the terminal layer should put on the clipboard (OSC 52).
    pub clipboard: Option<String>,
    pub quit: bool,
    /// Set when leaving was asked about; the same key again leaves.
    pub leave_armed: Option<Action>,
    /// Set when reopening a finished review was asked about; Enter again
    /// reopens it.
    pub reopen_armed: bool,
    /// Set when taking over another host's lock was asked about.
    pub take_over_armed: bool,
    /// Places to go back to (Ctrl-o), and ahead of them after going back.
    pub jumps: Vec<Spot>,
    pub jumps_ahead: Vec<Spot>,
    /// What the last frame learned about the screen (see [`Layout`]).
    pub layout: Layout,
    /// The open score sheet as worked out (see [`SheetView`]).
    pub sheet_view: Option<SheetView>,
    /// A report whose check took longer keeps its findings when not open
    /// (`KEEP_FINDINGS`; tests set it).
    pub keep_findings_over: std::time::Duration,
    index: Option<lookup::VoucherIndex>,
    /// The voucher index being put together from the background readers.
    index_parts: Option<lookup::VoucherIndex>,
    rx: Option<Receiver<Loaded>>,
    /// Who is reviewing (config, --reviewer, else the login name).
    pub reviewer: String,
    /// The review of the open report.
    pub session: Option<session::Session>,
    /// fuhe's own data folder (the rescue folder is in it); None without a
    /// home folder.
    pub data_dir: Option<PathBuf>,
    /// Where reviews go if the workspace cannot be written.
    pub elsewhere: Elsewhere,
}

impl App {
    pub fn new(
        root: PathBuf,
        bundled: bool,
        reports: Vec<LoadedReport>,
        load_errors: Vec<LoadError>,
        lang: Lang,
        keymap: Keymap,
        config: CheckConfig,
    ) -> App {
        let n = reports.len();
        let mut app = App {
            root,
            bundled,
            slots: reports.into_iter().map(|r| Slot::new(r, Held::Full)).collect(),
            load_errors,
            lang,
            keymap,
            config,
            list: ListScreen::new(n),
            view: None,
            popup: None,
            below: Vec::new(),
            typed: false,
            pending: Vec::new(),
            message: None,
            clipboard: None,
            quit: false,
            layout: Layout::default(),
            sheet_view: None,
            keep_findings_over: KEEP_FINDINGS,
            index: None,
            index_parts: None,
            rx: None,
            reviewer: crate::review::login_name(),
            session: None,
            leave_armed: None,
            reopen_armed: false,
            take_over_armed: false,
            jumps: Vec::new(),
            jumps_ahead: Vec::new(),
            data_dir: crate::workspace::data_dir().ok(),
            elsewhere: Elsewhere::NotAsked,
        };
        if let Some(e) = app.load_errors.first() {
            app.message = Some((
                format!(
                    "{} {}: {}",
                    app.load_errors.len(),
                    app.lang.t(&crate::labels::NOT_READ),
                    crate::text::clean(&e.to_string())
                ),
                true,
            ));
        }
        app.refresh_list();
        // Start on the first row as sorted, not on the first file read.
        app.list.selected = 0;
        app.refresh_review_info();
        app
    }

    /// An app over report files not read yet: each row shows its file name
    /// until [`App::start_checks`] has read and checked it in the background.
    pub fn new_lazy(
        root: PathBuf,
        bundled: bool,
        files: Vec<PathBuf>,
        lang: Lang,
        keymap: Keymap,
        config: CheckConfig,
    ) -> App {
        let placeholders: Vec<LoadedReport> = files.iter().map(|p| placeholder(p)).collect();
        let mut app = App::new(root, bundled, placeholders, Vec::new(), lang, keymap, config);
        for (slot, file) in app.slots.iter_mut().zip(files) {
            slot.held = Held::Unread(file);
        }
        app
    }

    /// Reads (when not read yet) and checks every report on background
    /// threads, one per core; results arrive through [`App::poll`], so the
    /// list is drawn at once and fills in.
    pub fn start_checks(&mut self) {
        let jobs: Vec<(usize, Job)> = (self.slots.iter().enumerate())
            .map(|(i, s)| match &s.held {
                Held::Unread(p) => (i, Job::Read(p.clone())),
                _ => (i, Job::Check(Box::new(s.file.report.clone()))),
            })
            .collect();
        let config = self.config.clone();
        let keep_over = self.keep_findings_over;
        self.rx = Some(crate::pool::background(jobs, move |(i, job)| match job {
            Job::Check(r) => Loaded::Checked(*i, check_report(r, &config)),
            Job::Read(p) => match crate::workspace::load_report(p) {
                Ok(mut r) => {
                    let started = std::time::Instant::now();
                    let flags = check_report(&r.report, &config);
                    let slow = started.elapsed() > keep_over;
                    let part = lookup::Part::of(*i, &r);
                    r.report.slim_down();
                    Loaded::Read(*i, Box::new(r), flags, part, slow)
                }
                Err(e) => Loaded::Failed(*i, e),
            },
        }));
    }

    /// Reads a report not read yet, or kept without its narratives, now
    /// (it is being opened). Its findings are worked out again: the file
    /// may have changed since the list was made.
    fn read_now(&mut self, i: usize) -> bool {
        let Some(slot) = self.slots.get(i) else { return false };
        let path = match &slot.held {
            Held::Unread(p) => p.clone(),
            Held::Slim | Held::Failed => slot.file.path.clone(),
            Held::Full => return true,
        };
        match crate::workspace::load_report(&path) {
            Ok(r) => {
                let slot = &mut self.slots[i];
                // The findings the background check made of these very bytes
                // stand; a report still waiting for its check gets them when
                // it arrives (see `poll`), so opening a large report costs a
                // read, not a second check. A file changed since, or one
                // whose quick check's findings were let go, is checked now.
                let same = matches!(slot.held, Held::Slim) && slot.file.sha256 == r.sha256 && slot.flags.is_some();
                let waiting = matches!(slot.held, Held::Unread(_)) && self.rx.is_some();
                if waiting {
                    slot.flags = None;
                    slot.tally = None;
                } else if !same {
                    slot.set_flags(check_report(&r.report, &self.config));
                }
                slot.file = r;
                slot.held = Held::Full;
                self.refresh_review_info_of(i);
                self.refresh_list();
                true
            }
            Err(e) => {
                self.message = Some((crate::text::clean(&e.to_string()), true));
                false
            }
        }
    }

    /// Checks every report now (tests, scripts).
    pub fn check_all(&mut self) {
        // A report kept for the list only was checked whole when it was read.
        for s in self.slots.iter_mut().filter(|s| s.held != Held::Slim) {
            s.set_flags(check_report(&s.file.report, &self.config));
        }
        // The suggested scores rest on the findings.
        self.refresh_review_info();
        self.refresh_list();
        self.refresh_rows();
    }

    /// Takes the background results that have arrived. Returns whether
    /// anything changed (the screen needs drawing).
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.rx else { return false };
        let mut changed = false;
        let mut read = Vec::new();
        let mut let_go = Vec::new();
        loop {
            match rx.try_recv() {
                Ok(Loaded::Checked(i, f)) => {
                    self.slots[i].set_flags(f);
                    read.push(i);
                    changed = true;
                }
                Ok(Loaded::Read(i, r, f, part, slow)) => {
                    // Every report's part, also of one read early because it was opened.
                    self.index_parts.get_or_insert_with(Default::default).append(part);
                    let slot = &mut self.slots[i];
                    if matches!(slot.held, Held::Unread(_)) {
                        slot.file = *r;
                        slot.held = Held::Slim;
                        slot.set_flags(f);
                        read.push(i);
                        if !slow {
                            let_go.push(i);
                        }
                    } else if slot.flags.is_none() {
                        // Opened before its check arrived: these are its
                        // findings if the file is the one opened.
                        let f = if slot.file.sha256 == r.sha256 {
                            f
                        } else {
                            check_report(&slot.file.report, &self.config)
                        };
                        slot.set_flags(f);
                        read.push(i);
                    }
                    changed = true;
                }
                Ok(Loaded::Failed(i, e)) => {
                    let slot = &mut self.slots[i];
                    if matches!(slot.held, Held::Unread(_)) {
                        slot.file.report.department =
                            format!("{}{}", self.lang.t(&crate::labels::NOT_READ_ROW), slot.file.id);
                        slot.held = Held::Failed;
                        slot.set_flags(Vec::new());
                        self.message = Some((crate::text::clean(&e.to_string()), true));
                        self.load_errors.push(e);
                    } else if slot.flags.is_none() {
                        // Opened (read fine then) before the background read failed.
                        let f = check_report(&slot.file.report, &self.config);
                        slot.set_flags(f);
                        read.push(i);
                    }
                    changed = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.rx = None;
                    break;
                }
            }
        }
        if changed {
            for i in read {
                // Scored from the tables it still has, which then go.
                self.refresh_review_info_with(i, true);
                if self.slots[i].held == Held::Slim {
                    self.slots[i].file.report.keep_list_part();
                }
            }
            // The list's figures and the suggested scores are made: a quick
            // check's findings are not kept for a report not open.
            for i in let_go {
                if self.view.as_ref().is_none_or(|v| v.report != i) {
                    self.slots[i].flags = None;
                }
            }
            // The voucher index is put together from the readers' parts;
            // until then a lookup builds one from what has been read.
            if !matches!(self.popup, Some(Popup::Lookup { .. })) {
                if !self.slots.iter().any(|s| matches!(s.held, Held::Unread(_))) {
                    if let Some(mut built) = self.index_parts.take() {
                        built.finish();
                        self.index = Some(built);
                    }
                } else {
                    self.index = None;
                }
            }
            self.refresh_list();
            self.refresh_rows();
        }
        if changed {
            self.refresh_sheet_view();
        }
        changed
    }

    pub fn checking(&self) -> bool {
        self.slots.iter().any(|s| !s.checked())
    }

    /// What the footer offers: the top popup's keys, else the screen's.
    pub fn hints(&self) -> Vec<Hint> {
        match (&self.popup, &self.view) {
            (Some(p), _) => p.hints(),
            (None, Some(v)) => v.hints(
                self.session.as_ref().is_some_and(|s| s.foreign.is_some()),
                matches!(self.jumps.last(), Some(Spot::Report { .. })),
            ),
            (None, None) => self.list.hints(),
        }
    }

    pub fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Help { .. }) => Mode::Help,
            Some(Popup::Editor { .. }) => Mode::Editor,
            Some(Popup::Scores { .. }) => Mode::Score,
            Some(Popup::Opinion { .. }) => Mode::Opinion,
            Some(Popup::Conflict) => Mode::Conflict,
            Some(Popup::SaveFolder { .. }) => Mode::SaveFolder,
            Some(_) => Mode::Input,
            None if self.view.is_some() => Mode::Report,
            None => Mode::List,
        }
    }

    /// A report as held (see [`Slot`]).
    pub fn report(&self, i: usize) -> &LoadedReport {
        &self.slots[i].file
    }

    /// The report shown or selected.
    pub fn current(&self) -> Option<usize> {
        match &self.view {
            Some(v) => Some(v.report),
            None => self.list.current(),
        }
    }

    pub fn flags_of(&self, report: usize) -> &[Flag] {
        self.slots.get(report).and_then(|s| s.flags.as_deref()).unwrap_or(&[])
    }

    /// Handles one key press.
    pub fn handle_key(&mut self, key: Key) {
        let mode = self.mode();
        self.pending.push(key);
        let found = self.keymap.lookup(mode, &self.pending);
        if key.alt && matches!(found, Lookup::None) {
            // Terminals send Alt+x as Esc then x, so an Esc typed just before
            // a key (or joined with it in one SSH packet) arrives as Alt+x.
            // When nothing binds Alt+x, it was meant as Esc then x.
            self.pending.pop();
            self.handle_key(Key::plain(KeyCode::Esc));
            self.handle_key(Key { alt: false, ..key });
            return;
        }
        match found {
            Lookup::Action(a) => {
                self.pending.clear();
                let before = self.list.selected;
                self.act(a);
                if mode == Mode::List && self.list.selected != before {
                    self.list.moved = true;
                }
            }
            Lookup::Pending => {}
            Lookup::None => {
                let keys = std::mem::take(&mut self.pending);
                if keys.len() > 1 {
                    // An unfinished sequence: the last key starts afresh.
                    self.handle_key(key);
                } else if mode.takes_text() {
                    self.edit_input(key);
                }
            }
        }
    }

    /// Text pasted into the terminal (bracketed paste).
    pub fn paste(&mut self, text: &str) {
        let changed = match &mut self.popup {
            Some(Popup::Filter { input, .. }) | Some(Popup::Lookup { input, .. }) => {
                input.paste(text);
                true
            }
            Some(Popup::SaveFolder { input, .. }) => {
                input.paste(text);
                false
            }
            Some(Popup::Editor { input, .. }) => {
                input.paste_multiline(text);
                self.typed = true;
                false
            }
            Some(Popup::Form { fields, focus, .. }) => {
                if let Some((_, i)) = fields.get_mut(*focus) {
                    i.paste(text);
                }
                self.typed = true;
                false
            }
            _ => false,
        };
        if changed {
            self.input_changed();
        }
    }

    fn edit_input(&mut self, key: Key) {
        let changed = match &mut self.popup {
            Some(Popup::Filter { input, .. }) | Some(Popup::Lookup { input, .. }) => input.edit(key),
            Some(Popup::SaveFolder { input, .. }) => {
                input.edit(key);
                false
            }
            Some(Popup::Editor { input, .. }) => {
                input.edit_multiline(key);
                self.typed = true;
                false
            }
            Some(Popup::Form { fields, focus, .. }) => {
                if let Some((_, i)) = fields.get_mut(*focus) {
                    i.edit(key);
                }
                self.typed = true;
                false
            }
            _ => false,
        };
        if changed {
            self.input_changed();
        }
    }

    fn input_changed(&mut self) {
        match &self.popup {
            Some(Popup::Filter { input, .. }) if self.view.is_some() => {
                let text = input.text.clone();
                if let Some(v) = &mut self.view {
                    v.find = text;
                }
                self.next_hit(true, true);
            }
            Some(Popup::Filter { input, .. }) => {
                self.list.filter = input.text.clone();
                self.refresh_list();
            }
            Some(Popup::Lookup { input, .. }) => {
                let q = input.text.clone();
                let results = self.index().query(&q);
                if let Some(Popup::Lookup {
                    results: r, selected, ..
                }) = &mut self.popup
                {
                    *r = results;
                    *selected = 0;
                }
            }
            _ => {}
        }
    }

    fn index(&mut self) -> &lookup::VoucherIndex {
        self.index
            .get_or_insert_with(|| lookup::VoucherIndex::build(self.slots.iter().map(|s| &s.file)))
    }

    pub fn voucher_index(&self) -> Option<&lookup::VoucherIndex> {
        self.index.as_ref()
    }

    /// What would be lost by leaving now, in words, if anything: an open
    /// conflict, a change that could not be saved, or one kept only in the
    /// rescue folder.
    pub fn unsaved_work(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        let lang = self.lang;
        let why = if s.conflict.is_some() {
            lang.t(&crate::labels::A_CONFLICT_WITH_THE_REVIEW_FILE_IS)
        } else if s.only_rescued.is_some() {
            lang.t(&crate::labels::CHANGES_ARE_KEPT_ONLY_IN_THE_RESCUE)
        } else if matches!(s.save_state, session::SaveState::Failed(_)) {
            lang.t(&crate::labels::THE_LAST_CHANGE_COULD_NOT_BE_SAVED)
        } else {
            return None;
        };
        Some(format!(
            "{why}。{}",
            lang.t(&crate::labels::THE_NEXT_CHANGE_TRIES_TO_SAVE_AGAIN)
        ))
    }

    /// Does what an action says.
    pub fn act(&mut self, a: Action) {
        self.act_now(a);
        self.refresh_sheet_view();
    }

    fn act_now(&mut self, a: Action) {
        use Action::*;
        // Armed by the key that asked: that key again goes, any other asks anew.
        let armed = std::mem::take(&mut self.leave_armed) == Some(a);
        let armed_take_over = std::mem::take(&mut self.take_over_armed);
        // Typed text is never dropped unasked: the same key again goes.
        if !armed && self.drops_typing(a) {
            let mut why = self.lang.t(&crate::labels::TYPING_NOT_SAVED).to_string();
            // What else leaving would leave behind is said at once too.
            if let Some(more) = self.unsaved_work().filter(|_| a == Action::Quit) {
                why = format!("{why}；{more}");
            }
            self.message = Some((why, true));
            self.leave_armed = Some(a);
            return;
        }
        if self.act_review(a) {
            return;
        }
        // Leaving with work that is not safely in the workspace asks first:
        // the same key again leaves (the auditor chose to), anything else
        // stays.
        // Esc closes the innermost thing first: a search, a narrowed list.
        if a == Back && self.mode() == Mode::Report && self.clear_innermost() {
            return;
        }
        let leaving = matches!((a, self.mode()), (Quit, _) | (Back, Mode::Report))
            || (a == JumpBack && self.jump_back_leaves_report())
            || (a == JumpBack && self.mode() == Mode::Report && self.jumps.is_empty());
        if leaving
            && !armed
            && let Some(what) = self.unsaved_work()
        {
            self.message = Some((what, true));
            self.leave_armed = Some(a);
            return;
        }
        match (a, self.mode()) {
            (Quit, _) => {
                self.close_report();
                self.quit = true;
            }
            (Help, _) => self.push_popup(Popup::Help { scroll: 0 }),
            (Back, Mode::Report) => self.close_report(),

            (JumpBack, mode) => self.go_back(mode == Mode::Report),
            (JumpForward, _) => self.go_forward(),
            // Esc clears the list's filter: what narrows the list is never
            // left in force unseen.
            (Back, Mode::List) if !self.list.filter.is_empty() => {
                self.list.filter.clear();
                self.refresh_list();
            }
            (Back, _) => {}
            (VoucherLookup, _) => {
                let results = self.index().query("");
                self.open_popup(Popup::Lookup {
                    input: Input::default(),
                    results,
                    selected: 0,
                });
            }
            (Copy, _) => self.copy(),
            (NextRow | PrevRow | PageDown | PageUp | FirstRow | LastRow, mode) => self.move_by(a, mode),
            // The rest belongs to the screen shown (src/app/screens.rs).
            (_, Mode::List) => {
                self.on_list(a);
            }
            (_, Mode::Report) => {
                self.on_report(a, armed_take_over);
            }
            _ => {}
        }
    }

    // ----- the list -----

    /// Recomputes the visible rows from the filter and the sort, keeping the
    /// selected report selected when it is still visible.
    pub fn refresh_list(&mut self) {
        let keep = self.list.visible.get(self.list.selected).copied();
        let matcher = SkimMatcherV2::default();
        let q = self.list.filter.trim();
        let mut rows: Vec<(i64, usize)> = (0..self.slots.len())
            .filter_map(|i| {
                if q.is_empty() {
                    return Some((0, i));
                }
                matcher.fuzzy_match(&self.search_text(i), q).map(|s| (s, i))
            })
            .collect();
        let primary = |i: usize| -> (i64, String) {
            let r = &self.slots[i].file.report;
            let (e, w, _) = self.slots[i].tally.unwrap_or((0, 0, 0));
            let known = self.slots[i].checked();
            match self.list.sort {
                SortColumn::Department => (0, crate::text::pinyin_key(&r.department)),
                SortColumn::Year => (r.year as i64, crate::text::pinyin_key(&r.department)),
                SortColumn::Forms => (r.project_forms.len() as i64, crate::text::pinyin_key(&r.department)),
                SortColumn::SelfScore => (
                    r.department_form
                        .self_score
                        .map_or(-1, |s| (s * rust_decimal::Decimal::from(100)).try_into().unwrap_or(0)),
                    crate::text::pinyin_key(&r.department),
                ),
                SortColumn::Suggested => (
                    self.slots[i]
                        .review
                        .sheet
                        .as_ref()
                        .map_or(-1, |s| hundredths(s.suggested.total)),
                    crate::text::pinyin_key(&r.department),
                ),
                // Unfinished scoring sorts by how far it has got, below
                // every finished one.
                SortColumn::ReviewScore => (
                    self.slots[i].review.sheet.as_ref().map_or(-1, |s| match &s.review {
                        Some(t) => 1_000_000 + hundredths(t.total),
                        None => s.scored as i64,
                    }),
                    crate::text::pinyin_key(&r.department),
                ),
                SortColumn::Status => {
                    let info = &self.slots[i].review;
                    let rank = match info.status {
                        None => 0,
                        Some(crate::review::Status::InProgress) => 1,
                        Some(crate::review::Status::Done) => 2,
                    };
                    (rank, crate::text::pinyin_key(&r.department))
                }
                SortColumn::Errors => (
                    if known { e as i64 } else { -1 },
                    crate::text::pinyin_key(&r.department),
                ),
                SortColumn::Warnings => (
                    if known { w as i64 } else { -1 },
                    crate::text::pinyin_key(&r.department),
                ),
            }
        };
        // Counts and scores read best from the most down; names from A. The
        // direction applies to the column sorted by, never to the names that
        // break its ties (pinyin order, then the file): the order is stable.
        let descending = matches!(
            self.list.sort,
            SortColumn::Errors
                | SortColumn::Warnings
                | SortColumn::SelfScore
                | SortColumn::Suggested
                | SortColumn::ReviewScore
        ) != self.list.reverse;
        let by_name = self.list.sort == SortColumn::Department;
        let key = |i: usize| -> (i64, String, String) {
            let (k, name) = primary(i);
            (if descending { -k } else { k }, name, self.slots[i].file.id.clone())
        };
        if q.is_empty() {
            rows.sort_by_cached_key(|(_, i)| key(*i));
            if by_name && self.list.reverse {
                rows.reverse();
            }
        } else {
            rows.sort_by_key(|(s, i)| (std::cmp::Reverse(*s), *i));
        }
        self.list.visible = rows.into_iter().map(|(_, i)| i).collect();
        self.list.selected = keep
            .filter(|_| self.list.moved || self.view.is_some())
            .and_then(|k| self.list.visible.iter().position(|v| *v == k))
            .unwrap_or(0);
    }

    fn search_text(&self, i: usize) -> String {
        let r = &self.slots[i].file;
        let mut s = format!("{} {} {}", r.report.department, r.report.year, r.id);
        for (pi, p) in r.report.project_forms.iter().enumerate() {
            s.push(' ');
            s.push_str(&p.label(pi));
            for e in &p.expenses {
                if let Some(c) = &e.content {
                    s.push(' ');
                    s.push_str(c);
                }
            }
        }
        s
    }

    fn next_flagged_report(&mut self, forward: bool) {
        let n = self.list.visible.len();
        for step in 1..=n {
            let i = if forward {
                (self.list.selected + step) % n
            } else {
                (self.list.selected + n * 2 - step) % n
            };
            // The count, not the findings: a report not open may have let
            // its findings go once they were counted.
            if self.slots[self.list.visible[i]]
                .tally
                .is_some_and(|(e, w, _)| e + w > 0)
            {
                self.list.selected = i;
                return;
            }
        }
    }

    // ----- a report -----

    pub fn open(&mut self, report: usize) {
        if !self.read_now(report) {
            return;
        }
        self.open_session(report);
        // A report opens scrolled to its top on every tab.
        self.layout.offsets = [0; 6];
        self.view = Some(ReportView {
            report,
            tab: Tab::Overview,
            selected: [0; 6],
            rows: Vec::new(),
            find: String::new(),
            shown: Shown::All,
            flag_index: Default::default(),
        });
        self.refresh_rows();
        self.select_first_data_row();
    }

    /// Opens a report at the row that shows `path`.
    pub fn open_at(&mut self, report: usize, path: &str) {
        self.close_popups();
        if self.view.as_ref().is_none_or(|v| v.report != report) {
            self.open(report);
        }
        if let Some(pos) = self.list.visible.iter().position(|v| *v == report) {
            self.list.selected = pos;
        }
        self.select_path(path);
    }

    fn set_tab(&mut self, tab: Tab) {
        if let Some(v) = &mut self.view {
            v.tab = tab;
        }
        self.refresh_rows();
        let sel = self.view.as_ref().map(|v| v.selected[tab.index()]).unwrap_or(0);
        if self
            .view
            .as_ref()
            .is_some_and(|v| !v.rows.get(sel).is_some_and(ViewRow::selectable))
        {
            self.select_first_data_row();
        }
    }

    /// Rebuilds the current tab's rows (after a tab change or new flags).
    pub fn refresh_rows(&mut self) {
        let Some(v) = &self.view else { return };
        let report = &self.slots[v.report].file.report;
        let lang = self.lang;
        let rows = match v.tab {
            Tab::Overview => {
                let mut rows = views::overview(report, self.slots[v.report].flags.as_deref(), &self.config, lang);
                let at = rows
                    .iter()
                    .skip(1)
                    .position(|r| r.kind == RowKind::Heading)
                    .map_or(rows.len(), |p| p + 1);
                let review = self.review_rows(v.report);
                rows.splice(at..at, review);
                rows
            }
            Tab::Funds => views::funds(report, lang),
            Tab::Indicators => {
                let mut rows = views::indicators(report, lang);
                // The review score beside the self-score, once given.
                if let Some(review) = self
                    .session
                    .as_ref()
                    .filter(|s| s.report == v.report)
                    .and_then(|s| s.review.as_ref())
                {
                    for row in rows.iter_mut().filter(|r| r.cells.len() == 7) {
                        if let Some(score) = row.path.as_deref().and_then(|p| review.score(p)) {
                            row.cells[6].text = score.score.to_string();
                        }
                    }
                }
                rows
            }
            Tab::Expenses => views::expenses(report, lang),
            Tab::Narrative => views::narrative(report, lang),
            Tab::Flags => self.flag_rows(v.report),
        };
        let index = views::FlagIndex::new(self.flags_of(v.report));
        if let Some(v) = &mut self.view {
            v.rows = rows;
            v.flag_index = index;
        }
    }

    fn flag_rows(&self, report: usize) -> Vec<ViewRow> {
        let lang = self.lang;
        let Some(flags) = self.slots[report].flags.as_deref() else {
            return vec![ViewRow {
                kind: RowKind::Heading,
                cells: vec![views::Cell::text(lang.t(&crate::labels::FINDINGS_BEING_CHECKED))],
                path: None,
                detail: None,
            }];
        };
        let mut rows = Vec::new();
        let shown = self.view.as_ref().map_or(Shown::All, |v| v.shown);
        let review = self
            .session
            .as_ref()
            .filter(|s| s.report == report)
            .and_then(|s| s.review.as_ref());
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let group: Vec<&Flag> = flags
                .iter()
                .filter(|f| f.severity == sev && shown.keeps(f, review))
                .collect();
            if group.is_empty() {
                continue;
            }
            rows.push(ViewRow {
                kind: RowKind::Heading,
                cells: vec![views::Cell::text(format!("{} ({})", lang.t(sev.label()), group.len()))],
                path: None,
                detail: None,
            });
            for f in group {
                rows.push(ViewRow {
                    kind: RowKind::Data,
                    cells: vec![
                        views::Cell::text(crate::text::clean(lang.pick(&f.place_zh, &f.place_en))),
                        views::Cell::text(crate::text::clean(lang.pick(&f.message_zh, &f.message_en))),
                    ],
                    path: Some(f.path.clone()),
                    detail: Some(flag_detail(f, lang)),
                });
            }
        }
        if rows.is_empty() {
            let none = if shown == Shown::All {
                lang.t(&crate::labels::NO_FLAGS).to_string()
            } else {
                format!("{}：{}", shown.label(lang), lang.t(&crate::labels::NONE_SHOWN))
            };
            rows.push(ViewRow {
                kind: RowKind::Heading,
                cells: vec![views::Cell::text(none)],
                path: None,
                detail: None,
            });
        }
        rows
    }

    /// The flags that concern a row of the current report.
    pub fn row_flags(&self, row: &ViewRow) -> Vec<&Flag> {
        let Some(v) = &self.view else {
            return Vec::new();
        };
        if v.tab == Tab::Flags {
            return Vec::new();
        }
        let flags = self.flags_of(v.report);
        if v.flag_index.count != flags.len() {
            return flags
                .iter()
                .filter(|f| row.owns(&f.path) || f.related.iter().any(|r| row.owns(r)))
                .collect();
        }
        v.flag_index.of(row).into_iter().filter_map(|i| flags.get(i)).collect()
    }

    pub fn selected_row(&self) -> Option<&ViewRow> {
        let v = self.view.as_ref()?;
        v.rows.get(v.selected[v.tab.index()])
    }

    fn select_first_data_row(&mut self) {
        if let Some(v) = &mut self.view {
            let first = v.rows.iter().position(ViewRow::selectable).unwrap_or(0);
            v.selected[v.tab.index()] = first;
        }
    }

    /// Switches to the tab that shows `path` and selects its row.
    fn select_path(&mut self, path: &str) {
        let tab = Tab::for_path(path);
        self.set_tab(tab);
        let Some(v) = &mut self.view else { return };
        if let Some(pos) = v.rows.iter().position(|r| r.selectable() && r.owns(path)) {
            v.selected[tab.index()] = pos;
        } else {
            self.message = Some((format!("{} {path}", self.lang.t(&crate::labels::NO_ROW_SHOWS)), true));
        }
    }

    fn jump(&mut self) {
        let Some(v) = &self.view else { return };
        let Some(row) = self.selected_row() else {
            return;
        };
        if v.tab == Tab::Flags {
            if let Some(p) = row.path.clone() {
                self.remember_jump();
                self.select_path(&p);
            }
            return;
        }
        // From an item to its first finding on the findings tab.
        let first = self.row_flags(row).first().map(|f| f.key());
        let Some(key) = first else {
            self.message = Some((self.lang.t(&crate::labels::NO_FINDINGS_ON_THIS_ROW).to_string(), false));
            return;
        };
        let report = v.report;
        self.remember_jump();
        self.set_tab(Tab::Flags);
        let flags = self.flags_of(report).to_vec();
        if let Some(v) = &mut self.view {
            let pos = v.rows.iter().position(|r| {
                r.selectable()
                    && flags.iter().any(|f| {
                        f.key() == key
                            && Some(&f.path) == r.path.as_ref()
                            && r.detail.as_deref() == Some(&flag_detail(f, self.lang))
                    })
            });
            if let Some(p) = pos {
                v.selected[Tab::Flags.index()] = p;
            }
        }
    }

    fn next_flagged_row(&mut self, forward: bool) {
        let Some(v) = &self.view else { return };
        let n = v.rows.len();
        let cur = v.selected[v.tab.index()];
        for step in 1..n {
            let i = if forward {
                (cur + step) % n
            } else {
                (cur + n - step) % n
            };
            let row = &v.rows[i];
            if row.selectable() && (v.tab == Tab::Flags || !self.row_flags(row).is_empty()) {
                if let Some(v) = &mut self.view {
                    v.selected[v.tab.index()] = i;
                }
                return;
            }
        }
    }

    fn move_by(&mut self, a: Action, mode: Mode) {
        let page = self.layout.page.max(1);
        let step = |cur: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            match a {
                Action::NextRow => (cur + 1).min(len - 1),
                Action::PrevRow => cur.saturating_sub(1),
                Action::PageDown => (cur + page).min(len - 1),
                Action::PageUp => cur.saturating_sub(page),
                Action::FirstRow => 0,
                _ => len - 1,
            }
        };
        match mode {
            Mode::List => self.list.selected = step(self.list.selected, self.list.visible.len()),
            Mode::Help => {
                if let Some(Popup::Help { scroll }) = &mut self.popup {
                    *scroll = step(*scroll, 1000);
                }
            }
            Mode::Input => match &mut self.popup {
                Some(Popup::Lookup { results, selected, .. }) => *selected = step(*selected, results.len()),
                Some(Popup::Filter { .. }) => self.list.selected = step(self.list.selected, self.list.visible.len()),
                _ => {}
            },
            Mode::Report => {
                let Some(v) = &mut self.view else { return };
                let t = v.tab.index();
                let cur = v.selected[t];
                let mut target = step(cur, v.rows.len());
                // Skip headings in the direction of travel.
                let down = target >= cur;
                while target < v.rows.len() && !v.rows[target].selectable() {
                    if down {
                        if target + 1 >= v.rows.len() {
                            break;
                        }
                        target += 1;
                    } else {
                        if target == 0 {
                            break;
                        }
                        target -= 1;
                    }
                }
                if v.rows.get(target).is_some_and(ViewRow::selectable) {
                    v.selected[t] = target;
                }
            }
            _ => {}
        }
    }

    fn copy(&mut self) {
        let text = match (&self.popup, &self.view) {
            (Some(Popup::Lookup { results, selected, .. }), _) => results
                .get(*selected)
                .and_then(|i| self.index.as_ref().map(|x| x.entry_text(&x.entries[*i]))),
            (_, Some(v)) => {
                let row = self.selected_row();
                match v.tab {
                    Tab::Expenses => {
                        let r = &self.slots[v.report].file.report;
                        row.and_then(|row| row.path.as_deref()).and_then(|p| {
                            r.project_forms.iter().enumerate().find_map(|(pi, pf)| {
                                pf.expenses.iter().enumerate().find_map(|(li, e)| {
                                    (p == crate::item::ItemPath::expense(pi, li).as_str())
                                        .then(|| e.vouchers.as_ref().map(|v| v.raw.clone()))
                                        .flatten()
                                })
                            })
                        })
                    }
                    Tab::Flags => row.and_then(|r| r.detail.clone()),
                    _ => row.map(|r| r.as_text()),
                }
            }
            (_, None) => self.current().map(|i| {
                let r = &self.slots[i].file;
                format!("{} {}\t{}", r.report.department, r.report.year, r.path.display())
            }),
        };
        match text {
            Some(t) if !t.is_empty() => {
                self.message = Some((
                    format!(
                        "{} {}",
                        self.lang.t(&crate::labels::COPIED),
                        crate::text::truncate(&crate::text::clean(&t), 40)
                    ),
                    false,
                ));
                self.clipboard = Some(crate::text::clean_multiline(&t));
            }
            _ => self.message = Some((self.lang.t(&crate::labels::NOTHING_TO_COPY).to_string(), true)),
        }
    }

    /// Count of reports with an error, and of reviewed ones, for the status line.
    pub fn list_summary(&self) -> (usize, usize, usize) {
        let with_errors = (self.slots.iter()).filter(|s| s.tally.is_some_and(|t| t.0 > 0)).count();
        let checked = self.slots.iter().filter(|s| s.checked()).count();
        (self.slots.len(), checked, with_errors)
    }
}

/// What the background readers send back.
enum Loaded {
    Checked(usize, Vec<Flag>),
    /// The report slimmed down, its findings, its vouchers, and whether its
    /// check was slow (its findings are then kept).
    Read(usize, Box<LoadedReport>, Vec<Flag>, lookup::Part, bool),
    Failed(usize, crate::workspace::LoadError),
}

enum Job {
    Check(Box<crate::model::Report>),
    Read(PathBuf),
}

/// A row for a report file not read yet: its file name as department.
/// A score as a whole number of hundredths, for sorting.
fn hundredths(d: rust_decimal::Decimal) -> i64 {
    (d * rust_decimal::Decimal::from(100)).try_into().unwrap_or(0)
}

fn placeholder(path: &std::path::Path) -> LoadedReport {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    LoadedReport {
        id: crate::workspace::sanitize_id(&stem),
        path: path.to_path_buf(),
        report: crate::model::Report {
            fuhe_report: crate::model::REPORT_FORMAT,
            department: stem,
            year: 0,
            department_form: Default::default(),
            project_forms: Vec::new(),
        },
        sha256: String::new(),
    }
}

/// A flag in full, for the detail pane and for copying.
pub fn flag_detail(f: &Flag, lang: Lang) -> String {
    let mut s = format!(
        "{}\n{}",
        crate::text::clean(lang.pick(&f.place_zh, &f.place_en)),
        crate::text::clean(lang.pick(&f.message_zh, &f.message_en))
    );
    if let (Some(e), Some(x)) = (&f.expected, &f.found) {
        s.push_str(&format!(
            "\n{} {} · {} {}",
            lang.t(&crate::labels::EXPECTED),
            crate::text::clean(e),
            lang.t(&crate::labels::FOUND),
            crate::text::clean(x)
        ));
    }
    s.push_str(&format!("\n[{}] {}", f.rule, f.path));
    s
}
