//! Matching the printed labels of a form, and finding numbers in text.
//!
//! Departments retype the template: full-width and half-width brackets and
//! colons are mixed, spaces creep in ("收入 合计", "邮  编"), a character
//! gets doubled ("三公经费费"), and "（万元）" or "其中：" is added or left
//! out. Labels are therefore compared after [`norm`], never as written.
//! Values are never normalised: only labels are.

/// A label reduced to what identifies it: full-width ASCII folded to
/// half-width, brackets unified, white space (including U+3000) removed,
/// a leading "其中:" and a trailing "(万元)" / "(元)" / colon removed, and
/// a character repeated right after itself kept once.
pub fn norm(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    for c in s.chars() {
        let c = fold(c);
        if c.is_whitespace() {
            continue;
        }
        t.push(c);
    }
    let mut t = t.as_str();
    loop {
        let before = t.len();
        t = t.trim_end_matches(':');
        for unit in ["(万元)", "(元)"] {
            if let Some(r) = t.strip_suffix(unit) {
                t = r;
            }
        }
        if let Some(r) = t.strip_prefix("其中:") {
            t = r;
        }
        if t.len() == before {
            break;
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut last = None;
    for c in t.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Folds one character: full-width ASCII (U+FF01–U+FF5E) to ASCII, the
/// various brackets and colons to one form, the ideographic space to a space.
fn fold(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '【' | '〔' | '［' | '〈' | '《' => '(',
        '】' | '〕' | '］' | '〉' | '》' => ')',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '[' | '{' => '(',
        ']' | '}' => ')',
        '∶' | '︰' => ':',
        c => c,
    }
}

/// True when `text`, as a label, is `label`.
pub fn is(text: &str, label: &str) -> bool {
    let n = norm(text);
    !n.is_empty() && n == norm(label)
}

/// True when `text` is any of `labels`.
pub fn is_any(text: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| is(text, l))
}

/// True when the normalised `text` contains the normalised `label`.
pub fn contains(text: &str, label: &str) -> bool {
    let l = norm(label);
    !l.is_empty() && norm(text).contains(&l)
}

/// When `text` starts with `label` (compared normalised, as [`norm`]),
/// the rest of `text` as written, with a colon and white space after the
/// label removed. Walks `text` char by char, so it never splits a character.
pub fn strip_label<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let want = norm(label);
    if want.is_empty() {
        return None;
    }
    let t = text.trim_start();
    for (i, c) in t.char_indices() {
        let end = i + c.len_utf8();
        let head = &t[..end];
        let n = norm(head);
        if n == want {
            // Extend over a doubled last character ("费费") and the colon.
            let mut rest = &t[end..];
            if let Some(r) = rest.strip_prefix(c) {
                rest = r;
            }
            let rest = rest.trim_start_matches(|ch: char| ch.is_whitespace() || ch == '：' || ch == ':');
            return Some(rest.trim_end());
        }
        if !want.starts_with(&n) {
            return None;
        }
    }
    None
}

/// The text without a leading section number: "一、", "（二）", "(五）",
/// "3、", "4." (Chinese or ASCII numerals).
pub fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start();
    let is_num = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百零〇".contains(c);
    let inner = t
        .strip_prefix(['（', '('])
        .map(|r| r.trim_start_matches(is_num))
        .and_then(|r| r.strip_prefix(['）', ')']));
    if let Some(r) = inner {
        return r.trim_start();
    }
    let r = t.trim_start_matches(is_num);
    if r.len() < t.len()
        && let Some(r) = r.strip_prefix(['、', '.', '．'])
    {
        return r.trim_start();
    }
    t
}

/// The text cut to `max` characters with "…", for messages.
pub fn short(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut t: String = one_line.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// What counts as a number, for the promise that none is lost: a maximal
/// run of digits (ASCII or full-width), with one decimal point (`.` or
/// `．`) and further digits if they follow. So `1574.84` is one number,
/// `10500m2` is two (`10500`, `2`), `9-13#` is two, `1,234` is two, and
/// `2025年6月10日` is three.
pub fn numbers(s: &str) -> Vec<&str> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_digit(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut seen_point = false;
        while let Some(&(j, d)) = it.peek() {
            if is_digit(d) {
                end = j + d.len_utf8();
                it.next();
            } else if (d == '.' || d == '．') && !seen_point {
                // A point counts only when a digit follows it.
                let after = &s[j + d.len_utf8()..];
                if after.chars().next().is_some_and(is_digit) {
                    seen_point = true;
                    it.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push(&s[i..end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_across_punctuation_spaces_and_doubling() {
        assert!(is("收入 合计", "收入合计"));
        assert!(is(
            "部门(单位)年度支出和结余情况(万元)",
            "部门（单位）年度支出和结余情况"
        ));
        assert!(is("三公经费费\n合计", "三公经费合计"));
        assert!(is("邮  编", "邮编"));
        assert!(is("其中：中央财政", "中央财政"));
        assert!(is("计划安排资金\n（万元）", "计划安排资金"));
        assert!(is("评价组组长（签字）：", "评价组组长(签字)"));
        assert!(!is("", ""));
        assert!(!is("收入合计", "支出合计"));
    }

    #[test]
    fn strips_a_label_prefix() {
        assert_eq!(
            strip_label("评价方式：部门（单位）绩效自评", "评价方式"),
            Some("部门（单位）绩效自评")
        );
        assert_eq!(
            strip_label("报告日期： 2025年6月10日", "报告日期"),
            Some("2025年6月10日")
        );
        assert_eq!(
            strip_label("部门(单位)名称        临湘市数据局   ", "部门（单位）名称"),
            Some("临湘市数据局")
        );
        assert_eq!(
            strip_label("部门 （ 单位 ）名称：临湘市数据局", "部门(单位)名称"),
            Some("临湘市数据局")
        );
        assert_eq!(strip_label("评价机构：x", "评价方式"), None);
    }

    #[test]
    fn strips_numbering() {
        assert_eq!(strip_numbering("一、项 目 基 本 概 况"), "项 目 基 本 概 况");
        assert_eq!(strip_numbering("(五）项目"), "项目");
        assert_eq!(strip_numbering("12345平台"), "12345平台");
        assert_eq!(strip_numbering("3、二级机构2"), "二级机构2");
    }

    #[test]
    fn counts_numbers() {
        assert_eq!(numbers("面积10500m2，共7300m2"), vec!["10500", "2", "7300", "2"]);
        assert_eq!(numbers("1574.84万元。1.产出"), vec!["1574.84", "1"]);
        assert_eq!(numbers("9月10#/21#"), vec!["9", "10", "21"]);
        assert_eq!(numbers("１２３．５"), vec!["１２３．５"]);
        assert!(numbers("年 月 日").is_empty());
    }
}
