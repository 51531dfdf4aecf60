//! Reviews: what the auditor produces — notes on items, decisions on
//! findings, review scores, the finance section's opinion — and an
//! append-only history of every change, so the review can be audited too.
//!
//! A review lives in `reviews/<report-id>.review.json` in the workspace. Every
//! change is one [`Change`]: applying it records who, when, what, old → new
//! in the history; its inverse is a change too, so undo and redo are just
//! more history.

pub mod diff;
pub mod lock;
pub mod session;
pub mod store;
pub mod summary;

use crate::checks::Flag;
use crate::model::amount;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub const REVIEW_FORMAT: u32 = 1;

/// The state of a report's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 审核中.
    #[default]
    InProgress,
    /// 已完成.
    Done,
}

impl Status {
    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(self) -> &'static crate::labels::L {
        match self {
            Status::InProgress => &crate::labels::STATUS_IN_PROGRESS,
            Status::Done => &crate::labels::STATUS_DONE,
        }
    }

    pub fn zh(self) -> &'static str {
        self.label().zh
    }
    pub fn en(self) -> &'static str {
        self.label().en
    }
}

/// The finance section's conclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conclusion {
    /// 认可.
    Approved,
    /// 基本认可.
    MostlyApproved,
    /// 不认可.
    NotApproved,
    /// 退回修改.
    Returned,
}

impl Conclusion {
    pub const ALL: [Conclusion; 4] = [
        Conclusion::Approved,
        Conclusion::MostlyApproved,
        Conclusion::NotApproved,
        Conclusion::Returned,
    ];
    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(self) -> &'static crate::labels::L {
        match self {
            Conclusion::Approved => &crate::labels::CONCLUSION_APPROVED,
            Conclusion::MostlyApproved => &crate::labels::CONCLUSION_MOSTLY_APPROVED,
            Conclusion::NotApproved => &crate::labels::CONCLUSION_NOT_APPROVED,
            Conclusion::Returned => &crate::labels::CONCLUSION_RETURNED,
        }
    }

    pub fn zh(self) -> &'static str {
        self.label().zh
    }
    pub fn en(self) -> &'static str {
        self.label().en
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// The item: a JSON path of the report (`project_forms[0].funds.arrived.total`),
    /// a finding's key, a voucher (`voucher:5月19#`), or `report` for the whole.
    pub target: String,
    pub text: String,
    pub author: String,
    pub time: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Confirmed,
    Dismissed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagDecision {
    /// The finding's key ([`Flag::key`]).
    pub flag: String,
    pub rule: String,
    pub path: String,
    pub decision: Decision,
    /// Required for a dismissal.
    #[serde(default)]
    pub reason: Option<String>,
    pub author: String,
    pub time: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreEntry {
    /// The scoring line's id ([`crate::scoring::ScoreLine::id`]).
    pub item: String,
    pub label: String,
    #[serde(with = "amount::req")]
    pub weight: Decimal,
    #[serde(default, with = "amount::opt")]
    pub suggested: Option<Decimal>,
    #[serde(with = "amount::req")]
    pub score: Decimal,
    /// Required when the score differs from the suggestion.
    #[serde(default)]
    pub reason: Option<String>,
    pub author: String,
    pub time: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    #[serde(default)]
    pub conclusion: Option<Conclusion>,
    /// 财政部门归口业务科室意见.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub time: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    pub seq: u64,
    pub time: String,
    pub who: String,
    /// `annotation`, `decision`, `score`, `opinion`, `status`, `rebase`.
    pub what: String,
    pub target: String,
    #[serde(default)]
    pub old: serde_json::Value,
    #[serde(default)]
    pub new: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub fuhe_review: u32,
    pub report_id: String,
    /// The report file, relative to the workspace.
    pub report_file: String,
    /// SHA-256 of the report file as reviewed.
    pub report_sha256: String,
    pub reviewer: String,
    pub created: String,
    pub updated: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    #[serde(default)]
    pub flag_decisions: Vec<FlagDecision>,
    #[serde(default)]
    pub scores: Vec<ScoreEntry>,
    #[serde(default)]
    pub opinion: Opinion,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

/// One change to a review. Each carries the old and the new value, so that
/// it can be recorded and inverted.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Annotation {
        target: String,
        old: Option<Annotation>,
        new: Option<Annotation>,
    },
    Decision {
        flag: String,
        old: Option<FlagDecision>,
        new: Option<FlagDecision>,
    },
    Score {
        item: String,
        old: Option<ScoreEntry>,
        new: Option<ScoreEntry>,
    },
    Opinion {
        old: Opinion,
        new: Opinion,
    },
    Status {
        old: Status,
        new: Status,
    },
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self.clone() {
            Change::Annotation { target, old, new } => Change::Annotation {
                target,
                old: new,
                new: old,
            },
            Change::Decision { flag, old, new } => Change::Decision {
                flag,
                old: new,
                new: old,
            },
            Change::Score { item, old, new } => Change::Score {
                item,
                old: new,
                new: old,
            },
            Change::Opinion { old, new } => Change::Opinion { old: new, new: old },
            Change::Status { old, new } => Change::Status { old: new, new: old },
        }
    }

    fn describe(&self) -> (&'static str, String, serde_json::Value, serde_json::Value) {
        fn j<T: Serialize>(v: &T) -> serde_json::Value {
            serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
        }
        match self {
            Change::Annotation { target, old, new } => ("annotation", target.clone(), j(old), j(new)),
            Change::Decision { flag, old, new } => ("decision", flag.clone(), j(old), j(new)),
            Change::Score { item, old, new } => ("score", item.clone(), j(old), j(new)),
            Change::Opinion { old, new } => ("opinion", "opinion".into(), j(old), j(new)),
            Change::Status { old, new } => ("status", "status".into(), j(old), j(new)),
        }
    }
}

