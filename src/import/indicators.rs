//! The quantitative indicator table (定量指标), in either form.

use super::label;
use super::layout::Addr;
use super::map::{Mapper, Span};
use super::tables::{Field, cell_label, leaf_labels, match_columns};
use crate::indicator::IndicatorValue;
use crate::model::Indicator;

const INDICATOR_FIELDS: &[Field] = &[
    ("level1", &["一级指标"]),
    ("level2", &["二级指标"]),
    ("name", &["指标内容", "三级指标", "指标名称"]),
    (
        "target",
        &["指标（目标）值", "绩效目标", "目标值", "年度指标值", "指标值"],
    ),
    (
        "actual",
        &["实际完成值", "完成情况", "实际完成", "全年实际值", "实际值"],
    ),
    ("weight", &["分值", "权重"]),
    ("score", &["得分"]),
];

/// Labels after which the indicator rows are over.
const AFTER_INDICATORS: &[&str] = &["绩效自评综合得分", "评价等次", "自评得分", "姓名"];

/// A paragraph that is the template's guidance, printed on every blank
/// form, not the department's words: wholly in brackets.
fn is_guidance(p: &str) -> bool {
    let t = p.trim();
    (t.starts_with('（') || t.starts_with('(')) && (t.ends_with('）') || t.ends_with(')'))
}

/// The quantitative indicator table. Level cells merged down (blank in
/// later rows) carry over; a row with two "指标N：" paragraphs in its name
/// cell is two indicators, each given its own part of the value cells.
pub fn indicators(m: &mut Mapper<'_>, span: Span, form: &str) -> Vec<Indicator> {
    let mut out = Vec::new();
    let head = (span.start..span.end).find(|&b| {
        m.doc.row(b).is_some_and(|cells| {
            let ls: Vec<String> = cells.iter().map(cell_label).collect();
            ls.iter().any(|l| label::is_any(l, INDICATOR_FIELDS[3].1))
                && ls
                    .iter()
                    .any(|l| label::is_any(l, &["指标内容", "评价内容", "三级指标", "指标名称"]))
        })
    });
    let Some(head) = head else {
        m.missing.push(format!("{form} · 指标（目标）值"));
        return out;
    };
    let Some(cells) = m.doc.row(head) else { return out };
    let mut leaves = leaf_labels(&[cells]);
    // The department form heads three columns with one 评价内容.
    if let Some(i) = leaves.iter().position(|l| label::is(l, "评价内容")) {
        leaves.splice(i..=i, ["一级指标".to_string(), "二级指标".into(), "指标内容".into()]);
    }
    let cols = match_columns(&leaves, INDICATOR_FIELDS);
    let [l1c, l2c, namec, targetc, actualc, weightc, scorec] = [0, 1, 2, 3, 4, 5, 6].map(|i| cols[i]);
    if namec.is_none() {
        m.missing.push(format!("{form} · 指标内容"));
        return out;
    }
    let (mut level1, mut level2) = (None::<String>, None::<String>);
    for b in head + 1..span.end {
        let Some(cells) = m.doc.row(b) else { break };
        if cells.len() < 3 || cells.iter().any(|c| label::is_any(&cell_label(c), AFTER_INDICATORS)) {
            break;
        }
        if let Some(l) = l1c.and_then(|c| level(m, b, c)) {
            level1 = Some(l);
            level2 = None;
        }
        if let Some(l) = l2c.and_then(|c| level(m, b, c)) {
            level2 = Some(l);
        }
        let names = split_names(paras(m, b, namec));
        let targets_raw = paras(m, b, targetc);
        let actuals_raw = paras(m, b, actualc);
        if names.is_empty() && targets_raw.is_empty() && actuals_raw.is_empty() {
            continue;
        }
        let k = names.len().max(1);
        let at = format!("{form} · 指标 at block {}", b + 1);
        let targets = split_values(m, &targets_raw, k, &at);
        let actuals = split_values(m, &actuals_raw, k, &at);
        let (weight, score) = if k == 1 {
            (
                weightc.and_then(|c| m.amount(b, c, &format!("{form} · 分值"))),
                scorec.and_then(|c| m.amount(b, c, &format!("{form} · 得分"))),
            )
        } else {
            (None, None)
        };
        for i in 0..k {
            let name = match names.get(i) {
                Some((a, n)) => {
                    m.put(*a, n);
                    n.clone()
                }
                None => String::new(),
            };
            out.push(Indicator {
                level1: level1.clone(),
                level2: level2.clone(),
                name,
                target: targets[i].as_deref().map(IndicatorValue::parse),
                actual: actuals[i].as_deref().map(IndicatorValue::parse),
                weight: if i == 0 { weight } else { None },
                score: if i == 0 { score } else { None },
            });
        }
    }
    out
}

