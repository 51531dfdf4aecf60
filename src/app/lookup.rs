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

/// One voucher under one expense line. Millions of these are kept for a
/// provincial workspace, so the line's name and department are not copied
/// into each: they are the line's text, kept once in the index (see
/// [`VoucherIndex::line_name`], [`VoucherIndex::department`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub voucher: Voucher,
    // Indices as u32: an entry is 28 bytes instead of 48, which is 45 MB
    // over the 2.26 million entries of 10 000 reports.
    pub report: u32,
    pub project: u32,
    pub line: u32,
    /// How many distinct expense lines of this report hold the voucher.
    pub holders: u32,
    /// The line's text: within a [`Part`] the part's line, in the index the
    /// distinct text.
    text: u32,
}

/// An expense line's entries (its text is in [`Text`], shared).
struct Line {
    entries: Vec<u32>,
}

/// A distinct line text ("name department"): matched and scored once however
/// many lines share it. The text itself is in the index's arena, next to
/// the others, so a scan over all of them reads memory in order.
struct Text {
    span: std::ops::Range<u32>,
    /// Bytes of the line's name at the start of the span.
    name_len: u32,
    lines: Vec<u32>,
}

/// An entry's place in the result order (holders first, then report and
/// line, then index order), small enough to gather by the hundred thousand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    holders: std::cmp::Reverse<u32>,
    report: u32,
    line: u32,
    at: u32,
}

impl Hit {
    fn of(e: &Entry, at: usize) -> Hit {
        Hit {
            holders: std::cmp::Reverse(e.holders),
            report: e.report,
            line: e.line,
            at: at as u32,
        }
    }
}

/// The mask of the characters a [`Text`] holds.
fn mask_of(text: &str) -> u64 {
    text.chars().fold(0, |m, c| m | crate::text::char_bit(c))
}

/// The `k` smallest of `v`, sorted: a selection, then a sort of only those.
fn smallest<T: Ord>(mut v: Vec<T>, k: usize) -> Vec<T> {
    if v.len() > k {
        if k == 0 {
            return Vec::new();
        }
        v.select_nth_unstable(k - 1);
        v.truncate(k);
    }
    v.sort_unstable();
    v
}

/// One report's share of the index.
#[derive(Default)]
pub struct Part {
    entries: Vec<Entry>,
    /// Line name, department, and the indices (within this part) of its
    /// entries.
    lines: Vec<(String, String, Vec<usize>)>,
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
                    part.lines.push((line_name, dept.clone(), Vec::new()));
                    part.lines.len() - 1
                });
                part.lines[l].2.push(at);
                part.entries.push(Entry {
                    voucher: *v,
                    report: ri as u32,
                    project: *pi as u32,
                    line: *li as u32,
                    holders: distinct.len() as u32,
                    text: l as u32,
                });
            }
        }
        part
    }
}

/// Every voucher entry of the workspace, indexed for lookups that keep up
/// with typing on hundreds of thousands of entries: voucher queries go
/// through a sorted list of the distinct voucher numbers and compact
/// per-voucher hit lists; name queries score each distinct line text once,
/// after a character-mask prefilter, and a query that extends the previous
/// one searches only what that one matched.
#[derive(Default)]
pub struct VoucherIndex {
    pub entries: Vec<Entry>,
    by_voucher: HashMap<Voucher, Vec<Hit>>,
    /// Entries of vouchers under more than one line: the empty query's list.
    dups: Vec<Hit>,
    lines: Vec<Line>,
    texts: Vec<Text>,
    /// The characters each text holds, as a mask: the first, cheapest filter.
    masks: Vec<u64>,
    /// Every distinct text, one after the other.
    arena: String,
    text_at: HashMap<String, u32>,
    /// Distinct vouchers as written ("5月19#"), sorted, for prefix queries;
    /// made on first use after entries were added.
    keys: std::sync::OnceLock<Vec<(String, Voucher)>>,
    /// The last name query and the texts it matched.
    last: std::sync::Mutex<Option<(String, Vec<u32>)>>,
}

/// A query as terms, in any order (as fzf reads them): voucher terms —
/// however the number is typed — and name terms, each of which must match
/// the line's name or department.
#[derive(Debug, Clone, PartialEq, Default)]
struct Terms {
    /// Per voucher term, the prefixes it may mean (`119` is 1月19 or 11月9).
    vouchers: Vec<Vec<String>>,
    names: Vec<String>,
    /// The one voucher a query names in full (`5月19`, `519`, `5月19号`):
    /// its holders come first.
    exact: Option<Voucher>,
}

