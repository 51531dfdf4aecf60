//! Finding things inside an open report: `/` searches the rows of the
//! current view (findings, funds, indicators, expense lines, narrative),
//! n / N move between hits, and on the findings tab a key narrows the list
//! to the undecided, confirmed or set-aside findings, or the errors. Both
//! show in the title as chips, and Esc clears them before it leaves the
//! report.

use super::views::ViewRow;
use super::{App, Tab};
use crate::checks::{Flag, Severity};
use crate::review::{Decision, Review};

/// Which findings the findings tab shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    #[default]
    All,
    Undecided,
    Confirmed,
    SetAside,
    Errors,
}

impl Shown {
    /// The next set, in the order the key cycles through them.
    pub fn next(self) -> Shown {
        match self {
            Shown::All => Shown::Undecided,
            Shown::Undecided => Shown::Confirmed,
            Shown::Confirmed => Shown::SetAside,
            Shown::SetAside => Shown::Errors,
            Shown::Errors => Shown::All,
        }
    }

    pub fn label(self, lang: crate::labels::Lang) -> &'static str {
        match self {
            Shown::All => lang.t(&crate::labels::SHOWN_ALL),
            Shown::Undecided => lang.t(&crate::labels::UNDECIDED),
            Shown::Confirmed => lang.t(&crate::labels::CONFIRMED),
            Shown::SetAside => lang.t(&crate::labels::K_DISMISS),
            Shown::Errors => lang.t(&crate::labels::ERRORS_ONLY),
        }
    }

    /// Whether a finding is in the set, given the review's decisions.
    pub fn keeps(self, f: &Flag, review: Option<&Review>) -> bool {
        let decided = review.and_then(|r| r.decision(f)).map(|d| d.decision);
        match self {
            Shown::All => true,
            Shown::Undecided => decided.is_none(),
            Shown::Confirmed => decided == Some(Decision::Confirmed),
            Shown::SetAside => decided == Some(Decision::Dismissed),
            Shown::Errors => f.severity == Severity::Error,
        }
    }
}

/// Whether a row holds every word of a search, ignoring case.
pub fn row_matches(row: &ViewRow, words: &[String]) -> bool {
    if words.is_empty() || !row.selectable() {
        return false;
    }
    let mut text: String = row.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
    if let Some(d) = &row.detail {
        text.push(' ');
        text.push_str(d);
    }
    let text = text.to_lowercase();
    words.iter().all(|w| text.contains(w.as_str()))
}

/// A search's words, lower-cased.
pub fn words(q: &str) -> Vec<String> {
    q.split_whitespace().map(str::to_lowercase).collect()
}

impl App {
    /// The rows of the current view that match its search.
    pub fn hits(&self) -> Vec<usize> {
        let Some(v) = &self.view else { return Vec::new() };
        let w = words(&v.find);
        v.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| row_matches(r, &w))
            .map(|(i, _)| i)
            .collect()
    }

    /// Moves to the next (or previous) hit of the search, wrapping; from
    /// the selected row itself when `here` (as the search is typed).
    pub(super) fn next_hit(&mut self, forward: bool, here: bool) {
        let hits = self.hits();
        let Some(v) = &mut self.view else { return };
        let cur = v.selected[v.tab.index()];
        let next = if forward {
            hits.iter()
                .find(|&&i| if here { i >= cur } else { i > cur })
                .or(hits.first())
        } else {
            hits.iter().rev().find(|&&i| i < cur).or(hits.last())
        };
        match next {
            Some(&i) => v.selected[v.tab.index()] = i,
            None if !v.find.trim().is_empty() => {
                self.message = Some((self.lang.t(&crate::labels::NO_HITS).into(), false));
            }
            None => {}
        }
    }

    /// Esc in a report clears a search, then a narrowed findings list; only
    /// then does it leave. True when it cleared something.
    pub(super) fn clear_innermost(&mut self) -> bool {
        let Some(v) = &mut self.view else { return false };
        if !v.find.is_empty() {
            v.find.clear();
            return true;
        }
        if v.shown != Shown::All {
            v.shown = Shown::All;
            self.refresh_rows();
            self.select_first_data_row_if_needed();
            return true;
        }
        false
    }

    /// Keeps the selection on a row that exists and can be selected.
    fn select_first_data_row_if_needed(&mut self) {
        let Some(v) = &mut self.view else { return };
        let sel = v.selected[v.tab.index()];
        if !v.rows.get(sel).is_some_and(ViewRow::selectable) {
            v.selected[v.tab.index()] = v.rows.iter().position(ViewRow::selectable).unwrap_or(0);
        }
    }

    /// Cycles the findings tab through all / undecided / confirmed / set
    /// aside / errors only (going to the tab first).
    pub(super) fn cycle_shown(&mut self) {
        let Some(v) = &mut self.view else { return };
        if v.tab != Tab::Flags {
            self.set_tab(Tab::Flags);
            return;
        }
        v.shown = v.shown.next();
        self.refresh_rows();
        self.select_first_data_row_if_needed();
    }
}
