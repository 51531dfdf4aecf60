//! `fuhe import`: the sample form's .txt and .docx each give the hand
//! transcription in `sample-data/reports/`, variants of the form (rows
//! added and removed, labels retyped, an amount changed) import as they
//! should, bad files are refused without writing anything, and every
//! number of the form is accounted for.

use fuhe::checks::{CheckConfig, check_report};
use fuhe::import::write::{Outcome, write_report};
use fuhe::import::{Kind, Mapped, read_file};
use fuhe::model::Report;
use fuhe::workspace::load_report;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn forms_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/forms")
}

fn sample_txt() -> PathBuf {
    forms_dir().join("linxiang-data-bureau-2024.txt")
}

fn sample_docx() -> PathBuf {
    forms_dir().join("linxiang-data-bureau-2024.docx")
}

fn expected() -> Report {
    load_report(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/reports/linxiang-data-bureau-2024.json"))
        .expect("the transcription loads")
        .report
}

fn import(path: &Path) -> Mapped {
    let (_, m) = read_file(path).unwrap_or_else(|e| panic!("{e}"));
    m
}

/// The JSON paths where two reports differ, for a readable failure.
fn diff(a: &serde_json::Value, b: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    use serde_json::Value::*;
    match (a, b) {
        (Object(x), Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => diff(v, w, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: only left")),
                }
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                out.push(format!("{path}.{k}: only right"));
            }
        }
        (Array(x), Array(y)) => {
            if x.len() != y.len() {
                out.push(format!("{path}: {} items vs {}", x.len(), y.len()));
            }
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                diff(v, w, &format!("{path}[{i}]"), out);
            }
        }
        _ if a != b => out.push(format!("{path}: {a} vs {b}")),
        _ => {}
    }
}

fn assert_same(got: &Report, want: &Report) {
    let mut d = Vec::new();
    diff(
        &serde_json::to_value(got).unwrap(),
        &serde_json::to_value(want).unwrap(),
        "",
        &mut d,
    );
    assert!(
        d.is_empty(),
        "imported report differs from the transcription:\n{}",
        d.join("\n")
    );
    assert_eq!(got, want);
}

#[test]
fn txt_import_equals_the_transcription() {
    let m = import(&sample_txt());
    assert_same(&m.report, &expected());
}

#[test]
fn docx_import_equals_the_transcription() {
    let m = import(&sample_docx());
    assert_same(&m.report, &expected());
}

// ---------------------------------------------------------------- helpers

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn txt_source() -> String {
    std::fs::read_to_string(sample_txt()).expect("the sample .txt is in sample-data/forms")
}

/// Writes `text` to a file in `dir` and imports it.
fn import_txt(dir: &Path, text: &str) -> Mapped {
    let p = dir.join("variant.txt");
    std::fs::write(&p, text).unwrap();
    import(&p)
}

/// `s` with `from` replaced by `to`, which must occur exactly `n` times.
fn edit(s: &str, from: &str, to: &str, n: usize) -> String {
    assert_eq!(s.matches(from).count(), n, "“{from}” should occur {n} times");
    s.replace(from, to)
}

/// The sample .docx with word/document.xml changed by `f`, rewritten with
/// the zip crate (every other part copied as it is).
fn docx_variant(dir: &Path, f: impl Fn(String) -> String) -> PathBuf {
    let bytes = std::fs::read(sample_docx()).expect("the sample .docx is in sample-data/forms");
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            data = f(String::from_utf8(data).unwrap()).into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zout.write_all(&data).unwrap();
    }
    let out = zout.finish().unwrap().into_inner();
    let p = dir.join("variant.docx");
    std::fs::write(&p, out).unwrap();
    p
}

/// The `<w:tr>…</w:tr>` elements of the document XML holding `text`, as byte ranges.
fn rows_with(xml: &str, text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = xml[from..].find(text).map(|i| i + from) {
        let start = xml[..i].rfind("<w:tr>").expect("in a row");
        let end = xml[i..].find("</w:tr>").expect("row ends") + i + "</w:tr>".len();
        out.push(start..end);
        from = end;
    }
    out
}

fn remove_rows(xml: String, text: &str) -> String {
    let mut xml = xml;
    for r in rows_with(&xml, text).into_iter().rev() {
        xml.replace_range(r, "");
    }
    xml
}

