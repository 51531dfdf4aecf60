//! Who holds a report: `reviews/<id>.lock`. The operating system's lock on
//! that open file decides (so two sessions can never both take it, and a
//! session that dies lets go with its process); the file's text names the
//! reviewer, host and process for the others. Removed when the session lets
//! go. A lock file from another host is reported with who and since when,
//! and can be removed by hand.

pub use crate::paths::lock_path;
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

/// A held lock; released on drop.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// The open lock file: the operating system's lock on it is what
    /// excludes other sessions, and it goes away with the process, however
    /// the process ends (killed, crashed, a zombie).
    file: Option<fs::File>,
    /// Set when a lock left by a session that ended was taken over (for
    /// telling the user).
    pub took_over: Option<Holder>,
}

/// The locks this process holds. One process is one auditor: a report
/// opened again in the same process shares the lock it already has (the
/// operating system would refuse a second open file the lock).
static HELD: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn held() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    HELD.lock().unwrap_or_else(|e| e.into_inner())
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            held().retain(|p| *p != self.path);
            // Remove the path while still holding the lock: a waiter that
            // opened the old file sees, once it gets the lock, that the
            // path no longer names its file and starts again.
            let _ = fs::remove_file(&self.path);
            let _ = file.unlock();
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum LockError {
    Held(Holder),
    /// The file names a holder on another host, whose lock may not reach
    /// across a network share: taken over only when asked, with
    /// [`acquire_over`].
    Foreign(Holder),
    Io(String),
}

/// Whether the open file is still the one at `path` (not removed and
/// replaced since it was opened).
fn same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

fn holder_in(path: &Path) -> Option<Holder> {
    fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<Holder>(&t).ok())
}

/// Takes the lock, or says who holds it.
///
/// The lock is the operating system's exclusive lock on the open
/// `<id>.lock` file, taken without waiting: of two sessions opening at the
/// same moment exactly one gets it, and a session that died (on this host)
/// holds nothing, so its report can be reopened at once. The file also
/// names the holder (reviewer, host, process, since when) for the others
/// to be told. A holder on another host is not taken over: the lock may not
/// reach across the network share; its file names who to ask.
pub fn acquire(path: &Path, reviewer: &str) -> Result<Lock, LockError> {
    acquire_with(path, reviewer, None)
}

/// Like [`acquire`], taking over the lock of `foreign` — a holder on
/// another host the auditor was shown and chose to take over (its session
/// is gone). Anyone else holding it still keeps it.
pub fn acquire_over(path: &Path, reviewer: &str, foreign: &Holder) -> Result<Lock, LockError> {
    acquire_with(path, reviewer, Some(foreign))
}

fn acquire_with(path: &Path, reviewer: &str, over: Option<&Holder>) -> Result<Lock, LockError> {
    let io = |e: std::io::Error| LockError::Io(format!("{}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| LockError::Io(format!("{}: {e}", dir.display())))?;
    }
    let mut mine = held();
    if mine.iter().any(|p| p == path) {
        return Ok(Lock {
            path: path.to_path_buf(),
            file: None,
            took_over: None,
        });
    }
    for _ in 0..50 {
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {
                if !same_file(&file, path) {
                    continue;
                }
                let previous = holder_in(path);
                if let Some(h) = &previous
                    && h.host != hostname()
                    && over != Some(h)
                {
                    let _ = file.unlock();
                    return Err(LockError::Foreign(h.clone()));
                }
                let me = serde_json::to_string(&Holder::me(reviewer)).unwrap_or_default();
                file.set_len(0).map_err(io)?;
                use std::io::Seek;
                file.seek(std::io::SeekFrom::Start(0)).map_err(io)?;
                file.write_all(me.as_bytes()).map_err(io)?;
                let _ = file.sync_all();
                mine.push(path.to_path_buf());
                return Ok(Lock {
                    path: path.to_path_buf(),
                    file: Some(file),
                    took_over: previous,
                });
            }
            Err(fs::TryLockError::WouldBlock) => match holder_in(path) {
                Some(h) => return Err(LockError::Held(h)),
                // Just taken: the holder is still writing its name.
                None => std::thread::sleep(std::time::Duration::from_millis(10)),
            },
            Err(fs::TryLockError::Error(e)) => return Err(io(e)),
        }
    }
    Err(LockError::Io(format!("{}: could not take the lock", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_reopened_in_the_same_process_shares_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_path(dir.path(), "r");
        let first = acquire(&p, "张三").unwrap();
        let again = acquire(&p, "张三").unwrap();
        drop(again);
        assert!(p.exists(), "the first still holds it");
        drop(first);
        assert!(!p.exists());
    }

    #[test]
    fn another_hosts_lock_is_not_taken() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_path(dir.path(), "r");
        let other = Holder {
            reviewer: "李四".into(),
            host: "county-server-2".into(),
            pid: 4242,
            since: "2026-11-27T08:00:00+08:00".into(),
        };
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, serde_json::to_string(&other).unwrap()).unwrap();
        match acquire(&p, "张三") {
            Err(LockError::Foreign(h)) => assert_eq!(h.host, "county-server-2"),
            other => panic!("{other:?}"),
        }
        assert!(p.exists(), "left for its owner");
        // Taken over when asked, for that holder only.
        let someone_else = Holder {
            reviewer: "王五".into(),
            ..other.clone()
        };
        assert!(matches!(
            acquire_over(&p, "张三", &someone_else),
            Err(LockError::Foreign(_))
        ));
        let lock = acquire_over(&p, "张三", &other).unwrap();
        assert_eq!(lock.took_over.as_ref(), Some(&other));
        assert!(fs::read_to_string(&p).unwrap().contains("张三"));
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
