//! `fuhe check`: the findings of every report, for people (text) and for
//! scripts (JSON, CSV). Exit status: 0 no errors, 1 some report has an
//! error-severity flag, 2 a report or folder could not be read (the others
//! are still checked).

use super::Format;
use fuhe::cache::{CheckCache, Entry, content_hash};
use fuhe::checks::{CheckConfig, Flag, Severity, check_report, counts};
use fuhe::labels::{self, Lang};
use fuhe::review::summary::{Summary, summarize_with};
use fuhe::settings::Settings;
use fuhe::text::{clean, width, wrap};
use fuhe::workspace::{LoadError, root_of};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Report files or workspace folders (default: as for `fuhe`).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Text width for the text format (default: the terminal's, else 80).
    #[arg(long)]
    pub width: Option<usize>,
    /// Check every report afresh, without reading or writing the cache of
    /// earlier results (see README: the check cache).
    #[arg(long)]
    pub no_cache: bool,
    /// Judge the findings on a folder of test forms whose problems are
    /// known (each `<form>.txt|.docx` with a `<form>.expect.json`): prints
    /// flags, right and wrong per rule (see README: how far to trust a finding).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["paths", "format"])]
    pub precision: Option<PathBuf>,
}

/// One report's findings and what the output shows of the report: the
/// part kept in the cache, and what is read afresh each time.
pub struct Checked {
    pub file: PathBuf,
    pub id: String,
    pub found: Entry,
    pub review: Summary,
}

/// Reports are read, checked and written out in batches of this many, in
/// parallel within a batch and in order between them, so that memory stays
/// flat however many reports there are.
const BATCH: usize = 256;

/// What every report of one workspace folder shares.
struct Root {
    config: CheckConfig,
    cache: Option<CheckCache>,
}

/// Reads and checks one report file, or takes its findings from the cache
/// when the file's bytes are the ones they were made from and no review
/// needs the parsed report.
fn check_file(path: &Path, root: &Path, shared: &Root) -> Result<Checked, LoadError> {
    let id = fuhe::workspace::id_of(path);
    let reviewed = fuhe::review::store::review_path(root, &id).exists();
    let bytes = fuhe::workspace::read_report_file(path)?;
    let cached = shared.cache.as_ref().map(|c| (c, c.key(path), content_hash(&bytes)));
    if !reviewed
        && let Some((cache, key, hash)) = &cached
        && let Some(e) = cache.get(key, hash)
    {
        return Ok(Checked {
            file: path.to_path_buf(),
            id,
            review: Summary::unreviewed(&e.flags),
            found: e,
        });
    }
    // The file's SHA-256 is needed only to tell a review stale.
    let r = fuhe::workspace::load_report_bytes(path, &bytes, reviewed)?;
    let flags = check_report(&r.report, &shared.config);
    let review = summarize_with(root, &r, &flags, shared.config.rubric(), false);
    let found = Entry {
        department: r.report.department,
        year: r.report.year,
        project_forms: r.report.project_forms.len(),
        flags,
    };
    if let Some((cache, key, hash)) = cached {
        cache.put(key, hash, &found);
    }
    Ok(Checked {
        file: path.to_path_buf(),
        id,
        found,
        review,
    })
}

