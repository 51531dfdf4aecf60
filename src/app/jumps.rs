//! The jump list, as in vim (Ctrl-o / Ctrl-i) and hledger-ui's history:
//! every jump — list → report, finding → its cell and back, lookup → an
//! expense line — remembers where the auditor was, and a key goes back
//! there, then forward again.

use super::{App, Tab};

/// A place the auditor can come back to.
#[derive(Debug, Clone, PartialEq)]
pub enum Spot {
    /// The report list, with this report selected.
    List { report: Option<usize> },
    /// A row of a tab of an open report.
    Report { report: usize, tab: Tab, row: usize },
}

/// How many places are remembered; older ones are forgotten.
const DEPTH: usize = 100;

impl App {
    /// Where the auditor is now.
    pub fn here(&self) -> Spot {
        match &self.view {
            Some(v) => Spot::Report {
                report: v.report,
                tab: v.tab,
                row: v.selected[v.tab.index()],
            },
            None => Spot::List { report: self.current() },
        }
    }

    /// Remembers the current place before a jump; a new jump forgets the
    /// places ahead, as in vim.
    pub(super) fn remember_jump(&mut self) {
        let here = self.here();
        if self.jumps.last() != Some(&here) {
            self.jumps.push(here);
        }
        if self.jumps.len() > DEPTH {
            self.jumps.remove(0);
        }
        self.jumps_ahead.clear();
    }

    /// Whether going back leaves the open report for the list (the same
    /// questions as Esc are asked first about unsaved work).
    pub(super) fn jump_back_leaves_report(&self) -> bool {
        self.view.is_some() && matches!(self.jumps.last(), Some(Spot::List { .. }))
    }

    /// Goes back to the last place; false when there is none.
    pub(super) fn jump_back(&mut self) -> bool {
        let Some(to) = self.jumps.pop() else { return false };
        let here = self.here();
        self.jumps_ahead.push(here);
        self.go(to);
        true
    }

    /// Goes forward again after going back; false when there is nothing
    /// ahead.
    pub(super) fn jump_forward(&mut self) -> bool {
        let Some(to) = self.jumps_ahead.pop() else { return false };
        let here = self.here();
        self.jumps.push(here);
        self.go(to);
        true
    }

    /// The jump-back key: the last place; with none, up a level from a
    /// report (as Backspace always did), else a word on the status line.
    pub(super) fn go_back(&mut self, in_report: bool) {
        if !self.jump_back() {
            if in_report {
                self.close_report();
            } else {
                self.message = Some((self.lang.t(&crate::labels::NO_JUMP_BACK).into(), false));
            }
        }
    }

    /// The jump-forward key.
    pub(super) fn go_forward(&mut self) {
        if !self.jump_forward() {
            self.message = Some((self.lang.t(&crate::labels::NO_JUMP_AHEAD).into(), false));
        }
    }

    fn go(&mut self, to: Spot) {
        match to {
            Spot::List { report } => {
                if self.view.is_some() {
                    self.close_report();
                }
                if let Some(pos) = report.and_then(|r| self.list.visible.iter().position(|v| *v == r)) {
                    self.list.selected = pos;
                    self.list.moved = true;
                }
            }
            Spot::Report { report, tab, row } => {
                if self.view.as_ref().is_some_and(|v| v.report != report) {
                    self.close_report();
                }
                if self.view.is_none() {
                    self.open(report);
                    if self.view.is_none() {
                        return;
                    }
                }
                self.set_tab(tab);
                if let Some(v) = &mut self.view {
                    v.selected[tab.index()] = row.min(v.rows.len().saturating_sub(1));
                }
            }
        }
    }
}
