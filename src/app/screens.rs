//! The two screens' own keys: the list of reports and an open report. Each
//! handler is called once the popups, the review actions and the keys that
//! work everywhere have had their turn (`App::act`); it returns false for a
//! key it does not take.

use super::*;
use crate::keymap::Action;

/// A key the footer offers: its action, and the word for it where the
/// place gives the action a meaning of its own (Esc clears the list's
/// filter; `/` finds in a report).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub action: Action,
    pub name: Option<&'static crate::labels::L>,
}

impl From<Action> for Hint {
    fn from(action: Action) -> Hint {
        Hint { action, name: None }
    }
}

impl Hint {
    pub fn named(action: Action, name: &'static crate::labels::L) -> Hint {
        Hint {
            action,
            name: Some(name),
        }
    }

    /// Its word in the footer.
    pub fn word(&self, lang: Lang) -> &'static str {
        match self.name {
            Some(l) => lang.t(l),
            None => self.action.short(lang),
        }
    }
}

/// The list of reports as the auditor sees it: which reports show, in what
/// order, and where the cursor is. What each row says comes from the app's
/// slots.
#[derive(Debug, Clone)]
pub struct ListScreen {
    /// Visible report indices (filtered and sorted), and the selection in it.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub sort: SortColumn,
    /// The column cursor: what `SortNext` sorts by.
    pub column: SortColumn,
    pub reverse: bool,
    pub filter: String,
    /// Whether the auditor has moved in the list: until then the selection
    /// stays on the first row while reports arrive and the order settles.
    pub moved: bool,
}

impl ListScreen {
    pub fn new(reports: usize) -> ListScreen {
        ListScreen {
            visible: (0..reports).collect(),
            selected: 0,
            sort: SortColumn::Department,
            column: SortColumn::Department,
            reverse: false,
            filter: String::new(),
            moved: false,
        }
    }

    /// The report under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// What the footer offers on the list.
    pub fn hints(&self) -> Vec<Hint> {
        use Action::*;
        let mut hints: Vec<Hint> = [Open, Search, SortNext, SortReverse, NextFlagged, VoucherLookup, Quit]
            .map(Hint::from)
            .to_vec();
        // With a filter in force, Esc (which clears it) comes first.
        if !self.filter.trim().is_empty() {
            hints.insert(0, Hint::named(Back, &crate::labels::K_CLEAR_FILTER));
        }
        hints
    }
}

/// An open report: its tab, the row selected on each tab, and what the
/// findings tab and the search show.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub report: usize,
    pub tab: Tab,
    /// Selected row per tab.
    pub selected: [usize; 6],
    /// Rows of the current tab.
    pub rows: Vec<ViewRow>,
    /// The search in force (`/`), empty when none.
    pub find: String,
    /// The findings the findings tab shows.
    pub shown: Shown,
    /// The open report's findings by place, for the rows on screen.
    pub flag_index: views::FlagIndex,
}

impl ReportView {
    /// What the footer offers on an open report: another host's lock that
    /// can be taken over is said first; after a jump, the way back gets a
    /// place near the front.
    pub fn hints(&self, locked_elsewhere: bool, after_jump: bool) -> Vec<Hint> {
        use Action::*;
        let mut actions = if self.tab == Tab::Flags {
            vec![
                ConfirmFlag,
                DismissFlag,
                Annotate,
                JumpToFlag,
                Score,
                Opinion,
                Undo,
                Search,
                CycleShown,
                NextTab,
                VoucherLookup,
                Copy,
                Back,
            ]
        } else {
            vec![
                Annotate,
                Score,
                Opinion,
                NextFlagged,
                NextTab,
                Undo,
                Search,
                VoucherLookup,
                Copy,
                Back,
            ]
        };
        if locked_elsewhere {
            actions.insert(0, TakeOverLock);
        }
        if after_jump {
            actions.insert(actions.len().min(4), JumpBack);
        }
        // `/` finds in a report, where on the list it filters; with a search
        // in force, n goes to the next hit.
        let searching = !self.find.trim().is_empty();
        actions
            .into_iter()
            .map(|a| match a {
                Search => Hint::named(Search, &crate::labels::FIND),
                NextFlagged if searching => Hint::named(NextFlagged, &crate::labels::K_NEXT_HIT),
                _ => a.into(),
            })
            .collect()
    }
}

impl App {
    /// The list of reports: open, filter, sort, go to the next report with
    /// findings.
    pub(super) fn on_list(&mut self, a: Action) -> bool {
        use Action::*;
        match a {
            NextFlagged | PrevFlagged => self.next_flagged_report(a == NextFlagged),
            Open => {
                if let Some(r) = self.current() {
                    self.remember_jump();
                    self.open(r);
                }
            }
            Search => {
                self.open_popup(Popup::Filter {
                    input: Input::with(&self.list.filter),
                    before: self.list.filter.clone(),
                });
            }
            // Sort by the column under the cursor; the same column again
            // turns the order round (as VisiData's [ and ] do).
            SortNext => {
                let l = &mut self.list;
                if l.sort == l.column {
                    l.reverse = !l.reverse;
                } else {
                    l.sort = l.column;
                    l.reverse = false;
                }
                self.refresh_list();
            }
            ColumnLeft | ColumnRight => {
                let n = SortColumn::ALL.len();
                let i = SortColumn::ALL.iter().position(|c| *c == self.list.column).unwrap_or(0);
                let j = if a == ColumnRight { (i + 1) % n } else { (i + n - 1) % n };
                self.list.column = SortColumn::ALL[j];
            }
            SortReverse => {
                self.list.reverse = !self.list.reverse;
                self.refresh_list();
            }
            _ => return false,
        }
        true
    }

    /// An open report: its tabs, search, the findings shown, going to a
    /// finding, taking over a lock. (Its review actions are in
    /// `reviewing.rs`.)
    pub(super) fn on_report(&mut self, a: Action, armed_take_over: bool) -> bool {
        use Action::*;
        match a {
            // With a search in force, n / N go from hit to hit.
            NextFlagged | PrevFlagged if self.view.as_ref().is_some_and(|v| !v.find.trim().is_empty()) => {
                self.next_hit(a == NextFlagged, false)
            }
            NextFlagged | PrevFlagged => self.next_flagged_row(a == NextFlagged),
            Search => {
                let before = self.view.as_ref().map(|v| v.find.clone()).unwrap_or_default();
                self.open_popup(Popup::Filter {
                    input: Input::with(&before),
                    before,
                });
            }
            CycleShown => self.cycle_shown(),
            TakeOverLock => self.take_over_lock(armed_take_over),
            NextTab | PrevTab => {
                if let Some(v) = &self.view {
                    let i = v.tab.index();
                    let n = Tab::ALL.len();
                    let next = if a == NextTab { (i + 1) % n } else { (i + n - 1) % n };
                    self.set_tab(Tab::ALL[next]);
                }
            }
            TabOverview => self.set_tab(Tab::Overview),
            TabFunds => self.set_tab(Tab::Funds),
            TabIndicators => self.set_tab(Tab::Indicators),
            TabExpenses => self.set_tab(Tab::Expenses),
            TabNarrative => self.set_tab(Tab::Narrative),
            TabFlags => self.set_tab(Tab::Flags),
            JumpToFlag => self.jump(),
            _ => return false,
        }
        true
    }
}
