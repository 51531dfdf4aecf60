//! `fuhe export REPORT`: the review of one report as Markdown, HTML or CSV.

use fuhe::checks::check_report;
use fuhe::export::{Format, render};
use fuhe::review::summary::summarize;
use fuhe::settings::Settings;
use fuhe::workspace::{LoadedReport, Workspace, load_report, root_of, sanitize_id};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Word (the 复核意见书 as the bureau files it).
    Docx,
    Md,
    Html,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A report file, or a report's id (file name without .json) or department in the workspace.
    pub report: String,
    /// Output format (docx needs --out, or a redirect).
    #[arg(long, value_enum, default_value = "md")]
    pub format: ExportFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// The workspace to look the id up in (default: as for `fuhe`).
    #[arg(long)]
    pub workspace: Option<PathBuf>,
}

/// Finds the report: a file path, else an id or department name.
pub fn find_report(what: &str, workspace: Option<&Path>) -> Result<(PathBuf, LoadedReport), String> {
    let p = Path::new(what);
    if p.is_file() {
        let r = load_report(p).map_err(|e| e.to_string())?;
        return Ok((root_of(p), r));
    }
    let root = match workspace {
        Some(w) => w.to_path_buf(),
        None => Workspace::default_location().map_err(|e| e.to_string())?.0,
    };
    let ws = Workspace::open(&root).map_err(|e| e.to_string())?;
    let id = sanitize_id(what);
    let found = ws
        .reports
        .into_iter()
        .find(|r| r.id == id || r.report.department == what);
    match found {
        Some(r) => Ok((root, r)),
        None => Err(format!(
            "{what}: no such report file, and no report with that id or department in {}",
            root.display()
        )),
    }
}

/// Exports the report `r` of the workspace at `root` (found with
/// [`find_report`]).
pub fn run(args: &ExportArgs, root: &Path, r: LoadedReport, settings: &Settings) -> Result<i32, String> {
    let root = root.to_path_buf();
    super::summary::warn_rescued(&root, std::iter::once(r.id.as_str()));
    let rubric = settings.rubric();
    let flags = check_report(&r.report, &settings.check);
    let summary = summarize(&root, &r, &flags, rubric);
    if let Some(m) = &summary.invalid {
        eprintln!("fuhe: {}", fuhe::text::clean(&m.to_string()));
    }
    let format = match args.format {
        ExportFormat::Docx => Format::Docx,
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Html => Format::Html,
        ExportFormat::Csv => Format::Csv,
    };
    let doc = render(&r, &flags, &summary, format, settings.lang)?;
    match &args.out {
        Some(path) => {
            fuhe::atomic::write_atomic(path, &doc, || Ok(())).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => {
            use std::io::{IsTerminal, Write};
            if format == Format::Docx && std::io::stdout().is_terminal() {
                return Err("a Word document is not text: give --out FILE.docx (or redirect the output)".into());
            }
            let mut out = std::io::stdout().lock();
            out.write_all(&doc)
                .and_then(|_| out.flush())
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(0)
}
