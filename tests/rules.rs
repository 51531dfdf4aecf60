//! The rule registry is the one list of rules (a finding can only be made
//! from a registered rule), and the README's table is made from it.

use fuhe::rules;

const START: &str = "<!-- rules:start (generated from src/rules.rs; tests/rules.rs fails when they differ) -->\n";
const END: &str = "<!-- rules:end -->";

#[test]
fn the_readme_rule_table_is_the_registry() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = rules::readme_table();
    let (Some(s), Some(e)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the rules markers");
    };
    let written = &readme[s + START.len()..e];
    if written != table {
        if std::env::var_os("FUHE_UPDATE_README").is_some() {
            let updated = format!("{}{table}{}", &readme[..s + START.len()], &readme[e..]);
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"), updated).unwrap();
        }
        panic!(
            "README.md's rule table differs from src/rules.rs; run with FUHE_UPDATE_README=1 to rewrite it. It should be:\n{table}"
        );
    }
}

/// Every rule says something, in both languages, through holes a check can
/// fill: names, not positions or expressions.
#[test]
fn every_rule_has_its_messages_in_both_languages() {
    let mut ids = std::collections::BTreeSet::new();
    for r in rules::ALL {
        assert!(ids.insert(r.id), "rule id {} twice", r.id);
        assert!(!r.messages.is_empty(), "{} has no message", r.id);
        for m in r.messages {
            for t in [m.zh, m.en] {
                assert!(!t.trim().is_empty(), "{}: an empty message", r.id);
                for h in rules::Message::holes(t) {
                    assert!(
                        !h.is_empty()
                            && h.chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                        "{}: hole {{{h}}} in {t:?} is not a name",
                        r.id
                    );
                }
            }
            assert!(
                m.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: {:?}",
                r.id,
                m.zh
            );
        }
    }
}
