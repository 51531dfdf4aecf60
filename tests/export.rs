//! What the auditor signs and files: the 复核意见书 (Word, Markdown, HTML)
//! and the 复核结果汇总表 (Excel, CSV, text), read back from what was
//! written — the XML inside the .docx and .xlsx, not just that a file exists.

use fuhe::checks::{CheckConfig, Severity, check_report};
use fuhe::review::{Annotation, Change, Conclusion, Decision, FlagDecision, Opinion, Review, ScoreEntry, Status};
use std::io::Read;
use std::path::Path;
use std::process::Command;

const AGRI: &str = "linxiang-agriculture-bureau-2024";
/// 23:30 UTC on the 27th is 07:30 on the 28th in Beijing.
const LATE_UTC: &str = "2026-11-27T23:30:00Z";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_fuhe")
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("reports")).unwrap();
    for e in std::fs::read_dir("sample-data/reports").unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("reports").join(e.file_name())).unwrap();
    }
    dir
}

/// A review of the agriculture bureau's report as an auditor leaves it:
/// the error confirmed with a two-line note, one warning set aside with a
/// reason, one left undecided, every line scored (all of them when
/// `complete`), an opinion of two lines, and done when `done`.
fn review(root: &Path, complete: bool, done: bool) {
    let ws = fuhe::workspace::Workspace::open(root).unwrap();
    let r = ws.reports.iter().find(|r| r.id == AGRI).unwrap();
    let flags = check_report(&r.report, &CheckConfig::default());
    let mut rv = Review::new(AGRI, &format!("reports/{AGRI}.json"), &r.sha256, "张三");
    let err = flags.iter().find(|f| f.severity == Severity::Error).unwrap();
    let warn = flags.iter().find(|f| f.severity == Severity::Warning).unwrap();
    let decide = |f: &fuhe::checks::Flag, d: Decision, reason: Option<&str>| Change::Decision {
        flag: f.key(),
        old: None,
        new: Some(FlagDecision {
            flag: f.key(),
            rule: f.rule.clone(),
            path: f.path.clone(),
            decision: d,
            reason: reason.map(String::from),
            author: "张三".into(),
            time: LATE_UTC.into(),
        }),
    };
    rv.apply(&decide(err, Decision::Confirmed, None), "张三");
    rv.apply(
        &decide(warn, Decision::Dismissed, Some("追加资金有文件\r\n临政函〔2024〕12号")),
        "张三",
    );
    rv.apply(
        &Change::Annotation {
            target: err.key(),
            old: None,
            new: Some(Annotation {
                target: err.key(),
                text: "占比按决算表应为31.7%\n请部门更正".into(),
                author: "张三".into(),
                time: LATE_UTC.into(),
            }),
        },
        "张三",
    );
    let s = fuhe::review::summary::summarize(root, r, &flags, fuhe::scoring::Rubric::builtin_ref());
    let lines: Vec<_> = s.forms.iter().flat_map(|f| f.lines.clone()).collect();
    let n = if complete { lines.len() } else { 1 };
    for l in lines.iter().take(n) {
        rv.apply(
            &Change::Score {
                item: l.id.clone(),
                old: None,
                new: Some(ScoreEntry {
                    item: l.id.clone(),
                    label: l.label_zh.clone(),
                    weight: l.weight,
                    suggested: l.suggested,
                    score: l.suggested.unwrap_or(l.weight),
                    reason: l.suggested.is_none().then(|| "材料齐全".to_string()),
                    author: "张三".into(),
                    time: LATE_UTC.into(),
                }),
            },
            "张三",
        );
    }
    let old = rv.opinion.clone();
    rv.apply(
        &Change::Opinion {
            old,
            new: Opinion {
                conclusion: Some(Conclusion::MostlyApproved),
                text: Some("总体认可。\r部分指标缺少佐证材料。".into()),
                author: Some("张三".into()),
                time: Some(LATE_UTC.into()),
            },
        },
        "张三",
    );
    if done {
        rv.apply(
            &Change::Status {
                old: Status::InProgress,
                new: Status::Done,
            },
            "张三",
        );
    }
    for h in &mut rv.history {
        h.time = LATE_UTC.into();
    }
    rv.created = LATE_UTC.into();
    rv.updated = LATE_UTC.into();
    let path = fuhe::review::store::review_path(root, AGRI);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_string_pretty(&rv).unwrap()).unwrap();
}

