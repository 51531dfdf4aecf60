//! Voucher references (会计凭证号) such as `1月5#9-13#15-25#2月10#`.
//!
//! Departments write the accounting vouchers behind each expense line as a
//! month followed by voucher numbers and ranges. Auditors use them to find
//! the same voucher booked under two lines (double counting), so every entry
//! must be known exactly and nothing may be dropped silently: a token that
//! is odd but clear (`3月 11#`, `9月10#/21#`) is counted and reported; a token
//! whose meaning is unclear (`01-25#`, `13月2#`, `9-3#`) is reported and not
//! counted, so no duplicate is ever built on a guess.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Ranges longer than this are refused: nobody books a thousand vouchers to
/// one line in one month, and a hostile `1-4000000000#` must not allocate.
pub const MAX_RANGE: u32 = 1000;

/// One voucher: (month, number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Voucher {
    pub month: u8,
    pub number: u32,
}

impl std::fmt::Display for Voucher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}月{}#", self.month, self.number)
    }
}

/// A counted voucher with where it came from in the written string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoucherEntry {
    pub voucher: Voucher,
    /// Char range (0-based, end exclusive) of the token that produced it.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// White space inside the string (`3月 11#`). Counted.
    Whitespace,
    /// A separator the notation does not use (`10#/21#`, `、`). Counted.
    StraySeparator,
    /// Full-width digits or `＃`. Counted.
    FullWidth,
    /// A number with a leading zero (`01-25#`): a date or vouchers? Not counted.
    LeadingZero,
    /// A month outside 1–12; its numbers are not counted.
    MonthOutOfRange,
    /// A range whose end is below its start (`9-3#`). Not counted.
    ReversedRange,
    /// A range longer than [`MAX_RANGE`]. Not counted.
    RangeTooLong,
    /// Voucher numbers before any month. Not counted.
    NoMonth,
    /// A number not followed by `#` or `月`. Not counted.
    Unterminated,
    /// A character that has no place in the notation. Skipped.
    Unexpected,
    /// A number too long to be a voucher number. Not counted.
    NumberTooLong,
}

impl ProblemKind {
    /// Whether the token was still counted (its meaning is clear).
    pub fn counted(self) -> bool {
        matches!(
            self,
            ProblemKind::Whitespace | ProblemKind::StraySeparator | ProblemKind::FullWidth
        )
    }

    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(self) -> &'static crate::labels::L {
        match self {
            ProblemKind::Whitespace => &crate::labels::PROBLEM_KIND_WHITESPACE,
            ProblemKind::StraySeparator => &crate::labels::PROBLEM_KIND_STRAY_SEPARATOR,
            ProblemKind::FullWidth => &crate::labels::PROBLEM_KIND_FULL_WIDTH,
            ProblemKind::LeadingZero => &crate::labels::PROBLEM_KIND_LEADING_ZERO,
            ProblemKind::MonthOutOfRange => &crate::labels::PROBLEM_KIND_MONTH_OUT_OF_RANGE,
            ProblemKind::ReversedRange => &crate::labels::PROBLEM_KIND_REVERSED_RANGE,
            ProblemKind::RangeTooLong => &crate::labels::PROBLEM_KIND_RANGE_TOO_LONG,
            ProblemKind::NoMonth => &crate::labels::PROBLEM_KIND_NO_MONTH,
            ProblemKind::Unterminated => &crate::labels::PROBLEM_KIND_UNTERMINATED,
            ProblemKind::Unexpected => &crate::labels::PROBLEM_KIND_UNEXPECTED,
            ProblemKind::NumberTooLong => &crate::labels::PROBLEM_KIND_NUMBER_TOO_LONG,
        }
    }

    pub fn zh(self) -> &'static str {
        self.label().zh
    }

    pub fn en(self) -> &'static str {
        self.label().en
    }
}

/// Something odd in a voucher string, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoucherProblem {
    pub kind: ProblemKind,
    /// Char range (0-based, end exclusive) in the written string.
    pub start: usize,
    pub end: usize,
    /// The offending text, as written.
    pub token: String,
    /// The month in force at the token, if any (for messages).
    pub month: Option<u8>,
}

