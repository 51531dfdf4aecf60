//! The document as Word (.docx): A4, 宋体 body and 黑体 headings named so
//! that Word and WPS pick them (with Times New Roman for Latin text), real
//! tables with borders, a grey header row that repeats on every page, kept
//! line breaks, a 草稿 marker on an unfinished review, and the report's hash
//! in a small footer.
//!
//! Two things docx-rs 0.4.22 cannot express are patched into the generated
//! XML before it is zipped (the parts are public fields of `XMLDocx`):
//! `<w:tblHeader/>` (header rows are built with `cant_split()`, which only
//! they use, and each such marker gets a `tblHeader` beside it), and the
//! font table (it lists only Latin fonts; 宋体 and 黑体 are added with their
//! SimSun / SimHei names and the GB2312 charset).

use super::document::{Block, Document, Table as DocTable};
use docx_rs::*;
use std::io::Cursor;

// ---- page geometry (twips: 1 cm = 567 twips) -------------------------------
const PAGE_W: u32 = 11906; // A4 210 mm
const PAGE_H: u32 = 16838; // A4 297 mm
const MARGIN_TB: i32 = 1440; // 2.54 cm
const MARGIN_LR: i32 = 1588; // 2.80 cm
const HEADER_DIST: i32 = 851; // 1.5 cm
const FOOTER_DIST: i32 = 992; // 1.75 cm
/// usable text width = 11906 - 2 * 1588 = 8730 twips
const TEXT_W: usize = (PAGE_W as i32 - 2 * MARGIN_LR) as usize;

// ---- fonts / sizes (sizes are half-points) ---------------------------------
const SONG: &str = "宋体"; // SimSun
const HEI: &str = "黑体"; // SimHei
const LATIN: &str = "Times New Roman";
const SZ_TITLE: usize = 36; // 18 pt (小二)
const SZ_HEADING: usize = 28; // 14 pt (四号)
const SZ_BODY: usize = 24; // 12 pt (小四)
const SZ_TABLE: usize = 21; // 10.5 pt (五号)
const SZ_FOOTER: usize = 18; // 9 pt (小五)
const GREY: &str = "808080";
const RED: &str = "C00000";
const HEAD_FILL: &str = "D9D9D9"; // light grey header shading

/// Text formatting used for every run we emit.
#[derive(Clone, Copy)]
struct Fmt {
    east_asia: &'static str,
    size: usize,
    bold: bool,
    color: Option<&'static str>,
}

impl Fmt {
    const fn new(east_asia: &'static str, size: usize) -> Self {
        Fmt {
            east_asia,
            size,
            bold: false,
            color: None,
        }
    }
    const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    const fn color(mut self, c: &'static str) -> Self {
        self.color = Some(c);
        self
    }
}

/// `<w:rFonts w:ascii=.. w:hAnsi=.. w:eastAsia=.. w:cs=.. w:hint="eastAsia"/>`
fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .east_asia(east_asia)
        .cs(LATIN)
        // ambiguous characters (“” — … etc.) are drawn with the East-Asian font
        .hint("eastAsia")
}

fn styled(run: Run, f: Fmt) -> Run {
    // Run::size sets both <w:sz> and <w:szCs>
    let mut run = run.fonts(fonts(f.east_asia)).size(f.size);
    if f.bold {
        run = run.bold();
    }
    if let Some(c) = f.color {
        run = run.color(c);
    }
    run
}

/// Append `text` to `p`, keeping '\n' as `<w:br/>` and '\t' as `<w:tab/>`.
/// (`Run::add_text` silently deletes '\n', so lines must be split here.)
fn add_text(mut p: Paragraph, text: &str, f: Fmt) -> Paragraph {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            // <w:br w:type="textWrapping" /> == a plain line break (Shift+Enter)
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, seg) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !seg.is_empty() {
                run = run.add_text(seg);
            }
        }
        p = p.add_run(styled(run, f));
    }
    p
}

fn para(text: &str, f: Fmt) -> Paragraph {
    add_text(Paragraph::new(), text, f)
}

fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(line)
        .line_rule(LineSpacingType::Auto)
}

// ---- tables ------------------------------------------------------------------

/// Scale relative widths to `total` twips; falls back to equal widths when the
/// number of widths does not match the column count (or all are 0).
fn scale_widths(rel: &[u32], ncols: usize, total: usize) -> Vec<usize> {
    if ncols == 0 {
        return vec![];
    }
    let rel: Vec<u64> = if rel.len() == ncols && rel.iter().any(|&w| w > 0) {
        rel.iter().map(|&w| u64::from(w.max(1))).collect()
    } else {
        vec![1; ncols]
    };
    let sum: u64 = rel.iter().sum();
    let mut out: Vec<usize> = rel.iter().map(|&w| (w * total as u64 / sum) as usize).collect();
    let used: usize = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total - used; // rounding remainder goes to the last column
    }
    out
}

