//! `fuhe import FILE… [--into WORKSPACE]`: submitted forms into report
//! files, with one line per file saying what was placed and what the
//! checks found, and below it what was not placed or not found.

use fuhe::checks::{check_report, counts};
use fuhe::import::write::{Outcome, write_report};
use fuhe::import::{Mapped, read_file};
use fuhe::settings::Settings;
use fuhe::text::clean;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Submitted forms: Word .docx, or the form's plain-text extraction (.txt, UTF-8).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The workspace to write reports/<id>.json into (default: the current folder).
    #[arg(long, value_name = "WORKSPACE")]
    pub into: Option<PathBuf>,
}

/// Imports every file; a file that fails does not stop the others.
/// Exit code 0 when all were imported, 2 when any failed.
pub fn run(
    args: &ImportArgs,
    root: &Path,
    settings: &Settings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, String> {
    let root = root.to_path_buf();
    let config = &settings.check;
    let w = |e: std::io::Error| e.to_string();
    let mut failed = 0;
    let mut written_by: Vec<(String, PathBuf)> = Vec::new();
    for file in &args.files {
        let mapped = match read_file(file) {
            Ok((_, m)) => m,
            Err(e) => {
                failed += 1;
                writeln!(err, "fuhe: {}", clean(&e.to_string())).map_err(w)?;
                continue;
            }
        };
        let written = match write_report(&root, &mapped.report) {
            Ok(x) => x,
            Err(e) => {
                failed += 1;
                writeln!(
                    err,
                    "fuhe: {}: cannot write the report into {}: {e}",
                    file.display(),
                    root.display()
                )
                .map_err(w)?;
                continue;
            }
        };
        let flags = check_report(&mapped.report, config);
        let (errors, warnings, _) = counts(&flags);
        let state = match (written.outcome, written.has_review) {
            (Outcome::New, _) => "new".to_string(),
            (Outcome::Unchanged, _) => "unchanged, not rewritten".to_string(),
            (Outcome::Replaced, false) => "replaced".to_string(),
            (Outcome::Replaced, true) => "replaced; its review is kept and now stale".to_string(),
        };
        writeln!(
            out,
            "{} → {}: {}, {} numbers placed, {} not placed; {} errors, {} warnings ({state})",
            file_name(file),
            rel(&root, &written.path),
            forms(&mapped),
            mapped.placed,
            mapped.not_placed.len(),
            errors,
            warnings
        )
        .map_err(w)?;
        if let Some((_, other)) = written_by.iter().find(|(id, _)| *id == written.id)
            && written.outcome == Outcome::Replaced
        {
            writeln!(
                out,
                "  note: replaces what {} gave a moment ago (same department and year)",
                file_name(other)
            )
            .map_err(w)?;
        }
        written_by.push((written.id.clone(), file.clone()));
        details(&mapped, out).map_err(w)?;
    }
    Ok(if failed > 0 { 2 } else { 0 })
}

/// "1 整体表 + 2 项目表".
fn forms(m: &Mapped) -> String {
    format!("1 整体表 + {} 项目表", m.report.project_forms.len())
}

/// What was not placed, not found, or needs a look, one item a line.
fn details(m: &Mapped, out: &mut dyn Write) -> std::io::Result<()> {
    for n in &m.not_placed {
        writeln!(
            out,
            "  not placed: {} at {}: {}",
            clean(&n.number),
            n.at,
            clean(&n.context)
        )?;
    }
    for f in &m.missing {
        writeln!(out, "  not found: {}", clean(f))?;
    }
    for note in &m.notes {
        writeln!(out, "  note: {}", clean(note))?;
    }
    Ok(())
}

fn file_name(p: &Path) -> String {
    clean(
        &p.file_name()
            .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
    )
}

/// The report path relative to the workspace ("reports/x.json").
fn rel(root: &Path, p: &Path) -> String {
    clean(&p.strip_prefix(root).unwrap_or(p).display().to_string())
}
