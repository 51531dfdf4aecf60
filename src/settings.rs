//! Everything a run of fuhe is set up with, resolved once: the command
//! line's choices, then the config files (the user's, then the workspace's
//! `fuhe.toml`), then the workspace's rubric, then the environment. Every
//! command and the interface start from [`Settings::resolve`], so a
//! threshold set in one place is in force everywhere.

use crate::checks::CheckConfig;
use crate::config::{self, Config};
use crate::labels::Lang;
use crate::scoring::Rubric;
use std::path::{Path, PathBuf};

/// What the command line says, before the config files are read.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--config`: used instead of the user's config file.
    pub config_file: Option<PathBuf>,
    /// `--lang`.
    pub lang: Option<String>,
    /// `--reviewer`.
    pub reviewer: Option<String>,
    /// `--keymap`.
    pub keymap: Option<String>,
}

/// The settings of one run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The check thresholds, with the workspace's rubric in them (the one
    /// copy of it: [`Settings::rubric`] reads it from here).
    pub check: CheckConfig,
    pub lang: Lang,
    /// Who is reviewing: `--reviewer`, the config, else the login name.
    pub reviewer: String,
    /// The keymap asked for (a shipped name or a path), if any.
    pub keymap: Option<String>,
    /// Problems met on the way (a broken config file, a broken rubric), each
    /// naming its file; the defaults stay in force for what they concern.
    pub problems: Vec<String>,
    /// The `[check]` table as the config files set it, before a rubric was
    /// put in: for the other workspaces one `fuhe check` run may cover.
    from_files: CheckConfig,
}

impl Settings {
    /// Resolves the settings for a workspace folder (None: no workspace, as
    /// for `fuhe check --precision`).
    pub fn resolve(cli: &Overrides, workspace: Option<&Path>) -> Settings {
        let (config, mut problems) = config::load(&config::files(cli.config_file.as_deref(), workspace));
        let rubric = match workspace {
            Some(root) => {
                let (rubric, problem) = Rubric::for_workspace(root);
                problems.extend(problem);
                rubric
            }
            None => Rubric::builtin(),
        };
        // Chinese unless English is asked for: county servers mostly run
        // with LANG=C.UTF-8 or en_US.UTF-8, which says nothing about who
        // reads the screen.
        let lang = cli
            .lang
            .clone()
            .or_else(|| std::env::var("FUHE_LANG").ok())
            .or(config.ui.lang.clone())
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(Lang::Zh);
        let reviewer = cli
            .reviewer
            .clone()
            .or_else(|| config.review.reviewer.clone())
            .filter(|r| !r.trim().is_empty())
            .unwrap_or_else(crate::review::login_name);
        let Config { check, ui, .. } = config;
        Settings {
            from_files: check.clone(),
            check: check.with_rubric(rubric),
            lang,
            reviewer,
            keymap: cli.keymap.clone().or(ui.keymap),
            problems,
        }
    }

    pub fn rubric(&self) -> &Rubric {
        self.check.rubric()
    }

    /// The check settings for reports of another workspace folder (a
    /// `fuhe check` over several): the same thresholds with that folder's
    /// rubric; a broken rubric is named in the second value.
    pub fn check_for(&self, root: &Path) -> (CheckConfig, Option<String>) {
        let (rubric, problem) = Rubric::for_workspace(root);
        (self.from_files.clone().with_rubric(rubric), problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn the_overshoot_threshold_is_one_value_for_checks_and_scoring() {
        let ws = tempfile::tempdir().unwrap();
        std::fs::write(ws.path().join("fuhe.toml"), "[check]\novershoot_pct = 50\n").unwrap();
        let cli = Overrides {
            config_file: Some(ws.path().join("none.toml")),
            ..Overrides::default()
        };
        let s = Settings::resolve(&cli, Some(ws.path()));
        assert_eq!(s.rubric().overshoot_pct, Decimal::from(50));
        assert_eq!(s.check.overshoot_pct, None);
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        // Without the key, the rubric's own value.
        let s = Settings::resolve(&cli, None);
        assert_eq!(s.rubric().overshoot_pct, Rubric::builtin().overshoot_pct);
    }

    #[test]
    fn a_broken_rubric_is_reported_and_the_built_in_one_used() {
        let ws = tempfile::tempdir().unwrap();
        std::fs::write(ws.path().join("rubric.json"), "{").unwrap();
        let cli = Overrides {
            config_file: Some(ws.path().join("none.toml")),
            reviewer: Some("李四".into()),
            lang: Some("en".into()),
            ..Overrides::default()
        };
        let s = Settings::resolve(&cli, Some(ws.path()));
        assert_eq!(s.rubric(), Rubric::builtin_ref());
        assert!(s.problems.iter().any(|p| p.contains("rubric.json")), "{:?}", s.problems);
        assert_eq!((s.reviewer.as_str(), s.lang), ("李四", Lang::En));
    }
}