fn table_borders() -> TableBorders {
    use TableBorderPosition::*;
    [Top, Left, Bottom, Right, InsideH, InsideV]
        .into_iter()
        .fold(TableBorders::new(), |b, pos| {
            b.set(
                TableBorder::new(pos)
                    .border_type(BorderType::Single)
                    .size(4) // eighths of a point -> 0.5 pt
                    .color("000000"),
            )
        })
}

fn cell(text: &str, width: usize, header: bool) -> TableCell {
    let f = if header {
        Fmt::new(SONG, SZ_TABLE).bold()
    } else {
        Fmt::new(SONG, SZ_TABLE)
    };
    let mut p = Paragraph::new().line_spacing(spacing(0, 0, 240));
    if header {
        p = p.align(AlignmentType::Center).keep_next(true);
    }
    // a <w:tc> must always contain at least one <w:p>, even when empty
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(add_text(p, text, f));
    if header {
        c = c.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(HEAD_FILL));
    }
    c
}

/// A header row. `cant_split()` doubles as the marker that `patch_tbl_header`
/// turns into `<w:tblHeader/>` — only header rows may use it.
fn head_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// Builds the Word table; returns it with the number of header rows emitted.
fn build_table(t: &DocTable) -> (docx_rs::Table, usize) {
    let ncols = t.head.len().max(t.rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
    let widths = scale_widths(&t.widths, ncols, TEXT_W);
    let mut rows = Vec::new();
    if !t.head.is_empty() {
        rows.push(head_row(
            (0..ncols)
                .map(|i| cell(t.head.get(i).map_or("", String::as_str), widths[i], true))
                .collect(),
        ));
    }
    let n_head = rows.len();
    for r in &t.rows {
        rows.push(TableRow::new(
            (0..ncols)
                .map(|i| cell(r.get(i).map_or("", String::as_str), widths[i], false))
                .collect(),
        ));
    }
    let table = docx_rs::Table::new(rows)
        .set_grid(widths) // <w:tblGrid><w:gridCol w:w=.. w:type="dxa"/>…
        .width(TEXT_W, WidthType::Dxa) // <w:tblW w:w="8730" w:type="dxa"/>
        .layout(TableLayoutType::Fixed) // keep our widths, no autofit
        .align(TableAlignmentType::Center)
        .set_borders(table_borders());
    (table, n_head)
}

// ---- XML post-processing --------------------------------------------------------

const CANT_SPLIT: &str = "<w:cantSplit />";

fn patch_tbl_header(xml: Vec<u8>, expected: usize) -> Result<Vec<u8>, String> {
    let s = String::from_utf8(xml).map_err(|e| format!("document.xml not UTF-8: {e}"))?;
    let found = s.matches(CANT_SPLIT).count();
    if found != expected {
        return Err(format!(
            "tblHeader patch: expected {expected} `{CANT_SPLIT}` markers, found {found} \
             (docx-rs serialization changed?)"
        ));
    }
    Ok(s.replace(CANT_SPLIT, "<w:cantSplit /><w:tblHeader />").into_bytes())
}

fn patch_font_table(xml: Vec<u8>) -> Result<Vec<u8>, String> {
    let s = String::from_utf8(xml).map_err(|e| format!("fontTable.xml not UTF-8: {e}"))?;
    let end = "</w:fonts>";
    if s.matches(end).count() != 1 {
        return Err("fontTable.xml: unexpected structure".into());
    }
    let cjk = concat!(
        r#"<w:font w:name="宋体"><w:altName w:val="SimSun" /><w:panose1 w:val="02010600030101010101" />"#,
        r#"<w:charset w:val="86" /><w:family w:val="auto" /><w:pitch w:val="variable" /></w:font>"#,
        r#"<w:font w:name="黑体"><w:altName w:val="SimHei" /><w:panose1 w:val="02010609060101010101" />"#,
        r#"<w:charset w:val="86" /><w:family w:val="modern" /><w:pitch w:val="fixed" /></w:font>"#,
    );
    Ok(s.replace(end, &format!("{cjk}{end}")).into_bytes())
}

// ---- document ---------------------------------------------------------------------

/// The .docx bytes of the document. docx-rs cannot fail on what fuhe
/// gives it except through the XML patches; such a failure (a changed
/// docx-rs) comes back as a message, never a broken file.
pub fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let body = Fmt::new(SONG, SZ_BODY);
    let mut docx = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TB)
                .bottom(MARGIN_TB)
                .left(MARGIN_LR)
                .right(MARGIN_LR)
                .header(HEADER_DIST)
                .footer(FOOTER_DIST),
        )
        .default_fonts(fonts(SONG))
        .default_size(SZ_BODY);

    let mut title = Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 360, 240))
        .outline_lvl(0);
    title = add_text(title, &doc.title, Fmt::new(HEI, SZ_TITLE).bold());
    if doc.draft {
        title = add_text(
            title,
            doc.w("（草稿）", " (draft)"),
            Fmt::new(HEI, SZ_TITLE).bold().color(RED),
        );
        docx = docx.header(
            Header::new().add_paragraph(
                para(
                    doc.w("草稿 — 复核未完成", "Draft — the review is not finished"),
                    Fmt::new(SONG, SZ_FOOTER).bold().color(RED),
                )
                .align(AlignmentType::Center),
            ),
        );
    }
    docx = docx.add_paragraph(title);

    // The header facts as a two-column table without a header row.
    let mut n_head_rows = 0;
    let facts = DocTable {
        head: Vec::new(),
        rows: doc.facts.iter().map(|(k, v)| vec![k.clone(), v.clone()]).collect(),
        widths: vec![28, 72],
    };
    docx = docx.add_table(build_table(&facts).0);
    docx = docx.add_paragraph(Paragraph::new().line_spacing(spacing(0, 0, 240)));

    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                docx = docx.add_paragraph(
                    para(text, Fmt::new(HEI, SZ_HEADING).bold())
                        .outline_lvl(1)
                        .keep_next(true)
                        .line_spacing(spacing(240, 120, 240)),
                );
            }
            Block::Text(text) => {
                docx = docx.add_paragraph(
                    para(text, body)
                        .align(AlignmentType::Both)
                        .keep_next(true)
                        .line_spacing(spacing(0, 60, 360)),
                );
            }
            Block::Table(t) => {
                let (table, n) = build_table(t);
                n_head_rows += n;
                docx = docx.add_table(table);
                docx = docx.add_paragraph(Paragraph::new().line_spacing(spacing(0, 0, 240)));
            }
        }
    }

    let reviewer = if doc.reviewer.trim().is_empty() {
        "__________"
    } else {
        &doc.reviewer
    };
    docx = docx
        .add_paragraph(
            para(
                &format!("{}{reviewer}", doc.w("复核人（签字）：", "Reviewer (signature): ")),
                body,
            )
            .align(AlignmentType::Right)
            .keep_next(true)
            .line_spacing(spacing(480, 0, 360)),
        )
        .add_paragraph(
            para(&format!("{}{}", doc.w("日期：", "Date: "), doc.date), body)
                .align(AlignmentType::Right)
                .line_spacing(spacing(0, 0, 360)),
        );
    docx = docx.footer(
        Footer::new()
            .add_paragraph(para(&doc.footer, Fmt::new(SONG, SZ_FOOTER).color(GREY)).align(AlignmentType::Center)),
    );

    let mut parts = docx.build();
    parts.document = patch_tbl_header(parts.document, n_head_rows)?;
    parts.font_table = patch_font_table(parts.font_table)?;
    let mut buf = Cursor::new(Vec::new());
    parts.pack(&mut buf).map_err(|e| format!("docx: {e}"))?;
    deflate(&buf.into_inner())
}

