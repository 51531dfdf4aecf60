//! 部门（单位）整体支出绩效自评报告 — the department form.

use super::amount;
use super::{Evaluator, FilledBy, Goals, Indicator, NarrativeSection, SignOff};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentForm {
    #[serde(default)]
    pub cover: Cover,
    #[serde(default)]
    pub basic: BasicFacts,
    /// 年度收入情况.
    #[serde(default)]
    pub income: Table<IncomeRow>,
    /// 部门（单位）年度支出和结余情况.
    #[serde(default)]
    pub expenditure: Table<ExpenditureRow>,
    /// 三公经费.
    #[serde(default)]
    pub three_public: Table<ThreePublicRow>,
    /// 固定资产.
    #[serde(default)]
    pub fixed_assets: Table<FixedAssetRow>,
    /// 整体支出绩效定性目标及实施计划完成情况.
    #[serde(default)]
    pub qualitative_goals: Goals,
    /// 整体支出绩效定量目标及实施计划完成情况.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// 绩效自评综合得分.
    #[serde(default, with = "amount::opt")]
    pub self_score: Option<Decimal>,
    /// 评价等次, as written.
    #[serde(default)]
    pub grade: Option<String>,
    #[serde(default)]
    pub evaluators: Vec<Evaluator>,
    #[serde(default)]
    pub sign_offs: Vec<SignOff>,
    #[serde(default)]
    pub filled_by: FilledBy,
    /// 评价报告综述（文字部分）.
    #[serde(default)]
    pub narrative: Vec<NarrativeSection>,
}

/// The cover page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// "附件2".
    #[serde(default)]
    pub attachment: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// 评价方式.
    #[serde(default)]
    pub evaluation_method: Option<String>,
    /// 评价机构.
    #[serde(default)]
    pub evaluation_body: Option<String>,
    /// 报告日期, as written.
    #[serde(default)]
    pub report_date: Option<String>,
    /// Who issued the template ("临湘市财政局（制）").
    #[serde(default)]
    pub issuer: Option<String>,
}

/// 一、部门（单位）基本概况.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicFacts {
    /// 联系人.
    #[serde(default)]
    pub contact: Option<String>,
    /// 联络电话.
    #[serde(default)]
    pub phone: Option<String>,
    /// 人员编制.
    #[serde(default)]
    pub staff_quota: Option<u32>,
    /// 实有人数.
    #[serde(default)]
    pub staff_actual: Option<u32>,
    /// 职能职责概述.
    #[serde(default)]
    pub duties: Option<String>,
    /// 年度主要工作内容.
    #[serde(default)]
    pub annual_tasks: Option<String>,
    /// 年度部门（单位）总体运行情况及取得的成绩.
    #[serde(default)]
    pub achievements: Option<String>,
}

/// A table with a summary row (局机关及二级机构汇总) and one row per
/// institution, as submitted (empty 二级机构 rows included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table<R> {
    #[serde(default)]
    pub summary: Option<R>,
    #[serde(default = "Vec::new")]
    pub institutions: Vec<R>,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Table {
            summary: None,
            institutions: Vec::new(),
        }
    }
}

/// A row of 年度收入情况.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeRow {
    /// 机构名称.
    pub institution: String,
    /// 收入合计.
    #[serde(default, with = "amount::opt")]
    pub total: Option<Decimal>,
    /// 上年结转.
    #[serde(default, with = "amount::opt")]
    pub carryover: Option<Decimal>,
    /// 公共财政拨款.
    #[serde(default, with = "amount::opt")]
    pub public_finance: Option<Decimal>,
    /// 政府基金拨款.
    #[serde(default, with = "amount::opt")]
    pub government_fund: Option<Decimal>,
    /// 纳入专户管理的非税收入拨款.
    #[serde(default, with = "amount::opt")]
    pub special_account: Option<Decimal>,
    /// 其他收入.
    #[serde(default, with = "amount::opt")]
    pub other: Option<Decimal>,
}

/// A row of 年度支出和结余情况.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenditureRow {
    pub institution: String,
    /// 支出合计.
    #[serde(default, with = "amount::opt")]
    pub total: Option<Decimal>,
    /// 基本支出.
    #[serde(default, with = "amount::opt")]
    pub basic: Option<Decimal>,
    /// 人员支出 (part of 基本支出).
    #[serde(default, with = "amount::opt")]
    pub personnel: Option<Decimal>,
    /// 公用支出 (part of 基本支出).
    #[serde(default, with = "amount::opt")]
    pub public_use: Option<Decimal>,
    /// 项目支出.
    #[serde(default, with = "amount::opt")]
    pub project: Option<Decimal>,
    /// 当年结余.
    #[serde(default, with = "amount::opt")]
    pub balance_year: Option<Decimal>,
    /// 累计结余.
    #[serde(default, with = "amount::opt")]
    pub balance_accumulated: Option<Decimal>,
}

/// A row of 三公经费.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreePublicRow {
    pub institution: String,
    /// 三公经费合计.
    #[serde(default, with = "amount::opt")]
    pub total: Option<Decimal>,
    /// 公务接待费.
    #[serde(default, with = "amount::opt")]
    pub reception: Option<Decimal>,
    /// 公务用车运维费.
    #[serde(default, with = "amount::opt")]
    pub vehicle_operation: Option<Decimal>,
    /// 公务用车购置费.
    #[serde(default, with = "amount::opt")]
    pub vehicle_purchase: Option<Decimal>,
    /// 因公出国费.
    #[serde(default, with = "amount::opt")]
    pub overseas: Option<Decimal>,
}

/// A row of 固定资产.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedAssetRow {
    pub institution: String,
    /// 固定资产合计.
    #[serde(default, with = "amount::opt")]
    pub total: Option<Decimal>,
    /// 在用固定资产.
    #[serde(default, with = "amount::opt")]
    pub in_use: Option<Decimal>,
    /// 出租固定资产.
    #[serde(default, with = "amount::opt")]
    pub leased: Option<Decimal>,
    /// 其他.
    #[serde(default, with = "amount::opt")]
    pub other: Option<Decimal>,
}
