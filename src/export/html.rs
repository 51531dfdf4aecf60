//! The document as HTML that prints on A4.

use super::document::{Block, Document};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\n', "<br>")
}

const STYLE: &str = "@page { size: A4; margin: 25mm 28mm; }\n\
body { font-family: \"SimSun\", \"Songti SC\", \"Noto Serif CJK SC\", serif; font-size: 12pt; line-height: 1.5; color: #000; }\n\
h1 { font-family: \"SimHei\", \"Heiti SC\", \"Noto Sans CJK SC\", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 10pt; }\n\
h2 { font-family: \"SimHei\", \"Heiti SC\", \"Noto Sans CJK SC\", sans-serif; font-size: 14pt; margin: 14pt 0 4pt; page-break-after: avoid; }\n\
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; font-size: 10.5pt; }\n\
th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; word-break: break-all; }\n\
th { background: #e8e8e8; }\n\
thead { display: table-header-group; }\n\
tr { page-break-inside: avoid; }\n\
dl { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt; }\n\
dt { font-weight: bold; }\n\
.draft { color: #a00; }\n\
.sign { margin-top: 28pt; text-align: right; }\n\
.foot { margin-top: 18pt; font-size: 8pt; color: #666; }\n\
@media screen { body { max-width: 160mm; margin: 10mm auto; } }\n";

pub fn render(doc: &Document) -> String {
    let lang = doc.w("zh-CN", "en");
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style></head><body>\n",
        esc(&doc.title)
    );
    o.push_str(&format!("<h1>{}", esc(&doc.title)));
    if doc.draft {
        o.push_str(&format!(
            "<span class=\"draft\">{}</span>",
            doc.w("（草稿）", " (draft)")
        ));
    }
    o.push_str("</h1>\n<dl>\n");
    for (k, v) in &doc.facts {
        o.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), esc(v)));
    }
    o.push_str("</dl>\n");
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => o.push_str(&format!("<h2>{}</h2>\n", esc(h))),
            Block::Text(t) => o.push_str(&format!("<p>{}</p>\n", esc(t))),
            Block::Table(t) => {
                o.push_str("<table><thead><tr>");
                for h in &t.head {
                    o.push_str(&format!("<th>{}</th>", esc(h)));
                }
                o.push_str("</tr></thead><tbody>\n");
                for row in &t.rows {
                    o.push_str("<tr>");
                    for c in row {
                        o.push_str(&format!("<td>{}</td>", esc(c)));
                    }
                    o.push_str("</tr>\n");
                }
                o.push_str("</tbody></table>\n");
            }
        }
    }
    o.push_str(&format!(
        "<p class=\"sign\">{}{}　　{}{}</p>\n<p class=\"foot\">{}</p>\n</body></html>\n",
        doc.w("复核人（签字）：", "Reviewer (signature): "),
        esc(&doc.reviewer),
        doc.w("日期：", "Date: "),
        esc(&doc.date),
        esc(&doc.footer)
    ));
    o
}
