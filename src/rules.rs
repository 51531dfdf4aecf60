//! The rule registry: every rule fuhe has, with its id, family, severity,
//! Chinese title and what it checks. A finding can only be made from a rule
//! here ([`crate::finding::Flag::new`] takes a [`Rule`]), and the README's
//! rule table is generated from this list — `tests/rules.rs` fails when the
//! two drift apart — so the documentation can never lag behind the code.
//!
//! The message of each finding is written where the rule finds it (it
//! quotes the figures and sentences it read); the registry holds what is
//! true of every finding of the rule.

use crate::finding::Severity;

/// A rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, as in review files, JSON output and the config.
    pub id: &'static str,
    pub family: Family,
    /// The severity its findings usually have; [`Rule::severity_note`] says
    /// when a finding gets another (a rule that reads prose is an error only
    /// when certain).
    pub severity: Severity,
    pub severity_note: &'static str,
    /// A short name for lists and the help (收入表行合计).
    pub title_zh: &'static str,
    /// What it checks and why, as the README's table says it.
    pub checks: &'static str,
}

/// Where a rule lives (`src/checks/<family>.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Arithmetic,
    CrossForm,
    Budget,
    Narrative,
    Indicators,
    Score,
    Vouchers,
    Completeness,
    Text,
}

impl Family {
    pub fn zh(self) -> &'static str {
        match self {
            Family::Arithmetic => "表内勾稽",
            Family::CrossForm => "表间核对",
            Family::Budget => "预算执行",
            Family::Narrative => "文字与表格",
            Family::Indicators => "绩效指标",
            Family::Score => "自评分",
            Family::Vouchers => "会计凭证",
            Family::Completeness => "填报完整性",
            Family::Text => "文字质量",
        }
    }
}

/// The rule with this id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// The README's rule table (Markdown): one row per group of rules that share
/// their severity and description, in the order of [`ALL`].
pub fn readme_table() -> String {
    let mut out = String::from("| rule | severity | what it checks |\n|---|---|---|\n");
    let mut i = 0;
    while i < ALL.len() {
        let r = ALL[i];
        let mut ids = vec![format!("`{}`", r.id)];
        let mut j = i + 1;
        while j < ALL.len() && ALL[j].severity_note == r.severity_note && ALL[j].checks == r.checks {
            ids.push(format!("`{}`", ALL[j].id));
            j += 1;
        }
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            ids.join(", "),
            r.severity_note,
            r.checks
        ));
        i = j;
    }
    out
}

/// What the rules of one row of the README's table share.
const INCOME_ROW_SUM_AND_OTHERS: (&str, &str) = (
    "error (warning if the total is blank)",
    "each row's total = its parts (收入合计 = 五项来源; 支出合计 = 基本 + 项目; 基本 = 人员 + 公用; 三公合计; 固定资产合计); a blank part counts as 0, as forms leave zero cells blank",
);

pub const INCOME_ROW_SUM: Rule = Rule {
    id: "income.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "收入表行合计",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
};

pub const EXPENDITURE_ROW_SUM: Rule = Rule {
    id: "expenditure.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "支出表行合计",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
};

pub const EXPENDITURE_BASIC_SUM: Rule = Rule {
    id: "expenditure.basic_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "基本支出=人员+公用",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
};

pub const THREE_PUBLIC_ROW_SUM: Rule = Rule {
    id: "three_public.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "三公经费行合计",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
};

pub const FIXED_ASSETS_ROW_SUM: Rule = Rule {
    id: "fixed_assets.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "固定资产行合计",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
};

/// What the rules of one row of the README's table share.
const INCOME_SUMMARY_SUM_AND_OTHERS: (&str, &str) = (
    "error",
    "the summary row = the sum of the institution rows, column by column",
);

pub const INCOME_SUMMARY_SUM: Rule = Rule {
    id: "income.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "收入表汇总行",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
};

pub const EXPENDITURE_SUMMARY_SUM: Rule = Rule {
    id: "expenditure.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "支出表汇总行",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
};

pub const THREE_PUBLIC_SUMMARY_SUM: Rule = Rule {
    id: "three_public.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "三公经费汇总行",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
};

pub const FIXED_ASSETS_SUMMARY_SUM: Rule = Rule {
    id: "fixed_assets.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "固定资产汇总行",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
};

