//! Arithmetic: every total the form states must equal the sum of its parts.
//!
//! A table that does not add up is the plainest sign of a careless or
//! doctored submission, and every later judgment (execution rate, score)
//! rests on these totals. Blank cells count as zero when at least one part
//! is filled in; a row with nothing filled in is not checked.

use super::places::{dept, index, project};
use super::{CheckConfig, Flag, Place, Severity, sum_opt};
use crate::finding::quoting;
use crate::model::{FUND_SOURCES, Report, Table};
use crate::rules;
use rust_decimal::Decimal;

pub fn check(report: &Report, config: &CheckConfig, flags: &mut Vec<Flag>) {
    let f = &report.department_form;
    let tol = config.sum_tolerance;
    let d = dept();

    // 收入: 收入合计 = 上年结转 + 公共财政拨款 + 政府基金拨款 + 专户 + 其他收入
    let income = d.child("income", "收入表", "income table");
    for (row, place) in rows(&f.income, &income) {
        let parts = [
            ("上年结转", row.carryover),
            ("公共财政拨款", row.public_finance),
            ("政府基金拨款", row.government_fund),
            ("纳入专户管理的非税收入拨款", row.special_account),
            ("其他收入", row.other),
        ];
        sum_rule(
            flags,
            &rules::INCOME_ROW_SUM,
            || place.child("total", "收入合计", "total"),
            row.total,
            &parts,
            tol,
        );
    }
    summary_rule(flags, &rules::INCOME_SUMMARY_SUM, &f.income, &income, tol, |r| {
        vec![
            ("total", "收入合计", r.total),
            ("carryover", "上年结转", r.carryover),
            ("public_finance", "公共财政拨款", r.public_finance),
            ("government_fund", "政府基金拨款", r.government_fund),
            ("special_account", "纳入专户管理的非税收入拨款", r.special_account),
            ("other", "其他收入", r.other),
        ]
    });

    // 支出: 支出合计 = 基本 + 项目; 基本 = 人员 + 公用
    let exp = d.child("expenditure", "支出表", "expenditure table");
    for (row, place) in rows(&f.expenditure, &exp) {
        sum_rule(
            flags,
            &rules::EXPENDITURE_ROW_SUM,
            || place.child("total", "支出合计", "total"),
            row.total,
            &[("基本支出", row.basic), ("项目支出", row.project)],
            tol,
        );
        sum_rule(
            flags,
            &rules::EXPENDITURE_BASIC_SUM,
            || place.child("basic", "基本支出", "basic"),
            row.basic,
            &[("人员支出", row.personnel), ("公用支出", row.public_use)],
            tol,
        );
    }
    summary_rule(flags, &rules::EXPENDITURE_SUMMARY_SUM, &f.expenditure, &exp, tol, |r| {
        vec![
            ("total", "支出合计", r.total),
            ("basic", "基本支出", r.basic),
            ("personnel", "人员支出", r.personnel),
            ("public_use", "公用支出", r.public_use),
            ("project", "项目支出", r.project),
            ("balance_year", "当年结余", r.balance_year),
            ("balance_accumulated", "累计结余", r.balance_accumulated),
        ]
    });

    // 当年结余 = 收入合计 − 支出合计, row by row (matched by institution name).
    for (row, place) in rows(&f.expenditure, &exp) {
        let (Some(balance), Some(spent)) = (row.balance_year, row.total) else {
            continue;
        };
        let income_row = if place.path.ends_with("summary") {
            f.income.summary.as_ref()
        } else {
            f.income
                .institutions
                .iter()
                .find(|r| r.institution.trim() == row.institution.trim())
        };
        let Some(received) = income_row.and_then(|r| r.total) else {
            continue;
        };
        let expected = received - spent;
        // 当年结余 is written two ways: 收入合计 − 支出合计, or without the
        // carry-over (本年收入 − 本年支出). Either reading that fits settles it.
        let without_carryover = income_row.and_then(|r| r.carryover).map(|c| received - c - spent);
        if (expected - balance).abs() > tol && without_carryover.is_none_or(|w| (w - balance).abs() > tol) {
            let p = place.child("balance_year", "当年结余", "balance for the year");
            flags.push(
                Flag::said(
                    &rules::EXPENDITURE_BALANCE,
                    Severity::Error,
                    &p,
                    quoting![balance, received, spent, expected],
                )
                .values(expected, balance),
            );
        }
    }

    let tp = d.child("three_public", "三公经费表", "three public expenses table");
    for (row, place) in rows(&f.three_public, &tp) {
        sum_rule(
            flags,
            &rules::THREE_PUBLIC_ROW_SUM,
            || place.child("total", "三公经费合计", "total"),
            row.total,
            &[
                ("公务接待费", row.reception),
                ("公务用车运维费", row.vehicle_operation),
                ("公务用车购置费", row.vehicle_purchase),
                ("因公出国费", row.overseas),
            ],
            tol,
        );
    }
    summary_rule(
        flags,
        &rules::THREE_PUBLIC_SUMMARY_SUM,
        &f.three_public,
        &tp,
        tol,
        |r| {
            vec![
                ("total", "三公经费合计", r.total),
                ("reception", "公务接待费", r.reception),
                ("vehicle_operation", "公务用车运维费", r.vehicle_operation),
                ("vehicle_purchase", "公务用车购置费", r.vehicle_purchase),
                ("overseas", "因公出国费", r.overseas),
            ]
        },
    );

    let fa = d.child("fixed_assets", "固定资产表", "fixed assets table");
    for (row, place) in rows(&f.fixed_assets, &fa) {
        sum_rule(
            flags,
            &rules::FIXED_ASSETS_ROW_SUM,
            || place.child("total", "固定资产合计", "total"),
            row.total,
            &[
                ("在用固定资产", row.in_use),
                ("出租固定资产", row.leased),
                ("其他", row.other),
            ],
            tol,
        );
    }
    summary_rule(
        flags,
        &rules::FIXED_ASSETS_SUMMARY_SUM,
        &f.fixed_assets,
        &fa,
        tol,
        |r| {
            vec![
                ("total", "固定资产合计", r.total),
                ("in_use", "在用固定资产", r.in_use),
                ("leased", "出租固定资产", r.leased),
                ("other", "其他", r.other),
            ]
        },
    );

    for (i, p) in report.project_forms.iter().enumerate() {
        let base = project(i, &p.label(i));
        let funds = base.child("funds", "资金", "funds");
        for (key, row) in p.funds.measures() {
            let (zh, en) = measure_label(key);
            let m = funds.child(key, zh, en);
            let parts: Vec<(&str, Option<Decimal>)> = FUND_SOURCES.iter().map(|s| s.1).zip(row.sources()).collect();
            sum_rule(
                flags,
                &rules::FUNDS_SOURCE_SUM,
                || m.child("total", "合计", "total"),
                row.total,
                &parts,
                tol,
            );
        }
        // 结余 = 实际到位 − 实际支出, for the total and each source.
        let f = &p.funds;
        let mut pairs = vec![(
            "total",
            "合计",
            "total",
            f.arrived.total,
            f.spent.total,
            f.balance.total,
        )];
        for (k, (key, zh, en)) in FUND_SOURCES.iter().enumerate() {
            pairs.push((
                key,
                zh,
                en,
                f.arrived.sources()[k],
                f.spent.sources()[k],
                f.balance.sources()[k],
            ));
        }
        for (key, zh, en, arrived, spent, balance) in pairs {
            let Some(balance) = balance else { continue };
            // A source with only one of the two filled in (spending kept at
            // the total only) says nothing about its balance.
            if key != "total" && (arrived.is_none() || spent.is_none()) {
                continue;
            }
            if arrived.is_none() && spent.is_none() {
                continue;
            }
            let expected = arrived.unwrap_or_default() - spent.unwrap_or_default();
            if (expected - balance).abs() > tol {
                let place = funds.child("balance", "结余", "balance").child(key, zh, en);
                flags.push(
                    Flag::said(
                        &rules::FUNDS_BALANCE,
                        Severity::Error,
                        &place,
                        quoting![balance, arrived = show(arrived), spent = show(spent), expected],
                    )
                    .values(expected, balance),
                );
            }
        }

        // 支出明细: the lines add up to 支出合计, which equals 实际支出.
        let amounts: Vec<Option<Decimal>> = p.expenses.iter().map(|e| e.amount).collect();
        let lines_sum = sum_opt(&amounts);
        let total_place = base.child("expense_total", "支出明细·支出合计", "expense lines · total");
        if let (Some(sum), Some(total)) = (lines_sum, p.expense_total)
            && (sum - total).abs() > tol
        {
            flags.push(
                Flag::said(
                    &rules::EXPENSES_SUM,
                    Severity::Error,
                    &total_place,
                    quoting![
                        lines = p.expenses.len(),
                        sum,
                        total,
                        difference = super::signed(sum - total)
                    ],
                )
                .values(sum, total),
            );
        }
        let listed = p.expense_total.or(lines_sum);
        if let (Some(listed), Some(spent)) = (listed, p.funds.spent.total)
            && (listed - spent).abs() > tol
        {
            flags.push(
                Flag::said(
                    &rules::EXPENSES_TOTAL_VS_SPENT,
                    Severity::Error,
                    &total_place,
                    quoting![listed, spent],
                )
                .values(spent, listed),
            );
        }
    }
}

