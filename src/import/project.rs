//! A project form (项目支出绩效自评表): basic facts, the funds matrix, the
//! expense lines with their voucher numbers, and the shared parts.

use super::label;
use super::layout::Addr;
use super::map::{Mapper, Span};
use super::parts;
use super::tables::{Field, cell_label, leaf_labels, match_columns};
use crate::model::{ExpenseLine, FundRow, Funds, ProjectForm};
use crate::voucher::VoucherRef;
use rust_decimal::Decimal;

/// The four measures of the funds matrix, by the label of their pair.
const MEASURES: &[&[&str]] = &[
    &["计划安排资金", "计划安排", "年初预算数"],
    &["实际到位资金", "实际到位"],
    &["实际支出", "实际支出资金"],
    &["结余", "结余资金"],
];
/// The sources, in [`FundRow`] order after the total.
const SOURCES: &[&[&str]] = &[
    &["中央财政", "中央"],
    &["省财政", "省级财政"],
    &["市财政", "市级财政"],
    &["县市区财政", "县(市、区)财政", "县级财政", "县财政"],
    &["其它", "其他", "其他资金"],
];

/// The funds matrix: a row of (measure label, total) pairs, then one row
/// per source of (label, amount) pairs, the k-th pair under the k-th measure.
fn funds(m: &mut Mapper<'_>, span: Span, form: &str) -> Funds {
    let mut f = Funds::default();
    let Some((head, _)) = m.find_label(span, MEASURES[0]) else {
        m.missing.push(format!("{form} · 计划安排资金"));
        return f;
    };
    let doc = m.doc;
    let Some(cells) = doc.row(head) else { return f };
    // Which measure each pair of the head row is: (pair index → measure).
    let mut order: Vec<Option<usize>> = Vec::new();
    for pair in 0..cells.len() / 2 {
        let l = cell_label(&cells[pair * 2]);
        let k = MEASURES.iter().position(|ls| label::is_any(&l, ls));
        if let Some(k) = k {
            let what = format!("{form} · {}", MEASURES[k][0]);
            let total = m.amount(head, pair * 2 + 1, &what);
            measure(&mut f, k).total = total;
        }
        order.push(k);
    }
    for (k, ls) in MEASURES.iter().enumerate() {
        if !order.contains(&Some(k)) {
            m.missing.push(format!("{form} · {}", ls[0]));
        }
    }
    let mut seen = [false; 5];
    for b in head + 1..span.end {
        let Some(cells) = doc.row(b) else { break };
        let first = cells.first().map(cell_label).unwrap_or_default();
        let Some(s) = SOURCES.iter().position(|ls| label::is_any(&first, ls)) else {
            break;
        };
        seen[s] = true;
        for pair in 0..cells.len() / 2 {
            let Some(Some(k)) = order.get(pair).copied() else {
                continue;
            };
            let what = format!("{form} · {} · {}", MEASURES[k][0], SOURCES[s][0]);
            let amount = m.amount(b, pair * 2 + 1, &what);
            let row = measure(&mut f, k);
            match s {
                0 => row.central = amount,
                1 => row.provincial = amount,
                2 => row.city = amount,
                3 => row.county = amount,
                _ => row.other = amount,
            }
        }
    }
    for (s, ls) in SOURCES.iter().enumerate() {
        if !seen[s] {
            m.missing.push(format!("{form} · 资金来源 · {}", ls[0]));
        }
    }
    f
}

fn measure(f: &mut Funds, k: usize) -> &mut FundRow {
    match k {
        0 => &mut f.planned,
        1 => &mut f.arrived,
        2 => &mut f.spent,
        _ => &mut f.balance,
    }
}

const EXPENSE_FIELDS: &[Field] = &[
    ("content", &["支出内容", "支出项目"]),
    ("amount", &["实际支出数", "实际支出", "金额"]),
    ("vouchers", &["会计凭证号", "凭证号"]),
    ("note", &["备注"]),
];

/// 项目支出明细情况: the lines under the 支出内容 header down to 支出合计.
fn expenses(m: &mut Mapper<'_>, span: Span, form: &str) -> (Vec<ExpenseLine>, Option<Decimal>) {
    let mut lines = Vec::new();
    let Some((head, _)) = m.find_label(span, &["会计凭证号", "凭证号"]) else {
        m.missing.push(format!("{form} · 会计凭证号"));
        return (lines, None);
    };
    let doc = m.doc;
    let Some(cells) = doc.row(head) else {
        return (lines, None);
    };
    let cols = match_columns(&leaf_labels(&[cells]), EXPENSE_FIELDS);
    for (f, c) in EXPENSE_FIELDS.iter().zip(&cols) {
        if c.is_none() {
            m.missing.push(format!("{form} · {}", f.1[0]));
        }
    }
    let mut total = None;
    let mut found_total = false;
    for b in head + 1..span.end {
        let Some(cells) = doc.row(b) else { break };
        if cells.len() < 2 {
            break;
        }
        if cells.iter().all(|c| c.is_blank()) {
            continue;
        }
        let first = cols[0].and_then(|c| cells.get(c)).map(cell_label);
        if first
            .as_deref()
            .is_some_and(|l| label::is_any(l, &["支出合计", "合计"]))
        {
            total = cols[1].and_then(|c| m.amount(b, c, &format!("{form} · 支出合计")));
            found_total = true;
            break;
        }
        let content = cols[0].and_then(|c| m.text(b, c));
        let what = format!("{form} · {}", content.as_deref().unwrap_or("支出"));
        lines.push(ExpenseLine {
            amount: cols[1].and_then(|c| m.amount(b, c, &what)),
            vouchers: cols[2].and_then(|c| m.exact(b, c)).map(|s| VoucherRef::parse(&s)),
            note: cols[3].and_then(|c| m.text(b, c)),
            content,
        });
    }
    if !found_total {
        m.missing.push(format!("{form} · 支出合计"));
    }
    (lines, total)
}

pub fn project_form(m: &mut Mapper<'_>, span: Span, form: &str, stop: Option<Addr>) -> ProjectForm {
    let text = |m: &mut Mapper<'_>, labels: &[&str]| m.value_of(span, form, labels).and_then(|(b, c)| m.text(b, c));
    let name = match m.find_label(span, &["项目名称"]) {
        Some((b, c)) => m.text(b, c + 1),
        None => None,
    };
    let leader = text(m, &["项目负责人"]);
    let phone = text(m, &["联系电话"]);
    let address = text(m, &["项目地址"]);
    let postcode = text(m, &["邮编", "邮政编码"]);
    let period = text(m, &["项目起止时间", "项目实施时间"]);
    let funds = funds(m, span, form);
    let (expenses, expense_total) = expenses(m, span, form);
    let qualitative_goals = parts::goals(m, span, form);
    let indicators = super::indicators::indicators(m, span, form);
    let (self_score, grade) = parts::score_and_grade(m, span, form);
    let (evaluators, after) = parts::evaluators(m, span, form);
    let sign_offs = parts::sign_offs(m, span, after);
    let stream = m.stream(span);
    let filled_by = parts::filled_by(m, &stream, form);
    let narrative = parts::narrative(m, &stream, stop, form);
    ProjectForm {
        name,
        issuer: None,
        leader,
        phone,
        address,
        postcode,
        period,
        funds,
        expenses,
        expense_total,
        qualitative_goals,
        indicators,
        self_score,
        grade,
        evaluators,
        sign_offs,
        filled_by,
        narrative,
    }
}
