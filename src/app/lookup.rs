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

/// An expense line, for matching by name: its text once, its entries.
struct Line {
    text: String,
    entries: Vec<usize>,
}

/// One report's share of the index.
#[derive(Default)]
pub struct Part {
    entries: Vec<Entry>,
    /// Line text and the indices (within this part) of its entries.
    lines: Vec<(String, Vec<usize>)>,
}

impl Part {
    pub fn of(ri: usize, r: &LoadedReport) -> Part {
        let mut part = Part::default();
        let mut line_of: HashMap<(usize, usize), usize> = HashMap::new();
        let dept = crate::text::clean(&r.report.department);
        for (v, lines) in &crate::checks::voucher_bookings(&r.report) {
            let mut distinct = lines.clone();
            distinct.sort();
            distinct.dedup();
            for (pi, li) in &distinct {
                let line_name = crate::text::clean(&r.report.project_forms[*pi].expenses[*li].label(*li));
                let at = part.entries.len();
                let l = *line_of.entry((*pi, *li)).or_insert_with(|| {
                    part.lines.push((format!("{line_name} {dept}"), Vec::new()));
                    part.lines.len() - 1
                });
                part.lines[l].1.push(at);
                part.entries.push(Entry {
                    voucher: *v,
                    report: ri,
                    project: *pi,
                    line: *li,
                    holders: distinct.len(),
                    text: format!("{v} {line_name} {dept}"),
                    line_name,
                    department: dept.clone(),
                });
            }
        }
        part
    }
}

#[derive(Default)]
pub struct VoucherIndex {
    pub entries: Vec<Entry>,
    by_voucher: HashMap<Voucher, Vec<usize>>,
    lines: Vec<Line>,
}

/// "5月19", "12月", "5月1#": a query for vouchers by number.
fn looks_like_voucher(q: &str) -> bool {
    let q = q.trim().trim_end_matches(['#', '＃']);
    match q.split_once('月') {
        Some((m, n)) => !m.is_empty() && m.chars().all(|c| c.is_ascii_digit()) && n.chars().all(|c| c.is_ascii_digit()),
        // "5", "12": the month typed so far.
        None => !q.is_empty() && q.len() <= 2 && q.chars().all(|c| c.is_ascii_digit()),
    }
}

/// At most this many results are listed: a list longer than a screen or
/// two is not read, and matching stops early.
pub const MAX_RESULTS: usize = 200;

impl VoucherIndex {
    pub fn build(reports: &[LoadedReport]) -> VoucherIndex {
        let mut idx = VoucherIndex::default();
        for (ri, r) in reports.iter().enumerate() {
            idx.append(Part::of(ri, r));
        }
        idx
    }

    /// Adds one report's entries (made with [`Part::of`], possibly on
    /// another thread while the report was read).
    pub fn append(&mut self, part: Part) {
        let base = self.entries.len();
        for (text, local) in part.lines {
            let entries: Vec<usize> = local.into_iter().map(|i| base + i).collect();
            self.lines.push(Line { text, entries });
        }
        for (i, e) in part.entries.into_iter().enumerate() {
            self.by_voucher.entry(e.voucher).or_default().push(base + i);
            self.entries.push(e);
        }
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
        let by_holders = |a: &usize, b: &usize| {
            let (x, y) = (&self.entries[*a], &self.entries[*b]);
            y.holders
                .cmp(&x.holders)
                .then(x.report.cmp(&y.report))
                .then(x.line.cmp(&y.line))
        };
        if let Some(v) = parse_query(q)
            && let Some(hits) = self.by_voucher.get(&v)
        {
            let mut hits = hits.clone();
            hits.sort_by(by_holders);
            out.extend(hits);
        }
        if looks_like_voucher(q) {
            // "5月1" also lists 5月10# … 5月19#: a prefix, not a fuzzy match
            // (fuzzy matching digits finds everything).
            let q = q.trim_end_matches(['#', '＃']);
            let exact: std::collections::HashSet<usize> = out.iter().copied().collect();
            let mut more: Vec<usize> = (0..self.entries.len())
                .filter(|i| !exact.contains(i) && self.entries[*i].text.starts_with(q))
                .collect();
            more.sort_by(by_holders);
            out.extend(more);
            out.truncate(MAX_RESULTS);
            return out;
        }
        // Names: match each expense line once, then list its vouchers. A line
        // is only scored when it holds every character typed.
        let matcher = SkimMatcherV2::default();
        let wanted: Vec<char> = q.chars().filter(|c| !c.is_whitespace()).collect();
        let mut scored: Vec<(i64, usize)> = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| wanted.iter().all(|c| l.text.contains(*c)))
            .filter_map(|(i, l)| matcher.fuzzy_match(&l.text, q).map(|s| (s, i)))
            .collect();
        scored.sort_by_key(|(s, i)| (std::cmp::Reverse(*s), *i));
        for (_, li) in scored {
            let mut entries = self.lines[li].entries.clone();
            entries.sort_by(by_holders);
            out.extend(entries);
            if out.len() >= MAX_RESULTS {
                break;
            }
        }
        out.truncate(MAX_RESULTS);
        out
    }
}
