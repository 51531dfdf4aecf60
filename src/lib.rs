//! fuhe (复核): re-checking budget-performance self-evaluation reports.
//!
//! The library holds everything that is not the terminal: the report model
//! ([`model`]), the parsers for indicator values ([`indicator`]) and voucher
//! references ([`voucher`]), loading a folder of reports ([`workspace`]) and
//! the discrepancy checks ([`checks`]). The interface and the command line
//! are thin layers on top, in the binary.

pub mod app;
pub mod assess;
pub mod cache;
pub mod checks;
pub mod config;
pub mod export;
pub mod indicator;
pub mod keymap;
pub mod labels;
pub mod model;
pub mod precision;
pub mod review;
pub mod scoring;
pub mod text;
pub mod tui;
pub mod voucher;
pub mod workspace;

pub mod import;
