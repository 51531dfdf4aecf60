//! `fuhe summary`: the bureau's 复核结果汇总表 — one row per report and
//! the totals.

use fuhe::checks::check_report;
use fuhe::export::summary::{self, Cell, Row};
use fuhe::labels::Lang;
use fuhe::review::Status;
use fuhe::review::summary::summarize;
use fuhe::settings::Settings;
use fuhe::text::{clean, fit, fit_right};
use fuhe::workspace::Workspace;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// Workspace folder (default: as for `fuhe`).
    pub workspace: Option<PathBuf>,
    /// Output format (xlsx needs --out, or a redirect).
    #[arg(long, value_enum, default_value_t)]
    pub format: SummaryFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum SummaryFormat {
    #[default]
    Text,
    /// An Excel workbook (the 复核结果汇总表 as the bureau files it).
    Xlsx,
    Csv,
    Json,
}

/// The summary of the workspace at `root` (the one named in `args`, else
/// the default).
pub fn run(root: &Path, args: &SummaryArgs, settings: &Settings, out: &mut dyn Write) -> Result<i32, String> {
    let lang = settings.lang;
    let root = root.to_path_buf();
    let ws = Workspace::open(&root).map_err(|e| e.to_string())?;
    warn_rescued(&root, ws.reports.iter().map(|r| r.id.as_str()));
    let (config, rubric) = (&settings.check, settings.rubric());
    let rows: Vec<Row> = ws
        .reports
        .iter()
        .map(|r| {
            let flags = check_report(&r.report, config);
            let s = summarize(&root, r, &flags, rubric);
            Row::of(r, &flags, &s)
        })
        .collect();
    for e in &ws.errors {
        eprintln!("fuhe: {}", clean(&e.to_string()));
    }
    let done = rows.iter().filter(|r| r.status == Some(Status::Done)).count();
    let started = rows.iter().filter(|r| r.status.is_some()).count();
    let with_errors = rows.iter().filter(|r| r.open_errors > 0).count();
    let bytes = match args.format {
        SummaryFormat::Text => text(&rows, lang, (done, started, with_errors)).into_bytes(),
        SummaryFormat::Xlsx => {
            use std::io::IsTerminal;
            if args.out.is_none() && std::io::stdout().is_terminal() {
                return Err("an Excel workbook is not text: give --out FILE.xlsx (or redirect the output)".into());
            }
            summary::xlsx(&rows, lang)?
        }
        SummaryFormat::Csv => {
            let mut c = csv::Writer::from_writer(Vec::new());
            let mut head: Vec<String> = vec!["file".into()];
            head.extend(summary::head(lang).into_iter().map(String::from));
            c.write_record(fuhe::text::csv_record(head))
                .map_err(|e| e.to_string())?;
            for r in &rows {
                let mut rec = vec![r.file.clone()];
                rec.extend(summary::cells(r, lang).into_iter().map(|c| match c {
                    Cell::Number(v) => v.to_string(),
                    Cell::Text(t) => t,
                    Cell::Blank => String::new(),
                }));
                c.write_record(fuhe::text::csv_record(rec)).map_err(|e| e.to_string())?;
            }
            c.into_inner().map_err(|e| e.to_string())?
        }
        SummaryFormat::Json => {
            let reports: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "file": r.file,
                        "id": r.id,
                        "department": r.department,
                        "year": r.year,
                        "self_score": r.self_score.map(|v| v.to_string()),
                        "self_grade": r.self_grade,
                        "suggested_score": r.suggested.map(|v| v.to_string()),
                        "suggested_grade": r.suggested_grade,
                        "to_judge": r.to_judge,
                        "review_score": r.review.map(|v| v.to_string()),
                        "review_grade": r.review_grade,
                        "scored": r.scored,
                        "items": r.items,
                        "conclusion": r.conclusion,
                        "confirmed": {"error": r.confirmed.0, "warning": r.confirmed.1, "info": r.confirmed.2},
                        "open_errors": r.open_errors,
                        "undecided": r.undecided,
                        "status": r.status,
                        "stale": r.stale,
                        "review_file_invalid": r.invalid,
                        "reviewer": r.reviewer,
                        "date": r.date,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "reports": reports,
                "totals": {"reports": rows.len(), "done": done, "in_progress": started - done, "not_reviewed": rows.len() - started, "with_open_errors": with_errors},
                "errors": ws.errors.iter().map(|e| clean(&e.to_string())).collect::<Vec<_>>(),
            });
            let mut v = serde_json::to_vec_pretty(&doc).map_err(|e| e.to_string())?;
            v.push(b'\n');
            v
        }
    };
    match &args.out {
        Some(path) => {
            fuhe::atomic::write_atomic(path, &bytes, || Ok(())).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => out
            .write_all(&bytes)
            .and_then(|_| out.flush())
            .map_err(|e| e.to_string())?,
    }
    Ok(if ws.errors.is_empty() { 0 } else { 2 })
}

/// The table for a terminal: names fitted by display width.
fn text(rows: &[Row], lang: Lang, (done, started, with_errors): (usize, usize, usize)) -> String {
    // The conclusion column fits the longest conclusion in the language.
    let cw = match lang {
        Lang::Zh => 8,
        Lang::En => 21,
    };
    let mut o = format!(
        "{} {} {} {} {} {} {} {}\n",
        fit(lang.t(&fuhe::labels::COL_DEPARTMENT), 20),
        fit_right(lang.t(&fuhe::labels::COL_YEAR), 4),
        fit_right(lang.t(&fuhe::labels::COL_SELF), 6),
        fit_right(lang.t(&fuhe::labels::COL_SUGGESTED), 7),
        fit(lang.t(&fuhe::labels::COL_REVIEW), 11),
        fit(lang.t(&fuhe::labels::COL_CONCLUSION), cw),
        fit_right(lang.t(&fuhe::labels::ERR), 4),
        lang.t(&fuhe::labels::COL_STATUS),
    );
    for r in rows {
        let review = match (&r.review, &r.review_grade) {
            (Some(v), Some(g)) => format!("{v} {}", fuhe::model::Grade::shown(g, lang)),
            _ => r.review_text(lang),
        };
        o.push_str(&format!(
            "{} {} {} {} {} {} {} {}\n",
            fit(&r.department, 20),
            fit_right(&r.year.to_string(), 4),
            fit_right(&r.self_score.map_or("—".into(), |d| d.to_string()), 6),
            fit_right(
                &r.suggested.map_or("—".into(), |d| if r.to_judge > 0 {
                    format!("≥{d}")
                } else {
                    d.to_string()
                }),
                7
            ),
            fit(&review, 11),
            fit(r.conclusion.map_or("—", |c| lang.t(c.label())), cw),
            fit_right(&r.open_errors.to_string(), 4),
            r.status_text(lang)
        ));
    }
    o.push_str(&match lang {
        Lang::Zh => format!(
            "合计 {} 份：已完成 {done}，审核中 {}，未审 {}；有未排除错误的 {with_errors} 份（“建议”是 fuhe 依据发现的问题给出的建议分，不是复核分；≥ 表示尚有只能由复核人判断的评分项）\n",
            rows.len(),
            started - done,
            rows.len() - started
        ),
        Lang::En => format!(
            "{} reports: {done} done, {} in progress, {} not reviewed; {with_errors} with errors not set aside (\"Sugg.\" is fuhe's suggestion from the findings, not a review score; ≥ means items only the reviewer can judge are open)\n",
            rows.len(),
            started - done,
            rows.len() - started
        ),
    });
    o
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