/// A level label cell: its paragraphs without the template guidance,
/// joined without a break ("经济效益" / "指标" is 经济效益指标).
fn level(m: &mut Mapper<'_>, b: usize, c: usize) -> Option<String> {
    let cell = m.cell(b, c)?;
    let mut parts = Vec::new();
    for (i, p) in cell.paras.iter().enumerate() {
        if p.trim().is_empty() || is_guidance(p) {
            continue;
        }
        m.put(Mapper::addr(b, c, i), p);
        parts.push(p.trim());
    }
    (!parts.is_empty()).then(|| parts.join(""))
}

/// The non-blank paragraphs of a cell, with addresses (not yet recorded).
fn paras(m: &Mapper<'_>, b: usize, c: Option<usize>) -> Vec<(Addr, String)> {
    let Some(c) = c else { return Vec::new() };
    let Some(cell) = m.cell(b, c) else { return Vec::new() };
    cell.paras
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.trim().is_empty())
        .map(|(i, p)| (Mapper::addr(b, c, i), p.trim().to_string()))
        .collect()
}

/// Gives each of `k` indicators its value: one paragraph each when the
/// counts agree; a single paragraph for two indicators is cut where one
/// value visibly ends ([`split_merged`]); otherwise the values are kept
/// together on the first indicator, with a note.
fn split_values(m: &mut Mapper<'_>, ps: &[(Addr, String)], k: usize, at: &str) -> Vec<Option<String>> {
    let mut out = vec![None; k];
    if ps.is_empty() {
        return out;
    }
    if ps.len() == k {
        for (i, (a, p)) in ps.iter().enumerate() {
            m.put(*a, p);
            out[i] = Some(p.clone());
        }
        return out;
    }
    if k > 1 {
        // Values separated as departments separate them: `；`, `;`, line
        // breaks or numbering (`1.` `（1）` `①` `指标1：`).
        let all = ps.iter().map(|(_, p)| p.as_str()).collect::<Vec<_>>().join("\n");
        if let Some(parts) = split_separated(&all, k) {
            for (i, part) in parts.into_iter().enumerate() {
                for (a, _) in ps {
                    m.put(*a, &part);
                }
                out[i] = Some(part);
            }
            return out;
        }
    }
    if ps.len() == 1 && k > 1 {
        let (a, p) = &ps[0];
        if let Some(parts) = split_merged(p, k) {
            for (i, part) in parts.into_iter().enumerate() {
                m.put(*a, &part);
                out[i] = Some(part);
            }
            return out;
        }
    }
    let all = ps.iter().map(|(_, p)| p.as_str()).collect::<Vec<_>>().join("\n");
    for (a, p) in ps {
        m.put(*a, p);
    }
    if k > 1 {
        m.notes.push(format!(
            "{at}: {k} indicators share the value “{}”; it is kept whole on the first",
            label::short(&all, 30)
        ));
    }
    out[0] = Some(all);
    out
}

/// A name cell holding several indicators on one line (`指标1：A指标2：B`,
/// `1.A；2.B`) is several names.
fn split_names(ps: Vec<(Addr, String)>) -> Vec<(Addr, String)> {
    if ps.len() != 1 {
        return ps;
    }
    let (a, text) = &ps[0];
    let marks = numbering_starts(text);
    if marks.len() < 2 || marks[0] != 0 {
        return ps;
    }
    let mut out = Vec::new();
    for (i, &from) in marks.iter().enumerate() {
        let to = marks.get(i + 1).copied().unwrap_or(text.len());
        let part = text[from..to]
            .trim()
            .trim_end_matches(['；', ';', '，', ',', '。'])
            .trim();
        if !part.is_empty() {
            out.push((*a, part.to_string()));
        }
    }
    out
}

/// Byte offsets where a numbered item starts: `指标1：`, `1.`, `1、`,
/// `（1）`, `(1)`, `①`. A digit inside a value (`≥12场`) is no numbering:
/// the mark must open the text or follow a separator.
fn numbering_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let at_start = prev.is_none_or(|p| matches!(p, '；' | ';' | '\n' | '，' | ',' | '。' | ' ' | '\u{3000}'));
        let rest = &text[i..];
        let numbered = |r: &str| {
            let digits = r.chars().take_while(|d| d.is_ascii_digit()).count();
            let after = &r[digits..];
            let Some(sep) = after.chars().next() else { return false };
            digits > 0
                && digits < 3
                && matches!(sep, '.' | '．' | '、' | '：' | ':' | '）' | ')')
                // `1.5万元` is a number, not an item.
                && !after[sep.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
        };
        let is_mark = if let Some(after) = rest.strip_prefix("指标") {
            numbered(after) && (at_start || prev.is_some_and(|p| !p.is_ascii_digit()))
        } else if rest.starts_with(['（', '(']) {
            at_start && numbered(&rest[c.len_utf8()..])
        } else if ('①'..='⑳').contains(&c) {
            true
        } else {
            at_start && c.is_ascii_digit() && numbered(rest)
        };
        if is_mark {
            out.push(i);
        }
    }
    out
}

