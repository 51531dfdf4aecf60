//! The `fuhe` binary: command line and (later) the terminal interface on top
//! of the `fuhe` library.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use fuhe::labels::Lang;
use fuhe::workspace::Workspace;
use std::path::PathBuf;
use std::process::ExitCode;

/// Checking thousands of reports makes and drops millions of small strings;
/// mimalloc does that markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("fuhe: {}", fuhe::text::clean(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// The workspace folder for a command: the one given, else the default.
fn workspace_root(given: Option<&PathBuf>) -> std::io::Result<PathBuf> {
    match given {
        Some(p) => Ok(p.clone()),
        None => Workspace::default_location().map(|(p, _)| p),
    }
}

fn run(cli: Cli) -> Result<i32, String> {
    match &cli.command {
        Some(Command::Check(args)) if args.precision.is_some() => {
            let dir = args.precision.clone().unwrap_or_default();
            let (config, problems) = fuhe::config::load(&fuhe::config::files(cli.global.config.as_deref(), None));
            for p in problems {
                eprintln!("fuhe: {}", fuhe::text::clean(&p.to_string()));
            }
            let mut out = std::io::stdout().lock();
            cli::precision::run(&dir, &config.check, &mut out).map_err(|e| e.to_string())
        }
        Some(Command::Check(args)) => {
            let paths = if args.paths.is_empty() {
                vec![workspace_root(None).map_err(|e| e.to_string())?]
            } else {
                args.paths.clone()
            };
            let (files, errors) = Workspace::expand_paths(&paths);
            let ws_root = paths.iter().find(|p| p.is_dir()).cloned();
            let (config, problems) =
                fuhe::config::load(&fuhe::config::files(cli.global.config.as_deref(), ws_root.as_deref()));
            for p in problems {
                eprintln!("fuhe: {}", fuhe::text::clean(&p.to_string()));
            }
            let lang = lang(&cli, &config);
            // Thousands of reports: write in blocks, not line by line.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            cli::check::run(args, files, errors, &config.check, lang, &mut out).map_err(|e| e.to_string())
        }
        Some(Command::Export(args)) => {
            let (config, problems) = fuhe::config::load(&fuhe::config::files(
                cli.global.config.as_deref(),
                args.workspace.as_deref(),
            ));
            for p in problems {
                eprintln!("fuhe: {}", fuhe::text::clean(&p.to_string()));
            }
            cli::export::run(args, &config.check)
        }
        Some(Command::Summary(args)) => {
            let (config, problems) = fuhe::config::load(&fuhe::config::files(
                cli.global.config.as_deref(),
                args.workspace.as_deref(),
            ));
            for p in problems {
                eprintln!("fuhe: {}", fuhe::text::clean(&p.to_string()));
            }
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            cli::summary::run(args, &config.check, &mut out)
        }
        Some(Command::Import(args)) => {
            let (config, problems) = fuhe::config::load(&fuhe::config::files(
                cli.global.config.as_deref(),
                Some(args.into.as_deref().unwrap_or(std::path::Path::new("."))),
            ));
            for p in problems {
                eprintln!("fuhe: {}", fuhe::text::clean(&p.to_string()));
            }
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            cli::import::run(args, &config.check, &mut out, &mut std::io::stderr())
        }
        None => {
            let (root, bundled) = match &cli.workspace {
                Some(p) => (p.clone(), false),
                None => Workspace::default_location().map_err(|e| e.to_string())?,
            };
            if !root.is_dir() {
                return Err(format!("{}: not a folder (a workspace holds reports/)", root.display()));
            }
            // The list is drawn from the file names at once; reports are read
            // and checked in the background.
            let reports_dir = if root.join("reports").is_dir() {
                root.join("reports")
            } else {
                root.clone()
            };
            let (files, outside) = fuhe::workspace::workspace_report_files(&reports_dir)
                .map_err(|e| format!("{}: {e}", reports_dir.display()))?;
            let (config, mut problems) =
                fuhe::config::load(&fuhe::config::files(cli.global.config.as_deref(), Some(&root)));
            let lang = lang(&cli, &config);
            let choice = cli.global.keymap.as_deref().or(config.ui.keymap.as_deref());
            let overlay = fuhe::config::config_dir().map(|d| d.join("keymap.json"));
            let (keymap, keymap_problems) = fuhe::keymap::resolve(choice, overlay.as_deref());
            problems.extend(keymap_problems);
            problems.extend(outside.iter().map(|e| e.to_string()));
            let (rubric, rubric_problem) = fuhe::scoring::Rubric::for_workspace(&root);
            problems.extend(rubric_problem);
            let mut check = config.check.clone();
            check.rubric = Some(rubric.clone());
            let mut app = fuhe::app::App::new_lazy(root, bundled, files, lang, keymap, check);
            app.rubric = rubric;
            app.reviewer = reviewer(&cli, &config);
            if let Some(p) = problems.first() {
                app.message = Some((p.clone(), true));
            }
            for p in &problems {
                eprintln!("fuhe: {}", fuhe::text::clean(&p.to_string()));
            }
            fuhe::tui::run(app).map_err(|e| e.to_string())?;
            Ok(0)
        }
    }
}

fn reviewer(cli: &Cli, config: &fuhe::config::Config) -> String {
    cli.global
        .reviewer
        .clone()
        .or_else(|| config.review.reviewer.clone())
        .filter(|r| !r.trim().is_empty())
        .unwrap_or_else(fuhe::review::login_name)
}

fn lang(cli: &Cli, config: &fuhe::config::Config) -> Lang {
    cli.global
        .lang
        .as_deref()
        .or(config.ui.lang.as_deref())
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_env)
}