impl Terms {
    fn parse(q: &str) -> Terms {
        let mut t = Terms::default();
        let words: Vec<&str> = q.split_whitespace().collect();
        for w in &words {
            match voucher_forms(w) {
                Some(forms) => t.vouchers.push(forms),
                None => t.names.push((*w).to_string()),
            }
        }
        t.exact = match t.vouchers.as_slice() {
            [one] if one.len() == 1 => parse_query(&one[0]),
            _ => None,
        }
        .or_else(|| match words.as_slice() {
            [w] => parse_query(w),
            _ => None,
        });
        t
    }

    /// Whether an entry's voucher fits every voucher term.
    fn voucher_fits(&self, v: &Voucher) -> bool {
        if self.vouchers.is_empty() {
            return true;
        }
        let shown = v.to_string();
        self.vouchers
            .iter()
            .all(|alts| alts.iter().any(|p| shown.starts_with(p.as_str())))
    }
}

/// What a term means as a voucher number, as prefixes of the written form
/// (`5月19#`), or None when it is not one: `5月19`, `5月19#`, `5月`; a month
/// so far (`5`, `12`); separated (`5-19`, `5.19`, `5/19`, `05-19`); digits
/// only (`519`, `0519`, `1219`; `119` may be 1月19 or 11月9, so both).
fn voucher_forms(term: &str) -> Option<Vec<String>> {
    let t = term.trim().trim_end_matches(['#', '＃']);
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let month = |m: &str| m.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
    let number = |n: &str| {
        let n = n.trim_start_matches('0');
        n.to_string()
    };
    if t.is_empty() {
        return None;
    }
    if let Some((m, n)) = t.split_once('月') {
        return (!m.is_empty() && digits(m) && digits(n)).then(|| {
            vec![format!(
                "{}月{}",
                m.parse::<u32>().map_or(m.to_string(), |m| m.to_string()),
                number(n)
            )]
        });
    }
    if let Some(i) = t.find(['-', '.', '/']) {
        let (m, n) = (&t[..i], &t[i + 1..]);
        return (digits(m) && digits(n))
            .then(|| month(m))
            .flatten()
            .map(|m| vec![format!("{m}月{}", number(n))]);
    }
    if !digits(t) {
        return None;
    }
    match t.len() {
        // A month typed so far; `05` is May.
        1 | 2 if t.starts_with('0') && t.len() == 2 => month(t).map(|m| vec![format!("{m}月")]),
        1 | 2 => Some(vec![t.to_string()]),
        3 | 4 => {
            let forms: Vec<String> = [1, 2]
                .iter()
                .filter_map(|&k| {
                    let (m, n) = t.split_at(k);
                    month(m)
                        .filter(|_| !number(n).is_empty())
                        .map(|m| format!("{m}月{}", number(n)))
                })
                .collect();
            (!forms.is_empty()).then_some(forms)
        }
        _ => None,
    }
}

/// At most this many results are listed: a list longer than a screen or
/// two is not read, and matching stops early.
pub const MAX_RESULTS: usize = 200;

