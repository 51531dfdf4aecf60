//! Each popup's own keys: one handler per popup, called for the popup on
//! top (`App::on_popup`) after the checks every change goes through (a
//! finished review, a read-only session). A handler returns false for a
//! key it leaves to the screen under it or to the global keys.

use super::*;
use crate::keymap::Action;
use crate::review::Opinion as ReviewOpinion;
use crate::review::{Annotation, Change, Conclusion, ScoreEntry, Status, now};
use crate::scoring::ScoreLine;

impl Popup {
    /// What the footer offers while this popup is on top.
    pub fn hints(&self) -> Vec<Hint> {
        use Action::*;
        let actions = match self {
            Popup::Scores { .. } => vec![Accept, TakeSuggestion, TakeAllSuggestions, NextTab, Back],
            Popup::Editor { .. } => vec![SaveText, Cancel],
            Popup::Filter { .. } | Popup::Lookup { .. } | Popup::Form { .. } | Popup::SaveFolder { .. } => {
                vec![Accept, Cancel]
            }
            Popup::Help { .. } | Popup::Opinion { .. } => vec![Back],
            // Nothing closes it but a choice, and its three choices are
            // written in it with their keys.
            Popup::Conflict => vec![],
        };
        actions.into_iter().map(Hint::from).collect()
    }
}

impl App {
    /// Hands an action to the popup on top; false when it does not take it.
    pub(super) fn on_popup(&mut self, a: Action) -> bool {
        match &self.popup {
            Some(Popup::Help { .. }) => self.on_help(a),
            Some(Popup::Filter { .. }) => self.on_filter(a),
            Some(Popup::Lookup { .. }) => self.on_lookup(a),
            Some(Popup::Editor { .. }) => self.on_editor(a),
            Some(Popup::Form { .. }) => self.on_form(a),
            Some(Popup::Scores { .. }) => self.on_scores(a),
            Some(Popup::Opinion { .. }) => self.on_opinion(a),
            Some(Popup::Conflict) => self.on_conflict(a),
            Some(Popup::SaveFolder { .. }) => self.on_save_folder(a),
            None => false,
        }
    }

    /// The help: Esc (or the help key again) closes it.
    fn on_help(&mut self, a: Action) -> bool {
        use Action::*;
        match a {
            Back | Cancel | Help => self.close_popup(),
            _ => return false,
        }
        true
    }

    /// The list's filter, or the search in a report (`/`).
    fn on_filter(&mut self, a: Action) -> bool {
        use Action::*;
        match a {
            Cancel => self.cancel_input(),
            Accept => self.accept_input(),
            ClearInput => self.clear_input(),
            _ => return false,
        }
        true
    }

    /// Esc: a filter or search goes back to what was in force before.
    fn cancel_input(&mut self) {
        if let Some(Popup::Filter { before, .. }) = &self.popup {
            match &mut self.view {
                Some(v) => v.find = before.clone(),
                None => {
                    self.list.filter = before.clone();
                    self.refresh_list();
                }
            }
        }
        self.close_popup();
    }

    /// Enter: a filter stays in force; a lookup opens the line it found.
    fn accept_input(&mut self) {
        match self.take_popup() {
            Some(Popup::Lookup { results, selected, .. }) => {
                if let Some(e) = results
                    .get(selected)
                    .and_then(|i| self.index.as_ref().map(|x| x.entries[*i]))
                {
                    self.remember_jump();
                    self.open_at(
                        e.report as usize,
                        ItemPath::expense(e.project as usize, e.line as usize).as_str(),
                    );
                }
            }
            Some(Popup::Filter { .. }) => {}
            Some(other) => self.push_popup(other),
            None => {}
        }
    }

    /// Clears what is typed in the input that has the focus.
    fn clear_input(&mut self) {
        match &mut self.popup {
            Some(Popup::Filter { input, .. } | Popup::Lookup { input, .. }) => *input = Input::default(),
            Some(Popup::Form { fields, focus, .. }) => {
                if let Some((_, i)) = fields.get_mut(*focus) {
                    *i = Input::default();
                }
            }
            _ => {}
        }
        self.input_changed();
    }