impl VoucherProblem {
    /// "第57字符 “01-25#”（12月）" — where and what, for messages.
    pub fn describe_zh(&self) -> String {
        let m = self.month.map(|m| format!("（{m}月）")).unwrap_or_default();
        format!(
            "第{}个字符“{}”{}：{}",
            self.start + 1,
            crate::text::clean(&self.token),
            m,
            self.kind.zh()
        )
    }
    pub fn describe_en(&self) -> String {
        let m = self.month.map(|m| format!(" (month {m})")).unwrap_or_default();
        format!(
            "at character {} \"{}\"{}: {}",
            self.start + 1,
            crate::text::clean(&self.token),
            m,
            self.kind.en()
        )
    }
}

/// A voucher reference as written, with its parse.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VoucherRef {
    pub raw: String,
    pub entries: Vec<VoucherEntry>,
    pub problems: Vec<VoucherProblem>,
}

impl VoucherRef {
    pub fn parse(raw: &str) -> VoucherRef {
        let (entries, problems) = parse(raw);
        VoucherRef {
            raw: raw.to_string(),
            entries,
            problems,
        }
    }

    pub fn vouchers(&self) -> impl Iterator<Item = Voucher> + '_ {
        self.entries.iter().map(|e| e.voucher)
    }
}

impl Serialize for VoucherRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for VoucherRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(VoucherRef::parse(&raw))
    }
}

fn digit_value(c: char) -> Option<(u32, bool)> {
    match c {
        '0'..='9' => Some((c as u32 - '0' as u32, false)),
        '０'..='９' => Some((c as u32 - '０' as u32, true)),
        _ => None,
    }
}

fn is_hash(c: char) -> Option<bool> {
    match c {
        '#' => Some(false),
        '＃' | '号' => Some(true),
        _ => None,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '至')
}

struct Number {
    start: usize,
    end: usize,
    value: Option<u32>,
    leading_zero: bool,
    full_width: bool,
}

fn read_number(chars: &[char], mut i: usize) -> Number {
    let start = i;
    let mut value: Option<u32> = Some(0);
    let mut full_width = false;
    while let Some((d, fw)) = chars.get(i).and_then(|c| digit_value(*c)) {
        full_width |= fw;
        value = value.and_then(|v| v.checked_mul(10)?.checked_add(d));
        i += 1;
    }
    let len = i - start;
    Number {
        start,
        end: i,
        // Voucher numbers beyond six digits are not voucher numbers.
        value: value.filter(|_| len <= 6),
        leading_zero: len > 1 && digit_value(chars[start]).map(|d| d.0) == Some(0),
        full_width,
    }
}

