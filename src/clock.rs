//! Times as people read them. Review files store each time as RFC 3339 with
//! the offset of the machine's time zone (`2026-11-28T09:49:48+08:00`), so a
//! file is unambiguous wherever it is read; every time a person reads —
//! status line, notes, history, exports, the summary — is shown in the local
//! time zone (the system's, or `TZ`), so work before 08:00 in Beijing never
//! carries the previous day's date. Files written by earlier versions hold
//! UTC (`…Z`) and are shown in local time the same way.

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime as Zoned};

/// Now, for storing: RFC 3339 with the local offset, to the second.
pub fn now() -> String {
    stamp(&Zoned::now())
}

fn stamp(z: &Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A stored time as an instant; None for text that is not RFC 3339.
pub fn parse(s: &str) -> Option<Timestamp> {
    s.trim().parse::<Timestamp>().ok()
}

fn local(s: &str) -> Option<Zoned> {
    parse(s).map(|t| t.to_zoned_datetime(TimeZone::system()))
}

/// `2026-11-28 09:49` in local time; text that is not a time is returned
/// as it is.
pub fn minute(s: &str) -> String {
    local(s).map_or_else(|| s.to_string(), |z| z.strftime("%Y-%m-%d %H:%M").to_string())
}

/// `09:49:48` in local time, for the status line.
pub fn clock(s: &str) -> String {
    local(s).map_or_else(|| s.to_string(), |z| z.strftime("%H:%M:%S").to_string())
}

/// `2026-11-28`, the local date, for signatures.
pub fn date(s: &str) -> String {
    local(s).map_or_else(|| s.chars().take(10).collect(), |z| z.strftime("%Y-%m-%d").to_string())
}

/// `2026年11月28日`, the local date as Chinese documents write it.
pub fn date_zh(s: &str) -> String {
    local(s).map_or_else(|| date(s), |z| format!("{}年{}月{}日", z.year(), z.month(), z.day()))
}

/// Whether `a` is earlier than `b`, comparing instants (times with
/// different offsets do not sort as text); text that is not a time sorts
/// as text.
pub fn earlier(a: &str, b: &str) -> bool {
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => x < y,
        _ => a < b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_carry_an_offset_and_read_back() {
        let n = now();
        assert!(parse(&n).is_some(), "{n}");
        // ±hh:mm at the end, never a bare Z.
        let tail = &n[n.len() - 6..];
        assert!(tail.starts_with('+') || tail.starts_with('-'), "{n}");
    }

    #[test]
    fn instants_compare_across_offsets() {
        // 09:00 in Beijing is 01:00 UTC: earlier than 02:00 UTC.
        assert!(earlier("2026-11-28T09:00:00+08:00", "2026-11-28T02:00:00Z"));
        assert!(!earlier("2026-11-28T02:00:00Z", "2026-11-28T09:00:00+08:00"));
        assert!(earlier("abc", "abd"));
    }

    #[test]
    fn what_is_not_a_time_is_shown_as_it_is() {
        assert_eq!(minute("昨天"), "昨天");
        assert_eq!(date("2026-11-28 garbled"), "2026-11-28");
    }
}
