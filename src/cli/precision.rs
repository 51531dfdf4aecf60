//! `fuhe check --precision DIR`: imports each form of DIR that has a
//! `<form>.expect.json` beside it (in memory: nothing is written), checks
//! it and judges the flags against the form's lists (see
//! [`fuhe::precision`]). Prints the table per rule, the planted problems
//! missed and every flag judged wrong. Exit 1 when a planted problem is
//! missed or an error-severity flag is wrong, 2 when a form cannot be read.

use fuhe::checks::{CheckConfig, Severity, check_report};
use fuhe::precision::{Expectations, Table, Verdict};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The forms of a folder that have lists, in name order.
pub fn forms(dir: &Path) -> std::io::Result<Vec<(PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        let is_form = p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| matches!(x, "txt" | "docx"));
        if !is_form {
            continue;
        }
        let exp = p.with_extension("expect.json");
        if exp.is_file() {
            out.push((p, exp));
        }
    }
    out.sort();
    Ok(out)
}

pub fn run(dir: &Path, config: &CheckConfig, out: &mut dyn Write) -> std::io::Result<i32> {
    let mut table = Table::default();
    let mut wrong = Vec::new();
    let mut unreadable = false;
    let list = match forms(dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("fuhe: {}: {e}", fuhe::text::clean(&dir.display().to_string()));
            return Ok(2);
        }
    };
    if list.is_empty() {
        eprintln!(
            "fuhe: {}: no form (.txt/.docx) with a <form>.expect.json beside it",
            fuhe::text::clean(&dir.display().to_string())
        );
        return Ok(2);
    }
    for (form, exp_path) in &list {
        let name = fuhe::text::clean(&form.file_name().unwrap_or_default().to_string_lossy());
        let exp: Expectations = match std::fs::read(exp_path)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
        {
            Ok(e) => e,
            Err(e) => {
                eprintln!("fuhe: {}: {e}", fuhe::text::clean(&exp_path.display().to_string()));
                unreadable = true;
                continue;
            }
        };
        let report = match fuhe::import::read_file(form) {
            Ok((_, mapped)) => mapped.report,
            Err(e) => {
                eprintln!("fuhe: {name}: {}", fuhe::text::clean(&e.message));
                unreadable = true;
                continue;
            }
        };
        let flags = check_report(&report, config);
        for f in &flags {
            if exp.judge(f) == Verdict::Wrong {
                wrong.push(format!(
                    "{name}: [{}] {} {} — {}",
                    f.rule,
                    f.severity.en(),
                    f.path,
                    f.message_zh
                ));
            }
        }
        table.add(&name, &exp, &flags);
    }
    writeln!(out, "{}", table.markdown())?;
    if !table.missed.is_empty() {
        writeln!(out, "Missed:")?;
        for (form, what) in &table.missed {
            writeln!(out, "- {form}: {}", fuhe::text::clean(what))?;
        }
    }
    if !wrong.is_empty() {
        writeln!(out, "Judged wrong:")?;
        for w in &wrong {
            writeln!(out, "- {w}")?;
        }
    }
    Ok(if unreadable {
        2
    } else if !table.missed.is_empty() || table.total(Severity::Error).wrong > 0 {
        1
    } else {
        0
    })
}
