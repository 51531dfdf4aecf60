//! Writes a workspace of synthetic but realistic reports, for benchmarks
//! and scale tests:
//!
//!     cargo run --release --example synth -- --reports 2000 --out /tmp/ws [--seed 7]
//!
//! Each report has a department form (tables that add up, 10–16 indicators,
//! a narrative of the sample's length) and 1–3 project forms with 5–60
//! expense lines and voucher strings in the sample's style. About a third
//! carry planted problems (a sum off, an unexplained budget change, a voucher
//! under two lines, missing actual values, a full self-score). The same seed
//! gives the same files.

use serde_json::{Value, json};
use std::path::PathBuf;

const UNITS: &[&str] = &[
    "教育局",
    "卫生健康局",
    "交通运输局",
    "农业农村局",
    "民政局",
    "自然资源局",
    "住房和城乡建设局",
    "水利局",
    "文化旅游广电体育局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "生态环境局",
    "应急管理局",
    "林业局",
    "商务局",
    "统计局",
    "审计局",
    "司法局",
    "退役军人事务局",
    "医疗保障局",
    "城市管理综合执法局",
    "科学技术局",
    "工业和信息化局",
    "发展和改革局",
    "财政局",
];
const CITIES: &[&str] = &[
    "临湘市",
    "岳阳县",
    "华容县",
    "湘阴县",
    "平江县",
    "汨罗市",
    "君山区",
    "云溪区",
    "岳阳楼区",
    "屈原区",
];
const LINES: &[&str] = &[
    "办公设备购置费",
    "信息系统运维费",
    "劳务派遣人员经费",
    "物业管理费",
    "水电费",
    "宣传印刷费",
    "培训费",
    "差旅费",
    "专用材料费",
    "委托业务费",
    "维修（护）费",
    "租赁费",
    "会议费",
    "公务接待费",
    "其他商品和服务支出",
    "设备运维经费",
    "工程建设费",
    "咨询服务费",
    "检测检验费",
    "数据采集服务费",
];
const PARAGRAPH: &str = "本单位严格按照预算管理有关规定，围绕年度重点工作任务，科学编制部门预算，加强资金使用管理，强化绩效目标管理和运行监控，\
做到专款专用、规范使用，资金使用效益得到进一步提升。全年组织开展业务培训、监督检查、政策宣传等工作，服务群众满意度持续提高，\
各项工作任务均按计划推进，取得了较好的社会效益和经济效益。";

struct Gen(fastrand::Rng);

impl Gen {
    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.0.usize(..xs.len())]
    }
    /// An amount in 万元 with two decimals, as a string.
    fn amount(&mut self, lo: u64, hi: u64) -> u64 {
        self.0.u64(lo * 100..hi * 100)
    }
}

