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

pub use crate::finding::{Flag, Place, Severity, counts};
pub use crate::numbers::{pct, ratio_pct, signed, sum_opt};

pub use score::{EvidenceItem, EvidenceScore, evidence_score};
pub use vouchers::{Booking, MAX_BOOKINGS, bookings as voucher_bookings};

/// Thresholds, from the `[check]` table of the config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Planned vs arrived, and execution shortfall, above this % is flagged.
    pub deviation_pct: Decimal,
    /// An actual this % or more above a "≥" target: the target was too low.
    /// The threshold itself is the rubric's (it also sets the deduction);
    /// this key of the config file overrides it, and
    /// [`crate::settings::Settings::resolve`] moves it into the rubric, so
    /// that the checks and the scoring always use one value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overshoot_pct: Option<Decimal>,
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
            overshoot_pct: None,
            near_full_score: Decimal::from(90),
            sum_tolerance: Decimal::ZERO,
            rubric: None,
        }
    }
}

impl CheckConfig {
    /// The rubric self-scores are judged by: the workspace's, else the
    /// built-in one.
    pub fn rubric(&self) -> &crate::scoring::Rubric {
        self.rubric
            .as_ref()
            .unwrap_or_else(|| crate::scoring::Rubric::builtin_ref())
    }

    /// Puts the workspace's rubric in, with the config file's overshoot
    /// threshold (if any) in place of the rubric's.
    pub fn with_rubric(mut self, mut rubric: crate::scoring::Rubric) -> CheckConfig {
        if let Some(o) = self.overshoot_pct.take() {
            rubric.overshoot_pct = o;
        }
        self.rubric = Some(rubric);
        self
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

/// Place helpers shared by the rules.
pub(crate) mod places {
    use super::Place;

    pub fn dept() -> Place {
        Place::new(crate::item::ItemPath::department(), "部门整体", "department form")
    }

    pub fn project(i: usize, label: &str) -> Place {
        Place::new(
            crate::item::ItemPath::project(i),
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