pub(crate) fn measure_label(key: &str) -> (&'static str, &'static str) {
    match key {
        "planned" => ("计划安排资金", "planned"),
        "arrived" => ("实际到位资金", "arrived"),
        "spent" => ("实际支出", "spent"),
        _ => ("结余", "balance"),
    }
}

fn show(v: Option<Decimal>) -> String {
    v.map_or_else(|| "（空）".to_string(), |d| d.to_string())
}

/// The summary row and the institution rows of a table, with their places.
fn rows<'a, R: RowName>(table: &'a Table<R>, base: &Place) -> Vec<(&'a R, Place)> {
    let mut out = Vec::new();
    if let Some(s) = &table.summary {
        out.push((s, base.child("summary", &crate::text::clean(s.name()), "summary row")));
    }
    for (i, r) in table.institutions.iter().enumerate() {
        let name = crate::text::clean(r.name());
        out.push((r, index(base, "institutions", i, &name, &format!("row \"{name}\""))));
    }
    out
}

pub(crate) trait RowName {
    fn name(&self) -> &str;
}
macro_rules! row_name {
    ($($t:ty),*) => {$(impl RowName for $t { fn name(&self) -> &str { &self.institution } })*};
}
row_name!(
    crate::model::IncomeRow,
    crate::model::ExpenditureRow,
    crate::model::ThreePublicRow,
    crate::model::FixedAssetRow
);

