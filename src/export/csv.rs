//! The document as CSV, for a spreadsheet: one record per fact and per
//! table row, the section in the first column. Cells keep their line
//! breaks (quoted) and are made inert ([`crate::text::csv_cell`] keeps no
//! formula live).

use super::document::{Block, Document};

/// A cell: its first line made inert (a spreadsheet reads a formula only
/// from a cell's start), every line cleaned, the line breaks kept.
fn cell(s: &str) -> String {
    let mut lines = s.split('\n');
    let mut out = crate::text::csv_cell(lines.next().unwrap_or_default());
    for l in lines {
        out.push('\n');
        out.push_str(&crate::text::clean(l));
    }
    out
}

pub fn render(doc: &Document) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let width = 1 + doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => t.head.len(),
            _ => 1,
        })
        .max()
        .unwrap_or(1)
        .max(2);
    let mut record = |cells: Vec<String>| {
        let mut r: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        r.resize(width, String::new());
        let _ = w.write_record(&r);
    };
    record(vec![doc.w("部分", "section").into(), doc.title.clone()]);
    if doc.draft {
        record(vec![doc.w("状态", "status").into(), doc.w("草稿", "draft").into()]);
    }
    for (k, v) in &doc.facts {
        record(vec![doc.w("概况", "facts").into(), k.clone(), v.clone()]);
    }
    let mut section = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => section = h.clone(),
            Block::Text(t) => record(vec![section.clone(), t.clone()]),
            Block::Table(t) => {
                let mut head = vec![format!("{section}{}", doc.w("（表头）", " (head)"))];
                head.extend(t.head.iter().cloned());
                record(head);
                for row in &t.rows {
                    let mut r = vec![section.clone()];
                    r.extend(row.iter().cloned());
                    record(r);
                }
            }
        }
    }
    record(vec![
        doc.w("签字", "signature").into(),
        doc.reviewer.clone(),
        doc.date.clone(),
    ]);
    record(vec![doc.w("报告", "report").into(), doc.footer.clone()]);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
