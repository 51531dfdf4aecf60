//! A workspace is a folder with `reports/` (one JSON file per submission)
//! and, beside it, `reviews/` written by the review interface.
//!
//! Loading never stops at a bad file: each malformed report becomes a
//! [`LoadError`] naming the file, line, column and JSON path, and every other
//! report still loads, because one department's broken upload must not keep
//! an auditor from the other ninety-nine.

use crate::model::Report;
pub use crate::paths::{data_dir, id_of, samples_dir, sanitize_id};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// A report file that loaded.
#[derive(Debug, Clone)]
pub struct LoadedReport {
    /// From the file name, sanitised (see [`sanitize_id`]).
    pub id: String,
    pub path: PathBuf,
    pub report: Report,
    /// SHA-256 of the file's bytes, to tell when a review is of an older version.
    pub sha256: String,
}

/// A report file that did not load, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where in the JSON document ("department_form.income.summary.total").
    pub json_path: Option<String>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // File names and messages quote what a report holds: cleaned, so
        // no escape sequence reaches a terminal through stderr.
        let clean = crate::text::clean;
        write!(f, "{}", clean(&self.path.display().to_string()))?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, ":{l}:{c}")?;
        }
        write!(f, ": ")?;
        if let Some(p) = &self.json_path {
            write!(f, "at {}: ", clean(p))?;
        }
        write!(f, "{}", clean(&self.message))
    }
}

impl std::error::Error for LoadError {}

/// Reports and load errors of one folder (or of a list of files).
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    pub root: PathBuf,
    pub reports: Vec<LoadedReport>,
    pub errors: Vec<LoadError>,
    /// True for the built-in sample workspace (extracted to the data folder).
    pub bundled: bool,
}

/// Reads and parses one report file.
pub fn load_report(path: &Path) -> Result<LoadedReport, LoadError> {
    load_report_with(path, true)
}

/// Like [`load_report`]; without `hash`, `sha256` is left empty (it is only
/// needed to tell whether a review is stale, and hashing costs as much as
/// checking when there are thousands of reports and no reviews).
pub fn load_report_with(path: &Path, hash: bool) -> Result<LoadedReport, LoadError> {
    load_report_bytes(path, &read_report_file(path)?, hash)
}

/// The largest report file fuhe reads. A real report is well under 1 MB
/// (the sample is 60 KB); anything far larger is not a self-evaluation and
/// must not hold a shared server's memory.
pub const MAX_REPORT_BYTES: u64 = 8 << 20;

/// A file's bytes, read only when it is a regular file (following a
/// symlink) of at most `max` bytes: a FIFO would block forever, a device
/// such as `/dev/zero` would never end, and an odd huge file would hold
/// the machine. The message says which.
pub fn read_regular_file(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file (a folder, FIFO, socket or device); fuhe reads only regular files".into());
    }
    let too_big = |n: u64| {
        format!(
            "is {:.1} MB, more than the {} MB a report can be; not read (a real form is well under 1 MB)",
            n as f64 / 1_048_576.0,
            max >> 20
        )
    };
    if meta.len() > max {
        return Err(too_big(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A report file's bytes, or the reason they cannot be read.
pub fn read_report_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_regular_file(path, MAX_REPORT_BYTES).map_err(|message| LoadError {
        path: path.to_path_buf(),
        line: None,
        column: None,
        json_path: None,
        message,
    })
}

/// Like [`load_report_with`], for a file already read.
pub fn load_report_bytes(path: &Path, bytes: &[u8], hash: bool) -> Result<LoadedReport, LoadError> {
    let report = parse_report(bytes).map_err(|mut e| {
        e.path = path.to_path_buf();
        e
    })?;
    Ok(LoadedReport {
        id: id_of(path),
        path: path.to_path_buf(),
        report,
        sha256: if hash {
            crate::hash::sha256_hex(bytes)
        } else {
            String::new()
        },
    })
}

/// Parses report JSON; the error's path is left empty for the caller.
pub fn parse_report(bytes: &[u8]) -> Result<Report, LoadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError {
            path: PathBuf::new(),
            line: None,
            column: None,
            json_path: None,
            message: "the file is empty (expected a report: a JSON object)".into(),
        });
    }
    // Tracking the JSON path costs a quarter of the parse, and only a failed
    // parse needs it: read plainly first, and again with tracking on error.
    let report: Report = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(_) => parse_tracked(bytes)?,
    };
    if report.fuhe_report > crate::model::REPORT_FORMAT {
        return Err(LoadError {
            path: PathBuf::new(),
            line: None,
            column: None,
            json_path: Some("fuhe_report".into()),
            message: format!(
                "format version {} is newer than this fuhe reads ({}); update fuhe",
                report.fuhe_report,
                crate::model::REPORT_FORMAT
            ),
        });
    }
    if let Some((json_path, message)) = beyond_any_form(&report) {
        return Err(LoadError {
            path: PathBuf::new(),
            line: None,
            column: None,
            json_path: Some(json_path),
            message,
        });
    }
    Ok(report)
}

