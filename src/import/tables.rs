//! Tables found by their header labels: which column holds which field.
//!
//! A header can span several rows (机构名称 / 支出合计 / 其中： over
//! 基本支出 / 项目支出, over 人员支出 / 公用支出). The text extraction has
//! no column grid, only cells in order, with an empty cell where a merged
//! cell continues. Each column's label is the lowest non-blank header cell
//! above it: walking up, an empty cell stands for the cell above it, and a
//! run of filled cells stands for the one group cell above them ("其中：").
//! Columns are then matched to fields by label, so a template with columns
//! in another order, or without one, still maps; a column nobody knows is
//! left unmapped and its numbers are reported as not placed.

use super::label;
use super::layout::Cell;
use super::map::{Mapper, Span};
use crate::model::Table;
use rust_decimal::Decimal;

/// A field and the labels its column may carry.
pub type Field = (&'static str, &'static [&'static str]);

fn blank(c: &Cell) -> bool {
    c.is_blank()
}

/// Label of a header cell: paragraphs joined without a break.
pub fn cell_label(c: &Cell) -> String {
    c.paras.iter().map(|p| p.trim()).collect::<Vec<_>>().join("")
}

/// For each cell of `lower`, the index of the cell of `upper` it sits under.
fn parents(lower: &[Cell], upper_len: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(lower.len());
    let mut u = 0usize;
    let mut i = 0usize;
    while i < lower.len() {
        if blank(&lower[i]) {
            out.push(u);
            i += 1;
        } else {
            while i < lower.len() && !blank(&lower[i]) {
                out.push(u);
                i += 1;
            }
        }
        u += 1;
    }
    out.into_iter().map(|p| p.min(upper_len.saturating_sub(1))).collect()
}

/// The label of each column of the last header row (see the module doc).
pub fn leaf_labels(rows: &[&[Cell]]) -> Vec<String> {
    let Some(last) = rows.last() else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(last.len());
    for j in 0..last.len() {
        let mut r = rows.len() - 1;
        let mut pos = j;
        let mut found = String::new();
        while let Some(c) = rows[r].get(pos) {
            let l = cell_label(c);
            if !label::norm(&l).is_empty() {
                found = l;
                break;
            }
            if r == 0 {
                break;
            }
            let ps = parents(rows[r], rows[r - 1].len());
            pos = ps.get(pos).copied().unwrap_or(pos);
            r -= 1;
        }
        out.push(found);
    }
    out
}

/// For each field, the column whose label is one of the field's labels.
pub fn match_columns(leaves: &[String], fields: &[Field]) -> Vec<Option<usize>> {
    fields
        .iter()
        .map(|(_, labels)| leaves.iter().position(|l| label::is_any(l, labels)))
        .collect()
}

/// The header rows starting at `first`: it, then the rows right under it
/// whose first cell is blank and that hold no amount (a merged header).
pub fn header_rows(m: &Mapper<'_>, span: Span, first: usize) -> Vec<usize> {
    let mut out = vec![first];
    let mut b = first + 1;
    while b < span.end {
        let Some(cells) = m.doc.row(b) else { break };
        let first_blank = cells.first().is_none_or(blank);
        let has_amount = cells
            .iter()
            .any(|c| !blank(c) && crate::model::amount::parse_amount(&c.text()).is_ok());
        if !first_blank || has_amount || cells.len() < 2 {
            break;
        }
        out.push(b);
        b += 1;
    }
    out
}

/// One of the four institution tables of the department form.
pub struct InstitutionTable {
    /// Shown in messages ("年度收入情况").
    pub name: &'static str,
    /// Labels that identify the table's header (its total column).
    pub key: &'static [&'static str],
    /// The value columns, in model order.
    pub fields: &'static [Field],
}

/// Labels that start another table: the rows of one table end there.
pub const TABLE_KEYS: &[&str] = &["机构名称", "收入合计", "支出合计", "三公经费合计", "固定资产合计"];

/// Reads an institution table: the summary row (局机关及二级机构汇总) and
/// each institution row, blank rows left out, rows that carry a label kept
/// even when empty. Returns the table and, per row, its values.
pub fn institution_table(
    m: &mut Mapper<'_>,
    span: Span,
    form: &str,
    t: &InstitutionTable,
) -> Table<(String, Vec<Option<Decimal>>)> {
    let mut table = Table::default();
    let Some((head, _)) = m.find_label(span, t.key) else {
        m.missing.push(format!("{form} · {} ({})", t.name, t.key[0]));
        return table;
    };
    let heads = header_rows(m, span, head);
    let rows: Vec<&[Cell]> = heads.iter().filter_map(|&b| m.doc.row(b)).collect();
    let leaves = leaf_labels(&rows);
    let cols = match_columns(&leaves, t.fields);
    let name_col = leaves
        .iter()
        .position(|l| label::is_any(l, &["机构名称", "单位名称", "机构"]))
        .unwrap_or(0);
    for (f, c) in t.fields.iter().zip(&cols) {
        if c.is_none() {
            m.missing.push(format!("{form} · {} · {}", t.name, f.1[0]));
        }
    }
    let mut b = heads.last().copied().unwrap_or(head) + 1;
    while b < span.end {
        let Some(cells) = m.doc.row(b) else { break };
        if cells.len() < 2 || cells.iter().any(|c| label::is_any(&cell_label(c), TABLE_KEYS)) {
            break;
        }
        b += 1;
        if cells.iter().all(blank) {
            continue;
        }
        let name = m.joined(b - 1, name_col, "").unwrap_or_default();
        let values: Vec<Option<Decimal>> = cols
            .iter()
            .zip(t.fields)
            .map(|(c, f)| c.and_then(|c| m.amount(b - 1, c, &format!("{} · {name} · {}", t.name, f.1[0]))))
            .collect();
        let is_summary = label::contains(&name, "汇总") || label::is_any(&name, &["合计", "总计"]);
        if is_summary && table.summary.is_none() {
            table.summary = Some((name, values));
        } else {
            table.institutions.push((name, values));
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells
            .iter()
            .map(|c| Cell {
                paras: if c.is_empty() { vec![] } else { vec![c.to_string()] },
            })
            .collect()
    }

    #[test]
    fn leaves_of_a_three_row_header() {
        let r1 = row(&["机构名称", "支出合计", "其中：", "结余"]);
        let r2 = row(&["", "", "基本支出", "其中：", "项目支出", "当年结余", "累计结余"]);
        let r3 = row(&["", "", "", "人员支出", "公用支出", "", "", ""]);
        let leaves = leaf_labels(&[&r1, &r2, &r3]);
        assert_eq!(
            leaves,
            vec![
                "机构名称",
                "支出合计",
                "基本支出",
                "人员支出",
                "公用支出",
                "项目支出",
                "当年结余",
                "累计结余"
            ]
        );
        let r1 = row(&["机构名称", "固定资产合计", "其中：", "其他"]);
        let r2 = row(&["", "", "在用固定资产", "出租固定资产", ""]);
        assert_eq!(
            leaf_labels(&[&r1, &r2]),
            vec!["机构名称", "固定资产合计", "在用固定资产", "出租固定资产", "其他"]
        );
    }
}
