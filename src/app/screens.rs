//! The two screens' own keys: the list of reports and an open report. Each
//! handler is called once the popups, the review actions and the keys that
//! work everywhere have had their turn (`App::act`); it returns false for a
//! key it does not take.

use super::*;
use crate::keymap::Action;

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
                    input: Input::with(&self.filter),
                    before: self.filter.clone(),
                });
            }
            // Sort by the column under the cursor; the same column again
            // turns the order round (as VisiData's [ and ] do).
            SortNext => {
                if self.sort == self.column {
                    self.reverse = !self.reverse;
                } else {
                    self.sort = self.column;
                    self.reverse = false;
                }
                self.refresh_list();
            }
            ColumnLeft | ColumnRight => {
                let n = SortColumn::ALL.len();
                let i = SortColumn::ALL.iter().position(|c| *c == self.column).unwrap_or(0);
                let j = if a == ColumnRight { (i + 1) % n } else { (i + n - 1) % n };
                self.column = SortColumn::ALL[j];
            }
            SortReverse => {
                self.reverse = !self.reverse;
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
