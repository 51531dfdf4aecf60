//! The rows each report tab shows, as plain data: text cells with the JSON
//! path of the item each one shows, so that flags can be put beside the
//! cells they concern and a jump can find its row. No drawing here.

use crate::assess::{assess, category};
use crate::checks::{Flag, ratio_pct};
use crate::item::ItemPath;
use crate::labels::Lang;
use crate::model::{FUND_SOURCES, Form, FundRow, Report, Table};
use crate::text::clean;
use rust_decimal::Decimal;

/// How a cell should look; the terminal layer picks the colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Normal,
    /// A number: right-aligned.
    Number,
    /// A deviation, with its size in % (absolute) for colouring.
    Deviation(Decimal),
    /// Met / good.
    Good,
    /// Missed / missing / bad.
    Bad,
    /// Not filled in.
    Blank,
    /// An amount cell not filled in: aligned like the amounts.
    BlankAmount,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub path: Option<String>,
    pub tone: Tone,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            path: None,
            tone: Tone::Normal,
        }
    }
    fn at(t: impl Into<String>, path: String, tone: Tone) -> Cell {
        Cell {
            text: t.into(),
            path: Some(path),
            tone,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section title ("项目资金", "收入表").
    Heading,
    /// Column titles of the table below.
    Columns,
    Data,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewRow {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
    /// The item the row stands for; flags whose path starts with it (or
    /// with one of the cells' paths) belong to the row.
    pub path: Option<String>,
    /// Full text shown in the detail pane when the row is selected.
    pub detail: Option<String>,
}

impl ViewRow {
    fn heading(t: impl Into<String>) -> ViewRow {
        ViewRow {
            kind: RowKind::Heading,
            cells: vec![Cell::text(t)],
            path: None,
            detail: None,
        }
    }
    fn columns(cols: &[&str]) -> ViewRow {
        ViewRow {
            kind: RowKind::Columns,
            cells: cols.iter().map(|c| Cell::text(*c)).collect(),
            path: None,
            detail: None,
        }
    }

    /// Whether a flag concerns this row.
    pub fn owns(&self, flag_path: &str) -> bool {
        let under = |p: &str| ItemPath::is_under(flag_path, p);
        self.path.as_deref().is_some_and(under) || self.cells.iter().filter_map(|c| c.path.as_deref()).any(under)
    }

    /// Whether a flag concerns a given cell of this row.
    pub fn cell_flagged(&self, cell: usize, flags: &[Flag]) -> bool {
        self.cells.get(cell).and_then(|c| c.path.as_deref()).is_some_and(|p| {
            flags
                .iter()
                .any(|f| ItemPath::is_under(&f.path, p) || f.related.iter().any(|r| r == p))
        })
    }

    /// Every path the row shows: its own and its cells'.
    fn paths(&self) -> impl Iterator<Item = &str> {
        self.path
            .as_deref()
            .into_iter()
            .chain(self.cells.iter().filter_map(|c| c.path.as_deref()))
    }

    pub fn selectable(&self) -> bool {
        self.kind == RowKind::Data
    }

    /// The row as tab-separated text (for copying).
    pub fn as_text(&self) -> String {
        self.cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("\t")
    }
}

fn amount(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), |d| d.to_string())
}

fn amount_cell(v: Option<Decimal>, path: String) -> Cell {
    Cell::at(
        amount(v),
        path,
        if v.is_some() { Tone::Number } else { Tone::BlankAmount },
    )
}

fn deviation(from: Option<Decimal>, to: Option<Decimal>) -> (Cell, Cell) {
    match (from, to) {
        (Some(a), Some(b)) => {
            let d = b - a;
            let p = ratio_pct(d, a);
            let tone = Tone::Deviation(p.unwrap_or_default().abs());
            (
                Cell {
                    text: crate::checks::signed(d),
                    path: None,
                    tone,
                },
                Cell {
                    text: p.map_or("—".into(), |p| crate::checks::pct(p, true)),
                    path: None,
                    tone,
                },
            )
        }
        _ => (Cell::text("—"), Cell::text("—")),
    }
}

