//! The document as Markdown: line breaks inside table cells become `<br>`,
//! and in paragraphs Markdown hard breaks, so none is lost.

use super::document::{Block, Document};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn para(s: &str) -> String {
    s.replace('\n', "  \n")
}

pub fn render(doc: &Document) -> String {
    let mut o = format!("# {}", cell(&doc.title));
    if doc.draft {
        o.push_str(doc.w("（草稿）", " (draft)"));
    }
    o.push_str("\n\n");
    for (k, v) in &doc.facts {
        o.push_str(&format!("- **{}**：{}\n", cell(k), cell(v)));
    }
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => o.push_str(&format!("\n## {}\n\n", cell(h))),
            Block::Text(t) => o.push_str(&format!("{}\n\n", para(t))),
            Block::Table(t) => {
                o.push_str(&format!(
                    "| {} |\n|{}|\n",
                    t.head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | "),
                    vec!["---"; t.head.len()].join("|")
                ));
                for row in &t.rows {
                    o.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                o.push('\n');
            }
        }
    }
    o.push_str(&format!(
        "\n{}{}　　{}{}\n\n<small>{}</small>\n",
        doc.w("复核人（签字）：", "Reviewer (signature): "),
        doc.reviewer,
        doc.w("日期：", "Date: "),
        doc.date,
        cell(&doc.footer)
    ));
    o
}
