//! Vouchers (会计凭证号): the same voucher under two expense lines may be
//! the same payment counted twice; a voucher string that cannot be read
//! cannot be traced to the ledger.

use super::places::{index, project};
use super::{CheckConfig, Flag, Place, Severity};
use crate::finding::quoting;
use crate::model::Report;
use crate::rules;
use crate::text::clean;
use crate::voucher::{ProblemKind, Voucher};

/// More voucher entries than any real report lists (the sample has about
/// 200): past this a report is not checked for duplicates — a hostile
/// `1月1-999#` on 5 000 lines would otherwise take minutes and gigabytes.
pub const MAX_BOOKINGS: usize = 100_000;

/// Lines named in one duplicate's message; the rest are counted.
const MAX_NAMED: usize = 10;

/// Where a voucher is booked: (project index, line index).
pub type Booking = (usize, usize);

/// Every counted voucher of the report and the lines that hold it, in line
/// order (a line appears once per time it lists the voucher), sorted by
/// voucher. Made by one sort of all bookings rather than a map insert each:
/// a report lists thousands of vouchers.
pub fn bookings(report: &Report) -> Vec<(Voucher, Vec<Booking>)> {
    let mut all: Vec<(Voucher, Booking)> = Vec::new();
    'lines: for (pi, p) in report.project_forms.iter().enumerate() {
        for (li, e) in p.expenses.iter().enumerate() {
            all.extend(e.vouchers.iter().flat_map(|v| v.vouchers()).map(|v| (v, (pi, li))));
            if all.len() > MAX_BOOKINGS {
                all.truncate(MAX_BOOKINGS);
                break 'lines;
            }
        }
    }
    // Stable: each voucher's lines stay in line order.
    all.sort_by_key(|(v, _)| *v);
    let mut out: Vec<(Voucher, Vec<Booking>)> = Vec::new();
    for (v, b) in all {
        match out.last_mut() {
            Some((last, lines)) if *last == v => lines.push(b),
            _ => out.push((v, vec![b])),
        }
    }
    out
}

fn line_place(report: &Report, (pi, li): Booking) -> Place {
    let p = &report.project_forms[pi];
    let name = clean(&p.expenses[li].label(li));
    index(
        &project(pi, &p.label(pi)),
        "expenses",
        li,
        &format!("支出明细“{name}”"),
        &format!("expense line \"{name}\""),
    )
    .child("vouchers", "会计凭证号", "vouchers")
}

fn line_name(report: &Report, (pi, li): Booking) -> String {
    clean(&report.project_forms[pi].expenses[li].label(li))
}

pub fn check(report: &Report, _config: &CheckConfig, flags: &mut Vec<Flag>) {
    let all = bookings(report);
    if all.iter().map(|(_, l)| l.len()).sum::<usize>() >= MAX_BOOKINGS {
        let place = project(0, &report.project_forms[0].label(0)).child("expenses", "支出明细", "expense lines");
        flags.push(Flag::said(
            &rules::VOUCHER_TOO_MANY,
            Severity::Warning,
            &place,
            quoting![limit = MAX_BOOKINGS],
        ));
        return;
    }
    for (voucher, lines) in all {
        let mut distinct: Vec<Booking> = lines.clone();
        distinct.dedup();
        distinct.sort();
        distinct.dedup();
        if distinct.len() > 1 {
            let more = distinct.len().saturating_sub(MAX_NAMED);
            let mut names: Vec<String> = distinct
                .iter()
                .take(MAX_NAMED)
                .map(|b| format!("“{}”", line_name(report, *b)))
                .collect();
            let mut names_en: Vec<String> = distinct
                .iter()
                .take(MAX_NAMED)
                .map(|b| format!("\"{}\"", line_name(report, *b)))
                .collect();
            if more > 0 {
                names.push(format!("另{more}条"));
                names_en.push(format!("{more} more"));
            }
            let across_forms = distinct.iter().any(|b| b.0 != distinct[0].0);
            flags.push(
                Flag::said_as(
                    &rules::VOUCHER_DUPLICATE,
                    if across_forms {
                        &rules::DUPLICATE_ACROSS_FORMS
                    } else {
                        &rules::DUPLICATE_IN_ONE_FORM
                    },
                    Severity::Warning,
                    &line_place(report, distinct[0]),
                    quoting![
                        voucher,
                        count = distinct.len(),
                        names = names.join("、"),
                        names_en = names_en.join(", ")
                    ],
                )
                .values(1, distinct.len())
                .related(
                    distinct[1..]
                        .iter()
                        .take(50)
                        .map(|b| line_place(report, *b).path)
                        .collect(),
                ),
            );
        }
        for b in &distinct {
            let times = lines.iter().filter(|l| *l == b).count();
            if times > 1 {
                flags.push(
                    Flag::said(
                        &rules::VOUCHER_DUPLICATE_IN_LINE,
                        Severity::Warning,
                        &line_place(report, *b),
                        quoting![voucher, line = line_name(report, *b), times],
                    )
                    .values(1, times),
                );
            }
        }
    }

    for (pi, p) in report.project_forms.iter().enumerate() {
        for (li, e) in p.expenses.iter().enumerate() {
            let has_problem = match &e.vouchers {
                None => e.amount.is_some_and(|a| !a.is_zero()),
                Some(v) => !v.problems.is_empty(),
            };
            // Places are built only for lines with something to say.
            if !has_problem {
                continue;
            }
            let place = line_place(report, (pi, li));
            let name = line_name(report, (pi, li));
            let Some(v) = &e.vouchers else {
                if e.amount.is_some_and(|a| !a.is_zero()) {
                    flags.push(Flag::said(
                        &rules::VOUCHER_MISSING,
                        Severity::Warning,
                        &place,
                        quoting![name, amount = e.amount.unwrap_or_default()],
                    ));
                }
                continue;
            };
            for prob in &v.problems {
                let (rule, severity) = match prob.kind {
                    ProblemKind::MonthOutOfRange => (&rules::VOUCHER_MONTH_OUT_OF_RANGE, Severity::Warning),
                    k if k.counted() => (&rules::VOUCHER_ODD_FORMAT, Severity::Info),
                    _ => (&rules::VOUCHER_UNREADABLE, Severity::Warning),
                };
                flags.push(
                    Flag::said(
                        rule,
                        severity,
                        &place,
                        quoting![name, problem = prob.describe_zh(), problem_en = prob.describe_en()],
                    )
                    // The form a voucher takes, not a value from this report.
                    .values("N月M#（如 5月19#）", clean(&prob.token)),
                );
            }
        }
    }
}
