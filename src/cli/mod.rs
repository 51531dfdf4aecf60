//! The command line: argument definitions and the commands that run without
//! the interface.

pub mod check;
pub mod export;
pub mod import;
pub mod precision;
pub mod summary;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "fuhe",
    version,
    about = "复核 — re-check budget-performance self-evaluation reports",
    long_about = "Opens a workspace of submitted self-evaluation reports (部门整体支出 / 项目支出绩效自评) \
                  for review in the terminal, or checks them from scripts.\n\n\
                  Without WORKSPACE: the current folder when it holds reports/, else the bundled samples.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Workspace folder (with reports/) to open in the interface.
    pub workspace: Option<PathBuf>,

    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, clap::Args)]
pub struct Global {
    /// Language of the interface and of every output: zh or en (default: FUHE_LANG, else the config, else Chinese).
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,
    /// Config file to use instead of the one in the user's config folder.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Reviewer name written into review files (default: config, else the login name).
    #[arg(long, global = true, value_name = "NAME")]
    pub reviewer: Option<String>,
    /// Keymap: default, vim, or a path to a keymap JSON file.
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub keymap: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check reports and print the findings (exit 1 if any has an error, 2 if one could not be read).
    Check(check::CheckArgs),
    /// Write one report's review as a document (Markdown, HTML for A4 printing, or CSV).
    Export(export::ExportArgs),
    /// The review results of every report of a workspace (复核结果汇总表), with totals.
    Summary(summary::SummaryArgs),
    /// Import submitted forms (Word .docx, or its text extraction) into reports/ of a workspace.
    Import(import::ImportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Csv,
}