/// docx-rs stores its parts uncompressed (a three-page document is 250 KB);
/// compressed as Word itself does, it is a tenth of that — it goes by
/// e-mail and into the bureau's archive.
fn deflate(stored: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::{Read, Write};
    let e = |e: zip::result::ZipError| format!("docx: {e}");
    let mut zin = zip::ZipArchive::new(Cursor::new(stored)).map_err(e)?;
    let mut zout = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).map_err(e)?;
        if f.is_dir() {
            continue;
        }
        let name = f.name().map_err(e)?.to_string();
        let mut data = Vec::with_capacity(f.size() as usize);
        f.read_to_end(&mut data).map_err(|x| format!("docx: {x}"))?;
        zout.start_file(name, options).map_err(e)?;
        zout.write_all(&data).map_err(|x| format!("docx: {x}"))?;
    }
    Ok(zout.finish().map_err(e)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_scale_to_the_text_width() {
        assert_eq!(scale_widths(&[1, 4, 2], 3, 8730), vec![1247, 4988, 2495]);
        assert_eq!(scale_widths(&[], 3, 8730), vec![2910, 2910, 2910]);
        assert_eq!(scale_widths(&[1, 1], 3, 8730).iter().sum::<usize>(), 8730);
    }

    #[test]
    fn a_changed_docx_rs_is_an_error_not_a_broken_file() {
        assert!(patch_tbl_header(b"<w:p/>".to_vec(), 1).is_err());
        assert!(patch_font_table(b"<w:fonts></w:fonts><w:fonts></w:fonts>".to_vec()).is_err());
    }
}
