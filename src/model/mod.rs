//! The submitted report, as a data model.
//!
//! One report file holds one department's submission for one year: the
//! department form (部门整体支出绩效自评报告) and its project forms
//! (项目支出绩效自评表). Every field of the paper form has a place here,
//! including the ones departments leave blank: `None` / JSON `null` means
//! "not filled in", which is never the same as `0`.
//!
//! Text is kept as written. Amounts are [`Decimal`] 万元. Indicator values
//! and voucher references keep their submitted text and carry a parsed
//! meaning next to it (see [`crate::indicator`] and [`crate::voucher`]); the
//! file stores only the text, so the two can never disagree.

pub mod amount;
mod department;
mod project;

pub use department::*;
pub use project::*;

use crate::indicator::IndicatorValue;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The version of the report file format written by this build.
pub const REPORT_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Format version; files without it are read as version 1.
    #[serde(default = "default_format")]
    pub fuhe_report: u32,
    /// 部门(单位)名称, as on the cover.
    pub department: String,
    /// The budget year the report evaluates (not the year it was written).
    pub year: u16,
    pub department_form: DepartmentForm,
    #[serde(default)]
    pub project_forms: Vec<ProjectForm>,
}

fn default_format() -> u32 {
    REPORT_FORMAT
}

impl Report {
    /// Drops the narratives (综述) and the voucher strings, the bulk of a
    /// report, keeping every table, figure and name. The interface keeps
    /// thousands of reports for the list and the scores, which need neither
    /// (the voucher index is made before); a report is read again in full
    /// when it is opened.
    /// Keeps only what the list of reports and the voucher lookup show of a
    /// report not open: department, year, self-score and grade, and each
    /// project's name with its expense lines' contents and amounts. The
    /// tables and indicators (three quarters of the rest) go once the
    /// suggested score is made from them; at 10 000 reports this is the
    /// difference between 1 GB and well under it.
    pub fn keep_list_part(&mut self) {
        let form = std::mem::take(&mut self.department_form);
        self.department_form = DepartmentForm {
            self_score: form.self_score,
            grade: form.grade,
            ..Default::default()
        };
        for p in &mut self.project_forms {
            let expenses = std::mem::take(&mut p.expenses)
                .into_iter()
                .map(|e| ExpenseLine {
                    content: e.content,
                    amount: e.amount,
                    ..Default::default()
                })
                .collect();
            *p = ProjectForm {
                name: p.name.take(),
                expenses,
                ..Default::default()
            };
        }
    }

    pub fn slim_down(&mut self) {
        self.department_form.narrative = Vec::new();
        for p in &mut self.project_forms {
            p.narrative = Vec::new();
            for e in &mut p.expenses {
                e.vouchers = None;
            }
        }
    }
}

/// A quantitative indicator row (定量指标), in either form.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 一级指标: 产出目标 / 项目产出指标 / 效益目标 / 满意度 …
    #[serde(default)]
    pub level1: Option<String>,
    /// 二级指标: 数量指标 / 质量指标 / 时效指标 / 成本指标 / 社会效益 …
    #[serde(default)]
    pub level2: Option<String>,
    /// 指标内容 as written, including a "指标1：" prefix if the form has one.
    pub name: String,
    /// 指标（目标）值 / 绩效目标.
    #[serde(default)]
    pub target: Option<IndicatorValue>,
    /// 实际完成值 / 完成情况.
    #[serde(default)]
    pub actual: Option<IndicatorValue>,
    /// 分值, where the form gives one.
    #[serde(default, with = "amount::opt")]
    pub weight: Option<Decimal>,
    /// 得分, where the form gives one.
    #[serde(default, with = "amount::opt")]
    pub score: Option<Decimal>,
}

impl Indicator {
    /// The indicator's name without the form's "指标1：" numbering, for display
    /// and for matching against the narrative.
    pub fn display_name(&self) -> &str {
        strip_numbering(&self.name)
    }
}

/// Strips a leading "指标1：" / "指标 2:" label.
pub fn strip_numbering(name: &str) -> &str {
    let t = name.trim();
    if let Some(rest) = t.strip_prefix("指标") {
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        if let Some(r) = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':')) {
            return r.trim();
        }
    }
    t
}

/// 定性目标: 预期目标 and 实际完成.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    #[serde(default)]
    pub expected: Option<String>,
    #[serde(default)]
    pub achieved: Option<String>,
}

/// A row of the 评价人员 table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluator {
    #[serde(default)]
    pub name: Option<String>,
    /// 职务/职称.
    #[serde(default)]
    pub title: Option<String>,
    /// 单位.
    #[serde(default)]
    pub unit: Option<String>,
    /// 签字: in a transcription, the name as signed, or null when unsigned.
    #[serde(default)]
    pub signature: Option<String>,
}

/// A sign-off block: 评价组组长（签字）, 部门（单位）意见, 财政部门归口业务科室意见 …
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// The block's label as printed on the form.
    pub role: String,
    #[serde(default)]
    pub opinion: Option<String>,
    /// Who signed or sealed (签字 / 签章).
    #[serde(default)]
    pub signer: Option<String>,
    /// The date written in, as written ("2025年6月10日"); null when left "年 月 日".
    #[serde(default)]
    pub date: Option<String>,
}

