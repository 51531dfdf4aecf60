//! Drawing the review popups: the text editor, one-line forms, the score
//! sheet, the opinion, a save conflict, and the offer of another folder.

use super::draw::{centered, clear_popup};
use super::theme::Theme;
use crate::app::session::SaveState;
use crate::app::{App, Input, Popup};
use crate::keymap::{Action, Mode};
use crate::review::store::OnDisk;
use crate::review::{Conclusion, Status};
use crate::text::{clean, fit, fit_right, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

fn keys(app: &App, mode: Mode, a: Action) -> String {
    let k = app.keymap.keys_for(mode, a);
    if k.is_empty() {
        "—".into()
    } else {
        k.into_iter().take(2).collect::<Vec<_>>().join("/")
    }
}

/// The status line's right side in a report: the review and its file.
pub fn save_state(app: &App) -> String {
    let lang = app.lang;
    let Some(s) = &app.session else { return String::new() };
    if s.read_only.is_some() {
        return lang.t(&crate::labels::READ_ONLY).into();
    }
    let mut out = match &s.review {
        None => lang.t(&crate::labels::NOT_REVIEWED).to_string(),
        Some(r) => lang.t(r.status.label()).to_string(),
    };
    if s.stale() {
        out.push_str(lang.t(&crate::labels::REPORT_CHANGED_SUFFIX));
    }
    match &s.save_state {
        SaveState::Clean => {}
        SaveState::Saved(t) => out.push_str(&format!(
            " · {} {}",
            lang.t(&crate::labels::SAVED),
            crate::clock::clock(t)
        )),
        SaveState::SavedTo(t, _) => out.push_str(&format!(
            " · {} {}",
            lang.t(&crate::labels::SAVED_ELSEWHERE),
            crate::clock::clock(t)
        )),
        SaveState::Failed(_) => out.push_str(lang.t(&crate::labels::NOT_SAVED)),
    }
    out
}

fn popup_block(f: &mut Frame, r: Rect, title: &str) -> Rect {
    clear_popup(f, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(truncate(&clean(title), r.width.saturating_sub(4) as usize));
    let inner = block.inner(r);
    f.render_widget(block, r);
    inner
}

pub fn draw_editor(f: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup) {
    let Popup::Editor { title, input, .. } = popup else {
        return;
    };
    let r = centered(
        area,
        area.width.saturating_sub(6).min(90),
        area.height.saturating_sub(4).min(16),
    );
    let inner = popup_block(f, r, title);
    let w = inner.width as usize;
    let h = inner.height.saturating_sub(1) as usize;
    let (lines, (row, col)) = input.layout(w.saturating_sub(1));
    let offset = row.saturating_sub(h.saturating_sub(1));
    let mut out: Vec<Line> = lines
        .iter()
        .skip(offset)
        .take(h)
        .map(|l| Line::raw(l.clone()))
        .collect();
    while out.len() < h {
        out.push(Line::raw(""));
    }
    let hint = format!(
        "{} {} · {} {} · Enter {}",
        keys(app, Mode::Editor, Action::SaveText),
        app.lang.t(&crate::labels::SAVE),
        keys(app, Mode::Editor, Action::Cancel),
        app.lang.t(&crate::labels::CANCEL),
        app.lang.t(&crate::labels::NEW_LINE)
    );
    out.push(Line::styled(fit(&hint, w), theme.dim()));
    f.render_widget(Paragraph::new(out), inner);
    f.set_cursor_position(Position {
        x: inner.x + col.min(w.saturating_sub(1)) as u16,
        y: inner.y + (row - offset) as u16,
    });
}

pub fn draw_form(f: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup) {
    let Popup::Form {
        title, fields, focus, ..
    } = popup
    else {
        return;
    };
    let h = (fields.len() as u16) * 2 + 3;
    let r = centered(area, area.width.saturating_sub(6).min(90), h);
    let inner = popup_block(f, r, title);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, (label, input)) in fields.iter().enumerate() {
        lines.push(Line::styled(
            fit(label, w),
            if i == *focus { theme.bold() } else { theme.dim() },
        ));
        if i == *focus {
            cursor = Some((2 + input.cursor_width(), lines.len()));
        }
        // A proposal shows selected: what is typed replaces it.
        let room = w.saturating_sub(2);
        lines.push(Line::from(vec![
            Span::raw("› "),
            if input.proposed {
                Span::styled(crate::text::truncate(&input.text, room), theme.selected())
            } else {
                Span::raw(fit(&input.text, room))
            },
        ]));
    }
    let hint = format!(
        "Enter {} · {} {} · Esc {}",
        app.lang.t(&crate::labels::SAVE),
        keys(app, Mode::Input, Action::NextField),
        app.lang.t(&crate::labels::NEXT_FIELD),
        app.lang.t(&crate::labels::CANCEL)
    );
    lines.push(Line::styled(fit(&hint, w), theme.dim()));
    f.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor {
        f.set_cursor_position(Position {
            x: inner.x + x.min(w.saturating_sub(1)) as u16,
            y: inner.y + y as u16,
        });
    }
}

pub fn draw_scores(f: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup, lay: &mut crate::app::Layout) {
    let lang = app.lang;
    let Some(v) = &app.view else { return };
    let report = v.report;
    let &Popup::Scores { form, selected } = popup else {
        return;
    };
    let review = app.session.as_ref().and_then(|s| s.review.as_ref());
    // Worked out when the sheet opened or last changed; a sheet the app has
    // not worked out (a test that set the popup itself) is worked out here.
    let made;
    let (lines_data, sheet) = match app.sheet_view(report, form) {
        Some(v) => (&v.lines, &v.sheet),
        None => {
            made = (app.score_lines(report, form), app.sheet(report, form, review));
            (&made.0, &made.1)
        }
    };
    let rep = &app.slots[report].file.report;
    let form_name = match form {
        None => lang.t(&crate::labels::DEPARTMENT_FORM).to_string(),
        Some(i) => clean(&rep.project_forms[i].label(i)),
    };
    let r = centered(
        area,
        area.width.saturating_sub(2).min(120),
        area.height.saturating_sub(2),
    );
    let title = format!(
        "{}{} — {}",
        lang.t(&crate::labels::REVIEW_SCORES),
        form_name,
        clean(&app.config.rubric().name)
    );
    let inner = popup_block(f, r, &title);
    let w = inner.width as usize;
    let (wt, sug, rev) = (6, 7, 7);
    let reason_w = (w / 3).max(10);
    let label_w = w.saturating_sub(wt + sug + rev + reason_w + 5);
    let mut out = vec![Line::styled(
        format!(
            "{} {} {} {} {}",
            fit(lang.t(&crate::labels::ITEM), label_w),
            fit_right(lang.t(&crate::labels::WEIGHT), wt),
            fit_right(lang.t(&crate::labels::SUGGEST), sug),
            fit_right(lang.t(&crate::labels::REVIEW), rev),
            fit(lang.t(&crate::labels::BASIS_REASON), reason_w)
        ),
        theme.bold(),
    )];
    let h = inner.height.saturating_sub(4) as usize;
    lay.page = h.max(1);
    let offset = if lines_data.len() > h {
        selected.saturating_sub(h / 2).min(lines_data.len() - h)
    } else {
        0
    };
    for (i, l) in lines_data.iter().enumerate().skip(offset).take(h) {
        let entry = review.and_then(|r| r.score(&l.id));
        let rev_text = entry.map_or("—".into(), |e| e.score.to_string());
        let why = match entry.and_then(|e| e.reason.clone()) {
            Some(reason) => reason,
            None => lang.pick(&l.reason_zh, &l.reason_en).to_string(),
        };
        let mut spans = vec![
            Span::raw(fit(&clean(lang.pick(&l.label_zh, &l.label_en)), label_w)),
            Span::raw(format!(" {}", fit_right(&l.weight.to_string(), wt))),
            Span::styled(
                format!(
                    " {}",
                    fit_right(
                        &l.suggested
                            .map_or(lang.t(&crate::labels::JUDGE).into(), |s| s.to_string()),
                        sug
                    )
                ),
                if l.suggested.is_none() {
                    theme.error()
                } else {
                    theme.dim()
                },
            ),
            Span::styled(format!(" {}", fit_right(&rev_text, rev)), theme.bold()),
            Span::styled(format!(" {}", fit(&clean(&why), reason_w)), theme.dim()),
        ];
        if i == selected {
            spans = spans.into_iter().map(|s| s.patch_style(theme.selected())).collect();
        }
        out.push(Line::from(spans));
    }
    while out.len() < h + 1 {
        out.push(Line::raw(""));
    }
    // Totals: self-score, suggested, review.
    let self_score = match form {
        None => rep.department_form.self_score,
        Some(i) => rep.project_forms[i].self_score,
    };
    let sug_total = &sheet.suggested;
    let totals = format!(
        "{} {} · {} {}{} · {} {}",
        lang.t(&crate::labels::SELF),
        self_score.map_or("—".into(), |s| s.to_string()),
        lang.t(&crate::labels::SUGGESTED_TOTAL),
        sheet.suggested_text(lang),
        if sug_total.unscored > 0 {
            format!(" (+{}{})", sug_total.unscored, lang.t(&crate::labels::TO_JUDGE))
        } else {
            String::new()
        },
        lang.t(&crate::labels::REVIEW_TOTAL),
        match &sheet.review {
            Some(t) => format!(
                "{} {}{}",
                t.total,
                t.grade,
                t.capped_at.map_or(String::new(), |c| format!(
                    " ({}{c})",
                    lang.t(&crate::labels::CAPPED_AT)
                ))
            ),
            None => format!("{} {}/{}", lang.t(&crate::labels::SCORED), sheet.scored, sheet.items),
        },
    );
    out.push(Line::styled(fit(&totals, w), theme.heading()));
    let hint = format!(
        "Enter {} · {} {} · {} {} · {} {} · Esc {}",
        lang.t(&crate::labels::K_SCORE_ONE),
        keys(app, Mode::Score, Action::TakeSuggestion),
        lang.t(&crate::labels::TAKE_SUGGESTION),
        keys(app, Mode::Score, Action::TakeAllSuggestions),
        lang.t(&crate::labels::TAKE_ALL),
        keys(app, Mode::Score, Action::NextTab),
        lang.t(&crate::labels::NEXT_FORM),
        lang.t(&crate::labels::CLOSE)
    );
    out.push(Line::styled(fit(&hint, w), theme.dim()));
    f.render_widget(Paragraph::new(out), inner);
}

pub fn draw_opinion(f: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup) {
    let lang = app.lang;
    let &Popup::Opinion { selected } = popup else {
        return;
    };
    let r = centered(area, area.width.saturating_sub(6).min(90), 18.min(area.height));
    let inner = popup_block(f, r, lang.t(&crate::labels::CONCLUSION_AND_THE_FINANCE_SECTION_S));
    let w = inner.width as usize;
    let review = app.session.as_ref().and_then(|s| s.review.clone());
    let opinion = review.as_ref().map(|r| r.opinion.clone()).unwrap_or_default();
    let mut out = Vec::new();
    for (i, c) in Conclusion::ALL.iter().enumerate() {
        let mark = if opinion.conclusion == Some(*c) { "(●)" } else { "( )" };
        let mut l = Line::raw(fit(&format!("{mark} {}", lang.t(c.label())), w));
        if i == selected {
            l = l.patch_style(theme.selected());
        }
        out.push(l);
    }
    let text = opinion
        .text
        .as_deref()
        .map(clean)
        .unwrap_or_else(|| lang.t(&crate::labels::EMPTY).to_string());
    let mut l = Line::raw(fit(&format!("{}：{}", lang.t(&crate::labels::OPINION), text), w));
    if selected == 4 {
        l = l.patch_style(theme.selected());
    }
    out.push(l);
    let done = review.as_ref().is_some_and(|r| r.status == Status::Done);
    let mut l = Line::raw(fit(
        if done {
            lang.t(&crate::labels::DONE_REOPEN)
        } else {
            lang.t(&crate::labels::MARK_THE_REVIEW_DONE)
        },
        w,
    ));
    if selected == 5 {
        l = l.patch_style(theme.selected());
    }
    out.push(l);
    out.push(Line::raw(""));
    for para in wrap(&text, w)
        .into_iter()
        .take(inner.height.saturating_sub(10) as usize)
    {
        out.push(Line::styled(para, theme.dim()));
    }
    let hint = format!(
        "Enter {} · Esc {}",
        lang.t(&crate::labels::CHOOSE_EDIT),
        lang.t(&crate::labels::CLOSE)
    );
    while (out.len() as u16) < inner.height.saturating_sub(1) {
        out.push(Line::raw(""));
    }
    out.push(Line::styled(fit(&hint, w), theme.dim()));
    f.render_widget(Paragraph::new(out), inner);
}

pub fn draw_conflict(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let r = centered(area, area.width.saturating_sub(6).min(90), 14.min(area.height));
    let inner = popup_block(f, r, lang.t(&crate::labels::CONFLICT_TITLE));
    let w = inner.width as usize;
    let Some(s) = &app.session else { return };
    // Each version by who changed it last and when (not the file's first
    // reviewer, which both share), with what it holds.
    let count = |r: &crate::review::Review| {
        let (who, when) = r.history.last().map_or((r.reviewer.as_str(), r.updated.as_str()), |h| {
            (h.who.as_str(), h.time.as_str())
        });
        format!(
            "{} {} · {} {} · {} {} · {} {} {}",
            r.annotations.len(),
            lang.t(&crate::labels::NOTES),
            r.flag_decisions.len(),
            lang.t(&crate::labels::DECISIONS),
            r.scores.len(),
            lang.t(&crate::labels::SCORES),
            lang.t(&crate::labels::LAST_CHANGED_BY),
            clean(who),
            crate::clock::minute(when)
        )
    };
    let mine = s.review.as_ref().map(count).unwrap_or_default();
    let theirs = match &s.conflict {
        Some(OnDisk::Valid(r)) => count(r),
        Some(OnDisk::Invalid(m)) => clean(m),
        _ => lang.t(&crate::labels::FILE_REMOVED).to_string(),
    };
    let mut out = vec![
        Line::styled(
            lang.t(&crate::labels::NOTHING_WAS_WRITTEN_THE_TWO_VERSIONS).to_string(),
            theme.bold(),
        ),
        Line::raw(fit(&format!("{}：{mine}", lang.t(&crate::labels::MINE)), w)),
        Line::raw(fit(&format!("{}：{theirs}", lang.t(&crate::labels::THEIRS)), w)),
        Line::raw(""),
    ];
    for (a, zh, en) in [
        (
            Action::KeepMine,
            "保留我的版本（同一项以我的为准，对方独有的保留）",
            "keep mine (mine wins where both wrote; theirs alone is kept)",
        ),
        (
            Action::TakeTheirs,
            "采用对方版本（放弃我的修改）",
            "take theirs (drop my changes)",
        ),
        (
            Action::Merge,
            "合并：批注、决定、评分取较新者，历史合并",
            "merge: newer note, decision, score wins; histories joined",
        ),
    ] {
        out.push(Line::raw(fit(
            &format!("{}  {}", keys(app, Mode::Conflict, a), lang.pick(zh, en)),
            w,
        )));
    }
    f.render_widget(Paragraph::new(out), inner);
}

/// A one-line input in `w` columns after "› ", scrolled so the cursor is
/// in view (a long path shows the part being typed); and the cursor's
/// column.
fn input_line(input: &Input, w: usize) -> (String, usize) {
    let room = w.saturating_sub(3);
    let chars: Vec<char> = input.text.chars().collect();
    let cursor = input.cursor.min(chars.len());
    let cw = |c: &char| width(c.encode_utf8(&mut [0; 4]));
    let mut before: usize = chars[..cursor].iter().map(cw).sum();
    let mut start = 0;
    while start < cursor && before > room {
        before -= cw(&chars[start]);
        start += 1;
    }
    let shown: String = chars[start..].iter().collect();
    (fit(&format!("› {shown}"), w), 2 + before)
}

pub fn draw_save_folder(f: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup) {
    use crate::labels::*;
    let lang = app.lang;
    let Popup::SaveFolder {
        error,
        rescued,
        input,
        problem,
    } = popup
    else {
        return;
    };
    let outer_w = area.width.saturating_sub(6).min(90);
    let w = outer_w.saturating_sub(2) as usize;
    let para = |text: &str, style| -> Vec<Line<'static>> {
        wrap(text, w).into_iter().map(|l| Line::styled(l, style)).collect()
    };
    // What happened, then the choice; when space is short the explanation
    // gives way, never the field or its keys.
    let mut head = para(
        &format!(
            "{} {}{}{}",
            lang.t(&CANNOT_SAVE_IN),
            clean(&app.root.join("reviews").display().to_string()),
            lang.t(&crate::labels::COLON_SPACE),
            clean(error)
        ),
        theme.bold(),
    );
    head.extend(match rescued {
        Some(p) => para(
            &format!(
                "{} {}{}",
                lang.t(&ALREADY_KEPT_AT),
                clean(&p.display().to_string()),
                lang.t(&NOTHING_IS_LOST)
            ),
            theme.plain(),
        ),
        None => para(lang.t(&KEPT_NOWHERE), theme.error()),
    });
    head.push(Line::raw(""));
    head.extend(para(lang.t(&KEEP_SAVING_IN), theme.plain()));
    let (field, cursor_x) = input_line(input, w);
    let mut tail = vec![Line::raw(field)];
    if let Some(p) = problem {
        tail.extend(para(p, theme.error()));
    }
    let hint = format!(
        "{} {} · {} {} · {} {}",
        keys(app, Mode::SaveFolder, Action::Accept),
        lang.t(&USE_THIS_FOLDER),
        keys(app, Mode::SaveFolder, Action::Cancel),
        lang.t(&KEEP_THE_RESCUE_FOLDER),
        keys(app, Mode::SaveFolder, Action::ClearInput),
        lang.t(&CLEAR)
    );
    tail.push(Line::styled(fit(&hint, w), theme.dim()));
    let inner_h = (area.height.saturating_sub(2) as usize).saturating_sub(2);
    head.truncate(inner_h.saturating_sub(tail.len()));
    let field_row = head.len();
    head.extend(tail);
    let r = centered(area, outer_w, head.len() as u16 + 2);
    let inner = popup_block(f, r, lang.t(&SAVE_FOLDER_TITLE));
    f.render_widget(Paragraph::new(head), inner);
    if (field_row as u16) < inner.height {
        f.set_cursor_position(Position {
            x: inner.x + cursor_x.min(w.saturating_sub(1)) as u16,
            y: inner.y + field_row as u16,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_input_scrolls_to_keep_the_cursor_in_view() {
        let mut input = Input::with("/数据/复核/临湘市数据局");
        let (line, x) = input_line(&input, 14);
        assert_eq!((line.as_str(), x), ("› 湘市数据局  ", 12));
        input.cursor = 0;
        let (line, x) = input_line(&input, 14);
        assert_eq!((line.as_str(), x), ("› /数据/复核/…", 2));
        assert_eq!(width(&line), 14);
    }
}