impl VoucherIndex {
    pub fn build<'a>(reports: impl IntoIterator<Item = &'a LoadedReport>) -> VoucherIndex {
        let mut idx = VoucherIndex::default();
        for (ri, r) in reports.into_iter().enumerate() {
            idx.append(Part::of(ri, r));
        }
        idx.finish();
        idx
    }

    /// Gives back what growing took: the vectors' spare room (up to half
    /// of each) and the map from text to its number, which only appending
    /// uses. Called once every report is in; at 10 000 reports this is most
    /// of the index's memory.
    pub fn finish(&mut self) {
        self.entries.shrink_to_fit();
        self.dups.shrink_to_fit();
        for hits in self.by_voucher.values_mut() {
            hits.shrink_to_fit();
        }
        self.by_voucher.shrink_to_fit();
        for l in &mut self.lines {
            l.entries.shrink_to_fit();
        }
        self.lines.shrink_to_fit();
        for t in &mut self.texts {
            t.lines.shrink_to_fit();
        }
        self.texts.shrink_to_fit();
        self.masks.shrink_to_fit();
        self.arena.shrink_to_fit();
        self.text_at = HashMap::new();
    }

    /// Adds one report's entries (made with [`Part::of`], possibly on
    /// another thread while the report was read).
    pub fn append(&mut self, part: Part) {
        if self.text_at.is_empty() && !self.texts.is_empty() {
            // Appending after `finish`: the texts' numbers again.
            for t in 0..self.texts.len() as u32 {
                let text = self.text(t).to_string();
                self.text_at.insert(text, t);
            }
        }
        let base = self.entries.len();
        let mut text_of_line = Vec::with_capacity(part.lines.len());
        for (name, dept, local) in part.lines {
            let text = format!("{name} {dept}");
            let entries: Vec<u32> = local.into_iter().map(|i| (base + i) as u32).collect();
            let line = self.lines.len() as u32;
            let t = match self.text_at.get(&text) {
                Some(&t) => t,
                None => {
                    let t = self.texts.len() as u32;
                    let start = self.arena.len() as u32;
                    self.arena.push_str(&text);
                    self.texts.push(Text {
                        span: start..self.arena.len() as u32,
                        name_len: name.len() as u32,
                        lines: Vec::new(),
                    });
                    self.masks.push(mask_of(&text));
                    self.text_at.insert(text, t);
                    t
                }
            };
            self.texts[t as usize].lines.push(line);
            self.lines.push(Line { entries });
            text_of_line.push(t);
        }
        for (i, mut e) in part.entries.into_iter().enumerate() {
            e.text = text_of_line[e.text as usize];
            let hit = Hit::of(&e, base + i);
            if e.holders > 1 {
                self.dups.push(hit);
            }
            self.by_voucher.entry(e.voucher).or_default().push(hit);
            self.entries.push(e);
        }
        self.keys = std::sync::OnceLock::new();
        *self.last.get_mut().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn text(&self, t: u32) -> &str {
        let span = &self.texts[t as usize].span;
        &self.arena[span.start as usize..span.end as usize]
    }

    /// The name of the expense line an entry is under.
    pub fn line_name(&self, e: &Entry) -> &str {
        let t = &self.texts[e.text as usize];
        &self.arena[t.span.start as usize..(t.span.start + t.name_len) as usize]
    }

    /// The department of the report an entry is in.
    pub fn department(&self, e: &Entry) -> &str {
        let t = &self.texts[e.text as usize];
        self.arena
            .get((t.span.start + t.name_len + 1) as usize..t.span.end as usize)
            .unwrap_or("")
    }

    /// "5月19# 软件平台系统维护更新支出 临湘市数据局": what is copied.
    pub fn entry_text(&self, e: &Entry) -> String {
        format!("{} {}", e.voucher, self.text(e.text))
    }

    fn keys(&self) -> &[(String, Voucher)] {
        self.keys.get_or_init(|| {
            let mut keys: Vec<(String, Voucher)> = self.by_voucher.keys().map(|v| (v.to_string(), *v)).collect();
            keys.sort_unstable();
            keys
        })
    }

    /// Results for a query, best first: exact voucher holders (duplicated
    /// ones first), then fuzzy matches.
    pub fn query(&self, q: &str) -> Vec<usize> {
        let q = q.trim();
        if q.is_empty() {
            // Without a query: every duplicated voucher, the lookup's reason
            // to exist — most holders first, then by report and voucher.
            let keyed: Vec<(std::cmp::Reverse<u32>, u32, Voucher, u32)> = self
                .dups
                .iter()
                .map(|h| (h.holders, h.report, self.entries[h.at as usize].voucher, h.at))
                .collect();
            return smallest(keyed, MAX_RESULTS).into_iter().map(|k| k.3 as usize).collect();
        }
        let terms = Terms::parse(q);
        let mut out = self.matches(q, &terms);
        out.truncate(MAX_RESULTS);
        self.in_reading_order(&mut out);
        out
    }

    /// The results as they are read: by department (pinyin), then report,
    /// form, line, and voucher month and number.
    fn in_reading_order(&self, out: &mut [usize]) {
        out.sort_by_cached_key(|&i| {
            let e = &self.entries[i];
            (
                crate::text::pinyin_key(self.department(e)),
                e.report,
                e.project,
                e.line,
                e.voucher,
            )
        });
    }

    /// The entries a query matches, the most relevant first (at most
    /// [`MAX_RESULTS`] are needed): the holders of a voucher named in full,
    /// then the other vouchers that start as typed; or, with names, the
    /// lines whose text matches every name, best first.
    fn matches(&self, q: &str, terms: &Terms) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        if let Some(v) = terms.exact
            && terms.voucher_fits(&v)
            && let Some(hits) = self.by_voucher.get(&v)
        {
            out.extend(smallest(hits.clone(), usize::MAX).into_iter().map(|h| h.at as usize));
        }
        if terms.names.is_empty() {
            // "5月1" also lists 5月10# … 5月19#: a prefix, not a fuzzy match
            // (fuzzy matching digits finds everything).
            let keys = self.keys();
            let mut more: Vec<Hit> = Vec::new();
            for p in terms.vouchers.first().into_iter().flatten() {
                let from = keys.partition_point(|(k, _)| k.as_str() < p.as_str());
                more.extend(
                    keys[from..]
                        .iter()
                        .take_while(|(k, _)| k.starts_with(p.as_str()))
                        .filter(|(_, v)| Some(*v) != terms.exact && terms.voucher_fits(v))
                        .flat_map(|(_, v)| self.by_voucher[v].iter().copied()),
                );
            }
            // Alternatives name different months or numbers: no entry twice.
            let room = MAX_RESULTS.saturating_sub(out.len());
            out.extend(smallest(more, room).into_iter().map(|h| h.at as usize));
            return out;
        }
        // Names: match each distinct line text once, then list the lines'
        // vouchers. A text is only scored when it holds every character typed.
        let matcher = SkimMatcherV2::default();
        let wanted: Vec<char> = terms.names.iter().flat_map(|n| n.chars()).collect();
        let need = wanted.iter().fold(0, |m, c| m | crate::text::char_bit(*c));
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let earlier: Option<&[u32]> = match &*last {
            Some((lq, matched)) if q.starts_with(lq.as_str()) => Some(matched),
            _ => None,
        };
        // One character is no pattern to score: nearly every line holds 费
        // or 支; such lines are listed by where the character first appears
        // (earlier first), which is what a fuzzy score amounts to for one
        // character, at a fraction of the cost.
        let single = match wanted.as_slice() {
            [c] if q.chars().count() == 1 => Some(*c),
            _ => None,
        };
        let score = |t: u32| -> Option<(i64, u32)> {
            if self.masks[t as usize] & need != need {
                return None;
            }
            let text = self.text(t);
            if let Some(c) = single {
                return text.find(c).map(|at| (-(at as i64), t));
            }
            if !wanted.iter().all(|c| text.contains(*c)) {
                return None;
            }
            // Every term must match, in any order.
            let mut sum = 0;
            for n in &terms.names {
                sum += matcher.fuzzy_match(text, n)?;
            }
            Some((sum, t))
        };
        let scored: Vec<(i64, u32)> = match earlier {
            Some(m) => m.iter().copied().filter_map(score).collect(),
            None => (0..self.texts.len() as u32).filter_map(score).collect(),
        };
        *last = Some((q.to_string(), scored.iter().map(|&(_, t)| t).collect()));
        drop(last);
        // Every line holds at least one entry, so the best MAX_RESULTS lines
        // are enough, in score order and then in line order; and they are
        // among the lines of the best MAX_RESULTS texts, ranked by score and
        // first line — which spares expanding every matched text. A voucher
        // term may leave a line without entries: then every line is looked at.
        let enough = if terms.vouchers.is_empty() {
            MAX_RESULTS
        } else {
            usize::MAX
        };
        let texts: Vec<(std::cmp::Reverse<i64>, u32, u32)> = scored
            .iter()
            .map(|&(s, t)| (std::cmp::Reverse(s), self.texts[t as usize].lines[0], t))
            .collect();
        let lines: Vec<(std::cmp::Reverse<i64>, u32)> = smallest(texts, enough)
            .into_iter()
            .flat_map(|(s, _, t)| self.texts[t as usize].lines.iter().map(move |&l| (s, l)))
            .collect();
        for (_, li) in smallest(lines, enough) {
            let hits: Vec<Hit> = self.lines[li as usize]
                .entries
                .iter()
                .filter(|&&i| terms.voucher_fits(&self.entries[i as usize].voucher))
                .map(|&i| Hit::of(&self.entries[i as usize], i as usize))
                .collect();
            out.extend(smallest(hits, usize::MAX).into_iter().map(|h| h.at as usize));
            if out.len() >= MAX_RESULTS {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookup by a plain scan of every entry and line (as it was before
    /// the index). The index must give exactly its results, in its order.
    fn by_scan(idx: &VoucherIndex, q: &str) -> Vec<usize> {
        let entries = &idx.entries;
        let mut line_text = vec![String::new(); idx.lines.len()];
        for (i, t) in idx.texts.iter().enumerate() {
            for &l in &t.lines {
                line_text[l as usize] = idx.text(i as u32).to_string();
            }
        }
        let q = q.trim();
        let by_holders = |a: &usize, b: &usize| {
            let (x, y) = (&entries[*a], &entries[*b]);
            y.holders
                .cmp(&x.holders)
                .then(x.report.cmp(&y.report))
                .then(x.line.cmp(&y.line))
        };
        if q.is_empty() {
            let mut dups: Vec<usize> = (0..entries.len()).filter(|i| entries[*i].holders > 1).collect();
            dups.sort_by_key(|i| {
                (
                    std::cmp::Reverse(entries[*i].holders),
                    entries[*i].report,
                    entries[*i].voucher,
                )
            });
            dups.truncate(MAX_RESULTS);
            return dups;
        }
        let terms = Terms::parse(q);
        let fits = |i: &usize| terms.voucher_fits(&entries[*i].voucher);
        let mut out: Vec<usize> = Vec::new();
        if let Some(v) = terms.exact {
            let mut hits: Vec<usize> = (0..entries.len())
                .filter(|i| entries[*i].voucher == v && fits(i))
                .collect();
            hits.sort_by(by_holders);
            out.extend(hits);
        }
        if terms.names.is_empty() {
            let exact: std::collections::HashSet<usize> = out.iter().copied().collect();
            let first = terms.vouchers.first().cloned().unwrap_or_default();
            let mut more: Vec<usize> = (0..entries.len())
                .filter(|i| {
                    let shown = entries[*i].voucher.to_string();
                    !exact.contains(i) && first.iter().any(|p| shown.starts_with(p.as_str())) && fits(i)
                })
                .collect();
            more.sort_by(by_holders);
            out.extend(more);
        } else {
            let matcher = SkimMatcherV2::default();
            let wanted: Vec<char> = terms.names.iter().flat_map(|n| n.chars()).collect();
            let single = (wanted.len() == 1 && q.chars().count() == 1).then(|| wanted[0]);
            let mut scored: Vec<(i64, usize)> = line_text
                .iter()
                .enumerate()
                .filter(|(_, t)| wanted.iter().all(|c| t.contains(*c)))
                .filter_map(|(i, t)| match single {
                    Some(c) => t.find(c).map(|at| (-(at as i64), i)),
                    None => terms
                        .names
                        .iter()
                        .map(|n| matcher.fuzzy_match(t, n))
                        .sum::<Option<i64>>()
                        .map(|s| (s, i)),
                })
                .collect();
            scored.sort_by_key(|(s, i)| (std::cmp::Reverse(*s), *i));
            for (_, li) in scored {
                let mut e: Vec<usize> = idx.lines[li].entries.iter().map(|&i| i as usize).filter(fits).collect();
                e.sort_by(by_holders);
                out.extend(e);
                if out.len() >= MAX_RESULTS {
                    break;
                }
            }
        }
        out.truncate(MAX_RESULTS);
        idx.in_reading_order(&mut out);
        out
    }

    fn samples() -> VoucherIndex {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/reports");
        let mut files = crate::workspace::report_files(&dir).unwrap();
        files.sort();
        // Each sample three times, as a bigger workspace would repeat
        // department and line names across reports.
        let reports: Vec<LoadedReport> = files
            .iter()
            .cycle()
            .take(files.len() * 3)
            .map(|f| crate::workspace::load_report(f).unwrap())
            .collect();
        VoucherIndex::build(&reports)
    }

    #[test]
    fn the_index_answers_as_a_full_scan_does() {
        let idx = samples();
        assert!(idx.entries.len() > 300, "{}", idx.entries.len());
        assert!(idx.texts.len() < idx.lines.len(), "shared texts are kept once");
        let queries = [
            "",
            " ",
            "1",
            "12",
            "12月",
            "12月3",
            "12月33#",
            "5",
            "5月",
            "5月1",
            "5月19",
            "5月19#",
            "5月19＃",
            "13月",
            "0",
            "9月10",
            "费",
            "经费",
            "软件",
            "软件平台",
            "软 件",
            "数据局",
            "数据局 软件",
            "临湘",
            "xyz",
            "#",
            "月",
            "5月19号",
            "Ab",
            "ab",
            "519",
            "0519",
            "5-19",
            "5.19",
            "05-19",
            "5/1",
            "119",
            "1233",
            "软件 数据局",
            "数据局 5月",
            "519 数据局",
            "12-",
        ];
        for q in queries {
            assert_eq!(idx.query(q), by_scan(&idx, q), "query {q:?}");
        }
        // Typing keystroke by keystroke (narrowing from the last query),
        // then deleting and typing something else.
        for typed in ["软件平台系统", "数据局 软件", "经费支出", "软件", "软", "软x", "软"] {
            let mut q = String::new();
            for c in typed.chars() {
                q.push(c);
                assert_eq!(idx.query(&q), by_scan(&idx, &q), "typed {q:?}");
            }
        }
    }

    #[test]
    fn a_voucher_lists_its_holders_and_the_vouchers_it_begins() {
        let idx = samples();
        let hits = idx.query("5月19");
        let n19: Vec<&Entry> = hits
            .iter()
            .map(|&i| &idx.entries[i])
            .filter(|e| e.voucher.to_string() == "5月19#")
            .collect();
        assert!(n19.len() >= 3, "5月19# is under three lines of the data bureau");
        assert!(n19.iter().any(|e| e.holders >= 3));
        assert!(
            hits.iter()
                .all(|&i| idx.entries[i].voucher.to_string().starts_with("5月19"))
        );
        let first = n19[0];
        assert!(idx.query("13月").is_empty());
        let e = first;
        assert_eq!(idx.department(e), "临湘市数据局");
        assert!(
            idx.entry_text(e)
                .starts_with(&format!("5月19# {} 临湘市数据局", idx.line_name(e)))
        );
    }

    #[test]
    fn a_voucher_is_found_however_its_number_is_typed() {
        let idx = samples();
        let want = idx.query("5月19");
        assert!(!want.is_empty());
        for q in ["519", "0519", "5-19", "5.19", "5/19", "05-19", "5月19#", " 5月19 "] {
            assert_eq!(idx.query(q), want, "{q}");
        }
        // Ambiguous digits mean both: 119 is 1月19 or 11月9.
        assert_eq!(voucher_forms("119"), Some(vec!["1月19".into(), "11月9".into()]));
        assert_eq!(voucher_forms("1219"), Some(vec!["1月219".into(), "12月19".into()]));
        assert_eq!(voucher_forms("05"), Some(vec!["5月".into()]));
        assert_eq!(voucher_forms("13-1"), None, "no 13th month");
        assert_eq!(voucher_forms("软件"), None);
    }

    #[test]
    fn terms_match_in_any_order_and_results_read_in_order() {
        let idx = samples();
        let a = idx.query("数据局 软件");
        assert!(!a.is_empty());
        assert_eq!(idx.query("软件 数据局"), a);
        for &i in &a {
            let e = &idx.entries[i];
            assert!(idx.department(e).contains("数据局") && idx.line_name(e).contains("软件"));
        }
        // A voucher term and a name narrow each other.
        let b = idx.query("519 数据局");
        assert!(!b.is_empty());
        assert!(b.iter().all(|&i| {
            let e = &idx.entries[i];
            e.voucher.to_string().starts_with("5月19") && idx.department(e).contains("数据局")
        }));
        // Prefix matches read by department, line, month and number.
        let c = idx.query("12月3");
        let order: Vec<_> = c
            .iter()
            .map(|&i| {
                let e = &idx.entries[i];
                (
                    crate::text::pinyin_key(idx.department(e)),
                    e.report,
                    e.project,
                    e.line,
                    e.voucher,
                )
            })
            .collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Any query typed keystroke by keystroke, of the characters that
        /// matter to the lookup, gives what a full scan gives.
        #[test]
        fn any_query_answers_as_a_full_scan_does(
            keys in proptest::collection::vec(proptest::sample::select(vec![
                "5", "1", "2", "9", "0", "月", "#", "＃", "号", " ", "费", "软", "件", "数", "据", "局", "大", "厅", "a", "B", "-", ".",
            ]), 0..7)
        ) {
            let idx = index();
            let mut q = String::new();
            for k in keys {
                q.push_str(k);
                proptest::prop_assert_eq!(idx.query(&q), by_scan(idx, &q), "query {:?}", q);
            }
        }
    }

    fn index() -> &'static VoucherIndex {
        static INDEX: std::sync::OnceLock<VoucherIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(samples)
    }
}