/// Funds: budget beside actual, then the department's tables.
pub fn funds(report: &Report, lang: Lang) -> Vec<ViewRow> {
    let mut rows = Vec::new();
    for (pi, p) in report.project_forms.iter().enumerate() {
        rows.push(ViewRow::heading(format!(
            "{}{}",
            lang.t(&crate::labels::PROJECT_FUNDS),
            clean(&p.label(pi))
        )));
        rows.push(ViewRow::columns(&[
            lang.t(&crate::labels::SOURCE),
            lang.t(&crate::labels::PLANNED),
            lang.t(&crate::labels::ARRIVED),
            lang.t(&crate::labels::CHANGE),
            lang.t(&crate::labels::CHANGE_PCT),
            lang.t(&crate::labels::SPENT),
            lang.t(&crate::labels::BALANCE),
            lang.t(&crate::labels::EXECUTED),
        ]));
        let base = ItemPath::project(pi).field("funds").to_string();
        let f = &p.funds;
        let mut sources: Vec<(&str, &str, &str)> = vec![("total", "合计", "total")];
        sources.extend(FUND_SOURCES.iter().copied());
        for (k, (key, zh, en)) in sources.iter().enumerate() {
            let pick = |r: &FundRow| if k == 0 { r.total } else { r.sources()[k - 1] };
            let (planned, arrived, spent, balance) =
                (pick(&f.planned), pick(&f.arrived), pick(&f.spent), pick(&f.balance));
            if k > 0 && [planned, arrived, spent, balance].iter().all(Option::is_none) {
                continue;
            }
            let (diff, diff_pct) = deviation(planned, arrived);
            let exec = match (spent, arrived) {
                (Some(s), Some(a)) => ratio_pct(s, a).map_or("—".into(), |r| crate::checks::pct(r, false)),
                _ => "—".into(),
            };
            let exec_tone = match (spent, arrived) {
                (Some(s), Some(a)) => {
                    Tone::Deviation((Decimal::ONE_HUNDRED - ratio_pct(s, a).unwrap_or(Decimal::ONE_HUNDRED)).abs())
                }
                _ => Tone::Normal,
            };
            rows.push(ViewRow {
                kind: RowKind::Data,
                cells: vec![
                    Cell::text(lang.pick(zh, en)),
                    amount_cell(planned, format!("{base}.planned.{key}")),
                    amount_cell(arrived, format!("{base}.arrived.{key}")),
                    diff,
                    diff_pct,
                    amount_cell(spent, format!("{base}.spent.{key}")),
                    amount_cell(balance, format!("{base}.balance.{key}")),
                    Cell {
                        text: exec,
                        path: None,
                        tone: exec_tone,
                    },
                ],
                path: None,
                detail: None,
            });
        }
    }
    let d = &report.department_form;
    table(
        &mut rows,
        lang.t(&crate::labels::INCOME_TABLE),
        &d.income,
        ItemPath::department().field("income").as_str(),
        &[
            (lang.t(&crate::labels::INCOME_TOTAL), "total"),
            (lang.t(&crate::labels::CARRY_OVER), "carryover"),
            (lang.t(&crate::labels::PUBLIC_FINANCE), "public_finance"),
            (lang.t(&crate::labels::GOV_FUND), "government_fund"),
            (lang.t(&crate::labels::SPECIAL_ACCT), "special_account"),
            (lang.t(&crate::labels::OTHER_INCOME), "other"),
        ],
        |r| {
            (
                r.institution.as_str(),
                vec![
                    r.total,
                    r.carryover,
                    r.public_finance,
                    r.government_fund,
                    r.special_account,
                    r.other,
                ],
            )
        },
    );
    table(
        &mut rows,
        lang.t(&crate::labels::EXPENDITURE_AND_BALANCE),
        &d.expenditure,
        ItemPath::department().field("expenditure").as_str(),
        &[
            (lang.t(&crate::labels::EXPENDITURE_TOTAL), "total"),
            (lang.t(&crate::labels::BASIC), "basic"),
            (lang.t(&crate::labels::PERSONNEL), "personnel"),
            (lang.t(&crate::labels::RUNNING), "public_use"),
            (lang.t(&crate::labels::PROJECT_SPENDING), "project"),
            (lang.t(&crate::labels::YEAR_BAL), "balance_year"),
            (lang.t(&crate::labels::ACCUM_BAL), "balance_accumulated"),
        ],
        |r| {
            (
                r.institution.as_str(),
                vec![
                    r.total,
                    r.basic,
                    r.personnel,
                    r.public_use,
                    r.project,
                    r.balance_year,
                    r.balance_accumulated,
                ],
            )
        },
    );
    // Execution of the department as a whole.
    if let (Some(inc), Some(exp)) = (
        d.income.summary.as_ref().and_then(|r| r.total),
        d.expenditure.summary.as_ref().and_then(|r| r.total),
    ) {
        let rate = ratio_pct(exp, inc);
        rows.push(ViewRow::heading(lang.t(&crate::labels::DEPARTMENT_EXECUTION)));
        rows.push(ViewRow::columns(&[
            "",
            lang.t(&crate::labels::EXECUTION_INCOME),
            lang.t(&crate::labels::EXECUTION_SPENT),
            lang.t(&crate::labels::EXECUTED),
        ]));
        rows.push(ViewRow {
            kind: RowKind::Data,
            cells: vec![
                Cell::text(lang.t(&crate::labels::SUMMARY)),
                Cell::at(
                    inc.to_string(),
                    ItemPath::department()
                        .field("income")
                        .field("summary")
                        .field("total")
                        .into(),
                    Tone::Number,
                ),
                Cell::at(
                    exp.to_string(),
                    ItemPath::department()
                        .field("expenditure")
                        .field("summary")
                        .field("total")
                        .into(),
                    Tone::Number,
                ),
                Cell {
                    text: rate.map_or("—".into(), |r| crate::checks::pct(r, false)),
                    path: None,
                    tone: Tone::Deviation((Decimal::ONE_HUNDRED - rate.unwrap_or(Decimal::ONE_HUNDRED)).abs()),
                },
            ],
            path: None,
            detail: None,
        });
    }
    table(
        &mut rows,
        lang.t(&crate::labels::THREE_PUBLIC_EXPENSES),
        &d.three_public,
        ItemPath::department().field("three_public").as_str(),
        &[
            (lang.t(&crate::labels::TOTAL), "total"),
            (lang.t(&crate::labels::RECEPTION), "reception"),
            (lang.t(&crate::labels::VEHICLE_OP), "vehicle_operation"),
            (lang.t(&crate::labels::VEHICLE_BUY), "vehicle_purchase"),
            (lang.t(&crate::labels::OVERSEAS), "overseas"),
        ],
        |r| {
            (
                r.institution.as_str(),
                vec![
                    r.total,
                    r.reception,
                    r.vehicle_operation,
                    r.vehicle_purchase,
                    r.overseas,
                ],
            )
        },
    );
    table(
        &mut rows,
        lang.t(&crate::labels::FIXED_ASSETS),
        &d.fixed_assets,
        ItemPath::department().field("fixed_assets").as_str(),
        &[
            (lang.t(&crate::labels::TOTAL), "total"),
            (lang.t(&crate::labels::IN_USE), "in_use"),
            (lang.t(&crate::labels::LEASED), "leased"),
            (lang.t(&crate::labels::OTHER_ASSETS), "other"),
        ],
        |r| (r.institution.as_str(), vec![r.total, r.in_use, r.leased, r.other]),
    );
    rows
}