fn rules(r: &Report) -> Vec<String> {
    check_report(r, &CheckConfig::default())
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

fn dec(s: &str) -> Option<rust_decimal::Decimal> {
    Some(fuhe::model::amount::dec(s))
}

/// The transcription without the 3、二级机构2 row in each of the four tables.
fn expected_without_second() -> Report {
    let mut want = expected();
    let f = &mut want.department_form;
    f.income.institutions.remove(2);
    f.expenditure.institutions.remove(2);
    f.three_public.institutions.remove(2);
    f.fixed_assets.institutions.remove(2);
    want
}

fn extra_income_row() -> fuhe::model::IncomeRow {
    fuhe::model::IncomeRow {
        institution: "4、二级机构3".into(),
        total: dec("12.5"),
        public_finance: dec("12.50"),
        ..Default::default()
    }
}

// ------------------------------------------------------------ the sample

#[test]
fn both_imports_give_the_same_flags_as_the_transcription() {
    let want = check_report(&expected(), &CheckConfig::default());
    for p in [sample_txt(), sample_docx()] {
        let got = check_report(&import(&p).report, &CheckConfig::default());
        assert_eq!(got, want, "{}", p.display());
    }
}

#[test]
fn blanks_stay_blank_amounts_keep_precision_vouchers_byte_for_byte() {
    for p in [sample_txt(), sample_docx()] {
        let r = import(&p).report;
        let f = &r.department_form;
        let inc = f.income.summary.as_ref().unwrap();
        assert_eq!(inc.carryover, None, "a blank cell is not zero");
        assert_eq!(
            f.three_public.summary.as_ref().unwrap().overseas,
            dec("0"),
            "a written 0 stays 0"
        );
        assert_eq!(
            f.three_public.summary.as_ref().unwrap().total.unwrap().to_string(),
            "6.5"
        );
        let e = &r.project_forms[0].expenses;
        assert_eq!(e[5].vouchers.as_ref().unwrap().raw, "3月 11#13#5月19#11月20#12月42#");
        assert_eq!(
            e[8].vouchers.as_ref().unwrap().raw,
            "1月8#2月9#19#5月18#7月17#9月10#/21#10月5#7#11月11#18-19#22#12月13-14#18#33-36#38-42#44#"
        );
        assert_eq!(r.project_forms[0].postcode, None);
    }
}

// ------------------------------------------------------------- variants

#[test]
fn txt_without_the_second_institution_rows() {
    let dir = temp();
    let mut s = txt_source();
    for empties in [6, 7, 5, 4] {
        let row = format!("\t3、二级机构2\n{}\n", "\t\n".repeat(empties));
        s = edit(&s, &row, "", 1);
    }
    assert_same(&import_txt(dir.path(), &s).report, &expected_without_second());
}

#[test]
fn docx_without_the_second_institution_rows() {
    let dir = temp();
    let p = docx_variant(dir.path(), |x| remove_rows(x, ">3、二级机构2<"));
    assert_same(&import(&p).report, &expected_without_second());
}

#[test]
fn txt_with_labels_retyped() {
    let dir = temp();
    let mut s = txt_source();
    s = edit(
        &s,
        "部门（单位）年度支出和结余情况（万元）",
        "部门(单位)年度支出和结余情况(万元)",
        1,
    );
    s = edit(&s, "\t收入合计\n", "\t收入 合计\n", 1);
    s = edit(&s, "\t三公经费\n", "\t三公经费费\n", 1);
    s = edit(&s, "\t支出合计\n\t1281.79", "\t支出 合计：\n\t1281.79", 1);
    s = edit(&s, "\t指标（目标）值\n", "\t指标(目标)值\n", 1);
    s = edit(&s, "\t人员编制\n", "\t人员编制：\n", 1);
    s = edit(&s, "\t结余（万元）\n", "\t结余(万元)\n", 1);
    s = edit(&s, "\t会计凭证号\n", "\t会计 凭证号\n", 1);
    s = edit(&s, "部门(单位)名称", "部门（单位）名称：", 1);
    assert_same(&import_txt(dir.path(), &s).report, &expected());
}

#[test]
fn docx_with_labels_retyped() {
    let dir = temp();
    let p = docx_variant(dir.path(), |x| {
        let x = edit(
            &x,
            "部门（单位）年度支出和结余情况（万元）",
            "部门(单位)年度支出和结余情况(万元)",
            1,
        );
        let x = edit(&x, ">收入合计<", ">收入 合计<", 1);
        let x = edit(&x, ">三公经费<", ">三公经费费<", 1);
        let x = edit(&x, ">评价等次<", ">评价等次：<", 2);
        edit(&x, ">计划安排资金<", ">计划安排 资金<", 1)
    });
    assert_same(&import(&p).report, &expected());
}

#[test]
fn txt_with_an_extra_institution_row() {
    let dir = temp();
    let s = txt_source();
    let row = "\t3、二级机构2\n\t\n\t\n\t\n\t\n\t\n\t\n\n";
    let at = s.find(row).unwrap() + row.len();
    let mut s2 = s.clone();
    s2.insert_str(at, "\t4、二级机构3\n\t12.5\n\t\n\t12.50\n\t\n\t\n\t\n\n");
    let m = import_txt(dir.path(), &s2);
    let mut want = expected();
    want.department_form.income.institutions.push(extra_income_row());
    assert_same(&m.report, &want);
    assert!(m.not_placed.is_empty(), "{:?}", m.not_placed);
}

#[test]
fn docx_with_an_extra_institution_row() {
    let dir = temp();
    let p = docx_variant(dir.path(), |x| {
        // Copy the income table's 1、局机关 row as 4、二级机构3 after 3、二级机构2.
        let src = rows_with(&x, ">1、局机关<")[0].clone();
        let row = x[src]
            .replace(">1、局机关<", ">4、二级机构3<")
            .replace(">1574.84<", ">12.5<")
            .replace(">1499.07<", ">12.50<")
            .replace(">75.77<", "><");
        let at = rows_with(&x, ">3、二级机构2<")[0].end;
        let mut x = x;
        x.insert_str(at, &row);
        x
    });
    let mut want = expected();
    want.department_form.income.institutions.push(extra_income_row());
    assert_same(&import(&p).report, &want);
}

#[test]
fn a_changed_amount_is_imported_and_flagged() {
    let dir = temp();
    assert!(!rules(&expected()).contains(&"expenses.sum".to_string()));
    let txt = import_txt(dir.path(), &edit(&txt_source(), "\t191.05\n", "\t191.50\n", 1)).report;
    let docx = import(&docx_variant(dir.path(), |x| edit(&x, ">191.05<", ">191.50<", 1))).report;
    for r in [txt, docx] {
        let line = &r.project_forms[0].expenses[8];
        assert_eq!(line.amount.unwrap().to_string(), "191.50", "written precision kept");
        assert!(rules(&r).contains(&"expenses.sum".to_string()));
        let mut want = expected();
        want.project_forms[0].expenses[8].amount = dec("191.50");
        assert_same(&r, &want);
    }
}

#[test]
fn two_project_forms_in_one_file() {
    let dir = temp();
    let s = txt_source();
    let project = &s[s.find(" 临湘市财政局（制）").unwrap()..];
    let m = import_txt(dir.path(), &format!("{s}\n{project}"));
    let mut want = expected();
    want.project_forms.push(want.project_forms[0].clone());
    assert_same(&m.report, &want);
    assert!(m.not_placed.is_empty(), "{:?}", m.not_placed);
}

// ------------------------------------------------------ numbers accounted

/// Numbers as `fuhe import` counts them, counted here independently: a
/// maximal run of ASCII digits, with ".digits" after it part of it.
fn count_numbers(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            n += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                i += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    n
}

#[test]
fn every_number_of_the_sample_is_placed() {
    let total = count_numbers(&txt_source());
    assert_eq!(total, 669, "the sample form holds 669 numbers");
    for p in [sample_txt(), sample_docx()] {
        let m = import(&p);
        assert_eq!(m.placed + m.not_placed.len(), total, "{}", p.display());
        assert!(m.not_placed.is_empty(), "{:?}", m.not_placed);
        assert!(m.missing.is_empty(), "{:?}", m.missing);
        assert!(m.notes.is_empty(), "{:?}", m.notes);
    }
}

#[test]
fn a_number_in_an_unknown_cell_is_listed_as_not_placed() {
    let dir = temp();
    let s = edit(&txt_source(), "\t191.05\n", "\t191.05\n\t7.5\n", 1);
    // The extra cell shifts the row: 7.5 sits under 会计凭证号 now and the
    // voucher string under 备注; the row's last cell has no column at all.
    let m = import_txt(dir.path(), &s);
    assert_eq!(m.placed + m.not_placed.len(), count_numbers(&s));
    let s = edit(
        &txt_source(),
        "\t其他零星专项\n",
        "\t其他零星专项\n\t191.05\n\t\n\t\n\t7.5\n\n\t其他零星专项2\n",
        1,
    );
    let m = import_txt(dir.path(), &s);
    assert_eq!(m.placed + m.not_placed.len(), count_numbers(&s));
    assert_eq!(m.not_placed.len(), 1, "{:?}", m.not_placed);
    assert_eq!(m.not_placed[0].number, "7.5");
    assert_eq!(m.not_placed[0].at.cell, Some(4));
}

// ------------------------------------------------------------- bad files

fn refused(name: &str, bytes: &[u8], says: &[&str]) {
    let dir = temp();
    let ws = dir.path().join("ws");
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fuhe"))
        .arg("import")
        .arg(&p)
        .arg("--into")
        .arg(&ws)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert!(err.contains(name), "{name}: the message names the file: {err}");
    for s in says {
        assert!(err.contains(s), "{name}: the message says “{s}”: {err}");
    }
    assert!(!ws.join("reports").exists(), "{name}: nothing written");
}

fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        z.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn bad_files_are_refused_with_a_clear_message() {
    let docx = std::fs::read(sample_docx()).unwrap();
    refused("empty.docx", b"", &["empty", ".docx"]);
    refused("blank.txt", b"  \n\n", &["empty"]);
    refused("cut.docx", &docx[..docx.len() / 2], &["damaged or cut short"]);
    let one_para = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议通知</w:t></w:r></w:p></w:body></w:document>"#;
    refused(
        "letter.docx",
        &zip_of(&[("word/document.xml", one_para)]),
        &["no budget-performance"],
    );
    let mut gbk = txt_source().into_bytes();
    gbk.splice(10..10, [0xB2, 0xE2, 0xCA, 0xD4]);
    refused("gbk.txt", &gbk, &["not UTF-8", "iconv"]);
    refused("form.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", &["PDF", ".docx"]);
    refused(
        "form.doc",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        &["libreoffice --headless --convert-to docx"],
    );
    refused(
        "form.xlsx",
        &zip_of(&[("xl/workbook.xml", "<workbook/>")]),
        &["Excel", "convert-to docx"],
    );
    refused("random.bin", &[0x00, 0x01, 0x02, 0xFF, 0x10], &["binary"]);
    refused(
        "notes.txt",
        "会议纪要\n\t时间\n\t2024年\n".as_bytes(),
        &["no budget-performance"],
    );
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let dir = temp();
    let ws = dir.path().join("ws");
    let bad = dir.path().join("scan.pdf");
    std::fs::write(&bad, b"%PDF-1.4").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fuhe"))
        .args([
            "import".as_ref(),
            bad.as_os_str(),
            sample_docx().as_os_str(),
            "--into".as_ref(),
            ws.as_os_str(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("linxiang-data-bureau-2024.docx → reports/临湘市数据局-2024.json: 1 整体表 + 1 项目表, 669 numbers placed, 0 not placed; 3 errors, 74 warnings (new)"),
        "{stdout}"
    );
    let r = load_report(&ws.join("reports/临湘市数据局-2024.json")).unwrap();
    assert_same(&r.report, &expected());
}

// --------------------------------------------------------------- re-import

#[test]
fn reimport_rewrites_only_a_changed_report_and_keeps_the_review() {
    let dir = temp();
    let ws = dir.path();
    let (kind, first) = read_file(&sample_txt()).unwrap();
    assert_eq!(kind, Kind::Text);
    let w = write_report(ws, &first.report).unwrap();
    assert_eq!(w.outcome, Outcome::New);
    assert_eq!(w.path, ws.join("reports/临湘市数据局-2024.json"));
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&w.path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let bytes = std::fs::read(&w.path).unwrap();

    // The .docx of the same form: same content, so the file is left alone.
    let (kind, again) = read_file(&sample_docx()).unwrap();
    assert_eq!(kind, Kind::Docx);
    let w2 = write_report(ws, &again.report).unwrap();
    assert_eq!(w2.outcome, Outcome::Unchanged);
    assert_eq!(std::fs::read(&w.path).unwrap(), bytes);
    assert_eq!(
        std::fs::metadata(&w.path).unwrap().modified().unwrap(),
        old,
        "not rewritten"
    );

    // A review of it, then a corrected submission.
    let sha = fuhe::hash::sha256_hex(&bytes);
    let review = fuhe::review::Review::new(&w.id, "reports/临湘市数据局-2024.json", &sha, "张三");
    let review_path = fuhe::review::store::review_path(ws, &w.id);
    std::fs::create_dir_all(review_path.parent().unwrap()).unwrap();
    let review_bytes = serde_json::to_vec_pretty(&review).unwrap();
    std::fs::write(&review_path, &review_bytes).unwrap();
    let changed = import_txt(ws, &edit(&txt_source(), "\t191.05\n", "\t191.50\n", 1));
    let w3 = write_report(ws, &changed.report).unwrap();
    assert_eq!(w3.outcome, Outcome::Replaced);
    assert!(w3.has_review);
    let new_bytes = std::fs::read(&w.path).unwrap();
    assert_ne!(new_bytes, bytes, "replaced");
    assert_eq!(
        std::fs::read(&review_path).unwrap(),
        review_bytes,
        "the review is kept as it was"
    );
    assert_ne!(
        fuhe::hash::sha256_hex(&new_bytes),
        review.report_sha256,
        "and is now stale"
    );
    assert_eq!(
        load_report(&w.path).unwrap().report,
        changed.report,
        "the file holds the report"
    );
}

// ------------------------------------------------------------ robustness

/// Cut short anywhere, lines dropped at random, bytes flipped: the import
/// may refuse the file, but it never panics.
#[test]
fn damaged_input_never_panics() {
    let txt = txt_source();
    let docx = std::fs::read(sample_docx()).unwrap();
    let p = Path::new("x");
    let try_bytes = |b: &[u8]| {
        if let Ok((_, doc)) = fuhe::import::read_doc(p, b) {
            let _ = fuhe::import::map(&doc);
        }
    };
    let chars: Vec<(usize, char)> = txt.char_indices().collect();
    for k in (0..chars.len()).step_by(chars.len() / 60) {
        try_bytes(&txt.as_bytes()[..chars[k].0]);
    }
    for k in (0..docx.len()).step_by(docx.len() / 30) {
        try_bytes(&docx[..k]);
    }
    // A small deterministic generator, so a failure can be replayed.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let lines: Vec<&str> = txt.split('\n').collect();
    for _ in 0..40 {
        let kept: Vec<&str> = lines.iter().copied().filter(|_| next() % 7 != 0).collect();
        try_bytes(kept.join("\n").as_bytes());
    }
    let xml = {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx.clone())).unwrap();
        let mut s = String::new();
        z.by_name("word/document.xml").unwrap().read_to_string(&mut s).unwrap();
        s
    };
    for _ in 0..20 {
        // Drop a random run of rows or cells from the XML, keeping it well-formed.
        let tag = if next() % 2 == 0 { "w:tr" } else { "w:tc" };
        let starts: Vec<usize> = xml.match_indices(&format!("<{tag}>")).map(|(i, _)| i).collect();
        let a = starts[(next() as usize) % starts.len()];
        let b = xml[a..].find(&format!("</{tag}>")).map(|i| a + i + tag.len() + 3);
        if let Some(b) = b {
            let mut x = xml.clone();
            x.replace_range(a..b, "");
            if let Ok(doc) = fuhe::import::docx::parse_document(&x) {
                let _ = fuhe::import::map(&doc);
            }
        }
    }
}

// ------------------------------------------------------------- limits

/// A small .docx whose rows inflate to tens of thousands (issue 14: 317 KB
/// became a 92 MB report) is refused before any mapping, and nothing is
/// written.
#[test]
fn a_docx_that_inflates_to_too_many_rows_is_refused() {
    let dir = temp();
    let p = docx_variant(dir.path(), |xml| {
        let row = rows_with(&xml, "#").into_iter().next().expect("a voucher row");
        let copy = xml[row.clone()].repeat(25_000);
        let mut xml = xml;
        xml.replace_range(row, &copy);
        xml
    });
    let bytes = std::fs::read(&p).unwrap();
    assert!(bytes.len() < 2 << 20, "small on disk: {} bytes", bytes.len());
    refused(
        "variant.docx",
        &bytes,
        &["more than 20000 paragraphs and table rows", "not imported"],
    );
    // The sample itself is far below the limit.
    let sample = std::fs::read(sample_docx()).unwrap();
    let (_, doc) = fuhe::import::read_doc(&sample_docx(), &sample).unwrap();
    assert!(
        doc.blocks.len() * 20 < fuhe::import::MAX_BLOCKS,
        "{} blocks",
        doc.blocks.len()
    );
}

/// A report larger than fuhe reads back is not written at all.
#[test]
fn a_report_too_large_to_read_back_is_not_written() {
    let dir = temp();
    let mut r = expected();
    r.department_form.narrative[0].paragraphs = vec!["很长的叙述。".repeat(600_000)];
    let err = write_report(dir.path(), &r).expect_err("refused");
    assert!(err.to_string().contains("more than the 8 MB fuhe reads"), "{err}");
    assert!(
        !dir.path().join("reports").exists() || std::fs::read_dir(dir.path().join("reports")).unwrap().next().is_none()
    );
}
