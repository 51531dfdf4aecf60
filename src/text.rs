//! Text from reports is untrusted: it may carry terminal escape sequences,
//! bidi overrides that reorder what an auditor reads, or zero-width
//! characters that hide differences. Everything shown on a terminal goes
//! through [`clean`] (one line) or [`clean_multiline`] first. Widths are
//! measured in terminal columns (CJK characters take two), never in chars.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that change how text is drawn or read without being visible.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'   // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{FEFF}'              // BOM / zero-width no-break space
        | '\u{00AD}'              // soft hyphen
        | '\u{061C}'              // Arabic letter mark
        | '\u{2028}' | '\u{2029}' // line and paragraph separators
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        | '\u{E0000}'..='\u{E007F}' // tag characters (invisible text)
    )
}

/// One line of untrusted text, safe to draw: control characters, escape
/// sequences and invisible format characters are removed; tabs and line
/// breaks become single spaces.
pub fn clean(s: &str) -> String {
    // Nearly all text is clean already: one look, then one copy.
    if !s.chars().any(|c| c.is_control() || is_invisible_format(c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' | '\r' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '\u{1b}' => skip_escape(&mut chars),
            c if c.is_control() || is_invisible_format(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// One cell of a CSV file, safe for spreadsheets: cleaned like [`clean`],
/// and text that a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, a tab or a CR) is prefixed with `'`, as spreadsheet tools
/// expect. Numbers, negative ones included (`-3.00`), stay plain numbers.
pub fn csv_cell(s: &str) -> String {
    let c = clean(s);
    let is_number = {
        let t = c.strip_prefix(['-', '+']).unwrap_or(&c);
        !t.is_empty()
            && t.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
            && t.chars().filter(|&ch| ch == '.').count() <= 1
    };
    if !is_number && (c.starts_with(['=', '+', '-', '@']) || s.starts_with(['\t', '\r'])) {
        format!("'{c}")
    } else {
        c
    }
}

/// A CSV record with every cell made inert ([`csv_cell`]).
pub fn csv_record<I, S>(cells: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    cells.into_iter().map(|c| csv_cell(c.as_ref())).collect()
}

/// Like [`clean`] but keeps line breaks (for narrative paragraphs and notes).
pub fn clean_multiline(s: &str) -> String {
    s.split('\n')
        .map(|l| clean(l.trim_end_matches('\r')))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text as the auditor typed it (notes, reasons, the opinion), safe for a
/// document or a screen: CR, CRLF and LF all become line breaks, tabs are
/// kept, and everything else is cleaned as by [`clean`].
pub fn clean_typed(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(|l| l.split('\t').map(clean).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Skips the rest of an escape sequence after ESC (CSI, OSC, or a single
/// character), so that no fragment of it is drawn.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            // CSI: parameters and intermediates, then one final byte @..~
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') | Some('P') | Some('_') | Some('^') => {
            chars.next();
            // OSC/DCS/APC/PM: until BEL or ESC \
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

/// A key that sorts Chinese names as Chinese lists do — by pinyin
/// (交通 jiaotong, 教育 jiaoyu, 民政 minzheng, 农业 nongye …), not by code
/// point (交 农 卫 教) — with the character itself breaking ties between
/// homophones, so the order is total and stable.
pub fn pinyin_key(s: &str) -> String {
    use pinyin::ToPinyin;
    let mut key = String::with_capacity(s.len() * 3);
    for c in s.chars() {
        match c.to_pinyin() {
            Some(p) => {
                key.push_str(p.plain());
                key.push('\u{1}');
                key.push(c);
                key.push('\u{2}');
            }
            None => key.extend(c.to_lowercase()),
        }
    }
    key
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with "…" when something was
/// cut. Never splits a wide character.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Pads or cuts to exactly `w` columns, left-aligned.
pub fn fit(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// Pads or cuts to exactly `w` columns, right-aligned (numbers).
pub fn fit_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(pad))
}

/// Wraps text into lines of at most `w` columns. Chinese breaks between
/// any two characters; runs of Latin letters, digits and punctuation (words,
/// paths, amounts) break at spaces, and only when longer than a line.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut lw = 0;
        let chars: Vec<char> = para.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            // The next unbreakable unit: a run of non-space ASCII, or one char.
            let start = i;
            if chars[i].is_ascii() && !chars[i].is_ascii_whitespace() {
                while i < chars.len() && chars[i].is_ascii() && !chars[i].is_ascii_whitespace() {
                    i += 1;
                }
            } else {
                i += 1;
            }
            let unit: String = chars[start..i].iter().collect();
            let uw = width(&unit);
            if lw + uw > w && lw > 0 {
                // A line must not start with closing punctuation (，。、）…):
                // the character before it moves down with it.
                let mut carry = String::new();
                if unit.chars().count() == 1
                    && unit.chars().all(is_closing)
                    && line.chars().count() > 1
                    && let Some(c) = line.pop()
                {
                    carry.push(c);
                }
                // Nor end with opening punctuation (“（《): it moves down too.
                while line.chars().count() > 1 && line.chars().last().is_some_and(is_opening) {
                    if let Some(c) = line.pop() {
                        carry.insert(0, c);
                    }
                }
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                lw = width(&carry);
                line = carry;
                if unit.trim().is_empty() {
                    continue;
                }
            }
            if uw > w {
                // A word longer than a line: cut it by width.
                for c in unit.chars() {
                    let cw = c.width().unwrap_or(0);
                    if lw + cw > w {
                        lines.push(std::mem::take(&mut line));
                        lw = 0;
                    }
                    line.push(c);
                    lw += cw;
                }
            } else {
                line.push_str(&unit);
                lw += uw;
            }
        }
        lines.push(line);
    }
    lines
}

/// Punctuation that may not close a line in Chinese typesetting.
fn is_opening(c: char) -> bool {
    "（【《「『“‘(".contains(c)
}

/// Punctuation that may not open a line in Chinese typesetting.
fn is_closing(c: char) -> bool {
    "，。、；：？！）】》」』”’,.;:?!)".contains(c)
}

/// One of 64 bits for a character, for masks of the characters a text holds:
/// a text can hold all of a query's characters only if its mask has all of
/// theirs, which rules out most texts before any search.
pub fn char_bit(c: char) -> u64 {
    1 << ((c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_sort_by_pinyin() {
        let mut names = [
            "临湘市卫生健康局",
            "临湘市农业农村局",
            "临湘市教育局",
            "临湘市交通运输局",
            "临湘市民政局",
        ];
        names.sort_by_cached_key(|n| pinyin_key(n));
        assert_eq!(
            names,
            [
                "临湘市交通运输局",
                "临湘市教育局",
                "临湘市民政局",
                "临湘市农业农村局",
                "临湘市卫生健康局"
            ]
        );
        // Homophones still have an order; Latin text sorts without case.
        assert_ne!(pinyin_key("交"), pinyin_key("教"));
        assert!(pinyin_key("abc") < pinyin_key("B"));
    }

    #[test]
    fn typed_text_keeps_its_lines_and_tabs_and_loses_escapes() {
        assert_eq!(clean_typed("一\r\n二\r三\n四\t五"), "一\n二\n三\n四\t五");
        assert_eq!(clean_typed("a\u{1b}]52;c;eA==\u{7}b\u{1b}[31mc"), "abc");
    }

    #[test]
    fn csv_cells_are_inert() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\",\"点\")"),
            "'=HYPERLINK(\"http://x\",\"点\")"
        );
        assert_eq!(csv_cell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
        assert_eq!(csv_cell("+1+2"), "'+1+2");
        assert_eq!(csv_cell("-3.00"), "-3.00");
        assert_eq!(csv_cell("1574.84"), "1574.84");
        assert_eq!(csv_cell("\tx"), "' x");
        assert_eq!(csv_cell("a\u{1b}]52;c;aGk=\u{7}b\u{0}"), "ab");
        assert_eq!(csv_cell("临湘市数据局"), "临湘市数据局");
        assert_eq!(clean("a\u{2028}b\u{E0041}c"), "abc");
    }

    #[test]
    fn strips_escapes_and_invisible_characters() {
        assert_eq!(clean("临湘\u{1b}[31m市\u{1b}[0m"), "临湘市");
        assert_eq!(clean("a\u{1b}]52;c;aGk=\u{7}b"), "ab");
        assert_eq!(clean("数据\u{202E}局\u{200B}"), "数据局");
        assert_eq!(clean("a\tb\r\nc"), "a b c");
        assert_eq!(clean("\u{7}\u{0}x"), "x");
        assert_eq!(clean_multiline("一\n二\u{1b}[2J"), "一\n二");
    }

    #[test]
    fn measures_and_cuts_by_display_width() {
        assert_eq!(width("临湘市数据局"), 12);
        assert_eq!(truncate("临湘市数据局", 7), "临湘市…");
        assert_eq!(width(&truncate("临湘市数据局", 7)), 7);
        assert_eq!(fit("数据局", 8), "数据局  ");
        assert_eq!(fit_right("1049", 6), "  1049");
        assert_eq!(wrap("临湘市数据局", 5), vec!["临湘", "市数", "据局"]);
        assert_eq!(wrap("应为 below 100%", 10), vec!["应为 below", "100%"]);
        assert_eq!(wrap("水、电、物业", 4), vec!["水、", "电、", "物业"]);
        assert_eq!(wrap("甲乙丙，丁", 6), vec!["甲乙", "丙，丁"]);
        assert_eq!(wrap("甲乙“丙丁”", 6), vec!["甲乙", "“丙丁”"]);
        assert_eq!(wrap("project_forms[0].x", 8), vec!["project_", "forms[0]", ".x"]);
    }
}

/// A full-width digit or point (what a Chinese input method types) as
/// ASCII; any other character as it is.
pub fn narrow_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        c => c,
    }
}

/// A number as typed with a Chinese input method, in ASCII: full-width
/// digits, and `．` or `。` for the point (８。５ is 8.5).
pub fn typed_number(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| if c == '。' { '.' } else { narrow_digit(c) })
        .collect()
}

#[cfg(test)]
mod typed_number_tests {
    use super::typed_number;

    #[test]
    fn full_width_digits_and_points_are_read() {
        assert_eq!(typed_number(" ８。５ "), "8.5");
        assert_eq!(typed_number("１０．０"), "10.0");
        assert_eq!(typed_number("4.48"), "4.48");
        assert_eq!(typed_number("八"), "八", "words are not numbers");
    }
}