/// Checks `files` on every core, handing the results to `sink` in file order.
fn check_all(
    files: &[PathBuf],
    settings: &Settings,
    use_cache: bool,
    mut sink: impl FnMut(Result<Checked, LoadError>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    // Each workspace folder's rubric (and cache) is read once.
    let roots: Vec<PathBuf> = files.iter().map(|f| root_of(f)).collect();
    let mut shared: HashMap<&Path, Root> = HashMap::new();
    for root in &roots {
        shared.entry(root.as_path()).or_insert_with(|| {
            let config = settings.check_for(root).0;
            let cache = if use_cache {
                CheckCache::open(root, &config)
            } else {
                None
            };
            Root { config, cache }
        });
    }
    fuhe::pool::ordered(
        files,
        BATCH,
        |i, path| check_file(path, &roots[i], &shared[roots[i].as_path()]),
        &mut sink,
    )?;
    for r in shared.into_values() {
        if let Some(cache) = r.cache {
            let path = cache.path().to_path_buf();
            if let Err(e) = cache.save() {
                // The findings are printed; only the next run is slower.
                eprintln!(
                    "fuhe: could not write the check cache {}: {e}",
                    fuhe::text::clean(&path.display().to_string())
                );
            }
        }
    }
    Ok(())
}

pub fn run(
    args: &CheckArgs,
    files: Vec<PathBuf>,
    mut errors: Vec<LoadError>,
    settings: &Settings,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let w = args.width.unwrap_or_else(terminal_width).max(40);
    let mut checked = 0usize;
    let mut with_errors = 0usize;
    let mut first = true;
    let mut csv_writer = None;
    match args.format {
        Format::Json => write!(out, "{{\"reports\": [")?,
        Format::Csv => {
            let mut c = csv::Writer::from_writer(Vec::new());
            c.write_record(fuhe::text::csv_record(CSV_HEAD))?;
            out.write_all(&c.into_inner().unwrap_or_default())?;
            csv_writer = Some(());
        }
        Format::Text => {}
    }
    let lang = settings.lang;
    check_all(&files, settings, !args.no_cache, |result| {
        let c = match result {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                return Ok(());
            }
        };
        checked += 1;
        if c.found.flags.iter().any(|f| f.severity == Severity::Error) {
            with_errors += 1;
        }
        match args.format {
            Format::Text => text_one(&c, lang, w, out),
            Format::Json => {
                if !first {
                    write!(out, ",")?;
                }
                first = false;
                writeln!(out)?;
                serde_json::to_writer(&mut *out, &json_one(&c))?;
                Ok(())
            }
            Format::Csv => csv_one(&c, out),
        }
    })?;
    let _ = csv_writer;
    match args.format {
        Format::Text => {
            write!(out, "{checked} {}", lang.t(&labels::REPORTS_CHECKED))?;
            write!(out, ", {with_errors} {}", lang.t(&labels::WITH_ERRORS))?;
            if !errors.is_empty() {
                write!(out, ", {} {}", errors.len(), lang.t(&labels::NOT_READ))?;
            }
            writeln!(out)?;
        }
        Format::Json => {
            let errs: Vec<serde_json::Value> = errors
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "file": e.path.display().to_string(),
                        "line": e.line,
                        "column": e.column,
                        "path": e.json_path,
                        "message": e.message,
                    })
                })
                .collect();
            write!(out, "\n], \"errors\": ")?;
            serde_json::to_writer(&mut *out, &errs)?;
            writeln!(out, "}}")?;
        }
        Format::Csv => {}
    }
    out.flush()?;
    for e in &errors {
        eprintln!("fuhe: {}", fuhe::text::clean(&e.to_string()));
    }
    Ok(if !errors.is_empty() {
        2
    } else if with_errors > 0 {
        1
    } else {
        0
    })
}

fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
    {
        return w as usize;
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(80)
}

fn push_wrapped(out: &mut dyn Write, indent: usize, text: &str, w: usize) -> std::io::Result<()> {
    for line in wrap(text, w.saturating_sub(indent).max(20)) {
        writeln!(out, "{}{line}", " ".repeat(indent))?;
    }
    Ok(())
}

