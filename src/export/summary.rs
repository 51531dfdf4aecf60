//! The 复核结果汇总表: one row per report of a workspace — self-score,
//! fuhe's suggestion and the review score kept apart, grade, conclusion,
//! confirmed findings by severity, status, reviewer and date — for
//! `fuhe summary` in text, CSV, JSON and Excel.

use crate::checks::{Flag, Severity};
use crate::labels::Lang;
use crate::model::Grade;
use crate::review::summary::Summary;
use crate::review::{Decision, Status};
use crate::text::clean;
use crate::workspace::LoadedReport;
use rust_decimal::Decimal;

/// One report's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub file: String,
    pub id: String,
    pub department: String,
    pub year: u16,
    pub self_score: Option<Decimal>,
    pub self_grade: Option<String>,
    /// fuhe's suggestion for the department form; a lower bound while
    /// `to_judge` lines only the auditor can judge are open (then no grade).
    pub suggested: Option<Decimal>,
    pub suggested_grade: Option<String>,
    pub to_judge: usize,
    /// The auditor's score, once every line of the department form is scored.
    pub review: Option<Decimal>,
    pub review_grade: Option<String>,
    /// Lines scored, of all lines (department form).
    pub scored: usize,
    pub items: usize,
    pub conclusion: Option<crate::review::Conclusion>,
    /// Confirmed findings: errors, warnings, infos.
    pub confirmed: (usize, usize, usize),
    pub undecided: usize,
    /// Errors not set aside.
    pub open_errors: usize,
    pub status: Option<Status>,
    pub stale: bool,
    pub invalid: bool,
    pub reviewer: Option<String>,
    /// The local date the review was completed, else last changed.
    pub date: Option<String>,
}

impl Row {
    pub fn of(r: &LoadedReport, flags: &[Flag], s: &Summary) -> Row {
        let d = s.forms.first();
        let review = s.review.as_ref();
        let confirmed = flags
            .iter()
            .filter(|f| review.and_then(|rv| rv.decision(f)).map(|x| x.decision) == Some(Decision::Confirmed))
            .fold((0, 0, 0), |(e, w, i), f| match f.severity {
                Severity::Error => (e + 1, w, i),
                Severity::Warning => (e, w + 1, i),
                Severity::Info => (e, w, i + 1),
            });
        Row {
            file: clean(&r.path.display().to_string()),
            id: r.id.clone(),
            department: clean(&r.report.department),
            year: r.report.year,
            self_score: d.and_then(|d| d.self_score),
            self_grade: d.and_then(|d| d.self_grade.as_deref().map(clean)),
            suggested: d.map(|d| d.sheet.suggested.total),
            suggested_grade: d
                .filter(|d| d.sheet.suggested.unscored == 0)
                .map(|d| d.sheet.suggested.grade.clone()),
            to_judge: d.map_or(0, |d| d.sheet.suggested.unscored),
            review: d.and_then(|d| d.sheet.review.as_ref().map(|t| t.total)),
            review_grade: d.and_then(|d| d.sheet.review.as_ref().map(|t| t.grade.clone())),
            scored: d.map_or(0, |d| d.sheet.scored),
            items: d.map_or(0, |d| d.sheet.items),
            conclusion: s.conclusion(),
            confirmed,
            undecided: s.undecided,
            open_errors: s.open_errors,
            status: s.status(),
            stale: s.stale,
            invalid: s.invalid.is_some(),
            reviewer: review.map(|rv| clean(&rv.reviewer)),
            date: review.map(|rv| crate::clock::date(rv.completed().unwrap_or(&rv.updated))),
        }
    }

    /// The review column as a person reads it: the score, `已评 n/N`, or —.
    pub fn review_text(&self, lang: Lang) -> String {
        match self.review {
            Some(t) => t.to_string(),
            None if self.scored == 0 => "—".into(),
            None => format!("{} {}/{}", lang.t(&crate::labels::SCORED), self.scored, self.items),
        }
    }

    pub fn status_text(&self, lang: Lang) -> String {
        let base = if self.invalid {
            lang.t(&crate::labels::REVIEW_FILE_INVALID).to_string()
        } else {
            self.status
                .map_or(lang.t(&crate::labels::NOT_REVIEWED), |s| lang.t(s.label()))
                .to_string()
        };
        if self.stale {
            format!("{base}{}", lang.t(&crate::labels::REPORT_CHANGED_NOTE))
        } else {
            base
        }
    }
}

/// The column heads, in the order of [`cells`].
pub fn head(lang: Lang) -> Vec<&'static str> {
    let zh = [
        "部门",
        "年度",
        "自评分",
        "自评等次",
        "建议分",
        "建议等次",
        "待判断项",
        "复核分",
        "复核等次",
        "复核结论",
        "确认错误",
        "确认警告",
        "确认提示",
        "未决定",
        "状态",
        "复核人",
        "日期",
    ];
    let en = [
        "Department",
        "Year",
        "Self-score",
        "Self grade",
        "Suggested",
        "Suggested grade",
        "Items to judge",
        "Review score",
        "Review grade",
        "Conclusion",
        "Confirmed errors",
        "Confirmed warnings",
        "Confirmed infos",
        "Undecided",
        "Status",
        "Reviewer",
        "Date",
    ];
    match lang {
        Lang::Zh => zh.to_vec(),
        Lang::En => en.to_vec(),
    }
}