/// Now, for storing in a review (RFC 3339 with the local offset; see [`crate::clock`]).
pub fn now() -> String {
    crate::clock::now()
}

/// The reviewer's name when none is configured: the login name.
pub fn login_name() -> String {
    login_name_from(|v| std::env::var(v).ok())
}

fn login_name_from(env: impl Fn(&str) -> Option<String>) -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| env(v).filter(|s| !s.trim().is_empty()))
        // Cron jobs, systemd services and `env -i` run without $USER: the
        // account's name from the system's user database.
        .or_else(|| whoami::username().ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

impl Review {
    pub fn new(report_id: &str, report_file: &str, report_sha256: &str, reviewer: &str) -> Review {
        let t = now();
        Review {
            fuhe_review: REVIEW_FORMAT,
            report_id: report_id.into(),
            report_file: report_file.into(),
            report_sha256: report_sha256.into(),
            reviewer: reviewer.into(),
            created: t.clone(),
            updated: t,
            status: Status::InProgress,
            annotations: Vec::new(),
            flag_decisions: Vec::new(),
            scores: Vec::new(),
            opinion: Opinion::default(),
            history: Vec::new(),
        }
    }

    /// Applies a change and records it in the history.
    pub fn apply(&mut self, change: &Change, who: &str) {
        fn put<T: Clone>(list: &mut Vec<T>, key: impl Fn(&T) -> bool, new: &Option<T>) {
            match (list.iter().position(&key), new) {
                (Some(i), Some(n)) => list[i] = n.clone(),
                (Some(i), None) => {
                    list.remove(i);
                }
                (None, Some(n)) => list.push(n.clone()),
                (None, None) => {}
            }
        }
        match change {
            Change::Annotation { target, new, .. } => put(&mut self.annotations, |a| &a.target == target, new),
            Change::Decision { flag, new, .. } => put(&mut self.flag_decisions, |d| &d.flag == flag, new),
            Change::Score { item, new, .. } => put(&mut self.scores, |s| &s.item == item, new),
            Change::Opinion { new, .. } => self.opinion = new.clone(),
            Change::Status { new, .. } => self.status = *new,
        }
        let (what, target, old, new) = change.describe();
        let t = now();
        self.history.push(HistoryEntry {
            seq: self.history.last().map_or(1, |h| h.seq + 1),
            time: t.clone(),
            who: who.into(),
            what: what.into(),
            target,
            old,
            new,
        });
        self.updated = t;
    }

    pub fn annotation(&self, target: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.target == target)
    }

    pub fn decision(&self, flag: &Flag) -> Option<&FlagDecision> {
        let key = flag.key();
        self.flag_decisions.iter().find(|d| d.flag == key)
    }

    /// When the review was last marked done (from its history), while it
    /// is done.
    pub fn completed(&self) -> Option<&str> {
        if self.status != Status::Done {
            return None;
        }
        self.history
            .iter()
            .rev()
            .find(|h| h.what == "status" && h.new == serde_json::json!("done"))
            .map(|h| h.time.as_str())
            .or(Some(self.updated.as_str()))
    }

    pub fn score(&self, item: &str) -> Option<&ScoreEntry> {
        self.scores.iter().find(|s| s.item == item)
    }

    /// Error findings neither confirmed nor dismissed, and all undecided.
    pub fn undecided(&self, flags: &[Flag]) -> (usize, usize) {
        let open: Vec<&Flag> = flags.iter().filter(|f| self.decision(f).is_none()).collect();
        (
            open.iter()
                .filter(|f| f.severity == crate::checks::Severity::Error)
                .count(),
            open.len(),
        )
    }

    /// Why the review cannot be marked done yet (empty: it can).
    pub fn missing_for_done(&self, flags: &[Flag], lines: &[crate::scoring::ScoreLine]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.opinion.conclusion.is_none() {
            out.push((
                "未选择结论（认可 / 基本认可 / 不认可 / 退回修改）".into(),
                "no conclusion chosen".into(),
            ));
        }
        if self.opinion.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
            out.push((
                "未填写财政部门归口业务科室意见".into(),
                "the opinion text is empty".into(),
            ));
        }
        let (errors, _) = self.undecided(flags);
        if errors > 0 {
            out.push((
                format!("{errors}个错误尚未确认或不采纳"),
                format!("{errors} errors are neither confirmed nor dismissed"),
            ));
        }
        let unscored = lines
            .iter()
            .filter(|l| l.suggested.is_none() && self.score(&l.id).is_none())
            .count();
        if unscored > 0 {
            out.push((
                format!("{unscored}个需判断的评分项尚未评分"),
                format!("{unscored} scoring items need the auditor's score"),
            ));
        }
        out
    }
}