fn fuhe(root: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(bin())
        .args(args)
        .env("TZ", "Asia/Shanghai")
        .env("LANG", "en_US.UTF-8")
        .env_remove("FUHE_LANG")
        .env("FUHE_CONFIG_DIR", root.join("no-config"))
        .env("FUHE_DATA_DIR", root.join("data"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn export(root: &Path, format: &str, extra: &[&str]) -> Vec<u8> {
    let ws = root.to_str().unwrap();
    let mut args = vec!["export", AGRI, "--workspace", ws, "--format", format];
    args.extend_from_slice(extra);
    fuhe(root, &args).stdout
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn all_parts(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        let _ = f.read_to_string(&mut s);
        all.push_str(&s);
    }
    all
}

#[test]
fn the_word_document_says_what_the_auditor_decided() {
    let ws = workspace();
    review(ws.path(), true, true);
    let docx = export(ws.path(), "docx", &[]);
    let doc = unzip(&docx, "word/document.xml");
    for want in [
        "临湘市农业农村局2024年度绩效自评复核意见书",
        "复核确认的问题",
        "占比按决算表应为31.7%",
        "请部门更正",
        "不采纳的问题",
        "追加资金有文件",
        "临政函〔2024〕12号",
        "另有 1 项问题尚未决定",
        "评分",
        "总体认可。",
        "部分指标缺少佐证材料。",
        "复核人（签字）：张三",
        // 23:30 UTC on the 27th, signed in Beijing on the 28th.
        "日期：2026年11月28日",
        "已完成 2026-11-28",
    ] {
        assert!(doc.contains(want), "{want} missing from the Word document");
    }
    // Real tables, CJK fonts named for Word and WPS, A4, kept line breaks.
    assert!(doc.contains(r#"w:eastAsia="宋体""#) && doc.contains(r#"w:eastAsia="黑体""#));
    assert!(doc.contains("<w:tblHeader />") && doc.contains("<w:tblBorders>"));
    assert!(doc.contains(r#"w:w="11906""#) && doc.contains(r#"w:h="16838""#));
    assert!(doc.contains(r#"<w:br w:type="textWrapping" />"#));
    // Finished: no draft marks. The hash in the footer, no absolute path anywhere.
    assert!(!doc.contains("草稿"));
    let footer = unzip(&docx, "word/footer1.xml");
    assert!(footer.contains("SHA-256") && footer.contains(&format!("{AGRI}.json")));
    assert!(
        !all_parts(&docx).contains(ws.path().to_str().unwrap()),
        "no absolute path"
    );
    // The undecided finding is counted, not listed.
    let ws_r = fuhe::workspace::Workspace::open(ws.path()).unwrap();
    let r = ws_r.reports.iter().find(|r| r.id == AGRI).unwrap();
    let flags = check_report(&r.report, &CheckConfig::default());
    let undecided = &flags.iter().filter(|f| f.severity == Severity::Warning).nth(1).unwrap();
    let gist: String = undecided.message_zh.chars().take(12).collect();
    assert!(!doc.contains(&gist), "the undecided finding {gist} is not listed");
}

#[test]
fn an_unfinished_review_is_a_draft_without_a_review_score() {
    let ws = workspace();
    review(ws.path(), false, false);
    let docx = export(ws.path(), "docx", &[]);
    let doc = unzip(&docx, "word/document.xml");
    assert!(doc.contains("（草稿）"));
    assert!(unzip(&docx, "word/header1.xml").contains("草稿"));
    assert!(doc.contains("已评 1/"), "the review score is how far it got");
    assert!(doc.contains("审核中（草稿）"));
    // The summary keeps the three scores apart and gives no review score.
    let out = fuhe(ws.path(), &["summary", ws.path().to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let agri = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == AGRI)
        .unwrap();
    assert_eq!(agri["review_score"], serde_json::Value::Null);
    assert_eq!(agri["scored"], 1);
    assert!(agri["suggested_score"].is_string() && agri["self_score"] == "92");
    let text = String::from_utf8(fuhe(ws.path(), &["summary", ws.path().to_str().unwrap()]).stdout).unwrap();
    let line = text.lines().find(|l| l.contains("农业农村局")).unwrap();
    assert!(line.contains("已评 1/") && line.contains("≥"), "{line}");
}

#[test]
fn markdown_html_and_csv_keep_every_line_break() {
    let ws = workspace();
    review(ws.path(), true, true);
    let md = String::from_utf8(export(ws.path(), "md", &[])).unwrap();
    assert!(md.contains("占比按决算表应为31.7%<br>请部门更正"), "{md}");
    assert!(md.contains("追加资金有文件<br>临政函"));
    assert!(md.contains("总体认可。  \n部分指标缺少佐证材料。"));
    let html = String::from_utf8(export(ws.path(), "html", &[])).unwrap();
    assert!(html.contains("占比按决算表应为31.7%<br>请部门更正") && html.contains("总体认可。<br>部分指标"));
    let csv = String::from_utf8(export(ws.path(), "csv", &[])).unwrap();
    assert!(csv.contains("占比按决算表应为31.7%\n请部门更正"), "{csv}");
}

#[test]
fn english_when_asked_for_chinese_whatever_lang_says() {
    let ws = workspace();
    review(ws.path(), true, true);
    // LANG=en_US.UTF-8 (as on most servers) and no --lang: Chinese.
    let zh = String::from_utf8(export(ws.path(), "md", &[])).unwrap();
    assert!(zh.contains("复核意见书") && zh.contains("不采纳"));
    let en = String::from_utf8(export(ws.path(), "md", &["--lang", "en"])).unwrap();
    for want in [
        "Review of the 2024",
        "Findings the reviewer confirmed",
        "set aside",
        "Department form",
    ] {
        assert!(en.contains(want), "{want} missing:\n{en}");
    }
    for not in ["复核确认", "不采纳", "部门整体：", "合计"] {
        assert!(!en.contains(not), "{not} in the English export");
    }
    let out = fuhe(ws.path(), &["summary", ws.path().to_str().unwrap(), "--lang", "en"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Department") && text.contains("mostly approved"),
        "{text}"
    );
}

#[test]
fn the_summary_workbook_has_numbers_a_frozen_header_and_totals() {
    let ws = workspace();
    review(ws.path(), true, true);
    let xlsx_path = ws.path().join("汇总.xlsx");
    fuhe(
        ws.path(),
        &[
            "summary",
            ws.path().to_str().unwrap(),
            "--format",
            "xlsx",
            "-o",
            xlsx_path.to_str().unwrap(),
        ],
    );
    let xlsx = std::fs::read(&xlsx_path).unwrap();
    let sheet = unzip(&xlsx, "xl/worksheets/sheet1.xml");
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    let book = unzip(&xlsx, "xl/workbook.xml");
    assert!(book.contains("复核结果汇总表"));
    for want in [
        "部门",
        "自评分",
        "建议分",
        "复核分",
        "确认错误",
        "临湘市农业农村局",
        "基本认可",
        "已完成",
        "张三",
    ] {
        assert!(strings.contains(want), "{want} missing from the workbook");
    }
    // The header row stays; numbers are numbers; the totals row sums.
    assert!(
        sheet.contains(r#"state="frozen""#) && sheet.contains(r#"ySplit="1""#),
        "{sheet}"
    );
    assert!(sheet.contains("<v>92</v>"), "the self-score is a number");
    assert!(sheet.contains("<f>SUM(") && sheet.contains("<f>IFERROR(AVERAGE("));
    assert!(sheet.contains("<col ") && sheet.contains("width="));
    assert!(!sheet.contains(r#"<c r="C2" s="1" t="s""#), "scores are not text");
    // CSV carries the same columns.
    let csv = String::from_utf8(fuhe(ws.path(), &["summary", ws.path().to_str().unwrap(), "--format", "csv"]).stdout)
        .unwrap();
    let head = csv.lines().next().unwrap();
    assert!(
        head.starts_with("file,部门,年度,自评分") && head.contains("复核分"),
        "{head}"
    );
}

/// Opens the Word document in LibreOffice where it is installed (it is not
/// in CI): it converts to a PDF of one or more pages.
#[test]
fn libreoffice_opens_the_word_document() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("soffice not installed: the conversion check is skipped");
        return;
    }
    let ws = workspace();
    review(ws.path(), true, true);
    let docx_path = ws.path().join("复核意见书.docx");
    std::fs::write(&docx_path, export(ws.path(), "docx", &[])).unwrap();
    let out = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(ws.path())
        .arg(&docx_path)
        .env("HOME", ws.path())
        .output()
        .unwrap();
    let pdf = std::fs::read(ws.path().join("复核意见书.pdf")).unwrap_or_else(|_| {
        panic!("no PDF: {}", String::from_utf8_lossy(&out.stderr));
    });
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 10_000, "{} bytes", pdf.len());
}