/// total = Σ parts. A filled total with blank parts is not checked (nothing
/// to add); filled parts with a blank total are a warning.
/// `place` and the terms are written out only for a finding: nearly every
/// sum adds up.
fn sum_rule(
    flags: &mut Vec<Flag>,
    rule: &rules::Rule,
    place: impl FnOnce() -> Place,
    total: Option<Decimal>,
    parts: &[(&str, Option<Decimal>)],
    tol: Decimal,
) {
    let values: Vec<Option<Decimal>> = parts.iter().map(|p| p.1).collect();
    let Some(sum) = sum_opt(&values) else { return };
    if total.is_some_and(|t| (t - sum).abs() <= tol) {
        return;
    }
    let place = &place();
    let terms: Vec<String> = parts.iter().filter_map(|(n, v)| v.map(|v| format!("{n}{v}"))).collect();
    let terms_en: Vec<String> = parts.iter().filter_map(|(_, v)| v.map(|v| v.to_string())).collect();
    match total {
        None => flags.push(
            Flag::said_as(
                rule,
                &rules::ROW_SUM_BLANK_TOTAL,
                Severity::Warning,
                place,
                quoting![parts = terms.join(" + "), sum, parts_en = terms_en.join(" + ")],
            )
            .values(sum, "（空）"),
        ),
        Some(total) if (total - sum).abs() > tol => flags.push(
            Flag::said_as(
                rule,
                &rules::ROW_SUM_OFF, // Forms leave zero cells blank (the sample's 上年结转), so a
                // blank part is 0 and the row is simply wrong.
                Severity::Error,
                place,
                quoting![
                    total,
                    sum,
                    parts = terms.join(" + "),
                    difference = super::signed(total - sum),
                    parts_en = terms_en.join(" + ")
                ],
            )
            .values(sum, total),
        ),
        _ => {}
    }
}

/// The summary row equals the sum of the institution rows, column by column.
fn summary_rule<R>(
    flags: &mut Vec<Flag>,
    rule: &rules::Rule,
    table: &Table<R>,
    base: &Place,
    tol: Decimal,
    columns: impl Fn(&R) -> Vec<(&'static str, &'static str, Option<Decimal>)>,
) {
    let Some(summary) = &table.summary else {
        return;
    };
    // Institution rows left entirely blank (a single-unit department) are
    // not a breakdown; otherwise a blank cell counts as zero.
    let filled: Vec<&R> = table
        .institutions
        .iter()
        .filter(|r| columns(r).iter().any(|c| c.2.is_some()))
        .collect();
    if filled.is_empty() {
        return;
    }
    let sum_cols = columns(summary);
    for (c, (key, zh, stated)) in sum_cols.into_iter().enumerate() {
        let Some(stated) = stated else { continue };
        let parts: Vec<Option<Decimal>> = filled.iter().map(|r| columns(r)[c].2).collect();
        let sum = sum_opt(&parts).unwrap_or_default();
        if (stated - sum).abs() > tol {
            let place = base.child("summary", "汇总行", "summary row").child(key, zh, key);
            let severity = Severity::Error;
            flags.push(
                Flag::said(
                    rule,
                    severity,
                    &place,
                    quoting![zh, stated, sum, difference = super::signed(stated - sum), key],
                )
                .values(sum, stated),
            );
        }
    }
}