pub const EXPENDITURE_BALANCE: Rule = Rule {
    id: "expenditure.balance",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "当年结余",
    checks: "当年结余 = 收入合计 − 支出合计, or the same without 上年结转 (both definitions are in use; either settles it)",
};

/// What the rules of one row of the README's table share.
const FUNDS_SOURCE_SUM_AND_OTHERS: (&str, &str) = (
    "error",
    "each funds measure = sum of its sources; 结余 = 到位 − 支出 (total, and each source where both are filled in)",
);

pub const FUNDS_SOURCE_SUM: Rule = Rule {
    id: "funds.source_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: FUNDS_SOURCE_SUM_AND_OTHERS.0,
    title_zh: "资金来源合计",
    checks: FUNDS_SOURCE_SUM_AND_OTHERS.1,
};

pub const FUNDS_BALANCE: Rule = Rule {
    id: "funds.balance",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: FUNDS_SOURCE_SUM_AND_OTHERS.0,
    title_zh: "资金结余",
    checks: FUNDS_SOURCE_SUM_AND_OTHERS.1,
};

/// What the rules of one row of the README's table share.
const EXPENSES_SUM_AND_OTHERS: (&str, &str) = ("error", "the expense lines add up to 支出合计, which equals 实际支出");

pub const EXPENSES_SUM: Rule = Rule {
    id: "expenses.sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: EXPENSES_SUM_AND_OTHERS.0,
    title_zh: "支出明细合计",
    checks: EXPENSES_SUM_AND_OTHERS.1,
};

pub const EXPENSES_TOTAL_VS_SPENT: Rule = Rule {
    id: "expenses.total_vs_spent",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: EXPENSES_SUM_AND_OTHERS.0,
    title_zh: "支出合计与实际支出",
    checks: EXPENSES_SUM_AND_OTHERS.1,
};

pub const CROSS_PROJECT_SPENDING: Rule = Rule {
    id: "cross.project_spending",
    family: Family::CrossForm,
    severity: Severity::Error,
    severity_note: "error when the project forms spent more than the department's 项目支出 (warning if a project form spans other years); info when less (only key projects get a form)",
    title_zh: "项目支出与项目表",
    checks: "the department's 项目支出 against the project forms' spending",
};

pub const CROSS_SAME_MEASURE: Rule = Rule {
    id: "cross.same_measure",
    family: Family::CrossForm,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "两表同一指标",
    checks: "a measure in both forms with a different target or value — compared by number, unit and direction (`培训场次≥12场` = `≥12场`); a department count or amount that holds a project's (`≥15场` over a project's `≥8场`) is no contradiction; a department measure several projects share is compared with their sum",
};

pub const CROSS_LIKELY_SAME_MEASURE: Rule = Rule {
    id: "cross.likely_same_measure",
    family: Family::CrossForm,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "两表疑似同一指标",
    checks: "two differently named counts where one form's target is the other's actual (全年办件总量 10000件 / 全年行政许可事项 9000 → 10000): a question whether they measure the same thing",
};

/// What the rules of one row of the README's table share.
const BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS: (&str, &str) = (
    "warning",
    "planned vs arrived and spent vs arrived beyond the threshold (10 %); the message quotes the narrative's explanation (a sentence about money with 调整, 追加, 未到位 …) or says there is none",
);

pub const BUDGET_PLANNED_VS_ARRIVED: Rule = Rule {
    id: "budget.planned_vs_arrived",
    family: Family::Budget,
    severity: Severity::Warning,
    severity_note: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.0,
    title_zh: "计划与到位偏差",
    checks: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.1,
};

pub const BUDGET_EXECUTION_RATE: Rule = Rule {
    id: "budget.execution_rate",
    family: Family::Budget,
    severity: Severity::Warning,
    severity_note: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.0,
    title_zh: "预算执行率",
    checks: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.1,
};

pub const BUDGET_OVERSPEND: Rule = Rule {
    id: "budget.overspend",
    family: Family::Budget,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "超支",
    checks: "spent more than arrived",
};

pub const NARRATIVE_AMOUNT: Rule = Rule {
    id: "narrative.amount",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error when certain, else warning",
    title_zh: "文字金额与表格",
    checks: "an amount in the narrative (人员经费, 项目支出, 财政拨款, 三公, a project's own spending …) that differs from the table; see *How far to trust a finding*",
};

