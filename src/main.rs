//! The `fuhe` binary: command line and (later) the terminal interface on top
//! of the `fuhe` library.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use fuhe::settings::{Overrides, Settings};
use fuhe::workspace::Workspace;
use std::path::PathBuf;
use std::process::ExitCode;

/// Checking thousands of reports makes and drops millions of small strings;
/// mimalloc does that markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_none()
        && std::env::var_os(WATCHED).is_none()
        && std::env::var_os("FUHE_NO_WATCHDOG").is_none()
        && let Some(code) = watch()
    {
        return code;
    }
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("fuhe: {}", fuhe::text::clean(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// Set in the environment of the interface when it runs under [`watch`].
const WATCHED: &str = "FUHE_WATCHED";

/// Runs the interface as a child process and waits for it. An interface
/// killed outright — by the kernel for memory (a cap on a shared server),
/// or by `kill -9` — cannot restore the terminal itself; this process
/// does, and says what happened, so the auditor's SSH session is not left
/// in raw mode. None when the child cannot be started (the interface then
/// runs in this process).
fn watch() -> Option<ExitCode> {
    let exe = std::env::current_exe().ok()?;
    // The terminal's settings as they are now (`stty -g`), to put back:
    // raw mode belongs to the child, and only this copy can undo it.
    let saved = std::process::Command::new("stty")
        .arg("-g")
        .stdin(std::process::Stdio::inherit())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(WATCHED, "1")
        .status()
        .ok()?;
    if let Some(code) = status.code() {
        return Some(ExitCode::from(code.clamp(0, 255) as u8));
    }
    // Killed by a signal: put the terminal back as fuhe found it.
    let _ = std::process::Command::new("stty")
        .arg(saved.as_deref().unwrap_or("sane"))
        .stdin(std::process::Stdio::inherit())
        .status();
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableBracketedPaste,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    #[cfg(unix)]
    let why = {
        use std::os::unix::process::ExitStatusExt;
        match status.signal() {
            Some(9) => "killed (signal 9: often the system stopping it for lack of memory)".to_string(),
            Some(n) => format!("stopped by signal {n}"),
            None => "stopped".to_string(),
        }
    };
    #[cfg(not(unix))]
    let why = "stopped".to_string();
    eprintln!(
        "fuhe: the interface was {why}; the terminal is restored. Every saved change is in the review files; a change being typed may be lost."
    );
    Some(ExitCode::from(3))
}

/// The workspace folder for a command: the one given, else the default.
fn workspace_root(given: Option<&PathBuf>) -> std::io::Result<PathBuf> {
    match given {
        Some(p) => Ok(p.clone()),
        None => Workspace::default_location().map(|(p, _)| p),
    }
}

/// The settings for a command on a workspace folder; problems met while
/// resolving them go to stderr (they never stop the command).
fn settings(cli: &Cli, workspace: Option<&std::path::Path>) -> Settings {
    let s = Settings::resolve(&overrides(cli), workspace);
    for p in &s.problems {
        eprintln!("fuhe: {}", fuhe::text::clean(p));
    }
    s
}

fn overrides(cli: &Cli) -> Overrides {
    Overrides {
        config_file: cli.global.config.clone(),
        lang: cli.global.lang.clone(),
        reviewer: cli.global.reviewer.clone(),
        keymap: cli.global.keymap.clone(),
    }
}

fn run(cli: Cli) -> Result<i32, String> {
    match &cli.command {
        Some(Command::Check(args)) if args.precision.is_some() => {
            let dir = args.precision.clone().unwrap_or_default();
            let settings = settings(&cli, None);
            let mut out = std::io::stdout().lock();
            cli::precision::run(&dir, &settings.check, &mut out).map_err(|e| e.to_string())
        }
        Some(Command::Check(args)) => {
            let paths = if args.paths.is_empty() {
                vec![workspace_root(None).map_err(|e| e.to_string())?]
            } else {
                args.paths.clone()
            };
            let (files, errors) = Workspace::expand_paths(&paths);
            let ws_root = paths.iter().find(|p| p.is_dir()).cloned();
            // Reports of other folders are checked with their own rubric.
            let settings = settings(&cli, ws_root.as_deref());
            // Thousands of reports: write in blocks, not line by line.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            cli::check::run(args, files, errors, &settings, &mut out).map_err(|e| e.to_string())
        }
        Some(Command::Export(args)) => {
            let (root, report) = cli::export::find_report(&args.report, args.workspace.as_deref())?;
            let settings = settings(&cli, Some(&root));
            cli::export::run(args, &root, report, &settings)
        }
        Some(Command::Summary(args)) => {
            let root = workspace_root(args.workspace.as_ref()).map_err(|e| e.to_string())?;
            let settings = settings(&cli, Some(&root));
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            cli::summary::run(&root, args, &settings, &mut out)
        }
        Some(Command::Import(args)) => {
            let root = args.into.clone().unwrap_or_else(|| PathBuf::from("."));
            let settings = settings(&cli, Some(&root));
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            cli::import::run(args, &root, &settings, &mut out, &mut std::io::stderr())
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
            let settings = Settings::resolve(&overrides(&cli), Some(&root));
            let mut problems = settings.problems.clone();
            let overlay = fuhe::config::config_dir().map(|d| d.join("keymap.json"));
            let (keymap, keymap_problems) = fuhe::keymap::resolve(settings.keymap.as_deref(), overlay.as_deref());
            problems.extend(keymap_problems);
            problems.extend(outside.iter().map(|e| e.to_string()));
            let mut app = fuhe::app::App::new_lazy(root, bundled, files, settings.lang, keymap, settings.check);
            app.reviewer = settings.reviewer;
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
