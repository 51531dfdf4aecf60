//! 项目支出绩效自评表 — a project form.

use super::amount;
use super::{Evaluator, FilledBy, Goals, Indicator, NarrativeSection, SignOff};
use crate::voucher::VoucherRef;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectForm {
    /// 项目名称. The sample form has no such line, so it may be null.
    #[serde(default)]
    pub name: Option<String>,
    /// Who issued the template ("临湘市财政局（制）").
    #[serde(default)]
    pub issuer: Option<String>,
    /// 项目负责人.
    #[serde(default)]
    pub leader: Option<String>,
    /// 联系电话.
    #[serde(default)]
    pub phone: Option<String>,
    /// 项目地址.
    #[serde(default)]
    pub address: Option<String>,
    /// 邮编.
    #[serde(default)]
    pub postcode: Option<String>,
    /// 项目起止时间, as written ("2024年 1月起至    2024年  12  月止").
    #[serde(default)]
    pub period: Option<String>,
    /// 计划安排 / 实际到位 / 实际支出 / 结余 by source.
    #[serde(default)]
    pub funds: Funds,
    /// 项目支出明细情况, in form order.
    #[serde(default)]
    pub expenses: Vec<ExpenseLine>,
    /// The 支出合计 row of the expense table.
    #[serde(default, with = "amount::opt")]
    pub expense_total: Option<Decimal>,
    /// 项目绩效定性目标及实施计划完成情况.
    #[serde(default)]
    pub qualitative_goals: Goals,
    /// 项目绩效定量目标（指标）及完成情况.
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
    #[serde(default)]
    pub narrative: Vec<NarrativeSection>,
}

impl ProjectForm {
    /// A label for lists and messages: the name, else "项目N".
    pub fn label(&self, index: usize) -> String {
        match self.name.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => format!("项目{}", index + 1),
        }
    }
}

/// The funds matrix: four measures, each split by source.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funds {
    /// 计划安排资金.
    #[serde(default)]
    pub planned: FundRow,
    /// 实际到位资金.
    #[serde(default)]
    pub arrived: FundRow,
    /// 实际支出.
    #[serde(default)]
    pub spent: FundRow,
    /// 结余.
    #[serde(default)]
    pub balance: FundRow,
}

impl Funds {
    /// The four measures with their JSON key, in form order.
    pub fn measures(&self) -> [(&'static str, &FundRow); 4] {
        [
            ("planned", &self.planned),
            ("arrived", &self.arrived),
            ("spent", &self.spent),
            ("balance", &self.balance),
        ]
    }
}

/// One measure of the funds matrix: the total and its sources.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundRow {
    #[serde(default, with = "amount::opt")]
    pub total: Option<Decimal>,
    /// 中央财政.
    #[serde(default, with = "amount::opt")]
    pub central: Option<Decimal>,
    /// 省财政.
    #[serde(default, with = "amount::opt")]
    pub provincial: Option<Decimal>,
    /// 市财政.
    #[serde(default, with = "amount::opt")]
    pub city: Option<Decimal>,
    /// 县市区财政.
    #[serde(default, with = "amount::opt")]
    pub county: Option<Decimal>,
    /// 其它.
    #[serde(default, with = "amount::opt")]
    pub other: Option<Decimal>,
}

/// The sources of a [`FundRow`]: JSON key, Chinese label, English label.
pub const FUND_SOURCES: [(&str, &str, &str); 5] = [
    ("central", "中央财政", "central"),
    ("provincial", "省财政", "provincial"),
    ("city", "市财政", "city"),
    ("county", "县市区财政", "county"),
    ("other", "其它", "other"),
];

impl FundRow {
    /// The source amounts in [`FUND_SOURCES`] order.
    pub fn sources(&self) -> [Option<Decimal>; 5] {
        [self.central, self.provincial, self.city, self.county, self.other]
    }
}

/// A line of 项目支出明细情况.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenseLine {
    /// 支出内容.
    #[serde(default)]
    pub content: Option<String>,
    /// 实际支出数.
    #[serde(default, with = "amount::opt")]
    pub amount: Option<Decimal>,
    /// 会计凭证号, byte for byte as written.
    #[serde(default)]
    pub vouchers: Option<VoucherRef>,
    /// 备注.
    #[serde(default)]
    pub note: Option<String>,
}

impl ExpenseLine {
    pub fn label(&self, index: usize) -> String {
        match self.content.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => format!("第{}行", index + 1),
        }
    }
}
