//! Discrepancy checks: what an experienced finance-bureau reviewer looks for
//! in a submitted self-evaluation, as rules that point at the exact cell.
//!
//! Each rule family lives in its own module and documents why an auditor
//! cares. A finding is a [`Flag`] with a stable rule id, a severity, the JSON
//! path of the item it concerns (so the interface can highlight it), a
//! message in Chinese and English, and where it applies the expected and
//! found values as written.

mod arithmetic;
mod budget;
mod completeness;
mod cross_form;
mod indicators;
pub mod narrative;
mod rates;
pub mod scope;
mod score;
mod sources;
mod text_quality;
mod typos;
mod vouchers;

use crate::model::Report;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use score::{EvidenceItem, EvidenceScore, evidence_score};
pub use vouchers::{Booking, bookings as voucher_bookings};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The numbers are wrong or contradict each other.
    Error,
    /// Needs the auditor's judgment.
    Warning,
    /// Worth knowing; not a fault by itself.
    Info,
}

impl Severity {
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// An item of a report: its JSON path and a human name in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub zh: String,
    pub en: String,
}

impl Place {
    pub fn new(path: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Place {
        Place {
            path: path.into(),
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// A place inside this one ("…total", "收入合计", "total").
    pub fn child(&self, key: &str, zh: &str, en: &str) -> Place {
        Place {
            path: format!("{}.{key}", self.path),
            zh: format!("{}·{zh}", self.zh),
            en: format!("{} · {en}", self.en),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// Stable id, e.g. `income.row_sum`.
    pub rule: String,
    pub severity: Severity,
    /// JSON path of the item in the report file.
    pub path: String,
    /// The item in words (收入表·局机关·收入合计).
    pub place_zh: String,
    pub place_en: String,
    pub message_zh: String,
    pub message_en: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub found: Option<String>,
    /// Other items the finding involves (the other expense lines holding a
    /// duplicated voucher, the other places a paragraph is repeated).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub related: Vec<String>,
}

impl Flag {
    /// Messages and places quote report text: they are cleaned here, once,
    /// so that no rule can let an escape sequence through to a terminal.
    pub fn new(rule: &str, severity: Severity, place: &Place, zh: String, en: String) -> Flag {
        use crate::text::clean;
        Flag {
            rule: rule.to_string(),
            severity,
            path: place.path.clone(),
            place_zh: clean(&place.zh),
            place_en: clean(&place.en),
            message_zh: clean(&zh),
            message_en: clean(&en),
            expected: None,
            found: None,
            related: Vec::new(),
        }
    }

    pub fn values(mut self, expected: impl ToString, found: impl ToString) -> Flag {
        self.expected = Some(crate::text::clean(&expected.to_string()));
        self.found = Some(crate::text::clean(&found.to_string()));
        self
    }

    pub fn related(mut self, paths: Vec<String>) -> Flag {
        self.related = paths;
        self
    }

    /// A key that identifies the finding independently of wording, so that a
    /// review can remember decisions about it across runs.
    pub fn key(&self) -> String {
        match &self.found {
            Some(found) => format!("{}@{}={found}", self.rule, self.path),
            None => format!("{}@{}", self.rule, self.path),
        }
    }
}

/// Thresholds, from the `[check]` table of the config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Planned vs arrived, and execution shortfall, above this % is flagged.
    pub deviation_pct: Decimal,
    /// An actual this % or more above a "≥" target: the target was too low.
    pub overshoot_pct: Decimal,
    /// A self-score at or above this counts as "full or near-full".
    pub near_full_score: Decimal,
    /// Sums may differ by this much (万元) before they are flagged.
    pub sum_tolerance: Decimal,
    /// The workspace's scoring rubric (`rubric.json`), for judging
    /// self-scores; the built-in one when None. Not a config-file key.
    #[serde(skip)]
    pub rubric: Option<crate::scoring::Rubric>,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            deviation_pct: Decimal::from(10),
            overshoot_pct: Decimal::from(30),
            near_full_score: Decimal::from(90),
            sum_tolerance: Decimal::ZERO,
            rubric: None,
        }
    }
}

/// Runs every rule on a report. Flags come sorted by severity, then in
/// report order.
pub fn check_report(report: &Report, config: &CheckConfig) -> Vec<Flag> {
    let mut flags = Vec::new();
    // The narrative, split once: three rule families read it.
    let sentences = narrative::report_sentences(report);
    arithmetic::check(report, config, &mut flags);
    cross_form::check(report, config, &mut flags);
    budget::check(report, config, &mut flags);
    narrative::check(report, config, &sentences, &mut flags);
    indicators::check(report, config, &sentences, &mut flags);
    rates::check(report, &sentences, &mut flags);
    sources::check(report, &sentences, &mut flags);
    vouchers::check(report, config, &mut flags);
    completeness::check(report, config, &mut flags);
    text_quality::check(report, config, &sentences, &mut flags);
    typos::check(report, &mut flags);
    // Score judgments weigh the other findings, so they come last.
    score::check(report, config, &mut flags);
    flags.sort_by_key(|f| f.severity);
    flags
}

/// Counts of flags by severity: (errors, warnings, infos).
pub fn counts(flags: &[Flag]) -> (usize, usize, usize) {
    flags.iter().fold((0, 0, 0), |(e, w, i), f| match f.severity {
        Severity::Error => (e + 1, w, i),
        Severity::Warning => (e, w + 1, i),
        Severity::Info => (e, w, i + 1),
    })
}

/// Formats a percentage for messages: one decimal, sign when asked.
pub fn pct(value: Decimal, signed: bool) -> String {
    // 四舍五入: half away from zero, as the forms round.
    let r = value.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if signed && r > Decimal::ZERO {
        format!("+{r:.1}%")
    } else {
        format!("{r:.1}%")
    }
}

/// Formats an amount difference with its sign.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

/// `part / whole × 100`, None when the whole is zero.
pub fn ratio_pct(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
    }
}

/// Sums optional amounts; None when all are blank (nothing was filled in).
pub fn sum_opt(parts: &[Option<Decimal>]) -> Option<Decimal> {
    let mut any = false;
    let mut total = Decimal::ZERO;
    for p in parts.iter().flatten() {
        any = true;
        total = total.checked_add(*p)?;
    }
    any.then_some(total)
}

/// Place helpers shared by the rules.
pub(crate) mod places {
    use super::Place;