/// A cell: a number (scores, counts) or text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Number(Decimal),
    Text(String),
    Blank,
}

/// A row's cells, in the order of [`head`].
pub fn cells(r: &Row, lang: Lang) -> Vec<Cell> {
    let n = |v: Option<Decimal>| v.map_or(Cell::Blank, Cell::Number);
    let t = |v: Option<String>| v.map_or(Cell::Blank, Cell::Text);
    let count = |c: usize| Cell::Number(Decimal::from(c));
    vec![
        Cell::Text(r.department.clone()),
        Cell::Number(Decimal::from(r.year)),
        n(r.self_score),
        t(r.self_grade.as_deref().map(|g| Grade::shown(g, lang))),
        n(r.suggested),
        t(r.suggested_grade.as_deref().map(|g| Grade::shown(g, lang))),
        count(r.to_judge),
        match r.review {
            Some(v) => Cell::Number(v),
            None if r.scored == 0 => Cell::Blank,
            None => Cell::Text(r.review_text(lang)),
        },
        t(r.review_grade.as_deref().map(|g| Grade::shown(g, lang))),
        t(r.conclusion.map(|c| lang.t(c.label()).to_string())),
        count(r.confirmed.0),
        count(r.confirmed.1),
        count(r.confirmed.2),
        count(r.undecided),
        Cell::Text(r.status_text(lang)),
        t(r.reviewer.clone()),
        t(r.date.clone()),
    ]
}

/// The summary as an Excel workbook: numbers as numbers, the header row
/// frozen, widths fitted to CJK text, a totals row.
pub fn xlsx(rows: &[Row], lang: Lang) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook};
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.t(&crate::labels::REVIEW_SUMMARY)).map_err(e)?;
    let font = lang.t(&crate::labels::BODY_FONT);
    let head_fmt = Format::new()
        .set_bold()
        .set_font_name(font)
        .set_background_color("#E8E8E8")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let text_fmt = Format::new().set_font_name(font).set_border(FormatBorder::Thin);
    let num_fmt = text_fmt.clone().set_num_format("0.00");
    let int_fmt = text_fmt.clone().set_num_format("0");
    let total_fmt = text_fmt.clone().set_bold();
    let heads = head(lang);
    let mut widths: Vec<usize> = heads.iter().map(|h| crate::text::width(h)).collect();
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &head_fmt).map_err(e)?;
    }
    // Columns holding whole numbers (year, counts), by position in `head`.
    let whole = |c: usize| c == 1 || c == 6 || (10..=13).contains(&c);
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, cell) in cells(r, lang).into_iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Number(v) => {
                    let f: f64 = v.to_string().parse().unwrap_or(0.0);
                    let fmt = if whole(c) { &int_fmt } else { &num_fmt };
                    sheet.write_number_with_format(row, col, f, fmt).map_err(e)?;
                    widths[c] = widths[c].max(v.to_string().len());
                }
                Cell::Text(s) => {
                    sheet.write_string_with_format(row, col, &s, &text_fmt).map_err(e)?;
                    widths[c] = widths[c].max(crate::text::width(&s));
                }
                Cell::Blank => {
                    sheet.write_blank(row, col, &text_fmt).map_err(e)?;
                }
            }
        }
    }
    // Totals: how many reports, the mean of each score column that has
    // values, the sums of the counts.
    let last = rows.len() as u32;
    let total_row = last + 1;
    sheet
        .write_string_with_format(
            total_row,
            0,
            format!(
                "{}{}{}",
                lang.t(&crate::labels::SUMMARY_TOTAL_OPEN),
                rows.len(),
                lang.t(&crate::labels::SUMMARY_TOTAL_CLOSE)
            ),
            &total_fmt,
        )
        .map_err(e)?;
    if !rows.is_empty() {
        for c in [2u16, 4, 7] {
            let col = column_name(c);
            let f = Formula::new(format!("=IFERROR(AVERAGE({col}2:{col}{}),\"\")", last + 1));
            sheet
                .write_formula_with_format(total_row, c, f, &num_fmt.clone().set_bold())
                .map_err(e)?;
        }
        for c in 10u16..=13 {
            let col = column_name(c);
            let f = Formula::new(format!("=SUM({col}2:{col}{})", last + 1));
            sheet
                .write_formula_with_format(total_row, c, f, &int_fmt.clone().set_bold())
                .map_err(e)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, (*w as f64 + 2.0).min(60.0))
            .map_err(e)?;
    }
    sheet.set_freeze_panes(1, 1).map_err(e)?;
    book.save_to_buffer().map_err(e)
}

/// `A`, `B`, … for a column index below 26×27.
fn column_name(c: u16) -> String {
    let c = c as u32;
    let mut s = String::new();
    if c >= 26 {
        s.push(char::from_u32('A' as u32 + c / 26 - 1).unwrap_or('A'));
    }
    s.push(char::from_u32('A' as u32 + c % 26).unwrap_or('A'));
    s
}
