//! The mapper's bookkeeping: which source paragraphs went into which model
//! field, so that the import can prove that no number was dropped.
//!
//! Every helper that copies text into the report records, per source
//! paragraph, the strings it put there. At the end each number of each
//! paragraph ([`label::numbers`]) counts as placed when the same number
//! occurs in what that paragraph gave the report, and as not placed
//! otherwise (a paragraph nothing was taken from, a cell that is not an
//! amount, a column or row the form does not have). Counting against the
//! strings written, not against "was this cell visited", keeps the count
//! honest when a cell is split or parsed.

use super::label;
use super::layout::{Addr, Block, Cell, Doc};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A number of the source that landed in no field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotPlaced {
    /// As written.
    pub number: String,
    pub at: Addr,
    /// The paragraph it is in (shortened), and the row's label if in a table.
    pub context: String,
}

/// A half-open range of block indices: one form of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn blocks(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

pub struct Mapper<'d> {
    pub doc: &'d Doc,
    placed: HashMap<Addr, Vec<String>>,
    /// Labels looked for and not found ("整体表 · 联系人").
    pub missing: Vec<String>,
    /// Other things the auditor should know (a merged value left unsplit…).
    pub notes: Vec<String>,
}

impl<'d> Mapper<'d> {
    pub fn new(doc: &'d Doc) -> Mapper<'d> {
        Mapper {
            doc,
            placed: HashMap::new(),
            missing: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Records that `out` (a string now in the report) came from `at`.
    pub fn put(&mut self, at: Addr, out: &str) {
        self.placed.entry(at).or_default().push(out.to_string());
    }

    pub fn cell(&self, block: usize, cell: usize) -> Option<&'d Cell> {
        self.doc.row(block)?.get(cell)
    }

    pub fn addr(block: usize, cell: usize, para: usize) -> Addr {
        Addr {
            block,
            cell: Some(cell),
            para,
        }
    }

    /// The cell's text (paragraphs joined with `\n`, trimmed), recorded as
    /// placed; None when the cell is blank or missing.
    pub fn text(&mut self, block: usize, cell: usize) -> Option<String> {
        self.joined(block, cell, "\n")
    }

    /// Like [`Mapper::text`] with the paragraphs joined by `sep` (a label
    /// that the layout wraps over two lines is one label).
    pub fn joined(&mut self, block: usize, cell: usize, sep: &str) -> Option<String> {
        let c = self.cell(block, cell)?;
        let parts: Vec<&str> = c.paras.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
        if parts.is_empty() {
            return None;
        }
        for (i, p) in c.paras.iter().enumerate() {
            self.put(Self::addr(block, cell, i), p);
        }
        Some(parts.join(sep))
    }

    /// The cell's text exactly as written (paragraphs joined with `\n`,
    /// nothing trimmed): for voucher numbers, which are evidence.
    pub fn exact(&mut self, block: usize, cell: usize) -> Option<String> {
        let c = self.cell(block, cell)?;
        if c.is_blank() {
            return None;
        }
        for (i, p) in c.paras.iter().enumerate() {
            self.put(Self::addr(block, cell, i), p);
        }
        Some(c.paras.join("\n"))
    }

    /// The cell as an amount. Blank is None (never zero). Text that is not
    /// an amount is left out of the report, so its numbers are listed as
    /// not placed, with a note saying why.
    pub fn amount(&mut self, block: usize, cell: usize, what: &str) -> Option<Decimal> {
        let c = self.cell(block, cell)?;
        if c.is_blank() {
            return None;
        }
        let raw = c.paras.iter().map(|p| p.trim()).collect::<Vec<_>>().join("");
        match crate::model::amount::parse_amount(&raw) {
            Ok(d) => {
                for (i, p) in c.paras.iter().enumerate() {
                    self.put(Self::addr(block, cell, i), p);
                }
                Some(d)
            }
            Err(e) => {
                self.notes.push(format!(
                    "{what}: “{}” at {} is not an amount ({e}); left blank",
                    label::short(&raw, 30),
                    Self::addr(block, cell, 0)
                ));
                None
            }
        }
    }

    /// A whole number (staff counts), as [`Mapper::amount`].
    pub fn count(&mut self, block: usize, cell: usize, what: &str) -> Option<u32> {
        let c = self.cell(block, cell)?;
        if c.is_blank() {
            return None;
        }
        let raw = c.text();
        // "22人" is 22 people; anything else must be digits only.
        let digits = raw.trim_end_matches(['人', '名']).trim();
        match digits.parse::<u32>() {
            Ok(n) => {
                for (i, p) in c.paras.iter().enumerate() {
                    self.put(Self::addr(block, cell, i), p);
                }
                Some(n)
            }
            Err(_) => {
                self.notes.push(format!(
                    "{what}: “{}” at {} is not a whole number; left blank",
                    label::short(&raw, 30),
                    Self::addr(block, cell, 0)
                ));
                None
            }
        }
    }

    /// The first row in `span` with a cell that is one of `labels`:
    /// (block, cell index).
    pub fn find_label(&self, span: Span, labels: &[&str]) -> Option<(usize, usize)> {
        for b in span.blocks() {
            if let Some(cells) = self.doc.row(b) {
                for (i, c) in cells.iter().enumerate() {
                    if label::is_any(&c.paras.join(""), labels) {
                        return Some((b, i));
                    }
                }
            }
        }
        None
    }

    /// The cell right of the first cell labelled `labels`, as (block, cell).
    /// Records the label as missing under `form` when not found.
    pub fn value_of(&mut self, span: Span, form: &str, labels: &[&str]) -> Option<(usize, usize)> {
        match self.find_label(span, labels) {
            Some((b, i)) => Some((b, i + 1)),
            None => {
                self.missing.push(format!("{form} · {}", labels[0]));
                None
            }
        }
    }

    /// Every paragraph of `span` in reading order, body and cells alike.
    pub fn stream(&self, span: Span) -> Vec<(Addr, &'d str)> {
        self.doc
            .paragraphs()
            .into_iter()
            .filter(|(a, _)| span.blocks().contains(&a.block))
            .collect()
    }

    /// Number coverage: (placed count, the numbers not placed).
    pub fn coverage(&self) -> (usize, Vec<NotPlaced>) {
        let mut placed = 0;
        let mut missed = Vec::new();
        for (a, text) in self.doc.paragraphs() {
            let mut outs: Vec<&str> = self
                .placed
                .get(&a)
                .map(|v| v.iter().flat_map(|s| label::numbers(s)).collect())
                .unwrap_or_default();
            for n in label::numbers(text) {
                if let Some(i) = outs.iter().position(|o| *o == n) {
                    outs.swap_remove(i);
                    placed += 1;
                } else {
                    let row = match self.doc.blocks.get(a.block) {
                        Some(Block::Row(_)) => self
                            .doc
                            .row_label(a.block)
                            .map(|l| format!(" in row “{l}”"))
                            .unwrap_or_default(),
                        _ => String::new(),
                    };
                    missed.push(NotPlaced {
                        number: n.to_string(),
                        at: a,
                        context: format!("“{}”{row}", label::short(text, 24)),
                    });
                }
            }
        }
        (placed, missed)
    }
}
