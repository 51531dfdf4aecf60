//! Indicator values (指标值 / 实际完成值) such as `≥100%`, `10000件`,
//! `控制在预算总额≤21.8%` or `推行一窗通取`.
//!
//! The form's value cells are free text. To compare a target with an actual
//! we need the comparator, the number and the unit; to judge a form we also
//! need to know when no number was stated at all (a qualitative statement in
//! a quantitative slot). The submitted text is always kept beside the parse.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Comparator {
    #[serde(rename = "≥")]
    Ge,
    #[serde(rename = "≤")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "=")]
    Eq,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Le => "≤",
            Comparator::Gt => ">",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
        }
    }

    /// Whether a smaller value is better (a reverse indicator: costs, losses,
    /// complaint counts): the target is an upper bound.
    pub fn is_upper_bound(self) -> bool {
        matches!(self, Comparator::Le | Comparator::Lt)
    }
}

/// A stated number with its comparator and unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// None when the text states a plain value ("10000件").
    pub comparator: Option<Comparator>,
    pub number: Decimal,
    /// A unit from the known list (%, 件, 个, 人, 万元/年, …).
    pub unit: Option<String>,
    /// Text before the comparator or number ("控制在预算总额").
    pub subject: Option<String>,
    /// Text after the number and unit ("损失" in "0损失").
    pub rest: Option<String>,
    /// "10000余件", "约300人": the number is approximate.
    pub approximate: bool,
}

impl Quantity {
    pub fn is_percent(&self) -> bool {
        self.unit.as_deref() == Some("%")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    Quantity(Quantity),
    /// No number is stated: "推行一窗通取", "建立…机制".
    Qualitative,
}

/// An indicator value as submitted, with its parsed meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorValue {
    pub text: String,
    pub meaning: Meaning,
}

impl IndicatorValue {
    pub fn parse(text: &str) -> IndicatorValue {
        IndicatorValue {
            text: text.to_string(),
            meaning: parse(text),
        }
    }

    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.meaning {
            Meaning::Quantity(q) => Some(q),
            Meaning::Qualitative => None,
        }
    }

    /// Blank text counts as no value at all.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl fmt::Display for IndicatorValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for IndicatorValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for IndicatorValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(IndicatorValue::parse(&text))
    }
}

/// Units we recognise, longest first so that `万元/年` wins over `万元`.
const UNITS: &[&str] = &[
    "个工作日",
    "万元/年",
    "万元/人",
    "平方米",
    "工作日",
    "个月",
    "万元",
    "亿元",
    "人次",
    "小时",
    "分钟",
    "公里",
    "户次",
    "件次",
    "%",
    "‰",
    "元",
    "件",
    "个",
    "人",
    "次",
    "项",
    "条",
    "家",
    "户",
    "天",
    "日",
    "分",
    "路",
    "场",
    "台",
    "套",
    "份",
    "亩",
    "所",
    "座",
    "名",
    "张",
    "册",
    "篇",
    "期",
    "批",
    "辆",
    "盏",
    "株",
    "棵",
    "吨",
    "头",
    "只",
    "处",
    "宗",
    "例",
    "支",
    "组",
    "米",
    "km",
    "m2",
    "㎡",
];

/// Comparator words and symbols that stand before the number.
const PREFIX_COMPARATORS: &[(&str, Comparator)] = &[
    ("大于等于", Comparator::Ge),
    ("小于等于", Comparator::Le),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("不高于", Comparator::Le),
    ("不超过", Comparator::Le),
    ("不大于", Comparator::Le),
    ("不多于", Comparator::Le),
    ("至少", Comparator::Ge),
    ("达到", Comparator::Ge),
    ("大于", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("超过", Comparator::Gt),
    ("小于", Comparator::Lt),
    ("低于", Comparator::Lt),
    ("等于", Comparator::Eq),
    (">=", Comparator::Ge),
    ("<=", Comparator::Le),
    ("≥", Comparator::Ge),
    ("≧", Comparator::Ge),
    ("≤", Comparator::Le),
    ("≦", Comparator::Le),
    (">", Comparator::Gt),
    ("<", Comparator::Lt),
    ("=", Comparator::Eq),
];

/// Words after the number and unit that bound it ("90%以上", "5天以内").
const SUFFIX_COMPARATORS: &[(&str, Comparator)] = &[
    ("以上", Comparator::Ge),
    ("及以上", Comparator::Ge),
    ("以内", Comparator::Le),
    ("以下", Comparator::Le),
    ("之内", Comparator::Le),
];

/// Full-width forms folded to ASCII before parsing.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '％' => '%',
            '＞' => '>',
            '＜' => '<',
            '＝' => '=',
            c => crate::text::narrow_digit(c),
        })
        .collect()
}

