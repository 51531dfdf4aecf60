//! Where fuhe keeps things: report ids made safe as file names, the files of
//! a review beside a workspace (review, snapshot, lock), the folders a review
//! is kept in when the workspace cannot be written, and the user's config,
//! data and cache folders. One home, so that the interface, the command line
//! and the tests can never disagree about a file's name.

use std::path::{Path, PathBuf};

/// Turns a file name into a report id that is safe as a file name anywhere:
/// letters (any script), digits, `-`, `_` and `.` are kept, everything else
/// becomes `_`; no leading dot, never empty, at most 100 characters.
pub fn sanitize_id(name: &str) -> String {
    let mut id: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    while id.starts_with('.') {
        id.replace_range(0..1, "_");
    }
    if id.is_empty() { "report".into() } else { id }
}

/// The id a report file gets (its sanitised file name).
pub fn id_of(path: &Path) -> String {
    sanitize_id(
        &path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )
}

/// `reviews/<id>.review.json` in the workspace. The id is already a
/// sanitised file name ([`sanitize_id`]).
pub fn review_path(root: &Path, id: &str) -> PathBuf {
    root.join("reviews").join(format!("{}.review.json", sanitize_id(id)))
}

/// The report as it was when reviewed, kept to show what changed since.
pub fn snapshot_path(root: &Path, id: &str) -> PathBuf {
    root.join("reviews").join(format!("{}.reviewed.json", sanitize_id(id)))
}

pub fn lock_path(root: &Path, id: &str) -> PathBuf {
    root.join("reviews").join(format!("{}.lock", sanitize_id(id)))
}

/// `<folder>/<id>.review.json`: the plain name a review has in `reviews/`,
/// so files kept in another folder can be copied back.
pub fn kept_path(folder: &Path, id: &str) -> PathBuf {
    folder.join(format!("{}.review.json", sanitize_id(id)))
}

/// `<data>/rescue/<12 hex of the workspace>-<id>.review.json`: where a
/// review goes when the workspace cannot be written and no folder was chosen.
pub fn rescue_path(data_dir: &Path, root: &Path, id: &str) -> PathBuf {
    data_dir
        .join("rescue")
        .join(format!("{}-{}.review.json", workspace_hash(root), sanitize_id(id)))
}

/// The folder offered for a workspace that cannot be written:
/// `<data>/rescue/<workspace name>-<12 hex>/`, one per workspace, so its
/// files can keep their plain names.
pub fn default_folder(data_dir: &Path, root: &Path) -> PathBuf {
    let name = root
        .canonicalize()
        .or_else(|_| std::path::absolute(root))
        .ok()
        .and_then(|p| p.file_name().map(|n| sanitize_id(&n.to_string_lossy())));
    let hash = workspace_hash(root);
    data_dir.join("rescue").join(match name {
        Some(n) => format!("{n}-{hash}"),
        None => hash,
    })
}

fn workspace_hash(root: &Path) -> String {
    crate::hash::sha256_hex(root.display().to_string().as_bytes())[..12].to_string()
}

/// The folder for cache files: `FUHE_CACHE_DIR`, else the user's cache folder.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("FUHE_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "fuhe").map(|p| p.cache_dir().to_path_buf())
}

/// The user's config folder (`~/.config/fuhe` on Linux), or `FUHE_CONFIG_DIR`.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("FUHE_CONFIG_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "fuhe").map(|p| p.config_dir().to_path_buf())
}

/// Where the bundled sample workspace lives: the user's data folder, so that
/// reviews of the samples never go into the install.
pub fn samples_dir() -> std::io::Result<PathBuf> {
    Ok(data_dir()?.join("sample-workspace"))
}

/// The user's data folder (`~/.local/share/fuhe`), or `FUHE_DATA_DIR`.
pub fn data_dir() -> std::io::Result<PathBuf> {
    if let Some(d) = std::env::var_os("FUHE_DATA_DIR") {
        return Ok(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "fuhe")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| std::io::Error::other("no home folder for fuhe's data"))
}
