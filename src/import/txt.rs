//! Reads the plain-text extraction of a form (Word's "save as text" with
//! tables kept): a line starting with a TAB is a table cell, in row order;
//! a blank line ends a row; a line holding only a TAB is an empty cell; a
//! line without a TAB continues the cell or paragraph above.
//!
//! The format is ambiguous in one place: after a blank line, a line
//! without a TAB may be the next paragraph of the same cell (a cell with an
//! empty paragraph inside, as in "三公经费 / (blank) / 合计") or a body
//! paragraph after the table. We read one blank line as a paragraph break
//! inside the cell, and two or more as the end of the table, which is what
//! Word's extraction produces for the template. Nothing hangs on guessing
//! wrong: the mapper reads headings, narrative and the 填报人 line from the
//! paragraph stream, in or out of cells.

use super::layout::{Block, Cell, Doc};

/// Parses the text. Blank paragraphs are not kept (they are layout).
pub fn read(text: &str) -> Doc {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut blocks = Vec::new();
    let mut row: Option<Vec<Cell>> = None;
    let mut blanks = 0usize;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(rest) = line.strip_prefix('\t') {
            if blanks > 0
                && let Some(r) = row.take()
            {
                blocks.push(Block::Row(r));
            }
            let mut cell = Cell::default();
            if !rest.trim().is_empty() {
                cell.paras.push(rest.to_string());
            }
            row.get_or_insert_with(Vec::new).push(cell);
            blanks = 0;
        } else if line.trim().is_empty() {
            blanks += 1;
        } else {
            match row.as_mut().and_then(|r| r.last_mut()) {
                Some(cell) if blanks <= 1 => cell.paras.push(line.to_string()),
                _ => {
                    if let Some(r) = row.take() {
                        blocks.push(Block::Row(r));
                    }
                    blocks.push(Block::Para(line.to_string()));
                }
            }
            blanks = 0;
        }
    }
    if let Some(r) = row.take() {
        blocks.push(Block::Row(r));
    }
    Doc { blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(b: &Block) -> Vec<Vec<&str>> {
        match b {
            Block::Row(cs) => cs
                .iter()
                .map(|c| c.paras.iter().map(String::as_str).collect())
                .collect(),
            Block::Para(p) => vec![vec![p.as_str()]],
        }
    }

    #[test]
    fn rows_cells_and_continuations() {
        let d = read("附件2\n\n\t机构名称\n\t三公经费\n\n合计\n\t其中：\n\n\t\n\t6.5\n\n\n填报人\r\n");
        assert_eq!(d.blocks.len(), 4);
        assert_eq!(d.blocks[0], Block::Para("附件2".into()));
        assert_eq!(
            cells(&d.blocks[1]),
            vec![vec!["机构名称"], vec!["三公经费", "合计"], vec!["其中："]]
        );
        assert_eq!(cells(&d.blocks[2]), vec![vec![], vec!["6.5"]]);
        assert_eq!(d.blocks[3], Block::Para("填报人".into()));
    }
}
