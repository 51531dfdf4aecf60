//! Reads a Word `.docx` (a zip holding `word/document.xml`) into blocks.
//!
//! Merged cells are expanded so that rows read like the text extraction:
//! a cell spanning columns (gridSpan) is one `w:tc`, so one cell; the
//! continuation of a vertically merged cell (vMerge without "restart") is
//! its own `w:tc`, normally empty, so an empty cell (its text is kept should
//! it have any, so that nothing goes missing). A nested table's paragraphs become paragraphs of
//! the outer cell, so that no text goes missing. Deleted text (tracked
//! changes) and the fallback copy of drawings are skipped; text boxes are
//! read as part of the paragraph that anchors them.

use super::layout::{Block, Cell, Doc};
use quick_xml::events::Event;
use std::io::{Read, Seek};

/// The most bytes of `word/document.xml` we inflate: a form is a few
/// hundred kB; a zip bomb is not a form.
const MAX_XML: u64 = 64 * 1024 * 1024;

/// Why a .docx could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive, or a damaged / truncated one.
    NotZip(String),
    /// A zip, but with no `word/document.xml`; holds what it looks like.
    NotWord(Option<&'static str>),
    /// `word/document.xml` is not well-formed XML.
    BadXml(String),
}

/// Opens the archive and reads the main document part.
pub fn read<R: Read + Seek>(reader: R) -> Result<Doc, DocxError> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| DocxError::NotZip(e.to_string()))?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    if !names.iter().any(|n| n == "word/document.xml") {
        return Err(DocxError::NotWord(guess_kind(&names)));
    }
    let file = zip
        .by_name("word/document.xml")
        .map_err(|e| DocxError::NotZip(e.to_string()))?;
    let mut xml = String::new();
    file.take(MAX_XML + 1)
        .read_to_string(&mut xml)
        .map_err(|e| DocxError::NotZip(format!("word/document.xml: {e}")))?;
    if xml.len() as u64 > MAX_XML {
        return Err(DocxError::NotZip("word/document.xml is larger than 64 MB".into()));
    }
    parse_document(&xml)
}

/// What an Office zip that is not a Word document probably is.
fn guess_kind(names: &[String]) -> Option<&'static str> {
    let has = |p: &str| names.iter().any(|n| n.starts_with(p));
    if has("xl/") {
        Some("an Excel workbook (.xlsx)")
    } else if has("ppt/") {
        Some("a PowerPoint file (.pptx)")
    } else if names.iter().any(|n| n == "content.xml") {
        Some("an OpenDocument file (.odt/.ods)")
    } else {
        None
    }
}

/// Collects the paragraphs and rows of `word/document.xml`.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// Depth of w:tbl elements; only the outermost table makes rows.
    tables: usize,
    row: Option<Vec<Cell>>,
    cell: Option<Cell>,
    /// Depth of w:p (text boxes nest paragraphs inside paragraphs).
    paras: usize,
    text: String,
    /// Inside w:t (text to keep).
    in_t: bool,
    /// Depth of w:r: a w:tab is a tab character only inside a run (in the
    /// paragraph properties it defines a tab stop).
    runs: usize,
    /// Depth of elements whose text is skipped (w:del, mc:Fallback, w:instrText…).
    skip: usize,
}

impl Builder {
    fn start(&mut self, name: &str) {
        if self.skip > 0 {
            if is_skipped(name) {
                self.skip += 1;
            }
            return;
        }
        match name {
            _ if is_skipped(name) => self.skip = 1,
            "tbl" => self.tables += 1,
            "tr" if self.tables == 1 => self.row = Some(Vec::new()),
            "tc" if self.tables == 1 => self.cell = Some(Cell::default()),
            "p" => {
                self.paras += 1;
                if self.paras == 1 {
                    self.text.clear();
                }
            }
            "t" => self.in_t = true,
            "r" => self.runs += 1,
            _ => {}
        }
    }