#[allow(clippy::type_complexity)]
fn table<R>(
    rows: &mut Vec<ViewRow>,
    title: &str,
    t: &Table<R>,
    base: &str,
    cols: &[(&str, &str)],
    values: impl Fn(&R) -> (&str, Vec<Option<Decimal>>),
) {
    rows.push(ViewRow::heading(title));
    let mut titles = vec![""];
    titles.extend(cols.iter().map(|c| c.0));
    rows.push(ViewRow::columns(&titles));
    let mut push = |r: &R, path: String| {
        let (name, vals) = values(r);
        let mut cells = vec![Cell::text(clean(name))];
        for ((_, key), v) in cols.iter().zip(vals) {
            cells.push(amount_cell(v, format!("{path}.{key}")));
        }
        rows.push(ViewRow {
            kind: RowKind::Data,
            cells,
            path: Some(path),
            detail: None,
        });
    };
    if let Some(s) = &t.summary {
        push(s, format!("{base}.summary"));
    }
    for (i, r) in t.institutions.iter().enumerate() {
        push(r, format!("{base}.institutions[{i}]"));
    }
}

/// Indicators of every form, then the qualitative goals.
pub fn indicators(report: &Report, lang: Lang) -> Vec<ViewRow> {
    let mut rows = Vec::new();
    let mut forms: Vec<(String, String, &dyn Form)> = vec![(
        lang.t(&crate::labels::DEPARTMENT_FORM_HEADING).to_string(),
        ItemPath::department().into(),
        &report.department_form,
    )];
    for (i, p) in report.project_forms.iter().enumerate() {
        forms.push((
            format!("{}{}", lang.t(&crate::labels::PROJECT_HEADING), clean(&p.label(i))),
            ItemPath::project(i).into(),
            p,
        ));
    }
    for (title, base, form) in forms {
        rows.push(ViewRow::heading(title));
        rows.push(ViewRow::columns(&[
            lang.t(&crate::labels::GROUP),
            lang.t(&crate::labels::INDICATOR),
            lang.t(&crate::labels::TARGET),
            lang.t(&crate::labels::ACTUAL),
            lang.t(&crate::labels::OUTCOME),
            lang.t(&crate::labels::SELF),
            lang.t(&crate::labels::REVIEW),
        ]));
        for (i, ind) in form.indicators().iter().enumerate() {
            let path = format!("{base}.indicators[{i}]");
            let outcome = assess(ind);
            let tone = match outcome {
                crate::assess::Outcome::Met { .. } => Tone::Good,
                crate::assess::Outcome::Unjudged => Tone::Normal,
                _ => Tone::Bad,
            };
            let group = ind
                .level2
                .as_deref()
                .or(ind.level1.as_deref())
                .unwrap_or(category(ind).zh());
            let text = |v: &Option<crate::indicator::IndicatorValue>| {
                v.as_ref().map(|v| clean(&v.text)).filter(|t| !t.trim().is_empty())
            };
            let target = text(&ind.target);
            let actual = text(&ind.actual);
            let self_score = match (ind.score, ind.weight) {
                (Some(s), Some(w)) => format!("{s}/{w}"),
                (Some(s), None) => s.to_string(),
                _ => "—".into(),
            };
            rows.push(ViewRow {
                kind: RowKind::Data,
                cells: vec![
                    Cell::text(clean(group)),
                    Cell::at(clean(ind.display_name()), path.clone(), Tone::Normal),
                    Cell::at(
                        target.clone().unwrap_or("—".into()),
                        format!("{path}.target"),
                        if target.is_some() { Tone::Normal } else { Tone::Blank },
                    ),
                    Cell::at(
                        actual.clone().unwrap_or("—".into()),
                        format!("{path}.actual"),
                        if actual.is_some() { Tone::Normal } else { Tone::Blank },
                    ),
                    Cell {
                        text: lang.t(outcome.label()).into(),
                        path: None,
                        tone,
                    },
                    Cell::text(self_score),
                    Cell::text("—"),
                ],
                path: Some(path),
                detail: Some(format!(
                    "{} / {} · {}\n{}: {}\n{}: {}",
                    clean(ind.level1.as_deref().unwrap_or("—")),
                    clean(ind.level2.as_deref().unwrap_or("—")),
                    clean(&ind.name),
                    lang.t(&crate::labels::TARGET),
                    target.unwrap_or("—".into()),
                    lang.t(&crate::labels::ACTUAL),
                    actual.unwrap_or("—".into()),
                )),
            });
        }
        let g = form.goals();
        rows.push(ViewRow {
            kind: RowKind::Data,
            cells: vec![
                Cell::text(lang.t(&crate::labels::GOALS)),
                Cell::at(
                    crate::text::clean(g.expected.as_deref().unwrap_or("—")),
                    format!("{base}.qualitative_goals.expected"),
                    Tone::Normal,
                ),
                Cell::at(
                    crate::text::clean(g.achieved.as_deref().unwrap_or("—")),
                    format!("{base}.qualitative_goals.achieved"),
                    Tone::Normal,
                ),
            ],
            path: Some(format!("{base}.qualitative_goals")),
            detail: Some(format!(
                "{}：{}\n{}：{}",
                lang.t(&crate::labels::GOAL_EXPECTED),
                crate::text::clean_multiline(g.expected.as_deref().unwrap_or("—")),
                lang.t(&crate::labels::GOAL_ACHIEVED),
                crate::text::clean_multiline(g.achieved.as_deref().unwrap_or("—")),
            )),
        });
    }
    rows
}