/// Parses a voucher string into counted entries and problems.
pub fn parse(raw: &str) -> (Vec<VoucherEntry>, Vec<VoucherProblem>) {
    let chars: Vec<char> = raw.chars().collect();
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    // The month in force; `Some(None)` is a month written but out of range.
    let mut month: Option<Option<u8>> = None;
    let mut i = 0;
    let text = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let problem = |kind, s: usize, e: usize, month: Option<Option<u8>>| VoucherProblem {
        kind,
        start: s,
        end: e,
        token: text(s, e),
        month: month.flatten(),
    };
    let trimmed_start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trimmed_end = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let s = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if s >= trimmed_start && i <= trimmed_end {
                problems.push(problem(ProblemKind::Whitespace, s, i, month));
            }
            continue;
        }
        // 、 , ， ; ； between vouchers are how lists are written; only
        // `/`, `.` and `。` are odd (`10#/21#`).
        if matches!(c, '、' | ',' | '，' | ';' | '；') {
            i += 1;
            continue;
        }
        if matches!(c, '/' | '.' | '。') {
            problems.push(problem(ProblemKind::StraySeparator, i, i + 1, month));
            i += 1;
            continue;
        }
        if digit_value(c).is_none() {
            let s = i;
            while i < chars.len()
                && digit_value(chars[i]).is_none()
                && !chars[i].is_whitespace()
                && !matches!(chars[i], '/' | '、' | ',' | '，' | ';' | '；')
            {
                i += 1;
            }
            problems.push(problem(ProblemKind::Unexpected, s, i, month));
            continue;
        }
        let a = read_number(&chars, i);
        i = a.end;
        match chars.get(i) {
            Some('月') => {
                i += 1;
                month = Some(a.value.filter(|m| (1..=12).contains(m)).map(|m| m as u8));
                if month == Some(None) {
                    problems.push(problem(ProblemKind::MonthOutOfRange, a.start, i, None));
                } else if a.full_width {
                    problems.push(problem(ProblemKind::FullWidth, a.start, i, month));
                }
            }
            Some(&h) if is_hash(h).is_some() => {
                i += 1;
                // `12#-15#`: a range written with # on both ends.
                let to = (chars.get(i).is_some_and(|d| is_dash(*d))
                    && chars.get(i + 1).and_then(|c| digit_value(*c)).is_some())
                .then(|| read_number(&chars, i + 1))
                .filter(|b| chars.get(b.end).and_then(|c| is_hash(*c)).is_some());
                let dash_fw = to.is_some() && chars[i] != '-';
                if let Some(b) = &to {
                    i = b.end + 1;
                }
                let fw =
                    a.full_width || to.as_ref().is_some_and(|b| b.full_width) || dash_fw || is_hash(h) == Some(true);
                push_range(
                    &mut entries,
                    &mut problems,
                    &problem,
                    month,
                    &a,
                    to.as_ref(),
                    (a.start, i),
                    fw,
                );
            }
            Some(&d) if is_dash(d) => {
                let dash_fw = d != '-';
                i += 1;
                if chars.get(i).and_then(|c| digit_value(*c)).is_none() {
                    problems.push(problem(ProblemKind::Unterminated, a.start, i, month));
                    continue;
                }
                let b = read_number(&chars, i);
                i = b.end;
                match chars.get(i) {
                    Some(&h) if is_hash(h).is_some() => {
                        i += 1;
                        let fw = a.full_width || b.full_width || dash_fw || is_hash(h) == Some(true);
                        push_range(
                            &mut entries,
                            &mut problems,
                            &problem,
                            month,
                            &a,
                            Some(&b),
                            (a.start, i),
                            fw,
                        );
                    }
                    _ => problems.push(problem(ProblemKind::Unterminated, a.start, i, month)),
                }
            }
            _ => problems.push(problem(ProblemKind::Unterminated, a.start, i, month)),
        }
    }
    (entries, problems)
}

#[allow(clippy::too_many_arguments)]
fn push_range(
    entries: &mut Vec<VoucherEntry>,
    problems: &mut Vec<VoucherProblem>,
    problem: &dyn Fn(ProblemKind, usize, usize, Option<Option<u8>>) -> VoucherProblem,
    month: Option<Option<u8>>,
    a: &Number,
    b: Option<&Number>,
    (s, e): (usize, usize),
    full_width: bool,
) {
    let m = match month {
        None => return problems.push(problem(ProblemKind::NoMonth, s, e, month)),
        // Already reported at the month token.
        Some(None) => return,
        Some(Some(m)) => m,
    };
    let (Some(lo), Some(hi)) = (a.value, b.map_or(a.value, |b| b.value)) else {
        return problems.push(problem(ProblemKind::NumberTooLong, s, e, month));
    };
    if a.leading_zero || b.is_some_and(|b| b.leading_zero) {
        return problems.push(problem(ProblemKind::LeadingZero, s, e, month));
    }
    if hi < lo {
        return problems.push(problem(ProblemKind::ReversedRange, s, e, month));
    }
    if hi - lo >= MAX_RANGE {
        return problems.push(problem(ProblemKind::RangeTooLong, s, e, month));
    }
    if full_width {
        problems.push(problem(ProblemKind::FullWidth, s, e, month));
    }
    for number in lo..=hi {
        entries.push(VoucherEntry {
            voucher: Voucher { month: m, number },
            start: s,
            end: e,
        });
    }
}