    fn empty(&mut self, name: &str) {
        if self.skip > 0 {
            return;
        }
        match name {
            "tab" if self.paras > 0 && self.runs > 0 => self.text.push('\t'),
            "br" | "cr" if self.paras > 0 && self.runs > 0 => self.text.push('\n'),
            "noBreakHyphen" if self.paras > 0 && self.runs > 0 => self.text.push('-'),
            "p" => {
                self.start("p");
                self.end("p");
            }
            "tc" if self.tables == 1 => {
                self.start("tc");
                self.end("tc");
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip > 0 {
            if is_skipped(name) {
                self.skip -= 1;
            }
            return;
        }
        match name {
            "t" => self.in_t = false,
            "r" => self.runs = self.runs.saturating_sub(1),
            "p" if self.paras > 0 => {
                self.paras -= 1;
                if self.paras == 0 {
                    let text = std::mem::take(&mut self.text);
                    self.paragraph(text);
                }
            }
            "tc" if self.tables == 1 => {
                if let Some(cell) = self.cell.take() {
                    self.row.get_or_insert_with(Vec::new).push(cell);
                }
            }
            "tr" if self.tables == 1 => {
                if let Some(row) = self.row.take() {
                    self.blocks.push(Block::Row(row));
                }
            }
            "tbl" => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
    }

    /// A finished paragraph: a line break inside it makes separate
    /// paragraphs, as the text extraction writes separate lines.
    fn paragraph(&mut self, text: String) {
        for line in text.split('\n') {
            if line.trim().is_empty() {
                continue;
            }
            match self.cell.as_mut() {
                Some(cell) => cell.paras.push(line.to_string()),
                // Outside any cell (or, in a malformed file, in a table but
                // outside a cell): a body paragraph.
                None => self.blocks.push(Block::Para(line.to_string())),
            }
        }
    }

    fn text(&mut self, s: &str) {
        if self.skip == 0 && self.in_t && self.paras > 0 {
            self.text.push_str(s);
        }
    }
}

/// Elements whose text is not part of the document as printed.
fn is_skipped(name: &str) -> bool {
    matches!(name, "del" | "Fallback" | "instrText" | "delInstrText" | "moveFrom")
}

/// The local name of an element, without its namespace prefix.
fn local(qname: &str) -> &str {
    qname.rsplit(':').next().unwrap_or(qname)
}

/// Parses the XML of the main document part.
pub fn parse_document(xml: &str) -> Result<Doc, DocxError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut b = Builder::default();
    let mut saw_body = false;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| DocxError::BadXml(format!("at byte {}: {e}", reader.buffer_position())))?;
        match ev {
            Event::Start(e) => {
                let name = local(e.name().as_ref()).to_string();
                saw_body |= name == "body";
                b.start(&name);
            }
            Event::Empty(e) => {
                saw_body |= local(e.name().as_ref()) == "body";
                b.empty(local(e.name().as_ref()));
            }
            Event::End(e) => {
                b.end(local(e.name().as_ref()));
                // Past the most a form can hold the caller refuses the file;
                // reading on would only cost time.
                if b.blocks.len() > super::MAX_BLOCKS {
                    break;
                }
            }
            Event::Text(t) => b.text(&t.xml10_content()),
            Event::CData(t) => b.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => {
                        let name = r.xml10_content();
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                    }
                    Err(e) => return Err(DocxError::BadXml(format!("bad character reference: {e}"))),
                };
                match resolved {
                    Some(s) => b.text(&s),
                    None => return Err(DocxError::BadXml("unknown entity reference".into())),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_body {
        return Err(DocxError::BadXml("no w:body element".into()));
    }
    // An unterminated row (malformed XML that still parsed) is kept.
    if let Some(row) = b.row.take() {
        b.blocks.push(Block::Row(row));
    }
    Ok(Doc { blocks: b.blocks })
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn merged_cells_read_like_the_text_extraction() {
        let xml = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>附件</w:t></w:r><w:r><w:t xml:space="preserve">2 &amp; 3</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>机构名称</w:t></w:r></w:p></w:tc>
            <w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>三公经费</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>6.5</w:t></w:r><w:r><w:delText>9</w:delText></w:r></w:p><w:del><w:r><w:t>7</w:t></w:r></w:del></w:tc></w:tr></w:tbl>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:tab/><w:t>c</w:t></w:r></w:p></w:body></w:document>"#
        );
        let d = parse_document(&xml).unwrap();
        assert_eq!(d.blocks[0], Block::Para("附件2 & 3".into()));
        match &d.blocks[1] {
            Block::Row(c) => {
                assert_eq!(c[0].paras, vec!["机构名称"]);
                assert_eq!(c[1].paras, vec!["三公经费", "合计"]);
            }
            _ => panic!("row expected"),
        }
        match &d.blocks[2] {
            Block::Row(c) => {
                assert!(c[0].paras.is_empty());
                assert_eq!(c[1].paras, vec!["6.5"]);
            }
            _ => panic!("row expected"),
        }
        assert_eq!(d.blocks[3], Block::Para("a".into()));
        assert_eq!(d.blocks[4], Block::Para("b\tc".into()));
    }

    #[test]
    fn bad_xml_is_an_error() {
        assert!(parse_document("<a><b></a>").is_err());
        assert!(parse_document("<x/>").is_err());
    }
}
