//! `fuhe summary`: the bureau's 复核结果汇总表 — one row per report and
//! the totals.

use super::Format;
use fuhe::checks::check_report;
use fuhe::review::summary::{Summary, summarize};
use fuhe::settings::Settings;
use fuhe::text::{clean, fit, fit_right};
use fuhe::workspace::{LoadedReport, Workspace};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// Workspace folder (default: as for `fuhe`).
    pub workspace: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// The summary of the workspace at `root` (the one named in `args`, else
/// the default).
pub fn run(root: &Path, args: &SummaryArgs, settings: &Settings, out: &mut dyn Write) -> Result<i32, String> {
    let root = root.to_path_buf();
    let ws = Workspace::open(&root).map_err(|e| e.to_string())?;
    warn_rescued(&root, ws.reports.iter().map(|r| r.id.as_str()));
    let (config, rubric) = (&settings.check, settings.rubric());
    let rows: Vec<(&LoadedReport, Summary)> = ws
        .reports
        .iter()
        .map(|r| {
            let flags = check_report(&r.report, config);
            (r, summarize(&root, r, &flags, rubric))
        })
        .collect();
    let done = rows
        .iter()
        .filter(|(_, s)| s.status() == Some(fuhe::review::Status::Done))
        .count();
    let started = rows.iter().filter(|(_, s)| s.review.is_some()).count();
    let with_errors = rows.iter().filter(|(_, s)| s.open_errors > 0).count();
    let w = |e: std::io::Error| e.to_string();
    match args.format {
        super::Format::Text => {
            writeln!(
                out,
                "{} {} {} {} {} {} {} 状态",
                fit("部门", 20),
                fit_right("年度", 4),
                fit_right("自评", 6),
                fit_right("复核", 7),
                fit("等次", 4),
                fit("结论", 8),
                fit_right("错误", 4),
            )
            .map_err(w)?;
            for (r, s) in &rows {
                let dept = &s.forms[0];
                writeln!(
                    out,
                    "{} {} {} {} {} {} {} {}",
                    fit(&clean(&r.report.department), 20),
                    fit_right(&r.report.year.to_string(), 4),
                    fit_right(&dept.self_score.map_or("—".into(), |d| d.to_string()), 6),
                    fit_right(
                        &if s.review.is_some() {
                            dept.review.total.to_string()
                        } else {
                            "—".into()
                        },
                        7
                    ),
                    fit(if s.review.is_some() { &dept.review.grade } else { "—" }, 4),
                    fit(s.conclusion().map_or("—", |c| c.zh()), 8),
                    fit_right(&s.open_errors.to_string(), 4),
                    s.status_zh()
                )
                .map_err(w)?;
            }
            writeln!(
                out,
                "合计 {} 份：已完成 {done}，审核中 {}，未审 {}；有未驳回错误的 {with_errors} 份",
                rows.len(),
                started - done,
                rows.len() - started
            )
            .map_err(w)?;
            for e in &ws.errors {
                eprintln!("fuhe: {}", fuhe::text::clean(&e.to_string()));
            }
        }
        super::Format::Csv => {
            let mut c = csv::Writer::from_writer(out);
            c.write_record(fuhe::text::csv_record([
                "file",
                "department",
                "year",
                "self_score",
                "self_grade",
                "review_score",
                "review_grade",
                "conclusion",
                "open_errors",
                "undecided",
                "status",
                "stale",
            ]))
            .map_err(|e| e.to_string())?;
            for (r, s) in &rows {
                let d = &s.forms[0];
                c.write_record(fuhe::text::csv_record([
                    r.path.display().to_string(),
                    r.report.department.clone(),
                    r.report.year.to_string(),
                    d.self_score.map_or(String::new(), |v| v.to_string()),
                    d.self_grade.clone().unwrap_or_default(),
                    if s.review.is_some() {
                        d.review.total.to_string()
                    } else {
                        String::new()
                    },
                    if s.review.is_some() {
                        d.review.grade.clone()
                    } else {
                        String::new()
                    },
                    s.conclusion().map_or(String::new(), |c| c.zh().to_string()),
                    s.open_errors.to_string(),
                    s.undecided.to_string(),
                    s.status().map_or("not_reviewed".into(), |st| {
                        serde_json::to_value(st)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default()
                    }),
                    s.stale.to_string(),
                ]))
                .map_err(|e| e.to_string())?;
            }
            c.flush().map_err(w)?;
        }
        super::Format::Json => {
            let reports: Vec<serde_json::Value> = rows
                .iter()
                .map(|(r, s)| {
                    let d = &s.forms[0];
                    serde_json::json!({
                        "file": r.path.display().to_string(),
                        "id": r.id,
                        "department": r.report.department,
                        "year": r.report.year,
                        "self_score": d.self_score.map(|v| v.to_string()),
                        "self_grade": d.self_grade,
                        "review_score": s.review.as_ref().map(|_| d.review.total.to_string()),
                        "review_grade": s.review.as_ref().map(|_| d.review.grade.clone()),
                        "conclusion": s.conclusion(),
                        "open_errors": s.open_errors,
                        "undecided": s.undecided,
                        "status": s.status(),
                        "stale": s.stale,
                        "review_file_invalid": s.invalid,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "reports": reports,
                "totals": {"reports": rows.len(), "done": done, "in_progress": started - done, "not_reviewed": rows.len() - started, "with_open_errors": with_errors},
                "errors": ws.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(|e| e.to_string())?;
            writeln!(out).map_err(w)?;
        }
    }
    Ok(if ws.errors.is_empty() { 0 } else { 2 })
}

/// Work an earlier run could keep only in the rescue folder is not in the
/// workspace's reviews yet: what is printed from them lacks it, so say so.
pub fn warn_rescued<'a>(root: &std::path::Path, ids: impl Iterator<Item = &'a str>) {
    let Ok(data) = fuhe::workspace::data_dir() else { return };
    for id in ids {
        let p = fuhe::review::session::rescue_path(&data, root, id);
        if p.is_file() {
            eprintln!(
                "fuhe: {id}: review work kept only in {} is not in the workspace yet (open the report in fuhe to take it in); this output lacks it",
                fuhe::text::clean(&p.display().to_string())
            );
        }
    }
}
