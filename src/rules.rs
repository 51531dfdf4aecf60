//! The rule registry: every rule fuhe has, with its id, family, severity,
//! Chinese title, what it checks, and what its findings say in both
//! languages. A finding can only be made from a rule here
//! ([`crate::finding::Flag::said`] takes a [`Rule`] and says its one
//! message; [`crate::finding::Flag::said_as`] names which of several), and
//! the README's rule table is generated from this
//! list — `tests/rules.rs` fails when the two drift apart — so the
//! documentation can never lag behind the code.
//!
//! A message is a template: the check fills its `{name}` holes with the
//! figures and sentences it read (`quoting![name, total = row.total]`), so
//! every word a finding says is here, and a check holds only its judgment.

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
    pub title_en: &'static str,
    /// What it checks and why, as the README's table says it.
    pub checks: &'static str,
    /// What its findings say, in both languages: templates whose `{name}`
    /// holes the check fills with the figures and words it read
    /// ([`Message::say`]). A rule with several names each (`TARGET_MISSED`,
    /// `TARGET_MISSED_REVERSE`), and a check says which.
    pub messages: &'static [Message],
}

/// One message of a rule in both languages. `{name}` is a hole the check
/// fills; `{{` and `}}` are braces. Both languages quote the same values
/// (`tests/rules.rs` checks it); a value that is itself in words comes in
/// both, the English one named `…_en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Message {
    /// The Chinese and the English text with the holes filled from
    /// `values` (name, value).
    pub fn say(&self, values: &[(&str, &dyn std::fmt::Display)]) -> (String, String) {
        debug_assert!(
            values
                .iter()
                .all(|(n, _)| Message::holes(self.zh).contains(n) || Message::holes(self.en).contains(n)),
            "a value no template of {:?} quotes",
            self.zh
        );
        (fill(self.zh, values), fill(self.en, values))
    }

    /// The names of the holes in a template, in order, each once.
    pub fn holes(template: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            if rest[i..].starts_with("{{") {
                rest = &rest[i + 2..];
                continue;
            }
            let Some(j) = rest[i..].find('}') else { break };
            let name = &rest[i + 1..i + j];
            if !out.contains(&name) {
                out.push(name);
            }
            rest = &rest[i + j + 1..];
        }
        out
    }
}

/// A template with its holes filled. A hole with no value is left as it is
/// written (and fails the tests, which run with debug assertions).
fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        match (tail.starts_with('{'), tail.find('}')) {
            (true, Some(j)) => {
                let name = &tail[1..j];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => {
                        let _ = write!(out, "{v}");
                    }
                    None => {
                        debug_assert!(false, "no value for {{{name}}} in {template:?}");
                        out.push_str(&tail[..=j]);
                    }
                }
                rest = &tail[j + 1..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
    /// Its words, from the catalogue (`crate::labels`).
    pub fn label(self) -> &'static crate::labels::L {
        use crate::labels::*;
        match self {
            Family::Arithmetic => &FAMILY_ARITHMETIC,
            Family::CrossForm => &FAMILY_CROSS_FORM,
            Family::Budget => &FAMILY_BUDGET,
            Family::Narrative => &FAMILY_NARRATIVE,
            Family::Indicators => &FAMILY_INDICATORS,
            Family::Score => &FAMILY_SCORE,
            Family::Vouchers => &FAMILY_VOUCHERS,
            Family::Completeness => &FAMILY_COMPLETENESS,
            Family::Text => &FAMILY_TEXT,
        }
    }
}