/// 填报人（签名） and 联系电话 at the foot of a form.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilledBy {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// One section of 评价报告综述（文字部分）: its heading as written and its
/// paragraphs. Sections are kept flat and in order; the numbering in the
/// heading ("一、", "（二）") shows the nesting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NarrativeSection {
    #[serde(default)]
    pub heading: Option<String>,
    #[serde(default)]
    pub paragraphs: Vec<String>,
}

/// 评价等次, parsed from the text on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    优,
    良,
    中,
    差,
}

impl Grade {
    /// Reads the grade as departments write it (优 / 优秀 / 良好 / 合格 …).
    pub fn parse(text: &str) -> Option<Grade> {
        match text.trim() {
            "优" | "优秀" | "A" => Some(Grade::优),
            "良" | "良好" | "B" => Some(Grade::良),
            "中" | "中等" | "合格" | "一般" | "C" => Some(Grade::中),
            "差" | "较差" | "不合格" | "D" => Some(Grade::差),
            _ => None,
        }
    }

    /// A grade as written (on a form, in a rubric) in the reader's
    /// language: the four grades in English when English is asked for,
    /// anything else as written.
    pub fn shown(text: &str, lang: crate::labels::Lang) -> String {
        match (lang, Grade::parse(text)) {
            (crate::labels::Lang::En, Some(g)) => g.en().to_string(),
            _ => text.to_string(),
        }
    }

    /// Like [`Grade::shown`], in four columns at most (`exc.`), for lists.
    pub fn shown_short(text: &str, lang: crate::labels::Lang) -> String {
        match (lang, Grade::parse(text)) {
            (crate::labels::Lang::En, Some(Grade::优)) => "exc.".into(),
            _ => Grade::shown(text, lang),
        }
    }

    /// The band of 财预〔2020〕10号: 优 90–100, 良 80–<90, 中 60–<80, 差 <60.
    pub fn for_score(score: Decimal) -> Grade {
        if score >= Decimal::from(90) {
            Grade::优
        } else if score >= Decimal::from(80) {
            Grade::良
        } else if score >= Decimal::from(60) {
            Grade::中
        } else {
            Grade::差
        }
    }

    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(self) -> &'static crate::labels::L {
        match self {
            Grade::优 => &crate::labels::GRADE_EXCELLENT,
            Grade::良 => &crate::labels::GRADE_GOOD,
            Grade::中 => &crate::labels::GRADE_FAIR,
            Grade::差 => &crate::labels::GRADE_POOR,
        }
    }

    pub fn zh(self) -> &'static str {
        self.label().zh
    }

    pub fn en(self) -> &'static str {
        self.label().en
    }

    pub fn band(self) -> &'static str {
        match self {
            Grade::优 => "90–100",
            Grade::良 => "80–<90",
            Grade::中 => "60–<80",
            Grade::差 => "<60",
        }
    }
}

/// What the department form and the project forms have in common, so that
/// checks of indicators, scores and sign-offs are written once.
pub trait Form {
    fn indicators(&self) -> &[Indicator];
    fn self_score(&self) -> Option<Decimal>;
    fn grade(&self) -> Option<&str>;
    fn evaluators(&self) -> &[Evaluator];
    fn sign_offs(&self) -> &[SignOff];
    fn narrative(&self) -> &[NarrativeSection];
    fn goals(&self) -> &Goals;
    fn filled_by(&self) -> &FilledBy;
}

macro_rules! impl_form {
    ($t:ty) => {
        impl Form for $t {
            fn indicators(&self) -> &[Indicator] {
                &self.indicators
            }
            fn self_score(&self) -> Option<Decimal> {
                self.self_score
            }
            fn grade(&self) -> Option<&str> {
                self.grade.as_deref()
            }
            fn evaluators(&self) -> &[Evaluator] {
                &self.evaluators
            }
            fn sign_offs(&self) -> &[SignOff] {
                &self.sign_offs
            }
            fn narrative(&self) -> &[NarrativeSection] {
                &self.narrative
            }
            fn goals(&self) -> &Goals {
                &self.qualitative_goals
            }
            fn filled_by(&self) -> &FilledBy {
                &self.filled_by
            }
        }
    };
}
impl_form!(DepartmentForm);
impl_form!(ProjectForm);

/// True when an optional text field is missing or only white space.
pub fn is_blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_indicator_numbering() {
        assert_eq!(strip_numbering("指标1：审批合规率"), "审批合规率");
        assert_eq!(strip_numbering("指标 2: 数据共享"), "数据共享");
        assert_eq!(strip_numbering("全年行政许可事项"), "全年行政许可事项");
        assert_eq!(strip_numbering("指标体系完善度"), "指标体系完善度");
    }

    #[test]
    fn grade_bands() {
        assert_eq!(Grade::for_score(Decimal::from(90)), Grade::优);
        assert_eq!(Grade::for_score(amount::dec("89.99")), Grade::良);
        assert_eq!(Grade::for_score(Decimal::from(60)), Grade::中);
        assert_eq!(Grade::for_score(amount::dec("59.5")), Grade::差);
        assert_eq!(Grade::parse("优秀"), Some(Grade::优));
        assert_eq!(Grade::parse("甲等"), None);
    }
}