pub const NARRATIVE_SHARE: Rule = Rule {
    id: "narrative.share",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error in the department's narrative when the clause is about the whole department and names no project or aside, else warning",
    title_zh: "文字占比",
    checks: "a stated share (占总支出的81.4%) off by more than rounding",
};

pub const NARRATIVE_FUNDING_SPLIT: Rule = Rule {
    id: "narrative.funding_split",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error when the report has one project form and the split adds up to its money, else warning",
    title_zh: "文字资金构成",
    checks: "a funding split of project money that the funds table does not show",
};

pub const NARRATIVE_STAFF: Rule = Rule {
    id: "narrative.staff",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "文字人数与编制",
    checks: "the department's head counts in its narrative (编制人数, 实有/在岗人数) vs 人员编制 / 实有人数; a unit's counts are never compared",
};

/// What the rules of one row of the README's table share.
const INDICATOR_TARGET_MISSING_AND_OTHERS: (&str, &str) =
    ("warning", "no target, or text where a number belongs (推行一窗通取)");

pub const INDICATOR_TARGET_MISSING: Rule = Rule {
    id: "indicator.target_missing",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: INDICATOR_TARGET_MISSING_AND_OTHERS.0,
    title_zh: "缺少指标值",
    checks: INDICATOR_TARGET_MISSING_AND_OTHERS.1,
};

pub const INDICATOR_QUALITATIVE_TARGET: Rule = Rule {
    id: "indicator.qualitative_target",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: INDICATOR_TARGET_MISSING_AND_OTHERS.0,
    title_zh: "指标值非数值",
    checks: INDICATOR_TARGET_MISSING_AND_OTHERS.1,
};

pub const INDICATOR_RATE_CEILING: Rule = Rule {
    id: "indicator.rate_ceiling",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "比率目标≥100%",
    checks: "a rate targeted at ≥100 % (cannot be exceeded)",
};

pub const INDICATOR_IMPOSSIBLE_TARGET: Rule = Rule {
    id: "indicator.impossible_target",
    family: Family::Indicators,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "不可能的目标",
    checks: "a 下降率 / 减少率 of ≥100 % (not a 完成率 of a reduction)",
};

pub const INDICATOR_ACTUAL_MISSING: Rule = Rule {
    id: "indicator.actual_missing",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "缺少实际值",
    checks: "no actual value (with the narrative's figure, when it states one)",
};

/// What the rules of one row of the README's table share.
const INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS: (&str, &str) = (
    "warning",
    "an actual like \"≥100%\", or text, instead of a measured value",
);

pub const INDICATOR_ACTUAL_RESTATES_TARGET: Rule = Rule {
    id: "indicator.actual_restates_target",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS.0,
    title_zh: "实际值照抄目标",
    checks: INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS.1,
};

pub const INDICATOR_ACTUAL_UNMEASURABLE: Rule = Rule {
    id: "indicator.actual_unmeasurable",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS.0,
    title_zh: "实际值无法衡量",
    checks: INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS.1,
};

pub const INDICATOR_BELOW_TARGET: Rule = Rule {
    id: "indicator.below_target",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "未达目标",
    checks: "actual below target (above, for reverse indicators such as costs and delays); a completion date after a deadline (`2024年10月底前` / `2024年11月20日`)",
};

pub const INDICATOR_TARGET_TOO_LOW: Rule = Rule {
    id: "indicator.target_too_low",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "目标偏低",
    checks: "actual 30 % or more above target",
};

pub const INDICATOR_NARRATIVE_CONTRADICTION: Rule = Rule {
    id: "indicator.narrative_contradiction",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "文字与实际值矛盾",
    checks: "the narrative states another figure for a measured actual; or measures a rate below the claimed actual — stated (`覆盖率95.45%` against `≥100%`) or from counts (`收到630件，已办结504件` → 80 % against a 办结率 of 100 %)",
};

/// What the rules of one row of the README's table share.
const SCORE_OUT_OF_RANGE_AND_OTHERS: (&str, &str) = (
    "error",
    "self-score outside 0–100; grade not matching 优 ≥90 / 良 ≥80 / 中 ≥60 / 差",
);

pub const SCORE_OUT_OF_RANGE: Rule = Rule {
    id: "score.out_of_range",
    family: Family::Score,
    severity: Severity::Error,
    severity_note: SCORE_OUT_OF_RANGE_AND_OTHERS.0,
    title_zh: "自评分超出范围",
    checks: SCORE_OUT_OF_RANGE_AND_OTHERS.1,
};

