//! A cache of check results, so that checking a folder of thousands of
//! reports again — the daily case for a bureau's scripts — costs reading and
//! hashing the files, not parsing and checking them.
//!
//! Correctness never rests on file times: an entry is used only when the
//! BLAKE3 hash of the report's bytes is the one it was made from, and the
//! whole cache only when its fingerprint matches — the fuhe executable
//! itself (so a new build or version never serves old findings), the check
//! thresholds and the workspace's rubric. A missing, foreign or damaged cache
//! file is simply ignored and rewritten; the cache can always be deleted.
//!
//! It lives in the user's cache folder (`~/.cache/fuhe/`, or
//! `FUHE_CACHE_DIR`), one file per workspace, so that a shared or read-only
//! workspace is never written to and two auditors never share one.
//!
//! The file is JSON lines: a header with the fingerprint, then one line per
//! report, `HASH \t FILE \t ENTRY` (FILE as a JSON string, ENTRY a JSON
//! object), so that loading needs only to split lines; the entries are parsed
//! by the worker that needs them.

use crate::checks::{CheckConfig, Flag};
pub use crate::paths::cache_dir;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::OnceLock;

const FORMAT: &str = "fuhe-check-cache 1";

/// What `fuhe check` needs of a report it does not parse again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub department: String,
    pub year: u16,
    pub project_forms: usize,
    pub flags: Vec<Flag>,
}

/// The check cache of one workspace.
pub struct CheckCache {
    path: PathBuf,
    root: PathBuf,
    fingerprint: String,
    /// The cache file as read; `old` points into it.
    text: String,
    /// file → (content hash, byte range of the entry in `text`).
    old: HashMap<String, (String, std::ops::Range<usize>)>,
    /// Entries made or confirmed in this run: file → (hash, entry).
    new: Mutex<HashMap<String, (String, Line)>>,
}

/// An entry's JSON: still in the file as read, or made in this run.
enum Line {
    Kept(std::ops::Range<usize>),
    Made(String),
}

/// The hash of the running executable, computed once: any rebuild changes it.
fn executable_hash() -> Option<&'static str> {
    static HASH: OnceLock<Option<String>> = OnceLock::new();
    HASH.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let mut h = blake3::Hasher::new();
        h.update_reader(std::fs::File::open(exe).ok()?).ok()?;
        Some(h.finalize().to_hex().to_string())
    })
    .as_deref()
}

pub use crate::hash::content_hash;

impl CheckCache {
    /// The cache of the workspace at `root` for these settings, read from
    /// disk when there is a matching one. None when there is no cache folder
    /// or the executable cannot be read.
    pub fn open(root: &Path, config: &CheckConfig) -> Option<CheckCache> {
        let dir = cache_dir()?;
        let root_abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let name = blake3::hash(root_abs.to_string_lossy().as_bytes()).to_hex();
        let path = dir.join(format!("check-{}.jsonl", &name[..16]));
        let mut fp = blake3::Hasher::new();
        fp.update(executable_hash()?.as_bytes());
        fp.update(&serde_json::to_vec(config).ok()?);
        fp.update(&serde_json::to_vec(config.rubric()).ok()?);
        let fingerprint = fp.finalize().to_hex().to_string();
        let mut cache = CheckCache {
            path,
            root: root.to_path_buf(),
            fingerprint,
            text: String::new(),
            old: HashMap::new(),
            new: Mutex::new(HashMap::new()),
        };
        if let Ok(text) = std::fs::read_to_string(&cache.path) {
            cache.text = text;
            cache.index();
        }
        Some(cache)
    }

    /// Finds the entries of a cache file whose header matches.
    fn index(&mut self) {
        let mut lines = self.text.split_inclusive('\n');
        let header = format!("{FORMAT} {}\n", self.fingerprint);
        if lines.next() != Some(header.as_str()) {
            return;
        }
        let mut at = header.len();
        for line in lines {
            let start = at;
            at += line.len();
            let Some(body) = line.strip_suffix('\n') else { break };
            // JSON strings hold no raw tab, so the first two tabs split the line.
            let Some(t1) = body.find('\t') else { continue };
            let Some(t2) = body[t1 + 1..].find('\t').map(|i| t1 + 1 + i) else {
                continue;
            };
            let Ok(file) = serde_json::from_str::<String>(&body[t1 + 1..t2]) else {
                continue;
            };
            let hash = &body[..t1];
            let entry_start = start + t2 + 1;
            self.old.insert(file, (hash.to_string(), entry_start..at - 1));
        }
    }

    /// The cache file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The key of a report file in this cache: its path below the workspace.
    pub fn key(&self, file: &Path) -> String {
        file.strip_prefix(&self.root)
            .unwrap_or(file)
            .to_string_lossy()
            .into_owned()
    }