    /// The multi-line editor (a note, the opinion's text): save or cancel.
    fn on_editor(&mut self, a: Action) -> bool {
        use Action::*;
        match a {
            SaveText => {
                // The editor closes; the opinion it was opened from, if any,
                // is shown again.
                let Some(Popup::Editor { target, input, .. }) = self.take_popup() else {
                    return true;
                };
                let text = input.text.trim_end().to_string();
                match target {
                    EditTarget::Annotation(t) => {
                        let old = self.note(&t).cloned();
                        let new = (!text.trim().is_empty()).then(|| Annotation {
                            target: t.clone(),
                            text,
                            author: self.reviewer.clone(),
                            time: now(),
                        });
                        if old.as_ref().map(|o| &o.text) != new.as_ref().map(|n| &n.text) {
                            self.apply(Change::Annotation { target: t, old, new });
                        }
                    }
                    EditTarget::OpinionText => {
                        let old = self.review_or_new_opinion();
                        let new = ReviewOpinion {
                            text: (!text.trim().is_empty()).then_some(text),
                            author: Some(self.reviewer.clone()),
                            time: Some(now()),
                            ..old.clone()
                        };
                        // The opinion it was opened from is shown again.
                        self.apply(Change::Opinion { old, new });
                    }
                }
            }
            Cancel => self.close_popup(),
            _ => return false,
        }
        true
    }

    /// One-line fields (a score and its reason, a dismissal's reason).
    fn on_form(&mut self, a: Action) -> bool {
        use Action::*;
        match a {
            ClearInput => self.clear_input(),
            NextField => {
                if let Some(Popup::Form { fields, focus, .. }) = &mut self.popup {
                    *focus = (*focus + 1) % fields.len().max(1);
                } else {
                    return false;
                }
            }
            Accept => self.submit_form(),
            // A score's form goes back to the score sheet it was opened from.
            Cancel => self.close_popup(),
            _ => return false,
        }
        true
    }

    /// The voucher lookup: a note on the selected voucher; Enter, Esc and
    /// clearing work as in the filter.
    fn on_lookup(&mut self, a: Action) -> bool {
        use Action::*;
        let lang = self.lang;
        match a {
            Cancel => self.cancel_input(),
            Accept => self.accept_input(),
            ClearInput => self.clear_input(),
            Annotate => {
                let Some(Popup::Lookup { results, selected, .. }) = &self.popup else {
                    return false;
                };
                let Some(e) = results
                    .get(*selected)
                    .and_then(|i| self.voucher_index().map(|x| x.entries[*i]))
                else {
                    return true;
                };
                self.open_at(
                    e.report as usize,
                    crate::item::ItemPath::expense(e.project as usize, e.line as usize).as_str(),
                );
                let target = format!("voucher:{}", e.voucher);
                let text = self.note(&target).map(|n| n.text.clone()).unwrap_or_default();
                self.open_popup(Popup::Editor {
                    title: format!("{}{}", lang.t(&crate::labels::NOTE_ON_VOUCHER), e.voucher),
                    target: EditTarget::Annotation(target),
                    input: Input::with(&text),
                });
            }
            _ => return false,
        }
        true
    }

    /// A form's score sheet: move, next form, score an item, take suggestions.
    fn on_scores(&mut self, a: Action) -> bool {
        use Action::*;
        let lang = self.lang;
        match a {
            Back => self.close_popup(),
            NextRow | PrevRow | PageDown | PageUp => {
                let Some(v) = &self.view else { return true };
                let Some(Popup::Scores { form, selected }) = &self.popup else {
                    return true;
                };
                let n = self.score_lines(v.report, *form).len();
                let page = self.layout.page.max(1);
                let new = match a {
                    NextRow => (*selected + 1).min(n.saturating_sub(1)),
                    PrevRow => selected.saturating_sub(1),
                    PageDown => (*selected + page).min(n.saturating_sub(1)),
                    _ => selected.saturating_sub(page),
                };
                if let Some(Popup::Scores { selected, .. }) = &mut self.popup {
                    *selected = new;
                }
            }
            NextTab => {
                let n = self
                    .view
                    .as_ref()
                    .map_or(0, |v| self.slots[v.report].file.report.project_forms.len());
                if let Some(Popup::Scores { form, selected }) = &mut self.popup {
                    *form = match form {
                        None if n > 0 => Some(0),
                        Some(i) if *i + 1 < n => Some(*i + 1),
                        _ => None,
                    };
                    *selected = 0;
                }
            }
            Accept => {
                let (Some(v), Some(Popup::Scores { form, selected })) = (&self.view, &self.popup) else {
                    return true;
                };
                let form = *form;
                let lines = self.score_lines(v.report, form);
                let Some(line) = lines.get(*selected) else { return true };
                let current = self.current_review().and_then(|r| r.score(&line.id)).cloned();
                let score = current
                    .as_ref()
                    .map(|c| c.score)
                    .or(line.suggested)
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let reason = current.and_then(|c| c.reason).unwrap_or_default();
                self.push_popup(Popup::Form {
                    title: format!(
                        "{}（{} {}，{} {}）",
                        lang.pick(&line.label_zh, &line.label_en),
                        lang.t(&crate::labels::WEIGHT),
                        line.weight,
                        lang.t(&crate::labels::SUGGESTED),
                        line.suggested.map_or("—".into(), |s| s.to_string())
                    ),
                    fields: vec![
                        (lang.t(&crate::labels::SCORE).into(), Input::proposal(&score)),
                        (
                            lang.t(&crate::labels::REASON_REQUIRED_WHEN_NOT_THE_SUGGESTION).into(),
                            Input::with(&reason),
                        ),
                    ],
                    focus: 0,
                    purpose: FormPurpose::Score {
                        form,
                        item: line.id.clone(),
                    },
                });
            }
            TakeSuggestion | TakeAllSuggestions => {
                let (Some(v), Some(Popup::Scores { form, selected })) = (&self.view, &self.popup) else {
                    return true;
                };
                let form = *form;
                let selected = *selected;
                let lines = self.score_lines(v.report, form);
                let targets: Vec<ScoreLine> = if a == TakeSuggestion {
                    lines.get(selected).cloned().into_iter().collect()
                } else {
                    lines
                        .into_iter()
                        .filter(|l| self.current_review().and_then(|r| r.score(&l.id)).is_none())
                        .collect()
                };
                for l in targets {
                    let Some(s) = l.suggested else {
                        if a == TakeSuggestion {
                            self.message = Some((
                                lang.t(&crate::labels::THIS_ITEM_HAS_NO_SUGGESTION_SCORE_IT).into(),
                                true,
                            ));
                        }
                        continue;
                    };
                    let old = self.current_review().and_then(|r| r.score(&l.id)).cloned();
                    let new = ScoreEntry {
                        item: l.id.clone(),
                        label: l.label_zh.clone(),
                        weight: l.weight,
                        suggested: l.suggested,
                        score: s,
                        reason: None,
                        author: self.reviewer.clone(),
                        time: now(),
                    };
                    self.apply(Change::Score {
                        item: l.id.clone(),
                        old,
                        new: Some(new),
                    });
                }
            }
            _ => return false,
        }
        true
    }