/// Parses a lookup query such as `5月19`, `5月19#` or `12月3` into a voucher.
pub fn parse_query(q: &str) -> Option<Voucher> {
    let q = q.trim().trim_end_matches(['#', '＃', '号']);
    let (m, n) = q.split_once('月')?;
    let month: u8 = m.trim().parse().ok().filter(|m| (1..=12).contains(m))?;
    let number: u32 = n.trim().parse().ok()?;
    Some(Voucher { month, number })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(month: u8, number: u32) -> Voucher {
        Voucher { month, number }
    }

    fn list(raw: &str) -> Vec<Voucher> {
        VoucherRef::parse(raw).vouchers().collect()
    }

    #[test]
    fn ranges_with_hash_on_both_ends_and_list_separators() {
        assert_eq!(
            list("3月12#-15#、6月8#"),
            vec![v(3, 12), v(3, 13), v(3, 14), v(3, 15), v(6, 8)]
        );
        let (_, problems) = parse("3月12#-15#、6月8#，9月20#-22#；10月1#");
        assert!(problems.is_empty(), "{problems:?}");
        // `/` between vouchers stays odd, and a range end without # is unfinished.
        assert!(!parse("10#/21#").1.is_empty());
        assert_eq!(list("3月12#-15"), vec![v(3, 12)]);
    }

    #[test]
    fn months_numbers_and_ranges() {
        assert_eq!(
            list("1月5#9-11#2月10#"),
            vec![v(1, 5), v(1, 9), v(1, 10), v(1, 11), v(2, 10)]
        );
        assert!(VoucherRef::parse("1月5#9-11#2月10#").problems.is_empty());
    }

    #[test]
    fn whitespace_is_reported_and_counted() {
        let r = VoucherRef::parse("3月 11#13#");
        assert_eq!(r.vouchers().collect::<Vec<_>>(), vec![v(3, 11), v(3, 13)]);
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].kind, ProblemKind::Whitespace);
        assert_eq!((r.problems[0].start, r.problems[0].end), (2, 3));
    }

    #[test]
    fn slash_is_reported_and_counted() {
        let r = VoucherRef::parse("9月10#/21#");
        assert_eq!(r.vouchers().collect::<Vec<_>>(), vec![v(9, 10), v(9, 21)]);
        assert_eq!(r.problems[0].kind, ProblemKind::StraySeparator);
        assert_eq!(r.problems[0].start, 5);
    }

    #[test]
    fn unclear_tokens_are_reported_not_counted() {
        let r = VoucherRef::parse("12月3#01-25#27#");
        assert_eq!(r.vouchers().collect::<Vec<_>>(), vec![v(12, 3), v(12, 27)]);
        assert_eq!(r.problems.len(), 1);
        let p = &r.problems[0];
        assert_eq!(p.kind, ProblemKind::LeadingZero);
        assert_eq!(p.token, "01-25#");
        assert_eq!(p.month, Some(12));
        assert_eq!(p.start, 5);

        let r = VoucherRef::parse("13月2#3#1月4#");
        assert_eq!(r.vouchers().collect::<Vec<_>>(), vec![v(1, 4)]);
        assert_eq!(r.problems[0].kind, ProblemKind::MonthOutOfRange);

        let r = VoucherRef::parse("9月9-3#");
        assert!(r.entries.is_empty());
        assert_eq!(r.problems[0].kind, ProblemKind::ReversedRange);

        let r = VoucherRef::parse("5#1月2");
        assert!(r.entries.is_empty());
        assert_eq!(r.problems[0].kind, ProblemKind::NoMonth);
        assert_eq!(r.problems[1].kind, ProblemKind::Unterminated);

        let r = VoucherRef::parse("1月1-5000#");
        assert!(r.entries.is_empty());
        assert_eq!(r.problems[0].kind, ProblemKind::RangeTooLong);

        let r = VoucherRef::parse("1月99999999999#");
        assert_eq!(r.problems[0].kind, ProblemKind::NumberTooLong);

        let r = VoucherRef::parse("1月5#abc6#");
        assert_eq!(r.vouchers().collect::<Vec<_>>(), vec![v(1, 5), v(1, 6)]);
        assert_eq!(r.problems[0].kind, ProblemKind::Unexpected);
    }

    #[test]
    fn full_width_is_counted() {
        let r = VoucherRef::parse("１月５＃");
        assert_eq!(r.vouchers().collect::<Vec<_>>(), vec![v(1, 5)]);
        assert!(r.problems.iter().all(|p| p.kind == ProblemKind::FullWidth));
    }

    #[test]
    fn round_trips_byte_for_byte() {
        let raw = "3月 11#13#5月19#11月20#12月42#";
        let r: VoucherRef = serde_json::from_str(&serde_json::to_string(raw).unwrap()).unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), serde_json::to_string(raw).unwrap());
    }

    #[test]
    fn queries() {
        assert_eq!(parse_query("5月19"), Some(v(5, 19)));
        assert_eq!(parse_query("12月3#"), Some(v(12, 3)));
        assert_eq!(parse_query("13月3"), None);
        assert_eq!(parse_query("食堂"), None);
    }
}