/// The most indicators one form holds, project forms one report holds,
/// and expense lines it lists. A real form has tens of indicators and a department a few tens of
/// projects; the limits are far above that and far below what makes the
/// checks and the interface slow (20 000 indicators made each key take a
/// second before the rows learned to find their findings; issue 14).
pub const MAX_INDICATORS: usize = 1000;
pub const MAX_PROJECT_FORMS: usize = 500;
/// The most expense lines (支出明细) of all project forms of a report
/// together: a project lists tens, the expense tab shows them all.
pub const MAX_EXPENSE_LINES: usize = 20_000;

/// Where a report holds more than any form does, and what it holds.
fn beyond_any_form(report: &Report) -> Option<(String, String)> {
    use crate::item::ItemPath;
    use crate::model::Form;
    if report.project_forms.len() > MAX_PROJECT_FORMS {
        return Some((
            "project_forms".into(),
            format!(
                "{} project forms, more than the {MAX_PROJECT_FORMS} a report can hold; not read",
                report.project_forms.len()
            ),
        ));
    }
    let lines: usize = report.project_forms.iter().map(|p| p.expenses.len()).sum();
    if lines > MAX_EXPENSE_LINES {
        return Some((
            "project_forms".into(),
            format!("{lines} expense lines in all, more than the {MAX_EXPENSE_LINES} a report can hold; not read"),
        ));
    }
    let forms = std::iter::once((ItemPath::department(), report.department_form.indicators())).chain(
        report
            .project_forms
            .iter()
            .enumerate()
            .map(|(i, p)| (ItemPath::project(i), p.indicators())),
    );
    for (place, indicators) in forms {
        if indicators.len() > MAX_INDICATORS {
            return Some((
                format!("{place}.indicators"),
                format!(
                    "{} indicators in one form, more than the {MAX_INDICATORS} a form can hold; not read",
                    indicators.len()
                ),
            ));
        }
    }
    None
}

/// The slower parse that knows the JSON path of an error, for files that
/// failed the plain one.
fn parse_tracked(bytes: &[u8]) -> Result<Report, LoadError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let mut message = inner.to_string();
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        if inner.is_eof() {
            message = format!("the file ends too early (truncated?): {message}");
        } else if inner.is_syntax() {
            message = format!("not valid JSON: {message}");
        }
        LoadError {
            path: PathBuf::new(),
            line: (line > 0).then_some(line),
            column: (line > 0).then_some(column),
            json_path: (path != "." && !path.is_empty()).then_some(path),
            message,
        }
    })
}

