//! `fuhe export`: a report's review as a document the bureau can file —
//! the report's facts, budget beside actual, the findings with the
//! auditor's decisions, self-score beside review score per item, the notes,
//! the opinion, reviewer and date — in Markdown, HTML (prints on A4) or CSV.

use crate::checks::{Flag, pct, ratio_pct, signed};
use crate::model::{FUND_SOURCES, Report};
use crate::review::summary::Summary;
use crate::review::{Decision, Review};
use crate::text::clean;
use crate::workspace::LoadedReport;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
}

/// A table: title, column heads, rows.
struct Table {
    title: String,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn opt(v: Option<Decimal>) -> String {
    v.map_or("—".into(), |d| d.to_string())
}

/// The document's content, independent of the format.
fn tables(r: &LoadedReport, flags: &[Flag], s: &Summary) -> (String, Vec<(String, String)>, Vec<Table>) {
    let rep: &Report = &r.report;
    let title = format!("{} {}年度绩效自评复核意见", clean(&rep.department), rep.year);
    let review: Option<&Review> = s.review.as_ref();
    let mut facts = vec![
        ("部门（单位）".to_string(), clean(&rep.department)),
        ("年度".into(), rep.year.to_string()),
        ("报告文件".into(), r.path.display().to_string()),
        ("报告 SHA-256".into(), r.sha256.clone()),
        ("复核状态".into(), s.status_zh()),
        ("复核人".into(), review.map_or("—".into(), |rv| clean(&rv.reviewer))),
        (
            "复核开始 / 更新".into(),
            review.map_or("—".into(), |rv| format!("{} / {}", rv.created, rv.updated)),
        ),
        ("未驳回的错误".into(), s.open_errors.to_string()),
        ("未决定的问题".into(), s.undecided.to_string()),
    ];
    if let Some(m) = &s.invalid {
        facts.push(("复核文件".into(), clean(m)));
    }
    let mut out = Vec::new();

    // Scores per form, then budget against actual.
    let mut summary_rows = Vec::new();
    for f in &s.forms {
        summary_rows.push(vec![
            clean(&f.name),
            opt(f.self_score),
            f.self_grade.as_deref().map(clean).unwrap_or("—".into()),
            f.review.total.to_string(),
            f.review.grade.clone(),
            if f.review.unscored > 0 {
                format!("{}项待判断", f.review.unscored)
            } else {
                String::new()
            },
        ]);
    }
    out.push(Table {
        title: "自评分与复核分".into(),
        head: ["表", "自评分", "自评等次", "复核分", "复核等次", "备注"]
            .map(String::from)
            .to_vec(),
        rows: summary_rows,
    });

    let mut funds = Vec::new();
    for (pi, p) in rep.project_forms.iter().enumerate() {
        let f = &p.funds;
        let mut sources: Vec<(usize, &str)> = vec![(0, "合计")];
        sources.extend(FUND_SOURCES.iter().enumerate().map(|(i, s)| (i + 1, s.1)));
        for (k, name) in sources {
            let pick = |row: &crate::model::FundRow| if k == 0 { row.total } else { row.sources()[k - 1] };
            let (pl, ar, sp, ba) = (pick(&f.planned), pick(&f.arrived), pick(&f.spent), pick(&f.balance));
            if k > 0 && [pl, ar, sp, ba].iter().all(Option::is_none) {
                continue;
            }
            let change = match (pl, ar) {
                (Some(a), Some(b)) => format!(
                    "{} ({})",
                    signed(b - a),
                    ratio_pct(b - a, a).map_or("—".into(), |p| pct(p, true))
                ),
                _ => "—".into(),
            };
            let exec = match (sp, ar) {
                (Some(s), Some(a)) => ratio_pct(s, a).map_or("—".into(), |p| pct(p, false)),
                _ => "—".into(),
            };
            funds.push(vec![
                clean(&p.label(pi)),
                name.to_string(),
                opt(pl),
                opt(ar),
                change,
                opt(sp),
                opt(ba),
                exec,
            ]);
        }
    }
    let d = &rep.department_form;
    if let (Some(i), Some(e)) = (
        d.income.summary.as_ref().and_then(|x| x.total),
        d.expenditure.summary.as_ref().and_then(|x| x.total),
    ) {
        funds.push(vec![
            "部门整体".into(),
            "收入 / 支出".into(),
            i.to_string(),
            i.to_string(),
            String::new(),
            e.to_string(),
            (i - e).to_string(),
            ratio_pct(e, i).map_or("—".into(), |p| pct(p, false)),
        ]);
    }
    out.push(Table {
        title: "预算与实际（万元）".into(),
        head: [
            "表",
            "来源",
            "计划安排",
            "实际到位",
            "变动",
            "实际支出",
            "结余",
            "执行率",
        ]
        .map(String::from)
        .to_vec(),
        rows: funds,
    });

    let mut finding_rows = Vec::new();
    for f in flags {
        let (decision, reason) = match review.and_then(|rv| rv.decision(f)) {
            Some(d) if d.decision == Decision::Confirmed => ("确认".to_string(), d.reason.clone().unwrap_or_default()),
            Some(d) => ("驳回".to_string(), d.reason.clone().unwrap_or_default()),
            None => ("未决定".to_string(), String::new()),
        };
        finding_rows.push(vec![
            f.severity.zh().to_string(),
            clean(&f.place_zh),
            clean(&f.message_zh),
            decision,
            clean(&reason),
        ]);
    }
    out.push(Table {
        title: "发现的问题及复核决定".into(),
        head: ["级别", "位置", "问题", "决定", "理由"].map(String::from).to_vec(),
        rows: finding_rows,
    });

    for f in &s.forms {
        let mut rows = Vec::new();
        for l in &f.lines {
            let entry = review.and_then(|rv| rv.score(&l.id));
            rows.push(vec![
                clean(&l.group),
                clean(&l.label_zh),
                l.weight.to_string(),
                opt(l.self_score),
                l.suggested.map_or("需判断".into(), |s| s.to_string()),
                entry.map_or("—".into(), |e| e.score.to_string()),
                clean(
                    &entry
                        .and_then(|e| e.reason.clone())
                        .unwrap_or_else(|| l.reason_zh.clone()),
                ),
            ]);
        }
        rows.push(vec![
            String::new(),
            "合计".into(),
            "100".into(),
            opt(f.self_score),
            String::new(),
            format!("{} {}", f.review.total, f.review.grade),
            f.review
                .capped_at
                .map_or(String::new(), |c| format!("按执行率封顶{c}分")),
        ]);
        out.push(Table {
            title: format!("评分：{}", clean(&f.name)),
            head: ["类别", "评分项", "分值", "自评", "建议", "复核", "依据 / 理由"]
                .map(String::from)
                .to_vec(),
            rows,
        });
    }

    let notes = review
        .map(|rv| {
            rv.annotations
                .iter()
                .map(|a| {
                    let place = flags
                        .iter()
                        .find(|f| f.path == a.target || f.key() == a.target)
                        .map_or_else(|| clean(&a.target), |f| clean(&f.place_zh));
                    vec![place, clean(&a.text), clean(&a.author), a.time.clone()]
                })
                .collect()
        })
        .unwrap_or_default();
    out.push(Table {
        title: "批注".into(),
        head: ["项目", "批注", "作者", "时间"].map(String::from).to_vec(),
        rows: notes,
    });

    let opinion = review.map(|rv| rv.opinion.clone()).unwrap_or_default();
    out.push(Table {
        title: "财政部门归口业务科室意见".into(),
        head: ["结论", "意见", "复核人", "日期"].map(String::from).to_vec(),
        rows: vec![vec![
            opinion.conclusion.map_or("—".into(), |c| c.zh().to_string()),
            clean(opinion.text.as_deref().unwrap_or("—")),
            review.map_or("—".into(), |rv| clean(&rv.reviewer)),
            opinion
                .time
                .clone()
                .or_else(|| review.map(|rv| rv.updated.clone()))
                .map_or("—".into(), |t| t.chars().take(10).collect()),
        ]],
    });
    (title, facts, out)
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\n', "<br>")
}

/// Renders the export.
pub fn render(r: &LoadedReport, flags: &[Flag], s: &Summary, format: Format) -> String {
    let (title, facts, tables) = tables(r, flags, s);
    match format {
        Format::Markdown => {
            let mut o = format!("# {}\n\n", md_cell(&title));
            for (k, v) in &facts {
                o.push_str(&format!("- **{}**：{}\n", md_cell(k), md_cell(v)));
            }
            for t in &tables {
                o.push_str(&format!("\n## {}\n\n", md_cell(&t.title)));
                if t.rows.is_empty() {
                    o.push_str("（无）\n");
                    continue;
                }
                o.push_str(&format!(
                    "| {} |\n",
                    t.head.iter().map(|h| md_cell(h)).collect::<Vec<_>>().join(" | ")
                ));
                o.push_str(&format!("|{}|\n", vec!["---"; t.head.len()].join("|")));
                for row in &t.rows {
                    o.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
            }
            o.push_str(&format!(
                "\n复核人（签字）：{}　　日期：{}\n",
                facts[5].1,
                crate::review::now().chars().take(10).collect::<String>()
            ));
            o
        }
        Format::Html => {
            let mut o = String::from("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n");
            o.push_str(&format!("<title>{}</title>\n", html_escape(&title)));
            o.push_str(
                "<style>\n@page { size: A4; margin: 18mm 15mm; }\nbody { font-family: \"Noto Serif CJK SC\", \"Songti SC\", SimSun, serif; font-size: 10.5pt; line-height: 1.45; color: #000; }\nh1 { font-size: 16pt; text-align: center; margin: 0 0 8pt; }\nh2 { font-size: 12pt; margin: 14pt 0 4pt; page-break-after: avoid; }\ntable { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }\nth, td { border: 0.5pt solid #444; padding: 2pt 4pt; vertical-align: top; word-break: break-all; }\nth { background: #eee; }\ntr { page-break-inside: avoid; }\ndl { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt; }\ndt { font-weight: bold; }\n.sign { margin-top: 24pt; text-align: right; }\n@media screen { body { max-width: 180mm; margin: 10mm auto; } }\n</style></head><body>\n",
            );
            o.push_str(&format!("<h1>{}</h1>\n<dl>\n", html_escape(&title)));
            for (k, v) in &facts {
                o.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", html_escape(k), html_escape(v)));
            }
            o.push_str("</dl>\n");
            for t in &tables {
                o.push_str(&format!("<h2>{}</h2>\n", html_escape(&t.title)));
                if t.rows.is_empty() {
                    o.push_str("<p>（无）</p>\n");
                    continue;
                }
                o.push_str("<table><thead><tr>");
                for h in &t.head {
                    o.push_str(&format!("<th>{}</th>", html_escape(h)));
                }
                o.push_str("</tr></thead><tbody>\n");
                for row in &t.rows {
                    o.push_str("<tr>");
                    for c in row {
                        o.push_str(&format!("<td>{}</td>", html_escape(c)));
                    }
                    o.push_str("</tr>\n");
                }
                o.push_str("</tbody></table>\n");
            }
            o.push_str(&format!(
                "<p class=\"sign\">复核人（签字）：{}　　日期：{}</p>\n</body></html>\n",
                html_escape(&facts[5].1),
                crate::review::now().chars().take(10).collect::<String>()
            ));
            o
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(crate::text::csv_record([
                "section", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8",
            ]));
            for (k, v) in &facts {
                let _ = w.write_record(crate::text::csv_record([
                    "fact",
                    k.as_str(),
                    v.as_str(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]));
            }
            for t in &tables {
                let mut head = vec![format!("{}（表头）", t.title)];
                head.extend(t.head.iter().cloned());
                head.resize(9, String::new());
                let _ = w.write_record(crate::text::csv_record(&head));
                for row in &t.rows {
                    let mut r = vec![t.title.clone()];
                    r.extend(row.iter().cloned());
                    r.resize(9, String::new());
                    let _ = w.write_record(crate::text::csv_record(&r));
                }
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
    }
}