    /// The cached entry for `file` if it was made from these very bytes.
    pub fn get(&self, key: &str, hash: &str) -> Option<Entry> {
        let (h, range) = self.old.get(key)?;
        if h != hash {
            return None;
        }
        let entry = serde_json::from_str(self.text.get(range.clone())?).ok()?;
        self.new
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_string(), (hash.to_string(), Line::Kept(range.clone())));
        Some(entry)
    }

    /// Records the entry made for `file` in this run.
    pub fn put(&self, key: String, hash: String, entry: &Entry) {
        if let Ok(json) = serde_json::to_string(entry) {
            let made = (hash, Line::Made(json));
            self.new.lock().unwrap_or_else(|e| e.into_inner()).insert(key, made);
        }
    }

    /// Writes the cache back when anything changed: this run's entries, and
    /// the earlier ones whose files still exist (a run over some of the
    /// files must not forget the others). Failure to write is not an error
    /// for the check itself, so it is only returned for the caller to note.
    pub fn save(self) -> std::io::Result<()> {
        let new = self.new.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut changed = false;
        let mut lines: Vec<(&str, &str, &str)> = Vec::with_capacity(new.len().max(self.old.len()));
        for (file, (hash, line)) in &new {
            let json = match line {
                Line::Kept(range) => &self.text[range.clone()],
                Line::Made(json) => {
                    changed |= self
                        .old
                        .get(file)
                        .is_none_or(|(h, r)| h != hash || self.text[r.clone()] != *json);
                    json.as_str()
                }
            };
            lines.push((file, hash, json));
        }
        for (file, (hash, range)) in &self.old {
            if new.contains_key(file) {
                continue;
            }
            if self.root.join(file).is_file() {
                lines.push((file, hash, &self.text[range.clone()]));
            } else {
                changed = true;
            }
        }
        if !changed {
            return Ok(());
        }
        lines.sort();
        let mut out = String::with_capacity(self.text.len().max(1024));
        out.push_str(FORMAT);
        out.push(' ');
        out.push_str(&self.fingerprint);
        out.push('\n');
        for (file, hash, json) in lines {
            out.push_str(hash);
            out.push('\t');
            out.push_str(&serde_json::to_string(file).unwrap_or_default());
            out.push('\t');
            out.push_str(json);
            out.push('\n');
        }
        crate::atomic::write_atomic(&self.path, out.as_bytes(), || Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;

    fn entry(n: usize) -> Entry {
        Entry {
            department: "某某局\t\"引号\"".into(),
            year: 2024,
            project_forms: n,
            flags: vec![Flag::new(
                &crate::rules::TEXT_REPEATED,
                Severity::Warning,
                &crate::checks::Place::new("a.b", "甲", "a"),
                "消息\n第二行".into(),
                "message".into(),
            )],
        }
    }

    fn open(root: &Path) -> CheckCache {
        CheckCache::open(root, &CheckConfig::default()).expect("cache")
    }

    #[test]
    fn entries_come_back_only_for_the_same_bytes_and_settings() {
        let dir = tempfile::tempdir().unwrap();
        let cache_home = tempfile::tempdir().unwrap();
        // SAFETY: tests in this module are the only users of the variable.
        unsafe { std::env::set_var("FUHE_CACHE_DIR", cache_home.path()) };
        let root = dir.path();
        std::fs::create_dir_all(root.join("reports")).unwrap();
        std::fs::write(root.join("reports/a.json"), "{}").unwrap();
        std::fs::write(root.join("reports/b.json"), "{}").unwrap();
        let c = open(root);
        let ka = c.key(&root.join("reports/a.json"));
        assert_eq!(ka, "reports/a.json");
        assert!(c.get(&ka, "h1").is_none());
        c.put(ka.clone(), "h1".into(), &entry(1));
        c.put("reports/b.json".into(), "h2".into(), &entry(2));
        c.save().unwrap();

        let c = open(root);
        assert_eq!(c.get(&ka, "h1"), Some(entry(1)));
        assert!(c.get(&ka, "other bytes").is_none());
        // A run over one file keeps the other's entry.
        c.save().unwrap();
        let c = open(root);
        assert_eq!(c.get("reports/b.json", "h2"), Some(entry(2)));
        // Entries of deleted files are dropped.
        std::fs::remove_file(root.join("reports/b.json")).unwrap();
        c.save().unwrap();
        let c = open(root);
        c.save().unwrap();
        let c = open(root);
        assert!(c.get("reports/b.json", "h2").is_none());
        assert_eq!(c.get(&ka, "h1"), Some(entry(1)));

        // Other thresholds: nothing is served.
        let other = CheckConfig {
            deviation_pct: 5.into(),
            ..CheckConfig::default()
        };
        let c2 = CheckCache::open(root, &other).unwrap();
        assert!(c2.get(&ka, "h1").is_none());

        // A damaged file is ignored, never an error.
        let path = c.path.clone();
        drop(c);
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.truncate(text.len() - 10);
        text.push_str("garbage\n\u{0}\t\t\n");
        std::fs::write(&path, text).unwrap();
        let c = open(root);
        assert!(c.get(&ka, "h1").is_none());
        std::fs::write(&path, b"\xff\xfe not utf-8").unwrap();
        let c = open(root);
        assert!(c.get(&ka, "h1").is_none());
        unsafe { std::env::remove_var("FUHE_CACHE_DIR") };
    }
}
