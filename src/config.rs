//! The config file: `config.toml` in the user's config folder (found with
//! `directories`), or the file given with `--config`; a workspace may add
//! `fuhe.toml` beside its `reports/` to set the bureau's thresholds for
//! everyone who opens it. Later files override earlier ones, table by key.
//!
//! A broken config never stops the tool: its error is reported with the
//! file and line, and the defaults stay in force.

use crate::checks::CheckConfig;
pub use crate::paths::config_dir;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub check: CheckConfig,
    pub ui: UiConfig,
    pub review: ReviewConfig,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UiConfig {
    /// "zh" or "en"; else from LANG / LC_ALL.
    pub lang: Option<String>,
    /// A shipped keymap name ("default", "vim") or a path.
    pub keymap: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewConfig {
    /// The reviewer's name written into review files.
    pub reviewer: Option<String>,
}

/// Reads one config file. Missing file: `Ok(None)`.
pub fn read(path: &Path) -> Result<Option<toml::Table>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
    };
    text.parse::<toml::Table>()
        .map(Some)
        .map_err(|e| format!("{}: {}", path.display(), e.to_string().trim()))
}

fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

/// Loads and merges the given files in order. Returns the config and the
/// problems met; on any problem in a file, that file is ignored.
pub fn load(files: &[PathBuf]) -> (Config, Vec<String>) {
    let mut table = toml::Table::new();
    let mut problems = Vec::new();
    for f in files {
        match read(f) {
            Ok(Some(t)) => {
                // Validate each file on its own so the message names it.
                if let Err(e) = t.clone().try_into::<Config>() {
                    problems.push(format!(
                        "{}: {}; its settings are ignored",
                        f.display(),
                        e.to_string().trim()
                    ));
                    continue;
                }
                merge(&mut table, t);
            }
            Ok(None) => {}
            Err(e) => problems.push(format!("{e}; its settings are ignored")),
        }
    }
    match table.try_into::<Config>() {
        Ok(c) => (c, problems),
        Err(e) => {
            problems.push(format!("config: {e}; defaults are used"));
            (Config::default(), problems)
        }
    }
}

/// The files to read: the user's config (or `--config`), then the
/// workspace's `fuhe.toml`.
pub fn files(explicit: Option<&Path>, workspace: Option<&Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    match explicit {
        Some(p) => out.push(p.to_path_buf()),
        None => out.extend(config_dir().map(|d| d.join("config.toml"))),
    }
    out.extend(workspace.map(|w| w.join("fuhe.toml")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_files_override_and_bad_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        let b = dir.path().join("b.toml");
        let bad = dir.path().join("bad.toml");
        std::fs::write(&a, "[check]\ndeviation_pct = 15\n[ui]\nlang = \"en\"\n").unwrap();
        std::fs::write(&b, "[check]\ndeviation_pct = \"5\"\n").unwrap();
        std::fs::write(&bad, "[check]\nunknown_threshold = 3\n").unwrap();
        let (c, p) = load(&[a.clone(), b, bad.clone(), dir.path().join("missing.toml")]);
        assert_eq!(c.check.deviation_pct, rust_decimal::Decimal::from(5));
        assert_eq!(c.ui.lang.as_deref(), Some("en"));
        assert_eq!(p.len(), 1);
        assert!(p[0].contains("bad.toml") && p[0].contains("unknown_threshold"), "{p:?}");
        let (c, _) = load(&[a]);
        assert_eq!(c.check.deviation_pct, rust_decimal::Decimal::from(15));
    }
}