    /// The conclusion, the opinion's text and marking the review done.
    fn on_opinion(&mut self, a: Action) -> bool {
        use Action::*;
        let lang = self.lang;
        match a {
            Back => self.close_popup(),
            NextRow | PrevRow => {
                if let Some(Popup::Opinion { selected }) = &mut self.popup {
                    *selected = if a == NextRow {
                        (*selected + 1).min(5)
                    } else {
                        selected.saturating_sub(1)
                    };
                }
            }
            Accept => {
                let Some(Popup::Opinion { selected }) = self.popup.clone() else {
                    return true;
                };
                match selected {
                    0..=3 => {
                        let old = self.review_or_new_opinion();
                        let c = Conclusion::ALL[selected];
                        let new = ReviewOpinion {
                            conclusion: if old.conclusion == Some(c) { None } else { Some(c) },
                            author: Some(self.reviewer.clone()),
                            time: Some(now()),
                            ..old.clone()
                        };
                        self.apply(Change::Opinion { old, new });
                    }
                    4 => {
                        let text = self.review_or_new_opinion().text.unwrap_or_default();
                        self.push_popup(Popup::Editor {
                            title: lang.t(&crate::labels::FINANCE_SECTION_S_OPINION).into(),
                            target: EditTarget::OpinionText,
                            input: Input::with(&text),
                        });
                    }
                    _ if self.current_review().is_some_and(|r| r.status == Status::Done) && !self.reopen_armed => {
                        self.reopen_armed = true;
                        self.message = Some((lang.t(&crate::labels::REOPEN_CONFIRM).into(), true));
                    }
                    _ => {
                        self.reopen_armed = false;
                        self.toggle_done();
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// The offer of another folder when the workspace cannot be written.
    fn on_save_folder(&mut self, a: Action) -> bool {
        use Action::*;
        let lang = self.lang;
        match a {
            Accept => self.use_folder(),
            Cancel => {
                self.close_popups();
                if let Some(d) = &self.data_dir {
                    self.message = Some((
                        format!(
                            "{} {}",
                            lang.t(&crate::labels::LATER_CHANGES_STAY_IN),
                            d.join("rescue").display()
                        ),
                        false,
                    ));
                }
            }
            ClearInput => {
                if let Some(Popup::SaveFolder { input, .. }) = &mut self.popup {
                    *input = Input::default();
                }
            }
            _ => return false,
        }
        true
    }

    /// The review file changed on disk: keep mine, take theirs, or merge.
    fn on_conflict(&mut self, a: Action) -> bool {
        use Action::*;
        match a {
            KeepMine | TakeTheirs | Merge => {
                if let Some(s) = &mut self.session {
                    match a {
                        KeepMine => s.keep_mine(),
                        TakeTheirs => s.take_theirs(),
                        _ => s.merge(),
                    }
                }
                self.close_popups();
                self.after_change();
            }
            _ => return false,
        }
        true
    }
}
