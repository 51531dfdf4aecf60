//! The department form (部门整体支出绩效自评报告): basic facts, the four
//! institution tables, and the parts it shares with the project form.

use super::layout::Addr;
use super::map::{Mapper, Span};
use super::parts;
use super::tables::{InstitutionTable, institution_table};
use crate::model::{
    BasicFacts, Cover, DepartmentForm, ExpenditureRow, FixedAssetRow, IncomeRow, Table, ThreePublicRow,
};
use rust_decimal::Decimal;

/// How messages name this form.
const DEPT: &str = "整体表";

const INCOME: InstitutionTable = InstitutionTable {
    name: "年度收入情况",
    key: &["收入合计"],
    fields: &[
        ("total", &["收入合计"]),
        ("carryover", &["上年结转"]),
        ("public_finance", &["公共财政拨款", "财政拨款"]),
        ("government_fund", &["政府基金拨款", "政府性基金拨款"]),
        ("special_account", &["纳入专户管理的非税收入拨款", "非税收入拨款"]),
        ("other", &["其他收入"]),
    ],
};
const EXPENDITURE: InstitutionTable = InstitutionTable {
    name: "年度支出和结余情况",
    key: &["支出合计"],
    fields: &[
        ("total", &["支出合计"]),
        ("basic", &["基本支出"]),
        ("personnel", &["人员支出"]),
        ("public_use", &["公用支出"]),
        ("project", &["项目支出"]),
        ("balance_year", &["当年结余"]),
        ("balance_accumulated", &["累计结余"]),
    ],
};
const THREE_PUBLIC: InstitutionTable = InstitutionTable {
    name: "三公经费",
    key: &["三公经费合计", "三公经费"],
    fields: &[
        ("total", &["三公经费合计", "三公经费", "合计"]),
        ("reception", &["公务接待费"]),
        ("vehicle_operation", &["公务用车运维费", "公务用车运行维护费"]),
        ("vehicle_purchase", &["公务用车购置费"]),
        ("overseas", &["因公出国费", "因公出国（境）费"]),
    ],
};
const FIXED_ASSETS: InstitutionTable = InstitutionTable {
    name: "固定资产",
    key: &["固定资产合计", "固定资产"],
    fields: &[
        ("total", &["固定资产合计", "固定资产", "合计"]),
        ("in_use", &["在用固定资产"]),
        ("leased", &["出租固定资产"]),
        ("other", &["其他"]),
    ],
};

/// Turns the generic rows of an institution table into model rows.
fn rows<R>(t: Table<(String, Vec<Option<Decimal>>)>, f: impl Fn(String, &[Option<Decimal>]) -> R) -> Table<R> {
    Table {
        summary: t.summary.map(|(n, v)| f(n, &v)),
        institutions: t.institutions.into_iter().map(|(n, v)| f(n, &v)).collect(),
    }
}

fn v(vals: &[Option<Decimal>], i: usize) -> Option<Decimal> {
    vals.get(i).copied().flatten()
}

pub fn department_form(m: &mut Mapper<'_>, span: Span, cover: Cover, stop: Option<Addr>) -> DepartmentForm {
    let text = |m: &mut Mapper<'_>, labels: &[&str]| m.value_of(span, DEPT, labels).and_then(|(b, c)| m.text(b, c));
    let basic = BasicFacts {
        contact: text(m, &["联系人"]),
        phone: text(m, &["联络电话", "联系电话"]),
        staff_quota: m
            .value_of(span, DEPT, &["人员编制", "编制人数"])
            .and_then(|(b, c)| m.count(b, c, "整体表 · 人员编制")),
        staff_actual: m
            .value_of(span, DEPT, &["实有人数", "实际人数"])
            .and_then(|(b, c)| m.count(b, c, "整体表 · 实有人数")),
        duties: text(m, &["职能职责概述", "职能职责"]),
        annual_tasks: text(m, &["年度主要工作内容", "主要工作内容"]),
        achievements: text(
            m,
            &["年度部门（单位）总体运行情况及取得的成绩", "总体运行情况及取得的成绩"],
        ),
    };
    let income = rows(institution_table(m, span, DEPT, &INCOME), |institution, x| IncomeRow {
        institution,
        total: v(x, 0),
        carryover: v(x, 1),
        public_finance: v(x, 2),
        government_fund: v(x, 3),
        special_account: v(x, 4),
        other: v(x, 5),
    });
    let expenditure = rows(institution_table(m, span, DEPT, &EXPENDITURE), |institution, x| {
        ExpenditureRow {
            institution,
            total: v(x, 0),
            basic: v(x, 1),
            personnel: v(x, 2),
            public_use: v(x, 3),
            project: v(x, 4),
            balance_year: v(x, 5),
            balance_accumulated: v(x, 6),
        }
    });
    let three_public = rows(institution_table(m, span, DEPT, &THREE_PUBLIC), |institution, x| {
        ThreePublicRow {
            institution,
            total: v(x, 0),
            reception: v(x, 1),
            vehicle_operation: v(x, 2),
            vehicle_purchase: v(x, 3),
            overseas: v(x, 4),
        }
    });
    let fixed_assets = rows(institution_table(m, span, DEPT, &FIXED_ASSETS), |institution, x| {
        FixedAssetRow {
            institution,
            total: v(x, 0),
            in_use: v(x, 1),
            leased: v(x, 2),
            other: v(x, 3),
        }
    });
    let qualitative_goals = parts::goals(m, span, DEPT);
    let indicators = super::indicators::indicators(m, span, DEPT);
    let (self_score, grade) = parts::score_and_grade(m, span, DEPT);
    let (evaluators, after) = parts::evaluators(m, span, DEPT);
    let sign_offs = parts::sign_offs(m, span, after);
    let stream = m.stream(span);
    let filled_by = parts::filled_by(m, &stream, DEPT);
    let narrative = parts::narrative(m, &stream, stop, DEPT);
    DepartmentForm {
        cover,
        basic,
        income,
        expenditure,
        three_public,
        fixed_assets,
        qualitative_goals,
        indicators,
        self_score,
        grade,
        evaluators,
        sign_offs,
        filled_by,
        narrative,
    }
}
