//! Writing an imported report into a workspace.
//!
//! The file is `reports/<id>.json`, id from department and year, so that
//! importing a corrected submission replaces the earlier one. It is
//! rewritten only when its content changed: an unchanged re-import leaves
//! the file (and its modification time) alone, so a review of it stays
//! current. A review is never touched: when the report changes, the review
//! records the hash of the old report and shows as stale.

use crate::model::Report;
use crate::workspace::sanitize_id;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No report with this id was there.
    New,
    /// The report was there with other content and was replaced.
    Replaced,
    /// The same content was there; nothing was written.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub id: String,
    /// Absolute or as given: `<root>/reports/<id>.json`.
    pub path: PathBuf,
    pub outcome: Outcome,
    /// `reviews/<id>.review.json` exists (kept; stale when replaced).
    pub has_review: bool,
}

/// The report id: department and year, sanitised.
pub fn report_id(report: &Report) -> String {
    sanitize_id(&format!("{}-{}", report.department.trim(), report.year))
}

/// The bytes a report file holds: pretty JSON with a final newline.
pub fn to_json(report: &Report) -> io::Result<Vec<u8>> {
    let mut s = serde_json::to_string_pretty(report).map_err(io::Error::other)?;
    s.push('\n');
    Ok(s.into_bytes())
}

/// Writes the report into the workspace at `root` unless the same content
/// is already there.
pub fn write_report(root: &Path, report: &Report) -> io::Result<Written> {
    let id = report_id(report);
    let path = root.join("reports").join(format!("{id}.json"));
    let bytes = to_json(report)?;
    let most = crate::workspace::MAX_REPORT_BYTES;
    if bytes.len() as u64 > most {
        return Err(io::Error::other(format!(
            "the report would be {:.1} MB, more than the {} MB fuhe reads; nothing was written",
            bytes.len() as f64 / 1_048_576.0,
            most >> 20
        )));
    }
    let has_review = crate::review::store::review_path(root, &id).exists();
    let outcome = match std::fs::read(&path) {
        Ok(old) if old == bytes => Outcome::Unchanged,
        Ok(_) => Outcome::Replaced,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Outcome::New,
        Err(e) => return Err(e),
    };
    if outcome != Outcome::Unchanged {
        crate::atomic::write_atomic(&path, &bytes, || Ok(()))?;
    }
    Ok(Written {
        id,
        path,
        outcome,
        has_review,
    })
}