/// Expense lines with share of total and voucher references; `dups` gives,
/// per (project, line), how many of its vouchers are booked elsewhere too.
/// Which findings concern which place. Every finding is filed under its path
/// and each path it names as related, and under every place that holds
/// them, so a row's findings are a few lookups of its own paths. Testing
/// every finding against every row on screen took a second a frame on a
/// form of 20 000 indicators (issue 14).
#[derive(Debug, Clone, Default)]
pub struct FlagIndex {
    by_place: std::collections::HashMap<String, Vec<usize>>,
    /// How many findings it was made from, to notice it is out of date.
    pub count: usize,
}

impl FlagIndex {
    pub fn new(flags: &[Flag]) -> FlagIndex {
        let mut by_place: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, f) in flags.iter().enumerate() {
            for path in std::iter::once(&f.path).chain(&f.related) {
                for place in ItemPath::places(path) {
                    let list = by_place.entry(place.to_string()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        FlagIndex {
            by_place,
            count: flags.len(),
        }
    }

    /// The findings (indices, in the findings' order) that concern a row:
    /// the same as testing [`ViewRow::owns`] on each finding's path and
    /// related paths.
    pub fn of(&self, row: &ViewRow) -> Vec<usize> {
        let mut out: Vec<usize> = row
            .paths()
            .filter_map(|p| self.by_place.get(p))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

pub fn expenses(report: &Report, lang: Lang) -> Vec<ViewRow> {
    let bookings = crate::checks::voucher_bookings(report);
    // Each line's vouchers also booked under another line, found in one pass
    // over the bookings (a line-by-bookings scan took seconds on 40 000
    // lines). Past the bookings limit the check did not look for duplicates,
    // and neither does the table.
    let mut dups: std::collections::HashMap<(usize, usize), Vec<crate::voucher::Voucher>> = Default::default();
    if bookings.iter().map(|(_, l)| l.len()).sum::<usize>() < crate::checks::MAX_BOOKINGS {
        for (v, lines) in &bookings {
            if lines.iter().any(|l| *l != lines[0]) {
                let mut distinct = lines.clone();
                distinct.dedup();
                for l in distinct {
                    dups.entry(l).or_default().push(*v);
                }
            }
        }
    }
    let mut rows = Vec::new();
    for (pi, p) in report.project_forms.iter().enumerate() {
        rows.push(ViewRow::heading(format!(
            "{}{}",
            lang.t(&crate::labels::EXPENSE_LINES),
            clean(&p.label(pi))
        )));
        rows.push(ViewRow::columns(&[
            lang.t(&crate::labels::CONTENT),
            lang.t(&crate::labels::AMOUNT),
            lang.t(&crate::labels::SHARE),
            lang.t(&crate::labels::DUP),
            lang.t(&crate::labels::VOUCHERS),
        ]));
        let total = p
            .expense_total
            .or_else(|| crate::checks::sum_opt(&p.expenses.iter().map(|e| e.amount).collect::<Vec<_>>()));
        for (li, e) in p.expenses.iter().enumerate() {
            let path = ItemPath::expense(pi, li).to_string();
            let share = match (e.amount, total) {
                (Some(a), Some(t)) => ratio_pct(a, t).map_or("—".into(), |r| crate::checks::pct(r, false)),
                _ => "—".into(),
            };
            let dup_vouchers = dups.get(&(pi, li)).map_or(&[][..], |v| &v[..]);
            let raw = e.vouchers.as_ref().map(|v| clean(&v.raw)).unwrap_or_default();
            let mut detail = format!(
                "{}\n{}: {}",
                clean(&e.label(li)),
                lang.t(&crate::labels::VOUCHERS),
                if raw.is_empty() { "—" } else { &raw }
            );
            if !dup_vouchers.is_empty() {
                let list: Vec<String> = dup_vouchers
                    .iter()
                    .map(|v| {
                        let lines = bookings
                            .binary_search_by_key(v, |(k, _)| *k)
                            .map_or(&[][..], |at| &bookings[at].1[..]);
                        let others: Vec<String> = lines
                            .iter()
                            .filter(|l| **l != (pi, li))
                            .map(|(opi, oli)| clean(&report.project_forms[*opi].expenses[*oli].label(*oli)))
                            .collect();
                        format!("{v} → {}", others.join("、"))
                    })
                    .collect();
                detail.push_str(&format!(
                    "\n{}: {}",
                    lang.t(&crate::labels::ALSO_BOOKED_UNDER),
                    list.join("；")
                ));
            }
            rows.push(ViewRow {
                kind: RowKind::Data,
                cells: vec![
                    Cell::at(clean(&e.label(li)), format!("{path}.content"), Tone::Normal),
                    amount_cell(e.amount, format!("{path}.amount")),
                    Cell {
                        text: share,
                        path: None,
                        tone: Tone::Number,
                    },
                    Cell {
                        text: if dup_vouchers.is_empty() {
                            String::new()
                        } else {
                            format!("×{}", dup_vouchers.len())
                        },
                        path: None,
                        tone: if dup_vouchers.is_empty() {
                            Tone::Normal
                        } else {
                            Tone::Bad
                        },
                    },
                    Cell::at(
                        if raw.is_empty() { "—".to_string() } else { raw },
                        format!("{path}.vouchers"),
                        Tone::Normal,
                    ),
                ],
                path: Some(path),
                detail: Some(detail),
            });
        }
        rows.push(ViewRow {
            kind: RowKind::Data,
            cells: vec![
                Cell::text(lang.t(&crate::labels::EXPENDITURE_TOTAL)),
                amount_cell(p.expense_total, ItemPath::project(pi).field("expense_total").into()),
                Cell::text(""),
                Cell::text(""),
                Cell::text(""),
            ],
            path: Some(ItemPath::project(pi).field("expense_total").into()),
            detail: None,
        });
    }
    rows
}

/// Narrative paragraphs (headings as their own rows).
pub fn narrative(report: &Report, lang: Lang) -> Vec<ViewRow> {
    let mut rows = Vec::new();
    let mut forms: Vec<(String, String, &dyn Form)> = vec![(
        lang.t(&crate::labels::DEPARTMENT_FORM_NARRATIVE).to_string(),
        ItemPath::department().into(),
        &report.department_form,
    )];
    for (i, p) in report.project_forms.iter().enumerate() {
        forms.push((
            format!("{}{}", lang.t(&crate::labels::PROJECT_NARRATIVE), clean(&p.label(i))),
            ItemPath::project(i).into(),
            p,
        ));
    }
    for (title, base, form) in forms {
        rows.push(ViewRow::heading(title));
        for (si, s) in form.narrative().iter().enumerate() {
            if let Some(h) = &s.heading {
                rows.push(ViewRow {
                    kind: RowKind::Columns,
                    cells: vec![Cell::text(clean(h))],
                    path: Some(format!("{base}.narrative[{si}]")),
                    detail: None,
                });
            }
            for (pi, para) in s.paragraphs.iter().enumerate() {
                let path = format!("{base}.narrative[{si}].paragraphs[{pi}]");
                rows.push(ViewRow {
                    kind: RowKind::Data,
                    cells: vec![Cell::at(clean(para), path.clone(), Tone::Normal)],
                    path: Some(path),
                    detail: None,
                });
            }
        }
    }
    rows
}

/// Numbers in a narrative paragraph that its flags concern: those that
/// appear in a flag's found value or message. Char ranges.
pub fn flagged_figures(text: &str, flags: &[&Flag]) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut wanted: Vec<String> = Vec::new();
    for f in flags {
        for s in [f.found.as_deref().unwrap_or(""), &f.message_zh] {
            let cs: Vec<char> = s.chars().collect();
            for fig in crate::checks::narrative::figures(&cs) {
                wanted.push(fig.value.to_string());
            }
        }
    }
    crate::checks::narrative::figures(&chars)
        .into_iter()
        .filter(|f| !f.unit.is_empty() && wanted.contains(&f.value.to_string()))
        .map(|f| (f.start, f.end + f.unit.chars().count()))
        .collect()
}

/// Overview: who, scores against the evidence, sign-offs, basic facts.
pub fn overview(
    report: &Report,
    flags: Option<&[Flag]>,
    config: &crate::checks::CheckConfig,
    lang: Lang,
) -> Vec<ViewRow> {
    let d = &report.department_form;
    let mut rows = Vec::new();
    let data = |label: &str, value: String, path: &str| ViewRow {
        kind: RowKind::Data,
        cells: vec![Cell::text(label), Cell::at(value, path.to_string(), Tone::Normal)],
        path: Some(path.to_string()),
        detail: None,
    };
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map(clean)
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "—".into())
    };
    rows.push(ViewRow::heading(format!(
        "{} {}",
        clean(&report.department),
        report.year
    )));
    if let Some(f) = flags {
        let (e, w, i) = crate::checks::counts(f);
        rows.push(ViewRow {
            kind: RowKind::Data,
            cells: vec![
                Cell::text(lang.t(&crate::labels::FINDINGS_FOUND)),
                Cell::text(format!(
                    "{e} {} · {w} {} · {i} {}",
                    lang.t(&crate::labels::ERRORS),
                    lang.t(&crate::labels::WARNINGS),
                    lang.t(&crate::labels::INFOS)
                )),
            ],
            path: None,
            detail: None,
        });
    }
    rows.push(ViewRow::heading(
        lang.t(&crate::labels::SELF_SCORE_AGAINST_THE_EVIDENCE),
    ));
    let mut forms: Vec<(String, String, Option<usize>, &dyn Form)> = vec![(
        lang.t(&crate::labels::DEPARTMENT).to_string(),
        ItemPath::department().into(),
        None,
        d,
    )];
    for (i, p) in report.project_forms.iter().enumerate() {
        forms.push((clean(&p.label(i)), ItemPath::project(i).into(), Some(i), p));
    }
    for (name, base, pi, form) in &forms {
        let ev = crate::checks::evidence_score(report, *pi, config, flags.unwrap_or(&[]));
        let score = form.self_score().map_or("—".into(), |s| s.to_string());
        let grade = form.grade().map(clean).unwrap_or_else(|| "—".into());
        let detail: Vec<String> = ev
            .items
            .iter()
            .map(|i| {
                format!(
                    "{} {}/{} — {}",
                    lang.pick(&i.label_zh, &i.label_en),
                    i.score.round_dp(2).normalize(),
                    i.weight.round_dp(2).normalize(),
                    lang.pick(&i.reason_zh, &i.reason_en)
                )
            })
            .collect();
        rows.push(ViewRow {
            kind: RowKind::Data,
            cells: vec![
                Cell::text(name.clone()),
                Cell::at(
                    format!(
                        "{} {score} {grade} · {} ≈{} {}",
                        lang.t(&crate::labels::SELF),
                        lang.t(&crate::labels::EVIDENCE),
                        ev.total,
                        crate::model::Grade::for_score(ev.total).zh()
                    ),
                    format!("{base}.self_score"),
                    Tone::Normal,
                ),
            ],
            path: Some(format!("{base}.self_score")),
            detail: Some(detail.join("\n")),
        });
        rows.push(data(lang.t(&crate::labels::GRADE), grade, &format!("{base}.grade")));
        let evaluators: Vec<String> = form
            .evaluators()
            .iter()
            .map(|e| {
                format!(
                    "{}{}",
                    opt(&e.name),
                    if crate::model::is_blank(&e.signature) {
                        lang.t(&crate::labels::UNSIGNED)
                    } else {
                        "✓"
                    }
                )
            })
            .collect();
        rows.push(data(
            lang.t(&crate::labels::EVALUATORS),
            if evaluators.is_empty() {
                "—".into()
            } else {
                evaluators.join("、")
            },
            &format!("{base}.evaluators"),
        ));
        for (i, s) in form.sign_offs().iter().enumerate() {
            let state = format!(
                "{} · {} · {}",
                opt(&s.signer),
                opt(&s.date),
                s.opinion
                    .as_deref()
                    .map(|o| crate::text::truncate(&clean(o), 30))
                    .unwrap_or_else(|| "—".into())
            );
            rows.push(data(
                &format!("  {}", clean(&s.role)),
                state,
                &format!("{base}.sign_offs[{i}]"),
            ));
        }
    }
    rows.push(ViewRow::heading(lang.t(&crate::labels::BASIC_FACTS)));
    let b = &d.basic;
    let pair = |label: &str, a: (String, &str), b: (String, &str)| ViewRow {
        kind: RowKind::Data,
        cells: vec![
            Cell::text(label),
            Cell::at(a.0, a.1.to_string(), Tone::Normal),
            Cell::at(b.0, b.1.to_string(), Tone::Normal),
        ],
        path: None,
        detail: None,
    };
    let basic = ItemPath::department().field("basic");
    rows.push(pair(
        lang.t(&crate::labels::CONTACT_PHONE),
        (opt(&b.contact), basic.field("contact").as_str()),
        (opt(&b.phone), basic.field("phone").as_str()),
    ));
    rows.push(pair(
        lang.t(&crate::labels::QUOTA_STAFF),
        (
            b.staff_quota.map_or("—".into(), |v| v.to_string()),
            basic.field("staff_quota").as_str(),
        ),
        (
            b.staff_actual.map_or("—".into(), |v| v.to_string()),
            basic.field("staff_actual").as_str(),
        ),
    ));
    rows.push(data(
        lang.t(&crate::labels::REPORT_DATE),
        opt(&d.cover.report_date),
        ItemPath::department().field("cover").field("report_date").as_str(),
    ));
    rows.push(ViewRow {
        kind: RowKind::Data,
        cells: vec![
            Cell::text(lang.t(&crate::labels::DUTIES)),
            Cell::at(
                crate::text::truncate(&clean(b.duties.as_deref().unwrap_or("—")), 200),
                basic.field("duties").into(),
                Tone::Normal,
            ),
        ],
        path: Some(basic.field("duties").into()),
        detail: Some(crate::text::clean_multiline(b.duties.as_deref().unwrap_or("—"))),
    });
    for (i, p) in report.project_forms.iter().enumerate() {
        let base = ItemPath::project(i).to_string();
        rows.push(ViewRow {
            kind: RowKind::Data,
            cells: vec![
                Cell::at(
                    format!("{}{}", lang.t(&crate::labels::PROJECT_PREFIX), clean(&p.label(i))),
                    format!("{base}.name"),
                    Tone::Normal,
                ),
                Cell::at(opt(&p.leader), format!("{base}.leader"), Tone::Normal),
                Cell::at(opt(&p.phone), format!("{base}.phone"), Tone::Normal),
                Cell::at(opt(&p.period), format!("{base}.period"), Tone::Normal),
            ],
            path: None,
            detail: None,
        });
    }
    rows
}
