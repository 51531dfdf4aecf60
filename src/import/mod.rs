//! `fuhe import`: submitted forms (Word `.docx`, or its plain-text
//! extraction) into report files.
//!
//! Both inputs are first turned into the same plain structure, a sequence
//! of paragraphs and table rows ([`layout`]), by [`docx`] or [`txt`]; one
//! mapper then finds every part of the form by its printed label, never by
//! its position ([`forms`]), because every department retypes the template
//! a little differently. The mapper accounts for every number of the
//! source: it is either in the report or listed as not placed, with where
//! it was. Writing into a workspace is in [`write`].

mod department;
pub mod docx;
mod forms;
mod indicators;
pub mod label;
pub mod layout;
mod map;
mod parts;
mod project;
mod tables;
pub mod txt;
pub mod write;

pub use forms::{MapError, Mapped};
pub use layout::{Addr, Block, Cell, Doc};
pub use map::NotPlaced;

use std::fmt;
use std::path::{Path, PathBuf};

/// What `fuhe import` reads, for messages.
pub const ACCEPTED: &str = "fuhe import reads the Word form (.docx) and its plain-text extraction (.txt, UTF-8)";

/// Which reader a file went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Text,
}

/// A file that could not be imported: nothing was written for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ImportError {}

/// How to convert a file we cannot read into one we can.
fn convert_hint(path: &Path) -> String {
    format!(
        "convert it with `libreoffice --headless --convert-to docx {}` (or open it in Word and save as .docx)",
        path.display()
    )
}

/// Reads a file into blocks, choosing the reader by content (not by name,
/// which departments get wrong), with a message for everything else.
pub fn read_doc(path: &Path, bytes: &[u8]) -> Result<(Kind, Doc), String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(format!("the file is empty. {ACCEPTED}."));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") || bytes.starts_with(b"PK\x07\x08") {
        return docx::read(std::io::Cursor::new(bytes))
            .map(|d| (Kind::Docx, d))
            .map_err(|e| match e {
                docx::DocxError::NotZip(e) => format!(
                    "not a readable .docx: the zip archive is damaged or cut short ({e}). \
                     Ask for the file again, or open it in Word or LibreOffice and save it as .docx"
                ),
                docx::DocxError::NotWord(Some(kind)) => {
                    format!("this is {kind}, not a Word document. {ACCEPTED}; {}", convert_hint(path))
                }
                docx::DocxError::NotWord(None) => {
                    format!("a zip archive but not a Word document (no word/document.xml). {ACCEPTED}.")
                }
                docx::DocxError::BadXml(e) => format!(
                    "the Word document inside is damaged ({e}); open it in Word or LibreOffice and save it again as .docx"
                ),
            });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(format!(
            "this is a legacy Office file (.doc / .xls / .wps) or a password-protected document, which fuhe does not \
             read. {ACCEPTED}; remove the password, or {}",
            convert_hint(path)
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(format!(
            "this is a PDF, which fuhe does not read: its tables cannot be recovered reliably. {ACCEPTED}; \
             ask the department for the Word form (.docx)"
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(format!("this is an RTF document. {ACCEPTED}; {}", convert_hint(path)));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(format!(
            "this is UTF-16 text. {ACCEPTED}; convert it with `iconv -f UTF-16 -t UTF-8 {} > form.txt`",
            path.display()
        ));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(format!("this is a binary file, not a form. {ACCEPTED}."));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Kind::Text, txt::read(text))),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "line {line} is not UTF-8 text (byte 0x{:02X} at offset {at}); it was probably saved as GBK/GB18030. \
                 {ACCEPTED}: convert it with `iconv -f GB18030 -t UTF-8 {} > form.txt`, or import the .docx",
                bytes.get(at).copied().unwrap_or(0),
                path.display()
            ))
        }
    }
}

/// The most paragraphs and table rows a file may hold to be mapped. A real
/// form has a few hundred; a small .docx can inflate to millions of rows,
/// and mapping those takes minutes and hundreds of MB for a report fuhe
/// would then refuse to read (issue 14).
pub const MAX_BLOCKS: usize = 20_000;

/// Reads and maps one file. Nothing is written.
pub fn read_file(path: &Path) -> Result<(Kind, Mapped), ImportError> {
    let err = |message: String| ImportError {
        path: path.to_path_buf(),
        message,
    };
    if path.is_dir() {
        return Err(err(format!(
            "is a folder; pass the files in it (for example {}/*.docx)",
            path.display()
        )));
    }
    // A submitted .docx is a few hundred KB; the text extraction less.
    let bytes = crate::workspace::read_regular_file(path, 32 << 20).map_err(err)?;
    let (kind, doc) = read_doc(path, &bytes).map_err(err)?;
    if doc.blocks.len() > MAX_BLOCKS {
        return Err(err(format!(
            "holds more than {MAX_BLOCKS} paragraphs and table rows, far more than a form has (the sample has \
             about 300); it was not imported. Ask the department for the form as submitted"
        )));
    }
    let mapped = forms::map(&doc).map_err(|e| {
        err(match e {
            MapError::NoForm => format!(
                "no budget-performance self-evaluation form found in it (looked for 部门(单位)名称 on the cover \
                 and the 收入 / 支出 / 指标 tables). {ACCEPTED}."
            ),
            MapError::NoDepartment => {
                "the cover has no 部门(单位)名称 line (or it is blank), so the report cannot be named".to_string()
            }
            MapError::NoYear => "the title gives no budget year (such as “临湘市2024年度…”)".to_string(),
        })
    })?;
    Ok((kind, mapped))
}

/// Maps blocks to a report (for tests and other front ends).
pub fn map(doc: &Doc) -> Result<Mapped, MapError> {
    forms::map(doc)
}