pub const SCORE_GRADE_MISMATCH: Rule = Rule {
    id: "score.grade_mismatch",
    family: Family::Score,
    severity: Severity::Error,
    severity_note: SCORE_OUT_OF_RANGE_AND_OTHERS.0,
    title_zh: "等级与分数不符",
    checks: SCORE_OUT_OF_RANGE_AND_OTHERS.1,
};

pub const SCORE_GRADE_UNKNOWN: Rule = Rule {
    id: "score.grade_unknown",
    family: Family::Score,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "未知等级",
    checks: "a grade that is none of 优良中差",
};

pub const SCORE_INFLATED: Rule = Rule {
    id: "score.inflated",
    family: Family::Score,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "自评分偏高",
    checks: "a self-score ≥ 90 (`near_full_score`) with missed or unmeasured indicators or errors, above what the form's evidence supports by the scoring rubric (items only the auditor can judge counted at full weight, so the figure is an upper bound)",
};

pub const VOUCHER_DUPLICATE: Rule = Rule {
    id: "voucher.duplicate",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "凭证重复入账",
    checks: "the same voucher under two or more expense lines (all listed)",
};

pub const VOUCHER_DUPLICATE_IN_LINE: Rule = Rule {
    id: "voucher.duplicate_in_line",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "同一明细凭证重复",
    checks: "a voucher listed twice in one line",
};

/// What the rules of one row of the README's table share.
const VOUCHER_UNREADABLE_AND_OTHERS: (&str, &str) =
    ("warning", "tokens that cannot be counted (`01-25#`, `13月`, `9-3#`)");

pub const VOUCHER_UNREADABLE: Rule = Rule {
    id: "voucher.unreadable",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: VOUCHER_UNREADABLE_AND_OTHERS.0,
    title_zh: "凭证号无法识别",
    checks: VOUCHER_UNREADABLE_AND_OTHERS.1,
};

pub const VOUCHER_MONTH_OUT_OF_RANGE: Rule = Rule {
    id: "voucher.month_out_of_range",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: VOUCHER_UNREADABLE_AND_OTHERS.0,
    title_zh: "凭证月份错误",
    checks: VOUCHER_UNREADABLE_AND_OTHERS.1,
};

pub const VOUCHER_ODD_FORMAT: Rule = Rule {
    id: "voucher.odd_format",
    family: Family::Vouchers,
    severity: Severity::Info,
    severity_note: "info",
    title_zh: "凭证号格式不规范",
    checks: "odd but clear tokens (`3月 11#`, `10#/21#`)",
};

pub const VOUCHER_MISSING: Rule = Rule {
    id: "voucher.missing",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "缺少凭证号",
    checks: "an expense line with an amount and no vouchers",
};

pub const VOUCHER_TOO_MANY: Rule = Rule {
    id: "voucher.too_many",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "凭证号过多",
    checks: "a report whose expense lines list 100,000 vouchers or more (a real one lists a few hundred; `1月1-999#` on thousands of lines): it is not checked for duplicates, so that one file cannot hold a shared server for minutes",
};

/// What the rules of one row of the README's table share.
const COMPLETENESS_BLANK_AND_OTHERS: (&str, &str) = (
    "warning",
    "blank required fields (a project's 联系电话, 项目地址, 邮编 among them), unsigned evaluators, sign-off blocks without signature, date or opinion (the 财政 block is the auditor's and never flagged)",
);

pub const COMPLETENESS_BLANK: Rule = Rule {
    id: "completeness.blank",
    family: Family::Completeness,
    severity: Severity::Warning,
    severity_note: COMPLETENESS_BLANK_AND_OTHERS.0,
    title_zh: "必填项空白",
    checks: COMPLETENESS_BLANK_AND_OTHERS.1,
};

pub const COMPLETENESS_UNSIGNED: Rule = Rule {
    id: "completeness.unsigned",
    family: Family::Completeness,
    severity: Severity::Warning,
    severity_note: COMPLETENESS_BLANK_AND_OTHERS.0,
    title_zh: "评价人员未签字",
    checks: COMPLETENESS_BLANK_AND_OTHERS.1,
};