/// The findings as the auditor has decided them, for scoring: an error set
/// aside no longer counts (it becomes information), a warning the auditor
/// confirmed counts as an error. Only what is certain — or confirmed —
/// takes points off.
pub fn decided_flags(flags: &[Flag], review: Option<&Review>) -> Vec<Flag> {
    let Some(review) = review else {
        return flags.to_vec();
    };
    flags
        .iter()
        .map(|f| {
            let key = f.key();
            let decision = review
                .flag_decisions
                .iter()
                .rev()
                .find(|d| d.flag == key)
                .map(|d| d.decision);
            let mut f = f.clone();
            match decision {
                Some(Decision::Confirmed) => f.severity = crate::checks::Severity::Error,
                Some(Decision::Dismissed) if f.severity == crate::checks::Severity::Error => {
                    f.severity = crate::checks::Severity::Info
                }
                _ => {}
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_user_variables_the_reviewer_is_the_system_account() {
        assert_eq!(
            login_name_from(|v| (v == "LOGNAME").then(|| "张三".to_string())),
            "张三"
        );
        let from_system = login_name_from(|_| None);
        assert_ne!(from_system, "unknown");
        assert_eq!(from_system, whoami::username().unwrap());
    }

    fn note(target: &str, text: &str) -> Annotation {
        Annotation {
            target: target.into(),
            text: text.into(),
            author: "张三".into(),
            time: now(),
        }
    }

    #[test]
    fn changes_are_recorded_and_invertible() {
        let mut r = Review::new("x", "reports/x.json", "abc", "张三");
        let c = Change::Annotation {
            target: "report".into(),
            old: None,
            new: Some(note("report", "请补充附件")),
        };
        r.apply(&c, "张三");
        assert_eq!(r.annotation("report").unwrap().text, "请补充附件");
        r.apply(&c.inverse(), "张三");
        assert!(r.annotation("report").is_none());
        assert_eq!(r.history.len(), 2, "undo is history too");
        assert_eq!(r.history[0].what, "annotation");
        assert_eq!(r.history[1].old["text"], "请补充附件");
        assert_eq!(r.history[1].seq, 2);
    }

    #[test]
    fn round_trips_through_json() {
        let mut r = Review::new("x", "reports/x.json", "abc", "张三");
        r.apply(
            &Change::Score {
                item: "project_forms[0]#budget_execution".into(),
                old: None,
                new: Some(ScoreEntry {
                    item: "project_forms[0]#budget_execution".into(),
                    label: "预算执行率".into(),
                    weight: Decimal::from(10),
                    suggested: Some(Decimal::from(10)),
                    score: Decimal::new(85, 1),
                    reason: Some("到位资金超计划22%".into()),
                    author: "张三".into(),
                    time: now(),
                }),
            },
            "张三",
        );
        r.apply(
            &Change::Status {
                old: Status::InProgress,
                new: Status::Done,
            },
            "张三",
        );
        let json = serde_json::to_string_pretty(&r).unwrap();
        assert!(json.contains("\"score\": \"8.5\""), "amounts as strings: {json}");
        let back: Review = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }
}