fn money(cents: u64) -> String {
    let s = format!("{}.{:02}", cents / 100, cents % 100);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn vouchers(g: &mut Gen, used: &mut std::collections::HashSet<(u32, u32)>) -> String {
    let mut s = String::new();
    let months = g.0.usize(1..6);
    let mut m = g.0.u32(1..8);
    for _ in 0..months {
        if m > 12 {
            break;
        }
        s.push_str(&format!("{m}月"));
        let mut n = g.0.u32(1..10);
        for _ in 0..g.0.usize(1..5) {
            if g.0.bool() {
                let end = n + g.0.u32(1..4);
                if (n..=end).all(|k| !used.contains(&(m, k))) {
                    (n..=end).for_each(|k| {
                        used.insert((m, k));
                    });
                    s.push_str(&format!("{n}-{end}#"));
                }
                n = end + g.0.u32(2..6);
            } else {
                if used.insert((m, n)) {
                    s.push_str(&format!("{n}#"));
                }
                n += g.0.u32(2..6);
            }
        }
        m += g.0.u32(1..4);
    }
    if s.ends_with('月') {
        // A month with no free number left in the draw: take the next free one.
        let m: u32 = s
            .rsplit(|c: char| !c.is_ascii_digit())
            .nth(1)
            .and_then(|d| d.parse().ok())
            .unwrap_or(1);
        let n = (1..).find(|n| !used.contains(&(m, *n))).unwrap_or(1);
        used.insert((m, n));
        s.push_str(&format!("{n}#"));
    }
    s
}

fn report(g: &mut Gen, i: usize) -> Value {
    let dept = format!("{}{}", g.pick(CITIES), g.pick(UNITS));
    let planted = g.0.u8(..9); // 0–2: one problem each, else clean
    let n_projects = g.0.usize(1..4);
    let mut projects = Vec::new();
    let mut project_total = 0u64;
    let mut used = std::collections::HashSet::new();
    for p in 0..n_projects {
        let n_lines = g.0.usize(5..61);
        let mut lines = Vec::new();
        let mut spent = 0u64;
        for l in 0..n_lines {
            let a = g.amount(1, 200);
            spent += a;
            lines.push(json!({"content": format!("{}{}", g.pick(LINES), l + 1), "amount": money(a), "vouchers": vouchers(g, &mut used), "note": null}));
        }
        if planted == 0 && p == 0 {
            // The same voucher under two lines: line 1 also lists line 0's first one.
            let v = lines[0]["vouchers"].as_str().unwrap_or("").to_string();
            let first: String = v.split_inclusive('#').next().unwrap_or("").to_string();
            lines[1]["vouchers"] = json!(format!("{}{first}", lines[1]["vouchers"].as_str().unwrap_or("")));
        }
        project_total += spent;
        let planned = if planted == 1 && p == 0 { spent * 8 / 10 } else { spent };
        let indicators: Vec<Value> = (0..g.0.usize(6..12))
            .map(|k| json!({"level1": if k < 5 { "产出指标" } else { "效益指标" }, "level2": if k < 5 { "数量指标" } else { "社会效益指标" }, "name": format!("项目指标{}", k + 1), "target": "≥95%", "actual": format!("{}%", 95 + k % 5)}))
            .collect();
        projects.push(json!({
            "name": format!("{}专项资金{}", dept, p + 1),
            "leader": "张三", "phone": "0730-1234567", "address": "临湘市长安路1号", "postcode": "414300", "period": "2024年1月至2024年12月",
            "funds": {"planned": {"total": money(planned), "city": money(planned)}, "arrived": {"total": money(spent), "city": money(spent)}, "spent": {"total": money(spent), "city": money(spent)}, "balance": {"total": "0", "city": "0"}},
            "expenses": lines, "expense_total": money(spent),
            "indicators": indicators, "self_score": "95", "grade": "优",
            "evaluators": [{"name": "李四", "title": "科长", "unit": dept, "signature": "李四"}],
            "sign_offs": [{"role": "评价组组长（签字）", "signer": "李四", "date": "2025年5月20日"}],
            "narrative": [{"heading": "（一）项目基本概况", "paragraphs": [format!("2024年专项资金支出{}万元。{}", money(spent), PARAGRAPH)]}],
        }));
    }
    let personnel = g.amount(100, 3000);
    let public_use = g.amount(20, 500);
    let basic = personnel + public_use;
    let total = basic + project_total;
    let other = g.amount(0, 100).min(total / 2);
    let fiscal = total - other;
    let stated_total = if planted == 2 { total + 1200 } else { total };
    let indicators: Vec<Value> = (0..g.0.usize(10..17))
        .map(|k| {
            let actual = if planted == 2 && k < 3 { Value::Null } else { json!(format!("{}件", 1000 + k * 10)) };
            json!({"level1": if k < 8 { "产出目标" } else { "效益目标" }, "level2": if k < 8 { "数量指标" } else { "社会效益" }, "name": format!("指标{}：工作量{}", k % 2 + 1, k), "target": format!("≥{}件", 1000 + k * 10), "actual": actual})
        })
        .collect();
    let staff = g.0.u32(10..200);
    let narrative: Vec<Value> = (0..6)
        .map(|s| json!({"heading": format!("（{}）工作情况", "一二三四五六".chars().nth(s).unwrap_or('一')), "paragraphs": [PARAGRAPH.repeat(3), PARAGRAPH.repeat(2)]}))
        .collect();
    json!({
        "fuhe_report": 1,
        "department": dept,
        "year": 2024,
        "department_form": {
            "cover": {"title": format!("{dept}2024年度部门整体支出绩效评价自评报告"), "report_date": "2025年5月20日", "issuer": "财政局（制）"},
            "basic": {"contact": "王五", "phone": "0730-7654321", "staff_quota": staff, "staff_actual": staff, "duties": PARAGRAPH, "annual_tasks": PARAGRAPH, "achievements": PARAGRAPH},
            "income": {"summary": {"institution": "局机关及二级机构汇总", "total": money(total), "public_finance": money(fiscal), "other": money(other)},
                       "institutions": [{"institution": "1、局机关", "total": money(total), "public_finance": money(fiscal), "other": money(other)}]},
            "expenditure": {"summary": {"institution": "局机关及二级机构汇总", "total": money(stated_total), "basic": money(basic), "personnel": money(personnel), "public_use": money(public_use), "project": money(project_total)},
                            "institutions": [{"institution": "1、局机关", "total": money(total), "basic": money(basic), "personnel": money(personnel), "public_use": money(public_use), "project": money(project_total)}]},
            "three_public": {"summary": {"institution": "局机关及二级机构汇总", "total": "3.5", "reception": "3.5", "vehicle_operation": "0", "vehicle_purchase": "0", "overseas": "0"}},
            "fixed_assets": {"summary": {"institution": "局机关及二级机构汇总", "total": "120.5", "in_use": "120.5"}},
            "qualitative_goals": {"expected": PARAGRAPH, "achieved": PARAGRAPH},
            "indicators": indicators,
            "self_score": if planted == 2 { "100" } else { "93" },
            "grade": "优",
            "evaluators": [{"name": "王五", "title": "局长", "unit": dept, "signature": "王五"}],
            "sign_offs": [{"role": "评价组组长（签字）", "signer": "王五", "date": "2025年5月20日"}, {"role": "部门（单位）意见", "opinion": "同意。", "signer": "王五", "date": "2025年5月20日"}, {"role": "财政部门归口业务科室意见"}],
            "filled_by": {"name": "王五", "phone": "0730-7654321"},
            "narrative": narrative,
        },
        "project_forms": projects,
        "_n": i,
    })
}

fn main() {
    let mut reports = 100usize;
    let mut out = PathBuf::from("synth-workspace");
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reports" => reports = args.next().and_then(|v| v.parse().ok()).unwrap_or(reports),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            other => {
                eprintln!("synth: unknown argument {other}; use --reports N --out DIR [--seed S]");
                std::process::exit(2);
            }
        }
    }
    let dir = out.join("reports");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("synth: {}: {e}", dir.display());
        std::process::exit(2);
    }
    let mut g = Gen(fastrand::Rng::with_seed(seed));
    let mut vouchers = 0usize;
    for i in 0..reports {
        let mut r = report(&mut g, i);
        if let Some(o) = r.as_object_mut() {
            o.remove("_n");
        }
        vouchers += r["project_forms"].as_array().map_or(0, |ps| {
            ps.iter().map(|p| p["expenses"].as_array().map_or(0, Vec::len)).sum()
        });
        let path = dir.join(format!("synth-{i:06}.json"));
        if let Err(e) = std::fs::write(&path, serde_json::to_vec_pretty(&r).unwrap_or_default()) {
            eprintln!("synth: {}: {e}", path.display());
            std::process::exit(2);
        }
    }
    eprintln!(
        "synth: wrote {reports} reports ({vouchers} expense lines) to {}",
        dir.display()
    );
}
