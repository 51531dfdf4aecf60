//! The intermediate form both readers produce: a flat sequence of blocks,
//! each a body paragraph or one table row of cells, each cell a list of
//! paragraphs.
//!
//! Why flat rows and not tables: Word joins adjacent tables, so a submitted
//! form is one or two huge tables on a shared column grid, and what the
//! mapper needs is "the row that holds 收入合计", never "table 3". Keeping
//! the two readers down to this shape means one mapper serves both, and a
//! test can compare a `.txt` import with a `.docx` import field for field.
//!
//! Every piece of text has an [`Addr`], so that a value that lands nowhere
//! can be reported with where it was.

use std::fmt;

/// One table cell: its paragraphs, blank ones left out. A merged cell's
/// continuation (Word's vMerge) is an empty cell, as in the text extraction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub paras: Vec<String>,
}

impl Cell {
    /// The cell's text, paragraphs joined with `\n`, trimmed.
    pub fn text(&self) -> String {
        self.paras.join("\n").trim().to_string()
    }

    pub fn is_blank(&self) -> bool {
        self.paras.iter().all(|p| p.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph outside any table (never blank).
    Para(String),
    /// One table row.
    Row(Vec<Cell>),
}

/// The blocks of one submitted file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

/// Where a paragraph is: block index (0-based), cell within the row (None
/// for a body paragraph), paragraph within the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Addr {
    pub block: usize,
    pub cell: Option<usize>,
    pub para: usize,
}

impl fmt::Display for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // 1-based for people.
        match self.cell {
            None => write!(f, "block {} (paragraph)", self.block + 1),
            Some(c) if self.para == 0 => write!(f, "block {} (table row), cell {}", self.block + 1, c + 1),
            Some(c) => write!(
                f,
                "block {} (table row), cell {}, paragraph {}",
                self.block + 1,
                c + 1,
                self.para + 1
            ),
        }
    }
}

impl Doc {
    /// Every paragraph with its address, in reading order.
    pub fn paragraphs(&self) -> Vec<(Addr, &str)> {
        let mut out = Vec::new();
        for (b, block) in self.blocks.iter().enumerate() {
            match block {
                Block::Para(t) => out.push((
                    Addr {
                        block: b,
                        cell: None,
                        para: 0,
                    },
                    t.as_str(),
                )),
                Block::Row(cells) => {
                    for (c, cell) in cells.iter().enumerate() {
                        for (p, t) in cell.paras.iter().enumerate() {
                            out.push((
                                Addr {
                                    block: b,
                                    cell: Some(c),
                                    para: p,
                                },
                                t.as_str(),
                            ));
                        }
                    }
                }
            }
        }
        out
    }

    pub fn row(&self, block: usize) -> Option<&[Cell]> {
        match self.blocks.get(block) {
            Some(Block::Row(cells)) => Some(cells),
            _ => None,
        }
    }

    /// The text at an address, if there is one.
    pub fn text_at(&self, a: Addr) -> Option<&str> {
        match (self.blocks.get(a.block)?, a.cell) {
            (Block::Para(t), None) => Some(t),
            (Block::Row(cells), Some(c)) => cells.get(c)?.paras.get(a.para).map(String::as_str),
            _ => None,
        }
    }

    /// A short description of a row for messages: its first non-blank cell.
    pub fn row_label(&self, block: usize) -> Option<String> {
        let cells = self.row(block)?;
        let first = cells.iter().find(|c| !c.is_blank())?;
        Some(crate::import::label::short(&first.text(), 20))
    }

    /// True when the document holds no table rows and no text at all.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}
