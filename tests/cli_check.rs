//! `fuhe check` as scripts run it, and its cache of earlier results: a
//! re-run must print exactly what a fresh check prints, whatever happened to
//! the reports, the reviews or the cache file in between.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    json: serde_json::Value,
}

fn check(ws: &Path, cache: &Path, extra: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_fuhe"))
        .arg("check")
        .arg(ws)
        .args(["--format", "json"])
        .args(extra)
        .env("FUHE_CACHE_DIR", cache)
        .env("FUHE_CONFIG_DIR", cache.join("no-config"))
        .output()
        .expect("run fuhe");
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Run {
        code: out.status.code().unwrap_or(-1),
        json,
    }
}

fn workspace() -> tempfile::TempDir {
    let ws = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(ws.path().join("reports")).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/reports");
    for e in std::fs::read_dir(samples).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, ws.path().join("reports").join(p.file_name().unwrap())).unwrap();
    }
    ws
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default()
}

fn report<'a>(run: &'a Run, id: &str) -> &'a serde_json::Value {
    run.json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in the output"))
}

#[test]
fn a_second_run_prints_what_the_first_printed() {
    let ws = workspace();
    let cache = tempfile::tempdir().unwrap();
    let fresh = check(ws.path(), cache.path(), &["--no-cache"]);
    assert!(cache_files(cache.path()).is_empty(), "--no-cache writes no cache");
    let first = check(ws.path(), cache.path(), &[]);
    assert_eq!(cache_files(cache.path()).len(), 1);
    let second = check(ws.path(), cache.path(), &[]);
    assert_eq!(fresh.code, 1, "the samples have errors");
    assert_eq!((first.code, second.code), (1, 1));
    assert_eq!(fresh.json, first.json);
    assert_eq!(fresh.json, second.json);
    assert_eq!(fresh.json["reports"].as_array().unwrap().len(), 7);
}

#[test]
fn a_changed_report_is_checked_again() {
    let ws = workspace();
    let cache = tempfile::tempdir().unwrap();
    let before = check(ws.path(), cache.path(), &[]);
    let id = "linxiang-education-bureau-2024";
    assert_eq!(report(&before, id)["counts"]["error"], 0);
    // Break a sum in the clean report: the same size, other bytes.
    let path = ws.path().join(format!("reports/{id}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let total = v["department_form"]["income"]["summary"]["total"]
        .as_str()
        .unwrap()
        .to_string();
    let changed = text.replacen(&format!("\"{total}\""), "\"1.00\"", 1);
    assert_ne!(changed, text);
    std::fs::write(&path, changed).unwrap();
    let after = check(ws.path(), cache.path(), &[]);
    let fresh = check(ws.path(), cache.path(), &["--no-cache"]);
    assert_eq!(after.json, fresh.json);
    assert!(report(&after, id)["counts"]["error"].as_u64().unwrap() > 0);
    // Other reports are untouched.
    let other = "linxiang-data-bureau-2024";
    assert_eq!(report(&before, other), report(&after, other));
}

#[test]
fn a_damaged_cache_is_ignored_and_rewritten() {
    let ws = workspace();
    let cache = tempfile::tempdir().unwrap();
    let good = check(ws.path(), cache.path(), &[]);
    let file = cache_files(cache.path()).pop().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    // Cut entries in half, swap fields, add binary junk.
    let damaged: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| match i % 3 {
            1 => l[..l.len() / 2].to_string(),
            2 => l.replacen('\t', "\t\"x\"\t", 1),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n\u{0}\u{1b}[2J\t\t\t\n";
    std::fs::write(&file, damaged).unwrap();
    let again = check(ws.path(), cache.path(), &[]);
    assert_eq!(good.json, again.json);
    std::fs::write(&file, b"\xff\xfe\x00not utf-8").unwrap();
    let again = check(ws.path(), cache.path(), &[]);
    assert_eq!(good.json, again.json);
    // Rewritten whole.
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("fuhe-check-cache"));
}

#[test]
fn review_state_is_read_afresh_even_when_findings_are_cached() {
    let ws = workspace();
    let cache = tempfile::tempdir().unwrap();
    let id = "linxiang-data-bureau-2024";
    let before = check(ws.path(), cache.path(), &[]);
    assert!(report(&before, id)["review"]["status"].is_null());
    let bytes = std::fs::read(ws.path().join(format!("reports/{id}.json"))).unwrap();
    let sha = fuhe::hash::sha256_hex(&bytes);
    let review = fuhe::review::Review::new(id, &format!("reports/{id}.json"), &sha, "测试员");
    let path = fuhe::review::store::review_path(ws.path(), id);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_vec_pretty(&review).unwrap()).unwrap();
    let after = check(ws.path(), cache.path(), &[]);
    let r = report(&after, id);
    assert!(!r["review"]["status"].is_null(), "{r}");
    assert_eq!(r["review"]["stale"], false);
    assert_eq!(r["flags"], report(&before, id)["flags"]);
    // A review of other bytes is stale.
    let stale = fuhe::review::Review::new(id, &format!("reports/{id}.json"), "0000", "测试员");
    std::fs::write(&path, serde_json::to_vec_pretty(&stale).unwrap()).unwrap();
    let after = check(ws.path(), cache.path(), &[]);
    assert_eq!(report(&after, id)["review"]["stale"], true);
    // Removing the review brings back the unreviewed state, from the cache.
    std::fs::remove_file(&path).unwrap();
    let after = check(ws.path(), cache.path(), &[]);
    assert_eq!(report(&after, id), report(&before, id));
}

#[test]
fn a_bad_report_beside_good_ones_exits_2_and_names_the_file() {
    let ws = workspace();
    let cache = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join("reports/broken.json"),
        "{\"fuhe_report\": 1, \"department\": ",
    )
    .unwrap();
    for _ in 0..2 {
        let run = check(ws.path(), cache.path(), &[]);
        assert_eq!(run.code, 2);
        assert_eq!(run.json["reports"].as_array().unwrap().len(), 7);
        let errors = run.json["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1);
        assert!(errors[0]["file"].as_str().unwrap().ends_with("broken.json"));
    }
}

#[test]
fn text_and_csv_read_the_same_from_the_cache() {
    let ws = workspace();
    let cache = tempfile::tempdir().unwrap();
    let run = |format: &str, extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_fuhe"))
            .arg("check")
            .arg(ws.path())
            .args(["--format", format, "--width", "100", "--lang", "zh"])
            .args(extra)
            .env("FUHE_CACHE_DIR", cache.path())
            .env("FUHE_CONFIG_DIR", cache.path().join("no-config"))
            .output()
            .expect("run fuhe");
        String::from_utf8(out.stdout).unwrap()
    };
    for format in ["text", "csv"] {
        let fresh = run(format, &["--no-cache"]);
        assert!(fresh.contains("临湘市数据局"), "{fresh}");
        assert_eq!(run(format, &[]), fresh, "{format}, first run");
        assert_eq!(run(format, &[]), fresh, "{format}, from the cache");
    }
}
