//! Review files on disk: read, and written so that nothing is ever lost.
//!
//! A write goes to a temporary file in the same folder, is flushed to disk
//! (fsync), then renamed over the review, and the folder is synced: a crash
//! at any point leaves either the old review or the new one, whole. Before
//! writing, the file on disk is compared with the one last read (by
//! SHA-256); if someone else changed it meanwhile, nothing is written and
//! the caller gets both versions to choose from. A review file that is not
//! valid JSON (edited by hand) is never overwritten.

use super::Review;
use crate::atomic::write_atomic;
use crate::hash::sha256_hex;
pub use crate::paths::{review_path, snapshot_path};
use std::fs;
use std::path::{Path, PathBuf};

/// What is on disk for a review.
#[derive(Debug, Clone, PartialEq)]
pub enum OnDisk {
    Missing,
    Valid(Box<Review>),
    /// Not a review (bad JSON, wrong fields): the message names file and place.
    Invalid(String),
}

/// Reads a review file; returns what is there and the hash of its bytes.
pub fn read(path: &Path) -> (OnDisk, Option<String>) {
    match fs::read(path) {
        // No file (a path through a file is no file either).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            (OnDisk::Missing, None)
        }
        Err(e) => (OnDisk::Invalid(format!("{}: cannot read: {e}", path.display())), None),
        Ok(bytes) => {
            let hash = sha256_hex(&bytes);
            let de = &mut serde_json::Deserializer::from_slice(&bytes);
            let parsed: Result<Review, _> = serde_path_to_error::deserialize(de);
            match parsed {
                Ok(r) => (OnDisk::Valid(Box::new(r)), Some(hash)),
                Err(e) => {
                    let at = e.path().to_string();
                    let inner = e.into_inner();
                    (
                        OnDisk::Invalid(format!(
                            "{}:{}:{}: {}{}",
                            path.display(),
                            inner.line(),
                            inner.column(),
                            if at == "." { String::new() } else { format!("at {at}: ") },
                            inner
                        )),
                        Some(hash),
                    )
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The file changed on disk since it was read: nothing was written.
    Conflict {
        theirs: OnDisk,
    },
    /// The file on disk is not a valid review: it is never overwritten.
    Invalid(String),
    Io(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Conflict { .. } => {
                f.write_str("the review file was changed by someone else; nothing was written")
            }
            SaveError::Invalid(m) => write!(f, "{m}; the file is not overwritten"),
            SaveError::Io(m) => f.write_str(m),
        }
    }
}

/// A review file and the version of it this session last read or wrote.
#[derive(Debug, Clone)]
pub struct Store {
    pub path: PathBuf,
    /// Hash of the bytes last read or written; None when there was no file.
    pub base: Option<String>,
}

impl Store {
    /// Opens the store and reads what is there.
    pub fn open(path: PathBuf) -> (Store, OnDisk) {
        let (disk, hash) = read(&path);
        (Store { path, base: hash }, disk)
    }

    /// Writes the review, unless the file changed since it was last read.
    pub fn save(&mut self, review: &Review) -> Result<(), SaveError> {
        self.save_with(review, || Ok(()))
    }

    /// `save` with a hook run after the temporary file is written and synced
    /// and before the rename (tests use it to kill the writer there).
    pub fn save_with(
        &mut self,
        review: &Review,
        before_rename: impl FnOnce() -> std::io::Result<()>,
    ) -> Result<(), SaveError> {
        let (disk, hash) = read(&self.path);
        if hash != self.base {
            return Err(SaveError::Conflict { theirs: disk });
        }
        if let OnDisk::Invalid(m) = disk {
            return Err(SaveError::Invalid(m));
        }
        let mut bytes = serde_json::to_vec_pretty(review).map_err(|e| SaveError::Io(e.to_string()))?;
        bytes.push(b'\n');
        write_atomic(&self.path, &bytes, before_rename)
            .map_err(|e| SaveError::Io(format!("{}: {e}", self.path.display())))?;
        self.base = Some(sha256_hex(&bytes));
        Ok(())
    }

    /// After a conflict, when the auditor keeps their own version: take the
    /// file now on disk as the base, then save.
    pub fn overwrite(&mut self, review: &Review) -> Result<(), SaveError> {
        self.base = read(&self.path).1;
        self.save(review)
    }

    /// After a conflict, when the auditor takes the other version.
    pub fn reload(&mut self) -> OnDisk {
        let (disk, hash) = read(&self.path);
        self.base = hash;
        disk
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Annotation, Change, now};

    fn sample() -> Review {
        Review::new("r", "reports/r.json", "abc", "张三")
    }

    fn note(r: &mut Review, text: &str) {
        let c = Change::Annotation {
            target: "report".into(),
            old: r.annotation("report").cloned(),
            new: Some(Annotation {
                target: "report".into(),
                text: text.into(),
                author: "张三".into(),
                time: now(),
            }),
        };
        r.apply(&c, "张三");
    }

    #[test]
    fn saves_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = review_path(dir.path(), "r");
        let (mut store, disk) = Store::open(path.clone());
        assert_eq!(disk, OnDisk::Missing);
        let mut r = sample();
        note(&mut r, "一");
        store.save(&r).unwrap();
        note(&mut r, "二");
        store.save(&r).unwrap();
        assert_eq!(read(&path).0, OnDisk::Valid(Box::new(r)));
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path().join("reviews"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn never_overwrites_what_someone_else_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let path = review_path(dir.path(), "r");
        let (mut mine, _) = Store::open(path.clone());
        let (mut theirs, _) = Store::open(path.clone());
        let mut a = sample();
        note(&mut a, "mine");
        mine.save(&a).unwrap();
        let mut b = sample();
        note(&mut b, "theirs");
        match theirs.save(&b) {
            Err(SaveError::Conflict {
                theirs: OnDisk::Valid(on_disk),
            }) => assert_eq!(*on_disk, a),
            other => panic!("{other:?}"),
        }
        assert_eq!(read(&path).0, OnDisk::Valid(Box::new(a.clone())), "nothing was written");
        // Keeping one's own version is a deliberate overwrite.
        theirs.overwrite(&b).unwrap();
        assert_eq!(read(&path).0, OnDisk::Valid(Box::new(b)));
        // And the first writer now conflicts.
        assert!(matches!(mine.save(&a), Err(SaveError::Conflict { .. })));
    }

    #[test]
    fn a_hand_edited_invalid_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = review_path(dir.path(), "r");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "{\"fuhe_review\": 1, oops").unwrap();
        let (mut store, disk) = Store::open(path.clone());
        let OnDisk::Invalid(m) = disk else { panic!() };
        assert!(m.contains("r.review.json:1:"), "{m}");
        assert!(matches!(store.save(&sample()), Err(SaveError::Invalid(_))));
        assert_eq!(fs::read_to_string(&path).unwrap(), "{\"fuhe_review\": 1, oops");
    }

    #[test]
    fn a_writer_that_dies_before_the_rename_leaves_the_old_review() {
        let dir = tempfile::tempdir().unwrap();
        let path = review_path(dir.path(), "r");
        let (mut store, _) = Store::open(path.clone());
        let mut r = sample();
        note(&mut r, "old");
        store.save(&r).unwrap();
        let before = fs::read(&path).unwrap();
        note(&mut r, "new");
        let e = store
            .save_with(&r, || Err(std::io::Error::other("killed")))
            .unwrap_err();
        assert!(matches!(e, SaveError::Io(_)));
        assert_eq!(fs::read(&path).unwrap(), before, "the old review is intact");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_colleagues() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        write_atomic(&path, b"{}", || Ok(())).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o660)).unwrap();
        write_atomic(&path, b"{ }", || Ok(())).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o660, "kept");
    }

    #[test]
    fn a_read_only_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("reviews");
        // A file where the folder should be: the write cannot happen.
        fs::write(&blocker, "").unwrap();
        let (mut store, _) = Store::open(review_path(dir.path(), "r"));
        match store.save(&sample()) {
            Err(SaveError::Io(m)) => assert!(m.contains("r.review.json"), "{m}"),
            other => panic!("{other:?}"),
        }
    }
}