struct Found {
    start: usize,
    end: usize,
    value: Decimal,
}

/// All numbers in the text (char indices), "1,234.5" included.
fn numbers(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            let mut s = String::new();
            while i < chars.len() {
                let c = chars[i];
                let decimal_point =
                    c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) && !s.contains('.');
                if c.is_ascii_digit() || decimal_point {
                    s.push(c);
                } else if c == ','
                    && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                    && chars.get(i + 4).is_none_or(|d| !d.is_ascii_digit())
                {
                    // thousands separator: skip
                } else {
                    break;
                }
                i += 1;
            }
            if let Ok(value) = Decimal::from_str_exact(&s) {
                out.push(Found { start, end: i, value });
            }
        } else {
            i += 1;
        }
    }
    out
}

fn ends_with_at(chars: &[char], end: usize, pat: &str) -> bool {
    // No allocation: this runs for every comparator before every number.
    let n = pat.chars().count();
    end >= n && chars[end - n..end].iter().copied().eq(pat.chars())
}

fn starts_with_at(chars: &[char], start: usize, pat: &str) -> bool {
    let n = pat.chars().count();
    chars.len() >= start + n && chars[start..start + n].iter().copied().eq(pat.chars())
}

fn clean(s: String) -> Option<String> {
    let t = s.trim().trim_matches(|c: char| c == '：' || c == ':');
    (!t.is_empty()).then(|| t.to_string())
}

