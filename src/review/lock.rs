//! Who holds a report: `reviews/<id>.lock`, with the reviewer, host and
//! process, made with create-new so two sessions cannot both take it.
//! Removed when the session lets go (and on drop); a lock left by a crashed
//! session on this host (its process is gone) is recognised as stale and
//! taken over. A lock from another host cannot be checked: it is reported
//! with who and since when, and can be removed by hand.

use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Holder {
    pub reviewer: String,
    pub host: String,
    pub pid: u32,
    pub since: String,
}

impl Holder {
    fn me(reviewer: &str) -> Holder {
        Holder {
            reviewer: reviewer.into(),
            host: hostname(),
            pid: std::process::id(),
            since: super::now(),
        }
    }

    /// Whether the holder is a process that no longer runs on this host.
    fn is_stale(&self) -> bool {
        self.host == hostname() && self.pid != std::process::id() && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }
}

pub fn hostname() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| fs::read_to_string("/etc/hostname").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

pub fn lock_path(root: &Path, id: &str) -> PathBuf {
    root.join("reviews")
        .join(format!("{}.lock", crate::workspace::sanitize_id(id)))
}

/// A held lock; released on drop.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// Set when a stale lock was taken over (for telling the user).
    pub took_over: Option<Holder>,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only remove our own lock.
        if let Ok(text) = fs::read_to_string(&self.path)
            && let Ok(h) = serde_json::from_str::<Holder>(&text)
            && h.pid == std::process::id()
            && h.host == hostname()
        {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum LockError {
    Held(Holder),
    Io(String),
}

/// Takes the lock, or says who holds it.
pub fn acquire(path: &Path, reviewer: &str) -> Result<Lock, LockError> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| LockError::Io(format!("{}: {e}", dir.display())))?;
    }
    let mut took_over = None;
    for _ in 0..2 {
        match fs::OpenOptions::new().write(true).create_new(true).open(path) {
            Ok(mut f) => {
                let me = serde_json::to_string(&Holder::me(reviewer)).unwrap_or_default();
                f.write_all(me.as_bytes()).map_err(|e| LockError::Io(e.to_string()))?;
                let _ = f.sync_all();
                return Ok(Lock {
                    path: path.to_path_buf(),
                    took_over,
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = fs::read_to_string(path)
                    .ok()
                    .and_then(|t| serde_json::from_str::<Holder>(&t).ok());
                match holder {
                    Some(h) if h.pid == std::process::id() && h.host == hostname() => {
                        // Ours already (reopened in the same session).
                        return Ok(Lock {
                            path: path.to_path_buf(),
                            took_over: None,
                        });
                    }
                    Some(h) if !h.is_stale() => return Err(LockError::Held(h)),
                    h => {
                        took_over = h;
                        let _ = fs::remove_file(path);
                    }
                }
            }
            Err(e) => return Err(LockError::Io(format!("{}: {e}", path.display()))),
        }
    }
    Err(LockError::Io(format!("{}: could not take the lock", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_path(dir.path(), "r");
        // Another live process on this host: pid 1 always exists.
        let other = Holder {
            reviewer: "李四".into(),
            host: hostname(),
            pid: 1,
            since: "2026-11-27T08:00:00Z".into(),
        };
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, serde_json::to_string(&other).unwrap()).unwrap();
        match acquire(&p, "张三") {
            Err(LockError::Held(h)) => assert_eq!(h.reviewer, "李四"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_stale_lock_is_taken_over_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_path(dir.path(), "r");
        let dead = Holder {
            reviewer: "李四".into(),
            host: hostname(),
            pid: u32::MAX - 7,
            since: "x".into(),
        };
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, serde_json::to_string(&dead).unwrap()).unwrap();
        let lock = acquire(&p, "张三").unwrap();
        assert_eq!(lock.took_over.as_ref().map(|h| h.reviewer.as_str()), Some("李四"));
        assert!(p.exists());
        drop(lock);
        assert!(!p.exists());
    }
}