    pub fn dept() -> Place {
        Place::new("department_form", "部门整体", "department form")
    }

    pub fn project(i: usize, label: &str) -> Place {
        Place::new(
            format!("project_forms[{i}]"),
            format!("项目表“{label}”"),
            format!("project form \"{label}\""),
        )
    }

    /// An indicator row of a form (`…·指标“名称”`), its name already cleaned.
    pub fn indicator(base: &Place, i: usize, name: &str) -> Place {
        index(
            base,
            "indicators",
            i,
            &format!("指标“{name}”"),
            &format!("indicator \"{name}\""),
        )
    }

    pub fn index(base: &Place, key: &str, i: usize, zh: &str, en: &str) -> Place {
        Place {
            path: format!("{}.{key}[{i}]", base.path),
            zh: format!("{}·{zh}", base.zh),
            en: format!("{} · {en}", base.en),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amount::dec;

    #[test]
    fn helpers() {
        assert_eq!(pct(dec("22.1925"), true), "+22.2%");
        assert_eq!(pct(dec("-3.04"), true), "-3.0%");
        assert_eq!(pct(dec("20"), true), "+20.0%");
        assert_eq!(pct(dec("22.25"), false), "22.3%");
        assert_eq!(signed(dec("232.79")), "+232.79");
        assert_eq!(ratio_pct(dec("1"), Decimal::ZERO), None);
        assert_eq!(sum_opt(&[None, None]), None);
        assert_eq!(sum_opt(&[Some(dec("1.5")), None, Some(dec("2"))]), Some(dec("3.5")));
    }
}