fn text_one(c: &Checked, lang: Lang, w: usize, out: &mut dyn Write) -> std::io::Result<()> {
    {
        let title = format!("{} {}", clean(&c.found.department), c.found.year);
        let file = c.file.display().to_string();
        writeln!(out, "{title}  {}", clean(&file))?;
        let (e, wn, i) = counts(&c.found.flags);
        let rv = &c.review;
        let state = if rv.review.is_some() || rv.invalid.is_some() {
            format!(
                "  {}: {} · {} {}",
                lang.t(&fuhe::labels::REVIEW),
                lang.pick(&rv.status_zh(), &rv.status_en()),
                rv.undecided,
                lang.t(&fuhe::labels::FINDINGS_UNDECIDED)
            )
        } else {
            format!(
                "  {}: {}",
                lang.t(&fuhe::labels::REVIEW),
                lang.t(&fuhe::labels::NOT_REVIEWED)
            )
        };
        writeln!(out, "{}", "─".repeat(w.min(width(&title) + width(&file) + 2).max(20)))?;
        writeln!(out, "{state}")?;
        if c.found.flags.is_empty() {
            writeln!(out, "  {}\n", lang.t(&labels::NO_FLAGS))?;
            return Ok(());
        }
        writeln!(
            out,
            "  {e} {} · {wn} {} · {i} {}",
            lang.t(&labels::ERRORS),
            lang.t(&labels::WARNINGS),
            lang.t(&labels::INFOS)
        )?;
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let group: Vec<&Flag> = c.found.flags.iter().filter(|f| f.severity == sev).collect();
            if group.is_empty() {
                continue;
            }
            writeln!(out, "\n  {} ({})", lang.t(sev.label()), group.len())?;
            let mark = match sev {
                Severity::Error => "✗",
                Severity::Warning => "!",
                Severity::Info => "·",
            };
            for f in group {
                let place = lang.pick(&f.place_zh, &f.place_en);
                push_wrapped(out, 2, &format!("{mark} {}", clean(place)), w)?;
                push_wrapped(out, 4, &clean(lang.pick(&f.message_zh, &f.message_en)), w)?;
                if let (Some(x), Some(y)) = (&f.expected, &f.found) {
                    let v = format!(
                        "{} {}  ·  {} {}",
                        lang.t(&labels::EXPECTED),
                        clean(x),
                        lang.t(&labels::FOUND),
                        clean(y)
                    );
                    push_wrapped(out, 4, &v, w)?;
                }
                push_wrapped(out, 4, &format!("[{}] {}", f.rule, f.path), w)?;
                if !f.related.is_empty() {
                    push_wrapped(
                        out,
                        4,
                        &format!("{}: {}", lang.t(&labels::ALSO_AT), f.related.join(", ")),
                        w,
                    )?;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One report in `--format json`, serialised straight from the findings
/// (through a `serde_json::Value` it cost a copy of every flag).
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    file: String,
    id: &'a str,
    report: JsonHead,
    counts: JsonCounts,
    review: JsonReview,
    flags: &'a [Flag],
}

#[derive(serde::Serialize)]
struct JsonHead {
    department: String,
    year: u16,
    project_forms: usize,
}

#[derive(serde::Serialize)]
struct JsonCounts {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(serde::Serialize)]
struct JsonReview {
    status: Option<fuhe::review::Status>,
    stale: bool,
    invalid: Option<String>,
    conclusion: Option<fuhe::review::Conclusion>,
    undecided: usize,
    open_errors: usize,
    review_score: Option<String>,
    review_grade: Option<String>,
}

fn json_one(c: &Checked) -> JsonReport<'_> {
    let (error, warning, info) = counts(&c.found.flags);
    let sheet = c.review.review.as_ref().and_then(|_| c.review.forms.first());
    JsonReport {
        file: clean(&c.file.display().to_string()),
        id: &c.id,
        report: JsonHead {
            department: clean(&c.found.department),
            year: c.found.year,
            project_forms: c.found.project_forms,
        },
        counts: JsonCounts { error, warning, info },
        review: JsonReview {
            status: c.review.status(),
            stale: c.review.stale,
            invalid: c.review.invalid.clone(),
            conclusion: c.review.conclusion(),
            undecided: c.review.undecided,
            open_errors: c.review.open_errors,
            review_score: sheet.and_then(|f| f.sheet.review.as_ref()).map(|t| t.total.to_string()),
            review_grade: sheet.and_then(|f| f.sheet.review.as_ref()).map(|t| t.grade.clone()),
        },
        flags: &c.found.flags,
    }
}

const CSV_HEAD: [&str; 12] = [
    "file",
    "department",
    "year",
    "rule",
    "severity",
    "path",
    "place_zh",
    "place_en",
    "message_zh",
    "message_en",
    "expected",
    "found",
];

fn csv_one(c: &Checked, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for f in &c.found.flags {
        w.write_record(fuhe::text::csv_record([
            c.file.display().to_string().as_str(),
            &c.found.department,
            &c.found.year.to_string(),
            &f.rule,
            f.severity.en(),
            &f.path,
            &f.place_zh,
            &f.place_en,
            &f.message_zh,
            &f.message_en,
            f.expected.as_deref().unwrap_or(""),
            f.found.as_deref().unwrap_or(""),
        ]))?;
    }
    w.flush()
}