/// Every `*.json` below `dir` (review files and hidden files excluded), sorted.
pub fn report_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(entry.path());
            } else if name.ends_with(".json") && !name.ends_with(".review.json") && !name.ends_with(".schema.json") {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// [`report_files`], without the links that lead out of the workspace: a
/// report linked in from elsewhere on a shared server (`reports/x.json →
/// /home/other/…`) is not read, and is named instead. The workspace is the
/// folder holding `reports/` (or the folder itself).
pub fn workspace_report_files(dir: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<LoadError>)> {
    let files = report_files(dir)?;
    let root = if dir.file_name().is_some_and(|n| n == "reports") {
        dir.parent().unwrap_or(dir)
    } else {
        dir
    };
    let Ok(root) = fs::canonicalize(root) else {
        return Ok((files, Vec::new()));
    };
    let (mut kept, mut errors) = (Vec::new(), Vec::new());
    for f in files {
        let linked = fs::symlink_metadata(&f).is_ok_and(|m| m.file_type().is_symlink());
        let outside = linked && fs::canonicalize(&f).map_or(true, |t| !t.starts_with(&root));
        if outside {
            let target = fs::read_link(&f).map(|t| t.display().to_string()).unwrap_or_default();
            errors.push(LoadError {
                path: f,
                line: None,
                column: None,
                json_path: None,
                message: format!("a link to {target}, outside the workspace; not read (copy the file in instead)"),
            });
        } else {
            kept.push(f);
        }
    }
    Ok((kept, errors))
}

impl Workspace {
    /// Opens a workspace folder: its `reports/` if it has one, else the
    /// JSON files in the folder itself.
    pub fn open(root: &Path) -> Result<Workspace, LoadError> {
        let reports_dir = root.join("reports");
        let dir = if reports_dir.is_dir() {
            reports_dir
        } else {
            root.to_path_buf()
        };
        let (files, outside) = workspace_report_files(&dir).map_err(|e| LoadError {
            path: dir.clone(),
            line: None,
            column: None,
            json_path: None,
            message: format!("cannot read the folder: {e}"),
        })?;
        let mut ws = Workspace::from_files(&files);
        ws.errors.extend(outside);
        ws.root = root.to_path_buf();
        Ok(ws)
    }

    /// Loads the given report files; bad ones become errors.
    pub fn from_files(files: &[PathBuf]) -> Workspace {
        let mut ws = Workspace::default();
        for f in files {
            match load_report(f) {
                Ok(r) => ws.reports.push(r),
                Err(e) => ws.errors.push(e),
            }
        }
        ws
    }

    /// The report files that files and folders given on a command line
    /// stand for, in order, without reading them; folders that cannot be
    /// listed become errors.
    pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for p in paths {
            if p.is_dir() {
                let reports = p.join("reports");
                let dir = if reports.is_dir() { reports } else { p.clone() };
                match workspace_report_files(&dir) {
                    Ok((f, outside)) => {
                        files.extend(f);
                        errors.extend(outside);
                    }
                    Err(e) => errors.push(LoadError {
                        path: dir,
                        line: None,
                        column: None,
                        json_path: None,
                        message: format!("cannot read the folder: {e}"),
                    }),
                }
            } else {
                files.push(p.clone());
            }
        }
        (files, errors)
    }

    /// The workspace `fuhe` uses without an argument: the current folder when
    /// it holds `reports/`, else the bundled samples.
    pub fn default_location() -> std::io::Result<(PathBuf, bool)> {
        let cwd = std::env::current_dir()?;
        if cwd.join("reports").is_dir() {
            return Ok((cwd, false));
        }
        Ok((extract_samples()?, true))
    }
}

/// The sample reports compiled into the binary: (file name, JSON).
pub const SAMPLES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// Writes the bundled samples to [`samples_dir`] (only files that differ)
/// and returns that folder.
pub fn extract_samples() -> std::io::Result<PathBuf> {
    let root = samples_dir()?;
    let reports = root.join("reports");
    fs::create_dir_all(&reports)?;
    for (name, json) in SAMPLES {
        let path = reports.join(name);
        if fs::read(&path).ok().as_deref() != Some(json.as_bytes()) {
            fs::write(&path, json)?;
        }
    }
    Ok(root)
}

/// The workspace a report file belongs to: the folder holding its
/// `reports/`, else the file's own folder.
pub fn root_of(report_file: &Path) -> PathBuf {
    let parent = report_file.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut dir = parent.clone();
    // reports/ may have subfolders: walk up to the one named reports.
    while let Some(name) = dir.file_name() {
        if name == "reports" {
            return dir.parent().map(Path::to_path_buf).unwrap_or_default();
        }
        if !dir.pop() {
            break;
        }
    }
    if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_file_names() {
        assert_eq!(sanitize_id("linxiang-data-bureau-2024"), "linxiang-data-bureau-2024");
        assert_eq!(sanitize_id("临湘市数据局-2024"), "临湘市数据局-2024");
        assert_eq!(sanitize_id("../../etc/passwd"), "_._.._etc_passwd");
        assert_eq!(sanitize_id(".hidden"), "_hidden");
        assert_eq!(sanitize_id(""), "report");
        assert!(!sanitize_id("a/b\\c:d").contains(['/', '\\', ':']));
    }

    #[test]
    fn errors_name_line_column_and_path() {
        let e = parse_report(b"").unwrap_err();
        assert!(e.message.contains("empty"));
        let e = parse_report(b"{\"department\": \"x\", \"year\": 2024, \"department_form\": {").unwrap_err();
        assert!(e.message.contains("truncated"), "{e}");
        let e = parse_report(
            r#"{"department": "x", "year": 2024,
"department_form": {"income": {"summary": {"institution": "a", "total": "12万"}}}}"#
                .as_bytes(),
        )
        .unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.json_path.as_deref(), Some("department_form.income.summary.total"));
        assert!(e.message.contains("12万"), "{e}");
        let e = parse_report(br#"{"department": "x", "year": 2024, "department_form": {}, "colour": 1}"#).unwrap_err();
        assert!(e.message.contains("unknown field `colour`"), "{e}");
        let e =
            parse_report(br#"{"fuhe_report": 2, "department": "x", "year": 2024, "department_form": {}}"#).unwrap_err();
        assert!(e.message.contains("newer"), "{e}");
    }
}
