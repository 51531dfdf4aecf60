//! `fuhe export`: a report's review as the document the bureau files — the
//! 复核意见书 — in Word (.docx), Markdown, HTML (prints on A4) or CSV.
//!
//! What the document says is decided once, in [`document`], and each format
//! only lays it out, so the formats can never disagree. It says only what
//! the auditor decided: the findings they confirmed (with their notes),
//! those they set aside (不采纳, with the reason), and of the undecided ones
//! only how many; the score sheet keeps the department's self-score, fuhe's
//! suggestion and the auditor's score apart, and a review total exists only
//! once every line is scored. Until the review is marked done the document
//! is a draft (草稿) and says so. Times are local; no absolute paths.

mod csv;
mod document;
mod docx;
mod html;
mod markdown;
pub mod summary;

pub use document::{Block, Document, Table, document};

use crate::checks::Flag;
use crate::labels::Lang;
use crate::review::summary::Summary;
use crate::workspace::LoadedReport;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
    Docx,
}

/// Renders the export of a report's review.
pub fn render(r: &LoadedReport, flags: &[Flag], s: &Summary, format: Format, lang: Lang) -> Result<Vec<u8>, String> {
    let doc = document(r, flags, s, lang);
    Ok(match format {
        Format::Markdown => markdown::render(&doc).into_bytes(),
        Format::Html => html::render(&doc).into_bytes(),
        Format::Csv => csv::render(&doc).into_bytes(),
        Format::Docx => docx::render(&doc)?,
    })
}
