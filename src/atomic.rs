//! Writing a file so that a crash at any moment leaves either the old file
//! or the new one, whole: a temporary file in the same folder, fsync,
//! rename, fsync of the folder. Reviews, imported reports, exports and the
//! check cache are all written this way.

use std::fs;
use std::io::Write;
use std::path::Path;

/// Temp file in the same folder, fsync, rename, fsync the folder.
/// Temporary files this file's saves left behind when killed between
/// writing and renaming (`.<name>.XXXX.tmp`), older than any save still
/// running: removed, so they do not pile up. Only this file's, only old
/// ones; failures are ignored (the save itself decides).
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if !(n.starts_with(&prefix) && n.ends_with(".tmp")) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(600));
        if old {
            let _ = fs::remove_file(e.path());
        }
    }
}

pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temps(dir, &name);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // Temporary files are private (0600); the result must keep the file's
    // permissions, or be readable like any file (0644) so colleagues sharing
    // the workspace can read it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        tmp.as_file().set_permissions(fs::Permissions::from_mode(mode))?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    before_rename()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Checks that reviews can be written in `dir` (created if needed) by
/// writing and removing a small file: a folder the auditor offers instead
/// of a read-only workspace must be tried before any review relies on it.
pub fn probe_folder(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut probe = tempfile::Builder::new().prefix(".fuhe-probe.").tempfile_in(dir)?;
    probe.write_all(b"fuhe\n")?;
    probe.as_file().sync_all()?;
    probe.close()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_temporaries_of_killed_saves_are_cleaned_young_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.review.json");
        let old = dir.path().join(".r.review.json.AbC123.tmp");
        let young = dir.path().join(".r.review.json.XyZ789.tmp");
        let other = dir.path().join(".s.review.json.Old000.tmp");
        for p in [&old, &young, &other] {
            fs::write(p, "partial").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in [&old, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        write_atomic(&path, b"{}", || Ok(())).unwrap();
        assert!(!old.exists(), "an old temporary of this file is removed");
        assert!(young.exists(), "a young one may be a save still running");
        assert!(other.exists(), "another file's is not ours to remove");
    }
    #[test]
    fn a_probe_leaves_nothing_behind_and_fails_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a").join("b");
        probe_folder(&folder).unwrap();
        assert_eq!(fs::read_dir(&folder).unwrap().count(), 0);
        fs::write(dir.path().join("file"), "").unwrap();
        assert!(probe_folder(&dir.path().join("file").join("sub")).is_err());
    }
}
