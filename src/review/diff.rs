//! What changed in a report since it was reviewed: the report as reviewed
//! is kept beside the review (`<id>.reviewed.json`), and the two are
//! compared value by value.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub path: String,
    pub old: String,
    pub new: String,
}

fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "（空）".into(),
        Some(Value::String(s)) => crate::text::clean(s),
        Some(other) => crate::text::truncate(&crate::text::clean(&other.to_string()), 80),
    }
}

/// Every leaf that differs, with its JSON path.
pub fn diff(old: &Value, new: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk("", Some(old), Some(new), &mut out);
    out
}

fn walk(path: &str, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<Difference>) {
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(&p, x.get(k), y.get(k), out);
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            for i in 0..x.len().max(y.len()) {
                walk(&format!("{path}[{i}]"), x.get(i), y.get(i), out);
            }
        }
        (a, b) if a != b => out.push(Difference {
            path: path.to_string(),
            old: show(a),
            new: show(b),
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_changed_leaves() {
        let a = serde_json::json!({"x": {"total": "1049", "city": "1049"}, "lines": [{"amount": "5"}]});
        let b =
            serde_json::json!({"x": {"total": "1100", "city": "1049"}, "lines": [{"amount": "5"}, {"amount": "7"}]});
        let d = diff(&a, &b);
        assert_eq!(d.len(), 2);
        assert_eq!(
            d[0],
            Difference {
                path: "lines[1]".into(),
                old: "（空）".into(),
                new: "{\"amount\":\"7\"}".into()
            }
        );
        assert_eq!(
            d[1],
            Difference {
                path: "x.total".into(),
                old: "1049".into(),
                new: "1100".into()
            }
        );
        assert!(diff(&a, &a).is_empty());
    }
}
