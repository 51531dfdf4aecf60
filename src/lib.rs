//! fuhe (复核): re-checking budget-performance self-evaluation reports.
//!
//! Two layers, kept apart by the compiler:
//!
//! - **The core** builds without any terminal crate (`cargo build --lib
//!   --no-default-features`; CI does so, so a terminal import here fails the
//!   build). It holds the report model ([`model`]) and its parsers
//!   ([`indicator`], [`voucher`], [`import`]), loading a folder
//!   ([`workspace`]), the rules ([`rules`]: each rule's id, severity and
//!   messages; [`checks`]: how each is judged) and what they produce
//!   ([`finding`]), where an item is ([`item`]), scoring ([`scoring`], [`assess`]), the review record and
//!   everything that keeps it safe — store, lock, session with undo, rescue
//!   and merge ([`review`]) — exports ([`export`]), the check cache
//!   ([`cache`]) and settings ([`config`], [`settings`]). Small shared helpers
//!   have one home each: [`numbers`], [`hash`], [`atomic`], [`paths`],
//!   [`text`], [`labels`].
//! - **The interface** (feature `tui`, on by default): the state of the
//!   screens and popups and what each key does ([`app`]: one component each,
//!   with its state, its handler and the keys its footer offers;
//!   [`keymap`]), and drawing that state with ratatui ([`tui`]), which only
//!   reads it. The command line is the binary
//!   (`src/main.rs`, `src/cli/`), on top of both.

pub mod assess;
pub mod atomic;
pub mod cache;
pub mod checks;
pub mod clock;
pub mod config;
pub mod export;
pub mod finding;
pub mod hash;
pub mod import;
pub mod indicator;
pub mod item;
pub mod labels;
pub mod model;
pub mod numbers;
pub mod paths;
pub mod pool;
pub mod precision;
pub mod review;
pub mod rules;
pub mod scoring;
pub mod settings;
pub mod text;
pub mod voucher;
pub mod workspace;

#[cfg(feature = "tui")]
pub mod app;
#[cfg(feature = "tui")]
pub mod keymap;
#[cfg(feature = "tui")]
pub mod tui;
