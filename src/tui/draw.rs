//! Drawing: turns the app state into lines on the screen. Text is laid out
//! by display width (CJK characters take two columns) with our own padding,
//! so columns stay aligned whatever the mix of Chinese and digits.

use super::theme::Theme;
use crate::app::views::{RowKind, Tone, ViewRow};
use crate::app::{App, Layout, Popup, SortColumn, Tab};
use crate::checks::{Flag, Severity, counts};
use crate::keymap::{Action, Mode};
use crate::labels::{self, Lang};
use crate::text::{clean, fit, fit_right, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Below this the screen says so instead of drawing a cramped layout.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Draws a frame and hands the app what it learned about the layout. The
/// drawing below reads the app only; what it finds out about the screen goes
/// into a [`Layout`], which the app takes in afterwards.
pub fn draw(f: &mut Frame, app: &mut App, theme: &Theme) {
    let mut layout = app.layout.clone();
    render(f, app, theme, &mut layout);
    app.learn_layout(layout);
}

/// The frame, from the app as it is.
pub fn render(f: &mut Frame, app: &App, theme: &Theme, lay: &mut Layout) {
    let area = f.area();
    if !fits(area.width, area.height) {
        too_small(f, area, app.lang);
        return;
    }
    let title = Rect { height: 1, ..area };
    let status = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    draw_title(f, title, app, theme);
    if app.view.is_some() {
        draw_report(f, body, app, theme, lay);
    } else {
        draw_list(f, body, app, theme, lay);
    }
    draw_status(f, status, app, theme);
    // The popups under the top one are drawn first, so that a score's form
    // shows over the score sheet it came from.
    for popup in app.below.iter().chain(&app.popup) {
        match popup {
            Popup::Help { scroll } => draw_help(f, area, app, theme, *scroll, lay),
            Popup::Lookup { .. } => draw_lookup(f, area, app, theme, popup),
            Popup::Editor { .. } => super::review_draw::draw_editor(f, area, app, theme, popup),
            Popup::Form { .. } => super::review_draw::draw_form(f, area, app, theme, popup),
            Popup::Scores { .. } => super::review_draw::draw_scores(f, area, app, theme, popup, lay),
            Popup::Opinion { .. } => super::review_draw::draw_opinion(f, area, app, theme, popup),
            Popup::Conflict => super::review_draw::draw_conflict(f, area, app, theme),
            Popup::SaveFolder { .. } => super::review_draw::draw_save_folder(f, area, app, theme, popup),
            Popup::Filter { .. } => {}
        }
    }
}

/// Whether a terminal of this size can be drawn on.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

fn too_small(f: &mut Frame, area: Rect, lang: Lang) {
    let msg = format!(
        "{}: {} {}×{}, {} {MIN_WIDTH}×{MIN_HEIGHT}",
        lang.t(&labels::TOO_SMALL),
        lang.t(&labels::NOW),
        area.width,
        area.height,
        lang.t(&labels::NEED),
    );
    let lines: Vec<Line> = wrap(&msg, area.width.max(1) as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

fn draw_title(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // What narrows the view comes first, as chips (Esc clears them,
    // innermost first), so a narrow terminal cuts the path, not them.
    let mut chips: Vec<String> = Vec::new();
    let where_ = match &app.view {
        None => {
            if !app.list.filter.trim().is_empty() {
                chips.push(format!(
                    "[{}: {} ✕ Esc]",
                    app.lang.t(&labels::FILTER),
                    clean(app.list.filter.trim())
                ));
            }
            let mut w = clean(&app.root.display().to_string());
            if app.bundled {
                w.push(' ');
                w.push_str(app.lang.t(&labels::SAMPLES));
            }
            w
        }
        Some(v) => {
            if !v.find.trim().is_empty() {
                let hits = app.hits();
                let at = hits.iter().position(|&i| i == v.selected[v.tab.index()]);
                chips.push(format!(
                    "[{}: {} {}/{} ✕ Esc]",
                    app.lang.t(&labels::FIND),
                    clean(v.find.trim()),
                    at.map_or("-".into(), |a| (a + 1).to_string()),
                    hits.len()
                ));
            }
            if v.shown != crate::app::Shown::All {
                chips.push(format!(
                    "[{}: {} ✕ Esc]",
                    app.lang.t(&labels::K_SHOW),
                    v.shown.label(app.lang)
                ));
            }
            let r = &app.slots[v.report].file;
            format!("{} {} · {}", clean(&r.report.department), r.report.year, r.id)
        }
    };
    let mut s = format!(" {}", app.lang.t(&labels::APP_TITLE));
    for c in chips {
        s.push_str(" · ");
        s.push_str(&c);
    }
    s.push_str(" · ");
    s.push_str(&where_);
    f.render_widget(Paragraph::new(fit(&s, area.width as usize)).style(theme.title()), area);
}

/// Keys for an action in the current mode, for hints ("Enter", "g g").
fn key_hint(app: &App, mode: Mode, a: Action) -> Option<String> {
    let keys = app.keymap.keys_for(mode, a);
    // Going back is Esc wherever Esc does it: the key people try first.
    if matches!(a, Action::Back | Action::Cancel) && keys.iter().any(|k| k == "Esc") {
        return Some("Esc".into());
    }
    keys.into_iter()
        .next()
        .or_else(|| app.keymap.keys_for(Mode::Global, a).into_iter().next())
}

/// The keys that work here, most used first, as many as fit in `room`
/// columns — with help always last, so every other key can be found. Made
/// from the keymap, so a rebound key shows as bound.
pub fn footer(app: &App, room: usize) -> String {
    use Action::*;
    let mode = app.mode();
    let hints = app.hints();
    let hint = |h: crate::app::Hint| key_hint(app, mode, h.action).map(|k| format!("{k} {}", h.word(app.lang)));
    // Help is offered where its key works: not where typing is text, not
    // on the help itself.
    let help = if mode.takes_text() || matches!(mode, Mode::Help | Mode::Editor) {
        String::new()
    } else {
        hint(Help.into()).unwrap_or_default()
    };
    let mut used = width(&help);
    let mut out: Vec<String> = Vec::new();
    for h in hints.into_iter().filter_map(hint) {
        let w = width(&h) + 3;
        if used + w <= room {
            used += w;
            out.push(h);
        }
    }
    if !help.is_empty() {
        out.push(help);
    }
    out.join(" · ")
}

fn draw_status(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = area.width as usize;
    if let Some(Popup::Filter { input, .. }) = &app.popup {
        let what = if app.view.is_some() {
            &labels::FIND
        } else {
            &labels::FILTER
        };
        let prefix = format!("{}: ", app.lang.t(what));
        let line = format!("{prefix}{}", input.text);
        f.render_widget(Paragraph::new(fit(&line, w)), area);
        let x = (width(&prefix) + input.cursor_width()).min(w.saturating_sub(1)) as u16;
        f.set_cursor_position(Position {
            x: area.x + x,
            y: area.y,
        });
        return;
    }
    let right = if app.view.is_none() {
        let (n, checked, with_errors) = app.list_summary();
        let reviewed = (app.slots.iter())
            .filter(|s| s.review.status == Some(crate::review::Status::Done))
            .count();
        // Filtered: how many of how many are shown.
        let shown = if app.list.filter.trim().is_empty() {
            n.to_string()
        } else {
            format!("{}/{n}", app.list.visible.len())
        };
        let mut s = format!(
            "{shown} {} · {reviewed} {}",
            app.lang.t(&labels::REPORTS),
            app.lang.t(&labels::REVIEWED)
        );
        if checked < n {
            s.push_str(&format!(" · {} {checked}/{n}", app.lang.t(&labels::CHECKING)));
        } else {
            s.push_str(&format!(" · {with_errors} {}", app.lang.t(&labels::WITH_ERRORS)));
        }
        s
    } else {
        super::review_draw::save_state(app)
    };
    let rw = width(&right);
    let lw = w.saturating_sub(rw + 1);
    let (left, style) = match &app.message {
        Some((m, true)) => (m.clone(), theme.error()),
        Some((m, false)) => (m.clone(), theme.plain()),
        None => (footer(app, lw), theme.dim()),
    };
    let line = Line::from(vec![
        Span::styled(fit(&left, lw), style),
        Span::raw(" "),
        Span::styled(right, theme.plain()),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

// ----- the report list -----

fn draw_list(f: &mut Frame, area: Rect, app: &App, theme: &Theme, lay: &mut Layout) {
    let lang = app.lang;
    let w = area.width as usize;
    // Fixed columns; the department takes the rest. Below 100 columns the
    // forms column shrinks to the number of project forms, so that names
    // stay readable at 80 and every column stays where the cursor can go.
    // English grades are words (good, poor): a wider review column.
    let grade_w = if lang == crate::labels::Lang::En { 2 } else { 0 };
    let narrow = w < 100;
    let forms_col = if narrow {
        (SortColumn::Forms, &labels::COL_PROJECTS, 4, true)
    } else {
        (SortColumn::Forms, &labels::COL_FORMS, 11, false)
    };
    let cols: Vec<(SortColumn, &labels::L, usize, bool)> = [
        (SortColumn::Year, &labels::COL_YEAR, 4, true),
        forms_col,
        (SortColumn::SelfScore, &labels::COL_SELF, 8, false),
        (SortColumn::Suggested, &labels::COL_SUGGESTED, 8, false),
        (SortColumn::ReviewScore, &labels::COL_REVIEW, 10 + grade_w, false),
        (SortColumn::Errors, &labels::COL_ERRORS, 4, true),
        (SortColumn::Warnings, &labels::COL_WARNINGS, 4, true),
    ]
    .into_iter()
    .collect();
    let status_w = 12;
    let fixed: usize = cols.iter().map(|c| c.2 + 1).sum::<usize>() + status_w + 3;
    let dept_w = w.saturating_sub(fixed).max(8);
    let arrow = |c: SortColumn| {
        if app.list.sort == c {
            let desc = matches!(
                c,
                SortColumn::Errors
                    | SortColumn::Warnings
                    | SortColumn::SelfScore
                    | SortColumn::Suggested
                    | SortColumn::ReviewScore
            ) != app.list.reverse;
            if desc { "▼" } else { "▲" }
        } else {
            ""
        }
    };
    // A head cell never loses its sort marker: the name gives way first.
    let head = |label: &str, c: SortColumn, cw: usize, right: bool| {
        let mark = arrow(c);
        let t = format!("{}{mark}", fit(label, cw.saturating_sub(width(mark))).trim_end());
        if right { fit_right(&t, cw) } else { fit(&t, cw) }
    };
    // The column under the cursor (what `s` sorts by) is shown reversed.
    let cell_style = |c: SortColumn| {
        if app.list.column == c {
            theme.bold().patch(theme.selected())
        } else {
            theme.bold()
        }
    };
    let mut header = vec![
        Span::styled("  ", theme.bold()),
        Span::styled(
            head(lang.t(&labels::COL_DEPARTMENT), SortColumn::Department, dept_w, false),
            cell_style(SortColumn::Department),
        ),
    ];
    for (c, l, cw, right) in cols.iter() {
        header.push(Span::styled(" ", theme.bold()));
        header.push(Span::styled(head(lang.t(l), *c, *cw, *right), cell_style(*c)));
    }
    header.push(Span::styled(" ", theme.bold()));
    header.push(Span::styled(
        head(lang.t(&labels::COL_STATUS), SortColumn::Status, status_w, false),
        cell_style(SortColumn::Status),
    ));
    let mut lines = vec![Line::from(header)];
    let h = area.height.saturating_sub(1) as usize;
    lay.page = h.saturating_sub(1).max(1);
    if app.list.visible.is_empty() {
        let msg = if app.slots.is_empty() {
            labels::NO_REPORTS
        } else {
            labels::NO_MATCH
        };
        lines.push(Line::styled(format!("  {}", lang.t(&msg)), theme.dim()));
    }
    let offset = keep_visible(&mut lay.list_offset, app.list.selected, h, app.list.visible.len());
    for (pos, &ri) in app.list.visible.iter().enumerate().skip(offset).take(h) {
        let r = &app.slots[ri].file;
        let d = &r.report.department_form;
        let tally = app.slots[ri].tally;
        let (e, wn, _) = tally.unwrap_or((0, 0, 0));
        let info = &app.slots[ri].review;
        // A report that could not be read has no figures, not figures to come.
        let failed = matches!(app.slots[ri].held, crate::app::Held::Failed);
        let (es, ws) = match tally {
            _ if failed => ("—".into(), "—".into()),
            Some(_) => (e.to_string(), wn.to_string()),
            None => ("…".into(), "…".into()),
        };
        let marker = match tally {
            _ if failed => Span::styled("✗ ", theme.severity(Severity::Error)),
            Some(_) if e > 0 => Span::styled("✗ ", theme.severity(Severity::Error)),
            Some(_) if wn > 0 => Span::styled("! ", theme.severity(Severity::Warning)),
            _ => Span::raw("  "),
        };
        let mut spans = vec![marker, Span::raw(fit(&clean(&r.report.department), dept_w))];
        for (c, _, cw, right) in cols.iter() {
            let (text, style) = match c {
                SortColumn::Year | SortColumn::Forms | SortColumn::Suggested if failed => {
                    ("—".to_string(), theme.dim())
                }
                SortColumn::Year if r.report.year == 0 => ("…".to_string(), theme.plain()),
                SortColumn::Year => (r.report.year.to_string(), theme.plain()),
                SortColumn::Forms if narrow => (r.report.project_forms.len().to_string(), theme.plain()),
                SortColumn::Forms if r.report.project_forms.is_empty() => {
                    (lang.t(&labels::DEPT_SHORT).to_string(), theme.plain())
                }
                SortColumn::Forms => (
                    format!(
                        "{}+{}×{}",
                        lang.t(&labels::DEPT_SHORT),
                        lang.t(&labels::PROJECT_FORMS),
                        r.report.project_forms.len()
                    ),
                    theme.plain(),
                ),
                SortColumn::SelfScore => (
                    match (d.self_score, d.grade.as_deref()) {
                        (Some(s), Some(g)) => format!("{s} {}", crate::model::Grade::shown_short(&clean(g), lang)),
                        (Some(s), None) => s.to_string(),
                        _ => "—".into(),
                    },
                    theme.plain(),
                ),
                // fuhe's suggestion is a suggestion: dimmed, in its own column.
                SortColumn::Suggested => (
                    info.sheet.as_ref().map_or("…".into(), |s| s.suggested_text(lang)),
                    theme.dim(),
                ),
                SortColumn::ReviewScore => {
                    let t = info.sheet.as_ref().map_or("—".into(), |s| s.review_text(lang));
                    let style = if info.sheet.as_ref().is_some_and(|s| s.review.is_some()) {
                        theme.plain()
                    } else {
                        theme.dim()
                    };
                    (t, style)
                }
                SortColumn::Errors => (es.clone(), if e > 0 { theme.error() } else { theme.plain() }),
                SortColumn::Warnings => (
                    ws.clone(),
                    if wn > 0 {
                        theme.severity(Severity::Warning)
                    } else {
                        theme.plain()
                    },
                ),
                SortColumn::Department | SortColumn::Status => continue,
            };
            let cell = if *right { fit_right(&text, *cw) } else { fit(&text, *cw) };
            spans.push(Span::styled(format!(" {cell}"), style));
        }
        spans.push(Span::styled(
            format!(" {}", fit(&info.label(lang), status_w)),
            if info.invalid || info.stale {
                theme.error()
            } else if info.status.is_none() {
                theme.dim()
            } else {
                theme.plain()
            },
        ));
        if pos == app.list.selected {
            spans = spans.into_iter().map(|s| s.patch_style(theme.selected())).collect();
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// Scrolls only when the selection would leave the window, so that moving
/// within it redraws two rows, not the screen (it matters over slow SSH).
fn keep_visible(offset: &mut usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 || len <= height {
        *offset = 0;
        return 0;
    }
    if selected < *offset {
        *offset = selected;
    } else if selected >= *offset + height {
        *offset = selected + 1 - height;
    }
    *offset = (*offset).min(len - height);
    *offset
}

/// The first visible row so that `selected` is on screen.
fn scroll_offset(selected: usize, height: usize, len: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let half = height / 2;
    selected.saturating_sub(half).min(len - height)
}

// ----- a report -----

fn worst(flags: &[&Flag]) -> Option<Severity> {
    flags.iter().map(|f| f.severity).min()
}

fn marker(flags: &[&Flag], theme: &Theme) -> Span<'static> {
    severity_marker(worst(flags), theme)
}

/// The row's marks: its worst undecided finding, and ✎ when it has a note.
fn row_marker(app: &App, row: &ViewRow, flags: &[&Flag], theme: &Theme) -> Vec<Span<'static>> {
    let open: Vec<&Flag> = flags.iter().copied().filter(|f| app.decision(f).is_none()).collect();
    let decided = !flags.is_empty() && open.is_empty();
    let mut first = severity_marker(worst(&open), theme);
    if decided {
        first = Span::styled("✓ ", theme.dim());
    }
    let noted = app.session.as_ref().and_then(|s| s.review.as_ref()).is_some_and(|r| {
        r.annotations
            .iter()
            .any(|a| row.owns(&a.target) || row_key_matches(app, row, &a.target))
    });
    let first_char: String = first.content.chars().next().map(String::from).unwrap_or_default();
    vec![
        Span::styled(first_char, first.style),
        Span::styled(if noted { "✎ " } else { "  " }, theme.heading()),
    ]
}

/// On the findings tab a note is attached to the finding's key.
fn row_key_matches(app: &App, row: &ViewRow, target: &str) -> bool {
    let Some(v) = &app.view else { return false };
    v.tab == Tab::Flags
        && app.flags_of(v.report).iter().any(|f| {
            f.key() == target
                && Some(&f.path) == row.path.as_ref()
                && row.detail.as_deref() == Some(&crate::app::flag_detail(f, app.lang))
        })
}

fn severity_marker(sev: Option<Severity>, theme: &Theme) -> Span<'static> {
    match sev {
        Some(Severity::Error) => Span::styled("✗ ", theme.severity(Severity::Error)),
        Some(Severity::Warning) => Span::styled("! ", theme.severity(Severity::Warning)),
        Some(Severity::Info) => Span::styled("· ", theme.severity(Severity::Info)),
        None => Span::raw("  "),
    }
}

fn draw_report(f: &mut Frame, area: Rect, app: &App, theme: &Theme, lay: &mut Layout) {
    let lang = app.lang;
    let Some(v) = &app.view else { return };
    let tab = v.tab;
    // Tab bar, with the key of each tab.
    let tab_actions = [
        Action::TabOverview,
        Action::TabFunds,
        Action::TabIndicators,
        Action::TabExpenses,
        Action::TabNarrative,
        Action::TabFlags,
    ];
    let mut spans = Vec::new();
    for (t, a) in Tab::ALL.iter().zip(tab_actions) {
        let key = key_hint(app, Mode::Report, a).unwrap_or_default();
        let mut title = format!("{key} {} ", t.title(lang));
        if *t == Tab::Flags
            && let Some(fl) = app.slots[v.report].flags.as_deref()
        {
            let (e, w, _) = counts(fl);
            title = format!("{key} {} {e}/{w} ", t.title(lang));
        }
        let style = if *t == tab {
            theme.selected().patch(theme.bold())
        } else {
            theme.plain()
        };
        spans.push(Span::styled(title, style));
        spans.push(Span::raw("│"));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), Rect { height: 1, ..area });

    let rest = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    // The detail pane: the selected row's full text and its findings.
    let detail_lines = detail_lines(app, rest.width as usize, theme);
    let detail_h = if detail_lines.is_empty() {
        0
    } else {
        (detail_lines.len() as u16 + 1).min(rest.height / 3).max(3)
    };
    let main = Rect {
        height: rest.height - detail_h,
        ..rest
    };
    if detail_h > 0 {
        let d = Rect {
            y: main.y + main.height,
            height: detail_h,
            ..rest
        };
        let block = Block::default().borders(Borders::TOP).border_style(theme.dim());
        f.render_widget(Paragraph::new(detail_lines).block(block), d);
    }
    lay.page = main.height.saturating_sub(1).max(1) as usize;
    if tab == Tab::Narrative {
        draw_narrative(f, main, app, theme);
    } else {
        draw_rows(f, main, app, theme, lay);
    }
}

fn detail_lines(app: &App, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(row) = app.selected_row() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let flags = app.row_flags(row);
    let narrative = app.view.as_ref().is_some_and(|v| v.tab == Tab::Narrative);
    if let Some(d) = &row.detail {
        for l in wrap(&clean_keep_lines(d), w.saturating_sub(1)) {
            out.push(Line::raw(l));
        }
    } else if !narrative && row.cells.iter().map(|c| width(&c.text) + 1).sum::<usize>() > w.saturating_sub(4) {
        for l in wrap(&row.as_text().replace('\t', " │ "), w.saturating_sub(1)) {
            out.push(Line::raw(l));
        }
    }
    let lang = app.lang;
    let tab_is_flags = app.view.as_ref().is_some_and(|v| v.tab == Tab::Flags);
    let shown: Vec<&Flag> = if tab_is_flags {
        app.selected_flag_ref().into_iter().collect()
    } else {
        flags
    };
    for fl in shown {
        let icon = match fl.severity {
            Severity::Error => "✗",
            Severity::Warning => "!",
            Severity::Info => "·",
        };
        let (style, suffix) = match app.decision(fl) {
            Some(d) if d.decision == crate::review::Decision::Dismissed => (
                theme.dim(),
                format!(
                    " [{}{}]",
                    lang.t(&crate::labels::DISMISSED),
                    clean(d.reason.as_deref().unwrap_or(""))
                ),
            ),
            Some(_) => (
                theme.severity(fl.severity),
                format!(" [{}]", lang.t(&crate::labels::CONFIRMED)),
            ),
            None => (theme.severity(fl.severity), String::new()),
        };
        if tab_is_flags {
            if !suffix.is_empty() {
                out.push(Line::styled(suffix.trim().to_string(), style));
            }
            continue;
        }
        let text = format!("{icon} {}{suffix}", clean(lang.pick(&fl.message_zh, &fl.message_en)));
        for l in wrap(&text, w.saturating_sub(1)) {
            out.push(Line::styled(l, style));
        }
    }
    // The note on this row.
    if let Some(review) = app.session.as_ref().and_then(|s| s.review.as_ref()) {
        let key = if tab_is_flags {
            app.selected_flag_ref().map(|f| f.key())
        } else {
            None
        };
        for a in &review.annotations {
            let mine = match &key {
                Some(k) => &a.target == k,
                None => row.owns(&a.target),
            };
            if mine {
                for l in wrap(
                    &format!(
                        "✎ {} — {} {}",
                        clean_keep_lines(&a.text),
                        clean(&a.author),
                        crate::clock::minute(&a.time)
                    ),
                    w.saturating_sub(1),
                ) {
                    out.push(Line::styled(l, theme.heading()));
                }
            }
        }
    }
    out
}

fn clean_keep_lines(s: &str) -> String {
    crate::text::clean_multiline(s)
}

/// Column widths for a run of rows (a section), fitted into `avail`.
fn column_widths(rows: &[&ViewRow], avail: usize) -> Vec<usize> {
    let n = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut w = vec![0usize; n];
    for r in rows {
        for (i, c) in r.cells.iter().enumerate() {
            w[i] = w[i].max(width(&c.text).min(60));
        }
    }
    let gaps = n.saturating_sub(1);
    while w.iter().sum::<usize>() + gaps > avail {
        let (i, max) = w.iter().copied().enumerate().max_by_key(|(_, x)| *x).unwrap_or((0, 0));
        if max <= 4 {
            break;
        }
        w[i] = max - 1;
    }
    w
}

fn draw_rows(f: &mut Frame, area: Rect, app: &App, theme: &Theme, lay: &mut Layout) {
    let Some(v) = &app.view else { return };
    let w = area.width as usize;
    let h = area.height as usize;
    let sel = v.selected[v.tab.index()];
    let rows = &v.rows;
    // Sections: rows between headings share column widths.
    let mut widths: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let mut numeric: Vec<Vec<bool>> = vec![Vec::new(); rows.len()];
    let mut start = 0;
    for i in 0..=rows.len() {
        if i == rows.len() || rows[i].kind == RowKind::Heading {
            let section: Vec<&ViewRow> = rows[start..i].iter().collect();
            let cw = column_widths(&section, w.saturating_sub(3));
            // A column is numeric when its data cells are: its title aligns right.
            let num: Vec<bool> = (0..cw.len())
                .map(|c| {
                    section.iter().filter(|r| r.kind == RowKind::Data).any(|r| {
                        r.cells
                            .get(c)
                            .is_some_and(|x| matches!(x.tone, Tone::Number | Tone::Deviation(_)))
                    })
                })
                .collect();
            for k in start..i {
                widths[k] = cw.clone();
                numeric[k] = num.clone();
            }
            start = i + 1;
        }
    }
    let tab = v.tab.index();
    let mut off = lay.offsets[tab];
    let offset = keep_visible(&mut off, sel, h, rows.len());
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(offset).take(h) {
        let line = match row.kind {
            RowKind::Heading => Line::styled(
                fit(&row.cells.first().map(|c| c.text.clone()).unwrap_or_default(), w),
                theme.heading(),
            ),
            RowKind::Columns => {
                let mut s = String::from("   ");
                for (ci, c) in row.cells.iter().enumerate() {
                    let cw = widths[i].get(ci).copied().unwrap_or(0);
                    if ci > 0 {
                        s.push(' ');
                    }
                    let right = numeric[i].get(ci).copied().unwrap_or(false);
                    s.push_str(&if right {
                        fit_right(&c.text, cw)
                    } else {
                        fit(&c.text, cw)
                    });
                }
                Line::styled(fit(&s, w), theme.bold())
            }
            RowKind::Data => {
                let flags = app.row_flags(row);
                let mut spans = row_marker(app, row, &flags, theme);
                let mut dismissed = false;
                if v.tab == Tab::Flags {
                    // Severity colour for the findings list; decided ones marked.
                    let flag = app.flags_of(v.report).iter().find(|f| {
                        Some(&f.path) == row.path.as_ref()
                            && row.detail.as_deref() == Some(&crate::app::flag_detail(f, app.lang))
                    });
                    let decision = flag.and_then(|f| app.decision(f)).map(|d| d.decision);
                    dismissed = decision == Some(crate::review::Decision::Dismissed);
                    spans[0] = match decision {
                        Some(crate::review::Decision::Confirmed) => Span::styled("✓", theme.severity(Severity::Error)),
                        Some(crate::review::Decision::Dismissed) => Span::styled("×", theme.dim()),
                        None => {
                            let m = severity_marker(flag.map(|f| f.severity), theme);
                            Span::styled(m.content.chars().next().map(String::from).unwrap_or_default(), m.style)
                        }
                    };
                }
                for (ci, c) in row.cells.iter().enumerate() {
                    let cw = widths[i].get(ci).copied().unwrap_or(0);
                    if ci > 0 {
                        spans.push(Span::raw(" "));
                    }
                    let text = match c.tone {
                        Tone::Number | Tone::Deviation(_) | Tone::BlankAmount => fit_right(&c.text, cw),
                        // A blank sits where the column's values do.
                        Tone::Blank if numeric[i].get(ci).copied().unwrap_or(false) => fit_right(&c.text, cw),
                        _ => fit(&c.text, cw),
                    };
                    let cell_flags: Vec<&Flag> = flags
                        .iter()
                        .copied()
                        .filter(|fl| {
                            c.path.as_deref().is_some_and(|p| {
                                fl.path == p
                                    || fl.path.starts_with(&format!("{p}."))
                                    || fl.related.iter().any(|r| r == p)
                            })
                        })
                        .collect();
                    let open: Vec<&Flag> = cell_flags
                        .iter()
                        .copied()
                        .filter(|f| app.decision(f).is_none())
                        .collect();
                    let style = if dismissed {
                        theme.dim()
                    } else {
                        match worst(&open) {
                            Some(s) => theme.flagged(s),
                            None => theme.tone(c.tone),
                        }
                    };
                    spans.push(Span::styled(text, style));
                }
                let used: usize = spans.iter().map(|s| width(&s.content)).sum();
                if used < w {
                    spans.push(Span::raw(" ".repeat(w - used)));
                }
                if i == sel {
                    spans = spans.into_iter().map(|s| s.patch_style(theme.selected())).collect();
                }
                Line::from(spans)
            }
        };
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), area);
    lay.offsets[tab] = off;
}

fn draw_narrative(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(v) = &app.view else { return };
    let w = (area.width as usize).saturating_sub(2).max(10);
    let sel = v.selected[v.tab.index()];
    let h = area.height as usize;
    // One row laid out as lines. Only the rows around the selection are laid
    // out — enough to fill the screen above and below it — so a report with
    // megabytes of narrative draws as fast as a short one.
    let lay = |i: usize| -> Vec<Line<'static>> {
        let row = &v.rows[i];
        let mut lines: Vec<Line<'static>> = Vec::new();
        let text = row.cells.first().map(|c| c.text.clone()).unwrap_or_default();
        match row.kind {
            RowKind::Heading => lines.push(Line::styled(truncate(&text, w + 2), theme.heading())),
            RowKind::Columns => lines.push(Line::styled(truncate(&text, w + 2), theme.bold())),
            RowKind::Data => {
                let flags = app.row_flags(row);
                let hot = crate::app::views::flagged_figures(&text, &flags);
                let bar = if i == sel { "▌ " } else { "  " };
                let sev = worst(&flags);
                let mut char_pos = 0usize;
                for (li, l) in wrap(&text, w).into_iter().enumerate() {
                    let mut spans = vec![if li == 0 {
                        marker(&flags, theme)
                    } else {
                        Span::styled(bar.to_string(), theme.selected())
                    }];
                    if li == 0 && i == sel && flags.is_empty() {
                        spans[0] = Span::styled(bar.to_string(), theme.selected());
                    }
                    // Highlight flagged figures.
                    let mut cur = String::new();
                    let mut cur_hot = false;
                    for c in l.chars() {
                        let is_hot = hot.iter().any(|(s, e)| char_pos >= *s && char_pos < *e);
                        if is_hot != cur_hot && !cur.is_empty() {
                            spans.push(styled_run(std::mem::take(&mut cur), cur_hot, sev, theme));
                        }
                        cur_hot = is_hot;
                        cur.push(c);
                        char_pos += 1;
                    }
                    if !cur.is_empty() {
                        spans.push(styled_run(cur, cur_hot, sev, theme));
                    }
                    lines.push(Line::from(spans));
                }
                lines.push(Line::raw(""));
            }
        }
        lines
    };
    let sel = sel.min(v.rows.len().saturating_sub(1));
    if v.rows.is_empty() {
        return;
    }
    let mut before: Vec<Vec<Line>> = Vec::new();
    let mut above = 0;
    let mut i = sel;
    while i > 0 && above < h {
        i -= 1;
        let l = lay(i);
        above += l.len();
        before.push(l);
    }
    let mut lines: Vec<Line> = before.into_iter().rev().flatten().collect();
    let selected = lay(sel);
    let sel_range = (lines.len(), lines.len() + selected.len());
    lines.extend(selected);
    let mut j = sel + 1;
    while j < v.rows.len() && lines.len() < sel_range.1 + h {
        lines.extend(lay(j));
        j += 1;
    }
    let offset = if sel_range.1 - sel_range.0 >= h {
        sel_range.0
    } else {
        sel_range
            .1
            .saturating_sub(h)
            .max(sel_range.0.saturating_sub(h / 3))
            .min(lines.len().saturating_sub(h))
    };
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(h).collect();
    f.render_widget(Paragraph::new(visible), area);
}

fn styled_run(s: String, hot: bool, sev: Option<Severity>, theme: &Theme) -> Span<'static> {
    if hot {
        Span::styled(s, theme.flagged(sev.unwrap_or(Severity::Warning)))
    } else {
        Span::raw(s)
    }
}

// ----- popups -----

/// Clears a popup's area and one column either side: a wide character
/// that starts just outside would otherwise still cover the border.
pub(super) fn clear_popup(f: &mut Frame, r: Rect) {
    let area = f.area();
    let x = r.x.saturating_sub(1);
    let right = (r.x + r.width + 1).min(area.x + area.width);
    f.render_widget(
        Clear,
        Rect {
            x,
            width: right - x,
            ..r
        },
    );
}

pub(super) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_help(f: &mut Frame, area: Rect, app: &App, theme: &Theme, scroll: usize, lay: &mut Layout) {
    let lang = app.lang;
    let r = centered(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    let inner_w = r.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled(
        format!("{}: {}", lang.t(&crate::labels::KEYMAP), clean(&app.keymap.name)),
        theme.dim(),
    ));
    for mode in Mode::ALL {
        let Some(map) = app.keymap.bindings.get(mode) else {
            continue;
        };
        lines.push(Line::styled(mode.describe(lang).to_string(), theme.heading()));
        // One line per action, its keys together.
        let mut actions: Vec<Action> = map.values().copied().collect();
        actions.sort();
        actions.dedup();
        for a in actions {
            let keys = app.keymap.keys_for(*mode, a).join(", ");
            lines.push(Line::raw(format!(
                "  {} {}",
                fit(&keys, 20.min(inner_w / 3)),
                truncate(a.describe(lang), inner_w.saturating_sub(24))
            )));
        }
    }
    // What fuhe checks, from the rule registry: the id a finding names,
    // the rule's name, by family.
    lines.push(Line::raw(""));
    lines.push(Line::styled(lang.t(&labels::HELP_RULES).to_string(), theme.heading()));
    let id_w = crate::rules::ALL
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(0)
        .min(inner_w / 2);
    let mut families: Vec<crate::rules::Family> = Vec::new();
    for r in crate::rules::ALL {
        if !families.contains(&r.family) {
            families.push(r.family);
        }
    }
    for family in families {
        lines.push(Line::styled(format!(" {}", lang.t(family.label())), theme.dim()));
        for r in crate::rules::ALL.iter().filter(|r| r.family == family) {
            lines.push(Line::raw(format!(
                "  {} {}",
                fit(r.id, id_w),
                truncate(r.title(lang), inner_w.saturating_sub(id_w + 3))
            )));
        }
    }
    let h = r.height.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(h);
    lay.help_scroll_max = Some(max_scroll);
    let visible: Vec<Line> = lines.into_iter().skip(scroll.min(max_scroll)).take(h).collect();
    clear_popup(f, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(lang.t(&labels::HELP_TITLE).to_string());
    f.render_widget(Paragraph::new(visible).block(block), r);
}

fn draw_lookup(f: &mut Frame, area: Rect, app: &App, theme: &Theme, popup: &Popup) {
    let lang = app.lang;
    let r = centered(
        area,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2).min(24),
    );
    clear_popup(f, r);
    let Popup::Lookup {
        input,
        results,
        selected,
    } = popup
    else {
        return;
    };
    // How many were found: all of them, or the first MAX_RESULTS.
    let count = match results.len() {
        n if n >= crate::app::lookup::MAX_RESULTS => format!(" · {n}+ {} ", lang.t(&labels::LOOKUP_HITS)),
        n => format!(" · {n} {} ", lang.t(&labels::LOOKUP_HITS)),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!("{}{count}", lang.t(&labels::LOOKUP_TITLE)));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let w = inner.width as usize;
    let prompt = "› ";
    let mut lines = vec![Line::raw(fit(&format!("{prompt}{}", input.text), w))];
    if input.text.trim().is_empty() {
        lines.push(Line::styled(fit(lang.t(&labels::LOOKUP_DUPS), w), theme.dim()));
    } else {
        lines.push(Line::raw(""));
    }
    let h = inner.height.saturating_sub(2) as usize;
    let Some(index) = app.voucher_index() else { return };
    if results.is_empty() {
        lines.push(Line::styled(lang.t(&labels::LOOKUP_EMPTY).to_string(), theme.dim()));
    }
    let h = h.saturating_sub(1);
    let offset = scroll_offset(*selected, h, results.len());
    // Columns: department, form, line, the line's amount, the voucher.
    // Names get the width the shown rows need (up to a share of the
    // width); the line's name takes the rest.
    let shown: Vec<usize> = results.iter().skip(offset).take(h).copied().collect();
    let form_name = |e: &crate::app::lookup::Entry| {
        app.slots
            .get(e.report as usize)
            .and_then(|s| s.file.report.project_forms.get(e.project as usize))
            .map(|p| clean(&p.label(e.project as usize)))
            .unwrap_or_default()
    };
    let amount = |e: &crate::app::lookup::Entry| {
        app.slots
            .get(e.report as usize)
            .and_then(|s| s.file.report.project_forms.get(e.project as usize))
            .and_then(|p| p.expenses.get(e.line as usize))
            .and_then(|l| l.amount)
            .map_or("—".to_string(), |a| a.to_string())
    };
    let widest = |f: &dyn Fn(&crate::app::lookup::Entry) -> String, cap: usize| {
        shown
            .iter()
            .map(|&i| width(&f(&index.entries[i])))
            .max()
            .unwrap_or(0)
            .min(cap)
    };
    let (voucher_w, amount_w) = (13, 10);
    let dept_w = widest(&|e| index.department(e).to_string(), w / 5).max(width(lang.t(&labels::COL_DEPARTMENT)));
    let form_w = widest(&form_name, w / 5).max(width(lang.t(&labels::LOOKUP_FORM)));
    let line_w = w.saturating_sub(dept_w + form_w + amount_w + voucher_w + 4);
    lines.push(Line::styled(
        fit(
            &format!(
                "{} {} {} {} {}",
                fit(lang.t(&labels::COL_DEPARTMENT), dept_w),
                fit(lang.t(&labels::LOOKUP_FORM), form_w),
                fit(lang.t(&labels::LOOKUP_LINE), line_w),
                fit_right(lang.t(&labels::LOOKUP_AMOUNT), amount_w),
                lang.t(&labels::LOOKUP_VOUCHER)
            ),
            w,
        ),
        theme.bold(),
    ));
    for (pos, &ei) in results.iter().enumerate().skip(offset).take(h) {
        let e = &index.entries[ei];
        let holders = if e.holders > 1 {
            format!(" ×{}", e.holders)
        } else {
            String::new()
        };
        let mut spans = vec![
            Span::styled(fit(index.department(e), dept_w), theme.dim()),
            Span::raw(format!(" {}", fit(&form_name(e), form_w))),
            Span::raw(format!(" {}", fit(index.line_name(e), line_w))),
            Span::raw(format!(" {}", fit_right(&amount(e), amount_w))),
            Span::raw(format!(" {}", e.voucher)),
            Span::styled(holders, if e.holders > 1 { theme.error() } else { theme.plain() }),
        ];
        if pos == *selected {
            spans = spans.into_iter().map(|s| s.patch_style(theme.selected())).collect();
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), inner);
    let x = (width(prompt) + input.cursor_width()).min(w.saturating_sub(1)) as u16;
    f.set_cursor_position(Position {
        x: inner.x + x,
        y: inner.y,
    });
}