/// Cuts a value cell holding `k` values at `；` / `;` / line breaks, or at
/// numbering, when that gives exactly `k` non-empty parts. Numbering
/// (`指标1：`, `1.`) is dropped from each part.
pub fn split_separated(text: &str, k: usize) -> Option<Vec<String>> {
    let strip = |p: &str| -> String {
        let p = p.trim().trim_end_matches(['；', ';', '，', ',', '。']).trim();
        let marks = numbering_starts(p);
        if marks.first() == Some(&0) {
            let after = p
                .trim_start_matches("指标")
                .trim_start_matches(['（', '('])
                .trim_start_matches(|c: char| c.is_ascii_digit() || ('①'..='⑳').contains(&c))
                .trim_start_matches(['.', '．', '、', '：', ':', '）', ')']);
            after.trim().to_string()
        } else {
            p.to_string()
        }
    };
    let by_sep: Vec<String> = text
        .split(['；', ';', '\n'])
        .map(strip)
        .filter(|p| !p.is_empty())
        .collect();
    if by_sep.len() == k {
        return Some(by_sep);
    }
    let marks = numbering_starts(text);
    if marks.len() == k && marks[0] == 0 {
        let parts: Vec<String> = marks
            .iter()
            .enumerate()
            .map(|(i, &from)| strip(&text[from..marks.get(i + 1).copied().unwrap_or(text.len())]))
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() == k {
            return Some(parts);
        }
    }
    None
}

/// Cuts one cell's text holding `k` values written back to back
/// ("新登记市场主体同比增长10%民生事项≥100%") where a value visibly ends:
/// after a % sign or a count unit, with more text holding a digit after
/// it. Only when there are exactly `k - 1` such places; otherwise None.
pub fn split_merged(text: &str, k: usize) -> Option<Vec<String>> {
    const UNITS: &[char] = &['%', '％', '件', '个', '人', '次', '天', '户', '家', '项', '条'];
    let mut cuts = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(2) {
        let ((_, prev), (i, c)) = (w[0], w[1]);
        let after = &text[i + c.len_utf8()..];
        if UNITS.contains(&c)
            && prev.is_ascii_digit()
            && !after.is_empty()
            && !after.starts_with(|x: char| x.is_ascii_digit() || x == '/' || UNITS.contains(&x))
            && after.chars().any(|x| x.is_ascii_digit())
        {
            cuts.push(i + c.len_utf8());
        }
    }
    if cuts.len() + 1 != k {
        return None;
    }
    let mut parts = Vec::new();
    let mut from = 0;
    for c in cuts {
        parts.push(text[from..c].trim().to_string());
        from = c;
    }
    parts.push(text[from..].trim().to_string());
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_values_written_back_to_back() {
        assert_eq!(
            split_merged("新登记市场主体同比增长10%民生事项≥100%", 2),
            Some(vec!["新登记市场主体同比增长10%".to_string(), "民生事项≥100%".into()])
        );
        assert_eq!(split_merged("≥100%", 2), None);
        assert_eq!(split_merged("≥10万元/年≥20万元/年", 2), None);
    }

    #[test]
    fn splits_values_as_departments_separate_them() {
        let two = |a: &str, b: &str| Some(vec![a.to_string(), b.to_string()]);
        assert_eq!(split_separated("≥12场；≥3000人次", 2), two("≥12场", "≥3000人次"));
        assert_eq!(split_separated("≥95%;≤5天", 2), two("≥95%", "≤5天"));
        assert_eq!(
            split_separated("≥100%\n\n带动就业人员≥300人", 2),
            two("≥100%", "带动就业人员≥300人")
        );
        assert_eq!(split_separated("1.≥12场 2.≥3000人次", 2), two("≥12场", "≥3000人次"));
        assert_eq!(split_separated("指标1：≥12场；指标2：≥90%", 2), two("≥12场", "≥90%"));
        assert_eq!(
            split_separated("（1）≥12场（2）≥90%", 2),
            None,
            "numbering must follow a separator"
        );
        // One value is never cut, and a count that does not fit is left whole.
        assert_eq!(split_separated("≥12场；≥3000人次；≥5家", 2), None);
        assert_eq!(split_separated("≥1.5万元", 2), None);
    }

    #[test]
    fn splits_names_numbered_on_one_line() {
        let a = Addr {
            block: 0,
            cell: Some(0),
            para: 0,
        };
        let names: Vec<String> = split_names(vec![(a, "指标1：培训场次；指标2：参训人数".into())])
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, vec!["指标1：培训场次", "指标2：参训人数"]);
        let one = split_names(vec![(a, "指标1：市场主体增长率".into())]);
        assert_eq!(one.len(), 1);
        let plain = split_names(vec![(a, "培训12场次覆盖率".into())]);
        assert_eq!(plain.len(), 1);
    }
}
