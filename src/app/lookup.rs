//! Voucher lookup across every report of the workspace.
//!
//! An auditor who meets `5月19#` in one department's ledger wants to know at
//! once which expense lines — in this report and any other — hold it. The
//! index keeps one entry per (report, voucher, expense line); a query that
//! reads as a voucher (`5月19`, `12月3#`) lists its exact holders first,
//! duplicates first; any query is also matched fuzzily against the entries'
//! text (voucher, line name, department), so `食堂` or `软件` finds lines.

use crate::voucher::{Voucher, parse_query};
use crate::workspace::LoadedReport;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub voucher: Voucher,
    pub report: usize,
    pub project: usize,
    pub line: usize,
    /// How many distinct expense lines of this report hold the voucher.
    pub holders: usize,
    /// "5月19# 软件平台系统维护更新支出 临湘市数据局", for matching and display.
    pub text: String,
    pub line_name: String,
    pub department: String,
}

#[derive(Default)]
pub struct VoucherIndex {
    pub entries: Vec<Entry>,
    by_voucher: HashMap<Voucher, Vec<usize>>,
}

/// At most this many results are listed: a list longer than a screen or
/// two is not read, and matching stops early.
pub const MAX_RESULTS: usize = 200;

impl VoucherIndex {
    pub fn build(reports: &[LoadedReport]) -> VoucherIndex {
        let mut idx = VoucherIndex::default();
        for (ri, r) in reports.iter().enumerate() {
            let dept = crate::text::clean(&r.report.department);
            let bookings = crate::checks::voucher_bookings(&r.report);
            for (v, lines) in &bookings {
                let mut distinct = lines.clone();
                distinct.sort();
                distinct.dedup();
                for (pi, li) in &distinct {
                    let line_name = crate::text::clean(&r.report.project_forms[*pi].expenses[*li].label(*li));
                    let e = Entry {
                        voucher: *v,
                        report: ri,
                        project: *pi,
                        line: *li,
                        holders: distinct.len(),
                        text: format!("{v} {line_name} {dept}"),
                        line_name,
                        department: dept.clone(),
                    };
                    idx.by_voucher.entry(*v).or_default().push(idx.entries.len());
                    idx.entries.push(e);
                }
            }
        }
        idx
    }

    /// Results for a query, best first: exact voucher holders (duplicated
    /// ones first), then fuzzy matches.
    pub fn query(&self, q: &str) -> Vec<usize> {
        let q = q.trim();
        if q.is_empty() {
            // Without a query: every duplicated voucher, the lookup's reason to exist.
            let mut dups: Vec<usize> = (0..self.entries.len())
                .filter(|i| self.entries[*i].holders > 1)
                .collect();
            dups.sort_by_key(|i| {
                (
                    std::cmp::Reverse(self.entries[*i].holders),
                    self.entries[*i].report,
                    self.entries[*i].voucher,
                )
            });
            dups.truncate(MAX_RESULTS);
            return dups;
        }
        let mut out: Vec<usize> = Vec::new();
        if let Some(v) = parse_query(q)
            && let Some(hits) = self.by_voucher.get(&v)
        {
            let mut hits = hits.clone();
            hits.sort_by_key(|i| {
                (
                    std::cmp::Reverse(self.entries[*i].holders),
                    self.entries[*i].report,
                    self.entries[*i].line,
                )
            });
            out.extend(hits);
        }
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(i64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(i, _)| !out.contains(i))
            .filter_map(|(i, e)| matcher.fuzzy_match(&e.text, q).map(|s| (s, i)))
            .collect();
        scored.sort_by_key(|(s, i)| (std::cmp::Reverse(*s), std::cmp::Reverse(self.entries[*i].holders), *i));
        out.extend(scored.into_iter().map(|(_, i)| i));
        out.truncate(MAX_RESULTS);
        out
    }
}