impl Rule {
    /// Its short name in the language asked for.
    pub fn title(&self, lang: crate::labels::Lang) -> &'static str {
        lang.pick(self.title_zh, self.title_en)
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

/// The total is blank, the parts are not.
pub const ROW_SUM_BLANK_TOTAL: Message = Message {
    zh: "合计未填，但各分项已填：{parts} = {sum}。",
    en: "The total is blank although its parts are filled in: {parts_en} = {sum}.",
};

/// The parts do not add up to the total.
pub const ROW_SUM_OFF: Message = Message {
    zh: "合计{total}，但各分项之和为{sum}（{parts}），差{difference}。",
    en: "Total {total}, but the parts add up to {sum} ({parts_en}): off by {difference}.",
};

/// The messages of the rules that check a row's total against its parts
/// (`checks::arithmetic::sum_rule`).
const ROW_SUM_MESSAGES: &[Message] = &[ROW_SUM_BLANK_TOTAL, ROW_SUM_OFF];

pub const INCOME_ROW_SUM: Rule = Rule {
    id: "income.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "收入表行合计",
    title_en: "Income row total",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
    messages: ROW_SUM_MESSAGES,
};

pub const EXPENDITURE_ROW_SUM: Rule = Rule {
    id: "expenditure.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "支出表行合计",
    title_en: "Expenditure row total",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
    messages: ROW_SUM_MESSAGES,
};

pub const EXPENDITURE_BASIC_SUM: Rule = Rule {
    id: "expenditure.basic_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "基本支出=人员+公用",
    title_en: "Basic = personnel + running",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
    messages: ROW_SUM_MESSAGES,
};

pub const THREE_PUBLIC_ROW_SUM: Rule = Rule {
    id: "three_public.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "三公经费行合计",
    title_en: "Three public expenses row total",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
    messages: ROW_SUM_MESSAGES,
};

pub const FIXED_ASSETS_ROW_SUM: Rule = Rule {
    id: "fixed_assets.row_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_ROW_SUM_AND_OTHERS.0,
    title_zh: "固定资产行合计",
    title_en: "Fixed assets row total",
    checks: INCOME_ROW_SUM_AND_OTHERS.1,
    messages: ROW_SUM_MESSAGES,
};

/// What the rules of one row of the README's table share.
const INCOME_SUMMARY_SUM_AND_OTHERS: (&str, &str) = (
    "error",
    "the summary row = the sum of the institution rows, column by column",
);

/// The messages of the rules that check a summary row against the
/// institution rows (`checks::arithmetic::summary_rule`).
const SUMMARY_SUM_MESSAGES: &[Message] = &[Message {
    zh: "汇总行“{zh}”{stated}，但各机构行之和为{sum}，差{difference}。",
    en: "Summary row {key} is {stated}, but the institution rows add up to {sum}: off by {difference}.",
}];

pub const INCOME_SUMMARY_SUM: Rule = Rule {
    id: "income.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "收入表汇总行",
    title_en: "Income summary row",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
    messages: SUMMARY_SUM_MESSAGES,
};

pub const EXPENDITURE_SUMMARY_SUM: Rule = Rule {
    id: "expenditure.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "支出表汇总行",
    title_en: "Expenditure summary row",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
    messages: SUMMARY_SUM_MESSAGES,
};

pub const THREE_PUBLIC_SUMMARY_SUM: Rule = Rule {
    id: "three_public.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "三公经费汇总行",
    title_en: "Three public expenses summary row",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
    messages: SUMMARY_SUM_MESSAGES,
};

pub const FIXED_ASSETS_SUMMARY_SUM: Rule = Rule {
    id: "fixed_assets.summary_sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: INCOME_SUMMARY_SUM_AND_OTHERS.0,
    title_zh: "固定资产汇总行",
    title_en: "Fixed assets summary row",
    checks: INCOME_SUMMARY_SUM_AND_OTHERS.1,
    messages: SUMMARY_SUM_MESSAGES,
};

pub const EXPENDITURE_BALANCE: Rule = Rule {
    id: "expenditure.balance",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "当年结余",
    title_en: "Balance for the year",
    checks: "当年结余 = 收入合计 − 支出合计, or the same without 上年结转 (both definitions are in use; either settles it)",
    messages: &[Message {
        zh: "当年结余填{balance}，但收入合计{received} − 支出合计{spent} = {expected}。",
        en: "Balance for the year is {balance}, but income {received} − expenditure {spent} = {expected}.",
    }],
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
    title_en: "Funds by source",
    checks: FUNDS_SOURCE_SUM_AND_OTHERS.1,
    messages: ROW_SUM_MESSAGES,
};

pub const FUNDS_BALANCE: Rule = Rule {
    id: "funds.balance",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: FUNDS_SOURCE_SUM_AND_OTHERS.0,
    title_zh: "资金结余",
    title_en: "Funds balance",
    checks: FUNDS_SOURCE_SUM_AND_OTHERS.1,
    messages: &[Message {
        zh: "结余填{balance}，但实际到位{arrived} − 实际支出{spent} = {expected}。",
        en: "Balance is {balance}, but arrived {arrived} − spent {spent} = {expected}.",
    }],
};

/// What the rules of one row of the README's table share.
const EXPENSES_SUM_AND_OTHERS: (&str, &str) = ("error", "the expense lines add up to 支出合计, which equals 实际支出");

pub const EXPENSES_SUM: Rule = Rule {
    id: "expenses.sum",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: EXPENSES_SUM_AND_OTHERS.0,
    title_zh: "支出明细合计",
    title_en: "Expense lines total",
    checks: EXPENSES_SUM_AND_OTHERS.1,
    messages: &[Message {
        zh: "{lines}条支出明细合计{sum}，与支出合计{total}不符（差{difference}）。",
        en: "The {lines} expense lines add up to {sum}, not the stated total {total} (difference {difference}).",
    }],
};

pub const EXPENSES_TOTAL_VS_SPENT: Rule = Rule {
    id: "expenses.total_vs_spent",
    family: Family::Arithmetic,
    severity: Severity::Error,
    severity_note: EXPENSES_SUM_AND_OTHERS.0,
    title_zh: "支出合计与实际支出",
    title_en: "Expense lines against spending",
    checks: EXPENSES_SUM_AND_OTHERS.1,
    messages: &[Message {
        zh: "支出明细合计{listed}与资金表实际支出{spent}不符。",
        en: "The expense lines total {listed} but the funds table says {spent} was spent.",
    }],
};

pub const PROJECT_FORMS_SPENT_MORE: Message = Message {
    zh: "部门整体表的项目支出为{dept_project}，但{n}张项目表的实际支出合计为{sum}，多于部门项目支出（差{off}）。",
    en: "The department form gives project expenditure {dept_project}, but the {n} project form(s) spent {sum} in total, more than the department did (off by {off}).",
};

pub const PROJECT_FORMS_SPENT_LESS: Message = Message {
    zh: "部门整体表的项目支出为{dept_project}，{n}张项目表的实际支出合计为{sum}，另有{off}的项目支出未提交项目自评表（或未纳入）。",
    en: "The department form gives project expenditure {dept_project}; the {n} project form(s) cover {sum}, leaving {off} of project spending without a self-evaluation form.",
};

pub const CROSS_PROJECT_SPENDING: Rule = Rule {
    id: "cross.project_spending",
    family: Family::CrossForm,
    severity: Severity::Error,
    severity_note: "error when the project forms spent more than the department's 项目支出 (warning if a project form spans other years); info when less (only key projects get a form)",
    title_zh: "项目支出与项目表",
    title_en: "Project spending against project forms",
    checks: "the department's 项目支出 against the project forms' spending",
    messages: &[PROJECT_FORMS_SPENT_MORE, PROJECT_FORMS_SPENT_LESS],
};

pub const SAME_MEASURE_DIFFERS: Message = Message {
    zh: "同一指标在两张表中{what_zh}不同：部门整体表“{dname}”为“{a}”，项目表“{pname}”为“{b}”。",
    en: "The same measure has different {what_en}s: department form \"{dname}\" says \"{a}\", project form \"{pname}\" says \"{b}\".",
};

pub const SAME_MEASURE_PROJECTS_ADD_UP_TO: Message = Message {
    zh: "部门整体表“{dname}”目标为“{dt}”，而{count}张项目表同名指标的目标合计为{sum}{unit}（{parts}）。",
    en: "The department form targets \"{dname}\" at \"{dt}\", but the project forms' targets for it add up to {sum}{unit} ({parts}).",
};

pub const CROSS_SAME_MEASURE: Rule = Rule {
    id: "cross.same_measure",
    family: Family::CrossForm,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "两表同一指标",
    title_en: "One measure in two forms",
    checks: "a measure in both forms with a different target or value — compared by number, unit and direction (`培训场次≥12场` = `≥12场`); a department count or amount that holds a project's (`≥15场` over a project's `≥8场`) is no contradiction; a department measure several projects share is compared with their sum",
    messages: &[SAME_MEASURE_DIFFERS, SAME_MEASURE_PROJECTS_ADD_UP_TO],
};

pub const CROSS_LIKELY_SAME_MEASURE: Rule = Rule {
    id: "cross.likely_same_measure",
    family: Family::CrossForm,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "两表疑似同一指标",
    title_en: "Likely one measure in two forms",
    checks: "two differently named counts where one form's target is the other's actual (全年办件总量 10000件 / 全年行政许可事项 9000 → 10000): a question whether they measure the same thing",
    messages: &[Message {
        zh: "部门整体表“{dname}”目标“{x}”与项目表“{pname}”目标“{y}”名称不同，但数值交叉吻合（一张表的目标是另一张表的实际值），可能是同一指标却设了不同目标——请核实是否衡量同一事项。",
        en: "Department indicator \"{dname}\" (target \"{x}\") and project indicator \"{pname}\" (target \"{y}\") have different names, but one form's target is the other's actual: probably the same measure with two targets — check whether they measure the same thing.",
    }],
};

/// What the rules of one row of the README's table share.
const BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS: (&str, &str) = (
    "warning",
    "planned vs arrived and spent vs arrived beyond the threshold (10 %); the message quotes the narrative's explanation (a sentence about money with 调整, 追加, 未到位 …) or says there is none",
);

/// A deviation the narrative explains, for the auditor to judge
/// (`checks::budget::explained`).
pub const EXPLAINED: Message = Message {
    zh: "{what}叙述中的说明：“{reason}”——请判断是否充分。",
    en: "{what_en} The narrative explains: \"{reason}\" — judge whether that suffices.",
};

/// A deviation the narrative does not explain.
pub const UNEXPLAINED: Message = Message {
    zh: "{what}叙述中没有说明原因。",
    en: "{what_en} The narrative gives no reason.",
};

pub const MORE_ARRIVED: Message = Message {
    zh: "计划安排资金{planned}，实际到位{arrived}，增加{change}（{deviation}），超过{threshold}%。",
    en: "Planned {planned}, arrived {arrived}: {change_signed} ({deviation}), more than {threshold}%.",
};

/// Less arrived than planned.
pub const LESS_ARRIVED: Message = Message {
    zh: "计划安排资金{planned}，实际到位{arrived}，减少{change}（{deviation}），超过{threshold}%。",
    en: "Planned {planned}, arrived {arrived}: {change_signed} ({deviation}), more than {threshold}%.",
};

pub const BUDGET_PLANNED_VS_ARRIVED: Rule = Rule {
    id: "budget.planned_vs_arrived",
    family: Family::Budget,
    severity: Severity::Warning,
    severity_note: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.0,
    title_zh: "计划与到位偏差",
    title_en: "Planned against arrived",
    checks: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.1,
    messages: &[EXPLAINED, UNEXPLAINED, MORE_ARRIVED, LESS_ARRIVED],
};

pub const PROJECT_RATE_LOW: Message = Message {
    zh: "预算执行率{rate}（实际支出{spent} / 实际到位{arrived}），低于{floor}%，结余{unspent}。",
    en: "Execution rate {rate} (spent {spent} of {arrived} arrived), below {floor}%; {unspent} unspent.",
};

pub const DEPARTMENT_RATE_LOW: Message = Message {
    zh: "部门支出合计{exp}仅为收入合计{inc}的{rate}。",
    en: "The department spent {exp} of its {inc} income ({rate}).",
};

pub const BUDGET_EXECUTION_RATE: Rule = Rule {
    id: "budget.execution_rate",
    family: Family::Budget,
    severity: Severity::Warning,
    severity_note: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.0,
    title_zh: "预算执行率",
    title_en: "Execution rate",
    checks: BUDGET_PLANNED_VS_ARRIVED_AND_OTHERS.1,
    messages: &[EXPLAINED, UNEXPLAINED, PROJECT_RATE_LOW, DEPARTMENT_RATE_LOW],
};

pub const BUDGET_OVERSPEND: Rule = Rule {
    id: "budget.overspend",
    family: Family::Budget,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "超支",
    title_en: "Overspending",
    checks: "spent more than arrived",
    messages: &[Message {
        zh: "实际支出{spent}超过实际到位资金{arrived}（超{over}）。",
        en: "Spent {spent} is more than the {arrived} that arrived (by {over}).",
    }],
};

pub const AMOUNT_AGAINST_TABLE: Message = Message {
    zh: "叙述称“{label}{value}万元”，但{name_zh}为{table}。",
    en: "The narrative says {label} {value} 万元, but the {name_en} is {table}.",
};

pub const AMOUNT_OF_A_UNIT: Message = Message {
    zh: "叙述中“{who}”的{label}为{value}，但{base}中{who}的{zh}为{table}。",
    en: "The narrative gives {who}'s {label} as {value}, but its {en} in the table is {table}.",
};

pub const AMOUNT_BY_SOURCE: Message = Message {
    zh: "叙述称{m_zh}中“{label}{value}万元”，但资金表{m_zh}·{zh}为{table}。",
    en: "The narrative gives {value} 万元 from {en} funds ({m_key}), but the funds table says {table}.",
};

pub const NARRATIVE_AMOUNT: Rule = Rule {
    id: "narrative.amount",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error when certain, else warning",
    title_zh: "文字金额与表格",
    title_en: "Narrative amount against the tables",
    checks: "an amount in the narrative (人员经费, 项目支出, 财政拨款, 三公, a project's own spending …) that differs from the table; see *How far to trust a finding*",
    messages: &[AMOUNT_AGAINST_TABLE, AMOUNT_OF_A_UNIT, AMOUNT_BY_SOURCE],
};

pub const NARRATIVE_SHARE: Rule = Rule {
    id: "narrative.share",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error in the department's narrative when the clause is about the whole department and names no project or aside, else warning",
    title_zh: "文字占比",
    title_en: "Narrative share",
    checks: "a stated share (占总支出的81.4%) off by more than rounding",
    messages: &[Message {
        zh: "叙述称{value}万元占{base_zh}的{stated}%，但{value} / {base} = {computed}。",
        en: "The narrative gives {value} as {stated}% of the {base_en}, but {value} / {base} = {computed}.",
    }],
};

pub const NARRATIVE_FUNDING_SPLIT: Rule = Rule {
    id: "narrative.funding_split",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error when the report has one project form and the split adds up to its money, else warning",
    title_zh: "文字资金构成",
    title_en: "Narrative funding split",
    checks: "a funding split of project money that the funds table does not show",
    messages: &[Message {
        zh: "叙述称项目资金来源为财政拨款{fiscal_n} + 其他{other_n}，但资金表实际到位为中央{central} 省{provincial} 市{city} 县市区{county} 其它{other}（财政{fiscal_table}，其它{other_table}），表中没有这一来源构成。",
        en: "The narrative splits the project funds as appropriations {fiscal_n} + other {other_n}, but the funds table shows appropriations {fiscal_table} and other {other_table} arrived.",
    }],
};

pub const NARRATIVE_STAFF: Rule = Rule {
    id: "narrative.staff",
    family: Family::Narrative,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "文字人数与编制",
    title_en: "Narrative staff numbers",
    checks: "the department's head counts in its narrative (编制人数, 实有/在岗人数) vs 人员编制 / 实有人数; a unit's counts are never compared",
    messages: &[Message {
        zh: "叙述称{label}{value}人，但基本概况中{zh}为{table}人。",
        en: "The narrative says {value} people, but the basic facts give {en} {table}.",
    }],
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
    title_en: "Target missing",
    checks: INDICATOR_TARGET_MISSING_AND_OTHERS.1,
    messages: &[Message {
        zh: "指标“{name}”没有填写目标值，无法衡量完成情况。",
        en: "Indicator \"{name}\" has no target, so nothing can be measured against it.",
    }],
};

pub const INDICATOR_QUALITATIVE_TARGET: Rule = Rule {
    id: "indicator.qualitative_target",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: INDICATOR_TARGET_MISSING_AND_OTHERS.0,
    title_zh: "指标值非数值",
    title_en: "Target not measurable",
    checks: INDICATOR_TARGET_MISSING_AND_OTHERS.1,
    messages: &[Message {
        zh: "定量指标“{name}”的目标值“{target_text}”没有数值，是定性表述，无法衡量。",
        en: "Quantitative indicator \"{name}\" has the target \"{target_text}\", which states no number and cannot be measured.",
    }],
};

pub const INDICATOR_RATE_CEILING: Rule = Rule {
    id: "indicator.rate_ceiling",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "比率目标≥100%",
    title_en: "Rate target of 100% or more",
    checks: "a rate targeted at ≥100 % (cannot be exceeded)",
    messages: &[Message {
        zh: "比率“{name}”的目标为“{target_text}”：比率不能超过100%，“≥100%”等于要求恰好100%，应直接写100%或设定可衡量的目标。",
        en: "The rate \"{name}\" targets \"{target_text}\": a rate cannot exceed 100 %, so \"≥100%\" just means exactly 100 %; write that, or set a measurable target.",
    }],
};

pub const INDICATOR_IMPOSSIBLE_TARGET: Rule = Rule {
    id: "indicator.impossible_target",
    family: Family::Indicators,
    severity: Severity::Error,
    severity_note: "error",
    title_zh: "不可能的目标",
    title_en: "Impossible target",
    checks: "a 下降率 / 减少率 of ≥100 % (not a 完成率 of a reduction)",
    messages: &[Message {
        zh: "“{name}”目标为“{target_text}”：下降（减少）率达到100%意味着该项成本完全消失，目标不合理。",
        en: "\"{name}\" targets \"{target_text}\": a reduction of 100 % or more would mean the cost disappears entirely; the target makes no sense.",
    }],
};

pub const ACTUAL_MISSING: Message = Message {
    zh: "指标“{name}”（目标“{target_text}”）没有填写实际完成值。",
    en: "Indicator \"{name}\" (target \"{target_text}\") has no actual value.",
};

/// With what the narrative says about it.
pub const ACTUAL_MISSING_NARRATIVE_SAYS: Message = Message {
    zh: "指标“{name}”（目标“{target_text}”）没有填写实际完成值。叙述中相关表述：“{mention}”。",
    en: "Indicator \"{name}\" (target \"{target_text}\") has no actual value. The narrative says: \"{mention}\".",
};

pub const INDICATOR_ACTUAL_MISSING: Rule = Rule {
    id: "indicator.actual_missing",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "缺少实际值",
    title_en: "Actual missing",
    checks: "no actual value (with the narrative's figure, when it states one)",
    messages: &[ACTUAL_MISSING, ACTUAL_MISSING_NARRATIVE_SAYS],
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
    title_en: "Actual copies the target",
    checks: INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS.1,
    messages: &[Message {
        zh: "“{name}”的实际完成值“{actual_text}”只是重复目标（带比较符号），不是实测数值。",
        en: "The actual value of \"{name}\", \"{actual_text}\", restates the target with a comparator; it is not a measured value.",
    }],
};

pub const INDICATOR_ACTUAL_UNMEASURABLE: Rule = Rule {
    id: "indicator.actual_unmeasurable",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS.0,
    title_zh: "实际值无法衡量",
    title_en: "Actual not measurable",
    checks: INDICATOR_ACTUAL_RESTATES_TARGET_AND_OTHERS.1,
    messages: &[Message {
        zh: "“{name}”的目标是数值（“{target_text}”），实际完成值“{actual_text}”却没有数值。",
        en: "\"{name}\" has a numeric target (\"{target_text}\") but the actual \"{actual_text}\" states no number.",
    }],
};

pub const DONE_LATE: Message = Message {
    zh: "“{name}”未按期完成：期限“{target_text}”，实际“{actual_text}”。",
    en: "\"{name}\" was late: due \"{target_text}\", done \"{actual_text}\".",
};

pub const TARGET_MISSED: Message = Message {
    zh: "“{name}”未达目标：目标“{target_text}”，实际“{actual_text}”（完成{achieved}）。",
    en: "\"{name}\" missed its target: target \"{target_text}\", actual \"{actual_text}\" ({achieved} achieved).",
};

/// A reverse indicator (costs, delays).
pub const TARGET_MISSED_REVERSE: Message = Message {
    zh: "“{name}”未达目标：目标“{target_text}”，实际“{actual_text}”（完成{achieved}，反向指标：越低越好）。",
    en: "\"{name}\" missed its target: target \"{target_text}\", actual \"{actual_text}\" ({achieved} achieved; lower is better).",
};

pub const INDICATOR_BELOW_TARGET: Rule = Rule {
    id: "indicator.below_target",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "未达目标",
    title_en: "Target missed",
    checks: "actual below target (above, for reverse indicators such as costs and delays); a completion date after a deadline (`2024年10月底前` / `2024年11月20日`)",
    messages: &[DONE_LATE, TARGET_MISSED, TARGET_MISSED_REVERSE],
};

pub const INDICATOR_TARGET_TOO_LOW: Rule = Rule {
    id: "indicator.target_too_low",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "目标偏低",
    title_en: "Target set too low",
    checks: "actual 30 % or more above target",
    messages: &[Message {
        zh: "“{name}”实际“{actual_text}”超出目标“{target_text}”{over}，目标可能定得过低（部分地方规定扣2分）。",
        en: "\"{name}\": the actual \"{actual_text}\" exceeds the target \"{target_text}\" by {over}; the target was probably set too low (some provinces deduct 2 points).",
    }],
};

pub const NARRATIVE_SAYS_OTHERWISE: Message = Message {
    zh: "“{name}”实际完成值为“{actual_text}”，但叙述中写“{clause}”（{shown}）。",
    en: "\"{name}\" reports \"{actual_text}\" but the narrative says \"{clause}\" ({shown_en}).",
};

pub const NARRATIVE_MEASURES_LESS: Message = Message {
    zh: "“{name}”{what}为“{claim}”，但叙述中实测的{stem}率只有{shown}：“{quote}”。请核实该指标是否达成。",
    en: "\"{name}\" claims \"{claim}\" ({what_en}), but the narrative measures a {stem}率 of only {shown}: \"{quote}\". Check whether the indicator was met.",
};

pub const INDICATOR_NARRATIVE_CONTRADICTION: Rule = Rule {
    id: "indicator.narrative_contradiction",
    family: Family::Indicators,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "文字与实际值矛盾",
    title_en: "Narrative contradicts the actual",
    checks: "the narrative states another figure for a measured actual; or measures a rate below the claimed actual — stated (`覆盖率95.45%` against `≥100%`) or from counts (`收到630件，已办结504件` → 80 % against a 办结率 of 100 %; `受理1268个…按时完成1241个` against a 按时完成率; the indicator's subject counted, then `已` and the rate's word: `符合…条件退役士兵23人，已安置…21人`); a claim is read at its own precision (97.87 % bears out 97.9 %), and 100 % only by every one",
    messages: &[NARRATIVE_SAYS_OTHERWISE, NARRATIVE_MEASURES_LESS],
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
    title_en: "Self-score out of range",
    checks: SCORE_OUT_OF_RANGE_AND_OTHERS.1,
    messages: &[Message {
        zh: "自评得分{score}不在0–100之间。",
        en: "The self-score {score} is outside 0–100.",
    }],
};

pub const SCORE_GRADE_MISMATCH: Rule = Rule {
    id: "score.grade_mismatch",
    family: Family::Score,
    severity: Severity::Error,
    severity_note: SCORE_OUT_OF_RANGE_AND_OTHERS.0,
    title_zh: "等级与分数不符",
    title_en: "Grade against score",
    checks: SCORE_OUT_OF_RANGE_AND_OTHERS.1,
    messages: &[Message {
        zh: "自评{score}分应为“{band}”（{band_range}），但填写的等次是“{grade}”。",
        en: "A score of {score} is \"{band}\" ({band_range}), but the grade given is \"{grade}\".",
    }],
};

pub const SCORE_GRADE_UNKNOWN: Rule = Rule {
    id: "score.grade_unknown",
    family: Family::Score,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "未知等级",
    title_en: "Unknown grade",
    checks: "a grade that is none of 优良中差",
    messages: &[Message {
        zh: "评价等次“{grade}”不是优、良、中、差之一。",
        en: "The grade \"{grade}\" is none of 优 / 良 / 中 / 差.",
    }],
};

/// The reasons `score.inflated` gives, joined into its message.
pub const INFLATED_UNMEASURED: Message = Message {
    zh: "{unmeasured}/{count}个指标没有实测值",
    en: "{unmeasured} of {count} indicators have no measured value",
};
pub const INFLATED_MISSED: Message = Message {
    zh: "{missed}个指标未达目标",
    en: "{missed} missed their target",
};
pub const INFLATED_ONE_ERROR: Message = Message {
    zh: "发现1处错误",
    en: "1 error was found",
};
pub const INFLATED_ERRORS: Message = Message {
    zh: "发现{errors}处错误",
    en: "{errors} errors were found",
};

pub const SCORE_INFLATED: Rule = Rule {
    id: "score.inflated",
    family: Family::Score,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "自评分偏高",
    title_en: "Self-score too high",
    checks: "a self-score ≥ 90 (`near_full_score`) with missed or unmeasured indicators or errors, above what the form's evidence supports by the scoring rubric (items only the auditor can judge counted at full weight, so the figure is an upper bound)",
    messages: &[Message {
        zh: "自评打分偏高：自评{score}分（{band}），但{why}；按评分规则（{rubric_summary}）现有证据最多支持约{total}分（{grade}）。",
        en: "Self-score too high: {score} ({band_en}), yet {why_en}; by the rubric ({rubric_summary}) the evidence supports at most about {total} ({grade_en}).",
    }],
};

pub const DUPLICATE_IN_ONE_FORM: Message = Message {
    zh: "凭证{voucher}同时记在{count}条支出明细下：{names}。可能重复列支，请核对账簿。",
    en: "Voucher {voucher} is booked under {count} expense lines: {names_en}. Possible double counting; check the ledger.",
};

/// Lines of different project forms.
pub const DUPLICATE_ACROSS_FORMS: Message = Message {
    zh: "凭证{voucher}同时记在{count}条支出明细下：{names}。可能重复列支，请核对账簿。（两条分属不同项目表：若由不同单位各自记账，凭证号可能各自编号。）",
    en: "Voucher {voucher} is booked under {count} expense lines: {names_en}. Possible double counting; check the ledger. (The lines are in different project forms: if different units keep the books, each numbers its own vouchers.)",
};

pub const VOUCHER_DUPLICATE: Rule = Rule {
    id: "voucher.duplicate",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "凭证重复入账",
    title_en: "Voucher booked twice",
    checks: "the same voucher under two or more expense lines (all listed)",
    messages: &[DUPLICATE_IN_ONE_FORM, DUPLICATE_ACROSS_FORMS],
};

pub const VOUCHER_DUPLICATE_IN_LINE: Rule = Rule {
    id: "voucher.duplicate_in_line",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "同一明细凭证重复",
    title_en: "Voucher repeated in one line",
    checks: "a voucher listed twice in one line",
    messages: &[Message {
        zh: "凭证{voucher}在“{line}”的凭证号中出现{times}次。",
        en: "Voucher {voucher} is listed {times} times in \"{line}\".",
    }],
};

/// What the rules of one row of the README's table share.
const VOUCHER_UNREADABLE_AND_OTHERS: (&str, &str) =
    ("warning", "tokens that cannot be counted (`01-25#`, `13月`, `9-3#`)");

/// The messages of the rules about a voucher string fuhe cannot read as
/// written (`checks::vouchers`).
const VOUCHER_PROBLEM_MESSAGES: &[Message] = &[Message {
    zh: "“{name}”的凭证号{problem}。",
    en: "Vouchers of \"{name}\": {problem_en}.",
}];

pub const VOUCHER_UNREADABLE: Rule = Rule {
    id: "voucher.unreadable",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: VOUCHER_UNREADABLE_AND_OTHERS.0,
    title_zh: "凭证号无法识别",
    title_en: "Voucher unreadable",
    checks: VOUCHER_UNREADABLE_AND_OTHERS.1,
    messages: VOUCHER_PROBLEM_MESSAGES,
};

pub const VOUCHER_MONTH_OUT_OF_RANGE: Rule = Rule {
    id: "voucher.month_out_of_range",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: VOUCHER_UNREADABLE_AND_OTHERS.0,
    title_zh: "凭证月份错误",
    title_en: "Voucher month out of range",
    checks: VOUCHER_UNREADABLE_AND_OTHERS.1,
    messages: VOUCHER_PROBLEM_MESSAGES,
};

pub const VOUCHER_ODD_FORMAT: Rule = Rule {
    id: "voucher.odd_format",
    family: Family::Vouchers,
    severity: Severity::Info,
    severity_note: "info",
    title_zh: "凭证号格式不规范",
    title_en: "Voucher written oddly",
    checks: "odd but clear tokens (`3月 11#`, `10#/21#`)",
    messages: VOUCHER_PROBLEM_MESSAGES,
};

pub const VOUCHER_MISSING: Rule = Rule {
    id: "voucher.missing",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "缺少凭证号",
    title_en: "Vouchers missing",
    checks: "an expense line with an amount and no vouchers",
    messages: &[Message {
        zh: "支出明细“{name}”有金额{amount}但没有会计凭证号。",
        en: "Expense line \"{name}\" has an amount but no voucher numbers.",
    }],
};

pub const VOUCHER_TOO_MANY: Rule = Rule {
    id: "voucher.too_many",
    family: Family::Vouchers,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "凭证号过多",
    title_en: "Too many vouchers",
    checks: "a report whose expense lines list 100,000 vouchers or more (a real one lists a few hundred; `1月1-999#` on thousands of lines): it is not checked for duplicates, so that one file cannot hold a shared server for minutes",
    messages: &[Message {
        zh: "会计凭证号展开后超过{limit}个，远超实际报表，未检查重复列支；请核对凭证号是否填写有误。",
        en: "The voucher strings expand to more than {limit} vouchers, far beyond any real form; duplicates were not checked. Check the voucher strings.",
    }],
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
    title_en: "Required field blank",
    checks: COMPLETENESS_BLANK_AND_OTHERS.1,
    messages: &[Message {
        zh: "未填写{what_zh}。",
        en: "{what_en} is not filled in.",
    }],
};

pub const COMPLETENESS_UNSIGNED: Rule = Rule {
    id: "completeness.unsigned",
    family: Family::Completeness,
    severity: Severity::Warning,
    severity_note: COMPLETENESS_BLANK_AND_OTHERS.0,
    title_zh: "评价人员未签字",
    title_en: "Evaluators unsigned",
    checks: COMPLETENESS_BLANK_AND_OTHERS.1,
    messages: &[Message {
        zh: "评价人员未签字：{unsigned}。",
        en: "Evaluators who did not sign: {unsigned_en}.",
    }],
};

pub const COMPLETENESS_SIGN_OFF: Rule = Rule {
    id: "completeness.sign_off",
    family: Family::Completeness,
    severity: Severity::Warning,
    severity_note: COMPLETENESS_BLANK_AND_OTHERS.0,
    title_zh: "审核意见栏不全",
    title_en: "Sign-off incomplete",
    checks: COMPLETENESS_BLANK_AND_OTHERS.1,
    messages: &[Message {
        zh: "“{role}”栏缺{missing}。",
        en: "The \"{role}\" block lacks {missing_en}.",
    }],
};

pub const COMPLETENESS_OVER_QUOTA: Rule = Rule {
    id: "completeness.over_quota",
    family: Family::Completeness,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "实有人数超编",
    title_en: "Staff over quota",
    checks: "实有人数 > 人员编制",
    messages: &[Message {
        zh: "实有人数{a}人超过人员编制{q}人（超编{over}人）。",
        en: "Actual staff {a} is above the quota of {q} ({over} over).",
    }],
};

pub const TYPO_AFTER_RATE: Message = Message {
    zh: "名称“{name}”疑有错字：“率”后多出“{stray}”，应为“{fixed}”。",
    en: "The name \"{name}\" seems to hold a typo: a stray \"{stray}\" after 率; probably \"{fixed}\".",
};

pub const TYPO_WRONG_WORD: Message = Message {
    zh: "名称“{name}”疑有错字：“{wrong}”应为“{right}”。",
    en: "The name \"{name}\" seems to hold a typo: \"{wrong}\" should be \"{right}\".",
};

pub const TYPO_DOUBLED: Message = Message {
    zh: "名称“{name}”疑有错字：“{doubled}{doubled}”重复。",
    en: "The name \"{name}\" seems to hold a typo: \"{doubled}{doubled}\" doubled.",
};

pub const TYPO_ONE_APART: Message = Message {
    zh: "名称“{name}”疑有错字：与另一张表的“{other}”只差一个字（“{this}”/“{that}”），其中一处可能写错。",
    en: "The name \"{name}\" seems to hold a typo: it differs from \"{other}\" in the other form by one character (\"{this}\" / \"{that}\"); one of them is probably a slip.",
};

pub const TEXT_TYPO: Rule = Rule {
    id: "text.typo",
    family: Family::Text,
    severity: Severity::Warning,
    severity_note: "warning",
    title_zh: "错别字",
    title_en: "Typo",
    checks: "a slip in an indicator or expense-line name: one character after 率 (`通过率真`), a doubled word-end character (`经费费`), or the same name in two forms one character apart (`快检` / `块检`, levels and numbers aside)",
    messages: &[TYPO_AFTER_RATE, TYPO_WRONG_WORD, TYPO_DOUBLED, TYPO_ONE_APART],
};

pub const TEXT_REPEATED: Rule = Rule {
    id: "text.repeated",
    family: Family::Text,
    severity: Severity::Info,
    severity_note: "info",
    title_zh: "重复段落",
    title_en: "Repeated paragraph",
    checks: "the same long sentence repeated in the narrative",
    messages: &[Message {
        zh: "同一段文字在综述中出现{count}次：“{text}”",
        en: "The same text appears {count} times in the narrative: \"{text}\"",
    }],
};

pub const TEXT_FOREIGN_ACTIVITY: Rule = Rule {
    id: "text.foreign_activity",
    family: Family::Text,
    severity: Severity::Info,
    severity_note: "info",
    title_zh: "与职能无关的内容",
    title_en: "Content outside the duties",
    checks: "the narrative describes another kind of unit's business (投标人, 评审专家 … in a unit whose duties never mention them)",
    messages: &[Message {
        zh: "综述提到{kind_zh}的业务（{hits}），而本单位职能职责中没有这些内容，可能抄自其他单位的报告：“{text}”",
        en: "The narrative describes the business of a {kind_en} ({hits_en}), which the unit's own duties never mention; it may be copied from another unit's report: \"{text}\"",
    }],
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

    #[test]
    fn holes_are_filled_and_braces_kept() {
        let one = 1;
        let v: &[(&str, &dyn std::fmt::Display)] = &[("a", &one), ("b", &"乙")];
        assert_eq!(fill("{a}+{b}={{c}}", v), "1+乙={c}");
        assert_eq!(fill("没有洞", v), "没有洞");
        assert_eq!(fill("{b}{b}", v), "乙乙");
        assert_eq!(Message::holes("{a}{{x}}{b}{a}"), vec!["a", "b"]);
    }

    #[test]
    #[should_panic(expected = "no value for {c}")]
    fn a_hole_without_a_value_fails_in_tests() {
        fill("{c}", &[]);
    }
}