pub const COMPLETENESS_SIGN_OFF: Rule = Rule {
    id: "completeness.sign_off",
    family: Family::Completeness,
    severity: Severity::Warning,
    severity_note: COMPLETENESS_BLANK_AND_OTHERS.0,
    title_zh: "审核意见栏不全",
    checks: COMPLETENESS_BLANK_AND_OTHERS.1,
};

pub const COMPLETENESS_OVER_QUOTA: Rule = Rule {
    id: "completeness.over_quota",
    family: Family::Completeness,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "实有人数超编",
    checks: "实有人数 > 人员编制",
};

pub const TEXT_TYPO: Rule = Rule {
    id: "text.typo",
    family: Family::Text,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "错别字",
    checks: "a slip in an indicator or expense-line name: one character after 率 (`通过率真`), a doubled word-end character (`经费费`), or the same name in two forms one character apart (`快检` / `块检`, levels and numbers aside)",
};

pub const TEXT_REPEATED: Rule = Rule {
    id: "text.repeated",
    family: Family::Text,
    severity: Severity::Info,
    severity_note: "info",
    title_zh: "重复段落",
    checks: "the same long sentence repeated in the narrative",
};

pub const TEXT_FOREIGN_ACTIVITY: Rule = Rule {
    id: "text.foreign_activity",
    family: Family::Text,
    severity: Severity::Info,
    severity_note: "info",
    title_zh: "与职能无关的内容",
    checks: "the narrative describes another kind of unit's business (投标人, 评审专家 … in a unit whose duties never mention them)",
};

/// Every rule, in the order of the README's table.
pub const ALL: &[&Rule] = &[
    &INCOME_ROW_SUM,
    &EXPENDITURE_ROW_SUM,
    &EXPENDITURE_BASIC_SUM,
    &THREE_PUBLIC_ROW_SUM,
    &FIXED_ASSETS_ROW_SUM,
    &INCOME_SUMMARY_SUM,
    &EXPENDITURE_SUMMARY_SUM,
    &THREE_PUBLIC_SUMMARY_SUM,
    &FIXED_ASSETS_SUMMARY_SUM,
    &EXPENDITURE_BALANCE,
    &FUNDS_SOURCE_SUM,
    &FUNDS_BALANCE,
    &EXPENSES_SUM,
    &EXPENSES_TOTAL_VS_SPENT,
    &CROSS_PROJECT_SPENDING,
    &CROSS_SAME_MEASURE,
    &CROSS_LIKELY_SAME_MEASURE,
    &BUDGET_PLANNED_VS_ARRIVED,
    &BUDGET_EXECUTION_RATE,
    &BUDGET_OVERSPEND,
    &NARRATIVE_AMOUNT,
    &NARRATIVE_SHARE,
    &NARRATIVE_FUNDING_SPLIT,
    &NARRATIVE_STAFF,
    &INDICATOR_TARGET_MISSING,
    &INDICATOR_QUALITATIVE_TARGET,
    &INDICATOR_RATE_CEILING,
    &INDICATOR_IMPOSSIBLE_TARGET,
    &INDICATOR_ACTUAL_MISSING,
    &INDICATOR_ACTUAL_RESTATES_TARGET,
    &INDICATOR_ACTUAL_UNMEASURABLE,
    &INDICATOR_BELOW_TARGET,
    &INDICATOR_TARGET_TOO_LOW,
    &INDICATOR_NARRATIVE_CONTRADICTION,
    &SCORE_OUT_OF_RANGE,
    &SCORE_GRADE_MISMATCH,
    &SCORE_GRADE_UNKNOWN,
    &SCORE_INFLATED,
    &VOUCHER_DUPLICATE,
    &VOUCHER_DUPLICATE_IN_LINE,
    &VOUCHER_UNREADABLE,
    &VOUCHER_MONTH_OUT_OF_RANGE,
    &VOUCHER_ODD_FORMAT,
    &VOUCHER_MISSING,
    &VOUCHER_TOO_MANY,
    &COMPLETENESS_BLANK,
    &COMPLETENESS_UNSIGNED,
    &COMPLETENESS_SIGN_OFF,
    &COMPLETENESS_OVER_QUOTA,
    &TEXT_TYPO,
    &TEXT_REPEATED,
    &TEXT_FOREIGN_ACTIVITY,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        let mut ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        assert_eq!(by_id("voucher.duplicate"), Some(&VOUCHER_DUPLICATE));
        assert_eq!(by_id("no.such_rule"), None);
    }
}