/// Parses an indicator value. See the module documentation.
pub fn parse(text: &str) -> Meaning {
    let norm = normalise(text);
    let chars: Vec<char> = norm.chars().collect();
    let found = numbers(&chars);
    if found.is_empty() {
        return Meaning::Qualitative;
    }
    // The number a comparator stands before, else the first number that is
    // not part of a date ("2024年").
    let with_prefix = |f: &Found| -> Option<(Comparator, usize)> {
        let mut j = f.start;
        while j > 0 && chars[j - 1] == ' ' {
            j -= 1;
        }
        PREFIX_COMPARATORS
            .iter()
            .find(|(w, _)| ends_with_at(&chars, j, w))
            .map(|(w, c)| (*c, j - w.chars().count()))
    };
    let is_date = |f: &Found| matches!(chars.get(f.end), Some('年' | '月' | '日'));
    let chosen = found
        .iter()
        .find(|f| with_prefix(f).is_some())
        .or_else(|| found.iter().find(|f| !is_date(f)))
        .unwrap_or(&found[0]);
    let prefix = with_prefix(chosen);
    let mut end = chosen.end;
    let mut approximate = false;
    if chars.get(end).is_some_and(|c| matches!(c, '余' | '多')) {
        approximate = true;
        end += 1;
    }
    let mut number = chosen.value;
    // `1.7万人次` is 17 000 人次: 万 / 亿 before a count unit multiply the
    // number (万元 and 亿元 are units of their own).
    let multiplier = match chars.get(end) {
        Some('万') if !matches!(chars.get(end + 1), Some('元')) => Some(Decimal::from(10_000)),
        Some('亿') if !matches!(chars.get(end + 1), Some('元')) => Some(Decimal::from(100_000_000)),
        _ => None,
    };
    if let Some(m) = multiplier
        && let Some(n) = number.checked_mul(m)
    {
        // Before a known unit, or any measure word (`1.2万盏`, `3万株`):
        // a count, not money.
        let after: String = chars[end + 1..].iter().collect();
        let measure_word = chars
            .get(end + 1)
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
        if UNITS.iter().any(|u| after.starts_with(*u)) || measure_word {
            number = n.normalize();
            end += 1;
        }
    }
    let after: String = chars[end..].iter().collect();
    let unit = UNITS.iter().find(|u| after.starts_with(**u)).map(|u| u.to_string());
    end += unit.as_deref().map_or(0, |u| u.chars().count());
    let mut comparator = prefix.map(|p| p.0);
    if comparator.is_none()
        && let Some((w, c)) = SUFFIX_COMPARATORS.iter().find(|(w, _)| starts_with_at(&chars, end, w))
    {
        comparator = Some(*c);
        end += w.chars().count();
    }
    let subject_end = prefix.map_or(chosen.start, |p| p.1);
    let mut subject: String = chars[..subject_end].iter().collect();
    if subject.ends_with('约') {
        approximate = true;
        subject.pop();
    }
    Meaning::Quantity(Quantity {
        comparator,
        number,
        unit,
        subject: clean(subject),
        rest: clean(chars[end..].iter().collect()),
        approximate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amount::dec;

    fn q(text: &str) -> Quantity {
        match parse(text) {
            Meaning::Quantity(q) => q,
            Meaning::Qualitative => panic!("{text} parsed as qualitative"),
        }
    }

    fn check(text: &str, cmp: Option<Comparator>, n: &str, unit: Option<&str>) {
        let got = q(text);
        assert_eq!(got.comparator, cmp, "{text}");
        assert_eq!(got.number, dec(n), "{text}");
        assert_eq!(got.unit.as_deref(), unit, "{text}");
    }

    /// Every indicator value of the sample form (department and project).
    #[test]
    fn sample_form_values() {
        use Comparator::*;
        check("≥100%", Some(Ge), "100", Some("%"));
        check("10000件", None, "10000", Some("件"));
        check("101个", None, "101", Some("个"));
        check("≥217件", Some(Ge), "217", Some("件"));
        check("控制在预算总额≤21.8%", Some(Le), "21.8", Some("%"));
        assert_eq!(q("控制在预算总额≤21.8%").subject.as_deref(), Some("控制在预算总额"));
        check("新登记市场主体同比增长10%", None, "10", Some("%"));
        assert_eq!(
            q("新登记市场主体同比增长10%").subject.as_deref(),
            Some("新登记市场主体同比增长")
        );
        check("民生事项≥100%", Some(Ge), "100", Some("%"));
        check("带动就业人员≥300人", Some(Ge), "300", Some("人"));
        check("9000", None, "9000", None);
        check("10000", None, "10000", None);
        check("≥90%", Some(Ge), "90", Some("%"));
        check("0损失", None, "0", None);
        assert_eq!(q("0损失").rest.as_deref(), Some("损失"));
        check("≥20万元/年", Some(Ge), "20", Some("万元/年"));
        check("≥1.7万人次", Some(Ge), "17000", Some("人次"));
        check("2.3万人次", None, "23000", Some("人次"));
        check("≥1.2万盏", Some(Ge), "12000", Some("盏"));
        check("≥3万株", Some(Ge), "30000", Some("株"));
        check("1.5万羽", None, "15000", None);
        check("≥5万元", Some(Ge), "5", Some("万元"));
        check("≥10万元/年", Some(Ge), "10", Some("万元/年"));
        assert_eq!(parse("推行一窗通取"), Meaning::Qualitative);
        assert_eq!(parse("建立重大项目生态影响评估机制"), Meaning::Qualitative);
    }

    #[test]
    fn other_wordings() {
        use Comparator::*;
        check("不低于95%", Some(Ge), "95", Some("%"));
        check("90%以上", Some(Ge), "90", Some("%"));
        check("5个工作日以内", Some(Le), "5", Some("个工作日"));
        check("＞＝９８％", Some(Ge), "98", Some("%"));
        check("1,200户", None, "1200", Some("户"));
        let a = q("10000余件");
        assert!(a.approximate);
        assert_eq!(a.unit.as_deref(), Some("件"));
        // A year before the value is not the value.
        check("2024年完成85%", None, "85", Some("%"));
        assert_eq!(parse(""), Meaning::Qualitative);
        assert_eq!(parse("按时完成"), Meaning::Qualitative);
    }
}
