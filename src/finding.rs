//! A finding: what a rule says about one item of a report, with the item's
//! JSON path so that the interface can point at it and a review can
//! remember the auditor's decision about it. Checks make findings; scoring,
//! reviews and exports read them, so the type lives apart from all three.

use serde::{Deserialize, Serialize};

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
    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(self) -> &'static crate::labels::L {
        match self {
            Severity::Error => &crate::labels::SEVERITY_ERROR,
            Severity::Warning => &crate::labels::SEVERITY_WARNING,
            Severity::Info => &crate::labels::SEVERITY_INFO,
        }
    }

    pub fn zh(self) -> &'static str {
        self.label().zh
    }
    pub fn en(self) -> &'static str {
        self.label().en
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
    pub fn new(rule: &crate::rules::Rule, severity: Severity, place: &Place, zh: String, en: String) -> Flag {
        use crate::text::clean;
        Flag {
            rule: rule.id.to_string(),
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

    /// A finding that says the rule's one message, its holes filled from
    /// `values` (a `quoting![…]` list).
    pub fn said(
        rule: &crate::rules::Rule,
        severity: Severity,
        place: &Place,
        values: &[(&str, &dyn std::fmt::Display)],
    ) -> Flag {
        debug_assert_eq!(
            rule.messages.len(),
            1,
            "rule {} has several messages: name one",
            rule.id
        );
        Flag::said_as(rule, &rule.messages[0], severity, place, values)
    }

    /// A finding that says `message`, one of the rule's named messages.
    pub fn said_as(
        rule: &crate::rules::Rule,
        message: &crate::rules::Message,
        severity: Severity,
        place: &Place,
        values: &[(&str, &dyn std::fmt::Display)],
    ) -> Flag {
        debug_assert!(
            rule.messages.contains(message),
            "{:?} is not a message of rule {}",
            message.zh,
            rule.id
        );
        let (zh, en) = message.say(values);
        Flag::new(rule, severity, place, zh, en)
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

/// Counts of flags by severity: (errors, warnings, infos).
pub fn counts(flags: &[Flag]) -> (usize, usize, usize) {
    flags.iter().fold((0, 0, 0), |(e, w, i), f| match f.severity {
        Severity::Error => (e + 1, w, i),
        Severity::Warning => (e, w + 1, i),
        Severity::Info => (e, w, i + 1),
    })
}

/// The values a rule's message quotes, named as its holes are:
/// `quoting![name, total = row.total]` gives `{name}` the variable `name`
/// and `{total}` the value `row.total`.
macro_rules! quoting {
    ($($name:ident $(= $value:expr)?),* $(,)?) => {
        &[$((stringify!($name), $crate::finding::quoting!(@value $name $(, $value)?) as &dyn std::fmt::Display)),*]
    };
    (@value $name:ident) => { &$name };
    (@value $name:ident, $value:expr) => { &$value };
}
pub(crate) use quoting;
