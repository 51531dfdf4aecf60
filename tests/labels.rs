//! The text catalogue (`src/labels.rs`) stays a catalogue: every label is
//! shown somewhere, is named for what it says rather than numbered, and has
//! both languages.

use std::collections::BTreeSet;
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("labels.rs") {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
}

fn names() -> Vec<String> {
    let table = std::fs::read_to_string("src/labels.rs").unwrap();
    let body = &table[table.find("labels! {\n").unwrap()..];
    body.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let (name, _) = l.split_once(" = ")?;
            name.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                .then(|| name.to_string())
        })
        .collect()
}

#[test]
fn every_label_is_named_for_what_it_says_and_shown_somewhere() {
    let names = names();
    assert!(names.len() > 300, "the table was read: {} labels", names.len());
    let unique: BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "a label is defined twice");
    let numbered: Vec<&String> = names
        .iter()
        .filter(|n| {
            n.rsplit('_')
                .next()
                .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    assert!(
        numbered.is_empty(),
        "labels named by number, not by what they say: {numbered:?}"
    );
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let used = |name: &str| {
        files.iter().any(|(_, text)| {
            let word = |at: usize| {
                let after = text[at + name.len()..].chars().next();
                let before = text[..at].chars().next_back();
                !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            };
            let glob = text.contains("use crate::labels::*");
            text.match_indices(name)
                .any(|(at, _)| word(at) && (text[..at].ends_with("labels::") || glob))
        })
    };
    let unused: Vec<&String> = names.iter().filter(|n| !used(n)).collect();
    assert!(unused.is_empty(), "labels nothing shows: {unused:?}");
}

#[test]
fn every_label_has_both_languages() {
    for l in fuhe::labels::ALL {
        assert!(!l.zh.trim().is_empty() && !l.en.trim().is_empty(), "{l:?}");
    }
    assert_eq!(fuhe::labels::ALL.len(), names().len());
}
