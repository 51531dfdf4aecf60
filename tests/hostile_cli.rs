//! Hostile workspaces through the command line: a FIFO, a link to
//! /dev/zero, a report whose voucher strings expand to millions, report text
//! made to drive a terminal or a spreadsheet. Each finishes, names the file,
//! and prints nothing raw.

use serde_json::json;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn fuhe(args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fuhe"))
        .args(args)
        .env(
            "FUHE_CACHE_DIR",
            std::env::temp_dir().join(format!("fuhe-hostile-cache-{}", std::process::id())),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A hang is the failure this file guards against: give up loudly.
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("fuhe {args:?} did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn good(department: &str) -> serde_json::Value {
    json!({"department": department, "year": 2024, "department_form": {}})
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_named_not_read() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("good.json"), good("临湘市测试局").to_string()).unwrap();
    let fifo = reports.join("pipe.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    std::os::unix::fs::symlink("/dev/zero", reports.join("z.json")).unwrap();
    let out = fuhe(&["check", ws.path().to_str().unwrap(), "--no-cache"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(stdout.contains("临湘市测试局"), "the good report is checked: {stdout}");
    for (name, why) in [("pipe.json", "not a regular file"), ("z.json", "outside the workspace")] {
        assert!(
            stderr.lines().any(|l| l.contains(name) && l.contains(why)),
            "{name} named: {stderr}"
        );
    }
    // A device given by name is refused as such.
    let out = fuhe(&["check", "/dev/zero", "--no-cache"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn a_huge_report_file_is_refused_with_its_size() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let mut v = good("临湘市大文件局");
    v["department_form"]["narrative"] = json!([{"paragraphs": ["很长的叙述。".repeat(600_000)]}]);
    std::fs::write(reports.join("big.json"), v.to_string()).unwrap();
    let out = fuhe(&["check", ws.path().to_str().unwrap(), "--no-cache"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("big.json") && stderr.contains("MB"), "{stderr}");
}

#[test]
fn vouchers_that_expand_to_millions_are_bounded() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let lines: Vec<serde_json::Value> = (0..5000)
        .map(|i| json!({"content": format!("支出{i}"), "amount": "1", "vouchers": "1月1-999#"}))
        .collect();
    let mut v = good("临湘市凭证局");
    v["project_forms"] = json!([{"expenses": lines}]);
    std::fs::write(reports.join("v.json"), v.to_string()).unwrap();
    let start = Instant::now();
    let out = fuhe(&["check", ws.path().to_str().unwrap(), "--no-cache", "--format", "csv"]);
    let took = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("voucher.too_many"),
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
    assert!(stdout.len() < 5 << 20, "output bounded: {} bytes", stdout.len());
    eprintln!("5000 × 1月1-999#: {took:?}, {} bytes of CSV", stdout.len());
}

#[test]
fn report_text_reaches_no_terminal_or_spreadsheet_raw() {
    let ws = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let evil = "=HYPERLINK(\"http://x\",\"点我\")\u{1b}]52;c;aGk=\u{7}\u{1b}]0;title\u{7}\u{1b}[31m红\u{2028}\u{E0041}";
    let mut v = good(evil);
    v["department_form"]["basic"] = json!({"contact": "@SUM(A1:A9)"});
    v["department_form"]["indicators"] = json!([{"name": evil, "target": "≥10件"}]);
    std::fs::write(reports.join("evil.json"), v.to_string()).unwrap();
    // A file that fails to load, with escapes in its content.
    std::fs::write(
        reports.join("bad.json"),
        format!(
            "{{\"department\": \"{}\", \"year\": \"x\"}}",
            "\\u001b]52;c;aGk=\\u0007"
        ),
    )
    .unwrap();
    let raw = |b: &[u8]| {
        b.iter().any(|&c| c == 0x1b || c == 0x07 || c == 0) || String::from_utf8_lossy(b).contains('\u{2028}')
    };
    for format in ["text", "csv", "json"] {
        let out = fuhe(&["check", ws.path().to_str().unwrap(), "--no-cache", "--format", format]);
        assert!(!raw(&out.stdout), "{format}: raw control characters on stdout");
        assert!(!raw(&out.stderr), "{format}: raw control characters on stderr");
        if format == "csv" {
            let mut r = csv::Reader::from_reader(&out.stdout[..]);
            for rec in r.records() {
                for cell in rec.unwrap().iter() {
                    assert!(
                        !(cell.starts_with(['=', '+', '@']) || (cell.starts_with('-') && cell.parse::<f64>().is_err())),
                        "a live formula in the CSV: {cell}"
                    );
                }
            }
        }
    }
    let out = fuhe(&["summary", ws.path().to_str().unwrap(), "--format", "csv"]);
    assert!(!raw(&out.stdout) && !raw(&out.stderr));
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a live formula in the summary: {cell}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_workspace_is_named_not_read() {
    let ws = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(elsewhere.path().join("theirs.json"), good("临湘市他处局").to_string()).unwrap();
    std::fs::write(reports.join("inside-target.json.txt"), good("临湘市内部局").to_string()).unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("theirs.json"), reports.join("out.json")).unwrap();
    std::os::unix::fs::symlink(reports.join("inside-target.json.txt"), reports.join("in.json")).unwrap();
    let out = fuhe(&["check", ws.path().to_str().unwrap(), "--no-cache"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stdout.contains("临湘市他处局"), "{stdout}");
    assert!(
        stdout.contains("临湘市内部局"),
        "a link inside the workspace is read: {stdout}"
    );
    assert!(
        stderr.contains("out.json") && stderr.contains("outside the workspace"),
        "{stderr}"
    );
}

#[test]
fn summary_and_export_say_when_rescued_work_is_not_in_them() {
    let ws = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let reports = ws.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("r.json"), good("临湘市测试局").to_string()).unwrap();
    let rescue = fuhe::review::session::rescue_path(data.path(), ws.path(), "r");
    std::fs::create_dir_all(rescue.parent().unwrap()).unwrap();
    std::fs::write(&rescue, "{}").unwrap();
    for args in [
        vec!["summary", ws.path().to_str().unwrap()],
        vec![
            "export",
            "r",
            "--workspace",
            ws.path().to_str().unwrap(),
            "--format",
            "md",
        ],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_fuhe"))
            .args(&args)
            .env("FUHE_DATA_DIR", data.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("is not in the workspace yet"), "{args:?}: {stderr}");
    }
}
